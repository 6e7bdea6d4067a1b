"""The events contract: one row per coded event, as the coder produces it.

Every column of `events` in docs/schema.md except `run_id` and `loaded_at` (added at load time).
CAMEO validity is checked against the codebook seed table. `EventModel` checks against the
default seeds folder; `event_model(seeds_dir)` gives the same contract bound to another one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

import pandera.polars as pa
import polars as pl

from schemas.codebook import default_seeds_dir, load_codebook
from schemas.frames import build_frame, plausible_date

DATE_SOURCES = ("publication", "sentence")
DATE_SOURCE = pl.Enum(DATE_SOURCES)
TRIGGER = pl.Struct({"word": pl.String, "char_start": pl.Int32, "char_end": pl.Int32})
ACTOR_CODE = r"^(?:[A-Z0-9]{3}){1,5}$"
GOLDSTEIN_TOLERANCE = 1e-9

EVENT_SCHEMA = pl.Schema(
    {
        "event_id": pl.String(),
        "doc_id": pl.String(),
        "sentence_index": pl.Int32(),
        "sentence_text": pl.String(),
        "event_date": pl.Date(),
        "date_source": DATE_SOURCE,
        "source": pl.String(),
        "source_text": pl.String(),
        "source_country": pl.String(),
        "source_role": pl.String(),
        "target": pl.String(),
        "target_text": pl.String(),
        "target_country": pl.String(),
        "target_role": pl.String(),
        "code": pl.String(),
        "root_code": pl.String(),
        "quad_class": pl.Int8(),
        "goldstein": pl.Float64(),
        "url": pl.String(),
        "outlet": pl.String(),
        "trigger_text": pl.String(),
        "triggers": pl.List(TRIGGER),
        "rule_id": pl.String(),
        "confidence": pl.Float64(),
        "coder_version": pl.String(),
    }
)


def _from_codebook(seeds_dir: Path, column: str) -> pl.Expr:
    """The codebook's `column` for each row's `code`; null for a code not in the codebook."""
    book = load_codebook(seeds_dir)
    return pl.col("code").replace_strict(book["code"], book[column], default=None)


class EventModel(pa.DataFrameModel):
    """One coded event per row. Check names become `check_name` in quarantine.

    Each check's method is named like the check: pandera renames checks of a subclass
    (see `event_model`) after their methods.
    """

    event_id: str
    doc_id: str
    sentence_index: pl.Int32
    sentence_text: str
    event_date: pl.Date
    date_source: pl.Enum = pa.Field(dtype_kwargs={"categories": list(DATE_SOURCES)})
    source: str
    source_text: str
    source_country: str = pa.Field(nullable=True)
    source_role: str = pa.Field(nullable=True)
    target: str
    target_text: str
    target_country: str = pa.Field(nullable=True)
    target_role: str = pa.Field(nullable=True)
    code: str
    root_code: str
    quad_class: pl.Int8
    goldstein: pl.Float64
    url: str = pa.Field(nullable=True)
    outlet: str = pa.Field(nullable=True)
    trigger_text: str
    triggers: pl.List = pa.Field(dtype_kwargs={"inner": TRIGGER})
    rule_id: str
    confidence: pl.Float64 = pa.Field(ge=0.0, le=1.0)
    coder_version: str

    @classmethod
    def seeds_dir(cls) -> Path:
        """The seeds folder whose codebook the checks use."""
        return default_seeds_dir()

    @pa.check("event_id", name="event_id_unique")
    def event_id_unique(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """The first row with an event_id is kept; later rows with the same event_id fail."""
        return data.lazyframe.select(pl.col(data.key).is_first_distinct())

    @pa.check("sentence_index", name="sentence_index_not_negative")
    def sentence_index_not_negative(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col(data.key) >= 0)

    @pa.check("event_date", name="event_date_plausible")
    def event_date_plausible(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(plausible_date(data.key))

    @pa.check("source", name="source_code_format")
    def source_code_format(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col(data.key).str.contains(ACTOR_CODE))

    @pa.check("target", name="target_code_format")
    def target_code_format(cls, data: pa.PolarsData) -> pl.LazyFrame:
        target = pl.col(data.key)
        return data.lazyframe.select((target == "") | target.str.contains(ACTOR_CODE))

    @pa.check("code", name="code_in_codebook")
    def code_in_codebook(cls, data: pa.PolarsData) -> pl.LazyFrame:
        codes = load_codebook(cls.seeds_dir())["code"]
        return data.lazyframe.select(pl.col(data.key).is_in(codes.implode()))

    @pa.check("quad_class", name="quad_class_range")
    def quad_class_range(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col(data.key).is_between(1, 4))

    @pa.check("goldstein", name="goldstein_range")
    def goldstein_range(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col(data.key).is_between(-10.0, 10.0))

    @pa.check("triggers", name="triggers_not_empty")
    def triggers_not_empty(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col(data.key).list.len() > 0)

    @pa.dataframe_check(name="source_differs_from_target")
    def source_differs_from_target(cls, data: pa.PolarsData) -> pl.LazyFrame:
        # Except the implied target of a domestic event, which names no text: "Algeria lifted
        # a ban on protests" is DZA → DZA.
        differs = (pl.col("source") != pl.col("target")) | (pl.col("target_text") == "")
        return data.lazyframe.select(differs.fill_null(True))

    # A code missing from the codebook fails only `code_in_codebook`, not the three below.
    @pa.dataframe_check(name="root_code_matches_codebook")
    def root_code_matches_codebook(cls, data: pa.PolarsData) -> pl.LazyFrame:
        same = _from_codebook(cls.seeds_dir(), "root_code") == pl.col("root_code")
        return data.lazyframe.select(same.fill_null(True))

    @pa.dataframe_check(name="quad_class_matches_codebook")
    def quad_class_matches_codebook(cls, data: pa.PolarsData) -> pl.LazyFrame:
        same = _from_codebook(cls.seeds_dir(), "quad_class") == pl.col("quad_class")
        return data.lazyframe.select(same.fill_null(True))

    @pa.dataframe_check(name="goldstein_matches_codebook")
    def goldstein_matches_codebook(cls, data: pa.PolarsData) -> pl.LazyFrame:
        gap = (_from_codebook(cls.seeds_dir(), "goldstein") - pl.col("goldstein")).abs()
        return data.lazyframe.select((gap <= GOLDSTEIN_TOLERANCE).fill_null(True))

    class Config:
        strict = True


@cache
def event_model(seeds_dir: Path) -> type[EventModel]:
    """`EventModel` checking codes against the codebook in `seeds_dir` (one class per folder)."""
    folder = seeds_dir.resolve()
    return type(
        "EventModel",
        (EventModel,),
        {"seeds_dir": classmethod(lambda cls: folder), "__module__": __name__},
    )


def events_frame(rows: Sequence[Mapping[str, object]]) -> pl.DataFrame:
    """An events frame with the contract's dtypes from dict rows (the coder's `to_record()`)."""
    return build_frame(rows, EVENT_SCHEMA, table="events")
