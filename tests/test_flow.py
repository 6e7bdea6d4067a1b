"""The Prefect pipeline flow, run for real on real files into a real DuckDB file."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl
import pytest
from prefect.testing.utilities import prefect_test_harness

from dyad.errors import ModelNotFoundError, WarehouseLockedError
from dyad.progress import reporting
from dyad.provenance import dictionary_hash
from dyad.settings import PROJECT_ROOT, Settings
from flows.pipeline import pipeline
from flows.recode import recode
from flows.runners import api_for_workers, task_runner
from schemas.batch import ValidatedBatch
from tests.faults import stalled_load
from warehouse.connection import connect
from warehouse.export import read_manifest
from warehouse.staging import write_part

BAD_INPUTS = Path(__file__).parent / "data" / "bad_inputs"
SEED_DOCUMENTS = PROJECT_ROOT / "seeds" / "documents"
EXPECTED_REJECTIONS = {
    "empty_document": 4,  # empty.txt, blank.txt, a JSON line without text, a cut-off feed item
    "undecodable_bytes": 2,  # latin1.txt, a JSON line with invalid UTF-8
    "missing_date": 6,  # undated.txt/.html, nav-only.html, JSON line, CSV row, feed item
    "malformed_json": 2,  # a cut-off line, a JSON list
    "malformed_csv": 2,  # an unterminated quote, no `text` column
    "malformed_feed": 2,  # truncated.rss (its good item is still read), not-a-feed.xml
    "invalid_date": 1,  # 2026-13-45
    "implausible_date": 3,  # 1850, 2999 (JSON Lines), 2999 (CSV)
}


@pytest.fixture(scope="module", autouse=True)
def prefect_server() -> Iterator[None]:
    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    inputs = tmp_path / "inputs"
    shutil.copytree(SEED_DOCUMENTS, inputs / "seeds")
    shutil.copytree(BAD_INPUTS, inputs / "bad")
    return Settings(
        db_path=tmp_path / "data" / "dyad.duckdb",
        export_dir=tmp_path / "data" / "export",
        staging_dir=tmp_path / "data" / "staging",
        inputs=[inputs],
        batch_size=4,  # several part files
    )


def table(settings: Settings, sql: str) -> pl.DataFrame:
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        return con.sql(sql).pl()


def test_pipeline_accounts_for_every_input(settings: Settings) -> None:
    report = pipeline(settings)
    seed_docs = 1 + sum(1 for _ in (SEED_DOCUMENTS / "wire-2026-06.jsonl").open())
    # the good line of broken.jsonl and of broken.csv, truncated.html, truncated.rss's first item
    assert report.documents_in == seed_docs + 4
    assert report.quarantined_by_check == EXPECTED_REJECTIONS
    assert report.quarantined == sum(EXPECTED_REJECTIONS.values())
    assert report.skipped_files == 1  # bad_inputs/README.md
    assert report.events_coded > 0 and report.events_loaded == report.events_coded
    assert table(settings, "select count(*) as n from documents")["n"][0] == report.documents_in
    assert (
        table(settings, "select count(*) as n from event_mentions")["n"][0] == report.events_coded
    )
    events = table(settings, "select * from events")
    assert 0 < events.height <= report.events_coded == events["num_mentions"].sum()
    assert set(events["dictionary_hash"]) == {dictionary_hash(settings)}
    assert report.events_changed == events.height
    stored = table(settings, "select check_name from quarantine")["check_name"].to_list()
    assert Counter(stored) == Counter(EXPECTED_REJECTIONS)
    runs = table(settings, "select * from runs")
    assert runs.height == 1 and runs["status"][0] == "completed"
    assert runs["events_loaded"][0] == report.events_coded
    assert runs["documents_skipped"][0] == 0
    assert all(runs[f"{stage}_seconds"][0] > 0 for stage in ("ingest", "code", "load"))


def test_rerun_adds_nothing_and_codes_nothing_again(settings: Settings) -> None:
    calls: list[tuple[str, int, int | None]] = []
    with reporting(lambda *call: calls.append(call)):
        first = pipeline(settings)
    batches = -(-first.documents_in // settings.batch_size)  # every batch reported, in order
    assert calls[0] == ("coding batches", 0, batches)
    assert calls[-1] == ("coding batches", batches, batches)
    second = pipeline(settings)
    assert (second.documents_loaded, second.events_loaded, second.events_changed) == (0, 0, 0)
    assert second.documents_skipped == first.documents_in  # same coder, dictionaries and text
    assert (second.sentences, second.events_coded) == (0, 0)
    assert not any(settings.staging_dir.iterdir())  # each run's part files are gone once loaded
    counts = table(
        settings,
        "select (select count(*) from documents) d, (select count(*) from event_mentions) e, "
        "(select count(*) from quarantine) q, (select count(*) from runs) r",
    ).row(0)
    assert counts == (first.documents_in, first.events_coded, first.quarantined, 2)


def test_export_matches_the_warehouse(settings: Settings) -> None:
    report = pipeline(settings)
    manifest = read_manifest(settings.export_dir)
    assert manifest.run_id == report.run_id
    assert manifest.table("event_mentions").rows == report.events_coded
    events = pl.read_parquet(settings.export_dir / "event_mentions" / "**" / "*.parquet")
    assert events.height == report.events_coded
    assert set(events["event_date"].dt.year().to_list()) == {2026}


def test_seed_article_is_coded(settings: Settings) -> None:
    pipeline(settings)
    events = table(
        settings,
        "select source, code, target from event_mentions where doc_id = "
        "(select doc_id from documents where title like 'Ukraine hits Russian airfields%')",
    )
    rows = set(events.iter_rows())
    assert ("UKRMIL", "1952", "RUS") in rows  # the drone attack on Russian airfields
    cooperation = {(s[:3], t[:3]) for s, code, t in rows if code.startswith("06")}
    assert {("CHN", "BLR"), ("BLR", "CHN")} <= cooperation  # military cooperation, by country


def test_recode_after_a_lexicon_change_records_changes(settings: Settings, tmp_path: Path) -> None:
    pipeline(settings)
    verbs = (PROJECT_ROOT / "seeds" / "lexicon" / "verbs.csv").read_text(encoding="utf-8")
    header = verbs.splitlines()[0]
    (drone,) = [row for row in verbs.splitlines() if row.startswith("1952-drone-attack,1952,")]
    mine = tmp_path / "mine" / "lexicon"
    mine.mkdir(parents=True)  # the user's row of the same id recodes drone attacks as shelling
    (mine / "verbs.csv").write_text(f"{header}\n{drone.replace(',1952,', ',194,', 1)}\n")
    changed = settings.model_copy(update={"user_seeds_dir": mine.parent})
    report = recode(changed)
    assert report.deleted > 0 and report.added > 0
    assert report.dictionary_hash == dictionary_hash(changed) != dictionary_hash(settings)
    rows = table(
        settings,
        "select change, old_values ->> 'code' as old, new_values ->> 'code' as new from changes",
    )
    assert "1952" in rows.filter(pl.col("change") == "deleted")["old"].to_list()
    assert "194" in rows.filter(pl.col("change") == "added")["new"].to_list()
    mentions = table(settings, "select count(*) as n from event_mentions")["n"][0]
    assert mentions == report.mentions_after  # every stored document was recoded
    again = recode(changed)
    assert (again.added, again.deleted, again.updated) == (0, 0, 0)
    hashes = table(settings, "select distinct dictionary_hash from events")["dictionary_hash"]
    assert hashes.to_list() == [dictionary_hash(changed)]


def test_new_dictionaries_code_stored_documents_again(settings: Settings, tmp_path: Path) -> None:
    first = pipeline(settings)
    mine = tmp_path / "mine" / "lexicon"
    mine.mkdir(parents=True)
    verbs = (PROJECT_ROOT / "seeds" / "lexicon" / "verbs.csv").read_text(encoding="utf-8")
    (mine / "verbs.csv").write_text(verbs.splitlines()[0] + "\n", encoding="utf-8")
    second = pipeline(settings.model_copy(update={"user_seeds_dir": mine.parent}))
    assert second.documents_skipped == 0 and second.events_coded == first.events_coded


def test_dask_cluster_of_two_workers_codes_the_same(settings: Settings, tmp_path: Path) -> None:
    local = pipeline(settings)
    on_dask = settings.model_copy(
        update={"task_runner": "dask", "db_path": tmp_path / "dask.duckdb", "export": False}
    )
    with api_for_workers(on_dask):  # the harness's server, for the workers to report to
        report = pipeline.with_options(task_runner=task_runner(on_dask))(on_dask)
    assert (report.documents_loaded, report.events_loaded) == (
        local.documents_loaded,
        local.events_loaded,
    )
    query = "select mention_id, code from event_mentions order by 1"
    assert table(on_dask, query).equals(table(settings, query))


def test_second_writer_flow_fails_clearly_while_one_loads(settings: Settings, make_batch) -> None:
    frames = make_batch("other")
    batch = ValidatedBatch(frames["documents"], frames["events"], frames["quarantine"])
    part = write_part(
        settings.staging_dir / "other" / "part-0", batch, documents=2, sentences=2, events=2
    )
    with connect(settings.db_path, seeds_dir=settings.seeds_dir):
        pass
    impatient = settings.model_copy(update={"lock_timeout": 1.0})
    with stalled_load(settings.db_path, settings.seeds_dir, part.path):
        with pytest.raises(WarehouseLockedError, match="DYAD_LOCK_TIMEOUT"):
            pipeline(impatient)
        with pytest.raises(WarehouseLockedError):
            recode(impatient)  # recode writes too, so it queues behind the same lock
    report = pipeline(settings)  # the stalled load was killed: this run does the work
    assert report.documents_loaded == report.documents_in > 0
    assert table(settings, "select run_id from runs")["run_id"].to_list() == [report.run_id]


def test_failed_run_leaves_a_failed_runs_row_and_no_data(settings: Settings) -> None:
    broken = settings.model_copy(update={"model": "no_such_spacy_pipeline"})
    with pytest.raises(ModelNotFoundError):
        pipeline(broken)
    runs = table(settings, "select status, finished_at, coder_version from runs")
    assert runs["status"].to_list() == ["failed"] and runs["finished_at"][0] is not None
    assert table(settings, "select count(*) as n from documents")["n"][0] == 0


def test_a_copy_of_a_story_stored_by_an_earlier_run_counts_as_its_source(
    settings: Settings, tmp_path: Path
) -> None:
    story = (
        "Russian forces shelled residential areas of Kharkiv overnight, killing three people and "
        "damaging a school and a hospital, the regional governor said on Tuesday. Emergency "
        "crews worked through the night to put out fires in two districts of the city. The "
        "governor said air defences had shot down most of the drones launched at the region, "
        "but several struck power lines, leaving thousands of homes without electricity as "
        "temperatures fell below freezing. Ukraine's foreign ministry called for more air "
        "defence systems from its allies."
    )
    first, second = tmp_path / "day1", tmp_path / "day2"
    first.mkdir()
    second.mkdir()
    row = {"id": "wire-1", "text": story, "date": "2026-06-02", "source": "Example Wire"}
    (first / "wire.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    copy = {**row, "id": "herald-9", "date": "2026-06-03", "source": "Daily Herald"}
    copy["text"] = story.replace("on Tuesday", "on Tuesday morning")
    (second / "herald.jsonl").write_text(json.dumps(copy) + "\n", encoding="utf-8")
    pipeline(settings.model_copy(update={"inputs": [first]}))
    report = pipeline(settings.model_copy(update={"inputs": [second]}))
    assert report.quarantined_by_check == {"near_duplicate": 1} and report.events_coded == 0
    copies = table(settings, "select doc_id, canonical_doc_id, outlet from document_copies")
    assert copies.rows() == [("herald-9", "wire-1", "Daily Herald")]
    sources = table(settings, "select max(num_sources) as n from events")["n"][0]
    assert sources == 2  # Example Wire and Daily Herald
