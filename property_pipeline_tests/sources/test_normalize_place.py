"""`parse_place`: the part of an address after the street, read without a made-up street."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from property_pipeline.sources.normalize import parse_one_line_address, parse_place


@pytest.mark.parametrize(("text", "expected"), [
    ("Sun City West, AZ 85375", {"city": "Sun City West", "state_or_province": "AZ", "postal_code": "85375"}),
    ("phoenix az 85018-1234", {"city": "Phoenix", "state_or_province": "AZ", "postal_code": "85018"}),
    ("Mesa, 85201", {"city": "Mesa", "postal_code": "85201"}),
    ("AZ 85018", {"state_or_province": "AZ", "postal_code": "85018"}),
    ("Unit 5, Gilbert, Arizona", {"city": "Gilbert", "state_or_province": "AZ"}),
    ("", {}),
])
def test_city_state_and_zip_as_stated(text, expected):
    assert parse_place(text) == expected


TOKENS = ["Phoenix", "Sun", "City", "West", "AZ", "az", "Arizona", "TX", "in", "OR", "85018", "85018-1234", "123456",
          "Unit", "5", "#5", "Mesa", "St.", "Peña", "O'Neil", "New York", "NY", "-", ","]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(["", " ", ", "])), min_size=1, max_size=6))
def test_reads_what_the_one_line_address_parser_reads_after_a_street(parts):
    place = "".join(token + sep for token, sep in parts)
    after_street = parse_one_line_address(f"1 Main St, {place}")
    assert parse_place(place) == {k: after_street[k] for k in ("city", "state_or_province", "postal_code") if k in after_street}
