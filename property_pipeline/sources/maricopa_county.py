"""Maricopa County Assessor parcel records (`.json`): every shape the collector saves.

Shapes, all one parcel per file:
- API bundle: `{"apn", "parcel": {...}, "residential_details": {...}, "valuations": [...]}`;
- the API's own parcel response, flat at the top (`APN`, `PropertyAddress`, `Valuations`,
  `ResidentialPropertyData`, `Geo`, and an `Owner` section);
- a `/search/property` result record (`APN`, `SitusAddress`, `SubdivisonName`, `Ownership`...),
  alone or as the only entry of `Results`;
- the GIS parcel layer's feature (`{"attributes": {...}, "geometry": {...}}`), or the same layer
  exported as GeoJSON: a `Feature` (alone or the only one of a `FeatureCollection`) with its facts
  under `properties` and a `geometry` whose `coordinates` are `[lon, lat]`;
- a detail response saved without identity (valuations, residential details, improvements,
  map ids): the file name `parcel-<APN>.json` carries the APN.

Keys are read by what their folded name means, not by one spelling (`parcelNo`, `APN_DASH`,
`apnFormatted` are the parcel number; `bldg_area`, `ImprovementSqFt` the living area), in nested
sections at any depth (`building.units[0]`, `property.characteristics.unitDetail`), with the
latest valuation picked from a list, a year-keyed dict or year-suffixed columns (`FCV_2026`).

Only mapped facts leave this module (an allow-list): a key is read when it names a known
fact in a section that is about this parcel; everything else, owner names, mailing addresses,
legal descriptions, sections such as `Owner` or `Parties` (never entered), sections about other
parcels, sales or bills, is never copied, and unknown keys are reported by name only. Numbers
are read strictly: a value whose magnitude is unsettled is dropped with a warning naming the
field, never guessed.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections import deque
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
    "unit": ("Unit", "UnitNumber", "UnitNo", "SitusUnit", "SitusUnitNumber", "PHYSICAL_UNIT", "SITUS_UNIT"),
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
    "unit": ("Unit", "UnitNumber", "UnitNo"),
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
_FLAT_SECTIONS = {
    **dict.fromkeys(("parcel", "parceldetails", "parcelinfo", "propertyinfo", "attributes"), "parcel"),
    **dict.fromkeys(("residentialdetails", "residentialpropertydata", "residential", "residentialdata"), "details"),
    **dict.fromkeys(("valuations", "valuation", "valuationhistory"), "valuations"),
    **dict.fromkeys(("geo", "geometry", "location"), "geo"),
    # Known sections without a fact this pipeline maps: read for nothing, reported as nothing.
    **dict.fromkeys(("improvements", "mapids", "sketches", "spatialreference"), "known"),
}
"""The sections a key may be flattened into (`ResidentialPropertyData_LivableSpace`, `Geo_lat`)."""
SECTIONS = {
    **_FLAT_SECTIONS,
    # GeoJSON `properties`, and the parcel's own sub-objects in other APIs' nestings.
    **dict.fromkeys(("properties", "property", "propertydetails", "identification", "parcelidentification",
                     "land", "landdetails", "lot", "site"), "parcel"),
    **dict.fromkeys(("building", "buildings", "buildingdetails", "structure", "characteristics",
                     "propertycharacteristics", "residence", "dwelling", "unit", "units", "unitdetail", "unitdetails",
                     "condo", "condominium", "improvementdetails"), "details"),
    **dict.fromkeys(("centroid", "point", "coordinates", "latlng", "latlon", "latlong", "geolocation", "position"), "geo"),
    **dict.fromkeys(("assessments", "assessment", "assessmenthistory", "values", "valuehistory", "assessedvalues",
                     "taxvalues", "valuationsbyyear"), "valuations"),
}
# Keys that carry no property fact (bookkeeping, codes without a published mapping): not reported.
IGNORED_KEYS = re.compile(
    r"^(objectid|fid|globalid|shape\w*|puc|code|message|status|details|error|totalresults|page|"
    r"totalpropertysearchresults|results|parcels|features|apn|mcr|type|id|bbox|crs|"
    # An effective (remodel-adjusted) year is no year built: never read, never asked of the LLM.
    r"\w*effective\w*(year|yr)\w*)$"
)
# A key no table spells, read by what its words say (folded): `livableSqFt`, `garageStalls`,
# `lotSizeAcres`, `numberOfStories`. Personal keys (owner, mailing) never match these.
_KEY_MEANINGS = [(re.compile(p), fact) for p, fact in (
    # The parcel number however it is spelled (`parcelNo`, `APN_DASH`, `apnFormatted`, `Parcel No.`),
    # never a related parcel's (`parentParcel`, `splitFromApn`): the key starts with what it is.
    (r"(assessor|assessors|tax|county)?(parcel|apn)(number|num|no|nbr|id|identifier|dash|dashed|formatted|fmt"
     r"|display|raw|text|txt|str|code)?", "apn"),
    (r"(lot|land|site|parcel)?(size|area)?(in)?acres?|(lot|land)acreage", "lot_acres"),
    (r"(lot|land|site)(size|area)(sqft|sf|squarefeet|insqft)?|(lot|land|site)(sqft|sf|squarefeet|sqfeet)", "lot_size"),
    (r"(total)?(livable|living|heated)(space|area)?(sqft|sf|squarefeet)?", "living_area"),
    (r"(total)?(improvements?|bldg|building|finished)(living)?(space|area|sqft|sf|squarefeet|size)(sqft|sf)?",
     "living_area"),
    (r"(actual|original)?(year|yr)(built|blt)|(original)?(construction|built)(year|yr)", "year_built"),
    (r"(numberof|num|total)?garages?(spaces|stalls|count|spcs|cars|capacity|cap)?", "garages"),
    (r"(private|has)?pool(area|sqft|sf|size|yn|flag|ind|indicator|present|exists)?", "pool"),
    (r"(numberof|num)?(stories|story|levels)(count)?", "stories"),
    (r"subdivision\w*|subdivison\w*|subname", "subdivision"),
    (r"(situs|property|physical|site|location)(address|addr)(line)?1?|situs(full)?(address|addr)?", "address"),
    (r"(situs|property|physical|site|location)(zip|zipcode|zip5|postalcode)", "zip"),
    (r"(situs|property|physical|site|location)city(name)?", "city"),
    (r"(situs|property|physical|site)(unit|unitnumber|unitno)", "unit"),
    (r"(property|land)?use(description|desc|type|class)|propertyclass(description|desc)?|propertyusecode?desc", "property_type"),
    (r"tax(year|yr)|(fcv|valuation|assessment|roll)(year|yr)", "tax_year"),
    (r"(fcv|fullcash(value)?)(cur|current|amount|amt|total)?", "full_cash_value"),
    (r"(lpv|limited(property)?value)(cur|current|amount|amt|total)?", "limited_property_value"),
)]
# In a section about the building or the unit (`building`, `units[0]`, `residentialDetails`), a bare
# area is the living area (`{"unit": "214", "sqft": 1018}`); elsewhere it may be the lot's.
_DETAIL_MEANINGS = [(re.compile(p), fact) for p, fact in (
    (r"(unit|building|bldg|total)?(sqft|sf|squarefeet|squarefootage|area|size)", "living_area"),
)]
# In a valuation entry, shorter names mean the same (`{"year": 2026, "fullCash": ..., "limited": ...}`).
_VALUATION_MEANINGS = [(re.compile(p), fact) for p, fact in (
    (r"(tax|assessment|valuation|roll|fiscal|value)?(year|yr)", "tax_year"),
    (r"(fcv|fullcash(value)?|cashvalue)(amount|amt|total)?", "full_cash_value"),
    (r"(lpv|limited(property)?(value)?)(amount|amt|total)?", "limited_property_value"),
    (r"legal(class|classification)(code)?", "legal_class"),
)]
# A valuation column per year (`FCV_2026`, `LPV_2025`, `FullCashValue2026`) in a GIS-style layer.
_YEAR_COLUMN = re.compile(r"(fcv|fullcash(?:value)?|lpv|limited(?:property)?value)((?:19|20|21)\d\d)")
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
# In a section of no known role, only a key that says it is the property's address is its situs
# (a bare `address` there may be a mailing or billing address).
_STRICT_SITUS_SECTION = re.compile(r"^situs|^(property|physical|site)address$")
# The parts of a situs address object, by their names (folded), first match wins.
_SITUS_PARTS = [(re.compile(p), fact) for p, fact in (
    (r"(line|address|addr|street|full|situs)?(line)?1|fulladdress|oneline|addressline|streetaddress|full", "address"),
    (r"city(name)?|municipality", "city"),
    (r"zip(code)?5?|postal(code)?|postcode", "zip"),
    (r"(unit|apt|apartment|suite|ste)(number|num|no|nbr|id)?", "unit"),
    (r"(street|st|house|address|addr|situs|building|bldg)?(number|num|no|nbr)|houseno|housenum|stnum", "street_number"),
    (r"(street|st|pre|prefix)?(dir|direction|directional)|predir\w*", "street_dir"),
    (r"(street|st)?(name)|street", "street_name"),
    (r"(street|st)?(type|suffix|sfx|suf)", "street_type"),
)]
_TABLES = {"parcel": PARCEL_KEYS, "details": DETAIL_KEYS, "valuations": VALUATION_KEYS, "geo": GEO_KEYS}
_LOOKUP = {role: {_key(k): fact for fact, keys in table.items() for k in keys} for role, table in _TABLES.items()}
# A section of no known role inside the record (`record.building.units[0]`, `property.unitDetail`):
# read with the residential-details keys and the key meanings, never with the parcel's address keys.
_LOOKUP["nested"] = _LOOKUP["details"]
_NUMERIC = {
    "living_area": True, "garages": False, "stories": True, "year_built": True, "tax_year": True,
    "full_cash_value": True, "limited_property_value": True, "latitude": False, "longitude": False, "lot_acres": False,
    "bath_fixtures": True,
}
# Text facts that should never hold a person's name: dropped when they look like one.
_NAME_FREE = ("subdivision", "city", "street_name", "address", "property_type")


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
    is reported as unmapped). A personal key (owner, mailing, taxpayer) means no fact."""
    fact = next((_LOOKUP[role][folded] for role in roles if folded in _LOOKUP[role]), None)
    if "nested" in roles:
        situs = _STRICT_SITUS_SECTION.search(folded) is not None
    else:
        situs = "geo" not in roles and "valuations" not in roles and _SITUS_SECTION.search(folded) is not None
    meaning = None
    if _is_personal_key(folded):
        situs = False
    elif "valuations" in roles:
        meaning = next((fact for pattern, fact in _VALUATION_MEANINGS if pattern.fullmatch(folded)), None)
    elif {"parcel", "details", "nested"} & set(roles):
        meaning = next((fact for pattern, fact in _KEY_MEANINGS if pattern.fullmatch(folded)), None)
        if meaning is None and roles == ("details",):
            meaning = next((fact for pattern, fact in _DETAIL_MEANINGS if pattern.fullmatch(folded)), None)
    unmapped = "geo" not in roles and folded not in SECTIONS and not IGNORED_KEYS.match(folded)
    return fact, situs, meaning, unmapped


