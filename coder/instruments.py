"""What the weapon named as the doer says about an attack.

"Russian *drones* attacked Odesa" and "Israeli *warplanes* struck southern Lebanon" are aerial
attacks (CAMEO 195), "Israeli *tanks* shelled Rafah" an attack with artillery and tanks (194),
though the verbs alone code only 190 (use conventional military force). Wire copy names the
weapon as the subject this way all the time; `seeds/cameo/instruments.csv` lists the weapons and
the code each gives a generic attack.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coder.arguments import agents
from coder.codebook import EventCode
from coder.dictionaries import read_rows
from coder.parse import Parse
from coder.verbs import through_quantity
from dyad.errors import ConfigError

GENERIC_ATTACKS = frozenset({"190"})  # only the root code says nothing of the weapon
MODIFIER_DEPS = frozenset({"compound", "amod"})


@dataclass(frozen=True, slots=True)
class Instruments:
    """Weapon names (lower-case lemmas, one or two words) and the attack code each implies."""

    codes: dict[tuple[str, ...], str]

    def refine(self, code: str, parse: Parse, verb: int) -> tuple[str, int, str] | None:
        """The attack code the verb (token `verb`)'s doer implies, with the weapon word and the
        weapon's name in the table; None when `code` is not a generic attack or the doer is no
        weapon."""
        if code not in GENERIC_ATTACKS:
            return None
        for doer in _doers(parse, verb):
            found = self.code_of(parse, doer)
            if found is not None:
                return found[0], doer, found[1]
        return None

    def code_of(self, parse: Parse, noun: int) -> tuple[str, str] | None:
        """The code and name of a weapon noun, by its modifier and lemma first ("cruise
        missile"), then its lemma alone."""
        lemma = parse.lemma[noun]
        keys = [
            (parse.lemma[modifier], lemma)
            for modifier in parse.children[noun]
            if parse.dep[modifier] in MODIFIER_DEPS
        ]
        for key in (*keys, (lemma,), (parse.lower[noun],)):
            code = self.codes.get(key)
            if code is not None:
                return code, " ".join(key)
        return None


def _doers(parse: Parse, verb: int) -> list[int]:
    """Who or what did it: the subject, the passive's agent ("was hit *by rockets*"), or the
    subject a conjoined verb shares ("drones attacked Odesa and *killed* two")."""
    dep, children = parse.dep, parse.children
    subjects = [c for c in children[verb] if dep[c] == "nsubj"]
    passive = any(dep[c] in ("nsubjpass", "agent") for c in children[verb])
    doers = agents(parse, verb) if passive else []  # also "were killed *in an air strike*"
    head = parse.head[verb]
    if not subjects and not doers and dep[verb] == "conj" and head != verb:
        return _doers(parse, head)
    return [through_quantity(parse, noun) for noun in (*subjects, *doers)]


def load_instruments(path: Path, codebook: dict[str, EventCode]) -> Instruments:
    """Read `instruments.csv`; every code in it must be in the codebook."""
    codes: dict[tuple[str, ...], str] = {}
    for line, row in enumerate(read_rows(path), start=2):
        if row["code"] not in codebook:
            raise ConfigError(
                f"Line {line} of {path} uses code {row['code']!r}, which is not in the codebook.",
                hint="Fix the code (leading zeros matter) or remove the row.",
            )
        codes[tuple(row["weapon"].lower().split())] = row["code"]
    return Instruments(codes)
