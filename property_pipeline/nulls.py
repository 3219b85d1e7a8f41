"""Missing values: the one answer to "is this cell empty?" for everything the pipeline reads.

A value read back from a pandas frame or a warehouse table may be missing as `None`, a float
NaN (Python or numpy, which subclasses `float`), `pd.NA` or `pd.NaT`. Every cleaner that turns a
cell into a plain value (record validation, survivorship, the golden build, JSON output, the
Dagster metadata) asks `is_missing`, so they all agree on what "no value" is.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd


def is_missing(value: Any) -> bool:
    """None, NaN, `pd.NA` or `pd.NaT` (never raises, whatever the value)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def none_if_missing(value: Any) -> Any:
    """The value, or None where it is missing."""
    return None if is_missing(value) else value


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A frame's rows as dicts, missing cells as None (numeric columns would otherwise give NaN)."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")
