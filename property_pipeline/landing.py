"""The collectors' landing zone: `<root>/<source>/<YYYY-MM-DD>/<name>.<ext>`.

Read-only: the pipeline never changes or deletes a landing file. Temporary
names (a leading dot, `.tmp`, `.part`) are collectors' writes in progress and
are never read. Symlinks are never followed; they are reported instead.

A file name that is not valid UTF-8 is known to the warehouse by a reversible
text form (`storable_name`) and still opened by its real bytes (`RawFile.os_path`).
A file over the size limit is never read whole: its record_id comes from its
size and its first and last MiB (`oversized_id`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .sources import SourceError, all_sources, get_source

TEMP_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".swp")
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
# How much of an oversized file's head and tail identifies it (with its size).
OVERSIZED_SAMPLE_BYTES = 1 << 20


def is_temporary(name: str) -> bool:
    return name.startswith(".") or name.lower().endswith(TEMP_SUFFIXES)


def parse_day(name: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(name) if len(name) == 10 else None
    except ValueError:
        return None


def storable_name(name: str) -> str:
    """A file name as text every database stores, one to one with the name's bytes: stray
    bytes of a name that is not UTF-8 (os gives them as surrogates) are written `\\xNN` and
    backslashes `\\\\`; every other name is itself. `name_bytes` is the inverse."""
    if "\\" not in name:
        try:
            name.encode("utf-8")
            return name
        except UnicodeEncodeError:
            pass
    return os.fsencode(name).replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


def name_bytes(stored: str) -> bytes:
    """The real bytes of a name as `storable_name` wrote it."""
    out, i = bytearray(), 0
    while i < len(stored):
        if stored.startswith("\\\\", i):
            out += b"\\"
            i += 2
        elif stored.startswith("\\x", i):
            out.append(int(stored[i + 2 : i + 4], 16))
            i += 4
        else:
            out += stored[i].encode("utf-8")
            i += 1
    return bytes(out)


@dataclass(frozen=True)
class RawFile:
    """One collector file of one partition; `path` is relative to the landing root.

    `path` is what tables store (always valid text, see `storable_name`); `fs_path`,
    when set, is the path as the file system names it (a name that is not UTF-8).
    """

    source: str
    collected_on: dt.date
    path: str
    size: int
    is_symlink: bool = False
    fs_path: str | None = None

    @property
    def os_path(self) -> str:
        """The path to open (relative to the landing root)."""
        return self.fs_path or self.path


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


def iter_raw_files(root: Path, source: str, day: dt.date) -> Iterator[RawFile]:
    """The files of one partition (temporary names skipped, symlinks reported, not followed),
    in directory order, one at a time: what a streaming listing of a huge folder reads."""
    folder = Path(root) / source / day.isoformat()
    if not folder.is_dir():
        return
    with os.scandir(folder) as entries:
        for entry in entries:
            if is_temporary(entry.name):
                continue
            link = entry.is_symlink()
            if not link and not entry.is_file(follow_symlinks=False):
                continue
            size = 0 if link else entry.stat(follow_symlinks=False).st_size
            rel = f"{source}/{day.isoformat()}/{entry.name}"
            shown = f"{source}/{day.isoformat()}/{storable_name(entry.name)}"
            yield RawFile(source, day, shown, size, is_symlink=link, fs_path=rel if shown != rel else None)


def scan_partition(root: Path, source: str, day: dt.date) -> list[RawFile]:
    """The files of one partition, in name order, temporary names skipped."""
    return sorted(iter_raw_files(root, source, day), key=lambda f: f.path)


def read_raw(root: Path, raw_file: RawFile, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bytes:
    """The file's bytes; a symlink or an oversized file raises SourceError without reading it whole."""
    if raw_file.is_symlink:
        raise SourceError("symlink", f"{raw_file.path} is a symlink; the pipeline never follows links")
    full = Path(root) / raw_file.os_path
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(full, flags)
    except OSError as exc:
        raise SourceError("unreadable", f"cannot open {raw_file.path}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(raw_file.path, max_bytes)
    return data


def too_large(name: str, max_bytes: int) -> SourceError:
    """The error for content over the size limit, whatever way it came (file, bytes, stdin)."""
    return SourceError(
        "too_large", f"{name} is larger than the {max_bytes:,}-byte limit (PROPERTY_PIPELINE_MAX_FILE_BYTES)"
    )


def oversized_id(size: int, head: bytes, tail: bytes) -> str:
    """The record_id of content over the size limit, which is never read whole: sha256 of its
    size and its first and last `OVERSIZED_SAMPLE_BYTES`. Distinct from every content hash
    (prefixed); identical oversized files still share it."""
    digest = hashlib.sha256(b"oversized:%d:" % size)
    digest.update(head[:OVERSIZED_SAMPLE_BYTES])
    digest.update(tail[-OVERSIZED_SAMPLE_BYTES:])
    return digest.hexdigest()


def bytes_id(data: bytes, max_bytes: int | None = None) -> str:
    """The record_id of content in hand: its sha256, or `oversized_id` over `max_bytes`."""
    if max_bytes is not None and len(data) > max_bytes:
        return oversized_id(len(data), data[:OVERSIZED_SAMPLE_BYTES], data[-OVERSIZED_SAMPLE_BYTES:])
    return hashlib.sha256(data).hexdigest()


def content_id(root: Path, raw_file: RawFile, max_bytes: int | None = None) -> str:
    """The file's record_id: sha256 hex of its bytes, streamed once; `oversized_id` for a file
    over `max_bytes` (read 2 MiB, never whole); of the link path for a symlink.

    Pass the same `max_bytes` the file is read with, so that the id of a file within the
    limit is the hash of the bytes the extractor reads.
    """
    digest = hashlib.sha256()
    name = os.fsencode(raw_file.os_path)
    if raw_file.is_symlink:
        digest.update(b"symlink:" + name)
        return digest.hexdigest()
    try:
        fd = os.open(Path(root) / raw_file.os_path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        digest.update(b"unreadable:" + name)
        return digest.hexdigest()
    with os.fdopen(fd, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if max_bytes is not None and size > max_bytes:
            head = handle.read(OVERSIZED_SAMPLE_BYTES)
            handle.seek(max(size - OVERSIZED_SAMPLE_BYTES, 0))
            return oversized_id(size, head, handle.read(OVERSIZED_SAMPLE_BYTES))
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
