"""The pipeline on a pool of loopback Ollama servers (real HTTP) when some of them fail: every
file accounted for once; with one healthy server left no record loses its LLM, with none every
record falls back to the rules (or is an llm_unavailable dead letter, replayed later)."""

from __future__ import annotations

import socket
import threading

import pandas as pd
import pytest

from .conftest import labelled_responder
from .fake_ollama import FakeOllama
from .test_llm_pipeline import run_with


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def listings(tables) -> pd.DataFrame:
    records = pd.concat([tables["validated_properties"], tables["quarantined_properties"]])
    return records[records["source"] == "phoenix_mls"]


@pytest.mark.parametrize("scenario", ["one_down_from_start", "one_dies_mid_run", "one_answers_garbage"])
def test_one_failing_server_of_three_costs_no_record_its_llm(landing, tmp_path, scenario):
    honest = labelled_responder()
    servers = [FakeOllama(responder=honest, latency_s=0.1, slots=4).start() for _ in range(2)]
    victim = FakeOllama(responder=honest, latency_s=0.1, slots=4, mode="garbage" if "garbage" in scenario else None)
    if scenario == "one_dies_mid_run":
        def respond(request, _count=[0]):  # noqa: B006 - a counter shared by the server's threads
            _count[0] += 1
            if _count[0] == 3:
                threading.Thread(target=victim.stop).start()  # dies while serving requests
            return honest(request)

        victim.responder = respond
    try:
        victim_url = closed_port_url() if scenario == "one_down_from_start" else victim.start().url
        hosts = ",".join([*(f"{s.url}=2" for s in servers), f"{victim_url}=2"])
        _, _, tables = run_with(hosts, landing, tmp_path, max_in_flight=2, breaker_failure_threshold=2)
    finally:
        for server in (*servers, victim):
            server.stop()
    records = listings(tables)
    assert len(records) > 0
    fell_back = records[records["llm_fallback"].astype(bool)]
    assert fell_back.empty, (scenario, fell_back[["source_file", "extraction_warnings"]].to_dict("records"))
    assert set(records["extraction_method"]) == {"llm+rules"}
    assert "llm_unavailable" not in set(tables["extraction_dead_letters"]["reason_code"])
    assert sum(s.chat_count for s in servers) > 0


def test_all_servers_down_every_record_falls_back_nothing_lost(landing, tmp_path):
    hosts = ",".join(f"{closed_port_url()}=2" for _ in range(3))
    _, _, tables = run_with(hosts, landing, tmp_path, breaker_failure_threshold=1)
    records = listings(tables)
    assert len(records) > 0 and records["llm_fallback"].all()
    codes = set(tables["extraction_dead_letters"]["reason_code"])
    assert not codes & {"extractor_error", "llm_invalid_reply", "no_property_key"}, codes
