"""Progress bars: drawn on a terminal, silent elsewhere; long work reports its steps."""

from __future__ import annotations

import io
import json

from rich.console import Console

from dyad.commands import code_lines, load_coder
from dyad.progress import progress_bars, report_progress, reporting
from dyad.settings import Settings


def test_bars_are_drawn_on_a_terminal() -> None:
    out = io.StringIO()
    with progress_bars(Console(file=out, force_terminal=True, width=80)):
        report_progress("coding batches", 0, 3)
        report_progress("coding batches", 3, 3)
    assert "coding batches" in out.getvalue() and "3/3" in out.getvalue()


def test_nothing_is_drawn_elsewhere() -> None:
    out = io.StringIO()
    with progress_bars(Console(file=out, force_terminal=False)):
        report_progress("coding batches", 1, 3)
    report_progress("no bars open", 1)  # a no-op
    assert out.getvalue() == ""


def test_dyad_code_reports_each_document() -> None:
    calls: list[tuple[str, int, int | None]] = []
    lines = [
        json.dumps(
            {"id": f"d{i}", "text": "Russia shelled Kharkiv.", "date": "2026-06-02"}
        ).encode()
        for i in range(3)
    ]
    settings = Settings()
    with reporting(lambda *call: calls.append(call)):
        code_lines(load_coder(settings), lines, "test", settings, io.StringIO())
    assert calls == [("documents coded", n, None) for n in (1, 2, 3)]
