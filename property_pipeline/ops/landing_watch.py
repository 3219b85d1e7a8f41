"""Which landing folders have new, settled files: the landing-zone sensor's decisions.

A folder is summarised by a fingerprint of its (name, size, mtime) entries, computed in one
streaming pass (an order-independent sum of per-file hashes: no per-file list, so a day
folder of a million files costs constant memory), and the state kept between ticks is one
short string per folder, not one per file. A
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
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..landing import is_temporary, parse_day
from ..sources import all_sources

CURSOR_VERSION = 1


@dataclass(frozen=True)
class FolderState:
    """One (source, day) landing folder as seen now; temporary names are not part of it.
    `nested` names subfolders, whose files are never read (a partition is one flat folder)."""

    source: str
    day: dt.date
    files: int
    fingerprint: str
    newest_mtime_ns: int
    nested: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.source}/{self.day.isoformat()}"


@dataclass(frozen=True)
class Anomaly:
    """A landing folder the pipeline will not process, and why: shown by the sensor's log,
    `run`, `doctor` and the quality summary, so a collector's mistake is seen, not lost."""

    path: str
    """Relative to the landing root."""
    kind: str
    """`unknown_source`, `misnamed_day`, `out_of_range`, `nested_folder` or `stray_file`."""
    detail: str

    def __str__(self) -> str:
        return f"{self.path}: {self.detail}"


FINGERPRINT_VERSION = "2"
"""Prefix of a fingerprint: 2 is the order-independent sum below (1, unprefixed, hashed a sorted
list). A folder last run under another version is requested once more (runs replace partitions)."""
_FINGERPRINT_MOD = 1 << 128


def entry_hash(name: str, size: int, mtime_ns: int) -> int:
    """One file's share of its folder's fingerprint (128 bits of BLAKE2b over name, size, mtime)."""
    data = f"{name}\0{size}\0{mtime_ns}".encode("utf-8", "surrogateescape")
    return int.from_bytes(hashlib.blake2b(data, digest_size=16).digest(), "big")


def fingerprint(entry_sum: int, files: int) -> str:
    """The folder's fingerprint from the sum (mod 2^128) of its entries' hashes and their count."""
    digest = hashlib.sha256(f"{files}:{entry_sum:032x}".encode()).hexdigest()[:20]
    return f"{FINGERPRINT_VERSION}{digest}"


def observe_folder(folder: Path, source: str, day: dt.date) -> FolderState:
    """Fingerprint one folder in one pass over `os.scandir`, in constant memory: each file's
    (name, size, mtime) hash is added to a running sum (mod 2^128), which does not depend on
    the order the directory lists them in, so no list of a million names is built or sorted.
    Temporary names are skipped before any stat, so a collector's writes in progress cost
    nothing and never influence a decision."""
    files = 0
    total = 0
    nested = []
    newest = 0
    with os.scandir(folder) as it:
        for entry in it:
            if is_temporary(entry.name):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    nested.append(entry.name)
                    continue
                st = entry.stat(follow_symlinks=False)
            except FileNotFoundError:
                continue  # renamed or removed between listing and stat: next tick sees the result
            files += 1
            total = (total + entry_hash(entry.name, st.st_size, st.st_mtime_ns)) % _FINGERPRINT_MOD
            newest = max(newest, st.st_mtime_ns)
    return FolderState(source, day, files, fingerprint(total, files), newest, tuple(sorted(nested)))


def _day_name_problem(name: str) -> str:
    """Why a folder name under a source is not a landing day (YYYY-MM-DD)."""
    digits = name.replace("-", "").replace("_", "")
    if len(digits) == 8 and digits.isdigit():
        try:
            as_date = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            return f"{name!r} is not a calendar date; day folders are named YYYY-MM-DD"
        return f"{name!r} is not named YYYY-MM-DD (did the collector mean {as_date.isoformat()}?)"
    return f"{name!r} is not a day folder (YYYY-MM-DD)"


@dataclass
class Survey:
    """Everything under a landing root: the day folders to process, and the anomalies."""

    folders: list[FolderState] = field(default_factory=list)
    anomalies: list[Anomaly] = field(default_factory=list)


