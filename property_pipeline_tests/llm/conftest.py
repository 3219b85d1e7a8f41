import socket

import pytest

from property_pipeline.llm.ollama import OllamaClient
from property_pipeline_tests.fake_ollama import FakeOllama

SCHEMA = {
    "type": "object",
    "properties": {"price": {"type": "integer"}, "city": {"type": "string"}},
    "required": ["price", "city"],
}
MESSAGES = [{"role": "user", "content": "Extract the listing: 3 bed in Phoenix, $450,000"}]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def srv():
    with FakeOllama(responder=lambda request: {"price": 450000, "city": "Phoenix"}) as server:
        yield server


@pytest.fixture
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def make_client():
    """Clients with test-sized timeouts; sleeps are recorded instead of slept."""

    def make(host: str, **overrides) -> OllamaClient:
        sleeps: list[float] = []

        async def record_sleep(seconds: float) -> None:
            sleeps.append(seconds)

        config = dict(
            host=host,
            timeout_s=2.0,
            max_retries=3,
            backoff_base_s=0.01,
            backoff_max_s=0.05,
            sleep=record_sleep,
        )
        config.update(overrides)
        client = OllamaClient(**config)
        client.sleeps = sleeps
        return client

    return make
