"""The repository is a `dg` project: `dg check defs` and `dg list defs` work from its root and
show every definition with a description (what a user browsing the UI or the CLI reads)."""

from __future__ import annotations

import json
import os
import subprocess

from ..conftest import REPO
from .stack import BIN


def dg(*args: str, tmp_path) -> subprocess.CompletedProcess:
    # A local instance home so nothing touches the production dagster.yaml's PostgreSQL.
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path), "PROPERTY_PIPELINE_LLM": "none"}
    return subprocess.run([str(BIN / "dg"), *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)


def test_dg_check_and_list_defs_from_the_repository_root(tmp_path):
    checked = dg("check", "defs", tmp_path=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "All definitions loaded successfully" in checked.stdout + checked.stderr

    listed = dg("list", "defs", "--json", tmp_path=tmp_path)
    assert listed.returncode == 0, listed.stderr
    defs = json.loads(listed.stdout)
    assets = {a["asset_key"]: a for a in defs["assets"]}
    for key in ("raw_collector_files", "validated_properties", "property_quality_report", "property_quality_summary"):
        assert assets[key]["description"], key
        assert assets[key]["owners"] and assets[key]["kinds"], key
    checks = defs["asset_checks"]
    names = {c["name"] for c in checks}
    assert {"confidence_thresholds", "validated_schema", "every_file_accounted_for", "dead_letter_rate", "no_personal_data"} <= names
    assert all(c.get("description") for c in checks), [c["name"] for c in checks if not c.get("description")]
    assert {"landing_zone_sensor", "run_failure_alert", "check_failure_alert", "summary_automation_sensor"} <= {
        d["name"] for d in defs["sensors"]
    }
    assert [d["name"] for d in defs["schedules"]] == ["close_day_schedule"]
    # dg's JSON carries descriptions for jobs (sensors and schedules: the next test).
    missing = [d["name"] for d in defs["jobs"] if not d.get("description")]
    assert defs["jobs"] and not missing, f"jobs without a description: {missing}"


def test_every_sensor_schedule_and_job_says_what_it_does():
    """`dg list defs --json` omits sensor and schedule descriptions; the UI shows them."""
    from property_pipeline.definitions import defs

    repo = defs().get_repository_def()
    for kind, items in (("sensor", repo.sensor_defs), ("schedule", repo.schedule_defs), ("job", repo.get_all_jobs())):
        missing = [d.name for d in items if not d.name.startswith("__") and not d.description]
        assert not missing, f"{kind}s without a description: {missing}"
