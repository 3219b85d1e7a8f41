"""Loss class `broker_print_2`: more agent and broker print sheets, written without looking at the others.

Called by `build_classes.build_extra_classes()`. What these add to `broker_print`: a comparative
market analysis whose subject block is followed by a table of comparables (their prices, sizes and
MLS numbers lend nothing); a columnar report whose labels are a header row and whose values are
the row under it; status codes (`ACT`, `PND`, `CLSD`); tax and legal lines with amounts and lot
numbers that are no price and no lot size; a "1 Level" style that states the stories; sizes with
their source (`1,850 / Assessor`); acres written `.21`; garage as `2.0`. All people are fictitious.
"""

from __future__ import annotations

from build_classes import esc, page, write
from build_samples import PATIO, SFR, TOWN, addr, fields, lot_from_acres, lot_from_sqft

# A CMA: the subject property in label/value cells, then five comparables in a grid.
R1 = "Remodeled ranch with owned solar, RV gate and a north/south backyard. Seller offers a home warranty."
F1 = fields(listing_id="7551902", standard_status="Active", list_price=548000,
            **addr("5127", "W Saguaro Park Ln", "Glendale", "85310"), **SFR, bedrooms_total=4, bathrooms_full=2,
            bathrooms_half=0, living_area=2014, **lot_from_sqft(9148), year_built=2001, garage_spaces=3, stories=1,
            pool_private_yn=False, association_yn=True, association_fee=62, association_fee_frequency="Monthly",
            subdivision_name="Arrowhead Ranch Parcel 12", public_remarks=R1)
COMPS1 = [("7549912", "5209 W Saguaro Park Ln", "Closed", "$539,900", "$532,000", "1,988", "4", "2", "18"),
          ("7550187", "19804 N 52nd Dr", "Closed", "$565,000", "$561,500", "2,140", "4", "2.5", "9"),
          ("7550533", "5046 W Louise Dr", "Pending", "$529,000", "", "1,902", "3", "2", "31"),
          ("7551004", "5311 W Melinda Ln", "Active", "$575,000", "", "2,210", "4", "3", "6")]
P1 = page("CMA - Subject 5127 W Saguaro Park Ln", f"""
<h1>Comparative Market Analysis</h1><p>Prepared for: Ellison &amp; Marta Quade &middot; Prepared by: Dara Whitcombe, Desert Crest Realty</p>
<h2>Subject Property</h2>
<table class="subject">
<tr><td>MLS #</td><td>7551902</td><td>Status</td><td>ACT</td></tr>
<tr><td>Address</td><td>5127 W Saguaro Park Ln, Glendale, AZ 85310</td><td>List Price</td><td>$548,000</td></tr>
<tr><td>Dwelling Type</td><td>Single Family - Detached</td><td>Bldg Style</td><td>1 Level</td></tr>
<tr><td>Beds</td><td>4</td><td>Baths</td><td>2</td></tr>
<tr><td>Sq Ft</td><td>2,014 / Assessor</td><td>Lot Sq Ft</td><td>9,148</td></tr>
<tr><td>Year Built</td><td>2001</td><td>Garage Spaces</td><td>3.0</td></tr>
<tr><td>Pool</td><td>None</td><td>HOA Y/N</td><td>Y</td></tr>
<tr><td>HOA Fee</td><td>$62 / Month</td><td>Subdivision</td><td>Arrowhead Ranch Parcel 12</td></tr>
<tr><td>Legal</td><td>Lot 212, Arrowhead Ranch Parcel 12, Book 412 Page 33</td><td>Tax Year / Taxes</td><td>2025 / $2,318</td></tr>
<tr><td colspan="4">Public Remarks: {esc(R1)}</td></tr>
</table>
<h2>Comparable Properties</h2>
<table class="comps"><tr><th>MLS #</th><th>Address</th><th>Status</th><th>List Price</th><th>Sold Price</th><th>Sq Ft</th><th>Beds</th><th>Baths</th><th>DOM</th></tr>
{"".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in COMPS1)}
</table>
<p>Suggested list price range: $540,000 - $556,000</p>""")

# A columnar report: labels in a header row, values in the row under it, three such bands.
R2 = "Two-story townhome backing to the community pool; new HVAC 2024; two-car garage with storage."
F2 = fields(listing_id="7551915", parcel_number="30126044", standard_status="Pending", list_price=412500,
            **addr("2150", "E Bell Rd", "Phoenix", "85022", unit="1093"), **TOWN, bedrooms_total=3, bathrooms_full=2,
            bathrooms_half=1, living_area=1597, **lot_from_acres(0.05), year_built=2006, garage_spaces=2, stories=2,
            pool_private_yn=False, association_yn=True, association_fee=285, association_fee_frequency="Monthly",
            subdivision_name="Bell Park Villas", public_remarks=R2)


def _band(cells: list[tuple[str, str]]) -> str:
    return ("<table class='band'><tr>" + "".join(f"<th>{esc(k)}</th>" for k, _ in cells) + "</tr><tr>"
            + "".join(f"<td>{esc(v)}</td>" for _, v in cells) + "</tr></table>")


