"""Pages that state their facts in words, not labels, generated (hypothesis).

An agent's one-property website lists the home's features as short lines of words ("Three bedrooms
and two and a half baths", "Quarter-acre lot", "Two-car garage", "Single-story living", "Completed
in 2003"); a bilingual page gives areas in square metres and hectares beside the square feet. Both
must read as the facts they state, in whatever order and wording the template picks, and a year of
work done on the home is never its year built.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from property_pipeline.sources import get_source

SOURCE = get_source("phoenix_mls")
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
ACRE_WORDS = {0.25: "Quarter-acre", 0.5: "Half-acre", 1.0: "One-acre"}


def _word(n: int, capital: bool) -> str:
    word = WORDS[n]
    return word.capitalize() if capital else word


@st.composite
def feature_sites(draw):
    beds, full, half = draw(st.integers(2, 6)), draw(st.integers(1, 4)), draw(st.integers(0, 1))
    acres = draw(st.sampled_from(sorted(ACRE_WORDS)))
    garage, stories, year = draw(st.integers(1, 3)), draw(st.integers(1, 2)), draw(st.integers(1960, 2024))
    remodel = draw(st.integers(2005, 2025))
    baths = f"{_word(full, False)} and a half baths" if half else f"{_word(full, False)} baths"
    features = [
        f"{_word(beds, True)} bedrooms and {baths}",
        f"{ACRE_WORDS[acres]} lot with mature citrus",
        f"{_word(garage, True)}-car garage with storage",
        "Single-story living" if stories == 1 else "Two-story floor plan",
        draw(st.sampled_from((f"Completed in {year}", f"Built in {year}", f"Constructed in {year}"))),
        f"Kitchen remodel completed in {remodel}",
    ]
    order = draw(st.permutations(features))
    bullets = "".join(f"<li>{item}</li>" for item in order)
    page = (
        "<html><head><title>Welcome home to 2231 E Sierra Vista Dr</title></head><body>"
        "<header><h1>Welcome home to 2231 E Sierra Vista Dr, Phoenix, AZ 85016</h1>"
        "<p class=\"hero-price\">$612,000</p><span>For Sale</span></header>"
        f"<section><h2>Features</h2><ul>{bullets}</ul></section>"
        "<section><h2>Open House</h2><p>Saturday 11/28, 1-4 PM</p></section>"
        "<footer>Listed with Desert Sun Realty. ARMLS #6712034</footer></body></html>"
    )
    stated = {
        "bedrooms_total": beds, "bathrooms_full": full, "bathrooms_half": half, "lot_size_acres": acres,
        "garage_spaces": float(garage), "stories": stories, "year_built": year,
    }
    return page, stated


@settings(max_examples=120, deadline=None)
@given(site=feature_sites())
def test_a_feature_list_in_words_reads_as_the_facts_it_states(site):
    page, stated = site
    values = SOURCE.extract_rules(SOURCE.parse(page.encode(), name="mls_6712034.html")).values
    assert {name: values.get(name) for name in stated} == stated, page


@settings(max_examples=80, deadline=None)
@given(sqft=st.integers(3_000, 40_000), form=st.integers(0, 2))
def test_a_lot_in_metric_units_reads_as_the_square_feet_beside_them(sqft, form):
    metres = round(sqft / 10.7639104)
    hectares = round(metres / 10_000, 3)
    value = (f"{hectares} ha / {metres:,} m\u00b2 ({sqft:,} sq ft)", f"{metres:,} m\u00b2 ({sqft:,} sq ft)",
             f"{sqft:,} sq ft ({metres:,} m\u00b2)")[form]
    page = (
        "<html lang=\"en\"><head><title>4410 W Mariposa St, Phoenix, AZ 85031</title></head><body>"
        "<h1>4410 W Mariposa St, Phoenix, AZ 85031</h1><p>Price / Precio: USD 515,000</p>"
        f"<dl><dt>Bedrooms / Rec\u00e1maras</dt><dd>4</dd><dt>Lot / Terreno</dt><dd>{value}</dd></dl>"
        "<p>MLS # 6602211</p></body></html>"
    )
    values = SOURCE.extract_rules(SOURCE.parse(page.encode(), name="mls_6602211.html")).values
    assert values.get("lot_size_square_feet") == float(sqft), value


@settings(max_examples=80, deadline=None)
@given(acres=st.integers(8, 200).map(lambda n: n / 100), other=st.integers(8, 200).map(lambda n: n / 100),
       beds=st.integers(2, 6), joined=st.booleans())
def test_a_value_first_fact_list_states_the_lot_in_acres(acres, other, beds, joined):
    facts = [f"{beds} Beds", "2 Baths", "1,980 Sq Ft", f"{acres:g} Acres", "Built 2004"]
    dot = " \u00b7 "
    own = f"<p>{dot.join(facts)}</p>" if joined else "<ul>" + "".join(f"<li>{f}</li>" for f in facts) + "</ul>"
    page = (
        "<html><head><title>1450 W Coolidge St, Phoenix, AZ 85013</title></head><body>"
        "<h1>1450 W Coolidge St, Phoenix, AZ 85013</h1><div class=\"price\">$489,000</div>"
        f"{own}<div class=\"cards\"><h2>Similar Homes For Sale</h2><div class=\"card\"><p>$455,000</p>"
        f"<p>3 bd \u00b7 2 ba \u00b7 {other:g} Acres</p><p>1812 W Pasadena Ave, Phoenix</p></div></div>"
        "<p>MLS # 6701122</p></body></html>"
    )
    rules = SOURCE.extract_rules(SOURCE.parse(page.encode(), name="mls_6701122.html"))
    assert rules.values.get("lot_size_acres") == acres, page
    assert rules.values.get("bedrooms_total") == beds, page
    assert "lot_size_acres" not in rules.ambiguous, page
