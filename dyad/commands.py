"""What each CLI command does, as plain functions the CLI calls and tests can call directly."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING

from coder.engine import Coder
from coder.records import Document
from dyad.errors import InputError
from dyad.settings import Settings
from ingest.readers import Rejection, read_jsonl_lines

if TYPE_CHECKING:
    from flows.report import RecodeReport, RunReport
    from warehouse.export import ExportFormat


def load_coder(settings: Settings) -> Coder:
    """The coder with the settings' model and dictionaries."""
    return Coder.load(
        settings.seeds_dir,
        settings.model,
        max_sentence_chars=settings.max_sentence_chars,
        user_seeds_dir=settings.user_seeds_dir,
    )


def cached_coder(settings: Settings) -> Coder:
    """The coder for these settings, loaded once per process and dictionaries version: a worker
    codes many batches with one spaCy pipeline."""
    from dyad.provenance import dictionary_hash

    return _coder(
        settings.seeds_dir,
        settings.model,
        settings.max_sentence_chars,
        settings.user_seeds_dir,
        dictionary_hash(settings),
    )


@lru_cache(maxsize=2)
def _coder(
    seeds_dir: Path, model: str, max_sentence_chars: int, user_seeds_dir: Path | None, hashed: str
) -> Coder:
    """`hashed` (the dictionaries' hash) is part of the key so edited dictionaries reload."""
    return Coder.load(
        seeds_dir, model, max_sentence_chars=max_sentence_chars, user_seeds_dir=user_seeds_dir
    )


def code_stream(path: str, settings: Settings, out: IO[str]) -> int:
    """Code JSON Lines documents from `path` (or stdin for "-") to JSON events on `out`.

    Rejected input lines are reported on stderr; returns how many there were.
    """
    if path == "-":
        return code_lines(load_coder(settings), sys.stdin.buffer, "<stdin>", settings, out)
    source = Path(path)
    if not source.is_file():
        raise InputError(
            f"The input {source} is not a file.",
            check="missing_input",
            origin=path,
            hint="Give a JSON Lines file, or - to read standard input.",
        )
    coder = load_coder(settings)
    with source.open("rb") as handle:
        return code_lines(coder, handle, str(source), settings, out)


def code_lines(
    coder: Coder, lines: Iterable[bytes], name: str, settings: Settings, out: IO[str]
) -> int:
    """What `dyad code` does once the coder is loaded; returns the number of rejected lines."""
    rejected = 0

    def documents() -> Iterator[Document]:
        nonlocal rejected
        for item in read_jsonl_lines(lines, name, settings.limits):
            if isinstance(item, Rejection):
                rejected += 1
                print(f"rejected {item.origin}: {item.check_name}: {item.message}", file=sys.stderr)
            else:
                yield item

    from dyad.progress import report_progress

    for done, coded in enumerate(coder.code(documents(), batch_size=settings.batch_size), 1):
        report_progress("documents coded", done)
        for event in coded.events:
            out.write(json.dumps(event.to_output(), ensure_ascii=False) + "\n")
    out.flush()
    return rejected


def run_pipeline(settings: Settings) -> RunReport:
    """Run the Prefect pipeline flow with these settings, on the task runner they name."""
    from flows.pipeline import pipeline
    from flows.runners import api_for_workers, task_runner

    with api_for_workers(settings):
        return pipeline.with_options(task_runner=task_runner(settings))(settings)


def write_deployment(settings: Settings, out: Path, work_pool: str) -> str:
    """Write prefect.yaml for the daily deployment; say what to run next."""
    from flows.deploy import deployment_spec, render_spec

    out.write_text(render_spec(deployment_spec(settings, work_pool)), encoding="utf-8")
    return (
        f"wrote {out} (daily at '{settings.schedule}' UTC, work pool {work_pool}); from "
        f"{out.parent}: `prefect work-pool create {work_pool} --type process`, "
        f"`prefect deploy --all`, `prefect worker start --pool {work_pool}`"
    )


def serve_daily(settings: Settings) -> None:
    """Serve the daily deployment from this process until it is stopped (blocks)."""
    from prefect import serve

    from flows.deploy import daily_deployment

    serve(daily_deployment(settings))


