"""Every value reaches a table, on SQLite and on a real PostgreSQL: arbitrary text (lone
surrogates, NUL, control characters), floats (non-finite too), integers beyond BIGINT and
nested JSON. Rows are conserved, values read back as `storable.py` says, and a row the
database still rejects is flagged with the error instead of failing the others."""

from __future__ import annotations

import datetime as dt
import math
import warnings as warnings_module

import pandas as pd
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from property_pipeline.storage import warehouse
from property_pipeline.storage.storable import (
    STORAGE_WARNINGS,
    storable_json,
    storable_text,
)

DAY = dt.date(2026, 11, 20)
PARTITION = {"source": "maricopa_county", "collected_on": DAY}

# Any code point, surrogates and NUL included (what json.loads can hand over).
any_text = st.text(alphabet=st.characters(codec=None, categories=None), max_size=40) | st.sampled_from(
    ["\ud800", "\udfff", "a\x00b", "\udcff.html", "\ud83d", "\x1b[0m\x07", "\ufeff"]
)
any_float = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([math.inf, -math.inf, math.nan])
any_int = st.integers(min_value=-(2**80), max_value=2**80) | st.sampled_from([2**63, -(2**63) - 1, 2**63 - 1])
json_value = st.recursive(
    st.none() | st.booleans() | any_int | any_float | any_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(any_text, children, max_size=4),
    max_leaves=12,
)
record = st.fixed_dictionaries(
    {
        "public_remarks": st.none() | any_text,
        "list_price": st.none() | any_float,
        "year_built": st.none() | any_int,
        "field_sources": st.none() | json_value,
    }
)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'warehouse.db'}"
    return request.getfixturevalue("pg_url")


def frame(records: list[dict]) -> pd.DataFrame:
    rows = [
        {"record_id": f"{i:064x}", **PARTITION, "source_file": f"f{i}", **r, "extraction_warnings": []}
        for i, r in enumerate(records)
    ]
    # object dtype: values reach the warehouse exactly as given (no float64 rounding by pandas)
    return pd.DataFrame(rows, dtype=object)


def expected_text(value):
    return None if value is None else storable_text(value)[0]


