"""Linking: which records (listing pages, assessor records, any day) describe the same property.

1. Records that state a parcel number are one property per parcel (`apn:` key), whatever
   their address says; a parcel whose listings sit at two different street addresses is
   reported (`parcels_at_two_addresses`), since one of those parcel numbers is likely wrong.
2. A record without a parcel number is matched by address against every address already
   seen for a parcel (the assessor's and its listings'). It joins the parcel when exactly
   one parcel matches; the match carries a confidence (`ADDRESS_CONFIDENCE`).
3. It is not merged, and is listed as ambiguous, when two parcels match its address, or
   when the street matches but one side has a unit the other lacks (which unit is it?).
4. Everything else is keyed by its own canonical address (`addr:`), so observations of one
   unlinked listing on several days still meet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .address import Address, normalize_address
from .keys import apn_key

# Confidence of an address-only match: the parcel number is the only certain link. Same ZIP
# and every street part equal: 0.95; the same city standing in for a ZIP one side lacks: 0.9.
# Each directional or street type stated on one side only costs 0.1 ("Cielo Grande" against
# "Cielo Grande Dr"); below MIN_ADDRESS_CONFIDENCE the records are not linked.
ADDRESS_CONFIDENCE = {"same_zip": 0.95, "same_city": 0.9, "per_part_missing_on_one_side": 0.1}
MIN_ADDRESS_CONFIDENCE = 0.75


@dataclass
class Member:
    """How one record belongs to its property: `apn` (its own parcel number), `address` (matched
    to a parcel by address, with `confidence`), `own_address` (keyed by its own address) or
    `ambiguous` (own address; several candidates listed)."""

    record: dict[str, Any]
    link: str
    confidence: float | None = None
    candidates: list[str] = field(default_factory=list)


@dataclass
class Linked:
    """Properties by key, their members; ambiguous records; parcels with listings at two addresses."""

    properties: dict[str, list[Member]]
    ambiguities: list[dict[str, Any]]
    parcels_at_two_addresses: list[dict[str, Any]]


def address_confidence(a: Address, b: Address) -> tuple[float | None, str | None]:
    """(confidence that `a` and `b` are one street address, None when they differ;
    `"unit"` when only a unit stated on one side stands between them)."""
    if a.number != b.number or a.name != b.name:
        return None, None
    missing = 0
    for mine, theirs in ((a.predir, b.predir), (a.suffix, b.suffix), (a.postdir, b.postdir)):
        if mine and theirs and mine != theirs:
            return None, None
        missing += (mine is None) != (theirs is None)
    if a.postal_code and b.postal_code:
        if a.postal_code != b.postal_code:
            return None, None
        base = ADDRESS_CONFIDENCE["same_zip"]
    elif a.city and b.city and a.city == b.city:
        base = ADDRESS_CONFIDENCE["same_city"]
    else:
        return None, None
    confidence = round(base - missing * ADDRESS_CONFIDENCE["per_part_missing_on_one_side"], 3)
    if confidence < MIN_ADDRESS_CONFIDENCE:
        return None, None
    if a.unit != b.unit:
        return (None, "unit") if (a.unit is None or b.unit is None) else (None, None)
    return confidence, None


def _observation_order(record: dict[str, Any]) -> tuple[str, str]:
    return str(record.get("collected_on")), record["source_file"]


def _match(address: Address, candidates: list[tuple[str, Address]]) -> tuple[dict[str, float], list[str]]:
    """Parcels whose addresses match (best confidence each), and parcels only a unit keeps apart."""
    matches: dict[str, float] = {}
    unit_only: list[str] = []
    for key, candidate in candidates:
        confidence, blocker = address_confidence(address, candidate)
        if confidence is not None:
            matches[key] = max(matches.get(key, 0.0), confidence)
        elif blocker == "unit" and key not in unit_only:
            unit_only.append(key)
    return matches, [k for k in unit_only if k not in matches]


def _listing_addresses_apart(members: list[Member]) -> list[dict[str, Any]] | None:
    """Listing addresses of one parcel that name different places (a unit stated on one side only
    is not a difference), or None when they all agree."""
    seen: list[tuple[Address, dict[str, Any]]] = []
    for member in members:
        record = member.record
        address = normalize_address(record)
        if record["source"] != "phoenix_mls" or address is None:
            continue
        for other, other_record in seen:
            confidence, blocker = address_confidence(address, other)
            if confidence is None and blocker is None:
                return [
                    {"address": other_record.get("unparsed_address"), "source_file": other_record["source_file"]},
                    {"address": record.get("unparsed_address"), "source_file": record["source_file"]},
                ]
        seen.append((address, record))
    return None


def link_records(records: Iterable[dict[str, Any]]) -> Linked:
    """Group records into properties (see the module docstring). Deterministic: the same
    records in any order give the same groups."""
    properties: dict[str, list[Member]] = defaultdict(list)
    # Every address seen for a parcel, by (house number, street name): only those can match.
    parcel_addresses: dict[tuple[str | None, str | None], list[tuple[str, Address]]] = defaultdict(list)
    rest: list[tuple[dict[str, Any], Address | None]] = []
    for record in sorted(records, key=_observation_order):
        key, address = apn_key(record.get("parcel_number")), normalize_address(record)
        if key is None:
            rest.append((record, address))
            continue
        properties[key].append(Member(record, "apn", 1.0))
        seen = parcel_addresses[(address.number, address.name)] if address is not None else []
        if address is not None and address.is_complete and (key, address) not in seen:
            seen.append((key, address))
    ambiguities = []
    for record, address in rest:
        if address is None or not address.is_complete:
            continue  # validated records always have a key; a record without one has nothing to link by
        matches, unit_only = _match(address, parcel_addresses.get((address.number, address.name), []))
        own_key = f"addr:{address.one_line()}"
        if len(matches) == 1 and not unit_only:
            (key, confidence), = matches.items()
            properties[key].append(Member(record, "address", confidence))
        elif matches or unit_only:
            candidates = sorted({*matches, *unit_only})
            reason = "unit_missing_on_one_side" if unit_only else "several_parcels"
            properties[own_key].append(Member(record, "ambiguous", None, candidates))
            ambiguities.append({"source_file": record["source_file"], "address": record.get("unparsed_address"),
                                "reason": reason, "candidates": candidates})
        else:
            properties[own_key].append(Member(record, "own_address"))
    apart = []
    for key, members in sorted(properties.items()):
        if key.startswith("apn:") and (addresses := _listing_addresses_apart(members)):
            apart.append({"property_key": key, "listings": addresses})
    return Linked(dict(sorted(properties.items())), ambiguities, apart)
