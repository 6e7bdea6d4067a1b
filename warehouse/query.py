"""Run an analyst's SQL against the warehouse, read-only."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from warehouse.connection import connect
from warehouse.errors import translated


def run_query(db_path: Path, sql: str) -> pl.DataFrame:
    """The result of `sql` as a frame (empty when the statement returns nothing).

    A missing warehouse raises WarehouseError; an SQL error raises QueryError with DuckDB's
    message.
    """
    with connect(db_path, read_only=True) as con, translated(str(db_path), query=True):
        relation = con.sql(sql)
        return relation.pl() if relation is not None else pl.DataFrame()
