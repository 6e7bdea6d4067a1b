"""The quarantine contract: everything a stage rejected, with the failing check and the payload.

The frame holds the columns of `quarantine` in docs/schema.md except `run_id` and
`quarantined_at`, which the warehouse adds at load time (like `run_id`/`loaded_at` elsewhere).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import pandera.polars as pa
import polars as pl

from schemas.frames import build_frame, validate_whole

STAGES = ("ingest", "code", "validate")
PAYLOAD_LIMIT = 2000
ID_SEPARATOR = "\x1f"
INPUT_KEYS = ("stage", "origin", "doc_id", "check_name", "message", "payload")

QUARANTINE_SCHEMA = pl.Schema(
    {
        "quarantine_id": pl.String(),
        "stage": pl.Enum(STAGES),
        "origin": pl.String(),
        "doc_id": pl.String(),
        "check_name": pl.String(),
        "message": pl.String(),
        "payload": pl.String(),
    }
)


class QuarantineModel(pa.DataFrameModel):
    """One rejected item per row."""

    quarantine_id: str = pa.Field(str_matches=r"^[0-9a-f]{20}$")
    stage: pl.Enum = pa.Field(dtype_kwargs={"categories": list(STAGES)})
    origin: str
    doc_id: str = pa.Field(nullable=True)
    check_name: str = pa.Field(str_length={"min_value": 1})
    message: str
    payload: str = pa.Field(str_length={"max_value": PAYLOAD_LIMIT})

    class Config:
        strict = True


def quarantine_id(stage: str, origin: str, check_name: str, payload: str) -> str:
    """First 20 hex digits of SHA-256 over the fields (payload truncated): reruns add nothing."""
    key = ID_SEPARATOR.join((stage, origin, check_name, payload[:PAYLOAD_LIMIT]))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def quarantine_frame(rows: Sequence[Mapping[str, object]]) -> pl.DataFrame:
    """A typed quarantine frame from dicts with keys stage, origin, doc_id, check_name, message,
    payload; computes `quarantine_id` and truncates `payload` to 2,000 characters."""
    frame = build_frame([_with_id(row) for row in rows], QUARANTINE_SCHEMA, table="quarantine")
    return validate_whole(
        frame,
        QuarantineModel,
        table="quarantine",
        what="Quarantine rows",
        hint="Give every rejected item a stage, origin, check name, message and payload.",
    )


def _with_id(row: Mapping[str, object]) -> dict[str, object]:
    """The row with its payload truncated and its `quarantine_id` (None if a part is missing)."""
    payload = row.get("payload")
    if isinstance(payload, str):
        payload = payload[:PAYLOAD_LIMIT]
    parts = (row.get("stage"), row.get("origin"), row.get("check_name"), payload)
    texts = [part for part in parts if isinstance(part, str)]
    qid = quarantine_id(*texts) if len(texts) == len(parts) else None
    return {**row, "payload": payload, "quarantine_id": qid}