def numbers_as_floats(value):
    """JSON with every number as a float: JSONB keeps numbers as decimals (1e16 reads back as
    an int), which is the same JSON number."""
    if isinstance(value, dict):
        return {k: numbers_as_floats(v) for k, v in value.items()}
    if isinstance(value, list):
        return [numbers_as_floats(v) for v in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return value


def exact_years(url: str) -> dict[str, int | None]:
    """year_built by file, as stored (a DataFrame would turn big integers into floats)."""
    engine = sa.create_engine(warehouse.normalize_url(url))
    with engine.connect() as conn:
        rows = conn.execute(sa.text("select source_file, year_built from extracted_properties")).all()
    engine.dispose()
    return dict(rows)


def test_every_row_is_written_and_reads_back_sanitized(url):
    # No shrinking: each example is a database round trip; the failing example is printed whole.
    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
    @given(st.lists(record, min_size=1, max_size=8))
    def check(records):
        written = warehouse.replace_partition(url, "extracted_properties", frame(records), PARTITION)
        back = warehouse.read_table(url, "extracted_properties", PARTITION).sort_values("source_file", key=lambda s: s.str[1:].astype(int))
        assert written == len(records) == len(back), "every row is conserved"
        years = exact_years(url)
        for given_row, row in zip(records, back.to_dict("records")):
            assert row["public_remarks"] == expected_text(given_row["public_remarks"]) or (
                row["public_remarks"] is None and given_row["public_remarks"] is None
            )
            price = given_row["list_price"]
            if price is None or not math.isfinite(price):
                assert row["list_price"] is None or math.isnan(row["list_price"])
            else:
                assert row["list_price"] == price
            year = given_row["year_built"]
            expected_year = year if year is not None and -(2**63) <= year < 2**63 else None
            assert years[row["source_file"]] == expected_year
            if given_row["field_sources"] is not None:
                assert numbers_as_floats(row["field_sources"]) == numbers_as_floats(
                    storable_json(given_row["field_sources"])[0]
                )
            changed = (
                row["public_remarks"] != given_row["public_remarks"]
                or (year is not None and not -(2**63) <= year < 2**63)
                or (price is not None and math.isinf(price))  # NaN is pandas' "missing": no change
            )
            assert bool(row["extraction_warnings"]) >= changed, "a changed value is never silent"

    check()


def test_a_table_without_a_warnings_column_gains_one(url):
    df = pd.DataFrame(
        [
            {"record_id": "a" * 64, **PARTITION, "source_file": "x\udcff.json", "size_bytes": 10},
            {"record_id": "b" * 64, **PARTITION, "source_file": "ok.json", "size_bytes": 2**70},
            {"record_id": "c" * 64, **PARTITION, "source_file": "plain.json", "size_bytes": 3},
        ]
    )
    assert warehouse.write_partition(url, "raw_collector_files", df, PARTITION) == warehouse.WriteReport(3, 2, 0)
    back = warehouse.read_table(url, "raw_collector_files").set_index("record_id")
    assert back.loc["a" * 64, "source_file"] == "x\\udcff.json"
    assert "source_file" in back.loc["a" * 64, STORAGE_WARNINGS]
    assert pd.isna(back.loc["b" * 64, "size_bytes"]) and "BIGINT" in back.loc["b" * 64, STORAGE_WARNINGS]
    assert back.loc["c" * 64, STORAGE_WARNINGS] is None and back.loc["c" * 64, "size_bytes"] == 3


class Unadaptable:
    """A value no database driver can bind: stands for any row the database rejects."""


def test_rows_the_database_rejects_are_flagged_and_never_sink_the_others(url):
    old = frame([{"public_remarks": "old", "list_price": 1.0, "year_built": 1, "field_sources": None}] * 5)
    warehouse.replace_partition(url, "extracted_properties", old, PARTITION)
    records = [{"public_remarks": f"r{i}", "list_price": 1.0 * i, "year_built": 2000, "field_sources": {"i": i}} for i in range(50)]
    records[7]["public_remarks"] = Unadaptable()
    records[31]["public_remarks"] = Unadaptable()
    report = warehouse.write_partition(url, "extracted_properties", frame(records), PARTITION)
    assert report == warehouse.WriteReport(rows=50, changed_rows=0, flagged_rows=2)
    back = warehouse.read_table(url, "extracted_properties", PARTITION).set_index("source_file")
    assert len(back) == 50, "the partition was replaced whole: old rows gone, every new row there"
    for bad in ("f7", "f31"):
        assert back.loc[bad, "record_id"] == f"{int(bad[1:]):064x}", "the flagged row keeps its identity"
        assert pd.isna(back.loc[bad, "list_price"])
        assert any("row not storable" in w for w in back.loc[bad, "extraction_warnings"])
    good = back.drop(index=["f7", "f31"])
    assert list(good["public_remarks"]) == [f"r{int(n[1:])}" for n in good.index]
    assert all(w == [] for w in good["extraction_warnings"])


def test_dead_letter_reason_carries_the_warning(url):
    df = pd.DataFrame(
        [{"record_id": "d" * 64, **PARTITION, "source_file": "a.json", "reason_code": "binary", "reason": "bad\x00 bytes", "attempts": 1}]
    )
    warehouse.replace_partition(url, "extraction_dead_letters", df, PARTITION)
    row = warehouse.read_table(url, "extraction_dead_letters").iloc[0]
    assert row["reason"].startswith("bad\\u0000 bytes; stored with changes: reason:")


def test_llm_cache_stores_values_with_surrogates_and_nul(url):
    from property_pipeline.storage.llm_cache import LLMCache

    cache = LLMCache(url)
    cache.put("k" * 64, "phoenix_mls", "m\ud800", {"city": "Phoe\x00nix", "n": math.inf, "x\udc80": ["\ud800"]}, {})
    got = cache.get("k" * 64)
    assert got["values"] == {"city": "Phoe\\u0000nix", "n": None, "x\\udc80": ["\\ud800"]}
    engine = sa.create_engine(warehouse.normalize_url(url))
    with engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from llm_cache")).scalar() == 1
    engine.dispose()


def test_column_wise_conversion_equals_the_row_wise_one():
    """`storable_columns` (the warehouse's write path) gives every cell and every warning that
    `storable_row` gives row by row, whatever the values and however pandas typed the columns."""
    from property_pipeline.storage.storable import storable_columns, storable_row

    types = {
        "public_remarks": sa.Text(), "list_price": sa.Float(), "year_built": sa.BigInteger(),
        "field_sources": sa.JSON(), "pool_private_yn": sa.Boolean(), "collected_on": sa.Date(),
    }
    cell = {
        "public_remarks": st.none() | any_text | any_int,
        "list_price": st.none() | any_float | any_int | st.booleans() | st.just("1,234"),
        "year_built": st.none() | any_int | any_float | st.booleans() | st.just("1999"),
        "field_sources": st.none() | json_value,
        "pool_private_yn": st.none() | st.booleans() | st.just(math.nan),
        "collected_on": st.none() | st.just(DAY) | st.just(pd.Timestamp(DAY)),
    }

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.fixed_dictionaries(cell), min_size=1, max_size=6), st.booleans())
    def check(rows, infer_dtypes):
        df = pd.DataFrame(rows) if infer_dtypes else pd.DataFrame(rows, dtype=object)
        if infer_dtypes:  # nullable dtypes, as pandera's coercion leaves them
            with warnings_module.catch_warnings():
                warnings_module.simplefilter("ignore", RuntimeWarning)
                try:
                    df = df.convert_dtypes()
                except (OverflowError, TypeError, ValueError):
                    pass  # values pandas cannot type: the object columns are tested as they are
        columns = list(df.columns)
        values, warnings = storable_columns(columns, [df[c].tolist() for c in columns], types)
        for position, cells in enumerate(df.itertuples(index=False, name=None)):
            expected, expected_warnings = storable_row(dict(zip(columns, cells)), types)
            got = dict(zip(columns, (column[position] for column in values)))
            assert repr(got) == repr(expected)
            assert warnings.get(position, []) == expected_warnings

    check()
