"""The `dyad` command line, as a user calls it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.settings import PROJECT_ROOT

runner = CliRunner()
COMMANDS = sorted(command.name or command.callback.__name__ for command in app.registered_commands)
DOCS = [
    {
        "id": "a1",
        "date": "2026-06-02",
        "text": "Ukrainian forces launched a drone attack on "
        "Russian airfields. Russia did not attack Ukraine.",
        "url": "https://example.org/a1",
    },
    {"id": "a2", "date": "2026-06-03", "text": "France and Germany condemned Russia on Monday."},
]


def jsonl(records: list[dict[str, str]]) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


def dyad(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / "dyad"), *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output.splitlines()) > 5


def test_commands_are_the_documented_ones() -> None:
    documented = {"run", "code", "query", "export", "evaluate", "explain"}
    assert documented | {"recode", "report", "migrate"} <= set(COMMANDS)


def test_code_writes_one_json_event_per_line() -> None:
    result = runner.invoke(app, ["code", "-"], input=jsonl(DOCS))
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    by_dyad = {(e["doc_id"], e["source"], e["target"], e["code"]) for e in events}
    assert ("a1", "UKRMIL", "RUS", "1952") in by_dyad
    assert {("a2", "FRA", "RUS"), ("a2", "DEU", "RUS")} <= {(d, s, t) for d, s, t, _ in by_dyad}
    assert not any(e["doc_id"] == "a1" and e["source"] == "RUS" for e in events)  # negated
    first = next(e for e in events if e["code"] == "1952")
    for key in ("sentence_index", "root_code", "quad_class", "goldstein", "event_date"):
        assert key in first
    assert (first["root_code"], first["quad_class"], first["event_date"]) == ("19", 4, "2026-06-02")
    assert first["url"] == "https://example.org/a1"
    evidence = first["evidence"]
    assert evidence["rule_id"] and evidence["sentence"].startswith("Ukrainian forces")
    for trigger in evidence["triggers"]:
        assert DOCS[0]["text"][trigger["char_start"] : trigger["char_end"]] == trigger["word"]


def test_code_reports_rejected_lines_and_goes_on() -> None:
    result = runner.invoke(app, ["code", "-"], input="{broken\n" + jsonl(DOCS[1:]))
    assert result.exit_code == 0
    assert "malformed_json" in result.stderr
    assert any(json.loads(line)["doc_id"] == "a2" for line in result.stdout.splitlines())


def test_code_on_a_missing_file_is_one_clean_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["code", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.startswith("error:") and "Traceback" not in result.stderr


def test_run_query_export_end_to_end(tmp_path: Path) -> None:
    inputs = tmp_path / "docs.jsonl"
    inputs.write_text(jsonl(DOCS), encoding="utf-8")
    env = {
        **os.environ,
        "DYAD_DB_PATH": str(tmp_path / "dyad.duckdb"),
        "DYAD_EXPORT_DIR": str(tmp_path / "export"),
        "DYAD_STAGING_DIR": str(tmp_path / "staging"),
        "PREFECT_HOME": str(tmp_path / "prefect"),
    }
    run = dyad("run", str(inputs), env=env)
    assert run.returncode == 0, run.stderr
    assert "documents    2 ingested" in run.stdout
    query = dyad("query", "select source, code, target from events order by source", env=env)
    assert query.returncode == 0, query.stderr
    assert "UKRMIL" in query.stdout and "(3 rows)" in query.stdout
    export = dyad("export", env=env)
    assert export.returncode == 0 and "events 3" in export.stdout
    assert (tmp_path / "export" / "manifest.json").is_file()
    bad = dyad("query", "select nonsense from nowhere", env=env)
    assert bad.returncode == 1
    assert bad.stderr.startswith("error:") and "Traceback" not in bad.stderr


def test_query_without_a_warehouse_says_what_to_do(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "select 1", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "dyad run" in result.stderr


def test_project_root_is_the_checkout() -> None:
    assert (PROJECT_ROOT / "seeds" / "cameo" / "event_codes.csv").is_file()


def test_evaluate_prints_scores_and_json(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"id": "g1", "text": "France condemned Russia.", "date": "2026-06-02", '
        '"events": [{"source": "FRA", "target": "RUS", "code": "111"}]}\n'
        '{"id": "g2", "text": "Russia did not attack Ukraine.", "date": "2026-06-02", '
        '"events": []}\n',
        encoding="utf-8",
    )
    text = runner.invoke(app, ["evaluate", str(gold)])
    assert text.exit_code == 0, text.output
    assert "dyad+root" in text.stdout and "confusion by root" in text.stdout
    figures = json.loads(runner.invoke(app, ["evaluate", str(gold), "--json"]).stdout)
    assert figures["dyad+code"]["f1"] == 1.0 and figures["negative_accuracy"] == 1.0
    gold.write_text(
        '{"id": "g3", "text": "France condemned Russia.", "date": "2026-06-02", '
        '"events": [{"source": "FRA", "target": "DEU", "code": "111"}]}\n',
        encoding="utf-8",
    )
    errors = runner.invoke(app, ["evaluate", str(gold), "--errors"]).stdout.splitlines()
    assert errors == [
        "g3: France condemned Russia.",
        "  missed  FRA 111 DEU",
        "  extra   FRA 111 RUS",
        "Items coded differently from the gold set: 1",
    ]
    bad = runner.invoke(app, ["evaluate", str(tmp_path / "missing.jsonl")])
    assert bad.exit_code == 1 and bad.stderr.startswith("error:")


def test_explain_shows_parse_actors_decisions_and_events() -> None:
    text = "Russia did not attack Ukraine. Ukrainian forces launched a drone attack on Russia."
    result = runner.invoke(app, ["explain", text, "--date", "2026-06-02"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "sentence 0: Russia did not attack Ukraine." in out
    assert "attack           negated" in out  # why the first sentence codes nothing
    assert "countries:UKR" in out and "roles:force" in out  # the dictionary entries used
    assert "UKRMIL 1952 RUS" in out and "rule 1952-drone-attack" in out
    assert "nsubj" in out  # the parse is shown
    bad = runner.invoke(app, ["explain", "x", "--date", "June"])
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.stderr


def test_explain_says_when_a_sentence_names_no_actor() -> None:
    result = runner.invoke(app, ["explain", "Police attacked the crowd.", "--date", "2026-06-02"])
    assert result.exit_code == 0 and "no actor: it names no actor dyad knows" in result.stdout
