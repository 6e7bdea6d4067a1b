"""The CAMEO event codebook (`seeds/cameo/event_codes.csv`) as a validated, typed frame."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import pandera.polars as pa
import polars as pl
from pandera.errors import SchemaErrors

from dyad.errors import ConfigError

logger = logging.getLogger(__name__)

CODEBOOK_FILE = Path("cameo") / "event_codes.csv"
CODEBOOK_SCHEMA = pl.Schema(
    {
        "code": pl.String,
        "root_code": pl.String,
        "level": pl.Int8,
        "name": pl.String,
        "goldstein": pl.Float64,
        "goldstein_source": pl.String,
        "goldstein_icews": pl.Float64,
        "quad_class": pl.Int8,
    }
)
LEVEL_BY_LENGTH = {2: 0, 3: 2, 4: 3}


class CodebookModel(pa.DataFrameModel):
    """One CAMEO event code per row, as `seeds/README.md` describes the file."""

    code: str = pa.Field(unique=True, str_matches=r"^\d{2,4}$")
    root_code: str
    level: pl.Int8 = pa.Field(isin=sorted(LEVEL_BY_LENGTH.values()))
    name: str
    goldstein: pl.Float64 = pa.Field(ge=-10.0, le=10.0)
    goldstein_source: str
    goldstein_icews: pl.Float64 = pa.Field(ge=-10.0, le=10.0)
    quad_class: pl.Int8 = pa.Field(ge=1, le=4)

    @pa.dataframe_check(name="root_code_is_code_prefix")
    def root_code_is_code_prefix(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("code").str.slice(0, 2) == pl.col("root_code"))

    @pa.dataframe_check(name="level_matches_code_length")
    def level_matches_code_length(cls, data: pa.PolarsData) -> pl.LazyFrame:
        level = pl.col("code").str.len_chars().replace_strict(LEVEL_BY_LENGTH, default=None)
        return data.lazyframe.select((level == pl.col("level")).fill_null(False))

    class Config:
        strict = True


def default_seeds_dir() -> Path:
    """The seeds folder of this checkout: `<repo root>/seeds`."""
    return Path(__file__).resolve().parents[1] / "seeds"


def load_codebook(seeds_dir: Path) -> pl.DataFrame:
    """The codebook of `seeds_dir` (codes as strings, leading zeros kept), read once per path."""
    return _load_codebook(seeds_dir.resolve())


@cache
def _load_codebook(seeds_dir: Path) -> pl.DataFrame:
    path = seeds_dir / CODEBOOK_FILE
    if not path.is_file():
        raise ConfigError(
            f"The CAMEO codebook {path} is missing.",
            hint="Point DYAD_SEEDS_DIR at a folder with cameo/event_codes.csv (dyad's seeds/).",
        )
    try:
        raw = pl.read_csv(path, infer_schema=False)
        frame = raw.select(CODEBOOK_SCHEMA.names()).cast(CODEBOOK_SCHEMA, strict=True)
        CodebookModel.validate(frame, lazy=True)
    except (pl.exceptions.PolarsError, SchemaErrors) as exc:
        raise ConfigError(
            f"The CAMEO codebook {path} is malformed: {exc}",
            hint="Compare the file with the column list in seeds/README.md.",
        ) from exc
    logger.info("Loaded %d CAMEO event codes from %s", frame.height, path)
    return frame
