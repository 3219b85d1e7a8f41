"""Listing fields from a page's machine-readable data (see `html.structured`, `html.embedded_state`).

`structured_candidates` adds, at the `MACHINE` tier, what schema.org JSON-LD and
microdata (`schema_candidates`) and the page's own embedded listing object
(`embedded_candidates`) state, with evidence "json_ld", "microdata",
"embedded_json", "meta" or "attribute". `schema_type_fallback` names the
property type from the schema.org `@type` when nothing else does.
"""

from __future__ import annotations

import re
from typing import Any

from .candidates import MACHINE, Candidates, Resolved
from .html import collapse, schema_facts
from .listing_values import (
    lot_from_number,
    positive_number,
    read_bedrooms,
    read_dwelling,
    read_garage,
    read_listing_id,
    read_living_area,
    read_price,
    read_stories,
    read_year,
)
from .normalize import (
    is_placeholder,
    normalize_apn,
    normalize_city,
    normalize_dwelling_type,
    normalize_frequency,
    normalize_status,
    normalize_zip,
    parse_baths,
    parse_int,
    parse_lot_size,
    parse_money,
    parse_number,
    plausible_city,
    state_code,
)

MICRODATA_KEYS = frozenset(
    "streetAddress addressLocality addressRegion postalCode price latitude longitude numberOfBedrooms numberOfRooms "
    "numberOfBathroomsTotal numberOfFullBathrooms numberOfPartialBathrooms yearBuilt floorSize".split()
)


def structured_candidates(cands: Candidates, data: dict[str, Any]) -> None:
    """Candidates from the page's machine-readable data: JSON-LD, microdata (what JSON-LD does not
    state), the embedded listing object, and coordinates from meta tags and data attributes."""
    facts = schema_facts(data.get("jsonld", []))
    micro = {k: v for k, v in data.get("microdata", {}).items() if k in MICRODATA_KEYS and k not in facts}
    schema_candidates(cands.at(MACHINE, "json_ld"), facts)
    schema_candidates(cands.at(MACHINE, "microdata"), micro)
    embedded_candidates(cands.at(MACHINE, "embedded_json"), data.get("embedded", {}))
    for evidence, key in (("meta", "meta_geo"), ("attribute", "geo")):
        cands.at(MACHINE, evidence)
        for axis in ("latitude", "longitude"):
            cands.add(axis, data.get(key, {}).get(axis))


def schema_candidates(cands: Candidates, facts: dict[str, Any]) -> None:
    """schema.org facts (JSON-LD or microdata) as candidates."""
    add = cands.add
    add("listing_id", read_listing_id(str(facts["identifier"])) if "identifier" in facts else None)
    add("list_price", read_price(str(facts["price"])) if "price" in facts else None)
    # An offer "in stock" is a listing on the market; other availabilities say too little to map.
    add("standard_status", "Active" if str(facts.get("availability", "")).lower() == "instock" else None)
    if "numberOfBedrooms" in facts or "numberOfRooms" in facts:
        add("bedrooms_total", read_bedrooms(str(facts.get("numberOfBedrooms", facts.get("numberOfRooms")))))
    if "numberOfFullBathrooms" in facts or "numberOfPartialBathrooms" in facts:
        add("bathrooms_full", parse_int(facts.get("numberOfFullBathrooms")))
        add("bathrooms_half", parse_int(facts.get("numberOfPartialBathrooms")))
    elif "numberOfBathroomsTotal" in facts:
        full, half = parse_baths(str(facts["numberOfBathroomsTotal"]))
        if full is not None:
            add("baths", (full, half))
    add("year_built", read_year(str(facts["yearBuilt"])) if "yearBuilt" in facts else None)
    add("living_area", read_living_area(str(facts["floorSize"])) if "floorSize" in facts else None)
    add("lot", _schema_lot(str(facts["lotSize"])) if "lotSize" in facts else None)
    for axis in ("latitude", "longitude"):
        add(axis, parse_number(facts.get(axis)))
    for key in ("streetAddress", "address"):
        if isinstance(facts.get(key), (str, int)) and not is_placeholder(facts[key]):
            add("address", str(facts[key]))
    city = normalize_city(facts.get("addressLocality"))
    add("city", city if plausible_city(city) else None)
    add("state_or_province", state_code(facts.get("addressRegion")))
    add("postal_code", normalize_zip(facts.get("postalCode")))


def _schema_lot(text: str) -> tuple[float, float] | None:
    """A schema.org `lotSize` ("0.26 acres", "8712 sq ft"; see `html.structured._area_text`). A bare
    number is read only when it can only be square feet (1,000 or more): "0.26" alone states no unit."""
    if re.fullmatch(r"[\d.,]+", text.strip()):
        bare = parse_number(text)
        return lot_from_number(bare, False) if bare is not None and bare >= 1000 else None
    sqft, acres = parse_lot_size(text)
    return (float(sqft), float(acres)) if sqft else None


