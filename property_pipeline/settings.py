"""Configuration from environment variables, read in this one place.

The Dagster definitions, the command line and the Python API all build their
resources from `Settings.from_env()`, so a deployment is chosen by its
environment, never by editing code.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, create_model

from .landing import DEFAULT_MAX_FILE_BYTES
from .quality.rules import QualityConfig


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


class ConfigError(ValueError):
    """An environment variable with a value its setting cannot take; the message names it."""


class _EnvModel(BaseModel):
    """A configuration model whose fields name their environment variable (`validation_alias`).

    `from_env` reads exactly those variables (an empty one counts as unset), validates them with
    the field's type and raises `ConfigError` naming the variable; constructing the model
    directly (tests, scripts) reads no environment at all."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="forbid")

    @classmethod
    def env_values(cls, env: Mapping[str, str]) -> dict[str, str]:
        """Field name -> raw value for every field whose variable `env` sets (non-empty)."""
        values = {}
        for name in cls.model_fields:
            var = cls.variable(name)
            if var and env.get(var, "").strip():
                values[name] = env[var].strip()
        return values

    @classmethod
    def variable(cls, name: str) -> str | None:
        """The environment variable of field `name` (None for a field no variable sets)."""
        alias = cls.model_fields[name].validation_alias
        return alias.choices[0] if isinstance(alias, AliasChoices) else None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None):
        """The model from the environment (`os.environ` unless `env` is given)."""
        env = os.environ if env is None else env
        return cls._validated(cls.env_values(env), env)

    def replace(self, **changes: Any):
        """A copy with `changes`, validated like the environment's values."""
        return type(self).model_validate({**dict(self), **changes})

    @classmethod
    def _validated(cls, values: dict[str, Any], env: Mapping[str, str]):
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            raise ConfigError(_explain(cls, exc, env)) from None


def _explain(model: type[_EnvModel], exc: ValidationError, env: Mapping[str, str]) -> str:
    """`VARIABLE='value': what is wrong` per failing field."""
    lines = []
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else ""
        var = (model.variable(name) if name in model.model_fields else None) or name
        lines.append(f"{var}={env.get(var, error.get('input'))!r}: {error['msg']}")
    return "invalid configuration: " + "; ".join(lines)


def env_field(default: Any, var: str, description: str, **kwargs: Any) -> Any:
    """A setting: its one default, the environment variable that sets it, and what it means."""
    return Field(default, validation_alias=AliasChoices(var), description=description, **kwargs)


QUALITY_PREFIX = "PROPERTY_PIPELINE_QUALITY_"


def _quality_settings() -> type[_EnvModel]:
    """The numeric thresholds of `QualityConfig` (quality/rules.py, where each default is written
    and explained), each settable as PROPERTY_PIPELINE_QUALITY_<NAME>; `min_confidence` is
    PROPERTY_PIPELINE_MIN_CONFIDENCE (a field of `Settings`)."""
    fields: dict[str, Any] = {}
    for spec in dataclasses.fields(QualityConfig):
        if spec.name != "min_confidence" and spec.type in ("float", "int"):
            kind = float if spec.type == "float" else int
            what = f"Quality rule threshold `{spec.name}` (see `QualityConfig` in quality/rules.py)."
            fields[spec.name] = (kind, env_field(spec.default, QUALITY_PREFIX + spec.name.upper(), what))
    return create_model("QualitySettings", __base__=_EnvModel, **fields)


QualitySettings = _quality_settings()


