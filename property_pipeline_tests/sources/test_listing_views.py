"""Other views of one listing page (issue 14): text-only / reader views, single-property marketing
sites, bilingual pages with metric areas.

Cases generated over wordings the rules were not written against: random label separators and label
case, values before their labels, unit spellings of square metres and hectares, decimal commas,
bilingual labels in either order and with any separator. Properties that must hold whatever the
wording: a metric figure is never read as square feet, and prices of nearby sales or of the price
history are never the list price.
"""

from __future__ import annotations

import html

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from property_pipeline.sources import get_source
from property_pipeline.sources.listing_values import area_square_feet, decimal_point, read_lot_metric
from property_pipeline.sources.normalize import metric_area_square_feet

MLS = get_source("phoenix_mls")
SQFT_PER_M2 = 10.7639104
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def rules(body: str, title: str = "2231 N 74th Pl, Scottsdale, AZ 85257") -> dict:
    page = (f"<html><head><title>{html.escape(title)}</title></head><body>"
            f"<h1>{html.escape(title)}</h1><main>{body}</main></body></html>")
    return MLS.extract_rules(MLS.parse(page.encode())).values


def close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= max(1.0, 0.01 * b)


# ------------------------------------------------------------------ text views

SEPARATORS = [" - ", " – ", " — ", " = ", " … ", "…", " ... ", " .......... ", ". . . . ", " -- ", ": "]
CASES = [str.lower, str.title, str.upper, lambda s: s]


@FAST
@given(sep=st.sampled_from(SEPARATORS), case=st.sampled_from(CASES),
       price=st.integers(150, 2_500).map(lambda k: k * 1000), beds=st.integers(1, 6),
       year=st.integers(1950, 2024), garage=st.integers(1, 4), lot=st.integers(3000, 40000),
       price_label=st.sampled_from(["List price", "Asking price", "Price", "Listing price"]),
       bed_label=st.sampled_from(["Bedrooms", "Beds", "Bedrooms total"]),
       year_label=st.sampled_from(["Year built", "Built", "Yr built"]),
       tag=st.sampled_from(["p", "li", "div"]))
def test_a_text_view_line_of_label_separator_value_is_a_pair(sep, case, price, beds, year, garage, lot, price_label,
                                                              bed_label, year_label, tag):
    lines = [(price_label, f"${price:,}"), ("Status", "Pending"), (bed_label, str(beds)), (year_label, str(year)),
             ("Garage spaces", str(garage)), ("Lot size", f"{lot:,} sq ft"), ("Private pool", "no"), ("HOA", "none")]
    body = "".join(f"<{tag}>{html.escape(case(label))}{html.escape(sep)}{html.escape(value)}</{tag}>"
                   for label, value in lines)
    values = rules(f"<div class='reader'>{body}</div>")
    assert values.get("list_price") == price
    assert values.get("standard_status") == "Pending"
    assert values.get("bedrooms_total") == beds and values.get("year_built") == year
    assert values.get("garage_spaces") == garage and values.get("lot_size_square_feet") == lot
    assert values.get("pool_private_yn") is False and values.get("association_yn") is False


@FAST
@given(beds=st.integers(1, 7), sqft=st.integers(600, 9000),
       bed_words=st.sampled_from(["bedrooms", "beds", "bedroom home", "BR"]),
       area_words=st.sampled_from(["square feet of living space", "sq ft living area", "sq. ft. interior",
                                   "square feet", "sqft"]),
       sep=st.sampled_from(SEPARATORS))
def test_values_before_their_labels_and_lines_after_a_separator(beds, sqft, bed_words, area_words, sep):
    values = rules(f"<p>status{sep}active</p><p>{beds} {bed_words}</p><p>{sqft:,} {area_words}</p>"
                   f"<p>year built{sep}1988</p>")
    assert values.get("bedrooms_total") == beds
    assert values.get("living_area") == sqft
    assert values.get("standard_status") == "Active" and values.get("year_built") == 1988


