"""A sensor's or schedule's run that finds the LLM server down waits (Dagster retries the step
with backoff) instead of finishing the partition on the rules; a person's run goes ahead."""

from __future__ import annotations

import datetime as dt
import socket

import dagster as dg

from property_pipeline.definitions import PARTITION_ASSETS, build_resources
from property_pipeline.defs.llm_resource import OllamaResource
from property_pipeline.defs.partitions import partition_key
from property_pipeline.settings import Settings
from property_pipeline.storage import warehouse

from .conftest import labelled_responder
from .fake_ollama import FakeOllama

DAY = dt.date(2026, 11, 20)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(tmp_path, host: str, tags: dict[str, str]) -> tuple[dg.ExecuteInProcessResult, str]:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    resources = build_resources(Settings(landing_root=tmp_path / "landing", warehouse_url=url))
    resources["llm"] = OllamaResource(host=host, timeout_s=2, deadline_s=5, max_retries=0,
                                      down_retries=2, down_retry_base_s=0.2)
    with dg.instance_for_test() as instance:
        result = dg.materialize(PARTITION_ASSETS[:2], partition_key=partition_key("phoenix_mls", DAY),
                                resources=resources, instance=instance, tags=tags, raise_on_error=False)
        retries = [e for e in result.all_events if e.event_type == dg.DagsterEventType.STEP_UP_FOR_RETRY]
    return result, len(retries), url


def test_a_sensor_run_waits_for_a_down_server_then_goes_ahead_on_the_rules(landing, tmp_path):
    result, retries, url = run(tmp_path, f"http://127.0.0.1:{closed_port()}", {"dagster/sensor_name": "landing_zone_sensor"})
    assert result.success
    assert retries == 2
    records = warehouse.read_table(url, "extracted_properties")
    assert len(records) and records["llm_fallback"].astype(bool).any()


def test_a_person_s_run_does_not_wait(landing, tmp_path):
    result, retries, _ = run(tmp_path, f"http://127.0.0.1:{closed_port()}", {})
    assert result.success and retries == 0


def test_a_healthy_server_means_no_wait(landing, tmp_path):
    with FakeOllama(responder=labelled_responder()) as server:
        result, retries, url = run(tmp_path, server.url, {"dagster/schedule_name": "close_day_schedule"})
    assert result.success and retries == 0
    assert not warehouse.read_table(url, "extracted_properties")["llm_fallback"].astype(bool).any()
