"""Loss class `prose_blocks` (issue 14): listing pages with several long prose blocks, day 2026-11-26.

Run through `build_classes.py` (`build_extra_classes` calls `build()`); names `mls_75517xx.html`.

The description sits under an unusual heading ("What makes this home special", "Home highlights",
"Property description", "The story", "Overview") or under none, next to other long paragraphs: a
neighborhood blurb naming a master-planned community and other streets, an agent bio (longer than
the description), a school / commute paragraph, a long legal disclaimer, a mortgage-calculator
paragraph with a monthly payment, a "Similar homes" list with other addresses and prices; one
description names another address and another price. `public_remarks` is the description exactly
as written.

Address rule. The address is stated only in unusual places: a breadcrumb ("Home › AZ › Phoenix ›
85016 › 2231 E Pinchot Ave"), the <title>, a map link ("Get directions to ..."), a heading in
spelled-out words ("2231 East Pinchot Avenue"). The contract keeps `street_name` "as written in the
source"; when a page writes the street in two forms, the label keeps the form the page states as
the listing's address of record - the breadcrumb / title / map link, i.e. the form an MLS address
field holds (`E Pinchot Ave`) - and the spelled-out heading is a display variant of it, not a
second address. A page that wrote only the spelled-out form would keep that form.

Subdivision rule. The label is what a Maricopa MLS "Subdivision" field holds: the recorded
subdivision (plat) name. "Subdivision: X" and "Community: X" state it; "Master plan: Y" names the
master-planned community the plat belongs to and "Neighborhood: Z" a marketing area: neither is
the subdivision. A neighborhood blurb naming a community in prose states no subdivision.

All people, agents and phone numbers are fictitious; the addresses are plausible Maricopa ones.
"""

from __future__ import annotations

from build_classes import esc, page, write
from build_samples import CONDO, SFR, TOWN, addr, fields, lot_from_acres, lot_from_sqft

BIO = ("Dana Whitcombe has helped West Valley families buy and sell homes for more than eighteen years. "
       "A former middle-school teacher, she is known for patient, plain-spoken advice, detailed market "
       "reports and a calendar that always seems to have room for one more showing. When she is not "
       "walking clients through inspections you will find her coaching youth soccer or hiking the White "
       "Tank Mountains with her two rescue dogs. Call or text any time at 623-555-0148.")

DISCLAIMER = ("Listing information is provided by the Arizona Regional Multiple Listing Service and is "
              "deemed reliable but is not guaranteed. Square footage, lot size, school boundaries and "
              "association details are approximate and should be independently verified by the buyer. "
              "The data relating to real estate for sale on this website comes in part from the Internet "
              "Data Exchange program; listings held by brokerage firms other than this site's owner are "
              "marked with the IDX logo. This information is for consumers' personal, non-commercial use "
              "and may not be used for any purpose other than to identify prospective properties.")

# ------------------------------------------------------------------ page 1
# "What makes this home special"; a Verrado blurb naming other streets; a long agent bio;
# the address only in the breadcrumb and the <title>; "Master plan" beside "Subdivision".
R1 = ("Corner-lot single level with an extended covered patio, a kitchen island that seats six and "
      "a split floor plan. Owned solar and a three-car tandem garage.")
F1 = fields(listing_id="7551701", parcel_number="50258114", standard_status="Active", list_price=539000,
            **addr("20718", "W Hillcrest Blvd", "Buckeye", "85396"), **SFR, bedrooms_total=4,
            bathrooms_full=2, bathrooms_half=1, living_area=2264, **lot_from_sqft(8050), year_built=2017,
            garage_spaces=3, stories=1, pool_private_yn=False, association_yn=True, association_fee=128.0,
            association_fee_frequency="Monthly", subdivision_name="Verrado Highlands Parcel 3",
            public_remarks=R1)
P1 = page("20718 W Hillcrest Blvd, Buckeye, AZ 85396 | MLS 7551701", f"""
<nav class="crumbs">Home › AZ › Buckeye › 85396 › 20718 W Hillcrest Blvd</nav>
<section class="price"><span>$539,000</span> <span class="badge">Active</span></section>
<h2>What makes this home special</h2>
<p>{esc(R1)}</p>
<h2>About the area</h2>
<p>Verrado is a master-planned community in the foothills of the White Tank Mountains with its own
Main Street, a golf club, and miles of trails. From Hillcrest Boulevard it is a short walk to the
Verrado Way shops, and Interstate 10 is five minutes south via Jackrabbit Trail and Sundance Parkway.</p>
<h2>Facts</h2>
<ul class="facts">
<li>MLS #: 7551701</li><li>Bedrooms: 4</li><li>Bathrooms: 2.5</li><li>Living area: 2,264 sq ft</li>
<li>Lot: 8,050 sq ft</li><li>Year built: 2017</li><li>Garage: 3 spaces</li><li>Stories: 1</li>
<li>Private pool: No</li><li>HOA: $128/month</li><li>Property type: Single Family Residence</li>
<li>Master plan: Verrado</li><li>Subdivision: Verrado Highlands Parcel 3</li><li>APN: 502-58-114</li>
</ul>
<h2>Meet your agent</h2>
<p>{esc(BIO)}</p>""")