def test_a_flattened_definition_list_reads_each_label_with_the_line_after_it():
    values = rules("<div><p>Garage spaces</p><p>3</p><p>Levels</p><p>2</p><p>HOA dues</p><p>$120 / quarter</p>"
                   "<p>Home type</p><p>Condominium</p></div>")
    assert values.get("garage_spaces") == 3 and values.get("stories") == 2
    assert (values.get("association_fee"), values.get("association_fee_frequency")) == (120, "Quarterly")
    assert values.get("property_sub_type") == "Condominium"


@pytest.mark.parametrize("label", ["Pool - Private", "Lot Size - Acres", "Approx SqFt - County"])
def test_a_label_holding_a_dash_stays_a_label(label):
    """ARMLS-style labels with a dash inside ("Pool - Private: Y") are labels, not "label - value" lines."""
    from property_pipeline.sources.phoenix_mls import _label_group
    assert _label_group(label) is not None


@pytest.mark.parametrize("line", ["status - Active", "subdivision — Arcadia Lite", "private pool … yes",
                                  "lot size - 0.19 acres", "hoa = none"])
def test_a_label_value_line_is_no_label(line):
    """The engine must not take the next line as the value of "status - Active"."""
    from property_pipeline.sources.phoenix_mls import _label_group
    assert _label_group(line) is None


# ------------------------------------------------------------------ nearby sales and price history

NEARBY_FORMS = [
    "<li>{street} - sold ${price:,} - {beds} bd, 2 ba, {sqft:,} sq ft</li>",
    "<li>${price:,} · {beds} beds · {sqft:,} sqft · {street}, Phoenix</li>",
    "<p>{street} | ${price:,} | {beds} bd | {sqft:,} sq ft</p>",
    "<tr><td>{street}</td><td>${price:,}</td><td>{beds}</td><td>{sqft:,}</td></tr>",
]
NEARBY_HEADINGS = ["Nearby sales", "Recently sold nearby", "Similar homes", "Comparable sales", "What sold around here",
                   "Price history", "Sales history"]


@FAST
@given(own=st.integers(200, 900).map(lambda k: k * 1000), others=st.lists(st.integers(150, 1500), min_size=1, max_size=4),
       form=st.sampled_from(NEARBY_FORMS), heading=st.sampled_from(NEARBY_HEADINGS),
       price_line=st.sampled_from(["<p>price - ${own:,}</p>", "<p class='banner'>Offered at ${own:,}</p>",
                                   "<p>Asking … ${own:,}</p>", "<h2>Priced at ${own:,}</h2>"]))
def test_nearby_prices_are_never_the_list_price(own, others, form, heading, price_line):
    rows = "".join(form.format(street=f"{2901 + 6 * i} N 52nd Pl", price=k * 1000, beds=3, sqft=1500 + i)
                   for i, k in enumerate(others))
    wrapper = "table" if form.startswith("<tr>") else "ul" if form.startswith("<li>") else "div"
    values = rules(f"{price_line.format(own=own)}<p>4 bedrooms</p><h2>{heading}</h2><{wrapper}>{rows}</{wrapper}>")
    assert values.get("list_price") == own
    assert values.get("bedrooms_total") == 4


@pytest.mark.parametrize("history", [
    "<h2>Price history</h2><table><tr><td>11/02/2026</td><td>Listed</td><td>$489,000</td></tr>"
    "<tr><td>05/30/2014</td><td>Sold</td><td>$231,500</td></tr></table>",
    "<h2>Listing history</h2><pre>2019-06-03  sold  $178,000\n2026-10-28  listed  $264,900</pre>",
])
def test_a_price_history_names_no_price_and_no_status_of_its_own(history):
    values = rules(f"<p>Asking price — $468,000</p><p>status — Active</p>{history}")
    assert values.get("list_price") == 468000 and values.get("standard_status") == "Active"


# ------------------------------------------------------------------ metric areas and decimal commas

SQM_UNITS = ["m²", "m2", "M2", "sq m", "sqm", "square metres", "square meters", "metros cuadrados", "mts²", "mts", "m\u00b2"]


