"""A server that accepts and never answers, or answers a byte at a time, costs one deadline."""

import asyncio
import time

import pytest

from property_pipeline.llm import LLMError
from property_pipeline_tests.fake_ollama import FakeOllama
from property_pipeline_tests.llm.conftest import MESSAGES, SCHEMA


def chat_many(client, count: int):
    async def run():
        try:
            return await asyncio.gather(
                *(client.chat_json(MESSAGES, SCHEMA) for _ in range(count)), return_exceptions=True
            )
        finally:
            await client.aclose()

    return asyncio.run(run())


@pytest.mark.parametrize("mode", ["hang", "trickle"])
def test_one_request_gives_up_at_its_deadline_whatever_the_per_attempt_timeout(make_client, mode):
    # Per attempt 30 s and 5 retries would be minutes; the deadline bounds the whole request.
    with FakeOllama(mode=mode) as srv:
        client = make_client(srv.url, timeout_s=30, deadline_s=1.0, max_retries=5)
        started = time.perf_counter()
        [error] = chat_many(client, 1)
        elapsed = time.perf_counter() - started

    assert isinstance(error, LLMError) and error.kind == "timeout", error
    assert "1s" in str(error)
    assert elapsed < 20, "generous bound: the deadline is 1 s, an unbounded request would take minutes"
    assert client.breaker.state == "open", "a server silent for a whole deadline opens the breaker"


def test_in_flight_requests_to_a_silent_server_cost_one_deadline_then_the_breaker_rejects(make_client):
    with FakeOllama(mode="hang", slots=8) as srv:
        client = make_client(
            srv.url, timeout_s=30, deadline_s=1.0, max_retries=3, max_in_flight=4, breaker_cooldown_s=600
        )
        results = chat_many(client, 40)
        sent = srv.chat_count

    kinds = [r.kind for r in results if isinstance(r, LLMError)]
    assert len(kinds) == 40
    assert set(kinds) == {"timeout", "circuit_open"}
    assert kinds.count("timeout") == 4, "only the first wave of in-flight requests waits for the deadline"
    assert sent == 4, "no request after the breaker opened reached the server"
    assert client.stats.snapshot()["circuit_opens"] == 1


def test_a_short_attempt_timeout_on_a_healthy_server_is_retried_not_tripped(srv, make_client):
    # One slow reply is not silence: the retry inside the deadline succeeds and the breaker stays closed.
    client = make_client(srv.url, timeout_s=0.3, deadline_s=10, max_retries=2)
    srv.inject("slow", delay_s=3)
    [reply] = chat_many(client, 1)
    assert not isinstance(reply, Exception), reply
    assert reply.attempts == 2 and client.breaker.state == "closed"


def test_deadline_must_be_positive():
    from property_pipeline.llm import OllamaClient

    with pytest.raises(ValueError):
        OllamaClient(deadline_s=0)
