"""The day-close schedule and the summary that follows it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import dagster as dg

from property_pipeline.definitions import defs, property_job, summary_job
from property_pipeline.defs.schedules import (
    CLOSE_DAY_SCHEDULE,
    build_close_day_schedule,
    build_summary_after_day_close_sensor,
)
from property_pipeline.settings import OpsSettings

PHOENIX = ZoneInfo("America/Phoenix")


def partitions_of(requests) -> list[tuple[str, str]]:
    return sorted((r.partition_key.keys_by_dimension["source"], r.partition_key.keys_by_dimension["date"]) for r in requests)


def test_registered_schedule_runs_at_0030_phoenix_time_by_default():
    schedule = defs.get_repository_def().get_schedule_def(CLOSE_DAY_SCHEDULE)
    assert schedule.cron_schedule == "30 0 * * *"
    assert schedule.execution_timezone == "America/Phoenix"
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    assert schedule.job_name == "property_pipeline_job"


def test_tick_requests_yesterdays_partition_for_every_source():
    schedule = build_close_day_schedule(property_job, OpsSettings())
    tick = dt.datetime(2026, 11, 21, 0, 30, tzinfo=PHOENIX)
    requests = schedule(dg.build_schedule_context(scheduled_execution_time=tick))
    assert partitions_of(requests) == [("maricopa_county", "2026-11-20"), ("phoenix_mls", "2026-11-20")]
    assert len({r.run_key for r in requests}) == 2


def test_yesterday_is_the_schedules_timezone_day_not_utcs():
    # 00:30 on 1 March in Phoenix is already 07:30 in UTC: still 28 February's partitions.
    schedule = build_close_day_schedule(property_job, OpsSettings(schedule_timezone="America/Phoenix"))
    tick = dt.datetime(2026, 3, 1, 0, 30, tzinfo=PHOENIX)
    requests = schedule(dg.build_schedule_context(scheduled_execution_time=tick))
    assert {d for _, d in partitions_of(requests)} == {"2026-02-28"}


def test_summary_follows_once_every_day_close_run_succeeded(sample_landing, tmp_path):
    from property_pipeline.definitions import PARTITION_ASSETS, build_resources
    from property_pipeline.defs.partitions import partition_key
    from property_pipeline.settings import Settings

    settings = Settings(landing_root=sample_landing, warehouse_url=f"sqlite:///{tmp_path / 'wh.db'}")
    sensor = build_summary_after_day_close_sensor(property_job, summary_job)
    instance = dg.DagsterInstance.ephemeral()
    day = dt.date(2026, 11, 20)

    def close_day_run(source):
        return dg.materialize(
            PARTITION_ASSETS,
            partition_key=partition_key(source, day),
            resources=build_resources(settings),
            instance=instance,
            tags={"dagster/schedule_name": CLOSE_DAY_SCHEDULE},
        )

    def evaluate(result):
        context = dg.build_run_status_sensor_context(
            sensor_name=sensor.name,
            dagster_event=result.get_run_success_event(),
            dagster_instance=instance,
            dagster_run=result.dagster_run,
        )
        return sensor(context)

    first = close_day_run("phoenix_mls")
    second = close_day_run("maricopa_county")
    # Whichever run's success the daemon sees, the request is the same one-per-day run key.
    for result in (first, second):
        request = evaluate(result)
        assert isinstance(request, dg.RunRequest)
        assert request.run_key == "summary-after-close:2026-11-20"

    sensor_run = dg.materialize(
        PARTITION_ASSETS, partition_key=partition_key("phoenix_mls", day), resources=build_resources(settings), instance=instance
    )
    assert isinstance(evaluate(sensor_run), dg.SkipReason)
