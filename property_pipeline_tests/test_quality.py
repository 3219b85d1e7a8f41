"""Validation rules, confidence, quarantine, report numbers and the blocking checks."""

from __future__ import annotations

import datetime as dt

import dagster as dg
import pandas as pd
import pytest

from property_pipeline.contract import EXTRACTED_COLUMNS
from property_pipeline.extraction.extractor import ground_llm_values
from property_pipeline.extraction.grounding import is_grounded
from property_pipeline.extraction.merge import merge
from property_pipeline.quality.privacy import personal_data_findings
from property_pipeline.quality.report import partition_report, summarize
from property_pipeline.quality.rules import RULES, QualityConfig, failed_rules
from property_pipeline.quality.validate import score, validate_records
from property_pipeline.sources import RuleExtraction

GOOD = {
    "record_id": "a" * 64,
    "source": "phoenix_mls",
    "source_file": "phoenix_mls/2026-11-20/x.html",
    "collected_on": dt.date(2026, 11, 20),
    "property_key": "apn:12345678",
    "parcel_number": "12345678",
    "listing_id": "6789012",
    "standard_status": "Active",
    "list_price": 525000.0,
    "unparsed_address": "1234 E Camelback Rd, Phoenix, AZ 85018",
    "street_number": "1234",
    "street_name": "E Camelback Rd",
    "city": "Phoenix",
    "state_or_province": "AZ",
    "postal_code": "85018",
    "property_type": "Residential",
    "property_sub_type": "Single Family Residence",
    "bedrooms_total": 3,
    "bathrooms_full": 2,
    "bathrooms_half": 1,
    "bathrooms_total_integer": 3,
    "living_area": 1850.0,
    "lot_size_square_feet": 7405.0,
    "lot_size_acres": 0.17,
    "year_built": 1978,
    "latitude": 33.5,
    "longitude": -112.0,
    "association_yn": True,
    "association_fee": 85.0,
    "extraction_method": "rules",
    "validation_issues": [],
    "extraction_warnings": [],
    "llm_fallback": False,
}
GOOD["field_confidence"] = {k: 0.9 for k in GOOD if k in set(EXTRACTED_COLUMNS[5:39])}
GOOD["field_sources"] = {k: "rules" for k in GOOD["field_confidence"]}

BREAKERS = {
    "lot_acres_match_square_feet": {"lot_size_acres": 1.5},
    "bathrooms_add_up": {"bathrooms_total_integer": 2},  # below full + half (more is three-quarter baths)
    "year_built_not_in_future": {"year_built": dt.date.today().year + 3},
    "zip_in_arizona": {"postal_code": "90210"},
    "zip_in_maricopa_county": {"postal_code": "85701"},
    "coordinates_in_arizona": {"latitude": 40.7, "longitude": -74.0},
    "coordinates_in_maricopa_county": {"latitude": 32.2, "longitude": -110.9},
    "state_is_arizona": {"state_or_province": "CA"},
    "list_price_plausible": {"list_price": 1.0},
    "assessed_value_plausible": {"full_cash_value": 5.0},
    "living_area_plausible": {"living_area": 12.0},
    "living_area_within_lot": {"living_area": 9000.0},
    "land_without_bedrooms": {"property_type": "Land", "property_sub_type": None},
    "bedrooms_plausible": {"bedrooms_total": 99},
    "bathrooms_plausible": {"bathrooms_full": 60, "bathrooms_half": 0, "bathrooms_total_integer": 60},
    "hoa_fee_needs_hoa": {"association_yn": False},
    "city_in_arizona": {"state_or_province": None, "postal_code": None, "city": "Dallas"},
    "tax_year_not_in_future": {"tax_year": 2099},
    "limited_value_not_above_full_cash_value": {"full_cash_value": 300000.0, "limited_property_value": 400000.0},
    "no_conflicting_or_planted_values": {"extraction_warnings": ["duplicate_keys:APN"]},
}


def test_every_rule_has_a_breaking_case():
    assert {r.name for r in RULES} == set(BREAKERS)


def test_good_record_passes_every_rule():
    assert failed_rules(GOOD, QualityConfig()) == []


