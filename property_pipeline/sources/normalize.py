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


def normalize_apn(text: Any) -> str | None:
    """`123-45-678A`, `123.45.678A`, `123 45 678 A`, `12345678a` -> `12345678A`."""
    if text is None:
        return None
    match = _APN.search(str(text).strip())
    if not match:
        return None
    book, map_, parcel, split = match.groups()
    return f"{book}{map_}{parcel}{(split or '').upper()}"


class AmbiguousNumber(ValueError):
    """Text stating a number whose magnitude a reader cannot settle ("471.300": 471.3 or 471300?
    "1850,5": a decimal or a list?), or more than one number where one was expected."""


# One numeric token: digits joined by grouping or decimal marks, an optional exponent. A mark
# only counts between digits, so "1,850 sq ft, 2 baths" reads "1,850" first.
_TOKEN = re.compile(
    r"(?<!\d)(?P<sign>[-+\u2212])?"
    r"(?P<body>\d+(?:[,.'\u00a0\u2009\u202f ]\d+)*|\.\d+)"
    r"(?:[eE](?P<exp>[-+]?\d{1,3})(?![A-Za-z\d]))?"
)
_SPACE = "[\u00a0\u2009\u202f ]"
_SPACE_RE = re.compile(_SPACE)
_DIGITS = re.compile(r"\d+")
_ANY_DIGIT = re.compile(r"\d")
_AROUND_NUMBER = re.compile(r"(?:\$|usd)?\s*(?:[a-z%.\s]{0,12})")
_ORDINAL = re.compile(r"\d+(st|nd|rd|th)", re.I)
_SPACES = re.compile(r"\s+")
_ZIP5 = re.compile(r"(?<!\d)(\d{5})(?:-\d{4})?(?!\d)")
_PLACEHOLDERS = {"", "-", "--", "---", "n/a", "na", "none", "null", "unknown", "tbd", "?"}


def _grouped(groups: list[str]) -> bool:
    """Thousands grouping: 1-3 leading digits, then groups of exactly three."""
    return all(g.isdigit() for g in groups) and 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _marked_value(body: str, integral: bool) -> float:
    """A token without spaces: plain, US "1,234.5", European "1.234,5", Swiss "1'234", dotted "1.234.567".

    `integral` says the quantity is a whole count (dollars, square feet): there "471.300" is
    a thousands group as likely as a decimal, so it is not read at all."""
    marks = [c for c in body if c in ",.'"]
    if not marks:
        return float(body)
    if len(set(marks)) == 1:
        mark = marks[0]
        groups = body.split(mark)
        if mark == "." and len(groups) == 2:
            whole, fraction = groups
            if integral and len(fraction) == 3 and whole not in ("", "0"):
                raise AmbiguousNumber(body)
            return float(body)
        if _grouped(groups):
            return float("".join(groups))
        raise AmbiguousNumber(body)  # "1850,5", "1,2,3", "11.30.2026"
    # Two kinds of mark: the last one, used once, is the decimal point; the other groups thousands.
    point = marks[-1]
    head, _, fraction = body.rpartition(point)
    grouping = {c for c in head if c in ",.'"}
    if point == "'" or point in grouping or len(grouping) != 1 or not _grouped(re.split(r"[,.']", head)):
        raise AmbiguousNumber(body)
    return float(re.sub(r"[,.']", "", head) + "." + fraction)


def _spaced_value(body: str) -> float:
    """A token grouped by spaces ("471 300", "1 234,56"): every group after the first has three
    digits; the last may end in a decimal part."""
    groups = re.split(_SPACE, body)
    last = re.match(r"(\d+)([.,]\d+)?$", groups[-1])
    if not last or not _grouped([*groups[:-1], last.group(1)]):
        raise AmbiguousNumber(body)
    fraction = (last.group(2) or "").replace(",", ".")
    return float("".join(groups[:-1]) + last.group(1) + fraction)


def _token_value(match: re.Match, integral: bool) -> float:
    body, exponent = match.group("body"), match.group("exp")
    if exponent is not None:
        # Scientific notation ("4.713E5"): the mantissa's dot is always a decimal point.
        if not re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", body):
            raise AmbiguousNumber(match.group())
        value = float(f"{body}e{exponent}")
    elif _SPACE_RE.search(body):
        value = _spaced_value(body)
    else:
        value = _marked_value(body, integral)
    if match.group("sign") in ("-", "\u2212"):
        value = -value
    if not math.isfinite(value):
        raise AmbiguousNumber(match.group())
    return value


