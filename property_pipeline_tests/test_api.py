"""The Python API: the same records as the assets for the same files, with the LLM on the
Ollama test server and with rules only; bounded concurrency and lazy input on a long stream."""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import itertools
import math
from pathlib import Path

import dagster as dg
import pytest

import property_pipeline
from property_pipeline import (
    Pipeline,
    ProcessedRecord,
    Settings,
    process_batch,
    process_property,
    process_stream,
)
from property_pipeline.contract import PROPERTY_FIELDS, RECORD_COLUMNS
from property_pipeline.defs.llm_resource import OllamaResource
from property_pipeline.landing import iter_partitions, scan_partition
from property_pipeline.storage import warehouse

from .conftest import SAMPLE_LANDING, labelled_responder
from .fake_ollama import FakeOllama
from .test_pipeline import OUTCOMES, materialize_all

DAY = "2026-11-20"
DISPOSITIONS = dict(zip(OUTCOMES, ("valid", "quarantine", "dead_letter"), strict=True))


@pytest.fixture()
def llm_env(monkeypatch, tmp_path):
    """Environment for the API, as a deployment would set it; returns a function choosing the LLM."""
    monkeypatch.setenv("PROPERTY_PIPELINE_WAREHOUSE_URL", f"sqlite:///{tmp_path / 'api.db'}")
    monkeypatch.delenv("PROPERTY_PIPELINE_MIN_CONFIDENCE", raising=False)

    def use(backend: str, host: str | None = None, parallel: int = 4) -> None:
        monkeypatch.setenv("PROPERTY_PIPELINE_LLM", backend)
        if host:
            monkeypatch.setenv("OLLAMA_HOST", host)
            monkeypatch.setenv("OLLAMA_NUM_PARALLEL", str(parallel))
            monkeypatch.setenv("OLLAMA_TIMEOUT_S", "5")

    return use


