"""Cross-field validation rules: data, not scattered conditionals.

Each rule has a stable name (it appears in a record's `validation_issues`),
the fields it judges, whether failing it blocks the record (quarantine), and a
predicate that returns False when the record breaks it. Thresholds live in
`QualityConfig`, one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..sources.normalize import SQFT_PER_ACRE
from .places import is_arizona_place

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
    # Arizona's ZIP codes are 850xx-865xx.
    az_zip_prefixes: tuple[str, ...] = tuple(str(p) for p in range(850, 866))
    maricopa_zip_prefixes: tuple[str, ...] = ("850", "852", "853")
    # A valuation may be published for next year; one further ahead is not a real tax year.
    max_tax_years_ahead: int = 1
    # Extraction warnings that quarantine a record: a fact stated twice with different values, an
    # impossible tax year, an unreadable identity, a person's name where a place belongs.
    blocking_warning_prefixes: tuple[str, ...] = (
        "conflicting_values:", "duplicate_keys:", "unparseable_identity:", "future_tax_year:",
        "personal_value_dropped:", "identity_kept_from_rules:",
    )
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
    explain: Callable[[Record, QualityConfig], str] | None = None
    """What exactly failed, for the quarantine reason ("state TX", "duplicate_keys:APN")."""


def _between(value: float, low: float, high: float) -> bool:
    return low <= value <= high


def _lot_agrees(r: Record, c: QualityConfig) -> bool:
    expected = r["lot_size_acres"] * SQFT_PER_ACRE
    return abs(r["lot_size_square_feet"] - expected) <= max(c.lot_size_tolerance * expected, SQFT_PER_ACRE * 0.00015)


def _baths_add_up(r: Record, c: QualityConfig) -> bool:
    # RESO's total also counts three-quarter baths, which are neither full nor half ("2.75": 2 full,
    # 0 half, total 3): a total can exceed full + half, never fall short of it.
    return r["bathrooms_total_integer"] >= r["bathrooms_full"] + r["bathrooms_half"]


def _detached(r: Record) -> bool:
    return r.get("property_sub_type") == "Single Family Residence"


def _collection_year(r: Record) -> int:
    collected = r.get("collected_on")
    if isinstance(collected, (dt.date, dt.datetime)):
        return collected.year
    try:
        return dt.date.fromisoformat(str(collected)[:10]).year
    except ValueError:
        return dt.date.today().year


def _blocking_warnings(r: Record, c: QualityConfig) -> list[str]:
    warnings = r.get("extraction_warnings")
    return [w for w in warnings if str(w).startswith(c.blocking_warning_prefixes)] if isinstance(warnings, list) else []


def _arizona_city(r: Record, c: QualityConfig) -> bool:
    """Without a state, a record is in Arizona by its ZIP or, lacking one, by its city."""
    if r.get("state_or_province") is not None or r.get("postal_code") is not None:
        return True
    return is_arizona_place(str(r["city"]))


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
        lambda r, c: f"out of area: ZIP {r['postal_code']} is not an Arizona ZIP (850xx-865xx)",
    ),
    Rule(
        "city_in_arizona",
        ("city",),
        True,
        _arizona_city,
        lambda r, c: f"out of area: no state or ZIP, and {r['city']!r} is not an Arizona place",
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
    Rule(
        "state_is_arizona",
        ("state_or_province",),
        True,
        lambda r, c: r["state_or_province"] == "AZ",
        lambda r, c: f"out of area: state {r['state_or_province']!r}",
    ),
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
        "tax_year_not_in_future",
        ("tax_year",),
        True,
        lambda r, c: r["tax_year"] <= _collection_year(r) + c.max_tax_years_ahead,
        lambda r, c: f"tax year {r['tax_year']} is after {_collection_year(r) + c.max_tax_years_ahead}",
    ),
    Rule(
        "limited_value_not_above_full_cash_value",
        ("limited_property_value", "full_cash_value"),
        True,
        # Arizona caps the Limited Property Value at the Full Cash Value.
        lambda r, c: r["limited_property_value"] <= r["full_cash_value"],
        lambda r, c: f"LPV {r['limited_property_value']:.0f} above FCV {r['full_cash_value']:.0f}",
    ),
    Rule(
        "no_conflicting_or_planted_values",
        ("extraction_warnings",),
        True,
        lambda r, c: not _blocking_warnings(r, c),
        lambda r, c: ", ".join(_blocking_warnings(r, c)),
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
