"""Re-derive the events of stored documents after the coder or its dictionaries changed.

The documents' mentions are replaced by what the coder finds now (a mention that is found again
keeps its `first_seen`), the events they touch are re-aggregated, and every event that appears,
disappears or changes gets a `changes` row with its old and new values: a deletions feed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from coder.records import Document
from schemas.batch import ValidatedBatch
from warehouse.aggregate import refresh_events
from warehouse.connection import connect, scalar, transaction
from warehouse.errors import translated
from warehouse.load import run_row, utc_now
from warehouse.lock import writer_lock
from warehouse.sql import statement

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RecodeResult:
    """What a recode changed: mentions before and after, and events by kind of change."""

    documents: int
    mentions_before: int
    mentions_after: int
    added: int
    deleted: int
    updated: int
    quarantined: int


def stored_documents(con: duckdb.DuckDBPyConnection, since: dt.date | None) -> list[Document]:
    """The warehouse's documents (published on or after `since`, when given), as coder input."""
    with translated("the warehouse while reading documents to recode"):
        rows = con.execute(statement("stored_documents"), {"since": since}).fetchall()
    return [
        Document(doc_id, text, pub_date, url, outlet, title, origin)
        for doc_id, text, pub_date, url, outlet, title, origin in rows
    ]


def replace_mentions(
    con: duckdb.DuckDBPyConnection,
    *,
    doc_ids: list[str],
    events: pl.DataFrame,
    quarantine: pl.DataFrame,
    run: Mapping[str, object],
) -> RecodeResult:
    """Replace the mentions of `doc_ids` with `events` (validated, the events contract), in one
    transaction: re-aggregate the touched events, record `changes`, store quarantined rows and
    upsert the run row."""
    row = run_row(run)
    stamp = {"run_id": row["run_id"], "loaded_at": utc_now()}
    documents = pl.DataFrame({"doc_id": doc_ids}, schema={"doc_id": pl.String})
    frames = {
        "recoded_documents": documents,
        "batch_events": events,
        "batch_quarantine": quarantine,
    }
    with translated(f"the warehouse while recoding in run {row['run_id']}"), transaction(con):
        for name, frame in frames.items():
            con.register(name, frame)
        try:
            con.execute(statement("take_old_mentions")).fetchall()
            old = con.execute(statement("old_mention_events")).fetchall()
            before = int(scalar(con, "SELECT count(*) FROM old_mentions"))
            new = con.execute(
                statement("insert_recoded_mentions"),
                {**stamp, "dictionary_hash": row["dictionary_hash"]},
            ).fetchall()
            refresh_events(
                con, old + new, run_id=row["run_id"], now=stamp["loaded_at"], record_changes=True
            )
            quarantined = int(scalar(con, statement("insert_quarantine"), stamp) or 0)
            row.update(documents_loaded=0, events_loaded=len(new), quarantined=quarantined)
            con.execute(statement("upsert_run"), row).fetchall()
            counts = dict(
                con.execute(statement("count_changes"), {"run_id": row["run_id"]}).fetchall()
            )
            con.execute("DROP TABLE old_mentions")  # a rollback drops it too
        finally:
            for name in frames:
                con.unregister(name)
    result = RecodeResult(
        documents=len(doc_ids),
        mentions_before=before,
        mentions_after=len(new),
        added=counts.get("added", 0),
        deleted=counts.get("deleted", 0),
        updated=counts.get("updated", 0),
        quarantined=quarantined,
    )
    logger.info("Recode %s: %s", row["run_id"], result)
    return result


def read_documents_since(
    db_path: Path, seeds_dir: Path, since: dt.date, *, lock_timeout: float
) -> list[Document]:
    """The warehouse's documents published on or after `since` (none when there is no
    warehouse yet), read under the writer lock like the rest of a run's warehouse work."""
    if not db_path.is_file():
        return []
    with writer_lock(db_path, lock_timeout), connect(db_path, seeds_dir=seeds_dir) as con:
        return stored_documents(con, since)


def read_stored_documents(db_path: Path, seeds_dir: Path, since: dt.date | None) -> list[Document]:
    """Open the warehouse (migrating an older one) and read the documents to recode."""
    with connect(db_path, seeds_dir=seeds_dir) as con:
        return stored_documents(con, since)


def recode_validated(
    db_path: Path,
    seeds_dir: Path,
    documents: list[Document],
    batch: ValidatedBatch,
    run: Mapping[str, object],
) -> RecodeResult:
    """Open the warehouse and replace the mentions of `documents` with the batch's events."""
    with connect(db_path, seeds_dir=seeds_dir) as con:
        return replace_mentions(
            con,
            doc_ids=[document.doc_id for document in documents],
            events=batch.events,
            quarantine=batch.quarantine,
            run=run,
        )
