"""The public HTML engine (`property_pipeline.sources.html`) used by a source other than the MLS.

A toy rental-listing vocabulary drives `read_page`: what the engine finds must come from page
structure plus that vocabulary alone, never from the MLS label table.
"""

from __future__ import annotations

import codecs
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from property_pipeline.sources import SourceError
from property_pipeline.sources.html import (
    MAX_NESTING,
    MAX_TEXT_CHARS,
    REMARKS,
    Vocabulary,
    cap_text,
    decode,
    looks_binary,
    read_page,
    schema_facts,
)

_RENTAL_LABELS = {"monthly rent": "rent", "rent": "rent", "beds": "beds", "pets": "pets", "notes": REMARKS,
                  "landlord notes": REMARKS, "address": "street_address"}


def rental_group(label: str) -> str | None:
    return _RENTAL_LABELS.get(re.sub(r"\s+", " ", label.strip().rstrip(":").lower()))


RENTAL = Vocabulary(label_group=rental_group, identity_groups=frozenset({"street_address"}))
NOTHING_KNOWN = Vocabulary(label_group=lambda label: None)


def page(body: str, head: str = "") -> bytes:
    return f"<html><head><title>Rental</title>{head}</head><body>{body}</body></html>".encode()


def pairs(raw: bytes, vocab: Vocabulary = RENTAL) -> dict[str, str]:
    return dict(read_page(raw, vocab).doc.data["pairs"])


def test_pairs_from_tables_definition_lists_colon_text_and_sibling_blocks():
    found = pairs(page(
        "<table><tr><th>Monthly Rent</th><td>$1,950</td></tr></table>"
        "<dl><dt>Beds</dt><dd>3</dd></dl>"
        "<p>Pets: cats only | Parking: 1 space</p>"
        "<div><div class='label'>Deposit</div><div>$500</div></div>"
    ))
    assert found == {"Monthly Rent": "$1,950", "Beds": "3", "Pets": "cats only", "Parking": "1 space",
                     "Deposit": "$500"}


def test_the_vocabulary_decides_what_is_a_label():
    """Two bare segments pair only when the source's vocabulary knows the first as a label."""
    raw = page("<p><b>Rent</b> <span>$1,950</span></p>")
    assert pairs(raw) == {"Rent": "$1,950"}
    assert pairs(raw, NOTHING_KNOWN) == {}


def test_remarks_are_one_opaque_value_never_pairs():
    doc = read_page(page("<h2>Landlord Notes</h2><p>Rent: $9 is a typo; Beds: 7 in the old unit.</p>"
                         "<p>Beds: 2</p>"), RENTAL).doc
    assert doc.data["remarks"].startswith("Rent: $9 is a typo")
    assert dict(doc.data["pairs"]) == {"Beds": "2"}
    assert "Public Remarks: Rent: $9 is a typo" in doc.text


def test_hidden_text_is_left_out_and_closed_details_are_weak():
    data = read_page(page(
        "<style>.x{display:none}</style><p class='x'>Rent: $1</p><p style='font-size:0'>Beds: 9</p>"
        "<p>Rent: $1,950</p><details><summary>More</summary><p>Pets: no</p></details>"
    ), RENTAL).doc.data
    assert dict(data["pairs"]) == {"Rent": "$1,950"}
    assert dict(data["weak_pairs"]) == {"Pets": "no"}


def test_people_are_kept_out_of_pairs_and_text_but_remembered():
    read = read_page(page("<p>Rent: $1,950</p><p>Owner: Jane Q Public (602) 555-0142</p>"), RENTAL)
    assert "Jane Q Public" not in read.doc.text and "Owner" not in dict(read.doc.data["pairs"])
    assert "Jane Q Public" in read.personal and "(602) 555-0142" in read.personal


def test_other_listings_sections_are_skipped():
    found = pairs(page("<p>Address: 12 W Elm St</p><p>Rent: $1,950</p>"
                       "<section><h3>Similar rentals nearby</h3><p>Rent: $2,400</p><p>Beds: 4</p></section>"))
    assert found == {"Address": "12 W Elm St", "Rent": "$1,950"}


def test_decoding_never_raises_and_says_what_it_did():
    assert decode("caf\u00e9 \u2013 ok".encode("cp1252")) == ("caf\u00e9 \u2013 ok", [])
    text, warnings = decode(b'<meta charset="utf-8">caf\xe9')
    assert text.endswith("caf\u00e9") and warnings == ["declared charset utf-8 did not decode; read as cp1252"]
    assert decode(codecs.BOM_UTF16_LE + "Beds: 3".encode("utf-16-le"))[0] == "Beds: 3"
    assert looks_binary(b"\x89PNG\r\n\x1a\n" + bytes(200))


