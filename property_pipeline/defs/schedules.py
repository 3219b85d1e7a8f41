"""The day-close schedule: rerun yesterday's partitions for every source whose folder has settled."""

import datetime as dt
import time
from pathlib import Path

import dagster as dg

from ..ops.landing_watch import observe_folder
from ..settings import OpsSettings
from ..sources import source_names
from .partitions import partition_key, partition_range
from .resources import LandingZone
from .sensors import LANDING_SENSOR, partition_tags

CLOSE_DAY_SCHEDULE = "close_day_schedule"


def build_close_day_schedule(job, settings: OpsSettings | None = None) -> dg.ScheduleDefinition:
    settings = settings or OpsSettings.from_env()

    @dg.schedule(
        name=CLOSE_DAY_SCHEDULE,
        cron_schedule=settings.schedule_cron,
        job=job,
        execution_timezone=settings.schedule_timezone,
        default_status=dg.DefaultScheduleStatus.RUNNING,
        description=(
            "Shortly after midnight (collectors' timezone), reruns the previous day's partition of every "
            "source that has a landing folder, catching whatever the landing sensor missed. A folder with a "
            "file modified within PROPERTY_PIPELINE_SETTLE_S is left to the landing sensor, which runs it "
            "once it has settled. The quality summary follows by declarative automation."
        ),
    )
    def close_day_schedule(context: dg.ScheduleEvaluationContext, landing: LandingZone):
        # scheduled_execution_time is in the schedule's timezone, so "yesterday" is the
        # collectors' calendar day, not UTC's.
        day = context.scheduled_execution_time.date() - dt.timedelta(days=1)
        first, last = partition_range()
        if not first <= day <= last:
            return dg.SkipReason(f"{day} is outside the partitions {first} .. {last}")
        requests, skipped = [], []
        for source in source_names():
            folder = Path(landing.path) / source / day.isoformat()
            state = observe_folder(folder, source, day) if folder.is_dir() else None
            if state is None or not state.files:
                skipped.append(f"{source}: no files for {day}")
            elif (time.time_ns() - state.newest_mtime_ns) / 1e9 < settings.settle_s:
                skipped.append(f"{source}: a file changed less than {settings.settle_s:g}s ago; left to {LANDING_SENSOR}")
            else:
                requests.append(
                    dg.RunRequest(
                        run_key=f"close-day:{source}/{day.isoformat()}",
                        partition_key=partition_key(source, day),
                        tags=partition_tags(state),
                    )
                )
        for line in skipped:
            context.log.info(line)
        return requests or dg.SkipReason("; ".join(skipped))

    return close_day_schedule
