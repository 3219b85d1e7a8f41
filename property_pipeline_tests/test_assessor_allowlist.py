"""The assessor adapter's allow-list: whatever unknown keys and nesting a file holds, a value
under them never reaches the compact text (the prompt), the parsed data or a rule value; the
key is reported by name only, and it does not make the record incomplete (no LLM call)."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from property_pipeline.extraction.llm_step import targeted_fields
from property_pipeline.sources import SourceError, get_source
from property_pipeline.sources.maricopa_county import (
    _LOOKUP,
    IGNORED_KEYS,
    SECTIONS,
    _key,
)

SOURCE = get_source("maricopa_county")

BASE = {
    "apn": "123-45-678",
    "parcel": {
        "APN": "123-45-678",
        "PropertyAddress": "4521 W 43RD AVE GLENDALE AZ 85301",
        "IsResidential": True,
        "LotSize": "8712",
        "SubdivisionName": "ARROWHEAD RANCH 3 UNIT 2",
    },
    "residential_details": {"LivableSpace": "1850", "ConstructionYear": "1998", "Pool": "0", "NumberOfGarages": "2"},
    "valuations": [{"TaxYear": "2026", "FullCashValue": "420000", "LimitedPropertyValue": "315000"}],
}

MAPPED = {k for lookup in _LOOKUP.values() for k in lookup}


def _unknown(name: str) -> bool:
    folded = _key(name)
    return bool(folded) and folded not in MAPPED and folded not in SECTIONS and not IGNORED_KEYS.match(folded)


UNKNOWN_KEYS = st.one_of(
    st.sampled_from(["NAME1", "In Care Of", "C/O", "Ownership", "OwnerName2", "Contact", "Notes", "Taxpayer"]),
    st.from_regex(r"[A-Za-z][A-Za-z0-9_ ]{0,20}", fullmatch=True),
).filter(_unknown)
# A planted "name": letters no real fact contains, so finding it anywhere is a leak.
PLANTED = st.from_regex(r"Q[XZ][A-Z]{4,8} J[XZ][A-Z]{3,6}", fullmatch=True)


def _nest(value, depth_keys: list[str], as_list: bool):
    for key in reversed(depth_keys):
        value = {key: value}
    return [value] if as_list else value


@st.composite
def planted_files(draw):
    """A valid API record with a planted name under 1-4 unknown keys, at any depth and in any section."""
    record = json.loads(json.dumps(BASE))
    names = []
    for _ in range(draw(st.integers(1, 4))):
        name = draw(PLANTED)
        names.append(name)
        where = draw(st.sampled_from(["top", "parcel", "residential_details", "valuation", "new_section"]))
        nested = _nest(name, draw(st.lists(UNKNOWN_KEYS, min_size=0, max_size=3)), draw(st.booleans()))
        key = draw(UNKNOWN_KEYS)
        target = {
            "top": record,
            "parcel": record["parcel"],
            "residential_details": record["residential_details"],
            "valuation": record["valuations"][0],
            "new_section": record.setdefault(draw(UNKNOWN_KEYS), {}),
        }[where]
        if isinstance(target, dict):
            target[key] = nested
    kind = draw(st.sampled_from(["plain", "parties", "legal"]))
    if kind == "parties":
        names.append(name := draw(PLANTED))
        record["Parties"] = [{"Role": "Owner", "Name": name}, {"Role": "Agent", "Name": "ACME"}]
    elif kind == "legal":
        names.append(name := draw(PLANTED))
        record["parcel"]["PropertyDescription"] = f"LOT 12 ARROWHEAD RANCH {name} TR"
    return record, names


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(planted_files())
def test_unknown_keys_never_carry_their_values_out(case):
    record, names = case
    raw = json.dumps(record).encode()
    doc = SOURCE.parse(raw, name="parcel_12345678.json")
    rules = SOURCE.extract_rules(doc)
    everything = doc.text + json.dumps(doc.data, default=str) + json.dumps(doc.warnings) + json.dumps(rules.values)
    for name in names:
        assert name not in everything
        for word in name.split():
            assert word not in everything
    # The mapped facts are all still read, and nothing unknown makes the record incomplete.
    assert rules.values["parcel_number"] == "12345678"
    assert rules.values["living_area"] == 1850.0 and rules.values["full_cash_value"] == 420000.0
    assert rules.complete and targeted_fields(SOURCE, rules) == ()
    # Unknown keys are reported by name: every name in the warning is a key of the file.
    reported = [w for w in doc.warnings if w.startswith("unmapped_keys:")]
    assert reported
    keys_in_file = set(re.findall(r'"([^"]+)":', raw.decode()))
    for key in reported[0].removeprefix("unmapped_keys:").split(","):
        assert key in keys_in_file or key == "<unnamed key>" or key.startswith("+")


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(UNKNOWN_KEYS, PLANTED, min_size=1, max_size=5))
def test_search_shape_keeps_only_mapped_facts(extra):
    record = {
        "APN": "173-35-524",
        "MCR": "15713",
        "SubdivisonName": "CAMELBACK HOUSE",
        "SectionTownshipRange": "22 2N 4E",
        "Ownership": "MOZINGO GARRETT",
        "SitusAddress": "4600 N 68TH ST",
        "SitusCity": "SCOTTSDALE",
        "SitusZip": "85251",
        "PropertyType": "CONDOMINIUMS",
        "RentalID": "RE-123",
        **extra,
    }
    doc = SOURCE.parse(json.dumps(record).encode())
    values = SOURCE.extract_rules(doc).values
    everything = doc.text + json.dumps(doc.data, default=str) + json.dumps(values)
    for secret in ["MOZINGO", "GARRETT", *extra.values()]:
        assert secret not in everything
    assert values["parcel_number"] == "17335524"
    assert values["subdivision_name"] == "Camelback House"
    assert values["unparsed_address"] == "4600 N 68th St, Scottsdale, AZ 85251"


def test_a_name_under_a_mapped_key_is_dropped_with_a_warning():
    """An owner name where a place belongs (a subdivision, a city, an address line) is not a fact."""
    record = json.loads(json.dumps(BASE))
    record["parcel"]["SubdivisionName"] = "SMITH JOHN A & MARY"
    record["parcel"]["City"] = "DOE JANE TR"
    doc = SOURCE.parse(json.dumps(record).encode())
    values = SOURCE.extract_rules(doc).values
    everything = doc.text + json.dumps(doc.data) + json.dumps(values)
    assert "SMITH" not in everything and "JANE" not in everything
    assert {"personal_value_dropped:subdivision", "personal_value_dropped:city"} <= set(doc.warnings)
    assert values["city"] == "Glendale"  # from the address line, which holds no name
    record["parcel"]["PropertyAddress"] = "C/O JOHN SMITH 4521 W 43RD AVE"
    doc = SOURCE.parse(json.dumps(record).encode())
    assert "SMITH" not in doc.text and "personal_value_dropped:address" in doc.warnings


def test_identity_lost_to_a_conflict_or_an_unreadable_apn_says_so():
    with pytest.raises(SourceError) as info:
        SOURCE.parse(b'{"APN": "123-45-678", "APN": "999-99-999", "parcel": {"LotSize": "8000"}}')
    assert info.value.code == "duplicate_keys" and "APN" in info.value.message
    with pytest.raises(SourceError) as info:
        SOURCE.parse(b'{"APN": "12-3", "parcel": {"LotSize": "8000"}}')
    assert info.value.code == "unparseable_identity"
    doc = SOURCE.parse(b'{"APN": "12-3", "parcel": {"PropertyAddress": "1 E MAIN ST MESA AZ 85201"}}')
    assert "unparseable_identity:parcel_number" in doc.warnings  # a record, quarantined by validation
