"""Load one batch (documents, mentions, quarantine, run row) into the warehouse, all or nothing."""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from dyad.errors import WarehouseError
from schemas.batch import ValidatedBatch
from schemas.copies import COPY_SCHEMA
from warehouse.aggregate import refresh_events
from warehouse.connection import connect, scalar, transaction
from warehouse.errors import translated
from warehouse.lock import writer_lock
from warehouse.sql import statement
from warehouse.staging import read_parts

logger = logging.getLogger(__name__)

RUN_COLUMNS = (
    "run_id",
    "started_at",
    "finished_at",
    "status",
    "inputs",
    "coder_version",
    "dictionary_hash",
    "documents_in",
    "documents_loaded",
    "sentences",
    "events_coded",
    "events_loaded",
    "quarantined",
    "seconds",
    "documents_skipped",
    "ingest_seconds",
    "code_seconds",
    "load_seconds",
)


@dataclass(frozen=True, slots=True)
class LoadResult:
    """Rows a batch added per table (rows whose key was already stored are not counted), and
    the events it inserted or changed by adding mentions to them."""

    documents: int
    mentions: int
    events: int
    quarantine: int


def load_batch(
    con: duckdb.DuckDBPyConnection,
    *,
    documents: pl.DataFrame,
    events: pl.DataFrame,
    quarantine: pl.DataFrame,
    run: Mapping[str, object],
    copies: pl.DataFrame | None = None,
) -> LoadResult:
    """Insert the batch's new rows, re-aggregate the events they touch, upsert the run row;
    all in one transaction.

    `events` holds the coder's sentence-events (the events contract); they become rows of
    `event_mentions`, stamped with the run's `dictionary_hash`. The run row's
    `documents_loaded` and `events_loaded` are set to the documents and mentions this batch
    added, `load_seconds` to the time the load took up to its run row. Rows whose key (doc_id, mention id, quarantine_id) is already stored are skipped, and
    so are the mentions of documents stored before (`dyad recode` re-derives those), so loading
    the same batch twice adds nothing and changes no count. Each new row gets the run's
    `run_id` and `loaded_at` (`quarantined_at` for quarantine), UTC now. On any error nothing
    is kept. `copies` (near-duplicate copies of documents, the document-copies contract) are
    stored likewise; a new copy re-aggregates its canonical document's events, whose
    `num_sources` counts the copy's outlet.
    """
    began = time.perf_counter()
    row = run_row(run)
    stamp = {"run_id": row["run_id"], "loaded_at": utc_now()}
    copies = COPY_SCHEMA.to_frame() if copies is None else copies
    frames = {"documents": documents, "events": events, "quarantine": quarantine, "copies": copies}
    with (
        translated(f"the warehouse while loading run {row['run_id']}"),
        _registered(con, frames),
        transaction(con),
    ):
        added = _insert_documents(con, stamp)
        quarantined = _insert_rows(con, "quarantine", stamp)
        touched = _insert_mentions(con, {**stamp, "dictionary_hash": row["dictionary_hash"]})
        copied = _insert_copies(con, stamp)
        refreshed = refresh_events(
            con, [*touched, *copied], run_id=row["run_id"], now=stamp["loaded_at"]
        )
        con.unregister("added_documents")
        row.update(
            documents_loaded=added,
            events_loaded=len(touched),
            load_seconds=round(time.perf_counter() - began, 3),
        )
        con.execute(statement("upsert_run"), row).fetchall()
    result = LoadResult(
        documents=added, mentions=len(touched), events=refreshed.written, quarantine=quarantined
    )
    logger.info("Run %s loaded: %s", row["run_id"], result)
    return result


def load_validated(
    db_path: Path, seeds_dir: Path, batch: ValidatedBatch, run: Mapping[str, object]
) -> LoadResult:
    """Open the warehouse and load a validated batch into it (see `load_batch`)."""
    with connect(db_path, seeds_dir=seeds_dir) as con:
        return load_batch(
            con,
            documents=batch.documents,
            events=batch.events,
            quarantine=batch.quarantine,
            run=run,
            copies=batch.copies,
        )


def load_parts(
    db_path: Path,
    seeds_dir: Path,
    parts: list[Path],
    rejections: pl.DataFrame,
    run: Mapping[str, object],
    *,
    lock_timeout: float,
    copies: pl.DataFrame | None = None,
) -> LoadResult:
    """Load staged part files (warehouse.staging), ingest's rejections and its near-duplicate
    `copies` in one transaction, holding the writer lock (waiting up to `lock_timeout` seconds
    for another run's load)."""
    batch = read_parts(parts, extra_quarantine=rejections)
    if copies is not None:
        batch = replace(batch, copies=copies)
    with writer_lock(db_path, lock_timeout):
        return load_validated(db_path, seeds_dir, batch, run)


