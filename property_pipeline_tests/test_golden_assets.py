"""The golden assets materialized by Dagster on a temporary warehouse: tables written, metadata
counts, and the parcel-at-two-addresses check failing when it should."""

from __future__ import annotations

import asyncio
import datetime as dt

import dagster as dg
import pandas as pd
import pytest

from property_pipeline.defs.golden import GOLDEN_ASSETS, PARCEL_CHECK
from property_pipeline.defs.io_manager import WarehouseIOManager
from property_pipeline.defs.resources import Warehouse
from property_pipeline.extraction.extractor import Extractor
from property_pipeline.golden import GOLDEN_TABLE, HISTORY_TABLE, read_golden
from property_pipeline.landing import iter_partitions, scan_partition
from property_pipeline.quality.rules import QualityConfig
from property_pipeline.quality.validate import validate_records
from property_pipeline.storage.warehouse import read_table, replace_partition

from .conftest import SAMPLE_LANDING


def load_validated_samples(url: str) -> int:
    """The samples' validated and quarantined partitions, written as the partition assets write them."""
    count = 0
    for source, day in iter_partitions(SAMPLE_LANDING):
        result = asyncio.run(Extractor(source, root=SAMPLE_LANDING).run(scan_partition(SAMPLE_LANDING, source, day)))
        checked = validate_records(result.records_frame(), QualityConfig())
        partition = {"source": source, "collected_on": day}
        count += replace_partition(url, "validated_properties", checked.validated, partition)
        replace_partition(url, "quarantined_properties", checked.quarantined, partition)
    return count


def materialize(url: str) -> dg.ExecuteInProcessResult:
    warehouse = Warehouse(url=url)
    return dg.materialize(
        GOLDEN_ASSETS,
        resources={"warehouse": warehouse, "warehouse_io": WarehouseIOManager(warehouse=warehouse)},
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_golden_assets_on_a_temporary_warehouse(backend, tmp_path, request):
    url = request.getfixturevalue("pg_url") if backend == "postgresql" else f"sqlite:///{tmp_path / 'w.db'}"
    validated = load_validated_samples(url)

    result = materialize(url)
    assert result.success
    events = {e.asset_key.path[-1]: e.materialization.metadata for e in result.get_asset_materialization_events()}
    meta = events[GOLDEN_TABLE]
    golden = read_golden(url)
    assert len(golden) == meta["properties"].value == meta["rows_written"].value
    assert meta["linked_by_apn"].value >= 14 and meta["linked_by_address"].value >= 3
    assert meta["ambiguous"].value == 2 and meta["with_conflicts"].value == 1
    assert {a["source_file"] for a in meta["ambiguous_matches"].value} == {
        "phoenix_mls/2026-11-21/mls_7031063.html", "phoenix_mls/2026-11-21/mls_7031077.html"}
    assert "addr:2210 e osborn rd phoenix az 85016" in str(meta["preview"].value)
    (check,) = result.get_asset_check_evaluations()
    assert check.check_name == PARCEL_CHECK and check.passed

    # Only validated records feed it, each exactly once; JSON columns come back as JSON.
    members = sorted(m["source_file"] for ms in golden["members"] for m in ms)
    assert len(members) == validated
    assert members == sorted(read_table(url, "validated_properties")["source_file"])
    conflict = golden.set_index("property_key").loc["apn:13012044", "conflicts"]
    assert [c["field"] for c in conflict] == ["year_built"]
    history = read_golden(url, HISTORY_TABLE)
    assert len(history) == events[HISTORY_TABLE]["observations"].value
    relisting = history[history["property_key"] == "apn:13341009"]
    assert relisting["event"].tolist() == ["listed", "relisted"] and relisting["list_price"].tolist() == [410000, 399000]

    # A listing, a day later, stating the parcel number of 4218 E Campbell Ave at another street address.
    day3 = dt.date(2026, 11, 22)
    stray = read_table(url, "validated_properties", {"source": "phoenix_mls", "collected_on": dt.date(2026, 11, 21)})
    stray = stray[stray["source_file"] == "phoenix_mls/2026-11-21/mls_7012345.html"].assign(
        source_file="phoenix_mls/2026-11-22/mls_7099999.html", record_id="stray", collected_on=day3,
        street_number="4281", unparsed_address="4281 E Campbell Ave, Phoenix, AZ 85018")
    replace_partition(url, "validated_properties", stray, {"source": "phoenix_mls", "collected_on": day3})
    again = materialize(url)
    (check,) = again.get_asset_check_evaluations()
    assert not check.passed and check.metadata["parcels"].value == 1
    assert check.metadata["examples"].value[0]["property_key"] == "apn:12723045"
    assert len(read_golden(url)) == len(golden)  # replaced, not appended: the stray joined its parcel

    # The stray's partition held back by a failed blocking check: its records are not published.
    report = pd.DataFrame([{"source": "phoenix_mls", "collected_on": day3, "blocking_failures": ["confidence_thresholds: too low"]}])
    replace_partition(url, "property_quality_report", report, {"source": "phoenix_mls", "collected_on": day3})
    held = materialize(url)
    (check,) = held.get_asset_check_evaluations()
    assert check.passed
    meta = {e.asset_key.path[-1]: e.materialization.metadata for e in held.get_asset_materialization_events()}[GOLDEN_TABLE]
    assert meta["partitions_held_back"].value == ["phoenix_mls/2026-11-22"]
    assert "phoenix_mls/2026-11-22/mls_7099999.html" not in {m["source_file"] for ms in read_golden(url)["members"] for m in ms}


def test_golden_assets_refresh_once_after_validated_records_change():
    """Declarative automation: nothing to do at first; one request (both tables) after a
    validated partition is updated; nothing again until the next update."""
    from property_pipeline.definitions import build_definitions
    from property_pipeline.defs.partitions import source_day_partitions

    defs = build_definitions()
    instance = dg.DagsterInstance.ephemeral()

    def golden_requested(cursor=None):
        result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=cursor)
        requested = {r.key.path[-1] for r in result.results if r.true_subset.size}
        return requested & {GOLDEN_TABLE, HISTORY_TABLE}, result.cursor

    requested, cursor = golden_requested()
    assert requested == set()
    key = source_day_partitions.get_partition_keys()[-1]
    instance.report_runless_asset_event(dg.AssetMaterialization("validated_properties", partition=key))
    requested, cursor = golden_requested(cursor)
    assert requested == {GOLDEN_TABLE, HISTORY_TABLE}
    requested, cursor = golden_requested(cursor)
    assert requested == set()
