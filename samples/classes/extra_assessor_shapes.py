"""Loss classes of assessor records in shapes the adapter did not read (issue 14), day 2026-11-26.

Run through `build_classes.py` (`build_extra_classes` calls `build()`); names `parcel_<APN>.json`.

- `geojson_feature`: the county GIS layer exported as GeoJSON. A `FeatureCollection` with one
  `Feature` (or a bare `Feature`), the facts under `properties` (not `attributes`), the location
  as `geometry.coordinates` in GeoJSON order `[lon, lat]`. A `Point` in degrees states latitude
  and longitude; a `Polygon` states no single point (the label leaves them null, no centroid is
  computed); a `Point` in State Plane feet (a projected `crs`) states no degrees either.
  Valuations as year-suffixed columns (`FCV_2025`, `FCV_2026`, `LPV_2026`).
- `condo_nested`: a condominium unit whose facts are nested: the situs as an object of parts
  with a `unit`, the unit's living area and garage in `building.units[0]`, `yearBuilt` beside an
  `effectiveYearBuilt` (the label is the actual year built), a `{"value": 862, "unit": "sqft"}`
  area, identification / location / characteristics sub-objects, `bathFixtures` (no bath count).
- `valuation_history`: values per year as a list of objects keyed by `year` (unordered), or as
  `{"assessments": {"2026": {...}}}`, beside a sale history and tax bills that also carry years
  but are no valuation.
- `renamed_keys`: the parcel number as `parcel_number`, `ParcelID`, `APN_DASH`, `apnFormatted`,
  `parcelNo`, `Parcel No.` (with a `parentParcel` that is another parcel); the situs as
  `site_address`, `Situs` (one string) or parts (`house_no`, `pre_dir`, `street_suffix`,
  `zip5`); the living area as `livable_sqft`, `ImprovementSqFt`, `bldg_area`; the lot as
  `land_area_acres`, `LotSizeSqFt`, `LandSqFt`; `yr_built`, `YEAR_BLT`; values as strings with
  units (`"1,642 sq ft"`, `"0.21 ac"`); a carport that is no garage.

Every record holds an owner name and a mailing address (fictitious people): personal data that
is listed in the label's `pii` and must never reach an output. Assessor labels hold no listing
facts (no MLS number, price, status, bedrooms or baths), as in `samples/README.md`.
"""

from __future__ import annotations

import json

from build_classes import write
from build_samples import addr, fields, lot_from_acres, lot_from_sqft

RESIDENTIAL = {"property_type": "Residential"}


def _polygon(lon: float, lat: float) -> list:
    """A small parcel outline around a point (five vertices, closed), in GeoJSON [lon, lat] order."""
    d = 0.0004
    ring = [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]
    return [[[round(x, 6), round(y, 6)] for x, y in ring]]


# ------------------------------------------------------------------ geojson_feature
G1 = {"type": "FeatureCollection",
      "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
      "features": [{
          "type": "Feature", "id": 88231,
          "geometry": {"type": "Point", "coordinates": [-112.00581, 33.48724]},
          "properties": {
              "OBJECTID": 88231, "APN_DASH": "162-18-047", "SITUS_ADDRESS": "3127 N 36TH ST",
              "SITUS_CITY": "PHOENIX", "SITUS_ZIP": "85018", "LIVABLE_SQFT": "1,642 sq ft",
              "LAND_AREA_ACRES": "0.21 ac", "YR_BUILT": 1956, "SUBDIVISION": "ARCADIA PARK",
              "POOL_AREA": "0 sq ft", "FCV_CUR": "512,300", "LPV_CUR": "398,100", "TAX_YEAR": "2026",
              "OWNER_NAME": "BEAUMONT DELIA R", "MAIL_ADDR1": "1840 CEDAR HOLLOW LN",
              "MAIL_CITY_STATE_ZIP": "BOISE ID 83702", "Shape_Area": 9148.2}}]}
FG1 = fields(parcel_number="16218047", **addr("3127", "N 36th St", "Phoenix", "85018"), living_area=1642.0,
             **lot_from_acres(0.21), year_built=1956, pool_private_yn=False, subdivision_name="ARCADIA PARK",
             latitude=33.48724, longitude=-112.00581, full_cash_value=512300.0, limited_property_value=398100.0,
             tax_year=2026)