def norm(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return round(float(value), 6)
    return value


def asset_outcomes(settings: Settings, llm=None) -> dict[tuple[str, str], dict]:
    """(source, file name) -> the outcome row the assets wrote, with its disposition."""
    materialize_all(settings, dg.DagsterInstance.ephemeral(), llm=llm)
    out = {}
    for table in OUTCOMES:
        for row in warehouse.read_table(settings.warehouse_url, table).to_dict("records"):
            out[(row["source"], Path(row["source_file"]).name)] = {**row, "disposition": DISPOSITIONS[table]}
    return out


def api_outcomes(landing: Path) -> dict[tuple[str, str], ProcessedRecord]:
    """The same files through the three module-level functions (default pipeline, from the environment)."""
    out = {}
    for source, day in iter_partitions(landing):
        paths = [landing / f.path for f in scan_partition(landing, source, day)]
        first, rest = paths[0], paths[1:]
        out[(source, first.name)] = process_property(first, source)
        half = len(rest) // 2
        batch = process_batch(rest[:half], source)
        assert [r.source_file for r in batch] == [p.name for p in rest[:half]], "batch keeps input order"

        async def stream(items=rest[half:], source=source):
            return [r async for r in process_stream(items, source)]

        streamed = asyncio.run(stream())
        assert sorted(r.source_file for r in streamed) == sorted(p.name for p in rest[half:])
        for result in [*batch, *streamed]:
            out[(source, result.source_file)] = result
    return out


def assert_same_records(assets: dict, api: dict) -> None:
    assert set(api) == set(assets)
    for key, result in api.items():
        expected = assets[key]
        assert result.disposition == expected["disposition"], (key, result.reasons, expected.get("quarantine_reason"))
        assert set(result.record) == set(RECORD_COLUMNS)
        if result.disposition == "dead_letter":
            assert result.reason_code == expected["reason_code"] and result.confidence is None
            assert result.reasons == [f"[{expected['reason_code']}] {expected['reason']}"]
            continue
        for name in PROPERTY_FIELDS:
            assert norm(result.record[name]) == norm(expected[name]), (key, name)
        assert result.record["record_id"] == expected["record_id"]
        assert result.record["extraction_method"] == expected["extraction_method"]
        assert result.confidence == pytest.approx(float(expected["confidence"]))
        assert result.record["field_sources"] == expected["field_sources"]
        if result.disposition == "quarantine":
            assert "; ".join(result.reasons) == expected["quarantine_reason"]
        assert result.record["collected_on"] == dt.date.today()


def test_rules_only_same_records_as_the_assets(landing, tmp_path, llm_env):
    llm_env("none")
    settings = Settings(landing_root=landing, warehouse_url=f"sqlite:///{tmp_path / 'assets.db'}")
    assets = asset_outcomes(settings)
    api = api_outcomes(landing)
    assert_same_records(assets, api)
    assert {r.disposition for r in api.values()} >= {"valid", "dead_letter"}
    assert all(r.record["extraction_method"] == "rules" for r in api.values() if r.disposition != "dead_letter")


def test_ollama_same_records_as_the_assets(landing, tmp_path, llm_env, server):
    settings = Settings(landing_root=landing, warehouse_url=f"sqlite:///{tmp_path / 'assets.db'}", llm_backend="ollama")
    llm = OllamaResource(host=server.url, max_in_flight=4, timeout_s=5)
    assets = asset_outcomes(settings, llm=llm)
    asset_calls = server.chat_count
    assert asset_calls > 0

    llm_env("ollama", server.url)
    api = api_outcomes(landing)
    assert_same_records(assets, api)
    listings = [r for (s, _), r in api.items() if s == "phoenix_mls" and r.disposition != "dead_letter"]
    assert listings and {r.record["extraction_method"] for r in listings} == {"llm+rules"}
    assert {r.record["llm_model"] for r in listings} == {"llama3.2:latest"}
    assert server.chat_count == 2 * asset_calls, "no cache by default: the API asks once per file, as the assets did"


def listing_items(count: int):
    """`count` distinct listing pages: the samples, each with a unique comment appended (same text)."""
    pages = [
        p.read_bytes()
        for p in sorted((SAMPLE_LANDING / "phoenix_mls" / DAY).glob("*.html"))
        if p.name != "mls_7030002.html"  # the binary one makes no LLM call
    ]
    return [page + f"<!-- {n} -->".encode() for n, page in zip(range(count), itertools.cycle(pages))]


def test_stream_of_1000_keeps_the_configured_requests_in_flight_and_reads_lazily(llm_env):
    items = listing_items(1000)
    produced = consumed = most_ahead = 0

    async def source_items():
        nonlocal produced
        for item in items:
            produced += 1
            yield item
            await asyncio.sleep(0)

    async def main(url: str) -> list[ProcessedRecord]:
        nonlocal consumed, most_ahead
        out = []
        async with Pipeline() as pipeline:
            assert pipeline.llm is not None and pipeline.llm.max_in_flight == 8 and pipeline.cache is None
            async for result in pipeline.process_stream(source_items(), "phoenix_mls", concurrency=4):
                consumed += 1
                most_ahead = max(most_ahead, produced - consumed)
                out.append(result)
        return out

    with FakeOllama(responder=labelled_responder(), latency_s=0.05, slots=8) as srv:
        llm_env("ollama", srv.url, parallel=8)
        results = asyncio.run(main(srv.url))
        assert srv.max_concurrent <= 4
        assert srv.max_concurrent == 4
        assert srv.chat_count == 1000
    assert sorted(r.index for r in results) == list(range(1000))
    assert {r.source_file for r in results} == {f"<memory>/{n}" for n in range(1000)}
    assert all(r.disposition == "valid" for r in results), {r.disposition for r in results}
    assert len({r.record["record_id"] for r in results}) == 1000
    # Read ahead at most: 2 x 4 items being extracted, 8 x 4 finished waiting, one validation batch.
    assert most_ahead <= 2 * 4 + 8 * 4 + 8 * 4 + 1, most_ahead


def test_concurrency_never_exceeds_the_clients_max_in_flight(llm_env):
    with FakeOllama(responder=labelled_responder(), latency_s=0.02, slots=8) as srv:
        llm_env("ollama", srv.url, parallel=2)
        results = process_batch(listing_items(24), "phoenix_mls", concurrency=6)
        assert srv.max_concurrent == 2
    assert [r.index for r in results] == list(range(24))


def test_async_context_manager_owns_the_client_and_sync_calls_work_in_a_running_loop(llm_env, server):
    llm_env("ollama", server.url)
    page = SAMPLE_LANDING / "phoenix_mls" / DAY / "mls_7012345.html"

    async def main():
        async with Pipeline() as pipeline:
            result = await pipeline.process(page, "phoenix_mls")
            assert pipeline.llm._loops, "the client holds a connection pool on this loop"
            batch = await pipeline.process_batch([page.read_bytes(), str(page)], "phoenix_mls")
        assert not pipeline.llm._loops, "leaving the block closed the client's connections"
        # A notebook cell runs inside an event loop: the sync functions still work there.
        in_loop = process_property(page, "phoenix_mls")
        return result, batch, in_loop

    result, batch, in_loop = asyncio.run(main())
    assert result.disposition == in_loop.disposition == "valid"
    assert result.record["extraction_method"] == "llm+rules"
    assert [r.source_file for r in batch] == ["<memory>/0", "mls_7012345.html"]
    assert batch[0].record["record_id"] == batch[1].record["record_id"] == result.record["record_id"]


def test_items_paths_bytes_and_bad_input(llm_env, tmp_path):
    llm_env("none")
    pipeline = Pipeline(llm=None)
    page = SAMPLE_LANDING / "phoenix_mls" / DAY / "mls_7012345.html"
    link = tmp_path / "linked.html"
    link.symlink_to(page)
    results = process_batch(
        [page, str(page), page.read_bytes(), b"\x00\x01binary", tmp_path / "missing.html", tmp_path, link],
        "phoenix_mls",
        pipeline=pipeline,
    )
    assert [r.disposition for r in results] == ["valid", "valid", "valid", "dead_letter", "dead_letter", "dead_letter", "valid"]
    assert [r.source_file for r in results] == [
        "mls_7012345.html", "mls_7012345.html", "<memory>/2", "<memory>/3", "missing.html", tmp_path.name, "linked.html"
    ]
    assert results[3].reason_code == "not_html"
    assert results[4].reason_code == "unreadable" and "does not exist" in results[4].reasons[0]
    assert "not a regular file" in results[5].reasons[0]
    row = results[0].to_dict()
    assert row["disposition"] == "valid" and row["reason"] is None and row["collected_on"] == dt.date.today().isoformat()
    assert results[4].to_dict()["reason"].startswith("[unreadable]")
    as_text = process_property(page.read_text(), "phoenix_mls", pipeline=pipeline)
    assert as_text.disposition == "valid" and as_text.source_file == "<memory>/0"
    assert as_text.record["list_price"] == results[0].record["list_price"]
    with pytest.raises(TypeError, match="expected a Path, bytes"):
        process_property(12345, "phoenix_mls", pipeline=pipeline)
    with pytest.raises(ValueError):
        process_property(page, "no_such_source", pipeline=pipeline)


def test_quality_config_and_settings_are_passed_in(tmp_path):
    settings = Settings(landing_root=tmp_path, warehouse_url=f"sqlite:///{tmp_path / 'w.db'}", min_confidence=0.95)
    strict = Pipeline(settings, llm=None)
    assert strict.quality.min_confidence == 0.95
    page = SAMPLE_LANDING / "phoenix_mls" / DAY / "mls_7012345.html"
    result = process_property(page, "phoenix_mls", pipeline=strict)
    assert result.disposition == "quarantine" and any("below 0.95" in r for r in result.reasons)
    lenient = Pipeline(settings, llm=None, quality=property_pipeline.QualityConfig(min_confidence=0.5))
    assert process_property(page, "phoenix_mls", pipeline=lenient).disposition == "valid"


def test_stream_input_errors_reach_the_caller_and_early_exit_cleans_up(llm_env, tmp_path, monkeypatch):
    llm_env("none")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    page = (SAMPLE_LANDING / "phoenix_mls" / DAY / "mls_7012345.html").read_bytes()

    async def failing():
        yield page
        raise OSError("collector feed went away")

    async def consume(items):
        return [r async for r in process_stream(items, "phoenix_mls")]

    with pytest.raises(OSError, match="collector feed went away"):
        asyncio.run(consume(failing()))

    async def first_only():
        async for result in process_stream(itertools.repeat(page, 10_000), "phoenix_mls"):
            return result

    assert asyncio.run(first_only()).disposition == "valid"
    gc.collect()
    assert not list(tmp_path.glob("property_pipeline_*")), "temporary files are removed"
