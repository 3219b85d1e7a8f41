"""The LLM protocol the extractor depends on, and the values it exchanges.

Every implementation (Ollama over HTTP, embedded llama.cpp, a test double)
answers one question: "complete these messages as JSON matching this schema".
Failures are reported as `LLMError` with a `kind`, so the extractor can decide
between retrying later (dead letter for replay) and giving up, without knowing
which backend produced the error.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

ErrorKind = Literal[
    "unreachable",
    "timeout",
    "server_error",
    "busy",
    "model_missing",
    "bad_request",
    "circuit_open",
    "protocol",
]

RETRYABLE_KINDS: frozenset[str] = frozenset({"unreachable", "timeout", "server_error", "busy"})


@dataclass(frozen=True)
class LLMReply:
    content: str
    model: str
    prompt_tokens: int | None
    completion_tokens: int | None
    # Latency of the request that produced this reply, not of the whole call:
    # backoff sleeps and queueing for a slot would otherwise hide server speed.
    latency_ms: float
    # "length" means the model hit num_predict and the JSON is likely cut off.
    done_reason: str | None
    attempts: int


class LLMError(Exception):
    """A completion that did not happen; `kind` says why, `retryable` whether trying again may help."""

    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        *,
        host: str | None = None,
        model: str | None = None,
        status_code: int | None = None,
        attempts: int = 1,
    ) -> None:
        where = ", ".join(f"{k}={v}" for k, v in (("host", host), ("model", model)) if v)
        super().__init__(f"[{kind}] {message}" + (f" ({where})" if where else ""))
        self.kind = kind
        self.host = host
        self.model = model
        self.status_code = status_code
        self.attempts = attempts

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE_KINDS


@dataclass
class HealthReport:
    ok: bool
    problems: list[str]
    server_version: str | None
    models_available: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        if self.ok:
            return f"ok (server {self.server_version})"
        return "; ".join(self.problems)


def percentile(sorted_values: list[float], pct: float) -> float | None:
    if not sorted_values:
        return None
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


@dataclass
class LLMStats:
    """Counters shared by every call of one client.

    Calls may come from several event loops in several threads (one
    `asyncio.run` per partition), hence the lock.
    """

    calls: int = 0
    successes: int = 0
    retries: int = 0
    failures: int = 0
    circuit_opens: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, **increments: int) -> None:
        with self._lock:
            for name, value in increments.items():
                setattr(self, name, getattr(self, name) + value)

    def record_success(self, reply: LLMReply) -> None:
        with self._lock:
            self.successes += 1
            self.prompt_tokens += reply.prompt_tokens or 0
            self.completion_tokens += reply.completion_tokens or 0
            self.latencies_ms.append(reply.latency_ms)

    def snapshot(self) -> dict[str, float | int | None]:
        with self._lock:
            latencies = sorted(self.latencies_ms)
            return {
                "calls": self.calls,
                "successes": self.successes,
                "retries": self.retries,
                "failures": self.failures,
                "circuit_opens": self.circuit_opens,
                "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
                "latency_p50_ms": percentile(latencies, 50),
                "latency_p95_ms": percentile(latencies, 95),
            }


@runtime_checkable
class StructuredLLM(Protocol):
    model: str
    # How many requests the caller may usefully keep in flight; the extractor
    # sizes its own concurrency from this rather than guessing.
    max_in_flight: int
    stats: LLMStats

    async def chat_json(
        self, messages: list[dict], schema: dict, *, num_predict: int | None = None
    ) -> LLMReply: ...

    def health(self) -> HealthReport: ...
