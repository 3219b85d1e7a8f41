"""Loss class `broker_print_4`: print sheets whose hard part is WHICH address and WHICH counts are the subject's.

Called by `build_classes.build_extra_classes()`; names `mls_75524xx.html`. What these add to
`broker_print`, `broker_print_2` and `broker_print_3`:

- the subject's address in an ALL-CAPS page header without commas (`8127 W WILLOW BEND LN  PEORIA
  AZ  85383`) and elsewhere only in its parts (`St #`, `St Dir`, `St Name`, `St Sfx`), beside a
  listing office's or a management company's labelled `Address`, an agent's mailing address,
  schools with their addresses, `Cross Street` / `Directions` lines naming other streets and a
  `Marketing Name`;
- a CMA whose subject block has no address label and whose `Comparable 1/2/3` blocks (label/value
  blocks, not a table) each carry their own `Address`, `Beds`, `Baths`, then a "Subject vs. comps"
  grid with adjustments;
- a tax record after the listing (`Site Address` in capitals, `Owner Mailing Address`: personal
  data, the county's own bed / bath / fixture counts) and a listing history with a previous MLS
  number and list price;
- bedroom wordings (`# Bedrooms: 3 / Plus Den`, `Beds (Total): 4`, `BR: 3 (+1 Office)`,
  `Bedrooms Plus: 2 + Loft`, `Main Level Bedrooms`, `Rooms: ... 4 Bedrooms`, `Master Bedroom:
  Split`) and bath wordings (`Full Baths 2` / `3/4 Baths 1` / `Half Baths 0`, `Baths: 2.75`,
  `Total Baths 3 (2F 1H)`, `Bath(s) Total 2.5`, `Main Level Full Baths`, `Master Bathroom: ...; 2
  Master Baths`), and features counting other things (`3 Ceiling Fans`, `2 Fireplaces`);
- a fixed-width CMA print: the address closed by its county, rooms named by ordinals (`Bedroom 2  12 x 11`),
  comparables titled by a line (`COMPARABLE 1`, `COMP #2 - SOLD`) over their own labelled lines.

Three-quarter baths: samples/README.md is silent; the labels follow RESO: a three-quarter bath is
neither a full nor a half bath, and counts in `bathrooms_total_integer` (`2.75` -> full 2, half 0,
total 3). All people, phone numbers and mailing addresses are fictitious.
"""

from __future__ import annotations

from build_classes import esc, page, write
from build_samples import CONDO, SFR, addr, fields, lot_from_acres, lot_from_sqft


def _threeq(f: dict, threeq: int) -> dict:
    """A label with three-quarter baths: they count in the total, not as full or half baths."""
    f["bathrooms_total_integer"] = f["bathrooms_full"] + f["bathrooms_half"] + threeq
    return f


def _cells(rows: list[list[tuple[str, str]]]) -> str:
    return "<table class='fr'>" + "".join(
        "<tr>" + "".join(f"<td class='l'>{esc(k)}:</td><td>{esc(v)}</td>" for k, v in row) + "</tr>" for row in rows
    ) + "</table>"


def _block(title: str, pairs: list[tuple[str, str]]) -> str:
    """A label/value block of divs under a heading (a CMA's subject or one comparable)."""
    return f"<section class='blk'><h3>{esc(title)}</h3>" + "".join(
        f"<div class='kv'><span class='k'>{esc(k)}</span> <span class='v'>{esc(v)}</span></div>" for k, v in pairs
    ) + "</section>"


# 1. Flexmls "Full Report": the address as an ALL-CAPS header and in parts, a listing office block with
# its own Address, Cross Street / Directions / Marketing Name / Map Code, `# Bedrooms: 3 / Plus Den`,
# full / three-quarter / half baths in separate cells, features counting fans and fireplaces.
R1 = ("Former model home on a cul-de-sac with a den off the entry, a three-car tandem garage and a "
      "backyard built for entertaining. Owned solar and a water softener convey.")
