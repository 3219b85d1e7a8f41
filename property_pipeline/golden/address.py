"""Street addresses in one canonical form, so that two spellings of one address compare equal.

`1418 North Seventh Street, Phoenix, AZ 85006`, `1418 N 7TH ST PHOENIX AZ 85006` and
`1418 n. 7th st.` (with city or ZIP given apart) all become
`Address(number="1418", predir="n", name="7th", suffix="st", ...)`. `usaddress` (a CRF
parser trained on US addresses) tells which token is a directional, a street type or a
unit designator; the tables below map each to its USPS Publication 28 abbreviation.

Records arrive with their address already split (`street_number`, `street_name`,
`unit_number`, `city`, `postal_code`): those parts are trusted and only the street name is
parsed; `unparsed_address` is parsed whole only when the parts are missing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import usaddress

DIRECTIONALS = {
    "north": "n", "south": "s", "east": "e", "west": "w",
    "northeast": "ne", "northwest": "nw", "southeast": "se", "southwest": "sw",
    "n": "n", "s": "s", "e": "e", "w": "w", "ne": "ne", "nw": "nw", "se": "se", "sw": "sw",
}

# USPS Publication 28, appendix C1: the suffixes (and their common spellings) seen in
# Maricopa County addresses; an unknown suffix is kept as written, lower-cased.
STREET_TYPES = {
    "alley": "aly", "aly": "aly", "avenue": "ave", "av": "ave", "ave": "ave", "aven": "ave", "avn": "ave",
    "bend": "bnd", "bnd": "bnd", "boulevard": "blvd", "blvd": "blvd", "boul": "blvd",
    "canyon": "cyn", "cyn": "cyn", "circle": "cir", "cir": "cir", "circ": "cir", "crcl": "cir",
    "court": "ct", "ct": "ct", "cove": "cv", "cv": "cv", "crossing": "xing", "xing": "xing",
    "drive": "dr", "dr": "dr", "drv": "dr", "expressway": "expy", "expy": "expy",
    "freeway": "fwy", "fwy": "fwy", "glen": "gln", "gln": "gln", "heights": "hts", "hts": "hts",
    "highway": "hwy", "hwy": "hwy", "hill": "hl", "hl": "hl", "hollow": "holw", "holw": "holw",
    "junction": "jct", "jct": "jct", "lane": "ln", "ln": "ln", "loop": "loop", "mall": "mall",
    "meadow": "mdw", "mdw": "mdw", "parkway": "pkwy", "pkwy": "pkwy", "pky": "pkwy",
    "pass": "pass", "path": "path", "place": "pl", "pl": "pl", "plaza": "plz", "plz": "plz",
    "point": "pt", "pt": "pt", "ridge": "rdg", "rdg": "rdg", "road": "rd", "rd": "rd",
    "run": "run", "square": "sq", "sq": "sq", "street": "st", "st": "st", "str": "st",
    "terrace": "ter", "ter": "ter", "trail": "trl", "trl": "trl", "view": "vw", "vw": "vw",
    "vista": "vis", "vis": "vis", "walk": "walk", "way": "way", "wy": "way",
}

_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_TENS_ORDINAL = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                 "seventieth": 70, "eightieth": 80, "ninetieth": 90}
_UNIT_WORDS = re.compile(r"^(?:(?:unit|apt|apartment|ste|suite|spc|space|lot|rm|room|bldg|building|number|no)\b\.?|#)\s*")
_STREET_LABELS = ("StreetNamePreModifier", "StreetNamePreType", "StreetName")
_UNIT_LABELS = ("OccupancyType", "OccupancyIdentifier", "SubaddressType", "SubaddressIdentifier")


@dataclass(frozen=True)
class Address:
    """One address in canonical form (lower case, USPS abbreviations); parts are None when not stated."""

    number: str | None
    predir: str | None
    name: str | None
    suffix: str | None
    postdir: str | None
    unit: str | None
    city: str | None
    postal_code: str | None

    @property
    def street(self) -> str:
        """`1418 n 7th st`: number, directionals, name and suffix."""
        return " ".join(p for p in (self.number, self.predir, self.name, self.suffix, self.postdir) if p)

    @property
    def is_complete(self) -> bool:
        """A house number, a street name and a place (ZIP or city): enough to identify a property."""
        return bool(self.number and self.name and (self.postal_code or self.city))

    def one_line(self) -> str:
        """`1418 n 7th st unit 12b phoenix az 85006`: the text of an `addr:` property key."""
        unit = f"unit {self.unit}" if self.unit else None
        state = "az" if self.city or self.postal_code else None
        return " ".join(p for p in (self.street, unit, self.city, state, self.postal_code) if p)


def ordinal_words_to_digits(text: str) -> str:
    """`seventh` -> `7th`, `twenty-third` / `twenty third` -> `23rd` (street names spelled out)."""

    def suffixed(n: int) -> str:
        ending = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{ending}"

    words = re.split(r"[\s\-]+", text)
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word in _TENS and nxt in _ORDINAL_UNITS and _ORDINAL_UNITS[nxt] < 10:
            out.append(suffixed(_TENS[word] + _ORDINAL_UNITS[nxt]))
            i += 2
            continue
        if word in _ORDINAL_UNITS or word in _TENS_ORDINAL:
            out.append(suffixed(_ORDINAL_UNITS.get(word) or _TENS_ORDINAL[word]))
        else:
            out.append(word)
        i += 1
    return " ".join(out)


def _plain(text: Any) -> str:
    """Lower case, punctuation other than `-`, `/` and `#` dropped, spaces collapsed."""
    return " ".join(re.sub(r"[^\w\s\-/#]", " ", str(text).lower()).split())


def normalize_unit(text: Any) -> str | None:
    """`Unit 12B`, `Apt. 12-b`, `#12B`, `Ste 012b` -> `12b`; digits-only units lose leading zeros."""
    if text is None:
        return None
    unit = _plain(text)
    while True:
        stripped = _UNIT_WORDS.sub("", unit).strip()
        if stripped == unit:
            break
        unit = stripped
    unit = re.sub(r"[^0-9a-z]", "", unit)
    if unit.isdigit():
        unit = str(int(unit))
    return unit or None


def _tagged(text: str) -> dict[str, list[str]]:
    """usaddress labels -> tokens (in order); never raises, repeated labels are kept together."""
    parts: dict[str, list[str]] = {}
    for token, label in usaddress.parse(text):
        parts.setdefault(label, []).append(token.strip(",").strip())
    return parts


def _street_parts(tagged: dict[str, list[str]]) -> dict[str, str | None]:
    def joined(*labels: str) -> str:
        return _plain(" ".join(t for label in labels for t in tagged.get(label, ())))

    predir = joined("StreetNamePreDirectional")
    suffix = joined("StreetNamePostType")
    postdir = joined("StreetNamePostDirectional")
    name_words = [STREET_TYPES.get(w, w) if i == 0 and "StreetNamePreType" in tagged else w
                  for i, w in enumerate(joined(*_STREET_LABELS).split())]
    name = ordinal_words_to_digits(" ".join(name_words)) or None
    if not name:  # a name usaddress did not recognize ("Via Linda" as a landmark): keep the rest
        known = {"AddressNumber", "StreetNamePreDirectional", "StreetNamePostType", "StreetNamePostDirectional",
                 *_UNIT_LABELS, "PlaceName", "StateName", "ZipCode"}
        name = ordinal_words_to_digits(joined(*(k for k in tagged if k not in known))) or None
    return {
        "predir": DIRECTIONALS.get(predir, predir) or None,
        "name": name,
        "suffix": STREET_TYPES.get(suffix, suffix) or None,
        "postdir": DIRECTIONALS.get(postdir, postdir) or None,
    }


def _zip(text: Any) -> str | None:
    match = re.search(r"(?<!\d)(\d{5})(?:-\d{4})?(?!\d)", str(text or ""))
    return match.group(1) if match else None


def normalize_address(values: Mapping[str, Any]) -> Address | None:
    """The canonical address of a record (contract field names), or None without a street.

    The split parts are used when present; otherwise `unparsed_address` is parsed.
    """
    parts = ("street_number", "street_name", "unit_number", "city", "postal_code", "unparsed_address")
    return _normalize(*(None if values.get(p) is None else str(values[p]) for p in parts))


# Linking and survivorship ask for the same record's address several times, and a property's
# observations repeat the same address: parse each distinct spelling once.
@lru_cache(maxsize=65_536)
def _normalize(
    number: str | None, street: str | None, unit_number: str | None, city: str | None, postal: str | None,
    unparsed: str | None,
) -> Address | None:
    if street:
        tagged = _tagged(f"{number} {street}" if number else street)
    elif unparsed:
        tagged = _tagged(unparsed)
        number = number or " ".join(tagged.get("AddressNumber", ()))
        city = city or " ".join(tagged.get("PlaceName", ()))
        postal = postal or " ".join(tagged.get("ZipCode", ()))
    else:
        return None
    unit = unit_number or " ".join(t for label in _UNIT_LABELS for t in tagged.get(label, ()))
    parts = _street_parts(tagged)
    if not parts["name"]:
        return None
    return Address(
        number=_plain(number).replace(" ", "") or None if number else None,
        unit=normalize_unit(unit),
        city=_plain(city) or None if city else None,
        postal_code=_zip(postal),
        **parts,
    )


def parse_address(text: str) -> Address | None:
    """The canonical form of a one-line address (`1418 North 7th Street, Phoenix, AZ 85006`)."""
    return normalize_address({"unparsed_address": text})
