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
