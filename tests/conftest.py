"""Shared fixtures: a tiny seeds folder, and valid document and event rows to vary."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from schemas.codebook import CODEBOOK_FILE, default_seeds_dir, load_codebook
from schemas.documents import documents_frame
from schemas.events import events_frame
from schemas.quarantine import quarantine_frame

SUBSET_ROOTS = {"01", "04", "19"}
ACTOR_FILES = {
    "countries.csv": "code,name,aliases,adjectives,capitals,metonyms\n"
    "RUS,Russia,Russian Federation,Russian|Russians,Moscow,the Kremlin\n"
    "UKR,Ukraine,,Ukrainian|Ukrainians,Kyiv|Kiev,\n",
    "organizations.csv": "code,group,kind,name,aliases\n"
    "IGOUNO,UNO,IGO,United Nations,UN|U.N.\n"
    "IGOUNO,UNO,IGO,UN Security Council,UNSC\n",
    "roles.csv": "phrase,role,description\n"
    "force,MIL,Military\n"
    "army,MIL,Military\n"
    "government,GOV,Government\n",
}

Row = dict[str, object]


def write_seeds(folder: Path, *, actor_files: dict[str, str]) -> Path:
    """A seeds folder: the real codebook's rows for three roots, plus the given actor files."""
    (folder / CODEBOOK_FILE).parent.mkdir(parents=True)
    with (default_seeds_dir() / CODEBOOK_FILE).open(encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source))
    with (folder / CODEBOOK_FILE).open("w", encoding="utf-8", newline="") as target:
        csv.writer(target).writerows([rows[0], *(r for r in rows[1:] if r[1] in SUBSET_ROOTS)])
    (folder / "actors").mkdir()
    for name, text in actor_files.items():
        (folder / "actors" / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def seeds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny seeds folder (codebook subset for roots 01, 04, 19; two countries; two roles)."""
    return write_seeds(tmp_path_factory.mktemp("seeds"), actor_files=ACTOR_FILES)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "dyad.duckdb"


def event_row(**overrides: object) -> Row:
    """A valid event; root code, quad class and Goldstein follow `code` from the codebook."""
    code = str(overrides.get("code", "195"))
    book = load_codebook(default_seeds_dir()).filter(code=code).rows(named=True)
    entry = book[0] if book else {"root_code": code[:2], "quad_class": 4, "goldstein": -10.0}
    row: Row = {
        "event_id": "e0",
        "doc_id": "d0",
        "sentence_index": 0,
        "sentence_text": "Russian forces shelled Kharkiv.",
        "event_date": dt.date(2024, 3, 1),
        "date_source": "publication",
        "source": "RUSMIL",
        "source_text": "Russian forces",
        "source_country": "RUS",
        "source_role": "MIL",
        "target": "UKR",
        "target_text": "Kharkiv",
        "target_country": "UKR",
        "target_role": None,
        "code": code,
        "root_code": entry["root_code"],
        "quad_class": entry["quad_class"],
        "goldstein": entry["goldstein"],
        "url": "https://example.org/a",
        "outlet": "Example Wire",
        "trigger_text": "shelled",
        "triggers": [{"word": "shelled", "char_start": 15, "char_end": 22}],
        "rule_id": "fight.shell",
        "confidence": 0.9,
        "coder_version": "0.1.0",
    }
    return {**row, **overrides}


def document_row(**overrides: object) -> Row:
    """A valid document; `n_chars` and `content_hash` follow `text`."""
    text = str(overrides.get("text", "Russian forces shelled Kharkiv."))
    row: Row = {
        "doc_id": "d0",
        "pub_date": dt.date(2024, 3, 1),
        "title": "Shelling",
        "url": None,
        "outlet": None,
        "text": text,
        "content_hash": hashlib.sha256(text.encode()).hexdigest(),
        "origin": "seeds/documents/a.jsonl:1",
        "n_chars": len(text),
        "n_sentences": 1,
    }
    return {**row, **overrides}


@pytest.fixture(scope="session")
def make_event() -> Callable[..., Row]:
    return event_row


@pytest.fixture(scope="session")
def make_document() -> Callable[..., Row]:
    return document_row


def batch(prefix: str = "") -> dict[str, pl.DataFrame]:
    """A small valid batch for `load_batch`: two documents, two events, one quarantine row."""
    documents = [document_row(doc_id=f"{prefix}d{i}") for i in range(2)]
    events = [event_row(event_id=f"{prefix}e{i}", doc_id=f"{prefix}d{i}") for i in range(2)]
    reject = {
        "stage": "ingest",
        "origin": f"{prefix}a.jsonl:9",
        "doc_id": None,
        "check_name": "malformed_json",
        "message": "Line 9 is not JSON.",
        "payload": "{",
    }
    return {
        "documents": documents_frame(documents),
        "events": events_frame(events),
        "quarantine": quarantine_frame([reject]),
    }


@pytest.fixture(scope="session")
def make_batch() -> Callable[..., dict[str, pl.DataFrame]]:
    return batch


@pytest.fixture(scope="session")
def make_seeds() -> Callable[..., Path]:
    """`make_seeds(folder, skip=("roles.csv",))`: a tiny seeds folder without some actor files."""

    def make(folder: Path, *, skip: tuple[str, ...] = ()) -> Path:
        files = {name: text for name, text in ACTOR_FILES.items() if name not in skip}
        return write_seeds(folder, actor_files=files)

    return make
