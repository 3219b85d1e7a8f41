"""The warehouse: one table per asset, in PostgreSQL (production) or SQLite (embedded).

A partition's rows are replaced in one transaction (delete the partition's
rows, insert the new ones), so a rerun, or a rerun after a crash, leaves
exactly one copy. Columns are typed from the record contract; JSON columns are
JSON (JSONB on PostgreSQL). Columns a newer version adds are added to existing
tables on the next write.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from functools import cache
from typing import Any, Iterable

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from ..contract import BOOL_FIELDS, FLOAT_FIELDS, INT_FIELDS, JSON_COLUMNS

PARTITION_COLUMNS = ("source", "collected_on")

_JSON = sa.JSON().with_variant(JSONB(), "postgresql")
_TYPES: dict[str, Any] = {
    **{c: sa.BigInteger() for c in INT_FIELDS},
    **{c: sa.Float() for c in FLOAT_FIELDS},
    **{c: sa.Boolean() for c in BOOL_FIELDS},
    **{c: _JSON for c in JSON_COLUMNS},
    "collected_on": sa.Date(),
    "confidence": sa.Float(),
    "llm_latency_ms": sa.Float(),
    "prompt_tokens": sa.BigInteger(),
    "completion_tokens": sa.BigInteger(),
    "attempts": sa.BigInteger(),
    "size_bytes": sa.BigInteger(),
    "llm_fallback": sa.Boolean(),
}


def normalize_url(url: str) -> str:
    """SQLAlchemy 2.1 dropped the bare `postgresql://` default driver guess we rely on psycopg2 for."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg2://" + url[len("postgresql://") :]
    return url


@cache
def get_engine(url: str) -> sa.Engine:
    url = normalize_url(url)
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[-1]
        if path and path != ":memory:":
            import pathlib

            pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 30})

        @sa.event.listens_for(engine, "connect")
        def _wal(dbapi_conn, _record):  # concurrent runs write one SQLite file
            dbapi_conn.execute("PRAGMA journal_mode=WAL")

        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def _column_type(name: str, series: pd.Series | None) -> Any:
    if name in _TYPES:
        return _TYPES[name]
    if series is not None:
        sample = next((v for v in series if v is not None and v is not pd.NA), None)
        if isinstance(sample, (dict, list)):
            return _JSON
        if pd.api.types.is_bool_dtype(series.dtype):
            return sa.Boolean()
        if pd.api.types.is_integer_dtype(series.dtype):
            return sa.BigInteger()
        if pd.api.types.is_float_dtype(series.dtype):
            return sa.Float()
    return sa.Text()


def _ensure_table(conn: sa.Connection, name: str, df: pd.DataFrame) -> sa.Table:
    inspector = sa.inspect(conn)
    metadata = sa.MetaData()
    if not inspector.has_table(name):
        table = sa.Table(name, metadata, *(sa.Column(c, _column_type(c, df[c])) for c in df.columns))
        table.create(conn)
        if set(PARTITION_COLUMNS) <= set(df.columns):
            sa.Index(f"ix_{name}_partition", *(table.c[c] for c in PARTITION_COLUMNS)).create(conn)
        return table
    existing = {col["name"] for col in inspector.get_columns(name)}
    for column in df.columns:
        if column not in existing:
            col_type = _column_type(column, df[column]).compile(dialect=conn.dialect)
            conn.execute(sa.text(f'ALTER TABLE "{name}" ADD COLUMN "{column}" {col_type}'))
    return sa.Table(name, metadata, autoload_with=conn)


def _plain(value: Any) -> Any:
    """A DataFrame cell as a value the database driver accepts (NA -> None, numpy -> Python)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str, bytes)):
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def _rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    columns = list(df.columns)
    return [dict(zip(columns, map(_plain, row))) for row in df.itertuples(index=False, name=None)]


def replace_partition(url: str, table_name: str, df: pd.DataFrame, partition: dict[str, Any] | None) -> int:
    """Replace the partition's rows (or the whole table when `partition` is None) in one transaction."""
    engine = get_engine(url)
    with engine.begin() as conn:
        table = _ensure_table(conn, table_name, df)
        delete = table.delete()
        for column, value in (partition or {}).items():
            delete = delete.where(table.c[column] == value)
        conn.execute(delete)
        rows = _rows(df)
        if rows:
            conn.execute(table.insert(), rows)
    return len(df)


def read_table(url: str, table_name: str, partition: dict[str, Any] | None = None) -> pd.DataFrame:
    """Rows of one table (one partition's rows when `partition` is given); JSON columns decoded."""
    engine = get_engine(url)
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table(table_name):
            return pd.DataFrame()
        table = sa.Table(table_name, sa.MetaData(), autoload_with=conn)
        query = sa.select(table)
        for column, value in (partition or {}).items():
            query = query.where(table.c[column] == value)
        result = conn.execute(query)
        df = pd.DataFrame(result.fetchall(), columns=list(result.keys()))
    for column in JSON_COLUMNS:
        if column in df.columns:
            df[column] = df[column].map(lambda v: json.loads(v) if isinstance(v, str) else v)
    if "collected_on" in df.columns:
        df["collected_on"] = df["collected_on"].map(
            lambda v: dt.date.fromisoformat(v) if isinstance(v, str) else v
        )
    return df


def table_names(url: str) -> Iterable[str]:
    with get_engine(url).connect() as conn:
        return sa.inspect(conn).get_table_names()
