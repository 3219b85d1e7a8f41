"""Loss classes of listing pages read as other views of one listing (issue 14), day 2026-11-26.

Run through `build_classes.py` (`build_extra_classes` calls `build()`); names `mls_7551xxx.html`.

- `text_view`: a reader / text-only / accessible "plain" view. Facts as `Label - value`,
  `Label — value`, `Label = value`, `Label … value` and dot-leader lines, or a definition list
  flattened into label and value lines; labels in lower case; values before their labels ("4
  bedrooms", "2,130 square feet of living space"); a price history with older prices and a
  "nearby sales" list with other homes' prices and sizes.
- `single_home_site`: a one-property marketing site: a hero with the price ("Offered at
  $689,000"), gallery captions, a "The Home" section in prose ("three bedrooms and two and a half
  baths", "just over 2,400 square feet", "on a third of an acre"), a neighborhood section with
  other numbers (school ratings, miles, dues), the agent's contact block, the MLS number only in
  the footer ("MLS® 7551621").
- `bilingual_metric`: English / Spanish labels side by side (`Bedrooms / Recámaras`), areas in
  square metres (`168 m²`, `142 m2`, `205 mts²`, `0.08 ha`), sometimes with the square feet
  beside them, decimal commas (`2,5`). The label holds square feet (and acres), converted and
  rounded as `build_samples.lot_from_sqft` does: 1 m² = 10.7639104 sq ft, 1 ha = 10,000 m².

All people, agents and phone numbers are fictitious; the addresses are plausible Maricopa ones.
"""

from __future__ import annotations

from build_classes import esc, page, write
from build_samples import CONDO, PATIO, SFR, TOWN, addr, fields, lot_from_acres, lot_from_sqft

SQFT_PER_M2 = 10.7639104


def sqft_of_m2(m2: float) -> int:
    """Square metres as whole square feet (the contract's living area and lot are in sq ft)."""
    return round(m2 * SQFT_PER_M2)


# ------------------------------------------------------------------ class: text_view
# A reader view: "label - value" lines in lower case, some values before their labels, a price
# history (older prices) and a list of nearby sales (other prices and sizes).
R1 = ("Mid-century ranch on a quiet street with terrazzo floors, a wood-burning fireplace and a "
      "refinished pool. The carport was converted to a two-car garage in 2019.")
F1 = fields(listing_id="7551611", parcel_number="12431077", standard_status="Active", list_price=468000,
            **addr("2815", "N 52nd Pl", "Phoenix", "85008"), **SFR, bedrooms_total=4, bathrooms_full=2,
            bathrooms_half=0, living_area=2130, **lot_from_acres(0.19), year_built=1962, garage_spaces=2,
            stories=1, pool_private_yn=True, association_yn=False, subdivision_name="Arcadia Lite",
            public_remarks=R1)
P1 = page("Reader view - 2815 N 52nd Pl, Phoenix, AZ 85008", f"""
<article class="reader">
<h1>2815 N 52nd Pl, Phoenix, AZ 85008</h1>
<p class="byline">Text-only version of this listing. <a href="?view=full">Switch to the full page</a></p>
<p>mls number - 7551611</p>
<p>status - Active</p>
<p>asking price - $468,000</p>
<p>4 bedrooms</p>
<p>bathrooms - 2</p>
<p>2,130 square feet of living space</p>
<p>lot size - 0.19 acres</p>
<p>year built - 1962</p>
<p>garage - 2 spaces</p>
<p>stories - 1</p>
<p>private pool - yes</p>
<p>hoa - none</p>
<p>property type - Single Family Residence</p>
<p>subdivision - Arcadia Lite</p>
<p>assessor parcel - 124-31-077</p>
<h2>Description</h2>
<p>{esc(R1)}</p>
<h2>Price history</h2>
<table>
<tr><td>11/02/2026</td><td>Listed</td><td>$489,000</td></tr>
<tr><td>11/19/2026</td><td>Price change</td><td>$468,000</td></tr>
<tr><td>05/30/2014</td><td>Sold</td><td>$231,500</td></tr>
</table>
<h2>Nearby sales</h2>
<ul>
<li>2907 N 52nd Pl - sold $455,000 - 3 bd, 2 ba, 1,880 sq ft</li>
<li>2744 N 51st St - sold $512,000 - 4 bd, 3 ba, 2,415 sq ft</li>
</ul>
</article>""")

