"""The real processes: the daemon's landing sensor starts the runs of a good day and a bad day,
the runs use the LLM over HTTP, records land in the warehouse and runs/events in the
PostgreSQL instance database; the bad day's report exists and says why it is held back, its
failed check is alerted; a `property-pipeline run` is a real, re-executable job run that the
sensor does not repeat."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import urllib.error

import sqlalchemy as sa

from property_pipeline.landing import iter_partitions, scan_partition
from property_pipeline.storage import warehouse

from ..conftest import REPO, SAMPLE_LANDING
from ..test_pipeline import OUTCOMES
from .conftest import BAD_DAY, BAD_SOURCE, DAY, SOURCES
from .stack import BIN

BAD = f"{BAD_DAY}|{BAD_SOURCE}"


def good_keys() -> set[str]:
    return {f"{DAY}|{s}" for s in SOURCES}


def sensor_runs_by_partition(stack) -> dict[str, list[dict]]:
    query = "{ runsOrError { ... on Runs { results { runId status tags { key value } } } } }"
    by_partition: dict[str, list[dict]] = {}
    for run in stack.graphql(query)["runsOrError"]["results"]:
        tags = {t["key"]: t["value"] for t in run["tags"]}
        if tags.get("dagster/sensor_name") == "landing_zone_sensor":
            by_partition.setdefault(tags["dagster/partition"], []).append(run)
    return by_partition


def test_good_day_succeeds_and_the_bad_day_is_reported_held_back_and_alerted(stack, sensor_runs):
    for key in good_keys():
        run = sensor_runs[key]
        assert run["jobName"] == "property_pipeline_job"
        assert run["status"] == "SUCCESS"
        source = key.split("|")[1]
        assert run["tags"]["dagster/run_key"].startswith(f"{source}/{DAY}:")
        assert run["tags"]["property_pipeline/fingerprint"]
    assert sensor_runs[BAD]["status"] == "FAILURE", "a failed blocking check fails the run (holds back the summary)"

    expected = {f.path for s, d in iter_partitions(stack.landing) for f in scan_partition(stack.landing, s, d)}
    seen = []
    for table in OUTCOMES:
        seen += list(warehouse.read_table(stack.warehouse_url, table)["source_file"])
    assert sorted(seen) == sorted(expected), "every landing file ends in exactly one outcome table, bad day included"
    assert stack.ollama.chat_count > 0, "runs must have used the (loopback) Ollama server"

    reports = warehouse.read_table(stack.warehouse_url, "property_quality_report")
    by_key = {f"{r.collected_on}|{r.source}": r for r in reports.itertuples()}
    bad = by_key[BAD]
    assert (bad.files, bad.validated, bad.quarantined, bad.dead_letters) == (8, 0, 6, 2)
    # Thin pages (an address, a sentence): their mean confidence is under the 0.75 minimum.
    found = re.match(r"confidence_thresholds: mean confidence (0\.\d{3}) \(minimum 0\.75\)", bad.blocking_failures[0] if bad.blocking_failures else "")
    assert found and float(found.group(1)) < 0.75, bad.blocking_failures
    mean = found.group(1)
    for key in good_keys():
        assert by_key[key].blocking_failures == [] and by_key[key].validated > 0

    # Alerted: the bad partition, its failed checks and why; nothing about the good day.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(BAD in b["text"] for b in stack.alerts.bodies):
        time.sleep(0.25)
    alerts = [b for b in stack.alerts.bodies if BAD in b["text"]]
    assert len(alerts) == 1, stack.alerts.bodies
    detail = str(alerts[0]["blocks"])
    assert "validated_properties:confidence_thresholds" in alerts[0]["text"]
    assert f"ERROR (blocking): mean confidence {mean} (minimum 0.75)" in detail
    assert "property_quality_report:dead_letter_rate" in detail  # the non-blocking WARN, too
    assert not [b for b in stack.alerts.bodies if any(k in b["text"] for k in good_keys())]

    engine = sa.create_engine(stack.instance_url)
    try:
        with engine.connect() as conn:
            ticks = conn.execute(sa.text("select count(*) from job_ticks")).scalar_one()
    finally:
        engine.dispose()
    assert ticks > 0, "sensor ticks are stored in the instance database"


def test_no_further_runs_for_unchanged_files_nor_for_a_day_that_failed_its_checks(stack, sensor_runs):
    time.sleep(12)  # two more sensor ticks at the 5 s test interval
    runs = sensor_runs_by_partition(stack)
    assert {k: len(v) for k, v in runs.items()} == {k: 1 for k in (*good_keys(), BAD)}, (
        "a run that failed at a blocking check is not retried: the same files would fail again"
    )


def test_cli_run_is_a_real_job_run_the_ui_can_reexecute_and_the_sensor_does_not_repeat(stack, sensor_runs, tmp_path):
    day, source = "2026-11-20", "phoenix_mls"
    staging = tmp_path / "landing"
    shutil.copytree(SAMPLE_LANDING / source / day, staging / source / day)  # copy2: mtimes kept
    env = {**stack.env, "PROPERTY_PIPELINE_SETTLE_S": "0"}
    done = subprocess.run(
        [str(BIN / "property-pipeline"), "run", "--landing", str(staging)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr

    query = """
    { runsOrError(filter: {tags: [{key: "property_pipeline/launched_by", value: "cli"}]}) {
        ... on Runs { results { runId jobName status tags { key value } repositoryOrigin { repositoryLocationName } } } } }"""
    runs = [r for r in stack.graphql(query)["runsOrError"]["results"] if r["jobName"] == "property_pipeline_job"]
    assert len(runs) == 1 and runs[0]["status"] == "SUCCESS", runs
    tags = {t["key"]: t["value"] for t in runs[0]["tags"]}
    assert tags["dagster/partition"] == f"{day}|{source}"
    assert tags["dagster/partition/date"] == day
    # The UI finds the job to re-execute by the run's code location.
    assert runs[0]["repositoryOrigin"]["repositoryLocationName"] == "property_pipeline"
    parent = runs[0]["runId"]

    # The same folder (same names, sizes, mtimes) arrives where the daemon watches: no second run.
    shutil.copytree(staging / source / day, stack.landing / source / day)
    time.sleep(12)
    assert f"{day}|{source}" not in sensor_runs_by_partition(stack)

    # Re-execute it as the UI's "Re-execute all" button does.
    mutation = """
    mutation Reexecute($parent: String!) {
      launchPipelineReexecution(reexecutionParams: {parentRunId: $parent, strategy: ALL_STEPS}) {
        __typename
        ... on LaunchRunSuccess { run { runId } }
        ... on PythonError { message }
      }
    }"""
    launched = stack.graphql(mutation, {"parent": parent})["launchPipelineReexecution"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    child = launched["run"]["runId"]
    deadline = time.monotonic() + 180
    status = None
    while time.monotonic() < deadline:
        status = stack.graphql("query R($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }", {"id": child})
        status = status["runOrError"]["status"]
        if status in ("SUCCESS", "FAILURE", "CANCELED"):
            break
        time.sleep(0.5)
    assert status == "SUCCESS", stack.log_tails()


PUBLIC_EXECUTE_JOB = """
import dagster as dg
from property_pipeline.definitions import defs


