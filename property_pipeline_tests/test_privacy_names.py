"""The no-personal-data check sees names on its own: person-name shapes in fields that hold
none, never flagging a real place name; it does not fail on dead letters without personal
values; and a run over files with owner names planted under unknown keys leaves none in the
prompts, the LLM cache or the outputs, even with a model that copies names into fields."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from property_pipeline.extraction.extractor import Extractor
from property_pipeline.extraction.llm_step import LONG_KEYS
from property_pipeline.landing import scan_partition
from property_pipeline.llm.ollama import OllamaClient
from property_pipeline.quality.names import (
    FIRST_NAMES,
    PLACE_WORDS,
    looks_like_person_name,
)
from property_pipeline.quality.privacy import personal_data_findings
from property_pipeline.storage.llm_cache import LLMCache

from .conftest import SAMPLES
from .fake_ollama import FakeOllama

NAME_FREE = ("subdivision_name", "street_name", "city")


def labelled_place_values() -> set[str]:
    """Every subdivision, street and city value of every labelled sample set (never the
    measurement-only real set)."""
    values = set()
    for path in SAMPLES.glob("**/expected/**/*.json"):
        if "real_unseen" in path.parts:
            continue
        fields = json.loads(path.read_text()).get("fields") or {}
        values |= {fields[f] for f in (*NAME_FREE, "unparsed_address") if isinstance(fields.get(f), str)}
    return values


def test_no_false_positive_on_any_labelled_place():
    values = labelled_place_values()
    assert len(values) > 100
    flagged = sorted(v for v in values if looks_like_person_name(v))
    assert flagged == []


@pytest.mark.parametrize(
    "place",
    [
        "Arcadia Estates", "Sun City Unit 12", "Warner Ranch Unit 3 Lot 45 Tract B", "5TH & SMITH CENTER",
        "Metes & Bounds", "Sierra Montana", "Preston Green Ph 01", "MARYVALE TERRACE 3 AMD", "W Kimberly Way",
        "N Frank Lloyd Wright Blvd", "Spring Flower Tr", "Sun City West", "Paradise Valley", "Queen Creek",
        "Lakeview Ave N", "David Crockett Estates", "Johnson Ranch", "Rose Garden Ln",
    ],
)
def test_place_names_are_not_names(place):
    assert not looks_like_person_name(place)


# First names that are also place words ("Glen") are left out: "SMITH GLEN TR" reads as a place too.
FIRST = st.sampled_from(sorted(FIRST_NAMES - PLACE_WORDS)).map(str.upper)
LAST = st.from_regex(r"[A-Z][A-Z]{3,9}", fullmatch=True).filter(lambda w: w.lower() not in FIRST_NAMES | PLACE_WORDS)
INITIAL = st.sampled_from("ABCDFGHJKLMPQRTVY")


@st.composite
def owner_names(draw):
    """Owner names as assessor and MLS records write them."""
    first, last, other, initial = draw(FIRST), draw(LAST), draw(FIRST), draw(INITIAL)
    form = draw(st.integers(0, 11))
    return [
        f"{last} {first} {initial} & {other}",
        f"{first.title()} {initial}. {last.title()}",
        f"{last} {first} TR",
        f"C/O {first} {last}",
        f"{last} {first} ET AL",
        f"{last} {first} ETUX",
        f"{last} FAMILY TRUST",
        f"{last} HOLDINGS LLC",
        f"{first.title()} {last.title()}",
        f"{last} {first}",
        f"In Care Of {first.title()} {last.title()}",
        f"{last} {first}/{other} {initial}",
    ][form]


@settings(max_examples=400, deadline=None)
@given(owner_names())
def test_generated_owner_names_are_detected(name):
    assert looks_like_person_name(name), name


def test_check_flags_a_copied_name_without_knowing_it():
    frame = pd.DataFrame(
        [
            {"source_file": "maricopa_county/2026-11-24/a.json", "subdivision_name": "DOE JANE A & JOHN", "city": "Mesa"},
            {"source_file": "maricopa_county/2026-11-24/b.json", "subdivision_name": "Arcadia Estates", "city": "Mesa"},
        ]
    )
    findings = personal_data_findings({"validated_properties": frame}, set())
    assert findings == ["validated_properties: maricopa_county/2026-11-24/a.json subdivision_name looks like a person's name"]


def test_dead_letters_without_personal_values_pass():
    """Real assessor dead letters: the owner is the county, the mailing city is the situs city,
    a sale price or ZIP is a number; none of that is in the dead letter, so nothing is found."""
    letters = pd.DataFrame(
        [
            {
                "record_id": "0" * 60 + "8525",
                "source": "maricopa_county",
                "source_file": "maricopa_county/2026-11-24/parcel-173-35-524.json",
                "collected_on": dt.date(2026, 11, 24),
                "reason_code": "unknown_shape",
                "reason": "no assessor fact in this file; keys: Ownership, SitusCity",
                "attempts": 1,
            }
        ]
    )
    personal = {"MARICOPA COUNTY", "SCOTTSDALE", "85251", "215000", "04/01/2021", "USA"}
    assert personal_data_findings({"extraction_dead_letters": letters}, personal) == []
    leaked = letters.assign(reason="KeyError: 'MOZINGO GARRETT'")
    assert personal_data_findings({"extraction_dead_letters": leaked}, {"MOZINGO GARRETT"})


def copycat(request: dict) -> dict:
    """A hostile model: copies every run of capitalised words in the prompt into text fields."""
    content = request["messages"][-1]["content"]
    words = [w for w in content.replace(":", " ").split() if w.isalpha() and w.isupper() and len(w) > 3]
    copied = " ".join(words[:4]) or None
    reply = {}
    for key in request["format"]["properties"]:
        reply[key] = copied if LONG_KEYS.get(key, key) in ("subdivision_name", "city", "street_name") else None
    return reply


PLANTED = ("QUENTIN ZARDOZ", "ZELDA QUIMBY", "XAVIER QUORRA")


def test_llm_cache_and_prompts_hold_no_planted_names(tmp_path):
    day = dt.date(2026, 11, 24)
    folder = tmp_path / "landing" / "maricopa_county" / day.isoformat()
    folder.mkdir(parents=True)
    for i, owner in enumerate(PLANTED):
        record = {
            "apn": f"301-22-0{i}5",
            "parcel": {"APN": f"301-22-0{i}5", "PropertyAddress": "815 N 52ND ST MESA AZ 85205", "NAME1": owner},
            "In Care Of": owner,
            "Parties": [{"Role": "Owner", "Name": owner}],
            "valuations": [{"TaxYear": 2026, "FullCashValue": "300000", "LimitedPropertyValue": "250000", "Note": owner}],
        }
        (folder / f"parcel_{i}.json").write_text(json.dumps(record))
    url = f"sqlite:///{tmp_path / 'cache.db'}"
    with FakeOllama(responder=copycat) as srv:
        extractor = Extractor(
            "maricopa_county", root=Path(tmp_path / "landing"), llm=OllamaClient(host=srv.url),
            cache=LLMCache(url), strategy="full",
        )
        result = asyncio.run(extractor.run(scan_partition(tmp_path / "landing", "maricopa_county", day)))
        prompts = json.dumps(srv.requests)
        assert srv.chat_count >= len(PLANTED)
    with sa.create_engine(url).connect() as conn:
        cache = json.dumps([dict(r) for r in conn.execute(sa.text("select * from llm_cache")).mappings()], default=str)
    outputs = json.dumps(result.records + result.dead_letters, default=str)
    assert len(result.records) == len(PLANTED)
    for owner in PLANTED:
        for word in owner.split():
            assert word not in prompts and word not in cache and word not in outputs


def test_validation_drops_a_copied_name_and_quarantines_the_record():
    from property_pipeline.contract import EXTRACTED_COLUMNS
    from property_pipeline.quality.validate import validate_records

    row = dict.fromkeys(EXTRACTED_COLUMNS)
    row.update(
        record_id="a" * 64, source="maricopa_county", source_file="maricopa_county/2026-11-24/a.json",
        collected_on=dt.date(2026, 11, 24), property_key="apn:12345678", parcel_number="12345678",
        subdivision_name="DOE JANE A & JOHN", city="Mesa", field_confidence={"parcel_number": 0.95, "subdivision_name": 0.75},
        field_sources={}, validation_issues=[], extraction_warnings=[], llm_fallback=False,
    )
    checked = validate_records(pd.DataFrame([row], columns=list(EXTRACTED_COLUMNS)))
    assert len(checked.validated) == 0
    quarantined = checked.quarantined.iloc[0]
    assert quarantined["subdivision_name"] is None
    assert "personal_value_dropped:subdivision_name" in quarantined["quarantine_reason"]
    assert personal_data_findings({"quarantined_properties": checked.quarantined}, set()) == []


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["subdivision_name", "public_remarks", "source_file", "city", "field_sources", "year_built"]),
        st.none() | st.text(max_size=30) | st.integers() | st.lists(st.text(max_size=12), max_size=3),
    ),
    st.lists(st.text(max_size=20), max_size=4),
)
def test_the_word_prefilter_finds_what_the_whole_text_search_finds(row, raw_values):
    """`row_holds_any` looks for each value's words before building the row's text: the same
    answer as searching the text for every value."""
    from property_pipeline.quality.privacy import _row_text, _searchable, row_holds_any

    values = {v for v in map(_searchable, raw_values) if v}
    # A value planted in a cell must be found through the prefilter too.
    if values and "public_remarks" in row:
        row = {**row, "public_remarks": f"x {sorted(values)[0].upper()} y"}
    text = _row_text(row)
    assert row_holds_any(row, values) == any(f" {v} " in text for v in values)
