"""Survivorship: which source's value a golden record keeps, field by field, written down once.

`SURVIVORSHIP` below is the whole policy. For each contract field it names the winning
source; the golden record takes the value of the newest observation (latest `collected_on`,
then source file) of that source that states the field, and falls back to the newest
observation of the other source when the winner states nothing. Every kept value carries its
lineage (source, source file, collected_on).

A conflict is a field both sources state and disagree on, compared the newest stated listing
value against the newest stated assessor value by the rule's `compare`. Conflicts are kept
beside the chosen value, never resolved silently. Differences between observations of one
source (a price cut, a new tax year) are history, not conflicts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..contract import PROPERTY_FIELDS
from ..nulls import is_missing
from .address import normalize_address

LISTING = "phoenix_mls"
ASSESSOR = "maricopa_county"


@dataclass(frozen=True)
class Rule:
    """`winner`: the source whose newest stated value survives. `compare`: how a listing value
    and an assessor value are compared to call a conflict (None: never a conflict): `exact`,
    `text` (case and spacing aside), `number` (relative `tolerance`), `geo` (`tolerance` in
    degrees), or an address part in canonical form (`street_number`, `street_name`, `unit`,
    `address`)."""

    winner: str
    compare: str | None
    tolerance: float = 0.0


# The assessor is the authority on the parcel and what the county measures and values; the
# newest listing on the market facts (price, status, remarks) and what the county does not
# record (rooms, HOA). Address parts are compared in canonical form, not as strings, so
# "N 7th St" and "North 7th Street" agree. Lot sizes get 5% because listings state rounded
# acres (0.17 ac is 7,187 to 7,623 sq ft); subdivision names are never compared because MLS
# marketing names ("Fulton Ranch") and plat names ("FULTON RANCH PARCEL 12") differ by design.
SURVIVORSHIP: dict[str, Rule] = {
    "parcel_number": Rule(ASSESSOR, "exact"),
    "listing_id": Rule(LISTING, None),
    "standard_status": Rule(LISTING, None),
    "list_price": Rule(LISTING, None),
    "public_remarks": Rule(LISTING, None),
    "unparsed_address": Rule(ASSESSOR, "address"),
    "street_number": Rule(ASSESSOR, "street_number"),
    "street_name": Rule(ASSESSOR, "street_name"),
    "unit_number": Rule(ASSESSOR, "unit"),
    "city": Rule(ASSESSOR, "text"),
    "state_or_province": Rule(ASSESSOR, "text"),
    "postal_code": Rule(ASSESSOR, "exact"),
    "property_type": Rule(LISTING, "exact"),
    "property_sub_type": Rule(LISTING, None),
    "bedrooms_total": Rule(LISTING, None),
    "bathrooms_full": Rule(LISTING, None),
    "bathrooms_half": Rule(LISTING, None),
    "bathrooms_total_integer": Rule(LISTING, None),
    "living_area": Rule(ASSESSOR, "number", 0.02),
    "lot_size_square_feet": Rule(ASSESSOR, "number", 0.05),
    "lot_size_acres": Rule(ASSESSOR, "number", 0.05),
    "year_built": Rule(ASSESSOR, "exact"),
    "garage_spaces": Rule(ASSESSOR, "number", 0.0),
    "stories": Rule(LISTING, None),
    "pool_private_yn": Rule(ASSESSOR, "exact"),
    "association_yn": Rule(LISTING, None),
    "association_fee": Rule(LISTING, None),
    "association_fee_frequency": Rule(LISTING, None),
    "subdivision_name": Rule(ASSESSOR, None),
    "latitude": Rule(ASSESSOR, "geo", 0.001),
    "longitude": Rule(ASSESSOR, "geo", 0.001),
    "full_cash_value": Rule(ASSESSOR, "number", 0.005),
    "limited_property_value": Rule(ASSESSOR, "number", 0.005),
    "tax_year": Rule(ASSESSOR, "exact"),
}
assert set(SURVIVORSHIP) == set(PROPERTY_FIELDS), "every contract field needs a survivorship rule"


def _compatible(a: str | None, b: str | None) -> bool:
    """Equal, or stated on one side only (a directional or street type left out is no disagreement)."""
    return a is None or b is None or a == b


def _address_parts_agree(kind: str, listing: dict[str, Any], assessor: dict[str, Any]) -> bool:
    """`street_number`, `street_name`, `unit` or the whole `address` of two records, compared in
    canonical form; a part one side leaves out (a unit, a directional) is no disagreement."""
    a, b = normalize_address(listing), normalize_address(assessor)
    if a is None or b is None:
        return True  # one side's address could not be read: nothing to compare
    number = a.number == b.number
    name = a.name == b.name and all(
        _compatible(x, y) for x, y in ((a.predir, b.predir), (a.suffix, b.suffix), (a.postdir, b.postdir))
    )
    if kind == "street_number":
        return number
    if kind == "street_name":
        return name
    if kind == "unit":
        return a.unit == b.unit
    return number and name and _compatible(a.unit, b.unit)


def _numbers_agree(a: Any, b: Any, tolerance: float) -> bool:
    return math.isclose(float(a), float(b), rel_tol=tolerance, abs_tol=1e-6)


_COMPARE: dict[str, Callable[[Any, Any, float], bool]] = {
    "exact": lambda a, b, _: a == b,
    "text": lambda a, b, _: " ".join(str(a).lower().split()) == " ".join(str(b).lower().split()),
    "number": _numbers_agree,
    "geo": lambda a, b, tol: abs(float(a) - float(b)) <= tol,
}


def agree(name: str, listing: dict[str, Any], assessor: dict[str, Any]) -> bool:
    """Whether the two records' values of `name` agree under the field's rule (both stated)."""
    rule = SURVIVORSHIP[name]
    if rule.compare is None:
        return True
    if rule.compare in ("address", "street_number", "street_name", "unit"):
        return _address_parts_agree(rule.compare, listing, assessor)
    return _COMPARE[rule.compare](listing[name], assessor[name], rule.tolerance)


def lineage(record: dict[str, Any]) -> dict[str, Any]:
    """Where a value came from: source, source file and the day it was collected."""
    day = record.get("collected_on")
    return {
        "source": record["source"],
        "source_file": record["source_file"],
        "collected_on": day.isoformat() if hasattr(day, "isoformat") else day,
    }


def newest_stating(records: list[dict[str, Any]], name: str) -> dict[str, Any] | None:
    """The newest record of `records` (ordered oldest first) that states `name`."""
    return next((r for r in reversed(records) if not is_missing(r.get(name))), None)


@dataclass
class Survived:
    values: dict[str, Any]
    lineage: dict[str, dict[str, Any]]
    conflicts: list[dict[str, Any]]


def survive(observations: Iterable[dict[str, Any]]) -> Survived:
    """The golden values of one property from all its observations (both sources, any days)."""
    ordered = sorted(observations, key=lambda r: (str(r.get("collected_on")), r["source_file"]))
    by_source = {
        LISTING: [r for r in ordered if r["source"] == LISTING],
        ASSESSOR: [r for r in ordered if r["source"] == ASSESSOR],
    }
    result = Survived({}, {}, [])
    for name, rule in SURVIVORSHIP.items():
        loser = ASSESSOR if rule.winner == LISTING else LISTING
        won = newest_stating(by_source[rule.winner], name) or newest_stating(by_source[loser], name)
        result.values[name] = won[name] if won is not None else None
        if won is None:
            continue
        result.lineage[name] = lineage(won)
        listing, assessor = newest_stating(by_source[LISTING], name), newest_stating(by_source[ASSESSOR], name)
        if listing is not None and assessor is not None and not agree(name, listing, assessor):
            result.conflicts.append(
                {
                    "field": name,
                    "kept": won[name],
                    "kept_from": won["source"],
                    "listing": {"value": listing[name], **lineage(listing)},
                    "assessor": {"value": assessor[name], **lineage(assessor)},
                }
            )
    return result
