"""Recoding stored documents: mentions replaced, events re-aggregated, changes recorded."""

from __future__ import annotations

import json

import pytest

from schemas.documents import documents_frame
from schemas.events import events_frame
from schemas.quarantine import quarantine_frame
from tests.conftest import document_row, event_row
from warehouse.connection import connect
from warehouse.load import load_batch
from warehouse.recode import RecodeResult, replace_mentions, stored_documents

NO_QUARANTINE = quarantine_frame([])


def mention(mention_id: str, doc_id: str, code: str = "195", **more: object) -> dict[str, object]:
    return event_row(event_id=mention_id, doc_id=doc_id, code=code, **more)


def recode(con, rows, run_id: str, doc_ids=("d1",), hash_: str = "h2") -> RecodeResult:
    return replace_mentions(
        con,
        doc_ids=list(doc_ids),
        events=events_frame(rows),
        quarantine=NO_QUARANTINE,
        run={"run_id": run_id, "dictionary_hash": hash_, "status": "completed"},
    )


@pytest.fixture
def con(db_path, seeds_dir):
    """Documents d1 and d2: d1 mentions 195 twice (m1, m5) and 190 once (m2); d2 195 (m3)."""
    documents = documents_frame([document_row(doc_id="d1"), document_row(doc_id="d2")])
    rows = [
        mention("m1", "d1"),
        mention("m2", "d1", "190", sentence_index=1),
        mention("m5", "d1", sentence_index=3),
        mention("m3", "d2"),
    ]
    with connect(db_path, seeds_dir=seeds_dir) as con:
        load_batch(
            con,
            documents=documents,
            events=events_frame(rows),
            quarantine=NO_QUARANTINE,
            run={"run_id": "r1", "dictionary_hash": "h1"},
        )
        yield con


def changes(con) -> list[tuple[str, str, object, object]]:
    rows = con.execute(
        "SELECT coalesce(new_values ->> 'code', old_values ->> 'code'), change, old_values, "
        "new_values FROM changes ORDER BY 1"
    ).fetchall()
    return [
        (code, kind, old and json.loads(old), new and json.loads(new))
        for code, kind, old, new in rows
    ]


def test_recode_records_deleted_added_and_updated_events(con) -> None:
    rows = [mention("m1", "d1"), mention("m4", "d1", "042", sentence_index=2)]
    result = recode(con, rows, "rc1")
    assert result == RecodeResult(1, 3, 2, added=1, deleted=1, updated=1, quarantined=0)
    recorded = {code: (kind, old, new) for code, kind, old, new in changes(con)}
    assert recorded["190"][0] == "deleted" and recorded["190"][2] is None
    assert recorded["190"][1]["num_mentions"] == 1
    assert recorded["042"][0] == "added" and recorded["042"][1] is None
    kind, old, new = recorded["195"]  # m1 found again, m5 not; m3 in d2 untouched
    assert (kind, old["num_mentions"], new["num_mentions"]) == ("updated", 3, 2)
    assert (old["num_documents"], new["num_documents"]) == (2, 2)
    events = con.execute("SELECT code, num_mentions, run_id FROM events ORDER BY code").fetchall()
    assert [(code, n) for code, n, _ in events] == [("042", 1), ("195", 2)]


def test_recoding_to_the_same_events_changes_nothing_but_provenance(con) -> None:
    first_seen = con.execute("SELECT mention_id, first_seen FROM event_mentions ORDER BY 1")
    before = first_seen.fetchall()
    rows = [
        mention("m1", "d1"),
        mention("m2", "d1", "190", sentence_index=1),
        mention("m5", "d1", sentence_index=3),
    ]
    result = recode(con, rows, "rc1", hash_="h2")
    assert (result.added, result.deleted, result.updated) == (0, 0, 0)
    after = con.execute("SELECT mention_id, first_seen FROM event_mentions ORDER BY 1").fetchall()
    assert after == before  # a mention found again keeps when it was first seen
    hashes = con.execute("SELECT code, dictionary_hash FROM events ORDER BY code").fetchall()
    assert hashes == [("190", "h2"), ("195", "h2")]  # the latest derivation names itself
    assert con.execute("SELECT count(*) FROM changes").fetchall() == [(0,)]


def test_stored_documents_are_coder_input(con) -> None:
    documents = stored_documents(con, None)
    assert [d.doc_id for d in documents] == ["d1", "d2"]
    assert documents[0].text == "Russian forces shelled Kharkiv." and documents[0].origin
