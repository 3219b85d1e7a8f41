"""Retry timing and a circuit breaker, free of I/O so they can be tested with a fake clock."""

from __future__ import annotations

import math
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
    open: calls are rejected until the cooldown has passed.
    half_open: exactly one probe passes; its success closes the breaker, its
    failure opens it again for twice the previous cooldown (up to `max_cooldown_s`),
    so a server that stays dead costs one probe per growing interval, not one per
    `cooldown_s`.

    Timeouts are judged apart from other failures (`record_timeout`): when the
    server has answered nothing for `silence_s` (the client's per-request
    deadline) while a request waited, it is silent, not busy, and the breaker
    opens at once: waiting for `failure_threshold` timeouts would cost that many
    full deadlines per partition. A timeout while the server still answers other
    requests is an ordinary failure.
    """

    def __init__(
        self,
        failure_threshold: int = 5,
        cooldown_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        max_cooldown_s: float | None = None,
        silence_s: float | None = None,
    ) -> None:
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be at least 1")
        self.failure_threshold = failure_threshold
        self.cooldown_s = cooldown_s
        self.max_cooldown_s = max(cooldown_s, max_cooldown_s if max_cooldown_s is not None else 10 * cooldown_s)
        self.silence_s = silence_s
        self._clock = clock
        self._lock = threading.Lock()
        self._state: BreakerState = "closed"
        self._failures = 0
        self._cooldown = cooldown_s
        self._opened_at = 0.0
        self._probe_started_at = 0.0
        self._last_success_at = -math.inf
        self.opens = 0

    @property
    def state(self) -> BreakerState:
        with self._lock:
            return self._state

    @property
    def current_cooldown_s(self) -> float:
        """How long the breaker stays open this time (doubles with every failed probe)."""
        with self._lock:
            return self._cooldown

    def allow(self) -> bool:
        with self._lock:
            now = self._clock()
            if self._state == "closed":
                return True
            if self._state == "open":
                if now - self._opened_at < self._cooldown:
                    return False
                self._state = "half_open"
                self._probe_started_at = now
                return True
            # A probe whose caller was cancelled never reports back; after a
            # further cooldown another probe is allowed so the breaker cannot
            # stay half-open forever.
            if now - self._probe_started_at >= self._cooldown:
                self._probe_started_at = now
                return True
            return False

    def ready(self) -> bool:
        """Whether `allow()` would let a call through now, without taking the half-open probe."""
        with self._lock:
            now = self._clock()
            if self._state == "closed":
                return True
            since = self._opened_at if self._state == "open" else self._probe_started_at
            return now - since >= self._cooldown

    def trip(self) -> None:
        """Open now, whatever the count: the caller knows the server cannot serve (model not pulled)."""
        with self._lock:
            if self._state != "open":
                self._trip()

    def record_success(self) -> None:
        with self._lock:
            self._state = "closed"
            self._failures = 0
            self._cooldown = self.cooldown_s
            self._last_success_at = self._clock()

    def record_failure(self) -> bool:
        """Count a failure; True if this failure opened the breaker."""
        with self._lock:
            if self._state == "open":
                return False
            if self._state == "closed":
                self._failures += 1
                if self._failures < self.failure_threshold:
                    return False
            return self._trip()

    def record_timeout(self, waiting_since: float) -> bool:
        """A request waiting since `waiting_since` (this breaker's clock) got no reply in time.

        Opens the breaker now when the server has answered nothing for `silence_s`;
        otherwise counts one ordinary failure. True if it opened.
        """
        with self._lock:
            silent_for = self._clock() - max(self._last_success_at, waiting_since)
            if self._state != "open" and self.silence_s is not None and silent_for >= self.silence_s:
                return self._trip()
        return self.record_failure()

    def now(self) -> float:
        """The breaker's clock, for stamping `record_timeout`'s `sent_at`."""
        return self._clock()

    def _trip(self) -> bool:
        # Called with the lock held. A failed probe doubles the cooldown.
        if self._state == "half_open":
            self._cooldown = min(self.max_cooldown_s, self._cooldown * 2)
        self._state = "open"
        self._opened_at = self._clock()
        self._failures = 0
        self.opens += 1
        return True
