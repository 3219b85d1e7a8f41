"""Merge what the rules read with what the LLM read, field by field, with provenance.

The rules are deterministic and never hallucinate, but miss what a layout
hides from them; the LLM reads any layout, but can invent or be talked into
values. So: agreement raises confidence, a value only one of them found is
kept at that one's confidence. When both read a value and they disagree, the
page decides, not the reader (`settle_conflict`): each value is grounded in the
page (stated next to a label naming the field), checked by the cross-field rules
(baths add up, lot square feet match acres), and the rules' value weighs by its
evidence kind (a structured key or a label beats a title, a URL or prose). The
better-supported value is kept; when neither is, the field stays empty and the
record carries `unresolved_conflict:<field>`.

A field the page states twice with different values (two list prices) is settled
only when the LLM's pick is stated next to a label naming the field and the rules'
pick is the same or is not so stated (`resolved_conflict:<field>`, 0.6); else it
stays below 0.5 confidence and the record carries a blocking
`conflicting_values:<field>` warning for validation.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from ..contract import FLOAT_FIELDS, INT_FIELDS, PROPERTY_FIELDS
from ..sources import RuleExtraction
from ..sources.normalize import SQFT_PER_ACRE, compose_address
from .grounding import is_grounded

# Prior confidence of a field by where it came from; agreement is the strongest evidence.
CONFIDENCE = {
    "both": 0.98,
    "rules_structured": 0.95,
    "rules_label": 0.9,
    # A value read from a phrase (prose, an image's alt text, the URL, a closed <details>), not from
    # a labelled fact: on the blind set one in six such fields was another listing's or a misread.
    "rules_phrase": 0.75,
    "rules_ambiguous": 0.55,
    "llm": 0.7,
    "conflict_rules_kept": 0.6,
    "conflict_llm_kept": 0.5,
    # A disagreement the page settled: the kept value is grounded or cross-checked, the other is not.
    "conflict_settled": 0.75,
    # Of the page's conflicting values, the one the LLM picked and the page labels: kept, below 0.8.
    "ambiguity_settled": 0.6,
}
# The most a field the page states with conflicting values can reach (below the 0.5 that
# validation treats as unsure), even when the LLM agrees with one of the values.
AMBIGUOUS_CAP = 0.45
CONFLICT_WARNING = "conflicting_values:"
UNRESOLVED_WARNING = "unresolved_conflict:"
RESOLVED_WARNING = "resolved_conflict:"
ADDRESS_PARTS = ("street_number", "street_name", "unit_number", "city", "postal_code")
PHRASE_EVIDENCE = frozenset(("text", "remarks", "prose", "alt", "url", "details"))
# Rule evidence a disagreeing LLM does not overturn on grounding alone: a machine-readable key, a
# labelled fact, a stat (a count with its unit as the whole of its segment: "3 bedrooms", "1,540
# sqft", where the unit names the field as a label does), or a fact of a remarks-only page read from
# one sentence by a pattern naming the field ("Offered at $474,500", "HOA fees are $96 a month"; never
# from a sentence about other homes or addressed to the reader). Anything else (a title, a heading, the
# URL, a meta tag, a phrase in a free line) is weak.
STRONG_EVIDENCE = frozenset(
    ("label", "stat", "prose", "json_ld", "microdata", "embedded_json", "assessor_api", "assessor_gis",
     "assessor_search", "attribute")
)


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
    """`conflicting_values:<field>` for every field the page states with conflicting values,
    `unresolved_conflict:<field>` for a rules/LLM disagreement the page did not settle."""

    @property
    def method(self) -> str:
        kinds = set(self.sources.values())
        if kinds <= {"rules"}:
            return "rules"
        if kinds <= {"llm"}:
            return "llm"
        return "llm+rules"


def values_agree(name: str, a: Any, b: Any) -> bool:
    """Same value: strings case- and space-insensitively, amounts within 1%, counts and years exactly
    (1% of a year is twenty years)."""
    if a is None or b is None:
        return a is b
    if name in INT_FIELDS:
        try:
            return float(a) == float(b)
        except (TypeError, ValueError):
            return False
    if name in FLOAT_FIELDS or (isinstance(a, (int, float)) and isinstance(b, (int, float))):
        try:
            x, y = float(a), float(b)
        except (TypeError, ValueError):
            return False
        return math.isclose(x, y, rel_tol=0.01, abs_tol=1e-6)
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.lower().split()) == " ".join(b.lower().split())
    return a == b


def merge(rules: RuleExtraction, llm: dict[str, Any] | None, text: str | None = None) -> MergedFields:
    """Combine rule values and LLM values (None when no LLM answered). `text` is the page text a
    disagreement is settled by; without it the rules' value is kept, as before evidence was weighed."""
    merged = MergedFields()
    for name in PROPERTY_FIELDS:
        rule_value = rules.values.get(name)
        llm_value = None if llm is None else llm.get(name)
        if rule_value is None and llm_value is None:
            continue
        _merge_field(merged, rules, name, rule_value, llm_value, (text, llm or {}))
        if name not in merged.values:  # an unresolved disagreement: no value, only the warning
            continue
        if merged.sources.get(name) in ("rules", "both"):
            merged.evidence[name] = rules.evidence.get(name, "rules")
        elif name in merged.sources:
            merged.evidence[name] = "llm"
        if name in rules.ambiguous:
            _flag_ambiguous(merged, rules, name, llm_value, text)
    recompose_address(merged)
    return merged