def _shown_name(name: str) -> str:
    # A non-UTF-8 byte in a name arrives as a lone surrogate: printable, loggable, storable.
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _survey_source(root: Path, source: str, day_range: tuple[dt.date, dt.date] | None, survey: Survey) -> None:
    try:
        entries = sorted(os.scandir(root / source), key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        rel = f"{source}/{_shown_name(entry.name)}"
        if is_temporary(entry.name):
            continue
        if not entry.is_dir(follow_symlinks=False):
            survey.anomalies.append(Anomaly(rel, "stray_file", "a file directly under the source folder, outside any day folder"))
            continue
        day = parse_day(entry.name)
        if day is None:
            survey.anomalies.append(Anomaly(rel, "misnamed_day", _day_name_problem(_shown_name(entry.name))))
            continue
        if day_range is not None and not day_range[0] <= day <= day_range[1]:
            first, last = day_range
            survey.anomalies.append(
                Anomaly(rel, "out_of_range", f"day outside the partitions {first} .. {last} "
                        "(PROPERTY_PIPELINE_PARTITION_START; the code location reads it when it loads)")
            )
            continue
        state = observe_folder(Path(entry.path), source, day)
        for name in state.nested:
            survey.anomalies.append(
                Anomaly(f"{rel}/{_shown_name(name)}", "nested_folder", "a folder inside a day folder; its files are not read")
            )
        if state.files:
            survey.folders.append(state)


def survey(
    root: Path, sources: Iterable[str] | None = None, day_range: tuple[dt.date, dt.date] | None = None
) -> Survey:
    """Every (source, day) folder with at least one non-temporary file, and every folder or
    file the pipeline will not process (unknown source, misnamed or out-of-range day,
    nested folder, stray file). Never raises for what is inside the root."""
    root = Path(root)
    known = set(sources or all_sources())
    result = Survey()
    try:
        top = sorted(os.scandir(root), key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return result
    for entry in top:
        if entry.name in known or is_temporary(entry.name):
            continue
        kind = "unknown_source" if entry.is_dir(follow_symlinks=False) else "stray_file"
        detail = (
            f"no collector source named {_shown_name(entry.name)!r} (known: {', '.join(sorted(known))})"
            if kind == "unknown_source"
            else "a file directly under the landing root, outside any source folder"
        )
        result.anomalies.append(Anomaly(_shown_name(entry.name), kind, detail))
    for source in sorted(known):
        _survey_source(root, source, day_range, result)
    return result


def first_landing_day(root: Path | str) -> dt.date | None:
    """The earliest day folder of any known source (no stat of the files: cheap at import)."""
    days = []
    for source in all_sources():
        try:
            names = os.listdir(Path(root) / source)
        except (FileNotFoundError, NotADirectoryError):
            continue
        days += [d for d in map(parse_day, names) if d is not None]
    return min(days, default=None)


def wait_until_settled(
    folders: list[FolderState],
    root: Path,
    settle_s: float,
    sleep: Callable[[float], None] = time.sleep,
    on_wait: Callable[[FolderState, str], None] | None = None,
    max_rounds: int = 100,
) -> list[FolderState]:
    """The same folders once they have settled as the sensor defines it: no file modified
    within `settle_s`, and the fingerprint unchanged over one more settle interval's look.
    Returns the settled states (what a run should process)."""
    settled = []
    for folder in folders:
        current = folder
        for _ in range(max_rounds):
            age_s = (time.time_ns() - current.newest_mtime_ns) / 1e9
            if age_s >= settle_s:
                again = observe_folder(root / current.source / current.day.isoformat(), current.source, current.day)
                if again.fingerprint == current.fingerprint:
                    break
                current = again
                reason = "files changed while waiting"
            else:
                reason = f"a file was modified {age_s:.0f}s ago (settle time {settle_s:g}s)"
            if on_wait:
                on_wait(current, reason)
            sleep(max(0.5, settle_s - max(age_s, 0)))
            current = observe_folder(root / current.source / current.day.isoformat(), current.source, current.day)
        settled.append(current)
    return settled


@dataclass
class WatchCursor:
    """`done`: fingerprint each folder had when its run was requested.
    `pending`: fingerprint of folders seen unsettled on the previous tick.
    `inflight`: run key of each requested run whose outcome is not known yet.
    `failures`: [fingerprint, failed runs] of folders whose runs failed, for the retry limit.
    `reported`: digest of the anomalies last logged, so each change is logged once."""

    done: dict[str, str] = field(default_factory=dict)
    pending: dict[str, str] = field(default_factory=dict)
    inflight: dict[str, str] = field(default_factory=dict)
    failures: dict[str, list] = field(default_factory=dict)
    reported: str = ""

    def to_json(self) -> str:
        data = {"v": CURSOR_VERSION, "done": self.done, "pending": self.pending}
        # Optional keys only when used: a cursor written before they existed still reads.
        data.update({k: v for k, v in (("inflight", self.inflight), ("failures", self.failures), ("reported", self.reported)) if v})
        return json.dumps(data, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None) -> WatchCursor:
        if not text:
            return cls()
        data = json.loads(text)
        if data.get("v") != CURSOR_VERSION:
            raise ValueError(f"landing sensor cursor version {data.get('v')!r}, expected {CURSOR_VERSION}")
        return cls(
            done=dict(data.get("done", {})),
            pending=dict(data.get("pending", {})),
            inflight=dict(data.get("inflight", {})),
            failures=dict(data.get("failures", {})),
            reported=data.get("reported", ""),
        )


@dataclass(frozen=True)
class Waiting:
    folder: FolderState
    reason: str


@dataclass(frozen=True)
class Plan:
    ready: list[FolderState]
    waiting: list[Waiting]
    cursor: WatchCursor
    run_keys: dict[str, str] = field(default_factory=dict)
    """Run key per ready folder's key."""


def run_key(folder: FolderState, attempt: int = 0) -> str:
    """Same files, same key: Dagster never launches two runs with one key for a sensor,
    so even a lost cursor cannot repeat work. A retry after a failed run gets its own key."""
    return f"{folder.key}:{folder.fingerprint}" + (f":retry{attempt}" if attempt else "")


# Run outcomes the sensor tells `resolve_runs` about.
SUCCEEDED, FAILED, DATA_FAILED, CANCELED, RUNNING = "succeeded", "failed", "data_failed", "canceled", "running"
MAX_ATTEMPTS = 3


def resolve_runs(cursor: WatchCursor, outcomes: dict[str, str], max_attempts: int = MAX_ATTEMPTS) -> tuple[WatchCursor, list[str]]:
    """Fold the outcomes of in-flight runs into the cursor. A run that failed for a technical
    reason (`FAILED`: a crash, a database outage) un-marks its folder as done, so the next
    plan requests it again, up to `max_attempts` runs per fingerprint. A run that failed only
    because a blocking check failed (`DATA_FAILED`) is done: the same files would fail again;
    so is a run someone canceled (`CANCELED`): retrying it would overrule them.
    Returns the new cursor and one log line per decision."""
    done, inflight, failures = dict(cursor.done), dict(cursor.inflight), dict(cursor.failures)
    notes = []
    for key, outcome in outcomes.items():
        if outcome == RUNNING or key not in inflight:
            continue
        run = inflight.pop(key)
        if outcome != FAILED:
            failures.pop(key, None)
            if outcome == DATA_FAILED:
                notes.append(f"{key}: run {run} stopped at a failed blocking check; the report says why")
            elif outcome == CANCELED:
                notes.append(f"{key}: run {run} was canceled; not requested again until the folder's files change")
            continue
        fingerprint = done.get(key, "")
        previous = failures.get(key)
        count = (previous[1] if previous and previous[0] == fingerprint else 0) + 1
        if count < max_attempts:
            failures[key] = [fingerprint, count]
            done.pop(key, None)
            notes.append(f"{key}: run {run} failed; requesting it again (attempt {count + 1} of {max_attempts})")
        else:
            failures.pop(key, None)
            notes.append(f"{key}: run {run} failed {count} times; not retried until the folder's files change")
    return WatchCursor(done, dict(cursor.pending), inflight, failures, cursor.reported), notes


def plan(
    folders: Iterable[FolderState],
    cursor: WatchCursor,
    now_ns: int,
    settle_s: float,
    already_done: Callable[[FolderState], bool] | None = None,
) -> Plan:
    """Decide, for every observed folder, whether to request its run now, wait, or do nothing.
    `already_done(folder)` is asked about settled folders this cursor has never seen (a new
    sensor, a reset cursor): True when another run (the CLI's, say) already processed
    exactly these files, so the folder is recorded as done without a run."""
    settle_ns = int(settle_s * 1e9)
    done = dict(cursor.done)
    inflight = dict(cursor.inflight)
    pending: dict[str, str] = {}
    ready: list[FolderState] = []
    waiting: list[Waiting] = []
    keys: dict[str, str] = {}
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
        elif folder.key not in cursor.done and already_done is not None and already_done(folder):
            done[folder.key] = folder.fingerprint
        else:
            failed = cursor.failures.get(folder.key)
            attempt = failed[1] if failed and failed[0] == folder.fingerprint else 0
            ready.append(folder)
            done[folder.key] = folder.fingerprint
            keys[folder.key] = inflight[folder.key] = run_key(folder, attempt)
    return Plan(ready, waiting, WatchCursor(done, pending, inflight, dict(cursor.failures), cursor.reported), keys)
