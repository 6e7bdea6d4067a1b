"""The daily deployment: the prefect.yaml `dyad deploy` writes and the one `dyad serve` serves."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from prefect.client.schemas.schedules import CronSchedule
from prefect.flows import load_flow_from_entrypoint
from typer.testing import CliRunner

from dyad.cli import app
from dyad.settings import PROJECT_ROOT, Settings
from flows.deploy import DEPLOYMENT, daily_deployment, deployment_spec, render_spec

runner = CliRunner()


def test_deploy_writes_a_spec_prefect_can_load(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DYAD_SCHEDULE", "30 5 * * 1-5")
    out = tmp_path / "prefect.yaml"
    result = runner.invoke(app, ["deploy", "--out", str(out), "--pool", "night"])
    assert result.exit_code == 0, result.output
    (deployment,) = yaml.safe_load(out.read_text(encoding="utf-8"))["deployments"]
    assert deployment["name"] == DEPLOYMENT and deployment["work_pool"] == {"name": "night"}
    (schedule,) = deployment["schedules"]
    assert CronSchedule(**schedule).cron == "30 5 * * 1-5"
    assert deployment["concurrency_limit"] == 1  # scheduled runs never overlap
    entrypoint = str(PROJECT_ROOT / deployment["entrypoint"])
    assert load_flow_from_entrypoint(entrypoint).name == "dyad-daily"


def test_committed_prefect_yaml_is_what_deploy_writes() -> None:
    committed = (PROJECT_ROOT / "prefect.yaml").read_text(encoding="utf-8")
    assert committed == render_spec(deployment_spec(Settings(), "dyad"))


def test_serve_serves_the_daily_deployment_on_the_schedule(monkeypatch) -> None:
    served = []
    monkeypatch.setenv("DYAD_SCHEDULE", "0 4 * * *")
    monkeypatch.setattr("prefect.serve", lambda *deployments: served.extend(deployments))
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 0, result.output
    (deployment,) = served
    assert deployment.name == DEPLOYMENT and deployment.concurrency_limit == 1
    assert [item.schedule.cron for item in deployment.schedules] == ["0 4 * * *"]


@pytest.mark.parametrize("cron", ["0 6 * * *", "15 */6 * * *"])
def test_daily_deployment_takes_the_cron_setting(cron: str) -> None:
    deployment = daily_deployment(Settings(schedule=cron))
    assert deployment.entrypoint and deployment.entrypoint.endswith("deploy.py:daily")
    assert deployment.schedules[0].schedule.cron == cron


def test_dask_workers_are_given_this_process_api(monkeypatch) -> None:
    import os

    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.runners import api_for_workers

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    with api_for_workers(Settings()):  # local runner: nothing to give
        assert "PREFECT_API_URL" not in os.environ
    url = "http://127.0.0.1:4999/api"
    with temporary_settings({PREFECT_API_URL: url}):
        with api_for_workers(Settings(task_runner="dask")):
            assert os.environ["PREFECT_API_URL"] == url  # inherited by the cluster's workers
    assert "PREFECT_API_URL" not in os.environ
