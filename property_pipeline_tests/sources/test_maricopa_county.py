"""The Maricopa County Assessor adapter: both shapes, strings as numbers, PII dropped, bad files."""

from __future__ import annotations

import json

import pytest

from property_pipeline.evaluation import Score
from property_pipeline.sources import SourceError, get_source

from ..conftest import SAMPLE_LANDING, load_labels

SOURCE = get_source("maricopa_county")

API_RECORD = {
    "apn": "123-45-678A",
    "parcel": {
        "APN": "123-45-678A",
        "PropertyAddress": "4521 W 43RD AVE SUN CITY WEST AZ 85375",
        "IsResidential": "true",
        "LotSize": "8712",
        "SubdivisionName": "SUN CITY WEST UNIT 12",
        "Owner": "JANE Q PUBLIC",
        "MailingAddress": {"Street": "PO BOX 77", "City": "BOISE"},
    },
    "residential_details": {"LivableSpace": "1850", "ConstructionYear": "1998", "NumberOfGarages": "2", "Pool": "0"},
    "valuations": [
        {"TaxYear": "2026", "FullCashValue": "420000", "LimitedPropertyValue": "315000"},
        {"TaxYear": "2027", "FullCashValue": "435,100", "LimitedPropertyValue": "330755"},
        {"TaxYear": "2025", "FullCashValue": "400000", "LimitedPropertyValue": "300000"},
    ],
}


def extract(obj) -> dict:
    doc = SOURCE.parse(json.dumps(obj).encode())
    return SOURCE.extract_rules(doc).values


def test_api_shape_latest_year_strings_and_address():
    values = extract(API_RECORD)
    assert values["parcel_number"] == "12345678A"
    assert values["street_number"] == "4521"
    assert values["street_name"] == "W 43rd Ave"
    assert values["city"] == "Sun City West"
    assert values["postal_code"] == "85375"
    assert values["unparsed_address"] == "4521 W 43rd Ave, Sun City West, AZ 85375"
    assert values["tax_year"] == 2027
    assert values["full_cash_value"] == 435100.0
    assert values["limited_property_value"] == 330755.0
    assert values["living_area"] == 1850.0
    assert values["lot_size_square_feet"] == 8712 and values["lot_size_acres"] == 0.2
    assert values["pool_private_yn"] is False
    assert values["property_type"] == "Residential"
    assert "bedrooms_total" not in values and "list_price" not in values


def test_gis_shape():
    values = extract(
        {
            "attributes": {
                "APN": "301.22.045",
                "PHYSICAL_ADDRESS": "815 N 52ND ST",
                "PHYSICAL_CITY": "MESA",
                "PHYSICAL_ZIP": "85205-1234",
                "LAND_SIZE": 6250,
                "CONST_YEAR": "1985",
                "LIVING_SPACE": "1420",
                "FCV_CUR": 301000,
                "LPV_CUR": "255000",
                "LATITUDE": "33.4357",
                "LONGITUDE": -111.7112,
                "OWNER_NAME": "JOHN DOE",
                "MAIL_ADDRESS": "1 MAIN ST",
            }
        }
    )
    assert values["parcel_number"] == "30122045"
    assert values["unparsed_address"] == "815 N 52nd St, Mesa, AZ 85205"
    assert values["latitude"] == pytest.approx(33.4357)
    assert values["longitude"] == pytest.approx(-111.7112)
    assert values["full_cash_value"] == 301000.0


def test_personal_data_never_reaches_text_or_values():
    doc = SOURCE.parse(json.dumps(API_RECORD).encode())
    everything = doc.text + json.dumps(doc.data) + json.dumps(SOURCE.extract_rules(doc).values)
    for secret in ("JANE Q PUBLIC", "PO BOX 77", "BOISE"):
        assert secret not in everything


def test_missing_sections_are_nulls_not_errors():
    values = extract({"apn": "123-45-678", "parcel": {"APN": "123-45-678"}, "residential_details": None, "valuations": None})
    assert values == {"parcel_number": "12345678", "state_or_province": "AZ"}


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"apn": "123-45-678", "parcel": {', "invalid_json"),
        (b"[1, 2, 3]", "not_an_object"),
        (b"42", "not_an_object"),
        (b'{"hello": "world"}', "unknown_shape"),
        (b'{"parcel": {"LotSize": NaN}}', "invalid_json"),
        (b"\xff\xfe\x00garbage", "bad_encoding"),
        (b"[" * 10000 + b"]" * 10000, "too_deep"),
        (b'{"a":' * 5000 + b"1" + b"}" * 5000, "too_deep"),
        (b'{"attributes": {"LAND_SIZE": 5}}', "no_identity"),
    ],
)
def test_bad_files_raise_source_error_with_reason(raw, code):
    with pytest.raises(SourceError) as info:
        SOURCE.parse(raw)
    assert info.value.code == code
    assert info.value.message


LABELS = load_labels("maricopa_county")


@pytest.mark.parametrize("path", sorted(LABELS))
def test_sample_files_match_labels(path):
    label = LABELS[path]
    raw = (SAMPLE_LANDING / path).read_bytes()
    if label["disposition"] == "dead_letter":
        with pytest.raises(SourceError):
            SOURCE.parse(raw)
        return
    doc = SOURCE.parse(raw)
    values = SOURCE.extract_rules(doc).values
    score = Score()
    score.add(label["fields"], values)
    assert score.hallucinated == 0, dict(score.wrong)
    assert score.stated_accuracy >= 0.9, dict(score.wrong)
    for secret in label.get("pii", []):
        assert secret not in doc.text and secret not in json.dumps(values)


def test_samples_cover_both_shapes():
    layouts = {label["layout"] for label in LABELS.values()}
    assert {"api", "gis"} <= layouts, layouts
    assert sum(label["disposition"] != "dead_letter" for label in LABELS.values()) >= 10
