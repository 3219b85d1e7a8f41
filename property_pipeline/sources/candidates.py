"""Candidate values per field, and how the strongest is chosen: the resolution any page source uses.

A page may state a field several times: in a labelled fact, in a phrase, in its
JSON-LD, microdata or embedded script state, in a `data-*` attribute, inside a
closed `<details>`. Readers add every value they find to `Candidates` with its
tier (`VISIBLE` text beats `MACHINE`-readable data, which beats `WEAK` content a
reader must open) and its evidence ("label", "text", "json_ld", ...).
`Resolved.resolve(cands, field)` takes the first value of the strongest tier,
marks the field `ambiguous` when same-tier values disagree, and `structured`
when machine-readable data states it (alone, or agreeing with the text). The
evidence ends up in `RuleExtraction.evidence` and the record's `field_evidence`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .base import RuleExtraction
from .html import collapse

# Where a candidate value came from: the tier decides which wins, the evidence is reported.
VISIBLE, MACHINE, WEAK = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Found:
    tier: int
    value: Any
    evidence: str


@dataclass
class Candidates:
    """Every value the page offers per field, in reading order, with its tier and evidence.

    Visible text wins over machine-readable data (JSON-LD, microdata, embedded state, data-*
    attributes), which wins over the content of a closed <details>. Callers set where the next
    values come from with `at()`."""

    found: dict[str, list[Found]] = field(default_factory=dict)
    tier: int = VISIBLE
    evidence: str = "label"

    def at(self, tier: int, evidence: str) -> Candidates:
        self.tier, self.evidence = tier, evidence
        return self

    def add(self, name: str, value: Any) -> None:
        if value is None or value == "":
            return
        self.found.setdefault(name, []).append(Found(self.tier, value, self.evidence))

    def has(self, name: str, tier: int) -> bool:
        return any(f.tier == tier for f in self.found.get(name, ()))


def same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        try:
            return abs(float(a) - float(b)) <= max(0.5, 0.001 * abs(float(a)))
        except (TypeError, ValueError):
            return False
    if isinstance(a, str) and isinstance(b, str):
        return collapse(a).lower() == collapse(b).lower()
    return a == b


@dataclass
class Resolved:
    """The value chosen per field, and what the choice rests on."""

    values: dict[str, Any] = field(default_factory=dict)
    structured: set[str] = field(default_factory=set)
    ambiguous: set[str] = field(default_factory=set)
    evidence: dict[str, str] = field(default_factory=dict)

    def resolve(self, cands: Candidates, name: str) -> Any:
        """The first candidate of the strongest tier; conflicting candidates mark the field ambiguous,
        agreeing machine-readable data marks it structured."""
        found = cands.found.get(name, [])
        tiers = [[f for f in found if f.tier == tier] for tier in (VISIBLE, MACHINE, WEAK)]
        lead = next((t for t in tiers if t), None)
        if lead is None:
            return None
        # A labelled fact outranks a phrase read from prose: the phrase neither wins nor conflicts.
        stated = [f for f in lead if f.evidence not in ("text", "stat")] or lead
        first = stated[0]
        if any(not same(first.value, other.value) for other in stated[1:]):
            self.ambiguous.add(name)
        machine = tiers[1]
        if lead is tiers[0] and machine:
            if all(same(first.value, other.value) for other in machine):
                self.structured.add(name)
            else:
                self.ambiguous.add(name)
        elif lead is machine and name not in self.ambiguous:
            self.structured.add(name)
        self.evidence[name] = first.evidence
        return first.value

    def follow(self, name: str, source: str) -> None:
        """`name` was derived from `source` (lot acres from the lot): same evidence and flags."""
        if source in self.evidence:
            self.evidence[name] = self.evidence[source]
        if source in self.structured:
            self.structured.add(name)
        if source in self.ambiguous:
            self.ambiguous.add(name)

    def extraction(self) -> RuleExtraction:
        values = {k: v for k, v in self.values.items() if v is not None}
        return RuleExtraction(
            values=values,
            structured={s for s in self.structured if s in values},
            ambiguous={a for a in self.ambiguous if a in values},
            evidence={k: v for k, v in self.evidence.items() if k in values},
        )
