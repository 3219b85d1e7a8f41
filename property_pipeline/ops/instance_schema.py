"""Complete a PostgreSQL Dagster instance schema that an interrupted first start left half made.

dagster-postgres creates each storage's tables on an AUTOCOMMIT connection, one statement at a
time, and only when the storage's main table (`runs`, `event_logs`, `jobs`) is missing. A
connection dropped in the middle of that (a database restart, a failover, an operator killing
sessions) leaves the main table without the others; every later start then skips the creation
and the first run fails on the missing one (`relation "run_tags" does not exist`), for good.

`repair_instance_schema` looks for that state (a table of a storage's schema missing, or no
alembic revision recorded) and creates what is missing, tables with their indexes, in one
transaction under an advisory lock, so racing processes repair it once. The CLI calls it each
time it opens the instance; it costs two catalogue queries when nothing is missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import dagster as dg

# pg_advisory_xact_lock key: one repair at a time per database.
_LOCK_KEY = 0x70705F736368  # "pp_sch"


def _postgres_storages(instance: dg.DagsterInstance) -> list[tuple[str, object, str]]:
    """(postgres_url, schema metadata, alembic anchor file) for each of the instance's
    dagster-postgres storages; empty for other storages (SQLite, in-memory)."""
    try:
        from dagster._core.storage.event_log import SqlEventLogStorageMetadata
        from dagster._core.storage.runs import RunStorageSqlMetadata
        from dagster._core.storage.schedules import ScheduleStorageSqlMetadata
        from dagster_postgres.event_log import event_log
        from dagster_postgres.run_storage import run_storage
        from dagster_postgres.schedule_storage import schedule_storage
    except ImportError:  # dagster-postgres not installed: nothing of ours to repair
        return []
    found = []
    for storage, kind, metadata, module in (
        (instance.run_storage, run_storage.PostgresRunStorage, RunStorageSqlMetadata, run_storage),
        (instance.event_log_storage, event_log.PostgresEventLogStorage, SqlEventLogStorageMetadata, event_log),
        (instance.schedule_storage, schedule_storage.PostgresScheduleStorage, ScheduleStorageSqlMetadata,
         schedule_storage),
    ):
        if isinstance(storage, kind):
            found.append((storage.postgres_url, metadata, module.__file__))
    return found


def repair_instance_schema(instance: dg.DagsterInstance) -> list[str]:
    """Create the tables, indexes and alembic stamp missing from the instance's PostgreSQL
    storages. Returns what it created (empty when the schema was complete or not PostgreSQL)."""
    import sqlalchemy as sa

    created: list[str] = []
    for url, metadata, anchor in _postgres_storages(instance):
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
        try:
            if not _incomplete(engine, metadata):
                continue
            with engine.begin() as conn:
                conn.execute(sa.text("select pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
                created += _create_missing(conn, metadata, anchor)
        finally:
            engine.dispose()
    return created


def _catalogue(conn) -> tuple[set[str], set[str], bool]:
    import sqlalchemy as sa

    tables = set(conn.execute(sa.text("select tablename from pg_tables where schemaname = current_schema()")).scalars())
    indexes = set(conn.execute(sa.text("select indexname from pg_indexes where schemaname = current_schema()")).scalars())
    stamped = "alembic_version" in tables and conn.execute(
        sa.text("select count(*) from alembic_version")).scalar() > 0
    return tables, indexes, stamped


def _incomplete(engine, metadata) -> bool:
    with engine.connect() as conn:
        tables, indexes, stamped = _catalogue(conn)
    # No table at all: a database dagster-postgres has not initialised; its own start does that.
    present = set(metadata.tables) & tables
    if not present:
        return False
    return present != set(metadata.tables) or not stamped or any(
        index.name and index.name not in indexes for name in present for index in metadata.tables[name].indexes)


def _create_missing(conn, metadata, anchor: str) -> list[str]:
    """Inside the locked transaction: re-read the catalogue (another process may have repaired
    it meanwhile), then create missing tables (with their indexes), missing indexes of existing
    tables, and the alembic stamp at head when none is recorded."""
    from dagster._core.storage.sql import stamp_alembic_rev
    from dagster_postgres.utils import pg_alembic_config

    tables, indexes, stamped = _catalogue(conn)
    created = []
    missing = [t for name, t in metadata.tables.items() if name not in tables]
    if missing:
        metadata.create_all(conn, tables=missing, checkfirst=True)
        created += [f"table {t.name}" for t in missing]
    for name, table in metadata.tables.items():
        if name in tables:
            for index in table.indexes:
                if index.name and index.name not in indexes:
                    index.create(conn, checkfirst=True)
                    created.append(f"index {index.name}")
    if not stamped:
        stamp_alembic_rev(pg_alembic_config(anchor), conn)
        created.append("alembic stamp")
    return created