def _tokens(text: str) -> list[re.Match]:
    """Numeric tokens in order. A space joins digits only as a thousands group: "1998 2 stories"
    is 1998 and 2, "471 300" is one number."""
    found, position = [], 0
    while (match := _TOKEN.search(text, position)) is not None:
        body = match.group("body")
        if _SPACE_RE.search(body) and match.group("exp") is None:
            groups = _SPACE_RE.split(body)
            tail = _DIGITS.match(groups[-1])
            if not (tail and _grouped([*groups[:-1], tail.group()])):
                # Not a grouping: the digits before the first space are a number of their own.
                end = match.start("body") + len(groups[0])
                match = _TOKEN.search(text[:end], match.start())
        found.append(match)
        position = match.end()
    return found


def _number_input(text: Any) -> tuple[float | None, str | None]:
    """(value, None) for a JSON number, (None, text) for text to read, (None, None) for nothing."""
    if text is None or isinstance(text, bool):
        return None, None
    if isinstance(text, (int, float)):
        value = float(text)
        return (value if math.isfinite(value) else None), None
    return None, str(text)


def _first_token(text: Any) -> tuple[float | None, str | None, re.Match | None]:
    """(value, None, None) for a JSON number or nothing, (None, text, None) for text without a
    number, (None, text, token) for the first number token of `text`."""
    value, text = _number_input(text)
    if text is None:
        return value, None, None
    tokens = _tokens(text)
    return None, text, tokens[0] if tokens else None


def parse_number(text: Any, *, integral: bool = False) -> float | None:
    """The first number in `text` ("1,850 sq ft" -> 1850.0, "4.713E5" -> 471300.0, "471 300" ->
    471300.0); None when there is none or it cannot be read unambiguously ("471.300" for a whole
    count, see `integral`). Rejects NaN/inf and bools."""
    value, text, token = _first_token(text)
    if token is None:
        return value
    try:
        return _token_value(token, integral)
    except AmbiguousNumber:
        return None


def parse_number_strict(text: Any, *, integral: bool = False) -> float | None:
    """A value that should be exactly one number ("$288,000", " 1850 ", "4.713E5", "1,850 sq ft").

    None for nothing stated (null, "", "N/A"); raises `AmbiguousNumber` when the text holds no
    readable number, several numbers, or one whose magnitude is unsettled: the caller drops the
    value and says so, rather than storing a guess."""
    value, text = _number_input(text)
    if text is None:
        return value
    if text.strip().lower() in _PLACEHOLDERS:
        return None
    tokens = _tokens(text)
    if len(tokens) != 1:
        raise AmbiguousNumber(text)
    rest = (text[: tokens[0].start()] + " " + text[tokens[0].end():]).strip().lower()
    # Only a currency sign before and a unit after may surround the number.
    if not _AROUND_NUMBER.fullmatch(rest) or _ANY_DIGIT.search(rest):
        raise AmbiguousNumber(text)
    return _token_value(tokens[0], integral)


def parse_int(text: Any) -> int | None:
    """A whole number: "1,998" -> 1998; None for fractions, ambiguous text and huge values."""
    value = parse_number(text, integral=True)
    if value is None or value != int(value) or abs(value) > 2**53:
        return None
    return int(value)


_MONEY_SUFFIX = re.compile(r"\s*([kKmM])(?![A-Za-z])")


def parse_money(text: Any) -> float | None:
    """USD amounts: "$525,000", "$525K", "$1.2M", 525000; None for "$471.300" (unsettled)."""
    value, text, token = _first_token(text)
    if token is None or text is None:
        return value
    suffix = _MONEY_SUFFIX.match(text, token.end())
    try:
        # "$1.250M": before a K/M suffix the dot is a decimal point.
        value = _token_value(token, integral=suffix is None)
    except AmbiguousNumber:
        return None
    value *= {"k": 1e3, "m": 1e6}[suffix.group(1).lower()] if suffix else 1.0
    return value if math.isfinite(value) else None


