"""Conflicting values are flagged, people's lines never reach the text, placeholders are never values.

- Two visible values for one single-valued fact: the field is ambiguous, the merged field stays below
  0.5 confidence even when the LLM agrees with one of them, and the record carries the
  `conflicting_values:<field>` warning that validation turns into quarantine.
- Owner / seller / tenant / occupant / contact lines are not in the compact text, never become a
  field value, and are what `personal_values()` returns for the no-personal-data check.
- Units and placeholders ("Ba", "Sq Ft", "--", "N/A", "Call for price", ...) are never values, and an
  address is never read from fragments such as "1 Ba, Sq Ft" or "5 Days, On Zillow".
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from property_pipeline.extraction.extractor import Extractor
from property_pipeline.extraction.merge import merge
from property_pipeline.landing import scan_partition
from property_pipeline.sources.phoenix_mls import (
    SOURCE,
    extract_rules,
    parse,
    personal_values,
)

ADDRESS = "<h1>4218 E Campbell Ave, Phoenix, AZ 85018</h1><p>MLS #: 7012345</p>"

# field -> (label, first value, second value, parsed first value)
SINGLE_VALUED = {
    "list_price": ("List Price", "$525,000", "$498,000", 525000.0),
    "bedrooms_total": ("Bedrooms", "3", "4", 3),
    "living_area": ("Approx SqFt", "1,862", "2,140", 1862.0),
    "year_built": ("Year Built", "1958", "1987", 1958),
    "standard_status": ("Status", "Active", "Pending", "Active"),
    "parcel_number": ("Assessor Parcel #", "127-23-045", "127-23-046", "12723045"),
    "garage_spaces": ("Garage Spaces", "2", "3", 2.0),
}


def _page(body: str) -> bytes:
    return f"<html><body>{ADDRESS}{body}</body></html>".encode()


LAYOUTS = {
    "paragraphs": "<p>{label}: {a}</p><p>Pool: Yes</p><p>{label}: {b}</p>",
    "table": "<table><tr><th>{label}</th><td>{a}</td></tr><tr><th>Stories</th><td>1</td></tr>"
             "<tr><th>{label}</th><td>{b}</td></tr></table>",
    "two_blocks": "<div class='facts'><dl><dt>{label}</dt><dd>{a}</dd></dl></div>"
                  "<div class='more'><span class='label'>{label}</span> <span>{b}</span></div>",
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("field", sorted(SINGLE_VALUED))
def test_two_visible_values_make_the_field_ambiguous(field: str, layout: str):
    label, a, b, _ = SINGLE_VALUED[field]
    rules = extract_rules(parse(_page(LAYOUTS[layout].format(label=label, a=a, b=b))))
    assert field in rules.ambiguous
    merged = merge(rules, None)
    assert merged.confidence[field] < 0.5
    assert f"conflicting_values:{field}" in merged.warnings


@pytest.mark.parametrize("field", sorted(SINGLE_VALUED))
def test_an_agreeing_llm_does_not_settle_a_conflict(field: str):
    label, a, b, first = SINGLE_VALUED[field]
    rules = extract_rules(parse(_page(f"<p>{label}: {a}</p><p>{label}: {b}</p>")))
    merged = merge(rules, {field: first})
    assert merged.confidence[field] < 0.5
    assert f"conflicting_values:{field}" in merged.warnings


@pytest.mark.parametrize("field", sorted(SINGLE_VALUED))
def test_repeating_the_same_value_is_no_conflict(field: str):
    label, a, _, first = SINGLE_VALUED[field]
    rules = extract_rules(parse(_page(f"<p>{label}: {a}</p><div><p>{label}: {a}</p></div>")))
    assert rules.values[field] == first and field not in rules.ambiguous
    assert merge(rules, None).warnings == []


@settings(max_examples=40, deadline=None)
@given(field=st.sampled_from(sorted(SINGLE_VALUED)), gap=st.lists(st.sampled_from(
    ["<p>Stories: 1</p>", "<h3>Interior</h3>", "<div><p>Pool: Yes</p></div>", "<ul><li>Fireplace</li></ul>"]),
    max_size=5), second_first=st.booleans())
def test_conflict_flagged_wherever_the_rows_are(field: str, gap: list[str], second_first: bool):
    label, a, b, _ = SINGLE_VALUED[field]
    rows = [f"<p>{label}: {a}</p>", f"<p>{label}: {b}</p>"]
    if second_first:
        rows.reverse()
    rules = extract_rules(parse(_page(rows[0] + "".join(gap) + rows[1])))
    assert field in rules.ambiguous


def test_the_record_carries_the_conflict_warning(tmp_path: Path):
    day = tmp_path / "phoenix_mls" / "2026-11-20"
    day.mkdir(parents=True)
    (day / "mls_1.html").write_bytes(_page("<p>List Price: $525,000</p><p>List Price: $498,000</p>"))
    files = scan_partition(tmp_path, "phoenix_mls", __import__("datetime").date(2026, 11, 20))
    result = asyncio.run(Extractor("phoenix_mls", root=tmp_path).run(files))
    record = result.records[0]
    assert "conflicting_values:list_price" in record["extraction_warnings"]
    assert record["field_confidence"]["list_price"] < 0.5
    assert record["field_evidence"]["list_price"] == "label"


PEOPLE = [
    ("Owner Name", "Margaret Delgado"),
    ("Seller", "Harold P. Whitcomb"),
    ("Tenant Name", "Rosa Kimball"),
    ("Occupant", "Devin Okafor"),
    ("Owner Phone", "(602) 555-0187"),
    ("Contact", "Priya Natarajan"),
    ("Owner(s)", "Lena & Tomas Varga"),
    ("Current Owner", "Oakline Holdings LLC"),
    ("Seller Email", "hwhitcomb@example.com"),
]
PERSON_LAYOUTS = {
    "colon_line": "<p>{label}: {value}</p>",
    "table_row": "<table><tr><th>{label}</th><td>{value}</td></tr></table>",
    "cells": "<table><tr><td>{label}</td><td>{value}</td></tr></table>",
    "definition": "<dl><dt>{label}</dt><dd>{value}</dd></dl>",
    "label_span": "<div><span class='label'>{label}:</span> <span>{value}</span></div>",
    "pipe_line": "<p>{label} | {value}</p>",
}


@pytest.mark.parametrize("layout", sorted(PERSON_LAYOUTS))
@pytest.mark.parametrize("label,value", PEOPLE, ids=[lbl for lbl, _ in PEOPLE])
def test_people_lines_stay_out_of_text_and_values(label: str, value: str, layout: str):
    body = "<p>List Price: $525,000</p>" + PERSON_LAYOUTS[layout].format(label=label, value=value) + \
           "<p>Subdivision: Arcadia Vista</p>"
    raw = _page(body)
    doc = parse(raw)
    assert value.split()[0] not in doc.text
    values = extract_rules(doc).values
    assert not any(value.split()[0] in str(v) for v in values.values())
    assert values["subdivision_name"] == "Arcadia Vista"
    found = personal_values(raw)
    assert any(value.split()[0] in p for p in found)


def test_owner_suite_features_are_not_people():
    raw = _page("<p>Features: Owner's suite with walk-in closet</p><p>Occupancy: Vacant</p>")
    assert personal_values(raw) == set()


def test_the_source_declares_its_personal_values():
    assert SOURCE.personal_values is personal_values


@pytest.mark.parametrize("placeholder", ["--", "\u2014", "N/A", "n/a", "TBD", "Call for price", "Contact agent",
                                         "Price upon request", "Not disclosed", "Ba", "Bd", "Sq Ft", "sqft",
                                         "$--", "-- sqft", "Unknown"])
@pytest.mark.parametrize("label,field", [("List Price", "list_price"), ("Beds", "bedrooms_total"),
                                         ("Baths", "bathrooms_full"), ("Sq Ft", "living_area"),
                                         ("Subdivision", "subdivision_name"), ("Year Built", "year_built"),
                                         ("HOA Fee", "association_fee"), ("Lot Size", "lot_size_square_feet"),
                                         ("City", "city"), ("Status", "standard_status")])
def test_placeholders_are_never_values(placeholder: str, label: str, field: str):
    raw = f"<html><body><p>MLS #: 7012345</p><p>{label}: {placeholder}</p></body></html>".encode()
    assert field not in extract_rules(parse(raw)).values


@pytest.mark.parametrize("field,label", [("list_price", "List Price"), ("living_area", "Living Area"),
                                         ("year_built", "Year Built"), ("lot_size_square_feet", "Lot Size")])
def test_zero_is_no_value_where_the_field_cannot_be_zero(field: str, label: str):
    raw = f"<html><body>{ADDRESS}<p>{label}: 0</p></body></html>".encode()
    assert field not in extract_rules(parse(raw)).values


def test_lot_size_is_never_living_area_when_the_living_area_is_a_placeholder():
    body = "<ul><li><span>--</span> <span>sqft</span></li><li>9,801 sqft lot</li><li>Sq Ft: --</li></ul>" \
           "<p>Lot Size: 9,801 sqft</p>"
    values = extract_rules(parse(_page(body))).values
    assert "living_area" not in values
    assert values["lot_size_square_feet"] == 9801


@pytest.mark.parametrize("fragment", ["1 Ba, Sq Ft", "5 Days, On Zillow", "3 Beds, 2 Baths", "2 Car Garage, Sq Ft",
                                      "12 Photos, Save", "1 Story, Bd", "4 bd, 3 ba"])
def test_label_fragments_are_not_addresses(fragment: str):
    raw = f"<html><head><title>{fragment} | Homes</title></head><body><h1>{fragment}</h1><p>{fragment}</p>" \
          f"<p>List Price: $500,000</p></body></html>".encode()
    values = extract_rules(parse(raw)).values
    assert "street_name" not in values and "city" not in values
