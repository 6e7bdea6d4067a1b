"""The HTML report: self-contained, evidence escaped, and it renders in headless Chromium."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from dyad.commands import write_report
from dyad.settings import Settings
from schemas.documents import documents_frame
from schemas.events import events_frame
from schemas.quarantine import quarantine_frame
from tests.conftest import event_row
from warehouse.connection import connect
from warehouse.load import load_batch

HOSTILE = '<script>alert("x")</script> Russia & Ukraine shelled <b>Kharkiv</b>.'
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,2000",
)


@pytest.fixture
def report(tmp_path: Path, seeds_dir: Path) -> Path:
    """A report of a warehouse with events over five days, one with hostile evidence text."""
    db_path = tmp_path / "dyad.duckdb"
    rows = [
        event_row(
            event_id=f"m{i}",
            doc_id=f"d{i}",
            event_date=dt.date(2024, 3, 1) + dt.timedelta(days=i % 5),
            code=("195", "190", "042", "010")[i % 4],
            source=("RUSMIL", "UKRGOV", "RUS")[i % 3],
            target=("UKR", "RUSGOV", "UKRMIL")[i % 3],
            source_country=("RUS", "UKR", "RUS")[i % 3],
            target_country=("UKR", "RUS", "UKR")[i % 3],
            sentence_text=HOSTILE if i == 4 else f"Sentence {i} about shelling.",
        )
        for i in range(20)
    ]
    empty = {"documents": documents_frame([]), "quarantine": quarantine_frame([])}
    with connect(db_path, seeds_dir=seeds_dir) as con:
        load_batch(con, events=events_frame(rows), **empty, run={"run_id": "r1"})
    return write_report(Settings(db_path=db_path), tmp_path / "out" / "report.html")


def test_report_is_one_self_contained_file(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.count("<svg") == 3
    for fetching in ("<script", " src=", "<link", "@import", "url("):
        assert fetching not in html
    assert "Events per day by QuadClass" in html and "RUSMIL → UKR" in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Russia &amp; Ukraine" in html
    assert "<b>Kharkiv</b>" not in html
    assert [p.name for p in report.parent.iterdir()] == ["report.html"]


def test_report_of_an_empty_warehouse(tmp_path: Path, seeds_dir: Path) -> None:
    db_path = tmp_path / "dyad.duckdb"
    with connect(db_path, seeds_dir=seeds_dir):
        pass
    html = write_report(Settings(db_path=db_path), tmp_path / "r.html").read_text()
    assert "No events yet." in html and "No dyads yet." in html


def chromium() -> str:
    """The Chromium binary; a missing one fails under CI (.ci/run installs it), else skips."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is missing under CI; .ci/run should have installed it")
    pytest.skip("chromium is not installed (apt-get install chromium, as .ci/run does)")


def test_report_renders_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    binary = chromium()
    shot = tmp_path / "report.png"
    command = [
        binary,
        *CHROMIUM_FLAGS,
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={shot}",
        report.resolve().as_uri(),
    ]
    env = {**os.environ, "HOME": str(tmp_path)}
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, env=env)
    assert result.returncode == 0 and shot.is_file(), result.stderr[-2000:]
    with Image.open(shot) as image:
        assert image.size == (1280, 2000)
        pixels = image.convert("RGB")
        colours = pixels.getcolors(maxcolors=1 << 16)
        top_band = pixels.crop((0, 0, 1280, 400)).getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 50  # charts and text, not a blank page
    assert top_band is None or len(top_band) > 10  # the heading and figures drew
