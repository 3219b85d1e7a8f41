"""The pipeline against Ollama servers that fail in ways a retry does not fix, over real HTTP:
a server that accepts and never answers, replies cut at the length limit, pages whose identity
only the model can read. Every file ends as exactly one row, with the right disposition."""

from __future__ import annotations

import pandas as pd

from .fake_ollama import FakeOllama
from .test_llm_pipeline import extraction_metadata, run_with

IN_FLIGHT = 4


def test_a_server_that_never_answers_costs_one_deadline_then_every_record_falls_back(landing, tmp_path):
    # Per attempt 60 s with 3 retries would be minutes per record; the 2 s deadline bounds it.
    with FakeOllama(mode="hang", slots=16) as srv:
        _, results, tables = run_with(
            srv.url, landing, tmp_path, max_in_flight=IN_FLIGHT, timeout_s=60, deadline_s=2, max_retries=3,
            breaker_cooldown_s=600,
        )
        sent = srv.chat_count
    records = pd.concat([tables["validated_properties"], tables["quarantined_properties"]])
    listings = records[records["source"] == "phoenix_mls"]
    assert len(listings) > IN_FLIGHT
    assert listings["llm_fallback"].all()
    warnings = [w for ws in listings["extraction_warnings"] for w in ws if w.startswith("llm_fallback")]
    assert len(warnings) == len(listings)
    assert {"timeout", "circuit_open"} <= {kind for w in warnings for kind in ("timeout", "circuit_open") if kind in w}
    letters = tables["extraction_dead_letters"]
    assert "no_property_key" not in set(letters[letters["source"] == "phoenix_mls"]["reason_code"]), (
        "a record the LLM could not be asked about is llm_unavailable (replayed), not unidentifiable"
    )
    # One wave of in-flight requests per client waited out the deadline; the breaker stopped the rest.
    assert sent <= 2 * IN_FLIGHT
    assert sum(m["client_circuit_opens"] for m in extraction_metadata(results)) >= 1
