"""One configuration model (issue 18): each knob's default written once, set from the environment
with errors naming the variable, the same thresholds in the API and the Dagster resources, and
the README's table equal to the model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from property_pipeline.cli import main
from property_pipeline.llm.factory import build_client
from property_pipeline.quality.rules import QualityConfig
from property_pipeline.settings import (
    CONFIG_MODELS,
    ConfigError,
    OpsSettings,
    QualitySettings,
    Settings,
    configuration_table,
)

REPO = Path(__file__).resolve().parent.parent


def test_readme_table_is_the_generated_one():
    readme = (REPO / "README.md").read_text()
    assert configuration_table() in readme, "regenerate: property-pipeline config --markdown"
    for model in CONFIG_MODELS:
        for name in model.model_fields:
            var = model.variable(name)
            if var:
                assert f"| `{var}` |" in readme


def test_config_markdown_command_prints_the_table(capsys):
    assert main(["config", "--markdown"]) == 0
    assert capsys.readouterr().out == configuration_table()


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("PROPERTY_PIPELINE_MIN_CONFIDENCE", "abc", "valid number"),
        ("PROPERTY_PIPELINE_MIN_CONFIDENCE", "1.5", "less than or equal to 1"),
        ("PROPERTY_PIPELINE_LLM", "gpt", "'none', 'ollama' or 'embedded'"),
        ("OLLAMA_NUM_PARALLEL", "two", "valid integer"),
        ("PROPERTY_PIPELINE_QUALITY_MAX_BEDROOMS", "many", "valid integer"),
        ("PROPERTY_PIPELINE_NUM_CTX", "0", "greater than or equal to 512"),
        ("PROPERTY_PIPELINE_CHECK_MAX_LOW_CONFIDENCE_SHARE", "1.5", "less than or equal to 1"),
        ("PROPERTY_PIPELINE_CHECK_MIN_MEAN_CONFIDENCE", "high", "valid number"),
        ("PROPERTY_PIPELINE_LLM_WAIT_WHEN_DOWN", "maybe", "valid boolean"),
        ("PROPERTY_PIPELINE_OLLAMA_MAX_RETRIES", "-1", "greater than or equal to 0"),
        ("PROPERTY_PIPELINE_EMBEDDED_THREADS", "all", "valid integer"),
    ],
)
def test_a_bad_value_is_an_error_naming_its_variable(variable, value, message):
    with pytest.raises(ConfigError, match=variable) as caught:
        Settings.from_env({variable: value})
    assert message in str(caught.value)


def test_cli_reports_a_bad_value_by_name():
    proc = subprocess.run(
        [sys.executable, "-m", "property_pipeline.cli", "config"],
        env={"PATH": "/usr/bin:/bin", "PROPERTY_PIPELINE_SETTLE_S": "soon", "PROPERTY_PIPELINE_MIN_CONFIDENCE": "x"},
        capture_output=True, text=True, timeout=120, cwd=REPO,
    )
    assert proc.returncode == 2
    assert "PROPERTY_PIPELINE_MIN_CONFIDENCE='x'" in proc.stderr


def test_every_quality_threshold_reaches_the_rules_from_the_environment_and_dagster():
    from property_pipeline.definitions import build_resources

    overrides = {f"PROPERTY_PIPELINE_QUALITY_{name.upper()}": "7" for name in QualitySettings.model_fields}
    settings = Settings.from_env({**overrides, "PROPERTY_PIPELINE_MIN_CONFIDENCE": "0.42"})
    expected = QualityConfig(min_confidence=0.42, **dict.fromkeys(QualitySettings.model_fields, 7))
    assert settings.quality_config() == expected
    assert build_resources(settings)["quality"].rules_config() == expected
    # Unset, the resource and the API use the rules' own defaults.
    assert build_resources(Settings.from_env({}))["quality"].rules_config() == QualityConfig()


def test_llm_knobs_reach_the_client_and_the_resource():
    from property_pipeline.definitions import llm_backend

    env = {"PROPERTY_PIPELINE_LLM": "ollama", "OLLAMA_DEADLINE_S": "33", "PROPERTY_PIPELINE_NUM_CTX": "4096",
           "PROPERTY_PIPELINE_NUM_PREDICT": "256", "PROPERTY_PIPELINE_LLM_STRATEGY": "full"}
    settings = Settings.from_env(env)
    client = build_client(settings)
    assert (client.deadline_s, client.num_ctx) == (33.0, 4096)
    resource = llm_backend(settings)
    assert (resource.deadline_s, resource.num_ctx, resource.num_predict, resource.strategy) == (33.0, 4096, 256, "full")
    defaults = llm_backend(Settings.from_env({"PROPERTY_PIPELINE_LLM": "ollama"}))
    assert (defaults.num_ctx, defaults.timeout_s) == (Settings.model_fields["num_ctx"].default, 120.0)


def test_ops_settings_from_the_environment():
    ops = OpsSettings.from_env({"PROPERTY_PIPELINE_UI_URL": "http://ui:3000/", "PROPERTY_PIPELINE_SETTLE_S": "5"})
    assert (ops.ui_url, ops.settle_s, ops.sensor_interval_s) == ("http://ui:3000", 5.0, 30)


def test_a_check_threshold_from_the_environment_decides_a_materialization(sample_landing, tmp_path, monkeypatch):
    import datetime as dt

    import dagster as dg

    from property_pipeline.definitions import PARTITION_ASSETS, build_resources
    from property_pipeline.defs.partitions import partition_key

    env = {
        "PROPERTY_PIPELINE_LANDING_ROOT": str(sample_landing),
        "PROPERTY_PIPELINE_WAREHOUSE_URL": f"sqlite:///{tmp_path / 'w.db'}",
        "PROPERTY_PIPELINE_LLM": "none",
        "PROPERTY_PIPELINE_CHECK_MIN_MEAN_CONFIDENCE": "0.999",
        "PROPERTY_PIPELINE_CHECK_DEAD_LETTER_WARN_RATE": "0.05",
    }
    for var, value in env.items():  # the real environment: the warehouse URL is resolved as a dg.EnvVar
        monkeypatch.setenv(var, value)
    result = dg.materialize(
        PARTITION_ASSETS,
        partition_key=partition_key("maricopa_county", dt.date(2026, 11, 20)),
        resources=build_resources(Settings.from_env()),
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )
    checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert checks["confidence_thresholds"].passed is False  # the samples' mean is below 0.999
    assert checks["confidence_thresholds"].metadata["min_mean_confidence"].value == 0.999
    assert checks["dead_letter_rate"].metadata["warn_above"].value == 0.05
    assert not result.success


def test_resource_fields_default_to_the_settings_and_reach_the_factory():
    """No second literal: every resource field the factory reads defaults to its setting's
    default, and so do the client constructors' keyword defaults."""
    import inspect

    from property_pipeline.defs.embedded_resource import EmbeddedLLMResource
    from property_pipeline.defs.llm_resource import OllamaResource
    from property_pipeline.defs.resources import LLMBackend, QualityThresholds
    from property_pipeline.llm.embedded import EmbeddedLLM
    from property_pipeline.llm.factory import BACKEND_OPTIONS, EMBEDDED_OPTIONS, OLLAMA_OPTIONS
    from property_pipeline.llm.ollama import OllamaClient
    from property_pipeline.settings import CheckSettings

    for resource, table in ((OllamaResource, OLLAMA_OPTIONS), (EmbeddedLLMResource, EMBEDDED_OPTIONS),
                            (LLMBackend, BACKEND_OPTIONS)):
        for option, setting in table.items():
            assert resource.model_fields[option].default == Settings.model_fields[setting].default, (resource, option)
    for name in CheckSettings.model_fields:
        assert QualityThresholds.model_fields[name].default == CheckSettings.model_fields[name].default
    ollama = inspect.signature(OllamaClient).parameters
    for option, setting in OLLAMA_OPTIONS.items():
        if option not in ("host", "max_in_flight"):  # the pool's per-server slots
            assert ollama[option].default == Settings.model_fields[setting].default, option
    embedded = inspect.signature(EmbeddedLLM).parameters
    for option in ("n_threads", "n_batch", "seed", "temperature", "prompt_cache_bytes"):
        assert embedded[option].default == Settings.model_fields[EMBEDDED_OPTIONS[option]].default, option


