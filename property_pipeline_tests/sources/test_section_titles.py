"""Which short first lines of a block set it aside. A comparable's title ("Comparable 1", "Comp #2")
does, set as a heading, a bold line or a block's first <div>/<p>; a block titled "Tax Information"
or "Public Records" is about the same home, and the APN stated in it is the listing's own."""

from __future__ import annotations

import pytest

from property_pipeline.sources import get_source

MLS = get_source("phoenix_mls")
HEAD = "<h1>2231 E Pinchot Ave, Phoenix, AZ 85016</h1><p>MLS #: 7559001</p><p>Beds: 3</p>"


def rules(body: str) -> dict:
    return MLS.extract_rules(MLS.parse(f"<html><body>{HEAD}{body}</body></html>".encode())).values


@pytest.mark.parametrize("title", [
    "<div class='t'>Tax Information</div>", "<p><b>Tax Information</b></p>", "<b>Public Records</b>",
    "<p>Tax Record</p>", "<div>Assessor Information</div>", "<h3>Tax Record</h3>", "<h2>County Records</h2>",
])
def test_the_apn_in_a_tax_block_is_the_listings(title):
    values = rules(f"<div>{title}<div>APN: 163-15-027</div><div>Beds: 4</div><div>Taxes: $2,318 (2025)</div></div>")
    assert values.get("parcel_number") == "16315027"
    assert values.get("bedrooms_total") == 3, "the county's own counts are another record's"


@pytest.mark.parametrize("title", [
    "<div class='t'>Comparable 1</div>", "<p><b>Comp #1</b></p>", "<strong>Sold Comp 2</strong>",
])
def test_a_comparables_block_lends_nothing(title):
    values = rules(f"<div>{title}<div>Beds: 5</div><div>APN: 219-30-102</div></div>")
    assert values.get("bedrooms_total") == 3
    assert values.get("parcel_number") is None


@pytest.mark.parametrize("line, apn", [
    ("Clave catastral: 163-15-027", "16315027"), ("Tax Parcel #: 163-15-027", "16315027"),
    ("Assessor's # 163-15-027", "16315027"), ("Book/Map/Parcel sheet 163-15-027", None),
    ("Recorded doc 163-15-027", None),
])
def test_a_tax_blocks_apn_is_read_by_the_sources_own_labels(line, apn):
    """Spellings the label table knows count; an APN-shaped number after other words does not."""
    values = rules(f"<h3>Tax Record</h3><div>{line}</div><div>Taxes: $2,318</div>")
    assert values.get("parcel_number") == apn