F1 = _threeq(fields(listing_id="7552401", parcel_number="50322418", standard_status="Active", list_price=538000,
                    **addr("8127", "W Willow Bend Ln", "Peoria", "85383"), **SFR, bedrooms_total=3, bathrooms_full=2,
                    bathrooms_half=0, living_area=2188, **lot_from_sqft(8050), year_built=2007, garage_spaces=3,
                    stories=1, pool_private_yn=False, association_yn=True, association_fee=129,
                    association_fee_frequency="Monthly", subdivision_name="Vistancia Village A Parcel A12",
                    public_remarks=R1), 1)
P1 = page("Full Report 7552401", """
<div class="hdr"><table><tr><td><b>8127 W WILLOW BEND LN&nbsp;&nbsp;PEORIA&nbsp;&nbsp;AZ&nbsp;&nbsp;85383</b></td>
<td>Residential Full Report</td></tr></table></div>
<div class="office"><b>Listing Office</b><br>
<table><tr><td>Name:</td><td>Saguaro Sky Realty</td></tr>
<tr><td>Address:</td><td>20325 N 51st Ave Ste 134, Glendale, AZ 85308</td></tr>
<tr><td>Phone:</td><td>623-555-0190</td></tr></table></div>
""" + _cells([
    [("MLS #", "7552401"), ("Status", "Active"), ("List Price", "$538,000")],
    [("St #", "8127"), ("St Dir", "W"), ("St Name", "Willow Bend")],
    [("St Sfx", "Ln"), ("City", "Peoria"), ("Zip", "85383")],
    [("Marketing Name", "The Enclave at Vistancia"), ("Map Code/Grid", "G9"), ("County", "Maricopa")],
    [("Dwelling Type", "Single Family - Detached"), ("# Bedrooms", "3 / Plus Den"), ("Master Bedroom", "Split")],
    [("Full Baths", "2"), ("3/4 Baths", "1"), ("Half Baths", "0")],
    [("Approx SqFt", "2,188 / County Assessor"), ("Approx Lot SqFt", "8,050"), ("Year Built", "2007")],
    [("Garage Spaces", "3"), ("Exterior Stories", "1"), ("Pool - Private", "No")],
    [("HOA Y/N", "Y"), ("HOA Fee", "$129"), ("HOA Paid (Freq)", "Monthly")],
    [("Subdivision", "Vistancia Village A Parcel A12"), ("Assessor Parcel #", "503-22-418"), ("Tax Year", "2025")],
    [("Cross Street", "Lake Pleasant Pkwy & Happy Valley Rd"), ("Builder Name", "Shea Homes"), ("Ceiling Fans", "3")],
]) + f"""
<p><b>Directions:</b> N on Lake Pleasant Pkwy to W Happy Valley Rd, W to N 83rd Dr, N to W Willow Bend Ln, E to home.</p>
<table class="feat">
<tr><td>Interior Features: 3 Ceiling Fans; 9+ Flat Ceilings; Pantry; Kitchen Island</td>
<td>Fireplace: 2 Fireplace; Family Room; Exterior Fireplace</td></tr>
<tr><td>Master Bathroom: Full Bth Master Bdrm; Separate Shwr &amp; Tub; Double Sink</td>
<td>Additional Bedroom: Den/Office</td></tr>
</table>
<p><b>Public Remarks:</b> {esc(R1)}</p>
<p class="ftr">List Agent: Tamsin Okafor &middot; Saguaro Sky Realty &middot; 20325 N 51st Ave Ste 134, Glendale, AZ 85308.
Information is deemed reliable but is not guaranteed.</p>""")

# 2. A CMA in blocks: the subject block carries no address label (the address is the page header, in
# capitals); three comparable blocks each with Address / Beds / Baths; an adjustments grid.
R2 = ("Mid-century block ranch with a modern kitchen, a diving pool and mountain views from the "
      "backyard. New roof 2022.")
