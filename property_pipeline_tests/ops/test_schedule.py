"""The day-close schedule and the summary that follows it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import dagster as dg

from property_pipeline.definitions import defs, property_job
from property_pipeline.defs.schedules import CLOSE_DAY_SCHEDULE, build_close_day_schedule
from property_pipeline.settings import OpsSettings

PHOENIX = ZoneInfo("America/Phoenix")


def partitions_of(requests) -> list[tuple[str, str]]:
    return sorted((r.partition_key.keys_by_dimension["source"], r.partition_key.keys_by_dimension["date"]) for r in requests)


def test_registered_schedule_runs_at_0030_phoenix_time_by_default():
    schedule = defs().get_repository_def().get_schedule_def(CLOSE_DAY_SCHEDULE)
    assert schedule.cron_schedule == "30 0 * * *"
    assert schedule.execution_timezone == "America/Phoenix"
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    assert schedule.job_name == "property_pipeline_job"


def landing_with(tmp_path, day: str, age_s: float = 3600, sources=("maricopa_county", "phoenix_mls")):
    import os
    import time

    root = tmp_path / "landing"
    for source in sources:
        path = root / source / day / "f.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<html></html>")
        stamp = time.time() - age_s
        os.utime(path, (stamp, stamp))
    return root


def tick(root, when, settings=None):
    from property_pipeline.defs.resources import LandingZone

    schedule = build_close_day_schedule(property_job, settings or OpsSettings())
    context = dg.build_schedule_context(
        scheduled_execution_time=when, resources={"landing": LandingZone(root=str(root))}, repository_def=defs().get_repository_def()
    )
    return schedule.evaluate_tick(context)


def test_tick_requests_yesterdays_partition_for_every_source_with_files(tmp_path):
    root = landing_with(tmp_path, "2026-11-20")
    requests = tick(root, dt.datetime(2026, 11, 21, 0, 30, tzinfo=PHOENIX)).run_requests
    assert partitions_of(requests) == [("maricopa_county", "2026-11-20"), ("phoenix_mls", "2026-11-20")]
    assert len({r.run_key for r in requests}) == 2
    assert all(r.tags["property_pipeline/fingerprint"] for r in requests)


def test_yesterday_is_the_schedules_timezone_day_not_utcs(tmp_path):
    # 23:30 on 21 November in Phoenix is already 22 November in UTC: still 20 November's partitions.
    landing_with(tmp_path, "2026-11-20")
    root = landing_with(tmp_path, "2026-11-21")
    requests = tick(root, dt.datetime(2026, 11, 21, 23, 30, tzinfo=PHOENIX), OpsSettings(schedule_timezone="America/Phoenix")).run_requests
    assert {d for _, d in partitions_of(requests)} == {"2026-11-20"}


def test_a_folder_still_being_written_is_left_to_the_sensor_and_a_missing_one_skipped(tmp_path):
    root = landing_with(tmp_path, "2026-11-20", age_s=0, sources=("phoenix_mls",))
    result = tick(root, dt.datetime(2026, 11, 21, 0, 30, tzinfo=PHOENIX))
    assert not result.run_requests
    assert "phoenix_mls: a file changed less than 60s ago; left to landing_zone_sensor" in result.skip_message
    assert "maricopa_county: no files for 2026-11-20" in result.skip_message


def test_summary_is_kept_fresh_by_declarative_automation():
    """No hand-built run-status chain: the summary's automation condition requests it after any
    partition's report is written, and a sensor evaluates that condition by default."""
    repo = defs().get_repository_def()
    summary = repo.asset_graph.get(dg.AssetKey("property_quality_summary"))
    assert summary.automation_condition is not None
    assert "any_deps_updated" in str(summary.automation_condition).lower() or summary.automation_condition.get_label()
    sensor = repo.get_sensor_def("summary_automation_sensor")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert "quality_summary_after_day_close" not in {s.name for s in repo.sensor_defs}
