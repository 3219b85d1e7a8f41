"""Recovery without a person: once the LLM answers again, rerun the partitions an outage degraded.

The plain core (`property_pipeline.replay`) finds partitions holding retryable dead letters
or rule fallbacks; this sensor asks the LLM resource whether it is healthy and, if so,
requests one `property_pipeline_job` run per degraded partition. The run key names the
partition and what it holds, so the same damage is replayed once, not on every tick; a
partition that is still degraded after its replay (the outage came back) gets a new key
only when its counts change.
"""

from __future__ import annotations

import hashlib

import dagster as dg

from ..replay import degraded_partitions
from ..settings import OpsSettings
from .partitions import partition_key, partition_range
from .resources import LLMBackend, Warehouse

RECOVERY_SENSOR = "llm_recovery_sensor"


def damage_key(damage) -> str:
    """A run key for one partition's current outage marks."""
    text = damage.describe()
    return f"replay:{damage.source}:{damage.day.isoformat()}:{hashlib.sha256(text.encode()).hexdigest()[:12]}"


def build_llm_recovery_sensor(job: dg.UnresolvedAssetJobDefinition, ops: OpsSettings) -> dg.SensorDefinition:
    @dg.sensor(
        name=RECOVERY_SENSOR,
        job=job,
        minimum_interval_seconds=ops.recovery_interval_s,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description="Replays LLM outages on its own: when partitions hold retryable dead letters "
        "(llm_unavailable, llm_invalid_reply, extractor_error) or records the rules made alone "
        "(llm_fallback) and the LLM answers its health check, requests one run per such partition, "
        "once per distinct damage. Same as `property-pipeline replay`.",
    )
    def llm_recovery_sensor(context: dg.SensorEvaluationContext, llm: LLMBackend, warehouse: Warehouse):
        if type(llm) is LLMBackend:
            return dg.SkipReason("rules only (PROPERTY_PIPELINE_LLM=none): nothing to replay with")
        first, last = partition_range()
        damaged = [d for d in degraded_partitions(warehouse.url) if first <= d.day <= last]
        if not damaged:
            return dg.SkipReason("no partition holds retryable dead letters or rule fallbacks")
        report = llm.get_client().health()
        if not report.ok:
            return dg.SkipReason("LLM still unavailable: " + "; ".join(report.problems))
        for damage in damaged:
            context.log.info(f"replaying {damage.describe()}")
            yield dg.RunRequest(
                run_key=damage_key(damage),
                partition_key=partition_key(damage.source, damage.day),
                tags={"property_pipeline/launched_by": RECOVERY_SENSOR},
            )

    return llm_recovery_sensor