_TRUE = {"y", "yes", "true", "1", "private", "x", "si", "sí", "privada"}
_FALSE = {"n", "no", "false", "0", "none", "n/a", "ninguna", "ninguno"}


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
    "for sale": "Active",
    "for sale by owner": "Active",
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
    "recently sold": "Closed",
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
    # Spanish-language pages
    "activo": "Active",
    "activa": "Active",
    "en venta": "Active",
    "bajo contrato": "Active Under Contract",
    "contingente": "Active Under Contract",
    "pendiente": "Pending",
    "vendida": "Closed",
    "vendido": "Closed",
    "cerrada": "Closed",
    # Alert e-mails' headlines
    "price reduced": "Active",
    "price drop": "Active",
    "price cut": "Active",
    "price improved": "Active",
    "new price": "Active",
    "new listing": "Active",
    "just listed": "Active",
    "new to market": "Active",
    "back on market": "Active",
}
# Print sheets' status codes: read only as the whole value of a status label or a badge, never
# inside a sentence ("act fast" states no status).
STATUS_CODES = {
    "act": "Active", "actv": "Active", "pnd": "Pending", "pend": "Pending", "clsd": "Closed", "cls": "Closed",
    "sld": "Closed", "exp": "Expired", "expd": "Expired", "wdn": "Withdrawn", "wthdn": "Withdrawn",
    "cxl": "Canceled", "canc": "Canceled", "cncl": "Canceled", "tom": "Hold",
}


def normalize_status(text: Any) -> str | None:
    """ARMLS and free-form statuses to RESO StandardStatus (UCB, CCBS, AWC -> Active Under Contract)."""
    if text is None:
        return None
    word = re.sub(r"[^a-z ]+", " ", str(text).lower()).strip()
    word = re.sub(r"\s+", " ", word)
    if word in _STATUS:
        return _STATUS[word]
    if word in STATUS_CODES:
        return STATUS_CODES[word]
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
    word = word.replace("on the market", "on market")  # "Back on the market"
    if word not in _STATUS:
        word = re.sub(r" listing$", "", word)  # "Active listing" (but "New listing" is a status itself)
    if len(word) < 3 or word == "new":
        return None
    return _STATUS.get(word) or STATUS_CODES.get(word)


# (pattern, property_type, property_sub_type): first match wins, most specific first.
_DWELLING = [
    (r"mfg|mobile|manufactured", "Residential", "Manufactured Home"),
    (r"apartment style|flat|condo", "Residential", "Condominium"),
    (r"town ?house|townhome|adosada", "Residential", "Townhouse"),
    (r"patio", "Residential", "Patio Home"),
    (r"duplex", "Residential Income", "Duplex"),
    (r"triplex", "Residential Income", "Triplex"),
    (r"four ?plex|quadruplex", "Residential Income", "Quadruplex"),
    (r"vacant|land|lot\b|acreage|terreno", "Land", None),
    (r"multi[ \-_]?family|multi[ \-]?unit|apartment building|\d+ units?\b", "Residential Income", None),
    (r"co-?op|cooperative", "Residential", "Stock Cooperative"),
    (r"single[ \-]?family|sfr|detached|residence|house|unifamiliar|\bsf[ \-]?det|\bsfd\b|^\s*sf\s*$", "Residential", "Single Family Residence"),
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
    (r"semi|twice a year|bi-?annual|semestral", "Semi-Annually"),
    (r"quarter|trimestr|\bqtr\b|/\s*q\b", "Quarterly"),
    (r"bi-?month|every other month|bimestr", "Bi-Monthly"),
    (r"month|/mo\b|mo\.|^\s*mo\s*$|\bper mo\b|mensual|al mes", "Monthly"),  # "HOA Pd: Mo", a print sheet's cell
    (r"annual|year|/yr\b|^\s*yr\s*$|anual|al a[ñn]o", "Annually"),
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
    acres = re.search(r"\bac(re)?s?\b", str(text), re.IGNORECASE) is not None
    # Square feet are a whole count: "7.412 sq ft" is not read as seven square feet.
    value = parse_number(text, integral=not acres)
    if value is None or value <= 0:
        return None, None
    if acres:
        return round(value * SQFT_PER_ACRE), round(value, 4)
    return round(value), round(value / SQFT_PER_ACRE, 4)


SQFT_PER_SQUARE_METRE = 10.7639104
SQFT_PER_HECTARE = 107_639.104
# An area in metric units: "168 m²", "142 m2", "205 mts²", "90 sq m", "650,5 metros cuadrados", "0.08 ha".
_METRIC_AREA = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s*"
    r"(?:(?P<sqm>m\s?[²2](?!\d)|mts?\.?\s?[²2]?(?![a-z])|mt[²2]|sq\.?\s?m(?:trs?|etres?|eters?)?\b|sqm\b|square\s+met(?:re|er)s?\b"
    r"|metros?\s+cuadrados\b|m\.?\s?c\.(?![a-z]))|(?P<ha>ha\b|hect(?:are|[áa]rea)s?\b))",
    re.I)