# A text-only page of em dashes, equals signs and dot leaders, a definition list flattened into
# label and value lines, and a sales history under a heading of its own.
R2 = ("End-unit townhome facing the greenbelt with a two-car garage, a loft and an upstairs laundry. "
      "The community pool is across the walk.")
F2 = fields(listing_id="7551612", standard_status="Pending", list_price=372500,
            **addr("1255", "N Arizona Ave", "Chandler", "85225", unit="18"), **TOWN, bedrooms_total=3,
            bathrooms_full=2, bathrooms_half=1, living_area=1684, **lot_from_sqft(2614), year_built=2006,
            garage_spaces=2, stories=2, association_yn=True, association_fee=64,
            association_fee_frequency="Monthly", subdivision_name="Paseo Trails", public_remarks=R2)
P2 = page("1255 N Arizona Ave Unit 18, Chandler, AZ 85225 (text only)", f"""
<div id="plain">
<h1>1255 N Arizona Ave Unit 18, Chandler, AZ 85225</h1>
<p>Price — $372,500</p>
<p>Status — Pending</p>
<p>MLS # — 7551612</p>
<p>Beds = 3</p>
<p>Baths = 2.5</p>
<p>Interior .......... 1,684 sq. ft.</p>
<p>Lot .......... 2,614 sq ft</p>
<p>Built .......... 2006</p>
<div class="dl">
<p>Garage spaces</p><p>2</p>
<p>Levels</p><p>2</p>
<p>HOA dues</p><p>$64 / month</p>
<p>Community</p><p>Paseo Trails</p>
<p>Home type</p><p>Townhouse</p>
</div>
<h2>Remarks</h2>
<p>{esc(R2)}</p>
<h2>Sales history</h2>
<p>03/14/2006 — sold — $214,900</p>
<p>08/22/2016 — sold — $259,000</p>
<h2>Nearby</h2>
<p>1261 N Arizona Ave #22 — $365,000 — 3 beds — 1,690 sq ft</p>
<p>1249 N Arizona Ave #9 — $349,900 — 2 beds — 1,402 sq ft</p>
</div>""")

# An accessible plain view in <pre>: "Label … value" lines, values before their labels, lower case.
R3 = ("Ground-floor condo with a patio on the courtyard, new vinyl plank floors and a covered "
      "parking space. Walk to the light rail and the university.")
F3 = fields(listing_id="7551613", parcel_number="13229118", standard_status="Active", list_price=254900,
            **addr("1707", "E Lemon St", "Tempe", "85281", unit="104"), **CONDO, bedrooms_total=2,
            bathrooms_full=1, bathrooms_half=1, living_area=1046, year_built=1984, stories=1,
            pool_private_yn=False, association_yn=True, association_fee=285,
            association_fee_frequency="Monthly", public_remarks=R3)
P3 = page("Accessible listing: 1707 E Lemon St #104, Tempe", f"""
<h1>1707 E Lemon St #104, Tempe, AZ 85281</h1>
<pre>
price … $254,900
status … active
listing number … 7551613
type … condominium
2 bedrooms
1 full bath, 1 half bath
1,046 square feet of living space
built … 1984
levels … 1
private pool … no
hoa fee … $285 per month
tax id … 132-29-118
</pre>
<h2>About this home</h2>
<p>{esc(R3)}</p>
<h2>Listing history</h2>
<pre>
2019-06-03  sold        $178,000
2026-10-28  listed      $264,900
2026-11-20  reduced     $254,900
</pre>
<h2>What sold around here</h2>
<pre>
1711 E Lemon St #212   $241,000   2 bd   980 sq ft
1650 E Apache Blvd #7  $289,500   3 bd   1,210 sq ft
</pre>""")


# ------------------------------------------------------------------ class: single_home_site
# One property's own website: no labels, the facts in the prose of "The Home", the price in the
# hero, the MLS number only in the footer, an agent block and a neighborhood full of other numbers.
R4 = ("This single-family home offers three bedrooms and two and a half baths in just over 2,400 "
      "square feet, on a third of an acre. Built in 2004, it has a two-car garage, a single-level floor "
      "plan and a sparkling pool behind a private wall.")