# ------------------------------------------------------------------ page 2
# "Home highlights"; the street spelled out in the heading, abbreviated in the breadcrumb and the
# map link; a school / commute paragraph; a mortgage-calculator paragraph; "Neighborhood" beside
# "Community".
R2 = ("Updated 1950s brick ranch on a tree-lined block: original oak floors, a new kitchen with quartz "
      "counters, a diving pool and a detached studio that works as an office or guest room.")
F2 = fields(listing_id="7551702", parcel_number="16315027", standard_status="Active", list_price=749900,
            **addr("2231", "E Pinchot Ave", "Phoenix", "85016"), **SFR, bedrooms_total=3,
            bathrooms_full=2, bathrooms_half=0, living_area=1868, **lot_from_acres(0.22), year_built=1954,
            garage_spaces=None, stories=1, pool_private_yn=True, association_yn=False,
            subdivision_name="Pinchot Place", public_remarks=R2)
P2 = page("2231 E Pinchot Ave, Phoenix, AZ 85016 - Valley Homes", f"""
<nav class="crumbs"><a href="/">Home</a> › <a href="/az">AZ</a> › <a href="/az/phoenix">Phoenix</a> ›
<a href="/az/phoenix/85016">85016</a> › 2231 E Pinchot Ave</nav>
<h1>2231 East Pinchot Avenue</h1>
<p class="price">$749,900 · Active · MLS 7551702</p>
<h2>Home highlights</h2>
<p>{esc(R2)}</p>
<table class="facts">
<tr><th>Beds</th><td>3</td><th>Baths</th><td>2</td></tr>
<tr><th>Interior</th><td>1,868 sq ft</td><th>Lot</th><td>0.22 acres</td></tr>
<tr><th>Built</th><td>1954</td><th>Stories</th><td>1</td></tr>
<tr><th>Pool</th><td>Private</td><th>HOA</th><td>None</td></tr>
<tr><th>Type</th><td>Single Family Residence</td><th>Parcel</th><td>163-15-027</td></tr>
<tr><th>Neighborhood</th><td>Camelback East</td><th>Community</th><td>Pinchot Place</td></tr>
</table>
<h2>Schools &amp; commute</h2>
<p>Assigned schools are Madison Simis Elementary and Madison Park Middle, both within a mile. Sky
Harbor is about fifteen minutes away and the light rail stop at Campbell Avenue and Central is a
ten-minute drive down 24th Street; downtown offices are roughly twenty minutes at rush hour.</p>
<h2>Monthly payment</h2>
<p>Estimated payment $4,118/mo: principal and interest at 6.25% for 30 years with 20% down
($149,980), plus estimated taxes of $214/mo and insurance of $160/mo. Rates change daily.</p>
<p><a class="map" href="https://maps.example.com/?q=2231+E+Pinchot+Ave">Get directions to 2231 E Pinchot Ave, Phoenix, AZ 85016</a></p>""")

# ------------------------------------------------------------------ page 3
# No heading over the description; a long legal disclaimer; a "Similar homes" list; the address
# only in the <title> and the map link; "Community" beside "Master plan".
R3 = ("Two-story townhome backing to the greenbelt: vaulted living room, a loft that could be a third "
      "bedroom, a two-car garage and a private courtyard. Community pool across the path.")
F3 = fields(listing_id="7551703", parcel_number="30415266", standard_status="Active", list_price=389000,
            **addr("4618", "E Stacey Rd", "Gilbert", "85298"), **TOWN, bedrooms_total=2,
            bathrooms_full=2, bathrooms_half=1, living_area=1542, **lot_from_sqft(2310), year_built=2006,
            garage_spaces=2, stories=2, pool_private_yn=False, association_yn=True, association_fee=215.0,
            association_fee_frequency="Monthly", subdivision_name="Seville Parcel 18", public_remarks=R3)
