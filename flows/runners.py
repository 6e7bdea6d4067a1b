"""The Prefect task runner the parse-and-code stage runs on, chosen by `DYAD_TASK_RUNNER`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def api_for_workers(settings: Settings) -> Iterator[None]:
    """With the `dask` runner, a Prefect API the workers (other processes) report to.

    Workers read PREFECT_API_URL from their environment. When this process has an API URL
    (set by the user, or by a test harness) it is exported for the workers a local cluster
    starts; when it has none, a temporary local server runs for the block. Without either,
    each worker would try to start a temporary server of its own. A remote cluster's workers
    need PREFECT_API_URL set where they run (docs/scale.md).
    """
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if settings.task_runner != "dask":
        yield
        return
    given = PREFECT_API_URL.value()
    if given:
        with _environment("PREFECT_API_URL", given):
            yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    try:
        with (
            _environment("PREFECT_API_URL", server.api_url),
            temporary_settings({PREFECT_API_URL: server.api_url}),
        ):
            yield
    finally:
        server.stop()


@contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    """Set an environment variable for the block (child processes inherit it), then restore."""
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            del os.environ[name]
        else:
            os.environ[name] = before
