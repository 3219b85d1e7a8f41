"""Rerun of an unchanged partition: LLM calls (target 0) and wall time against the first run.

    python benchmarks/rerun.py [--latency 0.5] [--slots 4]

Runs the Dagster assets in process on the sample landing zone with the LLM on the
loopback Ollama server (fixed latency per request), twice.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import dagster as dg  # noqa: E402
from _corpus import SAMPLES  # noqa: E402

from property_pipeline.definitions import PARTITION_ASSETS, build_resources  # noqa: E402
from property_pipeline.defs.llm_resource import OllamaResource  # noqa: E402
from property_pipeline.defs.partitions import partition_key  # noqa: E402
from property_pipeline.landing import iter_partitions  # noqa: E402
from property_pipeline.settings import Settings  # noqa: E402
from property_pipeline_tests.fake_ollama import FakeOllama  # noqa: E402


def run_all(settings: Settings, llm: OllamaResource, instance: dg.DagsterInstance) -> float:
    started = time.perf_counter()
    for source, day in iter_partitions(settings.landing_root):
        dg.materialize(
            PARTITION_ASSETS,
            partition_key=partition_key(source, day),
            resources={**build_resources(settings), "llm": llm},
            instance=instance,
            run_config={"loggers": {"console": {"config": {"log_level": "ERROR"}}}},
        )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--slots", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, FakeOllama(slots=args.slots, latency_s=args.latency) as srv:
        settings = Settings(landing_root=SAMPLES / "landing", warehouse_url=f"sqlite:///{tmp}/w.db", llm_backend="ollama")
        llm = OllamaResource(host=srv.url, max_in_flight=args.slots)
        instance = dg.DagsterInstance.ephemeral()
        first = run_all(settings, llm, instance)
        first_calls = srv.chat_count
        second = run_all(settings, llm, instance)
        print(f"first run: {first_calls} LLM calls, {first:.2f} s")
        print(f"rerun:     {srv.chat_count - first_calls} LLM calls, {second:.2f} s ({second / first:.2f} of the first)")


if __name__ == "__main__":
    main()