@pytest.mark.parametrize("rule_name", sorted(BREAKERS))
def test_each_rule_catches_its_break(rule_name):
    record = {**GOOD, **BREAKERS[rule_name]}
    assert rule_name in {r.name for r in failed_rules(record, QualityConfig())}


def test_rules_are_configurable():
    record = {**GOOD, "list_price": 150_000_000.0}
    assert "list_price_plausible" in {r.name for r in failed_rules(record, QualityConfig())}
    assert failed_rules(record, QualityConfig(max_price=200_000_000.0)) == []


def test_blocking_failure_and_low_confidence_quarantine_with_reasons():
    rows = [
        GOOD,
        {**GOOD, "record_id": "b" * 64, "bedrooms_total": 99},
        {**GOOD, "record_id": "c" * 64, "field_confidence": {"city": 0.3, "parcel_number": 0.4}},
        {**GOOD, "record_id": "d" * 64, "postal_code": "8501"},
    ]
    result = validate_records(pd.DataFrame(rows, columns=list(EXTRACTED_COLUMNS)))
    assert list(result.validated["record_id"]) == ["a" * 64]
    reasons = dict(zip(result.quarantined["record_id"], result.quarantined["quarantine_reason"]))
    assert "bedrooms_plausible" in reasons["b" * 64]
    assert "below 0.70" in reasons["c" * 64]
    assert "postal_code" in reasons["d" * 64]
    assert len(result.validated) + len(result.quarantined) == len(rows)


def test_confidence_from_evidence_agreement_rules_fallback():
    rules = RuleExtraction(values={"city": "Phoenix", "list_price": 500000.0}, structured={"list_price"})
    agree = merge(rules, {"city": "phoenix", "list_price": 500000.0})
    disagree = merge(rules, {"city": "Mesa", "list_price": 1.0})
    assert agree.sources == {"city": "both", "list_price": "both"}
    assert disagree.values == {"city": "Phoenix", "list_price": 500000.0}, "rules win a disagreement"
    assert set(disagree.conflicts) == {"city", "list_price"}
    assert min(agree.confidence.values()) > max(disagree.confidence.values())

    config = QualityConfig()
    base = {**GOOD}
    _, plain = score(base, [], config)
    _, fallback = score({**base, "llm_fallback": True}, [], config)
    broken = [r for r in RULES if r.name == "bathrooms_add_up"]
    field_conf, failed = score(base, broken, config)
    assert fallback < plain
    assert failed <= config.blocking_issue_cap
    assert field_conf["bathrooms_full"] < base["field_confidence"]["bathrooms_full"]


def test_grounding_drops_invented_numbers_and_invented_text():
    text = "MLS #: 6789012\nList Price: $525K\nCity: Phoenix\nBeds: 3"
    assert is_grounded("list_price", 525000.0, text) is True
    assert is_grounded("list_price", 1.0, text) is False
    # A status is judged by the words pages use for it: none of them here.
    assert is_grounded("standard_status", "Active", text) is False
    assert is_grounded("standard_status", "Active", text + "\nStatus: Active") is True
    merged = merge(RuleExtraction(), {"list_price": 525000.0, "bedrooms_total": 4, "subdivision_name": "Arcadia"})
    ungrounded = ground_llm_values(merged, text)
    assert set(ungrounded) == {"bedrooms_total", "subdivision_name"}
    assert "bedrooms_total" not in merged.values, "an invented number is dropped"
    # A subdivision must follow its own label: one the page never names is dropped, not kept weakly.
    assert "subdivision_name" not in merged.values
    assert merged.confidence["list_price"] > 0.5


