"""Render an evaluation as text: scores per level, negatives, dates, tags, root confusion."""

from __future__ import annotations

from coder.evaluation import NONE, Evaluation

ROOTS = [f"{root:02d}" for root in range(1, 21)]


def render(result: Evaluation) -> str:
    """The evaluation as a plain-text report."""
    figures = result.to_dict()
    lines = ["level          precision  recall     F1   (matched / predicted / gold)"]
    for level, score in result.scores.items():
        lines.append(
            f"{level:<13} {score.precision:10.3f} {score.recall:7.3f} {score.f1:6.3f}"
            f"   ({score.matched} / {score.predicted} / {score.gold})"
        )
    lines.append(
        f"negative items coded empty: {result.clean_negatives} / {result.negatives}"
        f" ({result.negative_accuracy:.1%})"
    )
    lines.append(
        f"event dates right (events matched on dyad and root): {result.dates_right} / "
        f"{result.dates_checked} ({figures['date_accuracy']:.1%})"
    )
    lines.append("")
    lines.append("F1 (dyad+root) by tag:")
    for tag, score in sorted(result.by_tag.items()):
        lines.append(
            f"  {tag:<14} {score.f1:6.3f}   ({score.matched} / {score.predicted} / {score.gold})"
        )
    lines.append("")
    lines.extend(_confusion(result))
    return "\n".join(lines)


def render_disagreements(result: Evaluation) -> str:
    """Each gold item the coder got wrong at the full code: the text, what it missed, extras."""
    lines = []
    for case in result.disagreements:
        lines.append(f"{case.item.id}: {case.item.text}")
        lines.extend(f"  missed  {_event(key)}" for key in case.missed)
        lines.extend(f"  extra   {_event(key)}" for key in case.extra)
    lines.append(f"Items coded differently from the gold set: {len(result.disagreements)}")
    return "\n".join(lines)


def _event(key: tuple[str, ...]) -> str:
    source, target, code = key
    return f"{source or '-'} {code} {target or '-'}"


def _confusion(result: Evaluation) -> list[str]:
    """Rows: gold root; columns: predicted root; `--` is no event on that dyad."""
    labels = [*ROOTS, NONE]
    lines = ["confusion by root (rows gold, columns predicted, -- none):"]
    lines.append("     " + "".join(f"{label:>4}" for label in labels))
    for gold in labels:
        counts = [result.confusion.get((gold, predicted), 0) for predicted in labels]
        if any(counts):
            lines.append(f"  {gold:>2} " + "".join(f"{c:>4}" if c else "   ." for c in counts))
    return lines