@functools.lru_cache(maxsize=4096)
def _situs_part(folded: str) -> str | None:
    """The address part a key of a situs object names (`houseNumber`, `pre_dir`, `STREET_SUFFIX`, `zip5`)."""
    return next((fact for pattern, fact in _SITUS_PARTS if pattern.fullmatch(folded)), None) or _LOOKUP["parcel"].get(folded)


# A unit as an assessor writes it: `214`, `12B`, `#3012`, `UNIT C-3`, `A`; never a unit of measure (`sqft`).
_UNIT_VALUE = re.compile(r"(?:#|unit|apt\.?|apartment|ste\.?|suite|no\.?)?\s*#?\s*([A-Za-z]?\d+[A-Za-z]?(?:-[A-Za-z0-9]{1,4})?|[A-Za-z])",
                         re.IGNORECASE)


def unit_number(value: Any) -> str | None:
    """A unit number stated as a unit number (`"214"`, `"#12B"`, `"Unit C-3"`), else None."""
    if isinstance(value, bool) or value is None or isinstance(value, float) and not value.is_integer():
        return None
    match = _UNIT_VALUE.fullmatch(str(int(value) if isinstance(value, float) else value).strip())
    return match.group(1).upper() if match else None


# A number with its unit as an object (`{"value": 862, "unit": "sqft"}`): read as "862 sqft".
_AMOUNT_KEYS = frozenset(("value", "amount", "val", "quantity", "number", "size"))
_UNIT_KEYS = frozenset(("unit", "units", "unitcode", "unittext", "uom", "measure"))


