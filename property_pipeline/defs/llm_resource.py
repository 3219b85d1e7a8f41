"""The Ollama client as a Dagster resource: configuration in, the `llm.factory` client out."""

from pydantic import PrivateAttr

from ..llm.factory import OLLAMA_OPTIONS, ollama_client
from ..llm.ollama import OllamaClient
from ..llm.pool import OllamaPool
from ..settings import resource_field
from .resources import LLMBackend


class OllamaResource(LLMBackend):
    """An Ollama server (or a pool of them) serving the extraction model, and how hard to push it.

    Its fields are the options `llm.factory.OLLAMA_OPTIONS` names, each with the default and
    meaning of the `Settings` field it maps to; `get_client` hands them to the same factory
    function `build_client` uses outside Dagster."""

    host: str = resource_field("ollama_host")
    model: str = resource_field("ollama_model")
    timeout_s: float = resource_field("ollama_timeout_s")
    deadline_s: float = resource_field("ollama_deadline_s")
    max_in_flight: int = resource_field("ollama_num_parallel")
    temperature: float = resource_field("llm_temperature")
    seed: int | None = resource_field("llm_seed")
    keep_alive: str = resource_field("ollama_keep_alive")
    max_retries: int = resource_field("ollama_max_retries")
    backoff_base_s: float = resource_field("ollama_backoff_base_s")
    backoff_max_s: float = resource_field("ollama_backoff_max_s")
    breaker_failure_threshold: int = resource_field("ollama_breaker_failure_threshold")
    breaker_cooldown_s: float = resource_field("ollama_breaker_cooldown_s")
    breaker_max_cooldown_s: float = resource_field("ollama_breaker_max_cooldown_s")

    _client: OllamaClient | OllamaPool | None = PrivateAttr(default=None)

    def get_client(self) -> OllamaClient | OllamaPool:
        # One client per resource instance, so retries, the circuit breaker and
        # usage statistics span every partition a run extracts.
        if self._client is None:
            self._client = ollama_client(self.options(OLLAMA_OPTIONS))  # type: ignore[assignment]
        return self._client  # type: ignore[return-value]