F4 = fields(listing_id="7551621", standard_status="Active", list_price=689000,
            **addr("7124", "E Sunnyvale Rd", "Scottsdale", "85251"), **SFR, bedrooms_total=3, bathrooms_full=2,
            bathrooms_half=1, living_area=2400, **lot_from_acres(0.3333), year_built=2004, garage_spaces=2,
            stories=1, pool_private_yn=True, association_yn=True, association_fee=85,
            association_fee_frequency="Monthly", public_remarks=R4)
P4 = page("7124 Sunnyvale | A Scottsdale Home", f"""
<section class="hero">
<p class="badge">Just Listed</p>
<h1>7124 E Sunnyvale Rd</h1>
<p class="place">Scottsdale, AZ 85251</p>
<p class="banner">Offered at $689,000</p>
<a class="cta" href="#contact">Schedule a private tour</a>
</section>
<section class="gallery">
<figure><img src="g1.jpg" alt=""><figcaption>Great room with vaulted ceilings</figcaption></figure>
<figure><img src="g2.jpg" alt=""><figcaption>Chef's kitchen with a six-burner range</figcaption></figure>
<figure><img src="g3.jpg" alt=""><figcaption>Backyard and sparkling pool at dusk</figcaption></figure>
</section>
<section id="home"><h2>The Home</h2><p>{esc(R4)}</p></section>
<section id="neighborhood"><h2>Neighborhood</h2>
<ul>
<li>Hopi Elementary, rated 9 out of 10, 0.6 miles away</li>
<li>Old Town Scottsdale, 2.3 miles</li>
<li>Indian Bend Wash greenbelt, 0.4 miles</li>
</ul>
<p>The neighborhood association keeps up the common areas; HOA dues are $85 per month.</p>
</section>
<section id="contact"><h2>Contact</h2>
<p>Marisol Quintero-Hale, REALTOR®<br>Saguaro Crest Realty<br>(480) 555-0142<br>marisol@saguarocrest.example</p>
</section>
<footer class="site"><p>MLS® 7551621 · Equal Housing Opportunity</p></footer>""")

R5 = ("Perched above the wash, this modern single-family home has four bedrooms and three full baths "
      "across approximately 3,150 square feet on 0.42 acres. Constructed in 2017, the two-story plan "
      "opens to a covered terrace, and a three-car garage holds the toys. There is no HOA.")
F5 = fields(listing_id="7551622", standard_status="Coming Soon", list_price=1150000,
            **addr("10821", "N 118th Way", "Scottsdale", "85259"), **SFR, bedrooms_total=4, bathrooms_full=3,
            bathrooms_half=0, living_area=3150, **lot_from_acres(0.42), year_built=2017, garage_spaces=3,
            stories=2, association_yn=False, public_remarks=R5)
P5 = page("10821 N 118th Way", f"""
<div class="hero">
<span class="ribbon">Coming Soon</span>
<h1>10821 N 118th Way, Scottsdale, AZ 85259</h1>
<h2 class="price">Priced at $1,150,000</h2>
</div>
<nav><a href="#story">The Home</a> <a href="#photos">Photos</a> <a href="#area">The Area</a> <a href="#agent">Agent</a></nav>
<section id="photos">
<figure><img src="a.jpg" alt=""><figcaption>Twelve-foot sliders to the terrace</figcaption></figure>
<figure><img src="b.jpg" alt=""><figcaption>Primary suite with a view of the McDowells</figcaption></figure>
</section>
<section id="story"><h2>The Home</h2><p>{esc(R5)}</p></section>
<section id="area"><h2>The Area</h2>
<p>Laurel Ridge Middle School (rated 8/10) is 1.1 miles away, the trailhead 0.8 miles.</p>
<p>Club membership at the nearby golf course is optional, from $150 per month.</p>
</section>
<section id="agent"><h2>Your Agent</h2>
<p>Devin Ashcroft-Mbeki · Highdesert Partners · 480-555-0199</p>
</section>
<footer><small>© 2026 Highdesert Partners. MLS® 7551622.</small></footer>""")

