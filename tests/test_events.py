"""Events from mentions: counts with set semantics, incremental, equal to a full rebuild."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import defaultdict
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.provenance import dictionary_hash
from dyad.settings import Settings
from schemas.documents import documents_frame
from schemas.events import events_frame
from schemas.quarantine import quarantine_frame
from tests.conftest import document_row, event_row
from warehouse.aggregate import rebuild_events
from warehouse.connection import connect, transaction
from warehouse.load import load_batch

EMPTY = {"documents": documents_frame([]), "quarantine": quarantine_frame([])}
DAYS = (dt.date(2024, 3, 1), dt.date(2024, 3, 2))
COUNTS = "SELECT event_id, num_mentions, num_documents, num_sources FROM events ORDER BY 1"


def load(con, rows: list[dict[str, object]], run_id: str, hash_: str = "h1"):
    run = {"run_id": run_id, "dictionary_hash": hash_}
    return load_batch(con, events=events_frame(rows), **EMPTY, run=run)


@st.composite
def mention_rows(draw: st.DrawFn) -> dict[str, object]:
    """A mention drawn from small pools, so that events, documents and outlets repeat."""
    index = draw(st.integers(0, 40))
    return event_row(
        event_id=f"m{index}",
        doc_id=f"d{index % 5}",
        sentence_index=index % 4,
        event_date=DAYS[index % 2],
        code=("195", "190")[index % 3 % 2],
        outlet=(None, "Wire A", "Wire B")[index % 5 % 3],
    )


def expected_counts(batches: list[list[dict[str, object]]]) -> dict[tuple, tuple[int, int, int]]:
    """(date, source, target, code) → (mentions, documents, outlets), over distinct mentions."""
    mentions = {row["event_id"]: row for batch in batches for row in batch}
    groups: dict[tuple, list[dict[str, object]]] = defaultdict(list)
    for row in mentions.values():
        groups[(row["event_date"], row["source"], row["target"], row["code"])].append(row)
    return {
        key: (
            len(rows),
            len({r["doc_id"] for r in rows}),
            len({r["outlet"] for r in rows if r["outlet"] is not None}),
        )
        for key, rows in groups.items()
    }


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(mention_rows(), max_size=8, unique_by=lambda r: r["event_id"]), max_size=4)
)
def test_incremental_loads_count_like_a_full_rebuild(seeds_dir, batches) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        connect(Path(folder) / "dyad.duckdb", seeds_dir=seeds_dir) as con,
    ):
        for number, batch in enumerate([*batches, *batches]):  # every batch loaded twice
            load(con, batch, f"r{number}")
        stored = con.execute(
            "SELECT event_date, source, target, code, num_mentions, num_documents, num_sources "
            "FROM events"
        ).fetchall()
        before = con.execute("SELECT * FROM events ORDER BY event_id").fetchall()
        with transaction(con):
            rebuilt = rebuild_events(con, run_id="full", now=dt.datetime.now())
        after = con.execute("SELECT * FROM events ORDER BY event_id").fetchall()
    assert {row[:4]: row[4:] for row in stored} == expected_counts(batches)
    assert rebuilt.written == rebuilt.deleted == 0 and after == before


def test_loading_the_same_document_again_changes_no_count(db_path, seeds_dir) -> None:
    rows = [event_row(event_id=f"m{i}", doc_id="d1", sentence_index=i) for i in range(3)]
    with connect(db_path, seeds_dir=seeds_dir) as con:
        first = load(con, rows, "r1")
        counts = con.execute(COUNTS).fetchall()
        second = load(con, rows, "r2")
        runs = con.execute("SELECT DISTINCT run_id FROM events").fetchall()
        assert con.execute(COUNTS).fetchall() == counts
    assert (first.mentions, first.events, second.mentions, second.events) == (3, 1, 0, 0)
    assert [row[1:] for row in counts] == [(3, 1, 1)]  # three mentions in one document
    assert runs == [("r1",)]


def test_a_stored_document_sent_again_with_another_date_adds_nothing(db_path, seeds_dir) -> None:
    day1, day2 = DAYS
    with connect(db_path, seeds_dir=seeds_dir) as con:
        for day, run_id in ((day1, "r1"), (day2, "r2")):
            result = load_batch(
                con,
                documents=documents_frame([document_row(doc_id="d1", pub_date=day)]),
                events=events_frame([event_row(event_id="m1", doc_id="d1", event_date=day)]),
                quarantine=quarantine_frame([]),
                run={"run_id": run_id, "dictionary_hash": "h1"},
            )
        stored = con.execute("SELECT event_date, num_mentions FROM events").fetchall()
    assert (result.documents, result.mentions) == (0, 0)
    assert stored == [(day1, 1)]


def test_a_later_mention_updates_its_event(db_path, seeds_dir) -> None:
    with connect(db_path, seeds_dir=seeds_dir) as con:
        load(con, [event_row(event_id="m1", doc_id="d1", outlet="Wire A")], "r1", "h1")
        result = load(con, [event_row(event_id="m2", doc_id="d2", outlet="Wire B")], "r2", "h2")
        row = con.execute(
            "SELECT num_mentions, num_documents, num_sources, run_id, dictionary_hash, "
            "first_seen < last_seen FROM events"
        ).fetchall()
    assert result.events == 1
    assert row == [(2, 2, 2, "r2", "h2", True)]


def test_view_counts_follow_events_not_mentions(db_path, seeds_dir) -> None:
    rows = [event_row(event_id=f"m{i}", doc_id=f"d{i}") for i in range(3)]
    rows.append(event_row(event_id="m9", code="042", source="UKRGOV", target="RUSGOV"))
    with connect(db_path, seeds_dir=seeds_dir) as con:
        load(con, rows, "r1")
        dyads = con.execute(
            "SELECT source, n_events, n_mentions FROM daily_dyad_counts ORDER BY 1"
        ).fetchall()
        months = con.execute("SELECT month, sum(n_events) FROM monthly_dyad_counts GROUP BY 1")
        months_rows = months.fetchall()
        countries = con.execute(
            "SELECT country, quad_class, n_events FROM country_daily_quad ORDER BY ALL"
        ).fetchall()
        actors = con.execute("SELECT actor, n_events FROM top_actors").fetchall()
        outlets = con.execute(
            "SELECT event_date, outlet, n_mentions, n_events FROM outlet_daily_counts"
        )
        outlet_rows = outlets.fetchall()
    assert dyads == [("RUSMIL", 1, 3), ("UKRGOV", 1, 1)]
    assert months_rows == [(dt.date(2024, 3, 1), 2)]
    assert countries == [("RUS", 1, 1), ("RUS", 4, 1), ("UKR", 1, 1), ("UKR", 4, 1)]
    assert actors == [("RUSGOV", 1), ("RUSMIL", 1), ("UKR", 1), ("UKRGOV", 1)]
    assert outlet_rows == [(dt.date(2024, 3, 1), "Example Wire", 4, 2)]


def write_seed_tree(root: Path, verbs: str) -> Path:
    for folder, name, text in (
        ("cameo", "event_codes.csv", "code\n01\n"),
        ("actors", "countries.csv", "code,name\nRUS,Russia\n"),
        ("lexicon", "verbs.csv", verbs),
    ):
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("change", "same"),
    [
        (lambda root, user: None, True),
        (lambda root, user: write_seed_tree(root, "phrase,code\nattack,190\n"), False),
        (lambda root, user: write_seed_tree(user, "phrase,code\nshell,195\n"), False),
        (lambda root, user: (root / "README.md").write_text("notes"), True),
    ],
)
def test_dictionary_hash_follows_the_coder_seed_files(tmp_path, change, same) -> None:
    root, user = tmp_path / "seeds", tmp_path / "mine"
    write_seed_tree(root, "phrase,code\nshell,195\n")
    user.mkdir()
    config = Settings(seeds_dir=root, user_seeds_dir=user)
    before = dictionary_hash(config)
    change(root, user)
    assert (dictionary_hash(config) == before) is same
    assert len(before) == 16 and pl.Series([before]).str.contains("^[0-9a-f]+$").all()
