"""The Ollama client as a Dagster resource: configuration in, `OllamaClient` out."""

from pydantic import Field, PrivateAttr

from ..llm.ollama import OllamaClient
from ..llm.pool import OllamaPool, build_ollama_llm
from ..settings import default
from .resources import LLMBackend


class OllamaResource(LLMBackend):
    """An Ollama server serving the extraction model, and how hard to push it."""

    host: str = Field(
        default=default("ollama_host"),
        description="Base URL of the Ollama server, or several comma-separated, each optionally with its "
        "generation slots: `http://gpu1:11434=4,http://gpu2:11434=2` (one pool, failover between servers).",
    )
    model: str = Field(default=default("ollama_model"), description="Model tag; must be pulled on the server.")
    timeout_s: float = Field(default=default("ollama_timeout_s"), description="Timeout of one HTTP attempt, in seconds.")
    deadline_s: float = Field(
        default=default("ollama_deadline_s"),
        description="Overall limit for one extraction request, every retry and backoff included; "
        "a server silent this long opens the circuit at once, so a hung server costs one deadline.",
    )
    max_in_flight: int = Field(
        default=default("ollama_num_parallel"),
        description="Concurrent requests per server without an `=slots` in `host`; set to the server's "
        "OLLAMA_NUM_PARALLEL, since extra requests only queue on the server while their timeouts run.",
    )
    temperature: float = Field(default=0.0, description="0 keeps extraction repeatable.")
    seed: int | None = Field(default=0, description="Sampling seed, for repeatable output.")
    keep_alive: str = Field(default="30m", description="How long the server keeps the model loaded after a request.")
    max_retries: int = Field(default=3, description="Retries after unreachable, timeout, 5xx or busy replies.")
    backoff_base_s: float = Field(default=0.5, description="First retry delay cap; doubles per retry, with full jitter.")
    backoff_max_s: float = Field(default=8.0, description="Upper bound of a single retry delay.")
    breaker_failure_threshold: int = Field(default=5, description="Consecutive failures that open the circuit.")
    breaker_cooldown_s: float = Field(default=30.0, description="Seconds the circuit stays open before one probe.")
    breaker_max_cooldown_s: float = Field(
        default=300.0, description="Each failed probe doubles the open time, up to this many seconds."
    )

    _client: OllamaClient | OllamaPool | None = PrivateAttr(default=None)

    def get_client(self) -> OllamaClient | OllamaPool:
        # One client per resource instance, so retries, the circuit breaker and
        # usage statistics span every partition a run extracts.
        if self._client is None:
            self._client = build_ollama_llm(
                self.host,
                model=self.model,
                timeout_s=self.timeout_s,
                deadline_s=self.deadline_s,
                max_in_flight=self.max_in_flight,
                temperature=self.temperature,
                seed=self.seed,
                num_ctx=self.num_ctx,
                keep_alive=self.keep_alive,
                max_retries=self.max_retries,
                backoff_base_s=self.backoff_base_s,
                backoff_max_s=self.backoff_max_s,
                breaker_failure_threshold=self.breaker_failure_threshold,
                breaker_cooldown_s=self.breaker_cooldown_s,
                breaker_max_cooldown_s=self.breaker_max_cooldown_s,
            )
        return self._client
