"""The document-copies contract: near-duplicate copies of a document, one row per copy.

A copy (a wire story republished by another outlet) is not coded; its row links it to the
canonical document that was, so the warehouse counts its outlet among the story's sources.
`run_id` and `loaded_at` are added by the warehouse at load time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandera.polars as pa
import polars as pl

from schemas.frames import build_frame, validate_whole

COPY_SCHEMA = pl.Schema(
    {
        "doc_id": pl.String,
        "canonical_doc_id": pl.String,
        "pub_date": pl.Date,
        "outlet": pl.String,
        "url": pl.String,
        "similarity": pl.Float64,
        "origin": pl.String,
    }
)


class DocumentCopyModel(pa.DataFrameModel):
    """One near-duplicate copy per row."""

    doc_id: str = pa.Field(str_length={"min_value": 1})
    canonical_doc_id: str = pa.Field(str_length={"min_value": 1})
    pub_date: pl.Date
    outlet: str = pa.Field(nullable=True)
    url: str = pa.Field(nullable=True)
    similarity: float = pa.Field(ge=0.0, le=1.0)
    origin: str

    @pa.dataframe_check(name="copy_is_not_its_own_canonical")
    def copy_is_not_its_own_canonical(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("doc_id") != pl.col("canonical_doc_id"))

    class Config:
        strict = True


def copies_frame(rows: Sequence[Mapping[str, object]]) -> pl.DataFrame:
    """A validated document-copies frame from dict rows (ingest makes them: a failure is a bug)."""
    frame = build_frame(rows, COPY_SCHEMA, table="document_copies")
    return validate_whole(
        frame,
        DocumentCopyModel,
        table="document_copies",
        what="Document-copy rows",
        hint="Report this as a bug in ingest's near-duplicate detection.",
    )
