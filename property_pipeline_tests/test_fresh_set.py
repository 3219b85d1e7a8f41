"""The fresh measurement set (samples/fresh) is well-formed and regenerates byte for byte.

These tests check the set itself, never extraction accuracy: every landing file has a
label and every label a landing file, every label carries the 34 contract fields with the
contract's types and vocabularies, and the labels obey the normalization rules of
samples/README.md. Accuracy on the set is measured once, with `property-pipeline evaluate`,
by whoever measures a change; nobody tunes on it.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from property_pipeline.contract import (
    BOOL_FIELDS,
    FEE_FREQUENCIES,
    FLOAT_FIELDS,
    INT_FIELDS,
    PROPERTY_FIELDS,
    PROPERTY_SUB_TYPES,
    PROPERTY_TYPES,
    STANDARD_STATUSES,
)

FRESH = Path(__file__).resolve().parent.parent / "samples" / "fresh"
LANDING, EXPECTED = FRESH / "landing", FRESH / "expected"
DAY = "2026-11-29"
LABEL_KEYS = {"layout", "disposition", "reason_hint", "pii", "fields"}
DISPOSITIONS = {"valid", "quarantined", "dead_letter"}
SQFT_PER_ACRE = 43_560
STR_FIELDS = frozenset(PROPERTY_FIELDS) - INT_FIELDS - FLOAT_FIELDS - BOOL_FIELDS


def _is_temp(name: str) -> bool:
    """Collector temp names (never read by the pipeline, never labeled)."""
    return name.startswith(".") or name.endswith((".tmp", ".part"))


def _landing_files() -> list[str]:
    return sorted(p.relative_to(LANDING).as_posix() for p in LANDING.glob("*/*/*")
                  if p.is_file() and not _is_temp(p.name))


def _labels() -> dict[str, dict]:
    return {p.relative_to(EXPECTED).as_posix().removesuffix(".json"): json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(EXPECTED.glob("*/*/*.json"))}


LABELS = _labels()
PAGES = {path: lab for path, lab in LABELS.items() if path.startswith("phoenix_mls/")}
RECORDS = {path: lab for path, lab in LABELS.items() if path.startswith("maricopa_county/")}


def test_every_landing_file_has_a_label_and_every_label_a_file():
    files = _landing_files()
    assert len(PAGES) >= 24 and len(RECORDS) >= 6, "the fresh set lost files"
    assert set(files) == set(LABELS), {"unlabeled": set(files) - set(LABELS), "orphan labels": set(LABELS) - set(files)}
    assert all(path.split("/")[1] == DAY for path in files), "every file lands on the set's one day"


def test_listing_layout_families_are_varied():
    """At least seven listing families with three or more pages each, and six or more assessor shapes."""
    mls = Counter(lab["layout"] for lab in PAGES.values())
    county = Counter(lab["layout"] for lab in RECORDS.values())
    assert sum(1 for n in mls.values() if n >= 3) >= 7, mls
    assert len(county) >= 6, county


@pytest.mark.parametrize("path", sorted(LABELS))
def test_label_shape_and_contract_types(path):
    lab = LABELS[path]
    assert set(lab) == LABEL_KEYS
    assert lab["disposition"] in DISPOSITIONS
    assert (lab["reason_hint"] is None) == (lab["disposition"] == "valid"), "only non-valid files carry a reason"
    assert isinstance(lab["layout"], str) and lab["layout"]
    assert isinstance(lab["pii"], list) and all(isinstance(s, str) and s for s in lab["pii"])
    fields = lab["fields"]
    assert list(fields) == list(PROPERTY_FIELDS) and len(fields) == 34
    for name, value in fields.items():
        if value is None:
            continue
        if name in BOOL_FIELDS:
            assert isinstance(value, bool), name
        elif name in INT_FIELDS:
            assert isinstance(value, int) and not isinstance(value, bool), name
        elif name in FLOAT_FIELDS:
            assert isinstance(value, float), name
        else:
            assert name in STR_FIELDS and isinstance(value, str) and value.strip() == value and value, name


@pytest.mark.parametrize("path", sorted(LABELS))
def test_label_vocabularies_and_normalization(path):
    f = LABELS[path]["fields"]
    vocab = {"standard_status": STANDARD_STATUSES, "property_type": PROPERTY_TYPES,
             "property_sub_type": PROPERTY_SUB_TYPES, "association_fee_frequency": FEE_FREQUENCIES}
    for name, allowed in vocab.items():
        assert f[name] is None or f[name] in allowed, (name, f[name])
    assert f["parcel_number"] is None or re.fullmatch(r"\d{8}[A-Z]?", f["parcel_number"])
    assert f["postal_code"] is None or re.fullmatch(r"\d{5}", f["postal_code"])
    assert f["state_or_province"] is None or re.fullmatch(r"[A-Z]{2}", f["state_or_province"])
    assert f["city"] is None or f["city"] == f["city"].title()
    if f["street_number"] is not None:
        unit = f" Unit {f['unit_number']}" if f["unit_number"] else ""
        assert f["unparsed_address"] == (f"{f['street_number']} {f['street_name']}{unit}, {f['city']}, "
                                         f"{f['state_or_province']} {f['postal_code']}")
    if f["bathrooms_full"] is not None:
        assert f["bathrooms_total_integer"] == f["bathrooms_full"] + (f["bathrooms_half"] or 0)
    assert (f["lot_size_square_feet"] is None) == (f["lot_size_acres"] is None), "lot units out of step"
    if f["lot_size_acres"] is not None:
        assert f["lot_size_square_feet"] == pytest.approx(f["lot_size_acres"] * SQFT_PER_ACRE, rel=0.01)
        assert f["lot_size_square_feet"] == round(f["lot_size_square_feet"]), "sq ft to whole feet"
        assert f["lot_size_acres"] == round(f["lot_size_acres"], 4), "acres to 4 decimals"
    if f["association_fee"] is not None:
        assert f["association_yn"] is True and f["association_fee_frequency"] is not None
    if f["property_type"] == "Land":
        assert f["property_sub_type"] is None and f["bedrooms_total"] is None, "land states no home facts"
    if (f["full_cash_value"] is None) != (f["tax_year"] is None):
        pytest.fail("full_cash_value and tax_year come together from one valuation year")


@pytest.mark.parametrize("path", sorted(LABELS))
def test_source_specific_rules(path):
    """Assessor records state no listing facts; listings outside Arizona are quarantined as out of area."""
    lab, f = LABELS[path], LABELS[path]["fields"]
    if path in RECORDS:
        listing_only = ("listing_id", "standard_status", "list_price", "bedrooms_total", "bathrooms_full",
                        "bathrooms_half", "bathrooms_total_integer", "public_remarks")
        assert all(f[name] is None for name in listing_only)
        assert f["parcel_number"] is not None and lab["disposition"] == "valid"
        assert f["state_or_province"] == "AZ", "every county record is in Arizona"
        assert path.endswith(f"/parcel_{f['parcel_number']}.json"), "file named after its APN"
    else:
        assert path.endswith(".html")
        assert f["listing_id"] is not None and f["list_price"] is not None
        assert re.fullmatch(r"[67]\d{7}", f["listing_id"]), "MLS numbers are 8 digits starting 6 or 7"
        assert path.endswith(f"/mls_{f['listing_id']}.html"), "file named after its MLS number"
        outside = f["state_or_province"] not in (None, "AZ")
        assert outside == (lab["disposition"] == "quarantined")
        if outside:
            assert lab["reason_hint"] == "out_of_area"


@pytest.mark.parametrize("path", sorted(LABELS))
def test_pii_strings_are_in_the_raw_file_and_in_no_label_value(path):
    raw = (LANDING / path).read_text(encoding="utf-8")
    values = [v for v in LABELS[path]["fields"].values() if isinstance(v, str)]
    for text in LABELS[path]["pii"]:
        assert text in raw, text
        assert not any(text in v for v in values), f"{text!r} would have to reach an output"
    if path in RECORDS:
        json.loads(raw)  # every assessor record in the set is valid JSON


@pytest.mark.parametrize("path", sorted(PAGES))
def test_remarks_and_identity_are_written_on_the_page(path):
    """The labelled remarks are the page's text (entities decoded) and the MLS number is on the page."""
    raw = html.unescape((LANDING / path).read_text(encoding="utf-8"))
    f = LABELS[path]["fields"]
    assert f["listing_id"] in raw
    if f["public_remarks"] is not None:
        assert f["public_remarks"] in raw or json.dumps(f["public_remarks"], ensure_ascii=False)[1:-1] in raw


def test_generator_rebuilds_the_set_byte_for_byte(tmp_path):
    spec = importlib.util.spec_from_file_location("build_fresh", FRESH / "build_fresh.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    built = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    shipped = sorted(p.relative_to(FRESH).as_posix() for d in (LANDING, EXPECTED) for p in d.rglob("*") if p.is_file())
    assert built == shipped
    for rel in built:
        assert (tmp_path / rel).read_bytes() == (FRESH / rel).read_bytes(), rel
