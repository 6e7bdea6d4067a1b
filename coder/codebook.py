"""The CAMEO event codebook (`seeds/cameo/event_codes.csv`): names, Goldstein scores, QuadClass."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dyad.errors import ConfigError

CODEBOOK_FILE = Path("cameo") / "event_codes.csv"


@dataclass(frozen=True, slots=True)
class EventCode:
    """One CAMEO event code and the values every event with that code carries."""

    code: str
    root_code: str
    level: int
    name: str
    goldstein: float
    quad_class: int


@cache
def load_codebook(seeds_dir: Path) -> dict[str, EventCode]:
    """All CAMEO event codes by code, read from the seeds folder."""
    path = seeds_dir / CODEBOOK_FILE
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError as exc:
        raise ConfigError(
            f"The CAMEO codebook {path} is missing.", hint="Point DYAD_SEEDS_DIR at dyad's seeds/."
        ) from exc
    return {
        row["code"]: EventCode(
            code=row["code"],
            root_code=row["root_code"],
            level=int(row["level"]),
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
        )
        for row in rows
    }
