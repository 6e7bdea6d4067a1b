"""Read news documents from `.txt`, JSON Lines and CSV files; every bad input becomes a Rejection.

HTML pages and RSS/Atom feeds have their own modules (`ingest.html`, `ingest.feeds`).
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from coder.records import Document
from dyad.errors import InputError
from ingest.normalize import Limits, check_text, make_doc_id, parse_date

logger = logging.getLogger(__name__)

SUFFIXES = (".txt", ".jsonl", ".csv", ".html", ".htm", ".rss", ".atom", ".xml")
PAYLOAD_CHARS = 2_000
CSV_FIELD_LIMIT = 2**31 - 1
# Header lines at the top of a .txt file: "date: 2025-11-03", "title: ...", "url: ...".
TXT_HEADER = re.compile(r"^(?P<key>date|title|url|source|id):[ \t]*(?P<value>.*)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that was not ingested, and why. It lands in the quarantine table."""

    origin: str
    check_name: str
    message: str
    payload: str
    doc_id: str | None = None
    stage: str = "ingest"
    copy: dict[str, object] | None = None  # for `near_duplicate`: a `document_copies` row

    @classmethod
    def of(cls, error: InputError, payload: str, doc_id: str | None = None) -> Rejection:
        """A rejection from the error that caused it."""
        return cls(error.origin, error.check, str(error), payload[:PAYLOAD_CHARS], doc_id)

    @classmethod
    def for_document(
        cls,
        document: Document,
        check_name: str,
        message: str,
        copy: dict[str, object] | None = None,
    ) -> Rejection:
        """A rejection of a document that was read but is not coded (wrong language, a copy)."""
        payload = document.text[:PAYLOAD_CHARS]
        return cls(document.origin, check_name, message, payload, document.doc_id, copy=copy)

    def to_record(self) -> dict[str, object]:
        """The rejection as a quarantine row (with a `copy` key for a near-duplicate copy)."""
        record: dict[str, object] = {
            "stage": self.stage,
            "origin": self.origin,
            "doc_id": self.doc_id,
            "check_name": self.check_name,
            "message": self.message,
            "payload": self.payload,
        }
        if self.copy is not None:
            record["copy"] = self.copy
        return record


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Input files under the given files and folders (sorted), and files of other kinds."""
    found: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(
                f"The input {path} does not exist.",
                check="missing_input",
                origin=str(path),
                hint="Check the path, or run without paths to use the bundled seeds/.",
            )
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            (found if file.suffix.lower() in SUFFIXES else skipped).append(file)
    return found, skipped


def read_csv(path: Path, limits: Limits) -> Iterator[Document | Rejection]:
    """Documents from a CSV file with a header row: `text`, `date`, optional `id`, `url`, ..."""
    origin = str(path)
    raw = path.read_bytes()
    # The csv module's field limit (131,072 characters) is process-wide; lift it (the file is in
    # memory already) so a long article is rejected as `too_large`, not as malformed CSV.
    csv.field_size_limit(CSV_FIELD_LIMIT)
    try:
        rows = csv.DictReader(io.StringIO(decode_utf8(raw, origin), newline=""), strict=True)
        if "text" not in (rows.fieldnames or []):
            raise _malformed_csv(origin, "The file has no header row with a `text` column.")
        yield from _csv_rows(rows, origin, limits)
    except InputError as error:
        yield Rejection.of(error, raw[:PAYLOAD_CHARS].decode("utf-8", errors="replace"))


def _csv_rows(
    rows: csv.DictReader[str], origin: str, limits: Limits
) -> Iterator[Document | Rejection]:
    try:
        for row in rows:
            record: dict[str, object] = {k: v for k, v in row.items() if isinstance(k, str)}
            payload = ",".join(str(value) for value in row.values())[:PAYLOAD_CHARS]
            yield document_from_record(record, f"{origin}:{rows.line_num}", limits, payload)
    except csv.Error as exc:
        raise _malformed_csv(f"{origin}:{rows.line_num}", f"The CSV is malformed ({exc}).") from exc


def _malformed_csv(origin: str, message: str) -> InputError:
    return InputError(
        message,
        check="malformed_csv",
        origin=origin,
        hint="Write a header row (id,text,date,url,source,title) and quote fields with commas.",
    )


def read_txt(path: Path, limits: Limits) -> Document | Rejection:
    """One document from a text file whose first lines may be `date:`, `title:`, `url:` headers."""
    origin = str(path)
    raw = path.read_bytes()
    try:
        text = decode_utf8(raw, origin)
        fields, body = _split_header(text)
        clean = check_text(body, origin, limits)
        doc_id = make_doc_id(fields.get("id"), fields.get("url"), clean)
        pub_date = parse_date(fields.get("date"), origin, limits)
    except InputError as error:
        return Rejection.of(error, raw[:PAYLOAD_CHARS].decode("utf-8", errors="replace"))
    return Document(
        doc_id=doc_id,
        text=clean,
        pub_date=pub_date,
        url=fields.get("url"),
        outlet=fields.get("source"),
        title=fields.get("title"),
        origin=origin,
    )


def read_jsonl(path: Path, limits: Limits) -> Iterator[Document | Rejection]:
    """Documents from a JSON Lines file: `id`, `text`, `date`, optional `url`, `source`, `title`."""
    with path.open("rb") as handle:
        yield from read_jsonl_lines(handle, str(path), limits)


def read_jsonl_lines(
    lines: Iterable[bytes], name: str, limits: Limits
) -> Iterator[Document | Rejection]:
    """Documents from JSON Lines given as byte lines (a file or standard input) named `name`."""
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            yield _jsonl_line(raw, f"{name}:{number}", limits)


def _jsonl_line(raw: bytes, origin: str, limits: Limits) -> Document | Rejection:
    payload = raw[:PAYLOAD_CHARS].decode("utf-8", errors="replace")
    try:
        record = _json_object(decode_utf8(raw, origin), origin)
    except InputError as error:
        return Rejection.of(error, payload)
    return document_from_record(record, origin, limits, payload)


def document_from_record(
    record: dict[str, object], origin: str, limits: Limits, payload: str
) -> Document | Rejection:
    """A document from a record's `id`, `text`, `date`, `url`, `source`, `title` fields."""
    given = record.get("id")
    try:
        clean = check_text(_text_field(record, origin), origin, limits)
        url = _optional(record, "url")
        doc_id = make_doc_id(given, url, clean)
        pub_date = parse_date(record.get("date"), origin, limits)
    except InputError as error:
        return Rejection.of(error, payload, str(given) if given is not None else None)
    return Document(
        doc_id=doc_id,
        text=clean,
        pub_date=pub_date,
        url=url,
        outlet=_optional(record, "source"),
        title=_optional(record, "title"),
        origin=origin,
    )


