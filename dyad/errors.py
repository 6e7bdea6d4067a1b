"""The errors dyad raises: a small hierarchy split into transient and terminal failures.

Every error says what happened and what to do next (`hint`), and keeps its inputs as attributes.
Library code raises these; only the CLI turns them into a message and an exit status.
"""

from __future__ import annotations


class DyadError(Exception):
    """Base class for every error dyad raises on purpose."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class TransientError(DyadError):
    """A failure that may go away if the same work is retried (a lock held by another writer)."""


class TerminalError(DyadError):
    """A failure that retrying cannot fix (bad configuration, a broken file, a bug)."""


class ConfigError(TerminalError):
    """A setting or a data file the user controls is wrong."""


class InputError(TerminalError):
    """An input document or file cannot be read; it goes to quarantine with `check`."""

    def __init__(self, message: str, *, check: str, origin: str, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.check = check
        self.origin = origin


class ModelNotFoundError(ConfigError):
    """The spaCy pipeline named in the settings is not installed."""

    def __init__(self, model: str) -> None:
        super().__init__(
            f"The spaCy pipeline {model!r} is not installed.",
            hint="Run `make setup`, or set DYAD_MODEL to an installed pipeline "
            "(for example en_core_web_sm).",
        )
        self.model = model


class WarehouseError(TerminalError):
    """The DuckDB warehouse rejected an operation."""


class WarehouseBusyError(TransientError):
    """Another process holds the warehouse's write lock."""

    def __init__(self, path: str) -> None:
        super().__init__(
            f"The warehouse {path} is being written by another dyad process.",
            hint="Wait for that run to finish, then run again.",
        )
        self.path = path


class WarehouseLockedError(TerminalError):
    """Another pipeline kept the warehouse's writer lock longer than this one would wait."""

    def __init__(self, path: str, waited: float) -> None:
        super().__init__(
            f"Another dyad run has been writing {path} for longer than the {waited:g} s this "
            "run waits for it.",
            hint="Let that run finish and run again, or raise DYAD_LOCK_TIMEOUT to wait longer.",
        )
        self.path = path
        self.waited = waited


class WarehouseVersionError(TerminalError):
    """The database was written by a newer dyad, or cannot be migrated."""


class QueryError(TerminalError):
    """An analyst's SQL query failed."""


class ContractError(TerminalError):
    """A whole frame breaks its data contract (wrong dtype, missing column); rows cannot be kept."""

    def __init__(
        self, message: str, *, table: str, checks: tuple[str, ...], hint: str = ""
    ) -> None:
        super().__init__(message, hint=hint)
        self.table = table
        self.checks = checks


class FetchError(TransientError):
    """A page or feed could not be fetched for now (timeout, lost connection, 429 or 5xx)."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(
            f"Could not fetch {url}: {reason}.",
            hint="The server may be down or slow; try again later.",
        )
        self.url = url
        self.reason = reason


class FetchRefusedError(TerminalError):
    """The server answered that the page cannot be had (404, 403, 410...); retrying won't help."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"Cannot fetch {url}: {reason}.", hint="Check the URL.")
        self.url = url
        self.reason = reason
        self.status = status
