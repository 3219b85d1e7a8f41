"""Loss class `broker_print_3`: MLS print-outs as ARMLS / Flexmls / Matrix members print them.

Called by `build_classes.build_extra_classes()`; names `mls_75523xx.html`. What these add to
`broker_print` and `broker_print_2`:

- a Matrix-style "Agent Full": many short labelled cells in four columns (`LP`, `Orig LP`, `SP`,
  `CDOM`, `# Bdrms`, `# Bths`, `Approx SQFT: 2,050 / Assessor`, `Approx Lot SqFt`, `Pvt Pool Y/N`,
  `Assessor's #`, `Cross Street`, `Legal Desc`, `Taxes/Yr`, `Ttl Mthly Fee Equiv`, `Builder Name`),
  feature lists (`Exterior Stories: 2`, `Community Features: ...`), a page header and footer that
  repeat on the second page (`Page 1 of 2`, "Information is deemed reliable ..."), the sold price
  beside the list price;
- a "Cross Property" report: one line per listing, the subject row marked, the other rows other
  listings whose prices and sizes lend nothing;
- a "Client Full" with the private fields removed (empty `Assessor's #`, no agent block), values
  as `4 / 2.5`, `.22 AC`, `2-Story`, a prior sale (`Last Sold 04/12/2025 $398,000`) beside the
  current list price;
- a flyer whose price is a banner and whose facts are bullets, agent phone numbers below;
- a showing sheet: lockbox, gate and alarm codes, occupant and agent phone numbers (no data);
- a side-by-side CMA grid: labels down the first column, the subject in the first value column,
  comparables beside it;
- a condo "Agent Full" with a second HOA and a total monthly fee equivalent (neither is the fee).

All people, phone numbers and codes are fictitious; the addresses are plausible Maricopa ones.
"""

from __future__ import annotations

from build_classes import esc, page, write
from build_samples import CONDO, SFR, TOWN, addr, fields, lot_from_acres, lot_from_sqft

HEAD = ("<div class='phdr'>ARMLS &middot; Agent Full Report &middot; Printed 11/26/2026 9:14 AM by "
        "Quentin Farraday</div>")


def _foot(n: int, of: int) -> str:
    return (f"<div class='pftr'>Page {n} of {of} &middot; Information is deemed reliable but is not guaranteed. "
            "&copy; 2026 Arizona Regional MLS. Prepared by Quentin Farraday, Sonoran Key Realty, 480-555-0131.</div>")


def _cells(rows: list[list[tuple[str, str]]]) -> str:
    """Matrix-style grid: each row holds up to four label cell / value cell pairs."""
    out = []
    for row in rows:
        out.append("<tr>" + "".join(f"<td class='lbl'>{esc(k)}:</td><td class='val'>{esc(v)}</td>" for k, v in row)
                   + "</tr>")
    return "<table class='af'>" + "".join(out) + "</table>"


# 1. Matrix "Agent Full", two printed pages, a Closed sale: SP beside LP (the label is the list price).
R1 = ("Shea-built two-story on a quiet interior street with a downstairs guest suite, a loft and a "
      "sparkling pool. Owned solar, epoxy garage floor and a gas range.")
F1 = fields(listing_id="7552301", parcel_number="30411523", standard_status="Closed", list_price=525000,
            **addr("3348", "E Rosemonte Dr", "Gilbert", "85296"), **SFR, bedrooms_total=4, bathrooms_full=2,
            bathrooms_half=1, living_area=2050, **lot_from_sqft(7405), year_built=2004, garage_spaces=3, stories=2,
            pool_private_yn=True, association_yn=True, association_fee=88, association_fee_frequency="Monthly",
            subdivision_name="Val Vista Lakes Parcel 9", public_remarks=R1)
