"""Print sheets whose hard part is which address and which counts are the subject's (loss class
`broker_print_4`), on pages of their own: an `Address` label in another party's block (the listing
office, an association's management company), an agent's mailing address in a footer sentence,
counts per level beside the totals, bedroom wordings with a plus room, a rooms list that counts the
bedrooms, a bath count with its breakdown in letters, and the remarks after a schools section.
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


def _cells(rows):
    return "<table>" + "".join("<tr>" + "".join(f"<td>{k}:</td><td>{v}</td>" for k, v in row) + "</tr>"
                               for row in rows) + "</table>"


SUBJECT_PARTS = _cells([[("MLS #", "7559901"), ("Status", "Active"), ("List Price", "$455,000")],
                        [("St #", "6110"), ("St Dir", "W"), ("St Name", "Paradise"), ("St Sfx", "Ln")],
                        [("City", "Glendale"), ("Zip", "85306"), ("Bedrooms", "3"), ("Bathrooms", "2")]])


@pytest.mark.parametrize("block", [
    # The listing office's block above the listing: Name / Address / Phone.
    "<div><b>Listing Office</b><table><tr><td>Name:</td><td>Mesquite Row Realty</td></tr>"
    "<tr><td>Address:</td><td>4020 N 20th St Ste 210, Phoenix, AZ 85016</td></tr>"
    "<tr><td>Phone:</td><td>602-555-0161</td></tr></table></div>",
    # An association's management company after the listing.
    "<h3>Association</h3><table><tr><td>Management Co:</td><td>Arroyo Community Management</td></tr>"
    "<tr><td>Address:</td><td>1600 W Broadway Rd Ste 200, Tempe, AZ 85282</td></tr></table>",
])
def test_another_partys_address_is_not_the_listings(block):
    for page in (block + SUBJECT_PARTS, SUBJECT_PARTS + block):
        got = rules(page)
        assert (got["street_number"], got["street_name"], got["city"]) == ("6110", "W Paradise Ln", "Glendale")
        assert got.get("unit_number") is None


def test_another_partys_address_gives_way_to_a_header_address():
    page = ("<div>7275 N SCOTTSDALE RD UNIT 2014 SCOTTSDALE AZ 85253</div>"
            + _cells([[("ML #", "7559902"), ("Status", "Active"), ("LP", "$369,000")]])
            + "<h3>Association</h3><table><tr><td>Management Co:</td><td>Trestle Management</td></tr>"
            "<tr><td>Address:</td><td>1600 W Broadway Rd Ste 200, Tempe, AZ 85282</td></tr>"
            "<tr><td>Phone:</td><td>480-555-0133</td></tr></table>")
    got = rules(page)
    assert (got["street_number"], got["street_name"], got["unit_number"], got["postal_code"]) == \
        ("7275", "N Scottsdale Rd", "2014", "85253")


def test_an_agents_mailing_address_in_a_footer_sentence_is_no_address():
    page = ("<div>4418 S RANGER CT&nbsp;&nbsp;QUEEN CREEK&nbsp;&nbsp;AZ&nbsp;&nbsp;85142-3320</div>"
            + _cells([[("ML #", "7559903"), ("Status", "UCB"), ("LP", "$612,000")]])
            + "<p>Listing agent: Imogen Strand, Ironwood Peak Realty. Agent mailing address: 3125 W Desert Ln, "
            "Queen Creek, AZ 85142. Page 1 of 1</p>")
    got = rules(page)
    assert (got["street_number"], got["street_name"], got["city"], got["postal_code"]) == \
        ("4418", "S Ranger Ct", "Queen Creek", "85142")


@pytest.mark.parametrize("label", ["Main Level Bedrooms", "Upper Level Bedrooms", "Main Level Full Baths",
                                   "Upper Level Full Baths", "Lower Level Half Baths", "Guest House Bedrooms"])
def test_counts_of_one_level_are_no_totals(label):
    assert _label_group(label) is None


def test_per_level_counts_beside_the_totals():
    page = _cells([[("Main Level Bedrooms", "1"), ("Upper Level Bedrooms", "4"), ("Total Bedrooms", "5")],
                   [("Main Level Full Baths", "1"), ("Upper Level Full Baths", "2"), ("Bathrooms Full", "3")],
                   [("Bathrooms Half", "1"), ("List Price", "$612,000"), ("Address", "4418 S Ranger Ct, Queen Creek, AZ 85142")]])
    got = rules(page)
    assert (got["bedrooms_total"], got["bathrooms_full"], got["bathrooms_half"], got["bathrooms_total_integer"]) == \
        (5, 3, 1, 4)


@pytest.mark.parametrize("label, value, beds", [("Bedrooms Plus", "2 + Loft", 2), ("# Bedrooms", "3 / Plus Den", 3),
                                                ("Beds (Total)", "4", 4), ("BR", "3 (+1 Office)", 3)])
def test_bedrooms_with_a_plus_room(label, value, beds):
    page = _cells([[("Address", "1507 E Orchid Ln, Gilbert, AZ 85296"), (label, value), ("List Price", "$574,900")]])
    assert rules(page)["bedrooms_total"] == beds


def test_a_rooms_list_counts_the_bedrooms_when_no_label_does():
    page = _cells([[("Address", "2331 E Hazeltine Way, Chandler, AZ 85249"), ("Rooms", "Family Rm, Great Rm, 4 Bedrooms"),
                    ("Bathrooms", "3")], [("Fireplaces", "2"), ("Ceiling Fans", "5"), ("List Price", "$689,000")]])
    got = rules(page)
    assert got["bedrooms_total"] == 4 and got["bathrooms_full"] == 3


def test_a_bedrooms_label_outranks_a_rooms_list():
    page = _cells([[("Address", "2331 E Hazeltine Way, Chandler, AZ 85249"), ("Bedrooms", "3"),
                    ("Rooms", "Great Rm, 4 Bedrooms")]])
    assert rules(page)["bedrooms_total"] == 3


@pytest.mark.parametrize("text, full, half, total", [("Total Baths 3 (2F 1H)", 2, 1, 3), ("Baths: 3 (2F 1H)", 2, 1, 3),
                                                     ("Baths: 4 (3F/1H)", 3, 1, 4)])
def test_a_bath_count_with_its_breakdown_in_letters(text, full, half, total):
    page = f"<h1>1507 E Orchid Ln, Gilbert, AZ 85296</h1><table><tr><td>BR: 3 (+1 Office)</td><td>{text}</td></tr></table>"
    got = rules(page)
    assert (got.get("bathrooms_full"), got.get("bathrooms_half"), got.get("bathrooms_total_integer")) == (full, half, total)


def test_remarks_after_a_schools_section_are_read():
    page = ("<h2>6021 E Monte Cristo Ave, Scottsdale, AZ 85254</h2>"
            + _cells([[("MLS #", "7559909"), ("Bedrooms", "4")]])
            + "<h3>Schools</h3><table><tr><td>Elementary:</td><td>Sequoya Elementary</td><td>Address:</td>"
            "<td>11808 N 64th St, Scottsdale, AZ 85254</td></tr></table>"
            "<p><b>Public Remarks:</b> Updated home on a quiet street with a new kitchen and an RV gate.</p>")
    got = rules(page)
    assert got["public_remarks"].startswith("Updated home on a quiet street")
    assert got["street_number"] == "6021"


@pytest.mark.parametrize("baths, full, half, total", [("2.75", 2, 0, 3), ("1.75", 1, 0, 2), ("2.5", 2, 1, 3)])
def test_a_three_quarter_bath_is_neither_full_nor_half(baths, full, half, total):
    page = _cells([[("Address", "10820 W Cactus Flower Dr, Avondale, AZ 85392"), ("Bedrooms", "4"), ("Baths", baths)]])
    got = rules(page)
    assert (got["bathrooms_full"], got["bathrooms_half"], got["bathrooms_total_integer"]) == (full, half, total)


def test_full_three_quarter_and_half_cells_add_up_in_the_total():
    page = _cells([[("Address", "7275 N Scottsdale Rd Unit 2014, Scottsdale, AZ 85253"), ("Full Baths", "1"),
                    ("3/4 Baths", "1"), ("Half Baths", "1")]])
    got = rules(page)
    assert (got["bathrooms_full"], got["bathrooms_half"], got["bathrooms_total_integer"]) == (1, 1, 3)


def test_a_tax_record_is_another_record_of_the_property():
    page = (_cells([[("MLS #", "7559904"), ("Address", "4615 N 36th Pl"), ("City", "Phoenix"), ("Zip", "85018")],
                    [("Bedrooms", "4"), ("Bathrooms", "3"), ("Approx SqFt", "2,244"), ("List Price", "$824,900")]])
            + "<h2>Tax Record</h2><table><tr><td>Site Address:</td><td>4615 N 36TH PL PHOENIX 85018</td></tr>"
            "<tr><td>Beds:</td><td>3</td><td>Baths:</td><td>2</td></tr><tr><td>Living Area:</td><td>1,702</td></tr></table>")
    got = MLS.extract_rules(parsed(page))
    assert (got.values["bedrooms_total"], got.values["bathrooms_full"], got.values["living_area"]) == (4, 3, 2244)
    assert not got.ambiguous


def test_a_title_bar_states_the_status_and_the_price():
    page = ("<div>MLS#&nbsp;&nbsp;&nbsp;7559905&nbsp;&nbsp;&nbsp;RESIDENTIAL&nbsp;&nbsp;&nbsp;Pending&nbsp;&nbsp;&nbsp;$415,000</div>"
            + _cells([[("Street #", "10820"), ("Street Dir", "W"), ("Street Name", "Cactus Flower"), ("Street Type", "Dr")],
                      [("City", "Avondale"), ("Zip", "85392"), ("Bedrooms", "4")]]))
    got = rules(page)
    assert (got.get("standard_status"), got.get("list_price"), got.get("listing_id")) == ("Pending", 415000.0, "7559905")


HEADER = "<div>6110 W PARADISE LN GLENDALE AZ 85306</div>"
PRICED = _cells([[("MLS #", "7559906"), ("Status", "Active"), ("List Price", "$455,000")], [("Bedrooms", "3"), ("Bathrooms", "2")]])


@pytest.mark.parametrize("title", ["Comp 1", "Comp #2", "Sold Comp #1", "Comparable 3"])
def test_comparable_blocks_after_a_subject_without_an_address_label(title):
    comp = (f"<section><h3>{title}</h3><div><span>Address</span> <span>6204 W Paradise Ln, Glendale, AZ 85306</span></div>"
            "<div><span>Beds</span> <span>5</span></div><div><span>Baths</span> <span>3</span></div></section>")
    got = MLS.extract_rules(parsed(HEADER + PRICED + comp))
    assert (got.values["street_number"], got.values["bedrooms_total"], got.values["bathrooms_full"]) == ("6110", 3, 2)
    assert not got.ambiguous


def test_a_grid_whose_subject_column_is_not_the_first():
    grid = ("<table><tr><th></th><th>Comp 1</th><th>Comp 2</th><th>Subject</th></tr>"
            "<tr><td>Address</td><td>6204 W Paradise Ln</td><td>6010 W Acoma Dr</td><td>6110 W Paradise Ln</td></tr>"
            "<tr><td>Beds</td><td>5</td><td>3</td><td>4</td></tr><tr><td>Baths</td><td>3</td><td>2</td><td>2</td></tr>"
            "<tr><td>List Price</td><td>$480,000</td><td>$440,000</td><td>$455,000</td></tr></table>"
            "<p>Subject: 6110 W Paradise Ln, Glendale, AZ 85306</p>")
    got = rules(grid)
    assert (got["street_number"], got["bedrooms_total"], got["bathrooms_full"], got["list_price"]) == ("6110", 4, 2, 455000)


@pytest.mark.parametrize("header", ["6110 W PARADISE LN, GLENDALE, AZ 85306 (MARICOPA)",
                                    "6110 W Paradise Ln, Glendale, AZ 85306-4411 Maricopa County"])
def test_a_header_address_closed_by_its_county(header):
    got = rules(f"<div>{header}</div>" + PRICED)
    assert (got.get("street_number"), got.get("street_name"), got.get("city"), got.get("postal_code")) == \
        ("6110", "W Paradise Ln", "Glendale", "85306")


@pytest.mark.parametrize("label, value, full, half, total", [
    ("Beds/Baths", "4/2.75", 2, 0, 3), ("Baths", "3 (2 Full, 1 3/4)", 2, 0, 3),
    ("Bathrooms (Full/Half)", "2/1", 2, 1, 3)])
def test_bath_breakdowns(label, value, full, half, total):
    got = rules(_cells([[("Address", "6110 W Paradise Ln, Glendale, AZ 85306"), ("Bedrooms", "4"), (label, value)]]))
    assert (got.get("bathrooms_full"), got.get("bathrooms_half"), got.get("bathrooms_total_integer")) == (full, half, total)


def test_a_tax_record_titled_in_bold():
    page = (_cells([[("Address", "6110 W Paradise Ln"), ("City", "Glendale"), ("Zip", "85306"), ("Bedrooms", "4"),
                     ("Bathrooms", "3")]])
            + "<div><b>Tax Information</b><table><tr><td>Site Address:</td><td>6110 W PARADISE LN</td></tr>"
            "<tr><td>Beds:</td><td>3</td><td>Baths:</td><td>2</td></tr></table></div>")
    got = MLS.extract_rules(parsed(page))
    assert (got.values["bedrooms_total"], got.values["bathrooms_full"]) == (4, 3) and not got.ambiguous


def test_a_letterhead_office_address_before_the_subjects_line():
    page = ("<h1>Desert Bloom Properties</h1><p>4250 E Camelback Rd Suite 300, Phoenix, AZ 85018</p>"
            "<h2>Property Details</h2><p>6110 W Paradise Ln, Glendale, AZ 85306</p>" + PRICED)
    got = rules(page)
    assert (got["street_number"], got["city"], got.get("unit_number")) == ("6110", "Glendale", None)


def test_a_presenters_address_is_not_the_listings():
    page = (PRICED + "<p>Presented by: Tamsin Okafor</p><p>Address: 20325 N 51st Ave Ste 134, Glendale, AZ 85308</p>"
            + HEADER)
    got = rules(page)
    assert (got["street_number"], got["street_name"], got.get("unit_number")) == ("6110", "W Paradise Ln", None)


def test_a_note_after_the_labelled_street_is_no_part_of_it():
    got = rules(_cells([[("Address", "6110 W Paradise Ln (Corner Lot)"), ("City", "Glendale"), ("Zip", "85306")]]) + PRICED)
    assert got["street_name"] == "W Paradise Ln"


def test_bedrooms_plus_gives_way_to_a_bedrooms_label():
    page = _cells([[("Address", "6110 W Paradise Ln, Glendale, AZ 85306"), ("Bedrooms", "3"), ("Bedrooms Plus", "4")]])
    got = MLS.extract_rules(parsed(page))
    assert got.values["bedrooms_total"] == 3 and "bedrooms_total" not in got.ambiguous


@pytest.mark.parametrize("title", ["Sold Listings (3)", "Closed Sales", "Active Listings", "Pending Listings",
                                   "Expired Listings", "Market Activity", "Recently Closed"])
def test_a_market_analysis_groups_its_comparables_under_a_title(title):
    comps = f"<h2>{title}</h2>" + "".join(
        f"<div><h4>{a}</h4>" + _cells([[("Address", f"{a}, Glendale, AZ 85306"), ("Beds", "5"), ("Baths", "3")]]) + "</div>"
        for a in ("6204 W Paradise Ln", "6010 W Acoma Dr"))
    got = MLS.extract_rules(parsed(HEADER + PRICED + comps))
    assert (got.values["street_number"], got.values["bedrooms_total"], got.values["bathrooms_full"]) == ("6110", 3, 2)
    assert not got.ambiguous


@pytest.mark.parametrize("baths", ["2 1/2", "2\u00bd", "2 + 1/2"])
def test_a_half_bath_as_a_fraction(baths):
    got = rules(_cells([[("Address", "6110 W Paradise Ln, Glendale, AZ 85306"), ("Bedrooms", "3"), ("Baths", baths)]]))
    assert (got["bathrooms_full"], got["bathrooms_half"], got["bathrooms_total_integer"]) == (2, 1, 3)


@pytest.mark.parametrize("where", ["NW of 51st Ave & Union Hills", "North of Union Hills Dr", "Glendale"])
def test_a_location_that_is_no_address_gives_way_to_the_header(where):
    got = rules(HEADER + _cells([[("Location", where), ("Bedrooms", "3")]]) + PRICED)
    assert (got.get("street_number"), got.get("street_name"), got.get("city")) == ("6110", "W Paradise Ln", "Glendale")


def _kv_comp(street: str) -> str:
    return (f"<div><span>Address</span> <span>{street}, Glendale, AZ 85306</span></div>"
            "<div><span>Beds</span> <span>5</span></div><div><span>Baths</span> <span>3</span></div>")


@pytest.mark.parametrize("title", ["<div class='t'>Comparable 1</div>", "<p><b>Comparable 1</b></p>",
                                   "<strong>Comp #1</strong>"])
def test_a_comparable_block_titled_without_a_heading(title):
    page = HEADER + PRICED + f"<div class='blk'>{title}{_kv_comp('6204 W Paradise Ln')}</div>"
    got = MLS.extract_rules(parsed(page))
    assert (got.values["street_number"], got.values["bedrooms_total"], got.values["bathrooms_full"]) == ("6110", 3, 2)
    assert not got.ambiguous


def test_a_line_about_a_comparable_lends_nothing():
    no_counts = _cells([[("MLS #", "7559906"), ("Status", "Active"), ("List Price", "$455,000")]])
    page = HEADER + no_counts + ("<p>Comparable 1: 6204 W Paradise Ln, Glendale, AZ 85306 &middot; 5 Beds &middot; "
                                 "3 Baths &middot; Sold $470,000</p>")
    got = rules(page)
    assert got["street_number"] == "6110" and got.get("bedrooms_total") is None and got.get("bathrooms_full") is None


def test_comparables_in_a_text_print_lend_nothing():
    page = ("<pre>6110 W PARADISE LN  GLENDALE  AZ  85306\nMLS#: 7559907    Status: A    LP: $455,000\n"
            "Beds: 3          Baths: 2\n\nCOMPARABLE 1\nAddress: 6204 W Paradise Ln, Glendale, AZ 85306\n"
            "Beds: 5          Baths: 3         SP: $470,000\n\nCOMP #2 - SOLD\nAddress: 6010 W Acoma Dr, Glendale, AZ 85306\n"
            "Beds: 4          Baths: 2.5\nPUBLIC REMARKS: Updated single-level home on a corner lot near the park.</pre>")
    got = MLS.extract_rules(parsed(page))
    v = got.values
    assert (v["street_number"], v["bedrooms_total"], v["bathrooms_full"], v["list_price"]) == ("6110", 3, 2, 455000)
    assert v["public_remarks"].startswith("Updated single-level") and not got.ambiguous


def test_rooms_named_by_their_ordinal_count_nothing():
    page = (HEADER + _cells([[("MLS #", "7559908"), ("List Price", "$455,000")]])
            + "<h3>Rooms</h3><table><tr><th>Room</th><th>Size</th><th>Level</th></tr>"
            "<tr><td>Master Bedroom</td><td>15 x 14</td><td>Main</td></tr><tr><td>Bedroom 2</td><td>12 x 11</td><td>Upper</td></tr>"
            "<tr><td>Bathroom 2</td><td>Full</td><td>Upper</td></tr></table>")
    got = rules(page)
    assert got.get("bedrooms_total") is None and got.get("bathrooms_full") is None
    assert rules(HEADER + "<p>Bedrooms 4 &middot; Bathrooms 2.5</p>")["bedrooms_total"] == 4


def test_a_print_header_whose_columns_part_the_address():
    page = "<pre>6110 W PARADISE LN   GLENDALE   AZ   85306 (MARICOPA)\nMLS#: 7559909     LP: $455,000\n</pre>"
    got = rules(page)
    assert (got.get("street_number"), got.get("street_name"), got.get("city"), got.get("postal_code")) == \
        ("6110", "W Paradise Ln", "Glendale", "85306")


def test_a_contact_cell_before_the_pages_only_address_takes_nothing_from_it():
    page = _cells([[("MLS #", "7559910"), ("Office Phone", "623-555-0190")],
                   [("Address", "6110 W Paradise Ln"), ("City", "Glendale"), ("Zip", "85306")], [("List Agent", "Tamsin Okafor")]])
    got = rules(page)
    assert (got.get("street_number"), got.get("street_name"), got.get("city"), got.get("postal_code")) == \
        ("6110", "W Paradise Ln", "Glendale", "85306")
