"""The phrase table behind actor matching."""

from __future__ import annotations

from coder.phrases import PhraseTable


def table() -> PhraseTable[str]:
    t: PhraseTable[str] = PhraseTable()
    t.add(["north", "korea"], "PRK")
    t.add(["korea"], "KOR")
    t.add(["armed", "force"], "MIL")
    return t


def test_longest_match_wins_and_matches_do_not_overlap() -> None:
    found = table().find(["north", "korea", "and", "korea"])
    assert [(m.start, m.end, m.value) for m in found] == [(0, 2, "PRK"), (3, 4, "KOR")]


def test_last_word_compared_by_lemma() -> None:
    found = table().find(["the", "armed", "forces"], ["the", "armed", "force"])
    assert [(m.start, m.end, m.value) for m in found] == [(1, 3, "MIL")]


def test_first_value_wins_unless_replaced() -> None:
    t = table()
    assert not t.add(["korea"], "XXX")
    assert t.get(["Korea"]) == "KOR"
    assert t.add(["korea"], "XXX", replace=True)
    assert t.get(["korea"]) == "XXX"
