"""A loopback server speaking the Ollama REST API, for tests that use the real client over real HTTP.

    with FakeOllama(responder=lambda req: {"price": 1}) as srv:
        client = OllamaClient(host=srv.url)
        srv.inject("503")  # the next chat request gets "server busy"

It mimics what the client sees from Ollama: response shapes, error wording and
status codes, a fixed number of generation slots with a bounded queue, and
failures such as dropped connections. Generation itself is a function
(`responder` for just the content, `generate` for the whole result), so a test
can plug in canned answers or an embedded model.
"""

from __future__ import annotations

import json
import math
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FAULTS = (
    "refused",
    "drop",
    "400",
    "404",
    "500",
    "503",
    "slow",
    "invalid_json",
    "schema_break",
    "length",
    "hang",
    "trickle",
    "garbage",
)
# hang: read the request, never answer (a wedged runner behind a live listener).
# trickle: answer 200 and send the body one byte per `delay_s` (0.2 s by default), so no
# single socket read ever times out.
BUSY_MESSAGE = "server busy, please try again.  maximum pending requests exceeded"
ERROR_REPLIES = {
    "500": (500, "llama runner process has terminated: exit status 2"),
    "503": (503, BUSY_MESSAGE),
}


@dataclass
class Generation:
    content: str
    prompt_eval_count: int | None = None
    eval_count: int | None = None
    done_reason: str = "stop"


