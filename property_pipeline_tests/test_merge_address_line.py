"""The record's one-line address follows the address parts the merge keeps.

`unparsed_address` is an identity column (the property key falls back to it), so a line that
lacks the city and ZIP the LLM read, or no line at all beside a full set of parts, costs the record
its identity and its confidence.
"""

from __future__ import annotations

from property_pipeline.extraction.merge import merge
from property_pipeline.sources.base import RuleExtraction

PAGE = "Title: New Listing! 4421 N 37th Ave, Phoenix, AZ 85019\nNew Listing! 4421 N 37th Ave, Phoenix, AZ 85019\n"


def test_a_street_only_rules_line_is_rebuilt_with_the_city_and_zip_the_llm_read():
    rules = RuleExtraction(
        values={"street_number": "4421", "street_name": "N 37th Ave", "unparsed_address": "4421 N 37th Ave"},
        evidence={"street_number": "label", "street_name": "label", "unparsed_address": "label"},
    )
    llm = {"city": "Phoenix", "state_or_province": "AZ", "postal_code": "85019"}
    merged = merge(rules, llm, PAGE)
    assert merged.values["unparsed_address"] == "4421 N 37th Ave, Phoenix, AZ 85019"
    assert merged.sources["unparsed_address"] == "llm"


def test_a_full_rules_line_is_kept_when_the_llm_adds_nothing_it_lacks():
    line = "4421 N 37th Ave, Phoenix, AZ 85019"
    rules = RuleExtraction(
        values={"street_number": "4421", "street_name": "N 37th Ave", "city": "Phoenix", "unparsed_address": line},
        evidence={"street_number": "label", "street_name": "label", "city": "label", "unparsed_address": "label"},
    )
    merged = merge(rules, {"postal_code": "85019", "state_or_province": "AZ"}, PAGE)
    assert merged.values["unparsed_address"] == line
    assert merged.sources["unparsed_address"] == "rules"


def test_a_line_is_composed_from_the_llm_parts_when_no_reader_wrote_one():
    merged = merge(RuleExtraction(), {"street_number": "4421", "street_name": "N 37th Ave", "city": "Phoenix",
                                      "state_or_province": "AZ", "postal_code": "85019"}, PAGE)
    assert merged.values["unparsed_address"] == "4421 N 37th Ave, Phoenix, AZ 85019"
    assert merged.evidence["unparsed_address"] == "llm"
    assert 0 < merged.confidence["unparsed_address"] <= min(merged.confidence["street_number"], merged.confidence["street_name"])


def test_no_line_is_composed_from_a_street_without_a_city_or_zip():
    merged = merge(RuleExtraction(), {"street_number": "4421", "street_name": "N 37th Ave"}, PAGE)
    assert merged.values.get("unparsed_address") is None
