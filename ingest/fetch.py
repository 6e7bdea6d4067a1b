"""Polite HTTP fetching: timeouts, retries on transient failures only, a delay per host."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urlsplit

import httpx

from dyad.errors import FetchError, FetchRefusedError

logger = logging.getLogger(__name__)

USER_AGENT = "dyad/0.1 (news event coder; polite, one request per host per second)"
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How politely and patiently to fetch: seconds per request, retries, delay per host."""

    timeout: float = 10.0
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    host_delay: float = 1.0  # seconds between two requests to the same host
    user_agent: str = USER_AGENT
    max_bytes: int = 5_000_000


class Fetcher:
    """Fetches URLs with one HTTP client; use as a context manager so the client is closed."""

    def __init__(
        self,
        policy: FetchPolicy,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy
        self._sleep = sleep
        self._clock = clock
        self._last: dict[str, float] = {}
        self._client = httpx.Client(
            timeout=policy.timeout,
            follow_redirects=True,
            headers={"User-Agent": policy.user_agent},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._client.close()

    def get(self, url: str) -> bytes:
        """The body of `url`; FetchError when still failing after retries, FetchRefusedError on 4xx."""
        attempt = 0
        while True:
            try:
                return self._get_once(url)
            except FetchError as error:
                if attempt >= self.policy.retries:
                    raise
                wait = self.policy.backoff * 2**attempt
                logger.info("Retrying %s in %.1f s (%s)", url, wait, error.reason)
                self._sleep(wait)
                attempt += 1

    def _get_once(self, url: str) -> bytes:
        self._wait_for_host(url)
        try:
            with self._client.stream("GET", url) as response:
                _raise_for_status(url, response.status_code)
                return self._body(response)
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchRefusedError(url, "not an http(s) URL") from exc
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out after {self.policy.timeout:g} s") from exc
        except httpx.TransportError as exc:  # connection refused or reset, DNS failure
            raise FetchError(url, f"connection failed ({type(exc).__name__})") from exc
        finally:
            self._last[_host(url)] = self._clock()

    def _body(self, response: httpx.Response) -> bytes:
        """The body, read no further than `max_bytes` (a huge page is cut, not downloaded)."""
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size >= self.policy.max_bytes:
                break
        return b"".join(chunks)[: self.policy.max_bytes]

    def _wait_for_host(self, url: str) -> None:
        last = self._last.get(_host(url))
        if last is not None:
            remaining = self.policy.host_delay - (self._clock() - last)
            if remaining > 0:
                self._sleep(remaining)


def _raise_for_status(url: str, status: int) -> None:
    if status in TRANSIENT_STATUS:
        raise FetchError(url, f"HTTP status {status}")
    if status >= 400:
        raise FetchRefusedError(url, f"HTTP status {status}", status)


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()
