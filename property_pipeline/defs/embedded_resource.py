"""The embedded llama.cpp model as a Dagster resource: configuration in, `EmbeddedLLM` out."""

from pydantic import PrivateAttr

from ..llm.embedded import EmbeddedLLM
from ..llm.factory import EMBEDDED_OPTIONS, embedded_client
from ..settings import resource_field
from .resources import LLMBackend


class EmbeddedLLMResource(LLMBackend):
    """A GGUF model run in the Dagster process itself; `num_ctx` is its context window.

    Its fields are the options `llm.factory.EMBEDDED_OPTIONS` names (defaults and meaning: the
    `Settings` field each maps to); `get_client` hands them to `llm.factory.embedded_client`."""

    model_path: str | None = resource_field("model_path")
    model_sha256: str | None = resource_field("model_sha256")
    model_dir: str | None = resource_field("model_dir")
    n_threads: int | None = resource_field("embedded_threads")
    n_batch: int = resource_field("embedded_batch")
    temperature: float = resource_field("llm_temperature")
    seed: int | None = resource_field("llm_seed")
    prompt_cache_bytes: int = resource_field("embedded_prompt_cache_bytes")

    _client: EmbeddedLLM | None = PrivateAttr(default=None)

    def get_client(self) -> EmbeddedLLM:
        # The weights are shared per process anyway (see llm.embedded); one client
        # per resource keeps its usage statistics spanning every partition of a run.
        if self._client is None:
            self._client = embedded_client(self.options(EMBEDDED_OPTIONS))  # type: ignore[assignment]
        return self._client  # type: ignore[return-value]