@settings(max_examples=80, deadline=None)
@given(m2=st.integers(40, 900), unit=st.sampled_from(SQM_UNITS), space=st.sampled_from(["", " ", "\u00a0"]),
       fraction=st.sampled_from(["", ",5", ".5", ",25"]))
def test_a_metric_area_is_converted_never_read_as_square_feet(m2, unit, space, fraction):
    text = f"{m2}{fraction}{space}{unit}"
    stated = m2 + (float("0." + fraction[1:]) if fraction else 0)
    sqft = area_square_feet(text)
    assert sqft is not None and close(sqft, stated * SQFT_PER_M2), (text, sqft)
    assert sqft != m2


@settings(max_examples=60, deadline=None)
@given(m2=st.integers(60, 600), unit=st.sampled_from(SQM_UNITS),
       label=st.sampled_from(["Living area / Superficie construida", "Superficie construida", "Área habitable · Living area",
                              "Living area (Superficie)", "Superficie habitable / Living area", "Interior / Interior"]),
       with_sqft=st.booleans())
def test_a_living_area_in_square_metres_on_a_bilingual_page(m2, unit, label, with_sqft):
    beside = f" ({round(m2 * SQFT_PER_M2):,} sq ft)" if with_sqft else ""
    values = rules(f"<ul><li>{html.escape(label)}: {m2} {unit}{beside}</li><li>Recámaras / Bedrooms: 3</li></ul>")
    assert close(values.get("living_area"), m2 * SQFT_PER_M2), values.get("living_area")
    assert values.get("bedrooms_total") == 3


@settings(max_examples=60, deadline=None)
@given(value=st.sampled_from([("743 m²", 743), ("650,5 m²", 650.5), ("1.012,5 m2", 1012.5), ("1 012 m²", 1012),
                              ("0,08 ha", 800), ("0.08 ha", 800), ("0.2 hectáreas", 2000), ("2 hectares", 20000),
                              ("1,200 sq m", 1200)]),
       label=st.sampled_from(["Lot / Terreno", "Terreno", "Lote · Lot", "Lot size (Terreno)", "Superficie del terreno"]))
def test_a_lot_in_square_metres_or_hectares_keeps_sqft_and_acres_in_step(value, label):
    text, m2 = value
    values = rules(f"<ul><li>{html.escape(label)}: {text}</li><li>Precio / Price: $410,000</li></ul>")
    sqft = round(m2 * SQFT_PER_M2)
    assert close(values.get("lot_size_square_feet"), sqft), (text, values.get("lot_size_square_feet"))
    assert close(values.get("lot_size_acres"), sqft / 43560)
    assert values.get("list_price") == 410000


@pytest.mark.parametrize("label,value", [("Lot (m²)", "743"), ("Terreno (m2)", "743"), ("Superficie (metros cuadrados)", "168")])
def test_a_label_naming_the_metric_unit_converts_a_bare_figure(label, value):
    values = rules(f"<ul><li>{html.escape(label)}: {value}</li></ul>")
    field = "living_area" if label.startswith("Superficie") else "lot_size_square_feet"
    assert close(values.get(field), int(value) * SQFT_PER_M2)


def test_square_feet_beside_square_metres_win_and_feet_alone_are_kept():
    assert area_square_feet("168 m² (1,808 sq ft)") == 1808
    assert area_square_feet("1,808 sq ft / 168 m²") == 1808
    assert area_square_feet("1,808") == 1808
    assert read_lot_metric("7,998 sq ft (743 m²)") is None  # stated in square feet: the lot reader's job
    assert metric_area_square_feet("12 months") is None and metric_area_square_feet("$48 mensual") is None


@given(whole=st.integers(1, 6), half=st.booleans(),
       label=st.sampled_from(["Baños / Bathrooms", "Bathrooms · Baños", "Baths (Baños)", "Baños"]))
@settings(max_examples=40, deadline=None)
def test_a_decimal_comma_bath_count(whole, half, label):
    count = f"{whole},5" if half else str(whole)
    values = rules(f"<ul><li>{html.escape(label)}: {count}</li></ul>")
    assert (values.get("bathrooms_full"), values.get("bathrooms_half")) == (whole, 1 if half else 0)


