"""The coder on random and adversarial text: it never crashes and every event stays valid."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coder.codebook import load_codebook
from coder.engine import Coder
from coder.records import Document
from dyad.settings import load_settings

WIRE = [
    "Russian forces",
    "attacked",
    "Ukraine",
    "NATO",
    "said",
    "did not",
    "may",
    "on Monday",
    ",",
    ".",
    "and",
    "the",
    "KYIV, June 2 -",
    "<b>",
    "</p>",
    "&amp;",
    "\u200b",
    "👍",
    "北京",
    "Москва",
    "\x00",
    "\t",
    "\n\n",
    "Hamas",
    "was arrested by",
    "police",
    "its",
    "They",
]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(WIRE), max_size=60).map(" ".join),
    st.just("Russia " * 500 + "attacked Ukraine."),
)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder.load(load_settings().seeds_dir, load_settings().model)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts)
def test_any_text_codes_without_error_into_valid_events(coder: Coder, text: str) -> None:
    codebook = load_codebook(load_settings().seeds_dir)
    (coded,) = coder.code([Document("fuzz", text, date(2026, 6, 2))])
    for event in coded.events:
        assert event.code in codebook and event.source.code
        assert 0.0 <= event.confidence <= 1.0
        for trigger in event.triggers:
            assert text[trigger.char_start : trigger.char_end] == trigger.word
