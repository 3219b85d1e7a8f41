"""Baths as prose writes them, generated (hypothesis): every way of putting a full count and its
half baths into words reads as those two counts, once (never a second, conflicting reading of a
part of the phrase).
"""

from __future__ import annotations

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
