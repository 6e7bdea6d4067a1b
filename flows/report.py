"""The run report the pipeline flow returns and the CLI prints."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


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
            f"  files        {self.files} read, {self.skipped_files} skipped (not .txt/.jsonl)",
            f"  documents    {self.documents_in} ingested, {self.documents_loaded} new in the "
            f"warehouse, {self.duplicates} repeated in the input",
            f"  sentences    {self.sentences}",
            f"  mentions     {self.events_coded} coded, {self.events_loaded} new in the warehouse",
            f"  events       {self.events_changed} added or updated (same date, source, target "
            "and code = one event)",
            f"  quarantined  {self.quarantined}" + (f" ({checks})" if checks else ""),
            f"  warehouse    {self.db_path}",
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
