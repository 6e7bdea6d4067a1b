"""Benchmark the parse-and-code stage as the pipeline runs it: batches written as part files.

(a) Throughput: the same corpus (800 documents, batches of DYAD_BATCH_SIZE) coded by the
    `local` task runner (this process, one batch at a time) and by a local Dask cluster of 2
    single-threaded worker processes, alternately, timed in one run. Each runner codes the corpus once to warm up (model load) before the timed runs.
(b) Peak memory: the corpus and one ten times larger coded in a fresh process each; the peak
    resident set size (getrusage) of each.
Run: `make bench` or `.venv/bin/python -m bench.scale [--docs N] [--dask-docs N] [--workers N]`.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

from prefect import flow, unmapped

from bench.corpus import documents
from coder.records import Document
from dyad.settings import Settings, load_settings
from flows.pipeline import code_batch, split_batches
from flows.runners import api_for_workers, sequential
from warehouse.staging import Part


def corpus(n_docs: int) -> list[Document]:
    """The benchmark corpus as documents."""
    return [
        Document(doc_id=r["id"], text=r["text"], pub_date=date.fromisoformat(r["date"]))
        for r in documents(n_docs)
    ]


@flow(name="bench-code-stage")
def code_stage(docs: list[Document], settings: Settings) -> list[Part]:
    """The pipeline's parse-and-code stage alone."""
    batches, paths = split_batches(docs, settings, uuid.uuid4().hex[:12])
    return code_batch.map(batches, settings=unmapped(settings), part=paths).result()


def code_in_batches(docs: list[Document], settings: Settings) -> int:
    """What the stage does per batch, without Prefect: code, validate, write the part."""
    batches, paths = split_batches(docs, settings, "rss")
    return sum(
        code_batch.fn(batch, settings, path).events_coded
        for batch, path in zip(batches, paths, strict=True)
    )


def peak_rss_mib(n_docs: int, staging: Path, warmup: int = 0) -> tuple[float, int]:
    """Peak RSS (MiB) of a fresh process coding `n_docs` documents (after `warmup` others, so
    the model's caches are filled first), and the events it coded."""
    command = [
        sys.executable,
        "-m",
        "bench.scale",
        "--child",
        str(n_docs),
        str(staging),
        str(warmup),
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout.split()
    return float(output[0]), int(output[1])


def child(n_docs: int, staging: Path, warmup: int) -> None:
    settings = load_settings(staging_dir=staging)
    if warmup:
        code_in_batches(corpus(warmup)[::-1], settings)
    events = code_in_batches(corpus(n_docs), settings)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, events)


def throughput(docs: list[Document], settings: Settings, workers: int, repeats: int) -> None:
    from distributed import LocalCluster
    from prefect_dask import DaskTaskRunner

    sentences = sum(len(doc.text.split(". ")) for doc in docs)
    with (
        api_for_workers(settings.model_copy(update={"task_runner": "dask"})),
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
    ):
        runners = {
            "local": code_stage.with_options(task_runner=sequential()),
            "dask": code_stage.with_options(
                task_runner=DaskTaskRunner(address=cluster.scheduler_address)
            ),
        }
        for run in runners.values():
            run(docs, settings)  # warm up: each worker loads the model once
        best = dict.fromkeys(runners, float("inf"))
        for _ in range(repeats):
            for name, run in runners.items():
                start = time.perf_counter()
                run(docs, settings)
                best[name] = min(best[name], time.perf_counter() - start)
    print(
        f"corpus: {len(docs)} documents, about {sentences} sentences, batches of {settings.batch_size}"
    )
    for name, seconds in best.items():
        print(f"{name:>5}: {seconds:6.2f} s  {sentences / seconds:8.1f} sentences/s")
    print(f"ratio local / dask ({workers} workers) time: {best['local'] / best['dask']:.2f}")
    print(
        f"load average during the run (1 min), on {os.cpu_count()} cores: {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=400, help="documents in the 1x corpus")
    parser.add_argument("--dask-docs", type=int, default=800, help="documents for throughput")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs of each runner")
    parser.add_argument("--no-rss", action="store_true", help="skip the peak memory runs")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), Path(args.child[1]), int(args.child[2]))
        return
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    logging.getLogger("distributed").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as folder:
        staging = Path(folder)
        for scale in () if args.no_rss else (1, 10):
            rss, events = peak_rss_mib(args.docs * scale, staging / f"x{scale}")
            print(
                f"peak RSS coding {args.docs * scale:>6} documents ({scale:>2}x): {rss:7.1f} MiB  ({events} events)"
            )
        settings = load_settings(staging_dir=staging / "throughput")
        throughput(corpus(args.dask_docs), settings, args.workers, args.repeats)


if __name__ == "__main__":
    main()
