"""Explicit dates in sentences, resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from coder.dateline import dateline_city
from coder.dates import find_date

PUBLISHED = date(2026, 6, 2)  # a Tuesday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Troops crossed the border on May 30.", date(2026, 5, 30)),
        ("Troops crossed the border on Oct. 27, 2025.", date(2025, 10, 27)),
        ("Talks began on 27 October 2025 in Geneva.", date(2025, 10, 27)),
        ("The strike happened on December 30.", date(2025, 12, 30)),  # last year's December
        ("Police said on Sunday that ...", date(2026, 5, 31)),
        ("The summit opened on Tuesday.", date(2026, 6, 2)),
        ("Rebels attacked the town yesterday.", date(2026, 6, 1)),
        ("The deal was signed on 2026-05-20.", date(2026, 5, 20)),
        ("Russia may attack soon.", None),
        ("Officials met on February 30.", None),  # no such day
        ("No date here.", None),
    ],
)
def test_find_date(sentence: str, expected: date | None) -> None:
    assert find_date(sentence, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("TBILISI, March 18 (Wire) - Police ...", "TBILISI"),
        ("NEW YORK (AP) — The UN ...", "NEW YORK"),
        ("KYIV, June 2 - Ukrainian forces ...", "KYIV"),
        ("Russia - which denies it - said ...", None),
    ],
)
def test_dateline_city(text: str, city: str | None) -> None:
    assert dateline_city(text) == city