P3 = page("4618 E Stacey Rd, Gilbert, AZ 85298 - Townhouse for sale", f"""
<div class="hero"><span class="price">$389,000</span> <span>For sale · Active</span></div>
<p>{esc(R3)}</p>
<dl class="facts">
<dt>MLS#</dt><dd>7551703</dd><dt>Beds</dt><dd>2</dd><dt>Baths</dt><dd>2.5</dd>
<dt>Living</dt><dd>1,542 sq ft</dd><dt>Lot</dt><dd>2,310 sq ft</dd><dt>Year built</dt><dd>2006</dd>
<dt>Garage</dt><dd>2</dd><dt>Levels</dt><dd>2</dd><dt>Private pool</dt><dd>No</dd>
<dt>HOA fee</dt><dd>$215 monthly</dd><dt>Type</dt><dd>Townhouse</dd><dt>Tax parcel</dt><dd>304-15-266</dd>
<dt>Master plan</dt><dd>Seville</dd><dt>Community</dt><dd>Seville Parcel 18</dd>
</dl>
<h3>Similar homes</h3>
<ul class="similar">
<li>4702 E Stacey Rd, Gilbert · $402,500 · 3 bd · 2.5 ba · 1,690 sq ft</li>
<li>3981 E Sourwood Dr, Gilbert · $374,000 · 2 bd · 2 ba · 1,388 sq ft</li>
<li>4455 E Marlene Dr, Gilbert · $419,900 · 3 bd · 3 ba · 1,812 sq ft</li>
</ul>
<p class="legal">{esc(DISCLAIMER)}</p>
<p><a href="https://maps.example.com/?q=4618+E+Stacey+Rd">Get directions to 4618 E Stacey Rd, Gilbert, AZ 85298</a></p>""")

# ------------------------------------------------------------------ page 4
# "Property description" whose paragraph names another address and another price; an agent bio;
# a mortgage-calculator paragraph; a facts table with "Subdivision".
R4 = ("Priced well below the $615,000 model at 4410 E Rancho Dr, this remodeled four-bedroom has a "
      "new roof, dual-pane windows, a resurfaced pool and RV gate. Seller will consider a credit.")
F4 = fields(listing_id="7551704", parcel_number="16902145", standard_status="Active", list_price=574500,
            **addr("4427", "E Rancho Dr", "Phoenix", "85018"), **SFR, bedrooms_total=4, bathrooms_full=2,
            bathrooms_half=0, living_area=1976, **lot_from_sqft(9148), year_built=1972, garage_spaces=2,
            stories=1, pool_private_yn=True, association_yn=False, subdivision_name="Rancho Ventura",
            public_remarks=R4)
P4 = page("MLS 7551704 - 4427 E Rancho Dr", f"""
<h1>4427 E Rancho Dr, Phoenix, AZ 85018</h1>
<p class="status">Active · List price $574,500</p>
<h2>Property description</h2>
<p>{esc(R4)}</p>
<h2>Details</h2>
<table>
<tr><td>MLS #</td><td>7551704</td></tr><tr><td>Bedrooms</td><td>4</td></tr><tr><td>Bathrooms</td><td>2</td></tr>
<tr><td>Square feet</td><td>1,976</td></tr><tr><td>Lot size</td><td>9,148 sq ft</td></tr>
<tr><td>Year built</td><td>1972</td></tr><tr><td>Garage spaces</td><td>2</td></tr><tr><td>Stories</td><td>1</td></tr>
<tr><td>Pool</td><td>Private</td></tr><tr><td>HOA</td><td>No</td></tr>
<tr><td>Dwelling type</td><td>Single Family Residence</td></tr><tr><td>Subdivision</td><td>Rancho Ventura</td></tr>
<tr><td>APN</td><td>169-02-145</td></tr>
</table>
<h2>Estimate your payment</h2>
<p>At today's average rate of 6.4% on a 30-year fixed loan with 10% down ($57,450), the estimated
monthly payment is $3,234 for principal and interest. Add property taxes, insurance and any
association dues for the full picture; your lender can give you an exact figure.</p>
<h2>Listing agent</h2>
<p>{esc(BIO)}</p>""")

# ------------------------------------------------------------------ page 5
# "The story"; an Eastmark blurb with other streets; the street spelled out in the heading and
# abbreviated in the breadcrumb; "Master plan" and "Neighborhood" beside "Community".
R5 = ("Built in 2020 and barely lived in, this two-story home opens to a great room with a sliding "
      "glass wall, an upstairs loft and a low-care yard with turf.")
F5 = fields(listing_id="7551705", parcel_number="31290672", standard_status="Active", list_price=512000,
            **addr("10237", "E Tesla Ave", "Mesa", "85212"), **SFR, bedrooms_total=3, bathrooms_full=2,
            bathrooms_half=1, living_area=2105, **lot_from_sqft(5175), year_built=2020, garage_spaces=2,
            stories=2, pool_private_yn=False, association_yn=True, association_fee=115.0,
            association_fee_frequency="Monthly", subdivision_name="Eastmark Development Unit 5-3",
            public_remarks=R5)
