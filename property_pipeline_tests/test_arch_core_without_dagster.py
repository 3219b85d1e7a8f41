"""The core without Dagster: the Python API and the `extract`/`evaluate` commands never import
it (issue 18), with rules only and with an LLM (the Ollama double over real HTTP)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLE_LANDING

REPO = Path(__file__).resolve().parent.parent
PAGE = sorted((SAMPLE_LANDING / "phoenix_mls" / "2026-11-20").glob("mls_70*.html"))[1]

API_SCRIPT = """
import json, sys
from pathlib import Path
import property_pipeline
result = property_pipeline.process_property(Path(sys.argv[1]), "phoenix_mls")
print(json.dumps({"disposition": result.disposition, "dagster": "dagster" in sys.modules}))
"""

# Runs the CLI's entry point in this interpreter and reports what it imported, whatever it printed.
CLI_SCRIPT = """
import sys
from pathlib import Path
from property_pipeline.cli import main
code = main(sys.argv[2:])
Path(sys.argv[1]).write_text(f"{'dagster' in sys.modules} {code}")
"""


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PROPERTY_PIPELINE_", "OLLAMA_", "DAGSTER_"))}
    env.update(PROPERTY_PIPELINE_WAREHOUSE_URL=f"sqlite:///{tmp_path / 'w.db'}", DAGSTER_HOME=str(tmp_path), **extra)
    return env


def _api(tmp_path: Path, **extra: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", API_SCRIPT, str(PAGE)],
        env=_env(tmp_path, **extra), cwd=REPO, capture_output=True, text=True, timeout=300, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_api_rules_only_never_imports_dagster(tmp_path):
    outcome = _api(tmp_path, PROPERTY_PIPELINE_LLM="none")
    assert outcome["disposition"] == "valid"
    assert outcome["dagster"] is False


def test_api_with_ollama_never_imports_dagster(tmp_path, server):
    outcome = _api(tmp_path, PROPERTY_PIPELINE_LLM="ollama", OLLAMA_HOST=server.url)
    assert server.chat_count > 0, "the LLM was asked: the client came from the settings"
    assert outcome["dagster"] is False


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "--source", "phoenix_mls", str(PAGE)],
        ["evaluate", "--mode", "rules"],
    ],
    ids=["extract", "evaluate"],
)
def test_cli_core_commands_never_import_dagster(tmp_path, argv):
    report = tmp_path / "report.txt"
    proc = subprocess.run(
        [sys.executable, "-c", CLI_SCRIPT, str(report), *argv],
        env=_env(tmp_path, PROPERTY_PIPELINE_LLM="none"), cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert report.read_text() == "False 0", "dagster imported (True) or the command failed"
