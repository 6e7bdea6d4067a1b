"""Measure the coder against a gold set: precision, recall and F1 at three levels.

Levels: (source entity, target entity, root code), the same with the full code, and the root
code alone. An actor is compared by its country (first three letters: `RUSMIL` → `RUS`) or, for
an international code, by its organisation's known group (`IGOUNO` → `UNO`, NATO → `NAT`); a
target-less event has target "". Events are matched within each gold item as multisets.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from coder.dictionaries import INTERNATIONAL, read_rows
from coder.engine import Coder
from coder.records import Document, Event
from dyad.errors import InputError

LEVELS = ("dyad+root", "dyad+code", "root")
NONE = "--"


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One event a person coded: actors, code and date."""

    source: str
    target: str
    code: str
    date: date | None = None


@dataclass(frozen=True, slots=True)
class GoldItem:
    """A text with the events a person coded for it ([] for a negative item)."""

    id: str
    text: str
    date: date
    events: tuple[GoldEvent, ...]
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Score:
    """Matches, predictions and gold events at one level."""

    matched: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A gold item whose full-code events differ from the coder's: what each side had."""

    item: GoldItem
    missed: tuple[tuple[str, ...], ...]
    extra: tuple[tuple[str, ...], ...]


@dataclass(slots=True)
class Evaluation:
    """Scores per level, negatives kept clean, by-tag F1, root confusion, date agreement."""

    scores: dict[str, Score]
    negatives: int
    clean_negatives: int
    by_tag: dict[str, Score] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    dates_checked: int = 0
    dates_right: int = 0
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def negative_accuracy(self) -> float:
        """Share of negative items for which the coder coded nothing."""
        return self.clean_negatives / self.negatives if self.negatives else 1.0

    def to_dict(self) -> dict[str, object]:
        """The headline figures, for JSON output and CI floors."""
        figures: dict[str, object] = {
            level: {
                "precision": s.precision,
                "recall": s.recall,
                "f1": s.f1,
                "matched": s.matched,
                "predicted": s.predicted,
                "gold": s.gold,
            }
            for level, s in self.scores.items()
        }
        figures["negative_accuracy"] = self.negative_accuracy
        figures["date_accuracy"] = (
            self.dates_right / self.dates_checked if self.dates_checked else 1.0
        )
        return figures


def read_gold(path: Path) -> list[GoldItem]:
    """Gold items from JSON Lines: `id`, `text`, `date`, `events` (source, target, code[, date])."""
    items = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                items.append(_gold_item(line, f"{path}:{number}"))
    return items


def group_codes(actors_dir: Path) -> dict[str, str]:
    """Known-group code of each organisation code (`IGOWSTNAT` → `NAT`)."""
    return {row["code"]: row["group"] for row in read_rows(actors_dir / "organizations.csv")}


def entity(code: str, groups: dict[str, str]) -> str:
    """What an actor code is compared by: its country, or its organisation's known group."""
    if not code:
        return ""
    if code.startswith(INTERNATIONAL):
        return groups.get(code) or code[3:6] or code
    return code[:3]


Predicted = tuple[str, str, str, date]  # source code, target code ("" if none), code, date


def evaluate(coder: Coder, items: list[GoldItem], groups: dict[str, str]) -> Evaluation:
    """Code every gold item and score the events against the gold ones."""
    documents = [Document(item.id, item.text, item.date) for item in items]
    predicted = {
        coded.document.doc_id: [_predicted(event) for event in coded.events]
        for coded in coder.code(documents)
    }
    return score(items, predicted, groups)


def score(
    items: list[GoldItem], predicted: dict[str, list[Predicted]], groups: dict[str, str]
) -> Evaluation:
    """Score predicted events (by gold item id) against the gold items."""
    result = Evaluation({level: Score(0, 0, 0) for level in LEVELS}, 0, 0)
    for item in items:
        _score_item(result, item, predicted.get(item.id, []), groups)
    return result


def _predicted(event: Event) -> Predicted:
    return (
        event.source.code,
        event.target.code if event.target else "",
        event.code,
        event.event_date,
    )


