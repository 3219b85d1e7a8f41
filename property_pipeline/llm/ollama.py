"""`StructuredLLM` backed by an Ollama server, through the official `ollama` client."""

from __future__ import annotations

import asyncio
import json
import random
import re
import threading
import time
import urllib.parse
import weakref
from collections.abc import AsyncGenerator, Awaitable, Callable
from dataclasses import dataclass

import httpx
import ollama
import pydantic

from property_pipeline.llm.base import HealthReport, LLMError, LLMReply, LLMStats
from property_pipeline.llm.resilience import CircuitBreaker, backoff_delays
from property_pipeline.settings import default

# The defaults are the settings' (settings.py), written there once.
DEFAULT_HOST = default("ollama_host")
DEFAULT_MODEL = default("ollama_model")
# JSON-schema values for `format` (structured outputs) arrived in Ollama 0.5.0;
# older servers ignore the schema and return free-form text.
MIN_SERVER_VERSION = (0, 5, 0)


def normalize_host(host: str) -> str:
    """Turn what people put in OLLAMA_HOST ("localhost", "gpu:11434") into a base URL."""
    host = host.strip().rstrip("/")
    if "://" not in host:
        host = f"http://{host}"
    parts = urllib.parse.urlsplit(host)
    if parts.port is None and parts.scheme == "http" and not parts.path:
        host = f"{parts.scheme}://{parts.hostname}:11434"
    return host


def model_matches(wanted: str, available: str) -> bool:
    """Ollama treats a name without a tag as ":latest"."""

    def full(name: str) -> str:
        return name if ":" in name.rsplit("/", 1)[-1] else f"{name}:latest"

    return full(wanted) == full(available)


def _parse_version(text: str) -> tuple[int, int, int] | None:
    match = re.match(r"v?(\d+)\.(\d+)\.(\d+)", text.strip())
    return tuple(int(g) for g in match.groups()) if match else None  # type: ignore[return-value]


@dataclass
class _LoopState:
    client: ollama.AsyncClient
    semaphore: asyncio.Semaphore
    closer: AsyncGenerator[None, None] | None = None


