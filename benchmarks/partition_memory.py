"""One assessor partition of N generated parcels through the partition assets, rules only, on
SQLite and on PostgreSQL: wall time, throughput and peak RSS per size, and whether every file
is accounted for (the conservation check).

    python benchmarks/partition_memory.py [--sizes 10000,100000,1000000] [--databases sqlite,postgresql]
        [--pg-url postgresql://postgres@127.0.0.1:5432/postgres] [--work /work/tmp/partition_memory]
        [--profile DIR]

Each (size, database) runs `dg.materialize` in a fresh child process; its peak RSS is the
child's own ru_maxrss (os.wait4), and its CPU time (user + system) is reported beside the wall
time: on a shared machine parcels per CPU-second is the figure that compares between runs. The landing folder of each size is generated once (small
JSON files, the valid assessor samples with a unique key each, written without per-file
Python state), shared by both databases and deleted afterwards. The PostgreSQL database is
created for the run and dropped after it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

SOURCE, DAY = "maricopa_county", dt.date(2026, 1, 1)


def generate(root: Path, count: int) -> None:
    """`count` small assessor JSON files, each with unique bytes (a `bench_copy` key)."""
    from _corpus import valid_sample_paths

    folder = root / SOURCE / DAY.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    samples = [(p.name, p.read_bytes().rstrip()[:-1]) for p in valid_sample_paths(SOURCE) if p.suffix == ".json"]
    for i, (name, head) in zip(range(count), itertools.cycle(samples)):
        with open(folder / f"{i:07d}_{name}", "wb") as handle:
            handle.write(head + b', "bench_copy": %d}' % i)


def child(root: str, url: str) -> dict:
    import dagster as dg

    from property_pipeline.definitions import PARTITION_ASSETS, build_resources
    from property_pipeline.defs.partitions import partition_key
    from property_pipeline.settings import Settings

    settings = Settings(landing_root=Path(root), warehouse_url=url, llm_backend="none")
    started = time.perf_counter()
    result = dg.materialize(
        PARTITION_ASSETS,
        partition_key=partition_key(SOURCE, DAY),
        resources=build_resources(settings),
        instance=dg.DagsterInstance.ephemeral(),
        run_config={"loggers": {"console": {"config": {"log_level": "ERROR"}}}},
        raise_on_error=False,
    )
    elapsed = time.perf_counter() - started
    checks = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    steps = {}
    for event in result.all_events:
        if event.event_type_value == "ASSET_MATERIALIZATION":
            md = event.event_specific_data.materialization.metadata
            if "rows_written" in md:
                steps[event.asset_key.path[-1]] = md["rows_written"].value
    return {"seconds": elapsed, "conserved": checks.get("every_file_accounted_for"), "rows": steps, "success": result.success}


def run_child(root: Path, url: str, profile: Path | None = None) -> dict:
    # The partitions start at the landing zone's first day, read when the definitions load.
    env = {**os.environ, "PROPERTY_PIPELINE_PARTITION_START": DAY.isoformat()}
    profiler = ["-m", "cProfile", "-o", str(profile)] if profile else []
    process = subprocess.Popen(
        [sys.executable, *profiler, __file__, "--child", str(root), url], stdout=subprocess.PIPE, text=True, cwd=REPO, env=env
    )
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"child failed ({process.returncode}) on {url}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"] = usage.ru_maxrss / 1024
    result["cpu_s"] = usage.ru_utime + usage.ru_stime
    return result


def pg_database(server: str) -> tuple[str, callable]:
    import sqlalchemy as sa

    from property_pipeline.storage.warehouse import normalize_url

    admin = sa.create_engine(normalize_url(server), isolation_level="AUTOCOMMIT")
    name = f"pp_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return sa.make_url(server).set(database=name).render_as_string(hide_password=False), drop


def copy_vs_insert(server: str, rows: int) -> None:
    """Rows/s of one partition replacement on PostgreSQL, COPY against batched INSERTs, on
    extracted records of the assessor samples (copied with distinct record_ids)."""
    import asyncio
    import tempfile

    import pandas as pd

    from property_pipeline.extraction.extractor import Extractor
    from property_pipeline.landing import scan_partition
    from property_pipeline.storage.warehouse import PartitionTransaction

    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), 200)
        records = asyncio.run(Extractor(SOURCE, root=Path(tmp)).run(scan_partition(Path(tmp), SOURCE, DAY))).records_frame()
    frame = pd.concat([records] * (rows // len(records) + 1), ignore_index=True).head(rows)
    frame["record_id"] = [f"{i:064x}" for i in range(len(frame))]
    url, drop = pg_database(server)
    try:
        for bulk in (True, False, True, False):
            started = time.perf_counter()
            with PartitionTransaction(url, bulk=bulk) as transaction:
                writer = transaction.replace("extracted_properties", {"source": SOURCE, "collected_on": DAY})
                for start in range(0, len(frame), 2000):
                    writer.write(frame.iloc[start : start + 2000])
            seconds = time.perf_counter() - started
            print(f"{'COPY' if bulk else 'INSERT':>6}: {len(frame)} rows in {seconds:.1f} s, {len(frame) / seconds:,.0f} rows/s", flush=True)
    finally:
        drop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=2)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--pg-url", default=os.environ.get("PROPERTY_PIPELINE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--work", type=Path, default=Path("/work/tmp/partition_memory"))
    parser.add_argument("--copy-vs-insert", type=int, metavar="ROWS", help="only compare COPY and INSERT on PostgreSQL")
    parser.add_argument(
        "--profile", type=Path, metavar="DIR",
        help="run each child under cProfile, stats in DIR/<size>_<database>.prof (times are then not comparable)",
    )
    args = parser.parse_args()
    if args.copy_vs_insert:
        copy_vs_insert(args.pg_url, args.copy_vs_insert)
        return
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    print(f"{'parcels':>8} {'database':>10} {'generate s':>10} {'run s':>7} {'parcels/s':>9} {'peak RSS MB':>11} {'CPU s':>7} {'parcels/CPU-s':>13} {'conserved':>9}  rows written")
    for size in map(int, args.sizes.split(",")):
        work = args.work / f"{size}"
        shutil.rmtree(work, ignore_errors=True)
        started = time.perf_counter()
        generate(work / "landing", size)
        generated = time.perf_counter() - started
        try:
            for database in args.databases.split(","):
                if database == "sqlite":
                    url, drop = f"sqlite:///{work}/warehouse.db", (lambda: None)
                else:
                    url, drop = pg_database(args.pg_url)
                profile = None
                if args.profile:
                    args.profile.mkdir(parents=True, exist_ok=True)
                    profile = args.profile / f"{size}_{database}.prof"
                try:
                    r = run_child(work / "landing", url, profile)
                finally:
                    drop()
                print(
                    f"{size:8d} {database:>10} {generated:10.1f} {r['seconds']:7.1f} {size / r['seconds']:9.0f} "
                    f"{r['peak_rss_mb']:11.1f} {r['cpu_s']:7.1f} {size / r['cpu_s']:13.0f} {r['conserved']!s:>9}  {r['rows']}",
                    flush=True,
                )
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
