"""The statement-about-a-deed table: which subcode an appeal, intent, demand, refusal or threat gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from coder.codebook import load_codebook
from coder.instruments import load_instruments
from coder.stances import load_stances
from dyad.errors import ConfigError
from dyad.settings import load_settings

SEEDS = load_settings().seeds_dir


@pytest.fixture(scope="module")
def stances():
    return load_stances(SEEDS / "cameo" / "stances.csv", load_codebook(SEEDS))


@pytest.mark.parametrize(
    ("statement", "deed", "expected"),
    [
        ("020", "072", "0232"),  # a generic appeal about military aid
        ("023", "072", "0232"),  # an appeal for aid, refined
        ("0231", "072", None),  # a lexicon subcode is kept
        ("030", "190", "1384"),  # an intent to attack is a threat
        ("036", "190", None),  # an intent to meet is not refined by an attack
        ("100", "0874", "1056"),  # demand a retreat: demand de-escalation
        ("120", "0841", "1243"),  # refuse a release
        ("130", "161", "1313"),  # threaten to break relations
        ("111", "190", None),  # not a statement the table refines
        ("141", "1041", "1411"),  # a demonstration demanding a leadership change
        ("145", "1042", "1452"),  # a violent protest demanding a policy change
        ("1411", "1042", None),  # a subcode is kept
        ("140", "1041", "1411"),  # a protest of no stated form demanding elections: a rally
    ],
)
def test_refine(stances, statement: str, deed: str, expected: str | None) -> None:
    assert stances.refine(statement, deed) == expected


def test_every_kind_of_statement_has_a_column(stances) -> None:
    assert stances.roots == {"02", "03", "10", "12", "13", "14", "141", "142", "143", "144", "145"}
    assert stances.covers("0253") and stances.covers("1432") and not stances.covers("190")


def test_unknown_codes_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "stances.csv"
    bad.write_text("deed,02\n072,0299\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="0299"):
        load_stances(bad, load_codebook(SEEDS))


def test_weapons_table_codes_exist_and_bad_codes_are_refused(tmp_path: Path) -> None:
    codebook = load_codebook(SEEDS)
    instruments = load_instruments(SEEDS / "cameo" / "instruments.csv", codebook)
    assert instruments.codes[("drone",)] == "1952"
    assert instruments.codes[("cruise", "missile")] == "1951"
    bad = tmp_path / "instruments.csv"
    bad.write_text("weapon,code,note\ndrone,95,\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="'95'"):
        load_instruments(bad, codebook)
