"""Load the actor dictionaries in `seeds/actors/` into phrase tables the actor finder uses."""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from coder.phrases import PhraseTable
from dyad.errors import ConfigError

logger = logging.getLogger(__name__)

Tokenize = Callable[[str], list[str]]
EntryKind = Literal["country", "capital", "metonym", "region", "organization"]


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A dictionary entry that names an actor: a country, region, city or organisation."""

    code: str
    country: str | None
    role: str | None
    kind: EntryKind
    label: str  # where it came from, e.g. "countries:RUS"


@dataclass(frozen=True, slots=True)
class RoleEntry:
    """An agent word or office title that gives an actor its role."""

    role: str
    label: str  # e.g. "roles:force" or "titles:prime minister"


@dataclass(slots=True)
class ActorDictionary:
    """Named actors (matched on lower-case words) and role words (head compared by lemma)."""

    names: PhraseTable[ActorEntry]
    roles: PhraseTable[RoleEntry]


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a seeds CSV file, with empty cells as empty strings."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                yield {key: (value or "").strip() for key, value in row.items() if key}
    except FileNotFoundError as exc:
        raise ConfigError(
            f"The dictionary file {path} is missing.", hint="Point DYAD_SEEDS_DIR at dyad's seeds/."
        ) from exc


def split_list(cell: str) -> list[str]:
    """The `|`-separated items of a cell."""
    return [item.strip() for item in cell.split("|") if item.strip()]


def load_actors(actors_dir: Path, tokenize: Tokenize) -> ActorDictionary:
    """Read countries, regions, organisations, roles and titles from `actors_dir`."""
    names: PhraseTable[ActorEntry] = PhraseTable()
    roles: PhraseTable[RoleEntry] = PhraseTable()
    add_phrase = _adder(names, tokenize)
    for row in read_rows(actors_dir / "countries.csv"):
        code = row["code"]
        country = ActorEntry(code, code, None, "country", f"countries:{code}")
        for phrase in [row["name"], *split_list(row["aliases"]), *split_list(row["adjectives"])]:
            add_phrase(phrase, country)
        capital = ActorEntry(code, code, None, "capital", f"capitals:{code}")
        for phrase in split_list(row["capitals"]):
            add_phrase(phrase, capital)
        seat = ActorEntry(code + "GOV", code, "GOV", "metonym", f"metonyms:{code}")
        for phrase in split_list(row["metonyms"]):
            add_phrase(phrase, seat)
    for row in read_rows(actors_dir / "regions.csv"):
        region = ActorEntry(row["code"], row["code"], None, "region", f"regions:{row['code']}")
        for phrase in [row["name"], *split_list(row["aliases"]), *split_list(row["adjectives"])]:
            add_phrase(phrase, region)
    for row in read_rows(actors_dir / "organizations.csv"):
        org = _organization(row)
        for phrase in [row["name"], *split_list(row["aliases"])]:
            add_phrase(phrase, org)
    for file, column in (("roles.csv", "phrase"), ("titles.csv", "title")):
        for row in read_rows(actors_dir / file):
            entry = RoleEntry(row["role"], f"{file.removesuffix('.csv')}:{row[column]}")
            roles.add(tokenize(row[column]), entry)
    logger.info("Loaded %d actor phrases and %d role words", len(names), len(roles))
    return ActorDictionary(names=names, roles=roles)


def _organization(row: dict[str, str]) -> ActorEntry:
    code, kind = row["code"], row["kind"]
    label = f"organizations:{code}"
    if kind == "DOM":  # a domestic organisation: country code, then its role
        return ActorEntry(code, code[:3], code[3:6] or None, "organization", label)
    return ActorEntry(code, None, kind, "organization", label)


def _adder(table: PhraseTable[ActorEntry], tokenize: Tokenize) -> Callable[[str, ActorEntry], None]:
    def add(phrase: str, entry: ActorEntry) -> None:
        words = tokenize(phrase)
        if words and words[0] == "the" and len(words) > 1:
            words = words[1:]
        if not table.add(words, entry):
            existing = table.get(words)
            if existing is not None and existing.code != entry.code:
                logger.warning(
                    "Phrase %r is already %s; ignoring it for %s",
                    phrase,
                    existing.label,
                    entry.label,
                )

    return add
