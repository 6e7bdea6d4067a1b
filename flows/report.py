"""The run report the pipeline flow returns and the CLI prints."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from warehouse.staging import Part


@dataclass(frozen=True, slots=True)
class RunReport:
    """Counts in, out and rejected for one pipeline run."""

    run_id: str
    files: int
    skipped_files: int
    documents_in: int
    duplicates: int
    documents_loaded: int
    sentences: int
    events_coded: int
    events_loaded: int
    quarantined: int
    events_changed: int = 0
    documents_skipped: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    quarantined_by_check: dict[str, int] = field(default_factory=dict)
    db_path: str = ""
    export_dir: str | None = None
    seconds: float = 0.0

    def summary(self) -> str:
        """A short human-readable report."""
        checks = ", ".join(
            f"{name} {count}" for name, count in sorted(self.quarantined_by_check.items())
        )
        lines = [
            f"run {self.run_id} finished in {self.seconds:.1f} s",
            f"  files        {self.files} read, {self.skipped_files} skipped (no format dyad reads)",
            f"  documents    {self.documents_in} ingested, {self.documents_loaded} new in the "
            f"warehouse, {self.duplicates} repeated in the input, {self.documents_skipped} "
            "skipped (already coded)",
            f"  sentences    {self.sentences}",
            f"  mentions     {self.events_coded} coded, {self.events_loaded} new in the warehouse",
            f"  events       {self.events_changed} added or updated (same date, source, target "
            "and code = one event)",
            f"  quarantined  {self.quarantined}" + (f" ({checks})" if checks else ""),
            f"  warehouse    {self.db_path}",
            "  stages       "
            + ", ".join(
                f"{stage} {seconds:.1f} s" for stage, seconds in self.stage_seconds.items()
            ),
        ]
        if self.export_dir:
            lines.append(f"  export       {self.export_dir}")
        return "\n".join(lines)


def count_checks(check_names: list[str]) -> dict[str, int]:
    """How many quarantined rows each check produced."""
    return dict(Counter(check_names))


@dataclass(frozen=True, slots=True)
class RecodeReport:
    """What one recode run re-derived and changed."""

    run_id: str
    documents: int
    sentences: int
    mentions_before: int
    mentions_after: int
    added: int
    deleted: int
    updated: int
    quarantined: int
    dictionary_hash: str
    seconds: float = 0.0

    def summary(self) -> str:
        """A short human-readable report."""
        return "\n".join(
            [
                f"recode {self.run_id} finished in {self.seconds:.1f} s "
                f"(dictionaries {self.dictionary_hash})",
                f"  documents    {self.documents} recoded, {self.sentences} sentences",
                f"  mentions     {self.mentions_before} before, {self.mentions_after} after",
                f"  events       {self.added} added, {self.deleted} deleted, "
                f"{self.updated} updated (see the changes table)",
                f"  quarantined  {self.quarantined}",
            ]
        )


@dataclass(frozen=True, slots=True)
class CodedParts:
    """What the parse-and-code stage produced, summed over its part files."""

    paths: list[str]
    documents: int
    sentences: int
    events_coded: int
    events_valid: int
    quarantined_by_check: dict[str, int]

    @property
    def quarantined(self) -> int:
        """Rows the stage's validation quarantined."""
        return sum(self.quarantined_by_check.values())


def combine_parts(parts: Iterable[Part], rejected_checks: Iterable[str] = ()) -> CodedParts:
    """The parts' counts summed; ingest's rejections (their check names) join the quarantine."""
    parts = list(parts)
    checks = Counter(rejected_checks)
    for part in parts:
        checks.update(part.quarantined_by_check)
    return CodedParts(
        paths=[str(part.path) for part in parts],
        documents=sum(part.documents for part in parts),
        sentences=sum(part.sentences for part in parts),
        events_coded=sum(part.events_coded for part in parts),
        events_valid=sum(part.events_valid for part in parts),
        quarantined_by_check=dict(checks),
    )


class StageClock:
    """Seconds per pipeline stage: `lap(stage)` ends the stage that began at the last lap."""

    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.seconds: dict[str, float] = {}

    def lap(self, stage: str) -> None:
        """Record the time since the previous lap as `stage`'s."""
        now = time.perf_counter()
        self.seconds[stage] = round(now - self.last, 3)
        self.last = now

    def total(self) -> float:
        """Seconds since the clock started."""
        return time.perf_counter() - self.started
