"""The day-close schedule: rerun yesterday's partitions for every source, then refresh the summary."""

import datetime as dt

import dagster as dg

from ..contract import SOURCES
from ..settings import OpsSettings
from .partitions import partition_key

CLOSE_DAY_SCHEDULE = "close_day_schedule"


def build_close_day_schedule(
    job, settings: OpsSettings | None = None
) -> dg.ScheduleDefinition:
    settings = settings or OpsSettings.from_env()

    @dg.schedule(
        name=CLOSE_DAY_SCHEDULE,
        cron_schedule=settings.schedule_cron,
        job=job,
        execution_timezone=settings.schedule_timezone,
        default_status=dg.DefaultScheduleStatus.RUNNING,
    )
    def close_day_schedule(context: dg.ScheduleEvaluationContext):
        """Shortly after midnight, materializes the previous day's partition of every source,
        catching whatever the landing sensor missed (a partition is replaced idempotently, so
        a day the sensor already ran costs one cheap rerun). The quality summary follows when
        these runs have succeeded (see `quality_summary_after_day_close`).
        """
        # scheduled_execution_time is in the schedule's timezone, so "yesterday" is the
        # collectors' calendar day, not UTC's.
        day = context.scheduled_execution_time.date() - dt.timedelta(days=1)
        return [
            dg.RunRequest(
                run_key=f"close-day:{source}/{day.isoformat()}",
                partition_key=partition_key(source, day),
            )
            for source in SOURCES
        ]

    return close_day_schedule


def build_summary_after_day_close_sensor(
    monitored_job,
    summary_job,
) -> dg.SensorDefinition:
    # The summary reads every partition's report, so it must start after the day-close runs
    # finish, not beside them; a schedule alone cannot order runs, a run-status sensor can.
    @dg.run_status_sensor(
        name="quality_summary_after_day_close",
        run_status=dg.DagsterRunStatus.SUCCESS,
        monitored_jobs=[monitored_job],
        request_job=summary_job,
        default_status=dg.DefaultSensorStatus.RUNNING,
    )
    def quality_summary_after_day_close(context: dg.RunStatusSensorContext):
        """Refreshes `property_quality_summary` once all of a day-close tick's runs have succeeded."""
        run = context.dagster_run
        if run.tags.get("dagster/schedule_name") != CLOSE_DAY_SCHEDULE:
            return dg.SkipReason("not a day-close run")
        day = run.tags.get("dagster/partition/date")
        siblings = context.instance.get_runs(
            filters=dg.RunsFilter(
                job_name=run.job_name,
                tags={"dagster/schedule_name": CLOSE_DAY_SCHEDULE, "dagster/partition/date": day},
            )
        )
        unfinished = [r.run_id for r in siblings if r.status != dg.DagsterRunStatus.SUCCESS]
        if unfinished:
            return dg.SkipReason(f"day-close runs for {day} not all succeeded yet: {unfinished}")
        # One key per day: whichever sibling finishes last triggers it, and only once.
        return dg.RunRequest(run_key=f"summary-after-close:{day}")

    return quality_summary_after_day_close
