"""Helpers every contract shares: typed frames from dict rows, and the plausible date range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, cast

import polars as pl
from pandera.errors import SchemaErrors

from dyad.errors import ContractError

EARLIEST_DATE = dt.date(1900, 1, 1)


def latest_plausible_date() -> dt.date:
    """The latest date a document or event may carry: tomorrow (UTC), for time zones ahead."""
    return dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)


def plausible_date(column: str) -> pl.Expr:
    """True where `column` lies between 1900-01-01 and tomorrow (UTC)."""
    return pl.col(column).is_between(EARLIEST_DATE, latest_plausible_date())


def build_frame(
    rows: Sequence[Mapping[str, object]], schema: pl.Schema, *, table: str
) -> pl.DataFrame:
    """A frame with exactly `schema`'s columns and dtypes from dict rows; zero rows are fine.

    Every row must have exactly the schema's keys, and every value must fit its dtype without
    loss (an unknown enum value or 1.5 for an integer raises); otherwise ContractError.
    """
    _check_keys(rows, schema, table=table)
    _check_dates(rows, schema, table=table)
    try:
        columns = [
            pl.Series(name, [row[name] for row in rows], dtype=dtype, strict=True)
            for name, dtype in schema.items()
        ]
    except (pl.exceptions.PolarsError, TypeError, ValueError, OverflowError) as exc:
        raise ContractError(
            f"The {table} rows do not fit the contract's dtypes: {exc}",
            table=table,
            checks=("dtype",),
            hint="Fix the stage that produced the rows; see docs/schema.md for the types.",
        ) from exc
    frame = pl.DataFrame(columns)
    if frame.schema != schema:
        raise ContractError(
            f"The {table} rows built {frame.schema}, not the contract's {schema}.",
            table=table,
            checks=("dtype",),
            hint="Fix the stage that produced the rows; see docs/schema.md for the types.",
        )
    return frame


def validate_whole(
    frame: pl.DataFrame, model: Any, *, table: str, what: str, hint: str
) -> pl.DataFrame:
    """`frame` validated against the pandera `model`, every failure reported at once; a batch
    that breaks the contract raises ContractError naming `what` and the failed checks."""
    try:
        return cast(pl.DataFrame, model.validate(frame, lazy=True))
    except SchemaErrors as exc:
        raise ContractError(
            f"{what} break their contract: {exc}",
            table=table,
            checks=tuple(exc.failure_cases["check"].unique().sort()),
            hint=hint,
        ) from exc


def _check_dates(rows: Sequence[Mapping[str, object]], schema: pl.Schema, *, table: str) -> None:
    """Raise ContractError for a Date column value that is not a `datetime.date` (or None).

    Polars would parse strings and keep datetimes in a Date column; the contract wants dates.
    """
    date_columns = [name for name, dtype in schema.items() if dtype == pl.Date]
    for index, row in enumerate(rows):
        for name in date_columns:
            value = row[name]
            if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
                continue
            raise ContractError(
                f"{table} row {index}: {name} is {value!r}, not a datetime.date.",
                table=table,
                checks=("dtype",),
                hint="Pass dates as datetime.date objects.",
            )


def _check_keys(rows: Sequence[Mapping[str, object]], schema: pl.Schema, *, table: str) -> None:
    """Raise ContractError naming missing or unexpected keys of the first row that has any."""
    expected = set(schema.names())
    for index, row in enumerate(rows):
        keys = set(row)
        if keys == expected:
            continue
        missing, extra = sorted(expected - keys), sorted(keys - expected)
        raise ContractError(
            f"{table} row {index} has missing columns {missing} and unexpected columns {extra}.",
            table=table,
            checks=("column_in_dataframe",),
            hint="Rows must carry exactly the columns of docs/schema.md.",
        )
