"""`StructuredLLM` running in-process on llama.cpp (`llama-cpp-python`), for machines without a server.

The model is loaded once per process for a given (file, n_ctx, n_threads,
n_batch) and shared by every client and partition: loading takes seconds and
the weights take a gigabyte. A llama.cpp context is not thread-safe, so
completions on one model run one at a time, in a worker thread, under that
model's lock; `max_in_flight` is 1 because a second request would only wait.
"""

from __future__ import annotations

import asyncio
import atexit
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from property_pipeline.llm.base import HealthReport, LLMError, LLMReply, LLMStats
from property_pipeline.llm.model_file import (
    DEFAULT_MODEL_NAME,
    ModelFileError,
    find_parts,
    resolve_model_path,
)
from property_pipeline.settings import default

INSTALL_HINT = "install the embedded backend with `pip install .[embedded]` (llama-cpp-python and the model parts)"


@dataclass
class _LoadedModel:
    llama: Any
    lock: threading.Lock = field(default_factory=threading.Lock)
    load_seconds: float = 0.0


_models: dict[tuple[str, int, int, int], _LoadedModel] = {}
_models_lock = threading.Lock()


@atexit.register
def _close_models() -> None:
    """Free the loaded models while llama.cpp's bindings still exist: left to the garbage
    collector at interpreter shutdown, `Llama.__del__` runs after them and prints a TypeError."""
    with _models_lock:
        for loaded in _models.values():
            with loaded.lock:
                loaded.llama.close()
        _models.clear()


def import_llama_cpp():
    try:
        import llama_cpp
    except ImportError as exc:
        raise LLMError("model_missing", f"llama_cpp cannot be imported ({exc}); {INSTALL_HINT}") from None
    return llama_cpp


