"""Hostile input, a compromised model and personal data: nothing crashes, nothing is lost,
no poisoned value is validated, no owner name leaks anywhere."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import logging
import os
import shutil

import dagster as dg
import pandas as pd
import pytest

from property_pipeline.cli import export_records
from property_pipeline.cli import main as cli_main
from property_pipeline.definitions import PARTITION_ASSETS, build_resources
from property_pipeline.defs.llm_resource import OllamaResource
from property_pipeline.defs.partitions import partition_key
from property_pipeline.defs.resources import LandingZone, QualityThresholds
from property_pipeline.extraction.llm_step import LONG_KEYS
from property_pipeline.settings import Settings
from property_pipeline.storage import warehouse

from .conftest import SAMPLE_LANDING, labelled_responder, load_labels
from .fake_ollama import FakeOllama
from .test_pipeline import OUTCOMES, assert_every_file_accounted_for, materialize_all

DAY = "2026-11-22"


def write_hostile_corpus(root, outside):
    html = root / "phoenix_mls" / DAY
    parcels = root / "maricopa_county" / DAY
    html.mkdir(parents=True)
    parcels.mkdir(parents=True)
    good_page = (SAMPLE_LANDING / "phoenix_mls" / "2026-11-20" / "mls_7012345.html").read_bytes()
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    (html / "billion_laughs.html").write_text(f"<!DOCTYPE lolz [{laughs}]><html><body><p>&l9;</p>{good_page.decode()}</body></html>")
    (html / "nested_tags.html").write_text("<div>" * 300_000 + "MLS #: 1 Beds: 3" + "</div>" * 300_000)
    (html / "mixed_encoding.html").write_bytes(good_page[:4000] + "Peña Blvd café".encode("latin-1") + good_page[4000:])
    (html / "nul_bytes.html").write_bytes(good_page.replace(b"<td", b"\x00<td"))
    with open(html / "huge.html", "wb") as handle:  # 50 MB, over the test's 5 MB limit
        handle.write(b"<html><body>")
        handle.write(b"<p>padding</p>" * (50 * 1024 * 1024 // 14))
    (html / "name..with..dots.html").write_bytes(good_page)
    (html / "new\nline.html").write_bytes(good_page.replace(b"7012345", b"7012346"))
    (html / "$(touch pwned); rm -rf x `id`.html").write_bytes(good_page.replace(b"7012345", b"7012347"))
    (html / "link_out.html").symlink_to(outside)
    (html / ".in_progress.html").write_bytes(b"<html>half")
    (parcels / "deep.json").write_text("[" * 10_000 + "]" * 10_000)
    (parcels / "deep_object.json").write_text('{"a":' * 10_000 + "1" + "}" * 10_000)
    (parcels / "huge_numbers.json").write_text(
        json.dumps({"apn": "123-45-678", "parcel": {"APN": "123-45-678", "LotSize": "1" + "0" * 400}})
        .replace('"1' + "0" * 400 + '"', "1" + "0" * 5000)
    )
    (parcels / "nan.json").write_text('{"apn": "123-45-679", "parcel": {"APN": "123-45-679", "LotSize": NaN}}')
    (parcels / "infinity.json").write_text('{"apn": "123-45-680", "parcel": {"APN": "123-45-680", "LotSize": 1e999}}')
    (parcels / "duplicate_keys.json").write_text(
        '{"apn": "123-45-681", "parcel": {"APN": "123-45-681", "APN": "999-99-999", "LotSize": "7000"}}'
    )
    (parcels / "link_out.json").symlink_to(outside)


def test_hostile_corpus_every_file_accounted_for_with_reasons(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("APN 111-22-333 top secret")
    root = tmp_path / "landing"
    write_hostile_corpus(root, outside)
    settings = Settings(landing_root=root, warehouse_url=f"sqlite:///{tmp_path / 'w.db'}")
    instance = dg.DagsterInstance.ephemeral()
    cwd = os.getcwd()
    os.chdir(tmp_path)  # a shell metacharacter that were executed would create ./pwned here
    try:
        results = []
        for source in ("phoenix_mls", "maricopa_county"):
            resources = {
                **build_resources(settings),
                "landing": LandingZone(root=str(root), max_file_bytes=5 * 1024 * 1024),
                # A partition of nothing but edge cases has a low mean confidence by design;
                # the blocking confidence check would (rightly) stop the report this test reads.
                "quality": QualityThresholds(min_mean_confidence=0.0, max_low_confidence_share=1.0),
            }
            result = dg.materialize(
                PARTITION_ASSETS,
                partition_key=partition_key(source, dt.date.fromisoformat(DAY)),
                resources=resources,
                instance=instance,
            )
            assert result.success
            results.append(result)
    finally:
        os.chdir(cwd)
    assert not (tmp_path / "pwned").exists()
    assert_every_file_accounted_for(settings, results)
    letters = warehouse.read_table(settings.warehouse_url, "extraction_dead_letters").set_index("source_file")
    reasons = letters["reason_code"].to_dict()
    assert reasons[f"phoenix_mls/{DAY}/huge.html"] == "too_large"
    assert reasons[f"phoenix_mls/{DAY}/link_out.html"] == "symlink"
    assert reasons[f"maricopa_county/{DAY}/link_out.json"] == "symlink"
    assert reasons[f"maricopa_county/{DAY}/deep.json"] in ("too_deep", "not_an_object")
    assert reasons[f"maricopa_county/{DAY}/deep_object.json"] == "too_deep"
    assert reasons[f"maricopa_county/{DAY}/nan.json"] == "invalid_json"
    assert reasons[f"maricopa_county/{DAY}/huge_numbers.json"] == "invalid_json"
    assert all(letters["reason"].str.len() > 5)
    everything = json.dumps([warehouse.read_table(settings.warehouse_url, t).to_dict("records") for t in OUTCOMES], default=str)
    assert "top secret" not in everything and "11122333" not in everything
    valid = warehouse.read_table(settings.warehouse_url, "validated_properties")
    listing_ids = set(valid["listing_id"])
    assert {"7012345", "7012346", "7012347"} <= listing_ids, "pages with odd names are still read"
    # 1e999 parses as infinity: the parcel is kept, the impossible lot size is not.
    kept = pd.concat([valid, warehouse.read_table(settings.warehouse_url, "quarantined_properties")])
    inf = kept[kept["source_file"] == f"maricopa_county/{DAY}/infinity.json"]
    assert len(inf) == 1 and inf["lot_size_square_feet"].isna().all()


POISON = {"list_price": 1.0, "standard_status": "Closed", "bedrooms_total": 12, "postal_code": "10001", "city": "Hacked"}


def compromised_responder():
    """A model that obeys whatever the page tells it: poisoned values on every listing."""
    honest = labelled_responder()

    def respond(request):
        reply = honest(request)
        for key in reply:
            name = LONG_KEYS.get(key, key)
            if name in POISON:
                reply[key] = POISON[name]
        return reply

    return respond


def test_compromised_model_cannot_poison_validated_values(tmp_path):
    root = tmp_path / "landing"
    for day in ("2026-11-20", "2026-11-21"):
        shutil.copytree(SAMPLE_LANDING / "phoenix_mls" / day, root / "phoenix_mls" / day)
    settings = Settings(landing_root=root, warehouse_url=f"sqlite:///{tmp_path / 'w.db'}", llm_backend="ollama")
    labels = load_labels("phoenix_mls")
    for strategy in ("targeted", "full"):
        with FakeOllama(responder=compromised_responder()) as srv:
            llm = OllamaResource(host=srv.url, max_in_flight=4, strategy=strategy)
            materialize_all(settings, dg.DagsterInstance.ephemeral(), llm=llm)
            assert srv.chat_count > 0
        valid = warehouse.read_table(settings.warehouse_url, "validated_properties")
        assert len(valid) > 0
        for row in valid.to_dict("records"):
            truth = labels[row["source_file"]]["fields"]
            for name, poison in POISON.items():
                assert row[name] != poison or truth[name] == poison, (strategy, row["source_file"], name)
                if truth[name] is not None:
                    assert row[name] == pytest.approx(truth[name]) if isinstance(truth[name], float) else row[name] == truth[name]


def test_personal_data_never_reaches_prompts_logs_metadata_warehouse_or_exports(tmp_path, caplog):
    labels = load_labels("maricopa_county")
    secrets = sorted({p for label in labels.values() for p in label.get("pii", [])})
    assert len(secrets) >= 5
    settings = Settings(landing_root=SAMPLE_LANDING, warehouse_url=f"sqlite:///{tmp_path / 'w.db'}", llm_backend="ollama")
    instance = dg.DagsterInstance.ephemeral()
    caplog.set_level(logging.DEBUG)
    with FakeOllama(responder=labelled_responder()) as srv:
        # `full` sends every assessor record to the model, so the prompts are really searched.
        llm = OllamaResource(host=srv.url, max_in_flight=2, strategy="full")
        results = materialize_all(settings, instance, llm=llm)
        prompts = json.dumps(srv.requests)
        assert srv.chat_count > 10
    logs = caplog.text + json.dumps(
        [record.user_message for r in results for record in instance.all_logs(r.run_id)], default=str
    )
    metadata = json.dumps(
        [
            {k: str(v.value) for k, v in event.materialization.metadata.items()}
            for r in results
            for event in r.get_asset_materialization_events()
        ]
    )
    tables = json.dumps(
        {t: warehouse.read_table(settings.warehouse_url, t).to_dict("records") for t in warehouse.table_names(settings.warehouse_url)},
        default=str,
    )
    exports = json.dumps(list(export_records(settings)), default=str)
    for place, text in {"prompts": prompts, "logs": logs, "metadata": metadata, "warehouse": tables, "exports": exports}.items():
        for secret in secrets:
            assert secret.lower() not in text.lower(), f"{secret!r} found in {place}"
    checks = {e.check_name: e.passed for r in results for e in r.get_asset_check_evaluations() if e.check_name == "no_personal_data"}
    assert checks and all(checks.values())


def test_database_password_never_reaches_logs_metadata_or_run_config(pg_url, tmp_path, monkeypatch):
    """The warehouse URL comes from the environment as `dg.EnvVar`: its password is resolved
    inside the run, and neither the run's config, its event log nor the CLI output shows it."""
    secret = "s3cret-Pa55word"  # trust auth on the test server accepts any password
    url = pg_url.replace("postgres@", f"postgres:{secret}@")
    monkeypatch.setenv("PROPERTY_PIPELINE_WAREHOUSE_URL", url)
    monkeypatch.setenv("PROPERTY_PIPELINE_LANDING_ROOT", str(SAMPLE_LANDING))
    settings = Settings.from_env()
    instance = dg.DagsterInstance.ephemeral()
    result = dg.materialize(
        PARTITION_ASSETS,
        partition_key=partition_key("maricopa_county", dt.date(2026, 11, 20)),
        resources=build_resources(settings),
        instance=instance,
    )
    assert result.success
    assert len(warehouse.read_table(url, "validated_properties")) > 0
    run = instance.get_run_by_id(result.run_id)
    everything = json.dumps(run.run_config, default=str) + json.dumps(
        [str(record.dagster_event or record.user_message) for record in instance.all_logs(result.run_id)]
    )
    assert secret not in everything

    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli_main(["run", "--landing", str(SAMPLE_LANDING), "--source", "maricopa_county", "--date", "2026-11-20"])
    assert "warehouse:" in out.getvalue() and secret not in out.getvalue()