def run_recode(settings: Settings, since: str | None) -> RecodeReport:
    """Run the Prefect recode flow over the stored documents (published on or after `since`)."""
    from datetime import date

    from flows.recode import recode

    try:
        day = date.fromisoformat(since) if since else None
    except ValueError as exc:
        raise InputError(
            f"--since {since!r} is not a date.",
            check="invalid_date",
            origin="--since",
            hint="Write it as YYYY-MM-DD.",
        ) from exc
    return recode(settings, day)


def print_query(db_path: Path, sql: str, limit: int) -> None:
    """Run read-only SQL on the warehouse and print the result as a table."""
    from rich.console import Console
    from rich.table import Table

    from warehouse.query import run_query

    frame = run_query(db_path, sql)
    table = Table(*frame.columns, show_lines=False)
    for row in frame.head(limit).iter_rows():
        table.add_row(*("" if value is None else str(value) for value in row))
    console = Console()
    console.print(table)
    if frame.height > limit:
        console.print(f"({frame.height} rows, {limit} shown; use --limit to see more)")
    else:
        console.print(f"({frame.height} rows)")


def migrate_warehouse(settings: Settings) -> str:
    """Open the warehouse for writing, which migrates an older file; say what it holds now."""
    from warehouse.connection import SCHEMA_VERSION, connect, scalar

    with connect(settings.db_path, seeds_dir=settings.seeds_dir) as con:
        events = scalar(con, "SELECT count(*) FROM events")
    return f"{settings.db_path} is at schema version {SCHEMA_VERSION} ({events} events)"


def export_dir_for(settings: Settings, fmt: str) -> Path:
    """Where format `fmt` is exported: DYAD_EXPORT_DIR for Parquet, `<it>-<fmt>` beside it else."""
    if fmt == "parquet":
        return settings.export_dir
    return settings.export_dir.with_name(f"{settings.export_dir.name}-{fmt}")


def export_warehouse(
    settings: Settings, fmt: ExportFormat = "parquet", out: Path | None = None
) -> str:
    """Export the warehouse in format `fmt`; a one-line summary of what was written."""
    from warehouse.export import export_warehouse as write_export

    out_dir = out or export_dir_for(settings, fmt)
    manifest = write_export(settings.db_path, out_dir, run_id=None, fmt=fmt)
    counts = ", ".join(f"{table.name} {table.rows}" for table in manifest.tables)
    return f"exported {counts} rows as {fmt} to {out_dir}"


def write_report(settings: Settings, out: Path | None) -> Path:
    """Write the HTML report of the warehouse to `out` (default: report.html beside it)."""
    from datetime import UTC, datetime

    from dyad.html_report import render
    from warehouse.report import read_report_data

    target = out or settings.db_path.with_name("report.html")
    html = render(read_report_data(settings.db_path), datetime.now(UTC))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.write_text(html, encoding="utf-8")
    partial.replace(target)
    return target


def evaluate_gold(path: Path, settings: Settings, as_json: bool, errors: bool = False) -> str:
    """Score the coder on a gold set; the report as text (or JSON), or the items it got wrong."""
    from coder.evaluation import evaluate, group_codes, read_gold

    if not path.is_file():
        raise InputError(
            f"The gold set {path} is not a file.",
            check="missing_input",
            origin=str(path),
            hint="Give a JSON Lines gold file, e.g. tests/gold/dev.jsonl.",
        )
    result = evaluate(
        load_coder(settings), read_gold(path), group_codes(settings.seeds_dir / "actors")
    )
    if as_json:
        return json.dumps(result.to_dict(), indent=2)
    from dyad.evaluation_report import render, render_disagreements

    return render_disagreements(result) if errors else render(result)


def explain_text(text: str, published: str | None, settings: Settings) -> str:
    """How the coder codes `text`, rendered for people."""
    from datetime import date

    from coder.explain import explain
    from dyad.explain_report import render

    try:
        day = date.fromisoformat(published) if published else date.today()
    except ValueError as exc:
        raise InputError(
            f"--date {published!r} is not a date.",
            check="invalid_date",
            origin="--date",
            hint="Write it as YYYY-MM-DD.",
        ) from exc
    return render(explain(load_coder(settings), text, day))


def check_sources_file(path: Path) -> tuple[list[str], bool]:
    """One line per source of the sources file (ok or failing, and why), and whether all are ok."""
    from ingest.sources import check_sources, load_sources

    statuses = check_sources(load_sources(path))
    lines = [f"{'ok  ' if s.ok else 'FAIL'}  {s.name}: {s.target} ({s.detail})" for s in statuses]
    return lines, all(s.ok for s in statuses)