def _full_name(name: str) -> str:
    return name if ":" in name.rsplit("/", 1)[-1] else f"{name}:latest"


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def _break_schema(content: str) -> str:
    """Valid JSON that a schema-constrained model should never produce: a key missing, a type wrong."""
    try:
        value = json.loads(content)
    except json.JSONDecodeError:
        value = None
    if not isinstance(value, dict) or not value:
        return json.dumps({"unexpected_key": None})
    keys = list(value)
    first = keys[0]
    value[first] = 12345 if isinstance(value[first], str) else "not a number"
    if len(keys) > 1:
        del value[keys[-1]]
    return json.dumps(value)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # socketserver's default backlog of 5 makes bursts of connections wait for
    # SYN retransmits (about a second), which a real server would not cause.
    request_queue_size = 128
    fake: FakeOllama

    def handle_error(self, request, client_address) -> None:
        # Clients hanging up on a slow or dropped reply is part of the tests.
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; without NODELAY, Nagle plus the
        # client's delayed ACK adds ~40 ms to every reply and skews throughput figures.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.fake._track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.fake._track(self.connection, add=False)

    def _body(self) -> dict:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        return json.loads(raw) if raw else {}

    def send_json(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        fake = self.server.fake
        if self.path == "/api/version":
            self.send_json(200, {"version": fake.version})
        elif self.path == "/api/tags":
            self.send_json(200, {"models": [fake._model_entry(m) for m in fake.models]})
        elif self.path == "/api/ps":
            self.send_json(200, {"models": [fake._model_entry(m) for m in sorted(fake._loaded)]})
        elif self.path == "/":
            self.send_json(200, {"status": "Ollama is running"})
        else:
            self.send_json(404, {"error": "404 page not found"})

    def do_POST(self) -> None:
        fake = self.server.fake
        try:
            body = self._body()
        except json.JSONDecodeError as exc:
            self.send_json(400, {"error": f"invalid character in request body: {exc}"})
            return
        if self.path == "/api/chat":
            fake._chat(self, body)
        elif self.path == "/api/show":
            name = body.get("model") or body.get("name") or ""
            if not fake.has_model(name):
                self.send_json(404, {"error": f"model '{name}' not found"})
            else:
                self.send_json(200, fake._show(name))
        else:
            self.send_json(404, {"error": "404 page not found"})


class FakeOllama:
    def __init__(
        self,
        responder: Callable[[dict], str | dict] | None = None,
        *,
        generate: Callable[[dict], Generation] | None = None,
        models: list[str] | None = None,
        version: str = "0.12.0",
        latency_s: float = 0.0,
        slots: int = 4,
        queue_limit: int = 512,
        slow_s: float = 5.0,
        mode: str | None = None,
        max_fields: int | None = None,
        length_reason: str | None = None,
        port: int = 0,
    ) -> None:
        self.responder = responder or (lambda request: "{}")
        self.generate = generate or self._generate_from_responder
        self.models = list(models if models is not None else ["llama3.2:latest"])
        self.version = version
        self.latency_s = latency_s
        self.slots = slots
        self.queue_limit = queue_limit
        self.slow_s = slow_s
        if mode is not None and mode not in FAULTS:
            raise ValueError(f"unknown mode {mode!r}; expected one of {FAULTS}")
        # A fault for every chat request that has no injected one: a server that is broken for good.
        self.mode = mode
        # 0 picks a free port; a fixed one lets a test restart "the same server" after stopping it.
        self.port = port
        # A model whose output budget runs out on requests for more than `max_fields` keys: the
        # reply is cut mid-object with done_reason "length" (or `length_reason`, e.g. "stop" for a
        # proxy that hides it).
        self.max_fields = max_fields
        self.length_reason = length_reason
        self.requests: list[dict] = []
        self.max_concurrent = 0
        self._lock = threading.Lock()
        self._faults: deque[tuple[str, float | None]] = deque()
        self._slots = threading.Semaphore(slots)
        self._waiting = 0
        self._active = 0
        self._loaded: set[str] = set()
        self._connections: set[socket.socket] = set()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeOllama is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def chat_count(self) -> int:
        with self._lock:
            return len(self.requests)

    def inject(self, fault: str, times: int = 1, *, delay_s: float | None = None) -> None:
        """Make the next `times` chat requests fail with `fault` (in order, after earlier injections)."""
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; expected one of {FAULTS}")
        with self._lock:
            self._faults.extend([(fault, delay_s)] * times)

    def has_model(self, name: str) -> bool:
        return any(_full_name(name) == _full_name(m) for m in self.models)

    def start(self) -> FakeOllama:
        self._stopping.clear()
        self._server = _Server(("127.0.0.1", self.port), _Handler)
        self.port = self._server.server_address[1]
        self._server.fake = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        # Wake sleeping generations and cut idle keep-alive connections, so
        # stopping never waits for a slow fault or a pooled client.
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(timeout=2)
        self._server = None

    def __enter__(self) -> FakeOllama:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _track(self, conn: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    def _generate_from_responder(self, request: dict) -> Generation:
        content = self.responder(request)
        if not isinstance(content, str):
            content = json.dumps(content)
        return Generation(content=content)

    def _next_fault(self) -> tuple[str | None, float | None]:
        with self._lock:
            return self._faults.popleft() if self._faults else (self.mode, None)

    def _chat(self, handler: _Handler, body: dict) -> None:
        with self._lock:
            self.requests.append(body)
        fault, delay_s = self._next_fault()
        if self._refuse(handler, body, fault):
            return
        started = time.perf_counter()
        generation = self._generate_in_slot(handler, body, fault, delay_s)
        if generation is None:
            return
        content, done_reason = self._content(body, generation, fault)
        prompt_text = "".join(str(m.get("content", "")) for m in body.get("messages", []))
        elapsed_ns = int((time.perf_counter() - started) * 1e9)
        reply = {
            "model": body.get("model") or "",
            "created_at": _now(),
            "message": {"role": "assistant", "content": content},
            "done": True,
            "done_reason": done_reason,
            "total_duration": elapsed_ns,
            "load_duration": 0,
            "prompt_eval_count": generation.prompt_eval_count or len(prompt_text) // 4 + 1,
            "prompt_eval_duration": elapsed_ns // 4,
            "eval_count": generation.eval_count or len(content) // 4 + 1,
            "eval_duration": elapsed_ns - elapsed_ns // 4,
        }
        if fault == "drop":
            self._send_bytes(handler, json.dumps(reply).encode(), cut=True)
        elif fault == "trickle":
            self._trickle(handler, json.dumps(reply).encode(), delay_s or 0.2)
        elif body.get("stream", True):
            self._stream(handler, reply)
        else:
            handler.send_json(200, reply)

    def _refuse(self, handler: _Handler, body: dict, fault: str | None) -> bool:
        """Answer the faults and bad requests that never reach generation; True if answered."""
        model = body.get("model") or ""
        if fault in ("refused", "hang"):
            if fault == "hang":
                self._stopping.wait()
            handler.close_connection = True
            return True
        if fault == "404" or not self.has_model(model):
            handler.send_json(404, {"error": f'model "{model}" not found, try pulling it first'})
            return True
        fmt = body.get("format")
        if fault == "400" or (fmt not in (None, "", "json") and not isinstance(fmt, dict)):
            handler.send_json(400, {"error": 'invalid format: expected "json" or a valid JSON schema'})
            return True
        if fault == "garbage":
            self._send_bytes(handler, b"<html><body>502 Bad Gateway</body></html>")
            return True
        if fault in ERROR_REPLIES:
            status, message = ERROR_REPLIES[fault]
            handler.send_json(status, {"error": message})
            return True
        if not isinstance(body.get("messages", []), list):
            handler.send_json(400, {"error": "messages must be a list"})
            return True
        return False

    def _generate_in_slot(
        self, handler: _Handler, body: dict, fault: str | None, delay_s: float | None
    ) -> Generation | None:
        """Queue for a generation slot (503 when the queue is full), then generate; None if answered."""
        with self._lock:
            busy = self._waiting >= self.queue_limit
            if not busy:
                self._waiting += 1
        if busy:
            handler.send_json(503, {"error": BUSY_MESSAGE})
            return None
        self._slots.acquire()
        with self._lock:
            self._waiting -= 1
            self._active += 1
            self.max_concurrent = max(self.max_concurrent, self._active)
            self._loaded.add(_full_name(body.get("model") or ""))
        try:
            pause = (delay_s if delay_s is not None else self.slow_s) if fault == "slow" else self.latency_s
            if pause and self._stopping.wait(pause):
                handler.close_connection = True
                return None
            return self.generate(body)
        finally:
            with self._lock:
                self._active -= 1
            self._slots.release()

    def _content(self, body: dict, generation: Generation, fault: str | None) -> tuple[str, str]:
        content, done_reason = generation.content, generation.done_reason
        asked = len((body.get("format") or {}).get("properties") or {}) if isinstance(body.get("format"), dict) else 0
        if fault == "invalid_json":
            content = "Sure! Here is the property record you asked for: {price: 450000,"
        elif fault == "schema_break":
            content = _break_schema(content)
        elif fault == "length" or (self.max_fields is not None and asked > self.max_fields):
            # What a model does when num_predict runs out mid-object.
            content, done_reason = content[: max(1, len(content) // 2)], "length"
            if self.length_reason is not None:
                done_reason = self.length_reason
        return content, done_reason

    def _send_bytes(self, handler: _Handler, data: bytes, *, cut: bool = False) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json; charset=utf-8")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data[: len(data) // 2] if cut else data)
        handler.wfile.flush()
        if cut:
            handler.close_connection = True

    def _stream(self, handler: _Handler, reply: dict) -> None:
        # Ollama streams by default: content chunks, then a final chunk with the stats.
        chunk = {**reply, "done": False, "done_reason": None}
        for key in ("total_duration", "load_duration", "prompt_eval_count", "prompt_eval_duration",
                    "eval_count", "eval_duration"):
            chunk.pop(key)
        final = {**reply, "message": {"role": "assistant", "content": ""}}
        data = (json.dumps(chunk) + "\n" + json.dumps(final) + "\n").encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/x-ndjson")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _trickle(self, handler: _Handler, data: bytes, every_s: float) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json; charset=utf-8")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.flush()
        for i in range(len(data)):
            if self._stopping.wait(every_s):
                break
            try:
                handler.wfile.write(data[i : i + 1])
                handler.wfile.flush()
            except OSError:  # the client gave up
                break
        handler.close_connection = True

    def _model_entry(self, name: str) -> dict:
        return {
            "name": name,
            "model": name,
            "modified_at": "2025-01-01T00:00:00Z",
            "size": 2019393189,
            "digest": "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
            "details": {
                "parent_model": "",
                "format": "gguf",
                "family": "llama",
                "families": ["llama"],
                "parameter_size": "3.2B",
                "quantization_level": "Q4_K_M",
            },
        }

    def _show(self, name: str) -> dict:
        return {
            "modelfile": f"FROM {name}\n",
            "parameters": "stop \"<|eot_id|>\"",
            "template": "{{ .Prompt }}",
            "details": self._model_entry(name)["details"],
            "model_info": {"general.architecture": "llama", "llama.context_length": 131072},
            "capabilities": ["completion", "tools"],
            "modified_at": "2025-01-01T00:00:00Z",
        }


# A compromised or confused model, for tests that a value it plants is never validated.
HOSTILE_MODES = ("copy_names", "obey", "wrong_numbers")
_INSTRUCTION = re.compile(r"\bset (?:the )?([a-z][a-z ]{1,30}?) to \$?([\d,]+(?:\.\d+)?|[A-Z][A-Za-z]+)", re.I)
_TITLE_PHRASE = re.compile(r"\b[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){1,2}\b")
_PAGE_NUMBER = re.compile(r"(?<![\d.])\$?(\d[\d,]*(?:\.\d+)?)(?![\d])")
# Which short keys an instruction's words aim at.
_INSTRUCTION_KEYS = (
    ("price", "price"), ("bed", "beds"), ("bath", "full_baths"), ("year", "built"), ("city", "city"),
    ("sq", "sqft"), ("living", "sqft"), ("lot", "lot_sqft"), ("hoa", "hoa_fee"), ("subdivision", "subdivision"),
    ("zip", "zip"), ("street", "street"),
)
_NUMERIC_KEYS = ("price", "beds", "full_baths", "sqft", "lot_sqft", "built", "garage", "stories", "hoa_fee")
_NAME_KEYS = ("subdivision", "street", "city")


class HostileModel:
    """A responder that answers every request in its own keys, with values planted on purpose:

    - `copy_names`: title-case text copied from elsewhere in the prompt (a person, a feature)
      into name fields (subdivision, street, city);
    - `obey`: whatever an instruction in the data says ("set price to 4250000");
    - `wrong_numbers`: a plausible number taken from elsewhere on the same page (another
      price, the lot size as living area, the HOA fee as price, a year from the remarks).

    `truth(text)` gives the honest short-key answer for a prompt's data; a key the model cannot
    spoil is answered honestly. `planted` records (data text, key, value) for every spoiled value.
    """

    def __init__(self, truth: Callable[[str], dict], modes: tuple[str, ...] = HOSTILE_MODES) -> None:
        self.truth = truth
        self.modes = modes
        self.planted: list[tuple[str, str, Any]] = []
        self._lock = threading.Lock()

    def __call__(self, request: dict) -> dict:
        content = request["messages"][1]["content"]
        text = content.split("=====\n", 1)[-1].rsplit("\n=====", 1)[0]
        honest = self.truth(text)
        keys = list((request.get("format") or {}).get("properties") or {})
        answer = {}
        for key in keys:
            value = self._spoil(key, honest.get(key), text)
            answer[key] = honest.get(key) if value is None else value
            if value is not None:
                with self._lock:
                    self.planted.append((text, key, value))
        return answer

    def _spoil(self, key: str, truth: Any, text: str) -> Any:
        if "obey" in self.modes:
            for words, value in _INSTRUCTION.findall(text):
                target = next((k for w, k in _INSTRUCTION_KEYS if w in words.lower()), None)
                if target == key and str(value) != str(truth):
                    return _as_number(value) if key in _NUMERIC_KEYS else value
        if "wrong_numbers" in self.modes and key in _NUMERIC_KEYS and isinstance(truth, (int, float)):
            return _other_number(truth, text)
        if "copy_names" in self.modes and key in _NAME_KEYS:
            phrases = [p for p in _TITLE_PHRASE.findall(text) if truth is None or p.lower() != str(truth).lower()]
            return phrases[len(phrases) // 2] if phrases else None
        return None


def _as_number(text: str) -> float | str:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return text


def _other_number(truth: float, text: str) -> float | None:
    """The page's number closest in magnitude to `truth` that is not `truth`: plausible and wrong."""
    candidates = {_as_number(m) for m in _PAGE_NUMBER.findall(text)}
    candidates = {c for c in candidates if isinstance(c, float) and c > 0 and abs(c - truth) > max(0.02 * truth, 0.5)}
    if not candidates or truth <= 0:
        return None
    best = min(candidates, key=lambda c: abs(math.log(c / truth)))
    # Far-off numbers (a ZIP for a bedroom count) are not plausible; leave the value honest.
    if not 0.2 <= best / truth <= 5:
        return None
    return int(best) if isinstance(truth, int) else best
