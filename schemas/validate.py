"""Split a frame into the rows that keep their contract and quarantine rows for the rest.

One quarantine row per failing input row. Its `check_name` is the names of every check the row
failed, sorted and joined with "," (`code_in_codebook,source_code_format`); `message` names the
failing values; `payload` is the row as JSON (dates as ISO strings). A failure that belongs to no
row (a wrong dtype, a missing or extra column) fails the whole run with ContractError.
"""

from __future__ import annotations

import logging

import pandera.polars as pa
import polars as pl
from pandera.errors import SchemaErrors

from dyad.errors import ContractError
from schemas.quarantine import quarantine_frame

logger = logging.getLogger(__name__)

ROW = "__row__"
CHECKS = "__checks__"
DETAILS = "__details__"
DETAIL_LIMIT = 80
HINT = "Fix the stage that produced the row, or the seed tables, and run again."


def split_valid(
    frame: pl.DataFrame,
    model: type[pa.DataFrameModel],
    *,
    stage: str = "validate",
    origin: str | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(valid rows, quarantine rows) of `frame` under `model`; every input row is in one of them.

    `origin` is a `str.format` template over the row's columns (and `__row__`, its position);
    by default `{origin}` when the frame has an origin column, else the event's doc and sentence.
    """
    try:
        model.validate(frame, lazy=True)
    except SchemaErrors as exc:
        failures = exc.failure_cases
    else:
        return frame, quarantine_frame([])
    _raise_unattributed(failures, model)
    by_row = _failures_by_row(failures)
    indexed = frame.with_row_index(ROW)
    failed = pl.col(ROW).is_in(by_row[ROW].implode())
    valid = indexed.filter(~failed).drop(ROW)
    template = origin or _default_origin(frame.columns)
    rejected = _quarantine_rows(indexed.filter(failed), by_row, stage=stage, template=template)
    logger.info("%s: %d rows valid, %d quarantined", model.__name__, valid.height, rejected.height)
    return valid, rejected


def _raise_unattributed(failures: pl.DataFrame, model: type[pa.DataFrameModel]) -> None:
    """Raise ContractError for failures with no row index: they concern the whole frame."""
    whole = failures.filter(pl.col("index").is_null())
    if whole.is_empty():
        return
    checks = tuple(f"{row['column']}:{row['check']}" for row in whole.iter_rows(named=True))
    details = "; ".join(
        f"{row['check']} on {row['column']} (found {row['failure_case']})"
        for row in whole.iter_rows(named=True)
    )
    raise ContractError(
        f"The frame breaks the {model.__name__} contract as a whole: {details}",
        table=model.__name__,
        checks=checks,
        hint="Fix the producing stage's column names or dtypes; see docs/schema.md.",
    )


def _failures_by_row(failures: pl.DataFrame) -> pl.DataFrame:
    """One row per failing input row: its position, check names and failure details."""
    label = (
        pl.when(pl.col("check") == "not_nullable")
        .then(pl.col("column") + "_not_null")
        .otherwise(pl.col("check"))
    )
    value = pl.col("failure_case").fill_null("null").str.slice(0, DETAIL_LIMIT)
    detail = (
        pl.when(pl.col("schema_context") == "Column")
        .then(pl.format("{} ({}={})", label, pl.col("column"), value))
        .otherwise(label)
    )
    return (
        failures.select(
            pl.col("index").cast(pl.UInt32).alias(ROW), label.alias(CHECKS), detail.alias(DETAILS)
        )
        .group_by(ROW)
        .agg(
            pl.col(CHECKS).unique().sort().str.join(","),
            pl.col(DETAILS).unique().sort().str.join("; "),
        )
        .sort(ROW)
    )


def _quarantine_rows(
    rejected: pl.DataFrame, by_row: pl.DataFrame, *, stage: str, template: str
) -> pl.DataFrame:
    """Quarantine rows for the rejected input rows (`rejected` and `by_row` sorted by position)."""
    rows = [
        {
            "stage": stage,
            "origin": template.format_map(values),
            "doc_id": values.get("doc_id"),
            "check_name": reason[CHECKS],
            "message": f"Failed contract checks: {reason[DETAILS]}. {HINT}",
            "payload": payload,
        }
        for values, reason, payload in zip(
            rejected.iter_rows(named=True),
            by_row.iter_rows(named=True),
            payloads(rejected),
            strict=True,
        )
    ]
    return quarantine_frame(rows)


def reject_rows(
    frame: pl.DataFrame, *, check_name: str, message: str, stage: str = "validate"
) -> pl.DataFrame:
    """Quarantine rows for every row of `frame`, all failing the same check."""
    template = _default_origin(frame.columns)
    rows = [
        {
            "stage": stage,
            "origin": template.format_map(values),
            "doc_id": values.get("doc_id"),
            "check_name": check_name,
            "message": message,
            "payload": payload,
        }
        for values, payload in zip(frame.iter_rows(named=True), payloads(frame), strict=True)
    ]
    return quarantine_frame(rows)


def payloads(frame: pl.DataFrame) -> pl.Series:
    """Each row as JSON (dates as ISO strings), for the quarantine `payload` column."""
    return frame.select(pl.struct(pl.all().exclude(ROW)).struct.json_encode()).to_series()


def _default_origin(columns: list[str]) -> str:
    """The origin template for a frame with these columns."""
    if "origin" in columns:
        return "{origin}"
    if {"doc_id", "sentence_index"} <= set(columns):
        return "doc {doc_id} sentence {sentence_index}"
    return "row {" + ROW + "}"
