"""Merge what the rules read with what the LLM read, field by field, with provenance.

The rules are deterministic and never hallucinate, but miss what a layout
hides from them; the LLM reads any layout, but can invent or be talked into
values. So: agreement raises confidence, a value only one of them found is
kept at that one's confidence, and a value the rules read from a structured
field (JSON-LD, an assessor key) is never overridden by a disagreeing LLM.

A field the page states twice with different values (two list prices) is not
settled by either reader: it stays below 0.5 confidence whatever the LLM says,
and the record carries a `conflicting_values:<field>` warning for validation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from ..contract import FLOAT_FIELDS, PROPERTY_FIELDS
from ..sources import RuleExtraction

# Prior confidence of a field by where it came from; agreement is the strongest evidence.
CONFIDENCE = {
    "both": 0.98,
    "rules_structured": 0.95,
    "rules_label": 0.9,
    "rules_ambiguous": 0.55,
    "llm": 0.7,
    "conflict_rules_kept": 0.6,
    "conflict_llm_kept": 0.5,
}
# The most a field the page states with conflicting values can reach (below the 0.5 that
# validation treats as unsure), even when the LLM agrees with one of the values.
AMBIGUOUS_CAP = 0.45
CONFLICT_WARNING = "conflicting_values:"


@dataclass
class MergedFields:
    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)
    """Per field, where the value was read: the rules' evidence ("label", "json_ld", "embedded_json",
    "title", ...), or "llm" for a value only the LLM gave."""
    warnings: list[str] = field(default_factory=list)
    """`conflicting_values:<field>` for every field the page states with conflicting values."""

    @property
    def method(self) -> str:
        kinds = set(self.sources.values())
        if kinds <= {"rules"}:
            return "rules"
        if kinds <= {"llm"}:
            return "llm"
        return "llm+rules"


def values_agree(name: str, a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    if name in FLOAT_FIELDS or (isinstance(a, (int, float)) and isinstance(b, (int, float))):
        try:
            x, y = float(a), float(b)
        except (TypeError, ValueError):
            return False
        return math.isclose(x, y, rel_tol=0.01, abs_tol=1e-6)
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.lower().split()) == " ".join(b.lower().split())
    return a == b


def merge(rules: RuleExtraction, llm: dict[str, Any] | None) -> MergedFields:
    """Combine rule values and LLM values (None when no LLM answered)."""
    merged = MergedFields()
    for name in PROPERTY_FIELDS:
        rule_value = rules.values.get(name)
        llm_value = None if llm is None else llm.get(name)
        if rule_value is None and llm_value is None:
            continue
        _merge_field(merged, rules, name, rule_value, llm_value)
        if merged.sources.get(name) in ("rules", "both"):
            merged.evidence[name] = rules.evidence.get(name, "rules")
        elif name in merged.sources:
            merged.evidence[name] = "llm"
        if name in rules.ambiguous and name in merged.values:
            merged.confidence[name] = min(merged.confidence[name], AMBIGUOUS_CAP)
            merged.warnings.append(CONFLICT_WARNING + name)
    return merged


def _merge_field(merged: MergedFields, rules: RuleExtraction, name: str, rule_value: Any, llm_value: Any) -> None:
    if llm_value is None:
        kind = (
            "rules_ambiguous"
            if name in rules.ambiguous
            else "rules_structured"
            if name in rules.structured
            else "rules_label"
        )
        merged.values[name], merged.sources[name] = rule_value, "rules"
        merged.confidence[name] = CONFIDENCE[kind]
    elif rule_value is None:
        merged.values[name], merged.sources[name] = llm_value, "llm"
        merged.confidence[name] = CONFIDENCE["llm"]
    elif values_agree(name, rule_value, llm_value):
        merged.values[name], merged.sources[name] = rule_value, "both"
        merged.confidence[name] = CONFIDENCE["both"]
    elif name in rules.ambiguous:
        merged.values[name], merged.sources[name] = llm_value, "llm"
        merged.confidence[name] = CONFIDENCE["conflict_llm_kept"]
        merged.conflicts.append(name)
    else:
        merged.values[name], merged.sources[name] = rule_value, "rules"
        merged.confidence[name] = CONFIDENCE["conflict_rules_kept"]
        merged.conflicts.append(name)
