"""A partition of 1k, 5k and 10k raw files through the Dagster assets, the LLM on the loopback
Ollama server: wall time, peak RSS, and that every file is accounted for.

    python benchmarks/load.py [--sizes 1000,5000,10000] [--source phoenix_mls]

Each size runs in a fresh process, so peak RSS is that size's own. Memory should grow only
with the rows the partition produces (a few KB each), not with the raw files' bytes.
"""

from __future__ import annotations

import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import dagster as dg  # noqa: E402
from _corpus import make_partition, run_sizes_in_fresh_processes  # noqa: E402

from property_pipeline.definitions import PARTITION_ASSETS, build_resources  # noqa: E402
from property_pipeline.defs.llm_resource import OllamaResource  # noqa: E402
from property_pipeline.defs.partitions import partition_key  # noqa: E402
from property_pipeline.settings import Settings  # noqa: E402
from property_pipeline.storage.warehouse import read_table  # noqa: E402
from property_pipeline_tests.fake_ollama import FakeOllama  # noqa: E402

DAY = dt.date(2026, 1, 1)


def child(count: int, source: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp, FakeOllama(slots=8) as srv:
        root = Path(tmp) / "landing"
        files = make_partition(root, source, count, DAY, unique_text=True)
        settings = Settings(landing_root=root, warehouse_url=f"sqlite:///{tmp}/w.db", llm_backend="ollama")
        resources = {**build_resources(settings), "llm": OllamaResource(host=srv.url, max_in_flight=8)}
        started = time.perf_counter()
        result = dg.materialize(
            PARTITION_ASSETS,
            partition_key=partition_key(source, DAY),
            resources=resources,
            instance=dg.DagsterInstance.ephemeral(),
            run_config={"loggers": {"console": {"config": {"log_level": "ERROR"}}}},
        )
        elapsed = time.perf_counter() - started
        outcome = sum(
            len(read_table(settings.warehouse_url, t))
            for t in ("validated_properties", "quarantined_properties", "extraction_dead_letters")
        )
        checks = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
        return {
            "files": len(files),
            "accounted": outcome,
            "conserved": checks.get("every_file_accounted_for"),
            "llm_calls": srv.chat_count,
            "seconds": elapsed,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }


HEADER = f"{'files':>7} {'accounted':>9} {'check':>6} {'LLM calls':>9} {'seconds':>8} {'ms/file':>8} {'peak RSS MB':>11}"


def row(r: dict, source: str) -> str:
    return (
        f"{r['files']:7d} {r['accounted']:9d} {str(r['conserved']):>6} {r['llm_calls']:9d} "
        f"{r['seconds']:8.1f} {1000 * r['seconds'] / r['files']:8.2f} {r['peak_rss_mb']:11.1f}"
    )


if __name__ == "__main__":
    run_sizes_in_fresh_processes(__file__, child, HEADER, row)
