"""The pipeline on Celery workers, end to end on this machine's broker (RabbitMQ): two worker
processes, `dagster-daemon` on a PostgreSQL instance, a backfill of 8 partitions. Steps run
on both workers; a worker SIGKILLed mid-step loses nothing (its task is redelivered), and the
warehouse ends exactly as a plain in-process run leaves it. Two runs of one partition racing
outside the run queue leave exactly one copy."""

from __future__ import annotations

import time
from collections import Counter

import pandas as pd
import pytest
import sqlalchemy as sa

from property_pipeline.defs.executors import BROKER_VAR, DEFAULT_BROKER

from .celery_cluster import (
    Cluster,
    broker_problem,
    cluster_env,
    delete_queue,
    instance_for,
    make_landing,
    materialize_in_process,
    step_executions,
    wait_for_runs,
)

TABLES = ("raw_collector_files", "extracted_properties", "extraction_dead_letters", "validated_properties",
          "quarantined_properties", "property_quality_report")  # fmt: skip
OUTCOME_TABLES = ("validated_properties", "quarantined_properties", "extraction_dead_letters")
BACKFILL_DAYS = 4  # x 2 sources = 8 partitions
RACE_DAY_OFFSET = BACKFILL_DAYS  # the race uses the next day, which the backfill does not touch
STEPS_BEFORE_KILL = 3  # per worker: both demonstrably take work before one dies
RUN_TIMEOUT_S = 900  # a busy 2-core machine; the outcome is asserted, not the speed
# Above the suite's 300 s default: the first test also starts the daemon and the workers and
# runs the in-process reference; each waits up to RUN_TIMEOUT_S for its runs.
pytestmark = pytest.mark.timeout(2 * RUN_TIMEOUT_S)


@pytest.fixture(scope="module")
def broker_url() -> str:
    import os

    url = os.environ.get(BROKER_VAR) or DEFAULT_BROKER
    problem = broker_problem(url)
    if problem:
        pytest.fail(
            f"the Celery broker at {url} is not reachable ({problem}). Start RabbitMQ "
            f"(`rabbitmq-server`, guest/guest on 127.0.0.1:5672) or point {BROKER_VAR} at a running one.",
            pytrace=False,
        )
    return url


@pytest.fixture(scope="module")
def databases(pg_server_url):
    """Instance, warehouse and reference-warehouse databases, dropped afterwards."""
    import uuid

    admin = sa.create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    names = [f"pp_celery_{uuid.uuid4().hex[:10]}" for _ in range(3)]
    with admin.connect() as conn:
        for name in names:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    urls = [sa.make_url(pg_server_url).set(database=n).render_as_string(hide_password=False) for n in names]
    yield dict(zip(("instance", "warehouse", "reference"), urls))
    from property_pipeline.storage.warehouse import get_engine

    get_engine.cache_clear()
    with admin.connect() as conn:
        for name in names:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="module")
def landing(tmp_path_factory):
    root = tmp_path_factory.mktemp("celery") / "landing"
    keys = make_landing(root, BACKFILL_DAYS + 1)
    return root, keys[: 2 * BACKFILL_DAYS], keys[2 * BACKFILL_DAYS :]


@pytest.fixture(scope="module")
def cluster(broker_url, databases, landing, tmp_path_factory):
    """The daemon and two Celery workers, `w1` and `w2`, stopped (process groups) at the end."""
    root, _, _ = landing
    home = tmp_path_factory.mktemp("celery_home")
    env = cluster_env(home, root, databases["instance"], databases["warehouse"], "celery", broker_url)
    running = Cluster(home=home, landing=root, env=env, instance_url=databases["instance"], warehouse_url=databases["warehouse"])
    try:
        running.start_daemon()
        running.start_worker("w1")
        running.start_worker("w2")
        running.wait_for_workers()
        yield running
    finally:
        running.stop()
        delete_queue(broker_url, env["PROPERTY_PIPELINE_CELERY_QUEUE"])


@pytest.fixture(scope="module")
def reference(databases, landing, cluster):
    """Every partition of the landing zone run in process (no daemon, no Celery) into its own
    warehouse: what the Celery runs must leave."""
    _, backfill_keys, race_keys = landing
    env = {**cluster.env, "PROPERTY_PIPELINE_WAREHOUSE_URL": databases["reference"]}
    materialize_in_process(env, backfill_keys + race_keys)
    return databases["reference"]


def partition_counts(url: str) -> pd.DataFrame:
    """Rows per table and partition, and how many of them repeat a source file."""
    engine = sa.create_engine(url)
    frames = []
    with engine.connect() as conn:
        for table in TABLES:
            frames.append(
                pd.read_sql(
                    sa.text(
                        f"SELECT '{table}' AS tbl, source, collected_on::text AS day, count(*) AS n_rows, "
                        f"count(*) - count(DISTINCT source_file) AS repeated FROM \"{table}\" GROUP BY source, collected_on"
                        if table != "property_quality_report"
                        else f"SELECT '{table}' AS tbl, source, collected_on::text AS day, count(*) AS n_rows, "
                        f"count(*) - 1 AS repeated FROM \"{table}\" GROUP BY source, collected_on"
                    ),
                    conn,
                )
            )
    engine.dispose()
    return pd.concat(frames).sort_values(["tbl", "source", "day"]).reset_index(drop=True)


