"""Shared fixtures: the shipped sample landing zone, its labels, and a real PostgreSQL."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from property_pipeline import evaluation
from property_pipeline.extraction.llm_step import DELIMITER, LONG_KEYS
from property_pipeline.sources import SourceError, get_source

from .fake_ollama import FakeOllama

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SAMPLE_LANDING = SAMPLES / "landing"
DEFAULT_PG_URL = "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres"


def load_labels(source: str | None = None) -> dict[str, dict]:
    """Labels of the shipped samples by landing-relative path: {"layout", "disposition", "fields", ...}."""
    return evaluation.load_labels(SAMPLES / "expected", source)


@pytest.fixture(scope="session")
def sample_landing() -> Path:
    assert SAMPLE_LANDING.is_dir(), f"sample landing zone missing at {SAMPLE_LANDING}"
    return SAMPLE_LANDING


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    """The PostgreSQL server to test against (PROPERTY_PIPELINE_TEST_PG_URL); fails loudly when unreachable."""
    url = os.environ.get("PROPERTY_PIPELINE_TEST_PG_URL", DEFAULT_PG_URL)
    try:
        with sa.create_engine(url).connect() as conn:
            conn.execute(sa.text("select 1"))
    except Exception as exc:  # noqa: BLE001 - any failure means the same thing here
        pytest.fail(
            f"PostgreSQL is not reachable at {url} ({type(exc).__name__}: {exc}). "
            "Start it, or set PROPERTY_PIPELINE_TEST_PG_URL to a server these tests may create databases on.",
            pytrace=False,
        )
    return url


@pytest.fixture()
def make_pg_database(pg_server_url: str):
    """Creates fresh databases on the test server; drops them afterwards."""
    admin = sa.create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    names: list[str] = []

    def make() -> str:
        name = f"pp_test_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        names.append(name)
        return sa.make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)

    yield make
    from property_pipeline.storage.warehouse import get_engine

    get_engine.cache_clear()
    with admin.connect() as conn:
        for name in names:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture()
def pg_url(make_pg_database) -> str:
    """A fresh database on the test server, dropped afterwards."""
    return make_pg_database()


@pytest.fixture()
def pg_url_2(make_pg_database) -> str:
    """A second fresh database, for comparing two runs."""
    return make_pg_database()


def labelled_responder():
    """A perfect model: answers with the labelled facts of whichever sample the prompt carries."""
    answers = {}
    for path, label in load_labels().items():
        if label["disposition"] == "dead_letter":
            continue
        source = get_source(path.split("/", 1)[0])
        try:
            text = source.parse((SAMPLE_LANDING / path).read_bytes()).text
        except SourceError:
            continue
        answers[text] = label["fields"]

    def respond(request: dict) -> dict:
        content = request["messages"][1]["content"]
        text = content.split(DELIMITER + "\n", 1)[1].rsplit("\n" + DELIMITER, 1)[0]
        facts = answers.get(text, {})
        keys = request["format"]["properties"]
        # Answer in the request's own keys: short keys for targeted requests, contract names otherwise.
        return {key: facts.get(LONG_KEYS.get(key, key)) for key in keys}

    return respond


@pytest.fixture()
def landing(tmp_path):
    """One day (2026-11-20) of both sources from the samples (bad files included)."""
    root = tmp_path / "landing"
    for source in ("phoenix_mls", "maricopa_county"):
        shutil.copytree(SAMPLE_LANDING / source / "2026-11-20", root / source / "2026-11-20")
    return root


@pytest.fixture()
def server():
    with FakeOllama(responder=labelled_responder(), slots=8) as srv:
        yield srv
