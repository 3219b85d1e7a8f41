"""MLS print-outs as members print them (loss class `broker_print_3`), on pages of their own: the
possessive "Assessor's #", a second HOA's labels, a style that states the levels, "ML#" in a
heading, a fine-print line carrying the MLS number, a labelled street completed by a heading of the
same street, a report header of bar-joined cells, "Remarks" over its text across a <br>, a
"Cross Property" table whose subject row is marked.
"""

from __future__ import annotations

import pytest

from property_pipeline.sources import get_source
from property_pipeline.sources.phoenix_mls import _label_group

MLS = get_source("phoenix_mls")


def parsed(html: str):
    return MLS.parse(f"<html><head><title>Report</title></head><body>{html}</body></html>".encode())


def rules(html: str) -> dict:
    return MLS.extract_rules(parsed(html)).values


@pytest.mark.parametrize("label, group", [
    ("Assessor's #", "parcel_number"), ("Assessors #", "parcel_number"), ("Subject Remarks", "remarks"),
    ("Ext Strs", "stories"), ("Unit Style", "dwelling"), ("Bldg Style", "dwelling"), ("St", "status"),
    ("HOA 2 Fee", None), ("HOA 2 Paid (Freq)", None), ("2nd HOA Paid (Freq)", None), ("Second Assoc Fee", None),
    ("HOA Fee", "hoa_fee"), ("HOA Paid (Freq)", "hoa_freq"),
])
def test_print_labels(label, group):
    assert _label_group(label) == group


def test_second_hoa_is_not_the_hoa():
    page = ("<table><tr><td>HOA Fee:</td><td>$210</td><td>HOA Paid (Freq):</td><td>Quarterly</td></tr>"
            "<tr><td>HOA 2 Fee:</td><td>$95</td><td>HOA 2 Paid (Freq):</td><td>Monthly</td></tr></table>")
    got = MLS.extract_rules(parsed(page))
    assert got.values["association_fee"] == 210
    assert got.values["association_fee_frequency"] == "Quarterly"
    assert "association_fee_frequency" not in got.ambiguous


@pytest.mark.parametrize("style, stories", [("2-Story", 2), ("Two Level", 2), ("Single Level", 1), ("1 Story", 1)])
def test_style_states_levels(style, stories):
    assert rules(f"<table><tr><td>Bldg Style</td><td>{style}</td></tr><tr><td>Beds</td><td>3</td></tr></table>")[
        "stories"] == stories


def test_labelled_stories_win_over_a_style():
    got = MLS.extract_rules(parsed("<p>Style: Single Level</p><p>Exterior Stories: 2</p>"))
    assert got.values["stories"] == 2 and "stories" not in got.ambiguous


def test_ml_number_in_a_heading():
    assert rules("<h2>Showing Instructions &mdash; ML# 6123457</h2><p>List Price: $300,000</p>")["listing_id"] == "6123457"


def test_fine_print_keeps_the_mls_number():
    page = ("<p>List Price: $300,000</p><p>Beds: 3</p>"
            "<p>ARMLS #6123458 &middot; Information is deemed reliable but is not guaranteed.</p>")
    doc = parsed(page)
    assert MLS.extract_rules(doc).values["listing_id"] == "6123458"
    assert "deemed reliable" not in doc.text


def test_contact_line_stays_out_whole():
    doc = parsed("<p>Presented by Odette Quill &middot; Cell 480-555-0171 &middot; deemed reliable</p><p>Beds: 3</p>")
    assert "Odette" not in doc.text and "555" not in doc.text


def test_labelled_street_takes_the_place_of_the_same_street():
    page = ("<h2>918 W Pinon Way, Chandler, AZ 85224</h2>"
            "<table><tr><td>Addr:</td><td>918 W Pinon Way</td><td>Beds:</td><td>3</td></tr></table>")
    got = rules(page)
    assert (got["city"], got["postal_code"], got["state_or_province"]) == ("Chandler", "85224", "AZ")


def test_another_street_lends_no_place():
    page = ("<h2>Office: 2150 S Rural Rd, Tempe, AZ 85282</h2>"
            "<table><tr><td>Addr:</td><td>918 W Pinon Way</td><td>Beds:</td><td>3</td></tr></table>")
    got = rules(page)
    assert got.get("city") is None and got.get("postal_code") is None


def test_bar_joined_report_header():
    page = "<table><tr><td>MLS #: 6123459</td><td>Pending</td><td>List $412,000</td></tr></table><p>Beds: 3</p>"
    got = rules(page)
    assert got["listing_id"] == "6123459" and got["list_price"] == 412000


