"""The recovery sensor replays degraded partitions only when the LLM answers, once per damage."""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import dagster as dg
import pandas as pd

from property_pipeline.definitions import build_definitions, property_job
from property_pipeline.defs.llm_resource import OllamaResource
from property_pipeline.defs.partitions import partition_key, partition_range
from property_pipeline.defs.replay import build_llm_recovery_sensor
from property_pipeline.defs.resources import LLMBackend, Warehouse
from property_pipeline.settings import OpsSettings, Settings
from property_pipeline.storage import warehouse

from .fake_ollama import FakeOllama


def degrade(url: str, day: dt.date, letters: int, fallbacks: int) -> None:
    """A partition as an outage leaves it: `llm_unavailable` dead letters and rule fallbacks."""
    partition = {"source": "phoenix_mls", "collected_on": day}
    dead = pd.DataFrame([
        {"record_id": f"d{n}", "source": "phoenix_mls", "source_file": f"phoenix_mls/{day}/d{n}.html",
         "collected_on": day, "reason_code": "llm_unavailable", "reason": "LLM unavailable", "attempts": 1}
        for n in range(letters)
    ] + [{"record_id": "bin", "source": "phoenix_mls", "source_file": f"phoenix_mls/{day}/bin.html",
          "collected_on": day, "reason_code": "binary", "reason": "binary", "attempts": 1}])
    extracted = pd.DataFrame([
        {"record_id": f"r{n}", "source": "phoenix_mls", "source_file": f"phoenix_mls/{day}/r{n}.html",
         "collected_on": day, "property_key": f"addr:{n}", "llm_fallback": n < fallbacks}
        for n in range(fallbacks + 2)
    ])
    warehouse.replace_partition(url, "extraction_dead_letters", dead, partition)
    warehouse.replace_partition(url, "extracted_properties", extracted, partition)


def evaluate(sensor, llm: LLMBackend, url: str):
    with dg.instance_for_test() as instance:
        context = dg.build_sensor_context(
            instance=instance,
            resources={"llm": llm, "warehouse": Warehouse(url=url)},
            definitions=build_definitions(Settings(landing_root=Path(url).parent, warehouse_url=url)),
        )
        return sensor.evaluate_tick(context)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_replays_each_degraded_partition_once_the_llm_answers(tmp_path):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    day = partition_range()[1]
    degrade(url, day, letters=2, fallbacks=3)
    sensor = build_llm_recovery_sensor(property_job, OpsSettings())

    down = evaluate(sensor, OllamaResource(host=f"http://127.0.0.1:{closed_port()}", timeout_s=2), url)
    assert not down.run_requests and "still unavailable" in down.skip_message

    rules_only = evaluate(sensor, LLMBackend(), url)
    assert not rules_only.run_requests and "rules only" in rules_only.skip_message

    with FakeOllama() as server:
        requests = evaluate(sensor, OllamaResource(host=server.url), url).run_requests
        again = evaluate(sensor, OllamaResource(host=server.url), url).run_requests
    assert [r.partition_key for r in requests] == [str(partition_key("phoenix_mls", day))]
    assert requests[0].run_key == again[0].run_key, "the same damage is replayed once"

    degrade(url, day, letters=1, fallbacks=3)  # partly replayed, then the outage came back
    with FakeOllama() as server:
        changed = evaluate(sensor, OllamaResource(host=server.url), url).run_requests
    assert changed[0].run_key != requests[0].run_key


def test_nothing_to_replay_without_retryable_damage(tmp_path):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    degrade(url, partition_range()[1], letters=0, fallbacks=0)
    with FakeOllama() as server:
        result = evaluate(build_llm_recovery_sensor(property_job, OpsSettings()), OllamaResource(host=server.url), url)
    assert not result.run_requests and "no partition" in result.skip_message
