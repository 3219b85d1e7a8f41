"""Contract fields resolved from several candidates or parts of the page: baths, address, remarks.

`resolve_baths` turns full / half / three-quarter / total candidates into the
three bath fields; `resolve_address` takes the labelled address (or, failing
that, the address the page states in a heading, its title, meta tags, URL, image
alt text or an address-shaped line) and completes city, state and ZIP;
`resolve_remarks` takes the remarks block (or the embedded listing's
description).
"""

from __future__ import annotations

import re
from typing import Any

from .candidates import VISIBLE, Candidates, Resolved
from .html import collapse, schema_facts
from .html.identity import STREET_TYPE
from .html.tree import MAX_REMARKS_CHARS
from .listing_values import city_state_zip_in
from .normalize import (
    address_from_line,
    compose_address,
    plausible_street,
    split_street,
)


def resolve_remarks(data: dict[str, Any], out: Resolved) -> None:
    if data.get("remarks"):
        out.values["public_remarks"] = data["remarks"]
        out.evidence["public_remarks"] = "label"
        return
    # The page's own listing object's description, in its script state or its JSON-LD (a page whose
    # visible text holds no remarks).
    for description, evidence in ((data.get("embedded", {}).get("description"), "embedded_json"),
                                  (schema_facts(data.get("jsonld") or []).get("description"), "json_ld")):
        if isinstance(description, str) and len(description.strip()) > 40:
            out.values["public_remarks"] = collapse(description)[:MAX_REMARKS_CHARS]
            out.evidence["public_remarks"] = evidence
            out.structured.add("public_remarks")
            return


def resolve_baths(cands: Candidates, out: Resolved) -> None:
    values = out.values
    full = out.resolve(cands, "bathrooms_full")
    half = out.resolve(cands, "bathrooms_half")
    threeq = out.resolve(cands, "bathrooms_threeq")
    total = out.resolve(cands, "baths")
    source = "bathrooms_full" if full is not None else "baths"
    if full is None and total:
        full = total[0]
        if half is None:
            half = total[1]
    for name in ("bathrooms_full", "bathrooms_half", "bathrooms_total_integer"):
        out.follow(name, source)
    if full is not None and half is None and total is not None and cands.has("bathrooms_full", VISIBLE) \
            and total[0] is not None and total[0] + (total[1] or 0) > full + (threeq or 0):
        # "Bathrooms: 3" + "Full bathrooms: 2": one more bath of an unstated kind.
        values["bathrooms_full"] = full
        values["bathrooms_total_integer"] = total[0] + (total[1] or 0)
        return
    if full is not None and half is None and (total is not None or cands.has("bathrooms_full", VISIBLE)):
        half = 0
    if full is not None:
        values["bathrooms_full"] = full
        values["bathrooms_half"] = half if half is not None else 0
        values["bathrooms_total_integer"] = full + (half or 0) + (threeq or 0)
    elif half is not None:
        values["bathrooms_half"] = half


def resolve_address(cands: Candidates, data: dict[str, Any], out: Resolved) -> None:
    values = out.values
    parts, evidence = _labelled_address(cands, out)
    if not parts.get("street_name"):
        parts, evidence = _address_from_page(data)
    elif not (parts.get("city") or parts.get("postal_code")):
        parts = _place_of_same_street(parts, data)
    for key in ("street_number", "street_name", "unit_number"):
        if parts.get(key):
            values[key] = parts[key]
            out.evidence[key] = evidence
    unit = out.resolve(cands, "unit_number")
    if unit and not values.get("unit_number"):
        values["unit_number"] = unit
    if values.get("street_name") and not values.get("unit_number"):
        _unit_after_street(data, values, out, evidence)
    for key in ("city", "state_or_province", "postal_code"):
        value = out.resolve(cands, key)
        if value is None and parts.get(key):
            value = parts[key]
            out.evidence[key] = evidence
        if value is not None:
            values[key] = value
    if values.get("postal_code", "").startswith(("85", "86")) and not values.get("state_or_province"):
        values["state_or_province"] = "AZ"
        out.follow("state_or_province", "postal_code")
    values["unparsed_address"] = compose_address(values)
    out.follow("unparsed_address", "street_name")


def _labelled_address(cands: Candidates, out: Resolved) -> tuple[dict[str, Any], str]:
    raw = out.resolve(cands, "address")
    if not raw:
        return {}, ""
    raw = _NOTE.sub("", str(raw))  # "6110 W Paradise Ln (Corner Lot)": the note is no part of the street
    parsed = address_from_line(raw) if re.search(r"\b(AZ|Arizona)\b|\d{5}\s*$", raw) else {}
    parts = parsed or split_street(re.split(r",", raw)[0])
    if not plausible_street(parts.get("street_name")) or (
            not parts.get("street_number") and (_WHERE.search(raw) or not STREET_TYPE.search(raw))):
        return {}, ""
    if "address" in out.structured:
        out.structured.update(k for k in parts if k in ("street_number", "street_name", "unit_number"))
    if "address" in out.ambiguous:
        out.ambiguous.update(k for k in parts if k in ("street_number", "street_name", "unit_number"))
    return parts, out.evidence.get("address", "label")


