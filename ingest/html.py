"""Main text and metadata (title, date, URL, outlet) of news pages, extracted with trafilatura."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import trafilatura

from coder.records import Document
from dyad.errors import InputError
from ingest.normalize import Limits, check_text, make_doc_id, parse_date
from ingest.readers import PAYLOAD_CHARS, Rejection

logger = logging.getLogger(__name__)

# Only dates the page states (meta tags, <time>, JSON-LD), never guesses from the text or URL.
DATE_PARAMS = {"original_date": True, "extensive_search": False}


def read_html(path: Path, limits: Limits) -> Document | Rejection:
    """One document from a saved web page."""
    raw = path.read_bytes()
    try:
        return document_from_html(raw, str(path), limits)
    except InputError as error:
        return Rejection.of(error, raw[:PAYLOAD_CHARS].decode("utf-8", errors="replace"))


def document_from_html(
    content: bytes | str,
    origin: str,
    limits: Limits,
    *,
    url: str | None = None,
    outlet: str | None = None,
    fallback_date: date | None = None,
) -> Document:
    """The page's main text; its own title, date and URL win, a given outlet (feed, source) wins."""
    page = _extract(content, url)
    if page is None or not (page.text or "").strip():
        raise InputError(
            "No main text could be extracted from the page.",
            check="no_main_text",
            origin=origin,
            hint="Check that the file is an article page, not an index, a form or a fragment.",
        )
    title = (page.title or "").strip() or None
    clean = check_text(_without_title(page.text or "", title), origin, limits)
    page_url = page.url or url
    stated = page.date or (fallback_date.isoformat() if fallback_date else None)
    return Document(
        doc_id=make_doc_id(None, page_url, clean),
        text=clean,
        pub_date=parse_date(stated, origin, limits),
        url=page_url,
        outlet=outlet or page.sitename or page.hostname,
        title=title,
        origin=origin,
    )


def _extract(content: bytes | str, url: str | None) -> trafilatura.settings.Document | None:
    try:
        page = trafilatura.bare_extraction(
            content, url=url, with_metadata=True, date_extraction_params=DATE_PARAMS
        )
    except (ValueError, TypeError, AssertionError) as exc:  # lxml/htmldate on malformed markup
        logger.debug("trafilatura failed: %s", exc)
        return None
    return page if isinstance(page, trafilatura.settings.Document) else None


def _without_title(text: str, title: str | None) -> str:
    """The text without a first line that repeats the title (the page's <h1>)."""
    first, _, rest = text.partition("\n")
    return rest if title and first.strip() == title else text
