"""The Prefect task runner the parse-and-code stage runs on, chosen by `DYAD_TASK_RUNNER`."""

from __future__ import annotations

from typing import Any, cast

from prefect.futures import PrefectFuture
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from dyad.settings import Settings

Runner = TaskRunner[PrefectFuture[Any]]


def sequential() -> Runner:
    """This process, one task at a time (the spaCy pipeline is not shared between threads)."""
    return cast(Runner, ThreadPoolTaskRunner(max_workers=1))


def task_runner(settings: Settings) -> Runner:
    """`local`: this process, one batch at a time. `dask`: the cluster at `DYAD_DASK_ADDRESS`,
    or a local cluster of `DYAD_DASK_WORKERS` single-threaded processes."""
    if settings.task_runner == "local":
        return sequential()
    from prefect_dask import DaskTaskRunner

    if settings.dask_address:
        return cast(Runner, DaskTaskRunner(address=settings.dask_address))
    runner = DaskTaskRunner(
        cluster_kwargs={
            "n_workers": settings.dask_workers,
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": None,
        }
    )
    return cast(Runner, runner)
