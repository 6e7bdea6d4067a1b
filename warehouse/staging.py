"""Part files: each coded batch, validated, as three Parquet files in a staging folder.

Workers (threads, processes or Dask machines) code a batch of documents, validate it and write
`<part>.documents.parquet`, `<part>.events.parquet` and `<part>.quarantine.parquet`; the one
writer reads the parts back and loads them into DuckDB in a single transaction. Only the part's
path and counts travel back to the flow, so a worker's memory holds one batch at a time.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from schemas.batch import ValidatedBatch
from schemas.documents import DOCUMENT_SCHEMA
from schemas.events import EVENT_SCHEMA
from schemas.quarantine import QUARANTINE_SCHEMA

TABLES = {"documents": DOCUMENT_SCHEMA, "events": EVENT_SCHEMA, "quarantine": QUARANTINE_SCHEMA}


@dataclass(frozen=True, slots=True)
class Part:
    """One staged batch: where its files are and what it holds."""

    path: Path
    documents: int
    sentences: int
    events_coded: int
    events_valid: int
    quarantined_by_check: dict[str, int] = field(default_factory=dict)


def write_part(
    path: Path, batch: ValidatedBatch, *, documents: int, sentences: int, events: int
) -> Part:
    """Write the batch's three frames as `<path>.<table>.parquet`; the part's summary.

    Each file is written under a temporary name and renamed, so a part file is whole or absent.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = {"documents": batch.documents, "events": batch.events, "quarantine": batch.quarantine}
    for table, frame in frames.items():
        target = part_file(path, table)
        partial = target.with_name(f".{target.name}.partial")
        frame.write_parquet(partial)
        partial.replace(target)
    checks = batch.quarantine["check_name"].value_counts()
    return Part(
        path=path,
        documents=documents,
        sentences=sentences,
        events_coded=events,
        events_valid=batch.events.height,
        quarantined_by_check=dict(checks.iter_rows()),
    )


def read_parts(
    paths: Sequence[Path], extra_quarantine: pl.DataFrame | None = None
) -> ValidatedBatch:
    """The parts' frames concatenated, with the contracts' dtypes (plus `extra_quarantine`)."""
    frames = {table: _read_table(paths, table) for table in TABLES}
    if extra_quarantine is not None:
        frames["quarantine"] = pl.concat([extra_quarantine, frames["quarantine"]])
    return ValidatedBatch(frames["documents"], frames["events"], frames["quarantine"])


def part_file(path: Path, table: str) -> Path:
    """The Parquet file of `table` in the part at `path`."""
    return path.with_name(f"{path.name}.{table}.parquet")


def remove_staging(folder: Path) -> None:
    """Delete a run's staging folder once its parts are loaded."""
    shutil.rmtree(folder, ignore_errors=True)


def _read_table(paths: Sequence[Path], table: str) -> pl.DataFrame:
    schema = TABLES[table]
    files = [part_file(path, table) for path in paths]
    if not files:
        return pl.DataFrame(schema=schema)
    return pl.concat([pl.read_parquet(file).cast(dict(schema)) for file in files])  # type: ignore[arg-type]


def plan_parts(count: int, size: int, folder: Path) -> list[tuple[slice, Path]]:
    """Split `count` items into slices of `size`, each with its part path in `folder`."""
    return [
        (slice(start, start + size), folder / f"part-{index:05d}")
        for index, start in enumerate(range(0, count, size))
    ]