def _flag_ambiguous(merged: MergedFields, rules: RuleExtraction, name: str, llm_value: Any, text: str | None) -> None:
    """A field the page states with conflicting values: settled when the LLM's value is stated next to
    a label naming the field, the cross-field rules do not reject it, and the rules' pick either is
    the same value or is not so stated (a price in "similar homes", a bed count in prose). Settled,
    it keeps a middling confidence and a non-blocking `resolved_conflict:` warning; otherwise it is
    capped below 0.5 with the blocking `conflicting_values:` warning."""
    rule_value = rules.values.get(name)
    settled = (
        text is not None
        and llm_value is not None
        and is_grounded(name, llm_value, text, {**rules.values, name: llm_value}) is True
        and _cross_field_ok(name, llm_value, {k: v for k, v in rules.values.items() if k != name}) is not False
        and (
            values_agree(name, rule_value, llm_value)
            or is_grounded(name, rule_value, text, rules.values) is False
        )
    )
    if settled:
        merged.values[name], merged.sources[name], merged.evidence[name] = llm_value, "llm", "llm"
        if values_agree(name, rule_value, llm_value):
            merged.values[name], merged.sources[name] = rule_value, "both"
            merged.evidence[name] = rules.evidence.get(name, "rules")
        merged.confidence[name] = CONFIDENCE["ambiguity_settled"]
        merged.warnings.append(RESOLVED_WARNING + name)
        return
    merged.confidence[name] = min(merged.confidence[name], AMBIGUOUS_CAP)
    merged.warnings.append(CONFLICT_WARNING + name)


