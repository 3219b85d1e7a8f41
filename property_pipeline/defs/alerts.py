"""Alerting: a failed run (a failed step or blocking check), or a run that succeeded with failed
(non-blocking) checks, is posted to the team's webhook."""

import dagster as dg

from ..ops.alerts import Failure, RunAlert, build_message, post_json
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


@dg.run_status_sensor(
    name="check_failure_alert",
    run_status=dg.DagsterRunStatus.SUCCESS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Posts a Slack-compatible message to PROPERTY_PIPELINE_ALERT_WEBHOOK when a run succeeded "
    "but some of its (non-blocking) checks failed, e.g. dead_letter_rate at WARN: the partition and each "
    "failed check with its finding. Nothing is sent when the variable is unset or every check passed.",
)
def check_failure_alert(context: dg.RunStatusSensorContext):
    settings = OpsSettings.from_env()
    run = context.dagster_run
    failures = failed_checks(context.instance, run.run_id)
    if not failures or not settings.alert_webhook:
        return dg.SkipReason("no failed checks" if not failures else "PROPERTY_PIPELINE_ALERT_WEBHOOK is unset")
    alert = RunAlert(
        run_id=run.run_id,
        job_name=run.job_name,
        partition=run.tags.get("dagster/partition"),
        failures=failures,
        summary="run succeeded with failed checks",
    )
    if not post_json(settings.alert_webhook, build_message(alert, settings.ui_url, succeeded=True), settings.alert_timeout_s):
        context.log.warning(f"alert for run {alert.run_id} could not be delivered (see the daemon log)")
