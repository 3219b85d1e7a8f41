"""The README's commands from a checkout's root, in any order, share one instance and warehouse
(`.dagster_home`), read commands never create an empty warehouse, and the daemon that
`make ui` starts on that instance runs nothing for folders the CLI already processed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import dagster as dg
import pytest

from ..conftest import REPO, SAMPLE_LANDING
from .stack import BIN, free_port, stop_group

DAY, SOURCE = "2026-11-21", "maricopa_county"


@pytest.fixture()
def checkout(tmp_path) -> Path:
    """A repository checkout as a user has it (workspace.yaml and the package at its root),
    without touching the real repository's .dagster_home."""
    root = tmp_path / "checkout"
    root.mkdir()
    shutil.copy(REPO / "workspace.yaml", root / "workspace.yaml")
    (root / "property_pipeline").symlink_to(REPO / "property_pipeline")
    landing = root / "landing"
    shutil.copytree(SAMPLE_LANDING / SOURCE / DAY, landing / SOURCE / DAY)  # copy2 keeps mtimes
    return root


def env_for(checkout: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DAGSTER_", "PROPERTY_PIPELINE_"))}
    env.update(
        {
            "PROPERTY_PIPELINE_LLM": "none",
            "PROPERTY_PIPELINE_LANDING_ROOT": str(checkout / "landing"),
            "PROPERTY_PIPELINE_SETTLE_S": "1",
            "PROPERTY_PIPELINE_SENSOR_INTERVAL_S": "5",
        }
    )
    return env


def cli(checkout: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "property-pipeline"), *args], cwd=checkout, env=env_for(checkout), capture_output=True, text=True, timeout=300
    )


def test_read_commands_before_any_run_say_so_and_create_nothing(checkout):
    for args in (["export", "--out", "records.jsonl"], ["report", "--out", "report.html"]):
        done = cli(checkout, *args)
        assert done.returncode == 1, done.stdout + done.stderr
        assert f"no warehouse at sqlite:///{checkout / '.dagster_home' / 'warehouse.db'}" in done.stderr
        assert "property-pipeline run" in done.stderr
    assert not (checkout / ".dagster_home").exists(), "a read command must not create an instance or a database"
    assert not (checkout / "records.jsonl").exists()


def test_an_empty_warehouse_is_reported_with_its_url_password_masked(checkout, pg_url):
    import sqlalchemy as sa

    url = sa.make_url(pg_url).set(password="s3cret-pw").render_as_string(hide_password=False)
    env = {**env_for(checkout), "PROPERTY_PIPELINE_WAREHOUSE_URL": url}
    done = subprocess.run(
        [str(BIN / "property-pipeline"), "export", "--out", "x.jsonl"], cwd=checkout, env=env, capture_output=True, text=True, timeout=120
    )
    # Trust auth ignores the password; the warehouse database exists but holds no pipeline tables.
    assert done.returncode == 1
    assert "holds no pipeline tables" in done.stderr and "***" in done.stderr
    assert "s3cret-pw" not in done.stdout + done.stderr


