"""The async API as the collectors call it: items as they hold them (HTML as str or bytes,
assessor records as parsed dicts), typed results, and a long mixed stream."""

from __future__ import annotations

import asyncio
import json
import random
from pathlib import Path

import pytest

from property_pipeline import Pipeline, PropertyData, process_batch
from property_pipeline.contract import PROPERTY_FIELDS

from .conftest import SAMPLE_LANDING

PAGES = sorted((SAMPLE_LANDING / "phoenix_mls").glob("*/mls_*.html"))
PARCELS = sorted((SAMPLE_LANDING / "maricopa_county").glob("*/parcel_*.json"))


def comparable(result) -> tuple:
    return (result.disposition, tuple(result.record[name] for name in PROPERTY_FIELDS), result.reason_code)


def test_parsed_dicts_give_the_same_records_as_their_files():
    pipeline = Pipeline(llm=None)
    parsed, files = [], []
    for path in PARCELS:
        try:
            obj = json.loads(path.read_bytes())
        except ValueError:
            continue  # an unreadable file is not something a collector can hand over as a dict
        if isinstance(obj, dict):
            parsed.append(obj)
            files.append(path)
    assert len(parsed) >= 10
    from_dicts = process_batch(parsed, "maricopa_county", pipeline=pipeline)
    from_files = process_batch(files, "maricopa_county", pipeline=pipeline)
    assert [comparable(r) for r in from_dicts] == [comparable(r) for r in from_files]
    assert all(r.source_file.startswith("<memory>/") for r in from_dicts)


def test_html_as_str_or_bytes_and_typed_property_data():
    pipeline = Pipeline(llm=None)
    texts = [p.read_bytes().decode("utf-8", "replace") for p in PAGES[:6]]
    as_str = process_batch(texts, "phoenix_mls", pipeline=pipeline)
    as_bytes = process_batch([t.encode("utf-8") for t in texts], "phoenix_mls", pipeline=pipeline)
    assert [comparable(r) for r in as_str] == [comparable(r) for r in as_bytes]
    valid = [r for r in as_str if r.ok]
    assert valid, "the sample pages hold valid listings"
    for result in valid:
        data = result.property_data
        assert isinstance(data, PropertyData)
        assert data.address == result.record["unparsed_address"] is not None
        assert data.list_price == result.record["list_price"]
        assert data.source == "phoenix_mls" and data.property_key == result.record["property_key"]


def test_property_data_of_a_dead_letter_is_empty_but_typed():
    [result] = process_batch([b"\x00\x01\x02 not a page"], "phoenix_mls", pipeline=Pipeline(llm=None))
    assert result.disposition == "dead_letter"
    assert result.property_data.address is None and result.property_data.source == "phoenix_mls"


def test_a_dict_with_nan_is_a_dead_letter_not_an_exception():
    [result] = process_batch([{"apn": "123-45-678", "parcel": {"LotSize": float("nan")}}], "maricopa_county",
                             pipeline=Pipeline(llm=None))
    assert result.disposition == "dead_letter" and result.reason_code == "invalid_json"


def test_the_seed_integration_over_a_collector_like_stream_of_1000_mixed_items():
    """Paths, bytes, str and a few broken items, shuffled, from an async generator: one
    result per item, each the same as that item's own result, and the input read lazily."""
    pipeline = Pipeline(llm=None, concurrency=4)
    singles = {p: comparable(r) for p, r in zip(PAGES, process_batch(PAGES, "phoenix_mls", pipeline=pipeline))}
    rng = random.Random(20)
    plan = []
    for n in range(1000):
        path = PAGES[n % len(PAGES)]
        kind = rng.choice(("path", "bytes", "str", "broken"))
        plan.append((kind, path))
    produced = consumed = most_ahead = 0

    def item(kind: str, path: Path):
        if kind == "path":
            return path
        if kind == "bytes":
            return path.read_bytes()
        if kind == "str":
            return path.read_bytes().decode("utf-8", "replace")
        return b"\x89PNG\r\n\x1a\n\x00\x00 not a page"

    async def data_generator():
        nonlocal produced
        for kind, path in plan:
            produced += 1
            yield item(kind, path)
            await asyncio.sleep(0)

    async def main():
        nonlocal consumed, most_ahead
        out = []
        async with pipeline as integrator:
            async for result in integrator.process_stream(data_generator(), "phoenix_mls"):
                consumed += 1
                most_ahead = max(most_ahead, produced - consumed)
                out.append(result)
        return out

    results = asyncio.run(main())
    assert sorted(r.index for r in results) == list(range(1000))
    for result in results:
        kind, path = plan[result.index]
        if kind == "broken":
            assert result.disposition == "dead_letter" and result.reason_code in {"binary", "not_html"}
        elif kind != "str" or _utf8(path):
            assert comparable(result) == singles[path], (kind, path.name)
    assert most_ahead <= 2 * 4 + 8 * 4 + 8 * 4 + 1, most_ahead


def _utf8(path: Path) -> bool:
    """Whether a page survives a round trip through str (a latin-1 page read as UTF-8 does not)."""
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize("text", ["samples/landing/none.html", "relative/path.json", "/abs/path/x.html"])
def test_short_one_line_strings_are_paths(text):
    [result] = process_batch([text], "phoenix_mls", pipeline=Pipeline(llm=None))
    assert result.disposition == "dead_letter" and result.reason_code == "unreadable"
