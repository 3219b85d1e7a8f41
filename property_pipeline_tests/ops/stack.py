"""The production processes for tests: dagster-webserver and dagster-daemon on a temporary
instance (the repository's dagster.yaml on a fresh PostgreSQL database), a temporary landing
zone and warehouse, the LLM on the loopback Ollama server."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from ..conftest import REPO

BIN = Path(os.environ.get("VIRTUAL_ENV") or REPO / ".venv") / "bin"
STOP_TIMEOUT_S = 20


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Stack:
    home: Path
    landing: Path
    env: dict[str, str]
    instance_url: str = ""
    warehouse_url: str = ""
    url: str = ""
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    logs: dict[str, Path] = field(default_factory=dict)

    def start(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "dagster.yaml", self.home / "dagster.yaml")
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.env["PROPERTY_PIPELINE_UI_URL"] = self.url
        workspace = str(REPO / "workspace.yaml")
        self._spawn("webserver", [str(BIN / "dagster-webserver"), "-w", workspace, "-h", "127.0.0.1", "-p", str(port)])
        self._spawn("daemon", [str(BIN / "dagster-daemon"), "run", "-w", workspace])
        self.wait_until_up()

    def _spawn(self, name: str, argv: list[str]) -> None:
        log = self.home / f"{name}.log"
        self.logs[name] = log
        with open(log, "wb") as out:
            # Own session = own process group: stopping it also stops the code servers and
            # run workers these processes start, and nothing else.
            self.processes[name] = subprocess.Popen(
                argv, cwd=REPO, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )

    def wait_until_up(self, timeout_s: float = 90) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            self.check_alive()
            try:
                data = self.graphql("{ version }")
                if data.get("version"):
                    return
            except (urllib.error.URLError, OSError, ValueError):
                pass
            time.sleep(0.25)
        raise AssertionError(f"dagster-webserver did not answer within {timeout_s}s\n{self.log_tails()}")

    def check_alive(self) -> None:
        for name, proc in self.processes.items():
            if proc.poll() is not None:
                raise AssertionError(f"{name} exited with {proc.returncode}\n{self.log_tails()}")

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(
            f"{self.url}/graphql", data=body, headers={"Content-Type": "application/json"}, method="POST"
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            payload = json.loads(response.read())
        if payload.get("errors"):
            raise AssertionError(f"GraphQL errors: {payload['errors']}")
        return payload["data"]

    def log_tails(self, chars: int = 6000) -> str:
        parts = []
        for name, path in self.logs.items():
            text = path.read_text(errors="replace") if path.exists() else "(no log)"
            parts.append(f"----- {name} log ({path}) -----\n{text[-chars:]}")
        return "\n".join(parts)

    def stop(self) -> None:
        for proc in self.processes.values():
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + STOP_TIMEOUT_S
        for proc in self.processes.values():
            _reap_group(proc, max(0.1, deadline - time.monotonic()))


def _reap_group(proc: subprocess.Popen, timeout_s: float) -> None:
    """Wait for a signalled group's leader, then SIGKILL whatever is left of the group (it may
    outlive its leader: run workers)."""
    try:
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


def stop_group(proc: subprocess.Popen, timeout_s: float = 180) -> None:
    """SIGTERM a process group started with `start_new_session=True` and reap it; the wait is
    generous (`dagster dev` shuts its webserver, daemon and code server down in turn, slowly on
    a busy machine)."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    _reap_group(proc, timeout_s)
