"""`Extractor.stream`, the one bounded-concurrency engine (issue 18): its bounds with a real
LLM client over loopback HTTP, leaving early, and that the batch runner, the partition stream
and the Python API all drive files through it."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt

from property_pipeline import streaming
from property_pipeline.api import Pipeline
from property_pipeline.extraction.extractor import ExtractionResult, Extractor
from property_pipeline.landing import scan_partition
from property_pipeline.llm.ollama import OllamaClient

from .conftest import SAMPLE_LANDING, labelled_responder
from .fake_ollama import FakeOllama

DAY = dt.date(2026, 11, 20)
FILES = scan_partition(SAMPLE_LANDING, "phoenix_mls", DAY)


def test_at_most_twice_the_limit_alive_and_the_limit_at_the_llm():
    limit = 3
    with FakeOllama(responder=labelled_responder(), latency_s=0.05, slots=16) as server:
        extractor = Extractor(
            "phoenix_mls", root=SAMPLE_LANDING, llm=OllamaClient(host=server.url, max_in_flight=16), strategy="full"
        )
        reads, alive_seen, seen = 0, [], []

        def read(raw_file):
            nonlocal reads
            reads += 1
            return extractor.read(raw_file)

        async def consume():
            async for raw_file, outcome in extractor.stream(FILES, read, limit=limit):
                alive_seen.append(reads - len(seen))
                seen.append(raw_file.path)
                assert len(outcome.records) + len(outcome.dead_letters) == 1

        asyncio.run(consume())
        concurrent = server.max_concurrent
    assert sorted(seen) == sorted(f.path for f in FILES), "every file comes out exactly once"
    assert max(alive_seen) <= 2 * limit, alive_seen
    assert 1 < concurrent <= limit, f"{concurrent} requests at the LLM at once with a limit of {limit}"


def test_leaving_early_cancels_the_files_in_flight():
    with FakeOllama(responder=labelled_responder(), latency_s=0.3, slots=8) as server:
        extractor = Extractor(
            "phoenix_mls", root=SAMPLE_LANDING, llm=OllamaClient(host=server.url, max_in_flight=4), strategy="full"
        )

        async def first_two():
            taken = []
            outcomes = extractor.stream(FILES)
            async with contextlib.aclosing(outcomes):
                async for raw_file, _ in outcomes:
                    taken.append(raw_file)
                    if len(taken) == 2:
                        break
            left = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            return taken, left

        taken, left = asyncio.run(first_two())
        asked = server.chat_count
    assert len(taken) == 2
    assert not left, f"tasks still running after the consumer left: {left}"
    assert asked < len(FILES), "reading stopped when the consumer stopped pulling"


def test_rules_only_finishes_each_file_inline_in_input_order():
    extractor = Extractor("maricopa_county", root=SAMPLE_LANDING)
    files = scan_partition(SAMPLE_LANDING, "maricopa_county", DAY)

    async def paths():
        return [raw_file.path async for raw_file, _ in extractor.stream(files)]

    assert asyncio.run(paths()) == [f.path for f in files]


def test_batch_partition_stream_and_python_api_all_run_on_the_engine(monkeypatch, tmp_path):
    calls = []
    engine = Extractor.stream

    def spy(self, *args, **kwargs):
        calls.append(self.source.name)
        return engine(self, *args, **kwargs)

    monkeypatch.setattr(Extractor, "stream", spy)
    files = scan_partition(SAMPLE_LANDING, "maricopa_county", DAY)
    extractor = Extractor("maricopa_county", root=SAMPLE_LANDING)

    batch = asyncio.run(extractor.run(files))
    assert calls == ["maricopa_county"]

    async def partition_stream():
        usage = ExtractionResult()
        return [kind async for kind, _ in streaming.stream_extraction(extractor, files, usage)]

    kinds = asyncio.run(partition_stream())
    assert len(calls) == 2 and len(kinds) == len(batch.records) + len(batch.dead_letters)

    results = Pipeline(llm=None).process_stream([f.fs_path or SAMPLE_LANDING / f.path for f in files], "maricopa_county")

    async def api():
        return [r async for r in results]

    assert len(asyncio.run(api())) == len(files) and len(calls) == 3
