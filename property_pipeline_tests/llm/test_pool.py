"""Several Ollama servers as one pool, over real HTTP: slots, failover, breakers, rejoining."""

import asyncio
import socket
import time

import pytest

from property_pipeline.llm import LLMError
from property_pipeline.llm.pool import OllamaPool, build_ollama_llm, parse_hosts, server_reports
from property_pipeline_tests.fake_ollama import FakeOllama
from property_pipeline_tests.llm.conftest import MESSAGES, SCHEMA

ANSWER = {"price": 450000, "city": "Phoenix"}


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def many(pool, count: int):
    async def run():
        return await asyncio.gather(*(pool.chat_json(MESSAGES, SCHEMA) for _ in range(count)), return_exceptions=True)

    return asyncio.run(run())


def make_pool(hosts: str, **options) -> OllamaPool:
    config = dict(deadline_s=10, timeout_s=5, max_retries=3, backoff_base_s=0.01, backoff_max_s=0.05,
                  breaker_failure_threshold=2, breaker_cooldown_s=60)
    config.update(options)
    pool = build_ollama_llm(hosts, **config)
    assert isinstance(pool, OllamaPool)
    return pool


def test_host_list_with_slots_parses_and_a_single_host_stays_a_plain_client():
    assert [(s.host, s.slots) for s in parse_hosts("http://gpu1:11434=4, gpu2 ,gpu3:9000=1", 2)] == [
        ("http://gpu1:11434", 4), ("http://gpu2:11434", 2), ("http://gpu3:9000", 1)
    ]
    for bad in ("", "gpu1=0", "gpu1=four", "gpu1,gpu1"):
        with pytest.raises(ValueError):
            parse_hosts(bad)
    assert not isinstance(build_ollama_llm("gpu1=3"), OllamaPool)
    assert build_ollama_llm("gpu1=3").max_in_flight == 3


def test_requests_spread_over_free_slots_and_never_beyond_them():
    with FakeOllama(responder=lambda r: ANSWER, latency_s=0.2, slots=8) as a, \
            FakeOllama(responder=lambda r: ANSWER, latency_s=0.2, slots=8) as b:
        pool = make_pool(f"{a.url}=1,{b.url}=3")
        assert pool.max_in_flight == 4
        results = many(pool, 24)
    assert all(not isinstance(r, Exception) for r in results)
    assert a.max_concurrent == 1 and b.max_concurrent == 3
    assert a.chat_count + b.chat_count == 24 and b.chat_count > a.chat_count > 0


@pytest.mark.parametrize("broken", ["down", "garbage", "model_missing", "hang"])
def test_one_broken_server_costs_nothing_the_others_answer_everything(broken):
    with FakeOllama(responder=lambda r: ANSWER, slots=4) as good, FakeOllama(
        responder=lambda r: ANSWER,
        mode={"garbage": "garbage", "hang": "hang"}.get(broken),
        models=["qwen2.5:0.5b"] if broken == "model_missing" else None,
    ) as bad:
        url = closed_port_url() if broken == "down" else bad.url
        pool = make_pool(f"{good.url}=2,{url}=2", deadline_s=3, timeout_s=1)
        results = many(pool, 20)
        reports = {r["host"]: r for r in server_reports(pool)}
        good_url = good.url
    assert all(not isinstance(r, Exception) for r in results), results
    assert good.chat_count >= 20
    assert pool.clients[url].breaker.state == "open", "the broken server is kept out"
    assert reports[good_url]["ok"]
    if broken in ("down", "model_missing"):
        assert not reports[url]["ok"] and reports[url]["problems"]


def test_a_request_failed_by_one_server_waits_for_another_instead_of_going_back():
    """The broken server has free slots and a closed breaker (threshold never reached) while the
    good one is busy: a failed request must wait for the good one, not spend its retries on the
    server that just failed it."""
    with FakeOllama(responder=lambda r: ANSWER, latency_s=0.2, slots=1) as good, \
            FakeOllama(responder=lambda r: ANSWER, mode="garbage", slots=8) as bad:
        pool = make_pool(f"{good.url}=1,{bad.url}=4", max_retries=1, breaker_failure_threshold=1000, deadline_s=30)
        results = many(pool, 5)
    assert all(not isinstance(r, Exception) for r in results), results
    assert good.chat_count == 5
    assert bad.chat_count <= 5, "each request tried the broken server at most once"


def test_a_server_dying_mid_run_has_its_requests_retried_on_the_others_and_rejoins_after_its_probe():
    a = FakeOllama(responder=lambda r: ANSWER, latency_s=0.05, slots=4).start()
    b = FakeOllama(responder=lambda r: ANSWER, latency_s=0.05, slots=4).start()
    try:
        b_url = b.url
        pool = make_pool(f"{a.url}=2,{b_url}=2", breaker_cooldown_s=0.5)

        async def run():
            tasks = [asyncio.create_task(pool.chat_json(MESSAGES, SCHEMA)) for _ in range(60)]
            while b.chat_count < 5:
                await asyncio.sleep(0.01)
            await asyncio.to_thread(b.stop)  # dies with requests in flight
            return await asyncio.gather(*tasks, return_exceptions=True)

        results = asyncio.run(run())
        assert all(not isinstance(r, Exception) for r in results), [r for r in results if isinstance(r, Exception)]
        assert pool.clients[b_url].breaker.state == "open"
        served_by_b = b.chat_count

        b.start()  # the same port: the server is back
        # Failed probes while it was down doubled its cooldown: wait until the next probe is due.
        waited = time.monotonic()
        while not pool.clients[b_url].breaker.ready() and time.monotonic() - waited < 60:
            time.sleep(0.1)
        results = many(pool, 20)
        assert all(not isinstance(r, Exception) for r in results)
        assert b.chat_count > served_by_b, "after its half-open probe succeeded the server takes requests again"
        assert pool.clients[b_url].breaker.state == "closed"
    finally:
        a.stop()
        b.stop()


def test_every_server_down_rejects_at_once_with_circuit_open():
    pool = make_pool(f"{closed_port_url()}=2,{closed_port_url()}=2,{closed_port_url()}=2", breaker_failure_threshold=1)
    results = many(pool, 30)
    kinds = {r.kind for r in results if isinstance(r, LLMError)}
    assert len([r for r in results if isinstance(r, LLMError)]) == 30
    assert "circuit_open" in kinds and kinds <= {"circuit_open", "unreachable"}
    started = time.perf_counter()
    [error] = many(pool, 1)
    assert error.kind == "circuit_open" and time.perf_counter() - started < 1, "no waiting once every breaker is open"
