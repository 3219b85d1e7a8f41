"""The executor is chosen by PROPERTY_PIPELINE_EXECUTOR alone; the Celery workers' app and the
executor are built from the same variables, with late acknowledgement on the configured queue."""

from __future__ import annotations

import subprocess
import sys

import pytest

from property_pipeline.defs.executors import (
    DEFAULT_BACKEND,
    DEFAULT_BROKER,
    DEFAULT_QUEUE,
    EXECUTOR_VAR,
    celery_app_config,
    celery_connection,
    executor_from_env,
)

from ..conftest import REPO


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, "in_process"), ("", "in_process"), ("in_process", "in_process"), ("In-Process", "in_process"),
     ("multiprocess", "multiprocess"), ("celery", "celery"), (" CELERY ", "celery")],
)  # fmt: skip
def test_the_environment_names_the_executor(value, expected):
    env = {} if value is None else {EXECUTOR_VAR: value}
    assert executor_from_env(env).name == expected


def test_an_unknown_executor_fails_with_the_choices():
    with pytest.raises(ValueError, match="in_process, multiprocess, celery"):
        executor_from_env({EXECUTOR_VAR: "spark"})


def test_the_pipeline_job_takes_the_executor_from_the_environment(tmp_path):
    """The shipped job, loaded as a code location loads it, with and without the variable."""
    script = "from property_pipeline.definitions import defs; print(defs().get_job_def('property_pipeline_job').executor_def.name)"
    names = {}
    for value in ("", "celery", "multiprocess"):
        env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DAGSTER_HOME": str(tmp_path),
               "PROPERTY_PIPELINE_LLM": "none", EXECUTOR_VAR: value}  # fmt: skip
        result = subprocess.run([sys.executable, "-c", script], check=False, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-3000:]
        names[value] = result.stdout.strip().splitlines()[-1]
    assert names == {"": "in_process", "celery": "celery", "multiprocess": "multiprocess"}


def test_workers_and_executor_share_broker_queue_and_late_acks():
    env = {
        "PROPERTY_PIPELINE_CELERY_BROKER": "redis://mq:6379/0",
        "PROPERTY_PIPELINE_CELERY_BACKEND": "redis://mq:6379/1",
        "PROPERTY_PIPELINE_CELERY_QUEUE": "county_backfill",
        "PROPERTY_PIPELINE_CELERY_VISIBILITY_TIMEOUT_S": "7200",
    }
    config = celery_app_config(env)
    assert config["task_default_queue"] == "county_backfill"
    assert config["task_acks_late"] and config["task_reject_on_worker_lost"]
    assert config["worker_prefetch_multiplier"] == 1
    assert config["broker_transport_options"]["visibility_timeout"] == 7200
    assert celery_connection(env) == {"broker": "redis://mq:6379/0", "backend": "redis://mq:6379/1"}
    defaults = celery_app_config({})
    assert defaults["task_default_queue"] == DEFAULT_QUEUE
    assert celery_connection({}) == {"broker": DEFAULT_BROKER, "backend": DEFAULT_BACKEND}
    with pytest.raises(ValueError, match="VISIBILITY"):
        celery_app_config({"PROPERTY_PIPELINE_CELERY_VISIBILITY_TIMEOUT_S": "1h"})


def test_the_worker_app_is_configured_from_the_same_variables():
    """The app `celery -A property_pipeline.defs.celery_app worker` runs, in a fresh process."""
    script = (
        "from property_pipeline.defs.celery_app import app\n"
        "c = app.conf\n"
        "print(c.broker_url, c.result_backend, c.task_default_queue, c.task_acks_late, 'execute_plan' in app.tasks)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PROPERTY_PIPELINE_CELERY_BROKER": "amqp://u:p@mq:5672//",
           "PROPERTY_PIPELINE_CELERY_QUEUE": "county_backfill"}  # fmt: skip
    result = subprocess.run([sys.executable, "-c", script], check=False, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split() == ["amqp://u:p@mq:5672//", "rpc://", "county_backfill", "True", "True"]