F2 = fields(listing_id="7552402", standard_status="Active", list_price=629000,
            **addr("2718", "N 83rd Way", "Scottsdale", "85257"), **SFR, bedrooms_total=4, bathrooms_full=2,
            bathrooms_half=1, living_area=2106, **lot_from_sqft(8320), year_built=1972, garage_spaces=2, stories=1,
            pool_private_yn=True, public_remarks=R2)
COMPS2 = [("Comparable 1", [("Address", "2804 N 84th St, Scottsdale, AZ 85257"), ("MLS #", "7549120"),
                            ("Status", "Closed"), ("List Price", "$649,000"), ("Sold Price", "$640,000"),
                            ("Beds", "5"), ("Baths", "3"), ("Approx SqFt", "2,380"), ("Year Built", "1971"),
                            ("Pool", "Private")]),
          ("Comparable 2", [("Address", "8112 E Vernon Ave, Scottsdale, AZ 85257"), ("MLS #", "7550338"),
                            ("Status", "Closed"), ("List Price", "$599,000"), ("Sold Price", "$602,500"),
                            ("Beds", "3"), ("Baths", "2"), ("Approx SqFt", "1,884"), ("Year Built", "1969"),
                            ("Pool", "None")]),
          ("Comparable 3", [("Address", "2540 N 80th Pl, Scottsdale, AZ 85257"), ("MLS #", "7551716"),
                            ("Status", "Pending"), ("List Price", "$635,000"), ("Beds", "4"), ("Baths", "2.5"),
                            ("Approx SqFt", "2,150"), ("Year Built", "1973"), ("Pool", "Private")])]
ADJ2 = [("", "Subject", "Comp 1", "Comp 2", "Comp 3"),
        ("Sale / List Price", "$629,000", "$640,000", "$602,500", "$635,000"),
        ("Bedrooms", "4", "5 (-$10,000)", "3 (+$10,000)", "4"),
        ("Bathrooms", "2.5", "3 (-$5,000)", "2 (+$5,000)", "2.5"),
        ("Sq Ft", "2,106", "2,380 (-$16,400)", "1,884 (+$13,300)", "2,150 (-$2,600)"),
        ("Pool", "Yes", "Yes", "No (+$15,000)", "Yes"),
        ("Adjusted Value", "", "$608,600", "$645,800", "$632,400")]
P2 = page("CMA - 2718 N 83rd Way", "<div class='hdr'>2718 N 83RD WAY SCOTTSDALE AZ 85257</div>"
          "<h1>Comparative Market Analysis</h1><p>Prepared for: Wendell &amp; Priya Castellano</p>"
          + _block("Subject Property", [("MLS #", "7552402"), ("Status", "Active"), ("List Price", "$629,000"),
                                        ("Dwelling Type", "Single Family - Detached"), ("Beds (Total)", "4"),
                                        ("Bath(s) Total", "2.5"), ("Approx SqFt", "2,106"), ("Lot SqFt", "8,320"),
                                        ("Year Built", "1972"), ("Garage Spaces", "2"), ("Stories", "1"),
                                        ("Pool", "Private")])
          + f"<p><b>Subject remarks:</b> {esc(R2)}</p>"
          + "".join(_block(t, pairs) for t, pairs in COMPS2)
          + "<h2>Subject vs. comps</h2><table class='adj'>"
          + "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in ADJ2)
          + "</table><p>Suggested list price: $625,000 - $639,000</p>"
          "<p class='ftr'>Prepared by Rosalind Achterberg, Camelview Partners Realty, 7014 E Camelback Rd Ste 200, "
          "Scottsdale, AZ 85251 &middot; 480-555-0123</p>")

# 3. A full report followed by the county tax record (a Site Address in capitals, the owner's mailing
# address: personal data, the county's own bed / bath / fixture counts) and a listing history that
# names a previous MLS number and list price.
R3 = ("Arcadia-adjacent home expanded in 2019 with a fourth bedroom and a third bath; new kitchen, "
      "pebble-tec pool and irrigated citrus.")
