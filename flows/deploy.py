"""The daily deployment: the pipeline on a cron schedule, served here or run by a work pool.

`daily` is the flow a deployment runs: it reads the settings from the DYAD_* variables of the
process that runs it and runs the pipeline on the task runner they name. `dyad serve` serves it
from this process; `dyad deploy` writes the same deployment as prefect.yaml for a work pool.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import yaml
from prefect import flow

from dyad.settings import Settings, load_settings
from flows.pipeline import pipeline
from flows.report import RunReport
from flows.runners import api_for_workers, task_runner

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

DEPLOYMENT = "daily"
ENTRYPOINT = "flows/deploy.py:daily"
DESCRIPTION = "dyad's pipeline on DYAD_INPUTS, once a day; one run at a time."


@flow(name="dyad-daily")
def daily() -> RunReport:
    """Run the pipeline with the settings of this process's DYAD_* variables."""
    settings = load_settings()
    with api_for_workers(settings):
        return pipeline.with_options(task_runner=task_runner(settings))(settings)


def daily_deployment(settings: Settings) -> RunnerDeployment:
    """The deployment `dyad serve` serves: `daily` on the settings' cron schedule (UTC)."""
    deployment = daily.to_deployment(
        name=DEPLOYMENT,
        cron=settings.schedule,
        concurrency_limit=1,
        description=DESCRIPTION,
        tags=["dyad"],
    )
    return cast("RunnerDeployment", deployment)


def deployment_spec(settings: Settings, work_pool: str) -> dict[str, Any]:
    """prefect.yaml for `prefect deploy --all`: the same deployment, run by a work pool."""
    return {
        "name": "dyad",
        "prefect-version": "3.9.1",
        "deployments": [
            {
                "name": DEPLOYMENT,
                "entrypoint": ENTRYPOINT,
                "description": DESCRIPTION,
                "tags": ["dyad"],
                "concurrency_limit": 1,
                "schedules": [{"cron": settings.schedule, "timezone": "UTC"}],
                "work_pool": {"name": work_pool},
            }
        ],
    }


def render_spec(spec: dict[str, Any]) -> str:
    """The spec as YAML, with a header saying where it comes from."""
    header = "# Written by `dyad deploy`; edit DYAD_SCHEDULE and run it again rather than this.\n"
    return header + yaml.safe_dump(spec, sort_keys=False)