G2 = {"type": "Feature",
      "geometry": {"type": "Polygon", "coordinates": _polygon(-111.96288, 33.49611)},
      "properties": {
          "ParcelID": "304-27-136", "PropertyAddress": "5502 E WELDON AVE, PHOENIX, AZ 85018",
          "IsResidential": "Y", "ImprovementSqFt": 2210, "LotSizeSqFt": "9,583 sq ft", "yearBuilt": 1962,
          "effectiveYearBuilt": 1994, "PoolArea": 380, "GarageStalls": 2, "Stories": "1",
          "Owner1": "CALLOWAY-REYES FAMILY TRUST", "Owner2": "CALLOWAY-REYES JUNE M TR",
          "MailingAddress": "PO BOX 30718, PHOENIX AZ 85046"}}
FG2 = fields(parcel_number="30427136", **addr("5502", "E Weldon Ave", "Phoenix", "85018"), **RESIDENTIAL,
             living_area=2210.0, **lot_from_sqft(9583), year_built=1962, garage_spaces=2.0, stories=1,
             pool_private_yn=True)

G3 = {"type": "FeatureCollection",
      "crs": {"type": "name", "properties": {"name": "EPSG:2223"}},
      "features": [{
          "type": "Feature",
          "geometry": {"type": "Point", "coordinates": [571904.3, 926311.8]},
          "properties": {
              "apn": "501-19-244", "SitusAddr": "9217 W POINSETTIA DR", "SitusCity": "PEORIA",
              "SitusZip": "85345", "bldg_area": "1,388", "lot_size": "0.17 acres", "yr_built": "1985",
              "garage_spaces": 2, "FCV_2025": 338200, "LPV_2025": 262900, "FCV_2026": 351600,
              "LPV_2026": 276040, "OWNER": "HALVORSEN ERIK & MAREN",
              "MAIL_ADDR": "4410 SUNNYSIDE AVE N, SEATTLE WA 98103"}}]}
FG3 = fields(parcel_number="50119244", **addr("9217", "W Poinsettia Dr", "Peoria", "85345"), living_area=1388.0,
             **lot_from_acres(0.17), year_built=1985, garage_spaces=2.0, full_cash_value=351600.0,
             limited_property_value=276040.0, tax_year=2026)

# ------------------------------------------------------------------ condo_nested
C1 = {"parcel": {"parcelNo": "118-30-907",
                 "situs": {"houseNumber": "1330", "streetDir": "N", "streetName": "2ND", "streetType": "ST",
                           "unit": "214", "city": "PHOENIX", "zip": "85004-1702"},
                 "useDescription": "RESIDENTIAL CONDOMINIUM", "subdivision": "ROOSEVELT ROW LOFTS CONDOMINIUM"},
      "building": {"yearBuilt": 2008, "effectiveYearBuilt": 2012,
                   "units": [{"unit": "214", "livingArea": "1,018 sq ft", "floor": 2, "garageSpaces": 1,
                              "bathFixtures": 6}]},
      "assessments": {"2025": {"fullCashValue": "$352,700", "limitedPropertyValue": "$301,450"},
                      "2026": {"fullCashValue": "$366,800", "limitedPropertyValue": "$316,520"}},
      "ownership": {"owners": ["WIERZBICKI TOMASZ K", "WIERZBICKI LENA"],
                    "mailTo": {"line1": "2205 W KNOX RD APT 7", "city": "CHANDLER", "zip": "85224"}}}
FC1 = fields(parcel_number="11830907", **addr("1330", "N 2nd St", "Phoenix", "85004", unit="214"), **RESIDENTIAL,
             living_area=1018.0, year_built=2008, garage_spaces=1.0,
             subdivision_name="ROOSEVELT ROW LOFTS CONDOMINIUM", full_cash_value=366800.0,
             limited_property_value=316520.0, tax_year=2026)

C2 = {"result": {
    "property": {
        "identification": {"APN": "217-33-508", "book": "217", "map": "33", "item": "508"},
        "location": {"address": {"line1": "7300 E EARLL DR UNIT 3012", "city": "SCOTTSDALE", "state": "AZ",
                                 "zip": "85251"},
                     "latitude": "33.48712", "longitude": "-111.92304"},
        "characteristics": {"unitDetail": {"unitNumber": "3012", "livableArea": {"value": 862, "unit": "sqft"},
                                           "yearBuilt": 1999, "effectiveYearBuilt": 2005}},
        "valuation": {"history": [{"taxYear": "2025", "FCV": 281400, "LPV": 240150},
                                  {"taxYear": "2026", "FCV": 296000, "LPV": 252160}]}},
    "parties": [{"role": "owner", "name": "Marguerite O Adebayo-Finch"},
                {"role": "mail", "address": "9 Larkspur Ct, Flagstaff AZ 86001"}]}}
