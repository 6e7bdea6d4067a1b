"""The event lexicon (`seeds/lexicon/verbs.csv`): verb patterns and the CAMEO code each codes."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coder.codebook import EventCode
from coder.dictionaries import read_rows, split_list
from dyad.errors import ConfigError

logger = logging.getLogger(__name__)

TARGET_SLOTS = ("dobj", "dative", "comp", "subject", "none")
SOURCE_SLOTS = ("subject", "agent")  # or prep:<p>: "came under attack *from* Y"


@dataclass(frozen=True, slots=True)
class NounCue:
    """A noun the pattern requires: its lemma and the modifiers it must carry ("drone strike")."""

    head: str
    modifiers: frozenset[str]


CuesByHead = dict[str, tuple[NounCue, ...]]  # noun cues by head word, in the file's order


@dataclass(frozen=True, slots=True, eq=False)
class VerbEntry:
    """One lexicon row. Compared and hashed by identity: each row is loaded once."""

    id: str
    code: str
    verbs: tuple[str, ...]
    objects: tuple[NounCue, ...]
    prep: str | None
    prep_objects: tuple[NounCue, ...]
    complements: frozenset[str]
    targets: tuple[str, ...]
    sources: tuple[str, ...]  # where the source is: ("subject",) unless the row says otherwise
    order: int
    specificity: int = field(init=False)  # how many conditions it sets; the most specific wins
    # The cues by head word: a noun is compared only with the cues its lemma or form can fit.
    object_heads: CuesByHead = field(init=False, repr=False)
    prep_object_heads: CuesByHead = field(init=False, repr=False)

    def __post_init__(self) -> None:
        weight = (
            2 * bool(self.objects)
            + bool(self.prep)
            + 2 * bool(self.prep_objects)
            + 2 * bool(self.complements)
        )
        object.__setattr__(self, "specificity", weight)
        object.__setattr__(self, "object_heads", _by_head(self.objects))
        object.__setattr__(self, "prep_object_heads", _by_head(self.prep_objects))


def _by_head(cues: tuple[NounCue, ...]) -> CuesByHead:
    by_head: dict[str, list[NounCue]] = {}
    for cue in cues:
        by_head.setdefault(cue.head, []).append(cue)
    return {head: tuple(found) for head, found in by_head.items()}


@dataclass
class Lexicon:
    """Lexicon entries indexed by verb lemma, and by "lemma particle" for phrasal verbs."""

    by_verb: dict[str, list[VerbEntry]]
    size: int

    def __post_init__(self) -> None:
        self.lemmas = frozenset(key.split()[0] for key in self.by_verb)
        # Each entry is filed by verb under one condition it sets (the head of each object cue,
        # else each complement verb, else its preposition), so a verb is only tried against the
        # entries its frame could satisfy; entries that set none are always tried.
        self._free: dict[str, list[VerbEntry]] = defaultdict(list)
        self._by_object: dict[tuple[str, str], list[VerbEntry]] = defaultdict(list)
        self._by_complement: dict[tuple[str, str], list[VerbEntry]] = defaultdict(list)
        self._by_prep: dict[tuple[str, str], list[VerbEntry]] = defaultdict(list)
        for key, entries in self.by_verb.items():
            for entry in entries:
                if entry.objects:
                    for head in {cue.head for cue in entry.objects}:
                        self._by_object[(key, head)].append(entry)
                elif entry.complements:
                    for lemma in entry.complements:
                        self._by_complement[(key, lemma)].append(entry)
                elif entry.prep:
                    self._by_prep[(key, entry.prep)].append(entry)
                else:
                    self._free[key].append(entry)

    def entries_for(
        self,
        key: str,
        object_words: Iterable[str],
        complements: Iterable[str] = (),
        preps: Iterable[str] = (),
    ) -> list[VerbEntry]:
        """The entries for a verb key that could fit, given the words its objects could match,
        the lemmas of its complement verbs and its prepositions (each still to be checked in
        full); the order is of no consequence, `match_verbs` ranks them."""
        found = list(self._free.get(key, ()))
        for index, words in (
            (self._by_object, object_words),
            (self._by_complement, complements),
            (self._by_prep, preps),
        ):
            for word in words:
                found.extend(index.get((key, word), ()))
        return list(dict.fromkeys(found))  # an entry two words point at is tried once

    def knows(self, lemma: str) -> bool:
        """Whether any entry is for this verb lemma (alone or with a particle)."""
        return lemma in self.lemmas


def load_lexicon(
    path: Path, codebook: dict[str, EventCode], user_path: Path | None = None
) -> Lexicon:
    """Read and check the lexicon; rows of a user's lexicon replace rows with the same id and
    add new ones. Every code must exist in the codebook."""
    entries: dict[str, VerbEntry] = {}
    sources = [(path, False)] + ([(user_path, True)] if user_path and user_path.is_file() else [])
    for source, is_user in sources:
        for position, row in enumerate(read_rows(source)):
            # a user's rows come first on a tie: their order is before every package row's
            entry = _entry(row, -1 - position if is_user else position, source, position + 2)
            if entry.code not in codebook:
                raise ConfigError(
                    f"Lexicon entry {entry.id} in {source} uses code {entry.code!r}, "
                    "which is not in the CAMEO codebook.",
                    hint="Fix the code (leading zeros matter) or remove the entry.",
                )
            if entry.id in entries and not is_user:
                raise ConfigError(f"Lexicon entry id {entry.id} appears twice in {source}.")
            entries[entry.id] = entry
    by_verb: dict[str, list[VerbEntry]] = defaultdict(list)
    for entry in entries.values():
        for verb in entry.verbs:
            by_verb[verb].append(entry)
    logger.info("Loaded %d lexicon entries for %d verbs", len(entries), len(by_verb))
    return Lexicon(by_verb=dict(by_verb), size=len(entries))


def _entry(row: dict[str, str], order: int, path: Path, line: int) -> VerbEntry:
    if not row.get("id") or not row.get("code") or not row.get("verb"):
        raise ConfigError(f"Line {line} of {path} needs an id, a code and a verb.")
    targets = _slots(row, "target", TARGET_SLOTS, default="dobj")
    sources = _slots(row, "source", SOURCE_SLOTS, default="subject")
    return VerbEntry(
        id=row["id"],
        code=row["code"],
        verbs=tuple(" ".join(verb.lower().split()) for verb in split_list(row["verb"])),
        objects=_cues(row.get("object", "")),
        prep=row.get("prep", "").lower() or None,
        prep_objects=_cues(row.get("prep_object", "")),
        complements=frozenset(word.lower() for word in split_list(row.get("complement", ""))),
        targets=targets,
        sources=sources,
        order=order,
    )


def _slots(
    row: dict[str, str], column: str, allowed: tuple[str, ...], default: str
) -> tuple[str, ...]:
    """The `|`-separated slots of a target or source cell, each named or `prep:<p>`."""
    slots = tuple(split_list(row.get(column, ""))) or (default,)
    for slot in slots:
        if slot not in allowed and not slot.startswith("prep:"):
            raise ConfigError(
                f"Lexicon entry {row['id']} has {column} {slot!r}.",
                hint=f"Use {', '.join(allowed)} or prep:<preposition>.",
            )
    return slots


def _cues(cell: str) -> tuple[NounCue, ...]:
    """Noun cues; the coder compares each word with a token's lemma and its lower-case form."""
    cues = []
    for phrase in split_list(cell):
        words = phrase.lower().split()
        cues.append(NounCue(head=words[-1], modifiers=frozenset(words[:-1])))
    return tuple(cues)