class OllamaClient:
    """Structured JSON completions from Ollama, with bounded concurrency, retries and a breaker.

    One instance is meant to live for the whole process and be used from
    several `asyncio.run` calls: httpx clients and semaphores are bound to the
    event loop that first uses them, so each loop gets its own; the statistics
    and the circuit breaker are shared, because they describe the server.
    """

    def __init__(
        self,
        *,
        host: str = DEFAULT_HOST,
        model: str = DEFAULT_MODEL,
        timeout_s: float = default("ollama_timeout_s"),
        deadline_s: float = default("ollama_deadline_s"),
        max_in_flight: int = 1,
        temperature: float = default("llm_temperature"),
        seed: int | None = default("llm_seed"),
        num_ctx: int | None = default("num_ctx"),
        keep_alive: str | float | None = default("ollama_keep_alive"),
        max_retries: int = default("ollama_max_retries"),
        backoff_base_s: float = default("ollama_backoff_base_s"),
        backoff_max_s: float = default("ollama_backoff_max_s"),
        breaker_failure_threshold: int = default("ollama_breaker_failure_threshold"),
        breaker_cooldown_s: float = default("ollama_breaker_cooldown_s"),
        breaker_max_cooldown_s: float = default("ollama_breaker_max_cooldown_s"),
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        if max_in_flight < 1:
            raise ValueError("max_in_flight must be at least 1")
        if deadline_s <= 0 or timeout_s <= 0:
            raise ValueError("timeout_s and deadline_s must be positive")
        self.host = normalize_host(host)
        self.model = model
        self.timeout_s = timeout_s
        # Per request, all attempts and backoff sleeps included: what one record can cost.
        self.deadline_s = deadline_s
        self.max_in_flight = max_in_flight
        self.temperature = temperature
        self.seed = seed
        self.num_ctx = num_ctx
        self.keep_alive = keep_alive
        self.max_retries = max_retries
        self.backoff_base_s = backoff_base_s
        self.backoff_max_s = backoff_max_s
        self.breaker = CircuitBreaker(
            breaker_failure_threshold,
            breaker_cooldown_s,
            clock,
            max_cooldown_s=breaker_max_cooldown_s,
            silence_s=deadline_s,
        )
        self.stats = LLMStats()
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._loops: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopState] = (
            weakref.WeakKeyDictionary()
        )
        self._loops_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"OllamaClient(host={self.host!r}, model={self.model!r}, max_in_flight={self.max_in_flight})"

    async def _loop_state(self) -> _LoopState:
        loop = asyncio.get_running_loop()
        with self._loops_lock:
            state = self._loops.get(loop)
            if state is not None:
                return state
            state = _LoopState(
                client=ollama.AsyncClient(host=self.host, timeout=self.timeout_s),
                semaphore=asyncio.Semaphore(self.max_in_flight),
            )
            self._loops[loop] = state
        # asyncio.run finalizes the loop's async generators before closing it;
        # parking one here closes the HTTP connections even when the caller
        # never calls `aclose()`.
        state.closer = self._close_with_loop(loop, state)
        await anext(state.closer)
        return state

    async def _close_with_loop(
        self, loop: asyncio.AbstractEventLoop, state: _LoopState
    ) -> AsyncGenerator[None, None]:
        try:
            yield
        finally:
            with self._loops_lock:
                if self._loops.get(loop) is state:
                    del self._loops[loop]
            await state.client.close()

    async def aclose(self) -> None:
        """Close the running event loop's HTTP connections now rather than at loop shutdown."""
        with self._loops_lock:
            state = self._loops.get(asyncio.get_running_loop())
        if state is not None and state.closer is not None:
            await state.closer.aclose()

    def _options(self, num_predict: int | None) -> dict:
        options = {
            "temperature": self.temperature,
            "seed": self.seed,
            "num_ctx": self.num_ctx,
            "num_predict": num_predict,
        }
        return {k: v for k, v in options.items() if v is not None}

    async def chat_json(
        self, messages: list[dict], schema: dict, *, num_predict: int | None = None, deadline_s: float | None = None
    ) -> LLMReply:
        """One completion within `deadline_s` (the client's unless given), every retry and backoff included."""
        state = await self._loop_state()
        delays = backoff_delays(self.max_retries, self.backoff_base_s, self.backoff_max_s, self._rng)
        deadline = first_sent_at = 0.0
        attempt = 0
        while True:
            attempt += 1
            async with state.semaphore:
                # Asked after the wait for a local slot: requests queued behind a server
                # that just went silent must not be sent to it.
                self._raise_if_open(attempt - 1)
                if attempt == 1:
                    # The deadline starts with the first send, not with the wait for a slot:
                    # that wait is bounded by the requests ahead, each under its own deadline.
                    limit = self.deadline_s if deadline_s is None else min(self.deadline_s, deadline_s)
                    deadline, first_sent_at = time.monotonic() + limit, self.breaker.now()
                try:
                    reply = await self._send(state, messages, schema, num_predict, deadline, attempt)
                except Exception as exc:
                    error = self._classify(exc, attempt)
                    if error is None:
                        raise
                    self._record_failure(error, first_sent_at)
                    cause: Exception | None = exc
                else:
                    cause = None
            if cause is None:
                self.breaker.record_success()
                self.stats.record_success(reply)
                return reply
            delay = delays[attempt - 1] if attempt <= len(delays) else None
            if not error.retryable or delay is None or time.monotonic() + delay >= deadline:
                self.stats.add(failures=1)
                raise error from cause
            self.stats.add(retries=1)
            await self._sleep(delay)

    def _raise_if_open(self, attempts: int) -> None:
        if self.breaker.allow():
            return
        self.stats.add(failures=1)
        raise LLMError(
            "circuit_open",
            f"not calling the server: it stopped answering (breaker open, {self.breaker.opens} opening(s)); "
            f"next probe within {self.breaker.current_cooldown_s:g}s",
            host=self.host,
            model=self.model,
            attempts=attempts,
        )

    async def _send(
        self, state: _LoopState, messages: list[dict], schema: dict, num_predict: int | None,
        deadline: float, attempt: int,
    ) -> LLMReply:
        """One HTTP attempt, cut off at the per-attempt timeout or the overall deadline.

        httpx's own timeout applies per socket operation, so a server that trickles bytes
        never trips it; `wait_for` bounds the whole exchange.
        """
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("overall deadline reached")
        self.stats.add(calls=1)
        started = time.perf_counter()
        response = await asyncio.wait_for(
            state.client.chat(
                model=self.model,
                messages=messages,
                format=schema,
                options=self._options(num_predict),
                keep_alive=self.keep_alive,
                stream=False,
            ),
            timeout=min(self.timeout_s, remaining),
        )
        return LLMReply(
            content=response.message.content or "",
            model=response.model or self.model,
            prompt_tokens=response.prompt_eval_count,
            completion_tokens=response.eval_count,
            latency_ms=(time.perf_counter() - started) * 1000,
            done_reason=response.done_reason,
            attempts=attempt,
        )

    def _record_failure(self, error: LLMError, waiting_since: float) -> None:
        """Tell the breaker what the failure says about the server's health."""
        if error.kind == "timeout":
            opened = self.breaker.record_timeout(waiting_since)
        elif error.retryable or error.kind == "protocol":
            opened = self.breaker.record_failure()
        else:
            # A 404 or 400 proves the server is up and answering.
            self.breaker.record_success()
            opened = False
        if opened:
            self.stats.add(circuit_opens=1)

    def _classify(self, exc: Exception, attempt: int) -> LLMError | None:
        """Map a client exception to an `LLMError`; None for exceptions that are bugs, not outages."""
        def error(kind, message, status_code=None) -> LLMError:
            return LLMError(
                kind, message, host=self.host, model=self.model, status_code=status_code, attempts=attempt
            )

        if isinstance(exc, ollama.ResponseError):
            status = exc.status_code
            if status == 404:
                return error(
                    "model_missing",
                    f"{exc.error}; run `ollama pull {self.model}` on the server",
                    status,
                )
            if status in (429, 503):
                return error("busy", f"server busy: {exc.error}", status)
            if 500 <= status < 600:
                return error("server_error", f"server error: {exc.error}", status)
            if 400 <= status < 500:
                return error("bad_request", f"request rejected: {exc.error}", status)
            return error("protocol", f"unexpected response: {exc.error}", status)
        if isinstance(exc, (httpx.TimeoutException, TimeoutError)):
            return error(
                "timeout",
                f"no reply in time (per attempt {self.timeout_s:g}s, whole request {self.deadline_s:g}s; "
                f"{type(exc).__name__})",
            )
        if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)):
            # The server accepted the request and then went away: typically a
            # runner crash or restart mid-generation, worth another attempt.
            return error("server_error", f"connection dropped before a full reply: {exc}")
        if isinstance(exc, (ConnectionError, httpx.TransportError)):
            return error("unreachable", f"cannot connect: {exc}")
        if isinstance(exc, (json.JSONDecodeError, pydantic.ValidationError)):
            return error("protocol", f"reply is not an Ollama chat response: {exc}")
        return None

    def health(self) -> HealthReport:
        """Check, without generating anything, that the server can serve this client."""
        problems: list[str] = []
        timeout = min(self.timeout_s, 10.0)
        with httpx.Client(base_url=self.host, timeout=timeout) as http:
            try:
                version = http.get("/api/version").raise_for_status().json().get("version")
                tags = http.get("/api/tags").raise_for_status().json().get("models") or []
            except httpx.HTTPError as exc:
                return HealthReport(
                    ok=False,
                    problems=[
                        f"Ollama server unreachable at {self.host} ({type(exc).__name__}: {exc}); "
                        "start it with `ollama serve` or point OLLAMA_HOST at a running server"
                    ],
                    server_version=None,
                )
        parsed = _parse_version(version or "")
        # Source builds report 0.0.0; they are not old, just unversioned.
        if parsed is not None and parsed != (0, 0, 0) and parsed < MIN_SERVER_VERSION:
            problems.append(
                f"Ollama {version} at {self.host} is too old for structured outputs: JSON-schema "
                f"`format` needs Ollama >= {'.'.join(map(str, MIN_SERVER_VERSION))}; upgrade the server"
            )
        names = [m.get("name") or m.get("model") or "" for m in tags]
        if not any(model_matches(self.model, name) for name in names):
            problems.append(
                f"model {self.model!r} is not pulled on {self.host} "
                f"(available: {', '.join(names) or 'none'}); run `ollama pull {self.model}`"
            )
        return HealthReport(ok=not problems, problems=problems, server_version=version, models_available=names)
