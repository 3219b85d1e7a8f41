"""Stat rows whose only labels are icons' attributes, generated (hypothesis): an `<img>` with an
alt text, or without one a title or an accessible name, an `<i>` or `<span>` with an aria-label or a
title, each before the count it labels. Whichever attribute the template uses, the counts read.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from property_pipeline.sources import get_source

SOURCE = get_source("phoenix_mls")


def _icon(label: str, form: int) -> str:
    return (
        f'<img src="i.svg" alt="{label}">',
        f'<img src="i.svg" alt="" title="{label}">',
        f'<img src="i.svg" aria-label="{label}">',
        f'<i class="icon" aria-label="{label}"></i>',
        f'<span class="icon" title="{label}"></span>',
    )[form]


@settings(max_examples=120, deadline=None)
@given(beds=st.integers(1, 6), baths=st.integers(1, 4), sqft=st.integers(800, 4_800),
       forms=st.tuples(st.integers(0, 4), st.integers(0, 4)), bed_word=st.sampled_from(("Bedrooms", "Beds")),
       bath_word=st.sampled_from(("Bathrooms", "Baths")))
def test_counts_labelled_only_by_their_icons_read(beds, baths, sqft, forms, bed_word, bath_word):
    page = (
        "<html><head><title>7710 N 19th Ave, Phoenix, AZ 85021</title></head><body>"
        "<h1>7710 N 19th Ave, Phoenix, AZ 85021</h1><p class=\"price\">$389,000</p>"
        f"<ul class=\"stats\"><li>{_icon(bed_word, forms[0])} <span>{beds}</span></li>"
        f"<li>{_icon(bath_word, forms[1])} <span>{baths}</span></li><li><span>{sqft:,} sq ft</span></li></ul>"
        "<p>MLS# 6681234</p></body></html>"
    )
    values = SOURCE.extract_rules(SOURCE.parse(page.encode(), name="mls_6681234.html")).values
    got = (values.get("bedrooms_total"), values.get("bathrooms_full"), values.get("living_area"))
    assert got == (beds, baths, float(sqft)), page
