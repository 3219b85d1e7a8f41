"""A PostgreSQL Dagster instance whose first start was cut off while dagster-postgres created
its tables (one AUTOCOMMIT statement at a time) is completed on the next start, whatever
statement the cut fell on; a real PostgreSQL, the real storages, a real run afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import dagster as dg
import pytest
import sqlalchemy as sa
from dagster._core.storage.event_log import SqlEventLogStorageMetadata
from dagster._core.storage.runs import RunStorageSqlMetadata
from dagster._core.storage.schedules import ScheduleStorageSqlMetadata

from property_pipeline.ops.instance_schema import repair_instance_schema

from ..conftest import REPO

STORAGES = {"runs": RunStorageSqlMetadata, "event_logs": SqlEventLogStorageMetadata, "jobs": ScheduleStorageSqlMetadata}


class ConnectionDropped(Exception):
    """Stands for the server ending the session between two DDL statements."""


def ddl_count(metadata) -> int:
    return sum(1 + len(t.indexes) for t in metadata.tables.values())


def cut_creation(url: str, metadata, statements: int) -> None:
    """What dagster-postgres' first start does (create_all on an AUTOCOMMIT connection), cut off
    after `statements` DDL statements."""
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    done = 0

    @sa.event.listens_for(engine, "before_cursor_execute")
    def drop(conn, cursor, statement, *args):
        nonlocal done
        if statement.lstrip().upper().startswith("CREATE"):
            if done >= statements:
                raise ConnectionDropped(statement.split("(")[0])
            done += 1

    with pytest.raises(ConnectionDropped), engine.connect() as conn, conn.begin():
        metadata.create_all(conn)
    engine.dispose()


def catalogue(url: str) -> tuple[set[str], set[str], int]:
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        tables = set(conn.execute(sa.text("select tablename from pg_tables where schemaname = 'public'")).scalars())
        indexes = set(conn.execute(sa.text("select indexname from pg_indexes where schemaname = 'public'")).scalars())
        stamps = conn.execute(sa.text("select count(*) from alembic_version")).scalar() if "alembic_version" in tables else 0
    engine.dispose()
    return tables, indexes, stamps


def instance_on(url: str, home: Path) -> dg.DagsterInstance:
    home.mkdir(exist_ok=True)
    (home / "dagster.yaml").write_text(f"storage:\n  postgres:\n    postgres_url: {url}\ntelemetry:\n  enabled: false\n")
    return dg.DagsterInstance.from_config(str(home))


@dg.asset
def one() -> int:
    return 1


@pytest.fixture(scope="module")
def clean_catalogue(pg_server_url, tmp_path_factory):
    """The tables and indexes a start that was never cut off makes."""
    admin = sa.create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    name = f"pp_test_clean_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)
    try:
        instance_on(url, tmp_path_factory.mktemp("clean")).dispose()
        yield catalogue(url)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main_table_created_after(metadata, main: str) -> int:
    """How many DDL statements create_all has run once the storage's main table exists."""
    done = 0
    for table in metadata.sorted_tables:
        done += 1
        if table.name == main:
            return done
        done += len(table.indexes)
    raise AssertionError(main)


def cut_points(main: str, metadata) -> list[int]:
    """Before the main table (dagster-postgres' next start finishes the job itself, bar the
    indexes of a table cut off before them), right after it, amid its indexes, near the end."""
    made, total = main_table_created_after(metadata, main), ddl_count(metadata)
    return sorted({1, 2, made - 1, made, made + 1, (made + total) // 2, total - 1} - {0, total})


CUTS = [(main, cut) for main, metadata in STORAGES.items() for cut in cut_points(main, metadata)]


@pytest.mark.parametrize(("main", "cut"), CUTS, ids=[f"{m}-after-{c}-statements" for m, c in CUTS])
def test_a_first_start_cut_off_anywhere_is_completed_on_the_next(main, cut, make_pg_database, tmp_path, clean_catalogue):
    url = make_pg_database()
    metadata = STORAGES[main]
    cut_creation(url, metadata, cut)

    instance = instance_on(url, tmp_path / "home")  # dagster-postgres' own start
    before = catalogue(url)
    created = repair_instance_schema(instance)
    # Whatever the own start left missing (it skips creation when the main table exists), the
    # repair makes; a schema the own start completed is left alone.
    assert bool(created) == (before != clean_catalogue), created
    if main == "runs" and cut == main_table_created_after(metadata, main):
        assert "run_tags" not in before[0] and "table run_tags" in created, "the state CI met"
    assert catalogue(url) == clean_catalogue, "the repaired schema is the one a clean start makes"

    result = dg.materialize([one], instance=instance, tags={"property_pipeline/probe": "yes"})
    assert result.success
    assert instance.get_run_by_id(result.run_id).tags["property_pipeline/probe"] == "yes"
    assert repair_instance_schema(instance) == [], "a complete schema is left alone"
    instance.dispose()


def test_a_complete_or_fresh_database_is_left_alone(make_pg_database, tmp_path):
    url = make_pg_database()
    instance = instance_on(url, tmp_path / "home")
    assert repair_instance_schema(instance) == []
    instance.dispose()


def test_the_cli_run_completes_on_a_half_made_instance(make_pg_database, tmp_path):
    """The case CI met: the instance's first start lost its connection after `runs` was created;
    the next `property-pipeline run` used to fail on `relation "run_tags" does not exist`."""
    warehouse, instance_url = make_pg_database(), make_pg_database()
    cut_creation(instance_url, RunStorageSqlMetadata, main_table_created_after(RunStorageSqlMetadata, "runs"))
    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text((REPO / "dagster.yaml").read_text())
    landing = tmp_path / "landing" / "maricopa_county" / "2026-11-20"
    landing.mkdir(parents=True)
    source = next((REPO / "samples" / "landing" / "maricopa_county").glob("*/*.json"))
    (landing / source.name).write_bytes(source.read_bytes())
    env = {**os.environ, "DAGSTER_HOME": str(home), "DAGSTER_PG_URL": instance_url,
           "PROPERTY_PIPELINE_WAREHOUSE_URL": warehouse, "PROPERTY_PIPELINE_LLM": "none"}
    cli = Path(sys.executable).parent / "property-pipeline"
    done = subprocess.run([str(cli), "run", "--landing", str(tmp_path / "landing"), "--settle-s", "0"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    assert "schema was incomplete" in done.stderr
    assert "run_tags" in catalogue(instance_url)[0]


def test_two_processes_repairing_at_once_both_succeed_and_repair_once(make_pg_database, tmp_path, clean_catalogue):
    """Two `property-pipeline init` processes on one half-made instance at the same moment (two
    workers starting after a failover): the advisory lock lets one repair; neither fails on a table
    the other just created."""
    url = make_pg_database()
    cut_creation(url, RunStorageSqlMetadata, main_table_created_after(RunStorageSqlMetadata, "runs"))
    cli = Path(sys.executable).parent / "property-pipeline"
    procs = []
    for n in range(2):
        home = tmp_path / f"home{n}"
        home.mkdir()
        (home / "dagster.yaml").write_text((REPO / "dagster.yaml").read_text())
        env = {**os.environ, "DAGSTER_HOME": str(home), "DAGSTER_PG_URL": url}
        procs.append(subprocess.Popen([str(cli), "init"], cwd=REPO, env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True))
    outputs = [proc.communicate(timeout=600) for proc in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, (out + err)[-3000:]
    repaired = [err for _, err in outputs if "schema was incomplete" in err]
    assert len(repaired) == 1, "exactly one of them repairs the schema; the other finds it complete"
    assert catalogue(url) == clean_catalogue
