"""Sources come from the registry alone (issue 18): a third source, written as one module outside
the package and named in PROPERTY_PIPELINE_SOURCE_MODULES, is a partition, a sensor request, a
CLI choice and a valid `source` for the record contract, with no other file edited."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

TOY_SOURCE = '''
"""A toy collector: one `key: value` pair per line."""

from property_pipeline.sources import RuleExtraction, Source, SourceDocument


def parse(raw: bytes) -> SourceDocument:
    text = raw.decode("utf-8")
    pairs = dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)
    return SourceDocument(text=text, raw_bytes=len(raw), data=pairs)


def extract_rules(document: SourceDocument) -> RuleExtraction:
    data = document.data
    values = {
        "parcel_number": data["apn"], "unparsed_address": data["address"], "city": data["city"],
        "state_or_province": "AZ", "postal_code": data["zip"], "list_price": float(data["price"]),
    }
    return RuleExtraction(values=values, structured=set(values), evidence=dict.fromkeys(values, "label"), complete=True)


SOURCE = Source(name="toy_feed", parse=parse, extract_rules=extract_rules, prompt_instructions="Key/value lines.")
'''

PAGE = "apn: 12345678\naddress: 100 N Main St, Phoenix, AZ 85004\ncity: Phoenix\nzip: 85004\nprice: 350000\n"

SCRIPT = textwrap.dedent('''
    import json, sys
    from pathlib import Path

    import dagster as dg

    import property_pipeline
    from property_pipeline import cli
    from property_pipeline.definitions import property_job
    from property_pipeline.defs.partitions import source_partitions
    from property_pipeline.defs.resources import LandingZone
    from property_pipeline.defs.sensors import build_landing_zone_sensor
    from property_pipeline.settings import OpsSettings

    landing, page = Path(sys.argv[1]), sys.argv[2]
    sensor = build_landing_zone_sensor(property_job, OpsSettings(settle_s=60))
    context = dg.build_sensor_context(resources={"landing": LandingZone(root=str(landing))},
                                      instance=dg.DagsterInstance.ephemeral())
    requested = sorted(r.partition_key.keys_by_dimension["source"] for r in sensor(context).run_requests or [])
    result = property_pipeline.process_property(page.encode(), "toy_feed")
    try:
        cli.main(["extract", "--source", "not_a_source", "-"])
        cli_rejects_unknown = False
    except SystemExit as exc:
        cli_rejects_unknown = exc.code == 2
    print(json.dumps({
        "partitions": source_partitions.get_partition_keys(),
        "requested": requested,
        "disposition": result.disposition,
        "reasons": result.reasons,
        "cli_rejects_unknown": cli_rejects_unknown,
    }))
''')


def test_a_third_source_is_one_module(tmp_path):
    package = tmp_path / "plugins"
    package.mkdir()
    (package / "toy_feed_source.py").write_text(TOY_SOURCE)
    landing = tmp_path / "landing"
    for source, name in (("toy_feed", "a.txt"), ("phoenix_mls", "mls_1.html")):
        path = landing / source / "2026-11-20" / name
        path.parent.mkdir(parents=True)
        path.write_text(PAGE if source == "toy_feed" else "<html><body>x</body></html>")
        stamp = time.time() - 3600
        os.utime(path, (stamp, stamp))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PROPERTY_PIPELINE_", "OLLAMA_"))}
    env.update(
        PYTHONPATH=str(package), PROPERTY_PIPELINE_SOURCE_MODULES="toy_feed_source", PROPERTY_PIPELINE_LLM="none",
        PROPERTY_PIPELINE_LANDING_ROOT=str(landing), PROPERTY_PIPELINE_PARTITION_START="2026-11-01",
        PROPERTY_PIPELINE_WAREHOUSE_URL=f"sqlite:///{tmp_path / 'w.db'}", DAGSTER_HOME=str(tmp_path),
    )
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(landing), PAGE], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert seen["partitions"] == ["maricopa_county", "phoenix_mls", "toy_feed"]
    assert seen["requested"] == ["phoenix_mls", "toy_feed"]
    assert seen["disposition"] == "valid", seen["reasons"]
    assert seen["cli_rejects_unknown"]

    # The CLI offers it, and extracts with it.
    extract = subprocess.run(
        [sys.executable, "-m", "property_pipeline.cli", "extract", "--source", "toy_feed", "-"],
        input=PAGE, env=env, cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert extract.returncode == 0, extract.stderr[-3000:]
    record = json.loads(extract.stdout.splitlines()[0])
    assert (record["source"], record["parcel_number"]) == ("toy_feed", "12345678")


def test_a_source_outside_the_registry_is_refused_by_the_contract():
    import pandas as pd
    import pandera.errors
    import pytest

    from property_pipeline.contract import DeadLettersSchema

    row = {"record_id": "x", "source": "unregistered", "source_file": "f", "collected_on": "2026-11-20",
           "reason_code": "empty", "reason": "file is empty", "attempts": 1}
    with pytest.raises(pandera.errors.SchemaError, match="registered_source"):
        DeadLettersSchema.validate(pd.DataFrame([row]))
    DeadLettersSchema.validate(pd.DataFrame([{**row, "source": "phoenix_mls"}]))