def embedded_candidates(cands: Candidates, facts: dict[str, Any]) -> None:
    """The page's own listing object from its embedded JSON state (see `embedded_state`)."""
    add = cands.add
    add("listing_id", read_listing_id(str(facts["listing_id"])) if facts.get("listing_id") else None)
    add("parcel_number", normalize_apn(facts.get("parcel_number")))
    add("standard_status", normalize_status(str(facts.get("status") or "").replace("_", " ")) or None)
    add("list_price", read_price(str(facts["price"])) if facts.get("price") else None)
    add("bedrooms_total", read_bedrooms(str(facts["bedrooms"])) if facts.get("bedrooms") else None)
    _embedded_baths(cands, facts)
    add("living_area", read_living_area(str(facts["living_area"])) if facts.get("living_area") else None)
    _embedded_lot(cands, facts)
    add("year_built", read_year(str(facts["year_built"])) if facts.get("year_built") else None)
    add("garage_spaces", read_garage(str(facts["garage"])) if facts.get("garage") is not None else None)
    add("stories", read_stories(str(facts["stories"])) if facts.get("stories") else None)
    if isinstance(facts.get("pool_private"), bool):
        add("pool_private_yn", facts["pool_private"])
    _embedded_hoa(cands, facts)
    if facts.get("subdivision") and not is_placeholder(facts["subdivision"]):
        add("subdivision_name", collapse(str(facts["subdivision"]))[:80])
    for axis in ("latitude", "longitude"):
        add(axis, parse_number(facts.get(axis)))
    for kind in (facts.get("sub_type"), facts.get("home_type")):
        ptype, subtype = read_dwelling(re.sub(r"(?<=[a-z])(?=[A-Z])|_", " ", str(kind))) if kind else (None, None)
        add("property_type", ptype)
        add("property_sub_type", subtype)
    _embedded_address(cands, facts)


def _embedded_baths(cands: Candidates, facts: dict[str, Any]) -> None:
    full, half = parse_int(facts.get("baths_full")), parse_int(facts.get("baths_half"))
    if full:
        cands.add("bathrooms_full", full)
        cands.add("bathrooms_half", half if half is not None else None)
    elif facts.get("baths_total"):
        total_full, total_half = parse_baths(str(facts["baths_total"]))
        if total_full:
            cands.add("baths", (total_full, total_half))


def _embedded_lot(cands: Candidates, facts: dict[str, Any]) -> None:
    """Lot from `lotAreaValue` + `lotAreaUnits`, a square-feet or acres key, or a "0.25 Acres" text."""
    value, units = facts.get("lot_area_value"), str(facts.get("lot_area_units") or "")
    if positive_number(value):
        lot = lot_from_number(float(value), "acre" in units.lower())
    elif positive_number(facts.get("lot_sqft")):
        lot = lot_from_number(float(facts["lot_sqft"]), False)
    elif positive_number(facts.get("lot_acres")):
        lot = lot_from_number(float(facts["lot_acres"]), True)
    elif positive_number(facts.get("lot_text")):
        lot = lot_from_number(float(facts["lot_text"]), False)
    elif isinstance(facts.get("lot_text"), str) and not is_placeholder(facts["lot_text"]):
        sqft, acres = parse_lot_size(facts["lot_text"])
        lot = (float(sqft), float(acres)) if sqft else None
    else:
        return
    cands.add("lot", lot)


def _embedded_hoa(cands: Candidates, facts: dict[str, Any]) -> None:
    monthly = facts.get("hoa_monthly_fee")
    fee = monthly if monthly not in (None, "", 0) else facts.get("hoa_fee")
    fee = parse_money(fee) if isinstance(fee, (int, float, str)) and not isinstance(fee, bool) else None
    if fee:
        cands.add("association_fee", fee)
        stated = normalize_frequency(facts.get("hoa_frequency"))
        cands.add("association_fee_frequency", stated or ("Monthly" if monthly not in (None, "", 0) else None))
    if isinstance(facts.get("has_hoa"), bool):
        cands.add("association_yn", facts["has_hoa"])


def _embedded_address(cands: Candidates, facts: dict[str, Any]) -> None:
    street = facts.get("street")
    if street and not is_placeholder(street):
        cands.add("address", str(street))
    city = normalize_city(facts.get("city"))
    cands.add("city", city if plausible_city(city) else None)
    cands.add("state_or_province", state_code(facts.get("state")))
    cands.add("postal_code", normalize_zip(facts.get("zip")))
    cands.add("unit_number", str(facts["unit"]).strip("# ") if facts.get("unit") else None)


def schema_type_fallback(data: dict[str, Any], out: Resolved) -> None:
    """A property type from the schema.org @type ("SingleFamilyResidence") when nothing else names it."""
    if out.values.get("property_type"):
        return
    facts = schema_facts(data.get("jsonld", []))
    micro = data.get("microdata", {})
    kind = facts.get("accommodationCategory") or facts.get("type") or micro.get("@itemtype")
    if not kind:
        return
    ptype, subtype = normalize_dwelling_type(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(kind)))
    if ptype:
        out.values["property_type"] = ptype
        out.evidence["property_type"] = "json_ld" if facts.get("accommodationCategory") or facts.get("type") else "microdata"
        if subtype:
            out.values["property_sub_type"] = subtype
            out.evidence["property_sub_type"] = out.evidence["property_type"]
