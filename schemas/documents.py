"""The documents contract: one row per ingested news document, as the ingest stage produces it.

`run_id` and `loaded_at` are added by the warehouse at load time and are not part of the frame.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandera.polars as pa
import polars as pl

from schemas.frames import build_frame, plausible_date

DOCUMENT_SCHEMA = pl.Schema(
    {
        "doc_id": pl.String,
        "pub_date": pl.Date,
        "title": pl.String,
        "url": pl.String,
        "outlet": pl.String,
        "text": pl.String,
        "content_hash": pl.String,
        "origin": pl.String,
        "n_chars": pl.Int32,
        "n_sentences": pl.Int32,
    }
)


class DocumentModel(pa.DataFrameModel):
    """One news document per row. Check names become `check_name` in quarantine."""

    doc_id: str
    pub_date: pl.Date
    title: str = pa.Field(nullable=True)
    url: str = pa.Field(nullable=True)
    outlet: str = pa.Field(nullable=True)
    text: str
    content_hash: str
    origin: str
    n_chars: pl.Int32
    n_sentences: pl.Int32

    @pa.check("doc_id", name="doc_id_not_empty")
    def doc_id_not_empty(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col(data.key).str.len_chars() > 0)

    @pa.check("doc_id", name="doc_id_unique")
    def doc_id_unique(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """The first row with a doc_id is kept; later rows with the same doc_id fail."""
        return data.lazyframe.select(pl.col(data.key).is_first_distinct())

    @pa.check("pub_date", name="pub_date_plausible")
    def pub_date_plausible(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(plausible_date(data.key))

    @pa.check("text", name="text_not_empty")
    def text_not_empty(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col(data.key).str.len_chars() > 0)

    @pa.check("content_hash", name="content_hash_format")
    def content_hash_format(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col(data.key).str.contains(r"^[0-9a-f]{64}$"))

    @pa.check("n_chars", name="n_chars_positive")
    def n_chars_positive(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col(data.key) > 0)

    @pa.check("n_sentences", name="n_sentences_not_negative")
    def n_sentences_not_negative(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col(data.key) >= 0)

    @pa.dataframe_check(name="n_chars_matches_text")
    def n_chars_matches_text(cls, data: pa.PolarsData) -> pl.LazyFrame:
        same = pl.col("text").str.len_chars() == pl.col("n_chars")
        return data.lazyframe.select(same.fill_null(True))

    class Config:
        strict = True


def documents_frame(rows: Sequence[Mapping[str, object]]) -> pl.DataFrame:
    """A documents frame with the contract's dtypes from dict rows (column names as above)."""
    return build_frame(rows, DOCUMENT_SCHEMA, table="documents")