def load_model(path: Path, *, n_ctx: int, n_threads: int, n_batch: int, prompt_cache_bytes: int) -> _LoadedModel:
    """The process-wide model for these settings, loaded on first use."""
    key = (str(path.resolve()), n_ctx, n_threads, n_batch)
    with _models_lock:
        loaded = _models.get(key)
        if loaded is not None:
            return loaded
        llama_cpp = import_llama_cpp()
        started = time.perf_counter()
        try:
            llama = llama_cpp.Llama(
                model_path=str(path),
                n_ctx=n_ctx,
                n_threads=n_threads,
                n_threads_batch=n_threads,
                n_batch=n_batch,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as exc:
            raise LLMError("model_missing", f"llama.cpp could not load {path}: {exc}") from None
        if prompt_cache_bytes > 0:
            llama.set_cache(llama_cpp.LlamaRAMCache(capacity_bytes=prompt_cache_bytes))
        loaded = _LoadedModel(llama, load_seconds=time.perf_counter() - started)
        _models[key] = loaded
        return loaded


def _model_label(path: Path | None) -> str:
    name = DEFAULT_MODEL_NAME if path is None else path.stem.lower()
    return f"{name} (embedded)"


class EmbeddedLLM:
    """Structured JSON completions from a GGUF model in this process.

    `model_path=None` means the default model, joined from its pinned data
    packages and verified on first use (see `model_file`); a configured path
    is checked to be a complete GGUF file, and against `model_sha256` when
    given. Nothing is loaded until the first completion.

    The stable prompt prefix (system prompt and source instructions) is reused
    from the context's KV cache whenever consecutive prompts share it, which
    is what the extractor sends; `prompt_cache_bytes > 0` additionally keeps
    snapshots in a `LlamaRAMCache`, which only pays when prompts with
    different prefixes alternate and costs a state copy per completion.
    """

    max_in_flight = 1

    def __init__(
        self,
        model_path: str | os.PathLike | None = None,
        *,
        model_sha256: str | None = None,
        n_ctx: int = default("num_ctx"),
        n_threads: int | None = default("embedded_threads"),
        n_batch: int = default("embedded_batch"),
        seed: int | None = default("llm_seed"),
        temperature: float = default("llm_temperature"),
        prompt_cache_bytes: int = default("embedded_prompt_cache_bytes"),
        cache_dir: str | os.PathLike | None = None,
    ) -> None:
        self.model_path = Path(model_path) if model_path else None
        self.model_sha256 = model_sha256
        self.n_ctx = n_ctx
        self.n_threads = n_threads or os.cpu_count() or 1
        self.n_batch = n_batch
        self.seed = seed
        self.temperature = temperature
        self.prompt_cache_bytes = prompt_cache_bytes
        self.cache_dir = cache_dir
        self.model = _model_label(self.model_path)
        self.stats = LLMStats()
        self._loaded: _LoadedModel | None = None
        self._resolved: Path | None = None
        self._init_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"EmbeddedLLM(model={self.model!r}, n_ctx={self.n_ctx}, n_threads={self.n_threads})"

    def resolved_path(self) -> Path:
        """The checked model file (joins the default model on first call); raises `ModelFileError`."""
        if self._resolved is None:
            self._resolved, _ = resolve_model_path(self.model_path, self.model_sha256, cache_dir=self.cache_dir)
        return self._resolved

    def loaded(self) -> _LoadedModel:
        """The shared model, loading it now if needed; raises `LLMError("model_missing")` when it cannot."""
        with self._init_lock:
            if self._loaded is None:
                import_llama_cpp()  # before joining a gigabyte that could not be used anyway
                try:
                    path = self.resolved_path()
                except ModelFileError as exc:
                    raise LLMError("model_missing", str(exc), model=self.model) from None
                self._loaded = load_model(
                    path,
                    n_ctx=self.n_ctx,
                    n_threads=self.n_threads,
                    n_batch=self.n_batch,
                    prompt_cache_bytes=self.prompt_cache_bytes,
                )
            return self._loaded

    async def chat_json(
        self, messages: list[dict], schema: dict, *, num_predict: int | None = None
    ) -> LLMReply:
        self.stats.add(calls=1)
        try:
            return await asyncio.to_thread(self._complete, messages, schema, num_predict)
        except BaseException:
            self.stats.add(failures=1)
            raise

    def _complete(self, messages: list[dict], schema: dict, num_predict: int | None) -> LLMReply:
        loaded = self.loaded()
        with loaded.lock:
            started = time.perf_counter()
            try:
                completion = loaded.llama.create_chat_completion(
                    messages=messages,
                    response_format={"type": "json_object", "schema": schema},
                    temperature=self.temperature,
                    seed=self.seed,
                    max_tokens=num_predict,
                )
            except ValueError as exc:
                # llama-cpp-python raises ValueError for a prompt longer than the context
                # and for a schema it cannot turn into a grammar: the request is at fault.
                raise LLMError("bad_request", str(exc), model=self.model) from None
            except RuntimeError as exc:
                raise LLMError("server_error", f"llama.cpp failed: {exc}", model=self.model) from None
            latency_ms = (time.perf_counter() - started) * 1000
        choice = completion["choices"][0]
        usage = completion.get("usage") or {}
        reply = LLMReply(
            content=choice["message"].get("content") or "",
            model=self.model,
            prompt_tokens=usage.get("prompt_tokens"),
            completion_tokens=usage.get("completion_tokens"),
            latency_ms=latency_ms,
            done_reason=choice.get("finish_reason"),
            attempts=1,
        )
        self.stats.record_success(reply)
        return reply

    def health(self) -> HealthReport:
        """Check, without loading the model or joining a gigabyte, that completions can run."""
        problems: list[str] = []
        version = None
        try:
            version = f"llama-cpp-python {import_llama_cpp().__version__}"
        except LLMError as exc:
            problems.append(str(exc).removeprefix("[model_missing] "))
        if self._resolved is not None or self.model_path is not None:
            try:
                self.resolved_path()
            except ModelFileError as exc:
                problems.append(str(exc))
        else:
            _, missing = find_parts()
            if missing:
                problems.append(
                    "the default embedded model is incomplete: " + "; ".join(missing) + f"; {INSTALL_HINT}"
                )
        return HealthReport(
            ok=not problems,
            problems=problems,
            server_version=version,
            models_available=[] if problems else [self.model],
        )
