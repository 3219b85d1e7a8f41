"""Resources whose fields are the whole configuration of the core they wrap."""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg

from ..llm.base import StructuredLLM
from ..quality.rules import QualityConfig
from ..settings import CheckSettings, QualitySettings, resource_field
from ..storage.llm_cache import LLMCache


class LandingZone(dg.ConfigurableResource):
    """The collectors' landing root (read-only) and the largest file the pipeline will read."""

    root: str
    max_file_bytes: int = resource_field("max_file_bytes")

    @property
    def path(self) -> Path:
        return Path(self.root)


class QualityThresholds(dg.ConfigurableResource):
    """Thresholds for quarantine and for the blocking asset checks."""

    min_confidence: float = resource_field("min_confidence")
    # The asset checks' thresholds (defaults and meaning: `CheckSettings`, settings.py).
    min_mean_confidence: float = resource_field("min_mean_confidence", CheckSettings)
    max_low_confidence_share: float = resource_field("max_low_confidence_share", CheckSettings)
    dead_letter_warn_rate: float = resource_field("dead_letter_warn_rate", CheckSettings)
    dead_letter_error_rate: float = resource_field("dead_letter_error_rate", CheckSettings)

    # The quality rules' other thresholds (defaults and meaning: `QualityConfig`, quality/rules.py).
    lot_size_tolerance: float = resource_field("lot_size_tolerance", QualitySettings)
    min_price: float = resource_field("min_price", QualitySettings)
    max_price: float = resource_field("max_price", QualitySettings)
    min_living_area: float = resource_field("min_living_area", QualitySettings)
    max_living_area: float = resource_field("max_living_area", QualitySettings)
    min_year_built: int = resource_field("min_year_built", QualitySettings)
    max_bedrooms: int = resource_field("max_bedrooms", QualitySettings)
    max_bathrooms: int = resource_field("max_bathrooms", QualitySettings)
    max_tax_years_ahead: int = resource_field("max_tax_years_ahead", QualitySettings)
    blocking_issue_cap: float = resource_field("blocking_issue_cap", QualitySettings)
    warning_penalty: float = resource_field("warning_penalty", QualitySettings)
    missing_field_penalty: float = resource_field("missing_field_penalty", QualitySettings)
    max_missing_penalty: float = resource_field("max_missing_penalty", QualitySettings)
    fallback_factor: float = resource_field("fallback_factor", QualitySettings)

    def rules_config(self) -> QualityConfig:
        """Every threshold of the quality rules, as this resource is configured."""
        return QualityConfig(
            min_confidence=self.min_confidence, **{name: getattr(self, name) for name in QualitySettings.model_fields}
        )


class Warehouse(dg.ConfigurableResource):
    """The warehouse database (SQLAlchemy URL): asset tables and the LLM result cache."""

    url: str

    def llm_cache(self) -> LLMCache:
        return LLMCache(self.url)


class LLMBackend(dg.ConfigurableResource):
    """The LLM used for extraction. This base class is "no LLM": extraction by rules only.

    Subclasses (Ollama, embedded llama.cpp) return a client implementing
    `property_pipeline.llm.base.StructuredLLM`.
    """

    # Field names: `llm.factory.BACKEND_OPTIONS`; defaults and meaning: `Settings`.
    num_ctx: int = resource_field("num_ctx")
    num_predict: int = resource_field("num_predict")
    strategy: str = resource_field("strategy")
    wait_when_down: bool = resource_field("llm_wait_when_down")
    down_retries: int = resource_field("llm_down_retries")
    down_retry_base_s: float = resource_field("llm_down_retry_base_s")

    def get_client(self) -> "StructuredLLM | None":
        return None

    def options(self, table: Mapping[str, str]) -> dict[str, Any]:
        """This resource's fields that a `llm.factory` option table names (option -> value)."""
        return {option: getattr(self, option) for option in table}