R6 = ("A single-level patio home with two bedrooms and two baths in 1,260 square feet, built in 1998. "
      "There is a one-car garage, and while there is no private pool, the community pool is a short "
      "walk away. Association fees are $210 per month and include the front yard.")
F6 = fields(listing_id="7551623", standard_status="Active Under Contract", list_price=349500,
            **addr("15410", "W Roanoke Ave", "Goodyear", "85395"), **PATIO, bedrooms_total=2,
            bathrooms_full=2, bathrooms_half=0, living_area=1260, year_built=1998, garage_spaces=1,
            stories=1, pool_private_yn=False, association_yn=True, association_fee=210,
            association_fee_frequency="Monthly", public_remarks=R6)
P6 = page("Welcome to 15410 W Roanoke Ave", f"""
<header class="hero">
<h1>Welcome home to 15410 W Roanoke Ave</h1>
<p>Goodyear, AZ 85395</p>
<p class="banner"><span>Offered at</span> <strong>$349,500</strong></p>
<p class="flag">Under Contract</p>
</header>
<section><h2>Photo Tour</h2>
<ul><li>Front courtyard with desert landscaping</li><li>Kitchen with quartz counters</li><li>Covered patio</li></ul>
</section>
<section><h2>The Home</h2><p>{esc(R6)}</p></section>
<section><h2>Neighborhood</h2>
<p>Palm Valley shops 1.5 miles · Estrella Mountain park 6 miles · schools rated 7/10 and 8/10.</p>
</section>
<section class="agent"><h2>Presented by</h2>
<p>Ruth Okonkwo-Silva<br>Crossroads Home Realty<br>623-555-0117</p>
</section>
<footer>Listing courtesy of Crossroads Home Realty. MLS® 7551623. Information deemed reliable but not guaranteed.</footer>""")


# ------------------------------------------------------------------ class: bilingual_metric
# English / Spanish labels side by side, areas in square metres (with or without square feet
# beside them), a decimal comma in the bath count.
R7 = ("Casa de una planta con patio techado y jardín. Single-level home with a covered patio and a "
      "landscaped yard, close to schools and the freeway.")
F7 = fields(listing_id="7551631", parcel_number="50228417", standard_status="Active", list_price=395000,
            **addr("8631", "W Cambridge Ave", "Phoenix", "85037"), **SFR, bedrooms_total=3, bathrooms_full=2,
            bathrooms_half=1, living_area=1808, **lot_from_sqft(sqft_of_m2(743)), year_built=2008,
            garage_spaces=2, stories=1, association_yn=True, association_fee=48,
            association_fee_frequency="Monthly", public_remarks=R7)
P7 = page("8631 W Cambridge Ave, Phoenix, AZ 85037", f"""
<h1>8631 W Cambridge Ave, Phoenix, AZ 85037</h1>
<table class="bilingue">
<tr><th>MLS # / Número MLS</th><td>7551631</td></tr>
<tr><th>Status / Estado</th><td>Active / Activo</td></tr>
<tr><th>Price / Precio</th><td>$395,000</td></tr>
<tr><th>Type / Tipo</th><td>Single Family / Casa unifamiliar</td></tr>
<tr><th>Bedrooms / Recámaras</th><td>3</td></tr>
<tr><th>Bathrooms / Baños</th><td>2,5</td></tr>
<tr><th>Living area / Superficie construida</th><td>168 m² (1,808 sq ft)</td></tr>
<tr><th>Lot / Terreno</th><td>743 m²</td></tr>
<tr><th>Year built / Año de construcción</th><td>2008</td></tr>
<tr><th>Garage / Cochera</th><td>2 autos</td></tr>
<tr><th>Stories / Plantas</th><td>1</td></tr>
<tr><th>HOA / Cuota HOA</th><td>$48 mensual</td></tr>
<tr><th>APN / Clave catastral</th><td>502-28-417</td></tr>
</table>
<h2>Description / Descripción</h2><p>{esc(R7)}</p>""", lang="es")

R8 = ("Casa remodelada con cocina nueva, alberca privada y paneles solares. Remodeled home with a new "
      "kitchen, a private pool and owned solar panels.")
