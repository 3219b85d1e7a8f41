"""Sensors: start a partition's run when its landing folder has new or late files that have settled."""

import datetime as dt
import time

import dagster as dg

from ..ops.landing_watch import WatchCursor, observe, plan, run_key
from ..settings import OpsSettings
from .partitions import PARTITION_START, partition_key
from .resources import LandingZone


def _in_partition_range(day: dt.date) -> bool:
    # Keys outside the partitions definition would make the run request fail the whole tick.
    return dt.date.fromisoformat(PARTITION_START) <= day <= dt.date.today() + dt.timedelta(days=1)


def build_landing_zone_sensor(
    job, settings: OpsSettings | None = None
) -> dg.SensorDefinition:
    settings = settings or OpsSettings.from_env()

    @dg.sensor(
        name="landing_zone_sensor",
        job=job,
        minimum_interval_seconds=settings.sensor_interval_s,
        default_status=dg.DefaultSensorStatus.RUNNING,
    )
    def landing_zone_sensor(context: dg.SensorEvaluationContext, landing: LandingZone):
        """Requests one run per (source, day) landing folder whose files changed since its
        last run (new files, late files into an older day), once they have settled for
        the configured time (PROPERTY_PIPELINE_SETTLE_S). Temporary names are never looked at.
        """
        cursor = WatchCursor.from_json(context.cursor)
        folders = [f for f in observe(landing.path) if _in_partition_range(f.day)]
        decided = plan(folders, cursor, now_ns=time.time_ns(), settle_s=settings.settle_s)
        for waiting in decided.waiting:
            context.log.info(f"waiting for {waiting.folder.key}: {waiting.reason}")
        requests = [
            dg.RunRequest(
                run_key=run_key(folder),
                partition_key=partition_key(folder.source, folder.day),
                tags={"property_pipeline/files": str(folder.files)},
            )
            for folder in decided.ready
        ]
        new_cursor = decided.cursor.to_json()
        if requests:
            return dg.SensorResult(run_requests=requests, cursor=new_cursor)
        reason = (
            f"{len(decided.waiting)} folder(s) still settling"
            if decided.waiting
            else f"no new files in {len(folders)} folder(s)"
        )
        return dg.SensorResult(skip_reason=dg.SkipReason(reason), cursor=new_cursor)

    return landing_zone_sensor
