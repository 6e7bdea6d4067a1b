"""What a statement about a deed codes to: "urged Israel to *free* prisoners" appeals for a release.

CAMEO codes appeals (02), intents (03), demands (10), rejections (12) and threats (13) by the deed
they are about: appealing for a release is 0253, threatening a blockade 1381. For each deed code,
`seeds/cameo/stances.csv` gives the code of each kind of statement about it, so the coder can
take the subcode from the complement verb ("urged Germany to *send missiles*": 072 → 0232)
instead of writing a lexicon row per pair of verbs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from coder.codebook import EventCode
from coder.dictionaries import read_rows
from dyad.errors import ConfigError

DEED = "deed"
INTENT = "03"  # the column of intents, which holds threats for conflictual deeds
REFUSAL = "12"  # the column of rejections
# the column of each kind of announcement `clauses.unreal` reports
ANNOUNCEMENTS = {"future": INTENT, "refused": REFUSAL}


@dataclass(frozen=True, slots=True)
class Stances:
    """Statement codes by deed code and by the kind of statement: a column per code prefix
    ("02" appeals, "03" intents, "10" demands, "12" rejections, "13" threats, "141" to "145"
    protests, whose subcode says what they demand)."""

    by_deed: dict[str, dict[str, str]]
    roots: frozenset[str]  # the column names: code prefixes
    _columns: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    def covers(self, code: str) -> bool:
        """Whether `code` is a kind of statement the table refines."""
        return self._column(code) is not None

    def _column(self, code: str) -> str | None:
        """The longest column name that `code` starts with (worked out once per code: every
        coded event asks)."""
        if code not in self._columns:
            found = max((c for c in self.roots if code.startswith(c)), key=len, default=None)
            self._columns[code] = found
        return self._columns[code]

    def announced(self, deed: str, kind: str) -> str | None:
        """The code of announcing a deed: for the future (`kind` "future": an intent for
        cooperation, a threat for conflict, the `03` column) or as not to be done ("refused":
        "will not lift sanctions", a refusal, the `12` column); None when CAMEO codes no such
        statement or `kind` is no announcement."""
        column = ANNOUNCEMENTS.get(kind)
        return self.by_deed.get(deed, {}).get(column) if column else None

    def refine(self, statement: str, deed: str) -> str | None:
        """The code of statement `statement` about deed `deed`, when it says more: the generic
        code of the column (`020`, `030`, `141`) takes any refinement, a subcode only one below
        it."""
        column = self._column(statement)
        refined = self.by_deed.get(deed, {}).get(column) if column else None
        if not column or not refined or refined == statement:
            return None
        generic = statement in (column, column + "0")
        return refined if generic or refined.startswith(statement) else None


def load_stances(path: Path, codebook: dict[str, EventCode]) -> Stances:
    """Read `stances.csv`; every code in it must be in the codebook."""
    by_deed: dict[str, dict[str, str]] = {}
    roots: set[str] = set()
    for line, row in enumerate(read_rows(path), start=2):
        codes = {root: code for root, code in row.items() if root != DEED and code}
        for code in [row[DEED], *codes.values()]:
            if code not in codebook:
                raise ConfigError(
                    f"Line {line} of {path} uses code {code!r}, which is not in the codebook.",
                    hint="Fix the code (leading zeros matter) or remove it.",
                )
        roots.update(root for root in row if root != DEED)
        by_deed[row[DEED]] = codes
    return Stances(by_deed, frozenset(roots))
