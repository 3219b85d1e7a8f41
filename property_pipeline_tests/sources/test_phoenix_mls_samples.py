"""Every labelled Phoenix MLS sample page: dead letters raise, valid pages extract accurately by rules."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from property_pipeline.sources.base import SourceError
from property_pipeline.sources.phoenix_mls import extract_rules, parse

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PAGES = sorted(p for p in (SAMPLES / "landing" / "phoenix_mls").glob("*/*.html") if not p.name.startswith("."))
MIN_ACCURACY = 0.85
NEVER_INVENTED = ("bedrooms_total", "list_price", "parcel_number")


def _label(page: Path) -> dict | None:
    label = SAMPLES / "expected" / page.relative_to(SAMPLES / "landing").parent / (page.name + ".json")
    return json.loads(label.read_text()) if label.exists() else None


def _same(got, want) -> bool:
    if isinstance(want, bool) or isinstance(got, bool):
        return got is want
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(got, want, rel_tol=1e-3, abs_tol=0.01)
    if isinstance(want, str) and isinstance(got, str):
        return " ".join(got.split()).lower() == " ".join(want.split()).lower()
    return got == want


def test_samples_are_present_and_labelled():
    assert len(PAGES) >= 16
    assert all(_label(page) is not None for page in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.name}" for p in PAGES])
def test_sample_page(page: Path):
    label = _label(page)
    raw = page.read_bytes()
    if label["disposition"] == "dead_letter":
        with pytest.raises(SourceError):
            parse(raw)
        return
    doc = parse(raw)
    values = extract_rules(doc).values
    expected = {k: v for k, v in label["fields"].items() if v is not None}
    wrong = {k: (values.get(k), v) for k, v in expected.items() if not _same(values.get(k), v)}
    accuracy = 1 - len(wrong) / len(expected)
    assert accuracy >= MIN_ACCURACY, f"{accuracy:.2f} on {label['layout']}: {wrong}"
    invented = {k: values[k] for k in NEVER_INVENTED if label["fields"].get(k) is None and k in values}
    assert not invented


def test_compact_text_is_a_tenth_of_the_page():
    ratios = []
    for page in PAGES:
        label = _label(page)
        if label is None or label["disposition"] != "valid":
            continue
        raw = page.read_bytes()
        ratios.append(len(parse(raw).text.encode()) / len(raw))
    ratios.sort()
    assert ratios and ratios[len(ratios) // 2] <= 0.1
