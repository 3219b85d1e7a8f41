import random

import pytest

from property_pipeline.llm.resilience import CircuitBreaker, backoff_delays
from property_pipeline_tests.llm.conftest import FakeClock


def test_backoff_delays_grow_exponentially_under_a_cap_with_full_jitter():
    # rng.uniform returning its upper bound exposes the caps themselves.
    class Top:
        def uniform(self, low, high):
            return high

    assert backoff_delays(5, 0.5, 3.0, Top()) == [0.5, 1.0, 2.0, 3.0, 3.0]
    delays = backoff_delays(200, 1.0, 4.0, random.Random(7))
    assert all(0.0 <= d <= 4.0 for d in delays)
    assert len(set(delays)) > 100, "full jitter should spread delays, not repeat the cap"
    assert backoff_delays(0, 1.0, 4.0) == []


def test_breaker_opens_after_threshold_consecutive_failures():
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=3, cooldown_s=10, clock=clock)
    assert breaker.record_failure() is False
    breaker.record_success()  # resets the run of failures
    assert [breaker.record_failure() for _ in range(3)] == [False, False, True]
    assert breaker.state == "open" and breaker.opens == 1
    assert breaker.allow() is False
    clock.advance(9.9)
    assert breaker.allow() is False


def test_half_open_lets_exactly_one_probe_through():
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, cooldown_s=10, clock=clock)
    breaker.record_failure()
    clock.advance(10)
    assert breaker.allow() is True
    assert breaker.state == "half_open"
    assert [breaker.allow() for _ in range(5)] == [False] * 5
    breaker.record_success()
    assert breaker.state == "closed"
    assert all(breaker.allow() for _ in range(5))


def test_failed_probe_reopens_for_a_doubled_cooldown_capped_and_reset_by_success():
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, cooldown_s=10, clock=clock, max_cooldown_s=30)
    breaker.record_failure()
    clock.advance(10)
    assert breaker.allow()
    assert breaker.record_failure() is True
    assert breaker.state == "open" and breaker.opens == 2
    clock.advance(19.9)
    assert breaker.allow() is False, "a failed probe doubles the cooldown"
    clock.advance(0.1)
    assert breaker.allow() is True
    breaker.record_failure()
    assert breaker.current_cooldown_s == 30, "capped at max_cooldown_s"
    clock.advance(30)
    assert breaker.allow()
    breaker.record_success()
    breaker.record_failure()
    assert breaker.current_cooldown_s == 10, "a successful probe resets the cooldown"


def test_a_server_silent_for_a_whole_deadline_opens_the_breaker_at_once():
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=5, cooldown_s=10, clock=clock, silence_s=120)
    sent = breaker.now()
    clock.advance(120)
    assert breaker.record_timeout(sent) is True, "a silent server must not cost five deadlines"
    assert breaker.state == "open" and breaker.allow() is False


def test_short_timeouts_or_a_server_answering_others_are_ordinary_failures():
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=3, cooldown_s=10, clock=clock, silence_s=120)
    sent = breaker.now()
    clock.advance(30)
    assert breaker.record_timeout(sent) is False, "30 s of silence is not yet a dead server"
    clock.advance(5)
    breaker.record_success()  # another request was answered after ours was sent
    clock.advance(115)
    assert [breaker.record_timeout(sent) for _ in range(3)] == [False, False, True]


def test_threshold_must_be_positive():
    with pytest.raises(ValueError):
        CircuitBreaker(failure_threshold=0)
