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
from collections.abc import Iterable
from typing import Any

import pandas as pd

from ..contract import PROPERTY_FIELDS
from ..nulls import is_missing
from .rules import QualityConfig

CONFIDENCE_BINS = [0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001]


def completeness(records: pd.DataFrame, fields: Iterable[str] = PROPERTY_FIELDS) -> dict[str, float]:
    """Share of records with a value, per field; `fields` are those the source can state
    (an assessor-only field is not "0% complete" on listing pages: it is not asked of them)."""
    if not len(records):
        return {}
    return {f: round(float(records[f].notna().mean()), 3) for f in fields if f in records.columns}


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
        "latency_p50_ms": round(float(latency.quantile(0.5)), 1) if len(latency) else None,
        "latency_p95_ms": round(float(latency.quantile(0.95)), 1) if len(latency) else None,
        "fallbacks": int(records.get("llm_fallback", pd.Series(dtype=bool)).fillna(False).astype(bool).sum()),
    }


def partition_report(
    raw_files: pd.DataFrame,
    validated: pd.DataFrame,
    quarantined: pd.DataFrame,
    dead_letters: pd.DataFrame,
    fields: Iterable[str] = PROPERTY_FIELDS,
    blocking_failures: list[str] | None = None,
) -> pd.DataFrame:
    """One row for one partition. `conserved` is True when every distinct raw file
    (by content hash) appears in exactly one of the three outcome tables; `fields` are the
    fields the source can state (completeness is reported for those); `blocking_failures`
    says which blocking checks failed and why (the partition is then held back from the
    summary)."""
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
                "completeness": completeness(records, fields),
                "top_issues": top_issues(records),
                "llm_rules_disagreements": dict(_issue_counts(records, "extraction_warnings", "llm_rules_conflict:")),
                "dead_letter_reasons": dict(Counter(dead_letters["reason_code"])) if len(dead_letters) else {},
                "llm_usage": llm_usage(records),
                "missing_files": [path_of.get(m, m) for m in missing],
                "duplicated_files": [path_of.get(d, d) for d in duplicated] + unexpected,
                "conserved": not missing and not duplicated and not unexpected,
                "blocking_failures": list(blocking_failures or []),
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


def confidence_plot_markdown(
    histogram: dict[str, int], title: str, threshold: float = QualityConfig.min_confidence
) -> str:
    """The confidence histogram as a PNG embedded in markdown (the UI renders it inline); bins
    below `threshold` (the quarantine threshold) are red."""
    # The figure API without pyplot: no global state, and pyplot's import is most of the cost.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    labels, counts = list(histogram), list(histogram.values())
    fig = Figure(figsize=(6, 2.6), dpi=90)
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    colors = ["#c0392b" if float(label.split("-")[0]) < threshold else "#27ae60" for label in labels]
    ax.bar(range(len(labels)), counts, color=colors)
    ax.set_xticks(range(len(labels)), labels, rotation=30, fontsize=7)
    ax.set_ylabel("records")
    ax.set_title(title, fontsize=9)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    encoded = base64.b64encode(buffer.getvalue()).decode()
    return f"![confidence distribution](data:image/png;base64,{encoded})"


def report_tables(row: pd.Series) -> dict[str, tuple[list[tuple[str, str]], list[dict[str, Any]]]]:
    """The report row's nested values as small tables: {name: ([(column, type)], rows)}.
    The Dagster metadata and the HTML report render the same tables."""
    histogram = row["confidence_histogram"] or {}
    peak = max(histogram.values(), default=0) or 1
    tables = {
        "confidence_histogram": (
            [("confidence", "string"), ("records", "int"), ("bar", "string")],
            [{"confidence": k, "records": int(v), "bar": "#" * round(20 * v / peak)} for k, v in histogram.items()],
        ),
        "completeness": (
            [("field", "string"), ("share_with_value", "float")],
            [{"field": f, "share_with_value": round(float(v), 3)} for f, v in (row["completeness"] or {}).items()],
        ),
        "top_validation_issues": (
            [("issue", "string"), ("records", "int"), ("examples", "string")],
            [{"issue": i["issue"], "records": int(i["records"]), "examples": ", ".join(i["examples"])} for i in row["top_issues"] or []],
        ),
        "dead_letter_reasons": (
            [("reason_code", "string"), ("files", "int")],
            [{"reason_code": k, "files": int(v)} for k, v in (row["dead_letter_reasons"] or {}).items()],
        ),
        "llm_rules_disagreements": (
            [("field", "string"), ("records", "int")],
            [{"field": k, "records": int(v)} for k, v in (row["llm_rules_disagreements"] or {}).items()],
        ),
    }
    return tables


