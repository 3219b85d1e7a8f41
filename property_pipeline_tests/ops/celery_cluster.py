"""Dagster on Celery workers for the tests and the benchmark: a `dagster-daemon` on a
PostgreSQL instance, Celery worker processes on a private queue of the broker, a landing zone
of several (source, day) folders, and what the event log says about where steps ran."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..conftest import REPO, SAMPLE_LANDING
from .stack import BIN, Stack

SOURCES = ("phoenix_mls", "maricopa_county")
FIRST_DAY = dt.date(2026, 11, 20)
SAMPLE_DAYS = ("2026-11-20", "2026-11-21")
WORKSPACE = str(REPO / "workspace.yaml")
# Stops every sensor in the instance before the daemon starts (one workspace load): the
# landing sensor, automation and freshness sensors would start runs of their own on the landing
# zone and warehouse the test backfills; alert sensors have nothing to do here.
STOP_SENSORS = """
import sys
from dagster._cli.sensor import _get_repo
from dagster._cli.utils import get_instance_for_cli
from dagster._cli.workspace.cli_target import RepositoryOpts, WorkspaceOpts

with get_instance_for_cli() as instance, _get_repo(WorkspaceOpts(workspace=(sys.argv[1],)), RepositoryOpts(), instance) as repo:
    for sensor in repo.get_sensors():
        instance.stop_sensor(sensor.get_remote_origin_id(), sensor.selector_id, sensor)
        print("stopped", sensor.name)
