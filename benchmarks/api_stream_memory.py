"""Peak memory of the async API's stream against its length: the collectors' integration
(`async for result in pipeline.process_stream(generator, source)`), rules only.

    python benchmarks/api_stream_memory.py                  # 1k, 5k and 20k items, each in a fresh process
    python benchmarks/api_stream_memory.py --sizes 1000,50000

Items are generated lazily (mixed: page bytes, page text, the odd broken item) and every
result is consumed and dropped, as a collector forwarding records would. Target: peak RSS
flat in the number of items (the stream holds a bounded window, never the whole input).
"""

from __future__ import annotations

import asyncio
import itertools
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _corpus import run_sizes_in_fresh_processes, valid_sample_paths  # noqa: E402

from property_pipeline import Pipeline  # noqa: E402


def child(size: int, source: str) -> dict:
    pages = [p.read_bytes() for p in valid_sample_paths(source)]

    async def items():
        for n, page in zip(range(size), itertools.cycle(pages)):
            unique = page + f"<!-- item {n} -->".encode() if source == "phoenix_mls" else page
            if n % 50 == 49:
                yield b"\x89PNG\r\n\x1a\n\x00 broken"
            elif n % 2:
                yield unique.decode("utf-8", "replace")
            else:
                yield unique
            await asyncio.sleep(0)

    async def main() -> dict:
        counts: dict[str, int] = {}
        async with Pipeline(llm=None, concurrency=8) as pipeline:
            async for result in pipeline.process_stream(items(), source):
                counts[result.disposition] = counts.get(result.disposition, 0) + 1
        return counts

    started = time.perf_counter()
    counts = asyncio.run(main())
    seconds = time.perf_counter() - started
    return {
        "items": size,
        "results": sum(counts.values()),
        "counts": counts,
        "seconds": round(seconds, 1),
        "items_per_s": round(size / seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def row(result: dict, source: str) -> str:
    return (f"{source:16} {result['items']:>7} {result['results']:>7} {result['seconds']:>8} "
            f"{result['items_per_s']:>8} {result['peak_rss_mb']:>9}  {result['counts']}")


if __name__ == "__main__":
    run_sizes_in_fresh_processes(
        __file__, child, f"{'source':16} {'items':>7} {'results':>7} {'seconds':>8} {'items/s':>8} {'rss_mb':>9}  dispositions", row
    )
