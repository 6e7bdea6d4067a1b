"""The CAMEO event codebook as the coder uses it: the values each event code carries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from schemas.codebook import load_codebook as load_codebook_frame


@dataclass(frozen=True, slots=True)
class EventCode:
    """One CAMEO event code and the values every event with that code carries."""

    code: str
    root_code: str
    level: int
    name: str
    goldstein: float
    quad_class: int

    @property
    def material(self) -> bool:
        """Whether the event is a deed rather than words: QuadClass 2 or 4."""
        return self.quad_class in (2, 4)


@cache
def load_codebook(seeds_dir: Path) -> dict[str, EventCode]:
    """All CAMEO event codes by code, from the validated codebook in the seeds folder."""
    frame = load_codebook_frame(seeds_dir)
    return {
        row["code"]: EventCode(
            code=row["code"],
            root_code=row["root_code"],
            level=row["level"],
            name=row["name"],
            goldstein=row["goldstein"],
            quad_class=row["quad_class"],
        )
        for row in frame.iter_rows(named=True)
    }
