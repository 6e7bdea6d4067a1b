"""One writer at a time: a lock file beside the warehouse, held for the whole load.

DuckDB lets one process open a file for writing and refuses the others at once. A pipeline
that finds another one loading waits for this lock instead (up to a timeout), then fails with
a message that says who holds it and what to do. The operating system releases the lock when
its holder exits, even after kill -9, so a crashed run never blocks the next one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from dyad.errors import WarehouseLockedError

logger = logging.getLogger(__name__)


def lock_path(db_path: Path) -> Path:
    """The lock file of the warehouse at `db_path` (`<name>.lock` beside it)."""
    return db_path.with_name(f"{db_path.name}.lock")


@contextmanager
def writer_lock(db_path: Path, timeout: float) -> Iterator[None]:
    """Hold the warehouse's writer lock for the block, waiting up to `timeout` seconds for it."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_path(db_path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout as exc:
        raise WarehouseLockedError(str(db_path), timeout) from exc
    logger.info("Holding the writer lock of %s", db_path)
    try:
        yield
    finally:
        lock.release()
