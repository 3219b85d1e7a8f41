"""The single Definitions object; resources are chosen from the environment (see settings.py)."""

from __future__ import annotations

import dagster as dg

from .defs import assets, golden
from .defs.alerts import run_failure_alert
from .defs.embedded_resource import EmbeddedLLMResource
from .defs.io_manager import WarehouseIOManager
from .defs.llm_resource import OllamaResource
from .defs.resources import LandingZone, LLMBackend, QualityThresholds, Warehouse
from .defs.schedules import (
    build_close_day_schedule,
    build_summary_after_day_close_sensor,
)
from .defs.sensors import build_landing_zone_sensor
from .settings import Settings


def configured(settings: Settings, name: str, env_vars: bool = True) -> str | dg.EnvVar:
    """A setting as resource config: the `dg.EnvVar` it came from when it came from the
    environment, so the UI and run config show the variable's name, never a password.
    Outside Dagster (`env_vars=False`) nothing would resolve an EnvVar: the plain value."""
    var = settings.env_vars.get(name) if env_vars else None
    return dg.EnvVar(var) if var else getattr(settings, name)


def llm_backend(settings: Settings, env_vars: bool = False) -> LLMBackend:
    """The LLM resource for the configured backend. `env_vars=True` only for Definitions,
    where Dagster resolves `dg.EnvVar`; scripts call `llm_backend(settings).get_client()`."""
    if settings.llm_backend == "ollama":
        return OllamaResource(
            host=configured(settings, "ollama_host", env_vars),
            model=settings.ollama_model,
            max_in_flight=settings.ollama_num_parallel,
            timeout_s=settings.ollama_timeout_s,
        )
    if settings.llm_backend == "embedded":
        return EmbeddedLLMResource(
            model_path=settings.model_path, model_sha256=settings.model_sha256, model_dir=settings.model_dir
        )
    return LLMBackend()


def build_resources(settings: Settings) -> dict:
    """The resources for one deployment; tests pass other Settings to the same assets."""
    warehouse = Warehouse(url=configured(settings, "warehouse_url"))
    return {
        "landing": LandingZone(root=str(settings.landing_root), max_file_bytes=settings.max_file_bytes),
        "warehouse": warehouse,
        "warehouse_io": WarehouseIOManager(warehouse=warehouse),
        "llm": llm_backend(settings, env_vars=True),
        "quality": QualityThresholds(min_confidence=settings.min_confidence),
    }


# The per-partition assets (what one landing folder needs), and everything.
PARTITION_ASSETS = assets.PARTITION_ASSETS
ALL_ASSETS = [*PARTITION_ASSETS, assets.property_quality_summary, assets.extraction_evaluation, *golden.GOLDEN_ASSETS]

property_job = dg.define_asset_job(
    "property_pipeline_job",
    selection=dg.AssetSelection.assets(*PARTITION_ASSETS),
    description="Raw collector files to validated properties and the quality report, for one partition.",
)
summary_job = dg.define_asset_job(
    "property_quality_summary_job",
    selection=dg.AssetSelection.assets(assets.property_quality_summary, *golden.GOLDEN_ASSETS),
    description="Refresh the quality summary across all partitions.",
)


def build_definitions(settings: Settings | None = None) -> dg.Definitions:
    settings = settings or Settings.from_env()
    return dg.Definitions(
        assets=ALL_ASSETS,
        jobs=[property_job, summary_job],
        schedules=[build_close_day_schedule(property_job)],
        sensors=[
            build_landing_zone_sensor(property_job),
            build_summary_after_day_close_sensor(property_job, summary_job),
            run_failure_alert,
            golden.golden_automation_sensor,
        ],
        resources=build_resources(settings),
    )


defs = build_definitions()
