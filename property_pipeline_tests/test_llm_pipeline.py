"""The whole pipeline with the LLM on the loopback Ollama server: every fault ends in a finished
run, every raw file accounted for exactly once, with the right disposition and reason."""

from __future__ import annotations

import shutil
import socket

import dagster as dg
import pandas as pd
import pytest

from property_pipeline.defs.llm_resource import OllamaResource
from property_pipeline.extraction.llm_step import DELIMITER, targeted_fields
from property_pipeline.landing import iter_partitions, scan_partition
from property_pipeline.settings import Settings
from property_pipeline.sources import SourceError, get_source
from property_pipeline.storage import warehouse

from .conftest import SAMPLE_LANDING, labelled_responder
from .fake_ollama import FakeOllama
from .test_pipeline import OUTCOMES, assert_every_file_accounted_for, materialize_all

DAY = "2026-11-20"


def run_with(server_url: str, landing, tmp_path, **ollama):
    settings = Settings(landing_root=landing, warehouse_url=f"sqlite:///{tmp_path / 'wh.db'}", llm_backend="ollama")
    config = dict(host=server_url, max_in_flight=4, timeout_s=5, max_retries=2, backoff_base_s=0.01, backoff_max_s=0.05)
    config.update(ollama)
    llm = OllamaResource(**config)
    instance = dg.DagsterInstance.ephemeral()
    results = materialize_all(settings, instance, llm=llm)
    assert_every_file_accounted_for(settings, results)
    tables = {t: warehouse.read_table(settings.warehouse_url, t) for t in OUTCOMES}
    return settings, results, tables


def extraction_metadata(results) -> list[dict]:
    out = []
    for result in results:
        for event in result.get_asset_materialization_events():
            if event.asset_key.path[-1] == "extracted_properties":
                out.append({k: v.value for k, v in event.materialization.metadata.items()})
    return out


def files_needing_a_call(landing) -> int:
    """Readable files whose rules left something to ask (assessor records read completely need none)."""
    count = 0
    for source_name, day in iter_partitions(landing):
        source = get_source(source_name)
        for raw_file in scan_partition(landing, source_name, day):
            try:
                doc = source.parse((landing / raw_file.path).read_bytes())
            except SourceError:
                continue
            count += bool(targeted_fields(source, source.extract_rules(doc)))
    return count


def test_healthy_server_hybrid_records_schema_in_format_and_cache_on_rerun(server, landing, tmp_path):
    settings, results, tables = run_with(server.url, landing, tmp_path)
    valid = tables["validated_properties"]
    listings = valid[valid["source"] == "phoenix_mls"]
    assert len(listings) > 0
    assert set(listings["extraction_method"]) == {"llm+rules"}
    assert set(listings["llm_model"]) == {"llama3.2:latest"}
    assert (listings["prompt_tokens"] > 0).all()
    assert any(s == "both" for sources in listings["field_sources"] for s in sources.values())
    parcels = valid[valid["source"] == "maricopa_county"]
    assert set(parcels["extraction_method"]) == {"rules"} and parcels["llm_model"].isna().all()
    first_calls = server.chat_count
    assert first_calls == files_needing_a_call(landing) > 0
    request = server.requests[0]
    assert request["format"]["type"] == "object" and "price" in request["format"]["properties"]
    assert request["options"]["temperature"] == 0
    assert DELIMITER in request["messages"][1]["content"]
    assert "<div" not in request["messages"][1]["content"]  # compact text, never raw HTML
    metadata = extraction_metadata(results)
    assert sum(m["llm_requests"] for m in metadata) == first_calls

    run_with(server.url, landing, tmp_path)
    assert server.chat_count == first_calls, "rerun of an unchanged partition must make zero LLM calls"


@pytest.mark.parametrize("fault", ["500", "503", "drop", "slow"])
def test_transient_faults_are_retried(server, landing, tmp_path, fault):
    server.inject(fault, times=1, delay_s=1.0 if fault == "slow" else None)
    _, _, tables = run_with(server.url, landing, tmp_path, timeout_s=0.5 if fault == "slow" else 5)
    records = tables["validated_properties"]
    listings = records[records["source"] == "phoenix_mls"]
    assert set(listings["extraction_method"]) == {"llm+rules"}, "one transient fault must not cost a record its LLM"
    assert not records["llm_fallback"].any()
    assert server.chat_count == files_needing_a_call(landing) + 1


