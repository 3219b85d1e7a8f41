"""A run launcher whose run workers start warm: forked from a process that imported the code once.

Dagster's `DefaultRunLauncher` asks the code server to start each run, and the code server
*spawns* a fresh interpreter per run (hard-coded in Dagster 1.13): about 3.5 CPU-seconds of
imports (Dagster, pandas, pandera, SQLAlchemy) before a one-file partition's second of work.
Four partitions landing together meant four such start-ups on a 2-core machine, 3.2x the time
of a lone run (`benchmarks/sensor_to_materialized.py`).

`WarmForkRunLauncher` keeps one warm worker per code location (`ops/warm_worker.py`: the code
location's python, its module imported, no database connection, no thread) and has it fork a
child per run. The child executes the run with Dagster's own `dagster api execute_run` code, the
command container launchers (dagster-docker, dagster-k8s) run: same event log, same run status,
same engine events. What differs from the default launcher:

- the run worker is a child of the warm worker, not of the code server; its pid is on the run
  as the tag `property_pipeline/run_worker_pid`, and "Terminate" in the UI sends it SIGINT (what
  the code server does to its own run workers);
- code changes are picked up at the next launch: the warm worker refuses to fork when a file it
  imported from the working directory changed, and the launcher starts a fresh one;
- a pool's default limit row is written once by the launcher, before the first run that uses
  the pool starts: Dagster 1.13 writes it from the first step that claims the pool, and two
  warm runs claiming a new pool in the same millisecond made one of them fail on PostgreSQL
  (`InFailedSqlTransaction` after the other's insert won; spawned run workers were merely
  slow enough to dodge it);
- anything the warm path cannot take goes to the default launcher, with an engine event on the
  run saying why: a code location served by its own code server (`grpc_server` in the
  workspace: it runs the code it serves, deployed on its own), one loaded from a file, a
  worker that fails to start. A run is never lost to this launcher.

Configure it in the instance's `dagster.yaml` (the repository's and the local instance's do):

    run_launcher:
      module: property_pipeline.ops.warm_launcher
      class: WarmForkRunLauncher

Private Dagster API, on purpose and only here and in the worker (like `defs/launch.py`):
`dagster._grpc.types.ExecuteRunArgs`, the payload of `dagster api execute_run`, and that
command itself (`dagster._cli.api.execute_run_command`, run in the forked child). The launcher
subclasses the public `DefaultRunLauncher`, which it falls back to.
`test_warm_launcher.py` runs the real daemon on it, so a Dagster upgrade that moves them fails
there, not in production.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import threading
from typing import Any

from dagster import DefaultRunLauncher

PID_TAG = "property_pipeline/run_worker_pid"
WARM_TAG = "property_pipeline/run_worker"
READY_TIMEOUT_S = 180.0  # importing the code location on a busy machine
ANSWER_TIMEOUT_S = 60.0


class WarmWorkerError(RuntimeError):
    """The warm worker could not start or did not answer."""


class WarmWorker:
    """One warm worker process (`python -m property_pipeline.ops.warm_worker`) and its pipes."""

    def __init__(self, executable: str, module: str, working_directory: str):
        self.key = (executable, module, working_directory)
        self.process = subprocess.Popen(
            [executable, "-m", "property_pipeline.ops.warm_worker", module, working_directory],
            cwd=working_directory or None,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None,  # the worker's and its runs' logs go where this process's go
            text=True,
            bufsize=1,
        )
        ready = self._answer(READY_TIMEOUT_S)
        if not ready.get("ready"):
            raise WarmWorkerError(f"warm worker for {module} answered {ready!r} instead of ready")

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def _answer(self, timeout_s: float) -> dict[str, Any]:
        stdout = self.process.stdout
        assert stdout is not None
        readable, _, _ = select.select([stdout], [], [], timeout_s)
        line = stdout.readline() if readable else ""
        if not line:
            self.stop()
            raise WarmWorkerError(
                f"warm worker for {self.key[1]} exited or did not answer within {timeout_s:.0f} s "
                f"(exit code {self.process.poll()}; its traceback is in this process's log)"
            )
        return json.loads(line)

    def fork_run(self, run_id: str, execute_run_args: str) -> dict[str, Any]:
        """Ask for a child executing the run; the answer holds its `pid`, or `stale: true`."""
        stdin = self.process.stdin
        assert stdin is not None
        try:
            stdin.write(json.dumps({"run_id": run_id, "execute_run_args": execute_run_args}) + "\n")
            stdin.flush()
        except (BrokenPipeError, OSError) as error:
            self.stop()
            raise WarmWorkerError(f"warm worker for {self.key[1]} is gone: {error}") from error
        answer = self._answer(ANSWER_TIMEOUT_S)
        if answer.get("run_id") != run_id:
            self.stop()
            raise WarmWorkerError(f"warm worker answered for run {answer.get('run_id')!r}, not {run_id!r}")
        return answer

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                if self.process.stdin:
                    self.process.stdin.close()
                self.process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()


def _warm_target(run) -> tuple[str, str, str] | None:
    """(python, module, working directory) of a run the warm path can take, else None.

    Only code locations this process's workspace loads itself from a Python module on this
    machine (workspace.yaml `python_module`/`python_package`: `dagster dev`, a one-host
    deployment). A location served by its own code server (`grpc_server`: its own container,
    deployed on its own) keeps launching through that server, which runs the code it serves."""
    remote = run.remote_job_origin
    location_origin = remote.repository_origin.code_location_origin if remote is not None else None
    if getattr(location_origin, "loadable_target_origin", None) is None:
        return None
    origin = run.job_code_origin
    if origin is None:
        return None
    pointer = origin.repository_origin.code_pointer
    module = getattr(pointer, "module", None)
    executable = origin.repository_origin.executable_path
    if not module or not executable or not os.path.exists(executable):
        return None
    return executable, module, getattr(pointer, "working_directory", None) or os.getcwd()


class WarmForkRunLauncher(DefaultRunLauncher):
    """Launches each run in a child forked from a warm worker of its code location (see module doc)."""

    def __init__(self, inst_data=None):
        super().__init__(inst_data=inst_data)
        self._lock = threading.Lock()
        self._workers: dict[tuple[str, str, str], WarmWorker] = {}
        self._pools_ready: set[str] = set()

    @classmethod
    def from_config_value(cls, inst_data, config_value):
        return cls(inst_data=inst_data)

    def _worker(self, key: tuple[str, str, str]) -> WarmWorker:
        worker = self._workers.get(key)
        if worker is None or not worker.alive:
            worker = self._workers[key] = WarmWorker(*key)
        return worker

    def _fork(self, key: tuple[str, str, str], run_id: str, execute_run_args: str) -> dict[str, Any]:
        with self._lock:  # the run queue launches from several threads
            answer = self._worker(key).fork_run(run_id, execute_run_args)
            if answer.get("stale"):  # code changed since the worker imported it: start afresh
                self._workers.pop(key).stop()
                answer = self._worker(key).fork_run(run_id, execute_run_args)
            return answer

    def _initialize_pools(self, run) -> None:
        """Write the default limit of the run's pools that have none yet (see module doc),
        before any of its steps can claim them; a limit set by the user is never touched."""
        snapshot = self._instance.get_execution_plan_snapshot(run.execution_plan_snapshot_id)
        pools = {step.pool for step in snapshot.steps if getattr(step, "pool", None)} - self._pools_ready
        if not pools:
            return
        storage = self._instance.event_log_storage
        known = {limit.name for limit in storage.get_pool_limits()}
        for pool in sorted(pools):
            if pool not in known:
                storage.initialize_concurrency_limit_to_default(pool)
            self._pools_ready.add(pool)

    def launch_run(self, context) -> None:
        from dagster import serialize_value
        from dagster._grpc.types import ExecuteRunArgs

        run = context.dagster_run
        key = _warm_target(run)
        reason = "the code location is not one this workspace loads from a Python module itself"
        if key is not None:
            args = ExecuteRunArgs(job_origin=run.job_code_origin, run_id=run.run_id, instance_ref=self._instance.get_ref())
            try:
                with self._lock:
                    try:
                        self._initialize_pools(run)
                    except Exception as error:  # noqa: BLE001 - the run can still go; Dagster initializes on claim
                        self._instance.report_engine_event(
                            f"Could not initialize the run's pool limits ahead: {error}", run, cls=self.__class__
                        )
                answer = self._fork(key, run.run_id, serialize_value(args))
            except (WarmWorkerError, OSError, ValueError) as error:
                reason = f"the warm worker failed: {error}"
            else:
                if "pid" in answer:
                    self._instance.add_run_tags(run.run_id, {PID_TAG: str(answer["pid"]), WARM_TAG: "forked"})
                    self._instance.report_engine_event(
                        f"Run worker forked from the warm worker of {key[1]} (pid {answer['pid']}).",
                        run,
                        cls=self.__class__,
                    )
                    self._run_ids.add(run.run_id)
                    return
                reason = f"the warm worker answered {answer!r}"
        self._instance.report_engine_event(
            f"Launching through the code server instead of a warm worker: {reason}.", run, cls=self.__class__
        )
        super().launch_run(context)

    def terminate(self, run_id: str) -> bool:
        run = self._instance.get_run_by_id(run_id) if self.has_instance else None
        if run is None or PID_TAG not in run.tags:
            return super().terminate(run_id)
        if run.is_finished:
            return False
        self._instance.report_run_canceling(run)
        try:
            os.kill(int(run.tags[PID_TAG]), signal.SIGINT)
        except (ProcessLookupError, ValueError) as error:
            self._instance.report_engine_event(
                f"Could not interrupt run worker pid {run.tags[PID_TAG]}: {error}", run, cls=self.__class__
            )
            return False
        return True

    def dispose(self) -> None:
        with self._lock:
            for worker in self._workers.values():
                worker.stop()
            self._workers.clear()
        super().dispose()
