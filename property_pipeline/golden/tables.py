"""The golden tables in the warehouse, read back as the assets wrote them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pandas as pd

from ..nulls import frame_records
from ..storage.warehouse import read_table

GOLDEN_TABLE = "property_golden_records"
HISTORY_TABLE = "property_listing_history"
GOLDEN_JSON_COLUMNS = ("sources", "listing_ids", "field_lineage", "conflicts", "members", "ambiguous_candidates")


def read_golden(url: str, table: str = GOLDEN_TABLE) -> pd.DataFrame:
    """The golden table (or the listing history) as last materialized; empty when never built."""
    df = read_table(url, table)
    for column in GOLDEN_JSON_COLUMNS:
        if column in df.columns:  # JSON on SQLite may come back as text, depending on reflection
            df[column] = df[column].map(lambda v: json.loads(v) if isinstance(v, str) else v)
    sort = ["property_key", "collected_on"] if table == HISTORY_TABLE else ["property_key"]
    return df.sort_values(sort, ignore_index=True) if len(df) else df


def published_validated(url: str) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """The validated records of every published partition, and the (source, day) partitions
    held back because a blocking check failed (their report's `blocking_failures`): a held-back
    partition's records are not published, so they do not reach the golden table either."""
    validated = read_table(url, "validated_properties")
    reports = read_table(url, "property_quality_report")
    held: set[tuple[str, str]] = set()
    if len(reports) and "blocking_failures" in reports.columns:
        failed = reports[reports["blocking_failures"].map(bool)]
        held = {(s, str(d)) for s, d in zip(failed["source"], failed["collected_on"])}
    if not len(validated):
        return [], sorted(held)
    keep = [(s, str(d)) not in held for s, d in zip(validated["source"], validated["collected_on"])]
    return validated[keep].to_dict("records"), sorted(held)


EXPORT_TABLES = {"golden": GOLDEN_TABLE, "history": HISTORY_TABLE}


def export_rows(url: str, which: str) -> Iterator[dict[str, Any]]:
    """Rows of `golden` (one per property) or `history` (one per listing observation) as plain
    dicts, for `property-pipeline export --table`."""
    df = read_golden(url, EXPORT_TABLES[which])
    yield from frame_records(df)
