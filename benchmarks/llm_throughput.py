"""Throughput against the loopback Ollama server with k slots and latency L, as a share of k/L.

    python benchmarks/llm_throughput.py [--latency 0.5] [--records-per-slot 12]

The extractor keeps `max_in_flight = k` requests in flight; ideal throughput is
k/L records per second. Target: at least 0.9 of it for k = 1, 4, 8.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _corpus import make_partition  # noqa: E402

from property_pipeline.extraction.extractor import Extractor  # noqa: E402
from property_pipeline.llm.ollama import OllamaClient  # noqa: E402
from property_pipeline_tests.fake_ollama import FakeOllama  # noqa: E402


def measure(k: int, latency: float, count: int, source: str) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp, FakeOllama(slots=k, latency_s=latency) as srv:
        files = make_partition(Path(tmp), source, count)
        client = OllamaClient(host=srv.url, max_in_flight=k, timeout_s=30)
        extractor = Extractor(source, root=Path(tmp), llm=client)
        started = time.perf_counter()
        result = asyncio.run(extractor.run(files))
        elapsed = time.perf_counter() - started
        assert len(result.records) + len(result.dead_letters) == count
        return count / elapsed, srv.max_concurrent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--records-per-slot", type=int, default=12)
    parser.add_argument("--source", default="phoenix_mls")
    args = parser.parse_args()
    print(f"{'k':>3} {'records':>8} {'records/s':>10} {'ideal k/L':>10} {'share':>6} {'max in flight':>14}")
    for k in (1, 4, 8):
        count = k * args.records_per_slot
        rate, peak = measure(k, args.latency, count, args.source)
        ideal = k / args.latency
        print(f"{k:3d} {count:8d} {rate:10.2f} {ideal:10.2f} {rate / ideal:6.2f} {peak:14d}")


if __name__ == "__main__":
    main()
