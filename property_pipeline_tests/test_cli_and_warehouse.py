"""The console script end to end, and the warehouse's replace-in-one-transaction semantics."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from property_pipeline.storage.warehouse import read_table, replace_partition

from .conftest import REPO, load_labels

CLI = Path(sys.executable).parent / "property-pipeline"


def run_cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI), *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)


def test_run_then_export(sample_landing, tmp_path):
    env = {
        **os.environ,
        "DAGSTER_HOME": str(tmp_path / "home"),
        "PROPERTY_PIPELINE_WAREHOUSE_URL": f"sqlite:///{tmp_path / 'w.db'}",
        "PROPERTY_PIPELINE_LLM": "none",
    }
    (tmp_path / "home").mkdir()
    run = run_cli("run", "--landing", str(sample_landing), env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = [line.split() for line in run.stdout.splitlines() if line.startswith(("phoenix_mls", "maricopa_county"))]
    assert len(lines) == 4  # two sources x two days
    total_files = sum(int(parts[2]) for parts in lines)

    out = tmp_path / "export.jsonl"
    export = run_cli("export", "--out", str(out), env=env)
    assert export.returncode == 0, export.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == total_files == len(load_labels())
    by_file = {r["source_file"]: r for r in rows}
    for path, label in load_labels().items():
        if label["disposition"] == "dead_letter":
            assert by_file[path]["disposition"] == "dead_letter" and by_file[path]["reason"]
    assert {r["disposition"] for r in rows} <= {"valid", "quarantine", "dead_letter"}
    assert all(r["reason"] for r in rows if r["disposition"] != "valid")
    assert all("parcel_number" in r and "confidence" in r for r in rows)

    only = run_cli("run", "--landing", str(sample_landing), "--source", "maricopa_county", "--date", "2026-11-21", env=env)
    assert only.returncode == 0 and only.stdout.count("maricopa_county") == 1


def test_run_on_missing_landing_fails_clearly(tmp_path):
    result = run_cli("run", "--landing", str(tmp_path / "nope"), env={**os.environ, "DAGSTER_HOME": str(tmp_path)})
    assert result.returncode == 2 and "not a directory" in result.stderr


def frame(ids, day="2026-11-20"):
    return pd.DataFrame(
        {
            "record_id": ids,
            "source": "phoenix_mls",
            "collected_on": dt.date.fromisoformat(day),
            "validation_issues": [["a"]] * len(ids),
            "confidence": [0.9] * len(ids),
        }
    )


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_partition_replace_is_idempotent_and_atomic(backend, tmp_path, request):
    url = f"sqlite:///{tmp_path / 'w.db'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    day1 = {"source": "phoenix_mls", "collected_on": dt.date(2026, 11, 20)}
    day2 = {"source": "phoenix_mls", "collected_on": dt.date(2026, 11, 21)}
    replace_partition(url, "t", frame(["a", "b"]), day1)
    replace_partition(url, "t", frame(["c"], "2026-11-21"), day2)
    replace_partition(url, "t", frame(["a", "b"]), day1)
    assert sorted(read_table(url, "t")["record_id"]) == ["a", "b", "c"]
    assert read_table(url, "t", day1)["validation_issues"].tolist() == [["a"], ["a"]]

    bad = frame(["x", "y"])
    bad["confidence"] = ["not a number", 0.5]  # one row has a value no number column takes ...
    replace_partition(url, "t", bad, day1)
    stored = read_table(url, "t", day1).set_index("record_id")
    assert sorted(stored.index) == ["x", "y"]  # ... it is stored without it, flagged; the other row lands
    assert pd.isna(stored.loc["x", "confidence"]) and stored.loc["y", "confidence"] == 0.5
    assert "confidence: not a number" in stored.loc["x", "storage_warnings"]

    replace_partition(url, "t", frame([]).assign(extra_col=[]), day1)
    assert sorted(read_table(url, "t")["record_id"]) == ["c"]
    assert "extra_col" in read_table(url, "t").columns
