"""Maricopa County Assessor parcel records (`.json`), in the API shape or the GIS shape.

The collector writes the Assessor API's responses when it has a token
(`{"apn", "parcel", "residential_details", "valuations"}`) and the county GIS
parcel layer's feature when it does not (`{"attributes": {...}}`). Both become
one flat, PII-free view (`data["facts"]`) before anything else looks at them:
owner names and mailing addresses are dropped at the door.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .base import RuleExtraction, Source, SourceDocument, SourceError
from .normalize import (
    compose_address,
    normalize_apn,
    normalize_city,
    normalize_dwelling_type,
    normalize_zip,
    parse_bool,
    parse_int,
    parse_lot_size,
    parse_number,
    parse_one_line_address,
    split_street,
)

MAX_JSON_DEPTH = 64

# Keys that hold personal data, in any section and any spelling the county uses.
_PERSONAL = re.compile(r"owner|mail|taxpayer|deed|grantee|grantor|buyer|seller|care_?of|in_?care", re.I)


def _strip_personal(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_personal(v) for k, v in value.items() if not _PERSONAL.search(str(k))}
    if isinstance(value, list):
        return [_strip_personal(v) for v in value]
    return value


def personal_values(raw: bytes) -> set[str]:
    """Every string held under a personal-data key of a parcel file (empty for unreadable files)."""
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return set()
    found: set[str] = set()
    stack: list[tuple[Any, bool]] = [(obj, False)]
    while stack:
        node, personal = stack.pop()
        if isinstance(node, dict):
            stack.extend((v, personal or bool(_PERSONAL.search(str(k)))) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, personal) for v in node)
        elif personal and isinstance(node, str) and len(node.strip()) >= 4:
            found.add(node.strip())
    return found


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


def _load(raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        raise SourceError("empty", "file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError("bad_encoding", f"not UTF-8 JSON: {exc}") from None
    try:
        obj = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise SourceError("too_deep", "JSON nested too deeply to parse") from None
    except ValueError as exc:
        raise SourceError("invalid_json", f"invalid JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise SourceError("not_an_object", f"expected one parcel object, got a JSON {type(obj).__name__}")
    if _depth(obj, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        raise SourceError("too_deep", f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    return obj


def _section(obj: dict[str, Any], *names: str) -> dict[str, Any]:
    for name in names:
        value = obj.get(name)
        if isinstance(value, dict):
            return value
    return {}


def _first(mapping: dict[str, Any], *keys: str) -> Any:
    """The first present, non-blank value among `keys` (matched case-insensitively)."""
    lowered = {str(k).lower(): v for k, v in mapping.items()}
    for key in keys:
        value = lowered.get(key.lower())
        if value is not None and not (isinstance(value, str) and not value.strip()):
            return value
    return None


def _latest_valuation(valuations: Any) -> dict[str, Any]:
    if isinstance(valuations, dict):
        by_year = {k: v for k, v in valuations.items() if re.fullmatch(r"\s*(19|20)\d\d\s*", str(k)) and isinstance(v, dict)}
        if by_year:
            # `{"2026": {...}, "2027": {...}}`: the key is the tax year unless the entry states its own.
            valuations = [{"TaxYear": k.strip(), **v} if _first(v, "TaxYear", "tax_year") is None else v
                          for k, v in by_year.items()]
        else:
            valuations = valuations.get("Valuations") or valuations.get("valuations") or [valuations]
    if not isinstance(valuations, list):
        return {}
    dated = [(parse_int(_first(v, "TaxYear", "tax_year")), v) for v in valuations if isinstance(v, dict)]
    dated = [(year, v) for year, v in dated if year is not None]
    return max(dated, key=lambda item: item[0])[1] if dated else {}


# Fact name -> the keys the county spells it with, per section of each shape.
PARCEL_KEYS = {
    "apn": ("APN", "ParcelNumber"),
    "address": ("PropertyAddress", "SitusAddress", "Address"),
    "city": ("SitusCity", "City", "PropertyCity"),
    "zip": ("SitusZip", "Zip", "ZipCode", "PropertyZip"),
    "property_type": ("PropertyType", "PropertyUseDescription", "PropertyUseCode"),
    "is_residential": ("IsResidential",),
    "lot_size": ("LotSize", "LandSize"),
    "subdivision": ("SubdivisionName", "Subdivision"),
    "mcr": ("MCR",),
    "parcel_status": ("ParcelStatus",),
    "latitude": ("Latitude", "Lat"),
    "longitude": ("Longitude", "Long", "Lon", "Lng"),
}
DETAIL_KEYS = {
    "living_area": ("LivableSpace", "LivingSpace"),
    "year_built": ("ConstructionYear", "OriginalConstructionYear"),
    "garages": ("NumberOfGarages", "GarageSpaces"),
    "pool": ("Pool",),
    "stories": ("Stories", "NumberOfStories"),
    "exterior_walls": ("ExteriorWalls",),
    "roof_type": ("RoofType",),
    "bath_fixtures": ("BathFixtures",),
}
VALUATION_KEYS = {
    "tax_year": ("TaxYear",),
    "full_cash_value": ("FullCashValue", "FCV"),
    "limited_property_value": ("LimitedPropertyValue", "LPV"),
    "legal_class": ("LegalClassification", "LegalClass"),
}
GIS_KEYS = {
    "apn": ("APN", "APN_DASH", "PARCEL_NUMBER"),
    "address": ("PHYSICAL_ADDRESS", "SITUS_ADDRESS"),
    "city": ("PHYSICAL_CITY", "SITUS_CITY"),
    "zip": ("PHYSICAL_ZIP", "SITUS_ZIP"),
    "property_type": ("PROPERTY_TYPE", "PUC_DESCRIPTION"),
    "is_residential": ("IS_RESIDENTIAL",),
    "lot_size": ("LAND_SIZE", "LOT_SIZE"),
    "subdivision": ("SUBNAME", "SUBDIVISION", "SUBDIVISION_NAME"),
    "mcr": ("MCR",),
    "latitude": ("LATITUDE", "LAT"),
    "longitude": ("LONGITUDE", "LON", "LONG"),
    "living_area": ("LIVING_SPACE", "LIVABLE_SPACE"),
    "year_built": ("CONST_YEAR", "CONSTRUCTION_YEAR"),
    "garages": ("GARAGE_SPACES", "NUM_GARAGES"),
    "pool": ("POOL", "POOL_SQFT"),
    "stories": ("STORIES",),
    "tax_year": ("TAX_YEAR", "FCV_YEAR"),
    "full_cash_value": ("FCV_CUR", "FULL_CASH_VALUE"),
    "limited_property_value": ("LPV_CUR", "LIMITED_VALUE"),
}
# Keys that carry no property fact (GIS bookkeeping, codes without a published mapping).
IGNORED_KEYS = re.compile(r"^(objectid|fid|globalid|shape__\w+|puc|apn|code|message|status)$", re.I)
_KNOWN = {k.lower() for table in (PARCEL_KEYS, DETAIL_KEYS, VALUATION_KEYS, GIS_KEYS) for ks in table.values() for k in ks}


def _facts(section: dict[str, Any], keys: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    return {fact: _first(section, *names) for fact, names in keys.items()}


def _unmapped(sections: list[dict[str, Any]]) -> dict[str, Any]:
    """Scalar values under keys this adapter does not know: facts only the LLM can place."""
    out = {}
    for section in sections:
        for key, value in section.items():
            if isinstance(value, (dict, list)) or value in (None, ""):
                continue
            if str(key).lower() not in _KNOWN and not IGNORED_KEYS.match(str(key)):
                out[str(key)] = value
    return out


def parse(raw: bytes) -> SourceDocument:
    """Read one parcel file into PII-free facts and their compact text."""
    obj = _strip_personal(_load(raw))
    if isinstance(obj.get("attributes"), dict):
        shape, sections = "gis", [obj["attributes"]]
        facts = _facts(obj["attributes"], GIS_KEYS)
    elif any(isinstance(obj.get(k), (dict, list)) for k in ("parcel", "Parcel", "residential_details", "valuations")):
        parcel = _section(obj, "parcel", "Parcel", "parcel_details", "ParcelDetails")
        details = _section(obj, "residential_details", "ResidentialDetails", "residential")
        valuation = _latest_valuation(obj.get("valuations") or obj.get("Valuations"))
        shape, sections = "api", [parcel, details, valuation]
        facts = {**_facts(parcel, PARCEL_KEYS), **_facts(details, DETAIL_KEYS), **_facts(valuation, VALUATION_KEYS)}
        facts["apn"] = facts["apn"] or obj.get("apn") or obj.get("APN")
    else:
        raise SourceError(
            "unknown_shape",
            "neither the Assessor API shape (parcel/residential_details/valuations) "
            "nor the GIS shape (attributes); keys: " + ", ".join(sorted(map(str, obj))[:10]),
        )
    facts = {k: v for k, v in facts.items() if v is not None}
    if not facts.get("apn") and not facts.get("address"):
        raise SourceError("no_identity", f"{shape} record has neither an APN nor an address")
    unmapped = _unmapped(sections)
    text = "\n".join(f"{key}: {value}" for key, value in {**facts, **unmapped}.items())
    return SourceDocument(text=text, raw_bytes=len(raw), data={"shape": shape, "facts": facts, "unmapped": unmapped})


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


def extract_rules(doc: SourceDocument) -> RuleExtraction:
    """Map the assessor's facts onto contract fields; every value here is structured."""
    facts = doc.data["facts"]
    values: dict[str, Any] = {"parcel_number": normalize_apn(facts.get("apn"))}

    address = parse_one_line_address(facts.get("address"))
    if facts.get("address") and not address.get("street_name"):
        address = split_street(str(facts["address"]))
    if facts.get("city"):
        address["city"] = normalize_city(facts["city"])
    if facts.get("zip"):
        address["postal_code"] = normalize_zip(facts["zip"])
    if address.get("city") or address.get("postal_code"):
        address["state_or_province"] = "AZ"
    values.update(address)
    values["unparsed_address"] = compose_address(values)

    if _is_residential(facts):
        values["property_type"] = "Residential"
    elif normalize_dwelling_type(facts.get("property_type"))[0] == "Land":
        values["property_type"] = "Land"
    sqft, acres = parse_lot_size(facts.get("lot_size"))
    values.update(lot_size_square_feet=sqft, lot_size_acres=acres)
    values["living_area"] = parse_number(facts.get("living_area"))
    values["year_built"] = parse_int(facts.get("year_built"))
    values["garage_spaces"] = parse_number(facts.get("garages"))
    values["stories"] = parse_int(facts.get("stories"))
    values["pool_private_yn"] = _pool(facts.get("pool"))
    values["subdivision_name"] = normalize_city(facts.get("subdivision"))
    values["latitude"] = parse_number(facts.get("latitude"))
    values["longitude"] = parse_number(facts.get("longitude"))
    values["full_cash_value"] = parse_number(facts.get("full_cash_value"))
    values["limited_property_value"] = parse_number(facts.get("limited_property_value"))
    values["tax_year"] = parse_int(facts.get("tax_year"))

    found = {k: v for k, v in values.items() if v is not None}
    # Every key was understood: what is missing is not stated, and an LLM call would add nothing.
    return RuleExtraction(values=found, structured=set(found), complete=not doc.data.get("unmapped"))


PROMPT_INSTRUCTIONS = """\
The data is one Maricopa County Assessor parcel record as "key: value" lines. It holds
no listing: no MLS number, status, price, bedrooms or bathrooms (bath_fixtures counts
fixtures, not baths). Formats: APN 8 digits plus an optional letter, no separators;
street with direction and suffix in title case ("E Camelback Rd"); city in title case;
state AZ; ZIP 5 digits; lot in both sq ft and acres (1 acre = 43560 sq ft); values
of the latest tax year; a pool area above 0 is a private pool."""

SOURCE = Source(
    name="maricopa_county",
    suffixes=(".json",),
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
