"""Explicit dates in a sentence ("on October 27", "27 Oct 2025", "on Monday", "yesterday"),
resolved against the document's publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}", re.IGNORECASE)
DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.IGNORECASE)
ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
WEEKDAY = re.compile(r"\b(?P<last>last\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)
DIGIT = re.compile(r"\d")
RELATIVE = re.compile(r"\b(?P<word>yesterday|today)\b", re.IGNORECASE)


def find_date(sentence: str, published: date) -> date | None:
    """The date the sentence states for its event, or None when it states none."""
    has_digit = DIGIT.search(sentence) is not None
    if not has_digit and "day" not in sentence.lower():
        return None  # every form below needs a digit or a "...day" word
    for pattern in (ISO_DATE, MONTH_DAY, DAY_MONTH) if has_digit else ():
        match = pattern.search(sentence)
        if match:
            found = _calendar_date(match, published)
            if found is not None:
                return found
    match = WEEKDAY.search(sentence)
    if match:
        return _last_weekday(WEEKDAYS.index(match["weekday"].lower()), published)
    match = RELATIVE.search(sentence)
    if match:
        return published - timedelta(days=1 if match["word"].lower() == "yesterday" else 0)
    return None


def _calendar_date(match: re.Match[str], published: date) -> date | None:
    month_text = match["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
    year = int(match["year"]) if match["year"] else published.year
    try:
        found = date(year, month, int(match["day"]))
    except ValueError:
        return None
    if not match["year"] and found > published + timedelta(days=7):
        found = _previous_year(found)  # "on December 30" in a January report: last year
    return found


def _previous_year(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _last_weekday(weekday: int, published: date) -> date:
    """The most recent such weekday on or before publication (news reports past days)."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)
