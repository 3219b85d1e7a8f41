"""The landing folder fingerprint (issue 19): one streaming pass over the folder, in constant
memory, the same whatever order the directory lists its files in, and different when any
file's name, size or modification time changes."""

from __future__ import annotations

import datetime as dt
import os
import tracemalloc

from property_pipeline.ops.landing_watch import entry_hash, fingerprint, observe_folder

DAY = dt.date(2026, 11, 20)


def _folder(tmp_path, names, sub="a"):
    folder = tmp_path / sub / "phoenix_mls" / DAY.isoformat()
    folder.mkdir(parents=True)
    for name in names:
        path = folder / name
        path.write_bytes(name.encode())
        os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    return folder


def test_the_fingerprint_does_not_depend_on_listing_order(tmp_path):
    names = [f"{i:03d}.html" for i in range(50)]
    first = observe_folder(_folder(tmp_path, names, "a"), "phoenix_mls", DAY)
    second = observe_folder(_folder(tmp_path, list(reversed(names)), "b"), "phoenix_mls", DAY)
    assert first.files == second.files == 50
    assert first.fingerprint == second.fingerprint
    entries = [(n, len(n), 1_700_000_000_000_000_000) for n in names]
    total = sum(entry_hash(*e) for e in entries) % (1 << 128)
    assert first.fingerprint == fingerprint(total, 50)


def test_any_change_of_name_size_or_mtime_changes_it(tmp_path):
    folder = _folder(tmp_path, ["a.html", "b.html"])
    before = observe_folder(folder, "phoenix_mls", DAY).fingerprint
    (folder / "b.html").rename(folder / "c.html")
    renamed = observe_folder(folder, "phoenix_mls", DAY).fingerprint
    (folder / "c.html").write_bytes(b"longer content")
    os.utime(folder / "c.html", ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    resized = observe_folder(folder, "phoenix_mls", DAY).fingerprint
    os.utime(folder / "c.html", ns=(1_700_000_000_000_000_001, 1_700_000_000_000_000_001))
    touched = observe_folder(folder, "phoenix_mls", DAY).fingerprint
    (folder / "d.html.part").write_bytes(b"in progress")
    with_temporary = observe_folder(folder, "phoenix_mls", DAY).fingerprint
    assert len({before, renamed, resized, touched}) == 4
    assert with_temporary == touched, "a collector's write in progress is not part of the folder"


def test_fingerprinting_a_big_folder_keeps_nothing_per_file(tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    for i in range(20_000):
        (folder / f"parcel_{i:07d}.json").touch()
    tracemalloc.start()
    try:
        state = observe_folder(folder, "maricopa_county", DAY)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert state.files == 20_000
    # A sorted list of (name, size, mtime) tuples for 20,000 files alone is several MB.
    assert peak < 512 * 1024, f"peak {peak / 1024:.0f} KiB while fingerprinting 20,000 files"
