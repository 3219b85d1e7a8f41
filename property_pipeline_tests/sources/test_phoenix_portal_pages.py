"""National-portal pages: identity from wherever the page states it, facts from its own embedded state.

The page's own listing object is found in `__NEXT_DATA__`, `window.__INITIAL_STATE__`-style
assignments, `application/json` data islands, Apollo caches and JSON stringified inside JSON, matched
by the id in the page's URL/title or by the page's street, and never taken from "similar homes" /
"nearby" / comps entries, wherever they sit. Where each value came from is reported as evidence.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from property_pipeline.contract import EXTRACTED_COLUMNS, JSON_COLUMNS
from property_pipeline.extraction.extractor import Extractor
from property_pipeline.landing import scan_partition
from property_pipeline.sources.html import MAX_TEXT_CHARS
from property_pipeline.sources.phoenix_mls import extract_rules, parse

OWN = {
    "zpid": 48213377, "mlsid": "6712345", "price": 615000, "bedrooms": 4, "bathrooms": 2.5,
    "livingArea": 2150, "lotAreaValue": 0.19, "lotAreaUnits": "Acres", "yearBuilt": 1998, "homeStatus": "FOR_SALE",
    "homeType": "SINGLE_FAMILY", "latitude": 33.5012, "longitude": -111.9267, "parcelNumber": "173-22-041",
    "monthlyHoaFee": 85, "resoFacts": {"garageParkingCapacity": 2, "stories": 2, "subdivisionName": "Silverleaf",
                                       "bathroomsFull": 2, "bathroomsHalf": 1},
    "address": {"streetAddress": "7412 E Sandia Dr", "city": "Scottsdale", "state": "AZ", "zipcode": "85255"},
    "description": "Light-filled single-level home on a quiet cul-de-sac with mountain views and a new roof.",
}
EXPECTED = {
    "listing_id": "6712345", "list_price": 615000.0, "bedrooms_total": 4, "bathrooms_full": 2, "bathrooms_half": 1,
    "bathrooms_total_integer": 3, "living_area": 2150.0, "lot_size_acres": 0.19, "lot_size_square_feet": 8276.0,
    "year_built": 1998, "standard_status": "Active", "property_type": "Residential",
    "property_sub_type": "Single Family Residence", "latitude": 33.5012, "longitude": -111.9267,
    "parcel_number": "17322041", "association_fee": 85.0, "association_fee_frequency": "Monthly",
    "association_yn": True, "garage_spaces": 2.0, "stories": 2, "subdivision_name": "Silverleaf",
    "street_number": "7412", "street_name": "E Sandia Dr", "city": "Scottsdale", "state_or_province": "AZ",
    "postal_code": "85255",
}
URL = "https://www.portal.example/homedetails/7412-E-Sandia-Dr-Scottsdale-AZ-85255/48213377_zpid/"


def _other(n: int) -> dict:
    """A "similar homes" listing: every fact different from the page's own."""
    return {"zpid": 50000000 + n, "mlsid": f"69{n:05d}", "price": 300000 + 1000 * n, "bedrooms": 6, "bathrooms": 5,
            "livingArea": 4100 + n, "yearBuilt": 1960, "homeStatus": "RECENTLY_SOLD", "homeType": "CONDO",
            "latitude": 33.1, "longitude": -112.2, "parcelNumber": "300-11-222",
            "address": {"streetAddress": f"{100 + n} W Other Rd", "city": "Mesa", "state": "AZ", "zipcode": "85201"}}


def _state(own: dict, others: int = 3) -> dict:
    return {"nearbyHomes": [_other(i) for i in range(others)],
            "page": {"listing": own, "similarHomes": {"homes": [_other(i + 10) for i in range(others)]}},
            "comps": [_other(i + 20) for i in range(others)]}


def _html(scripts: str, *, head: str = "", body: str = "") -> bytes:
    title = "" if "<title>" in head else "<title>Home details</title>"
    return (f"<!doctype html><html><head>{title}{head}</head>"
            f"<body><div id='app'>Loading</div>{body}{scripts}</body></html>").encode()


CANONICAL = f'<link rel="canonical" href="{URL}">'