P1 = page("Agent Full - 7552301", HEAD + "<h2>3348 E Rosemonte Dr, Gilbert, AZ 85296</h2>" + _cells([
    [("ML #", "7552301"), ("Status", "C"), ("LP", "$525,000"), ("Orig LP", "$539,000")],
    [("SP", "$512,000"), ("COE", "10/02/2026"), ("CDOM", "41"), ("DOM", "41")],
    [("Dwelling Type", "Single Family - Detached"), ("Bldg Style", "Two Level"), ("# Bdrms", "4"), ("# Bths", "2.5")],
    [("Approx SQFT", "2,050 / Assessor"), ("Approx Lot SqFt", "7,405 / Assessor"), ("Year Built", "2004"),
     ("Price/SqFt", "$249.76")],
    [("Garage Spaces", "3"), ("Carport Spaces", "0"), ("Pvt Pool Y/N", "Y"), ("Spa", "None")],
    [("HOA Y/N", "Y"), ("HOA Fee", "$88"), ("HOA Paid (Freq)", "Monthly"), ("Ttl Mthly Fee Equiv", "$88")],
    [("Subdivision", "Val Vista Lakes Parcel 9"), ("Assessor's #", "304-11-523"), ("Map Code/Grid", "EE38"),
     ("Builder Name", "Shea Homes")],
    [("Cross Street", "Val Vista Dr & Baseline Rd"), ("Legal Desc", "LOT 54 VAL VISTA LAKES PARCEL 9 MCR 381-22"),
     ("Taxes/Yr", "$2,104"), ("Tax Yr", "2025")],
]) + f"<p><b>Public Remarks:</b> {esc(R1)}</p>" + _foot(1, 2) + HEAD + _cells([
    [("ML #", "7552301"), ("Addr", "3348 E Rosemonte Dr")],
]) + """<table class='feat'>
<tr><td>Exterior Stories: 2</td><td>Pool - Private: Pool - Private; Play Pool</td></tr>
<tr><td>Community Features: Community Pool; Lake; Playground; Biking/Walking Path</td><td>Fencing: Block</td></tr>
<tr><td>Roofing: Tile</td><td>Cooling: Central A/C; Ceiling Fan(s)</td></tr>
<tr><td>Buyer/Buyer's Agent Comp: 2.5%</td><td>Sold Price Notes: Seller paid $6,000 of buyer closing costs</td></tr>
</table>""" + _foot(2, 2))

# 2. "Cross Property" report: one line per listing; the subject row is marked, the rest are other listings.
R2 = "Split-floor-plan ranch with a new roof (2023) and an oversized lot backing to open space."
F2 = fields(listing_id="7552302", standard_status="Active", list_price=447500,
            **addr("7719", "W Wescott Dr", "Glendale", "85308"), bedrooms_total=3, bathrooms_full=2,
            bathrooms_half=0, living_area=1712, **lot_from_sqft(9620), year_built=1995, garage_spaces=2,
            pool_private_yn=False, subdivision_name="Arrowhead Lakes", public_remarks=R2)
XROWS = [("", "7551874", "C", "7811 W Wescott Dr", "Glendale", "85308", "$459,000", "$452,000", "3", "2", "1,798", "1996",
          "8,870", "Y", "2"),
         ("SUBJECT", "7552302", "A", "7719 W Wescott Dr", "Glendale", "85308", "$447,500", "", "3", "2", "1,712", "1995",
          "9,620", "N", "2"),
         ("", "7552033", "P", "7702 W Kerry Ln", "Glendale", "85308", "$439,900", "", "3", "2", "1,655", "1994", "7,911", "N",
          "2"),
         ("", "7551519", "X", "19206 N 77th Dr", "Glendale", "85308", "$474,000", "", "4", "2", "1,944", "1995", "8,102", "Y",
          "3")]
XHEAD = ("", "ML#", "St", "Address", "City", "Zip", "LP", "SP", "Bd", "Ba", "SqFt", "Yr Blt", "Lot SqFt", "Pool", "Gar")
P2 = page("Cross Property Report", "<h2>Cross Property Report &mdash; 4 listings</h2><table class='xp'><tr>"
          + "".join(f"<th>{h}</th>" for h in XHEAD) + "</tr>"
          + "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in XROWS)
          + "</table><p>Subdivision (subject): Arrowhead Lakes</p>"
          + f"<p><b>Subject remarks:</b> {esc(R2)}</p>"
          + "<p>St: A=Active, P=Pending, C=Closed, X=Expired. Information is deemed reliable but is not "
          "guaranteed.</p><p>Page 1 of 1</p>")

# 3. "Client Full": private fields removed (an empty Assessor's #, no agent block), `4 / 2.5`, `.22 AC`,
# `2-Story`, a prior sale with its own price beside the current list price.
R3 = ("Light-filled two-story with a chef's kitchen, a wine nook and an oversized three-car garage. Sold "
      "new in 2012; backyard redone in 2024 with turf and a built-in BBQ.")
