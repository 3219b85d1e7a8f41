"""Throughput of the extractor on a pool of three loopback Ollama servers, latency L, k slots each.

    python benchmarks/multi_ollama.py [--latency 0.5] [--slots 4] [--records-per-slot 25]

Every record makes one request (strategy `full`), so records/s is requests/s. Ideal: 3k/L.
Then the same with one server killed a third of the way through: every file must be
accounted for, and the two survivors' throughput after the kill is compared with 2k/L.
Targets: at least 0.9 of each ideal.

`--tier pool` measures the LLM tier alone (the pool's `chat_json` with 3k requests kept in
flight, no page parsing): on a loaded machine parsing in the extractor's event loop, not the
servers, can be what limits the `extractor` figures.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _corpus import make_partition  # noqa: E402

from property_pipeline.extraction.extractor import Extractor  # noqa: E402
from property_pipeline.llm.pool import build_ollama_llm  # noqa: E402
from property_pipeline_tests.fake_ollama import FakeOllama  # noqa: E402


async def _requests(pool, count: int) -> int:
    """`count` small requests through the pool, `pool.max_in_flight` at a time; returns failures."""
    queue = iter(range(count))
    failures = 0

    async def worker() -> None:
        nonlocal failures
        for _ in queue:
            try:
                await pool.chat_json([{"role": "user", "content": "x"}], {"type": "object"})
            except Exception:
                failures += 1

    await asyncio.gather(*(worker() for _ in range(pool.max_in_flight)))
    return failures


def run(latency: float, k: int, count: int, kill: bool, tier: str = "extractor") -> dict:
    servers = [FakeOllama(slots=k, latency_s=latency).start() for _ in range(3)]
    urls = [s.url for s in servers]
    marks: dict[str, float] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            files = make_partition(Path(tmp), "phoenix_mls", count, unique_text=True)
            pool = build_ollama_llm(",".join(f"{u}={k}" for u in urls), timeout_s=30, deadline_s=60)
            extractor = Extractor("phoenix_mls", root=Path(tmp), llm=pool, strategy="full")
            if kill:
                def killer() -> None:
                    while sum(s.chat_count for s in servers) < count // 3:
                        time.sleep(0.01)
                    marks["killed_at"] = time.perf_counter()
                    marks["served_before"] = sum(s.chat_count for s in servers[:2])
                    servers[2].stop()

                threading.Thread(target=killer, daemon=True).start()
            started = time.perf_counter()
            if tier == "pool":
                failed = asyncio.run(_requests(pool, count))
                accounted, fallbacks = count - failed, failed
            else:
                result = asyncio.run(extractor.run(files))
                accounted, fallbacks = len(result.records) + len(result.dead_letters), result.usage.fallbacks
            ended = time.perf_counter()
    finally:
        for server in servers:
            server.stop()
    out = {
        "records": count,
        "accounted": accounted,
        "fallbacks": fallbacks,
        "rate": count / (ended - started),
        "peak": [s.max_concurrent for s in servers],
        "failovers": pool.stats.snapshot()["failovers"],
    }
    if kill:
        served_after = sum(s.chat_count for s in servers[:2]) - marks["served_before"]
        out["rate_after_kill"] = served_after / (ended - marks["killed_at"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--slots", type=int, default=4)
    parser.add_argument("--records-per-slot", type=int, default=25)
    parser.add_argument("--tier", choices=("extractor", "pool"), default="extractor")
    args = parser.parse_args()
    k, latency = args.slots, args.latency
    count = 3 * k * args.records_per_slot
    print(f"three servers, k={k} slots each, latency L={latency}s, {count} records, measured through the {args.tier}")

    full = run(latency, k, count, kill=False, tier=args.tier)
    ideal = 3 * k / latency
    print(
        f"all three up:      {full['rate']:7.2f} records/s; ideal 3k/L = {ideal:6.2f}; share {full['rate'] / ideal:.2f}; "
        f"accounted {full['accounted']}/{count}; peak in flight per server {full['peak']}"
    )
    killed = run(latency, k, count, kill=True, tier=args.tier)
    ideal2 = 2 * k / latency
    print(
        f"one killed at 1/3: {killed['rate_after_kill']:7.2f} records/s after the kill; ideal 2k/L = {ideal2:6.2f}; "
        f"share {killed['rate_after_kill'] / ideal2:.2f}; accounted {killed['accounted']}/{count}; "
        f"rule fallbacks {killed['fallbacks']}; failovers {killed['failovers']}; whole run {killed['rate']:.2f} records/s"
    )


if __name__ == "__main__":
    main()
