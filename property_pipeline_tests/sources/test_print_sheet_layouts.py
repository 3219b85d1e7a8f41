"""Broker print sheets in layouts the extractor was not written against, generated (hypothesis).

A print sheet is a `<pre>` of abbreviated labels in one or two columns. How the label meets its value
varies from one brokerage's template to the next: "ML#: 6712034", a label padded to its value's
column ("ML#:      6712034"), no colon at all ("ML#      6712034"), a dotted leader ("ML#.....
6712034"), or a bold label (`<b>ML#:</b> 6712034`). The address is one line, or a street line with
its city and ZIP on the next line or in the next column, or in cells of its own. The agent-only
parts (private remarks, directions) carry another price and another street.

Whatever the combination, the rules must read every fact of the listing, and no agent-only text may
reach the page text a model is shown.
"""

from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from property_pipeline.sources import get_source

SOURCE = get_source("phoenix_mls")

# Field -> label spellings print sheets use.
LABELS = {
    "listing_id": ("ML#", "MLS #", "List #", "MLS No."),
    "list_price": ("List $", "LP", "List Price", "Price"),
    "status": ("Stat", "Status"),
    "type": ("Type", "Prop Type"),
    "beds_baths": ("BR/BA", "Bd/Ba", "Beds/Baths"),
    "living_area": ("SqFt", "Apx SqFt", "Sq Ft"),
    "lot": ("Lot SF", "Lot Sq Ft"),
    "year_built": ("Yr Blt", "Year Built", "Yr Built"),
    "stories": ("Stry", "Stories", "Lvls", "Levels"),
    "garage": ("Gar Spcs", "Garage", "Gar"),
    "pool": ("Pvt Pool", "Private Pool"),
    "subdivision": ("Subdiv", "Subd", "Subdv", "Sub Div", "Subdivision"),
    "parcel": ("APN", "Tax ID", "Parcel #", "Assessor #"),
}
CITIES = ("Phoenix", "Mesa", "Glendale", "Scottsdale", "Tempe", "Chandler", "Peoria", "Surprise")
STREETS = ("N 37th Ave", "E Windrose Dr", "W Paradise Ln", "S Rural Rd", "E Laguna Dr", "W Cactus Wren Dr")
OTHER_STREETS = ("N Tatum Blvd", "E Cactus Rd", "W Olive Ave")  # the directions' streets: never the listing's
SUBDIVISIONS = ("Maryvale Terrace", "Tempe Gardens", "Sunset Ridge", "Desert Harbor", "Paradise Park")
STYLES = ("colon", "colon_padded", "no_colon", "leader", "bold")
ADDRESS_FORMS = ("one_line", "next_line", "next_line_indented", "next_column", "cells")


@st.composite
def listings(draw):
    full, half = draw(st.integers(1, 4)), draw(st.integers(0, 1))
    return {
        "listing_id": str(draw(st.integers(6_000_000, 7_999_999))),
        "list_price": draw(st.integers(150, 2_500)) * 1_000 - draw(st.sampled_from((0, 100, 9_100))),
        "status": draw(st.sampled_from((("Active", "Active"), ("Pending", "Pending"), ("Closed", "Closed")))),
        "street_number": str(draw(st.integers(100, 29_999))),
        "street_name": draw(st.sampled_from(STREETS)),
        "city": draw(st.sampled_from(CITIES)),
        "postal_code": str(draw(st.integers(85_003, 85_399))),
        "bedrooms": draw(st.integers(1, 6)),
        "full": full,
        "half": half,
        "living_area": draw(st.integers(700, 5_200)),
        "lot": draw(st.integers(3_000, 40_000)),
        "year_built": draw(st.integers(1950, 2024)),
        "stories": draw(st.integers(1, 3)),
        "garage": draw(st.integers(1, 4)),
        "pool": draw(st.booleans()),
        "subdivision": draw(st.sampled_from(SUBDIVISIONS)),
        "parcel": f"{draw(st.integers(100, 999))}-{draw(st.integers(10, 99))}-{draw(st.integers(100, 999))}",
        "decoy_price": draw(st.integers(150, 2_500)) * 1_000 + 500,
        "decoy_street": f"{draw(st.integers(100, 29_999))} {draw(st.sampled_from(OTHER_STREETS))}",
    }


def _cell(label: str, value: str, style: str, width: int) -> str:
    """One label and its value, as the template writes it."""
    if style == "colon":
        return f"{label}: {value}"
    if style == "colon_padded":
        return f"{label + ':':<{width}}{value}"
    if style == "no_colon":
        return f"{label}{' ' * max(2, width - len(label))}{value}"
    if style == "leader":
        return f"{label} {'.' * max(3, width - len(label) - 1)} {value}"
    return f"<b>{html.escape(label)}:</b> {value}"


