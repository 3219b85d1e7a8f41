"""An LLM that disputes every identity field the rules read from weak evidence (a heading, the
title) must not turn a page with a visible address into a `no_property_key` dead letter: the
rules' identity is kept, flagged, and the record is quarantined for review."""

from __future__ import annotations

from property_pipeline import Pipeline, process_batch
from property_pipeline.llm.ollama import OllamaClient

from .fake_ollama import FakeOllama

PAGE = b"""<html><head><title>Home for sale</title></head><body>
<h2>Sale and tax history for 4821 E Windsor Ave, Phoenix, AZ 85008</h2>
<div><span>3 beds</span> <span>2 baths</span> <span>1,640 sq ft</span></div>
<p>Listed at $489,000.</p>
</body></html>"""

DISPUTE = {"street_number": "9999", "street_name": "Nowhere Rd", "city": "Tucson", "postal_code": "85701",
           "unparsed_address": "9999 Nowhere Rd, Tucson, AZ 85701", "str_no": "9999", "street": "Nowhere Rd"}


def disputing(request: dict) -> dict:
    keys = (request.get("format") or {}).get("properties") or {}
    return {key: DISPUTE.get(key) for key in keys}


def test_a_disputed_identity_is_kept_for_review_not_dead_lettered():
    """End to end over HTTP: a model disputing every address part plants none of them and the
    page is not dead-lettered. (On this page the merge already keeps the heading's address, so
    the mechanism itself is shown by the next test, which fails without `keep_rules_identity`.)"""
    rules_only = process_batch([PAGE], "phoenix_mls", pipeline=Pipeline(llm=None))[0]
    assert rules_only.disposition != "dead_letter", rules_only.reasons
    assert rules_only.record["street_name"] == "E Windsor Ave"
    with FakeOllama(responder=disputing) as server:
        client = OllamaClient(host=server.url, timeout_s=10, deadline_s=30)
        result = process_batch([PAGE], "phoenix_mls", pipeline=Pipeline(llm=client))[0]
    assert result.disposition != "dead_letter", result.reasons
    assert result.record["city"] != "Tucson" and "Nowhere" not in (result.record["unparsed_address"] or "")
    if any(w.startswith("identity_kept_from_rules:") for w in result.warnings):
        assert result.disposition == "quarantine"


def test_identity_emptied_by_a_settled_conflict_comes_back_from_the_rules():
    """The merge left the record without a key (each address part disputed and unsettled)."""
    from property_pipeline.extraction.extractor import keep_rules_identity, property_key
    from property_pipeline.extraction.merge import MergedFields
    from property_pipeline.sources import RuleExtraction

    rules = RuleExtraction(values={
        "street_number": "4821", "street_name": "E Windsor Ave", "city": "Phoenix", "postal_code": "85008",
        "state_or_province": "AZ", "unparsed_address": "4821 E Windsor Ave, Phoenix, AZ 85008", "bedrooms_total": 3,
    }, evidence={"street_name": "heading"})
    merged = MergedFields(values={"bedrooms_total": 3, "state_or_province": "AZ"}, sources={"bedrooms_total": "both"},
                          confidence={"bedrooms_total": 0.98})
    assert property_key(merged.values) is None
    key = keep_rules_identity(merged, rules)
    assert key is not None and "windsor" in key
    assert merged.values["unparsed_address"] == rules.values["unparsed_address"]
    assert merged.confidence["street_name"] < 0.5 and merged.evidence["street_name"] == "heading"
    assert "identity_kept_from_rules:street_name" in merged.warnings
    assert keep_rules_identity(MergedFields(), RuleExtraction(values={"city": "Phoenix"})) is None
