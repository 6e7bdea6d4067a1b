"""A deterministic synthetic wire-news corpus for the benchmarks."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

SUBJECTS = [
    "Russian forces",
    "Ukrainian troops",
    "Chinese officials",
    "The Kremlin",
    "NATO",
    "The United Nations",
    "Iranian Foreign Minister Abbas Araqchi",
    "Israeli warplanes",
    "Georgian police",
    "The European Union",
    "Turkey",
    "Belarusian troops",
    "Pakistani officials",
    "North Korea",
    "The Pentagon",
    "French President Emmanuel Macron",
    "Sudan's army",
]
OBJECTS = [
    "Ukraine",
    "Russia",
    "China",
    "Belarus",
    "Israel",
    "Iran",
    "Georgian protesters",
    "South Korea",
    "Japan",
    "India",
    "the African Union",
    "Syrian rebels",
    "Lebanon",
]
PHRASES = [
    "{s} launched a drone attack on {o} on Sunday.",
    "{s} accused {o} of war crimes.",
    "{s} agreed to expand military cooperation with {o}.",
    "{s} condemned {o} for the strikes, officials said.",
    "{s} held talks with {o} in Geneva on Tuesday.",
    "{s} arrested dozens of {o} near the border.",
    "{s} threatened to impose sanctions on {o}.",
    "{s} did not sign the agreement with {o}.",
    "{s} sent humanitarian aid to {o}, the ministry said.",
    "Officials said {s} had shelled positions held by {o} overnight.",
    "The weather in the capital was mild and markets were calm on Monday.",
    "{s} praised {o} for its restraint during the crisis.",
]


def sentences(n: int, seed: int = 7) -> list[str]:
    """`n` wire-style sentences, the same for the same seed."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        s, o = rng.choice(SUBJECTS), rng.choice(OBJECTS)
        out.append(rng.choice(PHRASES).format(s=s, o=o))
    return out


def documents(n_docs: int, sentences_per_doc: int = 8, seed: int = 7) -> list[dict[str, str]]:
    """JSON Lines records (`id`, `text`, `date`) of `n_docs` documents."""
    pool = sentences(n_docs * sentences_per_doc, seed)
    start = date(2026, 1, 1)
    return [
        {
            "id": f"bench-{i:06d}",
            "date": (start + timedelta(days=i % 300)).isoformat(),
            "text": " ".join(pool[i * sentences_per_doc : (i + 1) * sentences_per_doc]),
        }
        for i in range(n_docs)
    ]


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    """Write records as JSON Lines."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    return path