def test_a_decimal_comma_is_a_point_only_before_one_or_two_digits():
    assert decimal_point("2,5") == "2.5" and decimal_point("3,25 baños") == "3.25 baños"
    assert decimal_point("1,808") == "1,808" and decimal_point("$1,250,000") == "$1,250,000"


@FAST
@given(en_first=st.booleans(), sep=st.sampled_from([" / ", " · ", " | ", " ("]),
       pair=st.sampled_from([("Bedrooms", "Recámaras", "4", "bedrooms_total", 4),
                             ("Year built", "Año de construcción", "2001", "year_built", 2001),
                             ("Garage", "Cochera", "2 autos", "garage_spaces", 2),
                             ("Stories", "Niveles", "2", "stories", 2),
                             ("Price", "Precio", "$455,000", "list_price", 455000),
                             ("Status", "Estado", "Pendiente", "standard_status", "Pending"),
                             ("HOA fee", "Cuota HOA", "$60 mensual", "association_fee", 60)]))
def test_bilingual_labels_in_either_order_with_any_separator(en_first, sep, pair):
    english, spanish, value, field, expected = pair
    first, second = (english, spanish) if en_first else (spanish, english)
    label = f"{first}{sep}{second}" + (")" if sep == " (" else "")
    values = rules(f"<table><tr><th>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>"
                   "<tr><th>MLS # / Número MLS</th><td>7551999</td></tr></table>")
    assert values.get(field) == expected, (label, values)


# ------------------------------------------------------------------ single-property sites

SITE_PROSE = [
    ("three bedrooms and two and a half baths in just over 2,400 square feet", 3, 2, 1, 2400),
    ("four bedrooms, three full baths and about 3,150 sq ft", 4, 3, 0, 3150),
    ("2 bedrooms and 2 baths across 1,260 square feet", 2, 2, 0, 1260),
]


@FAST
@given(prose=st.sampled_from(SITE_PROSE), price=st.integers(250, 1900).map(lambda k: k * 1000),
       banner=st.sampled_from(["Offered at ${p:,}", "Priced at ${p:,}", "Now offered at ${p:,}", "${p:,}"]),
       mls=st.integers(7_000_000, 7_999_999), footer=st.sampled_from(["MLS® {n}", "MLS# {n}", "ARMLS #{n}", "MLS {n}"]))
def test_a_single_property_site(prose, price, banner, mls, footer):
    words, beds, full, half, sqft = prose
    page = (f"<html><head><title>A Scottsdale Home</title></head><body>"
            f"<section class='hero'><h1>7124 E Sunnyvale Rd</h1><p>Scottsdale, AZ 85251</p>"
            f"<p class='banner'>{banner.format(p=price)}</p></section>"
            f"<section><h2>The Home</h2><p>This single-family home offers {words}. Built in 2004, it has a "
            f"two-car garage and a sparkling pool.</p></section>"
            "<section><h2>Neighborhood</h2><p>Hopi Elementary (rated 9/10) is 0.6 miles away; homes nearby sold "
            "for $1,250,000 last spring.</p></section>"
            "<section><h2>Contact</h2><p>Marisol Quintero-Hale, REALTOR®<br>(480) 555-0142</p></section>"
            f"<footer><p>{footer.format(n=mls)} · Equal Housing Opportunity</p></footer></body></html>")
    values = MLS.extract_rules(MLS.parse(page.encode())).values
    assert values.get("list_price") == price
    assert (values.get("bedrooms_total"), values.get("bathrooms_full"), values.get("bathrooms_half")) == (beds, full, half)
    assert values.get("living_area") == sqft and values.get("year_built") == 2004
    assert values.get("garage_spaces") == 2 and values.get("pool_private_yn") is True
    assert values.get("listing_id") == str(mls)
    assert (values.get("street_number"), values.get("city"), values.get("postal_code")) == ("7124", "Scottsdale", "85251")