def test_run_then_export_then_the_ui_daemon_starts_nothing_new(checkout):
    ran = cli(checkout, "run")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    home = checkout / ".dagster_home"
    assert (home / "dagster.yaml").is_file() and (home / "warehouse.db").is_file()
    assert "dagster/partition" in (home / "dagster.yaml").read_text(), "one run per partition in the local instance"

    exported = cli(checkout, "export", "--out", "records.jsonl")
    assert exported.returncode == 0, exported.stderr
    assert len((checkout / "records.jsonl").read_text().splitlines()) == 12  # the sample day's 12 files

    # What `make ui` starts besides the webserver: the daemon, on the same instance and landing root.
    env = {**env_for(checkout), "DAGSTER_HOME": str(home)}
    log = (checkout / "daemon.log").open("wb")
    daemon = subprocess.Popen(
        [str(BIN / "dagster-daemon"), "run", "-w", "workspace.yaml"],
        cwd=checkout, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        with dg.DagsterInstance.from_config(str(home)) as instance:
            ticks = _wait_for_sensor_ticks(instance, daemon, checkout, count=2)
            runs = instance.get_runs(filters=dg.RunsFilter(tags={"dagster/sensor_name": "landing_zone_sensor"}))
    finally:
        stop_group(daemon)
        log.close()
    assert runs == [], "the sensor must not rerun a folder the CLI already processed"
    assert any("no new files" in (t.skip_reason or "") for t in ticks), [t.skip_reason for t in ticks]


def _wait_for_sensor_ticks(instance: dg.DagsterInstance, daemon: subprocess.Popen, checkout: Path, count: int):
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        assert daemon.poll() is None, (checkout / "daemon.log").read_text()[-5000:]
        for state in instance.all_instigator_state():
            if state.instigator_name == "landing_zone_sensor":
                ticks = instance.get_ticks(state.instigator_origin_id, state.selector_id, limit=10)
                finished = [t for t in ticks if t.status.value != "STARTED"]
                if len(finished) >= count:
                    return finished
        time.sleep(0.5)
    raise AssertionError("the landing sensor did not tick twice within 240 s\n" + (checkout / "daemon.log").read_text()[-5000:])


def _dagster_home_of(checkout: Path, env: dict[str, str]) -> str:
    info = subprocess.run(
        [str(BIN / "dagster"), "instance", "info"], cwd=checkout, env=env, capture_output=True, text=True, timeout=120
    )
    assert info.returncode == 0, info.stdout + info.stderr
    return next(line for line in info.stdout.splitlines() if line.startswith("$DAGSTER_HOME:")).split(":", 1)[1].strip()


def test_plain_dagster_commands_from_the_root_use_the_checkouts_instance(checkout, tmp_path):
    """`dagster dev` / `dagster instance info` from the root without DAGSTER_HOME reach the
    instance `make demo` and the CLI use (through the `.env` line the CLI writes); a caller's
    own DAGSTER_HOME still wins, and a user's `.env` lines are kept."""
    shutil.copy(REPO / "dagster.yaml", checkout / "dagster.yaml")  # the production one, as at the real root
    (checkout / ".env").write_text("POSTGRES_PASSWORD=kept")
    assert cli(checkout, "init").returncode == 0
    home = checkout / ".dagster_home"
    assert "POSTGRES_PASSWORD=kept\n" in (checkout / ".env").read_text()
    assert cli(checkout, "init").returncode == 0
    lines = (checkout / ".env").read_text().splitlines()
    assert len([line for line in lines if line.startswith("DAGSTER_HOME=")]) == 1, "one line, not one per command"

    assert _dagster_home_of(checkout, env_for(checkout)) == str(home)
    other = tmp_path / "other-home"
    other.mkdir()
    assert _dagster_home_of(checkout, {**env_for(checkout), "DAGSTER_HOME": str(other)}) == str(other)

    # dagster dev itself: the webserver it starts serves the checkout's instance.
    port = free_port()
    log = (checkout / "dev.log").open("wb")
    dev = subprocess.Popen(
        [str(BIN / "dagster"), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=checkout, env=env_for(checkout), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        info = _wait_for_instance_info(f"http://127.0.0.1:{port}/graphql", dev, checkout)
    finally:
        stop_group(dev)
        log.close()
    assert str(home) in info and ".tmp_dagster_home_" not in info, info


def _wait_for_instance_info(url: str, dev: subprocess.Popen, checkout: Path) -> str:
    body = json.dumps({"query": "{ instance { info } }"}).encode()
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        assert dev.poll() is None, (checkout / "dev.log").read_text()[-5000:]
        request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return json.loads(response.read())["data"]["instance"]["info"]
        except (urllib.error.URLError, OSError, ValueError):
            time.sleep(0.5)
    raise AssertionError("dagster dev did not answer within 240 s\n" + (checkout / "dev.log").read_text()[-5000:])
