"""Several Ollama servers as one `StructuredLLM`: slots, per-server breakers, failover.

`OLLAMA_HOST=http://gpu1:11434=4,http://gpu2:11434=2` names two servers with 4 and 2
generation slots (a server without `=k` gets the default, `OLLAMA_NUM_PARALLEL`). Each
server is an `OllamaClient` with its own circuit breaker; the pool

- sends each request to the least-loaded server that has a free slot and a closed breaker
  (a server whose breaker is due for its half-open probe gets one request as the probe,
  and rejoins when it succeeds);
- retries a request that failed on one server (unreachable, timeout, 5xx, dropped
  connection: the server died mid-run) on another server at once, backing off only when
  every server was tried, all within the request's deadline;
- rejects a request at once (`circuit_open`) when every server's breaker is open, so the
  extractor falls back to the rules instead of waiting.

Slots are counted per event loop (the pipeline runs one `asyncio.run` per partition), like
the client's own HTTP connections.
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
import weakref
from dataclasses import dataclass, field

from ..settings import default
from .base import HealthReport, LLMError, LLMReply, percentile
from .ollama import DEFAULT_MODEL, OllamaClient, model_matches, normalize_host
from .resilience import backoff_delays

# Failures of one server that another may not have: outages, garbage replies, a model not pulled.
FAILOVER_KINDS = frozenset(
    ("unreachable", "timeout", "server_error", "busy", "circuit_open", "protocol", "model_missing")
)


@dataclass(frozen=True)
class ServerSpec:
    host: str
    slots: int


def parse_hosts(spec: str, default_slots: int = 1) -> list[ServerSpec]:
    """`"http://gpu1:11434=4, gpu2"` -> [(http://gpu1:11434, 4), (http://gpu2:11434, default)]."""
    servers: list[ServerSpec] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        host, _, slots = part.rpartition("=") if "=" in part else (part, "", "")
        try:
            count = int(slots) if slots else default_slots
        except ValueError:
            raise ValueError(f"OLLAMA_HOST entry {part!r}: the slot count after '=' must be a whole number") from None
        if count < 1:
            raise ValueError(f"OLLAMA_HOST entry {part!r}: a server needs at least one slot")
        servers.append(ServerSpec(normalize_host(host), count))
    if not servers:
        raise ValueError("OLLAMA_HOST names no server")
    if len({s.host for s in servers}) != len(servers):
        raise ValueError(f"OLLAMA_HOST names a server twice: {spec!r}")
    return servers


@dataclass
class _LoopSlots:
    in_flight: dict[str, int]
    freed: asyncio.Condition = field(default_factory=asyncio.Condition)


class _PoolStats:
    """The pool's counters: its servers' statistics summed, plus failovers between servers."""

    def __init__(self, clients: list[OllamaClient]) -> None:
        self._clients = clients
        self.failovers = 0
        self._lock = threading.Lock()

    def add_failover(self) -> None:
        with self._lock:
            self.failovers += 1

    def snapshot(self) -> dict[str, float | int | None]:
        totals: dict[str, float | int | None] = {}
        latencies: list[float] = []
        for client in self._clients:
            for name, value in client.stats.snapshot().items():
                if not name.startswith("latency"):
                    totals[name] = (totals.get(name) or 0) + (value or 0)
            with client.stats._lock:
                latencies += client.stats.latencies_ms
        latencies.sort()
        totals["latency_p50_ms"] = percentile(latencies, 50)
        totals["latency_p95_ms"] = percentile(latencies, 95)
        totals["failovers"] = self.failovers
        return totals


class OllamaPool:
    """`StructuredLLM` over several Ollama servers (see the module docstring)."""

    def __init__(
        self,
        servers: list[ServerSpec],
        *,
        model: str = DEFAULT_MODEL,
        deadline_s: float = default("ollama_deadline_s"),
        max_retries: int = default("ollama_max_retries"),
        backoff_base_s: float = default("ollama_backoff_base_s"),
        backoff_max_s: float = default("ollama_backoff_max_s"),
        rng: random.Random | None = None,
        **client_options,
    ) -> None:
        if not servers:
            raise ValueError("a pool needs at least one server")
        self.model = model
        self.deadline_s = deadline_s
        self.max_retries = max_retries
        self.backoff_base_s = backoff_base_s
        self.backoff_max_s = backoff_max_s
        self._rng = rng or random.Random()
        self.slots = {s.host: s.slots for s in servers}
        # Each server's client makes one attempt per call: retrying is the pool's job, on
        # another server when there is one.
        self.clients = {
            s.host: OllamaClient(
                host=s.host, model=model, max_in_flight=s.slots, deadline_s=deadline_s, max_retries=0,
                **client_options,
            )
            for s in servers
        }
        self.max_in_flight = sum(self.slots.values())
        self.stats = _PoolStats(list(self.clients.values()))
        self._loops: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopSlots] = weakref.WeakKeyDictionary()
        self._loops_lock = threading.Lock()

    def __repr__(self) -> str:
        servers = ", ".join(f"{host}={slots}" for host, slots in self.slots.items())
        return f"OllamaPool({servers}, model={self.model!r})"

    def _loop_slots(self) -> _LoopSlots:
        loop = asyncio.get_running_loop()
        with self._loops_lock:
            state = self._loops.get(loop)
            if state is None:
                state = self._loops[loop] = _LoopSlots(dict.fromkeys(self.slots, 0))
            return state

    def _pick(self, state: _LoopSlots, tried: set[str]) -> tuple[str | None, bool]:
        """(server with a free slot, or None; whether any server can take requests at all).

        A request that failed on a server waits for a slot on one it has not tried rather than
        going straight back to the one that just failed it; among those, the least loaded. A
        server whose breaker is open and not yet due for a probe is skipped.
        """
        usable = [h for h, c in self.clients.items() if c.breaker.ready()]
        candidates = [h for h in usable if h not in tried] or usable
        free = [h for h in candidates if state.in_flight[h] < self.slots[h]]
        if not free:
            return None, bool(usable)
        return min(free, key=lambda h: state.in_flight[h] / self.slots[h]), True

    async def _acquire(self, state: _LoopSlots, tried: set[str], deadline: float) -> str:
        async with state.freed:
            while True:
                host, any_usable = self._pick(state, tried)
                if host is not None:
                    state.in_flight[host] += 1
                    return host
                if not any_usable:
                    raise LLMError(
                        "circuit_open",
                        f"every Ollama server's circuit is open ({', '.join(self.clients)})",
                        model=self.model,
                    )
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise LLMError("timeout", "no free slot on any Ollama server before the deadline", model=self.model)
                try:
                    # Wake up at least every second: a breaker may become due for its probe.
                    await asyncio.wait_for(state.freed.wait(), timeout=min(remaining, 1.0))
                except TimeoutError:
                    pass

    async def _release(self, state: _LoopSlots, host: str) -> None:
        async with state.freed:
            state.in_flight[host] -= 1
            state.freed.notify()

    async def chat_json(self, messages: list[dict], schema: dict, *, num_predict: int | None = None) -> LLMReply:
        """One completion from some server within `deadline_s`; failures move to another server."""
        state = self._loop_slots()
        deadline = time.monotonic() + self.deadline_s
        delays = backoff_delays(self.max_retries, self.backoff_base_s, self.backoff_max_s, self._rng)
        tried: set[str] = set()
        attempt = 0
        while True:
            attempt += 1
            host = await self._acquire(state, tried, deadline)
            try:
                return await self.clients[host].chat_json(
                    messages, schema, num_predict=num_predict, deadline_s=deadline - time.monotonic()
                )
            except LLMError as error:
                if error.kind == "model_missing":
                    # This server lacks the model; others may have it. Keep requests away until a probe.
                    self.clients[host].breaker.trip()
                if error.kind == "circuit_open":
                    # Never sent: the breaker opened while this request waited. Not an attempt.
                    attempt -= 1
                if error.kind not in FAILOVER_KINDS or attempt > self.max_retries:
                    raise
                last = error
            finally:
                await self._release(state, host)
            tried.add(host)
            self.stats.add_failover()
            if tried >= {h for h, c in self.clients.items() if c.breaker.ready()}:
                # Every server that can take requests failed once: back off before the next round.
                delay = delays[min(attempt, len(delays)) - 1] if delays else 0.0
                if time.monotonic() + delay >= deadline:
                    raise last
                tried.clear()
                await asyncio.sleep(delay)

    def server_reports(self) -> list[dict]:
        """Per server: host, slots, reachable, version, model pulled, breaker state, problems."""
        reports = []
        for host, client in self.clients.items():
            health = client.health()
            reachable = health.server_version is not None
            reports.append(
                {
                    "host": host,
                    "slots": self.slots[host],
                    "reachable": reachable,
                    "version": health.server_version,
                    "model_pulled": reachable and any(_same_model(self.model, m) for m in health.models_available),
                    "breaker": client.breaker.state,
                    "ok": health.ok,
                    "problems": health.problems,
                }
            )
        return reports

    def health(self) -> HealthReport:
        """OK when at least one server can serve; problems name every server that cannot."""
        reports = self.server_reports()
        problems = [p for r in reports for p in r["problems"]]
        healthy = [r for r in reports if r["ok"]]
        versions = sorted({r["version"] for r in healthy if r["version"]})
        return HealthReport(
            ok=bool(healthy),
            problems=problems if not healthy else [f"degraded: {p}" for p in problems],
            server_version=", ".join(versions) or None,
            models_available=sorted({self.model} if healthy else set()),
        )


def _same_model(wanted: str, available: str) -> bool:
    return model_matches(wanted, available)


def server_reports(llm: object) -> list[dict]:
    """The per-server report `doctor` prints, for a single client or a pool."""
    if isinstance(llm, OllamaPool):
        return llm.server_reports()
    if isinstance(llm, OllamaClient):
        health = llm.health()
        reachable = health.server_version is not None
        return [
            {
                "host": llm.host,
                "slots": llm.max_in_flight,
                "reachable": reachable,
                "version": health.server_version,
                "model_pulled": reachable and any(_same_model(llm.model, m) for m in health.models_available),
                "breaker": llm.breaker.state,
                "ok": health.ok,
                "problems": health.problems,
            }
        ]
    return []


def format_server_reports(reports: list[dict]) -> list[str]:
    """One line per server, for `doctor`."""
    lines = []
    for r in reports:
        state = "ok" if r["ok"] else "PROBLEM"
        lines.append(
            f"  {r['host']}: {state}; reachable={'yes' if r['reachable'] else 'no'}, version={r['version'] or '-'}, "
            f"model pulled={'yes' if r['model_pulled'] else 'no'}, slots={r['slots']}, breaker={r['breaker']}"
        )
        lines += [f"    - {p}" for p in r["problems"]]
    return lines


def build_ollama_llm(host_spec: str, *, max_in_flight: int = 1, **options) -> OllamaClient | OllamaPool:
    """A client for one server (as before), a pool for several (`OLLAMA_HOST=a=4,b=2`)."""
    servers = parse_hosts(host_spec, default_slots=max_in_flight)
    if len(servers) == 1:
        return OllamaClient(host=servers[0].host, max_in_flight=servers[0].slots, **options)
    pool_keys = ("model", "deadline_s", "max_retries", "backoff_base_s", "backoff_max_s")
    pool_options = {k: options.pop(k) for k in pool_keys if k in options}
    return OllamaPool(servers, **pool_options, **options)