def outcomes_per_file(url: str) -> pd.DataFrame:
    """Each distinct raw file of every partition with how many outcome rows it has."""
    engine = sa.create_engine(url)
    union = " UNION ALL ".join(f'SELECT source, collected_on, source_file FROM "{t}"' for t in OUTCOME_TABLES)
    query = (
        "SELECT r.source, r.collected_on::text AS day, r.source_file, "
        f"(SELECT count(*) FROM ({union}) o WHERE o.source = r.source AND o.collected_on = r.collected_on "
        "AND o.source_file = r.source_file) AS outcomes "
        "FROM raw_collector_files r WHERE r.duplicate_of IS NULL"
    )
    with engine.connect() as conn:
        frame = pd.read_sql(sa.text(query), conn)
    engine.dispose()
    return frame


def select(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    wanted = {tuple(k.split("|")) for k in keys}
    mask = [(d, s) in wanted for d, s in zip(frame["day"], frame["source"])]
    return frame[mask].reset_index(drop=True)


def test_same_partition_racing_outside_the_queue_leaves_one_copy(cluster, landing, reference):
    """Two `dagster job execute` processes run one partition at the same time on the workers
    (what two operators or two deployments can do: the run queue's one-run-per-partition limit
    does not see them). Each step replaces its partition's rows under a lock, so the warehouse
    holds exactly one copy, equal to the in-process run's; neither run fails on the other."""
    _, _, race_keys = landing
    key = race_keys[0]
    racers = [cluster.execute(key) for _ in range(2)]
    outputs = []
    for racer in racers:
        out, _ = racer.communicate(timeout=RUN_TIMEOUT_S)
        outputs.append(out)
        assert racer.returncode == 0, f"racing run failed:\n{out[-6000:]}\n{cluster.log_tails()}"
    celery = select(partition_counts(cluster.warehouse_url), [key])
    expected = select(partition_counts(reference), [key])
    assert set(expected["tbl"]) >= {"raw_collector_files", "property_quality_report"}, expected
    assert celery["repeated"].eq(0).all(), celery
    pd.testing.assert_frame_equal(celery, expected)


def kill_mid_step(cluster: Cluster, instance, backfill_id: str, victim: str, timeout_s: float) -> tuple[str, str]:
    """Waits until both workers have each finished a few steps of the backfill and `victim` is
    inside another one, then SIGKILLs it. Returns the (run id, step key) it was executing."""
    from .celery_cluster import backfill_runs

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        cluster.check_alive()
        run_ids = [r.run_id for r in backfill_runs(instance, backfill_id)]
        executions = step_executions(instance, run_ids)
        finished = Counter(e.worker.split("@")[0] for e in executions if e.finished)
        in_flight = [e for e in executions if e.worker.startswith(f"{victim}@") and not e.finished]
        if min(finished["w1"], finished["w2"]) >= STEPS_BEFORE_KILL and in_flight:
            cluster.kill(victim)
            return in_flight[0].run_id, in_flight[0].step_key
        time.sleep(0.2)
    raise AssertionError(f"{victim} was never caught inside a step within {timeout_s}s\n{cluster.log_tails()}")


def test_backfill_on_two_workers_survives_a_killed_worker(cluster, landing, reference):
    _, keys, _ = landing
    instance = instance_for(cluster.env)
    backfill_id = cluster.backfill(keys)
    killed_run, killed_step = kill_mid_step(cluster, instance, backfill_id, "w2", RUN_TIMEOUT_S)

    runs = wait_for_runs(cluster, instance, backfill_id, len(keys), RUN_TIMEOUT_S)
    assert sorted(r.tags["dagster/partition"] for r in runs) == sorted(keys)
    failed = [(r.tags["dagster/partition"], r.status.value) for r in runs if r.status.value != "SUCCESS"]
    assert not failed, f"runs did not succeed: {failed}\n{cluster.log_tails()}"

    # Steps ran to the end on both workers, and the step w2 died in was run again, to the end, by w1.
    executions = step_executions(instance, [r.run_id for r in runs])
    assert {e.worker.split("@")[0] for e in executions if e.finished} == {"w1", "w2"}
    of_killed = [e for e in executions if (e.run_id, e.step_key) == (killed_run, killed_step)]
    again = [e for e in of_killed if e.worker.startswith("w1@")]
    # The kill lands up to a poll after the step was seen in flight: a step that reached its end
    # on w2 in that window needs no second run; one that did not must be run again by w1.
    if not any(e.finished and e.worker.startswith("w2@") for e in of_killed):
        assert again and again[-1].finished, [e for e in executions if e.run_id == killed_run]
    print(f"step executions per worker: {dict(Counter(e.worker for e in executions))}; w2 SIGKILLed inside "
          f"{killed_step} of run {killed_run[:8]}, which {again[-1].worker if again else 'w2 (before the kill)'} ran to the end")  # fmt: skip
    # Every step of every run finished on some worker.
    for run in runs:
        started = {e.step_key for e in executions if e.run_id == run.run_id}
        finished = {e.step_key for e in executions if e.run_id == run.run_id and e.finished}
        assert {"raw_collector_files", "extraction", "validation"} <= finished == started, (run.tags, started, finished)

    # The warehouse: every distinct file has exactly one outcome, and every table holds per
    # partition exactly the rows the in-process run wrote (no copy from the killed attempt).
    per_file = select(outcomes_per_file(cluster.warehouse_url), keys)
    assert len(per_file) > 0 and per_file["outcomes"].eq(1).all(), per_file[per_file["outcomes"] != 1]
    celery, expected = select(partition_counts(cluster.warehouse_url), keys), select(partition_counts(reference), keys)
    reported = select(expected[expected["tbl"] == "property_quality_report"], keys)
    assert len(reported) == len(keys), reported
    assert celery["repeated"].eq(0).all(), celery[celery["repeated"] != 0]
    pd.testing.assert_frame_equal(celery, expected)
    instance.dispose()
