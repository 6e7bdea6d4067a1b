"""Benchmark loading: events per second through validation and into DuckDB, in one run.

Codes a generated corpus once, replicates its rows to the requested size with fresh keys, then
times (a) contract validation and (b) the one-transaction load into a new DuckDB file.
Run: `make bench` or `.venv/bin/python -m bench.load [--events N]`.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.corpus import documents
from coder.records import Document
from dyad.commands import load_coder
from dyad.settings import load_settings
from schemas.batch import validate_batch
from warehouse.load import load_validated


def replicate(
    rows: list[dict[str, object]], copies: int, keys: tuple[str, ...]
) -> list[dict[str, object]]:
    """`copies` copies of `rows`, each copy's key columns suffixed to stay unique."""
    out = []
    for copy in range(copies):
        for row in rows:
            out.append({**row, **{key: f"{row[key]}-{copy}" for key in keys}})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000, help="events to load")
    args = parser.parse_args()

    settings = load_settings()
    coder = load_coder(settings)
    records = documents(300)
    docs = [Document(r["id"], r["text"], date.fromisoformat(r["date"])) for r in records]
    coded = coder.code_rows(docs)
    copies = max(1, args.events // max(1, len(coded.events)))
    doc_rows = replicate(coded.documents, copies, ("doc_id",))
    event_rows = replicate(coded.events, copies, ("doc_id", "event_id"))

    start = time.perf_counter()
    batch = validate_batch(doc_rows, event_rows, [], settings.seeds_dir)
    validate_seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "bench.duckdb"
        run = {"run_id": "bench", "status": "completed"}
        start = time.perf_counter()
        result = load_validated(db_path, settings.seeds_dir, batch, run)
        load_seconds = time.perf_counter() - start
    n = len(event_rows)
    total = validate_seconds + load_seconds
    print(f"events: {n:,} ({result.mentions:,} loaded), documents: {len(doc_rows):,}")
    print(f"(a) validation:            {n / validate_seconds:10.0f} events/s")
    print(f"(b) DuckDB load:           {n / load_seconds:10.0f} events/s")
    print(f"validation + load:         {n / total:10.0f} events/s")
    if result.mentions != n:
        raise SystemExit(f"only {result.mentions:,} of {n:,} events were loaded")


if __name__ == "__main__":
    main()