def _merge_field(
    merged: MergedFields, rules: RuleExtraction, name: str, rule_value: Any, llm_value: Any, page: tuple
) -> None:
    if llm_value is None:
        kind = (
            "rules_ambiguous"
            if name in rules.ambiguous
            else "rules_structured"
            if name in rules.structured
            else "rules_phrase"
            if rules.evidence.get(name) in PHRASE_EVIDENCE
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
        merged.conflicts.append(name)
        text, llm = page
        winner = "rules" if text is None else settle_conflict(name, rule_value, llm_value, rules, text, llm)
        if winner is None:
            merged.warnings.append(UNRESOLVED_WARNING + name)
            return
        merged.values[name] = rule_value if winner == "rules" else llm_value
        merged.sources[name] = winner
        settled = text is not None and (winner == "llm" or _support(name, rule_value, rules.values, text) > 0)
        merged.confidence[name] = CONFIDENCE["conflict_settled" if settled else "conflict_rules_kept"]


def _cross_field_ok(name: str, value: Any, values: dict[str, Any]) -> bool | None:
    """Whether `value` for `name` agrees with the record's other values by a cross-field rule
    (None when no rule relates them): full + half baths make the total, acres match square feet."""
    try:
        if name == "lot_size_square_feet" and values.get("lot_size_acres"):
            return abs(float(value) - float(values["lot_size_acres"]) * SQFT_PER_ACRE) <= 0.02 * float(value) + 50
        if name == "lot_size_acres" and values.get("lot_size_square_feet"):
            return abs(float(value) * SQFT_PER_ACRE - float(values["lot_size_square_feet"])) <= 0.02 * float(
                values["lot_size_square_feet"]
            ) + 50
        baths = ("bathrooms_full", "bathrooms_half", "bathrooms_total_integer")
        if name in baths and all(values.get(b) is not None for b in baths if b != name):
            full, half, total = (float(value) if b == name else float(values[b]) for b in baths)
            return full + half <= total  # the total also counts three-quarter baths (RESO)
    except (TypeError, ValueError):
        return False
    return None


def _in_title(name: str, value: Any, text: str) -> bool | None:
    """For an address part: whether the page's title names it (the title names the page's own
    property; an alert's "other matches" or a "similar homes" card do not reach it). None otherwise."""
    if name not in ADDRESS_PARTS or not text.startswith("Title:"):
        return None
    title = _spaced_words(text.split("\n", 1)[0])
    words = " ".join(re.findall(r"[a-z0-9]+", str(value).lower()))
    return bool(words) and f" {words} " in title or None


def _support(name: str, value: Any, values: dict[str, Any], text: str) -> int:
    """How well the page supports `value`: +1 grounded next to a label naming the field, -1 not
    grounded (when the field can be judged); +1/-1 by the cross-field rules; +1 for an address part
    the page's title names."""
    grounded = is_grounded(name, value, text, {**values, name: value})
    consistent = _cross_field_ok(name, value, {k: v for k, v in values.items() if k != name})
    verdicts = (grounded, consistent, _in_title(name, value, text))
    return sum(0 if verdict is None else (1 if verdict else -1) for verdict in verdicts)


def recompose_address(merged: MergedFields) -> None:
    """The rules' one-line address (built from the parts they read) when the LLM's address parts won
    a disagreement describes another address, and when the LLM read a part the rules did not (the
    city and ZIP of a print sheet whose street line stands alone) it is short of it: rebuild it from
    the kept parts."""
    if merged.values.get("unparsed_address") is None:
        _compose_missing_address(merged)
        return
    if merged.sources.get("unparsed_address") != "rules":
        return
    line = _spaced_words(merged.values.get("unparsed_address", ""))
    if not any(
        merged.sources.get(part) == "llm" and (part in merged.conflicts or _spaced_words(merged.values[part]) not in line)
        for part in ADDRESS_PARTS
        if merged.values.get(part) is not None
    ):
        return
    line = compose_address(merged.values)
    if line:
        merged.values["unparsed_address"], merged.sources["unparsed_address"] = line, "llm"
        merged.evidence["unparsed_address"] = "llm"
        merged.confidence["unparsed_address"] = CONFIDENCE["conflict_settled"]


def _spaced_words(value: Any) -> str:
    """A value's lower-case words and numbers between spaces, for whole-word containment tests."""
    return " " + " ".join(re.findall(r"[a-z0-9]+", str(value).lower())) + " "


def _compose_missing_address(merged: MergedFields) -> None:
    """No one-line address was read, but the LLM gave its parts (an alert whose street stands only in
    a headline): the line is composed from the kept street and its city or ZIP, as the LLM's."""
    values = merged.values
    if not (values.get("street_number") and values.get("street_name") and (values.get("city") or values.get("postal_code"))):
        return
    if not any(merged.sources.get(part) == "llm" for part in ADDRESS_PARTS):
        return
    line = compose_address(values)
    if line:
        values["unparsed_address"], merged.sources["unparsed_address"] = line, "llm"
        merged.evidence["unparsed_address"] = "llm"
        merged.confidence["unparsed_address"] = min(merged.confidence.get(part, 1.0) for part in ("street_number", "street_name"))


def settle_conflict(
    name: str, rule_value: Any, llm_value: Any, rules: RuleExtraction, text: str, llm: dict[str, Any]
) -> str | None:
    """Which of two disagreeing values the page supports: "rules", "llm", or None (neither).

    Each value is judged against the other reader's record (the LLM's value with the LLM's other
    answers, filled in by the rules'), so a cross-field check compares like with like. On a tie a
    structured or labelled rule value stands; a weakly evidenced one (title, URL, prose) does not.
    """
    rule_score = _support(name, rule_value, rules.values, text)
    llm_score = _support(name, llm_value, {**rules.values, **llm}, text)
    if llm_score > rule_score and llm_score > 0:
        return "llm"
    if rule_score > llm_score or name in rules.structured or rules.evidence.get(name) in STRONG_EVIDENCE:
        return "rules"
    return None