def decode_utf8(raw: bytes, origin: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"The bytes at position {exc.start} are not valid UTF-8.",
            check="undecodable_bytes",
            origin=origin,
            hint="Re-encode the file as UTF-8.",
        ) from exc


def _split_header(text: str) -> tuple[dict[str, str], str]:
    fields: dict[str, str] = {}
    lines = text.split("\n")
    body_start = 0
    for line in lines:
        match = TXT_HEADER.match(line.strip())
        if not match:
            break
        fields[match["key"].lower()] = match["value"].strip()
        body_start += 1
    return fields, "\n".join(lines[body_start:])


def _json_object(line: str, origin: str) -> dict[str, object]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"The line is not valid JSON ({exc.msg} at column {exc.colno}).",
            check="malformed_json",
            origin=origin,
            hint="Fix the line; each line must be one JSON object.",
        ) from exc
    if not isinstance(record, dict):
        raise InputError(
            "The line is JSON but not an object.",
            check="malformed_json",
            origin=origin,
            hint='Write each document as {"id": ..., "text": ..., "date": ...}.',
        )
    return record


def _text_field(record: dict[str, object], origin: str) -> str:
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(
            "The record has no `text` string.",
            check="empty_document",
            origin=origin,
            hint="Give each record its article text in a `text` field.",
        )
    return text


def _optional(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    return str(value).strip() or None if value is not None else None
