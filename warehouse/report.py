"""What the analyst report shows, read from the warehouse (rendering is dyad.html_report)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from dyad.errors import WarehouseError
from warehouse.connection import connect
from warehouse.errors import translated
from warehouse.sql import statement


@dataclass(frozen=True, slots=True)
class ReportData:
    """The frames behind each part of the report."""

    totals: dict[str, object]
    quad_daily: pl.DataFrame
    goldstein_countries: pl.DataFrame
    top_dyads: pl.DataFrame
    latest_events: pl.DataFrame


def read_report_data(
    db_path: Path, *, countries: int = 6, dyads: int = 15, latest: int = 30
) -> ReportData:
    """Read the report's figures from the warehouse at `db_path` (read-only)."""
    with connect(db_path, read_only=True) as con, translated(f"the report on {db_path}"):

        def frame(name: str, **params: int) -> pl.DataFrame:
            relation = con.sql(statement(name), params=params or None)
            if relation is None:
                raise WarehouseError(f"The report query {name} returned no result.")
            return relation.pl()

        return ReportData(
            totals=frame("report_totals").row(0, named=True),
            quad_daily=frame("report_quad_daily"),
            goldstein_countries=frame("report_goldstein_countries", countries=countries),
            top_dyads=frame("report_top_dyads", dyads=dyads),
            latest_events=frame("report_latest_events", latest=latest),
        )
