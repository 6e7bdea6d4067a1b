"""A load that stops inside its transaction, in another process, for the fault tests to kill."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Loads the part at argv[3] into the warehouse at argv[1] (seeds argv[2]), but stops for good
# after the mentions are inserted and the events refreshed, inside the open transaction, once
# it has said so by creating the file argv[4].
STALLED_LOAD = """
import sys, time
from pathlib import Path
import polars as pl
import warehouse.load as load
from schemas.quarantine import QUARANTINE_SCHEMA

db, seeds, part, marker = (Path(arg) for arg in sys.argv[1:5])
refresh = load.refresh_events

def refresh_then_stall(*args, **kwargs):
    result = refresh(*args, **kwargs)
    marker.write_text("inside the load transaction")
    time.sleep(600)
    return result

load.refresh_events = refresh_then_stall
run = {"run_id": "stalled", "status": "completed"}
load.load_parts(db, seeds, [part], pl.DataFrame(schema=QUARANTINE_SCHEMA), run, lock_timeout=5)
"""


@contextmanager
def stalled_load(db_path: Path, seeds_dir: Path, part: Path) -> Iterator[subprocess.Popen[str]]:
    """A process stopped in the middle of loading `part`, holding the writer lock and DuckDB's
    write lock; killed with SIGKILL when the block ends if the test has not done so."""
    marker = part.with_name(f"{part.name}.stalled")
    args = [
        sys.executable,
        "-c",
        STALLED_LOAD,
        str(db_path),
        str(seeds_dir),
        str(part),
        str(marker),
    ]
    loader = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert loader.poll() is None, loader.communicate()[1]
            assert time.monotonic() < deadline, "the load never reached its transaction"
            time.sleep(0.05)
        yield loader
    finally:
        loader.kill()
        loader.wait(timeout=30)
