"""A table of multi-word phrases matched against a sentence's tokens, longest match first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
ONE_WORD = 1 << 1  # the bit of one-word phrases in PhraseTable's lengths


@dataclass(slots=True)
class Match(Generic[T]):
    """A phrase found at tokens `start` (inclusive) to `end` (exclusive).

    Not frozen: thousands are built per batch, and a frozen dataclass sets each field through
    object.__setattr__ (twice the cost). Treat as read-only.
    """

    start: int
    end: int
    value: T


class PhraseTable(Generic[T]):
    """Phrases as tuples of words (lower case unless `fold_case` is off), each mapped to a value.

    The first phrase added for a key wins; `add` reports whether the phrase was new.
    """

    def __init__(self, *, fold_case: bool = True) -> None:
        self._fold = fold_case  # False: phrases match only as written ("US", not "us")
        self._values: dict[tuple[str, ...], T] = {}
        # first word → the lengths of the phrases starting with it, as bits: 1 << 2 for two words
        self._first_words: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._values)

    def add(self, words: Sequence[str], value: T, *, replace: bool = False) -> bool:
        """Add a phrase; with `replace`, a later value overrides an earlier one."""
        key = self._key(words)
        if not key:
            return False
        if key in self._values and not replace:
            return False
        self._values[key] = value
        self._first_words[key[0]] = self._first_words.get(key[0], 0) | 1 << len(key)
        return True

    def get(self, words: Sequence[str]) -> T | None:
        """The value of exactly this phrase, if present."""
        return self._values.get(self._key(words))

    def _key(self, words: Sequence[str]) -> tuple[str, ...]:
        return tuple(word.lower() for word in words) if self._fold else tuple(words)

    def find(
        self, words: Sequence[str], last_words: Sequence[str] | None = None, *, offset: int = 0
    ) -> list[Match[T]]:
        """Longest non-overlapping phrases in `words` (already lower case), left to right.

        With `last_words`, the final word of a phrase is compared against `last_words[i]` instead
        (used to compare a phrase's head noun by lemma: "armed forces" matches "armed force").
        `offset` is added to the matches' positions (where `words` start in the document).
        """
        starts = self._first_words.keys()
        if starts.isdisjoint(words) and (last_words is None or starts.isdisjoint(last_words)):
            return []  # no word can start a phrase: the common case, checked in C
        first, n = self._first_words, len(words)
        if last_words is None:
            positions = [i for i, word in enumerate(words) if word in first]
        else:
            positions = [i for i in range(n) if words[i] in first or last_words[i] in first]
        matches: list[Match[T]] = []
        free = 0  # the first position no earlier match covers
        for i in positions:
            if i >= free:
                found = self._longest_at(words, last_words, i, n)
                if found is not None:
                    end, value = found
                    matches.append(Match(offset + i, offset + end, value))
                    free = end
        return matches

    def _longest_at(
        self, words: Sequence[str], last_words: Sequence[str] | None, i: int, n: int
    ) -> tuple[int, T] | None:
        """Where the longest phrase at `i` ends, and its value. Only the lengths of phrases that
        start with `words[i]` are tried, and one word compared by its lemma."""
        lengths = self._first_words.get(words[i], 0) | (ONE_WORD if last_words is not None else 0)
        for end in range(min(n, i + lengths.bit_length() - 1), i, -1):
            if not lengths >> (end - i) & 1:
                continue
            if last_words is None:
                key = tuple(words[i:end])
            else:
                key = (*words[i : end - 1], last_words[end - 1])
            value = self._values.get(key)
            if value is None and last_words is not None:
                value = self._values.get(tuple(words[i:end]))
            if value is not None:
                return end, value
        return None
