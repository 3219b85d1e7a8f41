"""Score and split extracted records into validated and quarantined.

Record confidence starts from the mean of its field confidences (set by the
merge from provenance and agreement), is lowered for every field a failed rule
touches, capped for a blocking failure or a missing identity, and scaled down
when a rule-based fallback stood in for the LLM. A record is quarantined with
its reasons when a blocking rule fails or its confidence is under the
threshold; it is never dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pandera.errors as pa_errors
import pandera.pandas as pa

from ..contract import ExtractedPropertiesSchema, ValidatedPropertiesSchema
from ..nulls import none_if_missing
from ..sources import get_source
from .privacy import name_shaped_values
from .rules import RULES, QualityConfig, Rule, failed_rules

IDENTITY_FIELDS = ("parcel_number", "unparsed_address")


def missing_expected(record: dict[str, Any]) -> list[str]:
    """Fields nearly every file of the record's source states, that this record lacks: a
    record missing several was most likely read incompletely, not stated so."""
    try:
        expected = get_source(record.get("source") or "").expected_fields
    except ValueError:
        return []
    return [f for f in expected if record.get(f) is None]


def score(record: dict[str, Any], failed: list[Rule], config: QualityConfig) -> tuple[dict[str, float], float]:
    """(field confidence, record confidence) from the extractor's per-field evidence, the rules
    the record failed, missing expected fields, a missing identity and an LLM fallback."""
    field_conf = dict(record.get("field_confidence") or {})
    for rule in failed:
        for name in rule.fields:
            if name in field_conf:
                field_conf[name] = round(field_conf[name] * 0.5, 3)
    if not field_conf:
        return field_conf, 0.0
    confidence = sum(field_conf.values()) / len(field_conf)
    confidence -= config.warning_penalty * sum(not rule.blocking for rule in failed)
    confidence -= min(config.missing_field_penalty * len(missing_expected(record)), config.max_missing_penalty)
    if any(rule.blocking for rule in failed):
        confidence = min(confidence, config.blocking_issue_cap)
    if not any(record.get(f) for f in IDENTITY_FIELDS):
        confidence = min(confidence, 0.5)
    if record.get("llm_fallback"):
        confidence *= config.fallback_factor
    return field_conf, round(max(0.0, min(1.0, confidence)), 4)


def _drop_person_names(record: dict[str, Any]) -> None:
    """A person's name where a place belongs (an LLM copied an owner into `subdivision_name`)
    never reaches a table: the value is dropped and the warning quarantines the record."""
    for column in name_shaped_values(record):
        record[column] = None
        if isinstance(record.get("field_confidence"), dict):
            record["field_confidence"] = {k: v for k, v in record["field_confidence"].items() if k != column}
        warnings = record.get("extraction_warnings")
        record["extraction_warnings"] = [*(warnings if isinstance(warnings, list) else []), f"personal_value_dropped:{column}"]


def _reason(rule: Rule, record: dict[str, Any], config: QualityConfig) -> str:
    """"blocking rule failed: <rule>", with what exactly failed when the rule can say."""
    reason = f"blocking rule failed: {rule.name}"
    if rule.explain is not None:
        try:
            reason += f" ({rule.explain(record, config)})"
        except (TypeError, ValueError, KeyError):
            pass  # the rule name alone still says why
    return reason


# Cell types that are never missing: a column holding only these needs no per-cell look.
_NEVER_MISSING = frozenset({str, int, bool, list, dict, type(None), dt.date, pd.Timestamp})


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The frame's rows as dicts (as `to_dict("records")`), missing cells as None, read
    column by column."""
    columns = list(frame.columns)
    values = []
    for column in columns:
        cells = frame[column].tolist()
        values.append(cells if {type(v) for v in cells} <= _NEVER_MISSING else [none_if_missing(v) for v in cells])
    return [dict(zip(columns, row)) for row in zip(*values)]


@dataclass
class ValidationResult:
    validated: pd.DataFrame
    quarantined: pd.DataFrame


def schema_failures(records: pd.DataFrame) -> dict[int, list[str]]:
    """Row position -> the pandera checks it fails (types, enums, formats such as ZIP and APN)."""
    try:
        ExtractedPropertiesSchema.validate(records.reset_index(drop=True), lazy=True)
    except pa_errors.SchemaErrors as exc:
        failures: dict[int, list[str]] = {}
        cases = exc.failure_cases
        for index, column, check in zip(cases["index"], cases["column"], cases["check"]):
            if index is not None and index == index:
                failures.setdefault(int(index), []).append(f"schema:{column}:{check}")
        return failures
    return {}


def validate_records(records: pd.DataFrame, config: QualityConfig | None = None) -> ValidationResult:
    """Score, then apply the rules, the schema and the confidence threshold; every input row
    lands in exactly one of the two outputs."""
    config = config or QualityConfig()
    scored, reasons = [], []
    for record in _records(records):
        _drop_person_names(record)
        failed = failed_rules(record, config)
        record["field_confidence"], record["confidence"] = score(record, failed, config)
        record["validation_issues"] = [rule.name for rule in failed]
        reasons.append([_reason(rule, record, config) for rule in failed if rule.blocking])
        scored.append(record)
    frame = pd.DataFrame(scored, columns=records.columns)
    for position, issues in (schema_failures(frame) if len(frame) else {}).items():
        scored[position]["validation_issues"] += issues
        reasons[position] += [f"schema check failed: {issue.removeprefix('schema:')}" for issue in issues]
    valid_rows, quarantine_rows = [], []
    for record, why in zip(scored, reasons):
        if record["confidence"] < config.min_confidence:
            why.append(f"confidence {record['confidence']:.2f} below {config.min_confidence:.2f}")
        if why:
            quarantine_rows.append({**record, "quarantine_reason": "; ".join(why)})
        else:
            valid_rows.append(record)
    validated = pd.DataFrame(valid_rows, columns=records.columns)
    quarantined = pd.DataFrame(quarantine_rows, columns=[*records.columns, "quarantine_reason"])
    if len(validated):
        # The validated rows passed the schema above: when ValidatedPropertiesSchema checks
        # exactly what ExtractedPropertiesSchema does, value by value, only its dtypes are left.
        validated = _VALIDATED.coerce_dtype(validated) if _SAME_CHECKS else ValidatedPropertiesSchema.validate(validated)
    return ValidationResult(validated=validated, quarantined=quarantined)


def _same_checks(a: pa.DataFrameSchema, b: pa.DataFrameSchema) -> bool:
    """Two schemas with the same columns and checks, none of them across rows."""
    return repr(a.columns) == repr(b.columns) and not a.checks and not b.checks and not a.unique and not b.unique


_VALIDATED = ValidatedPropertiesSchema.to_schema()
_SAME_CHECKS = _same_checks(_VALIDATED, ExtractedPropertiesSchema.to_schema())


__all__ = ["RULES", "QualityConfig", "ValidationResult", "score", "validate_records"]
