"""Materialize every asset in process on the sample landing zone, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import sqlalchemy as sa

from property_pipeline.definitions import PARTITION_ASSETS, build_resources
from property_pipeline.defs.partitions import partition_key
from property_pipeline.landing import iter_partitions, scan_partition
from property_pipeline.settings import Settings
from property_pipeline.storage import warehouse

from .conftest import REPO, load_labels

OUTCOMES = ("validated_properties", "quarantined_properties", "extraction_dead_letters")


def materialize_all(
    settings: Settings, instance: dg.DagsterInstance, llm: dg.ConfigurableResource | None = None
) -> list[dg.ExecuteInProcessResult]:
    resources = build_resources(settings)
    if llm is not None:
        resources["llm"] = llm
    results = []
    for source, day in iter_partitions(settings.landing_root):
        result = dg.materialize(
            PARTITION_ASSETS,
            partition_key=partition_key(source, day),
            resources=resources,
            instance=instance,
        )
        assert result.success, f"run for {source} {day} failed"
        results.append(result)
    return results


def outcome_counts(url: str) -> dict[str, int]:
    return {table: len(warehouse.read_table(url, table)) for table in OUTCOMES}


def assert_every_file_accounted_for(settings: Settings, results: list[dg.ExecuteInProcessResult]) -> None:
    for result in results:
        checks = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
        assert checks["every_file_accounted_for"], result.run_id
        assert checks["confidence_thresholds"], result.run_id
    # Independently of the check: every non-temporary sample file has exactly one outcome row.
    expected = {
        f.path for s, d in iter_partitions(settings.landing_root) for f in scan_partition(settings.landing_root, s, d)
    }
    seen: list[str] = []
    for table in OUTCOMES:
        seen += list(warehouse.read_table(settings.warehouse_url, table)["source_file"])
    assert sorted(seen) == sorted(expected)
    assert not any(Path(p).name.startswith(".") or p.endswith((".tmp", ".part")) for p in seen)


def test_sqlite_materialization_accounts_for_every_file_and_is_idempotent(sample_landing, tmp_path):
    settings = Settings(landing_root=sample_landing, warehouse_url=f"sqlite:///{tmp_path / 'warehouse.db'}")
    instance = dg.DagsterInstance.ephemeral()
    results = materialize_all(settings, instance)
    assert_every_file_accounted_for(settings, results)
    first = outcome_counts(settings.warehouse_url)
    assert first["validated_properties"] > 0 and first["extraction_dead_letters"] > 0

    materialize_all(settings, instance)
    assert outcome_counts(settings.warehouse_url) == first

    labels = load_labels()
    letters = set(warehouse.read_table(settings.warehouse_url, "extraction_dead_letters")["source_file"])
    labelled_dead = {path for path, label in labels.items() if label["disposition"] == "dead_letter"}
    assert labelled_dead <= letters, f"bad files not dead-lettered: {sorted(labelled_dead - letters)}"


def test_postgres_instance_and_warehouse(sample_landing, pg_url, tmp_path, monkeypatch):
    """The production dagster.yaml (dagster-postgres) as the instance, PostgreSQL as the warehouse."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_PG_URL", pg_url)
    settings = Settings(landing_root=sample_landing, warehouse_url=pg_url)
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        results = materialize_all(settings, instance)
        assert_every_file_accounted_for(settings, results)
        first = outcome_counts(pg_url)
        materialize_all(settings, instance)
        assert outcome_counts(pg_url) == first
        runs = instance.get_runs()
        assert len(runs) == 2 * len(results)

    engine = sa.create_engine(pg_url)
    with engine.connect() as conn:
        column_types = {
            row[0]: row[1]
            for row in conn.execute(
                sa.text(
                    "select column_name, data_type from information_schema.columns "
                    "where table_name = 'validated_properties'"
                )
            )
        }
        assert column_types["field_confidence"] == "jsonb"
        assert column_types["validation_issues"] == "jsonb"
        kinds = conn.execute(
            sa.text("select distinct jsonb_typeof(field_sources) from validated_properties")
        ).scalars().all()
        assert kinds == ["object"]
    engine.dispose()


def test_definitions_load_from_workspace(tmp_path):
    """`dagster definitions validate` on workspace.yaml, with a local instance (not the production one)."""
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path)}
    exe = Path(sys.executable).parent / "dagster"
    proc = subprocess.run(
        [str(exe), "definitions", "validate", "-w", "workspace.yaml"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=180,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "property_pipeline" in proc.stdout + proc.stderr


def test_blocking_confidence_check_fails_the_run_but_the_report_says_why(sample_landing, tmp_path):
    from property_pipeline.defs.resources import QualityThresholds

    settings = Settings(landing_root=sample_landing, warehouse_url=f"sqlite:///{tmp_path / 'w.db'}")
    resources = {**build_resources(settings), "quality": QualityThresholds(min_mean_confidence=0.999)}
    result = dg.materialize(
        PARTITION_ASSETS,
        partition_key=partition_key("maricopa_county", dt.date(2026, 11, 20)),
        resources=resources,
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )
    checks = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert checks["confidence_thresholds"] is False
    materialized = {e.asset_key.path[-1] for e in result.get_asset_materialization_events()}
    assert not result.success  # the run fails: downstream consumers (the summary) are held back
    assert {"validated_properties", "quarantined_properties", "property_quality_report"} <= materialized
    report = warehouse.read_table(settings.warehouse_url, "property_quality_report")
    assert "confidence_thresholds: mean confidence" in report.iloc[0]["blocking_failures"][0]


def test_summary_across_partitions(sample_landing, tmp_path):
    from property_pipeline.defs.assets import property_quality_summary

    settings = Settings(landing_root=sample_landing, warehouse_url=f"sqlite:///{tmp_path / 'w.db'}")
    instance = dg.DagsterInstance.ephemeral()
    results = materialize_all(settings, instance)
    result = dg.materialize([property_quality_summary], resources=build_resources(settings), instance=instance)
    metadata = result.get_asset_materialization_events()[0].materialization.metadata
    assert metadata["partitions"].value == len(results)
    reports = warehouse.read_table(settings.warehouse_url, "property_quality_report")
    assert metadata["validated"].value == int(reports["validated"].sum())
    assert metadata["all_conserved"].value is True
    assert "data:image/png;base64," in metadata["confidence_plot"].value
