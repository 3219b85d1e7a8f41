"""Ways to use the same model on a labeled landing zone, side by side:

- rules:    no LLM at all (the floor every LLM strategy is measured against);
- naive:    one call per file asking for every contract field (full schema), no rules;
- hybrid:   the same full-schema call, merged with the rules (the first LLM design);
- targeted: only the fields the rules could not read, plus cross-checks, short-key schema.

    python benchmarks/llm_strategies.py [--backend embedded|ollama] [--limit N]
        [--strategies rules,naive,targeted] [--landing DIR --labels DIR]

Prints field accuracy, accuracy over stated fields, hallucination rate, output and
prompt tokens per record, seconds per listing page and per record, LLM calls per
record. Uses the embedded model by default (the same 1.5B model on every machine).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _corpus import SAMPLES  # noqa: E402

from property_pipeline.definitions import llm_backend  # noqa: E402
from property_pipeline.evaluation import calibrate, format_scores, load_labels, score_records  # noqa: E402
from property_pipeline.extraction.extractor import Extractor  # noqa: E402
from property_pipeline.landing import iter_partitions, scan_partition  # noqa: E402
from property_pipeline.nulls import frame_records  # noqa: E402
from property_pipeline.quality.validate import validate_records  # noqa: E402
from property_pipeline.settings import Settings  # noqa: E402

STRATEGIES = {
    "rules": {"use_rules": True, "strategy": "targeted"},
    "naive": {"use_rules": False, "strategy": "full"},
    "hybrid": {"use_rules": True, "strategy": "full"},
    "targeted": {"use_rules": True, "strategy": "targeted"},
}


def run(name: str, llm, landing: Path, labels: dict, limit: int | None) -> dict:
    records, seconds, listing_seconds, files, listings, usage = [], 0.0, 0.0, 0, 0, []
    for source, day in iter_partitions(landing):
        batch = [f for f in scan_partition(landing, source, day) if f.path in labels]
        batch = [f for f in batch if labels[f.path]["disposition"] != "dead_letter"]
        if limit is not None:
            batch = batch[:limit]
        if not batch:
            continue
        extractor = Extractor(source, root=landing, llm=None if name == "rules" else llm, **STRATEGIES[name])
        started = time.perf_counter()
        result = asyncio.run(extractor.run(batch))
        elapsed = time.perf_counter() - started
        seconds += elapsed
        files += len(batch)
        if source == "phoenix_mls":
            listing_seconds += elapsed
            listings += len(batch)
        usage.append(result.usage)
        checked = validate_records(result.records_frame())
        for frame in (checked.validated, checked.quarantined):
            records += frame_records(frame)
    score = score_records(records, {path: label for path, label in labels.items() if any(r["source_file"] == path for r in records)})
    overall = score.get(("all", "all"))
    return {
        "scores": score,
        "high_conf_ok": calibrate(records, labels).high_precision,
        "strategy": name,
        "accuracy": overall.accuracy,
        "stated": overall.stated_accuracy,
        "halluc": overall.hallucination_rate,
        "out_tok": sum(u.completion_tokens for u in usage) / files,
        "prompt_tok": sum(u.prompt_tokens for u in usage) / files,
        "s_listing": listing_seconds / listings if listings else 0.0,
        "s_record": seconds / files,
        "calls": sum(u.requests for u in usage) / files,
        "files": files,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="embedded", choices=("embedded", "ollama"))
    parser.add_argument("--limit", type=int, default=None, help="files per partition (default: all)")
    parser.add_argument("--strategies", default="naive,hybrid,targeted")
    parser.add_argument("--by-layout", action="store_true", help="also print each strategy's per-layout table")
    parser.add_argument("--landing", type=Path, default=SAMPLES / "landing", help="labeled landing root")
    parser.add_argument("--labels", type=Path, default=None, help="labels root (default: <landing>/../expected)")
    args = parser.parse_args()
    settings = Settings.from_env().replace(llm_backend=args.backend)
    llm = llm_backend(settings).get_client()
    landing, labels = args.landing, load_labels(args.labels or args.landing.parent / "expected")
    rows = [run(name, llm, landing, labels, args.limit) for name in args.strategies.split(",")]
    header = ("strategy", "accuracy", "stated", "halluc", "high_conf_ok", "out_tok", "prompt_tok", "s_listing", "s_record", "calls", "files")
    print(f"model: {llm.model}")
    print(" ".join(f"{h:>10}" for h in header))
    for row in rows:
        print(" ".join(f"{row[h]:>10.3f}" if isinstance(row[h], float) else f"{row[h]:>10}" for h in header))
    for row in rows if args.by_layout else ():
        print(f"\n== {row['strategy']} ==\n{format_scores(row['scores'])}")


if __name__ == "__main__":
    main()
