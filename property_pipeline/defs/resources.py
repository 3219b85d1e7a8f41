"""Resources whose fields are the whole configuration of the core they wrap."""

from pathlib import Path

import dagster as dg

from ..llm.base import StructuredLLM
from ..quality.rules import QualityConfig
from ..settings import QualitySettings, default
from ..storage.llm_cache import LLMCache


class LandingZone(dg.ConfigurableResource):
    """The collectors' landing root (read-only) and the largest file the pipeline will read."""

    root: str
    max_file_bytes: int = default("max_file_bytes")

    @property
    def path(self) -> Path:
        return Path(self.root)


class QualityThresholds(dg.ConfigurableResource):
    """Thresholds for quarantine and for the blocking asset checks."""

    min_confidence: float = default("min_confidence")
    min_mean_confidence: float = 0.75
    max_low_confidence_share: float = 0.5
    dead_letter_warn_rate: float = 0.2
    dead_letter_error_rate: float = 0.5

    # The quality rules' other thresholds (defaults and meaning: `QualityConfig`, quality/rules.py).
    lot_size_tolerance: float = default("lot_size_tolerance", QualitySettings)
    min_price: float = default("min_price", QualitySettings)
    max_price: float = default("max_price", QualitySettings)
    min_living_area: float = default("min_living_area", QualitySettings)
    max_living_area: float = default("max_living_area", QualitySettings)
    min_year_built: int = default("min_year_built", QualitySettings)
    max_bedrooms: int = default("max_bedrooms", QualitySettings)
    max_bathrooms: int = default("max_bathrooms", QualitySettings)
    max_tax_years_ahead: int = default("max_tax_years_ahead", QualitySettings)
    blocking_issue_cap: float = default("blocking_issue_cap", QualitySettings)
    warning_penalty: float = default("warning_penalty", QualitySettings)
    missing_field_penalty: float = default("missing_field_penalty", QualitySettings)
    max_missing_penalty: float = default("max_missing_penalty", QualitySettings)
    fallback_factor: float = default("fallback_factor", QualitySettings)

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

    num_ctx: int = default("num_ctx")
    num_predict: int = default("num_predict")
    strategy: str = default("strategy")
    """`targeted`: ask only for what the rules could not read (plus cross-checks);
    `full`: ask for every contract field on every record."""

    wait_when_down: bool = True
    """Sensor and schedule runs that find the LLM server down at their start ask Dagster to
    retry later (with backoff) instead of degrading the whole partition to the rules."""
    down_retries: int = 3
    """How many times such a run waits; after the last one it goes ahead on the rules."""
    down_retry_base_s: float = 60.0
    """The first wait; it doubles with each retry."""

    def get_client(self) -> "StructuredLLM | None":
        return None
