"""The LLM result cache keeps what the request cost, latency included (issue 18: it was always NULL
because `put` read a key the extractor never passes)."""

from __future__ import annotations

import asyncio
import datetime as dt

from property_pipeline.extraction.extractor import Extractor
from property_pipeline.landing import scan_partition
from property_pipeline.llm.ollama import OllamaClient
from property_pipeline.storage.llm_cache import LLMCache

from .conftest import SAMPLE_LANDING, labelled_responder
from .fake_ollama import FakeOllama


def test_a_cached_record_keeps_the_latency_of_its_request(tmp_path):
    cache = LLMCache(f"sqlite:///{tmp_path / 'cache.db'}")
    files = scan_partition(SAMPLE_LANDING, "phoenix_mls", dt.date(2026, 11, 20))
    with FakeOllama(responder=labelled_responder(), latency_s=0.05) as server:
        extractor = Extractor("phoenix_mls", root=SAMPLE_LANDING, llm=OllamaClient(host=server.url), cache=cache,
                              strategy="full")
        result = asyncio.run(extractor.run(files))
        assert server.chat_count > 0
    asked = [r for r in result.records if r["llm_latency_ms"]]
    assert asked, "some record went to the LLM"
    with cache.engine.connect() as conn:
        stored = conn.exec_driver_sql("select latency_ms, prompt_tokens from llm_cache").fetchall()
    assert stored and all(latency is not None and latency >= 50 for latency, _ in stored), stored
    assert sorted(round(latency, 3) for latency, _ in stored) == sorted(round(r["llm_latency_ms"], 3) for r in asked)
