"""PostgreSQL bulk load: rows already made storable go in with one `COPY ... FROM STDIN`.

COPY runs on the raw DBAPI (psycopg2) connection of the caller's SQLAlchemy
transaction, inside a savepoint: a row the server rejects (a value the column
type refuses) rolls back only that chunk's COPY, and the caller falls back to
row inserts, which bisect to the rejected rows (warehouse._insert_keeping_good_rows).
Connection loss and statement timeouts are OperationalErrors and end the write.

The text format is used (tab-separated, `\\N` for NULL) because its escaping is
exact: a value never turns into NULL or into another value on the way in.
"""

from __future__ import annotations

import datetime as dt
import decimal
import io
import json
import logging
from typing import Any

import sqlalchemy as sa

log = logging.getLogger(__name__)

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
# One encoder for every cell (json.dumps with options builds a new one per call).
_JSON_TEXT = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


def _text(value: Any, is_json: bool) -> str:
    """One storable cell in COPY's text format."""
    if value is None:
        return "\\N"
    if is_json:
        text = _JSON_TEXT(value)
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (dt.date, dt.datetime)):
        text = value.isoformat()
    elif isinstance(value, float):
        text = repr(value)
    elif isinstance(value, (str, int, decimal.Decimal)):
        text = str(value)
    else:
        # What the driver could not bind either: the chunk goes the row-insert way, where
        # the row is flagged exactly as an INSERT would have it.
        raise TypeError(f"no COPY text for a {type(value).__name__}")
    return text.translate(_ESCAPES)


def copy_buffer(table: sa.Table, rows: list[dict[str, Any]]) -> tuple[list[str], io.StringIO]:
    """(columns, the rows as COPY text) for the table's columns that any row sets."""
    columns = [c.name for c in table.columns if any(c.name in row for row in rows[:1])]
    is_json = [isinstance(table.c[c].type, sa.JSON) for c in columns]
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(_text(row.get(c), j) for c, j in zip(columns, is_json)))
        buffer.write("\n")
    buffer.seek(0)
    return columns, buffer


def copy_rows(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> bool:
    """COPY the rows into `table` inside a savepoint of `conn`'s transaction.

    Returns False (the savepoint rolled back, nothing of this chunk stored) when the server
    rejected a value, so that the caller stores the chunk row by row instead."""
    import psycopg2

    try:
        columns, buffer = copy_buffer(table, rows)
    except (TypeError, ValueError) as exc:
        log.info("table %s: %s; inserting %d row(s) row-wise", table.name, exc, len(rows))
        return False
    quoted = ", ".join(f'"{c}"' for c in columns)
    savepoint = conn.begin_nested()
    try:
        cursor = conn.connection.dbapi_connection.cursor()
        try:
            cursor.copy_expert(f'COPY "{table.name}" ({quoted}) FROM STDIN', buffer)
        finally:
            cursor.close()
    except psycopg2.OperationalError:
        savepoint.rollback()
        raise
    except (psycopg2.Error, ValueError, TypeError) as exc:
        savepoint.rollback()
        log.warning("table %s: COPY of %d row(s) failed (%s); inserting them row-wise", table.name, len(rows), str(exc).split("\n")[0][:200])
        return False
    savepoint.commit()
    return True
