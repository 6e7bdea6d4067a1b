"""Keep `events` equal to the aggregate of `event_mentions`, touching only the events asked.

An event is every mention with the same (event_date, source, target, code); its counts are set
semantics over its mentions (`num_mentions` rows, `num_documents` distinct doc_ids,
`num_sources` distinct outlets). A load re-aggregates only the events its new mentions belong
to, so its cost follows the batch, not the warehouse (docs/schema.md, "From mentions to events").
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

import duckdb
import polars as pl

from warehouse.sql import statement

logger = logging.getLogger(__name__)

TOUCHED = "touched_events"


@dataclass(frozen=True, slots=True)
class Refresh:
    """Events a refresh wrote: inserted or changed (`written`), and deleted."""

    written: int
    deleted: int


def refresh_events(
    con: duckdb.DuckDBPyConnection,
    touched: Iterable[tuple[str, dt.date]],
    *,
    run_id: str,
    now: dt.datetime,
    record_changes: bool = False,
) -> Refresh:
    """Recompute the events `touched` ((event_id, event_date) pairs) from their mentions.

    Events left without mentions are deleted; new ones inserted; changed ones updated with this
    `run_id`. With `record_changes`, each difference is written to `changes` first. Runs inside
    the caller's transaction.
    """
    frame = pl.DataFrame(
        list(touched), schema={"event_id": pl.String, "event_date": pl.Date}, orient="row"
    ).unique()
    if frame.is_empty():
        return Refresh(0, 0)
    con.register(TOUCHED, frame)
    try:
        return _refresh(con, run_id=run_id, now=now, record_changes=record_changes)
    finally:
        con.unregister(TOUCHED)


def rebuild_events(con: duckdb.DuckDBPyConnection, *, run_id: str, now: dt.datetime) -> Refresh:
    """Recompute every event from all mentions, in SQL (a migration; the benchmark's fill)."""
    con.execute(statement("touch_all_events")).fetchall()
    result = _refresh(con, run_id=run_id, now=now, record_changes=False)
    con.execute("DROP VIEW touched_events")  # a rollback drops it too
    return result


def _refresh(
    con: duckdb.DuckDBPyConnection, *, run_id: str, now: dt.datetime, record_changes: bool
) -> Refresh:
    """Refresh the events named by the relation `touched_events` (event_id, event_date)."""
    [(first, last, keys)] = con.execute(statement("touched_range")).fetchall()
    if not keys:
        return Refresh(0, 0)
    params = {"first": first, "last": last}
    con.execute(statement("aggregate_events"), params).fetchall()
    if record_changes:
        stamp = {"run_id": run_id, "changed_at": now}
        con.execute(statement("record_changes"), {**params, **stamp}).fetchall()
    [(deleted,)] = con.execute(statement("delete_emptied_events"), params).fetchall()
    [(written,)] = con.execute(
        statement("upsert_events"), {"run_id": run_id, "updated_at": now}
    ).fetchall()
    con.execute("DROP TABLE fresh_events")  # a rollback drops it too
    result = Refresh(int(written or 0), int(deleted))
    logger.info("Events refreshed for %d keys: %s", keys, result)
    return result
