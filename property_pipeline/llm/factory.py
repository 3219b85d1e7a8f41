"""The LLM client a deployment's settings ask for, built without Dagster.

The Python API and the command line call `build_client(settings)`; the Dagster resources
(`defs/llm_resource.py`, `defs/embedded_resource.py`) build the same clients from their
fields through the same `ollama_client` / `embedded_client`, their fields named by the option
tables below, their defaults the settings' defaults.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .base import StructuredLLM

if TYPE_CHECKING:
    from ..settings import Settings


@dataclass(frozen=True)
class ExtractorOptions:
    """How the extractor talks to the LLM: the context window it fits prompts into, the reply
    budget, and whether it asks for every field (`full`) or only what the rules missed (`targeted`)."""

    num_ctx: int
    num_predict: int
    strategy: str

    def as_kwargs(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def extractor_options(settings: Settings) -> ExtractorOptions:
    """The extractor options of `settings` (their defaults are the settings')."""
    return ExtractorOptions(num_ctx=settings.num_ctx, num_predict=settings.num_predict, strategy=settings.strategy)


# Each backend's options, named as its Dagster resource names its fields (`defs/llm_resource.py`,
# `defs/embedded_resource.py`), mapped to the `Settings` field that holds the option's one default
# and environment variable. The resources, `definitions.llm_backend` and `build_client` all read
# these tables, so an option is added here once.
OLLAMA_OPTIONS: dict[str, str] = {
    "host": "ollama_host",
    "model": "ollama_model",
    "timeout_s": "ollama_timeout_s",
    "deadline_s": "ollama_deadline_s",
    "max_in_flight": "ollama_num_parallel",
    "num_ctx": "num_ctx",
    "temperature": "llm_temperature",
    "seed": "llm_seed",
    "keep_alive": "ollama_keep_alive",
    "max_retries": "ollama_max_retries",
    "backoff_base_s": "ollama_backoff_base_s",
    "backoff_max_s": "ollama_backoff_max_s",
    "breaker_failure_threshold": "ollama_breaker_failure_threshold",
    "breaker_cooldown_s": "ollama_breaker_cooldown_s",
    "breaker_max_cooldown_s": "ollama_breaker_max_cooldown_s",
}
EMBEDDED_OPTIONS: dict[str, str] = {
    "model_path": "model_path",
    "model_sha256": "model_sha256",
    "model_dir": "model_dir",
    "num_ctx": "num_ctx",
    "n_threads": "embedded_threads",
    "n_batch": "embedded_batch",
    "temperature": "llm_temperature",
    "seed": "llm_seed",
    "prompt_cache_bytes": "embedded_prompt_cache_bytes",
}
BACKEND_OPTIONS: dict[str, str] = {
    "num_ctx": "num_ctx",
    "num_predict": "num_predict",
    "strategy": "strategy",
    "wait_when_down": "llm_wait_when_down",
    "down_retries": "llm_down_retries",
    "down_retry_base_s": "llm_down_retry_base_s",
}
"""What every LLM resource holds: the extractor's options and how runs wait for a down server."""


def options_of(settings: Settings, table: Mapping[str, str]) -> dict[str, Any]:
    """`settings` as the options a table names (option -> value)."""
    return {option: getattr(settings, field) for option, field in table.items()}


def ollama_client(options: Mapping[str, Any]) -> StructuredLLM:
    """An Ollama client, or a pool for several servers, from `OLLAMA_OPTIONS`-named options."""
    from .pool import build_ollama_llm

    kwargs = dict(options)
    return build_ollama_llm(kwargs.pop("host"), **kwargs)


def embedded_client(options: Mapping[str, Any]) -> StructuredLLM:
    """The embedded llama.cpp model from `EMBEDDED_OPTIONS`-named options (imported only here: heavy)."""
    from .embedded import EmbeddedLLM

    kwargs = dict(options)
    return EmbeddedLLM(kwargs.pop("model_path"), n_ctx=kwargs.pop("num_ctx"), cache_dir=kwargs.pop("model_dir"), **kwargs)


def build_client(settings: Settings) -> StructuredLLM | None:
    """The client of `settings.llm_backend`: an Ollama client (or pool), the embedded model, or
    None for rules only. Imports only the backend asked for (llama.cpp is heavy)."""
    if settings.llm_backend == "ollama":
        return ollama_client(options_of(settings, OLLAMA_OPTIONS))
    if settings.llm_backend == "embedded":
        return embedded_client(options_of(settings, EMBEDDED_OPTIONS))
    return None