@pytest.mark.parametrize("footer", [
    '<footer style="display:none"><p>MLS® 7551999</p></footer>',
    "<footer hidden><p>MLS# 7551999</p></footer>",
    "<footer><p>MLS® 7551998</p></footer><footer><p>MLS® 7551999</p></footer>",
    "<footer><p>© 2026 Valley Homes. All rights reserved.</p></footer>",
])
def test_a_hidden_footer_or_footers_naming_several_numbers_name_no_listing(footer):
    page = f"<html><body><h1>7124 E Sunnyvale Rd, Scottsdale, AZ 85251</h1><p>Offered at $689,000</p>{footer}</body></html>"
    values = MLS.extract_rules(MLS.parse(page.encode())).values
    assert "listing_id" not in values


def test_a_footer_number_is_not_read_when_the_page_states_its_own():
    page = ("<html><body><h1>7124 E Sunnyvale Rd, Scottsdale, AZ 85251</h1><p>MLS #: 7551001</p>"
            "<footer><p>MLS® 7551999</p></footer></body></html>")
    doc = MLS.parse(page.encode())
    assert MLS.extract_rules(doc).values["listing_id"] == "7551001" and "footer_lines" not in doc.data


@pytest.mark.parametrize("heading", ["Welcome home to 15410 W Roanoke Ave", "Introducing 15410 W Roanoke Ave",
                                     "15410 W Roanoke Ave"])
def test_a_street_after_a_few_words_in_the_heading_with_the_place_below(heading):
    page = (f"<html><head><title>Welcome</title></head><body><h1>{heading}</h1><p>Goodyear, AZ 85395</p>"
            "<p>Offered at $349,500</p></body></html>")
    values = MLS.extract_rules(MLS.parse(page.encode())).values
    assert values.get("unparsed_address") == "15410 W Roanoke Ave, Goodyear, AZ 85395"


def test_no_private_pool_beside_the_community_pool_is_a_denial():
    values = rules("<p>A single-level patio home with two bedrooms and two baths in 1,260 square feet, built in 1998. "
                   "While there is no private pool, the community pool is a short walk away.</p>")
    assert values.get("pool_private_yn") is False


# ------------------------------------------------------------------ more wordings of the same classes

@FAST
@given(sep=st.sampled_from([" · ", " | ", " • "]), beds=st.integers(1, 6), sqft=st.integers(700, 5000),
       year=st.integers(1950, 2024), order=st.permutations(range(4)))
def test_flattened_pairs_packed_on_one_line(sep, beds, sqft, year, order):
    parts = [f"Beds {beds}", "Baths 2", f"Sq Ft {sqft:,}", f"Built {year}"]
    values = rules(f"<p>{sep.join(parts[i] for i in order)}</p>")
    assert values.get("bedrooms_total") == beds and values.get("bathrooms_full") == 2
    assert values.get("living_area") == sqft and values.get("year_built") == year


def test_a_label_with_its_figure_is_not_paired_with_the_next_line():
    values = rules("<p>Lot size 0.19 acres</p><p>Square feet 1,900</p><p>HOA $85 monthly</p><p>Bedrooms 4</p>"
                   "<p>Status Active</p><p>Lot 12</p>")
    assert values.get("lot_size_acres") == 0.19 and values.get("living_area") == 1900
    assert (values.get("association_fee"), values.get("association_fee_frequency")) == (85, "Monthly")
    assert values.get("bedrooms_total") == 4 and values.get("standard_status") == "Active"


@pytest.mark.parametrize("label,value,field,expected", [
    ("Recámaras/Bedrooms", "3", "bedrooms_total", 3),
    ("Baños/Baths", "2,5", "bathrooms_half", 1),
    ("M² construidos", "168", "living_area", 1808),
    ("Sup. construida", "168 m2", "living_area", 1808),
    ("Construcción", "205 m²", "living_area", 2207),
    ("Tax Amt/Yr", "$1,884/2025", "year_built", None),
    ("Garage/Carport", "2", "garage_spaces", None),
])
def test_more_bilingual_and_metric_labels(label, value, field, expected):
    values = rules(f"<ul><li>{html.escape(label)}: {html.escape(value)}</li><li>Year built: 1999</li></ul>")
    got = values.get(field)
    if field == "year_built":
        assert got == 1999
    elif expected is None:
        assert got is None
    else:
        assert close(got, expected), got


