"""Near-duplicate copies: stored beside their canonical document, counted among its sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import polars as pl
import pytest

from dyad.errors import ContractError
from schemas.batch import validate_batch
from schemas.copies import copies_frame
from schemas.documents import documents_frame
from schemas.events import events_frame
from schemas.quarantine import quarantine_frame
from tests.conftest import document_row, event_row
from warehouse.connection import SCHEMA_VERSION, connect
from warehouse.load import load_batch


def copy_row(doc_id: str, outlet: str | None, canonical: str = "d0") -> dict[str, object]:
    return {
        "doc_id": doc_id,
        "canonical_doc_id": canonical,
        "pub_date": dt.date(2024, 3, 1),
        "outlet": outlet,
        "url": f"https://{doc_id}.example.org/",
        "similarity": 0.9,
        "origin": f"{doc_id}.jsonl:1",
    }


def frames(copies: list[dict[str, object]], *, with_document: bool = True) -> dict:
    documents = [document_row(outlet="Wire")] if with_document else []
    events = [event_row(outlet="Wire")] if with_document else []
    return {
        "documents": documents_frame(documents),
        "events": events_frame(events),
        "quarantine": quarantine_frame([]),
        "copies": copies_frame(copies),
    }


def sources(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute("SELECT num_sources, num_documents FROM events").fetchall()


def test_copies_add_their_outlets_to_the_story_sources(db_path: Path, seeds_dir: Path) -> None:
    same_outlet = copy_row("c0", "Wire")
    with connect(db_path, seeds_dir=seeds_dir) as con:
        load_batch(
            con,
            **frames([copy_row("c1", "Herald"), same_outlet, copy_row("c2", None)]),
            run={"run_id": "r1"},
        )
        assert sources(con) == [(2, 1)]  # Wire and Herald; the copies are not coded documents
        late = frames([copy_row("c3", "Gazette")], with_document=False)
        result = load_batch(con, **late, run={"run_id": "r2"})
        assert sources(con) == [(3, 1)] and result.events == 1
        again = load_batch(con, **late, run={"run_id": "r3"})
        assert sources(con) == [(3, 1)] and again.events == 0
        stored = con.execute(
            "SELECT doc_id, canonical_doc_id, outlet FROM document_copies ORDER BY doc_id"
        ).fetchall()
    assert stored[0] == ("c0", "d0", "Wire") and len(stored) == 4


def test_validate_batch_splits_copies_from_quarantine_rows(seeds_dir: Path) -> None:
    rejection = {
        "stage": "ingest",
        "origin": "c1.jsonl:1",
        "doc_id": "c1",
        "check_name": "near_duplicate",
        "message": "A copy of document 'd0'.",
        "payload": "text",
        "copy": copy_row("c1", "Herald"),
    }
    batch = validate_batch([], [], [rejection], seeds_dir)
    assert batch.quarantine["check_name"].to_list() == ["near_duplicate"]
    assert batch.copies.select("doc_id", "canonical_doc_id").rows() == [("c1", "d0")]


def test_a_copy_of_itself_breaks_the_contract() -> None:
    with pytest.raises(ContractError, match="copy_is_not_its_own_canonical"):
        copies_frame([copy_row("d0", "Wire")])


def test_a_version_2_warehouse_migrates_to_the_current_schema(
    db_path: Path, seeds_dir: Path
) -> None:
    with connect(db_path, seeds_dir=seeds_dir) as con:
        load_batch(con, **frames([]), run={"run_id": "r1"})
    with duckdb.connect(str(db_path)) as con:  # make it the file schema 2 left
        con.execute("DROP TABLE document_copies")
        con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with connect(db_path, seeds_dir=seeds_dir) as con:
        assert con.execute("SELECT value FROM meta").fetchall() == [(str(SCHEMA_VERSION),)]
        assert con.execute("SELECT count(*) FROM document_copies").fetchall() == [(0,)]
        assert sources(con) == [(1, 1)]
    assert SCHEMA_VERSION >= 3  # the copies table arrived with schema 3


def test_copies_frame_accepts_no_rows() -> None:
    assert copies_frame([]).height == 0 and isinstance(copies_frame([]), pl.DataFrame)


def test_ingested_copies_reach_the_batch_with_their_outlet(tmp_path: Path, seeds_dir: Path) -> None:
    from ingest.collect import collect
    from ingest.normalize import Limits
    from tests.test_ingest_formats import WIRE

    lines = [
        f'{{"id": "a", "date": "2026-06-01", "source": "Wire", "text": "{WIRE}"}}',
        f'{{"id": "b", "date": "2026-06-01", "source": "Herald", "url": "https://h.org/b", '
        f'"text": "{WIRE} Copyright Herald."}}',
    ]
    (tmp_path / "d.jsonl").write_text("\n".join(lines), encoding="utf-8")
    result = collect([tmp_path], Limits(max_doc_chars=10_000, min_date=dt.date(1900, 1, 1)))
    records = [rejection.to_record() for rejection in result.rejections]
    batch = validate_batch([], [], records, seeds_dir)
    assert batch.copies.select("doc_id", "canonical_doc_id", "outlet", "url").rows() == [
        ("b", "a", "Herald", "https://h.org/b")
    ]
    assert batch.quarantine["check_name"].to_list() == ["near_duplicate"]
