"""Schema evolution: a real schema-1 file is migrated on open; read-only opens say how."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dyad.errors import WarehouseVersionError
from warehouse.connection import SCHEMA_VERSION, connect
from warehouse.query import run_query

V1_SQL = Path(__file__).parent / "data" / "schema_v1.sql"


@pytest.fixture
def v1_db(db_path: Path) -> Path:
    """A warehouse file written with the schema-1 DDL: two documents, four sentence-events."""
    db_path.parent.mkdir(parents=True)
    with duckdb.connect(str(db_path)) as con:
        con.execute(V1_SQL.read_text(encoding="utf-8"))
    return db_path


def test_opening_a_v1_file_for_writing_migrates_it(v1_db, seeds_dir) -> None:
    with connect(v1_db, seeds_dir=seeds_dir) as con:
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        mentions = con.execute(
            "SELECT mention_id, doc_id, dictionary_hash FROM event_mentions ORDER BY 1"
        ).fetchall()
        events = con.execute(
            "SELECT source, code, target, num_mentions, num_documents, num_sources, run_id "
            "FROM events ORDER BY code"
        ).fetchall()
        runs = con.execute("SELECT run_id, events_loaded, dictionary_hash FROM runs").fetchall()
    assert version == [(str(SCHEMA_VERSION),)]
    assert [(m, d) for m, d, _ in mentions] == [
        ("m1", "d1"),
        ("m2", "d1"),
        ("m3", "d2"),
        ("m4", "d2"),
    ]
    assert {h for _, _, h in mentions} == {None}  # which dictionaries coded them is unknown
    assert events == [
        ("UKR", "0874", "", 1, 1, 1, "migrate-v2"),
        ("RUSMIL", "195", "UKR", 3, 2, 2, "migrate-v2"),
    ]
    assert runs == [("r1", 4, None)]


def test_migrated_file_matches_a_new_one_and_reopens(v1_db, seeds_dir, tmp_path) -> None:
    with connect(v1_db, seeds_dir=seeds_dir):
        pass
    fresh = tmp_path / "fresh.duckdb"
    with connect(fresh, seeds_dir=seeds_dir):
        pass
    describe = (
        "SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY ALL"
    )
    assert run_query(v1_db, describe).equals(run_query(fresh, describe))
    keys = (
        "SELECT table_name, constraint_type, constraint_column_names FROM duckdb_constraints() "
        "ORDER BY ALL"
    )
    assert run_query(v1_db, keys).equals(run_query(fresh, keys))
    assert run_query(v1_db, "SELECT count(*) AS n FROM events_coded")["n"].item() == 4


def test_read_only_open_of_a_v1_file_names_the_migrate_command(v1_db) -> None:
    with pytest.raises(WarehouseVersionError, match="schema version 1") as caught:
        with connect(v1_db, read_only=True):
            pass
    assert "dyad migrate" in caught.value.hint


def test_failed_migration_leaves_the_v1_file_as_it_was(v1_db, seeds_dir, monkeypatch) -> None:
    import warehouse.migrations

    def broken(con: duckdb.DuckDBPyConnection) -> None:
        con.execute("DROP TABLE events")
        raise RuntimeError("injected failure mid-migration")

    monkeypatch.setitem(warehouse.migrations.STEPS, 1, broken)
    with pytest.raises(RuntimeError, match="injected"), connect(v1_db, seeds_dir=seeds_dir):
        pass
    with duckdb.connect(str(v1_db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM events").fetchall() == [(4,)]
        assert con.execute("SELECT value FROM meta").fetchall() == [("1",)]


def test_migrate_command_migrates_then_queries_work(v1_db) -> None:
    from typer.testing import CliRunner

    from dyad.cli import app

    runner = CliRunner()
    before = runner.invoke(app, ["query", "select count(*) from events", "--db", str(v1_db)])
    assert before.exit_code == 1 and "dyad migrate" in before.stderr
    result = runner.invoke(app, ["migrate", "--db", str(v1_db)])
    assert result.exit_code == 0, result.output
    assert f"schema version {SCHEMA_VERSION} (2 events)" in result.stdout
    after = runner.invoke(app, ["query", "select count(*) as n from events", "--db", str(v1_db)])
    assert after.exit_code == 0 and "(1 rows)" in after.stdout


def test_a_v3_file_gains_the_runs_stage_columns(db_path, seeds_dir) -> None:
    new_columns = ("documents_skipped", "ingest_seconds", "code_seconds", "load_seconds")
    with connect(db_path, seeds_dir=seeds_dir) as con:  # make it a schema-3 file
        con.execute("INSERT INTO runs (run_id, status) VALUES ('old', 'completed')")
        for column in new_columns:
            con.execute(f"ALTER TABLE runs DROP COLUMN {column}")
        con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    with connect(db_path, seeds_dir=seeds_dir) as con:
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        runs = con.execute(f"SELECT run_id, {', '.join(new_columns)} FROM runs").fetchall()
    assert version == [("4",)]
    assert runs == [("old", None, None, None, None)]
