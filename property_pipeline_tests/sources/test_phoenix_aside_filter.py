"""Sections about other listings are dropped, but never the block holding the page's own listing.

A street may be named like a section ("W Indian School Rd", "E Nearby Ave"): renaming the streets of
every valid sample page to the words the aside filter keys on must not change what is extracted.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from property_pipeline.sources.phoenix_mls import extract_rules, parse

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ASIDE_WORDS = ("Indian School", "Nearby", "Similar", "Schools", "Recommended", "Comparable", "Price History",
               "Sold", "Recently Sold", "Other Homes", "Sponsored", "Comps")
DIRECTIONS = {"N", "S", "E", "W", "NE", "NW", "SE", "SW"}


def _valid_pages() -> list[tuple[Path, dict]]:
    pages = []
    for base in (SAMPLES, SAMPLES / "holdout"):
        for page in sorted((base / "landing" / "phoenix_mls").glob("*/*.html")):
            label_path = base / "expected" / page.relative_to(base / "landing").parent / (page.name + ".json")
            if label_path.exists():
                label = json.loads(label_path.read_text())
                if label["disposition"] == "valid":
                    pages.append((page, label))
    return pages


def _street_word(fields: dict) -> str | None:
    """The street's name word ("Campbell" in "E Campbell Ave"), when renaming it touches nothing else."""
    words = [w for w in (fields.get("street_name") or "").split() if w.upper() not in DIRECTIONS]
    if len(words) < 2 or not words[0].isalpha():
        return None
    word = words[0].lower()
    if word in (fields.get("city") or "").lower() or word in (fields.get("subdivision_name") or "").lower():
        return None
    return words[0]


CASES = [(page, label, word) for page, label in _valid_pages() if _street_word(label["fields"])
         for word in ASIDE_WORDS]


def _renamer(old: str, new: str):
    pattern = re.compile(re.escape(old), re.IGNORECASE)

    def rename(text: str) -> str:
        return pattern.sub(lambda m: new.upper() if m.group().isupper() else new.lower() if m.group().islower() else new,
                           text)

    return rename


def test_enough_pages_are_renamed():
    assert len({page for page, _, _ in CASES}) >= 25


@pytest.mark.parametrize("page,label,word", CASES,
                         ids=[f"{p.name}-{w.replace(' ', '_')}" for p, _, w in CASES])
def test_renamed_street_extracts_the_same_record(page: Path, label: dict, word: str):
    rename = _renamer(_street_word(label["fields"]), word)
    before = extract_rules(parse(page.read_bytes())).values
    raw = rename(page.read_text(encoding="utf-8", errors="surrogateescape")).encode("utf-8", "surrogateescape")
    after = extract_rules(parse(raw)).values
    expected = {k: rename(v) if isinstance(v, str) else v for k, v in before.items()}
    assert after == expected


def _page(body: str, title: str = "") -> bytes:
    head = f"<title>{title}</title>" if title else ""
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def test_facts_table_captioned_with_a_school_street_is_read():
    body = """<table><caption>1420 W Indian School Rd, Phoenix, AZ 85015</caption>
      <tr><th>List Price</th><td>$415,000</td></tr><tr><th>Beds</th><td>3</td></tr>
      <tr><th>MLS #</th><td>6543210</td></tr></table>"""
    values = extract_rules(parse(_page(body))).values
    assert values["list_price"] == 415000 and values["bedrooms_total"] == 3
    assert values["unparsed_address"] == "1420 W Indian School Rd, Phoenix, AZ 85015"


def test_facts_under_a_nearby_schools_heading_that_name_the_page_address_are_read():
    body = """<h1>Listing details</h1><section><h2>Nearby Schools and Neighborhood</h2>
      <p>1420 W Indian School Rd, Phoenix, AZ 85015</p>
      <table><tr><th>List Price</th><td>$415,000</td></tr><tr><th>Beds</th><td>3</td></tr></table></section>"""
    values = extract_rules(parse(_page(body, "1420 W Indian School Rd, Phoenix, AZ 85015 | MLS# 6543210"))).values
    assert values["list_price"] == 415000 and values["bedrooms_total"] == 3


def test_history_and_similar_homes_sections_stay_dropped():
    body = """<h1>1420 W Indian School Rd, Phoenix, AZ 85015</h1>
      <table><tr><th>List Price</th><td>$415,000</td></tr><tr><th>Beds</th><td>3</td></tr></table>
      <section><h2>Sale and tax history for 1420 W Indian School Rd</h2>
        <table><tr><th>List Price</th><td>$199,000</td></tr><tr><th>Beds</th><td>2</td></tr></table></section>
      <section class="similar-homes"><h2>Similar homes</h2>
        <table><tr><th>List Price</th><td>$510,000</td></tr><tr><th>Beds</th><td>5</td></tr></table></section>"""
    rules = extract_rules(parse(_page(body)))
    assert rules.values["list_price"] == 415000 and rules.values["bedrooms_total"] == 3
    assert not rules.ambiguous
