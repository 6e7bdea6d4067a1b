"""Load the actor dictionaries in `seeds/actors/` into phrase tables the actor finder uses.

A user's own folder of the same files (DYAD_USER_SEEDS_DIR) is read after the package's: its
phrases add to the package's and, where the same phrase appears in both, the user's wins.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from coder.phrases import PhraseTable
from dyad.errors import ConfigError

logger = logging.getLogger(__name__)

Tokenize = Callable[[str], list[str]]
EntryKind = Literal[
    "country", "capital", "metonym", "region", "organization", "person", "place", "water"
]
FORMER = "ELI"  # the CAMEO role of former officials and other elites
INTERNATIONAL = ("IGO", "NGO", "IMG", "NGM", "MNC", "INT", "UIS")  # codes with no country first


@dataclass(frozen=True, slots=True)
class Term:
    """A person's time in one office: the CAMEO code they hold from `start` to `end`."""

    code: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A dictionary entry that names an actor: a country, region, city, organisation or person."""

    code: str
    country: str | None
    role: str | None
    kind: EntryKind
    label: str  # where it came from, e.g. "countries:RUS"
    terms: tuple[Term, ...] = ()  # office terms, for people only

    def on(self, day: date) -> ActorEntry | None:
        """The entry as of `day`: a person holds the code of the office they held that day, is
        a former official (`ELI`) after their last term, and is their country before the first."""
        if not self.terms:
            return self
        for term in self.terms:
            if term.start <= day and (term.end is None or day <= term.end):
                return _as_held(self, term.code)
        first = min(self.terms, key=lambda term: term.start)
        if first.code.startswith(INTERNATIONAL):
            return None  # an international official out of office speaks for no organisation
        country = first.code[:3]
        role = FORMER if day > first.start else None
        return ActorEntry(country + (role or ""), country, role, "person", self.label)


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
    abbreviations: PhraseTable[ActorEntry]  # "US", "IS": matched only in capitals


def is_abbreviation(phrase: str) -> bool:
    """A short all-capital alias ("US", "IS", "WHO", "NATO") that is only an actor as written."""
    return phrase.isalpha() and phrase.isupper() and len(phrase) <= 4


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


def load_actors(
    actors_dir: Path, tokenize: Tokenize, user_dir: Path | None = None
) -> ActorDictionary:
    """Read the actor files of `actors_dir`, then any of the same files in `user_dir`."""
    dictionary = ActorDictionary(
        names=PhraseTable(), roles=PhraseTable(), abbreviations=PhraseTable(fold_case=False)
    )
    _read_folder(dictionary, actors_dir, tokenize, replace=False, required=True)
    if user_dir is not None:
        _read_folder(dictionary, user_dir, tokenize, replace=True, required=False)
    logger.info(
        "Loaded %d actor phrases and %d role words", len(dictionary.names), len(dictionary.roles)
    )
    return dictionary


def _read_folder(
    dictionary: ActorDictionary, folder: Path, tokenize: Tokenize, *, replace: bool, required: bool
) -> None:
    add = _adder(dictionary, tokenize, replace)
    readers: dict[str, Callable[[dict[str, str]], None]] = {
        "countries.csv": lambda row: _country(row, add),
        "regions.csv": lambda row: _region(row, add),
        "organizations.csv": lambda row: _organization(row, add),
    }
    for file, read in readers.items():
        if required or (folder / file).is_file():
            for row in read_rows(folder / file):
                read(row)
    if required or (folder / "people.csv").is_file():
        for person, phrases in _people(folder / "people.csv"):
            for phrase in phrases:
                add(phrase, person)
    if required or (folder / "places.csv").is_file():  # last: every other entry wins a tie
        for row in read_rows(folder / "places.csv"):
            _place(row, add)
    for file, column in (("roles.csv", "phrase"), ("titles.csv", "title")):
        if required or (folder / file).is_file():
            for row in read_rows(folder / file):
                role = RoleEntry(row["role"], f"{file.removesuffix('.csv')}:{row[column]}")
                dictionary.roles.add(tokenize(row[column]), role, replace=replace)


def _country(row: dict[str, str], add: Callable[[str, ActorEntry], None]) -> None:
    code = row["code"]
    country = ActorEntry(code, code, None, "country", f"countries:{code}")
    for phrase in [row["name"], *split_list(row["aliases"]), *split_list(row["adjectives"])]:
        add(phrase, country)
    capital = ActorEntry(code, code, None, "capital", f"capitals:{code}")
    for phrase in split_list(row["capitals"]):
        add(phrase, capital)
    seat = ActorEntry(code + "GOV", code, "GOV", "metonym", f"metonyms:{code}")
    for phrase in split_list(row["metonyms"]):
        add(phrase, seat)


def _region(row: dict[str, str], add: Callable[[str, ActorEntry], None]) -> None:
    region = ActorEntry(row["code"], row["code"], None, "region", f"regions:{row['code']}")
    for phrase in [row["name"], *split_list(row["aliases"]), *split_list(row["adjectives"])]:
        add(phrase, region)


def _organization(row: dict[str, str], add: Callable[[str, ActorEntry], None]) -> None:
    code, kind = row["code"], row["kind"]
    label = f"organizations:{code}"
    if kind == "DOM":  # a domestic organisation: country code, then its role
        entry = ActorEntry(code, code[:3], code[3:6] or None, "organization", label)
    else:
        entry = ActorEntry(code, None, kind, "organization", label)
    for phrase in [row["name"], *split_list(row["aliases"])]:
        add(phrase, entry)


def _place(row: dict[str, str], add: Callable[[str, ActorEntry], None]) -> None:
    """A city, province or area: it places actors in its country; on its own it is no source.
    A body of water names no actor: it only keeps "the Gulf" out of "the Gulf of Aden"."""
    label = f"places:{row['name']}"
    if row["kind"] == "water":
        place = ActorEntry("", None, None, "water", label)
    else:
        place = ActorEntry(row["country"], row["country"], None, "place", label)
    for phrase in [row["name"], *split_list(row["aliases"])]:
        add(phrase, place)


def _people(path: Path) -> Iterator[tuple[ActorEntry, list[str]]]:
    """One entry per person (all their terms), with the names that refer to them."""
    terms: dict[str, list[Term]] = {}
    names: dict[str, list[str]] = {}
    for row in read_rows(path):
        try:
            term = Term(
                code=row["code"],
                start=date.fromisoformat(row["start"]),
                end=date.fromisoformat(row["end"]) if row["end"] else None,
            )
        except ValueError as exc:
            raise ConfigError(f"{path}: {row['name']} has a date that is not YYYY-MM-DD.") from exc
        terms.setdefault(row["name"], []).append(term)
        names.setdefault(row["name"], [row["name"]]).extend(split_list(row["aliases"]))
    for name, held in terms.items():
        first = min(held, key=lambda term: term.start)
        entry = ActorEntry(
            first.code, first.code[:3], None, "person", f"people:{name}", tuple(held)
        )
        yield entry, sorted(set(names[name]))


def _as_held(person: ActorEntry, code: str) -> ActorEntry:
    if code.startswith(INTERNATIONAL):
        return ActorEntry(code, None, code[:3], "person", person.label, person.terms)
    return ActorEntry(code, code[:3], code[3:] or None, "person", person.label, person.terms)


def _adder(
    dictionary: ActorDictionary, tokenize: Tokenize, replace: bool
) -> Callable[[str, ActorEntry], None]:
    def add(phrase: str, entry: ActorEntry) -> None:
        if is_abbreviation(phrase):
            dictionary.abbreviations.add([phrase], entry, replace=replace)
            return
        words = tokenize(phrase)
        if words and words[0] == "the" and len(words) > 1:
            words = words[1:]
        table = dictionary.names
        if not table.add(words, entry, replace=replace):
            existing = table.get(words)
            if existing is not None and existing.code != entry.code:
                logger.debug(
                    "Phrase %r is already %s; ignoring it for %s",
                    phrase,
                    existing.label,
                    entry.label,
                )

    return add
