"""Dictionaries: office holders by date, and a user's own dictionaries over dyad's."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from coder.dictionaries import ActorEntry, Term, read_rows
from coder.engine import Coder
from dyad.settings import load_settings

PERSON = ActorEntry(
    "USAGOV",
    "USA",
    None,
    "person",
    "people:Jane Doe",
    (
        Term("USAGOV", date(2010, 1, 1), date(2014, 12, 31)),
        Term("USAGOVMIL", date(2015, 1, 1), None),
    ),
)


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(2005, 1, 1), "USA"),  # before any office: the country
        (date(2012, 6, 1), "USAGOV"),
        (date(2020, 6, 1), "USAGOVMIL"),  # open-ended term
    ],
)
def test_people_are_coded_by_the_office_held_that_day(day: date, code: str) -> None:
    held = PERSON.on(day)
    assert held is not None and held.code == code


def test_people_out_of_office_are_former_officials() -> None:
    ended = ActorEntry(
        "FRAGOV",
        "FRA",
        None,
        "person",
        "people:X",
        (Term("FRAGOV", date(2000, 1, 1), date(2001, 1, 1)),),
    )
    held = ended.on(date(2010, 1, 1))
    assert held is not None and held.code == "FRAELI"
    un = ActorEntry(
        "IGOUNO",
        None,
        None,
        "person",
        "people:Y",
        (Term("IGOUNO", date(2000, 1, 1), date(2001, 1, 1)),),
    )
    assert un.on(date(2010, 1, 1)) is None


def test_user_dictionaries_add_and_override(tmp_path: Path) -> None:
    settings = load_settings()
    user = tmp_path / "mine"
    (user / "actors").mkdir(parents=True)
    (user / "lexicon").mkdir()
    (user / "actors" / "organizations.csv").write_text(
        "code,group,kind,name,aliases\nMNCACM,ACM,MNC,Acme Corporation,Acme\n", encoding="utf-8"
    )
    (user / "actors" / "countries.csv").write_text(
        "code,name,aliases,adjectives,capitals,metonyms\nXYZ,Ruritania,,Ruritanian,Strelsau,\n",
        encoding="utf-8",
    )
    header = (settings.seeds_dir / "lexicon" / "verbs.csv").read_text().splitlines()[0]
    (user / "lexicon" / "verbs.csv").write_text(
        header + "\nuser-sue,115,sue,,,,,dobj,,X sued Y\n", encoding="utf-8"
    )
    coder = Coder.load(settings.seeds_dir, settings.model, user_seeds_dir=user)
    events = coder.code_text("Ruritania sued Acme.", date(2026, 6, 2)).events
    assert [(e.source.code, e.code, e.target and e.target.code, e.rule_id) for e in events] == [
        ("XYZ", "115", "MNCACM", "user-sue")
    ]
    plain = Coder.load(settings.seeds_dir, settings.model)
    assert not plain.code_text("Ruritania sued Acme.", date(2026, 6, 2)).events
    shutil.rmtree(user)


@pytest.mark.parametrize(
    ("published", "source"),
    [
        ("2019-06-02", "UKR"),  # before his first office: the country
        ("2022-06-02", "UKRGOV"),  # prime minister
        ("2025-09-02", "UKRGOVMIL"),  # defence minister
    ],
)
def test_office_holders_in_the_seeds_follow_the_event_date(published: str, source: str) -> None:
    settings = load_settings()
    coder = Coder.load(settings.seeds_dir, settings.model)
    events = coder.code_text(
        "Denys Shmyhal criticized Russia.", date.fromisoformat(published)
    ).events
    assert [(e.source.code, e.code, e.target and e.target.code) for e in events] == [
        (source, "111", "RUS")
    ]


def test_places_name_known_countries_and_kinds() -> None:
    actors = load_settings().seeds_dir / "actors"
    countries = {row["code"] for row in read_rows(actors / "countries.csv")}
    rows = list(read_rows(actors / "places.csv"))
    assert len(rows) > 50_000
    assert {row["kind"] for row in rows} == {"city", "province", "area", "water"}
    assert {row["country"] for row in rows if row["kind"] != "water"} <= countries
    assert all(not row["country"] for row in rows if row["kind"] == "water")
    names = [row["name"].lower() for row in rows]
    assert len(names) == len(set(names))  # one country per name
    by_name = {row["name"]: row["country"] for row in rows}
    assert (by_name["Kharkiv"], by_name["Donetsk"], by_name["Golan Heights"]) == (
        "UKR",
        "UKR",
        "SYR",
    )
