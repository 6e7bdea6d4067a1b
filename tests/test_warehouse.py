"""The DuckDB warehouse: schema, reference tables, loading, versions, locks and queries."""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

import warehouse.load
from dyad.errors import (
    ConfigError,
    QueryError,
    WarehouseBusyError,
    WarehouseError,
    WarehouseVersionError,
)
from schemas.documents import documents_frame
from schemas.events import events_frame
from schemas.quarantine import quarantine_frame
from warehouse.connection import SCHEMA_VERSION, connect
from warehouse.load import LoadResult, load_batch, record_run
from warehouse.query import run_query

TABLES = ("documents", "event_mentions", "events", "quarantine", "runs")
VIEWS = (
    "events_coded",
    "daily_dyad_counts",
    "monthly_dyad_counts",
    "daily_quad_counts",
    "country_daily_quad",
    "top_actors",
    "outlet_daily_counts",
    "gdelt_events",
    "phoenix_events",
)
LOCK_HOLDER = (
    "import sys, duckdb\n"
    "con = duckdb.connect(sys.argv[1])\n"
    "print('ready', flush=True)\n"
    "sys.stdin.read()\n"
)


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every row of every loaded table, in a stable order."""
    return {
        table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() for table in TABLES
    }


def count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def test_connect_twice_is_idempotent(db_path, seeds_dir) -> None:
    with connect(db_path, seeds_dir=seeds_dir) as con:
        first = con.execute(
            "SELECT table_name FROM information_schema.tables ORDER BY 1"
        ).fetchall()
        codes = count(con, "cameo_event_codes")
    with connect(db_path, seeds_dir=seeds_dir) as con:
        assert (
            con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()
            == first
        )
        assert count(con, "cameo_event_codes") == codes > 0
        assert con.execute("SELECT * FROM meta").fetchall() == [
            ("schema_version", str(SCHEMA_VERSION))
        ]
    names = {name for (name,) in first}
    assert names >= {*TABLES, "meta", "changes", *VIEWS}


def test_reference_tables_come_from_the_seeds(db_path, seeds_dir) -> None:
    with connect(db_path, seeds_dir=seeds_dir) as con:
        assert con.execute("SELECT code FROM cameo_countries ORDER BY 1").fetchall() == [
            ("RUS",),
            ("UKR",),
        ]
        assert count(con, "cameo_organizations") == 2
        assert con.execute("SELECT * FROM cameo_roles ORDER BY 1").fetchall() == [
            ("GOV", "Government"),
            ("MIL", "Military"),
        ]
        zero = con.execute("SELECT level, quad_class FROM cameo_event_codes WHERE code = '01'")
        assert zero.fetchall() == [(0, 1)]


def test_missing_actor_file_is_skipped_with_a_warning(db_path, tmp_path, make_seeds, caplog):
    seeds = make_seeds(tmp_path / "seeds", skip=("roles.csv",))
    with caplog.at_level(logging.WARNING), connect(db_path, seeds_dir=seeds) as con:
        assert count(con, "cameo_roles") == 0
        assert count(con, "cameo_countries") == 2
    assert "roles.csv is missing" in caplog.text


def test_malformed_seed_fails_and_keeps_the_loaded_tables(db_path, tmp_path, make_seeds):
    seeds = make_seeds(tmp_path / "seeds")
    with connect(db_path, seeds_dir=seeds):
        pass
    (seeds / "actors" / "countries.csv").write_text("code,name\nRUS,Russia\nRUS,Russia\n")
    with pytest.raises(WarehouseError, match="countries.csv") as caught:
        with connect(db_path, seeds_dir=seeds):
            pass
    assert "seeds/README.md" in caught.value.hint
    with connect(db_path, read_only=True) as con:
        assert count(con, "cameo_countries") == 2


def test_missing_codebook_raises_config_error(db_path, tmp_path) -> None:
    with pytest.raises(ConfigError, match="event_codes.csv"), connect(db_path, seeds_dir=tmp_path):
        pass


def test_loading_the_same_batch_twice_adds_nothing(db_path, seeds_dir, make_batch) -> None:
    frames = make_batch()
    with connect(db_path, seeds_dir=seeds_dir) as con:
        first = load_batch(con, **frames, run={"run_id": "r1", "status": "completed"})
        before = snapshot(con)
        second = load_batch(con, **frames, run={"run_id": "r2", "status": "completed"})
        after = snapshot(con)
    assert first == LoadResult(documents=2, mentions=2, events=1, quarantine=1)
    assert second == LoadResult(documents=0, mentions=0, events=0, quarantine=0)
    assert {table: after[table] for table in TABLES if table != "runs"} == {
        table: before[table] for table in TABLES if table != "runs"
    }
    assert [row[0] for row in after["runs"]] == ["r1", "r2"]


def test_load_stamps_run_and_time(db_path, seeds_dir, make_batch) -> None:
    start = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with connect(db_path, seeds_dir=seeds_dir) as con:
        load_batch(con, **make_batch(), run={"run_id": "r1"})
        stamps = con.execute(
            "SELECT DISTINCT run_id, loaded_at FROM event_mentions UNION "
            "SELECT DISTINCT run_id, updated_at FROM events UNION "
            "SELECT DISTINCT run_id, quarantined_at FROM quarantine"
        ).fetchall()
    assert len(stamps) == 1 and stamps[0][0] == "r1"
    assert start <= stamps[0][1] <= dt.datetime.now(dt.UTC).replace(tzinfo=None)


def test_failed_insert_leaves_every_table_as_it_was(
    db_path, seeds_dir, make_batch, monkeypatch
) -> None:
    original = warehouse.load._insert_rows
    inserted: dict[str, int] = {}

    def count_inserts(con, table, stamp):
        inserted[table] = original(con, table, stamp)
        return inserted[table]

    def fail(con, stamp):
        raise RuntimeError("injected failure after the documents and quarantine inserts")

    with connect(db_path, seeds_dir=seeds_dir) as con:
        load_batch(con, **make_batch(), run={"run_id": "r1"})
        before = snapshot(con)
        monkeypatch.setattr(warehouse.load, "_insert_rows", count_inserts)
        monkeypatch.setattr(warehouse.load, "_insert_mentions", fail)
        new = make_batch("new")
        with pytest.raises(RuntimeError, match="injected"):
            load_batch(con, **new, run={"run_id": "r2", "status": "failed"})
        assert inserted == {"quarantine": 1}  # after the documents insert
        assert snapshot(con) == before


def test_constraint_violation_rolls_back_and_is_translated(
    db_path, seeds_dir, make_batch, make_event
) -> None:
    frames = make_batch("new")
    frames["events"] = events_frame(
        [make_event(event_id="x1"), make_event(event_id="x2", quad_class=9)]
    )
    with connect(db_path, seeds_dir=seeds_dir) as con:
        load_batch(con, **make_batch(), run={"run_id": "r1"})
        before = snapshot(con)
        with pytest.raises(WarehouseError, match="Constraint") as caught:
            load_batch(con, **frames, run={"run_id": "r2"})
        assert "split_valid" in caught.value.hint
        assert snapshot(con) == before


def test_record_run_inserts_then_updates(db_path, seeds_dir) -> None:
    started = dt.datetime(2024, 3, 1, 13, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    with connect(db_path, seeds_dir=seeds_dir) as con:
        record_run(
            con, {"run_id": "r1", "started_at": started, "status": "running", "inputs": ["a"]}
        )
        record_run(con, {"run_id": "r1", "status": "completed", "events_loaded": 5, "seconds": 1.5})
        row = con.execute("SELECT started_at, status, inputs, events_loaded, seconds FROM runs")
        assert row.fetchall() == [(dt.datetime(2024, 3, 1, 12, 0), "completed", '["a"]', 5, 1.5)]
        with pytest.raises(WarehouseError, match="unknown keys"):
            record_run(con, {"run_id": "r1", "colour": "red"})


def test_views_aggregate_events(db_path, seeds_dir, make_event) -> None:
    day1, day2 = dt.date(2024, 3, 1), dt.date(2024, 3, 2)
    rows = [
        make_event(event_id="a", event_date=day1, code="195"),
        make_event(event_id="b", event_date=day1, code="190"),
        make_event(event_id="c", event_date=day1, code="042", source="UKRGOV", target="RUSGOV"),
        make_event(event_id="d", event_date=day2, code="195"),
    ]
    empty = {"documents": documents_frame([]), "quarantine": quarantine_frame([])}
    with connect(db_path, seeds_dir=seeds_dir) as con:
        load_batch(con, events=events_frame(rows), **empty, run={"run_id": "r1"})
        quads = con.execute("SELECT * FROM daily_quad_counts ORDER BY ALL").fetchall()
        dyads = con.execute(
            "SELECT source, target, root_code, n_events, goldstein_sum "
            "FROM daily_dyad_counts WHERE event_date = '2024-03-01' ORDER BY ALL"
        ).fetchall()
        names = con.execute("SELECT root_name FROM events_coded WHERE mention_id = 'a'").fetchall()
    goldstein_042 = rows[2]["goldstein"]
    assert quads == [(day1, 1, 1, goldstein_042), (day1, 4, 2, -10.0), (day2, 4, 1, -10.0)]
    assert dyads == [
        ("RUSMIL", "UKR", "19", 2, -20.0),
        ("UKRGOV", "RUSGOV", "04", 1, goldstein_042),
    ]
    assert names == [("FIGHT",)]


def test_newer_schema_version_is_refused(db_path, seeds_dir) -> None:
    with connect(db_path, seeds_dir=seeds_dir) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION + 1])
    for read_only in (False, True):
        with pytest.raises(WarehouseVersionError, match=f"schema version {SCHEMA_VERSION + 1}"):
            with connect(db_path, read_only=read_only, seeds_dir=seeds_dir):
                pass


@pytest.fixture
def locked_db(db_path: Path, seeds_dir: Path) -> Iterator[Path]:
    """A warehouse whose write lock another process holds until the test ends."""
    with connect(db_path, seeds_dir=seeds_dir):
        pass
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield db_path
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


@pytest.mark.parametrize("read_only", [False, True])
def test_lock_held_by_another_process_is_busy(locked_db, seeds_dir, read_only) -> None:
    with pytest.raises(WarehouseBusyError) as caught:
        with connect(locked_db, read_only=read_only, seeds_dir=seeds_dir):
            pass
    assert caught.value.path == str(locked_db)


def test_run_query_returns_a_frame(db_path, seeds_dir) -> None:
    with connect(db_path, seeds_dir=seeds_dir):
        pass
    frame = run_query(db_path, "SELECT code, root_code FROM cameo_event_codes WHERE code = '195'")
    assert frame.rows() == [("195", "19")]
    assert run_query(db_path, "SELECT * FROM events").is_empty()
    assert run_query(db_path, "SET threads = 1").is_empty()


@pytest.mark.parametrize(
    ("sql", "fragment"),
    [
        ("SELECT * FROM no_such_table", "no_such_table"),
        ("SELEC 1", "syntax"),
        ("DELETE FROM events", "read-only"),
    ],
)
def test_query_errors_are_query_errors(db_path, seeds_dir, sql, fragment) -> None:
    with connect(db_path, seeds_dir=seeds_dir):
        pass
    with pytest.raises(QueryError, match=f"(?i){fragment}"):
        run_query(db_path, sql)


def test_query_without_a_warehouse_says_to_run_first(tmp_path) -> None:
    missing = tmp_path / "nowhere" / "dyad.duckdb"
    with pytest.raises(WarehouseError) as caught:
        run_query(missing, "SELECT 1")
    assert "dyad run" in caught.value.hint
    assert not missing.parent.exists()
