"""The golden property table and the listing history, built from validated records.

`build_golden(records)` is a pure function of the validated records of both sources and all
days: link them into properties (`linking`), keep per-field survivors with lineage and
conflicts (`survivorship`), and list every listing observation with its day. Only the
contract's lineage and property fields are read from a record, so nothing else a table may
hold (and never owner data, which no adapter lets through) can reach a golden row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..contract import INT_FIELDS, LINEAGE_COLUMNS, PROPERTY_FIELDS
from ..nulls import is_missing
from .linking import Linked, Member, link_records
from .survivorship import ASSESSOR, LISTING, lineage, survive

GOLDEN_COLUMNS = (
    "property_key", "link_status", "match_confidence", "sources", "observations", "listing_ids",
    "first_collected_on", "collected_on", *PROPERTY_FIELDS, "field_lineage", "conflicts", "members",
    "ambiguous_candidates",
)
HISTORY_COLUMNS = (
    "property_key", "collected_on", "listing_id", "event", "standard_status", "list_price",
    "previous_list_price", "link", "match_confidence", "source_file", "record_id",
)
LINK_STATUSES = ("apn", "address", "unlinked", "ambiguous")


def _value(name: str, value: Any) -> Any:
    if is_missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if name in INT_FIELDS and isinstance(value, float) and value.is_integer():
        return int(value)
    if name == "collected_on" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if name == "collected_on" and isinstance(value, dt.datetime):
        return value.date()
    return value


def clean_record(record: dict[str, Any]) -> dict[str, Any]:
    """Only the contract's lineage and property fields, as plain Python values (NaN -> None)."""
    return {name: _value(name, record.get(name)) for name in (*LINEAGE_COLUMNS, *PROPERTY_FIELDS)}


def _link_status(members: list[Member], sources: set[str]) -> str:
    if any(m.link == "ambiguous" for m in members):
        return "ambiguous"
    if {LISTING, ASSESSOR} <= sources:
        return "address" if any(m.link == "address" for m in members) else "apn"
    return "unlinked"


def golden_row(key: str, members: list[Member]) -> dict[str, Any]:
    """One property's golden record: survivors, lineage, conflicts and how its records were linked."""
    records = [m.record for m in members]
    sources = {r["source"] for r in records}
    status = _link_status(members, sources)
    confidences = [m.confidence for m in members if m.confidence is not None]
    days = sorted(r["collected_on"] for r in records)
    survived = survive(records)
    return {
        "property_key": key,
        "link_status": status,
        "match_confidence": min(confidences) if status in ("apn", "address") else None,
        "sources": sorted(sources),
        "observations": len(records),
        "listing_ids": sorted({r["listing_id"] for r in records if r.get("listing_id")}),
        "first_collected_on": days[0].isoformat(),
        "collected_on": days[-1],
        **survived.values,
        "field_lineage": survived.lineage,
        "conflicts": survived.conflicts,
        "members": [{**lineage(m.record), "link": m.link, "confidence": m.confidence} for m in members],
        "ambiguous_candidates": sorted({c for m in members for c in m.candidates}),
    }


def _event(previous: dict[str, Any] | None, current: dict[str, Any]) -> str:
    """What one listing observation says happened since the property's previous one."""
    if previous is None:
        return "listed"
    if current.get("listing_id") != previous.get("listing_id"):
        return "relisted"
    if current.get("standard_status") != previous.get("standard_status") and current.get("standard_status") == "Closed":
        return "sold"
    if current.get("list_price") != previous.get("list_price"):
        return "price_change"
    if current.get("standard_status") != previous.get("standard_status"):
        return "status_change"
    return "unchanged"


def history_rows(key: str, members: list[Member]) -> list[dict[str, Any]]:
    """Every listing observation of one property, oldest first, with what changed."""
    rows, previous = [], None
    listings = sorted((m for m in members if m.record["source"] == LISTING),
                      key=lambda m: (m.record["collected_on"], m.record["source_file"]))
    for member in listings:
        record = member.record
        rows.append(
            {
                "property_key": key,
                "collected_on": record["collected_on"],
                "listing_id": record.get("listing_id"),
                "event": _event(previous, record),
                "standard_status": record.get("standard_status"),
                "list_price": record.get("list_price"),
                "previous_list_price": previous.get("list_price") if previous else None,
                "link": member.link,
                "match_confidence": member.confidence,
                "source_file": record["source_file"],
                "record_id": record["record_id"],
            }
        )
        previous = record
    return rows


@dataclass
class GoldenResult:
    """The golden table, the listing history, and what the linker could not or would not merge."""

    golden: pd.DataFrame
    history: pd.DataFrame
    ambiguities: list[dict[str, Any]] = field(default_factory=list)
    parcels_at_two_addresses: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Properties by link status, with conflicts, ambiguous records and suspicious parcels."""
        status = self.golden["link_status"].value_counts() if len(self.golden) else pd.Series(dtype=int)
        return {
            "properties": len(self.golden),
            **{f"linked_by_{s}" if s in ("apn", "address") else s: int(status.get(s, 0)) for s in LINK_STATUSES},
            "with_conflicts": int(self.golden["conflicts"].map(bool).sum()) if len(self.golden) else 0,
            "ambiguous_records": len(self.ambiguities),
            "parcels_at_two_addresses": len(self.parcels_at_two_addresses),
            "listing_observations": len(self.history),
        }


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...], floats: tuple[str, ...]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=list(columns))
    for name in floats:  # a float column even when every value is missing, so the table types it
        df[name] = df[name].astype("float64")
    return df


def build_golden(records: Iterable[dict[str, Any]], as_of: dt.date | None = None) -> GoldenResult:
    """Golden records and listing history from validated records of both sources and any days.

    `as_of` rebuilds the table as it stood on that day (only records collected up to it).
    """
    cleaned = [clean_record(r) for r in records]
    if as_of is not None:
        cleaned = [r for r in cleaned if r["collected_on"] <= as_of]
    linked: Linked = link_records(cleaned)
    golden = [golden_row(key, members) for key, members in linked.properties.items()]
    history = [row for key, members in linked.properties.items() for row in history_rows(key, members)]
    return GoldenResult(
        golden=_frame(golden, GOLDEN_COLUMNS, ("match_confidence",)),
        history=_frame(history, HISTORY_COLUMNS, ("list_price", "previous_list_price", "match_confidence")),
        ambiguities=linked.ambiguities,
        parcels_at_two_addresses=linked.parcels_at_two_addresses,
    )
