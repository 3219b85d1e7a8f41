"""The warm run launcher (`ops/warm_launcher.py`): run workers forked from a process that imported
the code location once.

On the real daemon and webserver (the repository's dagster.yaml names the launcher): the
sensor's runs are forked warm and succeed, a run is terminated from the UI's GraphQL while it
waits on the LLM, and the warm worker itself refuses to fork stale code and stops with its
launcher. Speed is measured by `benchmarks/sensor_to_materialized.py`, not here.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from property_pipeline.ops.warm_launcher import PID_TAG, WarmWorker, WarmWorkerError, _warm_target

from .conftest import DAY

TERMINATE = """
mutation Terminate($runId: String!) {
  terminateRun(runId: $runId) { __typename ... on PythonError { message } }
}
"""
RUN = """
query Run($runId: ID!) {
  runOrError(runId: $runId) { ... on Run { runId status tags { key value } } }
}
"""
EVENTS = """
query Events($runId: ID!) {
  logsForRun(runId: $runId) { ... on EventConnection { events { __typename ... on MessageEvent { message } } } }
}
"""


def _run(stack, run_id: str) -> dict:
    run = stack.graphql(RUN, {"runId": run_id})["runOrError"]
    return {**run, "tags": {t["key"]: t["value"] for t in run["tags"]}}


def _messages(stack, run_id: str) -> list[str]:
    events = stack.graphql(EVENTS, {"runId": run_id})["logsForRun"]["events"]
    return [e.get("message") or "" for e in events]


def test_sensor_runs_are_forked_from_the_warm_worker_and_succeed(stack, sensor_runs):
    good = [run for key, run in sensor_runs.items() if key.startswith(DAY)]
    assert good and all(run["status"] == "SUCCESS" for run in good)
    for run in sensor_runs.values():
        assert PID_TAG in run["tags"], f"run {run['runId']} was not launched warm: {run['tags']}"
        messages = _messages(stack, run["runId"])
        assert any("forked from the warm worker" in m for m in messages), messages
        assert not any("instead of a warm worker" in m for m in messages), messages
        # The run's own process reported it (Dagster's run-worker code ran in the forked child).
        assert any(f"Started process for run (pid: {run['tags'][PID_TAG]})" in m for m in messages), messages


def test_a_warm_run_waiting_on_the_llm_is_terminated_from_the_ui(stack, sensor_runs):
    day = "2026-11-23"
    stack.ollama.latency_s = 600.0  # every extraction request now hangs
    before = stack.ollama.chat_count
    try:
        # Pages no earlier run saw (the LLM answers are cached by prompt): the rules read an
        # address and a sentence, so the LLM is asked, and hangs.
        folder = stack.landing / "phoenix_mls" / day
        folder.mkdir(parents=True)
        for i in range(1, 4):
            address = f"{4000 + i} N Terminate Way, Phoenix, AZ 85016"
            (folder / f"hang_{i}.html").write_text(
                f"<html><head><title>{address}</title></head><body><h1>{address}</h1>"
                f"<p>Sunny corner lot, {i + 2} bedrooms, freshly painted in {time.time_ns()}.</p></body></html>"
            )
        deadline = time.monotonic() + 240
        run_id = None
        while time.monotonic() < deadline and run_id is None:
            stack.check_alive()
            query = "{ runsOrError { ... on Runs { results { runId status tags { key value } } } } }"
            for run in stack.graphql(query)["runsOrError"]["results"]:
                tags = {t["key"]: t["value"] for t in run["tags"]}
                if tags.get("dagster/partition") == f"{day}|phoenix_mls" and stack.ollama.chat_count > before:
                    run_id = run["runId"]
            time.sleep(0.5)
        assert run_id, f"no run reached the LLM within 240 s: {stack.graphql(query)}\n{stack.log_tails()}"
        pid = int(_run(stack, run_id)["tags"][PID_TAG])
        answer = stack.graphql(TERMINATE, {"runId": run_id})["terminateRun"]
        assert answer["__typename"] == "TerminateRunSuccess", answer
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and _run(stack, run_id)["status"] not in ("CANCELED", "FAILURE", "SUCCESS"):
            time.sleep(0.5)
        assert _run(stack, run_id)["status"] == "CANCELED", f"{_run(stack, run_id)}\n{stack.log_tails()}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.5)
        assert not _alive(pid), f"run worker {pid} still running after its run was canceled"
    finally:
        stack.ollama.latency_s = 0.0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by a parent) is not running.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def _probe(tmp_path: Path, body: str = "VALUE = 1\n") -> Path:
    (tmp_path / "warm_probe_module.py").write_text(body)
    return tmp_path / "warm_probe_module.py"


def test_the_warm_worker_refuses_to_fork_code_that_changed_since_it_imported_it(tmp_path):
    module = _probe(tmp_path)
    worker = WarmWorker(sys.executable, "warm_probe_module", str(tmp_path))
    try:
        assert worker.alive
        module.write_text("VALUE = 2\n")
        os.utime(module, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
        answer = worker.fork_run("run-1", "{}")
        assert answer == {"run_id": "run-1", "stale": True, "changed": [str(module.resolve())]}
        worker.process.wait(timeout=30)
        assert not worker.alive, "a stale worker must exit so that the launcher starts a fresh one"
    finally:
        worker.stop()


def test_the_warm_worker_forks_a_child_per_request_and_stops_when_its_launcher_goes(tmp_path):
    _probe(tmp_path)
    worker = WarmWorker(sys.executable, "warm_probe_module", str(tmp_path))
    try:
        # Not valid run arguments: the child reports the failure on stderr and exits; the
        # worker still answers with the child's pid and serves the next request.
        first = worker.fork_run("run-a", "not json")
        second = worker.fork_run("run-b", "not json")
        assert first["run_id"] == "run-a" and second["run_id"] == "run-b"
        assert first["pid"] != second["pid"] and worker.process.pid not in (first["pid"], second["pid"])
        worker.stop()
        assert worker.process.returncode == 0
    finally:
        worker.stop()


def test_a_worker_whose_code_does_not_import_fails_clearly(tmp_path):
    _probe(tmp_path, "raise RuntimeError('broken code location')\n")
    with pytest.raises(WarmWorkerError, match="exited or did not answer"):
        WarmWorker(sys.executable, "warm_probe_module", str(tmp_path))


def test_no_sensor_failed_while_runs_finished_side_by_side(stack, sensor_runs):
    """Warm runs finish close together: a sensor handling several finished runs in one tick must
    not fail (a run status sensor mixing a SkipReason with a reaction failed its whole tick)."""
    log = stack.logs["daemon"].read_text(errors="replace")
    assert "Sensor daemon caught an error" not in log, stack.log_tails(20000)


def _run_from(location_origin, pointer) -> SimpleNamespace:
    repository = SimpleNamespace(executable_path=sys.executable, code_pointer=pointer)
    return SimpleNamespace(
        remote_job_origin=SimpleNamespace(repository_origin=SimpleNamespace(code_location_origin=location_origin)),
        job_code_origin=SimpleNamespace(repository_origin=repository),
    )


def test_only_locations_the_workspace_loads_itself_from_a_module_are_launched_warm(tmp_path):
    module_pointer = SimpleNamespace(module="property_pipeline.definitions", working_directory=str(tmp_path))
    managed = SimpleNamespace(loadable_target_origin=SimpleNamespace(module_name="property_pipeline.definitions"))
    served = SimpleNamespace(host="code-location", port=4000, socket=None)  # workspace.yaml grpc_server
    assert _warm_target(_run_from(managed, module_pointer)) == (sys.executable, "property_pipeline.definitions", str(tmp_path))
    # Its own code server runs the code it serves (deployed on its own): never forked here.
    assert _warm_target(_run_from(served, module_pointer)) is None
    # A location loaded from a file has no module to import ahead.
    assert _warm_target(_run_from(managed, SimpleNamespace(python_file="defs.py", working_directory=str(tmp_path)))) is None


def test_modules_a_run_imported_are_imported_by_the_worker_for_the_next_runs(tmp_path, monkeypatch):
    from property_pipeline.ops.warm_worker import ImportLearner

    (tmp_path / "learned_probe_module.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    learner = ImportLearner()
    try:
        before = set(sys.modules)
        import learned_probe_module  # noqa: F401 - what a run would import
        sys.modules["no_such_module_anywhere"] = sys  # a name that will not import again
        learner.record_child_imports(before)
        del sys.modules["learned_probe_module"], sys.modules["no_such_module_anywhere"]
        assert learner.import_learned() == 1
        assert "learned_probe_module" in sys.modules and "no_such_module_anywhere" not in sys.modules
        assert learner.failed == {"no_such_module_anywhere"}
        assert learner.import_learned() == 0, "the record is consumed once"
    finally:
        sys.modules.pop("learned_probe_module", None)
        learner.close()
    assert not Path(learner.folder).exists()