F3 = fields(listing_id="7552403", parcel_number="17006215", standard_status="Active", list_price=824900,
            **addr("4615", "N 36th Pl", "Phoenix", "85018"), **SFR, bedrooms_total=4, bathrooms_full=3,
            bathrooms_half=0, living_area=2244, **lot_from_sqft(10890), year_built=1958, garage_spaces=2, stories=1,
            pool_private_yn=True, association_yn=False, subdivision_name="Camelback Terrace", public_remarks=R3)
P3 = page("Full Report 7552403", _cells([
    [("MLS #", "7552403"), ("Status", "Active"), ("List Price", "$824,900")],
    [("Address", "4615 N 36th Pl"), ("City", "Phoenix"), ("Zip", "85018")],
    [("Dwelling Type", "Single Family - Detached"), ("Bedrooms", "4"), ("Bathrooms", "3")],
    [("Approx SqFt", "2,244 / Owner"), ("Approx Lot SqFt", "10,890"), ("Year Built", "1958")],
    [("Garage Spaces", "2"), ("Exterior Stories", "1"), ("Pool - Private", "Yes")],
    [("HOA Y/N", "N"), ("Subdivision", "Camelback Terrace"), ("Assessor Parcel #", "170-06-215")],
]) + f"<p><b>Public Remarks:</b> {esc(R3)}</p>" + """
<h2>Listing History</h2>
<table class="hist"><tr><th>Date</th><th>MLS #</th><th>Event</th><th>Price</th></tr>
<tr><td>06/03/2026</td><td>7538842</td><td>New Listing</td><td>$869,000</td></tr>
<tr><td>07/21/2026</td><td>7538842</td><td>Price Change</td><td>$849,000</td></tr>
<tr><td>09/30/2026</td><td>7538842</td><td>Expired</td><td>$849,000</td></tr>
<tr><td>11/24/2026</td><td>7552403</td><td>New Listing</td><td>$824,900</td></tr></table>
<p>Previous List Price: $849,000 (MLS 7538842)</p>
<h2>Tax Record</h2>
<table class="tax">
<tr><td>Parcel #:</td><td>170-06-215</td><td>Tax Year:</td><td>2025</td></tr>
<tr><td>Site Address:</td><td>4615 N 36TH PL PHOENIX 85018</td><td>Owner:</td><td>HALVORSEN BRENNAN J/TREVINO LUCIA M</td></tr>
<tr><td>Owner Mailing Address:</td><td>2290 LAKESHORE TER, MADISON WI 53705</td><td>Legal:</td><td>LOT 17 CAMELBACK TERRACE MCR 44-12</td></tr>
<tr><td>Beds:</td><td>3</td><td>Baths:</td><td>2</td></tr>
<tr><td>Bath Fixtures:</td><td>9</td><td>Living Area:</td><td>1,702</td></tr>
<tr><td>Annual Taxes:</td><td>$3,912</td><td>Exemptions:</td><td>None</td></tr>
</table>
<p>Tax record data is provided by the county and may not reflect improvements.</p>""")

# 4. An agent-made sheet on letterhead: the brokerage's address on top, the street in capitals as the
# headline and the place under it in words, `BR: 3 (+1 Office)`, `Total Baths 3 (2F 1H)`, highlights
# that count other things, the agent's mailing address at the foot.
R4 = ("Light, bright single-level home with an office off the great room, a heated pool and a "
      "three-car garage. Steps to the Heritage District.")
F4 = fields(listing_id="7552404", standard_status="Active", list_price=574900,
            **addr("1507", "E Orchid Ln", "Gilbert", "85296"), bedrooms_total=3, bathrooms_full=2,
            bathrooms_half=1, living_area=2214, **lot_from_sqft(7150), year_built=2003, garage_spaces=3, stories=1,
            pool_private_yn=True, association_yn=True, association_fee=96, association_fee_frequency="Monthly",
            public_remarks=R4)
