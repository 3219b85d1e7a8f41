"""Ending a command promptly on a termination signal, with no warehouse write half done.

A Python signal handler runs only when the main thread is back in Python, so a statement
blocked in the database driver would delay it up to the statement timeout; and Dagster
replaces SIGTERM's handler while it executes a run (an interrupted step fails the run, and
the command would go on to the next partition). The interpreter's C-level handler,
though, writes every signal to the wakeup fd at once: a thread reading it marks the
command as terminating, cancels the running warehouse statements (their transactions roll
back), and, if the command has not ended after a grace period, exits the process (the
database rolls back whatever the closed connections had open).
"""

from __future__ import annotations

import logging
import os
import signal
import threading

from .warehouse import cancel_running_statements

log = logging.getLogger(__name__)

EXIT_TERMINATED = 128 + 15  # the shell's code for "ended by SIGTERM"
GRACE_S = 10.0
_requested = threading.Event()


def requested() -> bool:
    """Whether a watched signal has arrived."""
    return _requested.is_set()


def watch(signum: int, grace_s: float = GRACE_S) -> None:
    """From now on, `signum` cancels the running warehouse statements at once and ends the
    process with EXIT_TERMINATED unless it has ended by itself within `grace_s`. Call from the
    main thread (it sets the wakeup fd); the caller's own handler still runs as usual."""
    read_fd, write_fd = os.pipe()
    os.set_blocking(write_fd, False)
    signal.set_wakeup_fd(write_fd)

    def watcher() -> None:
        while data := os.read(read_fd, 64):
            if signum in data and not _requested.is_set():
                _requested.set()
                cancel_running_statements()
                threading.Timer(grace_s, _exit_now).start()

    threading.Thread(target=watcher, name=f"termination-{signum}", daemon=True).start()


def _exit_now() -> None:
    log.warning("terminated: the command did not end within the grace period; exiting")
    os._exit(EXIT_TERMINATED)
