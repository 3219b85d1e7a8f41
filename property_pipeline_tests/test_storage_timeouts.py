"""Database hangs end in bounded time: a warehouse that accepts connections and never answers
fails `run` and `export` with the timeout error; SIGTERM ends a `run` blocked in a warehouse
write promptly, with exit 143 and the partition as it was before (the write rolled back)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Self

import sqlalchemy as sa

from property_pipeline.storage import warehouse

from .conftest import REPO, SAMPLE_LANDING

CLI = Path(sys.executable).parent / "property-pipeline"


class SilentServer:
    """A TCP server on loopback that accepts every connection and never sends a byte."""

    def __enter__(self) -> Self:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def __exit__(self, *exc) -> None:
        self.sock.close()
        for conn in self.accepted:
            conn.close()


def cli_env(tmp_path: Path, url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DAGSTER_HOME": str(tmp_path / "home"),
        "PROPERTY_PIPELINE_WAREHOUSE_URL": url,
        "PROPERTY_PIPELINE_LLM": "none",
        "PROPERTY_PIPELINE_SETTLE_S": "0",
        **extra,
    }


def test_a_silent_warehouse_fails_run_and_export_with_the_timeout(tmp_path):
    (tmp_path / "home").mkdir()
    with SilentServer() as server:
        env = cli_env(tmp_path, f"postgresql://pp@127.0.0.1:{server.port}/warehouse", PROPERTY_PIPELINE_DB_CONNECT_TIMEOUT_S="2")
        for args in (["run", "--landing", str(SAMPLE_LANDING)], ["export", "--out", str(tmp_path / "out.jsonl")]):
            proc = subprocess.run([str(CLI), *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False)
            assert proc.returncode not in (0, None), proc.stdout[-2000:]
            assert "timeout expired" in proc.stderr, proc.stderr[-3000:]
            assert server.accepted, "the command did reach the silent server"
        assert not (tmp_path / "out.jsonl").exists(), "no export file from a failed export"


def test_timeouts_are_configurable_and_checked():
    assert warehouse.Timeouts.from_env({}) == warehouse.Timeouts(10.0, 300.0)
    assert warehouse.Timeouts.from_env({warehouse.CONNECT_TIMEOUT_VAR: "3", warehouse.STATEMENT_TIMEOUT_VAR: "60"}) == warehouse.Timeouts(3.0, 60.0)
    for bad in ("0", "-1", "soon"):
        try:
            warehouse.Timeouts.from_env({warehouse.STATEMENT_TIMEOUT_VAR: bad})
        except ValueError as exc:
            assert warehouse.STATEMENT_TIMEOUT_VAR in str(exc)
        else:
            raise AssertionError(f"{bad!r} accepted")


def test_statement_timeout_applies_on_postgres(pg_url, monkeypatch):
    monkeypatch.setenv(warehouse.STATEMENT_TIMEOUT_VAR, "1")
    warehouse.get_engine.cache_clear()
    try:
        with warehouse.get_engine(pg_url).connect() as conn:
            try:
                conn.execute(sa.text("select pg_sleep(30)"))
            except sa.exc.OperationalError as exc:
                assert "statement timeout" in str(exc)
            else:
                raise AssertionError("a 30 s statement ran past a 1 s statement timeout")
    finally:
        warehouse.get_engine.cache_clear()


def partition_rows(url: str) -> dict[str, int]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        out = {
            t: conn.execute(sa.text(f"select count(*) from {t}")).scalar()
            for t in ("raw_collector_files", "extracted_properties", "validated_properties", "extraction_dead_letters")
        }
    engine.dispose()
    return out


def test_sigterm_ends_a_run_blocked_in_a_warehouse_write_and_rolls_it_back(pg_url, tmp_path):
    (tmp_path / "home").mkdir()
    env = cli_env(tmp_path, pg_url)
    run = [str(CLI), "run", "--landing", str(SAMPLE_LANDING), "--source", "phoenix_mls", "--date", "2026-11-20"]
    first = subprocess.run(run, cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert first.returncode == 0, first.stderr[-3000:]
    before = partition_rows(pg_url)
    assert before["validated_properties"] > 0
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        # Every inserted row takes 5 s: the rerun's write blocks inside the driver for minutes.
        conn.execute(sa.text(
            "create function slow_insert() returns trigger language plpgsql as "
            "$$ begin perform pg_sleep(5); return new; end $$"
        ))
        conn.execute(sa.text(
            "create trigger slow before insert on validated_properties for each row execute function slow_insert()"
        ))
        proc = subprocess.Popen(run, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        inserting = sa.text(
            "select count(*) from pg_stat_activity where (query ilike 'insert into %validated_properties%' "
            "or query ilike 'copy %validated_properties%') and state = 'active' and pid <> pg_backend_pid()"
        )
        deadline = time.monotonic() + 300
        while conn.execute(inserting).scalar() == 0:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(f"the rerun never reached the write: {proc.communicate()[1][-3000:]}")
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        sent = time.monotonic()
        _, err = proc.communicate(timeout=120)
        waited = time.monotonic() - sent
        conn.execute(sa.text("drop trigger slow on validated_properties"))
    admin.dispose()
    assert proc.returncode == 143, err[-3000:]
    assert "terminated" in err
    # The write would have taken 5 s per row; it was cancelled instead of waited for.
    assert waited < 5 * before["validated_properties"], f"took {waited:.0f} s"
    assert partition_rows(pg_url) == before, "the interrupted write rolled back"