def _amount(value: dict[str, Any]) -> str | None:
    keys = {_key(k): v for k, v in value.items()}
    amounts = [v for k, v in keys.items() if k in _AMOUNT_KEYS]
    units = [v for k, v in keys.items() if k in _UNIT_KEYS]
    if len(amounts) != 1 or len(units) > 1 or len(keys) > len(amounts) + len(units) + 1:
        return None
    amount = amounts[0]
    if amount is None or isinstance(amount, (dict, list, bool)) or any(isinstance(u, (dict, list)) for u in units):
        return None
    return f"{amount} {units[0]}".strip() if units and units[0] is not None else str(amount)


_APN_PARTS = frozenset(("number", "id", "formatted", "value", "display", "dashed", "apn", "text", "full", "raw"))


def _apn_object(value: dict[str, Any]) -> Any:
    """The parcel number of an object that is one (`{"number": "123-45-678", "book": "123", ...}`):
    the one APN-shaped value under a key that names the whole number, else None."""
    found = {normalize_apn(v) for k, v in value.items() if _key(k) in _APN_PARTS and _scalar(v)} - {None}
    return found.pop() if len(found) == 1 else None


def _scalar(value: Any) -> bool:
    return value is not None and value is not CONFLICT and not isinstance(value, (dict, list)) and bool(str(value).strip())