P4 = page("1507 E Orchid Ln - Feature Sheet", f"""
<div class="letterhead">HIGH DESERT HOME GROUP &middot; 7114 E Stetson Dr Suite 400 &middot; Scottsdale, AZ 85251 &middot; 480-555-0160</div>
<h1>1507 E ORCHID LN</h1>
<h2>Gilbert, Arizona 85296</h2>
<p class="price">Offered at $574,900 &middot; MLS# 7552404 &middot; Active</p>
<table class="facts">
<tr><td>BR: 3 (+1 Office)</td><td>Total Baths 3 (2F 1H)</td></tr>
<tr><td>Living: 2,214 SF</td><td>Lot: 7,150 SF</td></tr>
<tr><td>Built: 2003</td><td>Garage: 3 Car</td></tr>
<tr><td>Stories: 1</td><td>Pool: Private, heated</td></tr>
<tr><td>HOA: $96/mo</td><td>Rooms: Great Rm, Office, 3 Bedrooms, Laundry</td></tr>
</table>
<p><b>Highlights:</b> 3 Ceiling Fans &middot; 2 Fireplaces &middot; 2 Water Heaters &middot; 4 Skylights &middot; 5 Zone Drip</p>
<p>{esc(R4)}</p>
<p class="agent">Questions? Call Jolene Varga, 480-555-0177.<br>Mail: PO Box 2210, Cave Creek, AZ 85327</p>""")

# 5. A Paragon-style print: the address only in parts (and capitals in the title), a listing office with
# an `Office Address`, directions naming four other streets, `Baths: 2.75` (three-quarter bath),
# bedroom features counting closets.
R5 = ("Move-in ready home with a split floor plan, an extended covered patio and a low-care yard; "
      "new water heater 2025.")
F5 = _threeq(fields(listing_id="7552405", standard_status="Pending", list_price=415000,
                    **addr("10820", "W Cactus Flower Dr", "Avondale", "85392"), **SFR, bedrooms_total=4,
                    bathrooms_full=2, bathrooms_half=0, living_area=1904, **lot_from_sqft(6325), year_built=2005,
                    garage_spaces=2, stories=1, pool_private_yn=False, association_yn=True, association_fee=74,
                    association_fee_frequency="Monthly", subdivision_name="Rio Crossing", public_remarks=R5), 1)
P5 = page("10820 W CACTUS FLOWER DR, AVONDALE", """
<div class="bar">MLS# 7552405&nbsp;&nbsp;&nbsp;RESIDENTIAL&nbsp;&nbsp;&nbsp;Pending&nbsp;&nbsp;&nbsp;$415,000</div>
""" + _cells([
    [("Street #", "10820"), ("Street Dir", "W"), ("Street Name", "Cactus Flower")],
    [("Street Type", "Dr"), ("City", "Avondale"), ("Zip", "85392")],
    [("Property Type", "Single Family - Detached"), ("Bedrooms", "4"), ("Baths", "2.75")],
    [("Bedroom Features", "Split; Master Downstairs; 3 Walk-In Closets"), ("Approx SqFt", "1,904"),
     ("Lot SqFt", "6,325")],
    [("Year Built", "2005"), ("Garage Spaces", "2"), ("Stories", "1")],
    [("Pool", "None"), ("HOA", "Yes"), ("HOA Fee", "$74 Monthly")],
    [("Subdivision", "Rio Crossing"), ("List Office", "Estrella Gateway Realty"),
     ("Office Address", "9150 W Indian School Rd Ste 104, Phoenix, AZ 85037")],
]) + f"""
<p><b>Directions:</b> I-10 to Dysart Rd, S to Lower Buckeye Rd, W to 108th Ave, N to W Cactus Flower Dr, W to home.</p>
<p><b>Remarks:</b> {esc(R5)}</p>""")

# 6. A condo print: address header in capitals with the unit, a management company with its address,
# `Bedrooms Plus: 2 + Loft`, one full, one three-quarter and one half bath.
R6 = ("Resort-style loft condo with soaring ceilings, a private balcony facing the pool and one "
      "covered parking space.")