def _score_item(
    result: Evaluation, item: GoldItem, events: list[Predicted], groups: dict[str, str]
) -> None:
    predicted: list[tuple[str, str, str, date | None]] = [
        (entity(s, groups), entity(t, groups), code, day) for s, t, code, day in events
    ]
    gold = [
        (entity(g.source, groups), entity(g.target, groups), g.code, g.date) for g in item.events
    ]
    if not gold:
        result.negatives += 1
        result.clean_negatives += not predicted
    for level in LEVELS:
        level_score = _match(_keys(predicted, level), _keys(gold, level))
        result.scores[level] = _add(result.scores[level], level_score)
        if level == "dyad+root":
            for tag in item.tags:
                result.by_tag[tag] = _add(result.by_tag.get(tag, Score(0, 0, 0)), level_score)
    _confuse(result, predicted, gold)
    _check_dates(result, predicted, gold, item.date)
    _record_disagreement(result, item, predicted, gold)


def _keys(events: list[tuple[str, str, str, date | None]], level: str) -> Counter[tuple[str, ...]]:
    if level == "dyad+root":
        return Counter((s, t, code[:2]) for s, t, code, _ in events)
    if level == "dyad+code":
        return Counter((s, t, code) for s, t, code, _ in events)
    return Counter((code[:2],) for _, _, code, _ in events)


def _match(predicted: Counter[tuple[str, ...]], gold: Counter[tuple[str, ...]]) -> Score:
    matched = sum((predicted & gold).values())
    return Score(matched, sum(predicted.values()), sum(gold.values()))


def _add(a: Score, b: Score) -> Score:
    return Score(a.matched + b.matched, a.predicted + b.predicted, a.gold + b.gold)


def _confuse(result: Evaluation, predicted: list, gold: list) -> None:
    """Pair gold and predicted events of the same dyad; count (gold root, predicted root)."""
    unused = list(predicted)
    for source, target, code, _ in gold:
        same = [p for p in unused if (p[0], p[1]) == (source, target)]
        best = next((p for p in same if p[2][:2] == code[:2]), same[0] if same else None)
        if best is None:
            result.confusion[(code[:2], NONE)] += 1
            continue
        unused.remove(best)
        result.confusion[(code[:2], best[2][:2])] += 1
    for _, _, code, _ in unused:
        result.confusion[(NONE, code[:2])] += 1


def _record_disagreement(result: Evaluation, item: GoldItem, predicted: list, gold: list) -> None:
    """Keep the item when its (source, target, code) multisets differ."""
    coded, wanted = _keys(predicted, "dyad+code"), _keys(gold, "dyad+code")
    if coded != wanted:
        missed = tuple(sorted((wanted - coded).elements()))
        extra = tuple(sorted((coded - wanted).elements()))
        result.disagreements.append(Disagreement(item, missed, extra))


def _check_dates(result: Evaluation, predicted: list, gold: list, published: date) -> None:
    """For events matched on dyad and root, whether the coder found the gold event date."""
    remaining = list(predicted)
    for source, target, code, gold_date in gold:
        found = next(
            (p for p in remaining if (p[0], p[1], p[2][:2]) == (source, target, code[:2])), None
        )
        if found is None:
            continue
        remaining.remove(found)
        result.dates_checked += 1
        result.dates_right += found[3] == (gold_date or published)


def _gold_item(line: str, origin: str) -> GoldItem:
    try:
        raw = json.loads(line)
        events = tuple(
            GoldEvent(
                source=e["source"],
                target=e.get("target") or "",
                code=str(e["code"]),
                date=date.fromisoformat(e["date"]) if e.get("date") else None,
            )
            for e in raw["events"]
        )
        return GoldItem(
            raw["id"],
            raw["text"],
            date.fromisoformat(raw["date"]),
            events,
            tuple(raw.get("tags", ())),
        )
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise InputError(
            f"Gold item at {origin} is malformed: {exc}.",
            check="malformed_gold",
            origin=origin,
            hint="Each line needs id, text, date (YYYY-MM-DD) and events [{source, target, code}].",
        ) from exc
