"""Open the DuckDB warehouse: schema applied, reference tables loaded, version checked."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from dyad.errors import WarehouseError, WarehouseVersionError
from schemas.codebook import default_seeds_dir
from warehouse.errors import translated
from warehouse.migrations import can_migrate, migrate
from warehouse.reference import load_reference_tables
from warehouse.sql import statement

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 4
MIGRATE_COMMAND = "dyad migrate"
DDL = (
    "create_meta",
    "create_event_key",
    "create_documents",
    "create_document_copies",
    "create_event_mentions",
    "create_events",
    "create_changes",
    "create_quarantine",
    "create_runs",
    "create_cameo_event_codes",
    "create_cameo_countries",
    "create_cameo_organizations",
    "create_cameo_roles",
    "create_events_coded",
    "create_daily_dyad_counts",
    "create_monthly_dyad_counts",
    "create_daily_quad_counts",
    "create_country_daily_quad",
    "create_top_actors",
    "create_outlet_daily_counts",
    "create_gdelt_events",
    "create_phoenix_events",
)


@contextmanager
def connect(
    db_path: Path, *, read_only: bool = False, seeds_dir: Path | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the warehouse at `db_path`, closed on exit.

    A write connection creates the file (and its folder), migrates an older file to this
    schema version, applies the schema and reloads the reference tables from `seeds_dir`
    (default: the checkout's seeds/) in one transaction. A read-only connection to an older
    file raises WarehouseVersionError naming the command that migrates it. DuckDB errors inside
    the block leave it as dyad errors (see warehouse.errors).
    """
    con = _open(db_path, read_only=read_only)
    try:
        with translated(str(db_path)):
            version = check_version(con, db_path, read_only=read_only)
            if not read_only:
                with transaction(con):
                    if version is not None and version < SCHEMA_VERSION:
                        migrate(con, version, SCHEMA_VERSION)
                    apply_schema(con)
                    load_reference_tables(con, seeds_dir or default_seeds_dir())
            yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN; COMMIT when the block succeeds, ROLLBACK (and re-raise) when it raises."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table and view that does not exist yet, and mark the schema version."""
    for name in DDL:
        con.execute(statement(name)).fetchall()
    con.execute(statement("set_schema_version"), {"version": SCHEMA_VERSION}).fetchall()


def check_version(con: duckdb.DuckDBPyConnection, db_path: Path, *, read_only: bool) -> int | None:
    """The file's schema version (None for a new file), if dyad can use it.

    Raises WarehouseVersionError for a newer version, for an older one that no migration
    reaches, and for an older one opened read-only (the message names `dyad migrate`).
    """
    if not scalar(con, statement("has_meta")):
        return None
    version = scalar(con, statement("schema_version"))
    if version is None or version == SCHEMA_VERSION:
        return version
    if version > SCHEMA_VERSION:
        raise WarehouseVersionError(
            f"The warehouse {db_path} has schema version {version}, but this dyad reads and "
            f"writes version {SCHEMA_VERSION}.",
            hint="Upgrade dyad, or set DYAD_DB_PATH to a new file.",
        )
    if not can_migrate(version, SCHEMA_VERSION):
        raise WarehouseVersionError(
            f"The warehouse {db_path} has schema version {version}, which cannot be migrated to "
            f"version {SCHEMA_VERSION}.",
            hint="Set DYAD_DB_PATH to a new file and run again.",
        )
    if read_only:
        raise WarehouseVersionError(
            f"The warehouse {db_path} has schema version {version}; this dyad reads version "
            f"{SCHEMA_VERSION}.",
            hint=f"Run `{MIGRATE_COMMAND}` (or any command that writes, such as `dyad run`) "
            "to migrate it; back the file up first if you want to keep the old layout.",
        )
    return int(version)


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any] | None = None) -> Any:
    """The first column of the first row of `sql`'s result, or None when it has no rows."""
    rows = con.execute(sql, params).fetchall()
    return rows[0][0] if rows else None


def _open(db_path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """The raw DuckDB connection; a read-only one needs an existing file."""
    if read_only and not db_path.is_file():
        raise WarehouseError(
            f"There is no warehouse at {db_path}.",
            hint="Run `dyad run` first to create and fill it, or set DYAD_DB_PATH.",
        )
    if not read_only:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    with translated(str(db_path)):
        return duckdb.connect(str(db_path), read_only=read_only)