F6 = _threeq(fields(listing_id="7552406", standard_status="Active", list_price=369000,
                    **addr("7275", "N Scottsdale Rd", "Scottsdale", "85253", unit="2014"), **CONDO, bedrooms_total=2,
                    bathrooms_full=1, bathrooms_half=1, living_area=1288, year_built=2001, garage_spaces=0,
                    stories=2, pool_private_yn=False, association_yn=True, association_fee=412,
                    association_fee_frequency="Monthly", subdivision_name="Gainey Ranch Villas",
                    public_remarks=R6), 1)
P6 = page("Agent Full 7552406", """
<div class="hdr">7275 N SCOTTSDALE RD UNIT 2014 SCOTTSDALE AZ 85253</div>
""" + _cells([
    [("ML #", "7552406"), ("Status", "Active"), ("LP", "$369,000")],
    [("Dwelling Type", "Apartment Style/Flat"), ("Bedrooms Plus", "2 + Loft"), ("Unit Style", "Two Levels")],
    [("Full Baths", "1"), ("3/4 Baths", "1"), ("Half Baths", "1")],
    [("Approx SqFt", "1,288"), ("Year Built", "2001"), ("Garage Spaces", "0")],
    [("Carport Spaces", "1"), ("Exterior Stories", "2"), ("Pvt Pool Y/N", "N")],
    [("HOA Y/N", "Y"), ("HOA Fee", "$412"), ("HOA Paid (Freq)", "Monthly")],
    [("Subdivision", "Gainey Ranch Villas"), ("Cross Street", "Scottsdale Rd & Indian Bend Rd"),
     ("# of Units in Complex", "162")],
]) + f"""
<h3>Association</h3>
<table><tr><td>Management Co:</td><td>Trestle Community Management</td></tr>
<tr><td>Address:</td><td>1600 W Broadway Rd Ste 200, Tempe, AZ 85282</td></tr>
<tr><td>Phone:</td><td>480-555-0133</td></tr></table>
<p><b>Public Remarks:</b> {esc(R6)}</p>""")

# 7. A relisting: the header names the listing office first, then the subject in capitals; a rooms list
# that counts bedrooms, `Master Bathroom: ...; 2 Master Baths`, a Marketing Name and a previous price.
R7 = ("Golf-course lot with four bedrooms, a family room and a great room, two master suites and a "
      "north/south exposure. Relisted with a new price.")
F7 = fields(listing_id="7552407", standard_status="Active", list_price=689000,
            **addr("2331", "E Hazeltine Way", "Chandler", "85249"), **SFR, bedrooms_total=4, bathrooms_full=3,
            bathrooms_half=0, living_area=2761, **lot_from_sqft(9204), year_built=1999, garage_spaces=3, stories=1,
            pool_private_yn=True, association_yn=True, association_fee=330, association_fee_frequency="Quarterly",
            subdivision_name="Ocotillo Golf Estates", public_remarks=R7)
P7 = page("Agent Full 7552407", """
<div class="hdr">Desert Ridge Realty &middot; 21001 N Tatum Blvd Ste 1630, Phoenix, AZ 85050 &middot; 480-555-0101</div>
<div class="sub">2331 E HAZELTINE WAY CHANDLER AZ 85249</div>
""" + _cells([
    [("ML #", "7552407"), ("Status", "Active"), ("LP", "$689,000")],
    [("Previous LP", "$719,000"), ("Previous ML #", "7547715"), ("CDOM", "88")],
    [("Address", "2331 E Hazeltine Way"), ("City", "Chandler"), ("Zip", "85249")],
    [("Marketing Name", "Ocotillo Golf Estates"), ("Map Code/Grid", "HH42"), ("Cross Street", "Alma School Rd & Queen Creek Rd")],
    [("Dwelling Type", "Single Family - Detached"), ("Rooms", "Family Rm, Great Rm, 4 Bedrooms"), ("Bathrooms", "3")],
    [("Master Bathroom", "Full Bth Master Bdrm; 2 Master Baths; Separate Shwr & Tub"), ("Approx SqFt", "2,761"),
     ("Approx Lot SqFt", "9,204")],
    [("Year Built", "1999"), ("Garage Spaces", "3"), ("Exterior Stories", "1")],
    [("Pool - Private", "Yes"), ("HOA Fee", "$330"), ("HOA Paid (Freq)", "Quarterly")],
    [("Subdivision", "Ocotillo Golf Estates"), ("Fireplaces", "2"), ("Ceiling Fans", "5")],
]) + f"<p><b>Public Remarks:</b> {esc(R7)}</p>")

