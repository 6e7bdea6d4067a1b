"""A record of the coder's decisions for one sentence, for `dyad explain`."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Decision:
    """What the coder decided about one verb: coded, or why not."""

    verb: str
    token_index: int
    outcome: str  # coded, negated, modal, hypothetical, governed, no entry, no source or target
    entry: str | None = None
    detail: str = ""


@dataclass(slots=True)
class Trace:
    """Decisions collected while coding; pass one to `code_sentence` to see why."""

    decisions: list[Decision] = field(default_factory=list)

    def add(
        self, verb: str, index: int, outcome: str, entry: str | None = None, detail: str = ""
    ) -> None:
        """Record one decision."""
        self.decisions.append(Decision(verb, index, outcome, entry, detail))