def test_report_numbers_on_a_known_partition():
    raw = pd.DataFrame({"record_id": ["a", "b", "c", "d"], "source_file": ["1", "2", "3", "4"]})
    valid = pd.DataFrame(
        {
            "record_id": ["a", "b"],
            "confidence": [0.95, 0.85],
            "city": ["Phoenix", None],
            "validation_issues": [["zip_in_maricopa_county"], []],
            "extraction_warnings": [["llm_rules_conflict:city"], []],
            "source_file": ["1", "2"],
        }
    )
    quarantined = pd.DataFrame(
        {
            "record_id": ["c"],
            "confidence": [0.4],
            "city": ["Mesa"],
            "validation_issues": [["zip_in_maricopa_county"]],
            "extraction_warnings": [[]],
            "source_file": ["3"],
        }
    )
    letters = pd.DataFrame({"record_id": ["d"], "reason_code": ["empty"], "source_file": ["4"]})
    row = partition_report(raw, valid, quarantined, letters).iloc[0]
    assert (row["validated"], row["quarantined"], row["dead_letters"]) == (2, 1, 1)
    assert row["dead_letter_rate"] == 0.25
    assert row["mean_confidence"] == pytest.approx((0.95 + 0.85 + 0.4) / 3)
    assert row["completeness"]["city"] == pytest.approx(0.667, abs=1e-3)
    assert row["top_issues"][0] == {"issue": "zip_in_maricopa_county", "records": 2, "examples": ["1", "3"]}
    assert row["llm_rules_disagreements"] == {"city": 1}
    assert row["conserved"]
    assert sum(row["confidence_histogram"].values()) == 3

    lost = partition_report(raw, valid, quarantined, letters.iloc[0:0]).iloc[0]
    assert not lost["conserved"] and lost["missing_files"] == ["4"]
    twice = partition_report(raw, valid, pd.concat([quarantined, valid.iloc[:1]]), letters).iloc[0]
    assert not twice["conserved"] and twice["duplicated_files"] == ["1"]

    summary = summarize(pd.DataFrame([row, row]))
    assert summary["validated"] == 4 and summary["all_conserved"]


def test_personal_data_findings():
    frame = pd.DataFrame({"source_file": ["x"], "public_remarks": ["Call JOHN Q SMITH today"], "city": ["Phoenix"]})
    assert personal_data_findings({"validated_properties": frame}, {"John Q Smith"})
    assert not personal_data_findings({"validated_properties": frame}, {"Jane Doe"})
    assert personal_data_findings({"t": pd.DataFrame({"owner_name": []})}, set())


def test_evaluation_asset_reports_accuracy_per_mode(tmp_path):
    from property_pipeline.defs.assets import extraction_evaluation
    from property_pipeline.defs.resources import LLMBackend, QualityThresholds

    result = dg.materialize(
        [extraction_evaluation],
        resources={"llm": LLMBackend(), "quality": QualityThresholds()},
        run_config={"ops": {"extraction_evaluation": {"config": {"modes": ["rules"]}}}},
        instance=dg.DagsterInstance.ephemeral(),
    )
    metadata = result.get_asset_materialization_events()[0].materialization.metadata
    assert 0.9 <= metadata["rules_accuracy"].value <= 1.0
    assert metadata["rules_hallucination_rate"].value == 0.0
    assert "phoenix_mls" in metadata["rules_table"].value and "agent_flyer" in metadata["rules_table"].value


def test_llm_values_in_the_wrong_shape_are_dropped():
    from property_pipeline.extraction.llm_step import normalize_llm_values

    values = normalize_llm_values(
        {"unit_number": "Single Family Residence", "property_sub_type": "Lots and Land", "postal_code": "85018-1234"}
    )
    assert values == {"postal_code": "85018"}
    assert normalize_llm_values({"unit_number": "12B", "property_sub_type": "Townhouse"}) == {
        "unit_number": "12B",
        "property_sub_type": "Townhouse",
    }


def test_grounding_needs_the_fields_own_words():
    text = "Living Area: 1,248 sq ft\nHOA Fee: $95 / Month\nRemarks: lovely"
    assert is_grounded("living_area", 1248, text) is True
    assert is_grounded("lot_size_square_feet", 1248, text) is False  # the number is the living area
    assert is_grounded("association_fee_frequency", "Monthly", text) is True
    assert is_grounded("pool_private_yn", False, text) is False  # nothing on the page about a pool


def test_hoa_frequency_needs_its_words_on_the_fee_line():
    assert is_grounded("association_fee_frequency", "Annually", "Year Built: 1999\nHOA: No") is False
    assert is_grounded("association_fee_frequency", "Monthly", "HOA Dues: $40 per month") is True
