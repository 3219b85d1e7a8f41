"""The golden property table and the listing history: one row per property across sources and days.

Unpartitioned, rebuilt from every validated record on each materialization, rather than a
cumulative table partitioned by day. Linking and survivorship look across all days at once
(the newest listing wins the price; a parcel collected today links a listing seen last week),
so a backfilled or rerun day changes rows that a day-partitioned table would have frozen in
later partitions, and each of those partitions would have to be rebuilt in order. A full
rebuild is linear in the validated records and its result is exactly what the rules say; the
table as it stood on any day is `build_golden(records, as_of=day)`, and the listing history
keeps every observation with its day. It refreshes itself when validated partitions change
(declarative automation, see `golden_automation_sensor`).
"""

import dagster as dg

from ..golden import GOLDEN_TABLE, HISTORY_TABLE, build_golden
from ..golden.tables import published_validated
from .assets import WAREHOUSE, preview
from .resources import Warehouse

PARCEL_CHECK = "one_street_address_per_parcel"

# Once after validated records change, not while partition runs are still writing them; never
# held back by the many (source, day) partitions that were not materialized.
refresh_when_validated_changes = (
    dg.AutomationCondition.any_deps_updated().since_last_handled()
    & ~dg.AutomationCondition.any_deps_in_progress()
    & ~dg.AutomationCondition.in_progress()
).with_label("refresh after validated records change")


@dg.multi_asset(
    outs={
        GOLDEN_TABLE: dg.AssetOut(
            io_manager_key=WAREHOUSE, group_name="golden", automation_condition=refresh_when_validated_changes
        ),
        HISTORY_TABLE: dg.AssetOut(
            io_manager_key=WAREHOUSE, group_name="golden", automation_condition=refresh_when_validated_changes
        ),
    },
    deps=["validated_properties"],
    check_specs=[
        dg.AssetCheckSpec(
            PARCEL_CHECK,
            asset=GOLDEN_TABLE,
            description="No parcel (APN) is linked to listings at two different street addresses.",
        )
    ],
)
def golden_records(context: dg.AssetExecutionContext, warehouse: Warehouse):
    """`property_golden_records`: one row per property (`apn:` key first, a canonical address
    otherwise) from the validated records of both sources and all published days (a partition
    held back by a failed blocking check is left out), with per-field
    survivorship (golden/survivorship.py), lineage, conflicts and how it was linked (by APN,
    by address with a match confidence, unlinked, ambiguous). `property_listing_history`:
    every listing observation with its day and what changed (listed, price change, relisted,
    sold). Ambiguous address matches are not merged and are listed in the metadata.
    """
    validated, held_back = published_validated(warehouse.url)
    result = build_golden(validated)
    golden, history, counts = result.golden, result.history, result.counts()
    for ambiguity in result.ambiguities:
        context.log.warning(f"not merged ({ambiguity['reason']}): {ambiguity['source_file']} -> {ambiguity['candidates']}")
    conflicted = golden[golden["conflicts"].map(bool)] if len(golden) else golden
    yield dg.Output(
        golden,
        output_name=GOLDEN_TABLE,
        metadata={
            **counts,
            "partitions_held_back": dg.MetadataValue.json([f"{source}/{day}" for source, day in held_back]),
            "ambiguous_matches": dg.MetadataValue.json(result.ambiguities),
            "conflicts": dg.MetadataValue.json(
                {row.property_key: [c["field"] for c in row.conflicts] for row in conflicted.itertuples()}
            ),
            "preview": preview(
                golden,
                ["property_key", "link_status", "match_confidence", "list_price", "standard_status",
                 "unparsed_address", "year_built", "full_cash_value"],
                rows=20,
            ),
        },
    )
    yield dg.Output(
        history,
        output_name=HISTORY_TABLE,
        metadata={
            "observations": len(history),
            "events": dg.MetadataValue.json(history["event"].value_counts().to_dict() if len(history) else {}),
            "preview": preview(
                history.sort_values(["property_key", "collected_on"]) if len(history) else history,
                ["property_key", "collected_on", "listing_id", "event", "list_price", "previous_list_price"],
                rows=20,
            ),
        },
    )
    apart = result.parcels_at_two_addresses
    yield dg.AssetCheckResult(
        check_name=PARCEL_CHECK,
        asset_key=GOLDEN_TABLE,
        passed=not apart,
        severity=dg.AssetCheckSeverity.ERROR,
        description="One parcel number linked to listings at two different street addresses: "
        "one of those listings likely states a wrong APN.",
        metadata={"parcels": len(apart), "examples": dg.MetadataValue.json(apart[:20])},
    )


golden_automation_sensor = dg.AutomationConditionSensorDefinition(
    "golden_records_automation",
    target=dg.AssetSelection.assets(GOLDEN_TABLE, HISTORY_TABLE),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=60,
    description="Evaluates the golden records' automation condition: one rebuild after validated "
    "records change, never while partition runs are still writing them.",
)

GOLDEN_ASSETS = [golden_records]