F3 = fields(listing_id="7552303", standard_status="Active", list_price=689000,
            **addr("2871", "E Amber Ridge Way", "Phoenix", "85048"), **SFR, bedrooms_total=4, bathrooms_full=2,
            bathrooms_half=1, living_area=2856, **lot_from_acres(0.22), year_built=2012, garage_spaces=3, stories=2,
            association_yn=True, association_fee=270, association_fee_frequency="Quarterly",
            subdivision_name="Foothills Reserve", public_remarks=R3)
P3 = page("Client Full 7552303", f"""
<div class="cf">
<table class="hdr"><tr><td>MLS #: 7552303</td><td>Active</td><td>List $689,000</td></tr>
<tr><td colspan="3">2871 E Amber Ridge Way, Phoenix, AZ 85048</td></tr></table>
<table class="body">
<tr><td>Type</td><td>Single Family - Detached</td><td>Beds / Baths</td><td>4 / 2.5</td></tr>
<tr><td>Living</td><td>2,856 / Assessor</td><td>Lot</td><td>.22 AC</td></tr>
<tr><td>Built</td><td>2012</td><td>Style</td><td>2-Story</td></tr>
<tr><td>Garage</td><td>3 Spaces</td><td>Assessor's #</td><td></td></tr>
<tr><td>HOA</td><td>$270 / Quarterly</td><td>Subdivision</td><td>Foothills Reserve</td></tr>
<tr><td>Last Sold</td><td>04/12/2025 $598,000</td><td>Community Pool</td><td>Yes</td></tr>
</table>
<p><b>Remarks</b><br>{esc(R3)}</p>
<p class="legal">This report excludes agent-only fields. Information is deemed reliable but is not guaranteed.</p>
</div>""")

# 4. A flyer: the price as a banner, the address under it, facts as bullets, agent phones below.
R4 = "Turnkey townhome steps from the greenbelt with a private courtyard and a two-car garage."
F4 = fields(listing_id="7552304", standard_status="Active", list_price=364900,
            **addr("1255", "N Arizona Ave", "Chandler", "85225", unit="1042"), **TOWN, bedrooms_total=3,
            bathrooms_full=2, bathrooms_half=1, living_area=1604, year_built=2008, garage_spaces=2, stories=2,
            association_yn=True, association_fee=245, association_fee_frequency="Monthly", public_remarks=R4)
P4 = page("Just Listed! 1255 N Arizona Ave #1042", f"""
<div class="banner">JUST LISTED &bull; $364,900</div>
<h1>1255 N Arizona Ave #1042<br>Chandler, AZ 85225</h1>
<ul class="bul">
<li>3 Bedrooms &bull; 2.5 Baths</li>
<li>1,604 Sq Ft (per assessor)</li>
<li>2-Story Townhouse &mdash; built 2008</li>
<li>2-Car Garage + guest parking</li>
<li>HOA $245/mo incl. water, trash &amp; community pool</li>
</ul>
<p>{esc(R4)}</p>
<div class="agent">Presented by Marisol Teague &middot; Cell 480-555-0142 &middot; Office 480-555-0100<br>
Sonoran Key Realty &middot; 2150 S Rural Rd, Tempe, AZ 85282</div>
<p class="fine">ARMLS #7552304 &middot; Information is deemed reliable but is not guaranteed.</p>""")

# 5. A showing sheet: codes and phone numbers that must not become data, few facts.
F5 = fields(listing_id="7552305", standard_status="Active Under Contract", list_price=415000,
            **addr("4420", "W Cielo Grande", "Glendale", "85310"), **SFR, bedrooms_total=3, bathrooms_full=2,
            bathrooms_half=0, living_area=1688)