class _Reader:
    """Collects mapped facts from the sections of one file, and the names of unmapped keys."""

    def __init__(self, warnings: list[str] | None = None) -> None:
        self.facts: dict[str, Any] = {}
        self.unmapped: list[str] = []
        self.unread: list[tuple[str, Any]] = []
        """Unmapped keys whose name names a property fact ("BldgHeatedSqFtTotal": "1,950"): a label
        present with no value read, shown to the LLM and asked of it (see `extract_rules`)."""
        self.warnings = warnings if warnings is not None else []

    def take(self, roles: tuple[str, ...], section: dict[str, Any]) -> set[str]:
        """Read `section` with the key tables of `roles`; a key no table maps is reported by name.
        Returns the keys whose object was read here (a situs, a number with its unit): the walk
        does not enter them again."""
        consumed: set[str] = set()
        if "valuations" not in roles and "geo" not in roles:
            consumed |= self.take_year_columns(section)
        for key, value in section.items():
            if key in consumed:
                continue
            fact, situs, meaning, unmapped = _classify(roles, _key(key))
            by_meaning = fact is None
            if fact is None:
                if situs and isinstance(value, dict):
                    self.take_situs(value)
                    consumed.add(key)
                    continue
                if situs and isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict):
                    self.take_situs(value[0])  # a list of one situs address
                    consumed.add(key)
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
                consumed.add(key)
                continue
            if fact == "apn" and isinstance(value, dict):
                value = _apn_object(value)  # `"parcel": {"number": "123-45-678", "book": "123"}`
                by_meaning = True
                if value is not None and SECTIONS.get(_key(key)) is None:
                    consumed.add(key)  # `"apn": {"formatted", "raw"}`: read whole, not walked
            elif isinstance(value, dict) and (amount := _amount(value)) is not None:
                value = amount
                consumed.add(key)
            if _scalar(value):  # a conflicting duplicate is reported as duplicate_keys, never read
                self.put(fact, value, by_meaning)
        return consumed

    def put(self, fact: str, value: Any, by_meaning: bool = False) -> None:
        """Keep the first value of a fact. A unit must be unit-shaped. A parcel number read by a key's
        meaning must be APN-shaped (an internal `ParcelID: 88231` is no APN); an APN-shaped value
        replaces an unreadable one, and one that disagrees with the APN already read is reported
        (`conflicting_values:parcel_number`), never swapped in."""
        if fact == "unit":
            value = unit_number(value)
            if value is None:
                return
        if fact == "apn":
            apn = normalize_apn(value)
            known = normalize_apn(self.facts["apn"]) if "apn" in self.facts else None
            if apn is None:
                # A table key's unreadable APN is kept (reported as unparseable_identity); a key
                # read by its meaning states no APN then.
                if not by_meaning and "apn" not in self.facts:
                    self.facts["apn"] = value
            elif known is None:
                self.facts["apn"] = value  # an APN-shaped value wins over an unreadable one
            elif known != apn:
                self.warnings.append("conflicting_values:parcel_number")
            return
        self.facts.setdefault(fact, value)

    def take_situs(self, situs: dict[str, Any], depth: int = 0) -> None:
        """A situs address given as an object of parts (`{"number", "direction", "name", "type",
        "unit", "city", "zip"}`, `{"HOUSE_NO", "PRE_DIR", "STREET_SUFFIX", "ZIP5"}`): each part read
        as the parcel fact it names; an address object inside it (`location.address`) likewise."""
        for key, value in situs.items():
            fact = _situs_part(_key(key))
            if isinstance(value, dict) and SECTIONS.get(_key(key)) == "geo":
                point = _geojson_point(value) or (value if _geographic(value) else None)
                if point is not None:
                    self.take(("geo",), point)  # `location.coordinates: {"lat", "lng"}`
            elif isinstance(value, dict) and depth < 3 and not _is_personal_key(_key(key)) and (
                    fact == "address" or _SITUS_SECTION.search(_key(key))):
                self.take_situs(value, depth + 1)
            elif fact and _scalar(value):
                self.put(fact, value)

    def take_year_columns(self, section: dict[str, Any]) -> set[str]:
        """Valuations as one column per year (`FCV_2025`, `FCV_2026`, `LPV_2026`): the latest year's."""
        columns: dict[str, tuple[int, str]] = {}
        for key in section:
            match = _YEAR_COLUMN.fullmatch(_key(key))
            if match:
                kind = "full_cash_value" if match.group(1).startswith(("fcv", "full")) else "limited_property_value"
                columns[key] = (int(match.group(2)), kind)
        if not columns:
            return set()
        by_year: dict[int, dict[str, Any]] = {}
        for key, (year, kind) in columns.items():
            by_year.setdefault(year, {"TaxYear": year})[kind] = section[key]
        entry = latest_valuation(list(by_year.values()), self.warnings)
        for kind in ("full_cash_value", "limited_property_value"):
            if _scalar(entry.get(kind)):
                self.put(kind, entry[kind])
        if entry:
            self.put("tax_year", entry["TaxYear"])
        return set(columns)


