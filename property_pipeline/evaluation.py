"""Field-level accuracy of extracted records against labeled samples.

A label file holds `{"layout", "disposition", "fields": {<34 contract fields>}}`.
A field counts as correct when both are null, or both hold the same value
(strings compared case- and whitespace-insensitively, numbers within 1%).
A hallucination is a value where the label says the source states none.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .contract import PROPERTY_FIELDS
from .extraction.merge import values_agree


def load_labels(expected_root: Path, source: str | None = None) -> dict[str, dict[str, Any]]:
    """Labels keyed by landing-relative path: `<source>/<day>/<file>` is labeled by
    `<expected_root>/<source>/<day>/<file>.json`."""
    root = Path(expected_root)
    labels = {}
    for path in sorted(root.glob(f"{source or '*'}/*/*.json")):
        labels[path.relative_to(root).as_posix().removesuffix(".json")] = json.loads(path.read_text())
    return labels


def _is_null(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


@dataclass
class Score:
    fields: int = 0
    correct: int = 0
    null_fields: int = 0
    hallucinated: int = 0
    stated: int = 0
    stated_correct: int = 0
    wrong: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def accuracy(self) -> float:
        return self.correct / self.fields if self.fields else 0.0

    @property
    def stated_accuracy(self) -> float:
        """Accuracy over the fields the source states (nulls excluded)."""
        return self.stated_correct / self.stated if self.stated else 0.0

    @property
    def hallucination_rate(self) -> float:
        return self.hallucinated / self.null_fields if self.null_fields else 0.0

    def add(self, expected: dict[str, Any], actual: dict[str, Any]) -> None:
        for name in PROPERTY_FIELDS:
            want, got = expected.get(name), actual.get(name)
            self.fields += 1
            if _is_null(want):
                self.null_fields += 1
                if _is_null(got):
                    self.correct += 1
                else:
                    self.hallucinated += 1
                    self.wrong[name] += 1
                continue
            self.stated += 1
            if not _is_null(got) and values_agree(name, want, got):
                self.correct += 1
                self.stated_correct += 1
            else:
                self.wrong[name] += 1


def score_records(
    records: Iterable[dict[str, Any]], labels: dict[str, dict[str, Any]]
) -> dict[tuple[str, str], Score]:
    """Scores by (source, layout family), plus ("all", "all"); a labeled file without a record scores all-null."""
    by_path = {r["source_file"]: r for r in records}
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    for path, label in labels.items():
        if label.get("disposition") == "dead_letter":
            continue
        actual = by_path.get(path, {})
        source = path.split("/", 1)[0]
        for key in ((source, label.get("layout", "?")), (source, "all"), ("all", "all")):
            scores[key].add(label["fields"], actual)
    return dict(scores)


def format_scores(scores: dict[tuple[str, str], Score]) -> str:
    lines = [
        f"{'source':16} {'layout':18} {'fields':>6} {'accuracy':>9} {'stated':>7} {'halluc.':>8}  most often wrong"
    ]
    for (source, layout), s in sorted(scores.items()):
        worst = ", ".join(f"{k}:{v}" for k, v in sorted(s.wrong.items(), key=lambda kv: -kv[1])[:4])
        lines.append(
            f"{source:16} {layout:18} {s.fields:6d} {s.accuracy:9.3f} {s.stated_accuracy:7.3f} "
            f"{s.hallucination_rate:8.3f}  {worst}"
        )
    return "\n".join(lines)


CALIBRATION_BUCKETS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)


@dataclass
class Calibration:
    """Field confidence against correctness, and record confidence against any wrong field."""

    buckets: dict[str, list[int]] = field(default_factory=dict)  # label -> [fields, correct]
    high_fields: int = 0
    high_correct: int = 0
    low_records: int = 0
    low_records_wrong: int = 0
    high_records: int = 0
    high_records_wrong: int = 0

    @property
    def high_precision(self) -> float:
        """Among fields with confidence >= 0.8, the share that is correct."""
        return self.high_correct / self.high_fields if self.high_fields else 0.0

    @property
    def low_record_error_rate(self) -> float:
        """Among records below the threshold, the share with at least one wrong field."""
        return self.low_records_wrong / self.low_records if self.low_records else 0.0

    @property
    def high_record_error_rate(self) -> float:
        """Among records at or above the threshold, the share with at least one wrong field."""
        return self.high_records_wrong / self.high_records if self.high_records else 0.0


def calibrate(records: Iterable[dict[str, Any]], labels: dict[str, dict[str, Any]], threshold: float = 0.7) -> Calibration:
    """Judge every emitted field value (and every record) of labeled files against the label."""
    result = Calibration()
    edges = CALIBRATION_BUCKETS
    names = [f"{lo:.2f}-{min(hi, 1.0):.2f}" for lo, hi in zip(edges, edges[1:])]
    result.buckets = {name: [0, 0] for name in names}
    for record in records:
        label = labels.get(record["source_file"])
        if not label or label.get("disposition") == "dead_letter":
            continue
        # A record is wrong when any field differs from the label, a missed value included.
        any_wrong = any(
            not (_is_null(want) and _is_null(record.get(name)))
            and (_is_null(want) or _is_null(record.get(name)) or not values_agree(name, want, record.get(name)))
            for name, want in label["fields"].items()
        )
        for name, conf in (record.get("field_confidence") or {}).items():
            value = record.get(name)
            if _is_null(value):
                continue
            correct = values_agree(name, label["fields"].get(name), value)
            bucket = next(n for n, lo, hi in zip(names, edges, edges[1:]) if lo <= conf < hi)
            result.buckets[bucket][0] += 1
            result.buckets[bucket][1] += correct
            if conf >= 0.8:
                result.high_fields += 1
                result.high_correct += correct
        if float(record.get("confidence") or 0) < threshold:
            result.low_records += 1
            result.low_records_wrong += any_wrong
        else:
            result.high_records += 1
            result.high_records_wrong += any_wrong
    return result


def format_calibration(cal: Calibration) -> str:
    lines = [f"{'field confidence':>16} {'fields':>7} {'correct':>8}"]
    for name, (count, correct) in cal.buckets.items():
        share = f"{correct / count:8.3f}" if count else f"{'-':>8}"
        lines.append(f"{name:>16} {count:7d} {share}")
    lines.append(f"fields with confidence >= 0.8 that are correct: {cal.high_precision:.3f} ({cal.high_fields} fields)")
    lines.append(
        f"records below the threshold with at least one wrong field: {cal.low_record_error_rate:.3f} "
        f"({cal.low_records} records)"
    )
    lines.append(
        f"records at or above the threshold with at least one wrong field: {cal.high_record_error_rate:.3f} "
        f"({cal.high_records} records)"
    )
    return "\n".join(lines)


MODES = ("rules", "llm", "hybrid")


def evaluate_samples(
    landing: Path, labels: dict[str, dict[str, Any]], *, mode: str = "rules", llm: Any = None, threshold: float = 0.7
) -> tuple[list[dict[str, Any]], dict[tuple[str, str], Score], Calibration]:
    """Extract and validate every labeled file with the plain core, then score it.

    `mode` is `rules` (no LLM), `llm` (the LLM alone, rules switched off) or `hybrid`.
    """
    import asyncio

    from .extraction.extractor import Extractor
    from .landing import iter_partitions, scan_partition
    from .quality.rules import QualityConfig
    from .quality.validate import validate_records

    if mode not in MODES:
        raise ValueError(f"mode {mode!r}; expected one of {MODES}")
    if mode != "rules" and llm is None:
        raise ValueError(f"mode {mode!r} needs an LLM backend (PROPERTY_PIPELINE_LLM=ollama or embedded)")
    records: list[dict[str, Any]] = []
    for source, day in iter_partitions(landing):
        files = [f for f in scan_partition(landing, source, day) if f.path in labels]
        extractor = Extractor(source, root=landing, llm=None if mode == "rules" else llm, use_rules=mode != "llm")
        result = asyncio.run(extractor.run(files))
        checked = validate_records(result.records_frame(), QualityConfig(min_confidence=threshold))
        for frame in (checked.validated, checked.quarantined):
            records += frame.astype(object).where(frame.notna(), None).to_dict("records")
    return records, score_records(records, labels), calibrate(records, labels, threshold)