@pytest.mark.parametrize(("raw", "reason"), [(b"", "empty"), (b"  \n ", "empty"), (b"\x89PNG\r\n\x1a\n" + bytes(500), "binary"),
                                             (b"just a sentence without facts", "not_html")])
def test_unreadable_files_raise_source_error_with_a_reason(raw, reason):
    with pytest.raises(SourceError) as error:
        read_page(raw, RENTAL)
    assert error.value.code == reason


def test_plain_text_with_known_labels_is_read_as_a_page():
    assert pairs(b"Monthly Rent: $1,950\nBeds: 3\n") == {"Monthly Rent": "$1,950", "Beds": "3"}


def test_deep_nesting_is_flattened_with_a_warning_and_keeps_the_text():
    depth = MAX_NESTING * 5
    doc = read_page(page("<div>" * depth + "<p>Rent: $1,950</p>" + "</div>" * depth), RENTAL).doc
    assert any("flattened" in w for w in doc.warnings)
    assert "Rent: $1,950" in doc.text


def test_schema_facts_read_the_home_not_the_site():
    facts = schema_facts([
        {"@type": "BreadcrumbList", "name": "Home > Phoenix", "address": {"streetAddress": "1 Site Way"}},
        {"@graph": [], "@type": "RealEstateListing", "offers": {"price": "1950", "availability": "https://schema.org/InStock"},
         "mainEntity": {"@type": ["Apartment"], "numberOfBedrooms": {"value": 3},
                        "address": {"streetAddress": "12 W Elm St", "postalCode": "85003"}}},
    ])
    assert facts == {"price": "1950", "availability": "InStock", "type": "Apartment", "streetAddress": "12 W Elm St",
                     "postalCode": "85003", "numberOfBedrooms": 3}


def test_json_ld_and_microdata_reach_the_document():
    head = '<script type="application/ld+json">{"@type": "Apartment", "numberOfBedrooms": 2,}</script>'
    body = ('<div itemscope itemtype="https://schema.org/Apartment"><span itemprop="streetAddress">12 W Elm St</span>'
            '<meta itemprop="numberOfRooms" content="4"></div><p>Rent: $1,950</p>')
    data = read_page(page(body, head), RENTAL).doc.data
    assert data["jsonld"] == [{"@type": "Apartment", "numberOfBedrooms": 2}]
    assert data["microdata"] == {"@itemtype": "Apartment", "streetAddress": "12 W Elm St", "numberOfRooms": "4"}


def test_cap_text_keeps_the_remarks_line_within_the_budget():
    remarks = "Public Remarks: " + "quiet street " * 300
    lines = [f"Line {i}: " + "x" * 300 for i in range(200)] + [remarks]
    capped = cap_text(lines, remarks)
    assert len(capped) <= MAX_TEXT_CHARS and remarks in capped.split("\n")


@settings(max_examples=60, deadline=None)
@given(label=st.sampled_from(["Monthly Rent", "Beds", "Pets"]),
       value=st.text(alphabet=st.characters(whitelist_categories=("L", "N"), whitelist_characters=" $,.-"), min_size=1, max_size=40))
def test_a_table_row_pairs_any_value_as_written(label, value):
    value = value.strip()
    if not value:
        return
    found = pairs(page(f"<table><tr><th>{label}</th><td>{value}</td></tr></table>"))
    assert found == {label: re.sub(r"\s+", " ", value)}


def test_engine_written_lines_are_marked_by_index_not_by_their_text():
    """The title, JSON-LD summaries and the remarks line are indexed in `data`; a page line that
    merely starts like one of them ("JSON-LD aside, ...") is the page's own text."""
    head = '<script type="application/ld+json">{"@type": "Apartment", "numberOfBedrooms": 2}</script>'
    data = read_page(page("<p>JSON-LD aside, this flat has 4 beds</p><h3>Notes</h3><p>Sunny and quiet.</p>", head),
                     RENTAL).doc.data
    lines = data["lines"]
    assert [lines[i] for i in data["summary_lines"]] == ["Title: Rental", "JSON-LD Apartment: type Apartment; numberOfBedrooms 2"]
    assert [lines[i] for i in data["remarks_lines"]] == ["Public Remarks: Sunny and quiet."]
    own = lines.index("JSON-LD aside, this flat has 4 beds")
    assert own not in data["summary_lines"] + data["remarks_lines"] + data["pair_lines"]


def test_mls_rules_read_a_page_line_that_starts_like_an_engine_line():
    from property_pipeline.sources.phoenix_mls import extract_rules, parse

    doc = parse(page("<h1>4218 E Campbell Ave, Phoenix, AZ 85018</h1><p>JSON-LD aside, this home has 4 beds and a "
                     "2-car garage</p>"))
    values = extract_rules(doc).values
    assert values["bedrooms_total"] == 4 and values["garage_spaces"] == 2
