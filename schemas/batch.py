"""Validate one batch of coded rows: documents and events against their contracts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from schemas.copies import COPY_SCHEMA, copies_frame
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
    """Frames ready to load: valid documents and events, everything quarantined, and the
    near-duplicate copies of documents (each also quarantined as `near_duplicate`)."""

    documents: pl.DataFrame
    events: pl.DataFrame
    quarantine: pl.DataFrame
    copies: pl.DataFrame = field(default_factory=lambda: COPY_SCHEMA.to_frame())


def validate_batch(
    documents: list[dict[str, object]],
    events: list[dict[str, object]],
    rejections: list[dict[str, object]],
    seeds_dir: Path,
) -> ValidatedBatch:
    """Split rows into valid and quarantined; an event of a quarantined document is quarantined.

    A rejection with a `copy` (a near-duplicate) is also a row of the batch's `copies`.
    """
    copies = copies_frame([c for row in rejections if isinstance(c := row.get("copy"), Mapping)])
    rejections = [{k: v for k, v in row.items() if k != "copy"} for row in rejections]
    valid_docs, bad_docs = split_valid(documents_frame(documents), DocumentModel)
    valid_events, bad_events = split_valid(events_frame(events), event_model(seeds_dir))
    orphaned = ~pl.col("doc_id").is_in(valid_docs["doc_id"].implode())
    orphans = reject_rows(
        valid_events.filter(orphaned), check_name="document_quarantined", message=ORPHAN_MESSAGE
    )
    quarantine = pl.concat([quarantine_frame(rejections), bad_docs, bad_events, orphans])
    return ValidatedBatch(valid_docs, valid_events.filter(~orphaned), quarantine, copies)
