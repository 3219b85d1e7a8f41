"""Assessor records say where each value was read (`RuleExtraction.evidence` -> `field_evidence`)."""

from __future__ import annotations

import json

from property_pipeline.sources import get_source

SOURCE = get_source("maricopa_county")


def rules(obj, name: str = ""):
    return SOURCE.extract_rules(SOURCE.parse(json.dumps(obj).encode(), name=name))


def test_api_bundle_values_are_assessor_api():
    found = rules({"apn": "123-45-678", "parcel": {"APN": "123-45-678", "PropertyAddress": "4521 W 43RD AVE PHOENIX AZ 85031"},
                   "residential_details": {"LivableSpace": "1850"}, "valuations": [{"TaxYear": "2026", "FullCashValue": "420000"}]})
    assert set(found.evidence) == set(found.values)
    assert set(found.evidence.values()) == {"assessor_api"}


def test_gis_and_search_records_name_their_kind():
    gis = rules({"attributes": {"APN": "301.22.045", "PHYSICAL_ADDRESS": "815 N 52ND ST", "PHYSICAL_CITY": "MESA", "LIVING_SPACE": "1420"}})
    assert gis.evidence["parcel_number"] == gis.evidence["living_area"] == "assessor_gis"
    search = rules({"Results": [{"APN": "301-22-045", "SitusAddress": "815 N 52ND ST MESA AZ 85205", "SubdivisonName": "DESERT GLEN"}]})
    assert search.values["parcel_number"] == "30122045"
    assert set(search.evidence.values()) == {"assessor_search"}
    assert set(search.evidence) == set(search.values)


def test_apn_only_in_the_file_name_is_file_name_evidence():
    found = rules([{"TaxYear": "2026", "FullCashValue": "420000"}], name="parcel_30122045.json")
    assert found.values["parcel_number"] == "30122045"
    assert found.evidence["parcel_number"] == "file_name"
    assert found.evidence["full_cash_value"] == "assessor_api"
    stated = rules({"APN": "301-22-045", "LivableSpace": "1420"}, name="parcel_30122045.json")
    assert stated.evidence["parcel_number"] == "assessor_api"
