"""Progress bars for long work: drawn on stderr when it is a terminal, and nothing otherwise.

The command line opens `progress_bars()` around the work; code doing long work calls
`report_progress(label, done, total)`, which does nothing when no bars are open (in tests, in a
served deployment, on a Dask worker).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

Reporter = Callable[[str, int, int | None], None]
_REPORTER: ContextVar[Reporter | None] = ContextVar("dyad_progress", default=None)


def report_progress(label: str, done: int, total: int | None = None) -> None:
    """Say that `done` of `total` (None: unknown) steps of `label` are finished."""
    reporter = _REPORTER.get()
    if reporter is not None:
        reporter(label, done, total)


@contextmanager
def reporting(reporter: Reporter) -> Iterator[None]:
    """Send the block's `report_progress` calls to `reporter`."""
    token = _REPORTER.set(reporter)
    try:
        yield
    finally:
        _REPORTER.reset(token)


@contextmanager
def progress_bars(console: Console | None = None) -> Iterator[None]:
    """Draw a bar per label for the block, on `console` (default: stderr, if a terminal)."""
    console = console or Console(stderr=True)
    if not console.is_terminal:
        yield
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console) as progress:
        bars: dict[str, TaskID] = {}

        def draw(label: str, done: int, total: int | None) -> None:
            if label not in bars:
                bars[label] = progress.add_task(label, total=total)
            progress.update(bars[label], completed=done, total=total)

        with reporting(draw):
            yield