class CheckSettings(_EnvModel):
    """The thresholds of the partition asset checks (`defs/assets.py`)."""

    min_mean_confidence: float = env_field(
        0.75, "PROPERTY_PIPELINE_CHECK_MIN_MEAN_CONFIDENCE",
        "blocking check `confidence_thresholds`: the least mean record confidence of a partition", ge=0, le=1,
    )
    max_low_confidence_share: float = env_field(
        0.5, "PROPERTY_PIPELINE_CHECK_MAX_LOW_CONFIDENCE_SHARE",
        "blocking check `confidence_thresholds`: the largest share of a partition's records below "
        "`PROPERTY_PIPELINE_MIN_CONFIDENCE`", ge=0, le=1,
    )
    dead_letter_warn_rate: float = env_field(
        0.2, "PROPERTY_PIPELINE_CHECK_DEAD_LETTER_WARN_RATE",
        "check `dead_letter_rate` warns above this share of a partition's distinct files", ge=0, le=1,
    )
    dead_letter_error_rate: float = env_field(
        0.5, "PROPERTY_PIPELINE_CHECK_DEAD_LETTER_ERROR_RATE",
        "check `dead_letter_rate` is an error above this share of a partition's distinct files", ge=0, le=1,
    )


class Settings(_EnvModel):
    """What a deployment is: where it reads and writes, and which LLM it extracts with."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="forbid", arbitrary_types_allowed=True)

    landing_root: Path = env_field(
        ..., "PROPERTY_PIPELINE_LANDING_ROOT", "The collectors' landing root (read-only).",
        json_schema_extra={"default_text": "`samples/landing` of the repository"},
    )
    warehouse_url: str = env_field(
        ..., "PROPERTY_PIPELINE_WAREHOUSE_URL", "SQLAlchemy URL of the warehouse, e.g. `postgresql+psycopg2://user:pw@host/db`; held as `dg.EnvVar`, "
        "so the UI shows the name, never the password",
        json_schema_extra={"default_text": "`sqlite:///$DAGSTER_HOME/warehouse.db`"},
    )
    llm_backend: Literal["none", "ollama", "embedded"] = env_field(
        "none", "PROPERTY_PIPELINE_LLM", "LLM backend: `none` (rules only), `ollama` or `embedded`.",
        json_schema_extra={"default_text": "`embedded` if llama-cpp-python is installed, else `none`"},
    )
    ollama_host: str = env_field(
        "http://localhost:11434", "OLLAMA_HOST",
        "Ollama server, or several as one pool: `http://gpu1:11434=4,http://gpu2:11434=2` (`=<slots>` optional, "
        "else `OLLAMA_NUM_PARALLEL`); requests go to a server with a free slot, fail over to another, each server "
        "has its own circuit breaker; `doctor` lists every server",
    )
    ollama_model: str = env_field("llama3.2:latest", "OLLAMA_MODEL", "Ollama model (JSON-schema `format` needs Ollama >= 0.5)")
    ollama_num_parallel: int = env_field(
        1, "OLLAMA_NUM_PARALLEL", "requests kept in flight per server: set it to the server's `OLLAMA_NUM_PARALLEL`", ge=1
    )
    ollama_timeout_s: float = env_field(120.0, "OLLAMA_TIMEOUT_S", "timeout of one HTTP attempt, in seconds", gt=0)
    ollama_deadline_s: float = env_field(
        120.0, "OLLAMA_DEADLINE_S", "overall deadline of one extraction request, retries included; a server silent for a whole deadline "
        "opens its circuit at once, so a hung server costs one deadline, then records fall back to the rules", gt=0
    )
    num_ctx: int = env_field(8192, "PROPERTY_PIPELINE_NUM_CTX", "The LLM's context window, in tokens.", ge=512)
    num_predict: int = env_field(1024, "PROPERTY_PIPELINE_NUM_PREDICT", "Largest LLM reply, in tokens.", ge=1)
    strategy: Literal["targeted", "full"] = env_field(
        "targeted", "PROPERTY_PIPELINE_LLM_STRATEGY",
        "`targeted`: ask the LLM only for what the rules missed (and cross-checks); `full`: every field.",
    )
    llm_temperature: float = env_field(0.0, "PROPERTY_PIPELINE_LLM_TEMPERATURE", "LLM sampling temperature; 0 keeps extraction repeatable", ge=0)
    llm_seed: int | None = env_field(0, "PROPERTY_PIPELINE_LLM_SEED", "LLM sampling seed, for repeatable output")
    llm_wait_when_down: bool = env_field(
        True, "PROPERTY_PIPELINE_LLM_WAIT_WHEN_DOWN",
        "sensor, schedule and backfill runs that find the LLM down at their start ask Dagster to retry later "
        "(with doubling waits) instead of degrading the partition to the rules",
    )
    llm_down_retries: int = env_field(
        3, "PROPERTY_PIPELINE_LLM_DOWN_RETRIES", "how many times such a run waits before it goes ahead on the rules", ge=0
    )
    llm_down_retry_base_s: float = env_field(
        60.0, "PROPERTY_PIPELINE_LLM_DOWN_RETRY_BASE_S", "the first such wait, in seconds; it doubles with each retry", ge=0
    )
    ollama_keep_alive: str = env_field(
        "30m", "PROPERTY_PIPELINE_OLLAMA_KEEP_ALIVE", "how long the Ollama server keeps the model loaded after a request"
    )
    ollama_max_retries: int = env_field(
        3, "PROPERTY_PIPELINE_OLLAMA_MAX_RETRIES", "retries after unreachable, timeout, 5xx or busy replies", ge=0
    )
    ollama_backoff_base_s: float = env_field(
        0.5, "PROPERTY_PIPELINE_OLLAMA_BACKOFF_BASE_S", "first retry delay cap, in seconds; doubles per retry, with full jitter", ge=0
    )
    ollama_backoff_max_s: float = env_field(
        8.0, "PROPERTY_PIPELINE_OLLAMA_BACKOFF_MAX_S", "upper bound of a single retry delay, in seconds", ge=0
    )
    ollama_breaker_failure_threshold: int = env_field(
        5, "PROPERTY_PIPELINE_OLLAMA_BREAKER_FAILURES", "consecutive failures that open a server's circuit", ge=1
    )
    ollama_breaker_cooldown_s: float = env_field(
        30.0, "PROPERTY_PIPELINE_OLLAMA_BREAKER_COOLDOWN_S", "seconds an open circuit waits before one probe", gt=0
    )
    ollama_breaker_max_cooldown_s: float = env_field(
        300.0, "PROPERTY_PIPELINE_OLLAMA_BREAKER_MAX_COOLDOWN_S",
        "each failed probe doubles the open time, up to this many seconds", gt=0,
    )
    min_confidence: float = env_field(
        QualityConfig.min_confidence, "PROPERTY_PIPELINE_MIN_CONFIDENCE", "records below it are quarantined", ge=0, le=1
    )
    max_file_bytes: int = env_field(
        DEFAULT_MAX_FILE_BYTES, "PROPERTY_PIPELINE_MAX_FILE_BYTES", "larger content (files, API bytes/text, `extract -` stdin) becomes a `too_large` dead letter; a larger file "
        "is identified by its size, first and last MiB, never read whole", ge=1
    )
    dagster_pg_url: str | None = env_field(None, "DAGSTER_PG_URL", "PostgreSQL URL of the Dagster instance storage (used by the top-level `dagster.yaml`)")
    model_path: str | None = env_field(
        None, "PROPERTY_PIPELINE_MODEL_PATH", "GGUF file for the embedded backend (unset: the pinned default model)."
    )
    model_sha256: str | None = env_field(None, "PROPERTY_PIPELINE_MODEL_SHA256", "Expected sha256 of the model file.")
    model_dir: str | None = env_field(
        None, "PROPERTY_PIPELINE_MODEL_DIR", "Where the default model is joined (unset: ~/.cache/property_pipeline/models)."
    )
    embedded_threads: int | None = env_field(
        None, "PROPERTY_PIPELINE_EMBEDDED_THREADS", "CPU threads of the embedded model", ge=1,
        json_schema_extra={"default_text": "unset (every core)"},
    )
    embedded_batch: int = env_field(512, "PROPERTY_PIPELINE_EMBEDDED_BATCH", "prompt tokens the embedded model evaluates per batch", ge=1)
    embedded_prompt_cache_bytes: int = env_field(
        0, "PROPERTY_PIPELINE_EMBEDDED_PROMPT_CACHE_BYTES",
        "size of a llama.cpp RAM prompt cache; 0 relies on the context's own prefix reuse, enough while "
        "consecutive prompts share their instructions", ge=0,
    )
    quality: QualitySettings = Field(default_factory=QualitySettings)  # type: ignore[valid-type]
    """The other quality rule thresholds (PROPERTY_PIPELINE_QUALITY_*)."""
    checks: CheckSettings = Field(default_factory=CheckSettings)
    """The asset checks' thresholds (PROPERTY_PIPELINE_CHECK_*)."""
    env_vars: dict[str, str] = Field(default_factory=dict, exclude=True, repr=False)
    """Setting name -> the environment variable it came from, so that resources can hold
    `dg.EnvVar` (shown by name in the UI) instead of the value (a password in a URL)."""

    def __eq__(self, other: object) -> bool:
        # Where a value came from does not make two configurations different.
        if not isinstance(other, Settings):
            return NotImplemented
        return self.model_dump() == other.model_dump()

    __hash__ = None  # type: ignore[assignment]

    def quality_config(self) -> QualityConfig:
        """The quality rules' thresholds: `min_confidence` and every PROPERTY_PIPELINE_QUALITY_* one."""
        return QualityConfig(min_confidence=self.min_confidence, **dict(self.quality))

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        values: dict[str, Any] = {
            "landing_root": default_landing_root(),
            "warehouse_url": f"sqlite:///{default_state_dir() / 'warehouse.db'}",
            "llm_backend": default_llm_backend(),
            **cls.env_values(env),
        }
        if isinstance(values["llm_backend"], str):
            values["llm_backend"] = values["llm_backend"].lower()
        values["quality"] = QualitySettings.from_env(env)
        values["checks"] = CheckSettings.from_env(env)
        supplied = {"warehouse_url": "PROPERTY_PIPELINE_WAREHOUSE_URL", "ollama_host": "OLLAMA_HOST"}
        values["env_vars"] = {name: var for name, var in supplied.items() if env.get(var)}
        return cls._validated(values, env)


