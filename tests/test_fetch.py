"""Fetching feeds and pages from a local HTTP server: retries, refusals, summaries, sources."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coder.records import Document
from dyad.cli import app
from dyad.errors import ConfigError, FetchError, FetchRefusedError
from dyad.settings import PROJECT_ROOT, Settings
from ingest.collect import collect
from ingest.feeds import read_feed_url
from ingest.fetch import USER_AGENT, Fetcher, FetchPolicy
from ingest.normalize import Limits
from ingest.readers import Rejection
from ingest.sources import check_sources, load_sources

LIMITS = Limits(max_doc_chars=50_000, min_date=date(1900, 1, 1))
FAST = FetchPolicy(timeout=2.0, retries=2, backoff=0.0, host_delay=0.0)
ARTICLE = (
    "<html><head><title>Ceasefire</title><meta name='date' content='2026-06-02'></head><body>"
    "<article><h1>Ceasefire</h1><p>Israel and Hamas agreed to a ceasefire in Gaza on Tuesday, "
    "mediators in Cairo said, after weeks of talks brokered by Egypt and Qatar.</p></article>"
    "</body></html>"
)


class Site(BaseHTTPRequestHandler):
    """Pages: /ok, /flaky (500 once, then the page), /missing (404), /feed.rss, /down (always 503)."""

    hits: Counter[str] = Counter()
    agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        Site.hits[self.path] += 1
        Site.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/feed.rss":
            self._send(200, self.server.feed.encode(), "application/rss+xml")  # type: ignore[attr-defined]
        elif self.path == "/big":
            self._send(200, b"x" * 200_000, "text/plain")
        elif self.path == "/ok" or (self.path == "/flaky" and Site.hits[self.path] > 1):
            self._send(200, ARTICLE.encode(), "text/html")
        elif self.path in ("/flaky", "/down"):
            self._send(503 if self.path == "/down" else 500, b"busy", "text/plain")
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet."""


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    Site.hits.clear()
    Site.agents.clear()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    items = "".join(
        f"<item><title>{name}</title><link>{base}/{name}</link>"
        f"<description>Summary of {name}: Egypt hosted talks.</description>"
        "<pubDate>Wed, 03 Jun 2026 08:00:00 GMT</pubDate></item>"
        for name in ("ok", "flaky", "missing")
    )
    server.feed = f"<rss version='2.0'><channel><title>Local Wire</title>{items}</channel></rss>"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_transient_errors_are_retried_and_refusals_are_not(site: str) -> None:
    with Fetcher(FAST) as fetcher:
        assert b"Ceasefire" in fetcher.get(f"{site}/flaky")
        with pytest.raises(FetchRefusedError) as refused:
            fetcher.get(f"{site}/missing")
        with pytest.raises(FetchError, match="HTTP status 503"):
            fetcher.get(f"{site}/down")
    assert refused.value.status == 404
    assert (Site.hits["/flaky"], Site.hits["/missing"], Site.hits["/down"]) == (2, 1, 3)
    assert set(Site.agents) == {USER_AGENT}


def test_bodies_are_cut_at_max_bytes(site: str) -> None:
    with Fetcher(FetchPolicy(max_bytes=1_000, host_delay=0.0)) as fetcher:
        assert len(fetcher.get(f"{site}/big")) == 1_000


def test_connection_failure_is_transient() -> None:
    with Fetcher(FetchPolicy(timeout=0.5, retries=1, backoff=0.0)) as fetcher:
        with pytest.raises(FetchError, match="connection failed"):
            fetcher.get("http://127.0.0.1:9/nothing-listens-here")


def test_same_host_waits_for_the_politeness_delay(site: str) -> None:
    waits: list[float] = []
    policy = FetchPolicy(timeout=2.0, retries=0, host_delay=5.0)
    with Fetcher(policy, sleep=waits.append, clock=lambda: 100.0) as fetcher:
        fetcher.get(f"{site}/ok")
        fetcher.get(f"{site}/ok")
    assert waits == [5.0]


def test_feed_items_use_their_page_or_else_their_summary(site: str) -> None:
    with Fetcher(FAST) as fetcher:
        ok, flaky, missing = read_feed_url(f"{site}/feed.rss", LIMITS, fetcher)
    assert isinstance(ok, Document) and isinstance(flaky, Document)
    assert ok.text.startswith("Israel and Hamas agreed") and ok.title == "Ceasefire"
    assert ok.url == f"{site}/ok" and ok.outlet == "Local Wire" and ok.pub_date == date(2026, 6, 2)
    assert isinstance(missing, Document)
    assert missing.text == "Summary of missing: Egypt hosted talks."
    assert missing.pub_date == date(2026, 6, 3)