FC2 = fields(parcel_number="21733508", **addr("7300", "E Earll Dr", "Scottsdale", "85251", unit="3012"),
             living_area=862.0, year_built=1999, latitude=33.48712, longitude=-111.92304,
             full_cash_value=296000.0, limited_property_value=252160.0, tax_year=2026)

# ------------------------------------------------------------------ valuation_history
V1 = {"parcel_number": "213-44-090", "site_address": "7715 E PALM LN", "site_city": "SCOTTSDALE",
      "site_zip": "85257", "land_area_acres": "0.18", "livable_sqft": "1,486", "yr_built": "1971", "pool": "No",
      "value_history": [{"year": 2024, "fullCash": "$498,000", "limited": "$377,100", "legal_class": "3"},
                        {"year": 2026, "fullCash": "$531,600", "limited": "$415,750", "legal_class": "3"},
                        {"year": 2025, "fullCash": "$517,200", "limited": "$395,950", "legal_class": "3"}],
      "sale_history": [{"year": 2019, "sale_price": "$402,500", "deed": "WARRANTY DEED"}],
      "owner_name": "Okonkwo-Baird Simone", "mailing_address": "318 Alder Bend Rd, Missoula MT 59802"}
FV1 = fields(parcel_number="21344090", **addr("7715", "E Palm Ln", "Scottsdale", "85257"), living_area=1486.0,
             **lot_from_acres(0.18), year_built=1971, pool_private_yn=False, full_cash_value=531600.0,
             limited_property_value=415750.0, tax_year=2026)

V2 = {"Parcel": {"APN": "304-18-552",
                 "Address": {"Line1": "4236 E CALLE REDONDA", "City": "PHOENIX", "Zip": "85018"},
                 "PropertyType": "Residential", "LotSize": "10,890"},
      "Residential": {"LivingSqFt": "2,388", "BuiltYear": "1974", "Garages": "2", "Pool": "true"},
      "assessments": {"2024": {"fullCashValue": "801,000", "limitedPropertyValue": "590,300"},
                      "2026": {"fullCashValue": "842,700", "limitedPropertyValue": "650,800"},
                      "2025": {"fullCashValue": "829,400", "limitedPropertyValue": "619,810"}},
      "taxBills": [{"taxYear": 2026, "amount": "$4,218.36"}, {"taxYear": 2025, "amount": "$4,101.02"}],
      "Taxpayer": {"Name": "LINDGREN-OSEI PETRA", "Address": "PO BOX 1187, SEDONA AZ 86339"}}
FV2 = fields(parcel_number="30418552", **addr("4236", "E Calle Redonda", "Phoenix", "85018"), **RESIDENTIAL,
             living_area=2388.0, **lot_from_sqft(10890), year_built=1974, garage_spaces=2.0,
             pool_private_yn=True, full_cash_value=842700.0, limited_property_value=650800.0, tax_year=2026)

# ------------------------------------------------------------------ renamed_keys
R1 = {"record": {"apnFormatted": "133-15-072", "apnRaw": "13315072", "site_address": "1921 W HAZELWOOD ST",
                 "site_city": "PHOENIX", "site_zip": "85015", "bldg_area": "1,390 sq ft", "LotSizeSqFt": "7,260",
                 "yr_built": "1951", "garage_type": "CARPORT", "carport_spaces": 1, "pool_yn": "N",
                 "fcv": "$318,900", "lpv": "$254,300", "tax_yr": "2026",
                 "owner_1": "PRZYBYLSKI HUGO", "owner_mail_addr": "6120 N 19TH AVE APT 210, PHOENIX AZ 85015"}}
FR1 = fields(parcel_number="13315072", **addr("1921", "W Hazelwood St", "Phoenix", "85015"), living_area=1390.0,
             **lot_from_sqft(7260), year_built=1951, pool_private_yn=False, full_cash_value=318900.0,
             limited_property_value=254300.0, tax_year=2026)

