"""The pipeline against Ollama servers that fail in ways a retry does not fix, over real HTTP:
a server that accepts and never answers, replies cut at the length limit, pages whose identity
only the model can read. Every file ends as exactly one row, with the right disposition."""

from __future__ import annotations

import json
import math
import socket
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from property_pipeline.contract import PROPERTY_FIELDS
from property_pipeline.definitions import PARTITION_ASSETS, build_resources
from property_pipeline.defs.llm_resource import OllamaResource
from property_pipeline.defs.partitions import partition_key
from property_pipeline.defs.resources import QualityThresholds
from property_pipeline.extraction.extractor import property_key
from property_pipeline.extraction.grounding import IDENTITY_FIELDS
from property_pipeline.extraction.llm_step import DELIMITER, SHORT_KEYS
from property_pipeline.landing import iter_partitions
from property_pipeline.settings import Settings
from property_pipeline.sources import get_source
from property_pipeline.storage import warehouse

from .conftest import SAMPLE_LANDING, labelled_responder
from .fake_ollama import FakeOllama, Generation
from .test_llm_pipeline import extraction_metadata, files_needing_a_call, run_with
from .test_pipeline import OUTCOMES, assert_every_file_accounted_for

IN_FLIGHT = 4
DAY = "2026-11-20"


def run_relaxed(server_url: str, landing, tmp_path, **ollama):
    """`run_with` for partitions made only of edge cases: their low mean confidence is by design,
    so the blocking confidence check is relaxed; every file must still be accounted for."""
    settings = Settings(landing_root=landing, warehouse_url=f"sqlite:///{tmp_path / 'wh.db'}", llm_backend="ollama")
    config = dict(host=server_url, max_in_flight=4, timeout_s=5, max_retries=2, backoff_base_s=0.01, backoff_max_s=0.05)
    config.update(ollama)
    resources = {
        **build_resources(settings),
        "llm": OllamaResource(**config),
        "quality": QualityThresholds(min_mean_confidence=0.0, max_low_confidence_share=1.0),
    }
    results = []
    instance = dg.DagsterInstance.ephemeral()
    for source, day in iter_partitions(landing):
        result = dg.materialize(
            PARTITION_ASSETS, partition_key=partition_key(source, day), resources=resources, instance=instance
        )
        assert result.success
        results.append(result)
    assert_every_file_accounted_for(settings, results)
    return settings, results, {t: warehouse.read_table(settings.warehouse_url, t) for t in OUTCOMES}


@pytest.fixture
def free_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


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


def prose_page(sentence: str, mls: str) -> str:
    return (
        f"<html><head><title>Listing {mls}</title></head><body><h2>Charming home</h2><p>{sentence}</p>"
        f"<p>Beds: 3</p><p>Baths: 2</p><p>List Price: $525,000</p><p>MLS #: {mls}</p></body></html>"
    )


# Pages whose identity only a reader of prose finds, and what the model answers when asked for it alone.
IDENTITY_PAGES = {
    "rescued_address.html": (
        "The home sits at 4218 E Campbell Ave, a quiet street in Phoenix (ZIP 85018).",
        {"st_num": "4218", "street": "East Campbell Avenue", "city": "Phoenix", "state": "AZ", "zip": "85018"},
    ),
    "rescued_reordered.html": (
        "Come see this lovely home at 2231 West Indian School Road in the Phoenix, AZ 85015 area.",
        {"st_num": "2231", "street": "W Indian School Rd", "city": "Phoenix", "zip": "85015"},
    ),
    "rescued_apn.html": (
        "The county knows this lot as parcel 127 23 045, a corner lot near the canal.",
        {"apn": "12723045"},
    ),
    "hallucinated_address.html": (
        "A lovely home close to everything, in a quiet Phoenix neighborhood.",
        {"st_num": "123", "street": "N Main St", "city": "Phoenix", "zip": "85001"},
    ),
    "name_as_street.html": (
        "Shown by Maple Grove of Desert Realty; 7 rooms on a quiet street in Phoenix, AZ 85016.",
        {"st_num": "7", "street": "Maple Grove", "city": "Phoenix", "zip": "85016"},
    ),
    "apn_digits_elsewhere.html": (
        "Built for 127 families, the 23 acre community has 045 lots, in Phoenix.",
        {"apn": "12723046"},
    ),
}


