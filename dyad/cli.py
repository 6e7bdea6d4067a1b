"""The `dyad` command line: run the pipeline, code text, query and export the warehouse."""

from __future__ import annotations

import logging
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from dyad.errors import DyadError, TransientError
from dyad.settings import PROJECT_ROOT, Settings, load_settings

app = typer.Typer(
    help="dyad: news text to CAMEO-coded political events, validated, in DuckDB and Parquet.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[Path | None, typer.Option("--db", help="DuckDB warehouse file.")]
SeedsOption = Annotated[
    Path | None, typer.Option("--seeds", help="Seeds folder (codebook, dictionaries, lexicon).")
]
ModelOption = Annotated[str | None, typer.Option("--model", help="Installed spaCy pipeline.")]
ExportOption = Annotated[
    Path | None, typer.Option("--export-dir", help="Folder for Parquet exports.")
]
SourcesOption = Annotated[
    Path | None, typer.Option("--sources", help="Sources file (TOML) of folders, files, feeds.")
]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")]


class ExportFormatChoice(StrEnum):
    """The formats `dyad export` writes (warehouse.export.EXPORT_FORMATS)."""

    parquet = "parquet"
    gdelt = "gdelt"
    phoenix = "phoenix"
    jsonl = "jsonl"


def _settings(**overrides: object) -> Settings:
    try:
        return load_settings(**overrides)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        _fail(DyadError(f"Invalid setting: {exc}", hint="Check the DYAD_* environment variables."))


def _fail(error: DyadError) -> NoReturn:
    """Print one clean line and exit: 75 (try again later) for transient errors, else 1."""
    typer.secho(f"error: {error}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code=75 if isinstance(error, TransientError) else 1)


def _prefect_environment(verbose: bool) -> None:
    """Defaults for Prefect, set before it is imported: no telemetry, quiet unless verbose."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "info" if verbose else "warning")


def _logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@app.command()
def run(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders to ingest (default: seeds/).")
    ] = None,
    db: DbOption = None,
    seeds: SeedsOption = None,
    model: ModelOption = None,
    export_dir: ExportOption = None,
    sources: SourcesOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Run the pipeline: ingest → parse and code → validate → load into DuckDB → export Parquet."""
    _logging(verbose)
    _prefect_environment(verbose)
    settings = _settings(
        inputs=paths or None,
        db_path=db,
        seeds_dir=seeds,
        model=model,
        export_dir=export_dir,
        sources_file=sources,
    )
    from dyad.commands import run_pipeline
    from dyad.progress import progress_bars
    from ingest.sources import load_sources

    try:
        if settings.sources_file is not None:
            load_sources(settings.sources_file)  # a broken file fails here, before the flow
        with progress_bars():
            report = run_pipeline(settings)
    except DyadError as error:
        _fail(error)
    typer.echo(report.summary())


@app.command()
def deploy(
    out: Annotated[
        Path, typer.Option("--out", help="Where to write the deployment spec.")
    ] = PROJECT_ROOT / "prefect.yaml",
    pool: Annotated[str, typer.Option("--pool", help="Prefect work pool to run it.")] = "dyad",
) -> None:
    """Write prefect.yaml: the daily pipeline on DYAD_SCHEDULE (cron, UTC) for a work pool."""
    settings = _settings()
    from dyad.commands import write_deployment

    typer.echo(write_deployment(settings, out, pool))


@app.command()
def serve(verbose: VerboseOption = False) -> None:
    """Serve the daily pipeline on DYAD_SCHEDULE from this process (runs until stopped)."""
    _logging(verbose)
    _prefect_environment(True)
    settings = _settings()
    from dyad.commands import serve_daily

    typer.echo(f"serving dyad-daily/daily on '{settings.schedule}' (UTC); Ctrl-C stops")
    serve_daily(settings)


@app.command()
def recode(
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only documents published on or after YYYY-MM-DD."),
    ] = None,
    db: DbOption = None,
    seeds: SeedsOption = None,
    model: ModelOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Code the stored documents again (after the coder or dictionaries changed); record changes."""
    _logging(verbose)
    _prefect_environment(verbose)
    settings = _settings(db_path=db, seeds_dir=seeds, model=model)
    from dyad.commands import run_recode

    try:
        report = run_recode(settings, since)
    except DyadError as error:
        _fail(error)
    typer.echo(report.summary())


@app.command()
def code(
    path: Annotated[
        str, typer.Argument(help="JSON Lines file of documents (id, text, date), or - for stdin.")
    ] = "-",
    seeds: SeedsOption = None,
    model: ModelOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Code documents into events: JSON Lines in, one JSON event per line out. No database."""
    _logging(verbose)
    settings = _settings(seeds_dir=seeds, model=model)
    from dyad.commands import code_stream
    from dyad.progress import progress_bars

    try:
        with progress_bars():
            rejected = code_stream(path, settings, sys.stdout)
    except DyadError as error:
        _fail(error)
    if rejected:
        typer.secho(f"{rejected} input line(s) were rejected; see messages above.", err=True)


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL to run against the warehouse (read-only).")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="Most rows to print.")] = 50,
) -> None:
    """Run SQL against the warehouse and print the result as a table."""
    settings = _settings(db_path=db)
    from dyad.commands import print_query

    try:
        print_query(settings.db_path, sql, limit)
    except DyadError as error:
        _fail(error)


@app.command()
def export(
    fmt: Annotated[
        ExportFormatChoice,
        typer.Option(
            "--format",
            help="parquet (by year and month), gdelt (GDELT 2.0 event TSV), "
            "phoenix (Phoenix CSV) or jsonl.",
        ),
    ] = ExportFormatChoice.parquet,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Folder to write (default: DYAD_EXPORT_DIR, or <it>-<format> beside it)."
        ),
    ] = None,
    db: DbOption = None,
    export_dir: ExportOption = None,
) -> None:
    """Export the warehouse with a manifest (row counts, SHA-256 per file), replacing it whole."""
    settings = _settings(db_path=db, export_dir=export_dir)
    from dyad.commands import export_warehouse

    try:
        summary = export_warehouse(settings, fmt.value, out)
    except DyadError as error:
        _fail(error)
    typer.echo(summary)


