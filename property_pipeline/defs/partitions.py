"""Partitions: one per (collector source, landing day), so a landing folder is one partition."""

from __future__ import annotations

import datetime as dt

import dagster as dg

from ..contract import SOURCES

PARTITION_START = "2025-01-01"

daily_partitions = dg.DailyPartitionsDefinition(start_date=PARTITION_START, end_offset=1)
source_partitions = dg.StaticPartitionsDefinition(list(SOURCES))
source_day_partitions = dg.MultiPartitionsDefinition({"date": daily_partitions, "source": source_partitions})


def partition_key(source: str, day: dt.date) -> dg.MultiPartitionKey:
    return dg.MultiPartitionKey({"date": day.isoformat(), "source": source})


def source_and_day(key: dg.MultiPartitionKey | str) -> tuple[str, dt.date]:
    """(source, day) of a partition key, as the core's functions take them."""
    if not isinstance(key, dg.MultiPartitionKey):
        key = source_day_partitions.get_partition_key_from_str(key)
    dims = key.keys_by_dimension
    return dims["source"], dt.date.fromisoformat(dims["date"])
