"""Confidence that sees misses: labelled facts nobody read flag the record; high field confidence is earned."""

from __future__ import annotations

import pytest

from property_pipeline.extraction.extractor import NEEDS_REVIEW, unread_fields
from property_pipeline.extraction.merge import merge
from property_pipeline.sources import RuleExtraction, get_source

from .perfect_llm import LABELLED_SETS, measure

LISTING = get_source("phoenix_mls")
PAGE = "List Price: $489,000\nBeds: 3\nBaths: 2\nLot: 0.16 acres\nParking: 1 covered space\nRemarks: a 4-car gallery"


def test_labelled_facts_the_record_lacks_are_coverage_misses():
    values = {"list_price": 489000.0}
    assert unread_fields(values, PAGE, LISTING) == ["bedrooms_total", "bathrooms_full", "lot_size_square_feet"]
    complete = {**values, "bedrooms_total": 3, "bathrooms_full": 2, "lot_size_acres": 0.16}
    # Lot size in either unit covers the lot; a covered parking space is no garage; remarks are prose.
    assert unread_fields(complete, PAGE, LISTING) == []
    assert NEEDS_REVIEW == "needs_review:"


def test_a_value_read_from_a_phrase_stays_below_high_confidence():
    rules = RuleExtraction(
        values={"bedrooms_total": 3, "list_price": 489000.0}, evidence={"bedrooms_total": "text", "list_price": "label"}
    )
    merged = merge(rules, None)
    assert merged.confidence["bedrooms_total"] < 0.8 <= merged.confidence["list_price"]
    # Confirmed by the LLM it is as sure as any agreement.
    assert merge(rules, {"bedrooms_total": 3}).confidence["bedrooms_total"] >= 0.95


@pytest.mark.parametrize("name,landing,expected", LABELLED_SETS, ids=[s[0] for s in LABELLED_SETS])
def test_rules_only_fields_at_high_confidence_are_right_at_least_97_percent(name, landing, expected):
    run = measure(landing, expected, "rules")
    assert run.calibration.high_fields > 100
    assert run.calibration.high_precision >= 0.97, (name, run.calibration.high_precision)
    # Every record flagged for review has a labelled fact it lacks or got wrong (no false alarms).
    from property_pipeline import evaluation

    labels = evaluation.load_labels(expected)
    for record in run.records:
        if any(str(w).startswith(NEEDS_REVIEW) for w in record["extraction_warnings"]):
            fields = labels[record["source_file"]]["fields"]
            assert any(
                want is not None and not evaluation.values_agree(k, want, record.get(k)) for k, want in fields.items()
            ), record["source_file"]
