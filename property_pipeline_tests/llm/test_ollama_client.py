import asyncio
import json
import time

import pytest

from property_pipeline.llm import LLMError, StructuredLLM
from property_pipeline_tests.fake_ollama import FakeOllama, Generation
from property_pipeline_tests.llm.conftest import MESSAGES, SCHEMA, FakeClock


def chat(client, **kwargs):
    async def run():
        try:
            return await client.chat_json(MESSAGES, SCHEMA, **kwargs)
        finally:
            await client.aclose()

    return asyncio.run(run())


def test_reply_and_request_carry_schema_options_and_usage(srv, make_client):
    client = make_client(srv.url, seed=7, num_ctx=4096)
    assert isinstance(client, StructuredLLM)

    reply = chat(client, num_predict=256)

    assert json.loads(reply.content) == {"price": 450000, "city": "Phoenix"}
    assert reply.model == "llama3.2:latest"
    assert reply.done_reason == "stop" and reply.attempts == 1
    assert reply.prompt_tokens > 0 and reply.completion_tokens > 0
    [request] = srv.requests
    assert request["format"] == SCHEMA
    assert request["stream"] is False
    assert request["keep_alive"] == "30m"
    assert request["options"] == {"temperature": 0.0, "seed": 7, "num_ctx": 4096, "num_predict": 256}
    assert request["messages"] == MESSAGES
    stats = client.stats.snapshot()
    assert stats["calls"] == 1 and stats["successes"] == 1 and stats["failures"] == 0
    assert stats["prompt_tokens"] == reply.prompt_tokens
    assert stats["latency_p50_ms"] == pytest.approx(reply.latency_ms)


def test_retries_on_500_503_and_dropped_reply_then_succeeds(srv, make_client):
    client = make_client(srv.url, max_retries=3)
    for fault in ("500", "503", "drop"):
        srv.inject(fault)

    reply = chat(client)

    assert json.loads(reply.content)["city"] == "Phoenix"
    assert srv.chat_count == 4 and reply.attempts == 4
    assert len(client.sleeps) == 3
    assert all(0 <= d <= 0.05 for d in client.sleeps)
    stats = client.stats.snapshot()
    assert (stats["calls"], stats["retries"], stats["successes"], stats["failures"]) == (4, 3, 1, 0)


def test_server_closing_without_reply_is_retried(srv, make_client):
    client = make_client(srv.url, max_retries=1)
    srv.inject("refused")
    assert chat(client).attempts == 2
    assert srv.chat_count == 2


def test_gives_up_after_max_retries_with_the_last_kind(srv, make_client):
    client = make_client(srv.url, max_retries=2)
    srv.inject("503", times=5)

    with pytest.raises(LLMError) as info:
        chat(client)

    assert info.value.kind == "busy" and info.value.retryable
    assert info.value.attempts == 3
    assert srv.chat_count == 3
    assert client.stats.snapshot()["failures"] == 1


@pytest.mark.parametrize(
    ("model", "fault", "kind", "status"),
    [
        ("not-pulled:7b", None, "model_missing", 404),
        ("llama3.2:latest", "404", "model_missing", 404),
        ("llama3.2:latest", "400", "bad_request", 400),
    ],
)
def test_client_errors_are_not_retried(srv, make_client, model, fault, kind, status):
    client = make_client(srv.url, model=model, max_retries=3)
    if fault:
        srv.inject(fault)

    with pytest.raises(LLMError) as info:
        chat(client)

    assert info.value.kind == kind and info.value.status_code == status
    assert not info.value.retryable
    assert srv.chat_count == 1 and client.sleeps == []
    if kind == "model_missing":
        assert f"ollama pull {model}" in str(info.value)


def test_slow_reply_times_out_and_the_retry_succeeds(srv, make_client):
    client = make_client(srv.url, timeout_s=0.3, max_retries=1)
    srv.inject("slow", delay_s=3)

    started = time.perf_counter()
    reply = chat(client)

    assert time.perf_counter() - started < 2
    assert reply.attempts == 2 and srv.chat_count == 2


def test_slow_reply_without_retries_raises_timeout(srv, make_client):
    client = make_client(srv.url, timeout_s=0.3, max_retries=0)
    srv.inject("slow", delay_s=3)
    with pytest.raises(LLMError) as info:
        chat(client)
    assert info.value.kind == "timeout" and info.value.retryable


def test_nothing_listening_is_unreachable_after_retries(free_port, make_client):
    client = make_client(f"127.0.0.1:{free_port}", max_retries=2)

    with pytest.raises(LLMError) as info:
        chat(client)

    assert info.value.kind == "unreachable"
    assert f"127.0.0.1:{free_port}" in str(info.value)
    assert info.value.attempts == 3
    assert client.stats.snapshot()["calls"] == 3 and len(client.sleeps) == 2


def test_content_faults_are_returned_not_retried(srv, make_client):
    # The extractor owns repair and re-asking; the client only reports what came back.
    client = make_client(srv.url)
    srv.inject("invalid_json")
    srv.inject("schema_break")
    srv.inject("length")

    invalid, broken, cut = chat(client), chat(client), chat(client)

    with pytest.raises(json.JSONDecodeError):
        json.loads(invalid.content)
    assert json.loads(broken.content) != {"price": 450000, "city": "Phoenix"}
    assert cut.done_reason == "length"
    assert srv.chat_count == 3


