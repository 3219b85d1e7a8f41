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

DAY = "2026-11-20"
SOURCES = ("phoenix_mls", "maricopa_county")


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


@pytest.fixture(scope="session")
def sensor_runs(stack):
    """Drops one sample day into the landing zone while the daemon runs, and waits until
    the sensor's runs for both sources have succeeded. {source: run}."""
    import time

    for source in SOURCES:
        shutil.copytree(SAMPLE_LANDING / source / DAY, stack.landing / source / DAY)
    deadline = time.monotonic() + 150
    runs: list[dict] = []
    while time.monotonic() < deadline:
        stack.check_alive()
        runs = stack.graphql(RUNS_QUERY)["runsOrError"]["results"]
        failed = [r for r in runs if r["status"] in ("FAILURE", "CANCELED")]
        assert not failed, f"runs failed: {failed}\n{stack.log_tails()}"
        by_source = {}
        for run in runs:
            tags = {t["key"]: t["value"] for t in run["tags"]}
            if tags.get("dagster/sensor_name") == "landing_zone_sensor" and run["status"] == "SUCCESS":
                by_source[tags["dagster/partition/source"]] = {**run, "tags": tags}
        if set(by_source) == set(SOURCES):
            return by_source
        time.sleep(2)
    raise AssertionError(f"sensor runs did not succeed within 150 s; runs: {runs}\n{stack.log_tails()}")
