"""Headless Chromium driven from the command line: render a page of the web UI, dump its DOM
or take a screenshot. The Dagster UI is a React app; a virtual-time budget lets it fetch its
GraphQL data and render before the DOM is dumped."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",  # tests run as root in containers, where the sandbox cannot start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium() -> str:
    path = CHROMIUM if os.path.isabs(CHROMIUM) else shutil.which(CHROMIUM)
    if not path or not os.access(path, os.X_OK):
        pytest.fail(
            f"Chromium is required for the browser tests and was not found at {CHROMIUM}. "
            "Run scripts/ensure_chromium.sh (make test does), or set CHROMIUM=/path/to/chromium.",
            pytrace=False,
        )
    return path


def _run(args: list[str], timeout_s: float) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        return subprocess.run(
            [chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            timeout=timeout_s,
            start_new_session=True,
        )


def dump_dom(url: str, budget_ms: int = 15000, timeout_s: float = 90) -> str:
    result = _run([f"--virtual-time-budget={budget_ms}", "--dump-dom", url], timeout_s)
    if result.returncode != 0:
        raise AssertionError(f"chromium --dump-dom {url} exited {result.returncode}: {result.stderr.decode()[-2000:]}")
    return result.stdout.decode("utf-8", "replace")


def screenshot(url: str, out: Path, budget_ms: int = 15000, timeout_s: float = 90) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    result = _run(
        [f"--virtual-time-budget={budget_ms}", f"--screenshot={out}", "--window-size=1600,1000", "--hide-scrollbars", url],
        timeout_s,
    )
    if result.returncode != 0 or not out.exists():
        raise AssertionError(f"chromium --screenshot {url} exited {result.returncode}: {result.stderr.decode()[-2000:]}")
    return out
