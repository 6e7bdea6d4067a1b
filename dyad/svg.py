"""Small inline SVG charts for the HTML report: no JavaScript, no network, text escaped."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

FONT = 'font-family="sans-serif" font-size="12"'
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 60, 150, 16, 36


@dataclass(frozen=True, slots=True)
class Series:
    """One line of a line chart: a name, a CSS colour and (date, value) points."""

    name: str
    colour: str
    points: tuple[tuple[dt.date, float], ...]


def line_chart(series: list[Series], *, y_label: str, width: int = 1100, height: int = 300) -> str:
    """A line chart of `series` against dates, with axes, ticks and a legend on the right."""
    points = [point for line in series for point in line.points]
    if not points:
        return _empty(width, "No events yet.")
    days = [day.toordinal() for day, _ in points]
    values = [value for _, value in points]
    x0, x1 = min(days), max(days) + (1 if min(days) == max(days) else 0)
    y0, y1 = _padded(min(values + [0.0]), max(values + [0.0]))
    plot_w = width - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = height - MARGIN_TOP - MARGIN_BOTTOM

    def x(day: dt.date) -> float:
        return MARGIN_LEFT + (day.toordinal() - x0) / (x1 - x0) * plot_w

    def y(value: float) -> float:
        return MARGIN_TOP + (y1 - value) / (y1 - y0) * plot_h

    parts = _axes(width, height, y0, y1, y, y_label)
    parts += _date_ticks(x0, x1, x, height)
    for index, line in enumerate(series):
        coords = " ".join(f"{x(day):.1f},{y(value):.1f}" for day, value in sorted(line.points))
        parts.append(
            f'<polyline fill="none" stroke="{line.colour}" stroke-width="2" points="{coords}"/>'
        )
        parts += [
            f'<circle cx="{x(day):.1f}" cy="{y(value):.1f}" r="3" fill="{line.colour}"/>'
            for day, value in line.points
        ]
        parts.append(_legend_entry(width - MARGIN_RIGHT + 12, MARGIN_TOP + 18 * index, line))
    return _svg(width, height, parts)


def bar_chart(bars: list[tuple[str, float, str]], *, width: int = 1100) -> str:
    """Horizontal bars: (label, value, CSS colour) each, longest value the full width."""
    if not bars:
        return _empty(width, "No dyads yet.")
    row, label_w = 24, 220
    height = row * len(bars) + 8
    top = max(value for _, value, _ in bars) or 1.0
    parts = []
    for index, (label, value, colour) in enumerate(bars):
        y = 4 + index * row
        length = (width - label_w - 80) * value / top
        parts += [
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" {FONT}>{escape(label)}</text>',
            f'<rect x="{label_w}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" '
            f'fill="{colour}"/>',
            f'<text x="{label_w + length + 6:.1f}" y="{y + 16}" {FONT}>{value:g}</text>',
        ]
    return _svg(width, height, parts)


def _axes(
    width: int, height: int, y0: float, y1: float, y: Callable[[float], float], y_label: str
) -> list[str]:
    """Five labelled horizontal grid lines and the y-axis label."""
    right = width - MARGIN_RIGHT
    parts = []
    for step in range(5):
        value = y0 + (y1 - y0) * step / 4
        level = y(value)
        parts += [
            f'<line x1="{MARGIN_LEFT}" x2="{right}" y1="{level:.1f}" y2="{level:.1f}" '
            'stroke="#ddd"/>',
            f'<text x="{MARGIN_LEFT - 6}" y="{level + 4:.1f}" text-anchor="end" {FONT}>'
            f"{value:g}</text>",
        ]
    middle = MARGIN_TOP + (height - MARGIN_TOP - MARGIN_BOTTOM) / 2
    parts.append(
        f'<text x="14" y="{middle:.0f}" {FONT} transform="rotate(-90 14 {middle:.0f})" '
        f'text-anchor="middle">{escape(y_label)}</text>'
    )
    return parts


def _date_ticks(x0: int, x1: int, x: Callable[[dt.date], float], height: int) -> list[str]:
    """Up to eight date labels along the bottom."""
    count = min(8, x1 - x0 + 1)
    ordinals = sorted({round(x0 + (x1 - x0) * i / max(1, count - 1)) for i in range(count)})
    return [
        f'<text x="{x(dt.date.fromordinal(o)):.1f}" y="{height - 12}" text-anchor="middle" '
        f"{FONT}>{dt.date.fromordinal(o).isoformat()}</text>"
        for o in ordinals
    ]


def _legend_entry(x: float, y: float, line: Series) -> str:
    return (
        f'<rect x="{x}" y="{y}" width="12" height="12" fill="{line.colour}"/>'
        f'<text x="{x + 18}" y="{y + 11}" {FONT}>{escape(line.name)}</text>'
    )


def _padded(low: float, high: float) -> tuple[float, float]:
    """A y range holding [low, high] whose quarters are round numbers (1, 2, 2.5 or 5 × 10^k)."""
    if low == high:
        low, high = low - 1.0, high + 1.0
    raw = (high - low) / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    while True:
        start = math.floor(low / step) * step
        if start + 4 * step >= high:
            return start, start + 4 * step
        step = next(m * magnitude for m in (1, 2, 2.5, 5, 10, 20, 50) if m * magnitude > step)


def _empty(width: int, message: str) -> str:
    return _svg(width, 40, [f'<text x="10" y="24" {FONT}>{escape(message)}</text>'])


def _svg(width: int, height: int, parts: list[str]) -> str:
    body = "\n".join(parts)
    return (
        f'<svg width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img">\n{body}\n</svg>'
    )
