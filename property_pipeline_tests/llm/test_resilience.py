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


def test_failed_probe_reopens_for_a_full_cooldown():
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, cooldown_s=10, clock=clock)
    breaker.record_failure()
    clock.advance(10)
    assert breaker.allow()
    assert breaker.record_failure() is True
    assert breaker.state == "open" and breaker.opens == 2
    clock.advance(5)
    assert breaker.allow() is False
    clock.advance(5)
    assert breaker.allow() is True


def test_a_probe_that_never_reports_does_not_wedge_the_breaker():
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, cooldown_s=10, clock=clock)
    breaker.record_failure()
    clock.advance(10)
    assert breaker.allow()
    clock.advance(10)
    assert breaker.allow(), "a lost probe must be replaced after another cooldown"


def test_threshold_must_be_positive():
    with pytest.raises(ValueError):
        CircuitBreaker(failure_threshold=0)
