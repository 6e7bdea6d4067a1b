"""Export the warehouse as Parquet, GDELT TSV, Phoenix CSV or JSON Lines, with a manifest.

Every export is a folder holding its files and `manifest.json`: the schema version, the format,
the run that wrote it, and per table its columns (DuckDB types), row count and files, each with
its rows and SHA-256. The folder is written into a staging folder beside `out_dir`, then renamed
into place: a reader sees the old export, briefly no folder, or the new export, never a
half-written one. Each export is a full snapshot.

Parquet: `<out_dir>/<table>/year=YYYY/month=MM/*.parquet` for events, event_mentions, documents,
document_copies, quarantine and changes. The others are one file per table at the top of `out_dir`. Parquet has
no enum type, so `date_source` and `stage` are strings there. `read_export` reads any export
back with the manifest's types (docs/schema.md, "Exports").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import shutil
import tempfile
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, get_args

import duckdb
import polars as pl

from dyad.errors import WarehouseError
from warehouse.connection import SCHEMA_VERSION, connect
from warehouse.errors import translated
from warehouse.sql import statement

logger = logging.getLogger(__name__)

ExportFormat = Literal["parquet", "gdelt", "phoenix", "jsonl"]
EXPORT_FORMATS: tuple[str, ...] = get_args(ExportFormat)
EXPORTED_TABLES: dict[str, tuple[str, ...]] = {
    "parquet": (
        "events",
        "event_mentions",
        "documents",
        "document_copies",
        "quarantine",
        "changes",
    ),
    "gdelt": ("gdelt_events",),
    "phoenix": ("phoenix_events",),
    "jsonl": ("events", "event_mentions"),
}
FILE_SUFFIX = {"gdelt": ".tsv", "phoenix": ".csv", "jsonl": ".jsonl"}
MANIFEST_FILE = "manifest.json"


@dataclass(frozen=True, slots=True)
class Column:
    """A column of an exported table, with its DuckDB type."""

    name: str
    type: str


@dataclass(frozen=True, slots=True)
class ExportedFile:
    """One written file: its path relative to the export, its rows and SHA-256 hex digest."""

    path: str
    rows: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Partition:
    """A folder of files (`events/year=2024/month=03` for Parquet; `.` for one-file formats)."""

    path: str
    files: tuple[ExportedFile, ...]
    rows: int


@dataclass(frozen=True, slots=True)
class TableExport:
    """One exported table or view."""

    name: str
    rows: int
    partitions: tuple[Partition, ...]
    columns: tuple[Column, ...]


@dataclass(frozen=True, slots=True)
class Manifest:
    """What an export holds; written as `manifest.json` beside the files."""

    schema_version: int
    format: str
    written_at: dt.datetime
    run_id: str | None
    tables: tuple[TableExport, ...]

    def table(self, name: str) -> TableExport:
        """The exported table called `name`."""
        return next(table for table in self.tables if table.name == name)


def export_warehouse(
    db_path: Path, out_dir: Path, *, run_id: str | None, fmt: ExportFormat = "parquet"
) -> Manifest:
    """Write the warehouse's tables in format `fmt` to `out_dir`, replacing an earlier export."""
    if fmt not in EXPORTED_TABLES:
        raise WarehouseError(
            f"Unknown export format {fmt!r}.", hint=f"Use one of {', '.join(EXPORT_FORMATS)}."
        )
    out_dir = out_dir.resolve()
    _check_replaceable(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
    try:
        with connect(db_path, read_only=True) as con:
            tables = tuple(_export_table(con, fmt, name, staging) for name in EXPORTED_TABLES[fmt])
        written_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
        manifest = Manifest(SCHEMA_VERSION, fmt, written_at, run_id, tables)
        _write_manifest(manifest, staging / MANIFEST_FILE)
        _swap_into_place(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    logger.info("Exported %s as %s to %s", {t.name: t.rows for t in tables}, fmt, out_dir)
    return manifest


def export_parquet(db_path: Path, out_dir: Path, *, run_id: str | None) -> Manifest:
    """Write the warehouse's tables to `out_dir` as partitioned Parquet (see `export_warehouse`)."""
    return export_warehouse(db_path, out_dir, run_id=run_id, fmt="parquet")


def read_manifest(path: Path) -> Manifest:
    """The manifest at `path` (the manifest file, or the export folder holding it)."""
    file = path / MANIFEST_FILE if path.is_dir() else path
    try:
        return _manifest_from(json.loads(file.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise WarehouseError(
            f"Cannot read the export manifest {file}: {exc!r}",
            hint="Run `dyad export` to write a fresh export.",
        ) from exc


def read_export(out_dir: Path, table: str) -> pl.DataFrame:
    """Table `table` of the export in `out_dir`, read back with the manifest's column types."""
    manifest = read_manifest(out_dir)
    exported = manifest.table(table)
    files = [str(out_dir / f.path) for p in exported.partitions for f in p.files]
    columns = {column.name: column.type for column in exported.columns}
    params: dict[str, Any] = {}
    if not files:
        sql = _no_rows(columns)
    elif manifest.format == "parquet":
        sql, params = statement("read_parquet"), {"path": files}
    else:
        sql, params = statement(f"read_{manifest.format}"), {"path": files[0], "columns": columns}
    with duckdb.connect() as con, translated(f"reading back {table} from {out_dir}"):
        relation = con.sql(sql, params=params or None)
        if relation is None:
            raise WarehouseError(f"Reading back {table} from {out_dir} returned no result.")
        return relation.pl()


def _no_rows(columns: dict[str, str]) -> str:
    """A query with `columns` (name → DuckDB type) and no rows: a table exported empty."""
    casts = ", ".join(
        f'CAST(NULL AS {kind}) AS "{name.replace(chr(34), chr(34) * 2)}"'
        for name, kind in columns.items()
    )
    return f"SELECT {casts} LIMIT 0"


def _manifest_from(data: dict[str, Any]) -> Manifest:
    tables = tuple(
        TableExport(
            name=table["name"],
            rows=table["rows"],
            partitions=tuple(
                Partition(p["path"], tuple(ExportedFile(**file) for file in p["files"]), p["rows"])
                for p in table["partitions"]
            ),
            columns=tuple(Column(c["name"], c["type"]) for c in table["columns"]),
        )
        for table in data["tables"]
    )
    written_at = dt.datetime.fromisoformat(data["written_at"])
    return Manifest(data["schema_version"], data["format"], written_at, data["run_id"], tables)


def _export_table(
    con: duckdb.DuckDBPyConnection, fmt: str, table: str, staging: Path
) -> TableExport:
    """Write `table` into `staging` in format `fmt`; describe what was written."""
    with translated(f"the {fmt} export of {table}"):
        if fmt == "parquet":
            sizes = _copy_partitioned(con, table, staging / table)
        else:
            target = staging / f"{table}{FILE_SUFFIX[fmt]}"
            [(rows,)] = con.execute(
                statement(f"export_{fmt}"), {"table": table, "path": str(target)}
            ).fetchall()
            sizes = [(str(target), int(rows))]
        described = con.execute(statement("describe_table"), {"table": table}).fetchall()
    partitions = _partitions(sizes, staging)
    columns = tuple(Column(name, kind) for name, kind in described)
    return TableExport(table, sum(p.rows for p in partitions), partitions, columns)


def _copy_partitioned(
    con: duckdb.DuckDBPyConnection, table: str, target: Path
) -> list[tuple[str, int]]:
    """COPY `table` to `target/year=YYYY/month=MM/`; each file written with its rows."""
    [(_, files)] = con.execute(statement(f"export_{table}"), {"path": str(target)}).fetchall()
    target.mkdir(exist_ok=True)
    if not files:
        return []
    return [
        (name, int(rows))
        for name, rows in con.execute(statement("parquet_file_rows"), {"files": files}).fetchall()
    ]


def _partitions(sizes: list[tuple[str, int]], root: Path) -> tuple[Partition, ...]:
    """Files grouped by their folder, paths relative to `root`, each with its checksum."""
    by_folder: dict[str, list[ExportedFile]] = {}
    for file, rows in sorted(sizes):
        relative = Path(file).resolve().relative_to(root.resolve())
        entry = ExportedFile(relative.as_posix(), rows, sha256_of(Path(file)))
        by_folder.setdefault(relative.parent.as_posix(), []).append(entry)
    return tuple(
        Partition(folder, tuple(files), sum(file.rows for file in files))
        for folder, files in sorted(by_folder.items())
    )


def sha256_of(path: Path) -> str:
    """The SHA-256 hex digest of the file at `path`."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_manifest(manifest: Manifest, path: Path) -> None:
    data = asdict(manifest)
    data["written_at"] = manifest.written_at.isoformat()
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _check_replaceable(out_dir: Path) -> None:
    """Refuse to replace anything but an earlier export (or an empty folder)."""
    if not out_dir.exists():
        return
    if out_dir.is_dir() and ((out_dir / MANIFEST_FILE).is_file() or not any(out_dir.iterdir())):
        return
    raise WarehouseError(
        f"Refusing to replace {out_dir}: it is not a dyad export (no {MANIFEST_FILE}).",
        hint="Choose an empty or new folder for DYAD_EXPORT_DIR.",
    )


def _swap_into_place(staging: Path, out_dir: Path) -> None:
    """Rename `staging` to `out_dir`, moving an earlier export aside and deleting it after."""
    try:
        if not out_dir.exists():
            staging.rename(out_dir)
            return
        old = out_dir.with_name(f".{out_dir.name}.old-{uuid.uuid4().hex}")
        out_dir.rename(old)
        try:
            staging.rename(out_dir)
        except OSError:
            old.rename(out_dir)
            raise
    except OSError as exc:
        raise WarehouseError(
            f"Could not move the new export into {out_dir}: {exc}",
            hint="Check the folder's permissions; the earlier export was kept.",
        ) from exc
    shutil.rmtree(old, ignore_errors=True)
