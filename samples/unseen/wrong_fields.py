#!/usr/bin/env python3
"""List, per file, the fields the rule extractors got wrong on the unseen set (measurement only).

    .venv/bin/python samples/unseen/wrong_fields.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from property_pipeline.evaluation import evaluate_samples, load_labels

ROOT = Path(__file__).resolve().parent


def same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(b, bool) or isinstance(a, bool):
        return a == b
    if isinstance(b, (int, float)) and isinstance(a, (int, float)):
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))
    return a == b


def main() -> int:
    labels = load_labels(ROOT / "expected")
    records, _, _ = evaluate_samples(ROOT / "landing", labels, mode="rules")
    by_file = {r.get("source_file"): r for r in records}
    total = 0
    for key in sorted(labels):
        lab = labels[key]
        rec = by_file.get(key)
        if rec is None:
            print(f"{key}: NO RECORD (dead-lettered or skipped)")
            continue
        wrong = [(f, rec.get(f), v) for f, v in lab["fields"].items() if not same(rec.get(f), v)]
        total += len(wrong)
        print(f"{key} [{lab['layout']}] {len(wrong)} wrong")
        for f, got, want in wrong:
            g, w = repr(got), repr(want)
            print(f"    {f}: got {g[:70]} want {w[:70]}")
    print(f"total wrong fields: {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
