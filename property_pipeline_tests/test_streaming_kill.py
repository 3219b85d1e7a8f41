"""A process SIGKILLed in the middle of a chunked partition write leaves the partition fully
old; the next run leaves it fully new; never a mix (real processes, real PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from property_pipeline.extraction.extractor import Extractor
from property_pipeline.storage.warehouse import get_engine, read_table
from property_pipeline.streaming import extract_partition, list_partition, partition_of

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from _corpus import make_partition

SOURCE, DAY = "maricopa_county", dt.date(2026, 1, 1)
PARTITION = partition_of(SOURCE, DAY)

# The child runs the real extraction step; each chunk it writes is announced on stdout, and
# it pauses after each so that the parent's kill lands between chunks of one replacement.
CHILD = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from pathlib import Path
    from property_pipeline.extraction.extractor import Extractor
    from property_pipeline.storage import warehouse
    from property_pipeline.streaming import extract_partition

    url, root = sys.argv[1], Path(sys.argv[2])
    write = warehouse.ChunkWriter.write

    def announced(self, df):
        write(self, df)
        if len(df):
            print(f"chunk {self.table_name} {self.rows}", flush=True)
            time.sleep(0.3)

    warehouse.ChunkWriter.write = announced
    extract_partition(url, Extractor("maricopa_county", root=root), "maricopa_county", dt.date(2026, 1, 1), chunk_rows=20)
    print("committed", flush=True)
    """
)


def _ids(url: str, table: str) -> list[str]:
    df = read_table(url, table, PARTITION)
    return sorted(df["record_id"]) if len(df) else []


def _landing(root: Path, count: int, marker: str) -> None:
    folder = root / SOURCE / DAY.isoformat()
    shutil.rmtree(folder, ignore_errors=True)
    make_partition(root, SOURCE, count, DAY)
    for path in folder.iterdir():  # distinct bytes for each version of the folder
        path.write_bytes(path.read_bytes().rstrip()[:-1] + f', "version": "{marker}"}}'.encode())
    (folder / "broken.json").write_bytes(b"{" + marker.encode())  # a dead letter in each version


def test_sigkill_during_a_chunked_write_leaves_the_partition_old_then_the_rerun_makes_it_new(tmp_path, pg_url):
    root = tmp_path / "landing"
    _landing(root, 60, "old")
    list_partition(pg_url, root, SOURCE, DAY, None)
    extract_partition(pg_url, Extractor(SOURCE, root=root), SOURCE, DAY)
    old = {t: _ids(pg_url, t) for t in ("extracted_properties", "extraction_dead_letters")}
    assert len(old["extracted_properties"]) == 60 and len(old["extraction_dead_letters"]) == 1

    _landing(root, 150, "new")
    list_partition(pg_url, root, SOURCE, DAY, None)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, pg_url, str(root)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    try:
        chunks = []
        while len(chunks) < 3:
            line = child.stdout.readline()
            assert line, "the child ended before writing three chunks"
            assert line.startswith("chunk"), line
            chunks.append(line)
            # Mid-replacement, readers still see the whole old partition.
            assert _ids(pg_url, "extracted_properties") == old["extracted_properties"]
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=60) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
    assert int(chunks[-1].split()[-1]) < 150, "killed before the last chunk"
    get_engine(pg_url).dispose()  # a fresh look, not a pooled connection's
    for table, ids in old.items():
        assert _ids(pg_url, table) == ids, f"{table}: fully old after the kill"

    done = subprocess.run(
        [sys.executable, "-c", CHILD, pg_url, str(root)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("committed")
    new = {t: _ids(pg_url, t) for t in old}
    listed = read_table(pg_url, "raw_collector_files", PARTITION)
    assert len(new["extracted_properties"]) == 150 and len(new["extraction_dead_letters"]) == 1
    assert set(new["extracted_properties"]) | set(new["extraction_dead_letters"]) == set(listed["record_id"])
    assert not set(new["extracted_properties"]) & set(old["extracted_properties"]), "fully new: no old row left"


def test_sigkill_during_the_listing_leaves_the_old_listing(tmp_path, pg_url):
    """The listing (raw_collector_files) is one replacement too: killed mid-way, the old
    listing stays whole."""
    root = tmp_path / "landing"
    _landing(root, 30, "old")
    list_partition(pg_url, root, SOURCE, DAY, None)
    old = _ids(pg_url, "raw_collector_files")
    _landing(root, 120, "new")
    script = CHILD.replace(
        "extract_partition(url, Extractor(\"maricopa_county\", root=root), \"maricopa_county\", dt.date(2026, 1, 1), chunk_rows=20)",
        "from property_pipeline.streaming import list_partition\n"
        "list_partition(url, root, \"maricopa_county\", dt.date(2026, 1, 1), None, chunk_rows=20)",
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, pg_url, str(root)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    try:
        for _ in range(2):
            assert child.stdout.readline().startswith("chunk raw_collector_files")
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=60) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
    get_engine(pg_url).dispose()
    assert _ids(pg_url, "raw_collector_files") == old
