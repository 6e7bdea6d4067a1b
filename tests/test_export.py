"""Exports: round trips in every format with dtypes, manifest and checksums, atomic replacement."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from dyad.errors import WarehouseError
from schemas.codebook import default_seeds_dir, load_codebook
from schemas.documents import documents_frame
from schemas.events import DATE_SOURCE, DATE_SOURCES, EVENT_SCHEMA, events_frame
from schemas.quarantine import quarantine_frame
from warehouse.connection import SCHEMA_VERSION, connect
from warehouse.export import (
    EXPORT_FORMATS,
    EXPORTED_TABLES,
    MANIFEST_FILE,
    export_parquet,
    export_warehouse,
    read_export,
    read_manifest,
    sha256_of,
)
from warehouse.load import load_batch
from warehouse.query import run_query

INT32 = st.integers(-(2**31), 2**31 - 1)
TEXT = st.text(max_size=20)
MAYBE_TEXT = st.none() | TEXT
ACTOR = st.from_regex(r"(?:[A-Z0-9]{3}){1,5}", fullmatch=True)
COUNTRY = st.none() | st.sampled_from(["RUS", "UKR", "USA", "IGO"])
ROLE = st.none() | st.sampled_from(["MIL", "GOV", "GOVMIL", "REBMILUAF"])
ORDER_BY = {
    "events": "event_id",
    "event_mentions": "mention_id",
    "gdelt_events": "GLOBALEVENTID",
    "phoenix_events": "EventID",
}
TRIGGER = st.fixed_dictionaries({"word": TEXT, "char_start": INT32, "char_end": INT32})
CODES = load_codebook(default_seeds_dir()).rows(named=True)


@st.composite
def event_rows(draw: st.DrawFn) -> dict[str, object]:
    """An event row with arbitrary text, dates, actors and triggers; codebook values for code."""
    entry = draw(st.sampled_from(CODES))
    return {
        "event_id": "",
        "doc_id": draw(TEXT),
        "sentence_index": draw(INT32),
        "sentence_text": draw(TEXT),
        "event_date": draw(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))),
        "date_source": draw(st.sampled_from(DATE_SOURCES)),
        "source": draw(ACTOR),
        "source_text": draw(TEXT),
        "source_country": draw(COUNTRY),
        "source_role": draw(ROLE),
        "target": draw(st.just("") | ACTOR),
        "target_text": draw(TEXT),
        "target_country": draw(COUNTRY),
        "target_role": draw(ROLE),
        "code": entry["code"],
        "root_code": entry["root_code"],
        "quad_class": entry["quad_class"],
        "goldstein": entry["goldstein"],
        "url": draw(MAYBE_TEXT),
        "outlet": draw(MAYBE_TEXT),
        "trigger_text": draw(TEXT),
        "triggers": draw(st.lists(TRIGGER, min_size=1, max_size=3)),
        "rule_id": draw(TEXT),
        "confidence": draw(st.floats(min_value=0.0, max_value=1.0)),
        "coder_version": draw(TEXT),
    }


def load_events(db_path: Path, seeds_dir: Path, events: pl.DataFrame) -> None:
    empty = {"documents": documents_frame([]), "quarantine": quarantine_frame([])}
    with connect(db_path, seeds_dir=seeds_dir) as con:
        load_batch(con, events=events, **empty, run={"run_id": "r1", "dictionary_hash": "h"})


def read_table(out_dir: Path, table: str) -> pl.DataFrame:
    return pl.read_parquet(out_dir / table / "**" / "*.parquet", hive_partitioning=False)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(event_rows(), min_size=1, max_size=6))
def test_mentions_round_trip_through_duckdb_and_parquet(seeds_dir, rows) -> None:
    rows = [{**row, "event_id": f"e{i:03d}"} for i, row in enumerate(rows)]
    events = events_frame(rows).sort("event_id")
    with tempfile.TemporaryDirectory() as folder:
        db_path, out_dir = Path(folder) / "dyad.duckdb", Path(folder) / "export"
        load_events(db_path, seeds_dir, events)
        from_duckdb = run_query(db_path, "SELECT * FROM event_mentions ORDER BY mention_id")
        export_parquet(db_path, out_dir, run_id="r1")
        from_parquet = read_table(out_dir, "event_mentions").sort("mention_id")
    for back in (from_duckdb, from_parquet):
        assert back.schema["date_source"] == pl.String  # no enum type in DuckDB/Parquet
        restored = (
            back.drop("event_id")
            .rename({"mention_id": "event_id"})
            .select(EVENT_SCHEMA.names())
            .with_columns(pl.col("date_source").cast(DATE_SOURCE))
        )
        assert_frame_equal(restored, events)
        assert back.schema["loaded_at"] == pl.Datetime("us")
        assert back["dictionary_hash"].to_list() == ["h"] * len(rows)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(event_rows(), min_size=1, max_size=6), st.sampled_from(EXPORT_FORMATS))
def test_every_export_reads_back_equal_with_dtypes(seeds_dir, rows, fmt) -> None:
    rows = [{**row, "event_id": f"e{i:03d}"} for i, row in enumerate(rows)]
    with tempfile.TemporaryDirectory() as folder:
        db_path, out_dir = Path(folder) / "dyad.duckdb", Path(folder) / "export"
        load_events(db_path, seeds_dir, events_frame(rows))
        manifest = export_warehouse(db_path, out_dir, run_id="r1", fmt=fmt)
        for table in EXPORTED_TABLES[fmt]:
            key = ORDER_BY.get(table)
            if key is None:
                continue
            stored = run_query(db_path, f"SELECT * FROM {table} ORDER BY {key}")
            back = read_export(out_dir, table).sort(key)
            assert_frame_equal(back, stored)
            assert manifest.table(table).rows == stored.height


@pytest.fixture
def exported(tmp_path, seeds_dir, make_batch, make_event) -> tuple[Path, Path]:
    """A warehouse with events in three months, and its export."""
    db_path, out_dir = tmp_path / "dyad.duckdb", tmp_path / "export"
    dates = [dt.date(2024, 1, 5), dt.date(2024, 1, 20), dt.date(2024, 2, 1), dt.date(2023, 12, 31)]
    events = [make_event(event_id=f"e{i}", event_date=day) for i, day in enumerate(dates)]
    batch = {**make_batch(), "events": events_frame(events)}
    with connect(db_path, seeds_dir=seeds_dir) as con:
        load_batch(con, **batch, run={"run_id": "r1", "dictionary_hash": "h"})
    export_parquet(db_path, out_dir, run_id="r1")
    return db_path, out_dir


def test_manifest_counts_match_tables_and_files(exported) -> None:
    db_path, out_dir = exported
    manifest = read_manifest(out_dir)
    assert manifest.schema_version == SCHEMA_VERSION and manifest.run_id == "r1"
    assert manifest.format == "parquet"
    for table in manifest.tables:
        stored = run_query(db_path, f"SELECT count(*) AS n FROM {table.name}")["n"].item()
        assert table.rows == stored == sum(p.rows for p in table.partitions)
        assert table.rows == read_export(out_dir, table.name).height
        assert [c.name for c in table.columns] == read_export(out_dir, table.name).columns
        for partition in table.partitions:
            assert partition.rows == sum(file.rows for file in partition.files)
            for file in partition.files:
                assert sha256_of(out_dir / file.path) == file.sha256
    events = manifest.table("events")
    assert [(p.path, p.rows) for p in events.partitions] == [
        ("events/year=2023/month=12", 1),
        ("events/year=2024/month=01", 2),
        ("events/year=2024/month=02", 1),
    ]
    assert dict((c.name, c.type) for c in events.columns)["event_date"] == "DATE"


def test_partition_folders_are_year_and_month(exported) -> None:
    _, out_dir = exported
    folders = {p.relative_to(out_dir).as_posix() for p in out_dir.glob("*/year=*/month=*")}
    assert "documents/year=2024/month=03" in folders
    assert "events/year=2024/month=01" in folders
    assert all(folder.split("/")[2][len("month=") :].isdigit() for folder in folders)
    assert all(len(folder.split("/")[2]) == len("month=MM") for folder in folders)


def test_export_replaces_the_previous_one_whole(exported, seeds_dir, make_event) -> None:
    db_path, out_dir = exported
    first = read_manifest(out_dir / MANIFEST_FILE)
    later = events_frame([make_event(event_id="late", event_date=dt.date(2024, 5, 1))])
    load_events(db_path, seeds_dir, later)
    second = export_parquet(db_path, out_dir, run_id=None)
    assert read_manifest(out_dir) == second and second.run_id is None
    assert second.table("events").rows == first.table("events").rows + 1
    assert sorted(p.name for p in out_dir.parent.iterdir()) == ["dyad.duckdb", "export"]


def test_empty_warehouse_exports_empty_tables(tmp_path, seeds_dir) -> None:
    db_path, out_dir = tmp_path / "dyad.duckdb", tmp_path / "export"
    with connect(db_path, seeds_dir=seeds_dir):
        pass
    manifest = export_parquet(db_path, out_dir, run_id=None)
    assert {(t.name, t.rows, t.partitions) for t in manifest.tables} == {
        (name, 0, ()) for name in EXPORTED_TABLES["parquet"]
    }
    assert all((out_dir / t.name).is_dir() for t in manifest.tables)
    assert read_export(out_dir, "events").schema == run_query(db_path, "FROM events").schema


def test_export_refuses_to_replace_other_folders(tmp_path, exported) -> None:
    db_path, _ = exported
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    with pytest.raises(WarehouseError, match="not a dyad export"):
        export_parquet(db_path, precious, run_id=None)
    assert (precious / "notes.txt").read_text() == "keep me"


def test_export_without_a_warehouse_leaves_nothing_behind(tmp_path) -> None:
    with pytest.raises(WarehouseError, match="no warehouse"):
        export_parquet(tmp_path / "missing.duckdb", tmp_path / "export", run_id=None)
    assert list(tmp_path.iterdir()) == []


def test_unreadable_manifest_is_a_warehouse_error(tmp_path) -> None:
    (tmp_path / MANIFEST_FILE).write_text("{}")
    for path in (tmp_path, tmp_path / "nowhere.json"):
        with pytest.raises(WarehouseError, match="manifest"):
            read_manifest(path)


def column_list(name: str) -> list[str]:
    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@pytest.mark.parametrize(
    ("fmt", "table", "columns_file", "separator", "header"),
    [
        ("gdelt", "gdelt_events", "gdelt_2_event_columns.txt", "\t", False),
        ("phoenix", "phoenix_events", "phoenix_columns.txt", ",", True),
    ],
)
def test_interchange_files_have_the_standard_columns(
    exported, tmp_path, fmt, table, columns_file, separator, header
) -> None:
    db_path, _ = exported
    out_dir = tmp_path / f"export-{fmt}"
    manifest = export_warehouse(db_path, out_dir, run_id=None, fmt=fmt)
    expected = column_list(columns_file)
    assert [c.name for c in manifest.table(table).columns] == expected
    [partition] = manifest.table(table).partitions
    lines = (out_dir / partition.files[0].path).read_text(encoding="utf-8").splitlines()
    assert (lines[0].split(separator) == expected) is header
    assert all(len(line.split(separator)) == len(expected) for line in lines)
    assert len(lines) == manifest.table(table).rows + header == 4 + header  # four events
