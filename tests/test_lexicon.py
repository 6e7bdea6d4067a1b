"""The event lexicon: every CAMEO code is reachable, proved by coding each entry's example."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date

import pytest

from coder.engine import Coder
from dyad.settings import load_settings

SOURCE, TARGET = "Russia", "Ukraine"


@pytest.fixture(scope="module")
def coder() -> Coder:
    settings = load_settings()
    return Coder.load(settings.seeds_dir, settings.model)


def rows() -> list[dict[str, str]]:
    path = load_settings().seeds_dir / "lexicon" / "verbs.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def codebook_codes() -> list[str]:
    path = load_settings().seeds_dir / "cameo" / "event_codes.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["code"] for row in csv.DictReader(handle) if row["level"] != "0"]


def reaches(coder: Coder, row: dict[str, str]) -> bool:
    """Whether the entry's example ("X shelled Y") codes its code from Russia (to Ukraine)."""
    sentence = row["note"].replace("X", SOURCE).replace("Y", TARGET)
    events = coder.code_text(sentence, date(2026, 6, 2)).events
    wanted_target = "UKR" if "Y" in row["note"] else None
    return any(
        event.code == row["code"]
        and event.source.code[:3] == "RUS"
        and (wanted_target is None or (event.target and event.target.code[:3] == wanted_target))
        for event in events
    )


def test_every_code_in_the_codebook_is_reachable(coder: Coder) -> None:
    by_code: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows():
        by_code[row["code"]].append(row)
    unreached = [
        code for code in codebook_codes() if not any(reaches(coder, row) for row in by_code[code])
    ]
    assert not unreached, f"codes no lexicon example reaches: {unreached}"


def test_entries_have_unique_ids_and_examples() -> None:
    ids = [row["id"] for row in rows()]
    assert len(ids) == len(set(ids))
    assert all("X" in row["note"] for row in rows())  # "Y came under attack from X." too
