"""Sensors: start a partition's run when its landing folder has new or late files that have settled."""

import hashlib
import time

import dagster as dg

from ..ops.landing_watch import (
    CANCELED,
    DATA_FAILED,
    FAILED,
    RUNNING,
    SUCCEEDED,
    FolderState,
    WatchCursor,
    plan,
    resolve_runs,
    survey,
)
from ..settings import OpsSettings
from .partitions import partition_key, partition_range
from .resources import LandingZone

LANDING_SENSOR = "landing_zone_sensor"
FINGERPRINT_TAG = "property_pipeline/fingerprint"
"""The landing folder's fingerprint (names, sizes, mtimes) a run processed: the sensor, the
schedule and `property-pipeline run` all set it, so none of them repeats another's work."""


def partition_tags(folder: FolderState) -> dict[str, str]:
    return {FINGERPRINT_TAG: folder.fingerprint, "property_pipeline/files": str(folder.files)}


def already_processed(instance: dg.DagsterInstance, job_name: str, folder: FolderState) -> bool:
    """True when a run of the job succeeded on exactly these files (same partition, same
    fingerprint), whoever launched it: after `make demo`, the UI's sensor does not redo the demo."""
    runs = instance.get_run_records(
        filters=dg.RunsFilter(
            job_name=job_name,
            statuses=[dg.DagsterRunStatus.SUCCESS],
            tags={"dagster/partition": partition_key(folder.source, folder.day), FINGERPRINT_TAG: folder.fingerprint},
        ),
        limit=1,
    )
    return bool(runs)


def failed_blocking_checks(instance: dg.DagsterInstance, run_id: str) -> list[str]:
    """Names of the blocking checks that failed with ERROR in a run (data problems)."""
    records = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION).records
    failed = []
    for record in records:
        evaluation = record.event_log_entry.dagster_event.asset_check_evaluation_data
        if not evaluation.passed and evaluation.blocking and evaluation.severity == dg.AssetCheckSeverity.ERROR:
            failed.append(evaluation.check_name)
    return failed


def run_outcome(instance: dg.DagsterInstance, sensor_name: str, key: str) -> str:
    """How the run requested with run key `key` ended, as `resolve_runs` takes it."""
    records = instance.get_run_records(
        filters=dg.RunsFilter(tags={"dagster/sensor_name": sensor_name, "dagster/run_key": key}), limit=1
    )
    if not records:
        return RUNNING  # not launched yet (the daemon submits after the tick)
    run = records[0].dagster_run
    if run.status == dg.DagsterRunStatus.SUCCESS:
        return SUCCEEDED
    if run.status == dg.DagsterRunStatus.CANCELED:
        return CANCELED
    if run.status != dg.DagsterRunStatus.FAILURE:
        return RUNNING
    return DATA_FAILED if failed_blocking_checks(instance, run.run_id) else FAILED


def _log_anomalies(context: dg.SensorEvaluationContext, anomalies, cursor: WatchCursor) -> WatchCursor:
    """Logs the folders the pipeline will not process whenever that list changes (not every tick)."""
    digest = hashlib.sha256("\n".join(map(str, anomalies)).encode()).hexdigest()[:16] if anomalies else ""
    if digest != cursor.reported:
        for anomaly in anomalies:
            context.log.warning(f"not processed: {anomaly}")
        cursor.reported = digest
    return cursor


def build_landing_zone_sensor(job, settings: OpsSettings | None = None) -> dg.SensorDefinition:
    settings = settings or OpsSettings.from_env()

    @dg.sensor(
        name=LANDING_SENSOR,
        job=job,
        minimum_interval_seconds=settings.sensor_interval_s,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description=(
            "One run of property_pipeline_job per (source, day) landing folder with new, late, changed or "
            f"removed files, once no file changed for PROPERTY_PIPELINE_SETTLE_S ({settings.settle_s:g} s). "
            "Retries a folder whose run failed (up to 3 runs), skips folders another run already processed, "
            "and logs folders it will not process (unknown source, misnamed or out-of-range day, nested folder)."
        ),
    )
    def landing_zone_sensor(context: dg.SensorEvaluationContext, landing: LandingZone):
        cursor = WatchCursor.from_json(context.cursor)
        instance = context.instance
        outcomes = {key: run_outcome(instance, LANDING_SENSOR, run) for key, run in cursor.inflight.items()}
        cursor, notes = resolve_runs(cursor, outcomes)
        for note in notes:
            context.log.info(note)
        found = survey(landing.path, day_range=partition_range())
        cursor = _log_anomalies(context, found.anomalies, cursor)
        decided = plan(
            found.folders,
            cursor,
            now_ns=time.time_ns(),
            settle_s=settings.settle_s,
            already_done=lambda folder: already_processed(instance, job.name, folder),
        )
        for waiting in decided.waiting:
            context.log.info(f"waiting for {waiting.folder.key}: {waiting.reason}")
        requests = [
            dg.RunRequest(
                run_key=decided.run_keys[folder.key],
                partition_key=partition_key(folder.source, folder.day),
                tags=partition_tags(folder),
            )
            for folder in decided.ready
        ]
        new_cursor = decided.cursor.to_json()
        if requests:
            return dg.SensorResult(run_requests=requests, cursor=new_cursor)
        parts = [
            f"{len(decided.waiting)} folder(s) still settling" if decided.waiting else f"no new files in {len(found.folders)} folder(s)"
        ]
        if found.anomalies:
            parts.append(f"{len(found.anomalies)} folder(s) not processed (see the tick's log)")
        return dg.SensorResult(skip_reason=dg.SkipReason("; ".join(parts)), cursor=new_cursor)

    return landing_zone_sensor
