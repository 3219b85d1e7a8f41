"""The chunked partition run gives what the whole-frame path gives: the same records, the same
validated/quarantined split with the same reasons, the same report row, the same checks."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from property_pipeline.extraction.extractor import Extractor
from property_pipeline.landing import (
    iter_partitions,
    personal_values_in_partition,
    scan_partition,
)
from property_pipeline.quality.privacy import personal_data_findings
from property_pipeline.quality.report import partition_report
from property_pipeline.quality.rules import QualityConfig
from property_pipeline.quality.validate import validate_records
from property_pipeline.sources import get_source
from property_pipeline.storage.warehouse import get_engine, read_table
from property_pipeline.streaming import conservation, partition_of, run_partition

SAMPLE_LANDING = Path(__file__).resolve().parent.parent / "samples" / "landing"
SAMPLES = list(iter_partitions(SAMPLE_LANDING))


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'warehouse.db'}"
    return request.getfixturevalue("pg_url")


def _by_id(df: pd.DataFrame, columns: list[str]) -> dict:
    return {r["record_id"]: tuple(r[c] for c in columns) for r in df.to_dict("records")}


@pytest.mark.parametrize(("source", "day"), SAMPLES, ids=[f"{s}-{d}" for s, d in SAMPLES])
def test_chunked_run_matches_the_whole_frame_path(url, tmp_path, source, day):
    root = tmp_path / "landing"
    shutil.copytree(SAMPLE_LANDING / source / day.isoformat(), root / source / day.isoformat())
    folder = root / source / day.isoformat()
    first = next(p for p in sorted(folder.iterdir()) if not p.name.startswith("."))
    (folder / f"zz_copy_of_{first.name}").write_bytes(first.read_bytes())  # a duplicate file
    config = QualityConfig()
    partition = partition_of(source, day)

    listing, extraction, validation = run_partition(url, Extractor(source, root=root), source, day, config, chunk_rows=3)

    # Extraction: the same outcomes as Extractor.run on the whole folder.
    whole = Extractor(source, root=root)
    expected = asyncio.run(whole.run(scan_partition(root, source, day)))
    extracted = read_table(url, "extracted_properties", partition)
    letters = read_table(url, "extraction_dead_letters", partition)
    assert sorted(extracted["record_id"]) == sorted(r["record_id"] for r in expected.records)
    assert _by_id(letters, ["reason_code"]) == {d["record_id"]: (d["reason_code"],) for d in expected.dead_letters}
    assert extraction.duplicates == expected.duplicates == 1

    # Validation per chunk: the same split and reasons as validate_records on the whole frame.
    reference = validate_records(extracted, config)
    validated = read_table(url, "validated_properties", partition)
    quarantined = read_table(url, "quarantined_properties", partition)
    assert _by_id(validated, ["confidence"]) == _by_id(reference.validated, ["confidence"])
    assert _by_id(quarantined, ["confidence", "quarantine_reason"]) == _by_id(reference.quarantined, ["confidence", "quarantine_reason"])

    # The report row from running counters equals partition_report over the frames.
    raw = read_table(url, "raw_collector_files", partition)
    assert listing.files == len(raw) and listing.distinct_files == raw["record_id"].nunique()
    frames = partition_report(raw, validated, quarantined, letters, fields=get_source(source).llm_fields).iloc[0].to_dict()
    running = validation.report.row(validation.files, validation.distinct_files, validation.conservation, [])
    for key in ("top_issues",):
        assert {i["issue"]: i["records"] for i in running.pop(key)} == {i["issue"]: i["records"] for i in frames.pop(key)}
    for key in ("mean_confidence", "dead_letter_rate"):  # a sum over chunks, not one mean
        assert running.pop(key) == pytest.approx(frames.pop(key))
    assert running == frames
    assert running["conserved"] is True

    # The personal-data check finds what the whole-partition search finds.
    personal = personal_values_in_partition(root, source, day, whole.max_file_bytes)
    outputs = {"validated_properties": validated, "quarantined_properties": quarantined, "extraction_dead_letters": letters}
    assert sorted(validation.report.findings) == personal_data_findings(outputs, personal)


def test_conservation_names_a_file_without_an_outcome_and_one_with_two(tmp_path):
    url = f"sqlite:///{tmp_path / 'warehouse.db'}"
    source, day = SAMPLES[0]
    root = tmp_path / "landing"
    shutil.copytree(SAMPLE_LANDING / source / day.isoformat(), root / source / day.isoformat())
    _, _, validation = run_partition(url, Extractor(source, root=root), source, day, QualityConfig())
    assert validation.conservation.conserved


    with get_engine(url).begin() as conn:
        gone = conn.execute(sa.text("SELECT record_id, source_file FROM validated_properties LIMIT 1")).one()
        conn.execute(sa.text("DELETE FROM validated_properties WHERE record_id = :r"), {"r": gone.record_id})
        twice = conn.execute(sa.text("SELECT record_id FROM validated_properties LIMIT 1")).scalar()
        conn.execute(sa.text("INSERT INTO quarantined_properties (record_id, source, collected_on) SELECT record_id, source, collected_on FROM validated_properties WHERE record_id = :r"), {"r": twice})
    found = conservation(url, source, day)
    assert not found.conserved
    assert found.missing == [gone.source_file] and found.missing_count == 1
    assert found.duplicated_count == 1 and len(found.duplicated) == 1


def test_sqlite_chunked_replacement_stages_rows_without_locking_out_other_writers(tmp_path):
    """On SQLite the chunks go to a temporary stage: mid-replacement, another run writes its
    own partition at once and readers see the old rows; the swap makes all new rows visible."""
    import datetime as dt
    import time

    from property_pipeline.storage.warehouse import (
        PartitionTransaction,
        write_partition,
    )

    url = f"sqlite:///{tmp_path / 'warehouse.db'}"
    a = {"source": "maricopa_county", "collected_on": dt.date(2026, 1, 1)}
    b = {"source": "maricopa_county", "collected_on": dt.date(2026, 1, 2)}
    old = pd.DataFrame({"record_id": ["old1", "old2"], "source_file": ["x", "y"]})
    write_partition(url, "raw_collector_files", old, a)
    with PartitionTransaction(url) as transaction:
        writer = transaction.replace("raw_collector_files", a)
        writer.write(pd.DataFrame({"record_id": ["new1"], "source_file": ["n1"]}))
        started = time.perf_counter()
        write_partition(url, "raw_collector_files", pd.DataFrame({"record_id": ["b1"], "source_file": ["b"]}), b)
        assert time.perf_counter() - started < 5, "the other partition's write did not wait for this one"
        assert sorted(read_table(url, "raw_collector_files", a)["record_id"]) == ["old1", "old2"]
        writer.write(pd.DataFrame({"record_id": ["new2"], "source_file": ["n2"], "size_bytes": [3]}))
    assert sorted(read_table(url, "raw_collector_files", a)["record_id"]) == ["new1", "new2"]
    assert list(read_table(url, "raw_collector_files", b)["record_id"]) == ["b1"]


def test_a_failed_chunked_replacement_leaves_the_old_partition(url):
    import datetime as dt

    from property_pipeline.storage.warehouse import (
        PartitionTransaction,
        write_partition,
    )

    a = {"source": "maricopa_county", "collected_on": dt.date(2026, 1, 1)}
    write_partition(url, "raw_collector_files", pd.DataFrame({"record_id": ["old"], "source_file": ["x"]}), a)
    with pytest.raises(RuntimeError), PartitionTransaction(url) as transaction:
        writer = transaction.replace("raw_collector_files", a)
        writer.write(pd.DataFrame({"record_id": ["new"], "source_file": ["n"]}))
        raise RuntimeError("the step failed after a chunk")
    assert list(read_table(url, "raw_collector_files", a)["record_id"]) == ["old"]