def _png(fig) -> str:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _dispositions_plot(reports: pd.DataFrame) -> str:
    """Files per partition by disposition, stacked: the range's trend at a glance."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [f"{r.collected_on}\n{r.source}" for r in reports.itertuples()]
    fig, ax = plt.subplots(figsize=(max(6, 0.9 * len(labels)), 3), dpi=90)
    bottom = [0] * len(labels)
    for column, color in (("validated", "#27ae60"), ("quarantined", "#f39c12"), ("dead_letters", "#c0392b")):
        values = [int(v) for v in reports[column]]
        ax.bar(range(len(labels)), values, bottom=bottom, color=color, label=column)
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_xticks(range(len(labels)), labels, fontsize=7)
    ax.set_ylabel("files")
    ax.legend(fontsize=7)
    return _png(fig)


def _html_table(columns: list[str], rows: list[dict[str, Any]]) -> str:
    from html import escape

    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape('' if r.get(c) is None else str(r.get(c)))}</td>" for c in columns) + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


HTML_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2em;color:#222;max-width:1200px}
h1{font-size:1.5em} h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5em 0;font-size:.9em} td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}
th{background:#f4f4f4} .held{color:#c0392b;font-weight:600} .ok{color:#27ae60} .num{font-size:1.6em;font-weight:600}
.cards{display:flex;gap:2em;flex-wrap:wrap} .card{padding:.6em 1em;border:1px solid #ddd;border-radius:6px}
"""


def render_html(reports: pd.DataFrame, title: str = "Property pipeline quality report") -> str:
    """One self-contained HTML page (inline CSS, plots as inline PNG) on any number of
    partition report rows: headline numbers, dispositions per partition, the confidence
    distribution, partitions held back by a failed blocking check and why, top validation
    issues, dead letter reasons, completeness per source."""
    from html import escape

    reports = reports.sort_values(["collected_on", "source"]).reset_index(drop=True)
    summary = summarize(reports)
    days = sorted({str(d) for d in reports["collected_on"]})
    failures = reports.get("blocking_failures", pd.Series([[]] * len(reports)))
    cards = "".join(
        f'<div class="card"><div>{escape(label)}</div><div class="num">{value}</div></div>'
        for label, value in (
            ("partitions", summary["partitions"]),
            ("files", summary["files"]),
            ("validated", summary["validated"]),
            ("quarantined", summary["quarantined"]),
            ("dead letters", summary["dead_letters"]),
            ("mean confidence", "-" if summary["mean_confidence"] is None else f"{summary['mean_confidence']:.3f}"),
            ("held back", int(failures.map(bool).sum())),
        )
    )
    partitions = [
        {
            "day": str(r.collected_on),
            "source": r.source,
            "files": int(r.files),
            "validated": int(r.validated),
            "quarantined": int(r.quarantined),
            "dead letters": int(r.dead_letters),
            "mean confidence": None if is_missing(r.mean_confidence) else round(float(r.mean_confidence), 3),
            "status": "held back: " + "; ".join(f) if isinstance(f, list) and f else "published",
        }
        for r, f in zip(reports.itertuples(), failures)
    ]
    completeness_rows = []
    for source, group in reports.groupby("source"):
        shares: dict[str, list[float]] = {}
        for values in group["completeness"]:
            for field_name, share in (values or {}).items():
                shares.setdefault(field_name, []).append(float(share))
        completeness_rows += [{"source": source, "field": k, "mean share with value": round(sum(v) / len(v), 3)} for k, v in shares.items()]
    reasons: Counter = Counter()
    for values in reports["dead_letter_reasons"]:
        reasons.update(values or {})
    sections = [
        f"<h1>{escape(title)}</h1><p>{escape(days[0])} to {escape(days[-1])}, {len(reports)} partition(s)</p>",
        f'<div class="cards">{cards}</div>',
        "<h2>Files by disposition</h2>",
        f'<img alt="dispositions per partition" src="{_dispositions_plot(reports)}">',
        "<h2>Confidence distribution</h2>",
        confidence_plot_markdown(summary["confidence_histogram"], "Confidence, all partitions in range")
        .replace("![confidence distribution](", '<img alt="confidence distribution" src="')
        .rstrip(")")
        + '">',
        "<h2>Partitions</h2>",
        _html_table(list(partitions[0]), partitions),
        "<h2>Top validation issues</h2>",
        _html_table(["issue", "records"], [{"issue": k, "records": v} for k, v in summary["top_issues"].items()]),
        "<h2>Dead letter reasons</h2>",
        _html_table(["reason", "files"], [{"reason": k, "files": v} for k, v in reasons.most_common()]),
        "<h2>Completeness of the fields each source can state</h2>",
        _html_table(["source", "field", "mean share with value"], completeness_rows),
    ]
    return f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title><style>{HTML_STYLE}</style></head><body>{"".join(sections)}</body></html>\n'
