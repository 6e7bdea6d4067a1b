"""Turn raw input fields into clean document fields: text, id, publication date."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dyad.errors import InputError

# C0/C1 control characters other than tab and newline.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class Limits:
    """What ingest accepts: the longest document and the range of plausible dates."""

    max_doc_chars: int
    min_date: date

    @property
    def max_date(self) -> date:
        """Publication dates after tomorrow are impossible for news already published."""
        return date.today() + timedelta(days=1)


def normalize_text(text: str) -> str:
    """Unicode NFC, Unix newlines, control characters replaced by spaces, outer blanks trimmed."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return CONTROL_CHARS.sub(" ", text).strip()


def make_doc_id(given: object, url: str | None, text: str) -> str:
    """The input's own id, else a stable id from the URL, else from the text."""
    if given is not None and str(given).strip():
        return str(given).strip()
    basis = url or text
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def check_text(text: str, origin: str, limits: Limits) -> str:
    """The normalised text, or an InputError when it is empty or too large."""
    clean = normalize_text(text)
    if not clean:
        raise InputError(
            "The document has no text.",
            check="empty_document",
            origin=origin,
            hint="Remove the empty document or give it text.",
        )
    if len(clean) > limits.max_doc_chars:
        raise InputError(
            f"The document has {len(clean):,} characters, more than the limit of "
            f"{limits.max_doc_chars:,}.",
            check="too_large",
            origin=origin,
            hint="Split it, or raise DYAD_MAX_DOC_CHARS if it is one real article.",
        )
    return clean


def parse_date(value: object, origin: str, limits: Limits) -> date:
    """A publication date from `YYYY-MM-DD` (or an ISO timestamp), checked for plausibility."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(
            "The document has no publication date.",
            check="missing_date",
            origin=origin,
            hint="Give each document a date (`date: YYYY-MM-DD` first line, or a `date` field).",
        )
    try:
        found = _as_date(str(value).strip())
    except ValueError as exc:
        raise InputError(
            f"The publication date {value!r} is not a date.",
            check="invalid_date",
            origin=origin,
            hint="Write dates as YYYY-MM-DD.",
        ) from exc
    if not limits.min_date <= found <= limits.max_date:
        raise InputError(
            f"The publication date {found.isoformat()} is outside the plausible range "
            f"{limits.min_date.isoformat()} to {limits.max_date.isoformat()}.",
            check="implausible_date",
            origin=origin,
            hint="Correct the date in the input.",
        )
    return found


def _as_date(text: str) -> date:
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
