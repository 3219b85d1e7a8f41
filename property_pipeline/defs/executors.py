"""Where a run's steps execute, chosen by the environment (no code change):

PROPERTY_PIPELINE_EXECUTOR
    `in_process` (default): every step of a run in the run's own process.
    `multiprocess`: one process per step on the run's machine.
    `celery`: every step is a Celery task on the queue PROPERTY_PIPELINE_CELERY_QUEUE
    (default `property_pipeline`), executed by whichever worker takes it; workers run
    `celery -A property_pipeline.defs.celery_app worker -Q <queue>` (docs/operations.md).

Celery settings (read by the run's process and by every worker, so they must agree):
PROPERTY_PIPELINE_CELERY_BROKER (default `amqp://guest:guest@127.0.0.1:5672//`; Redis:
`redis://host:6379/0`), PROPERTY_PIPELINE_CELERY_BACKEND (default `rpc://`; Redis:
`redis://host:6379/1`), PROPERTY_PIPELINE_CELERY_QUEUE and
PROPERTY_PIPELINE_CELERY_VISIBILITY_TIMEOUT_S (Redis only, default 3600).

A worker that dies mid-step loses nothing: tasks are acknowledged only when they finish
(`task_acks_late`), so the broker hands an unfinished task to another worker, which runs the
step again; every step replaces its partition's rows whole (storage/warehouse.py), so a
repeated step leaves one copy.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import dagster as dg

from ..settings import ExecutorSettings, default

EXECUTOR_VAR = "PROPERTY_PIPELINE_EXECUTOR"
BROKER_VAR = "PROPERTY_PIPELINE_CELERY_BROKER"
BACKEND_VAR = "PROPERTY_PIPELINE_CELERY_BACKEND"
QUEUE_VAR = "PROPERTY_PIPELINE_CELERY_QUEUE"
VISIBILITY_VAR = "PROPERTY_PIPELINE_CELERY_VISIBILITY_TIMEOUT_S"

EXECUTORS = ("in_process", "multiprocess", "celery")
# The defaults are written once, in the configuration model (settings.py).
DEFAULT_BROKER = default("celery_broker", ExecutorSettings)
DEFAULT_BACKEND = default("celery_backend", ExecutorSettings)
DEFAULT_QUEUE = default("celery_queue", ExecutorSettings)
DEFAULT_VISIBILITY_TIMEOUT_S = default("celery_visibility_timeout_s", ExecutorSettings)


def executor_name(env: Mapping[str, str] | None = None) -> str:
    """The configured executor; an unknown name fails the code location load with the choices."""
    env = os.environ if env is None else env
    name = (env.get(EXECUTOR_VAR) or "in_process").strip().lower().replace("-", "_")
    if name not in EXECUTORS:
        raise ValueError(f"{EXECUTOR_VAR}={env.get(EXECUTOR_VAR)!r}; expected one of {', '.join(EXECUTORS)}")
    return name


def celery_app_config(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The Celery settings the executor and the workers share (Celery's lowercase names)."""
    env = os.environ if env is None else env
    try:
        visibility = int(env.get(VISIBILITY_VAR) or DEFAULT_VISIBILITY_TIMEOUT_S)
    except ValueError:
        raise ValueError(f"{VISIBILITY_VAR}={env.get(VISIBILITY_VAR)!r} is not a whole number of seconds") from None
    return {
        "task_default_queue": env.get(QUEUE_VAR) or DEFAULT_QUEUE,
        # Acknowledge a task when its step has finished, not when a worker takes it: the task
        # of a worker that dies (SIGKILL, lost machine) goes back to the queue for another one.
        "task_acks_late": True,
        # ... also when only the pool process running it dies (OOM killer) and the worker lives.
        "task_reject_on_worker_lost": True,
        # One task per worker process at a time: a prefetched task would wait behind a long
        # extraction step while another worker is idle.
        "worker_prefetch_multiplier": 1,
        # A worker that loses the broker stops its running steps (they are redelivered) instead
        # of finishing them without being able to acknowledge (Celery 5.x's announced default).
        "worker_cancel_long_running_tasks_on_connection_loss": True,
        "broker_connection_retry_on_startup": True,
        "broker_transport_options": {
            # Publishing: a few quick retries, as dagster-celery's defaults.
            "max_retries": 3,
            "interval_start": 0,
            "interval_step": 0.2,
            "interval_max": 0.5,
            # Redis only: an unacknowledged task returns to the queue after this long, which is
            # how a dead worker's task is redelivered. It must exceed the longest step (a
            # partition's extraction), or a healthy step is run twice.
            "visibility_timeout": visibility,
        },
    }


def celery_connection(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """Broker and result backend URLs as the environment gives them."""
    env = os.environ if env is None else env
    return {"broker": env.get(BROKER_VAR) or DEFAULT_BROKER, "backend": env.get(BACKEND_VAR) or DEFAULT_BACKEND}


def _from_env_or(env: Mapping[str, str], var: str, default: str) -> str | dict[str, str]:
    # The variable's name, not its value, goes into the executor config: a broker password
    # never appears in run config or the UI.
    return {"env": var} if env.get(var) else default


def build_celery_executor(env: Mapping[str, str] | None = None) -> dg.ExecutorDefinition:
    """dagster-celery's executor configured from the environment."""
    from dagster_celery import celery_executor

    env = os.environ if env is None else env
    return celery_executor.configured(
        {
            "broker": _from_env_or(env, BROKER_VAR, DEFAULT_BROKER),
            "backend": _from_env_or(env, BACKEND_VAR, DEFAULT_BACKEND),
            "config_source": celery_app_config(env),
        },
        name="celery",
    )


def executor_from_env(env: Mapping[str, str] | None = None) -> dg.ExecutorDefinition:
    """The executor PROPERTY_PIPELINE_EXECUTOR names (in-process when unset)."""
    name = executor_name(env)
    if name == "celery":
        return build_celery_executor(env)
    if name == "multiprocess":
        return dg.multiprocess_executor
    return dg.in_process_executor
