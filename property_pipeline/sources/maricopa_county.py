"""Maricopa County Assessor parcel records (`.json`): every shape the collector saves.

Shapes, all one parcel per file:
- API bundle: `{"apn", "parcel": {...}, "residential_details": {...}, "valuations": [...]}`;
- the API's own parcel response, flat at the top (`APN`, `PropertyAddress`, `Valuations`,
  `ResidentialPropertyData`, `Geo`, and an `Owner` section);
- a `/search/property` result record (`APN`, `SitusAddress`, `SubdivisonName`, `Ownership`...),
  alone or as the only entry of `Results`;
- the GIS parcel layer's feature (`{"attributes": {...}, "geometry": {...}}`);
- a detail response saved without identity (valuations, residential details, improvements,
  map ids): the file name `parcel-<APN>.json` carries the APN.

Only mapped facts leave this module (an allow-list): a key is read when it names a known
fact in a known section; everything else, owner names, mailing addresses, legal
descriptions, sections such as `Owner` or `Parties`, is never copied, and unknown keys are
reported by name only. Numbers are read strictly: a value whose magnitude is unsettled is
dropped with a warning naming the field, never guessed.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from typing import Any

from ..quality.names import looks_like_person_name
from .base import RuleExtraction, Source, SourceDocument, SourceError
from .normalize import (
    AmbiguousNumber,
    compose_address,
    normalize_apn,
    normalize_city,
    normalize_dwelling_type,
    normalize_zip,
    parse_bool,
    parse_lot_size,
    parse_number,
    parse_number_strict,
    parse_one_line_address,
    split_street,
)

MAX_JSON_DEPTH = 64


def _key(name: Any) -> str:
    """Key spelling folded: `SubdivisonName`, `subdivison_name`, `SUBDIVISON NAME` are one key."""
    return _fold(str(name))


@functools.lru_cache(maxsize=4096)  # a county's files repeat the same few hundred keys
def _fold(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


# Fact name -> the key spellings the county uses for it (folded by `_key` when compared).
PARCEL_KEYS = {
    "apn": ("APN", "ParcelNumber", "APN_DASH", "PARCEL_NUMBER", "Parcel_ID"),
    "address": ("PropertyAddress", "SitusAddress", "Address", "PHYSICAL_ADDRESS", "SITUS_ADDRESS", "SitusAddress1"),
    "street_number": ("PHYSICAL_STREET_NUM", "SitusStreetNumber", "SitusHouseNumber", "StreetNumber", "HouseNumber"),
    "street_name": ("PHYSICAL_STREET_NAME", "SitusStreetName", "StreetName"),
    # A situs split further: "E" + "SIERRA VISTA" + "DR" (joined around the name by `_address`).
    "street_dir": ("PHYSICAL_STREET_DIR", "SitusStreetDirection", "StreetDirection", "StreetDir", "PreDirection"),
    "street_type": ("PHYSICAL_STREET_TYPE", "SitusStreetType", "StreetType", "StreetSuffix", "SuffixType"),
    "city": ("SitusCity", "City", "PropertyCity", "PHYSICAL_CITY", "SITUS_CITY"),
    "zip": ("SitusZip", "Zip", "ZipCode", "PropertyZip", "PHYSICAL_ZIP", "SITUS_ZIP", "SitusZipCode", "PostalCode"),
    "property_type": ("PropertyType", "PropertyUseDescription", "PROPERTY_TYPE", "PUC_DESCRIPTION"),
    "is_residential": ("IsResidential", "IS_RESIDENTIAL"),
    "lot_size": ("LotSize", "LandSize", "LAND_SIZE", "LOT_SIZE"),
    "subdivision": ("SubdivisionName", "SubdivisonName", "Subdivision", "SUBNAME", "SUBDIVISION_NAME"),
    "mcr": ("MCR",),
    "parcel_status": ("ParcelStatus",),
    "latitude": ("Latitude", "Lat", "LATITUDE"),
    "longitude": ("Longitude", "Long", "Lon", "Lng", "LONGITUDE"),
    "living_area": ("LIVING_SPACE", "LIVABLE_SPACE"),
    "year_built": ("CONST_YEAR", "CONSTRUCTION_YEAR"),
    "garages": ("GARAGE_SPACES", "NUM_GARAGES"),
    "pool": ("POOL", "POOL_SQFT"),
    "stories": ("STORIES",),
    "tax_year": ("TAX_YEAR", "FCV_YEAR"),
    "full_cash_value": ("FCV_CUR", "FULL_CASH_VALUE"),
    "limited_property_value": ("LPV_CUR", "LIMITED_VALUE"),
}
DETAIL_KEYS = {
    "living_area": ("LivableSpace", "LivingSpace", "LivingArea"),
    "year_built": ("ConstructionYear", "OriginalConstructionYear", "YearBuilt"),
    "garages": ("NumberOfGarages", "GarageSpaces", "Garages", "GarageCount"),
    "pool": ("Pool",),
    "stories": ("Stories", "NumberOfStories"),
    "lot_size": ("LotSize",),
    "exterior_walls": ("ExteriorWalls",),
    "roof_type": ("RoofType",),
    "bath_fixtures": ("BathFixtures",),
}
VALUATION_KEYS = {
    "tax_year": ("TaxYear",),
    "full_cash_value": ("FullCashValue", "FCV"),
    "limited_property_value": ("LimitedPropertyValue", "LPV"),
    "legal_class": ("LegalClassification", "LegalClass", "LegalClassificationCode"),
}
GEO_KEYS = {"latitude": ("lat", "latitude", "y"), "longitude": ("long", "lon", "lng", "longitude", "x")}

# Section name (folded) -> its role. The file's top level is read as a parcel section too.
SECTIONS = {
    **dict.fromkeys(("parcel", "parceldetails", "parcelinfo", "propertyinfo", "attributes"), "parcel"),
    **dict.fromkeys(("residentialdetails", "residentialpropertydata", "residential", "residentialdata"), "details"),
    **dict.fromkeys(("valuations", "valuation", "valuationhistory"), "valuations"),
    **dict.fromkeys(("geo", "geometry", "location"), "geo"),
    # Known sections without a fact this pipeline maps: read for nothing, reported as nothing.
    **dict.fromkeys(("improvements", "mapids", "sketches", "spatialreference"), "known"),
}
# Keys that carry no property fact (bookkeeping, codes without a published mapping): not reported.
IGNORED_KEYS = re.compile(
    r"^(objectid|fid|globalid|shape\w*|puc|code|message|status|details|error|totalresults|page|"
    r"totalpropertysearchresults|results|parcels|features|apn|mcr)$"
)
# A key no table spells, read by what its words say (folded): `livableSqFt`, `garageStalls`,
# `lotSizeAcres`, `numberOfStories`. Personal keys (owner, mailing) never match these.
_KEY_MEANINGS = [(re.compile(p), fact) for p, fact in (
    (r"(lot|land|site|parcel)?(size|area)?(in)?acres?|(lot|land)acreage", "lot_acres"),
    (r"(lot|land|site)(size|area)(sqft|sf|squarefeet|insqft)?", "lot_size"),
    (r"(total)?(livable|living|heated)(space|area)?(sqft|sf|squarefeet)?", "living_area"),
    (r"(year|yr)(built|blt)|(original)?(construction|built)(year|yr)", "year_built"),
    (r"(numberof|num|total)?garages?(spaces|stalls|count|spcs|cars)?", "garages"),
    (r"(private)?pool(area|sqft|sf|size)?", "pool"),
    (r"(numberof|num)?(stories|story|levels)(count)?", "stories"),
    (r"subdivision\w*|subdivison\w*|subname", "subdivision"),
    (r"(situs|property|physical)(zip|zipcode|postalcode)", "zip"),
    (r"(situs|property|physical)city", "city"),
)]
# Words of a key that names a property fact, and of one that names a person or their mail.
_FACT_WORDS = re.compile(r"bath|bed|garage|pool|lot|acre|stor(y|ies)|level|year|built|sqft|squarefe|area|livable|living"
                         r"|fullcash|limited|subdiv|latitude|longitude", re.I)


def _names_a_fact(key: Any, value: Any) -> bool:
    """A scalar under a key that names a property fact and no person: "label present, no value read"."""
    if value is None or value is CONFLICT or isinstance(value, (dict, list, bool)) or not _fact_key(str(key)):
        return False
    text = str(value).strip()
    return bool(text) and len(text) <= 40 and not looks_like_person_name(text)


@functools.lru_cache(maxsize=8192)
def _fact_key(key: str) -> bool:
    """A key that names a property fact and no person (the key's part of `_names_a_fact`)."""
    return not _personal_key(key) and bool(_FACT_WORDS.search(_key(key))) and reportable_key(key) != "<unnamed key>"


# A key holding the situs address as an object of parts.
_SITUS_SECTION = re.compile(r"situs|^(property|physical|site)?address$|^location(address)?$")
# The parts of a situs address object, by their short names (folded).
_SITUS_PARTS = {
    "number": "street_number", "housenumber": "street_number", "streetnumber": "street_number", "num": "street_number",
    "direction": "street_dir", "dir": "street_dir", "predirection": "street_dir", "streetdirection": "street_dir",
    "name": "street_name", "streetname": "street_name", "street": "street_name",
    "type": "street_type", "suffix": "street_type", "streettype": "street_type",
    "line1": "address", "fulladdress": "address", "oneline": "address",
    "city": "city", "zip": "zip", "zipcode": "zip", "postalcode": "zip",
}
_TABLES = {"parcel": PARCEL_KEYS, "details": DETAIL_KEYS, "valuations": VALUATION_KEYS, "geo": GEO_KEYS}
_LOOKUP = {role: {_key(k): fact for fact, keys in table.items() for k in keys} for role, table in _TABLES.items()}
_NUMERIC = {
    "living_area": True, "garages": False, "stories": True, "year_built": True, "tax_year": True,
    "full_cash_value": True, "limited_property_value": True, "latitude": False, "longitude": False, "lot_acres": False,
    "bath_fixtures": True,
}
# Text facts that should never hold a person's name: dropped when they look like one.
_NAME_FREE = ("subdivision", "city", "street_name", "address")


class _Conflict:
    """The value of a key that a JSON object states twice with different values."""

    def __repr__(self) -> str:
        return "<conflicting duplicate key>"


CONFLICT = _Conflict()


def _pairs_hook(duplicates: list[str]):
    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out and out[key] != value:
                duplicates.append(key)
                out[key] = CONFLICT
            elif key not in out:
                out[key] = value
        return out

    return build


def _depth(value: Any, limit: int) -> int:
    """Nesting depth of parsed JSON, without recursion (hostile files nest thousands deep)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


def _reject_constant(token: str) -> float:
    raise ValueError(f"non-finite number {token} is not valid JSON")


def _load(raw: bytes) -> tuple[Any, list[str]]:
    """The parsed JSON and the keys some object states twice with different values."""
    if not raw.strip():
        raise SourceError("empty", "file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError("bad_encoding", f"not UTF-8 JSON: {exc}") from None
    duplicates: list[str] = []
    try:
        obj = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_pairs_hook(duplicates))
    except RecursionError:
        raise SourceError("too_deep", "JSON nested too deeply to parse") from None
    except ValueError as exc:
        raise SourceError("invalid_json", f"invalid JSON: {exc}") from None
    if _depth(obj, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        raise SourceError("too_deep", f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    return obj, duplicates


def reportable_key(name: Any) -> str:
    """A key's name as it may appear in a warning: an identifier, never a value planted as a key."""
    return _reportable(str(name))


@functools.lru_cache(maxsize=8192)
def _reportable(text: str) -> str:
    if len(text) > 40 or not _IDENTIFIER.fullmatch(text) or looks_like_person_name(text):
        return "<unnamed key>"
    return text


_IDENTIFIER = re.compile(r"[A-Za-z][\w .\-/]*")


_FILE_APN = re.compile(r"(?:^|[-_ .])(\d{3}[-. ]?\d{2}[-. ]?\d{3}(?:[-. ]?[A-Za-z])?)(?=$|[-_ .])")


def apn_from_file_name(name: str) -> str | None:
    """The APN a collector put in the file name: `parcel-123-45-678A.json`, `parcel_12345678.json`."""
    stem = re.sub(r"\.json$", "", name.rsplit("/", 1)[-1], flags=re.IGNORECASE)
    found = {normalize_apn(m.group(1)) for m in _FILE_APN.finditer(stem)}
    return found.pop() if len(found) == 1 else None


@functools.lru_cache(maxsize=8192)  # keys repeat from file to file; a hostile file's many keys only evict
def _classify(roles: tuple[str, ...], folded: str) -> tuple[str | None, bool, str | None, bool]:
    """How `_Reader.take` reads a (folded) key with the key tables of `roles`: (the fact a table
    maps it to, whether a dict under it is a situs address, the fact its words mean, whether it
    is reported as unmapped)."""
    fact = next((_LOOKUP[role][folded] for role in roles if folded in _LOOKUP[role]), None)
    situs = "geo" not in roles and _SITUS_SECTION.search(folded) is not None
    meaning = None
    if "parcel" in roles or "details" in roles:
        meaning = next((fact for pattern, fact in _KEY_MEANINGS if pattern.fullmatch(folded)), None)
    unmapped = "geo" not in roles and folded not in SECTIONS and not IGNORED_KEYS.match(folded)
    return fact, situs, meaning, unmapped


class _Reader:
    """Collects mapped facts from the sections of one file, and the names of unmapped keys."""

    def __init__(self) -> None:
        self.facts: dict[str, Any] = {}
        self.unmapped: list[str] = []
        self.unread: list[tuple[str, Any]] = []
        """Unmapped keys whose name names a property fact ("BldgHeatedSqFtTotal": "1,950"): a label
        present with no value read, shown to the LLM and asked of it (see `extract_rules`)."""

    def take(self, roles: tuple[str, ...], section: dict[str, Any]) -> None:
        """Read `section` with the key tables of `roles`; a key no table maps is reported by name."""
        for key, value in section.items():
            fact, situs, meaning, unmapped = _classify(roles, _key(key))
            if fact is None:
                if situs and isinstance(value, dict):
                    self.take_situs(value)
                    continue
                fact = meaning
            if fact is None:
                if unmapped:
                    self.unmapped.append(str(key))
                    if _names_a_fact(key, value):
                        self.unread.append((str(key), value))
                continue
            if fact == "address" and isinstance(value, dict):
                self.take_situs(value)
                continue
            if value is None or value is CONFLICT or isinstance(value, (dict, list)) or not str(value).strip():
                continue  # a conflicting duplicate is reported as duplicate_keys, never read
            self.facts.setdefault(fact, value)

    def take_situs(self, situs: dict[str, Any]) -> None:
        """A situs address given as an object of parts (`{"number", "direction", "name", "type",
        "city", "zip"}`): each part read as the parcel fact it names."""
        for key, value in situs.items():
            fact = _SITUS_PARTS.get(_key(key)) or _LOOKUP["parcel"].get(_key(key))
            if fact and value is not None and value is not CONFLICT and not isinstance(value, (dict, list)) \
                    and str(value).strip():
                self.facts.setdefault(fact, value)


def _flattened(obj: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Keys flattened with a section prefix (`ResidentialPropertyData_LivableSpace`, `Geo_lat`)."""
    sections: dict[str, dict[str, Any]] = {}
    for key, value in obj.items():
        head, sep, rest = _prefixed(str(key))
        if sep and head in SECTIONS and rest:
            sections.setdefault(head, {})[rest] = value
    return sections


@functools.lru_cache(maxsize=8192)
def _prefixed(key: str) -> tuple[str, str, str]:
    """A key split at its first `_` (`.` and `:` count as one): (the head folded, the separator, the rest)."""
    head, sep, rest = _FLAT_SEPARATORS.sub("_", key).partition("_")
    return _key(head), sep, rest


_FLAT_SEPARATORS = re.compile(r"[.:]")


def _single(items: list[Any], what: str) -> dict[str, Any]:
    objects = [item for item in items if isinstance(item, dict)]
    if len(objects) != 1 or len(items) != 1:
        raise SourceError("many_parcels", f"{what} holds {len(items)} entries; one parcel per file is expected")
    return objects[0]


_DETAIL_KEY = re.compile(r"^(improvement|mapid|\w*maps$|sketch)")


def _detail_response(obj: Any) -> bool:
    """An Assessor detail response with no fact this pipeline maps (improvements, map ids,
    sketches): a record when the file name carries the APN, not an unknown shape."""
    items = obj if isinstance(obj, list) else [obj]
    return any(
        isinstance(item, dict) and any(_DETAIL_KEY.match(_key(k)) for k in item) for item in items
    )


def _unwrap(obj: Any) -> tuple[dict[str, Any] | None, list[Any] | None]:
    """(parcel object, None), or (None, list) for a detail endpoint's bare list response."""
    if isinstance(obj, list):
        if obj and all(isinstance(item, dict) for item in obj) and (
            all(_LOOKUP["valuations"].keys() & {_key(k) for k in item} for item in obj) or _detail_response(obj)
        ):
            return None, obj
        raise SourceError("not_an_object", f"expected one parcel object, got a JSON list of {len(obj)}")
    if not isinstance(obj, dict):
        raise SourceError("not_an_object", f"expected one parcel object, got a JSON {type(obj).__name__}")
    for wrapper in ("Results", "results", "Parcels", "parcels", "features"):
        if isinstance(obj.get(wrapper), list) and not ({_key(k) for k in obj} & _LOOKUP["parcel"].keys()):
            return _single(obj[wrapper], wrapper), None
    inner = _enveloped(obj)
    return (_unwrap(inner) if inner is not None else (obj, None))


# What an API may wrap its answer in: `{"data": {...}}`, `{"status": "ok", "result": {...}}`.
_ENVELOPES = frozenset(("data", "result", "results", "payload", "response", "record", "body", "item"))


def _enveloped(obj: dict[str, Any]) -> Any:
    """The answer inside an envelope: the one object (or one-entry list) under an envelope key, when
    the envelope itself states no fact and has no section of its own. None when `obj` is no envelope."""
    folded = {_key(k): v for k, v in obj.items()}
    if any(k in _LOOKUP["parcel"] or k in _LOOKUP["details"] or k in _LOOKUP["valuations"] for k in folded):
        return None
    if any(SECTIONS.get(k) for k in folded if k != "parcel") or "attributes" in folded:
        return None
    inner = [(k, v) for k, v in folded.items() if k in _ENVELOPES and isinstance(v, (dict, list))]
    if len(inner) != 1:
        return None
    name, value = inner[0]
    if isinstance(value, list):
        return _single(value, name) if value else None
    return value


def _valuation_year(entry: dict[str, Any], fallback: Any = None) -> int | None:
    year = next((v for k, v in entry.items() if _key(k) == "taxyear"), fallback)
    try:
        value = parse_number_strict(year, integral=True)
    except AmbiguousNumber:
        return None
    return int(value) if value is not None and value == int(value) else None


def _valuation_entries(valuations: Any) -> list[tuple[int, dict[str, Any]]]:
    """(tax year, entry) for a valuations list, a `{"2026": {...}}` dict or one valuation object."""
    if isinstance(valuations, dict):
        by_year = {k: v for k, v in valuations.items() if re.fullmatch(r"\s*(19|20|21)\d\d\s*", str(k))}
        if by_year:
            pairs = [(_valuation_year(v, k) if isinstance(v, dict) else None, v) for k, v in by_year.items()]
            return [(y, v) for y, v in pairs if y is not None]
        inner = next((v for k, v in valuations.items() if _key(k) == "valuations"), None)
        valuations = inner if isinstance(inner, list) else [valuations]
    if not isinstance(valuations, list):
        return []
    entries = [(_valuation_year(v), v) for v in valuations if isinstance(v, dict)]
    return [(y, v) for y, v in entries if y is not None]


def latest_valuation(valuations: Any, warnings: list[str], today: dt.date | None = None) -> dict[str, Any]:
    """The latest tax year's valuation, never one from beyond next year (a planted 2099 does not win;
    it is reported as `future_tax_year:<year>`)."""
    latest_allowed = (today or dt.date.today()).year + 1
    entries = _valuation_entries(valuations)
    for year, _ in entries:
        if year > latest_allowed:
            warnings.append(f"future_tax_year:{year}")
    current = [(y, v) for y, v in entries if y <= latest_allowed]
    if not current:
        return {}
    year, entry = max(current, key=lambda item: item[0])
    return {**entry, "TaxYear": year}


def _sections(obj: dict[str, Any]) -> list[tuple[str, Any]]:
    """(role, content) for the top level, each known section and each prefix-flattened section."""
    found: list[tuple[str, Any]] = [("parcel", obj)]
    for key, value in obj.items():
        role = SECTIONS.get(_key(key))
        if role is not None and isinstance(value, (dict, list)):
            found.append((role, value))
    found += [(SECTIONS[name], section) for name, section in _flattened(obj).items()]
    return found


def _read(obj: dict[str, Any] | None, bare_list: list[Any] | None, warnings: list[str]) -> _Reader:
    reader = _Reader()
    if bare_list is not None:
        reader.take(("valuations",), latest_valuation(bare_list, warnings))
        return reader
    assert obj is not None
    # The top level may itself be a parcel, a residential-details or a single valuation response.
    valuation_keys = {k: v for k, v in obj.items() if _key(k) in _LOOKUP["valuations"]}
    top = {k: v for k, v in obj.items() if k not in valuation_keys}
    reader.take(("parcel", "details"), top)
    if valuation_keys:
        reader.take(("valuations",), latest_valuation([valuation_keys], warnings))
    for role, content in _sections(obj)[1:]:
        if role == "valuations":
            reader.take((role,), latest_valuation(content, warnings))
        elif isinstance(content, dict) and (role in ("parcel", "details") or role == "geo" and _geographic(content)):
            reader.take((role,), content)
    # Flattened keys were read through their sections: not unmapped.
    flattened = {k for k in obj if _prefixed(str(k))[0] in SECTIONS}
    reader.unmapped = [k for k in reader.unmapped if k not in flattened]
    return reader


def _geographic(section: dict[str, Any]) -> bool:
    """A geometry in degrees (x/y of a projected layer would be feet, not coordinates)."""
    reference = section.get("spatialReference") or {}
    if isinstance(reference, dict) and reference.get("wkid") not in (None, 4326, 4269):
        return False
    lat = next((v for k, v in section.items() if _key(k) in ("lat", "latitude", "y")), None)
    lon = next((v for k, v in section.items() if _key(k) in ("long", "lon", "lng", "longitude", "x")), None)
    lat, lon = parse_number(lat), parse_number(lon)
    return lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180


def _numbers(facts: dict[str, Any], warnings: list[str]) -> None:
    """Numeric facts read strictly in place; an unreadable one is dropped with a warning naming it."""
    for fact, integral in _NUMERIC.items():
        if fact not in facts:
            continue
        try:
            value = parse_number_strict(facts[fact], integral=integral)
        except AmbiguousNumber:
            value = None
            warnings.append(f"unparseable_number:{fact}")
        if value is None:
            del facts[fact]
        else:
            facts[fact] = value
    if "lot_size" in facts:
        # Kept as stated (the unit decides sq ft or acres), but only when its number is settled.
        acres = re.search(r"\bac(re)?s?\b", str(facts["lot_size"]), re.IGNORECASE) is not None
        try:
            if parse_number_strict(facts["lot_size"], integral=not acres) is None:
                del facts["lot_size"]
        except AmbiguousNumber:
            del facts["lot_size"]
            warnings.append("unparseable_number:lot_size")


def _identity(facts: dict[str, Any], name: str, warnings: list[str]) -> bool:
    """The APN from the body, else from the file name; a body and a name that disagree are reported.
    True when the APN was taken from the file name."""
    stated = facts.get("apn")
    body_apn = normalize_apn(stated) if stated is not None else None
    if stated is not None and body_apn is None:
        warnings.append("unparseable_identity:parcel_number")
        del facts["apn"]
    named = apn_from_file_name(name) if name else None
    if body_apn and named and body_apn != named:
        warnings.append("conflicting_values:parcel_number")
    if not body_apn and named:
        facts["apn"] = named
        warnings.append("parcel_number_from_file_name")
        return True
    if body_apn:
        facts["apn"] = body_apn
    return False


def _no_identity(duplicates: list[str], warnings: list[str]) -> None:
    """Raise the dead letter of a file without identity, saying why when the identity was there."""
    if duplicates:
        keys = ", ".join(sorted({reportable_key(k) for k in duplicates}))
        raise SourceError("duplicate_keys", f"keys stated twice with different values ({keys}); no identity left")
    if "unparseable_identity:parcel_number" in warnings:
        raise SourceError("unparseable_identity", "the stated APN is not book-map-parcel shaped, and there is no address")
    raise SourceError("no_identity", "neither an APN (in the body or the file name) nor an address")


def parse(raw: bytes, name: str = "") -> SourceDocument:
    """Read one parcel file into its mapped facts (nothing else) and their compact text.

    `name` is the file's base name: a detail response saved without identity takes its APN from it.
    """
    loaded, duplicates = _load(raw)
    obj, bare_list = _unwrap(loaded)
    warnings = [f"duplicate_keys:{reportable_key(k)}" for k in dict.fromkeys(duplicates)]
    reader = _read(obj, bare_list, warnings)
    facts = reader.facts
    if not facts and not _detail_response(loaded):
        keys = ", ".join(sorted({reportable_key(k) for k in (obj or {})})[:10])
        raise SourceError("unknown_shape", f"no assessor fact in this file; keys: {keys or 'none'}")
    _numbers(facts, warnings)
    for fact in _NAME_FREE:
        if fact in facts and looks_like_person_name(str(facts[fact])):
            del facts[fact]
            warnings.append(f"personal_value_dropped:{fact}")
    apn_from_name = _identity(facts, name, warnings)
    if not facts.get("apn") and not facts.get("address"):
        _no_identity(duplicates, warnings)
    unmapped = sorted({reportable_key(k) for k in reader.unmapped})
    if unmapped:
        warnings.append("unmapped_keys:" + ",".join(unmapped[:12]) + (f",+{len(unmapped) - 12}" if len(unmapped) > 12 else ""))
    lines = [f"{key}: {_shown(value)}" for key, value in facts.items()]
    # Keys that name a fact no table reads: in the text for the LLM (asked by `targeted_fields`,
    # counted by the coverage term), never as a rule value.
    lines += [f"{key}: {value}" for key, value in reader.unread[:12]]
    text = "\n".join(lines)
    data = {"shape": _shape(loaded, obj), "facts": facts, "unmapped_keys": unmapped, "apn_from_file_name": apn_from_name,
            "labelled_unread": [key for key, _ in reader.unread]}
    return SourceDocument(text=text, raw_bytes=len(raw), data=data, warnings=warnings)


def _shown(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _shape(loaded: Any, obj: dict[str, Any] | None) -> str:
    if obj is None:
        return "valuations"
    keys = {_key(k) for k in obj}
    if "attributes" in keys:
        return "gis"
    if keys & {"parcel", "residentialdetails", "valuations"} and obj is loaded:
        return "api"
    if "subdivisonname" in keys or "situsaddress" in keys or obj is not loaded:
        return "search"
    return "parcel"


def _is_residential(facts: dict[str, Any]) -> bool | None:
    flag = parse_bool(facts.get("is_residential"))
    if flag is not None:
        return flag
    text = str(facts.get("property_type") or facts.get("legal_class") or "").lower()
    if re.search(r"resid|single family|sfr|condo|townho", text):
        return True
    return None


def _pool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    number = parse_number(value)
    if number is not None:
        return number > 0
    return parse_bool(value)


def _address(facts: dict[str, Any]) -> dict[str, Any]:
    line = facts.get("address")
    if not line and facts.get("street_name"):
        line = " ".join(str(facts[k]) for k in ("street_number", "street_dir", "street_name", "street_type")
                        if facts.get(k) and not _stated_in_name(facts, k))
    address = parse_one_line_address(line)
    if line and not address.get("street_name"):
        address = split_street(str(line))
    if facts.get("city"):
        address["city"] = normalize_city(facts["city"])
    if facts.get("zip"):
        address["postal_code"] = normalize_zip(facts["zip"])
    if address.get("city") or address.get("postal_code"):
        address["state_or_province"] = "AZ"
    return address


def _stated_in_name(facts: dict[str, Any], part: str) -> bool:
    """A direction or street type the street name already carries ("N 7TH ST" with "N" and "ST")."""
    if part not in ("street_dir", "street_type"):
        return False
    words = str(facts.get("street_name", "")).upper().split()
    value = str(facts[part]).upper().strip()
    return bool(words) and (words[0] == value if part == "street_dir" else words[-1] == value)


def extract_rules(doc: SourceDocument) -> RuleExtraction:
    """Map the assessor's facts onto contract fields; every value here is structured."""
    facts = doc.data["facts"]
    values: dict[str, Any] = {"parcel_number": normalize_apn(facts.get("apn"))}
    address = _address(facts)
    if values["parcel_number"]:
        address["state_or_province"] = "AZ"  # a Maricopa County parcel is in Arizona
    values.update(address)
    values["unparsed_address"] = compose_address(values)

    if _is_residential(facts):
        values["property_type"] = "Residential"
    elif normalize_dwelling_type(facts.get("property_type"))[0] == "Land":
        values["property_type"] = "Land"
    lot = facts.get("lot_size")
    if lot is None and facts.get("lot_acres"):
        lot = f"{facts['lot_acres']} acres"
    sqft, acres = parse_lot_size(lot)
    values.update(lot_size_square_feet=sqft, lot_size_acres=acres)
    values["living_area"] = facts.get("living_area")
    values["year_built"] = _whole(facts.get("year_built"))
    values["garage_spaces"] = facts.get("garages")
    values["stories"] = _whole(facts.get("stories"))
    values["pool_private_yn"] = _pool(facts.get("pool"))
    values["subdivision_name"] = normalize_city(facts.get("subdivision"))
    values["latitude"] = facts.get("latitude")
    values["longitude"] = facts.get("longitude")
    values["full_cash_value"] = facts.get("full_cash_value")
    values["limited_property_value"] = facts.get("limited_property_value")
    values["tax_year"] = _whole(facts.get("tax_year"))

    found = {k: v for k, v in values.items() if v is not None}
    # The LLM sees only these facts: it can add something only where a stated fact did not
    # become a value (an address the rules could not split).
    unread = facts.get("address") and not found.get("street_name") or lot is not None and sqft is None
    unread = unread or bool(doc.data.get("labelled_unread"))
    return RuleExtraction(values=found, structured=set(found), evidence=_evidence(doc.data, found), complete=not unread)


# Where an assessor value was read, by the shape of the file (see `_shape`): the GIS layer, the
# parcel search, or the API (a bundle, a parcel or details response, a valuations list).
_SHAPE_EVIDENCE = {"gis": "assessor_gis", "search": "assessor_search"}


def _evidence(data: dict[str, Any], found: dict[str, Any]) -> dict[str, str]:
    """Per field, where it was read: the file's kind of assessor record, or "file_name" for an APN
    that only the file's name states."""
    evidence = dict.fromkeys(found, _SHAPE_EVIDENCE.get(data.get("shape", ""), "assessor_api"))
    if data.get("apn_from_file_name") and "parcel_number" in evidence:
        evidence["parcel_number"] = "file_name"
    return evidence


def _whole(value: Any) -> int | None:
    return int(value) if isinstance(value, float) and value.is_integer() and abs(value) < 2**53 else None


PROMPT_INSTRUCTIONS = """\
The data is one Maricopa County Assessor parcel record as "key: value" lines. It holds
no listing: no MLS number, status, price, bedrooms or bathrooms (bath_fixtures counts
fixtures, not baths). Formats: APN 8 digits plus an optional letter, no separators;
street with direction and suffix in title case ("E Camelback Rd"); city in title case;
state AZ; ZIP 5 digits; lot in both sq ft and acres (1 acre = 43560 sq ft); values
of the latest tax year; a pool area above 0 is a private pool."""

# Keys whose values are personal data; only for the no-PII check (the allow-list above is what
# keeps them out). A key that names a mapped fact (`SubdivisionName`, `StreetName`) is not one.
_PERSONAL = re.compile(
    r"owner|mail|taxpayer|deed|grantee|grantor|buyer|seller|care_?of|in_?care|^c_?o$|name|part(y|ies)|"
    r"contact|phone|email|tenant|occupant|trustee|beneficiar",
    re.IGNORECASE,
)
# "...Name" keys that name places and things, not people.
_PLACE_KEY = re.compile(
    r"subdiv|street|city|school|district|jurisdiction|neighbo|property|place|project|plan|complex|communit|"
    r"file|map|sketch|model",
    re.IGNORECASE,
)
_MAPPED = {k for lookup in _LOOKUP.values() for k in lookup}


def _personal_key(key: Any) -> bool:
    return _is_personal_key(str(key))


@functools.lru_cache(maxsize=4096)
def _is_personal_key(key: str) -> bool:
    folded = _key(key)
    spelled = re.sub(r"[^A-Za-z]", "_", str(key))
    return folded not in _MAPPED and folded not in SECTIONS and bool(_PERSONAL.search(spelled)) and not _PLACE_KEY.search(spelled)


def personal_values(raw: bytes) -> set[str]:
    """Strings a parcel file holds under personal-data keys, and any unmapped string shaped like
    a person's name (empty for unreadable files); for the no-PII check only."""
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return set()
    found: set[str] = set()
    stack: list[tuple[Any, bool, bool]] = [(obj, False, False)]
    while stack:
        node, personal, mapped = stack.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                if isinstance(v, _WALKED):  # numbers, booleans and nulls are never personal values
                    is_personal, is_mapped = _key_flags(k)
                    stack.append((v, personal or is_personal, is_mapped))
        elif isinstance(node, list):
            stack.extend((v, personal, False) for v in node if isinstance(v, _WALKED))
        elif isinstance(node, str) and len(node.strip()) >= 4 and (personal or not mapped and looks_like_person_name(node)):
            found.add(node.strip())
    return found


_WALKED = (dict, list, str)


@functools.lru_cache(maxsize=8192)
def _key_flags(key: str) -> tuple[bool, bool]:
    """(a personal-data key, a mapped fact's key), as `personal_values` reads them."""
    return _personal_key(key), _key(key) in _MAPPED


SOURCE = Source(
    name="maricopa_county",
    parse=parse,
    extract_rules=extract_rules,
    prompt_instructions=PROMPT_INSTRUCTIONS,
    llm_fields=(
        "parcel_number", "unparsed_address", "street_number", "street_name", "unit_number", "city",
        "state_or_province", "postal_code", "property_type", "living_area", "lot_size_square_feet",
        "lot_size_acres", "year_built", "garage_spaces", "stories", "pool_private_yn", "subdivision_name",
        "latitude", "longitude", "full_cash_value", "limited_property_value", "tax_year",
    ),
    expected_fields=("parcel_number", "unparsed_address", "postal_code", "full_cash_value", "limited_property_value"),
    personal_values=personal_values,
)
