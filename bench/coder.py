"""Benchmark the coder: spaCy parsing alone vs `dyad code` end to end, on the same corpus.

Prints sentences per second for both and the coder's overhead over the parse (target: ≤ 25%).
Run: `make bench` or `.venv/bin/python -m bench.coder [--docs N]`.
"""

from __future__ import annotations

import argparse
import io
import json
import time
from collections.abc import Callable

from bench.corpus import documents
from dyad.commands import code_lines, load_coder
from dyad.settings import load_settings


def interleaved_best(
    repeats: int, first: Callable[[], int], second: Callable[[], int]
) -> tuple[float, int, float, int]:
    """Run the two workloads alternately `repeats` times each (so drift in machine speed hits
    both alike); the fastest time and the count of each."""
    times: tuple[list[float], list[float]] = ([], [])
    counts = [0, 0]
    for _ in range(repeats):
        for index, work in enumerate((first, second)):
            start = time.perf_counter()
            counts[index] = work()
            times[index].append(time.perf_counter() - start)
    return min(times[0]), counts[0], min(times[1]), counts[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=400, help="documents in the corpus")
    parser.add_argument("--repeats", type=int, default=7, help="runs of each; the best counts")
    args = parser.parse_args()

    settings = load_settings()
    start = time.perf_counter()
    coder = load_coder(settings)
    load_seconds = time.perf_counter() - start
    records = documents(args.docs)
    texts = [record["text"] for record in records]
    lines = [json.dumps(record).encode() + b"\n" for record in records]

    def parse_only() -> int:
        docs = coder.nlp.pipe(texts, batch_size=settings.batch_size)
        return sum(1 for doc in docs for _ in doc.sents)

    def code_end_to_end() -> int:
        out = io.StringIO()
        code_lines(coder, lines, "bench", settings, out)
        return out.getvalue().count("\n")

    parse_only()  # warm up caches and the model
    parse_seconds, sentences, code_seconds, events = interleaved_best(
        args.repeats, parse_only, code_end_to_end
    )
    overhead = code_seconds / parse_seconds - 1
    print(f"corpus: {len(records)} documents, {sentences} sentences, {events} events coded")
    print(f"model and dictionaries load: {load_seconds:.2f} s (once per process)")
    print(f"(a) spaCy parse alone:      {sentences / parse_seconds:8.1f} sentences/s")
    print(f"(b) dyad code end to end:   {sentences / code_seconds:8.1f} sentences/s")
    print(
        f"ratio (b)/(a) time: {code_seconds / parse_seconds:.3f}  (coder overhead {overhead:.1%})"
    )


if __name__ == "__main__":
    main()
