"""Listing values read from one label's text: "3 bd" -> 3, "$1.2M" -> 1200000.0, "2-car" -> 2.

Each reader takes the text a label (or a phrase, or a machine-readable key)
gave for one field and returns the contract value, or None when the text is not
a plausible value for that field (a bedroom count of 250, a year of 1492).
Shared by the label table of `phoenix_mls` and the structured-data readers of
`listing_structured`.
"""

from __future__ import annotations

import re
from typing import Any

from .normalize import (
    IMPERIAL_AREA,
    MARICOPA_CITIES,
    SQFT_PER_ACRE,
    metric_area_square_feet,
    normalize_dwelling_type,
    parse_bool,
    parse_int,
    parse_money,
    parse_number,
    title_words,
)

_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "single": 1, "multi": None,
                 "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4}


def _agreeing(read, text: str):
    """A value written in two languages side by side ("Sí / Yes", "Dos / Two", "Privada · Private"):
    what every side that reads as a value says, when they agree; otherwise the whole text's reading."""
    sides = re.split(r"\s+/\s+|\s+\u00b7\s+", str(text))
    if len(sides) == 2:
        values = {read(side) for side in sides} - {None}
        if len(values) == 1:
            return values.pop()
    return None


def read_stories(text: str) -> int | None:
    number = parse_int(text)
    if number is not None:
        return number if 0 < number < 100 else None
    word = re.match(r"\s*([a-z]+)", text.lower())
    found = _WORD_NUMBERS.get(word.group(1)) if word else None
    return found if found is not None else _agreeing(read_stories, text) if re.search(r"\s[/\u00b7]\s", text) else None


def read_garage(text: str) -> float | None:
    number = parse_number(text)
    return number if number is not None and 0 <= number < 50 else None


def read_pool(text: str, private_label: bool) -> bool | None:
    low = text.lower()
    if private_label:
        if re.search(r"\d", low):
            return None
        stated = parse_bool(low.split(",")[0])
        return stated if stated is not None else _agreeing(lambda side: parse_bool(side.strip()), low)
    if re.search(r"private|privad|\bpvt\b|\bpriv\b", low):  # "Pool: Pvt", a print sheet's abbreviation
        return not re.search(r"\bno(t)? (private|pvt|priv\b)|non-private|\bno privad", low)
    if re.fullmatch(r"\s*(no|none|n|no pool|ninguna|sin piscina|sin alberca)\.?\s*", low):
        return False
    return None


def read_listing_id(text: str) -> str | None:
    match = re.search(r"[A-Za-z0-9][A-Za-z0-9\-]{2,19}", text.replace("#", " "))
    if not match or not re.search(r"\d", match.group()):
        return None
    return match.group()


def read_year(text: str) -> int | None:
    match = re.search(r"\b(1[89]\d\d|20\d\d)\b", str(text))
    return int(match.group(1)) if match else None


def read_living_area(text: str) -> float | None:
    """Square feet: the figure stated in square feet, else a metric area converted ("168 m²" ->
    1808), else the first number. A figure in square metres is never read as square feet."""
    number = area_square_feet(text)
    return number if number is not None and 100 <= number <= 100_000 else None


def area_square_feet(text: Any) -> float | None:
    """The area `text` states, in square feet: a figure in square feet (or a bare number) wins over
    one in square metres beside it ("168 m² (1,808 sq ft)" -> 1808); "142 m2" alone -> 1528 (whole
    square feet, as a lot's are)."""
    if isinstance(text, (int, float)) or text is None:
        return parse_number(text)
    imperial = IMPERIAL_AREA.search(str(text))
    if imperial is None:
        metric = metric_area_square_feet(text)
        if metric is not None:
            return float(round(metric))
    return parse_number(imperial.group(1) if imperial else text)


def read_lot_metric(text: str) -> tuple[float, float] | None:
    """A lot stated only in square metres or hectares ("743 m²", "0.08 ha"), as (sq ft, acres)
    rounded as `parse_lot_size` rounds; None when the text states square feet or acres itself."""
    if IMPERIAL_AREA.search(str(text)):
        return None
    sqft = metric_area_square_feet(text)
    return (float(round(sqft)), round(sqft / SQFT_PER_ACRE, 4)) if sqft else None


# A count with a decimal comma ("2,5" baths, "3,5 baños"): one or two digits after the comma.
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d{1,2}),(\d{1,2})(?![\d.,])")


def decimal_point(text: str) -> str:
    """Decimal commas of small counts written as points ("2,5" -> "2.5"); "1,808" is left alone."""
    return _DECIMAL_COMMA.sub(r"\1.\2", str(text))


def read_bedrooms(text: str) -> int | None:
    number = parse_int(re.sub(r"\(.*?\)", "", str(text)))
    return number if number is not None and 0 <= number < 100 else None


def read_price(text: str) -> float | None:
    if not re.search(r"\d", str(text)):
        return None
    value = parse_money(text)
    return value if value is not None and value > 0 else None


def read_dwelling(text: str) -> tuple[str | None, str | None]:
    low = str(text).lower().strip()
    for ptype in ("Residential Income", "Residential Lease", "Manufactured In Park", "Commercial Sale",
                  "Commercial Lease", "Business Opportunity", "Farm", "Residential", "Land"):
        if low == ptype.lower():
            return ptype, None
    if re.search(r"\b(lease|rental)\b", low):
        return "Residential Lease", None
    return normalize_dwelling_type(text)


_CITY_STATE_ZIP_IN = re.compile(r"([A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3}),\s*(?:AZ|Arizona)\.?,?\s+(\d{5})(?:-\d{4})?\b")


def city_state_zip_in(text: str) -> dict[str, str]:
    """"... lot in Gilbert, AZ 85234, listed at ..." -> city, state, ZIP (a known city, or a short name)."""
    match = _CITY_STATE_ZIP_IN.search(text)
    if not match:
        return {}
    words = match.group(1)
    known = next((c for c in sorted(MARICOPA_CITIES, key=len, reverse=True)
                  if words.lower() == c.lower() or words.lower().endswith(" " + c.lower())), None)
    if known is None and len(words.split()) > 2:
        return {}
    return {"city": known or title_words(words), "state_or_province": "AZ", "postal_code": match.group(2)}


def positive_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def lot_from_number(value: float, acres: bool) -> tuple[float, float]:
    """A machine-readable lot size (no text to parse): same rounding as `parse_lot_size`."""
    if acres:
        return float(round(value * SQFT_PER_ACRE)), round(value, 4)
    return float(round(value)), round(value / SQFT_PER_ACRE, 4)