def identity_responder():
    """A model that misses the address among many facts, and answers when asked for the identity alone."""
    identity_keys = {SHORT_KEYS[f] for f in IDENTITY_FIELDS}

    def respond(request):
        keys = request["format"]["properties"]
        if not set(keys) <= identity_keys:
            return dict.fromkeys(keys)
        content = request["messages"][1]["content"]
        answer = next(a for sentence, a in IDENTITY_PAGES.values() if sentence in content.replace("\n", " "))
        return {k: answer.get(k) for k in keys}

    return respond


def test_before_a_no_property_key_dead_letter_one_identity_request_grounded_strictly(tmp_path):
    folder = tmp_path / "landing" / "phoenix_mls" / DAY
    folder.mkdir(parents=True)
    for i, (name, (sentence, _)) in enumerate(IDENTITY_PAGES.items()):
        (folder / name).write_text(prose_page(sentence, f"71234{i:02d}"))
    source = get_source("phoenix_mls")
    for name in IDENTITY_PAGES:  # the premise: no rule identifies these pages
        assert property_key(source.extract_rules(source.parse((folder / name).read_bytes())).values) is None, name

    with FakeOllama(responder=identity_responder()) as srv:
        _, results, tables = run_relaxed(srv.url, tmp_path / "landing", tmp_path)
        identity_keys = {SHORT_KEYS[f] for f in IDENTITY_FIELDS}
        identity_requests = [r for r in srv.requests if set(r["format"]["properties"]) <= identity_keys]

    assert len(identity_requests) == len(IDENTITY_PAGES), "exactly one identity request per unidentified page"
    records = pd.concat([tables["validated_properties"], tables["quarantined_properties"]])
    by_file = {Path(r["source_file"]).name: r for r in records.to_dict("records")}
    assert set(by_file) == {n for n in IDENTITY_PAGES if n.startswith("rescued")}
    assert by_file["rescued_address.html"]["property_key"] == "addr:4218 e campbell ave phoenix az 85018"
    assert by_file["rescued_address.html"]["street_name"] in ("E Campbell Ave", "East Campbell Avenue")
    assert by_file["rescued_reordered.html"]["postal_code"] == "85015"
    assert by_file["rescued_apn.html"]["property_key"] == "apn:12723045"
    assert all("llm_identity_rescue" in r["extraction_warnings"] for r in by_file.values())
    letters = tables["extraction_dead_letters"].set_index("source_file")
    for name in ("hallucinated_address.html", "name_as_street.html", "apn_digits_elsewhere.html"):
        letter = letters.loc[f"phoenix_mls/{DAY}/{name}"]
        assert letter["reason_code"] == "no_property_key" and "identity-only LLM request" in letter["reason"]
    metadata = extraction_metadata(results)
    assert sum(m["identity_rescues"] for m in metadata) == 3


def test_no_identity_request_when_the_server_is_down(tmp_path, free_port_url):
    folder = tmp_path / "landing" / "phoenix_mls" / DAY
    folder.mkdir(parents=True)
    sentence = IDENTITY_PAGES["rescued_address.html"][0]
    (folder / "page.html").write_text(prose_page(sentence, "7123499"))
    _, _, tables = run_relaxed(free_port_url, tmp_path / "landing", tmp_path, max_retries=0)
    [letter] = tables["extraction_dead_letters"].to_dict("records")
    assert letter["reason_code"] == "llm_unavailable", "replayed later, not declared unidentifiable"
