"""The code location: `defs`, built lazily from the environment (see settings.py) when Dagster
loads it; `build_definitions(settings)` for other settings (tests, benchmarks)."""

from __future__ import annotations

import warnings

import dagster as dg

from .defs import assets, golden
from .defs.alerts import check_failure_alert, run_failure_alert
from .defs.embedded_resource import EmbeddedLLMResource
from .defs.executors import executor_from_env
from .defs.io_manager import WarehouseIOManager
from .defs.llm_resource import OllamaResource
from .defs.replay import build_llm_recovery_sensor
from .defs.resources import LandingZone, LLMBackend, QualityThresholds, Warehouse
from .defs.schedules import build_close_day_schedule
from .defs.sensors import build_landing_zone_sensor
from .llm.factory import BACKEND_OPTIONS, EMBEDDED_OPTIONS, OLLAMA_OPTIONS, options_of
from .settings import OpsSettings, Settings


def configured(settings: Settings, name: str, env_vars: bool = True) -> str | dg.EnvVar:
    """A setting as resource config: the `dg.EnvVar` it came from when it came from the
    environment, so the UI and run config show the variable's name, never a password.
    Outside Dagster (`env_vars=False`) nothing would resolve an EnvVar: the plain value."""
    var = settings.env_vars.get(name) if env_vars else None
    return dg.EnvVar(var) if var else getattr(settings, name)


def llm_backend(settings: Settings, env_vars: bool = False) -> LLMBackend:
    """The LLM resource for the configured backend, its fields read from `settings` through the
    factory's option tables. `env_vars=True` only for Definitions, where Dagster resolves
    `dg.EnvVar`; code outside Dagster calls `llm.factory.build_client`."""
    options = options_of(settings, BACKEND_OPTIONS)
    if settings.llm_backend == "ollama":
        host = configured(settings, "ollama_host", env_vars)
        return OllamaResource(**{**options, **options_of(settings, OLLAMA_OPTIONS), "host": host})
    if settings.llm_backend == "embedded":
        return EmbeddedLLMResource(**{**options, **options_of(settings, EMBEDDED_OPTIONS)})
    return LLMBackend(**options)


def build_resources(settings: Settings) -> dict:
    """The resources for one deployment; tests pass other Settings to the same assets."""
    warehouse = Warehouse(url=configured(settings, "warehouse_url"))
    return {
        "landing": LandingZone(root=str(settings.landing_root), max_file_bytes=settings.max_file_bytes),
        "warehouse": warehouse,
        "warehouse_io": WarehouseIOManager(warehouse=warehouse),
        "llm": llm_backend(settings, env_vars=True),
        "quality": QualityThresholds(
            min_confidence=settings.min_confidence, **dict(settings.quality), **dict(settings.checks)
        ),
    }


# The per-partition assets (what one landing folder needs), and everything.
PARTITION_ASSETS = assets.PARTITION_ASSETS
ALL_ASSETS = [*PARTITION_ASSETS, assets.property_quality_summary, assets.extraction_evaluation, *golden.GOLDEN_ASSETS]

# One process per run: the chain is strictly linear, so a process per step only adds
# interpreter start-up, imports and model loads (about 2 s a step) and keeps nothing in memory
# between steps; in process, the LLM resource (model or HTTP client) lives for the whole run.
property_job = dg.define_asset_job(
    "property_pipeline_job",
    selection=dg.AssetSelection.assets(*PARTITION_ASSETS),
    # No executor here: `build_definitions` gives the Definitions the one PROPERTY_PIPELINE_EXECUTOR
    # names (in process unless it says multiprocess or celery, defs/executors.py), read at load.
    tags={"property_pipeline/job": "partition"},
    description="Raw collector files to validated and quarantined properties, dead letters and the quality "
    "report, for one (source, day) partition, in one process. Started by the landing sensor, the day-close "
    "schedule and `property-pipeline run`; re-execute or backfill it here.",
)
summary_job = dg.define_asset_job(
    "property_quality_summary_job",
    selection=dg.AssetSelection.assets(assets.property_quality_summary, *golden.GOLDEN_ASSETS),
    executor_def=dg.in_process_executor,
    description="Refresh the quality summary across all partitions (declarative automation also keeps it fresh).",
)


summary_automation = dg.AutomationConditionSensorDefinition(
    "summary_automation_sensor",
    target=dg.AssetSelection.assets(assets.property_quality_summary),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="Evaluates property_quality_summary's automation condition: one refresh after any "
    "partition's report was written, never while a partition run is still in progress.",
)


def freshness_checks(settings: OpsSettings) -> list:
    """`validated_properties` should have been updated within a day and a half of each day
    close: the UI marks it stale (and the freshness sensor records a failed check) when the
    collectors or the pipeline stopped."""
    import datetime as dt

    # Dagster now prefers FreshnessPolicy, which the UI shows but which emits no check result
    # for alerting and the check history; the check is what this project wants.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dg.SupersessionWarning)
        return list(
            dg.build_last_update_freshness_checks(
                assets=[dg.AssetKey("validated_properties")],
                lower_bound_delta=dt.timedelta(hours=36),
                deadline_cron=settings.schedule_cron,
                timezone=settings.schedule_timezone,
            )
        )


def build_definitions(settings: Settings | None = None) -> dg.Definitions:
    settings = settings or Settings.from_env()
    ops = OpsSettings.from_env()
    checks = freshness_checks(ops)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dg.SupersessionWarning)
        freshness_sensor = dg.build_sensor_for_freshness_checks(
            freshness_checks=checks, name="validated_freshness_sensor", default_status=dg.DefaultSensorStatus.RUNNING
        )
    return dg.Definitions(
        executor=executor_from_env(),
        assets=ALL_ASSETS,
        asset_checks=checks,
        jobs=[property_job, summary_job],
        schedules=[build_close_day_schedule(property_job, ops)],
        sensors=[
            build_landing_zone_sensor(property_job, ops),
            build_llm_recovery_sensor(property_job, ops),
            run_failure_alert,
            golden.golden_automation_sensor,
            check_failure_alert,
            freshness_sensor,
            summary_automation,
        ],
        resources=build_resources(settings),
    )


@dg.definitions
def defs() -> dg.Definitions:
    """The code location's Definitions (workspace.yaml, `[tool.dg]`), built when Dagster loads
    the location, not at import: importing this module builds no resources and reads no
    environment, so its helpers can be imported cheaply. Each load reads the environment of
    that moment, which is also what `property-pipeline run` executes (`defs/launch.py`)."""
    return build_definitions()
