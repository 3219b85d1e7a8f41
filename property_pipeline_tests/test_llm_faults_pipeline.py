"""The pipeline against Ollama servers that fail in ways a retry does not fix, over real HTTP:
a server that accepts and never answers, replies cut at the length limit, pages whose identity
only the model can read. Every file ends as exactly one row, with the right disposition."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from property_pipeline.contract import PROPERTY_FIELDS
from property_pipeline.extraction.llm_step import DELIMITER

from property_pipeline.sources import get_source

from .conftest import SAMPLE_LANDING, labelled_responder
from .fake_ollama import FakeOllama, Generation
from .test_llm_pipeline import extraction_metadata, files_needing_a_call, run_with

IN_FLIGHT = 4
DAY = "2026-11-20"


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


def listing_values(tables) -> dict[str, dict]:
    records = pd.concat([tables["validated_properties"], tables["quarantined_properties"]])
    listings = records[records["source"] == "phoenix_mls"]
    return {
        row["source_file"]: {k: row[k] for k in PROPERTY_FIELDS if not pd.isna(row[k])}
        for row in listings.to_dict("records")
    }


@pytest.mark.parametrize("strategy", ["targeted", "full"])
@pytest.mark.parametrize("length_reason", ["length", "stop"])
def test_replies_cut_at_the_length_limit_are_asked_again_in_smaller_requests(
    landing, tmp_path, strategy, length_reason
):
    """A model whose output runs out above 3 keys (reported as `length`, or hidden behind "stop"
    with the JSON cut mid-object): every record gets the same values as from a model with room."""
    with FakeOllama(responder=labelled_responder(), slots=8) as srv:
        _, _, roomy = run_with(srv.url, landing, tmp_path / "roomy", strategy=strategy)
    with FakeOllama(responder=labelled_responder(), slots=8, max_fields=3, length_reason=length_reason) as srv:
        _, results, tables = run_with(srv.url, landing, tmp_path / "cut", strategy=strategy)
        asked = [len(r["format"]["properties"]) for r in srv.requests]
    assert max(asked) > 3, "the test must produce cut replies"
    letters = tables["extraction_dead_letters"]
    assert "llm_invalid_reply" not in set(letters["reason_code"])
    assert listing_values(tables) == listing_values(roomy)
    assert sum(m["length_splits"] for m in extraction_metadata(results)) > 0
    split = [ws for ws in tables["validated_properties"]["extraction_warnings"] if "llm_reply_split" in ws]
    assert split, "records answered in pieces say so"


def test_only_a_reply_cut_even_for_one_field_with_less_text_is_an_invalid_reply(landing, tmp_path):
    with FakeOllama(responder=labelled_responder(), slots=8, max_fields=0) as srv:
        _, results, tables = run_with(srv.url, landing, tmp_path, max_in_flight=1)
        requests = srv.requests
    letters = tables["extraction_dead_letters"]
    invalid = letters[letters["reason_code"] == "llm_invalid_reply"]
    assert len(invalid) == files_needing_a_call(landing) > 0
    assert all("alone with a shorter text" in reason for reason in invalid["reason"])
    # Halving down to one field, then that field with half the text: a few requests, not hundreds.
    widest = max(len(r["format"]["properties"]) for r in requests)
    assert len(requests) <= len(invalid) * (math.ceil(math.log2(widest)) + 2)
    one_field = [r for r in requests if len(r["format"]["properties"]) == 1]
    prompt = [len(r["messages"][1]["content"]) for r in one_field]
    assert min(prompt) < max(prompt), "the last try sends less text"
    assert sum(m["invalid_replies"] for m in extraction_metadata(results)) == len(invalid)


def test_a_page_that_fills_the_context_window_is_asked_again_with_less_text(tmp_path):
    """Token estimates run low on real pages: the server reports the window full and the reply cut,
    and the request is asked again with the page text fitted to half the window, then a quarter."""
    folder = tmp_path / "landing" / "phoenix_mls" / DAY
    folder.mkdir(parents=True)
    page = (SAMPLE_LANDING / "phoenix_mls" / DAY / "mls_7012345.html").read_text()
    padding = "".join(f"<li>Upgrade {i}: custom cabinetry and designer fixtures</li>" for i in range(600))
    (folder / "mls_7012345.html").write_text(page.replace("</body>", f"<ul>{padding}</ul></body>"))
    honest = labelled_responder()
    limit = 6000  # characters of page text this "server" takes with room left for the reply

    def generate(request):
        data = request["messages"][1]["content"].split(DELIMITER)[1]
        # The padded page is not in the labelled answers: answer for the original page.
        original = {"messages": [{}, {"content": f"{DELIMITER}\n{ORIGINAL_TEXT}\n{DELIMITER}"}]}
        answer = json.dumps(honest({**original, "format": request["format"]}))
        if len(data) > limit:
            ctx = request["options"]["num_ctx"]
            return Generation(answer[: len(answer) // 3], prompt_eval_count=ctx - 20, eval_count=20, done_reason="length")
        return Generation(answer)

    with FakeOllama(generate=generate, slots=8) as srv:
        _, _, tables = run_with(srv.url, tmp_path / "landing", tmp_path)
        texts = [len(r["messages"][1]["content"]) for r in srv.requests]
        fields = {len(r["format"]["properties"]) for r in srv.requests}
    [record] = tables["validated_properties"].to_dict("records")
    assert {"llm_reply_split", "llm_prompt_truncated"} <= set(record["extraction_warnings"])
    assert len(fields) == 1, "a full window is answered with less text, not fewer fields"
    assert texts == sorted(texts, reverse=True) and len(texts) >= 2 and texts[-1] < limit
    assert record["list_price"] == 525000


ORIGINAL_TEXT = get_source("phoenix_mls").parse(
    (SAMPLE_LANDING / "phoenix_mls" / DAY / "mls_7012345.html").read_bytes()
).text