F8 = fields(listing_id="7551632", standard_status="Pending", list_price=329900,
            **addr("4519", "N 83rd Dr", "Phoenix", "85033"), **SFR, bedrooms_total=4, bathrooms_full=2,
            bathrooms_half=1, living_area=sqft_of_m2(142), **lot_from_sqft(sqft_of_m2(800)), year_built=1979,
            garage_spaces=1, stories=1, pool_private_yn=True, association_yn=False, public_remarks=R8)
P8 = page("Casa en venta / Home for sale - 4519 N 83rd Dr", f"""
<h1>4519 N 83rd Dr, Phoenix, AZ 85033</h1>
<ul class="ficha">
<li>Número MLS / MLS number: 7551632</li>
<li>Estado / Status: Pendiente</li>
<li>Precio / Price: $329,900</li>
<li>Tipo de propiedad / Property type: Casa unifamiliar</li>
<li>Recámaras / Bedrooms: 4</li>
<li>Baños / Baths: 2 completos, 1 medio</li>
<li>Superficie construida / Living area: 142 m2</li>
<li>Terreno / Lot: 0.08 ha</li>
<li>Año de construcción / Year built: 1979</li>
<li>Garaje / Garage: 1 auto</li>
<li>Niveles / Levels: 1</li>
<li>Alberca / Pool: Privada</li>
<li>HOA: No</li>
</ul>
<h2>Descripción / Description</h2><p>{esc(R8)}</p>""", lang="es")

R9 = ("Casa de dos plantas en esquina con vista a la montaña. Two-story corner home with mountain "
      "views, a three-car garage and a community park across the street.")
F9 = fields(listing_id="7551633", standard_status="Active", list_price=574000,
            **addr("3408", "E Brookwood Ct", "Phoenix", "85048"), **SFR, bedrooms_total=4, bathrooms_full=3,
            bathrooms_half=1, living_area=sqft_of_m2(205), **lot_from_sqft(sqft_of_m2(650.5)), year_built=1995,
            garage_spaces=3, stories=2, association_yn=True, association_fee=95, association_fee_frequency="Quarterly",
            subdivision_name="Mountain Park Ranch", public_remarks=R9)
P9 = page("3408 E Brookwood Ct, Phoenix, AZ 85048", f"""
<h1>3408 E Brookwood Ct, Phoenix, AZ 85048</h1>
<p class="sub">Activo · Active · MLS 7551633</p>
<dl class="datos">
<div><dt>Precio · Price</dt><dd>US$ 574,000</dd></div>
<div><dt>Recámaras · Bedrooms</dt><dd>4</dd></div>
<div><dt>Baños · Baths</dt><dd>3,5</dd></div>
<div><dt>Área habitable · Living area</dt><dd>205 mts²</dd></div>
<div><dt>Lote · Lot</dt><dd>650,5 m²</dd></div>
<div><dt>Año · Year built</dt><dd>1995</dd></div>
<div><dt>Cochera · Garage</dt><dd>3 autos</dd></div>
<div><dt>Niveles · Stories</dt><dd>2</dd></div>
<div><dt>Cuota HOA · HOA fee</dt><dd>$95 trimestral / quarterly</dd></div>
<div><dt>Fraccionamiento · Subdivision</dt><dd>Mountain Park Ranch</dd></div>
<div><dt>Tipo · Type</dt><dd>Casa unifamiliar · Single Family</dd></div>
</dl>
<h2>Descripción · Description</h2><p>{esc(R9)}</p>""", lang="es")


PAGES = [
    ("mls_7551611.html", P1, "text_view", F1), ("mls_7551612.html", P2, "text_view", F2),
    ("mls_7551613.html", P3, "text_view", F3),
    ("mls_7551621.html", P4, "single_home_site", F4), ("mls_7551622.html", P5, "single_home_site", F5),
    ("mls_7551623.html", P6, "single_home_site", F6),
    ("mls_7551631.html", P7, "bilingual_metric", F7), ("mls_7551632.html", P8, "bilingual_metric", F8),
    ("mls_7551633.html", P9, "bilingual_metric", F9),
]


def build() -> None:
    for name, data, layout, f in PAGES:
        write("phoenix_mls", name, data, layout, f)
