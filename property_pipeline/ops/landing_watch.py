"""Which landing folders have new, settled files: the landing-zone sensor's decisions.

A folder is summarised by a fingerprint of its (name, size, mtime) list, so the
state kept between ticks is one short string per folder, not one per file. A
folder is ready for a run when its fingerprint differs from the one last run,
no file in it was modified within the settle time, and it did not change since
the previous tick (a collector that writes in place rather than renaming would
otherwise be caught mid-write).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..landing import is_temporary, parse_day
from ..sources import all_sources

CURSOR_VERSION = 1


@dataclass(frozen=True)
class FolderState:
    """One (source, day) landing folder as seen now; temporary names are not part of it."""

    source: str
    day: dt.date
    files: int
    fingerprint: str
    newest_mtime_ns: int

    @property
    def key(self) -> str:
        return f"{self.source}/{self.day.isoformat()}"


def observe_folder(folder: Path, source: str, day: dt.date) -> FolderState:
    """Fingerprint one folder. Temporary names are skipped before any stat, so a
    collector's writes in progress cost nothing and never influence a decision."""
    entries = []
    newest = 0
    with os.scandir(folder) as it:
        for entry in it:
            if is_temporary(entry.name):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    continue
                st = entry.stat(follow_symlinks=False)
            except FileNotFoundError:
                continue  # renamed or removed between listing and stat: next tick sees the result
            entries.append((entry.name, st.st_size, st.st_mtime_ns))
            newest = max(newest, st.st_mtime_ns)
    entries.sort()
    digest = hashlib.sha256()
    for name, size, mtime in entries:
        digest.update(f"{name}\0{size}\0{mtime}\n".encode("utf-8", "surrogateescape"))
    return FolderState(source, day, len(entries), digest.hexdigest()[:20], newest)


def observe(root: Path, sources: Iterable[str] | None = None) -> Iterator[FolderState]:
    """Every (source, day) folder under the landing root with at least one non-temporary file."""
    root = Path(root)
    for source in sorted(sources or all_sources()):
        try:
            days = [e for e in os.scandir(root / source) if e.is_dir(follow_symlinks=False)]
        except FileNotFoundError:
            continue
        for entry in sorted(days, key=lambda e: e.name):
            day = parse_day(entry.name)
            if day is None:
                continue
            state = observe_folder(Path(entry.path), source, day)
            if state.files:
                yield state


@dataclass
class WatchCursor:
    """`done`: fingerprint each folder had when its run was requested.
    `pending`: fingerprint of folders seen unsettled on the previous tick."""

    done: dict[str, str] = field(default_factory=dict)
    pending: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({"v": CURSOR_VERSION, "done": self.done, "pending": self.pending}, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None) -> "WatchCursor":
        if not text:
            return cls()
        data = json.loads(text)
        if data.get("v") != CURSOR_VERSION:
            raise ValueError(f"landing sensor cursor version {data.get('v')!r}, expected {CURSOR_VERSION}")
        return cls(done=dict(data.get("done", {})), pending=dict(data.get("pending", {})))


@dataclass(frozen=True)
class Waiting:
    folder: FolderState
    reason: str


@dataclass(frozen=True)
class Plan:
    ready: list[FolderState]
    waiting: list[Waiting]
    cursor: WatchCursor


def run_key(folder: FolderState) -> str:
    """Same files, same key: Dagster never launches two runs with one key for a sensor,
    so even a lost cursor cannot repeat work."""
    return f"{folder.key}:{folder.fingerprint}"


def plan(folders: Iterable[FolderState], cursor: WatchCursor, now_ns: int, settle_s: float) -> Plan:
    """Decide, for every observed folder, whether to request its run now, wait, or do nothing."""
    settle_ns = int(settle_s * 1e9)
    done = dict(cursor.done)
    pending: dict[str, str] = {}
    ready: list[FolderState] = []
    waiting: list[Waiting] = []
    for folder in folders:
        if done.get(folder.key) == folder.fingerprint:
            continue
        previous = cursor.pending.get(folder.key)
        if now_ns - folder.newest_mtime_ns < settle_ns:
            waiting.append(Waiting(folder, f"a file was modified less than {settle_s:g}s ago"))
            pending[folder.key] = folder.fingerprint
        elif previous is not None and previous != folder.fingerprint:
            waiting.append(Waiting(folder, "files changed since the previous tick"))
            pending[folder.key] = folder.fingerprint
        else:
            ready.append(folder)
            done[folder.key] = folder.fingerprint
    return Plan(ready, waiting, WatchCursor(done=done, pending=pending))
