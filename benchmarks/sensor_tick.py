"""One landing-zone sensor evaluation over 100,000 files: the cost the daemon pays every tick.

    python benchmarks/sensor_tick.py [--files 100000] [--days 50]

Generates the files in a temporary directory (both sources, `--days` day folders, plus a
few temporary names), then times: the first tick (every folder new), a steady tick (nothing
changed), and a tick after one late file. Prints seconds per tick and the cursor size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time
from pathlib import Path

import dagster as dg
from property_pipeline.ops.config import OpsSettings

from property_pipeline.definitions import property_job
from property_pipeline.defs.resources import LandingZone
from property_pipeline.defs.sensors import build_landing_zone_sensor

SOURCES = {"phoenix_mls": ".html", "maricopa_county": ".json"}


def generate(root: Path, files: int, days: int) -> None:
    per_folder = files // (days * len(SOURCES))
    old = time.time() - 3600
    start = dt.date(2026, 1, 1)
    for source, ext in SOURCES.items():
        for d in range(days):
            folder = root / source / (start + dt.timedelta(days=d)).isoformat()
            folder.mkdir(parents=True)
            for i in range(per_folder):
                path = folder / f"f{i:06d}{ext}"
                path.write_bytes(b"x" * (i % 97))
                os.utime(path, (old, old))
            (folder / ".in-progress.html").write_bytes(b"")
            (folder / f"next{ext}.part").write_bytes(b"")


def timed(sensor, root: Path, cursor: str | None) -> tuple[float, dg.SensorResult]:
    context = dg.build_sensor_context(cursor=cursor, resources={"landing": LandingZone(root=str(root))})
    started = time.perf_counter()
    result = sensor(context)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=50)
    args = parser.parse_args()
    sensor = build_landing_zone_sensor(property_job, OpsSettings(settle_s=60))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        generate(root, args.files, args.days)
        print(f"generated {args.files:,} files in {args.days * len(SOURCES)} folders in {time.perf_counter() - t0:.1f}s")

        first, result = timed(sensor, root, None)
        print(f"first tick  (all new):      {first:.3f}s  {len(result.run_requests)} run requests")
        steady, result2 = timed(sensor, root, result.cursor)
        print(f"steady tick (nothing new):  {steady:.3f}s  {len(result2.run_requests or [])} run requests")
        late = root / "phoenix_mls" / "2026-01-05" / "late.html"
        late.write_bytes(b"late")
        os.utime(late, (time.time() - 3600,) * 2)
        after, result3 = timed(sensor, root, result2.cursor)
        print(f"late-file tick:             {after:.3f}s  {len(result3.run_requests)} run request(s)")
        print(f"cursor size: {len(result3.cursor):,} bytes")


if __name__ == "__main__":
    main()
