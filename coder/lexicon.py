"""The event lexicon (`seeds/lexicon/verbs.csv`): verb patterns and the CAMEO code each codes."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from coder.codebook import EventCode
from coder.dictionaries import read_rows, split_list
from dyad.errors import ConfigError

logger = logging.getLogger(__name__)

TARGET_SLOTS = ("dobj", "dative", "comp", "none")


@dataclass(frozen=True, slots=True)
class NounCue:
    """A noun the pattern requires: its lemma and the modifiers it must carry ("drone strike")."""

    head: str
    modifiers: frozenset[str]


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One lexicon row."""

    id: str
    code: str
    verbs: tuple[str, ...]
    objects: tuple[NounCue, ...]
    prep: str | None
    prep_objects: tuple[NounCue, ...]
    complements: frozenset[str]
    targets: tuple[str, ...]
    order: int

    @property
    def specificity(self) -> int:
        """How many conditions the entry sets; the most specific matching entry wins."""
        return (
            2 * bool(self.objects)
            + bool(self.prep)
            + 2 * bool(self.prep_objects)
            + 2 * bool(self.complements)
        )


@dataclass
class Lexicon:
    """Lexicon entries indexed by verb lemma, and by "lemma particle" for phrasal verbs."""

    by_verb: dict[str, list[VerbEntry]]
    size: int

    def __post_init__(self) -> None:
        self.lemmas = frozenset(key.split()[0] for key in self.by_verb)

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
    targets = tuple(split_list(row.get("target", ""))) or ("dobj",)
    for slot in targets:
        if slot not in TARGET_SLOTS and not slot.startswith("prep:"):
            raise ConfigError(
                f"Lexicon entry {row['id']} has target {slot!r}.",
                hint="Use dobj, dative, comp, none or prep:<preposition>.",
            )
    return VerbEntry(
        id=row["id"],
        code=row["code"],
        verbs=tuple(" ".join(verb.lower().split()) for verb in split_list(row["verb"])),
        objects=_cues(row.get("object", "")),
        prep=row.get("prep", "").lower() or None,
        prep_objects=_cues(row.get("prep_object", "")),
        complements=frozenset(word.lower() for word in split_list(row.get("complement", ""))),
        targets=targets,
        order=order,
    )


def _cues(cell: str) -> tuple[NounCue, ...]:
    """Noun cues; the coder compares each word with a token's lemma and its lower-case form."""
    cues = []
    for phrase in split_list(cell):
        words = phrase.lower().split()
        cues.append(NounCue(head=words[-1], modifiers=frozenset(words[:-1])))
    return tuple(cues)