R2 = {"Parcel No.": "217-52-118", "parentParcel": "217-52-004",
      "Situs": "15604 N 49TH WAY, SCOTTSDALE, AZ 85254", "ImprovementSqFt": "2,046", "LandSqFt": "10,018",
      "yearBuilt": "1979", "effectiveYearBuilt": "1998", "NumGarages": "2", "PrivatePool": "Y",
      "Subdivision": "SCOTTSDALE HIGHLANDS UNIT 2", "FullCashValue": "$688,500",
      "LimitedPropertyValue": "$524,130", "TaxYear": 2026,
      "Owner": "VASQUEZ-HOLLOWAY DARIUS", "MailAddr": "1408 Juniper Terrace, Boulder CO 80304"}
FR2 = fields(parcel_number="21752118", **addr("15604", "N 49th Way", "Scottsdale", "85254"), living_area=2046.0,
             **lot_from_sqft(10018), year_built=1979, garage_spaces=2.0, pool_private_yn=True,
             subdivision_name="SCOTTSDALE HIGHLANDS UNIT 2", full_cash_value=688500.0,
             limited_property_value=524130.0, tax_year=2026)

R3 = {"PARCEL": {"PARCEL_ID": "502-28-019", "USE_DESC": "SINGLE FAMILY RESIDENTIAL",
                 "SITUS": {"HOUSE_NO": "20512", "PRE_DIR": "N", "STREET_NAME": "41ST", "STREET_SUFFIX": "DR",
                           "CITY_NAME": "GLENDALE", "ZIP5": "85308"}},
      "BUILDING": {"LIVING_SQFT": "2,012 SF", "YEAR_BLT": 1996, "STORIES": "2", "GARAGE_CAP": "3 cars"},
      "LAND": {"LOT_ACRES": ".16 AC"},
      "VALUES": [{"TAX_YR": 2026, "FULL_CASH": 471900, "LIMITED": 389460},
                 {"TAX_YR": 2025, "FULL_CASH": 455300, "LIMITED": 370920}],
      "OWNER": {"NAME_1": "DRUMMOND-ACHTERBERG KEES", "MAIL": "PO BOX 5521, GLENDALE AZ 85312"}}
FR3 = fields(parcel_number="50228019", **addr("20512", "N 41st Dr", "Glendale", "85308"), **RESIDENTIAL,
             living_area=2012.0, **lot_from_acres(0.16), year_built=1996, stories=2, garage_spaces=3.0,
             full_cash_value=471900.0, limited_property_value=389460.0, tax_year=2026)

RECORDS = (
    ("parcel_16218047.json", G1, "geojson_feature", FG1, ["BEAUMONT DELIA R", "1840 CEDAR HOLLOW LN", "BOISE ID 83702"]),
    ("parcel_30427136.json", G2, "geojson_feature", FG2,
     ["CALLOWAY-REYES FAMILY TRUST", "CALLOWAY-REYES JUNE M TR", "PO BOX 30718, PHOENIX AZ 85046"]),
    ("parcel_50119244.json", G3, "geojson_feature", FG3,
     ["HALVORSEN ERIK & MAREN", "4410 SUNNYSIDE AVE N, SEATTLE WA 98103"]),
    ("parcel_11830907.json", C1, "condo_nested", FC1,
     ["WIERZBICKI TOMASZ K", "WIERZBICKI LENA", "2205 W KNOX RD APT 7"]),
    ("parcel_21733508.json", C2, "condo_nested", FC2,
     ["Marguerite O Adebayo-Finch", "9 Larkspur Ct, Flagstaff AZ 86001"]),
    ("parcel_21344090.json", V1, "valuation_history", FV1,
     ["Okonkwo-Baird Simone", "318 Alder Bend Rd, Missoula MT 59802"]),
    ("parcel_30418552.json", V2, "valuation_history", FV2, ["LINDGREN-OSEI PETRA", "PO BOX 1187, SEDONA AZ 86339"]),
    ("parcel_13315072.json", R1, "renamed_keys", FR1,
     ["PRZYBYLSKI HUGO", "6120 N 19TH AVE APT 210, PHOENIX AZ 85015"]),
    ("parcel_21752118.json", R2, "renamed_keys", FR2,
     ["VASQUEZ-HOLLOWAY DARIUS", "1408 Juniper Terrace, Boulder CO 80304"]),
    ("parcel_50228019.json", R3, "renamed_keys", FR3,
     ["DRUMMOND-ACHTERBERG KEES", "PO BOX 5521, GLENDALE AZ 85312"]),
)


def build() -> None:
    """Write the assessor-shape records and their labels into the classes landing zone."""
    for name, record, layout, f, pii in RECORDS:
        write("maricopa_county", name, json.dumps(record, indent=1).encode(), layout, f, pii=pii)