def _address_from_page(data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The address where a page states it without a label: headings, the title and meta tags, the
    page's URL, image alt text, "history for ..." headings, then any address-shaped line."""
    candidates = [("heading", h) for h in data.get("headings", [])[:3]]
    candidates += [(kind, text) for kind, text in data.get("identity", [])]
    for evidence, text in candidates:
        parts = _address_in(text)
        if parts:
            return parts, evidence
    parts = _street_heading_then_place(data)
    if parts:
        return parts, "heading"
    lines = data.get("lines", [])
    for line in sorted(lines[:80], key=lambda ln: _SUITE.search(ln) is not None):
        parts = _address_in(line)
        if parts:
            return parts, "text"
    for line in lines[:40]:
        # An alert's headline around the address ("Status change: Pending — 1234 N Main St, Mesa, AZ
        # 85201", "NEW LISTING | 2755 E Bellerive Dr, Chandler, AZ 85249"): the address is one segment.
        for segment in _HEADLINE_BREAK.split(line)[1:] if len(line) <= 160 else ():
            parts = _address_in(segment)
            if parts:
                return parts, "text"
    for i, line in enumerate(lines[:80]):
        if re.match(r"^\d+[A-Za-z]?\s+[A-Za-z0-9 .#\-]+$", line) and i + 1 < len(lines):
            parts = _address_in(f"{line}, {lines[i + 1]}")
            if parts:
                return parts, "text"
    return {}, ""


def _place_of_same_street(parts: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """A labelled street without its city ("Addr: 3348 E Rosemonte Dr", a CMA's "Address" row), and the
    page's heading or a line stating the same street with its city, state and ZIP: the place is that
    line's. A heading naming another street lends nothing."""
    stated, _ = _address_from_page(data)
    same = all(str(stated.get(key) or "").lower() == str(parts.get(key) or "").lower()
               for key in ("street_number", "street_name"))
    if not same:
        return parts
    return {**parts, **{key: stated[key] for key in ("city", "state_or_province", "postal_code") if stated.get(key)}}


# Where a home is, not its address ("Location: NW of 51st Ave & Union Hills", "S of Bell Rd near 19th Ave").
_WHERE = re.compile(r"&|\b(?:of|near|between|corner|off|and|at)\b", re.I)
_NOTE = re.compile(r"\s*\([A-Za-z][A-Za-z ,.'/&-]{1,40}\)")
# An office's address ("4250 E Camelback Rd Suite 300"): a home is a unit, never a suite.
_SUITE = re.compile(r"\b(?:ste|suite)\b\.?\s*#?\s*\w+", re.I)
_SEPARATOR_MARK = re.compile(r"\s+[\u00b7\u2022|]\s+")
_COUNTY_AFTER = re.compile(r"(?<=\d{5})(?:-\d{4})?\s*(?:\|\s*)?(?:\(\s*[A-Za-z]+(?: county)?\s*\)|,?\s+[A-Za-z]+ county)\s*$", re.I)


def _address_in(text: str) -> dict[str, Any]:
    """`address_from_line`, where a middot, bullet or bar may part the street from the city ("3391
    South Joshua Tree Lane · Gilbert, Arizona 85297", a print's columns "6110 W PARADISE LN | GLENDALE |
    AZ | 85306"): read as a comma when the street would keep it; a county may close the line."""
    county = _COUNTY_AFTER.search(text)
    if county:  # "..., AZ 85306 (MARICOPA)", "... 85306 Maricopa County": the county closes it
        text = text[:county.start()]
    parts = address_from_line(text)
    if parts and _SEPARATOR_MARK.search(f" {parts.get('street_name') or ''} "):
        parts = address_from_line(_SEPARATOR_MARK.sub(", ", text))
    elif not parts and _SEPARATOR_MARK.search(text) and len(_SEPARATOR_MARK.split(text)) <= 4:
        parts = address_from_line(_SEPARATOR_MARK.sub(", ", text))
    return parts


_HEADLINE_BREAK = re.compile(r"\s+[\u2014\u2013|\u00b7\u2022-]\s+|:\s+")


# A heading's words before the street it names ("Welcome home to 15410 W Roanoke Ave", "Introducing ...").
_STREET_AFTER_WORDS = re.compile(r"^(?:[A-Za-z'\u2019!,.\-]+\s+){1,6}?(?=\d+[A-Za-z]?\s+\S+)")


def _street_heading_then_place(data: dict[str, Any]) -> dict[str, Any]:
    """A heading holding only the street (or a few words and then the street: "Welcome to 15410 W
    Roanoke Ave"), with the city/state/ZIP on a line just below it."""
    lines = data.get("lines", [])
    if not data.get("headings"):
        return {}
    heading = street = data["headings"][0]
    lead = _STREET_AFTER_WORDS.match(street)
    if lead:
        street = street[lead.end():]
    if not (re.match(r"^\d+[A-Za-z]?\s+\S+", street) and len(street) < 60):
        return {}
    if lead and not plausible_street(split_street(street).get("street_name")):
        return {}
    idx = next((i for i, ln in enumerate(lines) if ln == heading), None)
    follow = lines[idx + 1] if idx is not None and idx + 1 < len(lines) else ""
    parts = _address_in(f"{street}, {follow}")
    if parts or idx is None:
        return parts
    for nearby in lines[idx + 1: idx + 4]:
        place = city_state_zip_in(nearby)
        if place and plausible_street(split_street(street).get("street_name")):
            return {**split_street(street), **place}
    return {}


def _unit_after_street(data: dict[str, Any], values: dict[str, Any], out: Resolved, evidence: str) -> None:
    street = f"{values.get('street_number') or ''} {values['street_name']}".strip()
    for line in data.get("lines", [])[:80]:
        if line.lower().startswith(street.lower() + " "):
            rest = line[len(street):]
            unit_match = re.match(r"\s*(?:,\s*)?(?:#|\b(?:unit|apt|ste|suite)\b\.?\s*#?)\s*([A-Za-z0-9\-]{1,8})\s*(?:,|$)", rest, re.I)
            if unit_match:
                values["unit_number"] = unit_match.group(1)
                out.evidence["unit_number"] = evidence or "text"
            return