def _flattened(obj: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Keys flattened with a section prefix (`ResidentialPropertyData_LivableSpace`, `Geo_lat`)."""
    sections: dict[str, dict[str, Any]] = {}
    for key, value in obj.items():
        head, sep, rest = _prefixed(str(key))
        if sep and head in _FLAT_SECTIONS and rest:
            sections.setdefault(head, {})[rest] = value
    return sections


@functools.lru_cache(maxsize=8192)
def _prefixed(key: str) -> tuple[str, str, str]:
    """A key split at its first `_` (`.` and `:` count as one): (the head folded, the separator, the rest)."""
    head, sep, rest = _FLAT_SEPARATORS.sub("_", key).partition("_")
    return _key(head), sep, rest


_FLAT_SEPARATORS = re.compile(r"[.:]")


def _single(items: list[Any], what: str) -> dict[str, Any]:
    """The one parcel of a result list or `FeatureCollection`; none or several is an error, not a pick."""
    if not items:
        raise SourceError("no_parcel", f"{what} holds no entry; one parcel per file is expected")
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
    keys = {_key(k) for k in obj}
    own_facts = keys & _LOOKUP["parcel"].keys() or any(SECTIONS.get(k) in ("parcel", "details", "valuations") for k in keys)
    for wrapper in ("Results", "results", "Parcels", "parcels", "features"):
        items = obj.get(wrapper)
        # A result list or a GeoJSON FeatureCollection: its one parcel. A list of words beside a
        # parcel's own facts (`"features": ["Pool", "Patio"]`) is no wrapper.
        if isinstance(items, list) and not own_facts and all(isinstance(item, dict) for item in items):
            return _single(items, wrapper), None
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
    if any(SECTIONS.get(k) and isinstance(v, (dict, list)) for k, v in folded.items() if k != "parcel") or "attributes" in folded:
        return None
    inner = [(k, v) for k, v in folded.items() if k in _ENVELOPES and isinstance(v, (dict, list))]
    if len(inner) != 1:
        return None
    name, value = inner[0]
    if isinstance(value, list):
        return _single(value, name) if value else None
    return value


@functools.lru_cache(maxsize=4096)
def _valuation_meaning(folded: str) -> str | None:
    """The valuation fact a (folded) key of a valuation entry names: a table spelling or its meaning."""
    return _LOOKUP["valuations"].get(folded) or next(
        (fact for pattern, fact in _VALUATION_MEANINGS if pattern.fullmatch(folded)), None)


def _valuation_year(entry: dict[str, Any], fallback: Any = None) -> int | None:
    year = next((v for k, v in entry.items() if _valuation_meaning(_key(k)) == "tax_year"), fallback)
    try:
        value = parse_number_strict(year, integral=True)
    except AmbiguousNumber:
        return None
    return int(value) if value is not None and value == int(value) else None


_YEAR_KEY = re.compile(r"\s*(19|20|21)\d\d\s*")


def _valuation_entries(valuations: Any, depth: int = 0) -> list[tuple[int, dict[str, Any]]]:
    """(tax year, entry) for a valuations list, a `{"2026": {...}}` dict, one valuation object, or
    a section holding exactly one of those (`{"history": [...]}`)."""
    if isinstance(valuations, dict):
        by_year = {k: v for k, v in valuations.items() if _YEAR_KEY.fullmatch(str(k))}
        if by_year:
            pairs = [(_valuation_year(v, k) if isinstance(v, dict) else None, v) for k, v in by_year.items()]
            return [(y, v) for y, v in pairs if y is not None]
        year = _valuation_year(valuations)
        if year is not None:
            return [(year, valuations)]
        transposed = _transposed(valuations)
        if transposed:
            return transposed
        # A valuations section holding its entries in sub-objects (`{"current": {...}, "history": [...]}`).
        inner = [v for k, v in valuations.items() if isinstance(v, (dict, list)) and not _is_personal_key(_key(k))]
        return [entry for v in inner if depth < 3 for entry in _valuation_entries(v, depth + 1)]
    if not isinstance(valuations, list):
        return []
    entries = [(_valuation_year(v), v) for v in valuations if isinstance(v, dict)]
    return [(y, v) for y, v in entries if y is not None]


def _transposed(valuations: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """Values keyed by year under each kind (`{"fullCashValue": {"2025": ..., "2026": ...}}`) as entries."""
    by_year: dict[int, dict[str, Any]] = {}
    for key, column in valuations.items():
        fact = _valuation_meaning(_key(key))
        if fact not in ("full_cash_value", "limited_property_value") or not isinstance(column, dict):
            continue
        for year, amount in column.items():
            if _YEAR_KEY.fullmatch(str(year)) and not isinstance(amount, (dict, list)):
                by_year.setdefault(int(str(year).strip()), {"TaxYear": int(str(year).strip())})[key] = amount
    return sorted(by_year.items())


def _valuation_history(value: Any) -> bool:
    """Valuations by year, by what the content says (a year and a full cash or limited value per
    entry), whatever the section is called. Sale histories and tax bills carry years but no value;
    an object with other facts beside a year and a value is a parcel, not a valuation."""
    if isinstance(value, dict) and not any(_YEAR_KEY.fullmatch(str(k)) for k in value):
        # One valuation object (a year and values, nothing else), or values keyed by year per kind;
        # never a container of other sections (it is walked, and its valuation section found there).
        if any(_valuation_meaning(_key(k)) is None for k in value) or (
                _valuation_year(value) is None and not _transposed(value)):
            return False
    entries = _valuation_entries(value)
    return bool(entries) and all(
        any(_valuation_meaning(_key(k)) in ("full_cash_value", "limited_property_value") for k in entry)
        for _, entry in entries)


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


# Sections about something other than this parcel's current facts, never read as facts: other
# parcels (comparables, neighbours, the parcel it was split from) and events (sales, deeds,
# permits, bills, appeals) are never read at all; past ones (`taxHistory`, `priorValues`) only as
# a valuation history, which is recognised by its content.
_OTHER_PARCEL = re.compile(r"comp|similar|nearby|neighbo|adjacent|surround|parent|split|related|linked|combined|child|sibling")
_OTHER_EVENT = re.compile(r"sale|sold|transfer|deed|permit|bill|payment|lien|exempt|appeal|photo|image|document|sketch|mapid|legal")
_PAST = re.compile(r"history|prior|previous|former|notice")
_MAX_WALK_DEPTH = 10


def _walk(reader: _Reader, obj: dict[str, Any], skip: set[str], warnings: list[str]) -> None:
    """Read the record's sections below the top level, breadth first (a shallower statement of a
    fact wins): named sections by their role, sections of no known role with the details keys and
    the key meanings, one-entry lists as their entry, a list of units by the unit the parcel states.
    Personal sections (owner, mailing, taxpayer, parties) and sections about other things are never
    entered. `skip`: top-level keys the top-level read already consumed (a situs object)."""
    level_one = [(str(k), v) for k, v in obj.items() if isinstance(v, (dict, list)) and k not in skip]
    queue: deque[tuple[str, Any, int]] = deque()
    # Named sections first (the order the table-driven reader always had), then prefix-flattened
    # keys, then sections of no known role, then everything deeper.
    for key, value in level_one:
        if SECTIONS.get(_key(key)) is not None:
            queue.extend(_visit(reader, key, value, 1, warnings))
    reported = len(reader.unmapped)
    for name, section in _flattened(obj).items():
        _read_section(reader, _FLAT_SECTIONS[name], section, warnings)
    del reader.unmapped[reported:]  # a flattened key's rest (`parcel_number` -> `number`) is no key of the file
    for key, value in level_one:
        if SECTIONS.get(_key(key)) is None:
            queue.extend(_visit(reader, key, value, 1, warnings))
    while queue:
        queue.extend(_visit(reader, *queue.popleft(), warnings))


def _visit(reader: _Reader, key: str, value: Any, depth: int, warnings: list[str]) -> list[tuple[str, Any, int]]:
    """Read one section of the walk; returns its child sections to visit."""
    folded = _key(key)
    role = SECTIONS.get(folded)
    if depth > _MAX_WALK_DEPTH or role == "known" or _is_personal_key(folded):
        return []
    other = role is None and (_OTHER_PARCEL.search(folded) or _OTHER_EVENT.search(folded))
    if role == "valuations" or (role is None and not other and _valuation_history(value)):
        if role == "valuations" or not ({"full_cash_value", "limited_property_value", "tax_year"} & reader.facts.keys()):
            reader.take(("valuations",), latest_valuation(value, warnings))
        return []
    if other or role is None and _PAST.search(folded):
        return []
    if isinstance(value, list):
        value = named_values(value) or _one_entry(value, reader.facts)
        if value is None:
            return []
    if not isinstance(value, dict):
        return []
    consumed = _read_section(reader, role, value, warnings)
    return [(str(k), v, depth + 1) for k, v in value.items() if isinstance(v, (dict, list)) and k not in consumed]


def _read_section(reader: _Reader, role: str | None, section: dict[str, Any], warnings: list[str]) -> set[str]:
    """Read one dict section by its role; returns the keys consumed (see `_Reader.take`)."""
    if role == "valuations":
        reader.take(("valuations",), latest_valuation(section, warnings))
        return set(section)
    if role == "geo":
        point = _geojson_point(section)
        if point is not None:
            reader.take(("geo",), point)
        elif _geographic(section):
            reader.take(("geo",), section)
        # A location may also hold the address (`location.address`); never its x/y as anything, and
        # its other keys (`rings`, `paths`) are no facts to report.
        rest = {k: v for k, v in section.items() if _key(k) not in _LOOKUP["geo"] and any(_classify(("parcel",), _key(k))[:3])}
        return reader.take(("parcel",), rest) | {k for k in section if k not in rest}
    return reader.take((role,) if role in ("parcel", "details") else ("nested",), section)


# A list of facts as name/value entries ("characteristics": [{"name": "Living Area", "value": 1548,
# "unit": "SQFT"}, ...]): the keys each entry names its fact, its value and its unit by.
_ENTRY_NAME_KEYS = ("name", "label", "key", "field", "attribute", "characteristic", "fieldname", "code")
_ENTRY_VALUE_KEYS = ("value", "val", "amount", "fieldvalue")
_ENTRY_UNIT_KEYS = ("unit", "units", "uom", "unitofmeasure")


def named_values(items: list[Any]) -> dict[str, Any] | None:
    """A list of two or more name/value entries as one section keyed by the names, each value with
    its unit ("0.21 ACRES"); None when any entry is not one (then it is a list of something else)."""
    entries = [item for item in items if isinstance(item, dict)]
    if len(entries) < 2 or len(entries) != len(items):
        return None
    section: dict[str, Any] = {}
    for entry in entries:
        keys = {_key(k): k for k in entry}
        name = next((entry[keys[k]] for k in _ENTRY_NAME_KEYS if k in keys), None)
        value = next((entry[keys[k]] for k in _ENTRY_VALUE_KEYS if k in keys), None)
        unit = next((entry[keys[k]] for k in _ENTRY_UNIT_KEYS if k in keys), None)
        if not isinstance(name, str) or not name.strip() or not _scalar(value) or len(entry) > 4:
            return None
        section.setdefault(name.strip(), f"{value} {unit.strip()}" if isinstance(unit, str) and unit.strip() else value)
    return section


def _one_entry(items: list[Any], facts: dict[str, Any]) -> dict[str, Any] | None:
    """The entry of a one-entry list; of a list of units, the unit the parcel states (`situs.unit`
    or `UNIT 214` in its address); otherwise None: several entries are never merged or guessed."""
    entries = [item for item in items if isinstance(item, dict)]
    if len(items) == 1 and len(entries) == 1:
        return entries[0]
    stated = unit_number(facts.get("unit")) or split_street(str(facts.get("address") or "")).get("unit_number")
    if not stated or len(entries) != len(items):
        return None
    matching = [e for e in entries if any(_situs_part(_key(k)) == "unit" and unit_number(v) == stated.upper()
                                          for k, v in e.items())]
    return matching[0] if len(matching) == 1 else None


def _geojson_point(geometry: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON `Point` in degrees as `{"lat", "lon"}` (GeoJSON order is `[lon, lat]`); None for
    any other geometry (a `Polygon` states no single point: no centroid is computed) or for
    coordinates out of degree range (a projected layer's feet)."""
    if str(geometry.get("type", "")).lower() != "point":
        return None
    coordinates = geometry.get("coordinates")
    if not isinstance(coordinates, list) or len(coordinates) not in (2, 3):
        return None
    lon, lat = (parse_number(c) if not isinstance(c, bool) else None for c in coordinates[:2])
    if lon is None or lat is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return {"lat": lat, "lon": lon}