def pipeline_job():
    return defs().get_job_def("property_pipeline_job")


if __name__ == "__main__":
    key = "2026-11-20|phoenix_mls"
    with dg.DagsterInstance.get() as instance:
        tags = {**pipeline_job().partitions_def.get_tags_for_partition_key(key), "property_pipeline/launched_by": "public"}
        result = dg.execute_job(dg.reconstructable(pipeline_job), instance, tags=tags)
        print(result.run_id)
"""


def test_public_execute_job_runs_cannot_be_reexecuted(stack, tmp_path):
    """Why `defs/launch.py` keeps its private imports: the public `dg.execute_job` records the run
    without the code location's origin, and the UI refuses to re-execute it. If this test ever
    fails because Dagster accepts the re-execution, launch.py can switch to the public call."""
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLE_LANDING / "phoenix_mls" / "2026-11-20", landing / "phoenix_mls" / "2026-11-20")
    env = {**stack.env, "PROPERTY_PIPELINE_LANDING_ROOT": str(landing), "PROPERTY_PIPELINE_LLM": "none"}
    script = tmp_path / "public_execute_job.py"  # reconstructable() needs a file to reload the job from
    script.write_text(PUBLIC_EXECUTE_JOB)
    done = subprocess.run(
        [str(BIN / "python"), str(script)], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    run_id = done.stdout.strip().splitlines()[-1]
    mutation = """
    mutation Reexecute($parent: String!) {
      launchPipelineReexecution(reexecutionParams: {parentRunId: $parent, strategy: ALL_STEPS}) {
        __typename
        ... on PythonError { message }
      }
    }"""
    try:
        launched = stack.graphql(mutation, {"parent": run_id})["launchPipelineReexecution"]
        refused, detail = launched["__typename"] != "LaunchRunSuccess", str(launched)
    except urllib.error.HTTPError as error:  # Dagster 1.13: a failed check.not_none, HTTP 500
        refused, detail = True, error.read().decode(errors="replace")
    assert refused, f"Dagster re-executed a public execute_job run; defs/launch.py can drop its private imports: {detail}"
    origin = stack.graphql(
        "query R($id: ID!) { runOrError(runId: $id) { ... on Run { jobName repositoryOrigin { repositoryLocationName } } } }",
        {"id": run_id},
    )["runOrError"]
    assert origin == {"jobName": "property_pipeline_job", "repositoryOrigin": None}, origin
