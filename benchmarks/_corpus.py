"""Synthetic landing zones for benchmarks: the labeled samples, copied N times with unique bytes."""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from property_pipeline.evaluation import load_labels
from property_pipeline.landing import RawFile

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"


def valid_sample_paths(source: str) -> list[Path]:
    labels = load_labels(SAMPLES / "expected", source)
    return [SAMPLES / "landing" / p for p, label in labels.items() if label["disposition"] != "dead_letter"]


def make_partition(
    root: Path, source: str, count: int, day: dt.date = dt.date(2026, 1, 1), unique_text: bool = False
) -> list[RawFile]:
    """`count` files of one partition, cycling over the valid samples; each file's bytes are unique
    (a trailing comment or JSON key), so no two share a record_id. With `unique_text` the
    difference is visible text, so no two share an LLM cache key either."""
    folder = root / source / day.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i, path in zip(range(count), itertools.cycle(valid_sample_paths(source))):
        data = path.read_bytes()
        if path.suffix == ".json":
            data = data.rstrip()[:-1] + f', "bench_copy": {i}}}'.encode()
        elif unique_text:
            marker = f"<p>Copy reference: {i}</p>".encode()
            data = data.replace(b"</body>", marker + b"</body>", 1) if b"</body>" in data else data + marker
        else:
            data += f"<!-- copy {i} -->".encode()
        name = f"{i:06d}_{path.name}"
        (folder / name).write_bytes(data)
        files.append(RawFile(source, day, f"{source}/{day.isoformat()}/{name}", len(data)))
    return files


def run_sizes_in_fresh_processes(
    script: str, child: Callable[[int, str], dict[str, Any]], header: str, row: Callable[[dict[str, Any], str], str]
) -> None:
    """The command line of a per-size benchmark: each size runs `child` in a fresh process of
    `script`, so that the peak RSS each reports is that size's own."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", type=int)
    parser.add_argument("--source", default="phoenix_mls")
    parser.add_argument("--sizes", default="1000,5000,10000")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.source)))
        return
    print(header)
    for size in map(int, args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, script, "--child", str(size), "--source", args.source],
            capture_output=True, text=True, check=True,
        )
        print(row(json.loads(out.stdout.strip().splitlines()[-1]), args.source))
