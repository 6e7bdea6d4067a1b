"""The analyst report as one self-contained HTML file: inline CSS and SVG, nothing fetched."""

from __future__ import annotations

import datetime as dt
from html import escape

import polars as pl

from dyad.svg import Series, bar_chart, line_chart
from warehouse.report import ReportData

QUAD_CLASSES = {
    1: ("Verbal cooperation", "#7fbf7b"),
    2: ("Material cooperation", "#1b7837"),
    3: ("Verbal conflict", "#f1a340"),
    4: ("Material conflict", "#b2182b"),
}
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")
STYLE = """
body { font-family: sans-serif; margin: 24px; color: #222; background: #fff; }
h1 { margin-bottom: 4px; } h2 { margin-top: 32px; border-bottom: 1px solid #ccc; }
.figures span { display: inline-block; margin-right: 28px; font-size: 15px; }
.figures b { font-size: 22px; display: block; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.quad { width: 6px; padding: 0; }
mark { background: #fff0a8; }
"""


def render(data: ReportData, generated_at: dt.datetime) -> str:
    """The whole report page."""
    totals = data.totals
    sections = [
        ("Events per day by QuadClass", quad_chart(data.quad_daily)),
        ("Goldstein trend per country (mean score per day)", goldstein_chart(data)),
        ("Top dyads by events", dyad_chart(data.top_dyads)),
        ("Latest events and their evidence", latest_table(data.latest_events)),
    ]
    body = "\n".join(f"<h2>{escape(title)}</h2>\n{html}" for title, html in sections)
    figures = "".join(
        f"<span><b>{escape(str(totals[key]))}</b>{label}</span>"
        for key, label in (
            ("events", "events"),
            ("mentions", "mentions"),
            ("documents", "documents"),
            ("first_date", "first event"),
            ("last_date", "last event"),
        )
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>dyad report</title>
<style>{STYLE}</style>
</head>
<body>
<h1>dyad event report</h1>
<p>Generated {escape(generated_at.isoformat(timespec="seconds"))} from the warehouse.</p>
<div class="figures">{figures}</div>
{body}
</body>
</html>
"""


def quad_chart(frame: pl.DataFrame) -> str:
    """One line per QuadClass: events per day."""
    series = [
        Series(name, colour, _points(frame.filter(pl.col("quad_class") == quad), "n_events"))
        for quad, (name, colour) in QUAD_CLASSES.items()
    ]
    return line_chart([s for s in series if s.points], y_label="events")


def goldstein_chart(data: ReportData) -> str:
    """One line per country (the most active ones): the mean Goldstein score per day."""
    frame = data.goldstein_countries
    countries = frame["country"].unique(maintain_order=True).to_list()
    series = [
        Series(
            country,
            PALETTE[index % len(PALETTE)],
            _points(frame.filter(pl.col("country") == country), "goldstein_mean"),
        )
        for index, country in enumerate(countries)
    ]
    return line_chart(series, y_label="Goldstein")


def dyad_chart(frame: pl.DataFrame) -> str:
    """Bars of the dyads with most events, coloured red to green by mean Goldstein score."""
    bars = [
        (f"{row['source']} → {row['target']}", float(row["n_events"]), _tone(row["goldstein_mean"]))
        for row in frame.iter_rows(named=True)
    ]
    return bar_chart(bars)


def latest_table(frame: pl.DataFrame) -> str:
    """The latest events with the sentence that reported them, trigger words marked."""
    head = "".join(
        f"<th>{name}</th>"
        for name in ("", "date", "source", "event", "target", "mentions", "docs", "evidence")
    )
    rows = [
        "<tr>"
        f'<td class="quad" style="background:{QUAD_CLASSES[row["quad_class"]][1]}"></td>'
        f"<td>{row['event_date']}</td><td>{escape(row['source'])}</td>"
        f"<td>{escape(row['code'])} {escape(row['event_name'] or '')}</td>"
        f"<td>{escape(row['target'])}</td><td>{row['num_mentions']}</td>"
        f"<td>{row['num_documents']}</td><td>{_evidence(row)}</td>"
        "</tr>"
        for row in frame.iter_rows(named=True)
    ]
    return f"<table>\n<tr>{head}</tr>\n" + "\n".join(rows) + "\n</table>"


def _evidence(row: dict[str, object]) -> str:
    """The sentence, escaped, with its trigger words marked and a link to the source."""
    sentence = str(row["sentence_text"])
    spans = _trigger_spans(sentence, str(row["trigger_text"]).split())
    parts, done = [], 0
    for start, end in spans:
        parts += [escape(sentence[done:start]), f"<mark>{escape(sentence[start:end])}</mark>"]
        done = end
    parts.append(escape(sentence[done:]))
    url = row["source_url"]
    link = f' <a href="{escape(str(url))}">source</a>' if url else ""
    return "".join(parts) + link


def _trigger_spans(sentence: str, words: list[str]) -> list[tuple[int, int]]:
    """Where each trigger word first occurs in `sentence`, sorted, overlaps left out."""
    spans: list[tuple[int, int]] = []
    for word in words:
        start = sentence.find(word)
        end = start + len(word)
        if word and start >= 0 and all(end <= s or start >= e for s, e in spans):
            spans.append((start, end))
    return sorted(spans)


def _points(frame: pl.DataFrame, column: str) -> tuple[tuple[dt.date, float], ...]:
    return tuple((day, float(value)) for day, value in frame.select("event_date", column).rows())


def _tone(goldstein: float) -> str:
    """A colour from red (-10) through grey (0) to green (+10)."""
    share = max(-1.0, min(1.0, goldstein / 10))
    red, green = (178, 24) if share < 0 else (27, 120)
    grey = 150
    mix = abs(share)
    channel = (round(grey + (red - grey) * mix), round(grey + (green - grey) * mix), 80)
    return "#{:02x}{:02x}{:02x}".format(*channel)
