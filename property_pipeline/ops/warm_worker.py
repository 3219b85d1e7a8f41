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
import signal
import sys
from pathlib import Path


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


def _fork_run(execute_run_args: str) -> int:
    """Fork one child for one run; return its pid (in the parent)."""
    pid = os.fork()
    if pid:
        return pid
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
    answers = sys.stdout
    answers.write(json.dumps({"ready": True, "pid": os.getpid(), "files": len(imported)}) + "\n")
    answers.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        run_id = request["run_id"]
        stale = changed_files(imported)
        if stale:
            answers.write(json.dumps({"run_id": run_id, "stale": True, "changed": stale[:5]}) + "\n")
            answers.flush()
            return 0
        pid = _fork_run(request["execute_run_args"])
        answers.write(json.dumps({"run_id": run_id, "pid": pid}) + "\n")
        answers.flush()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("usage: python -m property_pipeline.ops.warm_worker <module> <working directory>", file=sys.stderr)
        return 2
    module, working_directory = argv
    return serve(module, str(Path(working_directory).resolve()) if working_directory else "")


if __name__ == "__main__":
    sys.exit(main())
