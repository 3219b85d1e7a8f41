"""Quality reports: counts by disposition, completeness, confidence, LLM usage, issues, conservation.

`partition_report` is one row per partition (the `property_quality_report`
table); `summarize` folds any number of those rows into the cross-partition
summary; `confidence_plot_markdown` renders the confidence histogram as a PNG
embedded in markdown, which the Dagster UI shows inline.
"""

from __future__ import annotations

import base64
import io
from collections import Counter
from typing import Any

import pandas as pd

from ..contract import PROPERTY_FIELDS

CONFIDENCE_BINS = [0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001]


def completeness(records: pd.DataFrame) -> dict[str, float]:
    """Share of records with a value, per contract field."""
    if not len(records):
        return {}
    return {f: round(float(records[f].notna().mean()), 3) for f in PROPERTY_FIELDS if f in records.columns}


def confidence_histogram(confidences: pd.Series) -> dict[str, int]:
    values = confidences.dropna().astype(float)
    buckets = pd.cut(values, CONFIDENCE_BINS, right=False)
    counts = buckets.value_counts(sort=False)
    return {f"{interval.left:.2f}-{min(interval.right, 1.0):.2f}": int(n) for interval, n in counts.items()}


def _issue_counts(records: pd.DataFrame, column: str, prefix: str = "") -> Counter:
    counts: Counter = Counter()
    if column in records.columns:
        for items in records[column]:
            for item in items if isinstance(items, list) else []:
                if item.startswith(prefix):
                    counts[item[len(prefix):]] += 1
    return counts


def top_issues(records: pd.DataFrame, limit: int = 10) -> list[dict[str, Any]]:
    """The most frequent validation issues, each with up to three example files."""
    counts = _issue_counts(records, "validation_issues")
    out = []
    for issue, count in counts.most_common(limit):
        mask = records["validation_issues"].map(lambda items, i=issue: isinstance(items, list) and i in items)
        out.append({"issue": issue, "records": count, "examples": list(records.loc[mask, "source_file"][:3])})
    return out


def llm_usage(records: pd.DataFrame) -> dict[str, Any]:
    if "llm_model" not in records.columns or not records["llm_model"].notna().any():
        return {"records_with_llm": 0}
    used = records[records["llm_model"].notna()]
    latency = used["llm_latency_ms"].dropna().astype(float)
    latency = latency[latency > 0]  # cache hits cost nothing
    return {
        "records_with_llm": int(len(used)),
        "models": sorted(map(str, used["llm_model"].unique())),
        "prompt_tokens": int(used["prompt_tokens"].fillna(0).sum()),
        "completion_tokens": int(used["completion_tokens"].fillna(0).sum()),
        "latency_p50_ms": float(latency.quantile(0.5)) if len(latency) else None,
        "latency_p95_ms": float(latency.quantile(0.95)) if len(latency) else None,
        "fallbacks": int(records.get("llm_fallback", pd.Series(dtype=bool)).fillna(False).astype(bool).sum()),
    }


def partition_report(
    raw_files: pd.DataFrame, validated: pd.DataFrame, quarantined: pd.DataFrame, dead_letters: pd.DataFrame
) -> pd.DataFrame:
    """One row for one partition. `conserved` is True when every distinct raw file
    (by content hash) appears in exactly one of the three outcome tables."""
    distinct = set(raw_files["record_id"]) if len(raw_files) else set()
    outcomes = [
        *(validated["record_id"] if len(validated) else []),
        *(quarantined["record_id"] if len(quarantined) else []),
        *(dead_letters["record_id"] if len(dead_letters) else []),
    ]
    counts = pd.Series(outcomes, dtype="object").value_counts()
    duplicated = sorted(counts[counts > 1].index)
    missing = sorted(distinct - set(counts.index))
    unexpected = sorted(set(counts.index) - distinct)
    path_of = dict(zip(raw_files.get("record_id", []), raw_files.get("source_file", [])))
    files = len(distinct)
    frames = [f for f in (validated, quarantined) if len(f)]
    records = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["confidence"])
    return pd.DataFrame(
        [
            {
                "files": len(raw_files),
                "distinct_files": files,
                "validated": len(validated),
                "quarantined": len(quarantined),
                "dead_letters": len(dead_letters),
                "dead_letter_rate": len(dead_letters) / files if files else 0.0,
                "mean_confidence": float(records["confidence"].astype(float).mean()) if len(records) else None,
                "confidence_histogram": confidence_histogram(records["confidence"]),
                "completeness": completeness(records),
                "top_issues": top_issues(records),
                "llm_rules_disagreements": dict(_issue_counts(records, "extraction_warnings", "llm_rules_conflict:")),
                "dead_letter_reasons": dict(Counter(dead_letters["reason_code"])) if len(dead_letters) else {},
                "llm_usage": llm_usage(records),
                "missing_files": [path_of.get(m, m) for m in missing],
                "duplicated_files": [path_of.get(d, d) for d in duplicated] + unexpected,
                "conserved": not missing and not duplicated and not unexpected,
            }
        ]
    )


def summarize(reports: pd.DataFrame) -> dict[str, Any]:
    """Fold per-partition report rows into one summary across partitions."""
    if not len(reports):
        return {"partitions": 0}
    histogram: Counter = Counter()
    issues: Counter = Counter()
    disagreements: Counter = Counter()
    for row in reports.itertuples():
        histogram.update(row.confidence_histogram or {})
        issues.update({i["issue"]: i["records"] for i in (row.top_issues or [])})
        disagreements.update(row.llm_rules_disagreements or {})
    records = int(reports["validated"].sum() + reports["quarantined"].sum())
    weights = (reports["validated"] + reports["quarantined"]).astype(float)
    mean_conf = reports["mean_confidence"].astype(float)
    return {
        "partitions": int(len(reports)),
        "files": int(reports["files"].sum()),
        "validated": int(reports["validated"].sum()),
        "quarantined": int(reports["quarantined"].sum()),
        "dead_letters": int(reports["dead_letters"].sum()),
        "mean_confidence": float((mean_conf.fillna(0) * weights).sum() / weights.sum()) if records else None,
        "all_conserved": bool(reports["conserved"].all()),
        "confidence_histogram": {k: histogram[k] for k in sorted(histogram)},
        "top_issues": dict(issues.most_common(10)),
        "llm_rules_disagreements": dict(disagreements.most_common(10)),
    }


def confidence_plot_markdown(histogram: dict[str, int], title: str) -> str:
    """The confidence histogram as a PNG embedded in markdown (the UI renders it inline)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels, counts = list(histogram), list(histogram.values())
    fig, ax = plt.subplots(figsize=(6, 2.6), dpi=90)
    colors = ["#c0392b" if float(label.split("-")[0]) < 0.7 else "#27ae60" for label in labels]
    ax.bar(range(len(labels)), counts, color=colors)
    ax.set_xticks(range(len(labels)), labels, rotation=30, fontsize=7)
    ax.set_ylabel("records")
    ax.set_title(title, fontsize=9)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    encoded = base64.b64encode(buffer.getvalue()).decode()
    return f"![confidence distribution](data:image/png;base64,{encoded})"
