"""Concurrent writers of the warehouse, as real processes on a real PostgreSQL: three
`property-pipeline run`s of one 300-file partition leave exactly one copy of every row;
processes racing to create fresh tables never fail; different partitions written at once
both land."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from property_pipeline.landing import scan_partition

from .conftest import REPO, SAMPLE_LANDING

CLI = Path(sys.executable).parent / "property-pipeline"
TABLES = (
    "raw_collector_files",
    "extracted_properties",
    "extraction_dead_letters",
    "validated_properties",
    "quarantined_properties",
    "property_quality_report",
)


def big_partition(root: Path, copies: int) -> int:
    """A phoenix_mls day of `copies` x the sample pages, each copy distinct content."""
    day = root / "phoenix_mls" / "2026-11-20"
    day.mkdir(parents=True)
    samples = sorted((SAMPLE_LANDING / "phoenix_mls" / "2026-11-20").iterdir())
    for n in range(copies):
        for sample in samples:
            (day / f"{n:03d}_{sample.name}").write_bytes(sample.read_bytes() + f"\n<!-- copy {n} -->\n".encode())
    return len(scan_partition(root, "phoenix_mls", dt.date(2026, 11, 20)))  # temporary names are not files


def rows_by_table(url: str) -> dict[str, list[tuple]]:
    engine = sa.create_engine(url)
    out = {}
    with engine.connect() as conn:
        for table in TABLES:
            key = "source, collected_on" if table == "property_quality_report" else "source_file"
            out[table] = [tuple(r) for r in conn.execute(sa.text(f"select {key} from {table}"))]
    engine.dispose()
    return out


def test_three_concurrent_runs_of_one_partition_leave_one_copy(pg_url, tmp_path):
    files = big_partition(tmp_path / "landing", copies=24)
    assert files >= 300
    env = {
        **os.environ,
        "PROPERTY_PIPELINE_WAREHOUSE_URL": pg_url,
        "PROPERTY_PIPELINE_LLM": "none",
        "PROPERTY_PIPELINE_SETTLE_S": "0",
    }
    procs = []
    for n in range(3):
        # Separate Dagster instances, so nothing Dagster-side serializes them: only the
        # warehouse's own locking stands between the three writers.
        (tmp_path / f"home{n}").mkdir()
        procs.append(
            subprocess.Popen(
                [str(CLI), "run", "--landing", str(tmp_path / "landing")],
                cwd=REPO, env={**env, "DAGSTER_HOME": str(tmp_path / f"home{n}")},
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            )
        )
    outputs = [p.communicate(timeout=900)[0].decode(errors="replace") for p in procs]
    for proc, out in zip(procs, outputs):
        assert proc.returncode == 0, out[-3000:]
    rows = rows_by_table(pg_url)
    assert len(rows["raw_collector_files"]) == files
    for table, keys in rows.items():
        duplicated = [k for k, n in Counter(keys).items() if n > 1]
        assert not duplicated, f"{table}: {len(duplicated)} rows written more than once"
    outcomes = sum(len(rows[t]) for t in ("validated_properties", "quarantined_properties", "extraction_dead_letters"))
    assert outcomes == files, "every file accounted for exactly once"
    assert len(rows["property_quality_report"]) == 1


def _write(url: str, table_count: int, day: str, barrier, errors) -> None:
    """One writer process: every table, one partition, started together with the others."""
    from property_pipeline.storage import warehouse

    partition = {"source": "phoenix_mls", "collected_on": dt.date.fromisoformat(day)}
    df = pd.DataFrame(
        [{"record_id": f"{i:064x}", **partition, "source_file": f"f{i}", "list_price": float(i), "field_sources": {"i": i}} for i in range(200)]
    )
    barrier.wait()
    try:
        for n in range(table_count):
            warehouse.replace_partition(url, f"race_{n}", df, partition)
    except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on any
        errors.put(f"{type(exc).__name__}: {exc}")


def race(url: str, days: list[str], table_count: int = 6) -> list[str]:
    ctx = mp.get_context("spawn")
    barrier, errors = ctx.Barrier(len(days)), ctx.Queue()
    procs = [ctx.Process(target=_write, args=(url, table_count, day, barrier, errors)) for day in days]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=300)
        assert proc.exitcode == 0
    found = []
    while not errors.empty():
        found.append(errors.get())
    return found


def counts(url: str, table_count: int = 6) -> list[dict]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        out = [
            dict(conn.execute(sa.text(f"select collected_on::text, count(*) from race_{n} group by 1")).all())
            for n in range(table_count)
        ]
    engine.dispose()
    return out


def test_writers_racing_to_create_fresh_tables_never_fail(pg_url):
    day = "2026-11-20"
    assert race(pg_url, [day, day, day, day]) == []
    assert counts(pg_url) == [{day: 200}] * 6, "one copy of the partition in every table"


def test_different_partitions_written_at_once_both_land(pg_url):
    days = ["2026-11-20", "2026-11-21", "2026-11-22"]
    assert race(pg_url, days) == []
    assert counts(pg_url) == [dict.fromkeys(days, 200)] * 6


def test_sqlite_writers_take_turns(tmp_path):
    url = f"sqlite:///{tmp_path / 'warehouse.db'}"
    day = "2026-11-20"
    assert race(url, [day, day, "2026-11-21"]) == []
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        for n in range(6):
            got = dict(conn.execute(sa.text(f"select collected_on, count(*) from race_{n} group by 1")).all())
            assert got == {day: 200, "2026-11-21": 200}
    engine.dispose()
    shutil.rmtree(tmp_path)
