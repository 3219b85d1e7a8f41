"""Every ```python example in docs/api.md runs as written, rules only and with the LLM on the
Ollama test server (the environment variables a reader would set)."""

from __future__ import annotations

import re

import pytest

from .conftest import REPO, labelled_responder
from .fake_ollama import FakeOllama

DOC = REPO / "docs" / "api.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```$", DOC.read_text(encoding="utf-8"), flags=re.S | re.M)


def test_the_doc_has_examples():
    assert len(BLOCKS) >= 5


@pytest.fixture()
def docs_env(monkeypatch, tmp_path):
    monkeypatch.chdir(REPO)
    for name in ("PROPERTY_PIPELINE_MIN_CONFIDENCE", "PROPERTY_PIPELINE_MAX_FILE_BYTES", "OLLAMA_MODEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PROPERTY_PIPELINE_WAREHOUSE_URL", f"sqlite:///{tmp_path / 'docs.db'}")
    return monkeypatch


@pytest.mark.parametrize("backend", ["none", "ollama"])
@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_example_runs(number, backend, docs_env, capsys):
    code = compile(BLOCKS[number], f"{DOC}:example {number + 1}", "exec")
    if backend == "none":
        docs_env.setenv("PROPERTY_PIPELINE_LLM", "none")
        exec(code, {"__name__": "__docs__"})
    else:
        with FakeOllama(responder=labelled_responder(), slots=4) as srv:
            docs_env.setenv("PROPERTY_PIPELINE_LLM", "ollama")
            docs_env.setenv("OLLAMA_HOST", srv.url)
            docs_env.setenv("OLLAMA_NUM_PARALLEL", "4")
            exec(code, {"__name__": "__docs__"})
            uses_default_llm = "llm=None" not in BLOCKS[number]
            assert (srv.chat_count > 0) == (uses_default_llm and "phoenix_mls" in BLOCKS[number])
    assert capsys.readouterr().out.strip(), "every example shows its result"