P5 = page("Showing Sheet 7552305", """
<h2>Showing Instructions &mdash; ML# 7552305</h2>
<table class="sh">
<tr><td>Address</td><td>4420 W Cielo Grande, Glendale, AZ 85310</td></tr>
<tr><td>Status</td><td>UCB (accepting backups)</td></tr>
<tr><td>List Price</td><td>$415,000</td></tr>
<tr><td>Dwelling Type</td><td>Single Family - Detached</td></tr>
<tr><td>Bd / Ba</td><td>3 / 2</td></tr>
<tr><td>Approx SqFt</td><td>1,688</td></tr>
<tr><td>Occupancy</td><td>Tenant &mdash; 24 hr notice, call Dorian Pike 623-555-0176</td></tr>
<tr><td>Lockbox</td><td>Supra iBox on front hose bib, serial 31987654</td></tr>
<tr><td>Gate Code</td><td>#4420</td></tr>
<tr><td>Alarm</td><td>Disarm 1995 then OFF</td></tr>
<tr><td>Pets</td><td>2 dogs in side yard</td></tr>
<tr><td>List Agent</td><td>Fenwick Holloway, cell 602-555-0199</td></tr>
<tr><td>Co-List</td><td>Anneliese Brandt, 602-555-0148</td></tr>
<tr><td>Appointment</td><td>ShowingTime 1-800-555-0112, 30 min windows, 9 AM - 7 PM</td></tr>
</table>
<p>Do not let the cat out. Leave card on counter. Information is deemed reliable but is not guaranteed.</p>""")

# 6. A side-by-side CMA: labels down the first column, subject in the first value column.
R6 = "Single-level home on a cul-de-sac with a heated pool, a 2023 HVAC and a north-facing yard."
F6 = fields(listing_id="7552306", parcel_number="21930117", standard_status="Active", list_price=579000,
            **addr("10428", "E Fanfol Ln", "Scottsdale", "85258"), bedrooms_total=3, bathrooms_full=2,
            bathrooms_half=0, living_area=1906, **lot_from_sqft(8712), year_built=1984, garage_spaces=2, stories=1,
            pool_private_yn=True, association_yn=False, subdivision_name="McCormick Ranch Unit 9",
            public_remarks=R6)
CMA = [("ML #", "7552306", "7550911", "7551302", "7551766"),
       ("Status", "Active", "Closed", "Closed", "Pending"),
       ("Address", "10428 E Fanfol Ln", "10502 E Fanfol Ln", "8630 E Via De Viva", "10212 E Cinnabar Ave"),
       ("List Price", "$579,000", "$599,000", "$565,000", "$589,900"),
       ("Sold Price", "", "$590,000", "$556,000", ""),
       ("Beds", "3", "4", "3", "3"),
       ("Baths", "2", "2.5", "2", "2"),
       ("Sq Ft", "1,906", "2,212", "1,880", "1,951"),
       ("Lot Sq Ft", "8,712", "9,104", "8,001", "8,650"),
       ("Year Built", "1984", "1983", "1986", "1985"),
       ("Garage", "2", "2", "2", "3"),
       ("Stories", "1", "1", "1", "2"),
       ("Pool", "Private", "Private", "None", "Private"),
       ("HOA", "No", "No", "Yes", "No"),
       ("APN", "219-30-117", "219-30-102", "174-58-221", "219-28-405"),
       ("Subdivision", "McCormick Ranch Unit 9", "McCormick Ranch Unit 9", "Via De Viva", "McCormick Ranch 7")]
P6 = page("CMA Side-by-Side 10428 E Fanfol Ln, Scottsdale, AZ 85258", "<h1>Comparative Market Analysis</h1>"
          "<p>Subject: 10428 E Fanfol Ln, Scottsdale, AZ 85258 &middot; Prepared for Odalys &amp; Trent Vickery</p>"
          "<table class='sbs'><tr><th></th><th>Subject</th><th>Comp 1</th><th>Comp 2</th><th>Comp 3</th></tr>"
          + "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in CMA)
          + f"</table><p><b>Subject remarks:</b> {esc(R6)}</p>"
          "<p>Adjusted value range $571,000 - $588,000. Information is deemed reliable but is not guaranteed.</p>")

# 7. A condo "Agent Full" in one column of `label: value` cells with a second HOA and a monthly total.
R7 = "Top-floor unit with mountain views, an updated kitchen and one covered parking space."
F7 = fields(listing_id="7552307", standard_status="Active Under Contract", list_price=289000,
            **addr("5104", "N 32nd St", "Phoenix", "85018", unit="331"), **CONDO, bedrooms_total=2,
            bathrooms_full=2, bathrooms_half=0, living_area=1048, year_built=1996, garage_spaces=0, stories=1,
            pool_private_yn=False, association_yn=True, association_fee=315,
            association_fee_frequency="Monthly", subdivision_name="Camelback Park Condominiums",
            public_remarks=R7)
