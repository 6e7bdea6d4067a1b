"""Validate one batch of coded rows: documents and events against their contracts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from schemas.documents import DocumentModel, documents_frame
from schemas.events import event_model, events_frame
from schemas.quarantine import quarantine_frame
from schemas.validate import reject_rows, split_valid

ORPHAN_MESSAGE = (
    "The event's document failed its contract and was quarantined, so the event is too. "
    "See the document's quarantine row."
)


@dataclass(frozen=True, slots=True)
class ValidatedBatch:
    """Frames ready to load: valid documents and events, and everything quarantined."""

    documents: pl.DataFrame
    events: pl.DataFrame
    quarantine: pl.DataFrame


def validate_batch(
    documents: list[dict[str, object]],
    events: list[dict[str, object]],
    rejections: list[dict[str, object]],
    seeds_dir: Path,
) -> ValidatedBatch:
    """Split rows into valid and quarantined; an event of a quarantined document is quarantined."""
    valid_docs, bad_docs = split_valid(documents_frame(documents), DocumentModel)
    valid_events, bad_events = split_valid(events_frame(events), event_model(seeds_dir))
    orphaned = ~pl.col("doc_id").is_in(valid_docs["doc_id"].implode())
    orphans = reject_rows(
        valid_events.filter(orphaned), check_name="document_quarantined", message=ORPHAN_MESSAGE
    )
    quarantine = pl.concat([quarantine_frame(rejections), bad_docs, bad_events, orphans])
    return ValidatedBatch(valid_docs, valid_events.filter(~orphaned), quarantine)
