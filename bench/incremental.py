"""Benchmark: is a day's load as cheap into a warehouse of 10 million mentions as into an empty one?

Codes a generated corpus once and turns it into five "days" of documents and events (fresh
keys, every event dated that day). Each day is loaded (open, insert, re-aggregate, commit) into
a new empty warehouse, and, one after another, into a warehouse pre-filled with synthetic
mentions (bench/prefill.sql: DuckDB `range()`, dated before the days, with their documents and
events). Prints the median load time of each and their ratio.
Run: `make bench` or `.venv/bin/python -m bench.incremental [--mentions N] [--docs N]`.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.corpus import documents
from coder.records import Document
from dyad.commands import load_coder
from dyad.settings import load_settings
from schemas.batch import ValidatedBatch, validate_batch
from warehouse.connection import connect
from warehouse.load import load_validated

PREFILL = Path(__file__).with_name("prefill.sql")
FIRST_DAY = date(2012, 1, 1)
DAYS = 5


def day_batches(docs: int, seeds_dir: Path) -> list[ValidatedBatch]:
    """Three days of coded documents and events: the corpus again with fresh keys and dates."""
    settings = load_settings()
    records = documents(docs)
    coded = load_coder(settings).code_rows(
        [Document(r["id"], r["text"], date.fromisoformat(r["date"])) for r in records]
    )
    batches = []
    for number in range(DAYS):
        day = FIRST_DAY + timedelta(days=number)
        doc_rows = [
            {**row, "pub_date": day, "doc_id": f"{row['doc_id']}-{number}"}
            for row in coded.documents
        ]
        event_rows = [
            {
                **row,
                "event_date": day,
                "doc_id": f"{row['doc_id']}-{number}",
                "event_id": f"{row['event_id']}-{number}",
            }
            for row in coded.events
        ]
        batches.append(validate_batch(doc_rows, event_rows, [], seeds_dir))
    return batches


def prefill(db_path: Path, seeds_dir: Path, mentions: int) -> float:
    """Create a warehouse holding `mentions` synthetic mentions; the seconds it took."""
    start = time.perf_counter()
    with connect(db_path, seeds_dir=seeds_dir) as con:
        values = {"rows": mentions, "per_day": 3000}
        for sql in PREFILL.read_text(encoding="utf-8").split(";\n"):
            used = {name: value for name, value in values.items() if f"${name}" in sql}
            con.execute(sql, used or None).fetchall()
        con.execute("CHECKPOINT")
    return time.perf_counter() - start


def timed_load(db_path: Path, seeds_dir: Path, batch: ValidatedBatch, run_id: str) -> float:
    start = time.perf_counter()
    result = load_validated(db_path, seeds_dir, batch, {"run_id": run_id, "dictionary_hash": "b"})
    seconds = time.perf_counter() - start
    if result.mentions != batch.events.height:
        raise SystemExit(f"only {result.mentions} of {batch.events.height} mentions loaded")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentions", type=int, default=10_000_000, help="mentions to pre-fill")
    parser.add_argument("--docs", type=int, default=300, help="documents per day")
    args = parser.parse_args()
    seeds_dir = load_settings().seeds_dir
    batches = day_batches(args.docs, seeds_dir)
    with tempfile.TemporaryDirectory() as folder:
        empty = [
            timed_load(Path(folder) / f"empty-{n}.duckdb", seeds_dir, batch, f"e{n}")
            for n, batch in enumerate(batches)
        ]
        full_path = Path(folder) / "full.duckdb"
        fill_seconds = prefill(full_path, seeds_dir, args.mentions)
        with connect(full_path, read_only=True) as con:
            [(held, events)] = con.execute(
                "SELECT (SELECT count(*) FROM event_mentions), (SELECT count(*) FROM events)"
            ).fetchall()
        full = [timed_load(full_path, seeds_dir, batch, f"f{n}") for n, batch in enumerate(batches)]
    day = batches[0]
    print(f"a day: {day.documents.height:,} documents, {day.events.height:,} mentions")
    print(
        f"pre-filled warehouse: {held:,} mentions, {events:,} events ({fill_seconds:.0f} s to fill)"
    )
    print(
        f"load into an empty warehouse:      {statistics.median(empty):6.3f} s (median of {DAYS})"
    )
    print(f"load into the pre-filled one:      {statistics.median(full):6.3f} s (median of {DAYS})")
    print(
        f"ratio pre-filled / empty:          {statistics.median(full) / statistics.median(empty):6.2f}"
    )


if __name__ == "__main__":
    main()