# 8. A two-level home printed with per-level counts (`Main Level Bedrooms`, `Upper Level Bedrooms`,
# `Main Level Full Baths`) beside the totals, and an agent's mailing address in the footer.
R8 = ("Two-story home with a downstairs guest suite, a loft, five bedrooms in all and a resort "
      "backyard with a pool and a built-in grill.")
F8 = fields(listing_id="7552408", standard_status="Active Under Contract", list_price=612000,
            **addr("4418", "S Ranger Ct", "Queen Creek", "85142"), **SFR, bedrooms_total=5, bathrooms_full=3,
            bathrooms_half=1, living_area=3390, **lot_from_acres(0.19), year_built=2017, garage_spaces=3, stories=2,
            pool_private_yn=True, association_yn=True, association_fee=110, association_fee_frequency="Monthly",
            subdivision_name="Hastings Farms", public_remarks=R8)
P8 = page("Agent Full 7552408", """
<div class="hdr">4418 S RANGER CT&nbsp;&nbsp;QUEEN CREEK&nbsp;&nbsp;AZ&nbsp;&nbsp;85142-3320</div>
""" + _cells([
    [("ML #", "7552408"), ("Status", "UCB"), ("LP", "$612,000")],
    [("Dwelling Type", "Single Family - Detached"), ("Main Level Bedrooms", "1"), ("Upper Level Bedrooms", "4")],
    [("Total Bedrooms", "5"), ("Main Level Full Baths", "1"), ("Upper Level Full Baths", "2")],
    [("Bathrooms Full", "3"), ("Bathrooms Half", "1"), ("Approx SqFt", "3,390")],
    [("Lot Acres", "0.19"), ("Year Built", "2017"), ("Garage Spaces", "3")],
    [("Exterior Stories", "2"), ("Pool - Private", "Yes"), ("HOA Fee", "$110 / Month")],
    [("Subdivision", "Hastings Farms"), ("Cross Street", "Ellsworth Rd & Ocotillo Rd"), ("Map Code/Grid", "KK53")],
]) + f"""<p><b>Public Remarks:</b> {esc(R8)}</p>
<p class="ftr">Listing agent: Imogen Strand, Ironwood Peak Realty. Agent mailing address: 3125 W Desert Ln, Queen Creek, AZ 85142.
Page 1 of 1</p>""")

# 9. A print with a schools block (each school with its own street address) and a map sidebar naming a
# nearby park's address before the listing facts.
R9 = ("Updated home on a quiet street near Sequoya Elementary with a new kitchen, a pool and an RV gate.")
F9 = fields(listing_id="7552409", standard_status="Active", list_price=779000,
            **addr("6021", "E Monte Cristo Ave", "Scottsdale", "85254"), **SFR, bedrooms_total=4, bathrooms_full=2,
            bathrooms_half=0, living_area=2052, **lot_from_sqft(10454), year_built=1978, garage_spaces=2, stories=1,
            pool_private_yn=True, association_yn=False, subdivision_name="Sweetwater Ranch", public_remarks=R9)
