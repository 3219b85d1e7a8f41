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
