"""The data contracts: frame builders, checks, and the valid/quarantine split."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.errors import ConfigError, ContractError
from schemas.codebook import CODEBOOK_SCHEMA, default_seeds_dir, load_codebook
from schemas.documents import DOCUMENT_SCHEMA, DocumentModel, documents_frame
from schemas.events import EVENT_SCHEMA, EventModel, event_model, events_frame
from schemas.quarantine import PAYLOAD_LIMIT, QUARANTINE_SCHEMA, quarantine_frame
from schemas.validate import split_valid

TOMORROW_PLUS = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=3)

BAD_EVENTS = [
    ({"code": "999"}, "code_in_codebook"),
    ({"root_code": "18"}, "root_code_matches_codebook"),
    ({"quad_class": 1}, "quad_class_matches_codebook"),
    ({"quad_class": 5}, "quad_class_range"),
    ({"goldstein": -9.0}, "goldstein_matches_codebook"),
    ({"goldstein": 11.0}, "goldstein_range"),
    ({"source": ""}, "source_code_format"),
    ({"source": "rusmil"}, "source_code_format"),
    ({"source": "RUSMI"}, "source_code_format"),
    ({"source": "RUS" * 6}, "source_code_format"),
    ({"target": "UK"}, "target_code_format"),
    ({"target": "RUSMIL"}, "source_differs_from_target"),
    ({"event_date": dt.date(1899, 12, 31)}, "event_date_plausible"),
    ({"event_date": TOMORROW_PLUS}, "event_date_plausible"),
    ({"triggers": []}, "triggers_not_empty"),
    ({"sentence_index": -1}, "sentence_index_not_negative"),
    ({"sentence_text": None}, "sentence_text_not_null"),
]

BAD_DOCUMENTS = [
    ({"doc_id": ""}, "doc_id_not_empty"),
    ({"pub_date": dt.date(1850, 1, 1)}, "pub_date_plausible"),
    ({"pub_date": TOMORROW_PLUS}, "pub_date_plausible"),
    ({"text": "", "n_chars": 1}, "text_not_empty"),
    ({"content_hash": "ABC"}, "content_hash_format"),
    ({"n_chars": 0, "text": ""}, "n_chars_positive"),
    ({"n_chars": 99}, "n_chars_matches_text"),
    ({"n_sentences": -1}, "n_sentences_not_negative"),
    ({"origin": None}, "origin_not_null"),
]


def test_valid_frames_pass(make_event, make_document) -> None:
    events = events_frame(
        [
            make_event(),
            make_event(event_id="e1", target="", target_text=""),
            # a domestic event's implied target: the source's own country, named by no text
            make_event(event_id="e2", source="DZA", target="DZA", target_text=""),
        ]
    )
    documents = documents_frame([make_document(), make_document(doc_id="d1", title=None)])
    for frame, model in ((events, EventModel), (documents, DocumentModel)):
        valid, quarantined = split_valid(frame, model)
        assert valid.equals(frame)
        assert quarantined.is_empty() and quarantined.schema == QUARANTINE_SCHEMA


@pytest.mark.parametrize(
    ("build", "schema"),
    [(events_frame, EVENT_SCHEMA), (documents_frame, DOCUMENT_SCHEMA), (quarantine_frame, None)],
)
def test_builders_type_empty_frames(build, schema) -> None:
    assert build([]).schema == (schema or QUARANTINE_SCHEMA)


def test_events_frame_keeps_contract_dtypes(make_event) -> None:
    frame = events_frame([make_event()])
    assert frame.schema == EVENT_SCHEMA
    assert frame["code"].to_list() == ["195"]


@pytest.mark.parametrize(("overrides", "check"), BAD_EVENTS)
def test_each_event_check_quarantines_its_row(make_event, overrides, check) -> None:
    frame = events_frame([make_event(), make_event(event_id="bad", **overrides)])
    valid, quarantined = split_valid(frame, EventModel)
    assert valid["event_id"].to_list() == ["e0"]
    assert quarantined.height == 1
    row = quarantined.row(0, named=True)
    assert check in row["check_name"].split(",")
    assert check in row["message"]
    assert (row["stage"], row["doc_id"]) == ("validate", "d0")
    assert row["origin"] == f"doc d0 sentence {overrides.get('sentence_index', 0)}"
    assert json.loads(row["payload"])["event_id"] == "bad"


@pytest.mark.parametrize(("overrides", "check"), BAD_DOCUMENTS)
def test_each_document_check_quarantines_its_row(make_document, overrides, check) -> None:
    frame = documents_frame([make_document(), make_document(**{"doc_id": "bad", **overrides})])
    valid, quarantined = split_valid(frame, DocumentModel, stage="ingest")
    assert valid["doc_id"].to_list() == ["d0"]
    assert quarantined.height == 1
    row = quarantined.row(0, named=True)
    assert check in row["check_name"].split(",")
    assert row["stage"] == "ingest"


@pytest.mark.parametrize(
    ("build", "model", "key", "row"),
    [
        (events_frame, EventModel, "event_id", {"target": "IGOUNO"}),
        (documents_frame, DocumentModel, "doc_id", {"title": "Other"}),
    ],
)
def test_duplicate_keys_keep_the_first_row(request, build, model, key, row) -> None:
    make = request.getfixturevalue("make_event" if build is events_frame else "make_document")
    valid, quarantined = split_valid(build([make(), make(**row)]), model)
    assert valid.height == 1 and valid.row(0, named=True) == build([make()]).row(0, named=True)
    assert quarantined["check_name"].to_list() == [f"{key}_unique"]


def test_all_failing_checks_are_named_in_one_row(make_event) -> None:
    frame = events_frame([make_event(code="999", source="bad", triggers=[])])
    _, quarantined = split_valid(frame, EventModel)
    assert quarantined["check_name"].to_list() == [
        "code_in_codebook,source_code_format,triggers_not_empty"
    ]


def test_payload_is_the_row_as_json_with_iso_dates(make_event) -> None:
    _, quarantined = split_valid(events_frame([make_event(code="999")]), EventModel)
    payload = json.loads(quarantined["payload"].item())
    assert payload["event_date"] == "2024-03-01"
    assert payload["triggers"] == make_event()["triggers"]
    assert set(payload) == set(EVENT_SCHEMA.names())


def test_origin_template(make_event, make_document) -> None:
    _, docs = split_valid(documents_frame([make_document(n_sentences=-1)]), DocumentModel)
    assert docs["origin"].to_list() == ["seeds/documents/a.jsonl:1"]
    frame = events_frame([make_event(code="999")])
    _, events = split_valid(frame, EventModel, origin="{doc_id}#{__row__}")
    assert events["origin"].to_list() == ["d0#0"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([None, *range(len(BAD_EVENTS))]), max_size=20))
def test_every_row_is_valid_or_quarantined(make_event, corruptions) -> None:
    rows = [
        make_event(event_id=f"e{i}", **({} if bad is None else BAD_EVENTS[bad][0]))
        for i, bad in enumerate(corruptions)
    ]
    valid, quarantined = split_valid(events_frame(rows), EventModel)
    assert valid.height + quarantined.height == len(rows)
    assert quarantined.height == sum(bad is not None for bad in corruptions)
    assert set(valid["event_id"]).isdisjoint(
        json.loads(payload)["event_id"] for payload in quarantined["payload"]
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda f: f.with_columns(pl.col("sentence_index").cast(pl.Int64)),
        lambda f: f.with_columns(pl.col("date_source").cast(pl.String)),
        lambda f: f.drop("rule_id"),
        lambda f: f.with_columns(extra=pl.lit(1)),
    ],
    ids=["dtype", "enum-as-string", "missing-column", "extra-column"],
)
def test_whole_frame_failures_raise(make_event, change) -> None:
    frame = change(events_frame([make_event(), make_event(event_id="e1", code="999")]))
    with pytest.raises(ContractError) as caught:
        split_valid(frame, EventModel)
    assert caught.value.checks


@pytest.mark.parametrize(
    "overrides",
    [
        {"date_source": "headline"},
        {"sentence_index": 1.5},
        {"event_date": "2024-03-01"},
        {"event_date": dt.datetime(2024, 3, 1, 12)},
        {"quad_class": 300},
        {"unexpected": 1},
    ],
)
def test_events_frame_rejects_rows_that_do_not_fit(make_event, overrides) -> None:
    with pytest.raises(ContractError):
        events_frame([make_event(**overrides)])


def test_events_frame_rejects_missing_keys(make_event) -> None:
    row = make_event()
    del row["rule_id"]
    with pytest.raises(ContractError, match="rule_id"):
        events_frame([row])


def test_event_model_checks_the_given_codebook(seeds_dir, make_event) -> None:
    model = event_model(seeds_dir)
    assert model is event_model(seeds_dir)
    outside_subset = make_event(event_id="e1", code="0874")
    valid, quarantined = split_valid(events_frame([make_event(), outside_subset]), model)
    assert valid["event_id"].to_list() == ["e0"]
    assert quarantined["check_name"].to_list() == ["code_in_codebook"]


def quarantine_input(**overrides: object) -> dict[str, object]:
    row = {
        "stage": "ingest",
        "origin": "a.jsonl:3",
        "doc_id": None,
        "check_name": "malformed_json",
        "message": "Line 3 is not JSON.",
        "payload": '{"id": 1',
    }
    return {**row, **overrides}


def test_quarantine_id_is_deterministic_and_covers_its_fields() -> None:
    base = quarantine_frame([quarantine_input()])["quarantine_id"].item()
    assert quarantine_frame([quarantine_input()])["quarantine_id"].item() == base
    assert quarantine_frame([quarantine_input(message="other")])["quarantine_id"].item() == base
    for key, value in [("stage", "code"), ("origin", "b"), ("check_name", "x"), ("payload", "{")]:
        assert quarantine_frame([quarantine_input(**{key: value})])["quarantine_id"].item() != base


def test_quarantine_payload_is_truncated() -> None:
    long = "x" * (PAYLOAD_LIMIT + 500)
    frame = quarantine_frame([quarantine_input(payload=long)])
    same = quarantine_frame([quarantine_input(payload=long[:PAYLOAD_LIMIT] + "y")])
    assert frame["payload"].str.len_chars().item() == PAYLOAD_LIMIT
    assert frame["quarantine_id"].item() == same["quarantine_id"].item()


@pytest.mark.parametrize(
    "overrides", [{"stage": "parse"}, {"origin": None}, {"check_name": ""}, {"payload": None}]
)
def test_quarantine_rejects_incomplete_rows(overrides) -> None:
    with pytest.raises(ContractError):
        quarantine_frame([quarantine_input(**overrides)])


def test_codebook_is_typed_complete_and_cached() -> None:
    book = load_codebook(default_seeds_dir())
    assert book.schema == CODEBOOK_SCHEMA
    assert book.height == 317
    assert book.filter(code="0874")["root_code"].item() == "08"
    assert load_codebook(default_seeds_dir()) is book


def test_codebook_missing_or_malformed_raises(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="missing"):
        load_codebook(tmp_path)
    (tmp_path / "cameo").mkdir()
    (tmp_path / "cameo" / "event_codes.csv").write_text("code,root_code\n01,01\n")
    with pytest.raises(ConfigError, match="malformed"):
        load_codebook(tmp_path)
