"""Disposition accounting of the evaluation: every labelled file is counted exactly once, and a file
that did not reach the outcome its label asks for scores all-null.

Runs the rules-only evaluation on the blind set (committed) and on the real tuning set
(`samples/real`, never `samples/real_unseen`, which is measurement only; its landing files are
third-party data kept out of git, so on a fresh clone only its labels are there and every file
counts as missing). No accuracy thresholds here: only that the books balance.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from property_pipeline.contract import PROPERTY_FIELDS
from property_pipeline.evaluation import (
    OUTCOMES,
    FileOutcome,
    disposition_summary,
    evaluate,
    format_dispositions,
    load_labels,
    outcomes_of,
    score_records,
)

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _label(disposition: str, reason_hint: str | None = None, **fields) -> dict:
    return {
        "layout": "t",
        "disposition": disposition,
        "reason_hint": reason_hint,
        "pii": [],
        "fields": {name: fields.get(name) for name in PROPERTY_FIELDS},
    }


@pytest.mark.parametrize("name", ["blind", "real"])
def test_every_labelled_file_is_counted_once(name):
    root = SAMPLES / name
    labels = load_labels(root / "expected")
    assert len(labels) >= 20  # the committed labels, landing files present or not
    if name == "blind":
        assert all((root / "landing" / path).is_file() for path in labels), "the blind set is committed whole"

    run = evaluate(root / "landing", labels, mode="rules")

    table = run.dispositions.table
    assert set(table) <= {"valid", "quarantined", "dead_letter"}
    assert run.dispositions.labelled == len(labels)
    for disposition, row in table.items():
        assert set(row) <= set(OUTCOMES)
        assert sum(row.values()) == sum(1 for lab in labels.values() if lab["disposition"] == disposition)
    # each outcome belongs to a labelled file; a file present in the landing zone is never `missing`
    produced = {path for path in run.outcomes if path in labels}
    present = {path for path in labels if (root / "landing" / path).is_file()}
    assert produced == present
    # field scoring covers every non-dead-letter label exactly once: 34 fields each
    scored = sum(1 for lab in labels.values() if lab["disposition"] != "dead_letter")
    assert run.scores[("all", "all")].fields == scored * len(PROPERTY_FIELDS)
    text = format_dispositions(run.dispositions)
    all_row = next(line.split() for line in text.splitlines() if line.startswith("all "))
    assert all_row[1] == str(len(labels))
    assert sum(int(n) for n in all_row[2 : 2 + len(OUTCOMES)]) == len(labels)


def test_wrong_outcome_scores_all_null_and_out_of_area_validations_are_counted():
    labels = {
        "phoenix_mls/d/ok.html": _label("valid", city="Phoenix", street_name="E Main St"),
        "phoenix_mls/d/dropped.html": _label("valid", city="Mesa", street_name="W Elm St"),
        "phoenix_mls/d/held.html": _label("valid", city="Tempe"),
        "phoenix_mls/d/texas.html": _label("quarantined", "out_of_area", city="Dallas", street_name="Oak Ln"),
        "phoenix_mls/d/empty.html": _label("dead_letter", "empty"),
        "phoenix_mls/d/never.html": _label("valid", city="Chandler"),
    }
    records = [
        {"source_file": "phoenix_mls/d/ok.html", "city": "Phoenix", "street_name": "E Main St"},
        {"source_file": "phoenix_mls/d/held.html", "city": "Tempe", "quarantine_reason": "low_confidence"},
        {"source_file": "phoenix_mls/d/texas.html", "city": "Dallas", "street_name": "Oak Ln"},
    ]
    dead = [
        {"source_file": "phoenix_mls/d/dropped.html", "reason_code": "no_property_key"},
        {"source_file": "phoenix_mls/d/empty.html", "reason_code": "empty"},
    ]
    outcomes = outcomes_of(records, dead)
    assert outcomes["phoenix_mls/d/held.html"] == FileOutcome("quarantined", "low_confidence")

    summary = disposition_summary(labels, outcomes)
    assert summary.labelled == 6
    assert summary.table["valid"] == {"validated": 1, "dead_letter": 1, "quarantined": 1, "missing": 1}
    assert summary.table["quarantined"] == {"validated": 1}
    assert summary.table["dead_letter"] == {"dead_letter": 1}
    assert summary.as_labelled == 2  # ok.html validated, empty.html dead-lettered
    assert summary.out_of_area_validated == 1
    assert summary.no_key_with_address == 1
    assert summary.dead_letter_reasons == {"no_property_key": 1}
    assert summary.quarantine_reasons == {"low_confidence": 1}

    score = score_records(records, labels, outcomes)[("all", "all")]
    # 5 scored files (the dead-letter label is not scored); only ok.html contributes its values
    assert score.fields == 5 * len(PROPERTY_FIELDS)
    assert score.stated_correct == 2  # ok.html's city and street name
    # held.html's correct city does not count (quarantined instead of validated), nor texas.html's
    assert score.stated == 2 + 2 + 1 + 2 + 1
