"""The measurement sets (samples/blind, samples/fresh) are well-formed and regenerate byte for byte.

These tests check the sets themselves, never extraction accuracy: every landing file has a
label and every label a landing file, every label carries the 34 contract fields with the
contract's types and vocabularies, and the labels obey the normalization rules of
samples/README.md. Accuracy on a set is measured with `property-pipeline evaluate`, once per
change, by whoever measures it; nobody tunes on these sets.

samples/fresh was written later, with stricter rules checked on top (`strict`): one landing day,
files named after their MLS number or APN, lot sizes rounded as the README says, no personal
string inside a labelled value, the remarks and MLS number written on the page.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
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

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LABEL_KEYS = {"layout", "disposition", "reason_hint", "pii", "fields"}
DISPOSITIONS = {"valid", "quarantined", "dead_letter"}
SQFT_PER_ACRE = 43_560
STR_FIELDS = frozenset(PROPERTY_FIELDS) - INT_FIELDS - FLOAT_FIELDS - BOOL_FIELDS
LISTING_ONLY = ("listing_id", "standard_status", "list_price", "bedrooms_total", "bathrooms_full",
                "bathrooms_half", "bathrooms_total_integer", "public_remarks")


@dataclass(frozen=True)
class MeasurementSet:
    name: str
    builder: str  # the generator script in the set's folder
    min_families: int  # listing layouts with three or more pages
    min_pages: int
    min_records: int
    strict: bool = False
    day: str | None = None

    @property
    def root(self) -> Path:
        return SAMPLES / self.name

    @property
    def landing(self) -> Path:
        return self.root / "landing"

    @property
    def expected(self) -> Path:
        return self.root / "expected"

    def landing_files(self) -> list[str]:
        """Landing files, collector temp names left out (never read by the pipeline, never labeled)."""
        return sorted(p.relative_to(self.landing).as_posix() for p in self.landing.glob("*/*/*")
                      if p.is_file() and not (p.name.startswith(".") or p.name.endswith((".tmp", ".part"))))

    @cached_property
    def labels(self) -> dict[str, dict]:
        return {p.relative_to(self.expected).as_posix().removesuffix(".json"): json.loads(p.read_text(encoding="utf-8"))
                for p in sorted(self.expected.glob("*/*/*.json"))}

    def is_record(self, path: str) -> bool:
        return path.startswith("maricopa_county/")


SETS = (
    MeasurementSet("blind", "build_blind.py", min_families=6, min_pages=22, min_records=6),
    MeasurementSet("fresh", "build_fresh.py", min_families=7, min_pages=24, min_records=6, strict=True, day="2026-11-29"),
)
FILES = [pytest.param(s, path, id=f"{s.name}:{path}") for s in SETS for path in sorted(s.labels)]


@pytest.mark.parametrize("mset", SETS, ids=lambda s: s.name)
def test_every_landing_file_has_a_label_and_every_label_a_file(mset):
    files = mset.landing_files()
    pages = [p for p in mset.labels if not mset.is_record(p)]
    assert len(pages) >= mset.min_pages and len(mset.labels) - len(pages) >= mset.min_records, f"{mset.name} lost files"
    labels = set(mset.labels)
    assert set(files) == labels, {"unlabeled": set(files) - labels, "orphan labels": labels - set(files)}
    if mset.day:
        assert all(path.split("/")[1] == mset.day for path in files), "every file lands on the set's one day"


@pytest.mark.parametrize("mset", SETS, ids=lambda s: s.name)
def test_listing_layout_families_are_varied(mset):
    mls = Counter(lab["layout"] for path, lab in mset.labels.items() if not mset.is_record(path))
    county = Counter(lab["layout"] for path, lab in mset.labels.items() if mset.is_record(path))
    assert sum(1 for n in mls.values() if n >= 3) >= mset.min_families, mls
    assert len(county) >= 6, county


@pytest.mark.parametrize("mset, path", FILES)
def test_label_shape_and_contract_types(mset, path):
    lab = mset.labels[path]
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


@pytest.mark.parametrize("mset, path", FILES)
def test_label_vocabularies_and_normalization(mset, path):
    f = mset.labels[path]["fields"]
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
        if mset.strict:
            assert f["lot_size_square_feet"] == round(f["lot_size_square_feet"]), "sq ft to whole feet"
            assert f["lot_size_acres"] == round(f["lot_size_acres"], 4), "acres to 4 decimals"
    if f["association_fee"] is not None:
        assert f["association_yn"] is True and f["association_fee_frequency"] is not None
    if mset.strict and f["property_type"] == "Land":
        assert f["property_sub_type"] is None and f["bedrooms_total"] is None, "land states no home facts"
    if (f["full_cash_value"] is None) != (f["tax_year"] is None):
        pytest.fail("full_cash_value and tax_year come together from one valuation year")


@pytest.mark.parametrize("mset, path", FILES)
def test_source_specific_rules(mset, path):
    """Assessor records state no listing facts; listings outside Arizona are quarantined as out of area."""
    lab, f = mset.labels[path], mset.labels[path]["fields"]
    if mset.is_record(path):
        assert all(f[name] is None for name in LISTING_ONLY)
        assert f["parcel_number"] is not None and lab["disposition"] == "valid"
        if mset.strict:
            assert f["state_or_province"] == "AZ", "every county record is in Arizona"
            assert path.endswith(f"/parcel_{f['parcel_number']}.json"), "file named after its APN"
        return
    assert path.startswith("phoenix_mls/") and path.endswith(".html")
    assert f["listing_id"] is not None and f["list_price"] is not None
    if mset.strict:
        assert re.fullmatch(r"[67]\d{7}", f["listing_id"]), "MLS numbers are 8 digits starting 6 or 7"
        assert path.endswith(f"/mls_{f['listing_id']}.html"), "file named after its MLS number"
    outside = f["state_or_province"] not in (None, "AZ")
    assert outside == (lab["disposition"] == "quarantined")
    if outside:
        assert lab["reason_hint"] == "out_of_area"


@pytest.mark.parametrize("mset, path", FILES)
def test_pii_strings_are_in_the_raw_file(mset, path):
    raw = (mset.landing / path).read_text(encoding="utf-8")
    values = [v for v in mset.labels[path]["fields"].values() if isinstance(v, str)]
    for text in mset.labels[path]["pii"]:
        assert text in raw, text
        if mset.strict:
            assert not any(text in v for v in values), f"{text!r} would have to reach an output"
    if mset.is_record(path):
        json.loads(raw)  # every assessor record in a set is valid JSON


@pytest.mark.parametrize("mset, path", [p for p in FILES if p.values[0].strict and not p.values[0].is_record(p.values[1])])
def test_remarks_and_identity_are_written_on_the_page(mset, path):
    """The labelled remarks are the page's text (entities decoded) and the MLS number is on the page."""
    raw = html.unescape((mset.landing / path).read_text(encoding="utf-8"))
    f = mset.labels[path]["fields"]
    assert f["listing_id"] in raw
    if f["public_remarks"] is not None:
        assert f["public_remarks"] in raw or json.dumps(f["public_remarks"], ensure_ascii=False)[1:-1] in raw


@pytest.mark.parametrize("mset", SETS, ids=lambda s: s.name)
def test_generator_rebuilds_the_set_byte_for_byte(mset, tmp_path):
    spec = importlib.util.spec_from_file_location(mset.builder.removesuffix(".py"), mset.root / mset.builder)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    built = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    shipped = sorted(p.relative_to(mset.root).as_posix() for d in (mset.landing, mset.expected) for p in d.rglob("*") if p.is_file())
    assert built == shipped
    for rel in built:
        assert (tmp_path / rel).read_bytes() == (mset.root / rel).read_bytes(), rel
