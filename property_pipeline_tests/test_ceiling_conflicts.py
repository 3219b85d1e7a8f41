"""A disagreement between rules and LLM is settled by the page, not by who read the value."""

from __future__ import annotations

from property_pipeline.extraction.llm_step import targeted_fields, unsure_fields
from property_pipeline.extraction.merge import CONFIDENCE, UNRESOLVED_WARNING, merge
from property_pipeline.sources import RuleExtraction, get_source

PAGE = "Offered at $3,295,000\nBeds: 4\nNearby: a similar home sold for $3,150,000 with 5 beds\nYear Built: 2004"


def test_a_grounded_llm_value_beats_a_weakly_evidenced_rule_value():
    rules = RuleExtraction(values={"list_price": 3_150_000.0}, evidence={"list_price": "text"})
    merged = merge(rules, {"list_price": 3_295_000.0}, PAGE)
    assert merged.values["list_price"] == 3_295_000.0
    assert merged.sources["list_price"] == "llm" and merged.evidence["list_price"] == "llm"
    assert merged.conflicts == ["list_price"]
    assert merged.confidence["list_price"] == CONFIDENCE["conflict_settled"]


def test_a_grounded_rule_value_beats_an_ungrounded_llm_value():
    rules = RuleExtraction(values={"bedrooms_total": 4}, evidence={"bedrooms_total": "label"})
    merged = merge(rules, {"bedrooms_total": 5}, PAGE)
    assert merged.values["bedrooms_total"] == 4 and merged.sources["bedrooms_total"] == "rules"
    assert merged.confidence["bedrooms_total"] == CONFIDENCE["conflict_settled"]


def test_without_page_text_the_rules_value_stands_as_before():
    rules = RuleExtraction(values={"bedrooms_total": 4}, evidence={"bedrooms_total": "text"})
    merged = merge(rules, {"bedrooms_total": 5})
    assert merged.values["bedrooms_total"] == 4
    assert merged.confidence["bedrooms_total"] == CONFIDENCE["conflict_rules_kept"]


def test_an_unsettled_disagreement_on_weak_evidence_leaves_the_field_empty_and_flagged():
    # Neither 1975 nor 1985 is stated as the year built; the rules read theirs from prose.
    rules = RuleExtraction(values={"year_built": 1975, "city": "Phoenix"}, evidence={"year_built": "text"})
    merged = merge(rules, {"year_built": 1985}, PAGE)
    assert "year_built" not in merged.values and "year_built" not in merged.confidence
    assert UNRESOLVED_WARNING + "year_built" in merged.warnings
    assert merged.values["city"] == "Phoenix"


def test_a_labelled_rule_value_stands_on_a_tie():
    rules = RuleExtraction(values={"year_built": 1975}, evidence={"year_built": "label"})
    merged = merge(rules, {"year_built": 1985}, PAGE)
    assert merged.values["year_built"] == 1975 and merged.sources["year_built"] == "rules"


def test_cross_field_rules_pick_the_value_that_adds_up():
    text = "Bathrooms: 3 total\n2 full baths and 1 half bath"
    rules = RuleExtraction(
        values={"bathrooms_full": 2, "bathrooms_half": 1, "bathrooms_total_integer": 2},
        evidence={"bathrooms_full": "text", "bathrooms_half": "text", "bathrooms_total_integer": "text"},
    )
    merged = merge(rules, {"bathrooms_total_integer": 3}, text)
    assert merged.values["bathrooms_total_integer"] == 3


def test_weakly_evidenced_rule_values_are_asked_as_checks_and_a_heading_address_only_for_its_street():
    source = get_source("phoenix_mls")
    values = {
        "bedrooms_total": 3, "street_number": "12", "street_name": "E Main St", "city": "Mesa", "postal_code": "85201",
        "year_built": 2001, "list_price": 1.0,
    }
    evidence = {
        "bedrooms_total": "text", "street_number": "heading", "street_name": "heading", "city": "heading",
        "postal_code": "heading", "year_built": "label", "list_price": "json_ld",
    }
    rules = RuleExtraction(values=values, evidence=evidence, structured={"list_price"})
    assert unsure_fields(rules) == {"bedrooms_total", "street_name"}
    asked = targeted_fields(source, rules)
    assert {"bedrooms_total", "street_name"} <= set(asked)
    assert not {"street_number", "city", "postal_code", "year_built", "list_price"} & set(asked)


def test_a_page_with_two_prices_is_settled_by_the_labelled_one_the_llm_picked():
    from property_pipeline.extraction.merge import CONFLICT_WARNING, RESOLVED_WARNING

    rules = RuleExtraction(values={"list_price": 3_150_000.0}, evidence={"list_price": "text"}, ambiguous={"list_price"})
    settled = merge(rules, {"list_price": 3_295_000.0}, PAGE)
    assert settled.values["list_price"] == 3_295_000.0
    assert settled.warnings == [RESOLVED_WARNING + "list_price"]
    assert 0.5 <= settled.confidence["list_price"] < 0.8
    # An LLM pick the page does not label as the price settles nothing: the blocking warning stays.
    unsettled = merge(rules, {"list_price": 999_000.0}, PAGE)
    assert unsettled.warnings == [CONFLICT_WARNING + "list_price"]
    assert unsettled.confidence["list_price"] < 0.5
    # Both picks labelled and different: still a conflict.
    both = "List Price: $3,295,000\nList Price: $3,150,000"
    rules_labelled = RuleExtraction(values={"list_price": 3_150_000.0}, ambiguous={"list_price"})
    assert merge(rules_labelled, {"list_price": 3_295_000.0}, both).warnings == [CONFLICT_WARNING + "list_price"]


def test_the_title_settles_an_address_read_from_another_listing_card_and_the_line_is_rebuilt():
    text = (
        "Title: Price Reduced! 1455 W Elliot Rd Unit 112, Chandler, AZ 85224\n"
        "Price Reduced! 1455 W Elliot Rd Unit 112, Chandler, AZ 85224\n"
        "Other matches for this search\n1287 N Alma School Rd Unit 204, Chandler"
    )
    parts = {"street_number": "1287", "street_name": "N Alma School Rd", "unit_number": "204", "city": "Chandler"}
    rules = RuleExtraction(
        values={**parts, "unparsed_address": "1287 N Alma School Rd Unit 204, Chandler"},
        evidence=dict.fromkeys([*parts, "unparsed_address"], "text"),
    )
    merged = merge(rules, {"street_number": "1455", "street_name": "W Elliot Rd", "unit_number": "112"}, text)
    assert merged.values["street_name"] == "W Elliot Rd" and merged.values["unit_number"] == "112"
    assert merged.values["unparsed_address"] == "1455 W Elliot Rd Unit 112, Chandler"
    assert merged.sources["unparsed_address"] == "llm"
