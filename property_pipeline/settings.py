"""Configuration from environment variables, read in this one place.

The Dagster definitions, the command line and the Python API all build their
resources from `Settings.from_env()`, so a deployment is chosen by its
environment, never by editing code.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path

from .landing import DEFAULT_MAX_FILE_BYTES

LLM_BACKENDS = ("none", "ollama", "embedded")


def default_llm_backend() -> str:
    """`embedded` where the `[embedded]` extra is installed (a fresh machine set up with `make`
    extracts with a real model and no server), else `none` (rules only). Production sets
    PROPERTY_PIPELINE_LLM=ollama explicitly."""
    return "embedded" if importlib.util.find_spec("llama_cpp") is not None else "none"


def default_state_dir() -> Path:
    """Where embedded defaults keep their files: `$DAGSTER_HOME` or `./.property_pipeline`."""
    home = os.environ.get("DAGSTER_HOME")
    return Path(home) if home else Path.cwd() / ".property_pipeline"


def default_landing_root() -> Path:
    """The sample landing zone shipped in the repository (the demo's input)."""
    return Path(__file__).resolve().parent.parent / "samples" / "landing"


@dataclass(frozen=True)
class Settings:
    landing_root: Path
    warehouse_url: str
    llm_backend: str = "none"
    ollama_host: str = "http://localhost:11434"
    ollama_model: str = "llama3.2:latest"
    ollama_num_parallel: int = 1
    ollama_timeout_s: float = 120.0
    min_confidence: float = 0.7
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    dagster_pg_url: str | None = None
    model_path: str | None = None
    model_sha256: str | None = None
    model_dir: str | None = None
    env_vars: dict[str, str] = field(default_factory=dict, compare=False)
    """Setting name -> the environment variable it came from, so that resources can hold
    `dg.EnvVar` (shown by name in the UI) instead of the value (a password in a URL)."""

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        backend = env.get("PROPERTY_PIPELINE_LLM", default_llm_backend()).strip().lower()
        if backend not in LLM_BACKENDS:
            raise ValueError(f"PROPERTY_PIPELINE_LLM={backend!r}; expected one of {', '.join(LLM_BACKENDS)}")
        warehouse = env.get("PROPERTY_PIPELINE_WAREHOUSE_URL") or (
            f"sqlite:///{default_state_dir() / 'warehouse.db'}"
        )
        supplied = {
            "warehouse_url": "PROPERTY_PIPELINE_WAREHOUSE_URL",
            "ollama_host": "OLLAMA_HOST",
        }
        return cls(
            env_vars={name: var for name, var in supplied.items() if env.get(var)},
            landing_root=Path(env.get("PROPERTY_PIPELINE_LANDING_ROOT") or default_landing_root()),
            warehouse_url=warehouse,
            llm_backend=backend,
            ollama_host=env.get("OLLAMA_HOST", "http://localhost:11434"),
            ollama_model=env.get("OLLAMA_MODEL", "llama3.2:latest"),
            ollama_num_parallel=int(env.get("OLLAMA_NUM_PARALLEL", "1")),
            ollama_timeout_s=float(env.get("OLLAMA_TIMEOUT_S", "120")),
            min_confidence=float(env.get("PROPERTY_PIPELINE_MIN_CONFIDENCE", "0.7")),
            max_file_bytes=int(env.get("PROPERTY_PIPELINE_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES)),
            dagster_pg_url=env.get("DAGSTER_PG_URL") or None,
            model_path=env.get("PROPERTY_PIPELINE_MODEL_PATH") or None,
            model_sha256=env.get("PROPERTY_PIPELINE_MODEL_SHA256") or None,
            model_dir=env.get("PROPERTY_PIPELINE_MODEL_DIR") or None,
        )


DEFAULT_UI_URL = "http://127.0.0.1:3000"


@dataclass(frozen=True)
class OpsSettings:
    """How the pipeline is operated: sensor cadence, settle time, the day-close schedule, alerts."""

    # 30 s keeps the daemon's load negligible while a new folder still starts within a minute.
    sensor_interval_s: int = 30
    # A file modified within this many seconds may still be being written.
    settle_s: float = 60.0
    schedule_cron: str = "30 0 * * *"
    schedule_timezone: str = "America/Phoenix"
    alert_webhook: str | None = None
    ui_url: str = DEFAULT_UI_URL
    alert_timeout_s: float = 10.0
    # How often the recovery sensor looks for partitions an LLM outage degraded (one health call).
    recovery_interval_s: int = 300

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "OpsSettings":
        env = os.environ if env is None else env
        return cls(
            sensor_interval_s=int(env.get("PROPERTY_PIPELINE_SENSOR_INTERVAL_S", "30")),
            settle_s=float(env.get("PROPERTY_PIPELINE_SETTLE_S", "60")),
            schedule_cron=env.get("PROPERTY_PIPELINE_CLOSE_DAY_CRON", "30 0 * * *"),
            schedule_timezone=env.get("PROPERTY_PIPELINE_TIMEZONE", "America/Phoenix"),
            alert_webhook=env.get("PROPERTY_PIPELINE_ALERT_WEBHOOK") or None,
            ui_url=(env.get("PROPERTY_PIPELINE_UI_URL") or DEFAULT_UI_URL).rstrip("/"),
            alert_timeout_s=float(env.get("PROPERTY_PIPELINE_ALERT_TIMEOUT_S", "10")),
            recovery_interval_s=int(env.get("PROPERTY_PIPELINE_RECOVERY_INTERVAL_S", "300")),
        )
