"""The README stays true: its settings table is the settings class, its commands exist."""

from __future__ import annotations

import re

from dyad.cli import app
from dyad.settings import PROJECT_ROOT, settings_markdown


def test_readme_settings_table_matches_the_settings_class() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- settings:start -->\n")[1].split("\n<!-- settings:end -->")[0]
    assert section == settings_markdown(), "run `.venv/bin/python -m dyad.settings` into README"


def test_readme_commands_exist() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("run", "test", "bench"):
        assert f"make {target}" in readme and f"\n{target}:" in makefile


def test_readme_dyad_commands_are_real_commands() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\.venv/bin/dyad ([a-z]+)", readme))
    commands = {command.name or command.callback.__name__ for command in app.registered_commands}
    commands |= {group.name for group in app.registered_groups if group.name}
    assert named >= {"run", "query", "export", "recode", "report", "migrate"}
    assert named <= commands
