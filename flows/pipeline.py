"""The dyad pipeline flow: ingest → skip what is coded → parse, code and validate in batches
(part files) → load the parts in one transaction → export."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, runtime, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFutureList, as_completed

from coder import CODER_VERSION
from coder.engine import CodingResult
from coder.records import Document
from dyad.commands import cached_coder, load_coder
from dyad.progress import report_progress
from dyad.provenance import dictionary_hash
from dyad.settings import Settings, load_settings
from flows.report import CodedParts, RunReport, StageClock, combine_parts
from flows.retry import transient_only
from flows.runners import sequential
from ingest.collect import IngestResult, collect, drop_copies_of_stored
from ingest.normalize import Limits
from ingest.readers import Rejection
from schemas.batch import ValidatedBatch, validate_batch
from schemas.copies import copies_frame
from schemas.quarantine import quarantine_frame
from warehouse.export import Manifest
from warehouse.export import export_parquet as write_parquet
from warehouse.load import LoadResult, coded_documents, load_parts, record_failed_run
from warehouse.recode import read_documents_since
from warehouse.staging import Part, plan_parts, remove_staging, write_part

CODING = "coding batches"
FAILURE_LOCK_TIMEOUT = 10.0  # seconds a failed run waits to record that it failed


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
def drop_stored_copies(ingested: IngestResult, settings: Settings) -> IngestResult:
    """Move documents that copy a recently stored one (another outlet's copy of a wire story
    loaded by an earlier run) to near-duplicate rejections."""
    if not ingested.documents or settings.near_duplicate_days == 0:
        return ingested
    earliest = min(document.pub_date for document in ingested.documents)
    since = earliest - timedelta(days=settings.near_duplicate_days)
    stored = read_documents_since(
        settings.db_path, settings.seeds_dir, since, lock_timeout=settings.lock_timeout
    )
    moved = drop_copies_of_stored(ingested, stored)
    get_run_logger().info("%d documents copy stored ones (near-duplicates since %s)", moved, since)
    return ingested


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


@task(cache_policy=NO_CACHE)
def skip_coded(documents: list[Document], settings: Settings) -> list[Document]:
    """Leave out the documents the warehouse already holds, coded by this coder version and
    these dictionaries (same doc_id and text): a rerun codes only what is new."""
    stored = coded_documents(
        settings.db_path,
        settings.seeds_dir,
        CODER_VERSION,
        dictionary_hash(settings),
        lock_timeout=settings.lock_timeout,
    )
    fresh = [doc for doc in documents if (doc.doc_id, doc.content_hash) not in stored]
    get_run_logger().info(
        "%d documents to code, %d already coded", len(fresh), len(documents) - len(fresh)
    )
    return fresh


@task(cache_policy=NO_CACHE)
def code_batch(documents: list[Document], settings: Settings, part: Path) -> Part:
    """Parse and code one batch of documents, validate it and write it as a Parquet part."""
    coded = cached_coder(settings).code_rows(documents, batch_size=settings.batch_size)
    batch = validate_batch(coded.documents, coded.events, [], settings.seeds_dir)
    return write_part(
        part, batch, documents=len(documents), sentences=coded.sentences, events=len(coded.events)
    )


@task(
    cache_policy=NO_CACHE,
    retries=3,
    retry_delay_seconds=[2, 10, 30],
    retry_condition_fn=transient_only,
)
def load_warehouse(
    coded: CodedParts, rejections: list[Rejection], settings: Settings, run: dict[str, object]
) -> LoadResult:
    """Load the part files and ingest's rejections in one transaction, one writer at a time;
    then delete the parts."""
    records = [rejection.to_record() for rejection in rejections]
    copies = copies_frame([rejection.copy for rejection in rejections if rejection.copy])
    for record in records:
        record.pop("copy", None)  # near-duplicates: the copy goes to `document_copies`
    parts = [Path(path) for path in coded.paths]
    result = load_parts(
        settings.db_path,
        settings.seeds_dir,
        parts,
        quarantine_frame(records),
        run,
        lock_timeout=settings.lock_timeout,
        copies=copies,
    )
    remove_staging(staging_folder(settings, str(run["run_id"])))
    get_run_logger().info("Loaded %s", result)
    return result


@task(cache_policy=NO_CACHE)
def export_parquet(settings: Settings, run_id: str) -> Manifest:
    """Export the warehouse to Parquet partitioned by year and month, with a manifest."""
    return write_parquet(settings.db_path, settings.export_dir, run_id=run_id)


def record_failure(flow: Any, flow_run: Any, state: Any) -> None:
    """on_failure hook: the run's `runs` row says it failed (its load, if any, was rolled back)."""
    given = flow_run.parameters.get("settings")
    settings = Settings.model_validate(given) if given else load_settings()
    run = {
        "run_id": run_id_of(str(flow_run.id)),
        "started_at": as_datetime(flow_run.start_time),
        "finished_at": datetime.now(UTC),
        "inputs": [str(path) for path in settings.inputs],
        "coder_version": CODER_VERSION,
    }
    timeout = min(settings.lock_timeout, FAILURE_LOCK_TIMEOUT)
    record_failed_run(settings.db_path, settings.seeds_dir, run, lock_timeout=timeout)