def _next_data(own: dict) -> str:
    cache = json.dumps({'ForSaleQuery{"zpid":48213377}': {"property": own}, "other": _state(_other(99))})
    data = {"props": {"pageProps": {"componentProps": {"gdpClientCache": cache}}}}
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'


def _assignment(name: str):
    def script(own: dict) -> str:
        return f"<script>window.{name} = {json.dumps(_state(own))};\nwindow.other = 1;</script>"
    return script


def _data_island(own: dict) -> str:
    return f'<script type="application/json" id="listing-data">{json.dumps(_state(own))}</script>'


def _apollo(own: dict) -> str:
    cache = {f"Property:{_other(i)['zpid']}": _other(i) for i in range(4)} | {"Property:48213377": own}
    return f"<script>window.__APOLLO_STATE__ = {json.dumps(cache)};</script>"


def _json_parse(own: dict) -> str:
    text = json.dumps(json.dumps(_state(own)))
    return f"<script>window.__STATE__ = JSON.parse({text});</script>"


SHAPES = {
    "next_data_stringified_cache": _next_data,
    "initial_state": _assignment("__INITIAL_STATE__"),
    "preloaded_state": _assignment("__PRELOADED_STATE__"),
    "apollo_cache": _apollo,
    "json_data_island": _data_island,
    "json_parse_string": _json_parse,
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_own_listing_object_is_read_from_every_state_shape(shape: str):
    rules = extract_rules(parse(_html(SHAPES[shape](OWN), head=CANONICAL)))
    wrong = {k: (rules.values.get(k), v) for k, v in EXPECTED.items() if rules.values.get(k) != v}
    assert not wrong
    assert rules.evidence["list_price"] == "embedded_json"
    assert rules.values["public_remarks"] == OWN["description"]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_matched_by_the_title_street_when_no_id_is_stated(shape: str):
    own = {k: v for k, v in OWN.items() if k not in ("zpid", "mlsid")}
    head = "<title>7412 E Sandia Dr, Scottsdale, AZ 85255 | Homes</title>"
    values = extract_rules(parse(_html(SHAPES[shape](own), head=head))).values
    assert values["list_price"] == 615000.0 and values["bedrooms_total"] == 4


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_never_a_similar_homes_entry(shape: str):
    """The state holds only other listings: nothing is taken from it."""
    values = extract_rules(parse(_html(SHAPES[shape](_other(77)), head=CANONICAL))).values
    for name in ("list_price", "bedrooms_total", "living_area", "year_built", "parcel_number", "listing_id"):
        assert name not in values


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=st.integers(0, 6), after=st.integers(0, 6), wrapper=st.lists(
    st.sampled_from(["data", "props", "pageProps", "initialData", "payload", "entities"]), min_size=1, max_size=4),
    stringify=st.booleans(), list_key=st.sampled_from(["listings", "results", "homes", "items"]))
def test_own_listing_among_others_anywhere(before: int, after: int, wrapper: list[str], stringify: bool,
                                           list_key: str):
    """The own listing in a list of other listings (at any position, under any neutral keys,
    possibly stringified) is found by the id in the canonical URL."""
    listings = [_other(i) for i in range(before)] + [OWN] + [_other(50 + i) for i in range(after)]
    value: object = {list_key: listings}
    for key in reversed(wrapper):
        value = {key: json.dumps(value) if stringify else value}
    script = f'<script type="application/json">{json.dumps(value)}</script>'
    values = extract_rules(parse(_html(script, head=CANONICAL))).values
    assert values["list_price"] == 615000.0 and values["parcel_number"] == "17322041"


def test_visible_facts_win_over_the_state():
    body = "<h1>7412 E Sandia Dr, Scottsdale, AZ 85255</h1><p>List Price: $615,000</p><p>Bedrooms: 4</p>"
    rules = extract_rules(parse(_html(_next_data(OWN), head=CANONICAL, body=body)))
    assert rules.evidence["list_price"] == "label" and "list_price" in rules.structured
    assert rules.evidence["year_built"] == "embedded_json"


