"""Quality reports: counts by disposition, completeness per field, conservation."""

from __future__ import annotations

import pandas as pd

from ..contract import PROPERTY_FIELDS


def completeness(records: pd.DataFrame) -> dict[str, float]:
    """Share of records with a value, per contract field."""
    if not len(records):
        return {}
    return {f: round(float(records[f].notna().mean()), 3) for f in PROPERTY_FIELDS if f in records.columns}


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
    first = raw_files.iloc[0] if len(raw_files) else None
    files = len(distinct)
    both = pd.concat([validated, quarantined]) if len(validated) or len(quarantined) else validated
    return pd.DataFrame(
        [
            {
                "source": None if first is None else first["source"],
                "collected_on": None if first is None else first["collected_on"],
                "files": len(raw_files),
                "distinct_files": files,
                "validated": len(validated),
                "quarantined": len(quarantined),
                "dead_letters": len(dead_letters),
                "dead_letter_rate": len(dead_letters) / files if files else 0.0,
                "mean_confidence": float(both["confidence"].astype(float).mean()) if len(both) else None,
                "completeness": completeness(both),
                "missing_files": [path_of.get(m, m) for m in missing],
                "duplicated_files": [path_of.get(d, d) for d in duplicated] + unexpected,
                "conserved": not missing and not duplicated and not unexpected,
            }
        ]
    )
