"""Alerting: a failed run (a failed step or blocking check), or a run that succeeded with failed
(non-blocking) checks, is posted to the team's webhook."""

import dagster as dg

from ..ops.alerts import Failure, RunAlert, build_message, build_recovery_message, check_changes, post_json
from ..settings import OpsSettings


def error_chain(error) -> str:
    """The error and its causes: Dagster wraps the real reason ("connection refused") in
    a generic one ("error occurred while handling output"), and the alert needs the reason."""
    messages = []
    while error is not None and len(messages) < 5:
        messages.append(error.message.strip())
        error = error.cause or error.context
    return "\n".join(messages)


def failed_checks(instance: dg.DagsterInstance, run_id: str) -> list[Failure]:
    """Every check that failed in a run, WARN or ERROR, blocking or not, with what it found."""
    failures = []
    evaluations = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION).records
    for record in evaluations:
        evaluation = record.event_log_entry.dagster_event.asset_check_evaluation_data
        if evaluation.passed:
            continue
        asset = evaluation.asset_key.to_user_string()
        detail = evaluation.description or ", ".join(
            f"{k}={getattr(v, 'value', v)}" for k, v in list(evaluation.metadata.items())[:6]
        )
        kind = "blocking" if evaluation.blocking else "non-blocking"
        failures.append(Failure("check", f"{asset}:{evaluation.check_name}", f"{evaluation.severity.value} ({kind}): {detail}"))
    return failures


def failures_of_run(context: dg.RunFailureSensorContext) -> list[Failure]:
    """Failed checks (by name, with their finding) and failed steps (with the error)."""
    failures = failed_checks(context.instance, context.dagster_run.run_id)
    for event in context.get_step_failure_events():
        error = event.step_failure_data.error
        failures.append(Failure("step", event.step_key or "?", error_chain(error) if error else event.message or ""))
    return failures


def run_alert(context: dg.RunFailureSensorContext) -> RunAlert:
    run = context.dagster_run
    return RunAlert(
        run_id=run.run_id,
        job_name=run.job_name,
        partition=run.tags.get("dagster/partition"),
        failures=failures_of_run(context),
        summary=context.failure_event.message or "",
    )


@dg.run_failure_sensor(
    name="run_failure_alert",
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Posts a Slack-compatible message to PROPERTY_PIPELINE_ALERT_WEBHOOK for every failed run: "
    "run id, partition, every failed check (blocking or not) and failed step, and a link to the run. "
    "A failed blocking check fails its step, so this covers both. Nothing is sent when the variable is unset.",
)
def run_failure_alert(context: dg.RunFailureSensorContext):
    settings = OpsSettings.from_env()
    if not settings.alert_webhook:
        context.log.info("PROPERTY_PIPELINE_ALERT_WEBHOOK is unset; no alert sent")
        return
    alert = run_alert(context)
    if post_json(settings.alert_webhook, build_message(alert, settings.ui_url), settings.alert_timeout_s):
        context.log.info(f"alert sent for run {alert.run_id}")
    else:
        context.log.warning(f"alert for run {alert.run_id} could not be delivered (see the daemon log)")


RUN_OUTCOME = "run"
"""Pseudo check name for the run itself: a failed run followed by a good one is a recovery too."""


def check_outcomes(instance: dg.DagsterInstance, run_id: str) -> dict[str, bool]:
    """Check name (`asset:check`) -> passed, for every check a run evaluated."""
    outcomes = {}
    for record in instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION).records:
        evaluation = record.event_log_entry.dagster_event.asset_check_evaluation_data
        outcomes[f"{evaluation.asset_key.to_user_string()}:{evaluation.check_name}"] = evaluation.passed
    return outcomes


def previous_outcomes(instance: dg.DagsterInstance, run: dg.DagsterRun) -> dict[str, bool] | None:
    """The check outcomes (and the run's own, as `run`) of the same job's previous finished run
    of the same partition; None when there was none."""
    partition = run.tags.get("dagster/partition")
    if partition is None:
        return None
    records = instance.get_run_records(
        filters=dg.RunsFilter(
            job_name=run.job_name,
            tags={"dagster/partition": partition},
            statuses=[dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE],
        ),
        limit=10,
    )
    current = next((r for r in records if r.dagster_run.run_id == run.run_id), None)
    for record in records:
        if record.dagster_run.run_id == run.run_id or (current and record.create_timestamp >= current.create_timestamp):
            continue
        outcomes = check_outcomes(instance, record.dagster_run.run_id)
        outcomes[RUN_OUTCOME] = record.dagster_run.status == dg.DagsterRunStatus.SUCCESS
        return outcomes
    return None


@dg.run_status_sensor(
    name="check_failure_alert",
    run_status=dg.DagsterRunStatus.SUCCESS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Posts a Slack-compatible message to PROPERTY_PIPELINE_ALERT_WEBHOOK when a run succeeded "
    "but some of its (non-blocking) checks failed, e.g. dead_letter_rate at WARN: the partition and each "
    "newly failed check with its finding, once per partition and check (a check still failing on the next "
    "run is not repeated); and a recovery message when checks (or the run) that failed on the partition's "
    "previous run pass again. Nothing is sent when the variable is unset.",
)
def check_failure_alert(context: dg.RunStatusSensorContext):
    settings = OpsSettings.from_env()
    run = context.dagster_run
    current = check_outcomes(context.instance, run.run_id)
    current[RUN_OUTCOME] = True
    newly_failed, recovered = check_changes(previous_outcomes(context.instance, run), current)
    failures = [f for f in failed_checks(context.instance, run.run_id) if f.name in newly_failed]
    if not settings.alert_webhook or not (failures or recovered):
        # Logged, not a SkipReason: a tick that handles several finished runs fails as a whole in
        # Dagster when one run's answer is a SkipReason and another's a reaction (two partitions
        # finishing together, one with a new failed check).
        context.log.info(f"run {run.run_id}: " + ("PROPERTY_PIPELINE_ALERT_WEBHOOK is unset" if not settings.alert_webhook else "nothing new to report"))
        return None
    alert = RunAlert(
        run_id=run.run_id,
        job_name=run.job_name,
        partition=run.tags.get("dagster/partition"),
        failures=failures,
        summary="run succeeded with failed checks",
    )
    messages = [build_message(alert, settings.ui_url, succeeded=True)] if failures else []
    if recovered:
        messages.append(build_recovery_message(alert, recovered, settings.ui_url))
    for message in messages:
        if not post_json(settings.alert_webhook, message, settings.alert_timeout_s):
            context.log.warning(f"alert for run {alert.run_id} could not be delivered (see the daemon log)")
