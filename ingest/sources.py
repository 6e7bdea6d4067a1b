"""The sources file (TOML) a user edits: folders, files and feeds to ingest, validated by pydantic."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import feedparser
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from dyad.errors import ConfigError, FetchError, FetchRefusedError
from ingest.fetch import USER_AGENT, Fetcher, FetchPolicy


class FetchOptions(BaseModel):
    """How feeds and pages are fetched (the `[fetch]` table)."""

    model_config = ConfigDict(extra="forbid")

    timeout: Annotated[float, Field(gt=0, description="Seconds before a request gives up.")] = 10.0
    retries: Annotated[int, Field(ge=0, le=5, description="Retries on transient errors.")] = 2
    backoff: Annotated[float, Field(ge=0, description="Seconds before the first retry.")] = 1.0
    host_delay: Annotated[
        float, Field(ge=0, description="Seconds between two requests to the same host.")
    ] = 1.0
    user_agent: str = USER_AGENT

    def policy(self) -> FetchPolicy:
        """The fetch policy these options describe."""
        return FetchPolicy(
            timeout=self.timeout,
            retries=self.retries,
            backoff=self.backoff,
            host_delay=self.host_delay,
            user_agent=self.user_agent,
        )


class Source(BaseModel):
    """One `[[sources]]` entry: a folder or file (`path`), or an RSS/Atom feed (`feed`)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    path: Path | None = None
    feed: str | None = None  # a URL, or a feed file's path
    outlet: str | None = None  # for documents that do not name their outlet
    fetch_pages: bool = True  # fetch each feed item's page (else use its summary)

    @model_validator(mode="after")
    def _one_target(self) -> Source:
        if (self.path is None) == (self.feed is None):
            raise ValueError(f"source {self.name!r} needs exactly one of `path` or `feed`")
        return self

    @property
    def is_url(self) -> bool:
        """Whether the source is a feed fetched over HTTP."""
        return self.feed is not None and self.feed.lower().startswith(("http://", "https://"))

    @property
    def target(self) -> str:
        """The path or URL the source reads."""
        return str(self.path if self.path is not None else self.feed)


class SourcesFile(BaseModel):
    """A whole sources file."""

    model_config = ConfigDict(extra="forbid")

    fetch: FetchOptions = FetchOptions()
    sources: list[Source] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """Whether a source can be read now, and what was found."""

    name: str
    target: str
    ok: bool
    detail: str


def load_sources(path: Path) -> SourcesFile:
    """The validated sources file; relative paths are taken from the file's own folder."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        config = SourcesFile.model_validate(data)
    except OSError as exc:
        raise ConfigError(f"Cannot read the sources file {path}: {exc.strerror}.") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"The sources file {path} is not valid TOML: {exc}.", hint="Fix the syntax."
        ) from exc
    except ValidationError as exc:
        problems = "; ".join(_problem(error) for error in exc.errors())
        raise ConfigError(
            f"The sources file {path} is invalid: {problems}.",
            hint="See sources.example.toml for the fields each source takes.",
        ) from exc
    root = path.resolve().parent
    return config.model_copy(update={"sources": [_rooted(s, root) for s in config.sources]})


def check_sources(config: SourcesFile) -> list[SourceStatus]:
    """Each source's status: files exist and are readable, feeds answer and parse."""
    with Fetcher(config.fetch.policy()) as fetcher:
        return [_status(source, fetcher) for source in config.sources]


def _status(source: Source, fetcher: Fetcher) -> SourceStatus:
    if source.is_url:
        try:
            content = fetcher.get(source.target)
        except (FetchError, FetchRefusedError) as error:
            return SourceStatus(source.name, source.target, False, str(error))
        return _feed_status(source, content)
    target = Path(source.target)
    if not target.exists():
        return SourceStatus(source.name, source.target, False, "does not exist")
    if target.is_dir():
        count = sum(1 for item in target.rglob("*") if item.is_file())
        return SourceStatus(source.name, source.target, True, f"folder of {count} file(s)")
    try:
        content = target.read_bytes()
    except OSError as exc:
        return SourceStatus(source.name, source.target, False, f"unreadable ({exc.strerror})")
    if source.feed is not None:
        return _feed_status(source, content)
    return SourceStatus(source.name, source.target, True, f"readable file ({len(content):,} bytes)")


def _feed_status(source: Source, content: bytes) -> SourceStatus:
    """Whether the bytes parse as a feed (feedparser is given bytes: it opens nothing itself)."""
    parsed = feedparser.parse(content)
    items = len(parsed.entries)
    if not items and (parsed.get("bozo") or not parsed.feed):
        problem = parsed.get("bozo_exception") or "no channel or items"
        return SourceStatus(source.name, source.target, False, f"not a feed ({problem})")
    return SourceStatus(source.name, source.target, True, f"feed of {items} item(s)")


def _rooted(source: Source, root: Path) -> Source:
    if source.path is not None:
        return source.model_copy(update={"path": root / source.path})
    if source.feed is not None and not source.is_url:
        return source.model_copy(update={"feed": str(root / source.feed)})
    return source


def _problem(error: object) -> str:
    details = error if isinstance(error, dict) else {}
    where = ".".join(str(part) for part in details.get("loc", ()))
    message = str(details.get("msg", "")).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message
