from property_pipeline.definitions import llm_backend
from property_pipeline.llm import OllamaClient
from property_pipeline.settings import Settings
from property_pipeline_tests.fake_ollama import FakeOllama


def test_healthy_server():
    with FakeOllama() as srv:
        report = OllamaClient(host=srv.url).health()
    assert report.ok and report.problems == []
    assert report.server_version == "0.12.0"
    assert "llama3.2:latest" in report.models_available


def test_untagged_model_name_matches_latest():
    with FakeOllama(models=["llama3.2:latest"]) as srv:
        assert OllamaClient(host=srv.url, model="llama3.2").health().ok
    with FakeOllama(models=["llama3.2"]) as srv:
        assert OllamaClient(host=srv.url, model="llama3.2:latest").health().ok
    with FakeOllama(models=["llama3.2:1b"]) as srv:
        assert not OllamaClient(host=srv.url, model="llama3.2").health().ok


def test_unreachable_server_names_the_host(free_port):
    report = OllamaClient(host=f"127.0.0.1:{free_port}", timeout_s=1).health()
    assert not report.ok and report.server_version is None
    [problem] = report.problems
    assert f"http://127.0.0.1:{free_port}" in problem and "unreachable" in problem


def test_missing_model_gives_the_pull_command():
    with FakeOllama(models=["qwen2.5:7b"]) as srv:
        report = OllamaClient(host=srv.url, model="llama3.2:latest").health()
    assert not report.ok
    [problem] = report.problems
    assert "`ollama pull llama3.2:latest`" in problem and "qwen2.5:7b" in problem


def test_old_server_cannot_do_structured_outputs():
    with FakeOllama(version="0.4.7") as srv:
        report = OllamaClient(host=srv.url).health()
    assert not report.ok and report.server_version == "0.4.7"
    [problem] = report.problems
    assert "0.4.7" in problem and ">= 0.5.0" in problem


def test_resource_builds_one_configured_client(monkeypatch):
    monkeypatch.setenv("PROPERTY_PIPELINE_LLM", "ollama")
    monkeypatch.setenv("OLLAMA_HOST", "gpu-box")
    monkeypatch.setenv("OLLAMA_MODEL", "llama3.2:3b")
    monkeypatch.setenv("OLLAMA_NUM_PARALLEL", "4")
    monkeypatch.setenv("OLLAMA_TIMEOUT_S", "45")
    resource = llm_backend(Settings.from_env())
    client = resource.get_client()
    assert client is resource.get_client()
    assert (client.host, client.model, client.max_in_flight, client.timeout_s) == (
        "http://gpu-box:11434", "llama3.2:3b", 4, 45.0,
    )

    for name in ("OLLAMA_HOST", "OLLAMA_MODEL", "OLLAMA_NUM_PARALLEL", "OLLAMA_TIMEOUT_S"):
        monkeypatch.delenv(name)
    defaults = llm_backend(Settings.from_env()).get_client()
    assert (defaults.host, defaults.model) == ("http://localhost:11434", "llama3.2:latest")
