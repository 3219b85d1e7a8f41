"""The one place that makes a value storable before it reaches a table (SQLite or PostgreSQL).

Values come from hostile files: JSON and JSON-LD may hold lone UTF-16 surrogates
(`"\\ud800"`, which no UTF-8 encoder accepts) and NUL characters (PostgreSQL rejects
them in text and in JSONB), numbers may be non-finite or beyond BIGINT. Every cell
passes through `storable_cell` with the type of the column it goes to, and comes out
as a value both databases accept. What had to change is said in a warning that the
warehouse puts on the row (see `warning_column`), so a sanitized value is never silent.

Text keeps its meaning: a surrogate or a NUL becomes its visible escape (`\\ud800`,
`\\u0000`), not a deletion, so two different inputs stay different.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Any

import pandas as pd
import sqlalchemy as sa

from ..nulls import is_missing

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
# Python refuses to print integers of more than 4,300 digits (about 14,000 bits).
MAX_JSON_INT_BITS = 14_000
STORAGE_WARNINGS = "storage_warnings"
"""Column added to a table that has no column of its own for warnings, when a row needs one."""
_NEEDS_ESCAPE = range(0xD800, 0xE000)
_TEXT = sa.Text()
_JSON_ESCAPES = re.compile(r"\\u(0000|d[89a-f])", re.IGNORECASE)


def storable_text(text: str) -> tuple[str, bool]:
    """`text` with NUL characters and unpaired surrogates replaced by their escapes; changed?"""
    if "\x00" not in text:
        try:
            text.encode("utf-8")
            return text, False
        except UnicodeEncodeError:
            pass
    escaped = "".join(
        f"\\u{ord(ch):04x}" if ch == "\x00" or ord(ch) in _NEEDS_ESCAPE else ch for ch in text
    )
    return escaped, True


def _python(value: Any) -> Any:
    """numpy scalars as Python scalars (everything else unchanged)."""
    if hasattr(value, "item") and not isinstance(value, (list, dict, str, bytes, bytearray)):
        try:
            return value.item()
        except (TypeError, ValueError):  # an array, not a scalar
            return value
    return value


def storable_json(value: Any) -> tuple[Any, list[str]]:
    """A JSON value both databases accept: text escaped (keys too), non-finite numbers as
    null, other objects as text. Returns the value and what had to change."""
    try:
        # Fast path (C encoder): clean JSON has no non-finite number, and no NUL or surrogate,
        # which ASCII-only JSON would show as \u0000 or \ud800-\udfff.
        if not _JSON_ESCAPES.search(json.dumps(value, allow_nan=False)):
            return value, []
    except (TypeError, ValueError):  # an object JSON cannot hold, NaN, or a giant integer
        pass
    notes: list[str] = []
    return _json(value, notes), notes


def _json(value: Any, notes: list[str]) -> Any:
    value = _python(value)
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        text, changed = storable_text(value)
        if changed:
            notes.append("NUL or unpaired surrogate escaped")
        return text
    if isinstance(value, int):
        if value.bit_length() > MAX_JSON_INT_BITS:  # beyond what any JSON encoder writes
            notes.append(f"integer of {value.bit_length()} bits stored as null")
            return None
        return value
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        notes.append(f"non-finite number {value} stored as null")
        return None
    if isinstance(value, dict):
        return {_json_key(k, notes): _json(v, notes) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json(v, notes) for v in value]
    if is_missing(value):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        notes.append("bytes stored as text")
        return bytes(value).decode("utf-8", "backslashreplace")
    notes.append(f"{type(value).__name__} stored as text")
    return _json(str(value), notes)


def _json_key(key: Any, notes: list[str]) -> str:
    text = key if isinstance(key, str) else json.dumps(_json(key, notes))
    escaped, changed = storable_text(text)
    if changed:
        notes.append("NUL or unpaired surrogate escaped in a key")
    return escaped


def storable_cell(value: Any, column_type: sa.types.TypeEngine) -> tuple[Any, str | None]:
    """One cell as a value the column accepts on SQLite and PostgreSQL, and a warning when it
    had to change (None when stored as given)."""
    if is_missing(value):
        return None, None
    value = _python(value)
    if isinstance(value, pd.Timestamp):
        value = value.date()
    if isinstance(column_type, sa.JSON):
        cleaned, notes = storable_json(value)
        return cleaned, "; ".join(dict.fromkeys(notes)) or None
    if isinstance(column_type, (sa.Integer, sa.Float)) and not isinstance(value, (int, float)):
        # SQLite would keep text in a number column and PostgreSQL would reject the row.
        value = _number(value)
        if value is None:
            return None, "not a number, stored as null"
    if isinstance(value, float) and not math.isfinite(value):
        return None, f"non-finite number {value} stored as null"
    if isinstance(column_type, sa.Integer) and not isinstance(value, bool):
        return _integer(value)
    if isinstance(column_type, sa.Float) and isinstance(value, int) and not isinstance(value, bool):
        try:
            return float(value), None
        except OverflowError:
            return None, "number beyond the float range stored as null"
    return _scalar(value)


def _number(value: Any) -> int | float | None:
    """A number from what a number column received (a numeric string, a Decimal), else None."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if number.is_integer() and isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        return int(value)  # exact, also beyond the float's 53 bits
    return number


