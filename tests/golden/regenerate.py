"""Regenerate the golden event files from the current coder, for a person to review.

Run `.venv/bin/python -m tests.golden.regenerate`, then read `git diff tests/golden/`: every
changed line is an event the coder now codes differently. Commit only the changes you agree with.
"""

from __future__ import annotations

import json
from pathlib import Path

from coder.engine import Coder
from dyad.settings import load_settings
from ingest.normalize import Limits
from ingest.readers import Rejection, read_txt

GOLDEN = Path(__file__).parent
FIELDS = ("sentence_index", "source", "target", "code", "event_date", "trigger_text", "rule_id")


def expected_events(coder: Coder, snippet: Path) -> list[dict[str, object]]:
    """The events the coder gives a snippet, reduced to the fields a person reviews."""
    settings = load_settings()
    document = read_txt(snippet, Limits(settings.max_doc_chars, settings.min_date))
    if isinstance(document, Rejection):
        raise SystemExit(f"{snippet}: {document.message}")
    coded = next(coder.code([document]))
    rows = [event.to_record() for event in coded.events]
    return [
        {field: str(row[field]) if field == "event_date" else row[field] for field in FIELDS}
        for row in rows
    ]


def golden_path(snippet: Path) -> Path:
    """The expected-events file beside a snippet."""
    return snippet.with_suffix(".events.jsonl")


def main() -> None:
    settings = load_settings()
    coder = Coder.load(settings.seeds_dir, settings.model)
    for snippet in sorted(GOLDEN.glob("*.txt")):
        events = expected_events(coder, snippet)
        lines = "".join(json.dumps(event, ensure_ascii=False) + "\n" for event in events)
        golden_path(snippet).write_text(lines, encoding="utf-8")
        print(f"{snippet.name}: {len(events)} events")


if __name__ == "__main__":
    main()
