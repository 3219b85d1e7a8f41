"""Failed runs are posted to the webhook with what a person needs to act; nothing when unset."""

from __future__ import annotations

import datetime as dt
import socket

import dagster as dg
import pytest

from property_pipeline.definitions import PARTITION_ASSETS, build_resources
from property_pipeline.defs.alerts import run_failure_alert
from property_pipeline.defs.io_manager import WarehouseIOManager
from property_pipeline.defs.partitions import partition_key
from property_pipeline.defs.resources import QualityThresholds, Warehouse
from property_pipeline.ops.alerts import post_json
from property_pipeline.settings import Settings

from .webhook import WebhookReceiver


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


DAY = dt.date(2026, 11, 20)
UI = "http://ui.example:3000"


@pytest.fixture()
def receiver(monkeypatch):
    with WebhookReceiver() as hook:
        monkeypatch.setenv("PROPERTY_PIPELINE_ALERT_WEBHOOK", hook.url)
        monkeypatch.setenv("PROPERTY_PIPELINE_UI_URL", UI)
        yield hook


def failed_run(resources: dict, instance: dg.DagsterInstance) -> dg.ExecuteInProcessResult:
    result = dg.materialize(
        PARTITION_ASSETS,
        partition_key=partition_key("phoenix_mls", DAY),
        resources=resources,
        instance=instance,
        raise_on_error=False,
    )
    assert not result.success
    return result


def evaluate_failure_sensor(result: dg.ExecuteInProcessResult, instance: dg.DagsterInstance) -> None:
    context = dg.build_run_status_sensor_context(
        sensor_name=run_failure_alert.name,
        dagster_event=result.get_run_failure_event(),
        dagster_instance=instance,
        dagster_run=result.dagster_run,
    ).for_run_failure()
    run_failure_alert(context)


def resources_for(sample_landing, tmp_path, **quality) -> dict:
    settings = Settings(landing_root=sample_landing, warehouse_url=f"sqlite:///{tmp_path / 'wh.db'}")
    resources = build_resources(settings)
    if quality:
        resources["quality"] = QualityThresholds(**quality)
    return resources


def assert_names_the_run(body: dict, run_id: str) -> None:
    text = str(body)
    assert run_id in body["text"]
    assert "2026-11-20|phoenix_mls" in body["text"]
    assert f"{UI}/runs/{run_id}" in body["text"]
    assert any(
        el.get("url") == f"{UI}/runs/{run_id}" for block in body["blocks"] for el in block.get("elements", [])
    ), text


def test_blocking_check_failure_is_posted_with_check_name_and_link(receiver, sample_landing, tmp_path):
    instance = dg.DagsterInstance.ephemeral()
    # An impossible mean-confidence floor: the blocking check fails, which fails the run.
    result = failed_run(resources_for(sample_landing, tmp_path, min_mean_confidence=1.01), instance)
    evaluate_failure_sensor(result, instance)

    assert len(receiver.bodies) == 1
    body = receiver.bodies[0]
    assert_names_the_run(body, result.run_id)
    assert "check validated_properties:confidence_thresholds" in body["text"]
    sections = " ".join(b["text"]["text"] for b in body["blocks"] if b["type"] == "section" and "text" in b)
    assert "Check failed: `validated_properties:confidence_thresholds`" in sections
    assert "ERROR (blocking)" in sections
    assert "minimum 1.01" in sections  # why it failed, from the check's result
    assert "Step failed: `validation`" in sections


def test_step_failure_is_posted_with_the_error(receiver, sample_landing, tmp_path):
    instance = dg.DagsterInstance.ephemeral()
    resources = resources_for(sample_landing, tmp_path)
    # A warehouse nobody listens on: the first step cannot store its output.
    broken = Warehouse(url=f"postgresql+psycopg2://nobody@127.0.0.1:{free_port()}/nowhere")
    resources["warehouse"] = broken
    resources["warehouse_io"] = WarehouseIOManager(warehouse=broken)
    result = failed_run(resources, instance)
    evaluate_failure_sensor(result, instance)

    assert len(receiver.bodies) == 1
    body = receiver.bodies[0]
    assert_names_the_run(body, result.run_id)
    assert "step raw_collector_files" in body["text"]
    assert "connection refused" in str(body["blocks"]).lower()


def test_nothing_is_sent_when_the_webhook_is_unset(monkeypatch, sample_landing, tmp_path):
    with WebhookReceiver() as hook:
        monkeypatch.delenv("PROPERTY_PIPELINE_ALERT_WEBHOOK", raising=False)
        instance = dg.DagsterInstance.ephemeral()
        result = failed_run(resources_for(sample_landing, tmp_path, min_mean_confidence=1.01), instance)
        evaluate_failure_sensor(result, instance)
        assert hook.bodies == []


def test_an_unreachable_webhook_is_logged_not_raised():
    assert post_json(f"http://127.0.0.1:{free_port()}/hook", {"text": "x"}, timeout_s=2) is False
    assert post_json("not a url", {"text": "x"}) is False


def test_a_run_that_succeeded_with_a_failed_warn_check_is_posted(receiver, sample_landing, tmp_path):
    """dead_letter_rate is not blocking: the run succeeds, and the alert still names the check."""
    from property_pipeline.defs.alerts import check_failure_alert

    instance = dg.DagsterInstance.ephemeral()
    resources = resources_for(sample_landing, tmp_path, dead_letter_warn_rate=0.0)
    result = dg.materialize(PARTITION_ASSETS, partition_key=partition_key("maricopa_county", DAY), resources=resources, instance=instance)
    assert result.success
    context = dg.build_run_status_sensor_context(
        sensor_name=check_failure_alert.name,
        dagster_event=result.get_run_success_event(),
        dagster_instance=instance,
        dagster_run=result.dagster_run,
    )
    check_failure_alert(context)
    assert len(receiver.bodies) == 1
    body = receiver.bodies[0]
    assert "2026-11-20|maricopa_county" in body["text"]
    assert "succeeded with failed checks" in body["text"]
    assert "property_quality_report:dead_letter_rate" in body["text"]
    assert "WARN (non-blocking)" in str(body["blocks"])


def test_a_warn_check_is_posted_once_per_partition_and_its_recovery_too(receiver, sample_landing, tmp_path):
    """The same WARN on the partition's next run is not repeated; passing again is announced."""
    from property_pipeline.defs.alerts import check_failure_alert

    instance = dg.DagsterInstance.ephemeral()

    def run_and_alert(warn_rate: float) -> None:
        resources = resources_for(sample_landing, tmp_path, dead_letter_warn_rate=warn_rate)
        result = dg.materialize(
            PARTITION_ASSETS, partition_key=partition_key("maricopa_county", DAY), resources=resources, instance=instance
        )
        assert result.success
        check_failure_alert(
            dg.build_run_status_sensor_context(
                sensor_name=check_failure_alert.name,
                dagster_event=result.get_run_success_event(),
                dagster_instance=instance,
                dagster_run=result.dagster_run,
            )
        )

    run_and_alert(0.0)
    run_and_alert(0.0)
    assert len(receiver.bodies) == 1 and "dead_letter_rate" in receiver.bodies[0]["text"]
    run_and_alert(1.0)
    assert len(receiver.bodies) == 2
    recovery = receiver.bodies[1]["text"]
    assert recovery.startswith("property_pipeline recovered") and "property_quality_report:dead_letter_rate" in recovery
    assert "2026-11-20|maricopa_county" in recovery
    run_and_alert(1.0)
    assert len(receiver.bodies) == 2, "a recovery is announced once"
