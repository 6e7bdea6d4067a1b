"""The dyad pipeline flow: ingest → parse and code → validate → load → export."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from coder import CODER_VERSION
from coder.engine import CodingResult
from coder.records import Document
from dyad.commands import load_coder
from dyad.provenance import dictionary_hash
from dyad.settings import Settings
from flows.report import RunReport, count_checks
from flows.retry import transient_only
from ingest.collect import IngestResult, collect
from ingest.normalize import Limits
from ingest.readers import Rejection
from schemas.batch import ValidatedBatch, validate_batch
from warehouse.export import Manifest
from warehouse.export import export_parquet as write_parquet
from warehouse.load import LoadResult, load_validated


@task(cache_policy=NO_CACHE)
def ingest_documents(paths: list[Path], limits: Limits) -> IngestResult:
    """Read and normalise the input documents; reject bad ones with a reason."""
    result = collect(paths, limits)
    get_run_logger().info(
        "Ingested %d documents from %d files (%d rejected)",
        len(result.documents),
        result.files,
        len(result.rejections),
    )
    return result


@task(cache_policy=NO_CACHE)
def code_documents(documents: list[Document], settings: Settings) -> CodingResult:
    """Parse every document with spaCy and code its sentences into CAMEO events."""
    result = load_coder(settings).code_rows(documents, batch_size=settings.batch_size)
    get_run_logger().info("Coded %d sentences into %d events", result.sentences, len(result.events))
    return result


@task(cache_policy=NO_CACHE)
def validate_records(
    coded: CodingResult, rejections: list[Rejection], settings: Settings
) -> ValidatedBatch:
    """Check documents and events against their contracts; failures go to quarantine."""
    rows = [rejection.to_record() for rejection in rejections]
    batch = validate_batch(coded.documents, coded.events, rows, settings.seeds_dir)
    get_run_logger().info(
        "Validated: %d documents, %d events, %d quarantined",
        batch.documents.height,
        batch.events.height,
        batch.quarantine.height,
    )
    return batch


@task(
    cache_policy=NO_CACHE,
    retries=3,
    retry_delay_seconds=[2, 10, 30],
    retry_condition_fn=transient_only,
)
def load_warehouse(batch: ValidatedBatch, settings: Settings, run: dict[str, object]) -> LoadResult:
    """Load the batch into DuckDB in one transaction; rows already there are not added again."""
    result = load_validated(settings.db_path, settings.seeds_dir, batch, run)
    get_run_logger().info("Loaded %s", result)
    return result


@task(cache_policy=NO_CACHE)
def export_parquet(settings: Settings, run_id: str) -> Manifest:
    """Export the warehouse to Parquet partitioned by year and month, with a manifest."""
    return write_parquet(settings.db_path, settings.export_dir, run_id=run_id)


@flow(name="dyad-pipeline")
def pipeline(settings: Settings) -> RunReport:
    """Run the whole pipeline on `settings.inputs` and return the run report."""
    started, clock = datetime.now(UTC), time.perf_counter()
    run_id = uuid.uuid4().hex[:12]
    ingested = ingest_documents(settings.inputs, settings.limits)
    coded = code_documents(ingested.documents, settings)
    batch = validate_records(coded, ingested.rejections, settings)
    run = run_row(run_id, settings, started, ingested, coded, batch, clock)
    loaded = load_warehouse(batch, settings, run)
    manifest = export_parquet(settings, run_id) if settings.export else None
    return RunReport(
        run_id=run_id,
        files=ingested.files,
        skipped_files=len(ingested.skipped_files),
        documents_in=len(ingested.documents),
        duplicates=ingested.duplicates,
        documents_loaded=loaded.documents,
        sentences=coded.sentences,
        events_coded=len(coded.events),
        events_loaded=loaded.mentions,
        events_changed=loaded.events,
        quarantined=batch.quarantine.height,
        quarantined_by_check=count_checks(batch.quarantine["check_name"].to_list()),
        db_path=str(settings.db_path),
        export_dir=str(settings.export_dir) if manifest else None,
        seconds=time.perf_counter() - clock,
    )


def run_row(
    run_id: str,
    settings: Settings,
    started: datetime,
    ingested: IngestResult,
    coded: CodingResult,
    batch: ValidatedBatch,
    clock: float,
) -> dict[str, object]:
    """The `runs` table row for this run, written in the same transaction as its data."""
    return {
        "run_id": run_id,
        "started_at": started,
        "finished_at": datetime.now(UTC),
        "status": "completed",
        "inputs": [str(path) for path in settings.inputs],
        "coder_version": CODER_VERSION,
        "dictionary_hash": dictionary_hash(settings),
        "documents_in": len(ingested.documents),
        "documents_loaded": batch.documents.height,
        "sentences": coded.sentences,
        "events_coded": len(coded.events),
        "events_loaded": batch.events.height,
        "quarantined": batch.quarantine.height,
        "seconds": time.perf_counter() - clock,
    }
