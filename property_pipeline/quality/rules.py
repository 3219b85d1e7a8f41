"""Cross-field validation rules: data, not scattered conditionals.

Each rule has a stable name (it appears in a record's `validation_issues`),
the fields it judges, whether failing it blocks the record (quarantine), and a
predicate that returns False when the record breaks it. Thresholds live in
`QualityConfig`, one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

from ..sources.normalize import SQFT_PER_ACRE

Record = dict[str, Any]


@dataclass(frozen=True)
class QualityConfig:
    min_confidence: float = 0.7
    lot_size_tolerance: float = 0.02
    min_price: float = 1_000.0
    max_price: float = 100_000_000.0
    min_living_area: float = 100.0
    max_living_area: float = 50_000.0
    min_year_built: int = 1850
    max_bedrooms: int = 30
    max_bathrooms: int = 30
    # Arizona's bounding box and ZIP range; Maricopa County's box.
    az_lat: tuple[float, float] = (31.3, 37.0)
    az_lon: tuple[float, float] = (-114.82, -109.04)
    maricopa_lat: tuple[float, float] = (32.50, 34.05)
    maricopa_lon: tuple[float, float] = (-113.34, -111.03)
    az_zip_prefixes: tuple[str, ...] = ("850", "851", "852", "853", "855", "856", "857", "859", "860", "863", "864", "865")
    maricopa_zip_prefixes: tuple[str, ...] = ("850", "852", "853")
    # Confidence penalties.
    blocking_issue_cap: float = 0.3
    warning_penalty: float = 0.1
    missing_field_penalty: float = 0.06
    max_missing_penalty: float = 0.36
    fallback_factor: float = 0.85


@dataclass(frozen=True)
class Rule:
    name: str
    fields: tuple[str, ...]
    blocking: bool
    check: Callable[[Record, QualityConfig], bool]
    """True when the record passes; only called when every field in `fields` is present."""


def _between(value: float, low: float, high: float) -> bool:
    return low <= value <= high


def _lot_agrees(r: Record, c: QualityConfig) -> bool:
    expected = r["lot_size_acres"] * SQFT_PER_ACRE
    return abs(r["lot_size_square_feet"] - expected) <= max(c.lot_size_tolerance * expected, SQFT_PER_ACRE * 0.00015)


def _baths_add_up(r: Record, c: QualityConfig) -> bool:
    return r["bathrooms_total_integer"] == r["bathrooms_full"] + r["bathrooms_half"]


def _detached(r: Record) -> bool:
    return r.get("property_sub_type") == "Single Family Residence"


RULES: tuple[Rule, ...] = (
    Rule("lot_acres_match_square_feet", ("lot_size_acres", "lot_size_square_feet"), False, _lot_agrees),
    Rule("bathrooms_add_up", ("bathrooms_full", "bathrooms_half", "bathrooms_total_integer"), True, _baths_add_up),
    Rule(
        "year_built_not_in_future",
        ("year_built",),
        True,
        lambda r, c: _between(r["year_built"], c.min_year_built, dt.date.today().year + 1),
    ),
    Rule(
        "zip_in_arizona",
        ("postal_code",),
        True,
        lambda r, c: str(r["postal_code"]).startswith(c.az_zip_prefixes),
    ),
    Rule(
        "zip_in_maricopa_county",
        ("postal_code",),
        False,
        lambda r, c: str(r["postal_code"]).startswith(c.maricopa_zip_prefixes),
    ),
    Rule(
        "coordinates_in_arizona",
        ("latitude", "longitude"),
        True,
        lambda r, c: _between(r["latitude"], *c.az_lat) and _between(r["longitude"], *c.az_lon),
    ),
    Rule(
        "coordinates_in_maricopa_county",
        ("latitude", "longitude"),
        False,
        lambda r, c: _between(r["latitude"], *c.maricopa_lat) and _between(r["longitude"], *c.maricopa_lon),
    ),
    Rule("state_is_arizona", ("state_or_province",), True, lambda r, c: r["state_or_province"] == "AZ"),
    Rule("list_price_plausible", ("list_price",), True, lambda r, c: _between(r["list_price"], c.min_price, c.max_price)),
    Rule(
        "assessed_value_plausible",
        ("full_cash_value",),
        False,
        lambda r, c: _between(r["full_cash_value"], c.min_price, c.max_price),
    ),
    Rule(
        "living_area_plausible",
        ("living_area",),
        True,
        lambda r, c: _between(r["living_area"], c.min_living_area, c.max_living_area),
    ),
    Rule(
        "living_area_within_lot",
        ("living_area", "lot_size_square_feet"),
        False,
        lambda r, c: not _detached(r) or r["living_area"] <= r["lot_size_square_feet"],
    ),
    Rule(
        "land_without_bedrooms",
        ("property_type", "bedrooms_total"),
        True,
        lambda r, c: r["property_type"] != "Land" or not r["bedrooms_total"],
    ),
    Rule("bedrooms_plausible", ("bedrooms_total",), True, lambda r, c: _between(r["bedrooms_total"], 0, c.max_bedrooms)),
    Rule(
        "bathrooms_plausible",
        ("bathrooms_total_integer",),
        True,
        lambda r, c: _between(r["bathrooms_total_integer"], 0, c.max_bathrooms),
    ),
    Rule(
        "hoa_fee_needs_hoa",
        ("association_fee", "association_yn"),
        False,
        lambda r, c: r["association_yn"] or not r["association_fee"],
    ),
)


def _present(value: Any) -> bool:
    return value is not None and value == value  # NaN is absent


def failed_rules(record: Record, config: QualityConfig, rules: tuple[Rule, ...] = RULES) -> list[Rule]:
    """The rules this record breaks; a rule whose fields are missing is not judged."""
    failed = []
    for rule in rules:
        if all(_present(record.get(f)) for f in rule.fields):
            try:
                ok = rule.check(record, config)
            except (TypeError, ValueError):
                ok = False
            if not ok:
                failed.append(rule)
    return failed