def test_remarks_label_then_text_after_br():
    text = "Bright corner home with a remodeled kitchen, new windows and a covered patio facing the yard."
    page = f"<p>Beds: 3</p><p><b>Remarks</b><br>{text}</p><p>Offers due Monday; call the office for access.</p>"
    assert rules(page)["public_remarks"] == text


def test_amount_line_is_no_heading_of_the_description():
    page = ("<h1>77 E Palm Ln, Phoenix, AZ 85004</h1><ul><li>3 Bedrooms</li><li>HOA $80/mo incl. community pool</li></ul>"
            "<p>Restored bungalow with original oak floors and a shaded front porch.</p><p>MLS #6123460</p>")
    assert rules(page)["public_remarks"] == "Restored bungalow with original oak floors and a shaded front porch."


CROSS = """<table><tr><th></th><th>ML#</th><th>Stat</th><th>Address</th><th>City</th><th>LP</th><th>SP</th>
<th>Beds</th><th>SqFt</th></tr>
<tr><td></td><td>6120001</td><td>C</td><td>14 E Elm St</td><td>Mesa</td><td>$401,000</td><td>$398,000</td><td>4</td><td>1,990</td></tr>
<tr><td>{mark}</td><td>6120002</td><td>A</td><td>22 E Elm St</td><td>Mesa</td><td>$389,000</td><td></td><td>3</td><td>1,702</td></tr>
<tr><td></td><td>6120003</td><td>P</td><td>31 E Oak St</td><td>Mesa</td><td>$377,500</td><td></td><td>3</td><td>1,655</td></tr>
</table>"""


def test_cross_property_subject_row():
    got = rules(CROSS.format(mark="Subject"))
    assert (got["listing_id"], got["standard_status"], got["list_price"], got["bedrooms_total"], got["living_area"]) == (
        "6120002", "Active", 389000, 3, 1702)
    assert got["street_name"] == "E Elm St" and got["street_number"] == "22"


def test_cross_property_without_subject_reads_no_row_and_no_header_pairs():
    doc = parsed(CROSS.format(mark=""))
    assert not any(label in ("ML#", "Address", "LP") for label, _ in doc.data["pairs"])
    got = MLS.extract_rules(doc).values
    assert got.get("list_price") is None and got.get("bedrooms_total") is None


@pytest.mark.parametrize("line", [
    "Subject: 918 W Pinon Way, Chandler, AZ 85224 &middot; Prepared for Odette &amp; Lars Quillby",
    "Prepared for Odette &amp; Lars Quillby",
    "Comparative Market Analysis | prepared exclusively for Odette Quillby",
])
def test_client_a_report_is_prepared_for_stays_out(line):
    doc = parsed(f"<p>{line}</p><p>Beds: 3</p>")
    assert "Quillby" not in doc.text
    assert "Odette" not in doc.text


PRINT_TEXT = ("Title: Agent Full\n5104 N 32nd St #331, Phoenix, AZ 85018\nUnit Level: 3\n# of Units in Complex: 144\n"
              "Gate Code | #4420\nUnit #: 2071\nCarport Spaces: 1")


@pytest.mark.parametrize("unit, grounded", [
    ("331", True), ("#331", True), ("2071", True), ("3", False), ("144", False), ("1", False),
])
def test_a_model_unit_is_grounded_only_after_a_unit_mark(unit, grounded):
    from property_pipeline.extraction.grounding import is_grounded

    assert is_grounded("unit_number", unit, PRINT_TEXT, {}) is grounded


def test_a_model_unit_loses_its_hash():
    from property_pipeline.extraction.llm_step import normalize_llm_values

    assert normalize_llm_values({"unit_number": "#1042"})["unit_number"] == "1042"


@pytest.mark.parametrize("row", [
    "<tr><td>Gate Code</td><td>#4420</td></tr>", "<tr><td>Lockbox</td><td>Supra iBox, serial 31987654</td></tr>",
    "<tr><td>Alarm Code</td><td>2071</td></tr>", "<p>Gate code: #1042 (call first)</p>",
])
def test_a_showing_sheets_access_codes_are_neither_facts_nor_prompt_text(row):
    """A "#4420" gate code would pass for a unit number; a lockbox serial for an APN."""
    html = f"<html><body><h1>123 W Elm St, Phoenix, AZ 85001</h1><table>{row}<tr><td>Beds</td><td>3</td></tr></table></body></html>"
    doc = parsed(html)
    assert not any(code in doc.text for code in ("4420", "31987654", "2071", "1042"))
    values = rules(html)
    assert values.get("unit_number") is None and values.get("bedrooms_total") == 3