P7 = page("Agent Full 7552307", HEAD + "<h2>5104 N 32nd St #331, Phoenix, AZ 85018</h2>" + _cells([
    [("ML #", "7552307"), ("Status", "CCBS"), ("LP", "$289,000"), ("Orig LP", "$299,500")],
    [("Dwelling Type", "Apartment Style/Flat"), ("Unit Style", "Single Level"), ("# Bdrms", "2"), ("# Bths", "2")],
    [("Approx SQFT", "1,048 / Owner"), ("Year Built", "1996"), ("Garage Spaces", "0"), ("Carport Spaces", "1")],
    [("Pvt Pool Y/N", "N"), ("Comm Pool Y/N", "Y"), ("HOA Y/N", "Y"), ("HOA Fee", "$315")],
    [("HOA Paid (Freq)", "Monthly"), ("HOA 2 Y/N", "Y"), ("HOA 2 Fee", "$150"), ("HOA 2 Paid (Freq)", "Annually")],
    [("Ttl Mthly Fee Equiv", "$327.50"), ("Land Lease Fee Y/N", "N"), ("Subdivision", "Camelback Park Condominiums"),
     ("Cross Street", "32nd St & Camelback")],
    [("Taxes/Yr", "$1,288"), ("Tax Yr", "2025"), ("Unit Level", "3"), ("# of Units in Complex", "144")],
]) + f"<p><b>Public Remarks:</b> {esc(R7)}</p>"
    "<p><b>Private Remarks:</b> Seller prefers a 45-day close; unit 329 next door also listing soon near $275,000.</p>"
    + _foot(1, 1))

# 8. A fixed-width three-column print with a repeated page header and footer and a page break mid-list.
R8 = "Mountain-view lot in a gated community, with a casita, a paver drive and a sport court."
F8 = fields(listing_id="7552308", parcel_number="21612044B", standard_status="Pending", list_price=1185000,
            **addr("13320", "N 98th Pl", "Scottsdale", "85260"), **SFR, bedrooms_total=5, bathrooms_full=4,
            bathrooms_half=1, living_area=3912, **lot_from_acres(0.91), year_built=1999, garage_spaces=4, stories=1,
            pool_private_yn=True, association_yn=True, association_fee=1140, association_fee_frequency="Annually",
            subdivision_name="Pinnacle Estates", public_remarks=R8)
PH = "AGENT FULL  ARMLS                                    Printed: 11/26/2026  Page {n} of 2\n"
PF = "Information is deemed reliable but is not guaranteed.  Quentin Farraday 480-555-0131\n\n"
P8 = page("Agent Full 7552308", "<pre>" + PH.format(n=1) + f"""
ML#: 7552308           Status: P              LP: $1,185,000
Orig LP: $1,249,000    SP:                    CDOM: 62
Address: 13320 N 98th Pl, Scottsdale, AZ 85260
Dwell Type: SF-Det     Beds: 5                Baths: 4.5
Apx SqFt: 3,912/Asr    Lot Acres: .91 AC      Yr Blt: 1999
Gar Spcs: 4            Ext Strs: 1            Pvt Pool: Y
HOA Y/N: Y             HOA Fee: $1,140        HOA Paid: Annually
Subdiv: Pinnacle Estates                      Assessor's #: 216-12-044B
Legal Desc: LOT 12 PINNACLE ESTATES MCR 402-17
""" + PF + PH.format(n=2) + f"""
Taxes/Yr: $7,940       Tax Yr: 2025           Builder Name: Custom
Community Features: Gated Community; Tennis Court(s)
PUB RMKS: {esc(R8)}
""" + PF + "</pre>")


def build() -> None:
    """Write the `broker_print_3` pages and their labels into the classes landing zone."""
    for name, data, f, pii in (("mls_7552301.html", P1, F1, []), ("mls_7552302.html", P2, F2, []),
                               ("mls_7552303.html", P3, F3, []), ("mls_7552304.html", P4, F4, []),
                               ("mls_7552305.html", P5, F5, []),
                               ("mls_7552306.html", P6, F6, ["Odalys & Trent Vickery"]),
                               ("mls_7552307.html", P7, F7, []), ("mls_7552308.html", P8, F8, [])):
        write("phoenix_mls", name, data, "broker_print_3", f, pii=pii)