DEFAULT_UI_URL = "http://127.0.0.1:3000"


class OpsSettings(_EnvModel):
    """How the pipeline is operated: sensor cadence, settle time, the day-close schedule, alerts."""

    # 30 s keeps the daemon's load negligible while a new folder still starts within a minute.
    sensor_interval_s: int = env_field(
        30, "PROPERTY_PIPELINE_SENSOR_INTERVAL_S", "Seconds between landing-zone sensor ticks.", ge=1
    )
    settle_s: float = env_field(
        60.0, "PROPERTY_PIPELINE_SETTLE_S", "A file modified this recently may still be being written.", ge=0
    )
    schedule_cron: str = env_field("30 0 * * *", "PROPERTY_PIPELINE_CLOSE_DAY_CRON", "When the previous day is closed.")
    schedule_timezone: str = env_field(
        "America/Phoenix", "PROPERTY_PIPELINE_TIMEZONE", "Timezone of the day folders, the schedule and partitions."
    )
    alert_webhook: str | None = env_field(None, "PROPERTY_PIPELINE_ALERT_WEBHOOK", "Slack-compatible webhook for failed runs and blocking checks",
        json_schema_extra={"default_text": "unset (no alerts)"},)
    ui_url: str = env_field(DEFAULT_UI_URL, "PROPERTY_PIPELINE_UI_URL", "base of the run links in alerts")
    alert_timeout_s: float = env_field(10.0, "PROPERTY_PIPELINE_ALERT_TIMEOUT_S", "Timeout of one alert post.", gt=0)
    # How often the recovery sensor looks for partitions an LLM outage degraded (one health call).
    recovery_interval_s: int = env_field(
        300, "PROPERTY_PIPELINE_RECOVERY_INTERVAL_S", "Seconds between LLM recovery sensor ticks.", ge=1
    )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> OpsSettings:
        env = os.environ if env is None else env
        values: dict[str, Any] = cls.env_values(env)
        if "ui_url" in values:
            values["ui_url"] = values["ui_url"].rstrip("/")
        return cls._validated(values, env)


