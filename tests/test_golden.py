"""Golden files: news snippets beside the events a person reviewed for them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coder.engine import Coder
from dyad.settings import load_settings
from tests.golden.regenerate import GOLDEN, expected_events, golden_path

SNIPPETS = sorted(GOLDEN.glob("*.txt"))


@pytest.fixture(scope="module")
def coder() -> Coder:
    settings = load_settings()
    return Coder.load(settings.seeds_dir, settings.model)


def test_there_are_golden_snippets() -> None:
    assert len(SNIPPETS) >= 3


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda path: path.stem)
def test_snippet_codes_to_its_reviewed_events(coder: Coder, snippet: Path) -> None:
    reviewed = [json.loads(line) for line in golden_path(snippet).read_text().splitlines()]
    assert expected_events(coder, snippet) == reviewed, (
        "coding changed: run `.venv/bin/python -m tests.golden.regenerate` and review the diff"
    )
