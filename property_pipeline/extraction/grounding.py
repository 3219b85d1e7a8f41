"""Grounding: is there evidence in the source text for a value only the LLM found?

A value the LLM wrote that the text does not support is the signature of a
hallucination (or of an injected instruction). Evidence depends on the field:
- copied numbers (price, beds, square feet...) must appear in the text, on a
  line that also names the field ("Beds: 3", "3 bd", "Lot: 0.23 acres");
- copied identifiers and codes (MLS number, APN, ZIP) must appear verbatim;
- derived values (a boolean, a frequency, acres computed from square feet) need
  the field's words somewhere in the text ("pool", "HOA", "monthly");
- free text (street, city, subdivision, remarks) must appear word for word.
Fields without a rule here (status, property type) are not judged.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# The words that name a field on a page or in a record (lowercased text).
FIELD_WORDS = {
    "list_price": r"price|list|asking|offered|\$",
    "bedrooms_total": r"bed|\bbr\b|\bbd\b|bdrm|recámara",
    "bathrooms_full": r"bath|\bba\b",
    "bathrooms_half": r"bath|\bba\b|half|1/2",
    "bathrooms_total_integer": r"bath|\bba\b",
    "living_area": r"sq|living|interior|area|livable|ft",
    "lot_size_square_feet": r"lot|land|acre",
    "lot_size_acres": r"lot|land|acre",
    "year_built": r"built|year|\byr|constructed|construction",
    "garage_spaces": r"garage|carport|parking|\bcar\b|gar\b",
    "stories": r"stor(y|ies)|level|floor",
    "association_fee": r"hoa|assoc|dues|fee",
    "association_yn": r"hoa|assoc|dues",
    "association_fee_frequency": r"month|quarter|annual|year|semi|/mo\b|/yr\b",
    "pool_private_yn": r"pool",
    "unit_number": r"unit|apt|suite|\bste\b|#|bldg|residence|space|\bspc\b",
    "latitude": r"lat|geo|map",
    "longitude": r"lon|lng|geo|map",
    "full_cash_value": r"full.?cash|fcv",
    "limited_property_value": r"limited|lpv",
    "tax_year": r"tax|year",
}
COPIED_NUMBERS = frozenset(
    (
        "list_price", "bedrooms_total", "bathrooms_full", "living_area", "lot_size_square_feet", "year_built",
        "garage_spaces", "stories", "association_fee", "latitude", "longitude", "full_cash_value",
        "limited_property_value", "tax_year",
    )
)
COPIED_CODES = frozenset(("listing_id", "parcel_number", "postal_code", "street_number", "unit_number"))
FREE_TEXT = frozenset(("street_name", "city", "subdivision_name", "public_remarks"))
DERIVED = frozenset(
    ("bathrooms_half", "bathrooms_total_integer", "lot_size_acres", "association_yn", "association_fee_frequency",
     "pool_private_yn")
)
GROUNDABLE = COPIED_NUMBERS | COPIED_CODES | FREE_TEXT | DERIVED
# What is dropped when ungrounded; free text is kept at low confidence (it may be reworded).
MUST_BE_GROUNDED = GROUNDABLE - FREE_TEXT

_WORDS = {name: re.compile(pattern) for name, pattern in FIELD_WORDS.items()}
# Derived values whose words must share a line with the thing they qualify: "Year Built" on
# one line and "HOA: yes" on another are no evidence of an annual HOA fee.
LINE_CONTEXT = {"association_fee_frequency": re.compile(r"hoa|assoc|dues|fee")}
_NUMBER = re.compile(r"(?<![\w.])-?(\d[\d,]*(?:\.\d+)?|\.\d+)\s*([kKmM])?(?![a-zA-Z\d])")
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8)
def _index(text: str) -> tuple[tuple[tuple[frozenset[float], str], ...], str, str, str]:
    """Per line: its numbers and its lowercased text; plus the whole text's words, digits, lowercase."""
    lines = []
    for line in text.splitlines():
        numbers = set()
        for match in _NUMBER.finditer(line):
            digits, suffix = match.groups()
            try:
                value = float(digits.replace(",", ""))
            except ValueError:
                continue
            if match.group(0).startswith("-"):
                value = -value
            numbers.add(value)
            if suffix:
                numbers.add(value * (1e3 if suffix.lower() == "k" else 1e6))
        lines.append((frozenset(numbers), line.lower()))
    lower = text.lower()
    return tuple(lines), " ".join(_WORD.findall(lower)), re.sub(r"\D", "", text), lower


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(abs(b) * 0.005, 1e-4)


def is_grounded(name: str, value: Any, text: str) -> bool | None:
    """True/False when the field can be judged, None when it cannot."""
    if value is None or name not in GROUNDABLE:
        return None
    lines, words, digits, lower = _index(text)
    field_words = _WORDS.get(name)
    if name in COPIED_NUMBERS:
        try:
            target = float(value)
        except (TypeError, ValueError):
            return False
        return any(
            any(_close(n, target) for n in numbers) and (field_words is None or field_words.search(line))
            for numbers, line in lines
        )
    if name in DERIVED:
        context = LINE_CONTEXT.get(name)
        if context is None:
            return bool(field_words.search(lower))
        return any(field_words.search(line) and context.search(line) for _, line in lines)
    if name == "parcel_number":
        core = re.sub(r"\D", "", str(value))
        return bool(core) and core in digits
    wanted = " ".join(_WORD.findall(str(value).lower()))
    if not wanted:
        return None
    if name == "public_remarks":
        wanted = " ".join(wanted.split()[:12])
    if f" {wanted} " not in f" {words} ":
        return False
    return field_words is None or bool(field_words.search(lower))
