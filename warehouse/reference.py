"""Reload the reference tables (CAMEO codebook, countries, organisations, roles) from seeds/."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import NamedTuple

import duckdb

from dyad.errors import ConfigError
from warehouse.errors import translated
from warehouse.sql import statement

logger = logging.getLogger(__name__)


class Seed(NamedTuple):
    """A reference table and the seed file it is loaded from."""

    table: str
    path: Path
    required: bool


SEEDS = (
    Seed("cameo_event_codes", Path("cameo") / "event_codes.csv", required=True),
    Seed("cameo_countries", Path("actors") / "countries.csv", required=False),
    Seed("cameo_organizations", Path("actors") / "organizations.csv", required=False),
    Seed("cameo_roles", Path("actors") / "roles.csv", required=False),
)


def load_reference_tables(con: duckdb.DuckDBPyConnection, seeds_dir: Path) -> dict[str, int]:
    """Replace each reference table with its seed file's rows; returns rows loaded per table.

    A missing or empty optional file (the actor dictionaries) is skipped with a warning and
    its table keeps what it held; a missing codebook raises ConfigError.
    """
    loaded = {}
    for seed in SEEDS:
        path = seeds_dir / seed.path
        if path.is_file() and path.stat().st_size > 0:
            loaded[seed.table] = _load_seed(con, seed.table, path)
        elif seed.required:
            raise ConfigError(
                f"The seed file {path} is missing or empty.",
                hint="Point DYAD_SEEDS_DIR at dyad's seeds/ folder.",
            )
        else:
            logger.warning("Seed file %s is missing; %s is left unchanged.", path, seed.table)
    logger.info("Reference tables loaded: %s", loaded)
    return loaded


def _load_seed(con: duckdb.DuckDBPyConnection, table: str, path: Path) -> int:
    """Replace `table`'s rows with those of `path`; returns the row count."""
    with translated(str(path), hint=f"Check {path}'s header and rows against seeds/README.md."):
        rows = con.execute(statement(f"seed_{table}"), {"path": str(path)}).fetchall()
    return int(rows[0][0])
