"""Retry only what can succeed on a second try."""

from __future__ import annotations

from typing import Any

from dyad.errors import TransientError


def transient_only(task: Any, task_run: Any, state: Any) -> bool:
    """Prefect retry condition: retry when the task failed with a TransientError."""
    try:
        state.result()
    except TransientError:
        return True
    except Exception:  # any other failure is terminal: do not retry
        return False
    return False
