"""Saved-search alert mails in layouts the extractor was not written against, generated (hypothesis).

An alert mail carries one listing (a headline naming the change and the address, a summary line of
price and counts, a line of further facts, the agent's remarks) and then other homes that match the
search, each with its own address, price and counts. Mail templates differ in their markup (nested
layout tables or plain blocks), in how the headline and the summary are written and in what the
other homes' section is called.

Whatever the combination, the rules must read the mail's own listing and take nothing from the
other homes: no other price, address or count in the record, and no conflict raised by them.
"""

from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from property_pipeline.sources import get_source

SOURCE = get_source("phoenix_mls")

CITIES = ("Phoenix", "Mesa", "Glendale", "Scottsdale", "Tempe", "Chandler", "Gilbert", "Peoria")
STREETS = ("N 37th Ave", "E Windrose Dr", "W Paradise Ln", "S Rural Rd", "E Laguna Dr", "W Cactus Wren Dr",
           "N Hayden Rd", "E Baseline Rd")
OTHER_TITLES = ("Other matches for this search", "More homes for you", "Similar homes", "You might also like",
                "Other new listings", "More matches")
HEADLINES = ("new", "reduced", "status")


@st.composite
def homes(draw, count: int):
    picked = []
    numbers = draw(st.lists(st.integers(100, 29_999), min_size=count, max_size=count, unique=True))
    # Each home on a street of its own: the listing's street is how the page's own lines are told apart.
    streets = draw(st.permutations(STREETS))
    for number, street in zip(numbers, streets):
        full, half = draw(st.integers(1, 3)), draw(st.integers(0, 1))
        picked.append({
            "street_number": str(number),
            "street_name": street,
            "city": draw(st.sampled_from(CITIES)),
            "postal_code": str(draw(st.integers(85_003, 85_399))),
            "price": draw(st.integers(180, 1_900)) * 1_000 + draw(st.sampled_from((0, 900))),
            "beds": draw(st.integers(1, 6)),
            "full": full,
            "half": half,
            "sqft": draw(st.integers(800, 4_800)),
        })
    return picked


def _price_words(price: int, short: bool) -> str:
    if short and price < 1_000_000 and price % 1_000 == 0:
        return f"${price // 1_000}K"
    if short and price % 10_000 == 0:
        return f"${price / 1_000_000:g}M"
    return f"${price:,}"


def _address(home: dict) -> str:
    return f"{home['street_number']} {home['street_name']}, {home['city']}, AZ {home['postal_code']}"


def _summary(home: dict, form: int, short: bool) -> str:
    baths = f"{home['full']}.5" if home["half"] else str(home["full"])
    price = _price_words(home["price"], short)
    if form == 0:
        return f"{price}, {home['beds']}bd/{baths}ba, {home['sqft']:,} sf"
    if form == 1:
        return f"{price} \u00b7 {home['beds']} bd \u00b7 {baths} ba \u00b7 {home['sqft']:,} sq ft"
    return f"{price} | {home['beds']} beds | {baths} baths | {home['sqft']:,} sqft"


def alert_mail(home: dict, others: list[dict], draw) -> tuple[str, dict]:
    """The page and what it states of its own listing."""
    tables = draw(st.booleans())
    headline = draw(st.sampled_from(HEADLINES))
    form = draw(st.integers(0, 2))
    short = draw(st.booleans())
    year = draw(st.integers(1955, 2024))
    garage = draw(st.integers(1, 3))
    acres = draw(st.sampled_from((0.14, 0.17, 0.21, 0.25, 0.33)))
    hoa = draw(st.sampled_from(((300, "semi-annually", "Semi-Annually"), (95, "/mo", "Monthly"), (180, "per quarter", "Quarterly"))))
    listing_id = str(draw(st.integers(6_000_000, 7_999_999)))
    was = home["price"] + draw(st.integers(5, 40)) * 1_000
    stated = {
        "listing_id": listing_id,
        "list_price": float(home["price"]),
        "street_number": home["street_number"],
        "street_name": home["street_name"],
        "city": home["city"],
        "postal_code": home["postal_code"],
        "bedrooms_total": home["beds"],
        "bathrooms_full": home["full"],
        "bathrooms_half": home["half"],
        "living_area": float(home["sqft"]),
        "year_built": year,
        "garage_spaces": float(garage),
        "lot_size_acres": acres,
        "association_fee": float(hoa[0]),
        "association_fee_frequency": hoa[2],
    }
    if headline == "new":
        head, summary = f"New Listing! {_address(home)}", _summary(home, form, short)
        stated["standard_status"] = "Active"
    elif headline == "reduced":
        # The old price is written beside the new one; only the new one is the listing's.
        head = f"Price Reduced! {_address(home)}"
        summary = f"Now ${home['price']:,} (was ${was:,}) \u00b7 " + _summary(home, form, False).split(" ", 1)[1].lstrip(",\u00b7| ")
        stated["standard_status"] = "Active"
    else:
        head, summary = f"Status change: Pending \u2014 {_address(home)}", _summary(home, form, short)
        stated["standard_status"] = "Pending"
    facts = f"Built {year} \u00b7 {garage}-car garage \u00b7 {acres} ac lot"
    hoa_line = f"HOA ${hoa[0]} {hoa[1]}" if hoa[1] != "/mo" else f"HOA ${hoa[0]}/mo"
    remarks = "Single-level home on a quiet cul-de-sac with a covered patio, mature citrus and an updated kitchen."
    title = draw(st.sampled_from(OTHER_TITLES))
    cards = [(_address(o), _summary(o, draw(st.integers(0, 2)), draw(st.booleans()))) for o in others]

    def block(*lines: str, tag: str = "p") -> str:
        inner = "".join(f"<{tag}>{html.escape(line)}</{tag}>" for line in lines)
        return f"<tr><td>{inner}</td></tr>" if tables else f"<div>{inner}</div>"

    parts = [
        block("Your saved search \u201cWest Valley 3+ beds\u201d has an update", tag="p"),
        block(head, tag="h2"),
        block(summary, facts, f"{home['full']} full + {home['half']} half ba" if home["half"] else f"{home['full']} full ba", hoa_line),
        block(f"MLS# {listing_id}"),
        block("From the listing agent:", remarks),
        block(title, tag="h3"),
        *(block(address, line) for address, line in cards),
        block("You are receiving this because you saved a search. Unsubscribe or manage your alerts."),
    ]
    body = "".join(parts)
    if tables:
        body = f"<table role=\"presentation\" width=\"600\"><tbody>{body}</tbody></table>"
    page = (f"<!DOCTYPE html><html><head><title>{html.escape(head)}</title></head>"
            f"<body>{body}</body></html>")
    return page, stated


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(listed=homes(4), data=st.data())
def test_an_alert_mail_gives_its_own_listing_and_nothing_of_the_other_matches(listed, data):
    home, others = listed[0], listed[1 : 1 + data.draw(st.integers(1, 3))]
    page, stated = alert_mail(home, others, data.draw)
    doc = SOURCE.parse(page.encode(), name=f"mls_{stated['listing_id']}.html")
    rules = SOURCE.extract_rules(doc)
    got = {name: rules.values.get(name) for name in stated}
    assert got == stated, page
    # The other homes raise no conflict: nothing of theirs competes with the listing's own values.
    assert not rules.ambiguous & set(stated), (sorted(rules.ambiguous), page)
