"""Grounding: can a value be found in the source text the extractor saw?

A value the LLM wrote that appears nowhere in the text is the signature of a
hallucination (or of an injected instruction). Fields whose values are
derived rather than copied (a status mapped from "UCB", acres computed from
square feet, a boolean) cannot be grounded this way and are not judged.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

NUMERIC_FIELDS = (
    "list_price", "bedrooms_total", "bathrooms_full", "living_area", "year_built", "garage_spaces",
    "stories", "association_fee", "latitude", "longitude", "full_cash_value", "limited_property_value",
    "tax_year", "lot_size_square_feet",
)
TEXT_FIELDS = ("listing_id", "street_number", "street_name", "unit_number", "city", "postal_code", "subdivision_name")
GROUNDABLE = frozenset(NUMERIC_FIELDS + TEXT_FIELDS + ("parcel_number", "public_remarks"))

_NUMBER = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?|\.\d+)\s*([kKmM])?(?![a-zA-Z\d])")
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8)
def _index(text: str) -> tuple[frozenset[float], str, str]:
    numbers = set()
    for digits, suffix in _NUMBER.findall(text):
        try:
            value = float(digits.replace(",", ""))
        except ValueError:
            continue
        numbers.add(value)
        if suffix:
            numbers.add(value * (1e3 if suffix.lower() == "k" else 1e6))
    for negative in re.findall(r"-\d+\.\d+", text):  # longitudes
        numbers.add(float(negative))
    words = " ".join(_WORD.findall(text.lower()))
    digits_only = re.sub(r"\D", "", text)
    return frozenset(numbers), words, digits_only


def is_grounded(name: str, value: Any, text: str) -> bool | None:
    """True/False when the field can be judged, None when it cannot (derived values)."""
    if value is None or name not in GROUNDABLE:
        return None
    numbers, words, digits = _index(text)
    if name in NUMERIC_FIELDS:
        try:
            target = float(value)
        except (TypeError, ValueError):
            return False
        return any(abs(n - target) <= max(abs(target) * 0.005, 1e-4) for n in numbers)
    if name == "parcel_number":
        core = re.sub(r"\D", "", str(value))
        return bool(core) and core in digits
    wanted = " ".join(_WORD.findall(str(value).lower()))
    if not wanted:
        return None
    if name == "public_remarks":
        wanted = " ".join(wanted.split()[:12])
    return f" {wanted} " in f" {words} "
