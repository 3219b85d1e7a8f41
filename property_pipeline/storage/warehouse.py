"""The warehouse: one table per asset, in PostgreSQL (production) or SQLite (embedded).

A partition's rows are replaced in one transaction (delete the partition's
rows, insert the new ones), so a rerun, or a rerun after a crash, leaves
exactly one copy; concurrent writers of one partition take turns (an advisory
lock on PostgreSQL, the write lock on SQLite). Every value is made storable
first (storable.py), and a row the database still rejects never fails the
others. Every connection has connect and statement timeouts (`Timeouts`).
Columns are typed from the record contract; JSON columns are JSON (JSONB on
PostgreSQL). Columns a newer version adds are added to existing
tables on the next write.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import math
import os
import threading
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Self

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

from ..contract import BOOL_FIELDS, FLOAT_FIELDS, INT_FIELDS, JSON_COLUMNS
from ..nulls import is_missing
from ..settings import StorageSettings, default
from .bulk import copy_rows
from .storable import json_texts, storable_columns, storable_text, warning_column, with_warnings

log = logging.getLogger(__name__)

PARTITION_COLUMNS = ("source", "collected_on")
CONNECT_TIMEOUT_VAR = "PROPERTY_PIPELINE_DB_CONNECT_TIMEOUT_S"
STATEMENT_TIMEOUT_VAR = "PROPERTY_PIPELINE_DB_STATEMENT_TIMEOUT_S"
DEFAULT_CONNECT_TIMEOUT_S = default("connect_s", StorageSettings)
DEFAULT_STATEMENT_TIMEOUT_S = default("statement_s", StorageSettings)
SQLITE_IMMEDIATE = "property_pipeline_sqlite_immediate"
# PostgreSQL connections checked out of a pool, for cancel_running_statements.
_in_use: set[Any] = set()
_in_use_lock = threading.Lock()

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


@dataclass(frozen=True)
class Timeouts:
    """How long any database call may wait, so a server that accepts connections and never
    answers fails a run with a clear error instead of hanging it.

    `connect_s` bounds opening a connection (TCP and the PostgreSQL handshake);
    `statement_s` bounds one statement on PostgreSQL (server side, including waiting
    for another run's partition lock) and, on SQLite, the wait for the file's write lock.
    """

    connect_s: float = DEFAULT_CONNECT_TIMEOUT_S
    statement_s: float = DEFAULT_STATEMENT_TIMEOUT_S

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Timeouts:
        env = os.environ if env is None else env
        try:
            connect = float(env.get(CONNECT_TIMEOUT_VAR) or DEFAULT_CONNECT_TIMEOUT_S)
            statement = float(env.get(STATEMENT_TIMEOUT_VAR) or DEFAULT_STATEMENT_TIMEOUT_S)
        except ValueError as exc:
            raise ValueError(f"{CONNECT_TIMEOUT_VAR} / {STATEMENT_TIMEOUT_VAR} must be seconds: {exc}") from None
        if connect <= 0 or statement <= 0:
            raise ValueError(f"{CONNECT_TIMEOUT_VAR} and {STATEMENT_TIMEOUT_VAR} must be positive")
        return cls(connect, statement)


@cache
def get_engine(url: str) -> sa.Engine:
    """The process's engine for `url`, with the environment's timeouts when it was first asked
    for (see `Timeouts`)."""
    url, timeouts = normalize_url(url), Timeouts.from_env()
    if url.startswith("sqlite"):
        return _sqlite_engine(url, timeouts)
    parsed = sa.make_url(url)
    options = " ".join(
        filter(None, [parsed.query.get("options"), f"-c statement_timeout={int(timeouts.statement_s * 1000)}"])
    )
    connect_args = {
        # libpq counts whole seconds and treats 1 as 2; the handshake is included.
        "connect_timeout": max(2, math.ceil(timeouts.connect_s)),
        "options": options,
        # A peer that vanished (no FIN) is noticed within about a minute.
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
    }
    engine = sa.create_engine(url, pool_pre_ping=True, connect_args=connect_args)

    @sa.event.listens_for(engine, "checkout")
    def _checkout(dbapi_conn, _record, _proxy):
        with _in_use_lock:
            _in_use.add(dbapi_conn)

    @sa.event.listens_for(engine, "checkin")
    def _checkin(dbapi_conn, _record):
        with _in_use_lock:
            _in_use.discard(dbapi_conn)

    return engine


def cancel_running_statements() -> None:
    """Ask PostgreSQL to cancel the statements this process's warehouse connections are
    running (thread-safe): the blocked caller then gets an error, and its transaction rolls back."""
    with _in_use_lock:
        connections = list(_in_use)
    for connection in connections:
        try:
            connection.cancel()
        except Exception as exc:  # noqa: BLE001 - a connection already gone needs no cancel
            log.debug("cancel failed: %s", exc)


def _sqlite_engine(url: str, timeouts: Timeouts) -> sa.Engine:
    path = url.split(":///", 1)[-1]
    if path and path != ":memory:":
        import pathlib

        pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": timeouts.statement_s})

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        # The driver's own transaction handling would defer BEGIN to the first write and break
        # savepoints; SQLAlchemy's "begin" event below emits BEGIN instead.
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA journal_mode=WAL")  # concurrent runs write one SQLite file

    @sa.event.listens_for(engine, "begin")
    def _begin(conn):
        # A writer takes the file's write lock at once (waiting up to the busy timeout), so two
        # runs replacing one partition never interleave and never fail on a stale snapshot.
        immediate = conn.get_execution_options().get(SQLITE_IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _column_type(name: str, series: pd.Series | None) -> Any:
    if name in _TYPES:
        return _TYPES[name]
    if series is not None:
        sample = next((v for v in series if not is_missing(v)), None)
        if isinstance(sample, (dict, list)):
            return _JSON
        if pd.api.types.is_bool_dtype(series.dtype):
            return sa.Boolean()
        if pd.api.types.is_integer_dtype(series.dtype):
            return sa.BigInteger()
        if pd.api.types.is_float_dtype(series.dtype):
            return sa.Float()
    return sa.Text()


def _advisory_lock(conn: sa.Connection, *key: Any) -> None:
    """On PostgreSQL, a lock on `key` held until the transaction ends; other transactions
    taking the same key wait. (SQLite needs none: its writers hold the whole file.)"""
    if conn.dialect.name != "postgresql":
        return
    digest = hashlib.sha256("\x1f".join(map(str, key)).encode("utf-8", "surrogateescape")).digest()
    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": int.from_bytes(digest[:8], "big", signed=True)})


def _ensure_table(conn: sa.Connection, name: str, types: dict[str, Any], temporary: bool = False) -> sa.Table:
    """The table `name` with at least the columns of `types`, created or extended if needed
    (created TEMPORARY, without index, when `temporary`: a SQLite staging table).

    Safe against concurrent creators: changes are made under a per-table lock, after
    checking again what another writer may have created meanwhile.
    """
    inspector = sa.inspect(conn)
    if inspector.has_table(name) and set(types) <= {col["name"] for col in inspector.get_columns(name)}:
        return sa.Table(name, sa.MetaData(), autoload_with=conn)
    _advisory_lock(conn, "schema", name)
    inspector = sa.inspect(conn)  # a fresh look: the first one may predate another writer's commit
    if not inspector.has_table(name):
        table = sa.Table(
            name, sa.MetaData(), *(sa.Column(c, t) for c, t in types.items()), prefixes=["TEMPORARY"] if temporary else []
        )
        table.create(conn)
        if set(PARTITION_COLUMNS) <= set(types) and not temporary:
            sa.Index(f"ix_{name}_partition", *(table.c[c] for c in PARTITION_COLUMNS)).create(conn)
        return table
    existing = {col["name"] for col in inspector.get_columns(name)}
    for column, column_type in types.items():
        if column not in existing:
            compiled = column_type.compile(dialect=conn.dialect)
            conn.execute(sa.text(f'ALTER TABLE "{name}" ADD COLUMN "{column}" {compiled}'))
    return sa.Table(name, sa.MetaData(), autoload_with=conn)


def create_tables(engine: sa.Engine, metadata: sa.MetaData) -> None:
    """Create the metadata's missing tables; safe when several processes do it at once."""
    with engine.begin() as conn:
        inspector = sa.inspect(conn)
        if all(inspector.has_table(name) for name in metadata.tables):
            return
        _advisory_lock(conn, "schema", *sorted(metadata.tables))
        metadata.create_all(conn, checkfirst=True)


def _storable_rows(
    conn: sa.Connection, table: sa.Table, df: pd.DataFrame
) -> tuple[sa.Table, list[str], list[list[Any]], int]:
    """The frame's values made storable for the table's actual column types (see storable.py),
    column by column, each change noted on its row; returns the table, the columns, their
    values (one list per column) and how many rows changed. The table gains a warnings column
    if a row needs one."""
    types = {c.name: c.type for c in table.columns}
    column = warning_column(frozenset(types))
    columns = list(df.columns)
    values, warnings = storable_columns(columns, [df[c].tolist() for c in columns], types)
    if warnings:
        if column not in columns:
            columns.append(column)
            values.append([None] * len(df))
        if column not in types:
            table = _ensure_table(conn, table.name, {column: sa.Text()})
        cells = values[columns.index(column)]
        for position, notes in warnings.items():
            cells[position] = with_warnings({column: cells[position]}, column, notes)[column]
    return table, columns, values, len(warnings)


def _row_dicts(columns: list[str], values: list[list[Any]]) -> list[dict[str, Any]]:
    return [dict(zip(columns, row)) for row in zip(*values)]


def _plain_json(column_type: Any) -> bool:
    """A JSON column bound as `json.dumps(value)` (None as JSON null): the engines of `get_engine`
    set no `json_serializer` of their own."""
    return isinstance(column_type, sa.JSON) and not column_type.none_as_null


def _insert_columns(conn: sa.Connection, table: sa.Table, columns: list[str], values: list[list[Any]]) -> int:
    """Insert column-wise values: on SQLite one `executemany` of the values bound exactly as
    SQLAlchemy binds them (the column types' own bind processors), in a savepoint; if the
    batch fails, or elsewhere, the rows go through `_insert_keeping_good_rows`. Returns how
    many rows were flagged."""
    if not values or not values[0]:
        return 0
    if conn.dialect.name == "sqlite":
        bound = []
        for name, column in zip(columns, values):
            column_type = table.c[name].type
            texts = json_texts(column) if _plain_json(column_type) else None
            if texts is not None:  # what the JSON type's processor gives, json.dumps per value
                bound.append(texts)
                continue
            process = column_type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
            bound.append([process(v) for v in column] if process else column)
        quoted = ", ".join(f'"{c}"' for c in columns)
        sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" * len(columns))})'
        try:
            with conn.begin_nested():
                conn.exec_driver_sql(sql, list(zip(*bound)))
            return 0
        except sa.exc.OperationalError:
            raise
        except _ROW_ERRORS:
            pass  # a row the driver or the table rejects: found and flagged row by row below
    return _insert_keeping_good_rows(conn, table, _row_dicts(columns, values))


# Errors one row can cause (a value the driver or the column rejects). Connection loss,
# timeouts and lock failures are OperationalErrors: they end the write, never the row.
_ROW_ERRORS = (sa.exc.StatementError, ValueError, TypeError, OverflowError)
# What a row that cannot be stored keeps, so that the file stays accounted for.
_IDENTITY_COLUMNS = ("record_id", "source", "source_file", "collected_on", "property_key", "reason_code")


def _insert_keeping_good_rows(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> int:
    """Insert every row; if the batch fails, bisect to the rows that fail and store those as
    flagged rows (identity columns and the error), so one row never loses the others.
    Returns how many rows were flagged."""
    if not rows:
        return 0
    try:
        with conn.begin_nested():
            conn.execute(table.insert(), rows)
        return 0
    except sa.exc.OperationalError:
        raise
    except _ROW_ERRORS as exc:
        if len(rows) == 1:
            _insert_flagged(conn, table, rows[0], exc)
            return 1
    middle = len(rows) // 2
    return _insert_keeping_good_rows(conn, table, rows[:middle]) + _insert_keeping_good_rows(conn, table, rows[middle:])


def _insert_flagged(conn: sa.Connection, table: sa.Table, row: dict[str, Any], error: BaseException) -> None:
    # The driver's own message, without SQLAlchemy's statement and parameters (row values).
    cause = getattr(error, "orig", None) or error
    reason, _ = storable_text(" ".join(str(cause).split())[:200])
    column = warning_column(frozenset(c.name for c in table.columns))
    if column not in table.columns:
        table = _ensure_table(conn, table.name, {column: sa.Text()})
    log.warning("table %s: a row could not be stored (%s); stored its identity and the error", table.name, reason)
    for keep in (_IDENTITY_COLUMNS, PARTITION_COLUMNS):
        flagged = dict.fromkeys(c.name for c in table.columns)
        flagged.update({c: row.get(c) for c in keep if c in row})
        with_warnings(flagged, column, [f"row not storable, values dropped: {type(cause).__name__}: {reason}"])
        try:
            with conn.begin_nested():
                conn.execute(table.insert(), [flagged])
            return
        except sa.exc.OperationalError:
            raise
        except _ROW_ERRORS as exc:
            error = exc
    raise error


@dataclass(frozen=True)
class WriteReport:
    """What a partition replacement wrote: every row, how many with values made storable
    (see the row's warnings), how many flagged (the database rejected the row; its identity
    and the error were stored instead)."""

    rows: int
    changed_rows: int = 0
    flagged_rows: int = 0


def replace_partition(url: str, table_name: str, df: pd.DataFrame, partition: dict[str, Any] | None) -> int:
    """Replace the partition's rows (or the whole table when `partition` is None) in one
    transaction; returns the number of rows written (see `write_partition`)."""
    return write_partition(url, table_name, df, partition).rows


def write_partition(url: str, table_name: str, df: pd.DataFrame, partition: dict[str, Any] | None) -> WriteReport:
    """Replace the partition's rows (or the whole table when `partition` is None) in one transaction.

    Concurrent writers of one partition take turns (a PostgreSQL advisory lock on table and
    partition; SQLite's write lock), so each replacement is whole and exactly one copy
    remains. Every value is made storable first; a row the database still rejects is kept
    as a flagged row, never failing the others.
    """
    if not len(df.columns):
        return WriteReport(0)  # nothing typed to store (an asset returned a bare empty frame)
    with PartitionTransaction(url) as transaction:
        writer = transaction.replace(table_name, partition)
        writer.write(df)
    return writer.report()


class PartitionTransaction:
    """Partitions of one or more tables replaced chunk by chunk, all or nothing:
    `replace(table, partition)` returns a `ChunkWriter`; the new rows of every writer become
    visible together when the `with` block ends normally, and not at all otherwise.
    Readers see the old partition until then and the new one after, never a mix; a process
    killed mid-write leaves the old partition.

    PostgreSQL: one transaction around the chunked COPYs, the partition's rows deleted first
    under the partition's advisory lock (held to the commit, so a second writer of the same
    partition waits; other partitions proceed). The rows are written once, and MVCC keeps
    the old partition readable throughout.

    SQLite: its one write lock covers the whole file, so a long transaction would stop every
    other run's writes. Chunks go to TEMPORARY staging tables instead (the connection's own
    temp database: no lock on the warehouse), and one short IMMEDIATE transaction swaps them
    in (delete the partition, INSERT ... SELECT, drop the stage).
    """

    def __init__(self, url: str, *, bulk: bool = True) -> None:
        self.engine = get_engine(url)
        self.staged = self.engine.dialect.name == "sqlite"
        self.bulk = bulk and self.engine.dialect.name == "postgresql"
        self._conn: sa.Connection | None = None
        self._writers: list[ChunkWriter] = []

    def __enter__(self) -> Self:
        self._conn = self.engine.connect()
        self._conn.execution_options(**{SQLITE_IMMEDIATE: not self.staged})
        self._transaction = self._conn.begin()
        return self

    def __exit__(self, kind, error, traceback) -> None:
        assert self._conn is not None
        try:
            if kind is not None:
                self._transaction.rollback()
                return
            self._transaction.commit()
            if self.staged:
                self._swap_in()
            else:
                self._analyze()
        finally:
            if self.staged:
                self._drop_stages()
            self._conn.close()

    def _swap_in(self) -> None:
        conn = self._conn
        conn.execution_options(**{SQLITE_IMMEDIATE: True})
        with conn.begin():
            for writer in self._writers:
                _swap_stage(conn, writer)

    def _analyze(self) -> None:
        """Fresh planner statistics for the replaced tables: the next step's SQL over them
        (duplicates, conservation) would otherwise be planned for the old row counts."""
        with self._conn.begin():
            for name in dict.fromkeys(w.table_name for w in self._writers):
                self._conn.exec_driver_sql(f'ANALYZE "{name}"')

    def _drop_stages(self) -> None:
        for writer in self._writers:
            try:
                self._conn.exec_driver_sql(f'DROP TABLE IF EXISTS temp."{writer.physical}"')
            except sa.exc.DBAPIError as exc:  # the connection is going away anyway
                log.debug("dropping %s: %s", writer.physical, exc)

    def replace(self, table_name: str, partition: dict[str, Any] | None) -> ChunkWriter:
        assert self._conn is not None, "use PartitionTransaction in a with block"
        conn = self._conn
        if self.staged:
            writer = ChunkWriter(conn, table_name, partition, False, stage=f"stage_{table_name}_{uuid.uuid4().hex[:8]}")
            self._writers.append(writer)
            return writer
        _advisory_lock(conn, "partition", table_name, *sorted((partition or {}).items()))
        _delete_partition(conn, table_name, partition)
        writer = ChunkWriter(conn, table_name, partition, self.bulk)
        self._writers.append(writer)
        return writer


def _delete_partition(conn: sa.Connection, table_name: str, partition: dict[str, Any] | None) -> None:
    if not sa.inspect(conn).has_table(table_name):
        return
    table = sa.Table(table_name, sa.MetaData(), autoload_with=conn)
    delete = table.delete()
    for column, value in (partition or {}).items():
        delete = delete.where(table.c[column] == value)
    conn.execute(delete)


def _swap_stage(conn: sa.Connection, writer: ChunkWriter) -> None:
    """Replace the partition's rows by the writer's staged rows (SQLite, in the caller's
    write transaction); the target gains any column the stage has."""
    _delete_partition(conn, writer.table_name, writer.partition)
    if not writer.staged_columns:
        return  # nothing was written: the partition is now empty
    stage = sa.Table(writer.physical, sa.MetaData(), autoload_with=conn)
    _ensure_table(conn, writer.table_name, {c.name: c.type for c in stage.columns})
    columns = ", ".join(f'"{c.name}"' for c in stage.columns)
    conn.execute(sa.text(f'INSERT INTO main."{writer.table_name}" ({columns}) SELECT {columns} FROM temp."{writer.physical}"'))


class ChunkWriter:
    """Appends chunks of one partition's new rows (see `PartitionTransaction`): values made
    storable, then COPY on PostgreSQL (row inserts if the server rejects a value in the
    chunk) or batched inserts on SQLite; a row the database still rejects is flagged."""

    def __init__(
        self, conn: sa.Connection, table_name: str, partition: dict[str, Any] | None, bulk: bool, stage: str | None = None
    ) -> None:
        self.conn, self.table_name, self.partition, self.bulk = conn, table_name, partition, bulk
        self.physical = stage or table_name
        """The table the chunks go to: the target, or its TEMPORARY stage (SQLite)."""
        self.staged_columns = False
        self.rows = self.changed_rows = self.flagged_rows = 0
        self.seconds = 0.0
        self._columns: set[str] = set()

    def write(self, df: pd.DataFrame) -> None:
        if not len(df.columns):
            return
        if self.partition and len(df):
            df = df.assign(**self.partition)  # the partition's columns always match its key
        started = time.perf_counter()
        types = {c: _column_type(c, df[c]) for c in df.columns}
        if set(types) - self._columns or not self._columns:
            self._table = _ensure_table(self.conn, self.physical, types, temporary=self.physical != self.table_name)
            self._columns = {c.name for c in self._table.columns}
            self.staged_columns = True
        table, columns, values, changed = _storable_rows(self.conn, self._table, df)
        if changed:
            self._table, self._columns = table, {c.name for c in table.columns}
        if len(df) and not (self.bulk and copy_rows(self.conn, table, _row_dicts(columns, values))):
            self.flagged_rows += _insert_columns(self.conn, table, columns, values)
        self.rows += len(df)
        self.changed_rows += changed
        self.seconds += time.perf_counter() - started

    def execute(self, sql: str, parameters: dict[str, Any] | None = None) -> None:
        """One SQL statement on the rows written so far; `{table}` names where they are.
        The table's statistics are refreshed first, so the statement is planned for its rows."""
        self.conn.exec_driver_sql(f'ANALYZE "{self.physical}"')
        self.conn.execute(sa.text(sql.format(table=f'"{self.physical}"')), parameters or {})

    def report(self) -> WriteReport:
        return WriteReport(self.rows, self.changed_rows, self.flagged_rows)


def read_table(url: str, table_name: str, partition: dict[str, Any] | None = None) -> pd.DataFrame:
    """Rows of one table (one partition's rows when `partition` is given); JSON columns decoded."""
    frames = list(iter_table(url, table_name, partition, chunk_rows=None))
    return frames[0] if frames else pd.DataFrame()


def iter_table(
    url: str,
    table_name: str,
    partition: dict[str, Any] | None = None,
    chunk_rows: int | None = 5000,
    where: sa.ColumnElement | None = None,
) -> Iterable[pd.DataFrame]:
    """One table's rows (one partition's when `partition` is given) as frames of at most
    `chunk_rows` rows (all in one frame when None), streamed from a server-side cursor, so
    memory holds one chunk; JSON columns decoded. Nothing when the table does not exist.
    `where` may name columns as `sa.column("name")`."""
    engine = get_engine(url)
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table(table_name):
            return
        table = sa.Table(table_name, sa.MetaData(), autoload_with=conn)
        query = sa.select(table)
        for column, value in (partition or {}).items():
            query = query.where(table.c[column] == value)
        if where is not None:
            query = query.where(where)
        if chunk_rows is None:
            result = conn.execute(query)
            yield _decoded(pd.DataFrame(result.fetchall(), columns=list(result.keys())), table)
            return
        result = conn.execution_options(stream_results=True, yield_per=chunk_rows).execute(query)
        columns = list(result.keys())
        for rows in result.partitions(chunk_rows):
            yield _decoded(pd.DataFrame(rows, columns=columns), table)


def _decoded(df: pd.DataFrame, table: sa.Table) -> pd.DataFrame:
    for column in JSON_COLUMNS:
        # A JSON-typed column comes back decoded (a JSON string value stays a str); only a
        # column an older version created as text needs decoding here.
        if column in df.columns and not isinstance(table.c[column].type, sa.JSON):
            df[column] = df[column].map(lambda v: json.loads(v) if isinstance(v, str) else v)
    if "collected_on" in df.columns:
        df["collected_on"] = df["collected_on"].map(
            lambda v: dt.date.fromisoformat(v) if isinstance(v, str) else v
        )
    return df


@dataclass(frozen=True)
class TableHandle:
    """One partition of a warehouse table, not loaded: what the IO manager hands an asset that
    streams its input (`chunks`) or asks the database (`count`, `query`) instead of holding
    the rows. `report` says what the replacement that stored the rows wrote."""

    url: str
    table: str
    partition: dict[str, Any] | None = None
    report: WriteReport | None = None

    def chunks(self, chunk_rows: int = 5000, where: sa.ColumnElement | None = None) -> Iterable[pd.DataFrame]:
        return iter_table(self.url, self.table, self.partition, chunk_rows, where)

    def frame(self) -> pd.DataFrame:
        return read_table(self.url, self.table, self.partition)

    def head(self, rows: int = 10) -> pd.DataFrame:
        return next(iter(self.chunks(rows)), pd.DataFrame())

    def count(self, where: str = "") -> int:
        """Rows of the partition (matching the SQL condition `where`, if given)."""
        return int(self.scalar("count(*)", where) or 0)

    def scalar(self, expression: str, where: str = "") -> Any:
        """One SQL aggregate (`expression`, e.g. "count(DISTINCT record_id)") over the partition."""
        conditions = [f'"{c}" = :{c}' for c in self.partition or {}] + ([where] if where else [])
        sql = f'SELECT {expression} FROM "{self.table}"' + (" WHERE " + " AND ".join(conditions) if conditions else "")
        with get_engine(self.url).connect() as conn:
            if not sa.inspect(conn).has_table(self.table):
                return None
            return conn.execute(sa.text(sql), dict(self.partition or {})).scalar()


def table_names(url: str) -> Iterable[str]:
    with get_engine(url).connect() as conn:
        return sa.inspect(conn).get_table_names()
