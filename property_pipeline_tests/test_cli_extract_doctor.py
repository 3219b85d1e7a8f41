"""`property-pipeline extract` (ad-hoc files to stdout, exit codes, progress) and `property-pipeline
doctor` (every broken setting reported with what to fix)."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from property_pipeline import cli

from .conftest import REPO, SAMPLE_LANDING, labelled_responder
from .fake_ollama import FakeOllama

DAY = SAMPLE_LANDING / "phoenix_mls" / "2026-11-20"
GOOD = [DAY / "mls_7012345.html", DAY / "mls_7013877.html"]
BAD = DAY / "mls_7030002.html"  # binary data: a dead letter
CLI = Path(sys.executable).parent / "property-pipeline"


@pytest.fixture(autouse=True)
def env(monkeypatch, tmp_path):
    """A clean, working configuration: rules only, a SQLite warehouse, the sample landing zone."""
    for name in list(os.environ):
        if name.startswith(("PROPERTY_PIPELINE_", "OLLAMA_", "DAGSTER_PG_URL")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("PROPERTY_PIPELINE_LLM", "none")
    monkeypatch.setenv("PROPERTY_PIPELINE_WAREHOUSE_URL", f"sqlite:///{tmp_path / 'w.db'}")
    monkeypatch.setenv("PROPERTY_PIPELINE_LANDING_ROOT", str(SAMPLE_LANDING))
    return monkeypatch


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def extract(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["extract", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_extract_good_files_exit_0_in_input_order(capsys):
    code, out, err = extract(capsys, *map(str, reversed(GOOD)), "--source", "phoenix_mls")
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["source_file"] for r in rows] == [p.name for p in reversed(GOOD)]
    assert {r["disposition"] for r in rows} == {"valid"} and all(r["reason"] is None for r in rows)
    assert rows[0]["list_price"] and rows[0]["extraction_method"] == "rules"
    assert "\r[" not in err, "no progress bar when stderr is not a terminal"


def test_extract_bad_file_exit_3_with_reason(capsys):
    code, out, err = extract(capsys, str(GOOD[0]), str(BAD), "--source", "phoenix_mls", "--format", "json")
    assert code == 3
    rows = json.loads(out)
    assert [r["disposition"] for r in rows] == ["valid", "dead_letter"]
    assert rows[1]["reason"].startswith("[binary]")
    assert "1 of 2 file(s): dead_letter" in err


def test_extract_csv_and_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD[0].read_bytes())))
    code, out, _ = extract(capsys, "-", str(GOOD[1]), "--source", "phoenix_mls", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["source_file"] for r in rows] == ["<memory>/0", GOOD[1].name]
    assert json.loads(rows[0]["field_sources"])["list_price"] == "rules"


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "nope.html", "--source", "phoenix_mls"],
        ["extract", str(REPO), "--source", "phoenix_mls"],
        ["extract", str(GOOD[0])],
        ["extract", str(GOOD[0]), "--source", "zillow"],
        ["extract", str(GOOD[0]), "--source", "phoenix_mls", "--format", "xml"],
        ["extract", str(GOOD[0]), "--source", "phoenix_mls", "--concurrency", "0"],
        ["extract"],
    ],
)
def test_extract_usage_errors_exit_2(args, capsys):
    try:
        code = cli.main(args)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    assert code == 2
    assert capsys.readouterr().out == ""


def test_extract_bad_configuration_exit_2(capsys, env):
    env.setenv("PROPERTY_PIPELINE_LLM", "gpt")
    code, _, err = extract(capsys, str(GOOD[0]), "--source", "phoenix_mls")
    assert code == 2 and "PROPERTY_PIPELINE_LLM" in err


def test_extract_progress_bar_on_a_terminal(capsys, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert cli.main(["extract", *map(str, GOOD), str(BAD), "--source", "phoenix_mls"]) == 3
    bar = terminal.getvalue()
    assert "\r[" in bar and "3/3" in bar and "dead letter 1" in bar
    assert "\r[" not in capsys.readouterr().out, "the bar never goes to stdout"


def test_extract_with_the_llm(capsys, env):
    with FakeOllama(responder=labelled_responder()) as srv:
        env.setenv("PROPERTY_PIPELINE_LLM", "ollama")
        env.setenv("OLLAMA_HOST", srv.url)
        code, out, err = extract(capsys, *map(str, GOOD), "--source", "phoenix_mls", "--concurrency", "2")
        assert srv.chat_count == 2
    assert code == 0, err
    assert {json.loads(line)["extraction_method"] for line in out.splitlines()} == {"llm+rules"}


def test_console_script_exit_codes(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PROPERTY_PIPELINE_", "OLLAMA_"))}
    env.update(PROPERTY_PIPELINE_LLM="none", PROPERTY_PIPELINE_WAREHOUSE_URL=f"sqlite:///{tmp_path / 'w.db'}")
    run = subprocess.run(
        [str(CLI), "extract", str(GOOD[0]), str(BAD), "--source", "phoenix_mls"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 3, run.stderr
    assert [json.loads(line)["disposition"] for line in run.stdout.splitlines()] == ["valid", "dead_letter"]


def doctor(capsys) -> tuple[int, dict[str, str], str]:
    code = cli.main(["doctor"])
    out = capsys.readouterr().out
    lines = {}
    for line in out.splitlines():
        parts = line.split(maxsplit=2)
        if len(parts) == 3 and parts[0] in ("ok", "WARN", "FAIL"):
            lines[parts[1]] = f"{parts[0]} {parts[2]}"
    return code, lines, out


def test_doctor_all_good(capsys, env, pg_url):
    with FakeOllama() as srv:
        env.setenv("PROPERTY_PIPELINE_LLM", "ollama")
        env.setenv("OLLAMA_HOST", srv.url)
        env.setenv("DAGSTER_PG_URL", pg_url)
        env.setenv("PROPERTY_PIPELINE_WAREHOUSE_URL", pg_url)
        code, checks, out = doctor(capsys)
    assert code == 0, out
    assert set(checks) == {"settings", "llm", "warehouse", "landing", "instance"}
    assert all(line.startswith("ok") for line in checks.values()), out
    assert "reachable and writable" in checks["warehouse"] and "4 partition" in checks["landing"]
    assert "everything looks fine" in out
    assert not sa.inspect(sa.create_engine(pg_url)).get_table_names(), "the probe table is dropped"


def test_doctor_unreachable_ollama_host(capsys, env):
    env.setenv("PROPERTY_PIPELINE_LLM", "ollama")
    env.setenv("OLLAMA_HOST", f"http://127.0.0.1:{closed_port()}")
    code, checks, out = doctor(capsys)
    assert code == 1
    assert checks["llm"].startswith("FAIL") and "unreachable" in checks["llm"] and "OLLAMA_HOST" in checks["llm"]
    assert all(checks[name].startswith("ok") for name in ("warehouse", "landing", "instance")), out


def test_doctor_missing_model(capsys, env):
    with FakeOllama(models=["qwen2.5:7b"]) as srv:
        env.setenv("PROPERTY_PIPELINE_LLM", "ollama")
        env.setenv("OLLAMA_HOST", srv.url)
        code, checks, _ = doctor(capsys)
    assert code == 1
    assert checks["llm"].startswith("FAIL") and "ollama pull llama3.2:latest" in checks["llm"]


def test_doctor_missing_embedded_model_file(capsys, env, tmp_path):
    env.setenv("PROPERTY_PIPELINE_LLM", "embedded")
    env.setenv("PROPERTY_PIPELINE_MODEL_PATH", str(tmp_path / "missing.gguf"))
    code, checks, out = doctor(capsys)
    assert code == 1 and checks["llm"].startswith("FAIL") and "missing.gguf" in checks["llm"], out


def test_doctor_unreachable_warehouse(capsys, env):
    env.setenv("PROPERTY_PIPELINE_WAREHOUSE_URL", f"postgresql+psycopg2://postgres:s3cret@127.0.0.1:{closed_port()}/w")
    code, checks, out = doctor(capsys)
    assert code == 1 and checks["warehouse"].startswith("FAIL") and "unreachable" in checks["warehouse"]
    assert "fix: point PROPERTY_PIPELINE_WAREHOUSE_URL" in out
    assert "s3cret" not in out, "passwords are never printed"


def test_doctor_read_only_sqlite_warehouse(capsys, env, tmp_path):
    db = tmp_path / "ro.db"
    sqlite3.connect(db).close()
    env.setenv("PROPERTY_PIPELINE_WAREHOUSE_URL", f"sqlite:///file:{db}?mode=ro&uri=true")
    code, checks, _ = doctor(capsys)
    assert code == 1 and "not writable" in checks["warehouse"]


def test_doctor_warehouse_user_without_create_privilege(capsys, env, pg_url):
    role = f"pp_ro_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE ROLE "{role}" LOGIN'))
    try:
        env.setenv("PROPERTY_PIPELINE_WAREHOUSE_URL", str(sa.make_url(pg_url).set(username=role).render_as_string(False)))
        code, checks, _ = doctor(capsys)
        assert code == 1 and "reachable but not writable" in checks["warehouse"] and "permission denied" in checks["warehouse"]
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP ROLE "{role}"'))
        admin.dispose()


def test_doctor_missing_landing_root(capsys, env, tmp_path):
    env.setenv("PROPERTY_PIPELINE_LANDING_ROOT", str(tmp_path / "landing"))
    code, checks, out = doctor(capsys)
    assert code == 1 and checks["landing"].startswith("FAIL") and "does not exist" in checks["landing"]
    assert "fix: set PROPERTY_PIPELINE_LANDING_ROOT" in out


def test_doctor_empty_landing_root_is_a_warning(capsys, env, tmp_path):
    env.setenv("PROPERTY_PIPELINE_LANDING_ROOT", str(tmp_path))
    code, checks, _ = doctor(capsys)
    assert code == 0 and checks["landing"].startswith("WARN")


def test_doctor_unreachable_dagster_pg_url(capsys, env):
    env.setenv("DAGSTER_PG_URL", f"postgresql://dagster:pw@127.0.0.1:{closed_port()}/dagster")
    code, checks, out = doctor(capsys)
    assert code == 1 and checks["instance"].startswith("FAIL") and "unreachable" in checks["instance"]
    assert "fix: start PostgreSQL or fix DAGSTER_PG_URL" in out


def test_doctor_bad_setting(capsys, env):
    env.setenv("PROPERTY_PIPELINE_LLM", "gpt")
    code, checks, _ = doctor(capsys)
    assert code == 1 and checks["settings"].startswith("FAIL") and "PROPERTY_PIPELINE_LLM" in checks["settings"]
