"""Facts as prose writes them, generated (hypothesis): every way of putting a full count and its
half baths into words reads as those two counts, once (never a second, conflicting reading of a
part of the phrase); an association's fee reads with its period in any word order; a subdivision
named in a sentence reads, a city or a kind of community does not; a total's breakdown wins.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from property_pipeline.sources import get_source

SOURCE = get_source("phoenix_mls")
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def _count(n: int, words: bool) -> str:
    return WORDS[n] if words else str(n)


@st.composite
def bath_phrases(draw):
    """(phrase, full, half)."""
    full = draw(st.integers(1, 5))
    words = draw(st.booleans())
    bath = draw(st.sampled_from(("baths", "bathrooms", "baths")))
    one_half = [
        f"{full}.5 {bath}",
        f"{_count(full, words)} and a half {bath}",
        f"{_count(full, words)}-and-a-half {bath}",
        f"{full} 1/2 {bath}",
        f"{_count(full, words)} full {bath} plus a powder room",
        f"{_count(full, words)} full {bath} and a half bath",
        f"{full} full and 1 half {bath}",
        f"{_count(full, words)} {bath} plus a powder room",
    ]
    halves = draw(st.integers(0, 2))
    if halves == 0:
        phrase = draw(st.sampled_from((f"{_count(full, words)} {bath}", f"{_count(full, words)} full {bath}")))
    elif halves == 1:
        phrase = draw(st.sampled_from(one_half))
    else:
        phrase = draw(st.sampled_from((f"{full} full {bath}, 2 half {bath}", f"{_count(full, words)} full {bath} and two half {bath}")))
    return phrase, full, halves


@settings(max_examples=150, deadline=None)
@given(phrase=bath_phrases(), beds=st.integers(1, 6), lead=st.sampled_from(("has", "offers", "features", "comes with")))
def test_a_bath_phrase_in_the_remarks_reads_as_its_full_and_half_counts(phrase, beds, lead):
    text, full, half = phrase
    page = (
        "<html><head><title>4421 N 37th Ave, Phoenix, AZ 85019</title></head><body>"
        "<h1>4421 N 37th Ave, Phoenix, AZ 85019</h1>"
        f"<p>Offered at $389,000. This single-story home {lead} {beds} bedrooms and {text}, with 1,950 square feet "
        "on a 7,405 sq ft lot. Built in 1988, with a two-car garage.</p><p>MLS# 6712034</p></body></html>"
    )
    rules = SOURCE.extract_rules(SOURCE.parse(page.encode(), name="mls_6712034.html"))
    got = {k: rules.values.get(k) for k in ("bedrooms_total", "bathrooms_full", "bathrooms_half")}
    assert got == {"bedrooms_total": beds, "bathrooms_full": full, "bathrooms_half": half}, text
    assert not rules.ambiguous & {"bathrooms_full", "bathrooms_half"}, text


def _remarks_page(sentence: str) -> str:
    return (
        "<html><head><title>4421 N 37th Ave, Phoenix, AZ 85019</title></head><body>"
        "<p>4421 N 37th Ave, Phoenix, AZ 85019 \u00b7 MLS #6712034 \u00b7 Active</p>"
        "<p>Offered at $459,000! This single-family home has 3 bedrooms and 2 baths with 1,650 square feet. "
        f"{sentence} Comparable homes nearby sold for $480,000, and similar homes rent for $1,650/month.</p></body></html>"
    )


PERIODS = {"month": "Monthly", "quarter": "Quarterly", "year": "Annually"}
ADVERBS = {"month": "monthly", "quarter": "quarterly", "year": "annual"}


@settings(max_examples=120, deadline=None)
@given(fee=st.integers(25, 900), period=st.sampled_from(sorted(PERIODS)), form=st.integers(0, 5),
       who=st.sampled_from(("HOA", "association", "Association")))
def test_an_association_fee_in_prose_reads_with_its_period(fee, period, form, who):
    sentence = (
        f"{who} dues are ${fee} per {period}.",
        f"The {who} is ${fee} a {period}.",
        f"{ADVERBS[period].capitalize()} {who} dues of ${fee} cover the pool.",
        f"${fee}/{period} {who} covers the common areas.",
        f"Low ${fee} {ADVERBS[period]} {who}.",
        f"{who} fees run ${fee} every {period}.",
    )[form]
    rules = SOURCE.extract_rules(SOURCE.parse(_remarks_page(sentence).encode(), name="mls_6712034.html"))
    got = {k: rules.values.get(k) for k in ("association_yn", "association_fee", "association_fee_frequency", "list_price")}
    assert got == {"association_yn": True, "association_fee": float(fee), "association_fee_frequency": PERIODS[period],
                   "list_price": 459_000.0}, sentence


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(("Maryvale Terrace", "Sunset Ridge", "Estrella Mountain Ranch", "Tempe Gardens 4", "Desert Harbor")),
       form=st.integers(0, 2))
def test_a_subdivision_named_in_prose_reads_and_a_city_or_a_kind_of_community_does_not(name, form):
    sentence = (f"It sits in the {name} subdivision.", f"The home is part of the {name} community.",
                f"Located in {name} community, close to parks.")[form]
    values = SOURCE.extract_rules(SOURCE.parse(_remarks_page(sentence).encode(), name="mls_6712034.html")).values
    assert values.get("subdivision_name") == name, sentence
    for other in ("It sits in the Phoenix community.", "It sits in a gated community.", "A home in the Gilbert community."):
        values = SOURCE.extract_rules(SOURCE.parse(_remarks_page(other).encode(), name="mls_6712034.html")).values
        assert values.get("subdivision_name") is None, other


@pytest.mark.parametrize("stat,full,half", [
    ("3 Baths (2 full, 1 half)", 2, 1), ("4 Baths (3 Full / 1 Half)", 3, 1), ("2F 1H Baths", 2, 1), ("2.5 Baths", 2, 1),
])
def test_a_total_with_its_breakdown_reads_as_the_breakdown(stat, full, half):
    page = ("<html><head><title>1450 W Coolidge St, Phoenix, AZ 85013</title></head><body><h1>1450 W Coolidge St, Phoenix, "
            f"AZ 85013</h1><ul><li>4 Beds</li><li>{stat}</li><li>1,980 Sq Ft</li></ul><p>MLS # 6701122</p></body></html>")
    values = SOURCE.extract_rules(SOURCE.parse(page.encode(), name="mls_6701122.html")).values
    assert (values.get("bathrooms_full"), values.get("bathrooms_half")) == (full, half)