"""
TERMINAL = {"SUCCESS", "FAILURE", "CANCELED"}


def make_landing(root: Path, days: int) -> list[str]:
    """`days` days of both sources from the sample landing zone (days alternate between the two
    sample days); returns the partition keys, `<date>|<source>`."""
    keys = []
    for offset in range(days):
        day = (FIRST_DAY + dt.timedelta(days=offset)).isoformat()
        for source in SOURCES:
            shutil.copytree(SAMPLE_LANDING / source / SAMPLE_DAYS[offset % 2], root / source / day)
            keys.append(f"{day}|{source}")
    return keys


def broker_problem(url: str) -> str | None:
    """Why the broker at `url` cannot be used, or None when it answers."""
    from kombu import Connection

    try:
        with Connection(url, connect_timeout=5) as conn:
            conn.ensure_connection(max_retries=1)
    except Exception as exc:  # noqa: BLE001 - any failure means the same thing here
        return f"{type(exc).__name__}: {exc}"
    return None


def delete_queue(url: str, queue: str) -> None:
    """Remove the private test queue from the broker (RabbitMQ keeps queues after their consumers)."""
    from kombu import Connection

    with Connection(url, connect_timeout=5) as conn, contextlib.suppress(Exception):  # already gone is fine
        conn.default_channel.queue_delete(queue)


def cluster_env(home: Path, landing: Path, instance_url: str, warehouse_url: str, executor: str, broker: str) -> dict[str, str]:
    """The one environment the daemon, the run workers and every Celery worker share."""
    return {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "DAGSTER_PG_URL": instance_url,
        "PROPERTY_PIPELINE_LANDING_ROOT": str(landing),
        "PROPERTY_PIPELINE_WAREHOUSE_URL": warehouse_url,
        "PROPERTY_PIPELINE_PARTITION_START": FIRST_DAY.isoformat(),
        "PROPERTY_PIPELINE_LLM": "none",
        "PROPERTY_PIPELINE_EXECUTOR": executor,
        "PROPERTY_PIPELINE_CELERY_BROKER": broker,
        "PROPERTY_PIPELINE_CELERY_QUEUE": f"pp_test_{uuid.uuid4().hex[:10]}",
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    }


@dataclass
class Cluster(Stack):
    """The daemon and the Celery workers (no webserver: the tests read the instance directly)."""

    workers: list[str] = field(default_factory=list)

    def start_daemon(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "dagster.yaml", self.home / "dagster.yaml")
        result = subprocess.run(
            [sys.executable, "-c", STOP_SENSORS, WORKSPACE], check=False, cwd=REPO, env=self.env,
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0 and "stopped landing_zone_sensor" in result.stdout, result.stdout + result.stderr
        self._spawn("daemon", [str(BIN / "dagster-daemon"), "run", "-w", WORKSPACE])

    def start_worker(self, name: str, concurrency: int = 1) -> None:
        """A Celery worker named `name@<host>` on the cluster's queue, in its own process group."""
        argv = [
            str(BIN / "celery"), "-A", "property_pipeline.defs.celery_app", "worker",
            "-Q", self.env["PROPERTY_PIPELINE_CELERY_QUEUE"], "-n", f"{name}@%h", "-c", str(concurrency),
            "-l", "INFO", "--without-mingle", "--without-gossip",
        ]  # fmt: skip
        self._spawn(name, argv)
        self.workers.append(name)

    def wait_for_workers(self, timeout_s: float = 180) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            self.check_alive()
            if all(" ready." in self.logs[w].read_text(errors="replace") for w in self.workers):
                return
            time.sleep(0.25)
        raise AssertionError(f"Celery workers not ready within {timeout_s}s\n{self.log_tails()}")

    def kill(self, name: str) -> None:
        """SIGKILL a worker and its pool processes, as if its machine died."""
        proc = self.processes.pop(name)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)

    def cli(self, *args: str, timeout_s: float = 300) -> str:
        result = subprocess.run(
            [str(BIN / "dagster"), *args], check=False, cwd=REPO, env=self.env, capture_output=True, text=True, timeout=timeout_s
        )
        if result.returncode != 0:
            raise AssertionError(f"dagster {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def backfill(self, keys: list[str]) -> str:
        """Queues one run per partition, as `dagster job backfill` does; returns the backfill id."""
        out = self.cli("job", "backfill", "-w", WORKSPACE, "-j", "property_pipeline_job", "--partitions", ",".join(keys), "--noprompt")
        marker = "Launched backfill job `"
        assert marker in out, out
        return out.split(marker, 1)[1].split("`", 1)[0]

    def execute(self, key: str) -> subprocess.Popen:
        """One run of `key` executed by a `dagster job execute` process (no run queue)."""
        tags = json.dumps({"dagster/partition": key})
        argv = [str(BIN / "dagster"), "job", "execute", "-m", "property_pipeline.definitions", "-a", "defs",
                "-j", "property_pipeline_job", "--tags", tags]  # fmt: skip
        return subprocess.Popen(argv, cwd=REPO, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def instance_for(env: dict[str, str]):
    """The cluster's instance, opened in this process (dagster.yaml reads DAGSTER_PG_URL)."""
    import dagster as dg

    saved = os.environ.get("DAGSTER_PG_URL")
    os.environ["DAGSTER_PG_URL"] = env["DAGSTER_PG_URL"]
    try:
        return dg.DagsterInstance.from_config(env["DAGSTER_HOME"])
    finally:
        if saved is None:
            os.environ.pop("DAGSTER_PG_URL", None)
        else:
            os.environ["DAGSTER_PG_URL"] = saved


def backfill_runs(instance, backfill_id: str) -> list:
    import dagster as dg

    return list(instance.get_runs(filters=dg.RunsFilter(tags={"dagster/backfill": backfill_id})))


@dataclass(frozen=True)
class StepExecution:
    """One Celery task execution of a step, as its engine event records it."""

    run_id: str
    step_key: str
    worker: str
    timestamp: float
    finished: bool


def _celery_worker(entry) -> str | None:
    """The worker named by a "Executing steps ... in celery worker" event, else None."""
    event = entry.dagster_event
    if event is None or event.event_type_value != "ENGINE_EVENT":
        return None
    worker = getattr(event.engine_event_data.metadata.get("Celery worker"), "value", None)
    return None if worker is None else str(worker)


def step_executions(instance, run_ids: list[str]) -> list[StepExecution]:
    """Every "Executing steps ... in celery worker" event of the runs, with the worker's name
    and whether that execution ended: the step reported success or failure before the next
    worker took it (a killed worker's execution never ends; the rerun's does)."""
    executions = []
    for run_id in run_ids:
        entries = instance.all_logs(run_id)
        open_executions: dict[str, int] = {}  # step key -> index in `executions`
        for entry in entries:
            worker = _celery_worker(entry)
            if worker is not None:
                open_executions[entry.step_key] = len(executions)
                executions.append(StepExecution(run_id, entry.step_key, worker, entry.timestamp, False))
                continue
            event = entry.dagster_event
            ended = event is not None and event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE")
            if ended and entry.step_key in open_executions:
                index = open_executions.pop(entry.step_key)
                executions[index] = dataclasses.replace(executions[index], finished=True)
    return executions


def wait_for_runs(cluster: Cluster, instance, backfill_id: str, expected: int, timeout_s: float) -> list:
    """Waits until the backfill's `expected` runs all ended; returns them."""
    deadline = time.monotonic() + timeout_s
    runs: list = []
    while time.monotonic() < deadline:
        cluster.check_alive()
        runs = backfill_runs(instance, backfill_id)
        if len(runs) >= expected and all(r.status.value in TERMINAL for r in runs):
            return runs
        time.sleep(0.5)
    states = sorted((r.tags.get("dagster/partition"), r.status.value) for r in runs)
    raise AssertionError(f"backfill {backfill_id} not finished within {timeout_s}s: {states}\n{cluster.log_tails()}")


def materialize_in_process(env: dict[str, str], keys: list[str], timeout_s: float = 900) -> float:
    """The same partitions in one plain in-process run each (no daemon, no Celery) into the
    environment's warehouse: the reference outcome. Returns the wall time in seconds."""
    script = (
        "import sys, dagster as dg\n"
        "from property_pipeline.definitions import PARTITION_ASSETS, build_resources\n"
        "from property_pipeline.settings import Settings\n"
        "resources = build_resources(Settings.from_env())\n"
        "for key in sys.argv[1:]:\n"
        "    result = dg.materialize(PARTITION_ASSETS, partition_key=key, resources=resources, raise_on_error=False)\n"
        "    assert result.success, key\n"
    )
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", script, *keys], check=False, cwd=REPO, env={**env, "PROPERTY_PIPELINE_EXECUTOR": "in_process"},
        capture_output=True, text=True, timeout=timeout_s,
    )  # fmt: skip
    assert result.returncode == 0, f"in-process reference run failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return time.monotonic() - started
