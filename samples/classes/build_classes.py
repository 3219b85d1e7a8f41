#!/usr/bin/env python3
"""Build the loss-class tuning set: pages in layout classes the other tuning sets lack.

    python samples/classes/build_classes.py

Writes samples/classes/landing/<source>/2026-11-26/<name> and
samples/classes/expected/<source>/2026-11-26/<name>.json (label path = landing path + `.json`,
same label format and normalization rules as samples/README.md). Idempotent.

This is a TUNING set (rules may be written against it), one or two pages per class of page the
extractors used to lose (issue 14): labels only in `aria-label` / `title` / `data-label`
attributes, mobile stat rows (value and a short label in separate blocks), Spanish-language
labels, remarks-only listings (facts only in prose), dense print sheets (many "Label: value"
pairs on one line), and assessor records inside a `{"data": ...}` / `{"result": ...}` envelope
with camelCase keys and a split situs address. All people are fictitious.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from build_samples import CONDO, LAND, MFG, PATIO, SFR, TOWN, addr, fields, lot_from_acres, lot_from_sqft  # noqa: E402

LANDING = ROOT / "landing"
EXPECTED = ROOT / "expected"
DAY = "2026-11-26"


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def write(source: str, name: str, data: bytes, layout: str, f: dict, pii=()) -> None:
    path = LANDING / source / DAY / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    lab = EXPECTED / source / DAY / (name + ".json")
    lab.parent.mkdir(parents=True, exist_ok=True)
    label = {"layout": layout, "disposition": "valid", "reason_hint": None, "pii": list(pii), "fields": f}
    lab.write_text(json.dumps(label, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def page(title: str, body: str, lang: str = "en") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            '<style>.sr{position:absolute;left:-9999px}</style></head><body>'
            '<header><a href="/">Valley Homes</a></header>'
            f'<main>{body}</main><footer><p>Information deemed reliable but not guaranteed.</p></footer>'
            '</body></html>').encode()


# ------------------------------------------------------------------ class 1: aria_attr
R1 = ("Sunlit single-level home on a corner lot with mature citrus, an updated kitchen and a "
      "covered patio facing the pool. Walk to the greenbelt and neighborhood school.")
F1 = fields(listing_id="7550101", parcel_number="17122305", standard_status="Active", list_price=612500,
            **addr("4418", "E Palo Verde Dr", "Phoenix", "85018"), **SFR, bedrooms_total=4,
            bathrooms_full=2, bathrooms_half=1, living_area=2140, **lot_from_acres(0.21), year_built=1987,
            garage_spaces=2, stories=1, pool_private_yn=True, association_yn=True, association_fee=85,
            association_fee_frequency="Monthly", subdivision_name="Arcadia Vista", public_remarks=R1)
P1 = page("4418 E Palo Verde Dr, Phoenix, AZ 85018", f"""
<h1 aria-label="Property address">4418 E Palo Verde Dr, Phoenix, AZ 85018</h1>
<p><span class="chip" aria-label="Listing status">Active</span> <span class="id" aria-label="MLS number">7550101</span></p>
<p class="price" aria-label="List price">$612,500</p>
<ul class="facts">
<li><span class="v" aria-label="Bedrooms">4</span></li>
<li><span class="v" aria-label="Full bathrooms">2</span></li>
<li><span class="v" title="Half bathrooms">1</span></li>
<li><span class="v" aria-label="Living area in square feet">2,140</span></li>
<li><span class="v" aria-label="Lot size in acres">0.21</span></li>
<li><span class="v" title="Year built">1987</span></li>
<li><span class="v" data-label="Garage spaces">2</span></li>
<li><span class="v" aria-label="Stories">1</span></li>
<li><span class="v" aria-label="HOA fee per month">$85</span></li>
<li><span class="v" aria-label="Property type">Single Family Residence</span></li>
<li><img src="/i/pool.svg" alt="Private pool"></li>
<li><span class="v" aria-label="Assessor parcel number">171-22-305</span></li>
<li><span class="v" aria-label="Subdivision">Arcadia Vista</span></li>
</ul>
<section class="remarks"><h2>About this home</h2><p>{esc(R1)}</p></section>""")

R2 = ("Lock-and-leave condo on the second floor with a split floor plan, new flooring and a "
      "private balcony over the courtyard. Community pool and fitness room.")
F2 = fields(listing_id="7550117", parcel_number="13218044", standard_status="Pending", list_price=289900,
            **addr("2250", "W Glendale Ave", "Phoenix", "85021", unit="217"), **CONDO, bedrooms_total=2,
            bathrooms_full=2, bathrooms_half=0, living_area=1080, year_built=2006, garage_spaces=None,
            stories=1, pool_private_yn=False, association_yn=True, association_fee=310,
            association_fee_frequency="Monthly", public_remarks=R2)
P2 = page("2250 W Glendale Ave Unit 217, Phoenix, AZ 85021", f"""
<h1>2250 W Glendale Ave Unit 217, Phoenix, AZ 85021</h1>
<div class="row"><span aria-label="Status">Pending</span> <span title="MLS #">7550117</span></div>
<div class="price" data-label="Price">$289,900</div>
<div class="grid">
<div class="cell" aria-label="2 bedrooms"><i class="icon icon-bed"></i><b>2</b></div>
<div class="cell" aria-label="2 full bathrooms"><i class="icon icon-bath"></i><b>2</b></div>
<div class="cell"><i class="icon icon-half" aria-label="Half baths"></i><b>0</b></div>
<div class="cell"><i class="icon icon-area" title="Interior square feet"></i><b>1,080</b></div>
<div class="cell"><i class="icon icon-cal" aria-label="Year built"></i><b>2006</b></div>
<div class="cell"><i class="icon icon-floor" aria-label="Levels"></i><b>1</b></div>
<div class="cell"><i class="icon icon-hoa" aria-label="Monthly HOA dues"></i><b>$310</b></div>
<div class="cell"><i class="icon icon-home" aria-label="Home type"></i><b>Condominium</b></div>
<div class="cell"><i class="icon icon-tax" aria-label="Tax ID"></i><b>132-18-044</b></div>
<div class="cell"><img src="/i/nopool.svg" alt="No private pool"></div>
</div>
<section class="remarks"><h2>Description</h2><p>{esc(R2)}</p></section>""")

# ------------------------------------------------------------------ class 2: stat_rows
R3 = ("Two-story home with a loft, a three-car garage and a north-south exposure. The "
      "backyard has turf, a built-in grill and room for a pool.")
F3 = fields(listing_id="7550203", parcel_number="31315277", standard_status="Active", list_price=534000,
            **addr("3391", "S Joshua Tree Ln", "Gilbert", "85297"), **SFR, bedrooms_total=5,
            bathrooms_full=3, bathrooms_half=0, living_area=2796, **lot_from_sqft(8120), year_built=2011,
            garage_spaces=3, stories=2, association_yn=True, association_fee=92,
            association_fee_frequency="Monthly", public_remarks=R3)
P3 = page("3391 S Joshua Tree Ln, Gilbert, AZ 85297 - MLS 7550203", f"""
<h1 class="addr">3391 S Joshua Tree Ln</h1><div class="sub">Gilbert, AZ 85297</div>
<div class="top"><div class="big-price">$534,000</div><span class="badge">Active</span></div>
<div class="stats">
<div class="stat"><div class="n">5</div><div class="u">bd</div></div>
<div class="stat"><div class="n">3</div><div class="u">ba</div></div>
<div class="stat"><div class="n">2,796</div><div class="u">sqft</div></div>
<div class="stat"><div class="n">8,120</div><div class="u">sqft lot</div></div>
</div>
<div class="stats2">
<div class="s"><span class="n">2011</span><span class="u">built</span></div>
<div class="s"><span class="n">3</span><span class="u">car garage</span></div>
<div class="s"><span class="n">2</span><span class="u">stories</span></div>
<div class="s"><span class="n">$92/mo</span><span class="u">HOA</span></div>
</div>
<div class="kv"><div class="k">Type</div><div class="v">Single Family Residence</div></div>
<div class="kv"><div class="k">MLS #</div><div class="v">7550203</div></div>
<div class="kv"><div class="k">APN</div><div class="v">313-15-277</div></div>
<section class="remarks"><h2>Overview</h2><p>{esc(R3)}</p></section>""")

R4 = ("Move-in ready townhome near the light rail with an attached garage, a private patio "
      "and a community pool steps away.")
F4 = fields(listing_id="7550219", standard_status="Active Under Contract", list_price=365000,
            **addr("1730", "E Broadway Rd", "Tempe", "85282", unit="104"), **TOWN, bedrooms_total=3,
            bathrooms_full=2, bathrooms_half=1, living_area=1512, year_built=2015, garage_spaces=2,
            stories=2, association_yn=True, association_fee=240, association_fee_frequency="Monthly",
            public_remarks=R4)
P4 = page("1730 E Broadway Rd #104, Tempe, AZ 85282", f"""
<h1>1730 E Broadway Rd #104, Tempe, AZ 85282</h1>
<p class="line"><span class="price">$365,000</span> · <span class="status">Under Contract</span> · MLS® 7550219</p>
<p class="statline">3 | bd &nbsp; 2.5 | ba &nbsp; 1,512 | sqft</p>
<ul class="quick">
<li><strong>2015</strong><br><small>Year built</small></li>
<li><strong>2</strong><br><small>Garage spaces</small></li>
<li><strong>2</strong><br><small>Levels</small></li>
<li><strong>$240/mo</strong><br><small>HOA dues</small></li>
<li><strong>Townhouse</strong><br><small>Property type</small></li>
</ul>
<section class="remarks"><h2>Description</h2><p>{esc(R4)}</p></section>""")

# ------------------------------------------------------------------ class 3: spanish
R5 = ("Hermosa casa de una planta con cocina remodelada, pisos de cerámica y patio con "
      "alberca privada. Cerca de escuelas y parques.")
F5 = fields(listing_id="7550305", parcel_number="10433921", standard_status="Active", list_price=418000,
            **addr("6127", "W Cactus Rd", "Glendale", "85304"), **SFR, bedrooms_total=3,
            bathrooms_full=2, bathrooms_half=1, living_area=1688, **lot_from_sqft(7410), year_built=1994,
            garage_spaces=2, stories=1, pool_private_yn=True, association_yn=True, association_fee=165,
            association_fee_frequency="Quarterly", subdivision_name="Desert Palms", public_remarks=R5)
P5 = page("6127 W Cactus Rd, Glendale, AZ 85304 - Casa en venta", f"""
<h1>6127 W Cactus Rd, Glendale, AZ 85304</h1>
<table class="datos">
<tr><th>Número MLS</th><td>7550305</td><th>Estado</th><td>Activo</td></tr>
<tr><th>Precio de lista</th><td>$418,000</td><th>Tipo de propiedad</th><td>Casa unifamiliar</td></tr>
<tr><th>Habitaciones</th><td>3</td><th>Baños completos</th><td>2</td></tr>
<tr><th>Medios baños</th><td>1</td><th>Superficie construida</th><td>1,688 pies²</td></tr>
<tr><th>Tamaño del lote</th><td>7,410 pies cuadrados</td><th>Año de construcción</th><td>1994</td></tr>
<tr><th>Garaje</th><td>2 autos</td><th>Plantas</th><td>1</td></tr>
<tr><th>Alberca</th><td>Privada</td><th>Cuota de HOA</th><td>$165 trimestral</td></tr>
<tr><th>Fraccionamiento</th><td>Desert Palms</td><th>Clave catastral (APN)</th><td>104-33-921</td></tr>
</table>
<h2>Descripción</h2><p>{esc(R5)}</p>""", lang="es")

R6 = ("Condominio recién pintado en planta baja, a pasos de la piscina comunitaria. Incluye "
      "un lugar de estacionamiento techado.")
F6 = fields(listing_id="7550311", standard_status="Closed", list_price=239000,
            **addr("8888", "N 47th Ave", "Glendale", "85302", unit="58"), **CONDO, bedrooms_total=2,
            bathrooms_full=1, bathrooms_half=0, living_area=934, year_built=1985, stories=1,
            association_yn=True, association_fee=260, association_fee_frequency="Monthly",
            public_remarks=R6)
P6 = page("8888 N 47th Ave Unidad 58, Glendale, AZ 85302", f"""
<h1>8888 N 47th Ave Unidad 58, Glendale, AZ 85302</h1>
<ul class="ficha">
<li>Número de MLS: 7550311</li>
<li>Estado: Vendida</li>
<li>Precio: $239,000</li>
<li>Tipo de propiedad: Condominio</li>
<li>Recámaras: 2</li>
<li>Baños: 1</li>
<li>Pies cuadrados: 934</li>
<li>Año construido: 1985</li>
<li>Estacionamiento: Cochera techada (carport), 1 lugar</li>
<li>Niveles: 1</li>
<li>Piscina: Comunitaria</li>
<li>Cuota de HOA mensual: $260</li>
</ul>
<h2>Descripción</h2><p>{esc(R6)}</p>""", lang="es")

# ------------------------------------------------------------------ class 4: remarks_only
R7 = ("Listed at $389,000, this single-family home has 3 bedrooms and 2 bathrooms in 1,540 square feet. "
      "Built in 1994 on a 0.16-acre lot, it is single-story with a two-car garage and a private pool. "
      "HOA dues are $55 per month. Similar homes nearby sold for $410,000, and it would rent for "
      "about $1,950/month.")
F7 = fields(listing_id="7550407", standard_status="Active", list_price=389000,
            **addr("1147", "W Isabella Ave", "Mesa", "85202"), **SFR, bedrooms_total=3, bathrooms_full=2,
            bathrooms_half=0, living_area=1540, **lot_from_acres(0.16), year_built=1994, garage_spaces=2,
            stories=1, pool_private_yn=True, association_yn=True, association_fee=55,
            association_fee_frequency="Monthly", public_remarks=R7)
P7 = page("1147 W Isabella Ave, Mesa, AZ 85202", f"""
<div class="hdr"><strong>1147 W Isabella Ave, Mesa, AZ 85202</strong> &middot; MLS# 7550407 &middot; Active</div>
<p class="blurb">{esc(R7)}</p>""")

R8 = ("Priced at $725,000! Spacious 5-bedroom, 3.5-bath two-story home with 3,120 sq ft of living "
      "space, built in 2005, sitting on an 11,250 sq ft lot with a 3-car garage. No HOA. The sellers "
      "paid $640,000 in 2019.")
F8 = fields(listing_id="7550413", standard_status="Pending", list_price=725000,
            **addr("9402", "E Thunderbird Rd", "Scottsdale", "85260"), **SFR, bedrooms_total=5,
            bathrooms_full=3, bathrooms_half=1, living_area=3120, **lot_from_sqft(11250), year_built=2005,
            garage_spaces=3, stories=2, association_yn=False, public_remarks=R8)
P8 = page("9402 E Thunderbird Rd, Scottsdale, AZ 85260", f"""
<p class="hdr">Pending &mdash; 9402 E Thunderbird Rd, Scottsdale, AZ 85260 (MLS #7550413)</p>
<p>{esc(R8)}</p>""")

# ------------------------------------------------------------------ class 5: dense_print
R9 = "Corner-lot home with owned solar, RV gate and a remodeled primary bath."
F9 = fields(listing_id="7550509", parcel_number="50271033", standard_status="Active", list_price=455000,
            **addr("20418", "N 37th Dr", "Glendale", "85308"), **SFR, bedrooms_total=4, bathrooms_full=2,
            bathrooms_half=1, living_area=2080, **lot_from_sqft(7405), year_built=2002, garage_spaces=3,
            stories=2, pool_private_yn=True, association_yn=True, association_fee=120,
            association_fee_frequency="Monthly", subdivision_name="Sunset Ridge", public_remarks=R9)
P9 = page("Client Full - MLS 7550509", f"""
<pre>
MLS#: 7550509   Status: Active   List Price: $455,000   APN: 502-71-033
Address: 20418 N 37th Dr, Glendale, AZ 85308
Type: Single Family Residence   Beds: 4   Baths: 2.5   SqFt: 2,080   Lot SqFt: 7,405
Year Built: 2002 | Stories: 2 | Garage: 3 | Pool: Private
HOA: Yes &bull; HOA Fee: $120 &bull; HOA Freq: Monthly &bull; Subdiv: Sunset Ridge
Public Remarks: {esc(R9)}
</pre>""")

R10 = "Horse property with a 4-stall barn and arena, no HOA."
F10 = fields(listing_id="7550516", standard_status="Closed", list_price=869000,
             **addr("31207", "N 150th St", "Scottsdale", "85262"), **SFR, bedrooms_total=3, bathrooms_full=3,
             bathrooms_half=0, living_area=2650, **lot_from_acres(2.5), year_built=1999, garage_spaces=2,
             stories=1, pool_private_yn=False, association_yn=False, public_remarks=R10)
P10 = page("Agent Print - MLS 7550516", f"""
<div class="sheet">
<p>ML #: 7550516 · Stat: Closed · List $: 869,000 · Sold $: 851,000</p>
<p>31207 N 150th St, Scottsdale, AZ 85262</p>
<p>Dwelling: Single Family Residence · Bedrooms: 3 · Full Baths: 3 · Half Baths: 0 · Living SqFt: 2,650</p>
<p>Lot Acres: 2.50 · Yr Built: 1999 · Gar Spaces: 2 · Levels: 1 · Pvt Pool: N · HOA: N</p>
<p>Remarks: {esc(R10)}</p>
</div>""")

# ------------------------------------------------------------------ class 6: assessor envelopes
A1 = {"data": {
    "parcel": {"parcelNumber": "304-11-822", "situsAddress": {"number": "2714", "direction": "E",
               "name": "Sierra Vista", "type": "Dr", "city": "PHOENIX", "zip": "85016"},
               "propertyType": "Residential", "subdivisionName": "BILTMORE ESTATES", "lotSize": "9,148"},
    "residentialDetails": {"livableSpace": "2,318", "constructionYear": 1978, "numberOfGarages": 2,
                           "pool": 410, "stories": 1},
    "valuations": [{"taxYear": 2025, "fullCashValue": "701,200", "limitedPropertyValue": "512,300"},
                   {"taxYear": 2026, "fullCashValue": "744,900", "limitedPropertyValue": "537,900"}],
    "owner": {"fullName": "Harriet Q Lindqvist", "mailingAddress": {"line1": "PO Box 4410"}}}}
FA1 = fields(parcel_number="30411822", **addr("2714", "E Sierra Vista Dr", "Phoenix", "85016"),
             property_type="Residential", living_area=2318, **lot_from_sqft(9148), year_built=1978,
             garage_spaces=2, stories=1, pool_private_yn=True, subdivision_name="BILTMORE ESTATES",
             full_cash_value=744900, limited_property_value=537900, tax_year=2026)
A2 = {"status": "ok", "result": {
    "ParcelInfo": {"Parcel Number": "217.40.119", "Property Address": "15820 N 61ST PL, SCOTTSDALE 85254",
                   "Subdivision Name": "PARADISE PARK VISTA", "Is Residential": "Y"},
    "ResidentialData": {"Living Area": "1,975", "Year Built": "1983", "Garages": "2", "Pool": "0"},
    "Valuation": {"Tax Year": "2026", "Full Cash Value": "$598,400", "Limited Property Value": "$455,100"},
    "Taxpayer": {"Name": "Oscar P Villanueva", "MailTo": "PO Box 77120, Tucson AZ"}}}
FA2 = fields(parcel_number="21740119", **addr("15820", "N 61st Pl", "Scottsdale", "85254"),
             property_type="Residential", living_area=1975, year_built=1983, garage_spaces=2,
             pool_private_yn=False, subdivision_name="PARADISE PARK VISTA", full_cash_value=598400,
             limited_property_value=455100, tax_year=2026)

R11 = ("Gated acre-lot ranch with mountain views, a resurfaced pool and a detached casita. "
       "Updated kitchen with quartz counters.")
F11 = fields(listing_id="7550622", parcel_number="16921044", standard_status="Active Under Contract", list_price=1512000,
             **addr("4510", "E Cactus Wren Rd", "Paradise Valley", "85253"), **SFR, bedrooms_total=4,
             bathrooms_full=3, bathrooms_half=1, living_area=2960, **lot_from_acres(0.92), year_built=1979,
             garage_spaces=3, stories=1, pool_private_yn=True, association_yn=True, association_fee=390,
             association_fee_frequency="Quarterly", subdivision_name="Camelback Estates", public_remarks=R11)
P11 = page("Client Print 7550622", f"""
<pre>
CLIENT PRINT                                   Printed 11/26/2026
ML#: 7550622                 Stat: UCB
List $: 1,512,000            Sold $:
Addr: 4510 E Cactus Wren Rd, Paradise Valley, AZ 85253
Type: SF-Det                 BR/BA: 4/3.5
Approx SF: 2,960             Lot Ac: 0.92
Yr Blt: 1979                 Stry: 1
Gar Spcs: 3                  Pvt Pool: Y
HOA: Y $390/Qtr              Subdiv: Camelback Estates
APN: 169-21-044
Stat legend: A=Active  UCB=Under Contract  C=Closed
PUBLIC RMKS: {esc(R11)}
PRIVATE RMKS (agent only): Lockbox on side gate; seller prefers a 30-day close at $1,490,000.
DIRECTIONS: Tatum south to Cactus Wren, east 3 blocks to home.
</pre>""")

R12 = ("Mid-century ranch on a quiet street with terrazzo floors, a wall of glass to the yard and "
       "a short walk to the greenbelt.")
F12 = fields(listing_id="7550633", standard_status="Active", list_price=449900,
             **addr("2231", "N 74th Pl", "Scottsdale", "85257"), bedrooms_total=3, bathrooms_full=2,
             bathrooms_half=0, living_area=1688, **lot_from_acres(0.19), year_built=1972, garage_spaces=2,
             association_yn=True, association_fee=150, association_fee_frequency="Quarterly", public_remarks=R12)
P12 = page("Price Reduced: 2231 N 74th Pl", f"""
<table class="mail"><tr><td>
<h2>Price Reduced! 2231 N 74th Pl, Scottsdale, AZ 85257</h2>
<p><b>Now $449,900</b> (was $465,000)</p>
<p>3bd/2ba &middot; 1,688 sf &middot; MLS #7550633</p>
<p>Built 1972 &middot; 2-car garage &middot; 0.19 ac lot</p>
<p>HOA $150 quarterly</p>
<p><b>From the listing agent:</b> {esc(R12)}</p>
<h3>Other matches for this search</h3>
<p>$439,000 &middot; 4bd/3ba &middot; 2,140 sf &mdash; 1702 N 70th St, Scottsdale</p>
<p>$475,500 &middot; 3bd/2ba &middot; 1,590 sf &mdash; 7420 E Osborn Rd, Scottsdale</p>
</td></tr></table>""")

R13 = "Level two-acre parcel with power at the lot line and views of the White Tanks. Horses allowed."
F13 = fields(listing_id="7550648", parcel_number="50344012", standard_status="Closed", list_price=189000,
             **addr("29510", "W Lone Mountain Rd", "Wittmann", "85361"), **LAND, **lot_from_acres(2.07),
             pool_private_yn=False, association_yn=False, public_remarks=R13)
P13 = page("Client Print 7550648", f"""
<table class="print">
<tr><td>ML#</td><td>7550648</td><td>Stat</td><td>C</td></tr>
<tr><td>List $</td><td>189,000</td><td>Sold $</td><td>176,500</td></tr>
<tr><td>Address</td><td>29510 W Lone Mountain Rd</td><td>City/Zip</td><td>Wittmann 85361</td></tr>
<tr><td>Type</td><td>Land</td><td>Lot Ac</td><td>2.07</td></tr>
<tr><td>Pvt Pool</td><td>N</td><td>HOA</td><td>N</td></tr>
<tr><td>APN</td><td>503-44-012</td><td>Zoning</td><td>RU-43</td></tr>
</table>
<p>Stat: A = Active, UCB = Under Contract, P = Pending, C = Closed</p>
<p>PUBLIC RMKS: {esc(R13)}</p>
<p>PRIVATE RMKS (agent only): Seller will carry at 7% with $40,000 down.</p>
<p>DIRECTIONS: Carefree Hwy west to 295th Ave, north 2 miles.</p>""")

A3 = {"data": {
    "parcelId": "501-33-207",
    "situs": {"streetNumber": "8124", "streetDirection": "W", "streetName": "CAMINO DEL RIO",
              "streetType": "", "city": "PEORIA", "zipCode": "85383-2210"},
    "residentialDetails": {"livableSqFt": "2,104", "yearBuilt": "1999", "garageStalls": 2, "poolArea": 0,
                           "lotSizeAcres": "0.31", "numberOfStories": "2"},
    "valuations": {"2026": {"fullCashValue": "$512,700", "limitedPropertyValue": "$388,000"},
                   "2025": {"fullCashValue": "$497,100", "limitedPropertyValue": "$369,600"}},
    "owner": {"fullName": "Ingrid M Castellanos", "mailing": {"line1": "77 Harbor View Rd"}}}}
FA3 = fields(parcel_number="50133207", **addr("8124", "W Camino Del Rio", "Peoria", "85383"),
             living_area=2104, **lot_from_acres(0.31), year_built=1999, garage_spaces=2, stories=2,
             pool_private_yn=False, full_cash_value=512700, limited_property_value=388000, tax_year=2026)

# Keys no table spells: read by the LLM from the "label present, no value read" lines.
A4 = {"result": [{"Parcel": {"APN": "214-09-331", "SitusAddress": "10228 N 64TH ST, PARADISE VALLEY, AZ 85253",
                             "PropertyType": "Residential"},
                  "ResidentialDetails": {"BldgHeatedSqFtTotal": "3,412", "GarageCarCount": 3, "Pool": 520},
                  "Valuations": [{"TaxYear": 2026, "FullCashValue": 1893000, "LimitedPropertyValue": 1411200}],
                  "Owner": {"Name": "Priya R Oyelaran"}}]}
FA4 = fields(parcel_number="21409331", **addr("10228", "N 64th St", "Paradise Valley", "85253"),
             property_type="Residential", living_area=3412, garage_spaces=3, pool_private_yn=True,
             full_cash_value=1893000, limited_property_value=1411200, tax_year=2026)


# ------------------------------------------------------------------ round 2 (new layouts of the same classes)
# class 7: mobile_app - an app's web view: facts as icon tiles whose accessible name states the fact
# ("Lot: 8,276 square feet" over "8,276 lot ft²"), tag pills, identifiers in one footer line, a
# "similar homes" rail of other prices; a sold app card with the sold price above the list price.
R14 = ("Light-filled patio home on a cul-de-sac with a two-story great room, shutters throughout and "
       "a low-care yard. Steps to the community pool.")
F14 = fields(listing_id="7550701", parcel_number="12733018", standard_status="Pending", list_price=515000,
             **addr("3306", "E Campbell Ave", "Phoenix", "85018"), **PATIO, bedrooms_total=4,
             bathrooms_full=2, bathrooms_half=1, living_area=2012, **lot_from_sqft(8276), year_built=1998,
             garage_spaces=2, stories=2, association_yn=True, association_fee=132,
             association_fee_frequency="Monthly", public_remarks=R14)
P14 = page("3306 E Campbell Ave, Phoenix, AZ 85018 - Nestly", f"""
<div class="hero"><span class="badge">Pending</span> <span class="amount">$515,000</span></div>
<h1>3306 E Campbell Ave, Phoenix, AZ 85018</h1>
<div class="facts" role="list">
<div role="listitem" aria-label="Bedrooms: 4"><i class="ic ic-bed"></i><span>4</span></div>
<div role="listitem" aria-label="Bathrooms: 2.5"><i class="ic ic-bath"></i><span>2.5</span></div>
<div role="listitem" aria-label="Living area: 2,012 square feet"><span>2,012</span> <abbr>ft²</abbr></div>
<div role="listitem" aria-label="Lot: 8,276 square feet"><span>8,276</span><small>lot ft²</small></div>
<div role="listitem" aria-label="Year built: 1998"><i class="ic ic-cal"></i><span>1998</span></div>
<div role="listitem" aria-label="Garage: 2 cars"><i class="ic ic-car"></i><span>2</span></div>
<div role="listitem" aria-label="Levels: 2"><i class="ic ic-stairs"></i><span>2</span></div>
</div>
<div class="pills"><span class="pill">Patio Home</span><span class="pill">Community pool</span><span class="pill">$132/mo HOA</span></div>
<section class="desc"><h2>Description</h2><p>{esc(R14)}</p></section>
<section class="rail"><h3>Similar homes</h3>
<div class="card"><span>$499,000</span><span>4 bd</span><span>2 ba</span><span>1,980 sqft</span></div>
<div class="card"><span>$542,500</span><span>3 bd</span><span>2.5 ba</span><span>2,230 sqft</span></div>
</section>
<p class="ids">MLS 7550701 &middot; APN 127-33-018 &middot; Updated 2 hours ago</p>""")

R15 = ("Well-kept manufactured home in an all-ages park with a carport, storage shed and covered "
       "porch. Space rent includes water and trash.")
F15 = fields(listing_id="7550702", standard_status="Closed", list_price=109900,
             **addr("2401", "W Southern Ave", "Tempe", "85282", unit="41"), **MFG, bedrooms_total=2,
             bathrooms_full=2, bathrooms_half=0, living_area=1056, year_built=1995, stories=1,
             pool_private_yn=False, public_remarks=R15)
P15 = page("2401 W Southern Ave Space 41 | Nestly", f"""
<div class="status"><span class="dot"></span> Sold</div>
<div class="amounts">
<div class="amount"><small>Sold price</small><strong>$104,500</strong></div>
<div class="amount"><small>List price</small><strong>$109,900</strong></div>
</div>
<h1>2401 W Southern Ave Space 41, Tempe, AZ 85282</h1>
<ul class="tiles">
<li aria-label="2 beds"><b>2</b><span class="u">bd</span></li>
<li aria-label="2 baths"><b>2</b><span class="u">ba</span></li>
<li aria-label="1,056 square feet"><b>1,056</b><span class="u">sq ft</span></li>
<li aria-label="Built in 1995"><b>1995</b></li>
<li aria-label="1 story"><b>1</b><span class="u">story</span></li>
<li aria-label="2 carport spaces"><b>2</b><span class="u">carport</span></li>
</ul>
<div class="tags"><span class="tag">Manufactured Home</span><span class="tag">No pool</span><span class="tag">55+ not required</span></div>
<section class="about"><h2>About</h2><p>{esc(R15)}</p></section>
<p class="mls">MLS&reg; #7550702</p>""")

# class 8: email_alert - a plain-text alert kept as text, and an HTML "back on the market" mail whose
# stat table puts each value over its caption.
R16 = ("Split floor plan with a den, an updated kitchen open to the family room and a sparkling "
       "pool with a travertine deck.")
F16 = fields(listing_id="7550703", standard_status="Active", list_price=544000,
             **addr("2755", "E Bellerive Dr", "Chandler", "85249"), **SFR, bedrooms_total=4, bathrooms_full=3,
             bathrooms_half=0, living_area=2366, **lot_from_sqft(7150), year_built=2004, garage_spaces=3,
             pool_private_yn=True, association_yn=True, association_fee=89, association_fee_frequency="Monthly",
             public_remarks=R16)
P16 = page("New listing: 2755 E Bellerive Dr", f"""
<pre>
Subject: New listing for your search "Chandler 3+ beds"

NEW LISTING   $544,000
2755 E Bellerive Dr, Chandler, AZ 85249
4 beds | 3 baths | 2,366 sq ft | 7,150 sq ft lot
Built 2004 | 3-car garage | Pool: Private
HOA: $89/month
Single Family | MLS #7550703 | Active

"{esc(R16)}"

View listing: https://valleyhomes.example/l/7550703

More homes for you
$529,000 | 4 beds | 2 baths | 2,101 sq ft | 2630 E Bellerive Pl, Chandler
$560,000 | 5 beds | 3 baths | 2,744 sq ft | 2801 E Mead Dr, Chandler

You receive this e-mail because you saved a search. Unsubscribe.
</pre>""")

R17 = ("Top-floor end unit with vaulted ceilings, a new HVAC and a balcony over the courtyard. "
       "One covered parking space.")
F17 = fields(listing_id="7550704", standard_status="Active", list_price=215000,
             **addr("1720", "W Glendale Ave", "Phoenix", "85021", unit="118"), **CONDO, bedrooms_total=2,
             bathrooms_full=2, bathrooms_half=0, living_area=1104, year_built=1984, association_yn=True,
             association_fee=265, association_fee_frequency="Monthly", public_remarks=R17)
P17 = page("Back on the market: 1720 W Glendale Ave #118", f"""
<table class="mail" width="600"><tr><td>
<h1>Back on the market</h1>
<p style="font-size:24px"><b>$215,000</b></p>
<p>1720 W Glendale Ave #118<br>Phoenix, AZ 85021</p>
<table class="stats"><tr><td>2</td><td>2</td><td>1,104</td><td>1984</td></tr>
<tr><td>Beds</td><td>Baths</td><td>Sq Ft</td><td>Built</td></tr></table>
<p>Condo &middot; HOA $265/mo &middot; MLS # 7550704</p>
<p>{esc(R17)}</p>
<p><a href="https://valleyhomes.example/l/7550704">See all photos</a></p>
<h3>Recently sold near you</h3>
<p>1714 W Glendale Ave #204 &mdash; sold for $198,000 &mdash; 2 bd, 1 ba</p>
</td></tr></table>""")

# class 9: broker_print - a six-column agent report table (label, value, label, value, ...) with
# ARMLS codes and traps (original price, price per square foot, taxes); a fixed-width <pre> report
# without colons.
R18 = "Single-level ranch on a cul-de-sac with a north-south exposure, a diving pool and an RV gate."
F18 = fields(listing_id="7550705", parcel_number="21744109", standard_status="Active", list_price=624900,
             **addr("11026", "E Sahuaro Dr", "Scottsdale", "85259"), **SFR, bedrooms_total=4,
             bathrooms_full=2, bathrooms_half=1, living_area=2245, **lot_from_sqft(10418), year_built=1986,
             garage_spaces=2, stories=1, pool_private_yn=True, association_yn=True, association_fee=45,
             association_fee_frequency="Monthly", subdivision_name="Sahuaro Ranch", public_remarks=R18)
P18 = page("Agent Full Report - 7550705", f"""
<table class="rpt">
<tr><td class="l">MLS #</td><td>7550705</td><td class="l">Status</td><td>A</td><td class="l">LP</td><td>$624,900</td></tr>
<tr><td class="l">Orig LP</td><td>$649,900</td><td class="l">Price/SqFt</td><td>$278.35</td><td class="l">DOM</td><td>23</td></tr>
<tr><td class="l">Address</td><td>11026 E Sahuaro Dr</td><td class="l">City</td><td>Scottsdale</td><td class="l">Zip</td><td>85259</td></tr>
<tr><td class="l">Subdivision</td><td>Sahuaro Ranch</td><td class="l">Dwelling Type</td><td>SF-Det</td><td class="l">Tax Parcel #</td><td>217-44-109</td></tr>
<tr><td class="l">Bedrooms</td><td>4</td><td class="l">Bath(s) Full</td><td>2</td><td class="l">Bath(s) Half</td><td>1</td></tr>
<tr><td class="l">Approx SqFt</td><td>2,245 / Assessor</td><td class="l">Lot SqFt</td><td>10,418</td><td class="l">Yr Built</td><td>1986</td></tr>
<tr><td class="l">Garage Spaces</td><td>2</td><td class="l">Carport Spaces</td><td>0</td><td class="l">Exterior Stories</td><td>1</td></tr>
<tr><td class="l">Pool</td><td>Private</td><td class="l">HOA Y/N</td><td>Y</td><td class="l">HOA Fee</td><td>$45.00</td></tr>
<tr><td class="l">HOA Paid (Freq)</td><td>Monthly</td><td class="l">Taxes/Yr</td><td>$2,911</td><td class="l">Tax Year</td><td>2025</td></tr>
</table>
<p><b>Public Remarks:</b> {esc(R18)}</p>
<p><b>Directions:</b> Via Linda south of Shea, east on Sahuaro.</p>
<p class="fine">Listing office: Desert Crest Realty. Information deemed reliable but not guaranteed.</p>""")

R19 = "Ground-floor unit steps from the pool with tile throughout and a private patio."
F19 = fields(listing_id="7550706", standard_status="Active Under Contract", list_price=299000,
             **addr("4632", "N 12th St", "Phoenix", "85014", unit="7"), **CONDO, bedrooms_total=2,
             bathrooms_full=2, bathrooms_half=0, living_area=1006, year_built=1985, garage_spaces=0,
             stories=1, association_yn=True, association_fee=310, association_fee_frequency="Monthly",
             public_remarks=R19)
P19 = page("MLS 7550706 Agent Single Line", f"""
<pre>
MLS#      7550706         STATUS    UCB
ADDRESS   4632 N 12TH ST UNIT 7, PHOENIX AZ 85014
LIST      $299,000        ORIG LIST $315,000
TYPE      APARTMENT STYLE/FLAT
BEDS      2               BATHS     2
SQFT      1,006           YR BUILT  1985
GARAGE    0               CARPORT   1
STORIES   1               POOL      COMMUNITY
HOA FEE   $310            HOA FREQ  MONTHLY
REMARKS   {esc(R19)}
</pre>""")

# class 10: remarks_only - facts in sentences among sentences about the community and other homes.
R20 = ("Welcome to 6148 W Pinnacle Vista Dr! Offered at $474,500, this 4 bed, 3 bath home has 2,231 sq ft "
       "on a 6,900 sq ft lot. Constructed in 2016, the two-story plan adds a loft and a 2-car garage. "
       "The community pool and splash pad are two blocks away; there is no private pool. HOA fees are "
       "$96 a month. Nearby homes have sold for $500,000 or more.")
F20 = fields(listing_id="7550707", standard_status="Active", list_price=474500,
             **addr("6148", "W Pinnacle Vista Dr", "Phoenix", "85083"), bedrooms_total=4,
             bathrooms_full=3, bathrooms_half=0, living_area=2231, **lot_from_sqft(6900), year_built=2016,
             garage_spaces=2, stories=2, pool_private_yn=False, association_yn=True, association_fee=96,
             association_fee_frequency="Monthly", public_remarks=R20)
P20 = page("6148 W Pinnacle Vista Dr, Phoenix, AZ 85083", f"""
<p class="crumb">Home &rsaquo; Phoenix &rsaquo; 85083 &rsaquo; MLS 7550707</p>
<h1>6148 W Pinnacle Vista Dr, Phoenix, AZ 85083</h1>
<p class="chip">For sale</p>
<div class="copy"><p>{esc(R20)}</p></div>""")

R21 = ("Unit 2047 at The Palms is a 1-bedroom, 1-bath condo of 758 square feet on the second floor of a "
       "3-story building built in 1999. The HOA fee of $220 per month covers water, trash and the "
       "community pool. Listed for $219,000, it has one assigned covered space. A 2-bedroom unit "
       "downstairs is also available at $259,000.")
F21 = fields(listing_id="7550708", standard_status="Active", list_price=219000,
             **addr("7350", "N Via Paseo Del Sur", "Scottsdale", "85258", unit="2047"), **CONDO,
             bedrooms_total=1, bathrooms_full=1, bathrooms_half=0, living_area=758, year_built=1999,
             association_yn=True, association_fee=220, association_fee_frequency="Monthly",
             subdivision_name="The Palms", public_remarks=R21)
P21 = page("7350 N Via Paseo Del Sur #2047, Scottsdale, AZ 85258", f"""
<h1>7350 N Via Paseo Del Sur #2047, Scottsdale, AZ 85258</h1>
<p>Active &middot; MLS #7550708</p>
<article><p>{esc(R21)}</p></article>""")


# round 3: more alert, print-sheet and prose layouts
R22 = "Updated single-level home with a new roof in 2023, a covered patio and a north-facing backyard."
F22 = fields(listing_id="7550711", standard_status="Active", list_price=399000,
             **addr("1514", "E Marconi Ave", "Phoenix", "85022"), **SFR, bedrooms_total=3, bathrooms_full=2,
             bathrooms_half=0, living_area=1420, year_built=1979, stories=1, public_remarks=R22)
P22 = page("Price drop: 1514 E Marconi Ave", f"""
<table class="wrap" width="600"><tr>
<td width="200"><img src="https://img.example/7550711.jpg" alt="1514 E Marconi Ave"></td>
<td><p style="font-size:20px"><a href="https://valleyhomes.example/l/7550711">$399,000</a> <s>$415,000</s></p>
<p>3 Beds, 2 Baths, 1,420 Sq. Ft.</p>
<p><a href="https://valleyhomes.example/l/7550711">1514 E Marconi Ave Phoenix AZ 85022</a></p>
<p>Single Family &middot; Built 1979 &middot; MLS 7550711</p>
<p>{esc(R22)}</p>
</td></tr></table>
<p style="font-size:11px">You are receiving price-drop alerts for saved homes. Manage alerts.</p>""")

R23 = "Resort-style backyard with a heated pool and spa, an owned solar system and a three-car garage."
F23 = fields(listing_id="7550712", standard_status="Active", list_price=629000,
             **addr("4215", "E Cholla Canyon Dr", "Phoenix", "85044"), bedrooms_total=4, bathrooms_full=2,
             bathrooms_half=1, living_area=2488, garage_spaces=3, pool_private_yn=True, public_remarks=R23)
P23 = page("Open house this weekend", f"""
<div style="white-space:pre-wrap;font-family:monospace">OPEN HOUSE: Sat 11/28, 1-4 PM<br>
$629,000 | 4 Bd | 2.5 Ba | 2,488 SqFt<br>
4215 E Cholla Canyon Dr, Phoenix, AZ 85044<br>
Status: Active<br>MLS: 7550712<br><br>
{esc(R23)}<br><br>
Also open this weekend:<br>
$585,000 | 3 Bd | 2 Ba | 2,010 SqFt | 4102 E Desert Trumpet Rd, Phoenix</div>""")

R24 = "Remodeled in 2021 with a split plan, a den and an RV gate; the backyard backs to a wash."
F24 = fields(listing_id="7550713", parcel_number="30122047", standard_status="Pending", list_price=489500,
             **addr("3911", "E Oak St", "Phoenix", "85008"), **SFR, bedrooms_total=3, bathrooms_full=2,
             bathrooms_half=0, living_area=1850, **lot_from_sqft(7200), year_built=1978, garage_spaces=2,
             stories=1, pool_private_yn=False, association_yn=False, public_remarks=R24)
P24 = page("Client Detail 7550713", f"""
<table class="cd" border="1">
<tr><td><b>ML#</b> 7550713</td><td><b>Status</b> P</td><td><b>LP</b> $489,500</td></tr>
<tr><td colspan="3"><b>Addr</b> 3911 E Oak St, Phoenix, AZ 85008</td></tr>
<tr><td><b>BR</b> 3</td><td><b>BA</b> 2</td><td><b>Sq Ft</b> 1,850 (Assessor)</td></tr>
<tr><td><b>Lot Sz</b> 7,200 SF</td><td><b>Yr Blt</b> 1978</td><td><b>Levels</b> 1</td></tr>
<tr><td><b>Gar</b> 2</td><td><b>Pool</b> None</td><td><b>HOA Y/N</b> N</td></tr>
<tr><td><b>Dwelling</b> SF-Det</td><td><b>APN</b> 301-22-047</td><td><b>Orig LP</b> $505,000</td></tr>
</table>
<p><b>Remarks</b> {esc(R24)}</p>""")

R25 = ("This three-bedroom home at 807 W Rose Ln offers two full baths and approximately 1,615 square feet "
       "on a quarter-acre lot. It was built in 1958, has a one-car garage and no HOA. The seller is asking "
       "$455,000. The house two doors down sold last spring for $510,000.")
F25 = fields(listing_id="7550714", standard_status="Active", list_price=455000,
             **addr("807", "W Rose Ln", "Phoenix", "85013"), bedrooms_total=3, bathrooms_full=2, bathrooms_half=0,
             living_area=1615, **lot_from_acres(0.25), year_built=1958, garage_spaces=1, association_yn=False,
             public_remarks=R25)
P25 = page("807 W Rose Ln, Phoenix, AZ 85013 | MLS 7550714", f"""
<h1>807 W Rose Ln</h1><p>Phoenix, AZ 85013</p><p>Active listing &middot; MLS 7550714</p>
<div class="story"><p>{esc(R25)}</p></div>""")


# round 4 (issue 14 loss classes in new wordings): a print sheet in other abbreviations (`LP`, `Bd/Ba`,
# `Yr`, `Lvls`, `Gar`, `Assoc Fee`, `Subd`, `Prop Typ`, a status legend, agent remarks with a price),
# a four-column print table (`Ba F/H`, `Liv SF`, `Dwlg Type`, `Pvt Pool` next to `Comm Pool`, private
# remarks naming another unit), a plain-text "Price Reduced!" alert (`Now $X (was $Y)`), a table alert
# "Status change: Pending — <address>" with a one-sentence description, prose with number words
# ("half-acre lot", "two-story", "three-car garage", "built in the late 90s": no year).
R26 = "Freshly painted inside and out, with a new AC in 2024 and a grassy backyard."
F26 = fields(listing_id="7550801", parcel_number="20714318", standard_status="Pending", list_price=412500,
             **addr("2208", "W Windrose Dr", "Phoenix", "85029"), **SFR, bedrooms_total=3, bathrooms_full=2,
             bathrooms_half=0, living_area=1742, **lot_from_acres(0.18), year_built=1996, garage_spaces=2,
             stories=1, pool_private_yn=True, association_yn=True, association_fee=75,
             association_fee_frequency="Monthly", subdivision_name="Windrose Park", public_remarks=R26)
P26 = page("Agent 1-Page 7550801", f"""
<pre>
AGENT 1-PAGE                                       11/26/2026
List #: 7550801              Status: P
LP: $412,500                 SP:
Addr: 2208 W Windrose Dr, Phoenix, AZ 85029
Prop Typ: SF-Det             Bd/Ba: 3/2
SqFt: 1,742                  Lot Ac: .18
Yr: 1996                     Lvls: 1
Gar: 2                       Pool: Pvt
Assoc: Y                     Assoc Fee: $75/Mo
Subd: Windrose Park          APN: 207-14-318
Status codes: A=Active P=Pending C=Closed X=Expired
PUB RMKS: {esc(R26)}
AGENT RMKS: Offers reviewed Monday; seller will look at $400,000 with a quick close.
DIR: 19th Ave north to Windrose, west to home.
</pre>""")

R27 = "End-unit townhome backing to the greenbelt, with a two-car garage and a rooftop deck."
F27 = fields(listing_id="7550802", parcel_number="30358112", standard_status="Active", list_price=338000,
             **addr("9120", "E Fairway Blvd", "Mesa", "85208", unit="88"), **TOWN, bedrooms_total=2,
             bathrooms_full=2, bathrooms_half=1, living_area=1390, **lot_from_sqft(2178), year_built=2004,
             garage_spaces=2, stories=2, pool_private_yn=False, association_yn=True, association_fee=180,
             association_fee_frequency="Monthly", public_remarks=R27)
P27 = page("Client Print 7550802", f"""
<table class="prt">
<tr><th>ML#</th><td>7550802</td><th>Status</th><td>A</td></tr>
<tr><th>LP</th><td>$338,000</td><th>Orig LP</th><td>$349,000</td></tr>
<tr><th>Addr</th><td>9120 E Fairway Blvd #88</td><th>City/Zip</th><td>Mesa 85208</td></tr>
<tr><th>Dwlg Type</th><td>Townhouse</td><th>APN</th><td>303-58-112</td></tr>
<tr><th>Bds</th><td>2</td><th>Ba F/H</th><td>2/1</td></tr>
<tr><th>Liv SF</th><td>1,390</td><th>Lot SF</th><td>2,178</td></tr>
<tr><th>Blt</th><td>2004</td><th>Stories</th><td>2</td></tr>
<tr><th>Gar Spcs</th><td>2</td><th>Cprt Spcs</th><td>0</td></tr>
<tr><th>Pvt Pool</th><td>N</td><th>Comm Pool</th><td>Y</td></tr>
<tr><th>HOA</th><td>Y $180/Mo</td><th>Tax/Yr</th><td>$1,644/2025</td></tr>
</table>
<p>Status: A = Active, UCB = Under Contract, P = Pending, C = Closed</p>
<p><b>PUBLIC RMKS:</b> {esc(R27)}</p>
<p><b>PRIVATE RMKS:</b> Tenant in 9118 E Fairway Blvd #86 until June; that unit lists at $329,000.</p>
<p><b>DIRECTIONS:</b> Ellsworth Rd south of Main St, east on Fairway Blvd.</p>""")

R28 = "Bungalow with original hardwood floors and a detached studio."
F28 = fields(listing_id="7550803", standard_status="Active", list_price=372000,
             **addr("1906", "E Harvard St", "Phoenix", "85006"), bedrooms_total=2, bathrooms_full=1,
             bathrooms_half=0, living_area=1012, year_built=1948, public_remarks=R28)
P28 = page("Price Reduced! 1906 E Harvard St", f"""
<pre>
Subject: Price Reduced! 1906 E Harvard St, Phoenix, AZ 85006

PRICE REDUCED!
1906 E Harvard St, Phoenix, AZ 85006
Now $372,000 (was $389,900)
2 bd &middot; 1 ba &middot; 1,012 sqft &middot; built 1948
{esc(R28)}

MLS 7550803
Manage your alerts | Unsubscribe
</pre>""")

R29 = "A single-level home with a three-car garage on a quiet cul-de-sac."
F29 = fields(listing_id="7550804", standard_status="Pending", list_price=465000,
             **addr("5520", "W Port Au Prince Ln", "Glendale", "85306"), bedrooms_total=4, bathrooms_full=2,
             bathrooms_half=0, living_area=1930, **lot_from_sqft(8050), garage_spaces=3, stories=1,
             public_remarks=R29)
P29 = page("Status change on a saved home", f"""
<table class="mail" width="600">
<tr><td><h2>Status change: Pending &mdash; 5520 W Port Au Prince Ln, Glendale, AZ 85306</h2></td></tr>
<tr><td><table class="facts">
<tr><td>Price</td><td>$465,000</td></tr>
<tr><td>Beds</td><td>4</td></tr>
<tr><td>Baths</td><td>2</td></tr>
<tr><td>Living area</td><td>1,930 sq ft</td></tr>
<tr><td>Lot</td><td>8,050 sq ft</td></tr>
</table></td></tr>
<tr><td>{esc(R29)}</td></tr>
<tr><td>MLS #7550804</td></tr>
<tr><td><h3>You might also like</h3><p>$455,000 &middot; 3 bd &middot; 2 ba &mdash; 5602 W Sweetwater Ave, Glendale</p></td></tr>
</table>""")

R30 = ("Set on a half-acre lot at the end of a quiet lane, this two-story farmhouse offers four bedrooms, "
       "three full baths and a three-car garage. Built in the late 90s and updated throughout, it has "
       "roughly 2,650 square feet of living space. Asking $689,000. There is no HOA.")
F30 = fields(listing_id="7550805", standard_status="Active", list_price=689000,
             **addr("3120", "E Mallory Cir", "Mesa", "85213"), bedrooms_total=4, bathrooms_full=3,
             bathrooms_half=0, living_area=2650, **lot_from_acres(0.5), garage_spaces=3, stories=2,
             association_yn=False, public_remarks=R30)
P30 = page("3120 E Mallory Cir, Mesa, AZ 85213", f"""
<h1>3120 E Mallory Cir, Mesa, AZ 85213</h1>
<p>For sale &middot; MLS 7550805</p>
<div class="text"><p>{esc(R30)}</p></div>""")

R31 = ("This one-story home sits on a three-quarter-acre lot with a single-car garage and a workshop. "
       "It offers three bedrooms and two baths in 1,480 square feet, and was built in 1964. Listed at "
       "$515,000. Homes on this street have sold for more than $600,000.")
F31 = fields(listing_id="7550806", standard_status="Active", list_price=515000,
             **addr("6210", "N 31st Ave", "Phoenix", "85017"), bedrooms_total=3, bathrooms_full=2,
             bathrooms_half=0, living_area=1480, **lot_from_acres(0.75), year_built=1964, garage_spaces=1,
             stories=1, public_remarks=R31)
P31 = page("6210 N 31st Ave, Phoenix, AZ 85017", f"""
<h1>6210 N 31st Ave</h1><p>Phoenix, AZ 85017</p>
<p class="meta">Active &middot; MLS #7550806</p>
<section><p>{esc(R31)}</p></section>""")


# A print sheet that writes the address in its parts (`St #`, `Dir`, `St Name`, `Sfx`, `Unit #`), as
# MLS input forms do, and the ZIP beside the county; directions name two other streets.
R32 = "Second-floor corner unit with a new kitchen, a wood-burning fireplace and a covered balcony."
F32 = fields(listing_id="7550807", standard_status="Closed", list_price=264900,
             **addr("7401", "W Arrowhead Clubhouse Dr", "Glendale", "85308", unit="2071"), **CONDO,
             bedrooms_total=2, bathrooms_full=2, bathrooms_half=0, living_area=1137, year_built=2000,
             stories=1, pool_private_yn=False, association_yn=True, association_fee=295,
             association_fee_frequency="Monthly", public_remarks=R32)
P32 = page("Agent Detail 7550807", f"""
<table class="det">
<tr><td>ML #</td><td>7550807</td><td>Stat</td><td>C</td><td>LP</td><td>$264,900</td></tr>
<tr><td>St #</td><td>7401</td><td>Dir</td><td>W</td><td>St Name</td><td>Arrowhead Clubhouse</td></tr>
<tr><td>Sfx</td><td>Dr</td><td>Unit #</td><td>2071</td><td>City</td><td>Glendale</td></tr>
<tr><td>County</td><td>Maricopa</td><td>Zip</td><td>85308</td><td>SP</td><td>$259,000</td></tr>
<tr><td>Dwell Type</td><td>Apartment Style/Flat</td><td>Bd</td><td>2</td><td>Tot Ba</td><td>2</td></tr>
<tr><td>Apx SqFt</td><td>1,137</td><td>Yr Blt</td><td>2000</td><td>Lvls</td><td>1</td></tr>
<tr><td>Pvt Pool</td><td>N</td><td>Comm Pool</td><td>Y</td><td>HOA</td><td>Y $295/Mo</td></tr>
</table>
<p>Stat: A = Active, UCB = Under Contract, P = Pending, C = Closed</p>
<p>PUBLIC RMKS: {esc(R32)}</p>
<p>DIRECTIONS: 75th Ave north of Bell Rd to Arrowhead Clubhouse Dr, west to building 7.</p>""")


# A plain-text status-change alert: the status and the address on one headline line after a label
# ("Status change: Pending - <address>"), the price as "Reduced to $X from $Y", a one-sentence
# description, a search's other match below.
R33 = "Charming block home with a big backyard, a two-car garage and RV parking."
F33 = fields(listing_id="7550808", standard_status="Pending", list_price=412000,
             **addr("1234", "N Mesa Dr", "Mesa", "85201"), bedrooms_total=3, bathrooms_full=2, bathrooms_half=0,
             living_area=1560, garage_spaces=2, public_remarks=R33)
P33 = page("Your saved search: 1 update", f"""
<pre>
Status change: Pending - 1234 N Mesa Dr, Mesa, AZ 85201
Reduced to $412,000 from $425,000
3 beds, 2 baths, 1,560 sq ft
{esc(R33)}
MLS # 7550808

Still available in your search:
$399,000 - 3 beds, 2 baths - 1410 N Hobson St, Mesa
</pre>""")


# A print sheet whose pairs are packed on each line with single spaces (no column gaps, no pipes),
# a label's own words before it ("Approx SF", "Yr Blt") after a name ("Pinchot Place"), remarks with
# a colon and commas inside them, and agent-only remarks naming another address.
R34 = "Classic ranch on a tree-lined street. Pool: none, but the yard has room for one."
F34 = fields(listing_id="7550809", standard_status="Active", list_price=499000,
             **addr("3310", "E Pinchot Ave", "Phoenix", "85018"), **SFR, bedrooms_total=3, bathrooms_full=2,
             bathrooms_half=0, living_area=1744, **lot_from_sqft(7841), year_built=1952, garage_spaces=1, stories=1,
             pool_private_yn=False, association_yn=False, subdivision_name="Pinchot Place", public_remarks=R34)
P34 = page("Client Print 7550809", f"""
<pre>
ML#: 7550809 Stat: A List $: 499,000 Sold $:
Addr: 3310 E Pinchot Ave, Phoenix, AZ 85018
Type: SF-Det BR/BA: 3/2 Subdiv: Pinchot Place Approx SF: 1,744 Lot SF: 7,841
Yr Blt: 1952 Stry: 1 Gar Spcs: 1 Pvt Pool: N HOA: N
PUBLIC RMKS: {esc(R34)}
PRIVATE RMKS: Go direct; lockbox at 3318 E Pinchot Ave.
</pre>""")


def main() -> None:
    pages = [("mls_7550101.html", P1, "aria_attr", F1), ("mls_7550117.html", P2, "aria_attr", F2),
             ("mls_7550203.html", P3, "stat_rows", F3), ("mls_7550219.html", P4, "stat_rows", F4),
             ("mls_7550305.html", P5, "spanish", F5), ("mls_7550311.html", P6, "spanish", F6),
             ("mls_7550407.html", P7, "remarks_only", F7), ("mls_7550413.html", P8, "remarks_only", F8),
             ("mls_7550509.html", P9, "dense_print", F9), ("mls_7550516.html", P10, "dense_print", F10),
             ("mls_7550622.html", P11, "dense_print", F11), ("mls_7550648.html", P13, "dense_print", F13), ("mls_7550633.html", P12, "email_alert", F12),
             ("mls_7550701.html", P14, "mobile_app", F14), ("mls_7550702.html", P15, "mobile_app", F15),
             ("mls_7550703.html", P16, "email_alert", F16), ("mls_7550704.html", P17, "email_alert", F17),
             ("mls_7550705.html", P18, "broker_print", F18), ("mls_7550706.html", P19, "broker_print", F19),
             ("mls_7550707.html", P20, "remarks_only", F20), ("mls_7550708.html", P21, "remarks_only", F21),
             ("mls_7550711.html", P22, "email_alert", F22), ("mls_7550712.html", P23, "email_alert", F23),
             ("mls_7550713.html", P24, "broker_print", F24), ("mls_7550714.html", P25, "remarks_only", F25),
             ("mls_7550801.html", P26, "broker_print", F26), ("mls_7550802.html", P27, "broker_print", F27),
             ("mls_7550803.html", P28, "email_alert", F28), ("mls_7550804.html", P29, "email_alert", F29),
             ("mls_7550805.html", P30, "remarks_only", F30), ("mls_7550806.html", P31, "remarks_only", F31),
             ("mls_7550807.html", P32, "broker_print", F32), ("mls_7550808.html", P33, "email_alert", F33),
             ("mls_7550809.html", P34, "dense_print", F34)]
    for name, data, layout, f in pages:
        write("phoenix_mls", name, data, layout, f)
    write("maricopa_county", "parcel_30411822.json", json.dumps(A1, indent=1).encode(), "api_envelope_camel", FA1,
          pii=["Harriet Q Lindqvist", "PO Box 4410"])
    write("maricopa_county", "parcel_50133207.json", json.dumps(A3, indent=1).encode(), "api_envelope_situs", FA3,
          pii=["Ingrid M Castellanos", "77 Harbor View Rd"])
    write("maricopa_county", "parcel_21409331.json", json.dumps(A4, indent=1).encode(), "api_unread_keys", FA4,
          pii=["Priya R Oyelaran"])
    write("maricopa_county", "parcel_21740119.json", json.dumps(A2, indent=1).encode(), "api_result_spaced", FA2,
          pii=["Oscar P Villanueva", "PO Box 77120, Tucson AZ"])
    build_extra_classes()


def build_extra_classes() -> None:
    """Run every `samples/classes/extra_*.py` module's `build()`: one module per later group of classes.

    Each module imports `write`, `page`, `esc` from here and writes its own pages and labels (names
    must not collide with the ones above), so groups of classes can be added without editing this file.
    """
    import importlib

    sys.path.insert(0, str(ROOT))
    for module_path in sorted(ROOT.glob("extra_*.py")):
        importlib.import_module(module_path.stem).build()


if __name__ == "__main__":
    main()
