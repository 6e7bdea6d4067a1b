"""Ingest on random and adversarial input: no crash, every file a document or a reasoned rejection."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.collect import collect
from ingest.normalize import Limits

LIMITS = Limits(max_doc_chars=2_000_000, min_date=date(1900, 1, 1))
PIECES = [
    "Russian forces attacked Ukraine.",
    "<p>",
    "</p>",
    "<article>",
    "<script>alert(1)</script>",
    "<![CDATA[",
    "]]>",
    "<item><title>",
    "</item>",
    "<pubDate>Mon, 01 Jun 2026 00:00:00 GMT</pubDate>",
    "<link>http://127.0.0.1:9/x</link>",
    "&amp;",
    "&#0;",
    "\x00",
    "\x1b[31m",
    "\u202e",
    "👍🏽",
    "北京",
    "Москва",
    "مرحبا",
    '"',
    ",",
    "\n",
    "date: 2026-06-01\n",
    "date: 3026-06-01\n",
    "date: 1899-12-31\n",
]
adversarial = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    st.just(""),
    st.just("date: 2026-06-01\n\n" + "Russia attacked Ukraine and " * 40_000 + "stopped."),
)
SUFFIXES = [".txt", ".jsonl", ".csv", ".html", ".rss", ".xml"]


def as_file(text: str, suffix: str) -> bytes:
    """The text as the body of a file of that kind (sometimes wrapped, sometimes raw)."""
    if suffix == ".jsonl":
        return (json.dumps({"text": text, "date": "2026-06-01"}) + "\n" + text).encode()
    if suffix == ".csv":
        return ("text,date\n" + json.dumps(text) + ",2026-06-01\n" + text).encode()
    if suffix == ".html":
        return f"<html><head><meta name='date' content='2026-06-01'></head><body>{text}".encode()
    if suffix == ".rss":
        return f"<rss><channel><item><description>{text}</description></item>".encode()
    return text.encode("utf-8", errors="surrogatepass")


@settings(max_examples=80, deadline=None)
@given(text=adversarial, suffix=st.sampled_from(SUFFIXES), raw=st.binary(max_size=64))
def test_every_input_file_is_a_document_or_a_reasoned_rejection(
    text: str, suffix: str, raw: bytes
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(as_file(text, suffix) + raw)
        result = collect([path], LIMITS)
    assert result.files == 1
    assert result.documents or result.rejections or _is_empty_feed(suffix)
    for document in result.documents:
        assert document.text.strip() and document.origin.startswith(str(path))
        assert LIMITS.min_date <= document.pub_date <= LIMITS.max_date
    for rejection in result.rejections:
        assert rejection.check_name and rejection.message
        assert rejection.origin.startswith(str(path))


def _is_empty_feed(suffix: str) -> bool:
    """A well-formed feed with no items yet is read and holds nothing: not an error."""
    return suffix in (".rss", ".xml")