def test_server_down_falls_back_to_rules_and_opens_the_circuit(landing, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _, results, tables = run_with(
        f"http://127.0.0.1:{port}", landing, tmp_path, breaker_failure_threshold=2, breaker_cooldown_s=600
    )
    records = pd.concat([tables["validated_properties"], tables["quarantined_properties"]])
    records = records[records["source"] == "phoenix_mls"]
    assert len(records) > 0
    assert set(records["extraction_method"]) == {"rules"}
    assert records["llm_fallback"].all()
    assert all(any("llm_fallback" in w for w in ws) for ws in records["extraction_warnings"])
    metadata = extraction_metadata(results)
    assert sum(m["client_circuit_opens"] for m in metadata) >= 1
    assert sum(m["fallbacks"] for m in metadata) == len(records)


def test_model_not_found_is_not_retried_and_falls_back(landing, tmp_path):
    with FakeOllama(responder=labelled_responder(), models=["qwen2.5:0.5b"]) as srv:
        _, _, tables = run_with(srv.url, landing, tmp_path)
        records = pd.concat([tables["validated_properties"], tables["quarantined_properties"]])
        records = records[records["source"] == "phoenix_mls"]
        assert records["llm_fallback"].all()
        assert any("model_missing" in w for ws in records["extraction_warnings"] for w in ws)
        # No retries on 404: one request per record until the breaker (default 5) opens... or fewer.
        assert srv.chat_count <= len(records)


# A reply cut at the length limit is asked again in smaller requests: test_llm_faults_pipeline.py.
@pytest.mark.parametrize("fault", ["invalid_json", "schema_break"])
def test_bad_reply_gets_one_reask_then_succeeds(server, landing, tmp_path, fault):
    server.inject(fault, times=1)
    _, results, tables = run_with(server.url, landing, tmp_path, max_in_flight=1)
    assert sum(m["reasks"] for m in extraction_metadata(results)) == 1
    assert "llm_invalid_reply" not in set(tables["extraction_dead_letters"]["reason_code"])


@pytest.fixture()
def one_listing(tmp_path):
    """A landing zone holding a single listing page, so that injected faults hit one record."""
    root = tmp_path / "one"
    folder = root / "phoenix_mls" / DAY
    folder.mkdir(parents=True)
    shutil.copy(SAMPLE_LANDING / "phoenix_mls" / DAY / "mls_7012345.html", folder)
    return root


# A reply cut at the length limit is asked again in smaller requests: test_llm_faults_pipeline.py.
@pytest.mark.parametrize("fault", ["invalid_json", "schema_break"])
def test_bad_reply_twice_is_a_dead_letter_and_replayed_next_time(server, one_listing, tmp_path, fault):
    landing = one_listing
    server.inject(fault, times=2)
    _, _, tables = run_with(server.url, landing, tmp_path, max_in_flight=1)
    letters = tables["extraction_dead_letters"]
    invalid = letters[letters["reason_code"] == "llm_invalid_reply"]
    assert len(invalid) == 1
    assert "re-ask" in invalid.iloc[0]["reason"]
    replayed_file = invalid.iloc[0]["source_file"]

    _, _, tables = run_with(server.url, landing, tmp_path, max_in_flight=1)
    assert "llm_invalid_reply" not in set(tables["extraction_dead_letters"]["reason_code"])
    recovered = pd.concat([tables["validated_properties"], tables["quarantined_properties"]])
    assert replayed_file in set(recovered["source_file"])


def test_requests_overlap_up_to_the_limit_and_not_beyond(landing, tmp_path):
    with FakeOllama(responder=labelled_responder(), slots=8, latency_s=0.3) as srv:
        run_with(srv.url, landing, tmp_path, max_in_flight=3)
        assert srv.max_concurrent == 3


def test_every_file_needing_the_llm_is_sent_exactly_once(server, landing, tmp_path):
    _, _, tables = run_with(server.url, landing, tmp_path)
    assert server.chat_count == files_needing_a_call(landing)
    assert sum(len(t) for t in tables.values()) == len(
        [f for s, d in iter_partitions(landing) for f in scan_partition(landing, s, d)]
    )