# An area in square feet or acres beside it ("168 m² (1,808 sq ft)"): that figure is the one to read.
IMPERIAL_AREA = re.compile(r"(?<![\d.,])(\d[\d,.]*)\s*(?:sq\.?\s?f(?:ee|oo)?t\.?|sqft|square\s+f(?:ee|oo)t|ft\s?[²2]|sf\b|pies|acres?\b|ac\b)", re.I)


def metric_area_square_feet(text: Any) -> float | None:
    """Square feet of the first area `text` states in square metres or hectares ("168 m²" ->
    1808.3, "0,08 ha" -> 8611.1); a decimal comma before one or two digits is a decimal point
    ("650,5 m²"). None when no metric area is stated."""
    if text is None:
        return None
    match = _METRIC_AREA.search(str(text))
    if not match:
        return None
    body = match.group(1).replace("\u00a0", " ").replace("\u202f", " ")
    decimal = re.fullmatch(r"(\d+)[.,](\d{1,2})", body)
    if decimal:  # "650,5", "0.08": one or two digits after the mark are a fraction
        value = float(f"{decimal.group(1)}.{decimal.group(2)}")
    else:
        value = parse_number(body)
    if value is None or value <= 0:
        return None
    return value * (SQFT_PER_HECTARE if match.group("ha") else SQFT_PER_SQUARE_METRE)


def parse_baths(text: Any) -> tuple[int | None, int | None]:
    """Bath text to (full, half): "2.5" -> (2, 1); "2 full, 1 half" -> (2, 1); "3" -> (3, 0)."""
    if text is None:
        return None, None
    raw = str(text).lower()
    # "2 full, 1 half", "2fb 1hb", and a print sheet's letters: "3 (2F 1H)", "4 (3F/1H)".
    full = re.search(r"(\d+)\s*(?:full|fb|complet|f\b)", raw)
    half = re.search(r"(\d+)\s*(?:half|hb|partial|medio|h\b)", raw)
    if full or half:
        return (int(full.group(1)) if full else None), (int(half.group(1)) if half else 0)
    with_half = re.fullmatch(r"\s*(\d{1,2})\s*(?:\+\s*)?(?:1/2|\u00bd)\s*", raw)  # "2 1/2", "2\u00bd", "2 + 1/2"
    if with_half:
        return int(with_half.group(1)), 1
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
_UNIT = re.compile(r"\s*(?:,\s*)?(?:\b(?:unit|apt|ste|suite|lot|spc|space|bldg|unidad|depto|apto)\b\.?|#)\s*#?\s*([\w\-]+)\s*$", re.I)
US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico",
}
_STATE_BY_NAME = {name.lower(): code for code, name in US_STATES.items()}
# Arizona in any case; other states as their upper-case code or full name (a lower-case "in"
# or "or" at the end of a line is a word, not Indiana or Oregon).
_STATE = r"(?i:AZ|Arizona)|" + "|".join(sorted(US_STATES)) + "|" + "|".join(
    f"(?i:{re.escape(name)})" for name in sorted(US_STATES.values(), key=len, reverse=True)
)
_STATE_ZIP = r"(?P<state>" + _STATE + r")\b\.?[,\s]*(?P<zip>\d{5})?(?:-\d{4})?\s*$"
_CITY_STATE_ZIP = re.compile(r"^(?P<street>.+?)[,\s]+(?P<city>[A-Za-z .'\-]+?)[,\s]+" + _STATE_ZIP)
# The place after a street: a city (after whatever precedes it, e.g. a unit) then state and ZIP.
_PLACE = re.compile(r"^(?:.*?[,\s])??[,\s]*(?P<city>[A-Za-z .'\-]+?)[,\s]+" + _STATE_ZIP)
_STATE_THEN_ZIP = re.compile(r"^[,\s]*" + _STATE_ZIP)
_ZIP_AT_END = re.compile(r"\b(\d{5})(?:-\d{4})?\s*$")