class StorageSettings(_EnvModel):
    """How long any warehouse call may wait (`storage.warehouse.Timeouts`)."""

    connect_s: float = env_field(
        10.0, "PROPERTY_PIPELINE_DB_CONNECT_TIMEOUT_S",
        "warehouse connect timeout (TCP and PostgreSQL handshake): a server that accepts and never answers "
        "fails the command", gt=0,
    )
    statement_s: float = env_field(
        300.0, "PROPERTY_PIPELINE_DB_STATEMENT_TIMEOUT_S",
        "warehouse statement timeout on PostgreSQL (includes waiting for another run's partition lock); "
        "SQLite busy timeout", gt=0,
    )


class ExecutorSettings(_EnvModel):
    """Where a run's steps execute (`defs/executors.py`)."""

    executor: Literal["in_process", "multiprocess", "celery"] = env_field(
        "in_process", "PROPERTY_PIPELINE_EXECUTOR",
        "where a run's steps execute: `in_process`, `multiprocess`, or `celery` (Celery workers, `docs/operations.md`)",
    )
    celery_broker: str = env_field(
        "amqp://guest:guest@127.0.0.1:5672//", "PROPERTY_PIPELINE_CELERY_BROKER",
        "Celery broker of the `celery` executor and its workers",
    )
    celery_backend: str = env_field("rpc://", "PROPERTY_PIPELINE_CELERY_BACKEND", "Celery result backend")
    celery_queue: str = env_field("property_pipeline", "PROPERTY_PIPELINE_CELERY_QUEUE", "Celery queue of the runs' steps")
    celery_visibility_timeout_s: int = env_field(
        3600, "PROPERTY_PIPELINE_CELERY_VISIBILITY_TIMEOUT_S",
        "seconds before an unacknowledged step is handed to another worker (longer than the longest step)", ge=1,
    )