def print_sheet(facts: dict, draw) -> str:
    style = draw(st.sampled_from(STYLES))
    width = draw(st.integers(len(max(sum(LABELS.values(), ()), key=len)) + 2, 16))
    two_columns = draw(st.booleans())
    column = draw(st.integers(34, 44))
    label = {field: draw(st.sampled_from(spellings)) for field, spellings in LABELS.items()}
    baths = f"{facts['full']}.5" if facts["half"] else str(facts["full"])
    cells = [
        _cell(label["listing_id"], facts["listing_id"], style, width),
        _cell(label["status"], facts["status"][0], style, width),
        _cell(label["list_price"], f"${facts['list_price']:,}", style, width),
        _cell(label["type"], "SF-Det", style, width),
        _cell(label["beds_baths"], f"{facts['bedrooms']}/{baths}", style, width),
        _cell(label["living_area"], f"{facts['living_area']:,}", style, width),
        _cell(label["lot"], f"{facts['lot']:,}", style, width),
        _cell(label["year_built"], str(facts["year_built"]), style, width),
        _cell(label["stories"], str(facts["stories"]), style, width),
        _cell(label["garage"], str(facts["garage"]), style, width),
        _cell(label["pool"], "Y" if facts["pool"] else "N", style, width),
        _cell(label["subdivision"], facts["subdivision"], style, width),
        _cell(label["parcel"], facts["parcel"], style, width),
    ]
    order = draw(st.permutations(range(1, len(cells))))
    cells = [cells[0], *(cells[i] for i in order)]  # the listing number opens the sheet
    rows: list[str] = []
    step = 2 if two_columns else 1
    for i in range(0, len(cells), step):
        pair = cells[i : i + step]
        left = pair[0] + " " * max(2, column - len(_visible(pair[0])))
        rows.append((left + pair[1]) if len(pair) == 2 else pair[0])
    street = f"{facts['street_number']} {facts['street_name']}"
    place = f"{facts['city']}, AZ {facts['postal_code']}"
    form = draw(st.sampled_from(ADDRESS_FORMS))
    address_label = draw(st.sampled_from(("Address", "Addr", "Prop Addr")))
    if form == "one_line":
        address = [_cell(address_label, f"{street}, {place}", style, width)]
    elif form == "next_line":
        address = [_cell(address_label, street, style, width), place]
    elif form == "next_line_indented":
        address = [_cell(address_label, street, style, width), " " * width + place]
    elif form == "next_column":
        first = _cell(address_label, street, style, width)
        address = [first + " " * max(2, column - len(_visible(first))) + place]
    else:
        address = [_cell(address_label, street, style, width) + f"   {facts['city']}   AZ   {facts['postal_code']}"]
    rows[1:1] = address
    rows += [
        "Stat legend: A=Active  P=Pending  C=Closed",
        _cell("PUBLIC RMKS", "Block home on a quiet street with mature citrus and a covered patio.", style, width),
        _cell(draw(st.sampled_from(("PRIVATE RMKS (agent only)", "Agent Remarks", "AGENT RMKS", "Broker Remarks", "Confidential Remarks"))),
              f"Seller will look at ${facts['decoy_price']:,}. Call before showing.", style, width),
        _cell("DIRECTIONS", f"From {facts['decoy_street']} go north two blocks.", style, width),
    ]
    body = "\n".join(rows)
    return (
        "<!DOCTYPE html><html><head><title>Client Print</title></head><body>"
        f"<div class=\"hdr\">Desert Sun Realty &middot; Client Print</div><pre>\n{body}\n</pre></body></html>"
    )


def _visible(cell: str) -> str:
    return cell.replace("<b>", "").replace("</b>", "")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts=listings(), data=st.data())
def test_every_fact_of_a_print_sheet_is_read_whatever_the_template(facts, data):
    page = print_sheet(facts, data.draw)
    doc = SOURCE.parse(page.encode(), name=f"mls_{facts['listing_id']}.html")
    values = SOURCE.extract_rules(doc).values
    expected = {
        "listing_id": facts["listing_id"],
        "list_price": float(facts["list_price"]),
        "standard_status": facts["status"][1],
        "street_number": facts["street_number"],
        "street_name": facts["street_name"],
        "city": facts["city"],
        "postal_code": facts["postal_code"],
        "unparsed_address": f"{facts['street_number']} {facts['street_name']}, {facts['city']}, AZ {facts['postal_code']}",
        "bedrooms_total": facts["bedrooms"],
        "bathrooms_full": facts["full"],
        "bathrooms_half": facts["half"],
        "living_area": float(facts["living_area"]),
        "lot_size_square_feet": float(facts["lot"]),
        "year_built": facts["year_built"],
        "stories": facts["stories"],
        "garage_spaces": float(facts["garage"]),
        "pool_private_yn": facts["pool"],
        "subdivision_name": facts["subdivision"],
        "parcel_number": facts["parcel"].replace("-", ""),
        "property_sub_type": "Single Family Residence",
    }
    got = {name: values.get(name) for name in expected}
    assert got == expected, page
    # Nothing the agents-only parts say reaches the text a model is shown.
    assert f"{facts['decoy_price']:,}" not in doc.text, page
    assert facts["decoy_street"] not in doc.text, page
    assert "Call before showing" not in doc.text, page
