"""Export events, documents and quarantine as partitioned Parquet with a manifest, atomically.

Layout: `<out_dir>/<table>/year=YYYY/month=MM/*.parquet` and `<out_dir>/manifest.json`. The export
is written into a staging folder beside `out_dir`, then renamed into place: a reader sees the old
export, briefly no folder, or the new export, never a half-written one. Each export is a full
snapshot; `run_id` only records which run asked for it. Parquet has no enum type, so
`date_source` and `stage` are strings there.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import tempfile
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import duckdb

from dyad.errors import WarehouseError
from warehouse.connection import SCHEMA_VERSION, connect
from warehouse.errors import translated
from warehouse.sql import statement

logger = logging.getLogger(__name__)

EXPORTED_TABLES = ("events", "documents", "quarantine")
MANIFEST_FILE = "manifest.json"


@dataclass(frozen=True, slots=True)
class Column:
    """A column of an exported table, with its DuckDB type."""

    name: str
    type: str


@dataclass(frozen=True, slots=True)
class Partition:
    """One `year=YYYY/month=MM` folder: its path and files (relative to the export), rows."""

    path: str
    files: tuple[str, ...]
    rows: int


@dataclass(frozen=True, slots=True)
class TableExport:
    """One exported table."""

    name: str
    rows: int
    partitions: tuple[Partition, ...]
    columns: tuple[Column, ...]


@dataclass(frozen=True, slots=True)
class Manifest:
    """What an export holds; written as `manifest.json` beside the table folders."""

    schema_version: int
    written_at: dt.datetime
    run_id: str | None
    tables: tuple[TableExport, ...]

    def table(self, name: str) -> TableExport:
        """The exported table called `name`."""
        return next(table for table in self.tables if table.name == name)


def export_parquet(db_path: Path, out_dir: Path, *, run_id: str | None) -> Manifest:
    """Write the warehouse's events, documents and quarantine to `out_dir` as Parquet."""
    out_dir = out_dir.resolve()
    _check_replaceable(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
    try:
        with connect(db_path, read_only=True) as con:
            tables = tuple(_export_table(con, name, staging) for name in EXPORTED_TABLES)
        written_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
        manifest = Manifest(SCHEMA_VERSION, written_at, run_id, tables)
        _write_manifest(manifest, staging / MANIFEST_FILE)
        _swap_into_place(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    logger.info("Exported %s to %s", {t.name: t.rows for t in manifest.tables}, out_dir)
    return manifest


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


def _manifest_from(data: dict[str, Any]) -> Manifest:
    tables = tuple(
        TableExport(
            name=table["name"],
            rows=table["rows"],
            partitions=tuple(
                Partition(p["path"], tuple(p["files"]), p["rows"]) for p in table["partitions"]
            ),
            columns=tuple(Column(c["name"], c["type"]) for c in table["columns"]),
        )
        for table in data["tables"]
    )
    written_at = dt.datetime.fromisoformat(data["written_at"])
    return Manifest(data["schema_version"], written_at, data["run_id"], tables)


def _export_table(con: duckdb.DuckDBPyConnection, table: str, staging: Path) -> TableExport:
    """COPY `table` into `staging/<table>/` partitioned by year and month; describe the result."""
    target = staging / table
    with translated(f"the export of {table}"):
        [(rows, files)] = con.execute(
            statement(f"export_{table}"), {"path": str(target)}
        ).fetchall()
        sizes = (
            con.execute(statement("parquet_file_rows"), {"files": files}).fetchall()
            if files
            else []
        )
        described = con.execute(statement("describe_table"), {"table": table}).fetchall()
    target.mkdir(exist_ok=True)
    partitions = _partitions(sizes, staging)
    columns = tuple(Column(name, kind) for name, kind in described)
    return TableExport(table, int(rows), partitions, columns)


def _partitions(sizes: list[tuple[str, int]], root: Path) -> tuple[Partition, ...]:
    """Files grouped by their partition folder, paths relative to `root`."""
    by_folder: dict[str, list[tuple[str, int]]] = {}
    for file, rows in sorted(sizes):
        relative = Path(file).resolve().relative_to(root.resolve())
        by_folder.setdefault(relative.parent.as_posix(), []).append((relative.as_posix(), rows))
    return tuple(
        Partition(folder, tuple(name for name, _ in files), sum(rows for _, rows in files))
        for folder, files in sorted(by_folder.items())
    )


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