CONFIG_MODELS: tuple[type[_EnvModel], ...] = (
    Settings, QualitySettings, CheckSettings, StorageSettings, ExecutorSettings, OpsSettings
)
"""Every model whose fields are set from the environment; the README's table lists them all."""


def _default_text(info: Any) -> str:
    extra = info.json_schema_extra or {}
    if "default_text" in extra:
        return extra["default_text"]
    return "unset" if info.default is None else f"`{info.default}`"


def configuration_table() -> str:
    """The README's configuration table (`property-pipeline config --markdown`): one row per
    environment variable of every configuration model, with its default and meaning."""
    rows = ["| Variable | Default | Meaning |", "|---|---|---|"]
    for model in CONFIG_MODELS:
        for name, info in model.model_fields.items():
            var = model.variable(name)
            if var:
                rows.append(f"| `{var}` | {_default_text(info)} | {info.description} |")
    rows += [f"| `{var}` | {default_text} | {meaning} |" for var, default_text, meaning in OTHER_VARIABLES]
    return "\n".join(rows) + "\n"


OTHER_VARIABLES = (
    ("PROPERTY_PIPELINE_PARTITION_START", "the landing root's first day folder",
     "first day of the partitions' date axis (read when the code location loads, `defs/partitions.py`)"),
    ("PROPERTY_PIPELINE_SOURCE_MODULES", "unset (the modules of `property_pipeline/sources/`)",
     "more source modules, comma-separated importable names, each defining `SOURCE = Source(...)` "
     "(docs/extending.md)"),
    ("DAGSTER_HOME", "the checkout's `.dagster_home` (Makefile and `property-pipeline` from the repository)",
     "the Dagster instance directory"),
)
"""Variables read where no model can hold them: the partition start (computed from the landing
zone when unset) and Dagster's own instance directory."""


def default(name: str, model: type[_EnvModel] = Settings) -> Any:
    """The one default of setting `name`, for the Dagster resources' fields."""
    return model.model_fields[name].default


def resource_field(name: str, model: type[_EnvModel] = Settings) -> Any:
    """A Dagster resource field for setting `name`: the setting's one default and its meaning
    (with the environment variable that sets it in a deployment built by `definitions.py`)."""
    info = model.model_fields[name]
    return Field(default=info.default, description=f"{info.description} (`{model.variable(name)}`)")