def _integer(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
        return None, f"integer of {value.bit_length()} bits beyond the BIGINT range stored as null"
    return _scalar(value)


def _scalar(value: Any) -> tuple[Any, str | None]:
    """A value for a text, boolean, date or number column: text escaped, out-of-range integers
    and structures as text (a column typed by an earlier partition may receive them)."""
    if isinstance(value, str):
        text, changed = storable_text(value)
        return text, "NUL or unpaired surrogate escaped" if changed else None
    if isinstance(value, int) and not isinstance(value, bool) and not INT64_MIN <= value <= INT64_MAX:
        if value.bit_length() > MAX_JSON_INT_BITS:
            return None, f"integer of {value.bit_length()} bits stored as null"
        return str(value), "integer beyond the BIGINT range stored as text"
    if isinstance(value, (dict, list, tuple)):
        cleaned, _ = storable_json(value)
        return json.dumps(cleaned, ensure_ascii=False), "structure stored as JSON text"
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "backslashreplace"), "bytes stored as text"
    return value, None


def warning_column(columns: set[str] | frozenset[str]) -> str:
    """Where a table keeps a row's storage warnings: its extraction warnings (a JSON list),
    a dead letter's reason (text), or else an added `storage_warnings` text column."""
    if "extraction_warnings" in columns:
        return "extraction_warnings"
    if "reason" in columns:
        return "reason"
    return STORAGE_WARNINGS


def with_warnings(row: dict[str, Any], column: str, warnings: list[str]) -> dict[str, Any]:
    """The row with `warnings` added to its warning column (existing content kept)."""
    notes = [f"stored with changes: {w}" for w in warnings]
    current = row.get(column)
    if column == "extraction_warnings":
        existing = list(current) if isinstance(current, (list, tuple)) else ([current] if current else [])
        row[column] = [*existing, *notes]
    else:
        row[column] = "; ".join([str(current), *notes] if current else notes)
    return row


def storable_row(row: dict[str, Any], types: dict[str, sa.types.TypeEngine]) -> tuple[dict[str, Any], list[str]]:
    """Every cell of `row` made storable for its column; the warnings, prefixed by column."""
    out: dict[str, Any] = {}
    warnings: list[str] = []
    for name, value in row.items():
        if value is None:  # most cells of a sparse record: nothing to check
            out[name] = None
            continue
        out[name], warning = storable_cell(value, types.get(name, _TEXT))
        if warning:
            warnings.append(f"{name}: {warning}")
    return out, warnings


# Column-wise: the same values and warnings as `storable_row` on every row, with the common
# case (a whole column already storable) checked by a few C-level passes instead of a Python
# call per cell. A column holding anything else goes through `storable_cell` cell by cell.
_JSON_PLAIN = frozenset({dict, list, str, int, float, bool, type(None)})
_DENSE_JSON = json.JSONEncoder(allow_nan=False).encode
_PANDAS_MISSING = frozenset({type(pd.NA), type(pd.NaT)})


