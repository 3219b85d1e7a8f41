"""Partitions: one per (collector source, landing day), so a landing folder is one partition.

The date axis starts at the first day the landing zone holds (or at
PROPERTY_PIPELINE_PARTITION_START), not at an arbitrary epoch, so the UI counts the days
the collectors delivered instead of years of "missing" partitions. It is read when the
code location loads; a folder older than the start is reported (sensor log, `run`,
`doctor`, quality summary) and becomes a partition after the next reload of the code
location picks it up as the new first day.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

import dagster as dg

from ..ops.landing_watch import first_landing_day
from ..settings import OpsSettings, default_landing_root
from ..sources import source_names

START_VARIABLE = "PROPERTY_PIPELINE_PARTITION_START"


def partition_start(env: dict[str, str] | None = None) -> dt.date:
    """PROPERTY_PIPELINE_PARTITION_START, else the landing root's first day folder, else today
    (in the collectors' timezone): the first day a partition can exist for."""
    env = os.environ if env is None else env
    configured = env.get(START_VARIABLE)
    if configured:
        try:
            return dt.date.fromisoformat(configured)
        except ValueError:
            raise ValueError(f"{START_VARIABLE}={configured!r} is not a date (YYYY-MM-DD)") from None
    landing = env.get("PROPERTY_PIPELINE_LANDING_ROOT") or default_landing_root()
    today = dt.datetime.now(ZoneInfo(OpsSettings.from_env(env).schedule_timezone)).date()
    return first_landing_day(landing) or today


PARTITION_TIMEZONE = OpsSettings.from_env().schedule_timezone
PARTITION_START = partition_start().isoformat()

# end_offset=1: today's partition exists while the collectors are still delivering into it.
daily_partitions = dg.DailyPartitionsDefinition(start_date=PARTITION_START, end_offset=1, timezone=PARTITION_TIMEZONE)
source_partitions = dg.StaticPartitionsDefinition(list(source_names()))
source_day_partitions = dg.MultiPartitionsDefinition({"date": daily_partitions, "source": source_partitions})


def partition_range() -> tuple[dt.date, dt.date]:
    """The first and last day a partition exists for right now (the last is today in the
    partition timezone, as `end_offset=1` makes it)."""
    keys = daily_partitions.get_partition_keys()
    return dt.date.fromisoformat(keys[0]), dt.date.fromisoformat(keys[-1])


def partition_key(source: str, day: dt.date) -> dg.MultiPartitionKey:
    return dg.MultiPartitionKey({"date": day.isoformat(), "source": source})


def source_and_day(key: dg.MultiPartitionKey | str) -> tuple[str, dt.date]:
    """(source, day) of a partition key, as the core's functions take them."""
    if not isinstance(key, dg.MultiPartitionKey):
        key = source_day_partitions.get_partition_key_from_str(key)
    dims = key.keys_by_dimension
    return dims["source"], dt.date.fromisoformat(dims["date"])