def state_code(text: Any) -> str | None:
    """"AZ", "az", "Arizona", "TX" -> the two-letter USPS code; None for anything else."""
    if not text:
        return None
    word = _SPACES.sub(" ", str(text)).strip(" .,").lower()
    if word.upper() in US_STATES:
        return word.upper()
    return _STATE_BY_NAME.get(word)


def title_words(text: str) -> str:
    """Title-case words, keeping direction letters (NE) and ordinals (43rd) right."""
    out = []
    for word in text.split():
        if word.upper() in _DIRECTIONS:
            out.append(word.upper())
        elif _ORDINAL.fullmatch(word):
            out.append(word.lower())
        elif word.isupper() or word.islower():
            out.append(word.capitalize())
        else:
            out.append(word)
    return " ".join(out)


def split_street(street: str) -> dict[str, str | None]:
    """"1234 E Camelback Rd Unit 5" -> street_number, street_name, unit_number."""
    street = _SPACES.sub(" ", street).strip(" ,")
    unit = None
    unit_match = _UNIT.search(street)
    if unit_match and unit_match.start() > 0:
        unit = unit_match.group(1)
        street = street[: unit_match.start()].strip(" ,")
    number_match = re.match(r"^(\d+[A-Za-z]?(?:-[A-Za-z0-9]+)?(?:\s+1/2)?)\s+(.+)$", street)
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
    line = _SPACES.sub(" ", str(text)).strip()
    result: dict[str, Any] = {}
    match = _CITY_STATE_ZIP.match(line)
    if match:
        street, city = match.group("street"), match.group("city").strip()
        if "," not in line[: match.end("street") + 1]:
            street, city = _split_city_without_comma(f"{street} {city}", known_cities)
        result.update(split_street(street))
        if city:
            result["city"] = title_words(city)
        result["state_or_province"] = state_code(match.group("state"))
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


def parse_place(text: Any) -> dict[str, Any]:
    """The part of an address after the street ("Sun City West, AZ 85375", "Phoenix AZ", "Mesa,
    85201", "AZ 85018") as city, state and ZIP: only what is stated."""
    line = re.sub(r"\s+", " ", str(text or "")).strip()
    result: dict[str, Any] = {}
    match = _STATE_THEN_ZIP.match(line) or _PLACE.match(line)
    if match:
        city = (match.groupdict().get("city") or "").strip()
        result.update(city=title_words(city) if city else None, state_or_province=state_code(match.group("state")),
                      postal_code=match.group("zip"))
    else:
        zip_match = _ZIP_AT_END.search(line)
        if zip_match:
            result["postal_code"] = zip_match.group(1)
            line = line[: zip_match.start()].rstrip(" ,")
        city = line.strip()
        result["city"] = title_words(city) if city else None
    return {k: v for k, v in result.items() if v}


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
    city = _SPACES.sub(" ", str(text)).strip(" ,")
    return title_words(city) if city else None


def normalize_zip(text: Any) -> str | None:
    if text is None:
        return None
    match = _ZIP5.search(str(text))
    return match.group(1) if match else None


# Placeholders and unit words a page shows where a value is missing ("-- sqft", "Call for price").
_PLACEHOLDER = re.compile(
    r"(?:[-\u2013\u2014_.?*]+|n/?a|none|null|undefined|unknown|tbd|tba|not (?:disclosed|available|provided|"
    r"specified|listed|applicable)|undisclosed|call(?: agent)?(?: for (?:price|details|info))?|"
    r"contact (?:the )?(?:listing )?(?:agent|us|office)(?: for (?:price|details))?|(?:price )?(?:up)?on request|"
    r"request (?:a )?price|ask (?:the )?agent|see (?:remarks|agent|description)|price upon request)"
)
_UNIT_TOKENS = re.compile(
    r"\$|\b(?:usd|ba|bas|bd|bds|beds?|bedrooms?|baths?|bathrooms?|br|sq\.?\s?f(?:ee)?t\.?|sqft|square\s+f(?:ee|oo)t|"
    r"acres?|ac|lot)\b|/\s*mo(?:nth)?\b",
    re.IGNORECASE,
)


