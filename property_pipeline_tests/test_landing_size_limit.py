"""Content over the size limit is a `too_large` dead letter however it comes (a landing
file, bytes to the Python API, stdin to `extract`), and an oversized file is never read
whole: its record_id comes from its size, first and last MiB."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from property_pipeline.api import Pipeline, process_property
from property_pipeline.extraction.extractor import Extractor
from property_pipeline.landing import (
    OVERSIZED_SAMPLE_BYTES,
    RawFile,
    bytes_id,
    content_id,
    oversized_id,
    scan_partition,
)
from property_pipeline.settings import Settings

from .conftest import REPO, SAMPLE_LANDING

CLI = Path(sys.executable).parent / "property-pipeline"
PAGE = (SAMPLE_LANDING / "phoenix_mls" / "2026-11-20" / "mls_7012345.html").read_bytes()


def padded(size: int) -> bytes:
    """A valid listing page padded with a comment to `size` bytes."""
    filler = b"<!-- " + b"x" * (size - len(PAGE) - 9) + b" -->\n"
    return PAGE[:-8] + filler + PAGE[-8:]


def rules_only(max_bytes: int) -> Pipeline:
    settings = Settings.from_env({}).replace(llm_backend="none", max_file_bytes=max_bytes)
    return Pipeline(settings, llm=None)


def test_bytes_over_the_limit_are_too_large_dead_letters():
    pipeline = rules_only(20 * 1024 * 1024)
    big = padded(60 * 1024 * 1024)
    result = process_property(big, "phoenix_mls", pipeline=pipeline)
    assert result.disposition == "dead_letter" and result.reason_code == "too_large"
    assert result.record["record_id"] == bytes_id(big, 20 * 1024 * 1024)
    assert process_property(PAGE, "phoenix_mls", pipeline=pipeline).disposition != "dead_letter"


def test_a_file_and_its_bytes_over_the_limit_get_the_same_id(tmp_path):
    pipeline = rules_only(100_000)
    big = padded(300_000)
    path = tmp_path / "big.html"
    path.write_bytes(big)
    by_path = process_property(path, "phoenix_mls", pipeline=pipeline)
    by_bytes = process_property(big, "phoenix_mls", pipeline=pipeline)
    assert by_path.reason_code == by_bytes.reason_code == "too_large"
    assert by_path.record["record_id"] == by_bytes.record["record_id"]


def test_an_oversized_file_is_identified_without_reading_its_middle(tmp_path):
    size = 40 * 1024 * 1024
    folder = tmp_path / "phoenix_mls" / "2026-11-20"
    folder.mkdir(parents=True)
    for name, middle in (("a.html", b"A"), ("b.html", b"B")):
        with open(folder / name, "wb") as handle:
            handle.write(b"<html>" + b" " * (OVERSIZED_SAMPLE_BYTES))
            handle.seek(size // 2)
            handle.write(middle * 1000)  # differs only where the id never looks
            handle.seek(size - 7)
            handle.write(b"</html>")
    files = scan_partition(tmp_path, "phoenix_mls", dt.date(2026, 11, 20))
    ids = {content_id(tmp_path, f, 20 * 1024 * 1024) for f in files}
    assert len(ids) == 1, "only size, head and tail are read"
    data = (folder / "a.html").read_bytes()
    assert ids == {oversized_id(size, data[:OVERSIZED_SAMPLE_BYTES], data[-OVERSIZED_SAMPLE_BYTES:])}
    assert ids != {hashlib.sha256(data).hexdigest()}
    # The extractor's dead letter carries the same id, so the file is accounted for.
    extractor = Extractor("phoenix_mls", root=tmp_path, max_file_bytes=20 * 1024 * 1024)
    record_id, parsed, letter = extractor.read(files[0])
    assert parsed is None and letter["reason_code"] == "too_large" and record_id in ids


def test_a_file_within_the_limit_keeps_its_content_hash(tmp_path):
    path = tmp_path / "p.html"
    path.write_bytes(PAGE)
    raw_file = RawFile("phoenix_mls", dt.date(2026, 11, 20), "p.html", len(PAGE))
    assert content_id(tmp_path, raw_file, len(PAGE)) == hashlib.sha256(PAGE).hexdigest()


def test_extract_from_stdin_obeys_the_limit(tmp_path):
    env = {**os.environ, "PROPERTY_PIPELINE_LLM": "none", "PROPERTY_PIPELINE_MAX_FILE_BYTES": "200000"}
    proc = subprocess.run(
        [str(CLI), "extract", "--source", "phoenix_mls", "-"],
        input=padded(1_000_000), cwd=REPO, env=env, capture_output=True, timeout=300, check=False,
    )
    assert proc.returncode == 3, proc.stderr.decode(errors="replace")[-2000:]
    row = json.loads(proc.stdout)
    assert row["disposition"] == "dead_letter" and row["reason"].startswith("[too_large]")
    ok = subprocess.run(
        [str(CLI), "extract", "--source", "phoenix_mls", "-"],
        input=PAGE, cwd=REPO, env=env, capture_output=True, timeout=300, check=False,
    )
    assert json.loads(ok.stdout)["disposition"] != "dead_letter", ok.stderr.decode(errors="replace")[-2000:]
