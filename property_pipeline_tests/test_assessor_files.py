"""Assessor files nobody here wrote, end to end through extraction and validation: renamed and
nested keys, planted owner names, the search shape, detail responses saved without identity,
duplicate keys, a future tax year, LPV above FCV, scientific notation and unsettled numbers."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from property_pipeline.contract import EXTRACTED_COLUMNS
from property_pipeline.extraction.extractor import Extractor
from property_pipeline.landing import scan_partition
from property_pipeline.quality.privacy import personal_data_findings
from property_pipeline.quality.validate import validate_records
from property_pipeline.sources import get_source

DAY = dt.date(2026, 11, 24)
SOURCE = get_source("maricopa_county")
OWNERS = ("QUENTIN ZARDOZ", "ZELDA QUIMBY", "XAVIER QUORRA", "YOLO ZYZZYX")

SEARCH = {
    "APN": "173-35-524",
    "MCR": "15713",
    "SubdivisonName": "CAMELBACK HOUSE",
    "SectionTownshipRange": "22 2N 4E",
    "Ownership": "ZARDOZ QUENTIN",
    "SitusAddress": "4600 N 68TH ST",
    "SitusCity": "SCOTTSDALE",
    "SitusZip": "85251",
    "PropertyType": "CONDOMINIUMS",
    "RentalID": "RE-44120",
}
FLAT_PARCEL = {
    "APN": "217-58-334",
    "PropertyAddress": "10342 E SHEENA DR SCOTTSDALE, AZ 85255",
    "SubdivisionName": "DESERT SUMMIT",
    "LotSize": "9,120",
    "Owner": {"Ownership": "ZELDA QUIMBY", "MailingAddress1": "PO BOX 1", "InCareOf": "XAVIER QUORRA"},
    "NAME1": "YOLO ZYZZYX",
    "PropertyDescription": "DESERT SUMMIT LOT 12 YOLO ZYZZYX TR",
    "ResidentialPropertyData": {"LivableSpace": "2,140", "ConstructionYear": "1999", "Pool": "410"},
    "Valuations": [
        {"TaxYear": "2026", "FullCashValue": "4.713E5", "LimitedPropertyValue": "389 120"},
        {"TaxYear": "2025", "FullCashValue": "450000", "LimitedPropertyValue": "370000"},
    ],
    "Geo": {"lat": "33.6201", "long": "-111.8602"},
}
VALUATIONS_ONLY = [
    {"TaxYear": 2026, "FullCashValue": "301,000", "LimitedPropertyValue": "255,000"},
    {"TaxYear": 2027, "FullCashValue": "315,000", "LimitedPropertyValue": "262,000"},
]
DETAILS_ONLY = {"LivableSpace": "1420", "ConstructionYear": "1985", "NumberOfGarages": "2", "Pool": None}
IMPROVEMENTS_ONLY = [{"ImprovementSquareFootage": "1420", "ImprovementDescription": "Single Family"}]


def api(apn: str, fcv: str, lpv: str, year: int = 2026, **extra) -> dict:
    return {
        "apn": apn,
        "parcel": {"APN": apn, "PropertyAddress": "815 N 52ND ST MESA AZ 85205", "IsResidential": "true", **extra},
        "residential_details": {"LivableSpace": "1420"},
        "valuations": [{"TaxYear": year, "FullCashValue": fcv, "LimitedPropertyValue": lpv}],
    }


FILES: dict[str, bytes] = {
    "search-173-35-524.json": json.dumps(SEARCH).encode(),
    "parcel-217-58-334.json": json.dumps(FLAT_PARCEL).encode(),
    "parcel-301-22-045.json": json.dumps(VALUATIONS_ONLY).encode(),
    "parcel_30122046A.json": json.dumps(DETAILS_ONLY).encode(),
    "parcel-301.22.047.json": json.dumps(IMPROVEMENTS_ONLY).encode(),
    "details_without_name.json": json.dumps({**DETAILS_ONLY, "LivableSpace": "1421"}).encode(),
    "duplicate.json": (
        b'{"apn": "301-22-048", "parcel": {"APN": "301-22-048", "PropertyAddress": "815 N 52ND ST MESA AZ 85205",'
        b' "LotSize": "8000", "LotSize": "80000"}, "valuations": []}'
    ),
    "future.json": json.dumps(
        {**api("301-22-049", "300000", "250000"), "valuations": [
            {"TaxYear": 2026, "FullCashValue": "300000", "LimitedPropertyValue": "250000"},
            {"TaxYear": 2099, "FullCashValue": "1", "LimitedPropertyValue": "1"},
        ]}
    ).encode(),
    "lpv_above.json": json.dumps(api("301-22-050", "300000", "350000")).encode(),
    "unsettled.json": json.dumps(api("301-22-051", "471.300", "250000")).encode(),
    "clean.json": json.dumps(api("301-22-052", "300000", "250000")).encode(),
    "name_mismatch-301-22-099.json": json.dumps(api("301-22-053", "300000", "250000")).encode(),
}


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    root = tmp_path_factory.mktemp("landing")
    folder = root / "maricopa_county" / DAY.isoformat()
    folder.mkdir(parents=True)
    for name, raw in FILES.items():
        (folder / name).write_bytes(raw)
    result = asyncio.run(Extractor("maricopa_county", root=Path(root)).run(scan_partition(root, "maricopa_county", DAY)))
    records = result.records_frame()
    checked = validate_records(records)
    return {
        "records": {Path(r["source_file"]).name: r for r in records.to_dict("records")},
        "validated": set(checked.validated["source_file"].map(lambda p: Path(p).name)),
        "quarantined": dict(zip(checked.quarantined["source_file"].map(lambda p: Path(p).name), checked.quarantined["quarantine_reason"])),
        "dead": dict(zip(result.dead_letters_frame()["source_file"].map(lambda p: Path(p).name), result.dead_letters_frame()["reason_code"])),
        "frames": {"validated": checked.validated, "quarantined": checked.quarantined, "dead": result.dead_letters_frame()},
    }


def test_every_file_has_one_outcome(outcome):
    seen = list(outcome["validated"]) + list(outcome["quarantined"]) + list(outcome["dead"])
    assert sorted(seen) == sorted(FILES)


def test_search_shape_becomes_a_record(outcome):
    record = outcome["records"]["search-173-35-524.json"]
    assert record["parcel_number"] == "17335524"
    assert record["unparsed_address"] == "4600 N 68th St, Scottsdale, AZ 85251"
    assert record["subdivision_name"] == "Camelback House"
    assert record["property_type"] == "Residential"


def test_flat_parcel_response_with_owner_section(outcome):
    record = outcome["records"]["parcel-217-58-334.json"]
    assert record["parcel_number"] == "21758334"
    assert record["full_cash_value"] == 471300.0  # "4.713E5"
    assert record["limited_property_value"] == 389120.0  # "389 120"
    assert record["living_area"] == 2140.0 and record["year_built"] == 1999
    assert record["lot_size_square_feet"] == 9120 and record["pool_private_yn"] is True
    assert record["latitude"] == pytest.approx(33.6201)


@pytest.mark.parametrize(
    ("name", "apn"),
    [("parcel-301-22-045.json", "30122045"), ("parcel_30122046A.json", "30122046A"), ("parcel-301.22.047.json", "30122047")],
)
def test_detail_responses_take_the_apn_from_the_file_name(outcome, name, apn):
    record = outcome["records"][name]
    assert record["parcel_number"] == apn
    assert record["property_key"] == f"apn:{apn}"


def test_valuations_only_takes_latest_year(outcome):
    record = outcome["records"]["parcel-301-22-045.json"]
    assert (record["tax_year"], record["full_cash_value"], record["limited_property_value"]) == (2027, 315000.0, 262000.0)


def test_details_without_any_identity_is_a_dead_letter(outcome):
    assert outcome["dead"]["details_without_name.json"] == "no_identity"


def test_personal_data_never_reaches_any_output(outcome):
    text = json.dumps({k: v.to_dict("records") for k, v in outcome["frames"].items()}, default=str)
    for owner in OWNERS:
        for word in owner.split():
            assert word not in text
    personal = set().union(*(SOURCE.personal_values(raw) for raw in FILES.values()))
    assert {"ZARDOZ QUENTIN", "ZELDA QUIMBY", "XAVIER QUORRA", "YOLO ZYZZYX"} <= personal
    assert personal_data_findings(outcome["frames"], personal) == []


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("duplicate.json", "duplicate_keys:LotSize"),
        ("future.json", "future_tax_year:2099"),
        ("lpv_above.json", "limited_value_not_above_full_cash_value"),
        ("name_mismatch-301-22-099.json", "conflicting_values:parcel_number"),
    ],
)
def test_planted_or_conflicting_values_are_quarantined_with_the_reason(outcome, name, reason):
    assert name in outcome["quarantined"], name
    assert reason in outcome["quarantined"][name]


def test_future_tax_year_never_wins(outcome):
    record = outcome["records"]["future.json"]
    assert record["tax_year"] == 2026 and record["full_cash_value"] == 300000.0


def test_duplicate_key_value_is_not_silently_chosen(outcome):
    assert pd.isna(outcome["records"]["duplicate.json"]["lot_size_square_feet"])


def test_unsettled_number_is_dropped_with_a_warning_naming_the_field(outcome):
    record = outcome["records"]["unsettled.json"]
    assert pd.isna(record["full_cash_value"])
    assert "unparseable_number:full_cash_value" in record["extraction_warnings"]


def test_clean_file_is_validated(outcome):
    assert "clean.json" in outcome["validated"]


def test_validation_quarantines_by_warning_independently_of_the_extractor():
    """The rule reads the record's warnings: any `duplicate_keys:`/`conflicting_values:` quarantines."""
    base = {c: None for c in EXTRACTED_COLUMNS}
    base.update(
        record_id="r" * 64, source="maricopa_county", source_file="maricopa_county/x.json", collected_on=DAY,
        property_key="apn:12345678", parcel_number="12345678", field_confidence={"parcel_number": 0.95},
        field_sources={}, validation_issues=[], llm_fallback=False,
    )
    rows = [
        {**base, "record_id": "a" * 64, "extraction_warnings": ["duplicate_keys:APN"]},
        {**base, "record_id": "b" * 64, "extraction_warnings": ["conflicting_values:list_price"]},
        {**base, "record_id": "c" * 64, "extraction_warnings": ["unmapped_keys:Heating"], "tax_year": DAY.year + 5},
    ]
    checked = validate_records(pd.DataFrame(rows, columns=list(EXTRACTED_COLUMNS)))
    reasons = dict(zip(checked.quarantined["record_id"], checked.quarantined["quarantine_reason"]))
    assert "duplicate_keys:APN" in reasons["a" * 64]
    assert "conflicting_values:list_price" in reasons["b" * 64]
    assert "tax_year_not_in_future" in reasons["c" * 64]
