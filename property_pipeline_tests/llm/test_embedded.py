"""The embedded llama.cpp backend: protocol, errors and health without the model; a few real completions."""

import asyncio
import sys

import pytest

from property_pipeline.contract import PropertyFields
from property_pipeline.defs.embedded_resource import EmbeddedLLMResource
from property_pipeline.defs.resources import LLMBackend
from property_pipeline.llm import LLMError, StructuredLLM
from property_pipeline.llm.embedded import EmbeddedLLM
from property_pipeline.llm.ollama import OllamaClient
from property_pipeline_tests.embedded_backend import (
    OLLAMA_TAG,
    embedded_llm,
    ollama_generate,
    require_embedded,
)
from property_pipeline_tests.fake_ollama import FakeOllama

SCHEMA = PropertyFields.model_json_schema()
LISTING = """\
4215 E Camelback Rd, Phoenix, AZ 85018
Listed at $525,000 | MLS# 7012999 | Status: Active
Bedrooms: 3
Bathrooms: 2 full
Living area: 1,840 sq ft
Year built: 1986
Garage: 2 car attached"""
MESSAGES = [
    {
        "role": "system",
        "content": "You extract real-estate facts into JSON that matches the given schema. "
        "Use only facts stated in the data; a field the data does not state is null.",
    },
    {"role": "user", "content": f"=====DATA=====\n{LISTING}\n=====DATA=====\nReturn the JSON object."},
]


def test_client_implements_the_protocol_without_loading_anything(tmp_path):
    llm = EmbeddedLLM(tmp_path / "absent.gguf", n_threads=3)
    assert isinstance(llm, StructuredLLM)
    assert llm.max_in_flight == 1
    assert llm.n_threads == 3
    assert EmbeddedLLM().model == "qwen2.5-coder-1.5b-instruct-q4_k_m (embedded)"
    assert EmbeddedLLM().n_threads >= 1


def test_resource_uses_num_ctx_and_caches_its_client(tmp_path):
    resource = EmbeddedLLMResource(num_ctx=4096, num_predict=512, model_path=str(tmp_path / "m.gguf"), n_threads=2)
    assert isinstance(resource, LLMBackend)
    assert "n_ctx" not in EmbeddedLLMResource.model_fields

    client = resource.get_client()

    assert client is resource.get_client()
    assert (client.n_ctx, client.n_threads, client.seed) == (4096, 2, 0)
    assert client.model == "m (embedded)"


def test_missing_or_broken_model_file_is_model_missing_and_unhealthy(tmp_path):
    not_gguf = tmp_path / "model.gguf"
    not_gguf.write_text("<html>404 Not Found</html>")
    for path, problem in ((tmp_path / "absent.gguf", "does not exist"), (not_gguf, "is not a GGUF model file")):
        llm = EmbeddedLLM(path)

        report = llm.health()
        with pytest.raises(LLMError) as caught:
            asyncio.run(llm.chat_json(MESSAGES, SCHEMA))

        assert not report.ok and problem in str(report)
        assert caught.value.kind == "model_missing" and not caught.value.retryable
        assert problem in str(caught.value)
        assert llm.stats.snapshot()["failures"] == 1


def test_missing_llama_cpp_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # makes `import llama_cpp` raise ImportError
    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF" + (3).to_bytes(4, "little") + bytes(16))
    llm = EmbeddedLLM(model, n_threads=1)

    report = llm.health()
    with pytest.raises(LLMError) as caught:
        asyncio.run(llm.chat_json(MESSAGES, SCHEMA))

    assert not report.ok and "pip install .[embedded]" in str(report)
    assert caught.value.kind == "model_missing" and "pip install .[embedded]" in str(caught.value)


@pytest.fixture(scope="module")
def llm() -> EmbeddedLLM:
    require_embedded()
    return embedded_llm()


def test_health_of_the_default_model(llm):
    report = llm.health()
    assert report.ok, str(report)
    assert report.server_version.startswith("llama-cpp-python ")
    assert report.models_available == [llm.model]


@pytest.fixture(scope="module")
def completion(llm):
    """One real structured completion, asserted two ways below: the real `ollama` client over
    HTTP against a loopback Ollama API whose generation comes from the embedded model, and the
    embedded client's own reply to that very request (`llm.chat_json`, as the server's hook
    called it). A 512-token completion takes a minute or more on a busy 2-core machine, so the
    model generates it once per module, not once per test."""

    async def run(client: OllamaClient):
        try:
            return await client.chat_json(MESSAGES, SCHEMA, num_predict=512)
        finally:
            await client.aclose()

    direct: list = []
    with FakeOllama(generate=ollama_generate(llm, direct), models=[OLLAMA_TAG], slots=1) as srv:
        client = OllamaClient(host=srv.url, model=OLLAMA_TAG, timeout_s=600, deadline_s=1200)
        healthy = client.health().ok
        reply = asyncio.run(run(client))
    return {"healthy": healthy, "over_http": reply, "requests": list(srv.requests), "direct": direct}


def test_real_structured_completion(llm, completion):
    [request] = completion["requests"]
    assert [(m["role"], m["content"]) for m in request["messages"]] == [(m["role"], m["content"]) for m in MESSAGES]
    assert request["format"] == SCHEMA
    assert request["options"]["num_predict"] == 512
    [reply] = completion["direct"]  # what `llm.chat_json(MESSAGES, SCHEMA, num_predict=512)` returned

    record = PropertyFields.model_validate_json(reply.content)
    assert record.bedrooms_total == 3
    assert record.city == "Phoenix"
    assert reply.model == "qwen2.5-coder-1.5b-instruct-q4_k_m (embedded)"
    assert reply.done_reason == "stop" and reply.attempts == 1
    assert 100 < reply.prompt_tokens < 400
    assert 10 < reply.completion_tokens < 512
    assert reply.latency_ms > 0
    stats = llm.stats.snapshot()
    assert stats["successes"] >= 1 and stats["prompt_tokens"] >= reply.prompt_tokens


def test_model_is_loaded_once_per_process(llm):
    first = llm.loaded()
    again = EmbeddedLLM(cache_dir=llm.cache_dir).loaded()
    assert again is first
    assert first.load_seconds > 0


def test_stopping_at_num_predict_is_reported_as_length(llm):
    reply = asyncio.run(llm.chat_json(MESSAGES, SCHEMA, num_predict=5))
    assert reply.done_reason == "length"
    assert reply.completion_tokens == 5


def test_prompt_longer_than_the_context_is_a_bad_request(llm):
    too_long = [{"role": "user", "content": "Phoenix 3 bed " * 4000}]
    with pytest.raises(LLMError) as caught:
        asyncio.run(llm.chat_json(too_long, SCHEMA, num_predict=8))
    assert caught.value.kind == "bad_request" and not caught.value.retryable
    assert "context window" in str(caught.value)


def test_ollama_client_over_http_against_the_embedded_model(completion):
    """The real `ollama` client, a loopback Ollama API, and the embedded model generating."""
    assert completion["healthy"]
    reply = completion["over_http"]

    record = PropertyFields.model_validate_json(reply.content)
    assert record.bedrooms_total == 3 and record.city == "Phoenix"
    assert reply.done_reason == "stop"
    assert reply.prompt_tokens > 100 and reply.completion_tokens > 10
    [request] = completion["requests"]
    assert request["format"] == SCHEMA and request["options"]["num_predict"] == 512
    [direct] = completion["direct"]
    assert reply.content == direct.content, "the client returns what the model generated"