def test_every_ollama_knob_reaches_client_and_resource_from_the_environment():
    from property_pipeline.definitions import llm_backend

    env = {"PROPERTY_PIPELINE_LLM": "ollama", "PROPERTY_PIPELINE_OLLAMA_MAX_RETRIES": "7",
           "PROPERTY_PIPELINE_OLLAMA_KEEP_ALIVE": "5m", "PROPERTY_PIPELINE_OLLAMA_BREAKER_FAILURES": "9",
           "PROPERTY_PIPELINE_LLM_SEED": "42", "PROPERTY_PIPELINE_LLM_DOWN_RETRIES": "1"}
    settings = Settings.from_env(env)
    client = build_client(settings)
    assert (client.max_retries, client.keep_alive, client.breaker.failure_threshold, client.seed) == (7, "5m", 9, 42)
    resource = llm_backend(settings)
    assert (resource.max_retries, resource.keep_alive, resource.seed, resource.down_retries) == (7, "5m", 42, 1)
    from_resource = resource.get_client()
    assert (from_resource.max_retries, from_resource.breaker.failure_threshold) == (7, 9)


LAZY_DEFINITIONS_SCRIPT = """
import os
import property_pipeline.definitions as definitions
print("imported")
os.environ["PROPERTY_PIPELINE_MIN_CONFIDENCE"] = "0.55"
os.environ["PROPERTY_PIPELINE_EXECUTOR"] = "multiprocess"
loaded = definitions.defs()
print(loaded.resolve_job_def("property_pipeline_job").executor_def.name)
print(loaded.resources["quality"].min_confidence)
os.environ["PROPERTY_PIPELINE_MIN_CONFIDENCE"] = "lots"
definitions.defs()
"""


def test_definitions_are_built_when_loaded_from_the_environment_of_that_moment():
    """Importing `definitions` reads no setting (a bad value does not break the import); each load
    reads the environment of that moment, and a bad value then fails naming its variable."""
    proc = subprocess.run(
        [sys.executable, "-c", LAZY_DEFINITIONS_SCRIPT],
        env={"PATH": "/usr/bin:/bin", "HOME": "/tmp", "PROPERTY_PIPELINE_LLM": "none", "PROPERTY_PIPELINE_EXECUTOR": "spark"},
        capture_output=True, text=True, timeout=300, cwd=REPO,
    )
    assert proc.stdout.split() == ["imported", "multiprocess", "0.55"], proc.stderr[-3000:]
    assert proc.returncode != 0 and "PROPERTY_PIPELINE_MIN_CONFIDENCE" in proc.stderr
