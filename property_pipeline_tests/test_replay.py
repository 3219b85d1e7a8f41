"""Recovery after an LLM outage: `property-pipeline run` while the Ollama server is down leaves
rule fallbacks (and dead letters where the rules cannot identify a page); once the server is
back, `property-pipeline replay` reruns exactly those partitions and the warehouse equals a
clean run's. Real processes, a real HTTP server, a SQLite warehouse and Dagster instance."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from property_pipeline.replay import degraded_partitions

from .conftest import REPO, SAMPLE_LANDING, labelled_responder
from .fake_ollama import FakeOllama

CLI = Path(sys.executable).parent / "property-pipeline"
DAY = "2026-11-20"
OUTCOME_TABLES = ("validated_properties", "quarantined_properties", "extraction_dead_letters")
COMPARED = ("source_file", "property_key", "list_price", "standard_status", "bedrooms_total", "city", "llm_fallback")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(tmp_path: Path, name: str, port: int) -> tuple[dict[str, str], str]:
    url = f"sqlite:///{tmp_path / name / 'warehouse.db'}"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DAGSTER_HOME": str(tmp_path / name / "home"),
        "PROPERTY_PIPELINE_WAREHOUSE_URL": url,
        "PROPERTY_PIPELINE_LANDING_ROOT": str(tmp_path / "landing"),
        "PROPERTY_PIPELINE_PARTITION_START": "2026-11-01",
        "PROPERTY_PIPELINE_LLM": "ollama",
        "OLLAMA_HOST": f"http://127.0.0.1:{port}",
        "OLLAMA_NUM_PARALLEL": "4",
        "OLLAMA_TIMEOUT_S": "3",
    }
    (tmp_path / name / "home").mkdir(parents=True)
    return env, url


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI), *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=900, check=False)


def outcomes(url: str) -> dict[str, list[tuple]]:
    engine = sa.create_engine(url)
    out = {}
    with engine.connect() as conn:
        for table in OUTCOME_TABLES:
            columns = [c for c in COMPARED if c in {col["name"] for col in sa.inspect(conn).get_columns(table)}]
            rows = conn.execute(sa.text(f"select {', '.join(columns)} from {table} order by source_file"))
            out[table] = [tuple(row) for row in rows]
    engine.dispose()
    return out


def test_outage_then_replay_equals_a_clean_run(tmp_path):
    shutil.copytree(SAMPLE_LANDING / "phoenix_mls" / DAY, tmp_path / "landing" / "phoenix_mls" / DAY)
    port = free_port()
    degraded_env, degraded_url = environment(tmp_path, "degraded", port)

    # Nothing listens on the port: the LLM server is down for the whole run.
    first = cli(degraded_env, "run", "--settle-s", "0")
    assert first.returncode in (0, 1), first.stderr
    damage = degraded_partitions(degraded_url)
    assert [(d.source, d.day) for d in damage] == [("phoenix_mls", dt.date.fromisoformat(DAY))], first.stdout
    assert damage[0].fallbacks > 0

    listed = cli(degraded_env, "replay", "--dry-run")
    assert listed.returncode == 0 and f"to replay: phoenix_mls {DAY}" in listed.stdout

    # Still down: replay refuses to rerun (it would only degrade the partition again).
    refused = cli(degraded_env, "replay")
    assert refused.returncode == 1 and "not available" in refused.stderr
    assert degraded_partitions(degraded_url) == damage

    with FakeOllama(responder=labelled_responder(), slots=4, port=port) as server:
        replayed = cli(degraded_env, "replay")
        assert replayed.returncode == 0, replayed.stderr
        asked = server.chat_count
        clean_env, clean_url = environment(tmp_path, "clean", port)
        clean = cli(clean_env, "run", "--settle-s", "0")
        assert clean.returncode == 0, clean.stderr

    fallbacks = damage[0].fallbacks
    letters = sum(damage[0].dead_letters.values())
    assert f"{letters} dead letters recovered, {fallbacks} rule fallbacks upgraded" in replayed.stdout
    assert asked >= fallbacks + letters, "every degraded file was asked again"
    assert degraded_partitions(degraded_url) == []
    assert outcomes(degraded_url) == outcomes(clean_url)
    assert cli(degraded_env, "replay").stdout.startswith("nothing to replay")
