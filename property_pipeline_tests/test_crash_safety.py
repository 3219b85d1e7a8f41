"""SIGKILL in the middle of a run (during extraction, during the warehouse write), then a rerun,
leaves exactly what a clean run leaves: real processes, a real PostgreSQL warehouse."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from property_pipeline.storage import warehouse

from .conftest import REPO, SAMPLE_LANDING, labelled_responder
from .fake_ollama import FakeOllama
from .test_pipeline import OUTCOMES

CLI = Path(sys.executable).parent / "property-pipeline"


def start_run(url: str, ollama_url: str, home: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "PROPERTY_PIPELINE_WAREHOUSE_URL": url,
        "PROPERTY_PIPELINE_LLM": "ollama",
        "OLLAMA_HOST": ollama_url,
        "OLLAMA_NUM_PARALLEL": "1",
    }
    home.mkdir(exist_ok=True)
    return subprocess.Popen(
        [str(CLI), "run", "--landing", str(SAMPLE_LANDING)],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )


def finish(proc: subprocess.Popen) -> None:
    out, _ = proc.communicate(timeout=300)
    assert proc.returncode == 0, out.decode(errors="replace")[-3000:]


def kill_group(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every outcome row by (file, content hash, key fields); sorted, duplicates kept."""
    out = {}
    for table in OUTCOMES:
        df = warehouse.read_table(url, table)
        keys = [c for c in ("source_file", "record_id", "reason_code", "list_price", "confidence") if c in df.columns]
        out[table] = sorted(tuple(str(v) for v in row) for row in df[keys].itertuples(index=False))
    return out


def wait_for(predicate, timeout: float = 120.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def clean_run(pg_server_url, tmp_path_factory) -> tuple[dict[str, list[tuple]], int]:
    """A clean run of the samples on its own fresh warehouse: the outcome rows every crashed
    and rerun warehouse must end with, and how many LLM requests it took. One run serves the
    module (the same command on the same files in each test)."""
    admin = sa.create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    name = f"pp_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    clean_url = sa.make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)
    try:
        with FakeOllama(responder=labelled_responder()) as fast:
            finish(start_run(clean_url, fast.url, tmp_path_factory.mktemp("clean")))
            clean_calls = fast.chat_count
        clean = snapshot(clean_url)
    finally:
        warehouse.get_engine.cache_clear()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    assert sum(len(rows) for rows in clean.values()) > 30
    return clean, clean_calls


def test_kill_during_extraction_then_rerun_matches_a_clean_run(pg_url, tmp_path, clean_run):
    clean, clean_calls = clean_run

    with FakeOllama(responder=labelled_responder(), latency_s=0.4, slots=1) as slow:
        proc = start_run(pg_url, slow.url, tmp_path / "crash")
        wait_for(lambda: slow.chat_count >= 4, what="the run to be mid-extraction")
        kill_group(proc)
        answered_before_kill = slow.chat_count
    cache = sa.create_engine(pg_url)
    with cache.connect() as conn:
        cached = conn.execute(sa.text("select values_json from llm_cache")).scalars().all()
    cache.dispose()
    assert 1 <= len(cached) <= answered_before_kill
    assert all(isinstance(json.loads(v), dict) for v in cached), "cache rows are whole"

    with FakeOllama(responder=labelled_responder()) as fast:
        finish(start_run(pg_url, fast.url, tmp_path / "crash"))
        assert fast.chat_count == clean_calls - len(cached), "the rerun reuses what the killed run cached"
    assert snapshot(pg_url) == clean


def test_kill_during_warehouse_write_rolls_back_then_rerun_matches(pg_url, tmp_path):
    with FakeOllama(responder=labelled_responder()) as fast:
        finish(start_run(pg_url, fast.url, tmp_path / "home"))
        before = snapshot(pg_url)
        engine = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            # Every inserted row takes a while, so the kill lands after the partition's
            # DELETE and in the middle of its INSERTs, inside the one transaction.
            conn.execute(sa.text(
                "create function slow_insert() returns trigger language plpgsql as "
                "$$ begin perform pg_sleep(0.5); return new; end $$"
            ))
            conn.execute(sa.text(
                "create trigger slow before insert on validated_properties for each row execute function slow_insert()"
            ))
            proc = start_run(pg_url, fast.url, tmp_path / "home")

            def inserting() -> bool:
                query = (
                    "select count(*) from pg_stat_activity where (query ilike 'insert into %validated_properties%' or query ilike 'copy %validated_properties%') "
                    "and state = 'active' and pid <> pg_backend_pid()"
                )
                return conn.execute(sa.text(query)).scalar() > 0

            wait_for(inserting, what="the write to validated_properties")
            time.sleep(0.7)
            kill_group(proc)
            conn.execute(sa.text("drop trigger slow on validated_properties"))
            wait_for(
                lambda: conn.execute(
                    sa.text(
                        "select count(*) from pg_stat_activity where (query ilike 'insert into %validated_properties%' or query ilike 'copy %validated_properties%') "
                        "and state = 'active' and pid <> pg_backend_pid()"
                    )
                ).scalar() == 0,
                what="the killed transaction to end",
            )
        engine.dispose()
        assert snapshot(pg_url) == before, "the killed write left nothing half done"
        finish(start_run(pg_url, fast.url, tmp_path / "home"))
    assert snapshot(pg_url) == before


def test_database_connections_dropped_mid_run_never_lose_rows_silently(pg_server_url, make_pg_database, tmp_path, clean_run):
    """PostgreSQL dropping every connection (as a restart does) during a run, on both the
    warehouse and the Dagster instance storage: the run fails or retries, and either way a
    rerun completes the partitions exactly."""
    clean, _ = clean_run
    url, instance_url = make_pg_database(), make_pg_database()

    home = tmp_path / "pg_home"
    home.mkdir()
    (home / "dagster.yaml").write_text((REPO / "dagster.yaml").read_text())
    os.environ["DAGSTER_PG_URL"] = instance_url
    admin = sa.create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    databases = [sa.make_url(u).database for u in (url, instance_url)]
    terminate = sa.text(
        "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = any(:names) and pid <> pg_backend_pid()"
    )
    try:
        with FakeOllama(responder=labelled_responder(), latency_s=0.2) as srv:
            proc = start_run(url, srv.url, home)
            killed = 0
            with admin.connect() as conn:
                deadline = time.monotonic() + 120
                while proc.poll() is None and time.monotonic() < deadline and killed < 6:
                    dropped = conn.execute(terminate, {"names": databases}).scalar()
                    killed += bool(dropped)
                    time.sleep(1.0)
            out, _ = proc.communicate(timeout=300)
            assert killed >= 1, "the fault was never injected"
            if proc.returncode == 0:
                # Success despite the drops (retries): it must be complete, not silently short.
                assert snapshot(url) == clean, out.decode(errors="replace")[-2000:]
            finish(start_run(url, srv.url, home))
        assert snapshot(url) == clean
    finally:
        del os.environ["DAGSTER_PG_URL"]
        admin.dispose()
