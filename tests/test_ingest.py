"""Ingest: documents from .txt and JSON Lines; every bad input rejected with its check."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from coder.records import Document
from dyad.errors import InputError
from ingest.collect import collect
from ingest.normalize import Limits, normalize_text
from ingest.readers import Rejection, read_jsonl, read_txt

LIMITS = Limits(max_doc_chars=5_000, min_date=date(1900, 1, 1))


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_txt_with_header_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "date: 2026-06-02\ntitle: Drones\nurl: https://example.org/a\nsource: Wire\n\n"
        "Ukrainian forces attacked Russia.\n",
        encoding="utf-8",
    )
    doc = read_txt(path, LIMITS)
    assert isinstance(doc, Document)
    assert doc.pub_date == date(2026, 6, 2)
    assert (doc.title, doc.url, doc.outlet) == ("Drones", "https://example.org/a", "Wire")
    assert doc.text == "Ukrainian forces attacked Russia."
    assert len(doc.doc_id) == 16  # derived from the URL


def test_jsonl_reads_fields_and_keeps_ids(tmp_path: Path) -> None:
    record = {"id": 7, "text": " Text.\r\n", "date": "2026-06-03T10:00:00Z", "source": "W"}
    (doc,) = read_jsonl(write_jsonl(tmp_path / "d.jsonl", [json.dumps(record)]), LIMITS)
    assert isinstance(doc, Document)
    assert (doc.doc_id, doc.text, doc.pub_date, doc.outlet) == ("7", "Text.", date(2026, 6, 3), "W")
    assert doc.origin.endswith("d.jsonl:1")


future = (date.today() + timedelta(days=30)).isoformat()


@pytest.mark.parametrize(
    ("line", "check"),
    [
        ('{"id": "a", "text": "x", "date": "2026-01-0', "malformed_json"),
        ('["a list"]', "malformed_json"),
        ('{"id": "a", "text": "   ", "date": "2026-01-01"}', "empty_document"),
        ('{"id": "a", "date": "2026-01-01"}', "empty_document"),
        ('{"id": "a", "text": "Some text."}', "missing_date"),
        ('{"id": "a", "text": "Some text.", "date": "last week"}', "invalid_date"),
        ('{"id": "a", "text": "Some text.", "date": "2026-02-30"}', "invalid_date"),
        ('{"id": "a", "text": "Some text.", "date": "1850-01-01"}', "implausible_date"),
        (f'{{"id": "a", "text": "Some text.", "date": "{future}"}}', "implausible_date"),
        ('{"id": "a", "text": "' + "x" * 6_000 + '", "date": "2026-01-01"}', "too_large"),
    ],
)
def test_bad_jsonl_lines_are_rejected_with_their_check(
    tmp_path: Path, line: str, check: str
) -> None:
    good = '{"id": "ok", "text": "Fine.", "date": "2026-01-01"}'
    items = list(read_jsonl(write_jsonl(tmp_path / "d.jsonl", [good, line]), LIMITS))
    assert isinstance(items[0], Document)
    rejection = items[1]
    assert isinstance(rejection, Rejection)
    assert rejection.check_name == check
    assert rejection.origin.endswith("d.jsonl:2")
    assert rejection.message and rejection.payload


def test_undecodable_bytes_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"date: 2026-01-01\n\nCaf\xe9 au lait \xff\xfe")
    rejection = read_txt(path, LIMITS)
    assert isinstance(rejection, Rejection)
    assert rejection.check_name == "undecodable_bytes"


def test_txt_without_date_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "nodate.txt"
    path.write_text("Russia attacked Ukraine.", encoding="utf-8")
    rejection = read_txt(path, LIMITS)
    assert isinstance(rejection, Rejection) and rejection.check_name == "missing_date"


def test_collect_accounts_for_every_input(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    same = '{"id": "d1", "text": "Same text.", "date": "2026-01-01"}'
    other = '{"id": "d1", "text": "Other text.", "date": "2026-01-01"}'
    write_jsonl(tmp_path / "a.jsonl", [same, same, other, "{oops"])
    result = collect([tmp_path], LIMITS)
    assert [d.doc_id for d in result.documents] == ["d1"]
    assert result.duplicates == 1
    assert sorted(r.check_name for r in result.rejections) == [
        "duplicate_id",
        "empty_document",
        "malformed_json",
    ]
    assert [p.name for p in result.skipped_files] == ["notes.md"]
    assert result.files == 2


def test_missing_input_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        collect([tmp_path / "nope"], LIMITS)


def test_normalize_text_removes_control_characters() -> None:
    assert normalize_text("A\x00B\r\nC\u0301\x1b") == "A B\nĆ"