@flow(name="dyad-pipeline", task_runner=sequential(), on_failure=[record_failure])
def pipeline(settings: Settings | None = None) -> RunReport:
    """Run the whole pipeline on `settings.inputs` (default: from DYAD_* variables)."""
    settings = settings or load_settings()
    started, clock = datetime.now(UTC), StageClock()
    run_id = run_id_of(str(runtime.flow_run.id))
    ingested = drop_stored_copies(ingest_documents(settings.inputs, settings.limits), settings)
    fresh = skip_coded(ingested.documents, settings)
    clock.lap("ingest")
    batches, paths = split_batches(fresh, settings, run_id)
    parts = finished(code_batch.map(batches, settings=unmapped(settings), part=paths))
    coded = combine_parts(parts, (rejection.check_name for rejection in ingested.rejections))
    clock.lap("code")
    run = run_row(run_id, settings, started, ingested, coded, clock)
    loaded = load_warehouse(coded, ingested.rejections, settings, run)
    clock.lap("load")
    manifest = export_parquet(settings, run_id) if settings.export else None
    clock.lap("export")
    return RunReport(
        run_id=run_id,
        files=ingested.files,
        skipped_files=len(ingested.skipped_files),
        documents_in=len(ingested.documents),
        documents_skipped=len(ingested.documents) - len(fresh),
        duplicates=ingested.duplicates,
        documents_loaded=loaded.documents,
        sentences=coded.sentences,
        events_coded=coded.events_coded,
        events_loaded=loaded.mentions,
        events_changed=loaded.events,
        quarantined=coded.quarantined,
        quarantined_by_check=coded.quarantined_by_check,
        db_path=str(settings.db_path),
        export_dir=str(settings.export_dir) if manifest else None,
        stage_seconds=clock.seconds,
        seconds=clock.total(),
    )


def as_datetime(value: datetime | None) -> datetime | None:
    """A standard-library datetime from Prefect's (a subclass with its own behaviour)."""
    return None if value is None else datetime.fromisoformat(value.isoformat())


def run_id_of(flow_run_id: str) -> str:
    """The run's id in the warehouse: the random end of its Prefect flow run id."""
    return flow_run_id.replace("-", "")[-12:]


def finished(futures: PrefectFutureList[Part]) -> list[Part]:
    """The batches' parts in order, once all are done; the progress bar moves as each ends."""
    report_progress(CODING, 0, len(futures))
    for done, _ in enumerate(as_completed(futures), start=1):
        report_progress(CODING, done, len(futures))
    return futures.result()


def staging_folder(settings: Settings, run_id: str) -> Path:
    """Where a run's part files are written until they are loaded."""
    return settings.staging_dir / run_id


def split_batches(
    documents: list[Document], settings: Settings, run_id: str
) -> tuple[list[list[Document]], list[Path]]:
    """The documents in batches of `settings.batch_size`, and each batch's part path."""
    plan = plan_parts(len(documents), settings.batch_size, staging_folder(settings, run_id))
    return [documents[where] for where, _ in plan], [path for _, path in plan]


def run_row(
    run_id: str,
    settings: Settings,
    started: datetime,
    ingested: IngestResult,
    coded: CodedParts,
    clock: StageClock,
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
        "documents_loaded": coded.documents,
        "sentences": coded.sentences,
        "events_coded": coded.events_coded,
        "events_loaded": coded.events_valid,
        "quarantined": coded.quarantined,
        "seconds": clock.total(),
        "documents_skipped": len(ingested.documents) - coded.documents,
        "ingest_seconds": clock.seconds.get("ingest"),
        "code_seconds": clock.seconds.get("code"),
    }
