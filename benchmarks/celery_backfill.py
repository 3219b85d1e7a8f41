"""A backfill through `dagster-daemon` on a PostgreSQL instance, steps in process against
steps on Celery workers: wall time of each for the same partitions.

    python benchmarks/celery_backfill.py [--days 4] [--workers 2] [--concurrency 1]

`--days` days x 2 sources of the sample landing zone (8 partitions by default), rules-only
extraction, the repository's dagster.yaml (run queue of 4, `ollama` pool of 1). Needs
PostgreSQL (PROPERTY_PIPELINE_TEST_PG_URL) and RabbitMQ (PROPERTY_PIPELINE_CELERY_BROKER,
default amqp://guest:guest@127.0.0.1:5672//). Each mode gets fresh databases, a fresh daemon
and its own queue; wall time runs from submitting the backfill to its last run ending
(`runs` is first run start to last run end, from the run records).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa

from property_pipeline.defs.executors import BROKER_VAR, DEFAULT_BROKER
from property_pipeline_tests.conftest import DEFAULT_PG_URL
from property_pipeline_tests.ops.celery_cluster import (
    Cluster,
    broker_problem,
    cluster_env,
    delete_queue,
    instance_for,
    make_landing,
    step_executions,
    wait_for_runs,
)


@contextmanager
def databases(server_url: str, count: int):
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    names = [f"pp_bench_{uuid.uuid4().hex[:10]}" for _ in range(count)]
    with admin.connect() as conn:
        for name in names:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield [sa.make_url(server_url).set(database=n).render_as_string(hide_password=False) for n in names]
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def backfill(mode: str, args: argparse.Namespace, tmp: Path, landing: Path, keys: list[str], broker: str) -> dict:
    """One backfill of `keys` with the executor `mode`; its wall time and where steps ran."""
    server = os.environ.get("PROPERTY_PIPELINE_TEST_PG_URL", DEFAULT_PG_URL)
    with databases(server, 2) as (instance_url, warehouse_url):
        home = tmp / f"home_{mode}"
        env = cluster_env(home, landing, instance_url, warehouse_url, mode, broker)
        cluster = Cluster(home=home, landing=landing, env=env, instance_url=instance_url, warehouse_url=warehouse_url)
        try:
            cluster.start_daemon()
            if mode == "celery":
                for i in range(args.workers):
                    cluster.start_worker(f"w{i + 1}", args.concurrency)
                cluster.wait_for_workers()
            instance = instance_for(env)
            started = time.monotonic()
            backfill_id = cluster.backfill(keys)
            runs = wait_for_runs(cluster, instance, backfill_id, len(keys), timeout_s=3600)
            wall = time.monotonic() - started
            failed = [r.tags.get("dagster/partition") for r in runs if r.status.value != "SUCCESS"]
            records = [instance.get_run_record_by_id(r.run_id) for r in runs]
            span = max(r.end_time for r in records) - min(r.start_time for r in records)
            workers = sorted({e.worker for e in step_executions(instance, [r.run_id for r in runs])})
            instance.dispose()
        finally:
            cluster.stop()
            delete_queue(broker, env["PROPERTY_PIPELINE_CELERY_QUEUE"])
    return {"mode": mode, "wall_s": wall, "runs_s": span, "failed": failed, "workers": workers}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--days", type=int, default=4, help="days of both sources (partitions = 2 x days)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=1, help="processes per Celery worker")
    args = parser.parse_args()
    broker = os.environ.get(BROKER_VAR) or DEFAULT_BROKER
    problem = broker_problem(broker)
    if problem:
        print(f"broker {broker} not reachable: {problem}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="pp_celery_bench_") as tmp_dir:
        tmp = Path(tmp_dir)
        keys = make_landing(tmp / "landing", args.days)
        print(f"{len(keys)} partitions, rules-only extraction, dagster.yaml run queue and pools as shipped")
        results = [backfill(mode, args, tmp, tmp / "landing", keys, broker) for mode in ("in_process", "celery")]
    print(f"\n{'executor':<34} {'wall (s)':>9} {'runs (s)':>9}  failed  steps ran on")
    for r in results:
        label = r["mode"] if r["mode"] == "in_process" else f"celery, {args.workers} workers x {args.concurrency}"
        print(f"{label:<34} {r['wall_s']:>9.1f} {r['runs_s']:>9.1f}  {len(r['failed']):>6}  {', '.join(r['workers']) or '-'}")
    return 1 if any(r["failed"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
