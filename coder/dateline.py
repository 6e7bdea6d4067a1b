"""Wire datelines ("KYIV, June 2 (Reuters) - "): blanked before parsing.

A dateline is not part of the first sentence: parsed with it, the city reads as the subject
("TBILISI, March 18 - Georgian police detained ...") and its date as the event's date.
"""

from __future__ import annotations

import re

DATELINE = re.compile(
    r"^(?P<dateline>\s*[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Za-z.'’ -]*)?"  # CITY, optional region
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # , June 2
    r"(?:\s*\([^)\n]{1,40}\))?"  # (Agency)
    r"\s*[-–—]+\s)",
    re.MULTILINE,
)


def blank_datelines(text: str) -> str:
    """`text` with each paragraph-opening dateline replaced by spaces of the same length."""
    return DATELINE.sub(lambda match: " " * len(match["dateline"]), text)


def dateline_city(text: str) -> str | None:
    """The city of the document's opening dateline ("TBILISI, March 18 - ..." → "TBILISI")."""
    match = DATELINE.match(text.lstrip())
    if not match:
        return None
    city = re.split(r"[,(]|\s[-–—]", match["dateline"].strip(), maxsplit=1)[0]
    return city.strip() or None
