"""LLM clients: one protocol for structured JSON completion, implementations behind it."""

from property_pipeline.llm.base import (
    HealthReport,
    LLMError,
    LLMReply,
    LLMStats,
    StructuredLLM,
)
from property_pipeline.llm.ollama import OllamaClient
from property_pipeline.llm.pool import OllamaPool, build_ollama_llm
from property_pipeline.llm.resilience import CircuitBreaker, backoff_delays

__all__ = [
    "CircuitBreaker",
    "HealthReport",
    "LLMError",
    "LLMReply",
    "LLMStats",
    "OllamaClient",
    "OllamaPool",
    "StructuredLLM",
    "backoff_delays",
    "build_ollama_llm",
]
