"""The warm run-worker process: imports a code location once, then forks one child per run.

Started by `WarmForkRunLauncher` (`ops/warm_launcher.py`) as

    <code location's python> -m property_pipeline.ops.warm_worker <module> <working directory>

It imports the code location's module (and with it Dagster, pandas, pandera, SQLAlchemy: about
3.5 CPU-seconds) and the `dagster api execute_run` command, opens no database connection and
starts no thread, then serves requests, one JSON line each on stdin:

    {"run_id": "...", "execute_run_args": "<serialized ExecuteRunArgs>"}

For each it forks a child that executes the run exactly as `dagster api execute_run` does in a
Dagster-started run worker (the child runs that command's own code), and answers one JSON line
on stdout: `{"run_id": ..., "pid": <child pid>}`. A child starts with everything imported, so a
run costs its own work and no interpreter start-up.

A run imports more than the code location's module does at import time (the executor, the
plotting library of the report, the storage's migration tool, pandera's checks: about 560
modules here). Each child writes the names of the modules it imported into the worker's
scratch folder as it ends, and the worker imports them while it waits for the next request:
after the first run, children start with those imported too. A module that fails to import
in the worker is left to the children, and never tried again.

The worker answers `{"run_id": ..., "stale": true}` and exits instead of forking when a source
file it imported from the working directory changed since it started (the launcher starts a
fresh worker, which imports the new code): runs never execute code older than the files.
It exits when its stdin closes (the launcher's process is gone); children already forked
finish their runs.
"""

from __future__ import annotations

import importlib
import json
import os
import select
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path

IDLE_S = 0.5  # how often an idle worker looks for modules its children imported


def project_files(working_directory: str) -> dict[str, int]:
    """Source files this process imported from under `working_directory`, with their mtimes:
    the code a forked run would execute."""
    root = os.path.realpath(working_directory) + os.sep
    files: dict[str, int] = {}
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if not path:
            continue
        path = os.path.realpath(path)
        if path.startswith(root):
            try:
                files[path] = os.stat(path).st_mtime_ns
            except OSError:
                files[path] = -1
    return files


def changed_files(imported: dict[str, int]) -> list[str]:
    """The files of `imported` whose mtime differs now (or that are gone)."""
    changed = []
    for path, mtime in imported.items():
        try:
            now = os.stat(path).st_mtime_ns
        except OSError:
            now = -1
        if now != mtime:
            changed.append(path)
    return changed


def _run_child(execute_run_args: str) -> int:
    """In the forked child: execute the run as `dagster api execute_run <args>` would."""
    # Dagster's own run-worker command; imported by the parent before any fork.
    from dagster._cli.api import execute_run_command

    try:
        execute_run_command.main(args=[execute_run_args], prog_name="dagster api execute_run", standalone_mode=False)
        return 0
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 1
    except BaseException as error:  # noqa: BLE001 - the run's failure is already in its event log
        print(f"warm run worker: the run ended with {type(error).__name__}: {error}", file=sys.stderr, flush=True)
        return 1


class ImportLearner:
    """Modules the children imported, imported in the worker between runs (see module doc)."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="property-pipeline-warm-")
        self.failed: set[str] = set()

    def record_child_imports(self, before: set[str]) -> None:
        """In a child as it ends: the modules it imported that the worker had not."""
        names = sorted(set(sys.modules) - before)
        if not names:
            return
        path = os.path.join(self.folder, f"{os.getpid()}.txt")
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            out.write("\n".join(names))
        os.replace(path + ".tmp", path)

    def import_learned(self) -> int:
        """In the worker: import what the ended children recorded; the number imported."""
        names: set[str] = set()
        for entry in os.scandir(self.folder):
            if entry.name.endswith(".txt"):
                with open(entry.path, encoding="utf-8") as f:
                    names.update(f.read().split())
                os.unlink(entry.path)
        done = 0
        for name in sorted(names - self.failed, key=lambda n: n.count(".")):  # packages first
            if name in sys.modules or name.startswith("__"):
                continue
            try:
                importlib.import_module(name)
                done += 1
            except BaseException:  # noqa: BLE001 - left to the children, never retried
                self.failed.add(name)
        if threading.active_count() > 1:  # forking with threads would copy their locks, not them
            print(f"warm worker: an imported module started a thread: {threading.enumerate()}", file=sys.stderr, flush=True)
        return done

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _fork_run(execute_run_args: str, learner: ImportLearner) -> int:
    """Fork one child for one run; return its pid (in the parent)."""
    pid = os.fork()
    if pid:
        return pid
    before = set(sys.modules)
    # Child: give back the parent's protocol pipe (stdin EOF must reach the parent alone; the
    # child's prints go to stderr, never into the answers), restore default child reaping.
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        os.dup2(2, 1)
        sys.stdin = open(os.devnull)  # noqa: SIM115 - the child's stdin for its whole life
        code = _run_child(execute_run_args)
        learner.record_child_imports(before)
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
    return 0  # not reached


def serve(module: str, working_directory: str) -> int:
    """Import `module` from `working_directory`, then fork a child per request until stdin closes."""
    if working_directory and working_directory not in sys.path:
        sys.path.insert(0, working_directory)
    importlib.import_module(module)
    importlib.import_module("dagster._cli.api")
    imported = project_files(working_directory) if working_directory else {}
    # Children are reaped by the kernel: the worker never waits on them.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    learner = ImportLearner()
    try:
        answer({"ready": True, "pid": os.getpid(), "files": len(imported)})
        for request in _requests(idle=learner.import_learned):
            run_id = request["run_id"]
            stale = changed_files(imported)
            if stale:
                answer({"run_id": run_id, "stale": True, "changed": stale[:5]})
                return 0
            answer({"run_id": run_id, "pid": _fork_run(request["execute_run_args"], learner)})
            # Modules learned since start may come from the working directory: watch them too.
            imported = {**project_files(working_directory), **imported} if working_directory else imported
    except KeyboardInterrupt:  # Ctrl-C on `dagster dev` reaches the whole process group
        return 0
    finally:
        learner.close()
    return 0


def answer(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _requests(idle):
    """The JSON requests on stdin, one per line, until it closes; `idle()` while none comes."""
    pending = b""
    while True:
        readable, _, _ = select.select([0], [], [], IDLE_S)
        if not readable:
            idle()
            continue
        chunk = os.read(0, 65536)
        if not chunk:
            return
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            if line.strip():
                yield json.loads(line)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("usage: python -m property_pipeline.ops.warm_worker <module> <working directory>", file=sys.stderr)
        return 2
    module, working_directory = argv
    return serve(module, str(Path(working_directory).resolve()) if working_directory else "")


if __name__ == "__main__":
    sys.exit(main())
