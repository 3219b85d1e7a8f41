"""The blind measurement set (samples/blind) is well-formed and regenerates byte for byte.

These tests check the set itself, never extraction accuracy: every landing file has a
label and every label a landing file, every label carries the 34 contract fields with the
contract's types and vocabularies, and the labels obey the normalization rules of
samples/README.md. Accuracy on the set is measured with `property-pipeline evaluate`.
"""

from __future__ import annotations

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

BLIND = Path(__file__).resolve().parent.parent / "samples" / "blind"
LANDING, EXPECTED = BLIND / "landing", BLIND / "expected"
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


def test_every_landing_file_has_a_label_and_every_label_a_file():
    files = _landing_files()
    assert len(files) >= 25, "the blind set lost files"
    assert set(files) == set(LABELS), {"unlabeled": set(files) - set(LABELS), "orphan labels": set(LABELS) - set(files)}


def test_listing_layout_families_are_varied():
    """At least six listing families with three or more pages each, and several assessor shapes."""
    mls = Counter(lab["layout"] for path, lab in LABELS.items() if path.startswith("phoenix_mls/"))
    county = Counter(lab["layout"] for path, lab in LABELS.items() if path.startswith("maricopa_county/"))
    assert sum(1 for n in mls.values() if n >= 3) >= 6, mls
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
    if f["association_fee"] is not None:
        assert f["association_yn"] is True and f["association_fee_frequency"] is not None
    if (f["full_cash_value"] is None) != (f["tax_year"] is None):
        pytest.fail("full_cash_value and tax_year come together from one valuation year")


@pytest.mark.parametrize("path", sorted(LABELS))
def test_source_specific_rules(path):
    """Assessor records state no listing facts; listings outside Arizona are quarantined as out of area."""
    lab, f = LABELS[path], LABELS[path]["fields"]
    if path.startswith("maricopa_county/"):
        listing_only = ("listing_id", "standard_status", "list_price", "bedrooms_total", "bathrooms_full",
                        "bathrooms_half", "bathrooms_total_integer", "public_remarks")
        assert all(f[name] is None for name in listing_only)
        assert f["parcel_number"] is not None and lab["disposition"] == "valid"
    else:
        assert path.startswith("phoenix_mls/") and path.endswith(".html")
        assert f["listing_id"] is not None and f["list_price"] is not None
        outside = f["state_or_province"] not in (None, "AZ")
        assert outside == (lab["disposition"] == "quarantined")
        if outside:
            assert lab["reason_hint"] == "out_of_area"


@pytest.mark.parametrize("path", sorted(LABELS))
def test_pii_strings_are_in_the_raw_file(path):
    raw = (LANDING / path).read_text(encoding="utf-8")
    for text in LABELS[path]["pii"]:
        assert text in raw, text
    if path.startswith("maricopa_county/"):
        json.loads(raw)  # every assessor record in the set is valid JSON


def test_generator_rebuilds_the_set_byte_for_byte(tmp_path):
    spec = importlib.util.spec_from_file_location("build_blind", BLIND / "build_blind.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    built = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    shipped = sorted(p.relative_to(BLIND).as_posix() for d in (LANDING, EXPECTED) for p in d.rglob("*") if p.is_file())
    assert built == shipped
    for rel in built:
        assert (tmp_path / rel).read_bytes() == (BLIND / rel).read_bytes(), rel
