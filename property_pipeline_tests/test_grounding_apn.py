"""A model's parcel number is evidence only where the page names it a parcel number: an 8-digit
MLS number, a licence, a lockbox serial or a comparable's APN in a column is APN-shaped too, and
a model that copies one into `parcel_number` would file the listing's facts under another parcel."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from property_pipeline.extraction.extractor import ground_llm_values
from property_pipeline.extraction.grounding import is_grounded
from property_pipeline.extraction.merge import merge
from property_pipeline.sources.base import RuleExtraction

PARCEL_LABELS = ["APN", "APN #", "A.P.N.", "Assessor's #", "Assessor Parcel Number", "Assessor parcel", "Tax ID",
                 "Tax Parcel #", "Parcel", "Parcel No.", "Parcel ID", "Clave catastral", "Parcela", "apn"]
SEPARATORS = [": ", " ", " - ", " \u2026 ", " | ", " # ", ":\t"]
OTHER_LABELS = ["MLS #", "MLS", "ML#", "Listing ID", "California DRE #", "DRE Lic.", "License #", "Lic", "Phone",
                "Lockbox serial", "Source: REBNY #RLS", "Order #", "Ref", "Fax", ""]
SHAPES = [lambda d: f"{d[:3]}-{d[3:5]}-{d[5:]}", lambda d: d, lambda d: f"{d[:3]} {d[3:5]} {d[5:]}",
          lambda d: f"{d[:3]}.{d[3:5]}.{d[5:]}"]

digits8 = st.text(alphabet="0123456789", min_size=8, max_size=8)


@settings(max_examples=200, deadline=None)
@given(digits8, st.sampled_from(PARCEL_LABELS), st.sampled_from(SEPARATORS), st.sampled_from(SHAPES),
       st.sampled_from(["", "Updated 2 hours ago \u00b7 ", "MLS 7550701 \u00b7 "]))
def test_an_apn_after_a_parcel_label_is_grounded(digits, label, sep, shape, before):
    text = f"4 beds\n{before}{label}{sep}{shape(digits)}\nBuilt 1999"
    assert is_grounded("parcel_number", digits, text) is True
    assert is_grounded("parcel_number", shape(digits), text) is True


@settings(max_examples=200, deadline=None)
@given(digits8, st.sampled_from(PARCEL_LABELS), st.sampled_from(SHAPES))
def test_an_apn_in_the_cell_under_its_label_is_grounded(digits, label, shape):
    assert is_grounded("parcel_number", digits, f"Year Built\n1999\n{label}\n{shape(digits)}\nStatus\nActive") is True


@settings(max_examples=300, deadline=None)
@given(digits8, st.sampled_from(OTHER_LABELS), st.sampled_from(SEPARATORS), st.sampled_from(SHAPES),
       st.sampled_from(["", "APN: 301-22-047 \u00b7 ", "Parcel map \u00b7 ", "See the assessor site. "]))
def test_any_other_apn_shaped_number_is_no_evidence(digits, label, sep, shape, before):
    """The number after another identifier's label, or alone, or after a parcel label with
    another number between: never a parcel number's evidence."""
    text = f"Listed by Dara Whitcombe\n{before}{label}{sep}{shape(digits)}\nOffered at $548,000"
    if "301-22-047" in before and digits == "30122047":
        return  # the page's own labelled APN
    assert is_grounded("parcel_number", digits, text) is False


@pytest.mark.parametrize("text", [
    "Comparables\nMLS | Address | APN | Price\n7549912 | 5209 W Saguaro Park Ln | 219-30-102 | $539,900",
    "APN / MLS: 21930102",
    "Parcel numbers of nearby homes\n219-30-102",
    "Lockbox | Supra iBox on front hose bib, serial 21930102",
    "Call 480-219-3010 2",
])
def test_a_comparables_apn_or_a_serial_grounds_nothing(text):
    assert is_grounded("parcel_number", "21930102", text) is False


def test_a_model_copying_the_mls_number_into_the_parcel_field_loses_it():
    """The hostile double's move, through the merge and the grounding step the pipeline runs:
    the page's MLS number (8 digits) offered as the APN is dropped; the page's labelled values stay."""
    text = "Title: 5127 W Saguaro Park Ln | MLS #73427976\nListing ID: 73427976\nBeds: 4\nCalifornia DRE #01521930"
    rules = RuleExtraction(values={"listing_id": "73427976", "bedrooms_total": 4},
                           evidence={"listing_id": "label", "bedrooms_total": "label"})
    for planted in ("73427976", "734-27-976", "01521930"):
        merged = merge(rules, {"listing_id": "73427976", "bedrooms_total": 4, "parcel_number": planted}, text)
        ungrounded = ground_llm_values(merged, text)
        assert "parcel_number" in ungrounded and "parcel_number" not in merged.values, planted
        assert merged.values["listing_id"] == "73427976" and merged.values["bedrooms_total"] == 4