def test_breaker_opens_rejects_without_requests_and_probes_after_cooldown(srv, make_client):
    clock = FakeClock()
    client = make_client(
        srv.url, max_retries=0, breaker_failure_threshold=3, breaker_cooldown_s=30, clock=clock
    )
    srv.inject("500", times=3)
    for _ in range(3):
        with pytest.raises(LLMError, match="server_error"):
            chat(client)

    with pytest.raises(LLMError) as info:
        chat(client)
    assert info.value.kind == "circuit_open" and not info.value.retryable
    assert srv.chat_count == 3, "an open circuit must not reach the server"
    assert client.stats.snapshot()["circuit_opens"] == 1

    clock.advance(30)
    srv.inject("500")
    with pytest.raises(LLMError, match="server_error"):
        chat(client)  # the probe fails: open again
    assert srv.chat_count == 4
    with pytest.raises(LLMError, match="circuit_open"):
        chat(client)
    clock.advance(30)
    with pytest.raises(LLMError, match="circuit_open"):
        chat(client)  # a failed probe doubles the cooldown

    clock.advance(30)
    assert json.loads(chat(client).content)["price"] == 450000
    assert client.breaker.state == "closed"
    assert srv.chat_count == 5
    assert client.stats.snapshot()["circuit_opens"] == 2


def test_half_open_sends_a_single_probe_among_concurrent_calls(make_client):
    clock = FakeClock()
    with FakeOllama(latency_s=0.2, slots=8) as srv:
        client = make_client(
            srv.url, max_in_flight=8, max_retries=0, breaker_failure_threshold=1,
            breaker_cooldown_s=30, clock=clock,
        )
        srv.inject("500")
        with pytest.raises(LLMError):
            chat(client)
        clock.advance(30)

        async def many():
            try:
                return await asyncio.gather(
                    *(client.chat_json(MESSAGES, SCHEMA) for _ in range(6)), return_exceptions=True
                )
            finally:
                await client.aclose()

        results = asyncio.run(many())

    rejected = [r for r in results if isinstance(r, LLMError) and r.kind == "circuit_open"]
    assert len(rejected) == 5
    assert srv.chat_count == 2


def test_breaker_opening_mid_retries_stops_further_requests(srv, make_client):
    client = make_client(srv.url, max_retries=5, breaker_failure_threshold=2)
    srv.inject("500", times=10)
    with pytest.raises(LLMError) as info:
        chat(client)
    assert info.value.kind == "circuit_open"
    assert srv.chat_count == 2


@pytest.mark.parametrize(("max_in_flight", "expected"), [(4, 4), (20, 8)])
def test_in_flight_requests_are_bounded(make_client, max_in_flight, expected):
    # The 20-in-flight case proves the fake would see more overlap if the client allowed it.
    with FakeOllama(latency_s=0.2, slots=8) as srv:
        client = make_client(srv.url, max_in_flight=max_in_flight)

        async def many():
            try:
                return await asyncio.gather(*(client.chat_json(MESSAGES, SCHEMA) for _ in range(20)))
            finally:
                await client.aclose()

        replies = asyncio.run(many())

    assert len(replies) == 20
    assert srv.chat_count == 20
    assert srv.max_concurrent == expected


def test_one_client_serves_successive_event_loops(srv, make_client):
    # The pipeline calls asyncio.run once per partition with one long-lived client.
    client = make_client(srv.url, max_in_flight=2)

    async def two():
        return await asyncio.gather(client.chat_json(MESSAGES, SCHEMA), client.chat_json(MESSAGES, SCHEMA))

    for _ in range(3):
        asyncio.run(two())  # no aclose: loop shutdown must release the connections
        assert not client._loops, "the finished loop's HTTP client was not closed"

    assert srv.chat_count == 6
    assert client.stats.snapshot()["successes"] == 6


def test_server_queue_limit_answers_busy(make_client):
    with FakeOllama(latency_s=0.3, slots=1, queue_limit=1) as srv:
        client = make_client(srv.url, max_in_flight=3, max_retries=0)

        async def three():
            try:
                return await asyncio.gather(
                    *(client.chat_json(MESSAGES, SCHEMA) for _ in range(3)), return_exceptions=True
                )
            finally:
                await client.aclose()

        results = asyncio.run(three())

    busy = [r for r in results if isinstance(r, LLMError)]
    assert len(busy) == 1 and busy[0].kind == "busy" and busy[0].status_code == 503
    assert srv.max_concurrent == 1


def test_generate_hook_supplies_content_and_usage(make_client):
    def generate(request):
        return Generation(content='{"price": 1}', prompt_eval_count=11, eval_count=5, done_reason="stop")

    with FakeOllama(generate=generate) as srv:
        reply = chat(make_client(srv.url))

    assert (reply.content, reply.prompt_tokens, reply.completion_tokens) == ('{"price": 1}', 11, 5)


@pytest.mark.parametrize(
    ("fault", "kind"),
    [("500", "server_error"), ("503", "busy"), ("drop", "server_error"), ("refused", "server_error")],
)
def test_each_server_fault_maps_to_its_kind(srv, make_client, fault, kind):
    client = make_client(srv.url, max_retries=0)
    srv.inject(fault)
    with pytest.raises(LLMError) as info:
        chat(client)
    assert info.value.kind == kind and info.value.retryable


def test_client_errors_do_not_open_the_breaker(srv, make_client):
    # A 404 or 400 proves the server is answering; only outages should trip it.
    client = make_client(srv.url, max_retries=0, breaker_failure_threshold=2)
    for fault in ("404", "400", "404"):
        srv.inject(fault)
        with pytest.raises(LLMError):
            chat(client)
    assert client.breaker.state == "closed"
    assert chat(client).attempts == 1 and srv.chat_count == 4