def test_feed_pages_are_not_fetched_when_told_not_to(site: str, tmp_path: Path) -> None:
    path = write_sources(tmp_path / "sources.toml", site)
    path.write_text(path.read_text("utf-8") + "fetch_pages = false\n", encoding="utf-8")
    result = collect([path], LIMITS)
    assert result.documents[1].text.startswith("Summary of ok")
    assert set(Site.hits) == {"/feed.rss"}


def test_unreachable_feed_is_one_rejection(site: str) -> None:
    with Fetcher(FAST) as fetcher:
        (rejection,) = read_feed_url(f"{site}/down", LIMITS, fetcher)
    assert isinstance(rejection, Rejection) and rejection.check_name == "unreachable_feed"


def write_sources(path: Path, site: str) -> Path:
    (path.parent / "docs").mkdir()
    (path.parent / "docs" / "a.txt").write_text("date: 2026-06-01\n\nFrance met Chad.", "utf-8")
    path.write_text(
        f"""
[fetch]
timeout = 2
retries = 1
backoff = 0
host_delay = 0

[[sources]]
name = "local files"
path = "docs"
outlet = "Desk"

[[sources]]
name = "wire"
feed = "{site}/feed.rss"
""",
        encoding="utf-8",
    )
    return path


def test_sources_file_is_collected(site: str, tmp_path: Path) -> None:
    result = collect([write_sources(tmp_path / "sources.toml", site)], LIMITS)
    assert [d.outlet for d in result.documents] == [
        "Desk",
        "Local Wire",
        "Local Wire",
        "Local Wire",
    ]
    assert result.files == 2 and not result.rejections


def test_sources_check_reports_each_source(site: str, tmp_path: Path) -> None:
    config = load_sources(write_sources(tmp_path / "sources.toml", site))
    broken = config.sources[1].model_copy(update={"feed": f"{site}/missing"})
    statuses = check_sources(config.model_copy(update={"sources": [*config.sources, broken]}))
    assert [s.ok for s in statuses] == [True, True, False]
    assert "404" in statuses[2].detail


def test_sources_check_parses_feed_files(tmp_path: Path) -> None:
    (tmp_path / "good.rss").write_text(
        "<rss><channel><title>W</title><item><title>a</title></item></channel></rss>", "utf-8"
    )
    (tmp_path / "bad.rss").write_text("not a feed {", "utf-8")
    (tmp_path / "sources.toml").write_text(
        '[[sources]]\nname = "good"\nfeed = "good.rss"\n'
        '[[sources]]\nname = "bad"\nfeed = "bad.rss"\n',
        encoding="utf-8",
    )
    good, bad = check_sources(load_sources(tmp_path / "sources.toml"))
    assert (good.ok, good.detail) == (True, "feed of 1 item(s)")
    assert not bad.ok and bad.detail.startswith("not a feed")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[sources]]\nname = 'x'\n", "exactly one of `path` or `feed`"),
        ("[[sources]]\nname = 'x'\npath = 'a'\ncolour = 'red'\n", "colour"),
        ("sources = [", "not valid TOML"),
        ("[fetch]\ntimeout = 5\n", "sources"),
    ],
)
def test_invalid_sources_files_say_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_sources(path)


def test_sources_check_command_exits_non_zero_on_a_failing_source(
    site: str, tmp_path: Path
) -> None:
    path = write_sources(tmp_path / "sources.toml", site)
    good = CliRunner().invoke(app, ["sources", "check", str(path)])
    assert good.exit_code == 0, good.output
    assert "ok    wire:" in good.output and "feed of 3 item(s)" in good.output
    assert "folder of 1 file(s)" in good.output
    path.write_text(path.read_text("utf-8").replace("feed.rss", "gone.rss"), encoding="utf-8")
    bad = CliRunner().invoke(app, ["sources", "check", str(path)])
    assert bad.exit_code == 1 and "FAIL  wire:" in bad.output and "404" in bad.output


def test_the_example_sources_file_is_valid_and_readable() -> None:
    result = CliRunner().invoke(
        app, ["sources", "check", str(PROJECT_ROOT / "sources.example.toml")]
    )
    assert result.exit_code == 0, result.output


def test_sources_file_setting_is_read_beside_given_paths(tmp_path: Path) -> None:
    sources = tmp_path / "s.toml"
    assert Settings(sources_file=sources).inputs == [sources]
    assert Settings(sources_file=sources, inputs=[tmp_path]).inputs == [tmp_path, sources]


def test_sources_check_without_a_file_says_how_to_name_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DYAD_SOURCES_FILE", raising=False)
    result = CliRunner().invoke(app, ["sources", "check"])
    assert result.exit_code == 1 and "No sources file given" in result.output
    assert "Usage" in CliRunner().invoke(app, ["sources", "check", "--help"]).output


def test_run_with_an_invalid_sources_file_fails_before_the_flow(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text("[[sources]]\nname = 'x'\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", "--sources", str(path), "--db", str(tmp_path / "w")])
    assert result.exit_code == 1
    assert "exactly one of `path` or `feed`" in result.output and "Traceback" not in result.output
