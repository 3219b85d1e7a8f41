"""Price histories, generated (hypothesis): the latest dated event tells the current price and
status, whatever order the page lists events in (newest first, oldest first) and however it lays
them out (a table, a timeline list, ARIA rows); no older price is ever the listing's, and a page
that labels its price keeps that label.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from property_pipeline.sources import get_source
from property_pipeline.sources.price_history import current_list_price, latest_event, read_event

SOURCE = get_source("phoenix_mls")
LISTING_WORDS = ("Listed for sale", "Listed", "Price change", "Price reduced", "Relisted", "Price increase")
OTHER_WORDS = {"sold": "Sold", "pending": "Pending sale", "off_market": "Listing withdrawn"}


def _date(day: dt.date, form: int) -> str:
    return (day.strftime("%m/%d/%Y"), day.isoformat(), day.strftime("%b %d, %Y").replace(" 0", " "))[form]


@st.composite
def histories(draw):
    """(events oldest first as (date, words, amount), the current price or None, the status or None)."""
    count = draw(st.integers(2, 6))
    days = sorted(draw(st.lists(st.integers(0, 3_000), min_size=count, max_size=count, unique=True)))
    start = dt.date(2017, 1, 1)
    rows = []
    for offset in days:
        kind = draw(st.sampled_from(("listing", "listing", "listing", "sold", "pending", "off_market")))
        words = draw(st.sampled_from(LISTING_WORDS)) if kind == "listing" else OTHER_WORDS[kind]
        amount = None if kind == "off_market" else draw(st.integers(180, 900)) * 1_000 + draw(st.sampled_from((0, 500, 900)))
        rows.append((start + dt.timedelta(days=offset), words, amount, kind))
    last = rows[-1]
    price = last[2] if last[3] == "listing" else None
    status = {"listing": "Active", "pending": "Pending", "sold": "Closed"}.get(last[3])
    return rows, price, status


def _row_text(row, form: int, layout: int) -> list[str]:
    day, words, amount, _ = row
    cells = [_date(day, form), words, f"${amount:,}" if amount else "\u2014"]
    if layout == 0:
        return [f"<tr>{''.join(f'<td>{c}</td>' for c in cells)}</tr>"]
    if layout == 1:
        tail = f" for ${amount:,}" if amount else ""
        return [f"<li>{cells[0]} \u2014 {words}{tail}</li>"]
    spans = "".join(f'<span role="cell">{c}</span>' for c in cells)
    return [f'<div role="row">{spans}</div>']


@settings(max_examples=150, deadline=None)
@given(history=histories(), newest_first=st.booleans(), form=st.integers(0, 2), layout=st.integers(0, 2),
       titled=st.booleans())
def test_the_latest_listing_event_is_the_price_whatever_the_order_and_layout(history, newest_first, form, layout, titled):
    rows, price, status = history
    ordered = list(reversed(rows)) if newest_first else rows
    items = "".join(t for row in ordered for t in _row_text(row, form, layout))
    block = {0: f"<table>{items}</table>", 1: f"<ol>{items}</ol>", 2: f'<div role="table">{items}</div>'}[layout]
    heading = "<h2>Price history</h2>" if titled else "<h2>Listing timeline</h2>"
    page = (
        "<html><head><title>5120 W Glenn Dr, Glendale, AZ 85301</title></head><body>"
        "<h1>5120 W Glenn Dr, Glendale, AZ 85301</h1><p>3 bd \u00b7 2 ba \u00b7 1,410 sqft</p><p>MLS# 6690031</p>"
        f"<section>{heading}{block}</section></body></html>"
    )
    values = SOURCE.extract_rules(SOURCE.parse(page.encode(), name="mls_6690031.html")).values
    assert values.get("list_price") == (float(price) if price else None), page
    assert values.get("standard_status") == status, page


@settings(max_examples=60, deadline=None)
@given(history=histories(), labelled=st.integers(200, 900).map(lambda n: n * 1_000 + 450))
def test_a_labelled_price_wins_over_the_history(history, labelled):
    rows, _, _ = history
    items = "".join(t for row in reversed(rows) for t in _row_text(row, 0, 0))
    page = (
        "<html><head><title>5120 W Glenn Dr, Glendale, AZ 85301</title></head><body>"
        f"<h1>5120 W Glenn Dr, Glendale, AZ 85301</h1><p>List Price: ${labelled:,}</p><p>Status: Active</p>"
        f"<section><h2>Price history</h2><table>{items}</table></section></body></html>"
    )
    values = SOURCE.extract_rules(SOURCE.parse(page.encode(), name="mls_6690031.html")).values
    assert values.get("list_price") == float(labelled)
    assert values.get("standard_status") == "Active"


def test_an_event_needs_a_date_and_an_event_word_and_a_change_reads_its_new_amount():
    assert read_event("$339,000 3 bd 2 ba") is None
    assert read_event("11/20/2026 nothing happened") is None
    event = read_event("11/20/2026 | Price reduced to $339,000 (-$10,900)")
    assert (event.date, event.kind, event.amount) == ((2026, 11, 20), "listing", 339_000)
    assert read_event("Listing withdrawn 04/20/2019").kind == "off_market"
    assert latest_event(["11/20/2026 | Price change | $339,000"]) is None  # one dated row is no history
    assert current_list_price(["2026-10-01 Listed $349,900", "2026-11-20 Sold $345,000"]) is None
