"""Retry timing and a circuit breaker, free of I/O so they can be tested with a fake clock."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from typing import Literal

BreakerState = Literal["closed", "open", "half_open"]


def backoff_delays(
    retries: int, base_s: float, max_s: float, rng: random.Random | None = None
) -> list[float]:
    """Exponential backoff with full jitter, one delay per retry.

    Full jitter (uniform between 0 and the exponential cap) spreads out the
    retries of many concurrent callers that failed together, so they do not hit
    a recovering server in one burst.
    """
    uniform = (rng or random).uniform
    return [uniform(0.0, min(max_s, base_s * 2**attempt)) for attempt in range(retries)]


class CircuitBreaker:
    """Stops calls to a server that keeps failing, then lets one probe test it.

    closed: calls pass, consecutive failures are counted.
    open: calls are rejected until `cooldown_s` has passed.
    half_open: exactly one probe passes; its success closes the breaker, its
    failure opens it again for another cooldown.
    """

    def __init__(
        self,
        failure_threshold: int = 5,
        cooldown_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be at least 1")
        self.failure_threshold = failure_threshold
        self.cooldown_s = cooldown_s
        self._clock = clock
        self._lock = threading.Lock()
        self._state: BreakerState = "closed"
        self._failures = 0
        self._opened_at = 0.0
        self._probe_started_at = 0.0
        self.opens = 0

    @property
    def state(self) -> BreakerState:
        with self._lock:
            return self._state

    def allow(self) -> bool:
        with self._lock:
            now = self._clock()
            if self._state == "closed":
                return True
            if self._state == "open":
                if now - self._opened_at < self.cooldown_s:
                    return False
                self._state = "half_open"
                self._probe_started_at = now
                return True
            # A probe whose caller was cancelled never reports back; after a
            # further cooldown another probe is allowed so the breaker cannot
            # stay half-open forever.
            if now - self._probe_started_at >= self.cooldown_s:
                self._probe_started_at = now
                return True
            return False

    def record_success(self) -> None:
        with self._lock:
            self._state = "closed"
            self._failures = 0

    def record_failure(self) -> bool:
        """Count a failure; True if this failure opened the breaker."""
        with self._lock:
            if self._state == "open":
                return False
            if self._state == "closed":
                self._failures += 1
                if self._failures < self.failure_threshold:
                    return False
            self._state = "open"
            self._opened_at = self._clock()
            self._failures = 0
            self.opens += 1
            return True