def _text_clean(values: list[Any]) -> bool:
    """Every value a str (or None) needing no escape: no NUL, no unpaired surrogate."""
    if not {type(v) for v in values} <= {str, type(None)}:
        return False
    joined = "\x01".join(v for v in values if v is not None)
    if "\x00" in joined:
        return False
    try:
        joined.encode("utf-8")  # a surrogate anywhere fails the whole column: checked cell by cell
    except UnicodeEncodeError:
        return False
    return True


def _json_clean(values: list[Any]) -> bool:
    present = [v for v in values if v is not None]
    if not {type(v) for v in present} <= _JSON_PLAIN:
        return False
    if any(type(v) is float and not math.isfinite(v) for v in present):
        return False  # a NaN cell is missing (None), an infinite one is noted: cell by cell
    try:
        return not _JSON_ESCAPES.search(_DENSE_JSON(present))
    except (TypeError, ValueError):
        return False


def _fast_column(values: list[Any], column_type: sa.types.TypeEngine) -> list[Any] | None:
    """The column's storable values when it needs no change beyond missing -> None and an
    integral float into an integer column (no warning), else None."""
    kinds = {type(v) for v in values}
    none = type(None)
    if _PANDAS_MISSING & kinds:  # nullable dtypes (Int64, boolean) give pd.NA: missing, as None
        values = [None if v is pd.NA or v is pd.NaT else v for v in values]
        kinds = {type(v) for v in values}
    if isinstance(column_type, sa.JSON):
        return values if _json_clean(values) else None
    if isinstance(column_type, sa.Integer):
        if kinds <= {int, bool, none}:
            ok = all(INT64_MIN <= v <= INT64_MAX for v in values if type(v) is int)
            return values if ok else None
        if kinds <= {float, none}:
            floats = [v for v in values if v is not None and v == v]
            if not all(math.isfinite(v) and abs(v) < 2**63 for v in floats):
                return None
            return [None if v is None or v != v else int(v) if v.is_integer() else v for v in values]
        return None
    if isinstance(column_type, sa.Float):
        if not kinds <= {float, int, none} or bool in kinds:
            return None
        if any(type(v) is float and math.isinf(v) or type(v) is int and abs(v) > 2**1000 for v in values):
            return None
        return [None if v is None or v != v else float(v) if type(v) is int else v for v in values]
    if kinds <= {str, none}:
        return values if _text_clean(values) else None
    if kinds <= {bool, dt.date, none} or kinds <= {dt.date, none}:
        return values
    return None


def storable_columns(
    columns: list[str], values: list[list[Any]], types: dict[str, sa.types.TypeEngine]
) -> tuple[list[list[Any]], dict[int, list[str]]]:
    """`storable_row` applied to every row of a frame given as columns (`values[i]` is column
    `columns[i]`): the storable columns, and per row position its warnings (column order),
    for the rows that changed."""
    out: list[list[Any]] = []
    warnings: dict[int, list[str]] = {}
    for name, column in zip(columns, values):
        column_type = types.get(name, _TEXT)
        fast = _fast_column(column, column_type)
        if fast is not None:
            out.append(fast)
            continue
        stored = []
        for position, value in enumerate(column):
            if value is None:
                stored.append(None)
                continue
            cell, warning = storable_cell(value, column_type)
            stored.append(cell)
            if warning:
                warnings.setdefault(position, []).append(f"{name}: {warning}")
        out.append(stored)
    return out, warnings


def json_texts(values: list[Any], default: Any = None) -> list[str] | None:
    """`json.dumps(v)` (or `json.dumps(v, default=default)`) of every value, with one C encoder
    for the whole list instead of one built per call; None when a value is one json.dumps
    would reject (the caller then takes its own per-value path, which raises as it would)."""
    from json.encoder import c_make_encoder, encode_basestring_ascii

    if c_make_encoder is None:
        return None
    try:
        # CPython's C encoder (what json.dumps builds per call), made once: its arguments are
        # positional and internal, so any change of them falls back to the per-value path.
        encode = c_make_encoder({}, default or _not_serializable, encode_basestring_ascii, None, ": ", ", ", False, False, True)
        return ["".join(encode(value, 0)) for value in values]
    except (TypeError, ValueError, OverflowError, RecursionError):
        return None


def _not_serializable(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