def coded_documents(
    db_path: Path, seeds_dir: Path, coder_version: str, dictionary_hash: str, *, lock_timeout: float
) -> set[tuple[str, str]]:
    """(doc_id, content_hash) of the stored documents this coder version and these dictionaries
    coded; empty when there is no warehouse yet."""
    if not db_path.is_file():
        return set()
    params = {"coder_version": coder_version, "dictionary_hash": dictionary_hash}
    with writer_lock(db_path, lock_timeout), connect(db_path, seeds_dir=seeds_dir) as con:
        with translated(str(db_path)):
            rows = con.execute(statement("coded_documents"), params).fetchall()
    return {(doc_id, content_hash) for doc_id, content_hash in rows}


def record_failed_run(
    db_path: Path, seeds_dir: Path, run: Mapping[str, object], *, lock_timeout: float
) -> None:
    """Write the `runs` row of a run that failed (nothing else of it was kept)."""
    with writer_lock(db_path, lock_timeout), connect(db_path, seeds_dir=seeds_dir) as con:
        record_run(con, {**run, "status": "failed"})


def record_run(con: duckdb.DuckDBPyConnection, run: Mapping[str, object]) -> None:
    """Insert or update the `runs` row; keys left out (or None) keep their stored value."""
    row = run_row(run)
    with translated(f"the warehouse while recording run {row['run_id']}"):
        con.execute(statement("upsert_run"), row).fetchall()


def run_row(run: Mapping[str, object]) -> dict[str, Any]:
    """Parameters for `upsert_run.sql`: every runs column, `inputs` as JSON, times UTC-naive."""
    unknown = sorted(set(run) - set(RUN_COLUMNS))
    if unknown or not run.get("run_id"):
        raise WarehouseError(
            f"A run row needs a run_id and only runs columns; got unknown keys {unknown}.",
            hint=f"Use the columns {', '.join(RUN_COLUMNS)}.",
        )
    row = {column: run.get(column) for column in RUN_COLUMNS}
    if isinstance(row["inputs"], list | tuple):
        row["inputs"] = json.dumps([str(path) for path in row["inputs"]])
    for column in ("started_at", "finished_at"):
        row[column] = _utc_naive(row[column])
    return row


def utc_now() -> dt.datetime:
    """Now in UTC, without tzinfo, as DuckDB's TIMESTAMP columns store it."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _utc_naive(value: object) -> object:
    """An aware datetime converted to naive UTC; anything else unchanged."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


@contextmanager
def _registered(
    con: duckdb.DuckDBPyConnection, frames: Mapping[str, pl.DataFrame]
) -> Iterator[None]:
    """Make each frame queryable as `batch_<table>` for the block (outside its transaction)."""
    for table, frame in frames.items():
        con.register(f"batch_{table}", frame)
    try:
        yield
    finally:
        for table in frames:
            con.unregister(f"batch_{table}")


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, stamp: dict[str, Any]) -> int:
    """Insert the rows of `batch_<table>` whose key `table` lacks; returns how many were added."""
    return int(scalar(con, statement(f"insert_{table}"), stamp) or 0)


def _insert_documents(con: duckdb.DuckDBPyConnection, stamp: dict[str, Any]) -> int:
    """Insert the new documents of `batch_documents`, registered as `added_documents` for the
    mentions insert; returns how many were added."""
    rows = con.execute(statement("insert_documents"), stamp).fetchall()
    con.register("added_documents", pl.DataFrame(rows, schema={"doc_id": pl.String}, orient="row"))
    return len(rows)


def _insert_mentions(
    con: duckdb.DuckDBPyConnection, stamp: dict[str, Any]
) -> list[tuple[str, dt.date]]:
    """Insert the new mentions of `batch_events`; the (event_id, event_date) of each added."""
    return con.execute(statement("insert_event_mentions"), stamp).fetchall()


def _insert_copies(
    con: duckdb.DuckDBPyConnection, stamp: dict[str, Any]
) -> list[tuple[str, dt.date]]:
    """Insert the new copies of `batch_copies`; the (event_id, event_date) of each event of
    their canonical documents (already stored, or added by this batch)."""
    canonical = con.execute(statement("insert_document_copies"), stamp).fetchall()
    if not canonical:
        return []
    frame = pl.DataFrame(canonical, schema={"doc_id": pl.String}, orient="row")
    con.register("copied_documents", frame)
    try:
        return con.execute(statement("copied_events")).fetchall()
    finally:
        con.unregister("copied_documents")
