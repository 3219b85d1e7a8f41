"""The LLM client a deployment's settings ask for, built without Dagster.

The Python API and the command line call `build_client(settings)`; the Dagster resources
(`defs/llm_resource.py`, `defs/embedded_resource.py`) build the same clients from their
fields, whose defaults are the settings' defaults (`definitions.llm_backend`).
"""

from __future__ import annotations

import dataclasses
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


def build_client(settings: Settings) -> StructuredLLM | None:
    """The client of `settings.llm_backend`: an Ollama client (or pool), the embedded model, or
    None for rules only. Imports only the backend asked for (llama.cpp is heavy)."""
    if settings.llm_backend == "ollama":
        from .pool import build_ollama_llm

        return build_ollama_llm(
            settings.ollama_host,
            model=settings.ollama_model,
            timeout_s=settings.ollama_timeout_s,
            deadline_s=settings.ollama_deadline_s,
            max_in_flight=settings.ollama_num_parallel,
            num_ctx=settings.num_ctx,
        )
    if settings.llm_backend == "embedded":
        from .embedded import EmbeddedLLM

        return EmbeddedLLM(
            settings.model_path,
            model_sha256=settings.model_sha256,
            n_ctx=settings.num_ctx,
            cache_dir=settings.model_dir,
        )
    return None
