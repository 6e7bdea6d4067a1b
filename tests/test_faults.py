"""Faults around the load: kill -9 in the middle of it, and a second writer while one writes."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from dyad.errors import WarehouseLockedError
from schemas.batch import ValidatedBatch
from schemas.quarantine import QUARANTINE_SCHEMA
from tests.faults import stalled_load
from warehouse.connection import connect
from warehouse.load import load_parts
from warehouse.lock import lock_path
from warehouse.staging import Part, write_part

TABLES = ("documents", "event_mentions", "events", "quarantine", "runs")
NO_REJECTIONS = pl.DataFrame(schema=QUARANTINE_SCHEMA)


def stage(folder: Path, frames: dict[str, pl.DataFrame]) -> Part:
    batch = ValidatedBatch(frames["documents"], frames["events"], frames["quarantine"])
    return write_part(folder / "part-00000", batch, documents=2, sentences=2, events=2)


def snapshot(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    with connect(db_path, read_only=True) as con:
        return {name: sorted(con.execute(f"SELECT * FROM {name}").fetchall()) for name in TABLES}


def load(db_path: Path, seeds_dir: Path, part: Part, run_id: str, timeout: float = 5) -> None:
    run = {"run_id": run_id, "status": "completed"}
    load_parts(db_path, seeds_dir, [part.path], NO_REJECTIONS, run, lock_timeout=timeout)


@pytest.fixture
def loaded(db_path: Path, seeds_dir: Path, make_batch, tmp_path: Path) -> Path:
    """A warehouse holding one loaded batch."""
    load(db_path, seeds_dir, stage(tmp_path / "first", make_batch("old")), "first")
    return db_path


def test_kill_9_mid_load_leaves_the_warehouse_as_it_was(loaded, seeds_dir, make_batch, tmp_path):
    before = snapshot(loaded)
    part = stage(tmp_path / "second", make_batch("new"))
    with stalled_load(loaded, seeds_dir, part.path) as loader:
        loader.send_signal(signal.SIGKILL)
        assert loader.wait(timeout=30) == -signal.SIGKILL
    assert snapshot(loaded) == before  # the uncommitted load left nothing behind
    load(loaded, seeds_dir, part, "again", timeout=1)  # the lock died with its holder
    after = snapshot(loaded)
    assert len(after["documents"]) == len(before["documents"]) + 2
    assert [run[0] for run in after["runs"]] == ["again", "first"]


def test_second_writer_fails_clearly_after_its_timeout(loaded, seeds_dir, make_batch, tmp_path):
    before = snapshot(loaded)
    part = stage(tmp_path / "second", make_batch("new"))
    with stalled_load(loaded, seeds_dir, part.path):
        started = time.monotonic()
        with pytest.raises(WarehouseLockedError) as caught:
            load(loaded, seeds_dir, stage(tmp_path / "third", make_batch("x")), "third", 1)
        assert time.monotonic() - started >= 1
    assert "DYAD_LOCK_TIMEOUT" in str(caught.value) and str(loaded) in str(caught.value)
    assert snapshot(loaded) == before


HOLD_LOCK = """
import sys, time
from filelock import FileLock
with FileLock(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_second_writer_waits_for_the_first(loaded, seeds_dir, make_batch, tmp_path):
    args = [sys.executable, "-c", HOLD_LOCK, str(lock_path(loaded)), "1.5"]
    holder = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    started = time.monotonic()
    load(loaded, seeds_dir, stage(tmp_path / "second", make_batch("new")), "second", 30)
    assert time.monotonic() - started >= 0.5  # it waited for the holder to finish
    assert holder.wait(timeout=30) == 0
    assert len(snapshot(loaded)["runs"]) == 2
