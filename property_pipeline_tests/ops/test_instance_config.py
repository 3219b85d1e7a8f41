"""The run queue settings the production `dagster.yaml` and the local instance share are valid
Dagster instance configuration, and a sensor tick's runs are submitted side by side (four
partitions landing together are created at once, not one after the other:
`benchmarks/sensor_to_materialized.py` measures it)."""

from __future__ import annotations

import dagster as dg
import pytest
import yaml

from property_pipeline.ops.local_instance import LOCAL_INSTANCE_YAML

from ..conftest import REPO


def production_yaml_on_sqlite() -> str:
    config = yaml.safe_load((REPO / "dagster.yaml").read_text())
    config.pop("storage")  # PostgreSQL in production; the settings under test do not depend on it
    return yaml.safe_dump(config)


@pytest.mark.parametrize("text", [production_yaml_on_sqlite(), LOCAL_INSTANCE_YAML], ids=["production", "local"])
def test_instance_config_submits_a_ticks_runs_side_by_side(tmp_path, text):
    (tmp_path / "dagster.yaml").write_text(text)
    with dg.DagsterInstance.from_config(str(tmp_path)) as instance:
        sensors = instance.get_settings("sensors")
        runs = yaml.safe_load(text)["concurrency"]["runs"]
        assert type(instance.run_coordinator).__name__ == "QueuedRunCoordinator"
    assert sensors["use_threads"] is True
    assert sensors["num_submit_workers"] >= runs["max_concurrent_runs"], "every run the queue may start is submitted at once"
    assert runs["tag_concurrency_limits"][0]["key"] == "dagster/partition"
