"""RSS and Atom feeds (files or URLs): one document per item, from its page or its summary."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import feedparser
import lxml.etree
import lxml.html

from coder.records import Document
from dyad.errors import FetchError, FetchRefusedError, InputError
from ingest.fetch import Fetcher
from ingest.html import document_from_html
from ingest.normalize import Limits, check_text, make_doc_id, parse_date
from ingest.readers import PAYLOAD_CHARS, Rejection

logger = logging.getLogger(__name__)

FEED_SUFFIXES = (".rss", ".atom", ".xml")
# feedparser flags these, but they do not lose items: the declared encoding was merely wrong.
HARMLESS = (feedparser.CharacterEncodingOverride,)


def read_feed_file(
    path: Path, limits: Limits, fetcher: Fetcher | None = None, outlet: str | None = None
) -> Iterator[Document | Rejection]:
    """Documents from a feed file; item pages are fetched only when a fetcher is given."""
    yield from read_feed(path.read_bytes(), str(path), limits, fetcher, outlet)


def read_feed_url(
    url: str,
    limits: Limits,
    fetcher: Fetcher,
    outlet: str | None = None,
    fetch_pages: bool = True,
) -> Iterator[Document | Rejection]:
    """Documents from a feed URL (item pages fetched if `fetch_pages`); an unreachable feed is
    one rejection."""
    try:
        content = fetcher.get(url)
    except (FetchError, FetchRefusedError) as error:
        yield Rejection(url, "unreachable_feed", str(error), "")
        return
    yield from read_feed(content, url, limits, fetcher if fetch_pages else None, outlet)


def read_feed(
    content: bytes, origin: str, limits: Limits, fetcher: Fetcher | None, outlet: str | None
) -> Iterator[Document | Rejection]:
    """Documents from a feed's bytes (parsed as data: feedparser never opens a path or URL here)."""
    parsed = feedparser.parse(content)
    problem = parsed.get("bozo_exception")
    not_a_feed = not parsed.entries and not parsed.feed
    if not_a_feed or (parsed.get("bozo") and not isinstance(problem, HARMLESS)):
        yield _malformed(origin, problem, len(parsed.entries), content)
    name = outlet or parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield _item(entry, f"{origin}:{number}", limits, fetcher, name)


def _malformed(origin: str, problem: object, items: int, content: bytes) -> Rejection:
    message = (
        f"The feed is malformed ({problem or 'not a feed'}); "
        f"{items} item(s) could still be read; each is ingested or quarantined on its own."
    )
    payload = content[:PAYLOAD_CHARS].decode("utf-8", errors="replace")
    return Rejection(origin, "malformed_feed", message, payload)


def _item(
    entry: Any, origin: str, limits: Limits, fetcher: Fetcher | None, outlet: str | None
) -> Document | Rejection:
    link = entry.get("link") or None
    stated = _entry_date(entry)
    summary = _plain_text(entry.get("summary") or "")
    try:
        if fetcher is not None and link:
            page = _page(fetcher, link, origin, limits, outlet, stated)
            if page is not None:
                return page
        return _summary_document(entry, summary, origin, limits, outlet, stated)
    except InputError as error:
        return Rejection.of(error, summary or str(link or ""))


def _page(
    fetcher: Fetcher,
    link: str,
    origin: str,
    limits: Limits,
    outlet: str | None,
    stated: date | None,
) -> Document | None:
    """The item's page as a document, or None when it cannot be fetched or has no main text."""
    try:
        content = fetcher.get(link)
        return document_from_html(
            content, origin, limits, url=link, outlet=outlet, fallback_date=stated
        )
    except (FetchError, FetchRefusedError) as error:
        logger.info("Using the feed summary for %s: %s", link, error)
    except InputError as error:
        if error.check != "no_main_text":
            raise
        logger.info("Using the feed summary for %s: the page has no main text", link)
    return None


def _summary_document(
    entry: Any,
    summary: str,
    origin: str,
    limits: Limits,
    outlet: str | None,
    stated: date | None,
) -> Document:
    link = entry.get("link") or None
    clean = check_text(summary, origin, limits)
    return Document(
        doc_id=make_doc_id(None, link, clean),
        text=clean,
        pub_date=parse_date(stated.isoformat() if stated else None, origin, limits),
        url=link,
        outlet=outlet,
        title=entry.get("title") or None,
        origin=origin,
    )


def _entry_date(entry: Any) -> date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None


def _plain_text(fragment: str) -> str:
    """The text of an HTML fragment (feed summaries are HTML)."""
    if "<" not in fragment:
        return fragment
    try:
        return str(lxml.html.fragment_fromstring(fragment, create_parent="div").text_content())
    except (lxml.etree.ParserError, ValueError):
        return fragment