P9 = page("Photo Print 7552409", """
<aside class="map"><h4>Map &amp; nearby</h4><p>Park: Grayhawk Park, 7225 E Sweetwater Ave, Scottsdale, AZ 85254</p></aside>
<div class="hdr">6021 E MONTE CRISTO AVE, SCOTTSDALE, AZ 85254</div>
""" + _cells([
    [("MLS #", "7552409"), ("Status", "Active"), ("List Price", "$779,000")],
    [("Dwelling Type", "Single Family - Detached"), ("Bedrooms", "4"), ("Bathrooms", "2")],
    [("Approx SqFt", "2,052"), ("Approx Lot SqFt", "10,454"), ("Year Built", "1978")],
    [("Garage Spaces", "2"), ("Exterior Stories", "1"), ("Pool - Private", "Yes")],
    [("HOA Y/N", "N"), ("Subdivision", "Sweetwater Ranch"), ("Fireplaces Total", "2")],
]) + f"""
<h3>Schools</h3>
<table class="schools">
<tr><td>Elementary:</td><td>Sequoya Elementary</td><td>Address:</td><td>11808 N 64th St, Scottsdale, AZ 85254</td></tr>
<tr><td>Middle:</td><td>Cocopah Middle School</td><td>Address:</td><td>6615 E Cholla St, Scottsdale, AZ 85254</td></tr>
<tr><td>High:</td><td>Chaparral High School</td><td>Address:</td><td>6935 E Gold Dust Ave, Scottsdale, AZ 85253</td></tr>
</table>
<p><b>Public Remarks:</b> {esc(R9)}</p>""")


# 10. A fixed-width CMA print: the subject first, a room list whose rooms carry ordinals ("Bedroom 2"),
# then comparables each titled by a line ("COMPARABLE 1", "COMP #2 - SOLD") over their own labelled lines.
R10 = "Single-level home on a corner lot near the park with a remodeled kitchen and a three-car garage."
F10 = fields(listing_id="7552410", standard_status="Active", list_price=455000,
             **addr("6110", "W Paradise Ln", "Glendale", "85306"), **SFR, bedrooms_total=3, bathrooms_full=2,
             bathrooms_half=0, living_area=1766, **lot_from_sqft(8102), year_built=1986, garage_spaces=3, stories=1,
             pool_private_yn=False, association_yn=False, public_remarks=R10)
P10 = page("CMA Summary 7552410", f"""<pre>
CMA SUMMARY                                        Prepared 11/26/2026
6110 W PARADISE LN  GLENDALE  AZ  85306 (MARICOPA)
MLS#: 7552410     Status: A          LP: $455,000
Type: SF-Det      Beds: 3            Baths: 2
Apx SqFt: 1,766   Lot SqFt: 8,102    Yr Blt: 1986
Gar Spcs: 3       Stories: 1         Pvt Pool: N        HOA: N

ROOMS
Master Bedroom   15 x 14   Main
Bedroom 2        12 x 11   Main
Bedroom 3        11 x 10   Main
Bathroom 2       Full      Main

COMPARABLE 1
Address: 6204 W Paradise Ln, Glendale, AZ 85306
Status: C        SP: $470,000       Beds: 4     Baths: 2.5
Apx SqFt: 1,980  Yr Blt: 1987

COMP #2 - SOLD
Address: 6010 W Acoma Dr, Glendale, AZ 85306
Status: C        SP: $441,000       Beds: 3     Baths: 2
Apx SqFt: 1,702  Yr Blt: 1985

PUBLIC REMARKS: {esc(R10)}
</pre>""")


def build() -> None:
    """Write the `broker_print_4` pages and their labels into the classes landing zone."""
    for name, data, f, pii in (("mls_7552401.html", P1, F1, []),
                               ("mls_7552402.html", P2, F2, ["Wendell & Priya Castellano"]),
                               ("mls_7552403.html", P3, F3, ["HALVORSEN BRENNAN J/TREVINO LUCIA M",
                                                             "2290 LAKESHORE TER, MADISON WI 53705"]),
                               ("mls_7552404.html", P4, F4, []), ("mls_7552405.html", P5, F5, []),
                               ("mls_7552406.html", P6, F6, []), ("mls_7552407.html", P7, F7, []),
                               ("mls_7552408.html", P8, F8, []), ("mls_7552409.html", P9, F9, []),
                               ("mls_7552410.html", P10, F10, [])):
        write("phoenix_mls", name, data, "broker_print_4", f, pii=pii)
