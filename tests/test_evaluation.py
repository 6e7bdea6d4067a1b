"""Scoring against gold: the arithmetic, and floors on the development set."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coder.engine import Coder
from coder.evaluation import (
    GoldEvent,
    GoldItem,
    Score,
    entity,
    evaluate,
    group_codes,
    read_gold,
    score,
)
from dyad.settings import load_settings

GOLD = Path(__file__).parent / "gold"
DEV = GOLD / "dev.jsonl"
# Measured on 2026-11-25; raise these when the coder gets better, never lower them to pass.
FLOORS = {
    "dev.jsonl": {"dyad+root": 0.89, "dyad+code": 0.80, "root": 0.92, "negative_accuracy": 0.97},
    # Written later by helpers who never saw the coder; its errors are read since 2026-11-25.
    "dev2.jsonl": {
        "dyad+root": 0.66,
        "dyad+code": 0.52,
        "root": 0.77,
        "negative_accuracy": 0.93,
    },
    # Held out: never looked at while developing the coder; only measured.
    "heldout.jsonl": {
        "dyad+root": 0.80,
        "dyad+code": 0.70,
        "root": 0.87,
        "negative_accuracy": 0.95,
    },
}


@pytest.fixture(scope="module")
def coder() -> Coder:
    settings = load_settings()
    return Coder.load(settings.seeds_dir, settings.model)


@pytest.fixture(scope="module")
def groups() -> dict[str, str]:
    return group_codes(load_settings().seeds_dir / "actors")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RUSMIL", "RUS"),
        ("IGOUNO", "UNO"),
        ("IGOWSTNAT", "NAT"),
        ("IGOEEC", "EEC"),
        ("IGOAFRAFU", "AFU"),
        ("PSEREBHMS", "PSE"),
        ("", ""),
    ],
)
def test_entities_compare_by_country_or_group(
    groups: dict[str, str], code: str, expected: str
) -> None:
    assert entity(code, groups) == expected


def test_scores_count_matches_at_each_level(groups: dict[str, str]) -> None:
    day = date(2026, 6, 2)
    items = [
        GoldItem(
            "g1", "t", day, (GoldEvent("RUSMIL", "UKR", "194"), GoldEvent("UKR", "RUS", "190"))
        ),
        GoldItem("g2", "t", day, (GoldEvent("FRA", "IGOUNO", "112"),)),
        GoldItem("g3", "t", day, ()),
        GoldItem("g4", "t", day, ()),
    ]
    predicted = {
        "g1": [("RUS", "UKRMIL", "194", day)],  # one of two found; roles do not matter
        "g2": [("FRAGOV", "IGOUNOHCR", "111", day), ("FRA", "DEU", "111", day)],
        "g4": [("RUS", "", "010", day)],  # a negative item with an event
    }
    result = score(items, predicted, groups)
    assert result.scores["dyad+root"] == Score(matched=2, predicted=4, gold=3)
    assert result.scores["dyad+code"] == Score(matched=1, predicted=4, gold=3)
    assert result.scores["root"] == Score(matched=2, predicted=4, gold=3)
    assert result.scores["dyad+root"].f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert (result.negatives, result.clean_negatives) == (2, 1)
    assert result.confusion[("19", "19")] == 1 and result.confusion[("19", "--")] == 1
    assert result.confusion[("11", "11")] == 1 and result.confusion[("--", "11")] == 1
    assert (result.dates_checked, result.dates_right) == (2, 2)
    wrong = {case.item.id: (case.missed, case.extra) for case in result.disagreements}
    assert wrong == {
        "g1": ((("UKR", "RUS", "190"),), ()),
        "g2": ((("FRA", "UNO", "112"),), (("FRA", "DEU", "111"), ("FRA", "UNO", "111"))),
        "g4": ((), (("RUS", "", "010"),)),
    }


def test_dev_set_is_read_whole() -> None:
    items = read_gold(DEV)
    assert len(items) >= 400
    assert sum(1 for item in items if not item.events) >= 60
    roots = {event.code[:2] for item in items for event in item.events}
    assert roots == {f"{root:02d}" for root in range(1, 21)}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_set_scores_stay_above_their_floors(
    coder: Coder, groups: dict[str, str], name: str
) -> None:
    figures = evaluate(coder, read_gold(GOLD / name), groups).to_dict()
    measured = {
        level: figures[level]["f1"]  # type: ignore[index]
        for level in ("dyad+root", "dyad+code", "root")
    }
    measured["negative_accuracy"] = figures["negative_accuracy"]  # type: ignore[assignment]
    floors = FLOORS[name]
    below = {level: value for level, value in measured.items() if value < floors[level]}
    assert not below, f"{name} below the floor: {below} (floors {floors})"
