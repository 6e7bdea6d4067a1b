"""The one place DuckDB's exceptions become dyad's: nothing from the driver leaks out."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from dyad.errors import DyadError, QueryError, WarehouseBusyError, WarehouseError

DEFAULT_HINT = "If this keeps happening, report it with the message above."
HINTS: dict[type[duckdb.Error], str] = {
    duckdb.ConstraintException: "A row breaks a table constraint; validate frames with "
    "schemas.validate.split_valid before loading.",
    duckdb.CatalogException: "The warehouse lacks a table or view; open it for writing "
    "(`dyad run`) so the schema is applied.",
    duckdb.IOException: "Check that the path exists, is readable and the disk is not full.",
}
QUERY_HINT = "Check the SQL; `SHOW TABLES` and docs/schema.md list the tables and columns."


def is_lock_conflict(exc: duckdb.Error) -> bool:
    """Whether `exc` says another process holds the database file's lock."""
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def translate(exc: duckdb.Error, where: str, *, query: bool = False, hint: str = "") -> DyadError:
    """The dyad error for a DuckDB error raised while working on `where` (a path or a task)."""
    if is_lock_conflict(exc):
        return WarehouseBusyError(where)
    if query:
        return QueryError(f"The query failed: {exc}", hint=hint or QUERY_HINT)
    fallback = next((text for kind, text in HINTS.items() if isinstance(exc, kind)), DEFAULT_HINT)
    return WarehouseError(f"DuckDB failed on {where}: {exc}", hint=hint or fallback)


@contextmanager
def translated(where: str, *, query: bool = False, hint: str = "") -> Iterator[None]:
    """Re-raise any DuckDB error inside the block as the matching dyad error."""
    try:
        yield
    except duckdb.Error as exc:
        raise translate(exc, where, query=query, hint=hint) from exc
