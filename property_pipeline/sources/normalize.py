"""Normalizers shared by every source: raw strings in, contract values out.

Each returns None when the input does not hold a recognizable value, so that
callers never guess: a value the source does not state stays null.
"""

from __future__ import annotations

import math
import re
from typing import Any

SQFT_PER_ACRE = 43_560.0

_APN = re.compile(r"(?<![\d])(\d{3})[\s.\-]?(\d{2})[\s.\-]?(\d{3})\s?([A-Za-z])?(?![A-Za-z\d])")
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?|-?\.\d+")


def normalize_apn(text: Any) -> str | None:
    """`123-45-678A`, `123.45.678A`, `123 45 678 A`, `12345678a` -> `12345678A`."""
    if text is None:
        return None
    match = _APN.search(str(text).strip())
    if not match:
        return None
    book, map_, parcel, split = match.groups()
    return f"{book}{map_}{parcel}{(split or '').upper()}"


def parse_number(text: Any) -> float | None:
    """The first number in `text` ("1,850 sq ft" -> 1850.0); rejects NaN/inf and bools."""
    if text is None or isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        value = float(text)
        return value if math.isfinite(value) else None
    match = _NUMBER.search(str(text).replace("\u00a0", " "))
    if not match:
        return None
    try:
        value = float(match.group().replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_int(text: Any) -> int | None:
    value = parse_number(text)
    if value is None or value != int(value) or abs(value) > 2**53:
        return None
    return int(value)


_MONEY = re.compile(r"\$?\s*(\d[\d,]*(?:\.\d+)?)\s*([kKmM](?![a-z]))?")


def parse_money(text: Any) -> float | None:
    """USD amounts: "$525,000", "$525K", "$1.2M", 525000."""
    if text is None or isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return parse_number(text)
    match = _MONEY.search(str(text))
    if not match:
        return None
    value = float(match.group(1).replace(",", ""))
    suffix = (match.group(2) or "").lower()
    value *= {"k": 1e3, "m": 1e6}.get(suffix, 1.0)
    return value if math.isfinite(value) else None


_TRUE = {"y", "yes", "true", "1", "private", "x"}
_FALSE = {"n", "no", "false", "0", "none", "n/a"}


def parse_bool(text: Any) -> bool | None:
    if isinstance(text, bool):
        return text
    if text is None:
        return None
    word = str(text).strip().lower().rstrip(".")
    if word in _TRUE or word.startswith("yes"):
        return True
    if word in _FALSE or word.startswith("no"):
        return False
    return None


_STATUS = {
    "active": "Active",
    "a": "Active",
    "new": "Active",
    "ucb": "Active Under Contract",
    "ccbs": "Active Under Contract",
    "awc": "Active Under Contract",
    "under contract": "Active Under Contract",
    "active under contract": "Active Under Contract",
    "contingent": "Active Under Contract",
    "pending": "Pending",
    "p": "Pending",
    "closed": "Closed",
    "sold": "Closed",
    "c": "Closed",
    "canceled": "Canceled",
    "cancelled": "Canceled",
    "expired": "Expired",
    "withdrawn": "Withdrawn",
    "temp off market": "Hold",
    "hold": "Hold",
    "coming soon": "Coming Soon",
    "incomplete": "Incomplete",
    "delete": "Delete",
}


def normalize_status(text: Any) -> str | None:
    """ARMLS and free-form statuses to RESO StandardStatus (UCB, CCBS, AWC -> Active Under Contract)."""
    if text is None:
        return None
    word = re.sub(r"[^a-z ]+", " ", str(text).lower()).strip()
    word = re.sub(r"\s+", " ", word)
    if word in _STATUS:
        return _STATUS[word]
    for token in ("ucb", "ccbs", "awc"):
        if re.search(rf"\b{token}\b", word):
            return "Active Under Contract"
    for key in sorted(_STATUS, key=len, reverse=True):
        if len(key) > 2 and re.search(rf"\b{key}\b", word):
            return _STATUS[key]
    return None


def status_word(text: Any) -> str | None:
    """A line that is nothing but a status ("Pending", "Coming Soon", "UCB"): a badge, not a sentence.

    Single letters and "New" are left out: alone they are too often something else."""
    if text is None:
        return None
    raw = str(text).strip()
    if len(raw) > 40 or ":" in raw:
        return None
    word = re.sub(r"\s+", " ", re.sub(r"[^a-z ]+", " ", raw.lower())).strip()
    if len(word) < 3 or word == "new":
        return None
    return _STATUS.get(word)


# (pattern, property_type, property_sub_type): first match wins, most specific first.
_DWELLING = [
    (r"mfg|mobile|manufactured", "Residential", "Manufactured Home"),
    (r"apartment style|flat|condo", "Residential", "Condominium"),
    (r"town ?house|townhome", "Residential", "Townhouse"),
    (r"patio", "Residential", "Patio Home"),
    (r"duplex", "Residential Income", "Duplex"),
    (r"triplex", "Residential Income", "Triplex"),
    (r"four ?plex|quadruplex", "Residential Income", "Quadruplex"),
    (r"vacant|land|lot\b|acreage", "Land", None),
    (r"single[ \-]?family|sfr|detached|residence|house", "Residential", "Single Family Residence"),
]


def normalize_dwelling_type(text: Any) -> tuple[str | None, str | None]:
    """ARMLS "Dwelling Type" (or schema.org @type) to RESO (PropertyType, PropertySubType)."""
    if not text:
        return None, None
    word = str(text).lower()
    for pattern, ptype, subtype in _DWELLING:
        if re.search(pattern, word):
            return ptype, subtype
    return None, None


_FREQUENCY = [
    (r"semi|twice a year|bi-?annual", "Semi-Annually"),
    (r"quarter", "Quarterly"),
    (r"bi-?month|every other month", "Bi-Monthly"),
    (r"month|/mo\b|mo\.", "Monthly"),
    (r"annual|year|/yr\b", "Annually"),
    (r"week", "Weekly"),
    (r"one ?time", "One Time"),
]


def normalize_frequency(text: Any) -> str | None:
    if not text:
        return None
    word = str(text).lower()
    for pattern, freq in _FREQUENCY:
        if re.search(pattern, word):
            return freq
    return None


def parse_lot_size(text: Any) -> tuple[float | None, float | None]:
    """Lot size text to (square feet, acres), filling the other from the one stated."""
    if text is None:
        return None, None
    value = parse_number(text)
    if value is None or value <= 0:
        return None, None
    if re.search(r"\bac(re)?s?\b", str(text), re.IGNORECASE):
        return round(value * SQFT_PER_ACRE), round(value, 4)
    return round(value), round(value / SQFT_PER_ACRE, 4)


def parse_baths(text: Any) -> tuple[int | None, int | None]:
    """Bath text to (full, half): "2.5" -> (2, 1); "2 full, 1 half" -> (2, 1); "3" -> (3, 0)."""
    if text is None:
        return None, None
    raw = str(text).lower()
    full = re.search(r"(\d+)\s*(?:full|fb)", raw)
    half = re.search(r"(\d+)\s*(?:half|hb|partial)", raw)
    if full or half:
        return (int(full.group(1)) if full else None), (int(half.group(1)) if half else 0)
    value = parse_number(raw)
    if value is None or value < 0 or value > 100:
        return None, None
    whole = int(value)
    fraction = round(value - whole, 2)
    if fraction == 0:
        return whole, 0
    if fraction in (0.5, 0.25, 0.75, 0.1):
        return whole, 1
    return None, None


_DIRECTIONS = {"N", "S", "E", "W", "NE", "NW", "SE", "SW"}
_UNIT = re.compile(r"\s*(?:,\s*)?(?:\b(?:unit|apt|ste|suite|lot|spc|space|bldg)\b\.?|#)\s*#?\s*([\w\-]+)\s*$", re.I)
_CITY_STATE_ZIP = re.compile(
    r"^(?P<street>.+?)[,\s]+(?P<city>[A-Za-z .'\-]+?)[,\s]+(?P<state>AZ|Arizona)\b\.?[,\s]*(?P<zip>\d{5})?(?:-\d{4})?\s*$",
    re.I,
)


def title_words(text: str) -> str:
    """Title-case words, keeping direction letters (NE) and ordinals (43rd) right."""
    out = []
    for word in text.split():
        if word.upper() in _DIRECTIONS:
            out.append(word.upper())
        elif re.fullmatch(r"\d+(st|nd|rd|th)", word, re.I):
            out.append(word.lower())
        elif word.isupper() or word.islower():
            out.append(word.capitalize())
        else:
            out.append(word)
    return " ".join(out)


def split_street(street: str) -> dict[str, str | None]:
    """"1234 E Camelback Rd Unit 5" -> street_number, street_name, unit_number."""
    street = re.sub(r"\s+", " ", street).strip(" ,")
    unit = None
    unit_match = _UNIT.search(street)
    if unit_match and unit_match.start() > 0:
        unit = unit_match.group(1)
        street = street[: unit_match.start()].strip(" ,")
    number_match = re.match(r"^(\d+[A-Za-z]?(?:-[A-Za-z0-9]+)?)\s+(.+)$", street)
    if not number_match:
        return {"street_number": None, "street_name": title_words(street) or None, "unit_number": unit}
    return {
        "street_number": number_match.group(1).upper(),
        "street_name": title_words(number_match.group(2)),
        "unit_number": unit,
    }


def compose_address(parts: dict[str, Any]) -> str | None:
    """One line in the contract's form: `1234 E Camelback Rd Unit 5, Phoenix, AZ 85018`."""
    street = " ".join(p for p in (parts.get("street_number"), parts.get("street_name")) if p)
    if not street:
        return None
    if parts.get("unit_number"):
        street += f" Unit {parts['unit_number']}"
    tail = " ".join(p for p in (parts.get("state_or_province"), parts.get("postal_code")) if p)
    return ", ".join(p for p in (street, parts.get("city"), tail) if p)


def parse_one_line_address(text: Any, known_cities: tuple[str, ...] = ()) -> dict[str, Any]:
    """Split a one-line address ("1234 E CAMELBACK RD PHOENIX AZ 85018") into contract fields.

    Without commas the boundary between street and city is ambiguous; a known
    city name at the end of the street part settles it.
    """
    if not text:
        return {}
    line = re.sub(r"\s+", " ", str(text)).strip()
    result: dict[str, Any] = {}
    match = _CITY_STATE_ZIP.match(line)
    if match:
        street, city = match.group("street"), match.group("city").strip()
        if "," not in line[: match.end("street") + 1]:
            street, city = _split_city_without_comma(f"{street} {city}", known_cities)
        result.update(split_street(street))
        if city:
            result["city"] = title_words(city)
        result["state_or_province"] = "AZ"
        if match.group("zip"):
            result["postal_code"] = match.group("zip")
    else:
        zip_match = re.search(r"\b(\d{5})(?:-\d{4})?\s*$", line)
        if zip_match:
            result["postal_code"] = zip_match.group(1)
            line = line[: zip_match.start()].strip(" ,")
        street, city = _split_city_without_comma(line, known_cities) if "," not in line else line.split(",", 1)
        result.update(split_street(street))
        if city and city.strip():
            result["city"] = title_words(city.strip())
    return {k: v for k, v in result.items() if v}


MARICOPA_CITIES = (
    "Phoenix", "Scottsdale", "Mesa", "Tempe", "Chandler", "Gilbert", "Glendale", "Peoria",
    "Surprise", "Goodyear", "Avondale", "Buckeye", "Queen Creek", "Fountain Hills",
    "Paradise Valley", "Cave Creek", "Carefree", "Litchfield Park", "Tolleson", "El Mirage",
    "Sun City", "Sun City West", "Laveen", "Wickenburg", "Anthem", "Gila Bend", "Youngtown",
    "Apache Junction", "Rio Verde", "New River", "Tonopah", "Waddell", "Wittmann",
)


def _split_city_without_comma(line: str, known_cities: tuple[str, ...]) -> tuple[str, str | None]:
    cities = known_cities or MARICOPA_CITIES
    lower = line.lower()
    for city in sorted(cities, key=len, reverse=True):
        if lower.endswith(" " + city.lower()):
            return line[: -len(city)].strip(" ,"), city
    return line, None


def normalize_city(text: Any) -> str | None:
    if not text:
        return None
    city = re.sub(r"\s+", " ", str(text)).strip(" ,")
    return title_words(city) if city else None


def normalize_zip(text: Any) -> str | None:
    if text is None:
        return None
    match = re.search(r"(?<!\d)(\d{5})(?:-\d{4})?(?!\d)", str(text))
    return match.group(1) if match else None


def clean_text(text: Any) -> str | None:
    if text is None:
        return None
    cleaned = re.sub(r"\s+", " ", str(text)).strip()
    return cleaned or None