P2 = page("Agent Single Line 7551915", "<h2>2150 E Bell Rd #1093, Phoenix, AZ 85022</h2>" + _band(
    [("ML #", "7551915"), ("St", "PND"), ("LP", "$412,500"), ("Type", "Townhouse"), ("Bd", "3"), ("Ba F/H", "2/1")])
    + _band([("Liv SqFt", "1,597"), ("Acres", ".05"), ("Yr Blt", "2006"), ("Gar", "2.0"), ("Lvls", "2"), ("Pvt Pool", "N")])
    + _band([("APN", "301-26-044"), ("Subdivision", "Bell Park Villas"), ("HOA", "Y"), ("HOA $", "285"),
             ("HOA Freq", "Monthly"), ("Tax $", "1,604")])
    + f"<p><b>Remarks:</b> {esc(R2)}</p><p><b>Showing:</b> Call Brynn Ostrowski 602-555-0187. Vacant.</p>")

# A one-page flyer print: labels with values on the next line inside a two-column grid of divs,
# a status code in a corner, a price per square foot, an original price, and a patio home.
R3 = "Gated patio home with a courtyard entry, 10-ft ceilings and a lock-and-leave lifestyle."
F3 = fields(listing_id="7551928", standard_status="Closed", list_price=339000,
            **addr("8340", "E Hermosa Vista Dr", "Mesa", "85207"), **PATIO, bedrooms_total=2, bathrooms_full=2,
            bathrooms_half=0, living_area=1318, **lot_from_sqft(4356), year_built=1997, garage_spaces=2, stories=1,
            pool_private_yn=False, association_yn=True, association_fee=540, association_fee_frequency="Quarterly",
            subdivision_name="Hermosa Vista Estates", public_remarks=R3)
P3 = page("Listing Print 7551928", f"""
<div class="corner">CLSD</div>
<div class="grid">
<div><div class="k">Listing Number</div><div class="v">7551928</div></div>
<div><div class="k">Property Address</div><div class="v">8340 E Hermosa Vista Dr, Mesa, AZ 85207</div></div>
<div><div class="k">Original List Price</div><div class="v">$349,000</div></div>
<div><div class="k">List Price</div><div class="v">$339,000</div></div>
<div><div class="k">Sold Price</div><div class="v">$335,500</div></div>
<div><div class="k">Price / SqFt</div><div class="v">$257.21</div></div>
<div><div class="k">Property Type</div><div class="v">Patio Home</div></div>
<div><div class="k">Bedrooms</div><div class="v">2</div></div>
<div><div class="k">Total Baths</div><div class="v">2</div></div>
<div><div class="k">Approx SqFt</div><div class="v">1,318</div></div>
<div><div class="k">Lot Size</div><div class="v">4,356 sf</div></div>
<div><div class="k">Year Built</div><div class="v">1997</div></div>
<div><div class="k">Garage</div><div class="v">2 Car Attached</div></div>
<div><div class="k">Stories</div><div class="v">Single Level</div></div>
<div><div class="k">Private Pool</div><div class="v">No</div></div>
<div><div class="k">Community Pool</div><div class="v">Yes</div></div>
<div><div class="k">Association Dues</div><div class="v">$540 Quarterly</div></div>
<div><div class="k">Subdivision</div><div class="v">Hermosa Vista Estates</div></div>
</div>
<h3>Description</h3><p>{esc(R3)}</p>
<p class="agent">Listing agent: Corwin Adebayo &middot; Buyer agent: Selene Marchetti</p>""")

# Fixed-width text with codes: "ACT", "SF", acres ".21", "HOA: N", a tax line with an amount and an
# assessor value, "Lot #" of the legal description, directions naming other streets.
R4 = "Corner-lot block home with a diving pool, citrus trees and a detached workshop."
F4 = fields(listing_id="7551936", parcel_number="14327019", standard_status="Active", list_price=459900,
            **addr("1502", "E Laguna Dr", "Tempe", "85282"), **SFR, bedrooms_total=3, bathrooms_full=2,
            bathrooms_half=0, living_area=1622, **lot_from_acres(0.21), year_built=1972, garage_spaces=2, stories=1,
            pool_private_yn=True, association_yn=False, subdivision_name="Tempe Gardens 4", public_remarks=R4)
P4 = page("Full Print 7551936", f"""
<pre>
MLS#: 7551936          Status: ACT            Price: $459,900
Address: 1502 E Laguna Dr, Tempe, AZ 85282
Type: SF               Bed: 3   Bath: 2       SqFt: 1622 (Assessor)
Acres: .21             Built: 1972            Garage: 2   Stories: 1
Pool: Private/Diving   HOA: N                 Subdiv: Tempe Gardens 4
Legal: Lot # 77, Tempe Gardens 4               APN: 143-27-019
Annual Taxes: $1,902 (2025)
Directions: Rural Rd south to Laguna Dr, east to 1502 on the corner.
Remarks: {esc(R4)}
</pre>""")


def build() -> None:
    """Write the `broker_print_2` pages and their labels into the classes landing zone."""
    for name, data, f, pii in (("mls_7551902.html", P1, F1, ["Ellison & Marta Quade"]), ("mls_7551915.html", P2, F2, []),
                               ("mls_7551928.html", P3, F3, []), ("mls_7551936.html", P4, F4, [])):
        write("phoenix_mls", name, data, "broker_print_2", f, pii=pii)
