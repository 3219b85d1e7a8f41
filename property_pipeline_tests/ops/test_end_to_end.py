"""The real processes: the daemon's landing sensor starts the runs, the runs use the LLM over
HTTP, records land in the warehouse and runs/events in the PostgreSQL instance database."""

from __future__ import annotations

import sqlalchemy as sa

from property_pipeline.landing import iter_partitions, scan_partition
from property_pipeline.storage import warehouse

from ..test_pipeline import OUTCOMES
from .conftest import DAY, SOURCES


def test_sensor_runs_the_dropped_files_through_the_real_daemon(stack, sensor_runs):
    for source, run in sensor_runs.items():
        assert run["jobName"] == "property_pipeline_job"
        assert run["tags"]["dagster/partition"] == f"{DAY}|{source}"
        assert run["tags"]["dagster/run_key"].startswith(f"{source}/{DAY}:")

    expected = {f.path for s, d in iter_partitions(stack.landing) for f in scan_partition(stack.landing, s, d)}
    seen = []
    for table in OUTCOMES:
        seen += list(warehouse.read_table(stack.warehouse_url, table)["source_file"])
    assert sorted(seen) == sorted(expected), "every landing file ends in exactly one outcome table"
    validated = warehouse.read_table(stack.warehouse_url, "validated_properties")
    assert len(validated) > 0
    # Records the rules read completely need no LLM call; the others went over HTTP to the
    # loopback server, from the run workers the daemon launched.
    assert stack.ollama.chat_count > 0, "runs must have used the (loopback) Ollama server"

    engine = sa.create_engine(stack.instance_url)
    try:
        with engine.connect() as conn:
            runs = conn.execute(sa.text("select count(*) from runs")).scalar_one()
            events = conn.execute(sa.text("select count(*) from event_logs")).scalar_one()
            ticks = conn.execute(sa.text("select count(*) from job_ticks")).scalar_one()
    finally:
        engine.dispose()
    assert runs >= len(SOURCES)
    assert events > 50
    assert ticks > 0, "sensor ticks are stored in the instance database"
    assert stack.alerts.bodies == [], "a successful day must not alert"


def test_no_further_runs_for_unchanged_files(stack, sensor_runs):
    import time

    time.sleep(12)  # two more sensor ticks at the 5 s test interval
    runs = stack.graphql("{ runsOrError { ... on Runs { results { runId tags { key value } } } } }")["runsOrError"]["results"]
    from_sensor = [r for r in runs if {"key": "dagster/sensor_name", "value": "landing_zone_sensor"} in r["tags"]]
    assert len(from_sensor) == len(SOURCES)