IDENTITY = {
    "title": ('<title>7412 E Sandia Dr, Scottsdale, AZ 85255 | MLS #6712345 | Homes</title>', ""),
    "og_title": ('<meta property="og:title" content="7412 E Sandia Dr, Scottsdale, AZ 85255 | Homes">', ""),
    "twitter_title": ('<meta name="twitter:title" content="7412 E Sandia Dr, Scottsdale, AZ 85255">', ""),
    "description": (('<meta name="description" content="Homes has 30 photos of this $615,000 4 beds, 2.5 baths '
                     'home located at 7412 E Sandia Dr, Scottsdale, AZ 85255 MLS #6712345.">'), ""),
    "canonical_slug": (CANONICAL, ""),
    "og_url_slug": (f'<meta property="og:url" content="{URL}">', ""),
    "history_heading": ("", "<h2>Sale and tax history for 7412 E Sandia Dr, Scottsdale, AZ 85255</h2>"),
    "image_alt": ("", '<img src="a.jpg" alt="7412 E Sandia Dr, Scottsdale, AZ 85255 - front of home">'),
}
EVIDENCE = {"title": "title", "og_title": "meta", "twitter_title": "meta", "description": "meta",
            "canonical_slug": "url", "og_url_slug": "url", "history_heading": "heading", "image_alt": "alt"}


@pytest.mark.parametrize("where", sorted(IDENTITY))
def test_address_from_wherever_the_page_states_it(where: str):
    head, body = IDENTITY[where]
    body += "<p>List Price: $615,000</p><p>Bedrooms: 4</p><p>1 Ba, Sq Ft</p><p>5 Days, On Portal</p>"
    rules = extract_rules(parse(_html("", head=head, body=body)))
    assert rules.values["unparsed_address"] == "7412 E Sandia Dr, Scottsdale, AZ 85255"
    assert rules.evidence["street_name"] == EVIDENCE[where]


def test_out_of_state_address_keeps_its_state():
    head = "<title>6415 Copper Creek Dr, Dallas, TX 75248 | MLS #21067236 | Portal</title>"
    values = extract_rules(parse(_html("", head=head, body="<p>List Price: $550,000</p>"))).values
    assert (values["city"], values["state_or_province"], values["postal_code"]) == ("Dallas", "TX", "75248")


def test_a_400_kb_page_keeps_its_facts_within_the_prompt_budget():
    state = _state(OWN, others=600)
    css = "".join(f".c{i}{{margin:{i % 7}px;color:#333}}" for i in range(4000))
    cards = "".join(f"<li class='card'><span>${300 + i},000</span> <span>{i % 5 + 1} bd</span> "
                    f"<span>{100 + i} W Other Rd, Mesa, AZ 85201</span></li>" for i in range(400))
    body = ("<h1>7412 E Sandia Dr, Scottsdale, AZ 85255</h1><p>List Price: $615,000</p>"
            f"<section class='similar-homes'><h2>Similar homes</h2><ul>{cards}</ul></section>")
    raw = _html(f'<script type="application/json">{json.dumps(state)}</script>',
                head=CANONICAL + f"<style>{css}</style>", body=body)
    assert len(raw) >= 400_000
    doc = parse(raw)
    assert len(doc.text) <= MAX_TEXT_CHARS
    assert "List Price: $615,000" in doc.text and "Listing data:" in doc.text
    assert "W Other Rd" not in doc.text
    values = extract_rules(doc).values
    assert values["year_built"] == 1998 and values["list_price"] == 615000.0


def test_the_record_says_where_each_value_came_from(tmp_path: Path):
    day = tmp_path / "phoenix_mls" / "2026-11-20"
    day.mkdir(parents=True)
    body = "<h1>7412 E Sandia Dr, Scottsdale, AZ 85255</h1><p>Bedrooms: 4</p>"
    (day / "portal_1.html").write_bytes(_html(_next_data(OWN), head=CANONICAL, body=body))
    files = scan_partition(tmp_path, "phoenix_mls", dt.date(2026, 11, 20))
    record = asyncio.run(Extractor("phoenix_mls", root=tmp_path).run(files)).records[0]
    assert "field_evidence" in EXTRACTED_COLUMNS and "field_evidence" in JSON_COLUMNS
    evidence = record["field_evidence"]
    assert evidence["bedrooms_total"] == "label"
    assert evidence["year_built"] == evidence["list_price"] == "embedded_json"
    assert evidence["street_name"] == "embedded_json"
    assert set(record["field_sources"].values()) == {"rules"}
    assert set(evidence) == {k for k, v in record.items() if k in record["field_sources"]}
