"""One file never sinks its partition: lone surrogates and NUL in JSON values and in a
listing's JSON-LD, and a file name that is not UTF-8, through `property-pipeline run` on
SQLite and on a real PostgreSQL. Every file ends as exactly one outcome row."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from property_pipeline.landing import (
    RawFile,
    content_id,
    name_bytes,
    read_raw,
    scan_partition,
    storable_name,
)

from .conftest import REPO, SAMPLE_LANDING

CLI = Path(sys.executable).parent / "property-pipeline"
DAY = "2026-11-20"
ODD_NAME = b"mls_caf\xe9_\xff.html"  # Latin-1 bytes: not UTF-8


def hostile_landing(root: Path) -> dict[str, int]:
    """Both sources' sample day plus hostile copies; returns files per source."""
    for source in ("phoenix_mls", "maricopa_county"):
        shutil.copytree(SAMPLE_LANDING / source / DAY, root / source / DAY)
    parcel = (SAMPLE_LANDING / "maricopa_county" / DAY / "parcel_12723045.json").read_text()
    county = root / "maricopa_county" / DAY
    (county / "surrogate.json").write_text(parcel.replace('"ARCADIA VISTA"', '"ARCADIA \\ud800 VISTA"'))
    (county / "nul.json").write_text(parcel.replace('"ARCADIA VISTA"', '"ARCADIA\\u0000VISTA"'))
    (county / "low_surrogate_key.json").write_text(parcel.replace('"MCR"', '"M\\udc00CR"').replace("127-23-045", "127-23-046"))
    page = (SAMPLE_LANDING / "phoenix_mls" / DAY / "mls_7018834.html").read_text()
    listings = root / "phoenix_mls" / DAY
    (listings / "jsonld_surrogate.html").write_text(page.replace('"3782 E Ivanhoe St"', '"3782 E Ivanhoe St \\udfff\\u0000"'))
    other = (SAMPLE_LANDING / "phoenix_mls" / DAY / "mls_7012345.html").read_bytes()
    fd = os.open(os.fsencode(listings) + b"/" + ODD_NAME, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, other + b"\n<!-- renamed copy -->\n")
    os.close(fd)
    day = dt.date.fromisoformat(DAY)
    return {s: len(scan_partition(root, s, day)) for s in ("phoenix_mls", "maricopa_county")}


def outcome_files(url: str) -> dict[str, list[tuple[str, str]]]:
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg2://"))
    out = {}
    with engine.connect() as conn:
        for table in ("raw_collector_files", "validated_properties", "quarantined_properties", "extraction_dead_letters"):
            out[table] = [tuple(r) for r in conn.execute(sa.text(f"select source, source_file from {table}"))]
        letters = dict(conn.execute(sa.text("select source_file, reason_code from extraction_dead_letters")).all())
    engine.dispose()
    return out, letters


@pytest.fixture(params=["sqlite", "postgresql"])
def warehouse_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'warehouse.db'}"
    return request.getfixturevalue("pg_url")


def test_hostile_values_and_names_never_sink_a_partition(warehouse_url, tmp_path):
    files = hostile_landing(tmp_path / "landing")
    (tmp_path / "home").mkdir()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(tmp_path / "home"),
        "PROPERTY_PIPELINE_WAREHOUSE_URL": warehouse_url,
        "PROPERTY_PIPELINE_LLM": "none",
        "PROPERTY_PIPELINE_SETTLE_S": "0",
    }
    proc = subprocess.run(
        [str(CLI), "run", "--landing", str(tmp_path / "landing"), "--date", DAY],
        cwd=REPO, env=env, capture_output=True, timeout=600, check=False,
    )
    out = proc.stdout.decode(errors="replace") + proc.stderr.decode(errors="replace")
    assert proc.returncode == 0, out[-3000:]
    tables, letters = outcome_files(warehouse_url)
    raw = tables.pop("raw_collector_files")
    assert len(raw) == sum(files.values())
    outcomes = [row for rows in tables.values() for row in rows]
    assert sorted(outcomes) == sorted(set(outcomes)), "no file twice"
    # Identical content is processed once; every distinct file has exactly one outcome.
    assert {f for _, f in outcomes} <= {f for _, f in raw}
    odd = f"phoenix_mls/{DAY}/" + storable_name(os.fsdecode(ODD_NAME))
    assert odd == f"phoenix_mls/{DAY}/mls_caf\\xe9_\\xff.html"
    assert (("phoenix_mls", odd)) in raw
    for name in (odd, f"phoenix_mls/{DAY}/jsonld_surrogate.html", f"maricopa_county/{DAY}/surrogate.json",
                 f"maricopa_county/{DAY}/nul.json", f"maricopa_county/{DAY}/low_surrogate_key.json"):
        assert name in {f for _, f in outcomes}, f"{name} has an outcome"
        assert letters.get(name) in (None,), f"{name} was read and extracted, not dead-lettered: {letters.get(name)}"


def test_a_non_utf8_name_is_listed_escaped_and_read_by_its_bytes(tmp_path):
    folder = tmp_path / "phoenix_mls" / DAY
    folder.mkdir(parents=True)
    for raw_name in (b"a\xff.html", b"a\\xff.html", b"ok.html"):
        fd = os.open(os.fsencode(folder) + b"/" + raw_name, os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, raw_name * 3)
        os.close(fd)
    files = scan_partition(tmp_path, "phoenix_mls", dt.date.fromisoformat(DAY))
    paths = [f.path for f in files]
    assert len(set(paths)) == 3, "distinct names stay distinct"
    for raw_file in files:
        raw_file.path.encode("utf-8")  # storable text
        real = name_bytes(raw_file.path.rsplit("/", 1)[1])
        assert read_raw(tmp_path, raw_file) == real * 3
        assert isinstance(content_id(tmp_path, raw_file), str)
    assert isinstance(files[0], RawFile)


@given(st.binary(min_size=1, max_size=30).filter(lambda b: b"/" not in b and b"\x00" not in b))
def test_stored_names_are_text_and_reversible(raw):
    stored = storable_name(os.fsdecode(raw))
    stored.encode("utf-8")
    assert name_bytes(stored) == raw