@app.command()
def report(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="HTML file to write (default: report.html beside the warehouse)."
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write one self-contained HTML report: charts by QuadClass, country and dyad, latest events."""
    settings = _settings(db_path=db)
    from dyad.commands import write_report

    try:
        path = write_report(settings, out)
    except DyadError as error:
        _fail(error)
    typer.echo(f"wrote {path}")


@app.command()
def migrate(db: DbOption = None, seeds: SeedsOption = None) -> None:
    """Migrate a warehouse written by an older dyad to this version's schema, in one transaction."""
    settings = _settings(db_path=db, seeds_dir=seeds)
    from dyad.commands import migrate_warehouse

    try:
        typer.echo(migrate_warehouse(settings))
    except DyadError as error:
        _fail(error)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold set: JSON Lines of id, text, date, events.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List the items coded differently from the gold set.")
    ] = False,
    seeds: SeedsOption = None,
    model: ModelOption = None,
) -> None:
    """Score the coder on a gold set: precision, recall, F1 per level and a root confusion table."""
    settings = _settings(seeds_dir=seeds, model=model)
    from dyad.commands import evaluate_gold

    try:
        typer.echo(evaluate_gold(gold, settings, as_json, errors))
    except DyadError as error:
        _fail(error)


@app.command()
def explain(
    text: Annotated[str, typer.Argument(help="The sentence or text to explain.")],
    date_: Annotated[
        str | None, typer.Option("--date", help="Publication date YYYY-MM-DD (default: today).")
    ] = None,
    seeds: SeedsOption = None,
    model: ModelOption = None,
) -> None:
    """Show how a text is coded: the parse, the actors found, each verb's decision, the events."""
    settings = _settings(seeds_dir=seeds, model=model)
    from dyad.commands import explain_text

    try:
        typer.echo(explain_text(text, date_, settings))
    except DyadError as error:
        _fail(error)


sources_app = typer.Typer(
    help="The sources file: folders, files and feeds that `dyad run --sources` reads.",
    no_args_is_help=True,
)
app.add_typer(sources_app, name="sources")


@sources_app.command("check")
def sources_check(
    file: Annotated[
        Path | None, typer.Argument(help="Sources file (default: DYAD_SOURCES_FILE).")
    ] = None,
) -> None:
    """Validate a sources file and say whether each source can be read now; non-zero if not."""
    settings = _settings(sources_file=file)
    if settings.sources_file is None:
        _fail(DyadError("No sources file given.", hint="Name one: `dyad sources check FILE`."))
    from dyad.commands import check_sources_file

    try:
        lines, ok = check_sources_file(settings.sources_file)
    except DyadError as error:
        _fail(error)
    typer.echo("\n".join(lines))
    if not ok:
        _fail(DyadError("Some sources cannot be read.", hint="Fix them in the sources file."))