def test_the_home_section_is_the_description_not_the_longer_neighborhood_text():
    home = ("This single-family home offers three bedrooms and two baths in 1,800 square feet. It was built in 1999 "
            "and has a two-car garage.")
    values = rules(f"<section><h2>The Home</h2><p>{home}</p></section><section><h2>Neighborhood</h2><p>The "
                   "neighborhood is quiet and walkable with many parks, shops and restaurants within a short walk; "
                   "the schools are rated highly and the freeway is close by for commuters.</p></section>")
    assert values.get("public_remarks") == home
    assert values.get("bedrooms_total") == 3 and values.get("year_built") == 1999


@pytest.mark.parametrize("table", [
    "<table><tr><th>Date</th><th>Event</th><th>Price</th></tr><tr><td>11/02/2026</td><td>Listed</td><td>$489,000</td></tr>"
    "<tr><td>05/30/2014</td><td>Sold</td><td>$231,500</td></tr></table>",
    "<ul><li>Jun 3, 2019 · Sold · $178,000</li><li>Oct 28, 2026 · Listed · $264,900</li></ul>",
    "<pre>2019-06-03   Pending   $178,000\n2019-06-30   Sold      $178,000</pre>",
])
def test_a_history_without_its_heading_states_no_status_and_no_price(table):
    values = rules(f"<p>4 bedrooms</p>{table}")
    assert values.get("standard_status") is None and values.get("list_price") is None


@pytest.mark.parametrize("label,value,field,expected", [
    ("Alberca privada / Private pool", "Sí / Yes", "pool_private_yn", True),
    ("Private pool · Alberca privada", "No / No", "pool_private_yn", False),
    ("Niveles / Stories", "Dos / Two", "stories", 2),
    ("Estacionamiento / Garage", "2 autos / 2 cars", "garage_spaces", 2),
    ("Superficie / Size", "1,650 ft² (153 m²)", "living_area", 1650),
    ("Terreno / Lot size", "0.18 acres (728 m²)", "lot_size_acres", 0.18),
])
def test_bilingual_values(label, value, field, expected):
    values = rules(f"<table><tr><th>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>"
                   "<tr><th>Recámaras / Bedrooms</th><td>3</td></tr></table>")
    assert values.get(field) == expected


@pytest.mark.parametrize("hero,footer", [
    ("<h1>3391 South Joshua Tree Lane · Gilbert, Arizona 85297</h1>", "<footer>Listing ID 7551777 | ARMLS</footer>"),
    ("<h1>Your Desert Retreat</h1><p>3391 South Joshua Tree Lane</p><p>Gilbert, AZ 85297</p>", "<footer><p>MLS #7551777</p></footer>"),
    ("<h1>3391 South Joshua Tree Lane | Gilbert, AZ 85297</h1>", "<footer><small>ARMLS® 7551777</small></footer>"),
])
def test_a_marketing_site_hero_and_a_short_footer(hero, footer):
    page = (f"<html><head><title>Luxury living in Gilbert</title></head><body><p>Now Pending</p>{hero}<p>Listed at $534,000</p>"
            "<section><h2>About the Property</h2><p>Set on a quarter-acre lot, this four-bedroom, three-bath single-story "
            f"home has 2,650 sq. ft. of living space and a three-car garage.</p></section>{footer}</body></html>")
    values = MLS.extract_rules(MLS.parse(page.encode())).values
    assert values.get("unparsed_address") == "3391 South Joshua Tree Lane, Gilbert, AZ 85297"
    assert values.get("listing_id") == "7551777" and values.get("standard_status") == "Pending"
    assert values.get("list_price") == 534000 and values.get("lot_size_acres") == 0.25