def is_placeholder(text: Any) -> bool:
    """True for a value slot holding no value: "--", "N/A", "TBD", "Call for price", "Contact agent",
    "Price upon request", "Not disclosed", or a bare unit ("Ba", "Sq Ft", "$-- /mo")."""
    if text is None:
        return True
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return False
    word = re.sub(r"\s+", " ", str(text)).strip().lower()
    if not word:
        return True
    stripped = re.sub(r"\s+", " ", _UNIT_TOKENS.sub(" ", word)).strip(" :,")
    return not stripped or _PLACEHOLDER.fullmatch(stripped) is not None


# Words that name units, labels and page furniture: never a street's name or a city.
_UNIT_WORDS = frozenset(
    "ba bas bd bds bed beds bedroom bedrooms bath baths bathroom bathrooms br sq ft sqft feet foot acre acres ac "
    "lot lots day days hr hrs hour hours min mins minute minutes week weeks wk month months mo year years yr yrs "
    "photo photos pics pictures video videos view views save saves saved car cars garage garages story stories "
    "level levels home homes house houses listing listings result results percent pct mile miles mi km share "
    "shares tour tours for sale rent sold".split()
)
_NOT_PLACE_WORDS = _UNIT_WORDS | frozenset(
    "zillow redfin trulia realtor movoto mls idx price prices sale sales rent sold status estimate zestimate "
    "details map schools contact agent listed pending active join us sign log help for".split()
)
_FUNCTION_WORDS = frozenset("on in at for by of to from with near via per the a an and or is are was".split())


def plausible_street(street_name: Any) -> bool:
    """A street name, not a unit or label read after a number ("1 Ba", "5 Days", "2 Car Garage")."""
    words = [w.strip(".,#").lower() for w in str(street_name or "").split()]
    words = [w for w in words if w and w.upper() not in _DIRECTIONS]
    if not words or not any(re.search(r"[a-z]", w) for w in words):
        return False
    return not all(w in _UNIT_WORDS or not re.search(r"[a-z]", w) for w in words)


def plausible_city(city: Any) -> bool:
    """A place name, not a label, a unit or a site's name ("Sq Ft", "On Zillow", "Bd")."""
    text = str(city or "").strip()
    words = [w.strip(".,'").lower() for w in text.split()]
    if not words or len(words) > 4 or re.search(r"[^A-Za-z .'\-]", text):
        return False
    if words[0] in _FUNCTION_WORDS:
        return False
    return not any(w in _NOT_PLACE_WORDS for w in words) and any(len(w) >= 3 for w in words)


# Unit words the address parser does not know: "9820 E Thompson Peak Pkwy, Residence 802", "Villa 12",
# "Penthouse 3", "Space 41" (a manufactured-home park), "Unidad 58": read as "Unit".
_UNIT_DESIGNATOR = re.compile(r",?\s+\b(?:Residence|Villa|Penthouse|PH|Space|Spc\.?|Unidad|Depto\.?|Departamento)\s+#?\s*"
                        r"([A-Za-z]?\d[A-Za-z0-9\-]{0,5})(?=\s*(?:,|$))", re.I)


def address_from_line(line: str) -> dict[str, Any]:
    """Street, city, state and ZIP from one line, when the line is an address: a house number and a
    street that is not a unit or label ("1 Ba, Sq Ft" and "5 Days, On Zillow" are not)."""
    if not re.match(r"^\s*\d+[A-Za-z]?(-\w+)?\s+\S", line):
        return {}
    parsed = parse_one_line_address(_UNIT_DESIGNATOR.sub(r", Unit \1", line))
    city = parsed.get("city")
    if city and not plausible_city(city):
        return {}
    if not plausible_street(parsed.get("street_name")):
        return {}
    return parsed if parsed.get("street_name") and (parsed.get("postal_code") or parsed.get("city")) else {}
