"""The collectors' landing zone: `<root>/<source>/<YYYY-MM-DD>/<name>.<ext>`.

Read-only: the pipeline never changes or deletes a landing file. Temporary
names (a leading dot, `.tmp`, `.part`) are collectors' writes in progress and
are never read. Symlinks are never followed; they are reported instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .sources import SourceError, all_sources, get_source

TEMP_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".swp")
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024


def is_temporary(name: str) -> bool:
    return name.startswith(".") or name.lower().endswith(TEMP_SUFFIXES)


def parse_day(name: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(name) if len(name) == 10 else None
    except ValueError:
        return None


@dataclass(frozen=True)
class RawFile:
    """One collector file of one partition; `path` is relative to the landing root."""

    source: str
    collected_on: dt.date
    path: str
    size: int
    is_symlink: bool = False


def iter_partitions(root: Path) -> Iterator[tuple[str, dt.date]]:
    """Every (source, day) folder present under the landing root, sorted."""
    root = Path(root)
    for source in sorted(all_sources()):
        source_dir = root / source
        if not source_dir.is_dir():
            continue
        for entry in sorted(os.scandir(source_dir), key=lambda e: e.name):
            day = parse_day(entry.name)
            if day and entry.is_dir(follow_symlinks=False):
                yield source, day


def scan_partition(root: Path, source: str, day: dt.date) -> list[RawFile]:
    """The files of one partition, in name order, temporary names skipped."""
    folder = Path(root) / source / day.isoformat()
    if not folder.is_dir():
        return []
    files = []
    for entry in os.scandir(folder):
        if is_temporary(entry.name):
            continue
        link = entry.is_symlink()
        if not link and not entry.is_file(follow_symlinks=False):
            continue
        size = 0 if link else entry.stat(follow_symlinks=False).st_size
        rel = f"{source}/{day.isoformat()}/{entry.name}"
        files.append(RawFile(source=source, collected_on=day, path=rel, size=size, is_symlink=link))
    return sorted(files, key=lambda f: f.path)


def read_raw(root: Path, raw_file: RawFile, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bytes:
    """The file's bytes; a symlink or an oversized file raises SourceError without reading it whole."""
    if raw_file.is_symlink:
        raise SourceError("symlink", f"{raw_file.path} is a symlink; the pipeline never follows links")
    full = Path(root) / raw_file.path
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(full, flags)
    except OSError as exc:
        raise SourceError("unreadable", f"cannot open {raw_file.path}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise SourceError(
            "too_large", f"{raw_file.path} is larger than the {max_bytes:,}-byte limit (PROPERTY_PIPELINE_MAX_FILE_BYTES)"
        )
    return data


def content_id(root: Path, raw_file: RawFile) -> str:
    """sha256 hex of the file's bytes, streamed; of the link path for a symlink."""
    digest = hashlib.sha256()
    if raw_file.is_symlink:
        digest.update(b"symlink:" + raw_file.path.encode("utf-8", "surrogateescape"))
        return digest.hexdigest()
    try:
        fd = os.open(Path(root) / raw_file.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        digest.update(b"unreadable:" + raw_file.path.encode("utf-8", "surrogateescape"))
        return digest.hexdigest()
    with os.fdopen(fd, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def personal_values_in_partition(root: Path, source: str, day: dt.date, max_bytes: int) -> set[str]:
    """Personal data (owner names, mailing addresses) in a partition's raw files, for the no-PII check."""
    extract = get_source(source).personal_values
    found: set[str] = set()
    if extract is None:
        return found
    for raw_file in scan_partition(root, source, day):
        try:
            found |= extract(read_raw(root, raw_file, max_bytes))
        except SourceError:
            continue
    return found
