"""Ingest of HTML pages, CSV files and feed files; near-duplicates and languages at the gate."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from coder.records import Document
from ingest.collect import collect
from ingest.dedup import MIN_WORDS, NearDuplicates
from ingest.feeds import read_feed
from ingest.html import read_html
from ingest.language import LanguageGate
from ingest.normalize import Limits
from ingest.readers import Rejection, read_csv

LIMITS = Limits(max_doc_chars=50_000, min_date=date(1900, 1, 1))
PAGE = """<html><head><title>Talks resume</title>
<meta property="og:site_name" content="Daily Wire"><meta name="date" content="2026-03-04">
<link rel="canonical" href="https://news.example.org/talks"></head>
<body><nav>Home | World | Sport</nav><article><h1>Talks resume</h1>
<p>Russian and Ukrainian negotiators met in Istanbul on Tuesday to discuss a prisoner exchange,
officials said.</p><p>The talks were brokered by Turkey.</p></article>
<footer>Copyright Daily Wire</footer></body></html>"""
WIRE = (
    "Russian forces shelled the city of Kharkiv on Monday, killing three civilians and wounding "
    "twelve others, the regional governor said in a statement posted on social media late in the "
    "evening. Rescue workers searched the rubble of two apartment buildings through the night, "
    "and the mayor said schools in the district would stay closed until Thursday. Ukraine's "
    "foreign ministry condemned the attack and called on its partners to deliver more air "
    "defence systems before the winter."
)


def test_html_keeps_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "talks.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_html(path, LIMITS)
    assert isinstance(doc, Document)
    assert doc.text.startswith("Russian and Ukrainian negotiators")
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert (doc.title, doc.pub_date, doc.outlet) == ("Talks resume", date(2026, 3, 4), "Daily Wire")
    assert doc.url == "https://news.example.org/talks"


def test_csv_rows_become_documents_and_rejections(tmp_path: Path) -> None:
    path = tmp_path / "docs.csv"
    path.write_text(
        'id,date,text,url\na,2026-01-02,"Talks, at last.",https://x.org/a\nb,,"No date."\n',
        encoding="utf-8",
    )
    first, second = read_csv(path, LIMITS)
    assert isinstance(first, Document) and first.text == "Talks, at last."
    assert first.url == "https://x.org/a" and first.origin.endswith("docs.csv:2")
    assert isinstance(second, Rejection) and second.check_name == "missing_date"


def test_csv_long_field_is_too_large_not_malformed(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(f'text,date\n"{"word " * 40_000}",2026-01-02\n', encoding="utf-8")
    (rejection,) = read_csv(path, LIMITS)
    assert isinstance(rejection, Rejection) and rejection.check_name == "too_large"


def feed_xml(*items: str) -> bytes:
    body = "".join(items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>'.encode()


def item(link: str, summary: str, when: str = "Tue, 02 Jun 2026 08:00:00 GMT") -> str:
    return f"<item><title>T</title><link>{link}</link><description>{summary}</description><pubDate>{when}</pubDate></item>"


def test_feed_items_use_their_summary_without_a_fetcher() -> None:
    content = feed_xml(
        item("https://x.org/1", "&lt;p&gt;Iran &lt;b&gt;met&lt;/b&gt; Oman.&lt;/p&gt;")
    )
    (doc,) = read_feed(content, "wire.rss", LIMITS, None, None)
    assert isinstance(doc, Document)
    assert (doc.text, doc.outlet, doc.pub_date) == ("Iran met Oman.", "Wire", date(2026, 6, 2))
    assert doc.url == "https://x.org/1" and doc.origin == "wire.rss:1"


@pytest.mark.parametrize(
    ("content", "checks"),
    [
        (b"", ["malformed_feed"]),
        (b"<rss><channel><item><title>cut", ["malformed_feed", "empty_document"]),
        (feed_xml(item("x", "Old news.", "Mon, 01 Jan 1870 00:00:00 GMT")), ["implausible_date"]),
        (feed_xml(), []),  # a valid feed with no items yet
    ],
)
def test_broken_feeds_are_accounted_for(content: bytes, checks: list[str]) -> None:
    items = list(read_feed(content, "f.rss", LIMITS, None, None))
    assert [i.check_name for i in items if isinstance(i, Rejection)] == checks


def test_near_duplicates_are_grouped_under_the_first_copy() -> None:
    index = NearDuplicates()
    assert index.copy_of(Document("a", WIRE, date(2026, 6, 1), outlet="Wire")) is None
    edited = WIRE.replace("late in the evening", "late on Monday") + " (Reuters)"
    copy = index.copy_of(Document("b", edited, date(2026, 6, 1), outlet="Herald"))
    assert copy is not None and copy.canonical_id == "a" and 0.8 <= copy.similarity < 1
    exact = index.copy_of(Document("c", WIRE.upper(), date(2026, 6, 1)))
    assert exact is not None and exact.similarity == 1.0
    other = "Talks on trade between the European Union and India resumed in Brussels. " * 3
    assert index.copy_of(Document("d", other, date(2026, 6, 1))) is None


def test_short_identical_texts_are_not_grouped() -> None:
    index = NearDuplicates()
    short = " ".join(["word"] * (MIN_WORDS - 1))
    assert index.copy_of(Document("a", short, date(2026, 6, 1))) is None
    assert index.copy_of(Document("b", short, date(2026, 6, 1))) is None


@pytest.mark.parametrize(
    ("text", "check"),
    [
        (WIRE, None),
        ("La Russie a bombardé Kharkiv lundi, tuant trois civils, a déclaré le gouverneur.", "fr"),
        ("Москва заявила о новых ударах по Киеву в понедельник вечером, сообщил губернатор.", "ru"),
        ("Ça va?", None),  # too short to be sure: coded (and codes nothing)
        ("Talks in Doha, Qatar.", None),
    ],
)
def test_language_gate(text: str, check: str | None) -> None:
    rejection = LanguageGate().check(Document("x", text, date(2026, 6, 1)))
    if check is None:
        assert rejection is None
    else:
        assert rejection is not None and rejection.check_name == "not_english"
        assert repr(check) in rejection.message


def test_collect_quarantines_copies_and_other_languages(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": WIRE, "source": "Wire"},
        {
            "id": "b",
            "text": WIRE + " Copyright Herald.",
            "source": "Herald",
            "url": "https://h.org/b",
        },
        {
            "id": "c",
            "text": "Die Bundesregierung verurteilte am Montag den Angriff auf Kiew scharf.",
        },
    ]
    (tmp_path / "d.jsonl").write_text(
        "\n".join(json.dumps({**line, "date": "2026-06-01"}) for line in lines), encoding="utf-8"
    )
    result = collect([tmp_path], LIMITS)
    assert [d.doc_id for d in result.documents] == ["a"]
    assert sorted(r.check_name for r in result.rejections) == ["near_duplicate", "not_english"]
    (copy,) = result.copies
    assert copy.canonical_id == "a" and copy.document.outlet == "Herald"
    near = next(r for r in result.rejections if r.check_name == "near_duplicate")
    assert "'a'" in near.message and "Herald" in near.message and "https://h.org/b" in near.message
