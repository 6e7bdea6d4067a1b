"""Bring an older warehouse file up to this dyad's schema version, one ordered step at a time.

Each step moves the file from one version to the next with a `.sql` script (sql/migrate_*.sql)
plus whatever must be recomputed. `connect()` runs them in the transaction that applies the
schema, so a migration that fails leaves the file as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

import duckdb

from warehouse.aggregate import rebuild_events
from warehouse.sql import statement

logger = logging.getLogger(__name__)

MIGRATION_RUN_ID = "migrate-v2"


def migrate_1_to_2(con: duckdb.DuckDBPyConnection) -> None:
    """Sentence-level `events` becomes `event_mentions`; `events` is rebuilt as the aggregate."""
    steps = (
        "migrate_1_to_2",
        "create_event_key",
        "create_documents",
        "create_event_mentions",
        "create_events",
        "create_document_copies",  # empty; the event aggregate below reads it (schema 3)
        "migrate_1_to_2_rows",
    )
    for name in steps:
        con.execute(statement(name)).fetchall()
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rebuild_events(con, run_id=MIGRATION_RUN_ID, now=now)


def migrate_2_to_3(con: duckdb.DuckDBPyConnection) -> None:
    """Near-duplicate copies get their table; no copy was stored before, so no count changes."""
    for name in ("migrate_2_to_3", "create_document_copies"):
        con.execute(statement(name)).fetchall()


def migrate_3_to_4(con: duckdb.DuckDBPyConnection) -> None:
    """`runs` gains the documents skipped and the seconds per stage."""
    con.execute(statement("migrate_3_to_4")).fetchall()


# STEPS[v] migrates a version-v file to version v + 1.
STEPS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    1: migrate_1_to_2,
    2: migrate_2_to_3,
    3: migrate_3_to_4,
}


def migrate(con: duckdb.DuckDBPyConnection, version: int, target: int) -> None:
    """Run every step from `version` up to `target`, in order (inside the caller's transaction)."""
    for step in range(version, target):
        logger.warning("Migrating the warehouse from schema version %d to %d", step, step + 1)
        STEPS[step](con)


def can_migrate(version: int, target: int) -> bool:
    """Whether there is a step for every version from `version` up to `target`."""
    return all(step in STEPS for step in range(version, target))
