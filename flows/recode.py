"""The recode flow: read stored documents → code them again → validate → replace their events."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, date, datetime

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from coder import CODER_VERSION
from coder.engine import CodingResult
from coder.records import Document
from dyad.provenance import dictionary_hash
from dyad.settings import Settings
from flows.pipeline import code_documents, validate_records
from flows.report import RecodeReport
from flows.retry import transient_only
from schemas.batch import ValidatedBatch
from warehouse.lock import writer_lock
from warehouse.recode import RecodeResult, read_stored_documents, recode_validated


@task(cache_policy=NO_CACHE)
def read_documents(settings: Settings, since: date | None) -> list[Document]:
    """Read the stored documents to recode (all, or those published on or after `since`)."""
    with writer_lock(settings.db_path, settings.lock_timeout):
        documents = read_stored_documents(settings.db_path, settings.seeds_dir, since)
    get_run_logger().info("Read %d stored documents to recode", len(documents))
    return documents


@task(
    cache_policy=NO_CACHE,
    retries=3,
    retry_delay_seconds=[2, 10, 30],
    retry_condition_fn=transient_only,
)
def replace_events(
    documents: list[Document], batch: ValidatedBatch, settings: Settings, run: dict[str, object]
) -> RecodeResult:
    """Replace the documents' mentions, re-aggregate their events and record the changes."""
    with writer_lock(settings.db_path, settings.lock_timeout):
        result = recode_validated(settings.db_path, settings.seeds_dir, documents, batch, run)
    get_run_logger().info("Recoded %s", result)
    return result


@flow(name="dyad-recode")
def recode(settings: Settings, since: date | None = None) -> RecodeReport:
    """Re-derive the events of the stored documents with the current coder and dictionaries."""
    started, clock = datetime.now(UTC), time.perf_counter()
    run_id = uuid.uuid4().hex[:12]
    hashed = dictionary_hash(settings)
    documents = read_documents(settings, since)
    coded = code_documents(documents, settings)
    batch = validate_records(coded, [], settings)
    run = recode_run_row(run_id, hashed, started, since, documents, coded)
    result = replace_events(documents, batch, settings, run)
    return RecodeReport(
        run_id=run_id,
        documents=result.documents,
        sentences=coded.sentences,
        mentions_before=result.mentions_before,
        mentions_after=result.mentions_after,
        added=result.added,
        deleted=result.deleted,
        updated=result.updated,
        quarantined=result.quarantined,
        dictionary_hash=hashed,
        seconds=time.perf_counter() - clock,
    )


def recode_run_row(
    run_id: str,
    hashed: str,
    started: datetime,
    since: date | None,
    documents: list[Document],
    coded: CodingResult,
) -> dict[str, object]:
    """The `runs` row of a recode, written in the same transaction as its changes."""
    return {
        "run_id": run_id,
        "started_at": started,
        "finished_at": datetime.now(UTC),
        "status": "completed",
        "inputs": [f"recode since {since}" if since else "recode"],
        "coder_version": CODER_VERSION,
        "dictionary_hash": hashed,
        "documents_in": len(documents),
        "sentences": coded.sentences,
        "events_coded": len(coded.events),
    }
