"""The running webserver + daemon, started once for the end-to-end and browser tests."""

from __future__ import annotations

import os
import shutil
import uuid

import pytest
import sqlalchemy as sa

from ..conftest import SAMPLE_LANDING, labelled_responder
from ..fake_ollama import FakeOllama
from .stack import Stack
from .webhook import WebhookReceiver

DAY = "2026-11-21"  # the good day: every check passes on both sources' sample files
BAD_DAY = "2026-11-22"  # a bad collector day: pages with an address and nothing else, plus unreadable files
BAD_SOURCE = "phoenix_mls"
SOURCES = ("phoenix_mls", "maricopa_county")
PARTITION_START = "2026-11-01"


def write_bad_day(folder) -> int:
    """A normal bad day for a collector: thin pages (an address, no facts: quarantined at low
    confidence, so the blocking confidence check fails) and files that cannot be read at all."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(1, 7):
        address = f"{i}1{i} W Main St, Phoenix, AZ 85004"
        (folder / f"thin_{i}.html").write_text(
            f"<html><head><title>{address}</title></head><body><h1>{address}</h1>"
            "<p>Nice home near the park. Call us for details.</p></body></html>"
        )
    (folder / "empty.html").write_bytes(b"")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 8)
    return 8


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def _database(server_url: str, admin: sa.Engine) -> tuple[str, str]:
    name = f"pp_ops_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    return name, sa.make_url(server_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def stack(pg_server_url, tmp_path_factory):
    """Webserver and daemon on a fresh PostgreSQL instance database and warehouse database.
    Session-scoped (the root `pg_url` fixture is per test) so the processes start once for
    the end-to-end and the browser tests; only requested by those."""
    admin = sa.create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    instance_db, instance_url = _database(pg_server_url, admin)
    warehouse_db, warehouse_url = _database(pg_server_url, admin)
    tmp = tmp_path_factory.mktemp("stack")
    landing = tmp / "landing"
    landing.mkdir()
    with FakeOllama(responder=labelled_responder(), slots=8) as ollama, WebhookReceiver() as hook:
        env = {
            **os.environ,
            "DAGSTER_HOME": str(tmp / "dagster_home"),
            "DAGSTER_PG_URL": instance_url,
            "PROPERTY_PIPELINE_LANDING_ROOT": str(landing),
            "PROPERTY_PIPELINE_WAREHOUSE_URL": warehouse_url,
            "PROPERTY_PIPELINE_LLM": "ollama",
            "OLLAMA_HOST": ollama.url,
            "OLLAMA_NUM_PARALLEL": "4",
            "PROPERTY_PIPELINE_SENSOR_INTERVAL_S": "5",
            "PROPERTY_PIPELINE_SETTLE_S": "1",
            "PROPERTY_PIPELINE_ALERT_WEBHOOK": hook.url,
            # The landing zone starts empty; the sample days must be partitions.
            "PROPERTY_PIPELINE_PARTITION_START": PARTITION_START,
        }
        running = Stack(
            home=tmp / "dagster_home", landing=landing, env=env, instance_url=instance_url, warehouse_url=warehouse_url
        )
        running.ollama, running.alerts = ollama, hook
        try:
            running.start()
            yield running
        finally:
            running.stop()
            from property_pipeline.storage.warehouse import get_engine

            get_engine.cache_clear()
            with admin.connect() as conn:
                for name in (instance_db, warehouse_db):
                    conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


@pytest.fixture(autouse=True)
def _dump_logs_on_failure(request):
    yield
    if "stack" in request.fixturenames:
        failed = any(getattr(request.node, f"rep_{w}", None) and getattr(request.node, f"rep_{w}").failed for w in ("setup", "call"))
        if failed:
            print(request.getfixturevalue("stack").log_tails(20000))


RUNS_QUERY = """
query Runs {
  runsOrError {
    __typename
    ... on Runs { results { runId status jobName tags { key value } } }
  }
}
"""


def _tags(run: dict) -> dict:
    return {t["key"]: t["value"] for t in run["tags"]}


@pytest.fixture(scope="session")
def sensor_runs(stack):
    """Drops a good day (both sources) and a bad day (one source) into the landing zone while
    the daemon runs, and waits until the sensor's runs have finished: the good day's must
    succeed, the bad day's fails at its blocking check. {partition key: run}."""
    import time

    for source in SOURCES:
        shutil.copytree(SAMPLE_LANDING / source / DAY, stack.landing / source / DAY)
    write_bad_day(stack.landing / BAD_SOURCE / BAD_DAY)
    wanted = {f"{DAY}|{s}" for s in SOURCES} | {f"{BAD_DAY}|{BAD_SOURCE}"}
    deadline = time.monotonic() + 240
    runs: list[dict] = []
    while time.monotonic() < deadline:
        stack.check_alive()
        runs = stack.graphql(RUNS_QUERY)["runsOrError"]["results"]
        finished = {}
        for run in runs:
            tags = _tags(run)
            if tags.get("dagster/sensor_name") == "landing_zone_sensor" and run["status"] in ("SUCCESS", "FAILURE", "CANCELED"):
                finished[tags["dagster/partition"]] = {**run, "tags": tags}
        if set(finished) >= wanted:
            good = [finished[k] for k in wanted if not k.startswith(BAD_DAY)]
            assert all(r["status"] == "SUCCESS" for r in good), f"good day runs failed: {good}\n{stack.log_tails()}"
            return finished
        time.sleep(0.5)
    raise AssertionError(f"sensor runs did not finish within 240 s; runs: {runs}\n{stack.log_tails()}")