P5 = page("10237 E Tesla Ave, Mesa, AZ 85212", f"""
<nav class="crumbs">Home › AZ › Mesa › 85212 › 10237 E Tesla Ave</nav>
<h1>10237 East Tesla Avenue</h1>
<div class="key"><span>$512,000</span> <span>Active</span> <span>MLS 7551705</span></div>
<h2>The story</h2>
<p>{esc(R5)}</p>
<h2>Life at Eastmark</h2>
<p>Eastmark is a master-planned community in southeast Mesa built around the Great Park, with a
community center, splash pads and a calendar of food-truck nights. Residents reach the Loop 202 in
minutes via Ray Road and Ellsworth Road, and the shops on Point Twenty-Two Boulevard are close by.</p>
<ul class="facts">
<li>Bedrooms: 3</li><li>Bathrooms: 2.5</li><li>Living area: 2,105 sq ft</li><li>Lot: 5,175 sq ft</li>
<li>Year built: 2020</li><li>Garage: 2 cars</li><li>Stories: 2</li><li>Private pool: None</li>
<li>HOA: $115 per month</li><li>Type: Single Family Residence</li><li>APN: 312-90-672</li>
<li>Master plan: Eastmark</li><li>Neighborhood: Great Park</li>
<li>Community: Eastmark Development Unit 5-3</li>
</ul>
<h2>About your agent</h2>
<p>{esc(BIO)}</p>""")

# ------------------------------------------------------------------ page 6
# "Overview" for a condo; a school / commute paragraph, "Similar homes", the disclaimer; the address
# only in the <title> and the map link; "Neighborhood" beside "Community".
R6 = ("Top-floor corner condo with mountain views, an updated bath and in-unit laundry. One assigned "
      "covered parking space; heated community pool and fitness room.")
F6 = fields(listing_id="7551706", parcel_number="16427518", standard_status="Active", list_price=259000,
            **addr("4105", "N 20th St", "Phoenix", "85016", unit="214"), **CONDO, bedrooms_total=1,
            bathrooms_full=1, bathrooms_half=0, living_area=742, year_built=1984, garage_spaces=None,
            stories=1, pool_private_yn=False, association_yn=True, association_fee=295.0,
            association_fee_frequency="Monthly", subdivision_name="Biltmore Shadows Condominium",
            public_remarks=R6)
P6 = page("4105 N 20th St Unit 214, Phoenix, AZ 85016 | Condo for sale", f"""
<div class="hero"><b>$259,000</b> · Active · MLS# 7551706</div>
<h2>Overview</h2>
<p>{esc(R6)}</p>
<dl>
<dt>Beds</dt><dd>1</dd><dt>Baths</dt><dd>1</dd><dt>Size</dt><dd>742 sq ft</dd><dt>Built</dt><dd>1984</dd>
<dt>Parking</dt><dd>1 assigned covered space</dd><dt>Levels</dt><dd>1</dd><dt>Private pool</dt><dd>No</dd>
<dt>HOA</dt><dd>$295/mo</dd><dt>Type</dt><dd>Condominium</dd><dt>APN</dt><dd>164-27-518</dd>
<dt>Neighborhood</dt><dd>Biltmore</dd><dt>Community</dt><dd>Biltmore Shadows Condominium</dd>
</dl>
<h2>Schools and getting around</h2>
<p>The building is zoned for Biltmore Preparatory Academy and Camelback High School. Biltmore Fashion
Park is a fifteen-minute walk up 24th Street, the Camelback Road bus stops at the corner, and the
Loop 51 on-ramp at Highland Avenue is under two miles away.</p>
<h3>Similar homes</h3>
<ul>
<li>2201 E Highland Ave #118 · $245,000 · 1 bd · 1 ba · 701 sq ft</li>
<li>4020 N 22nd St #207 · $279,900 · 2 bd · 1 ba · 880 sq ft</li>
</ul>
<p class="legal">{esc(DISCLAIMER)}</p>
<p><a href="https://maps.example.com/?q=4105+N+20th+St+214">Get directions to 4105 N 20th St Unit 214, Phoenix, AZ 85016</a></p>""")


PAGES = [
    ("mls_7551701.html", P1, F1), ("mls_7551702.html", P2, F2), ("mls_7551703.html", P3, F3),
    ("mls_7551704.html", P4, F4), ("mls_7551705.html", P5, F5), ("mls_7551706.html", P6, F6),
]


def build() -> None:
    for name, data, f in PAGES:
        write("phoenix_mls", name, data, "prose_blocks", f)
