"""Assessor records in shapes the adapter reads by key meaning, not by one spelling (issue 14).

The cases here were not the ones the adapter was written against (`samples/classes`
`extra_assessor_shapes.py`): the parcel number under random key spellings and casings at random
nesting depth, valuations in random container forms and key spellings, GeoJSON collections of
zero or two features, swapped or projected coordinates, condo unit lists, keys naming other
parcels, and owner names / mailing addresses planted next to every fact, which must never leave
the adapter (its text, its data, its warnings or a rule value).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from property_pipeline.sources import SourceError, get_source
from property_pipeline.sources.maricopa_county import personal_values

COUNTY = get_source("maricopa_county")
OWNER = "QUILLFEATHER ZEBEDIAH"
MAIL = "4471 XANTHOS LOOP, YREKA CA 96097"
THIS_YEAR = dt.date.today().year


def read(record, name: str = "") -> tuple[dict, object]:
    raw = json.dumps(record).encode()
    doc = COUNTY.parse(raw, name=name)
    return COUNTY.extract_rules(doc).values, doc


def leaked(doc, values, *secrets: str, words: bool = True) -> list[str]:
    """The secrets (or, with `words`, any of their words of 4+ letters) found in what the adapter gives out."""
    everything = doc.text + json.dumps(doc.data, default=str) + json.dumps(doc.warnings) + json.dumps(values, default=str)
    if not words:
        return [s for s in secrets if s in everything]
    return [s for s in secrets for word in s.replace(",", " ").split() if len(word) > 3 and word in everything]


def personal(**extra):
    """An owner block and a mailing block, spelled several ways."""
    return {"ownerInfo": {"name": OWNER, "mailing": {"line1": MAIL}}, "MAIL_ADDR": MAIL, **extra}


# ------------------------------------------------------------------ the parcel number, any spelling
def spellings(words: list[str]) -> st.SearchStrategy[str]:
    """A key made of `words` in camelCase, PascalCase, snake_case, UPPER_SNAKE, kebab, spaced or dotted."""
    return st.sampled_from([
        words[0].lower() + "".join(w.capitalize() for w in words[1:]),
        "".join(w.capitalize() for w in words),
        "_".join(w.lower() for w in words),
        "_".join(w.upper() for w in words),
        "-".join(w.lower() for w in words),
        " ".join(w.capitalize() for w in words),
        ".".join(w.lower() for w in words),
    ])


APN_KEYS = st.sampled_from([
    ["parcel", "number"], ["parcel", "no"], ["parcel", "id"], ["apn"], ["apn", "dash"], ["apn", "formatted"],
    ["assessor", "parcel", "number"], ["parcel", "num"], ["tax", "parcel", "number"], ["apn", "display"],
]).flatmap(spellings)
APNS = st.tuples(st.integers(100, 999), st.integers(10, 99), st.integers(100, 999), st.sampled_from(["", "A", "C"]))
# Neutral section names (none is a known role, none names another parcel or a person).
NESTS = st.sampled_from(["summary", "general", "header", "identity", "main", "propertyRecord", "detail", "info", "core"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=APN_KEYS, apn=APNS, style=st.sampled_from(["dash", "dot", "plain", "space"]),
       path=st.lists(NESTS, max_size=4, unique=True), listed=st.lists(st.booleans(), min_size=4, max_size=4))
def test_the_parcel_number_is_found_under_any_spelling_at_any_depth(key, apn, style, path, listed):
    book, map_, item, split = apn
    written = {"dash": f"{book}-{map_}-{item}{split}", "dot": f"{book}.{map_}.{item}{split}",
               "plain": f"{book}{map_}{item}{split}", "space": f"{book} {map_} {item} {split}".strip()}[style]
    node: object = {key: written, "owner_name": OWNER}
    for depth, section in enumerate(reversed(path)):
        node = {section: [node] if listed[depth] else node}
    record = {"situs": {"houseNumber": "812", "streetName": "W ORCHID LN", "city": "CHANDLER", "zip": "85225"},
              **node, **personal()}  # type: ignore[dict-item]
    values, doc = read(record)
    assert values["parcel_number"] == f"{book}{map_}{item}{split}"
    assert values["unparsed_address"] == "812 W Orchid Ln, Chandler, AZ 85225"
    assert not leaked(doc, values, OWNER, MAIL)


@pytest.mark.parametrize("key", ["parentParcel", "splitFromApn", "previousApn", "formerParcelNumber", "relatedParcels"])
def test_a_key_naming_another_parcel_is_not_this_parcels_number(key):
    record = {key: "217-52-004", "comparables": [{"apn": "217-52-119", "fullCashValue": 1}],
              "siteAddress": "15604 N 49TH WAY, SCOTTSDALE, AZ 85254", **personal()}
    values, doc = read(record)
    assert values.get("parcel_number") is None and values["postal_code"] == "85254"
    assert "full_cash_value" not in values


def test_two_spellings_that_disagree_keep_the_first_and_say_so():
    values, doc = read({"parcelNo": "118-30-907", "identification": {"APN_DASH": "118-30-999"},
                        "situs": "1330 N 2ND ST UNIT 214, PHOENIX, AZ 85004"})
    assert values["parcel_number"] == "11830907"
    assert "conflicting_values:parcel_number" in doc.warnings


def test_an_internal_numeric_id_is_no_parcel_number():
    values, doc = read({"ParcelID": 88231, "Parcel": {"number": "302-61-144B", "book": "302"},
                        "PropertyAddress": "2408 S EVERGREEN RD UNIT 12, TEMPE, AZ 85282"})
    assert values["parcel_number"] == "30261144B" and values["unit_number"] == "12"


# ------------------------------------------------------------------ GeoJSON
def feature(properties, geometry=None):
    return {"type": "Feature", "geometry": geometry, "properties": properties}


PROPS = {"APN": "501-19-244", "SITUS_ADDRESS": "9217 W POINSETTIA DR", "SITUS_CITY": "PEORIA", "SITUS_ZIP": "85345",
         "OWNER_NAME": OWNER, "MAIL_ADDRESS": MAIL}


@pytest.mark.parametrize("features, code", [([], "no_parcel"), ([feature(PROPS), feature({**PROPS, "APN": "501-19-245"})],
                                                                "many_parcels")])
def test_a_feature_collection_of_zero_or_two_features_is_an_error_not_a_pick(features, code):
    with pytest.raises(SourceError) as info:
        read({"type": "FeatureCollection", "features": features})
    assert info.value.code == code
    assert OWNER not in info.value.message and "501" not in info.value.message


@pytest.mark.parametrize("geometry, point", [
    ({"type": "Point", "coordinates": [-112.2391, 33.5523]}, (33.5523, -112.2391)),
    ({"type": "point", "coordinates": ["-112.2391", "33.5523", 352.0]}, (33.5523, -112.2391)),  # with elevation
    ({"type": "Point", "coordinates": [33.5523, -112.2391]}, (None, None)),  # [lat, lon]: not GeoJSON order
    ({"type": "Point", "coordinates": [571904.3, 926311.8]}, (None, None)),  # State Plane feet
    ({"type": "Polygon", "coordinates": [[[-112.24, 33.55], [-112.23, 33.55], [-112.23, 33.56], [-112.24, 33.55]]]},
     (None, None)),  # an outline states no single point
    (None, (None, None)),
])
def test_a_geojson_geometry_gives_a_point_only_when_it_states_one_in_degrees(geometry, point):
    for record in (feature(PROPS, geometry), {"type": "FeatureCollection", "features": [feature(PROPS, geometry)]}):
        values, doc = read(record)
        assert (values.get("latitude"), values.get("longitude")) == point
        assert values["parcel_number"] == "50119244" and values["city"] == "Peoria"
        assert not leaked(doc, values, OWNER, MAIL)
        assert doc.data["shape"] == "gis"


def test_a_feature_without_properties_takes_its_identity_from_the_file_name_or_fails():
    record = feature(None, {"type": "Point", "coordinates": [-112.2391, 33.5523]})
    values, _ = read(record, name="parcel_50119244.json")
    assert values["parcel_number"] == "50119244"
    with pytest.raises(SourceError):
        read(record)


# ------------------------------------------------------------------ valuations
YEAR_KEYS = st.sampled_from(["taxYear", "TAX_YR", "year", "assessmentYear", "Tax Year", "valuation_year"])
FCV_KEYS = st.sampled_from(["fullCashValue", "FCV", "full_cash", "FullCash", "fcvAmount"])
LPV_KEYS = st.sampled_from(["limitedPropertyValue", "LPV", "limited", "limited_value", "lpvAmount"])
SECTION_NAMES = st.sampled_from(["valuations", "assessments", "valueHistory", "taxValues", "countyValues",
                                 "assessed_values", "VALUES"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(years=st.lists(st.integers(2015, THIS_YEAR + 1), min_size=1, max_size=5, unique=True),
       future=st.booleans(), keys=st.tuples(YEAR_KEYS, FCV_KEYS, LPV_KEYS), section=SECTION_NAMES,
       form=st.sampled_from(["list", "by_year", "history", "transposed"]), as_text=st.booleans())
def test_the_latest_valuation_year_is_picked_from_any_container(years, future, keys, section, form, as_text):
    year_key, fcv_key, lpv_key = keys
    stated = {y: (300_000 + 1_000 * (y - 2000), 200_000 + 700 * (y - 2000)) for y in years}
    if future:
        stated[2099] = (9_999_999, 9_999_999)  # a planted far-future year never wins

    def money(v):
        return f"${v:,}" if as_text else v

    entries = [{year_key: y, fcv_key: money(f), lpv_key: money(lp)} for y, (f, lp) in stated.items()]
    container = {
        "list": entries,
        "by_year": {str(y): {fcv_key: money(f), lpv_key: money(lp)} for y, (f, lp) in stated.items()},
        "history": {"history": entries},
        "transposed": {fcv_key: {str(y): money(f) for y, (f, _) in stated.items()},
                       lpv_key: {str(y): money(lp) for y, (_, lp) in stated.items()}},
    }[form]
    record = {"apn": "304-18-552", "siteAddress": "4236 E CALLE REDONDA, PHOENIX, AZ 85018", section: container,
              "taxBills": [{"taxYear": 2099, "amount": "$1.00"}, {"taxYear": 2014, "amount": "$2.00"}], **personal()}
    values, doc = read(record)
    latest = max(years)
    assert (values.get("tax_year"), values.get("full_cash_value"), values.get("limited_property_value")) == \
        (latest, float(stated[latest][0]), float(stated[latest][1]))
    assert not leaked(doc, values, OWNER, MAIL)


def test_year_suffixed_columns_and_an_unyeared_current_value():
    values, _ = read({"APN": "162-18-047", "FCV_2024": 400, "LPV_2024": 300, "FCV_2025": 410, "LPV_2025": 310})
    assert (values["tax_year"], values["full_cash_value"], values["limited_property_value"]) == (2025, 410.0, 310.0)
    values, _ = read({"record": {"apnFormatted": "162-18-047", "fcv": "$512,300", "lpv": "$398,100"}})
    assert (values.get("tax_year"), values["full_cash_value"]) == (None, 512300.0)


def test_a_sale_history_or_a_comparable_is_never_this_parcels_value():
    values, _ = read({"apn": "213-44-090",
                      "saleHistory": [{"year": 2019, "salePrice": "$402,500", "fullCashValue": "$390,000"}],
                      "comparableSales": [{"taxYear": 2026, "fullCashValue": 999}],
                      "nearbyParcels": {"2026": {"fullCashValue": 777}}})
    assert "full_cash_value" not in values and "tax_year" not in values


# ------------------------------------------------------------------ condo units and nested facts
def test_a_list_of_units_gives_the_facts_of_the_stated_unit_only():
    units = [{"unitNumber": "213", "sqft": 940, "garageSpaces": 1}, {"unitNumber": "214", "sqft": 1018, "garageSpaces": 2}]
    record = {"parcel": {"apn": "118-30-907", "situs": {"number": "1330", "street": "N 2ND ST", "unit": "#214",
                                                        "city": "PHOENIX", "zip": "85004"}},
              "building": {"yearBuilt": 2008, "units": units}, **personal()}
    values, doc = read(record)
    assert (values["unit_number"], values["living_area"], values["garage_spaces"]) == ("214", 1018.0, 2.0)
    assert values["unparsed_address"] == "1330 N 2nd St Unit 214, Phoenix, AZ 85004"
    # Without a stated unit the list is not guessed from.
    del record["parcel"]["situs"]["unit"]
    values, _ = read(record)
    assert values.get("living_area") is None and values.get("unit_number") is None and values["year_built"] == 2008


@pytest.mark.parametrize("area, expected", [
    ({"value": 1018, "unit": "sqft"}, 1018.0),
    ({"amount": "1,018", "uom": "SF"}, 1018.0),
    ({"value": 94.6, "unit": "m2"}, None),  # another unit: not read as square feet
    ({"value": 1018, "unit": "sqft", "source": "x", "note": "y"}, None),  # not a plain amount object
])
def test_an_area_with_its_unit_as_an_object(area, expected):
    values, doc = read({"APN": "217-33-508", "unitDetail": {"livableArea": area}, "owner": {"name": OWNER}})
    assert values.get("living_area") == expected
    assert values.get("unit_number") is None  # "sqft" under a `unit` key is no unit number


@pytest.mark.parametrize("details, year", [
    ({"effectiveYearBuilt": 1994}, None),
    ({"effectiveYearBuilt": 1994, "actualYearBuilt": 1962}, 1962),
    ({"EFFECTIVE_YR_BUILT": 2001, "YR_BLT": 1979}, 1979),
])
def test_the_effective_year_is_never_the_year_built(details, year):
    values, doc = read({"APN": "304-27-136", "building": details})
    assert values.get("year_built") == year
    assert not doc.data["labelled_unread"]  # nor asked of the LLM


def test_sections_about_people_are_never_entered_even_when_they_hold_address_keys():
    record = {"APN": "133-15-072",
              "owner": {"situs": {"houseNumber": "6120", "streetName": "N 19TH AVE", "city": "PHOENIX", "zip": "85015"}},
              "mailingInfo": {"siteAddress": MAIL, "livingArea": 5},
              "billing": {"address": "PO BOX 5521, GLENDALE AZ 85312", "city": "GLENDALE", "zip": "85312"},
              "taxpayer": [{"name": OWNER}]}
    values, doc = read(record)
    for field in ("street_number", "street_name", "city", "postal_code", "living_area"):
        assert values.get(field) is None, field
    assert not leaked(doc, values, OWNER, MAIL, "PO BOX 5521")


# ------------------------------------------------------------------ the class samples' personal data
def test_every_personal_string_of_the_class_records_is_known_to_the_no_pii_check():
    from pathlib import Path

    classes = Path(__file__).resolve().parents[2] / "samples" / "classes"
    labels = sorted((classes / "expected" / "maricopa_county").rglob("*.json"))
    assert len(labels) >= 12
    for label_path in labels:
        label = json.loads(label_path.read_text(encoding="utf-8"))
        raw_path = classes / "landing" / label_path.relative_to(classes / "expected").with_suffix("")
        raw = raw_path.read_bytes()
        doc = COUNTY.parse(raw, name=raw_path.name)
        values = COUNTY.extract_rules(doc).values
        found = personal_values(raw)
        for secret in label["pii"]:
            assert secret in found, (raw_path.name, secret)
            assert not leaked(doc, values, secret, words=False), (raw_path.name, secret)


# ------------------------------------------------------------------ other nestings of the same facts
@pytest.mark.parametrize("record, expected", [
    # The parcel number as an object of its forms; coordinates nested in the location.
    ({"parcel": {"apn": {"formatted": "118-30-907", "raw": "11830907"}},
      "location": {"coordinates": {"lat": 33.45, "lng": -112.07}, "address": {"line1": "1 E MAIN ST", "city": "MESA"}}},
     {"parcel_number": "11830907", "latitude": 33.45, "longitude": -112.07, "street_name": "E Main St", "city": "Mesa"}),
    # An Esri query response (fields, aliases, one feature).
    ({"displayFieldName": "APN", "fieldAliases": {"APN": "APN"}, "spatialReference": {"wkid": 102100},
      "fields": [{"name": "APN"}], "features": [{"attributes": {"APN": "123-45-678", "PHYSICAL_CITY": "MESA"},
                                                 "geometry": {"rings": [[[1, 2]]]}}]},
     {"parcel_number": "12345678", "city": "Mesa", "latitude": None}),
    # A list of amenity words named `features` beside the parcel's own facts is no wrapper.
    ({"apn": "118-30-907", "address": {"street": "1330 N 2nd St", "unit": "214", "city": "Phoenix", "zip": "85004"},
      "features": ["Pool", "Patio"]},
     {"parcel_number": "11830907", "street_number": "1330", "street_name": "N 2nd St", "unit_number": "214"}),
    # A situs given as a one-entry list; a bare area in the building is its living area.
    ({"APN": "304-18-552", "situsAddresses": [{"houseNumber": "4236", "streetName": "E CALLE REDONDA", "zip5": "85018"}],
      "building": {"sqft": 2388}, "land": {"acres": "0.25"}},
     {"street_number": "4236", "postal_code": "85018", "living_area": 2388.0, "lot_size_acres": 0.25}),
])
def test_other_nestings_of_the_same_facts(record, expected):
    values, doc = read({**record, **personal()})
    assert {field: values.get(field) for field in expected} == expected
    assert not leaked(doc, values, OWNER, MAIL)


def test_an_empty_result_is_an_error_not_an_empty_record():
    with pytest.raises(SourceError) as info:
        read({"data": {"parcels": []}})
    assert info.value.code == "no_parcel"


# Characteristics as a list of name/value entries, in the spellings a county export may use.
_ENTRY_SPELLINGS = (("name", "value", "unit"), ("Name", "Value", "Unit"), ("label", "val", "uom"), ("field", "amount", "units"))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(living=st.integers(700, 4_800), acres=st.integers(8, 150).map(lambda n: n / 100), year=st.integers(1950, 2024),
       garages=st.integers(0, 4), pool=st.booleans(), spelling=st.sampled_from(_ENTRY_SPELLINGS), order=st.randoms(),
       section=st.sampled_from(("characteristics", "improvement_details", "attributes")))
def test_characteristics_as_name_value_entries_read_and_keep_the_owner_out(living, acres, year, garages, pool, spelling,
                                                                          order, section):
    name, value, unit = spelling
    entries = [
        {name: "Living Area", value: living, unit: "SQFT"},
        {name: "Lot Size", value: acres, unit: "ACRES"},
        {name: "Year Built", value: year},
        {name: "Garage Spaces", value: garages},
        {name: "Pool", value: "Y" if pool else "N"},
        {name: "Owner Name", value: OWNER},
        {name: "Mailing Address", value: MAIL},
    ]
    order.shuffle(entries)
    record = {"apn": "217.44.102", "situs": {"address": "4321 W MONTEBELLO AVE", "city": "PHOENIX", "zip": "85019"},
              section: entries}
    values, doc = read(record, name="parcel_21744102.json")
    assert values.get("living_area") == living
    assert values.get("lot_size_acres") == acres
    assert values.get("year_built") == year
    assert values.get("garage_spaces") == garages
    assert values.get("pool_private_yn") is pool
    assert not leaked(doc, values, OWNER, MAIL)
