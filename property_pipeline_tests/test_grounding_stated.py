"""Grounding of values that carry their own polarity or vocabulary: an HOA stated or denied, half
baths stated or not, a bath total as stated, a dwelling kind and a status in the words pages use.
These decide a rules/LLM disagreement (`merge.settle_conflict`) where a field word alone grounded
both sides of it."""

from __future__ import annotations

import pytest

from property_pipeline.extraction.grounding import is_grounded
from property_pipeline.extraction.merge import merge
from property_pipeline.sources.base import RuleExtraction

TAGS = "3 bedrooms\n2 baths\nPatio Home \u00b7 Community pool \u00b7 $132/mo HOA\nFor sale"


@pytest.mark.parametrize("text, exists, grounded", [
    (TAGS, True, True), (TAGS, False, False),
    ("No HOA", False, True), ("No HOA", True, False),
    ("HOA fees: None", False, True), ("HOA: N", False, True), ("HOA: Y $390/Qtr", True, True),
    ("HOA: Y $390/Qtr", False, False), ("HOA Name: Sunset Ridge", True, False),
])
def test_an_association_is_grounded_by_what_the_page_says_of_it(text, exists, grounded):
    assert is_grounded("association_yn", exists, text) is grounded


@pytest.mark.parametrize("text, half, grounded", [
    ("2 baths", 0, True), ("2 baths", 1, False), ("2.5 bathrooms", 1, True), ("2.5 bathrooms", 0, False),
    ("Half baths: 0", 0, True), ("Baths: 2 full, 0 half", 0, True), ("Full/Half Baths: 3/1", 1, True),
])
def test_half_baths_are_grounded_only_where_a_half_bath_is_stated(text, half, grounded):
    assert is_grounded("bathrooms_half", half, text) is grounded


def test_a_bath_total_is_grounded_as_stated_or_left_to_the_parts():
    assert is_grounded("bathrooms_total_integer", 2, "2 baths") is True
    assert is_grounded("bathrooms_total_integer", 3, "2.5 baths") is True
    assert is_grounded("bathrooms_total_integer", 3, "2 baths") is None


def test_a_dwelling_kind_and_a_status_in_the_page_words():
    assert is_grounded("property_sub_type", "Patio Home", TAGS) is True
    assert is_grounded("property_sub_type", "Single Family Residence", TAGS) is False
    assert is_grounded("property_sub_type", "Condominium", "Type: Apartment Style/Flat") is True
    assert is_grounded("standard_status", "Active", TAGS) is True
    assert is_grounded("standard_status", "Active Under Contract", TAGS) is False
    assert is_grounded("standard_status", "Closed", "Stat: C") is True


def test_a_phrase_the_page_grounds_beats_a_disagreeing_llm_value():
    rules = RuleExtraction(
        values={"property_sub_type": "Patio Home", "association_yn": True, "bathrooms_full": 2, "bathrooms_half": 0,
                "bathrooms_total_integer": 2, "standard_status": "Active"},
        evidence={"property_sub_type": "text", "association_yn": "text", "bathrooms_full": "text",
                  "bathrooms_half": "text", "bathrooms_total_integer": "text", "standard_status": "text"},
    )
    llm = {"property_sub_type": "Single Family Residence", "association_yn": False, "bathrooms_full": 2,
           "bathrooms_half": 1, "bathrooms_total_integer": 3, "standard_status": "Active Under Contract"}
    merged = merge(rules, llm, TAGS)
    for name in ("property_sub_type", "association_yn", "bathrooms_half", "bathrooms_total_integer", "standard_status"):
        assert merged.values[name] == rules.values[name] and merged.sources[name] == "rules", name


def test_a_bath_total_is_the_count_beside_the_bath_word_not_the_bed_count():
    line = "4 beds | 3 baths | 2,366 sq ft"
    assert is_grounded("bathrooms_total_integer", 3, line) is True
    assert is_grounded("bathrooms_total_integer", 4, line) is None


def test_a_property_type_is_grounded_by_its_word_or_a_dwelling_kind():
    assert is_grounded("property_type", "Residential", "Type: SF-Det") is True
    assert is_grounded("property_type", "Residential", "This 4 bed, 3 bath home has a loft.") is False
    assert is_grounded("property_type", "Land", "Vacant lot, 2.07 acres") is True
    assert is_grounded("property_type", "Manufactured In Park", "Manufactured home in an all-ages park") is True


def test_a_remarks_only_fact_read_from_its_sentence_stands_on_a_tie():
    rules = RuleExtraction(values={"list_price": 474500.0}, evidence={"list_price": "prose"})
    merged = merge(rules, {"list_price": 521950.0}, "Offered at $474,500, this 4 bed, 3 bath home has 2,231 sq ft.")
    assert merged.values["list_price"] == 474500.0 and merged.sources["list_price"] == "rules"


def test_a_pool_on_a_line_of_items_is_judged_item_by_item_and_a_carport_is_no_garage():
    line = "Single Family \u00b7 Private pool \u00b7 No HOA"
    assert is_grounded("pool_private_yn", True, line) is True
    assert is_grounded("pool_private_yn", False, line) is False
    assert is_grounded("garage_spaces", 2, "2 carport") is False
    assert is_grounded("garage_spaces", 2, "Garage spaces: 2") is True