def _read(obj: dict[str, Any] | None, bare_list: list[Any] | None, warnings: list[str]) -> _Reader:
    reader = _Reader(warnings)
    if bare_list is not None:
        reader.take(("valuations",), latest_valuation(bare_list, warnings))
        return reader
    assert obj is not None
    # The top level may itself be a parcel, a residential-details or a single valuation response.
    valuation_keys = {k: v for k, v in obj.items() if _key(k) in _LOOKUP["valuations"]}
    top = {k: v for k, v in obj.items() if k not in valuation_keys}
    consumed = reader.take(("parcel", "details"), top)
    if valuation_keys:
        # Values stated with no year at all are the current ones (the year may be a parcel key,
        # `tax_yr`); a year beyond next year drops them (see `latest_valuation`).
        stated_year = _valuation_year(valuation_keys) is not None
        reader.take(("valuations",), latest_valuation([valuation_keys], warnings) if stated_year else valuation_keys)
    _walk(reader, obj, consumed, warnings)
    # Flattened keys were read through their sections: not unmapped.
    flattened = {k for k in obj if _prefixed(str(k))[0] in _FLAT_SECTIONS}
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
    if "attributes" in keys or "properties" in keys and ("geometry" in keys or str(obj.get("type")).lower() == "feature"):
        return "gis"  # the GIS layer, as an Esri feature or as GeoJSON
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
    if facts.get("unit") and not address.get("unit_number"):
        address["unit_number"] = unit_number(facts["unit"])
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
# Words that make a key personal whatever place word it also holds (`MAIL_CITY_STATE_ZIP`,
# `OwnerStreetName`, `PropertyOwner`): the value is about a person or where their mail goes.
_PERSON_FIRST = re.compile(r"owner|mail|taxpayer|grantee|grantor|care_?of|in_?care|trustee|beneficiar|tenant|occupant",
                           re.IGNORECASE)
_MAPPED = {k for lookup in _LOOKUP.values() for k in lookup}


def _personal_key(key: Any) -> bool:
    return _is_personal_key(str(key))


@functools.lru_cache(maxsize=4096)
def _is_personal_key(key: str) -> bool:
    folded = _key(key)
    spelled = re.sub(r"[^A-Za-z]", "_", str(key))
    if folded in _MAPPED or folded in SECTIONS:
        return False
    return bool(_PERSON_FIRST.search(spelled)) or bool(_PERSONAL.search(spelled)) and not _PLACE_KEY.search(spelled)


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
