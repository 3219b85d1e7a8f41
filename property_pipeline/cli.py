"""`property-pipeline`: run the assets over a landing zone, export the results."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any, Iterator

import dagster as dg
import pandas as pd
import sqlalchemy as sa

from .contract import RECORD_COLUMNS, SOURCES
from .landing import iter_partitions
from .evaluation import MODES, evaluate_samples, format_calibration, format_scores, load_labels
from .settings import Settings, default_landing_root
from .storage import warehouse

OUTCOME_TABLES = (
    ("validated_properties", "valid"),
    ("quarantined_properties", "quarantine"),
    ("extraction_dead_letters", "dead_letter"),
)


def _instance() -> dg.DagsterInstance:
    """The instance in DAGSTER_HOME when set (so the web UI shows the runs), else an ephemeral one."""
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


def run_partitions(
    settings: Settings, partitions: list[tuple[str, dt.date]], instance: dg.DagsterInstance | None = None
) -> list[dict[str, Any]]:
    """Materialize every asset for each (source, day) in process; one summary row per partition."""
    from .definitions import PARTITION_ASSETS, build_resources
    from .defs.assets import property_quality_summary
    from .defs.partitions import partition_key

    instance = instance or _instance()
    summaries = []
    for source, day in partitions:
        result = dg.materialize(
            PARTITION_ASSETS,
            partition_key=partition_key(source, day),
            resources=build_resources(settings),
            instance=instance,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
            tags={"launched_by": "property-pipeline-cli"},
        )
        report = warehouse.read_table(
            settings.warehouse_url, "property_quality_report", {"source": source, "collected_on": day}
        )
        row = report.iloc[0] if len(report) else {}
        summaries.append(
            {
                "source": source,
                "date": day.isoformat(),
                "files": int(row.get("files", 0)),
                "validated": int(row.get("validated", 0)),
                "quarantined": int(row.get("quarantined", 0)),
                "dead_letters": int(row.get("dead_letters", 0)),
                "run_id": result.run_id,
                "success": result.success,
            }
        )
    dg.materialize(
        [property_quality_summary],
        resources=build_resources(settings),
        instance=instance,
        raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
    )
    return summaries


def export_records(settings: Settings) -> Iterator[dict[str, Any]]:
    """Every outcome row with the contract columns, `disposition` and, where not valid, `reason`."""
    for table, disposition in OUTCOME_TABLES:
        df = warehouse.read_table(settings.warehouse_url, table)
        for row in df.to_dict("records"):
            out = {c: row.get(c) for c in RECORD_COLUMNS}
            out["disposition"] = disposition
            if disposition == "quarantine":
                out["reason"] = row.get("quarantine_reason")
            elif disposition == "dead_letter":
                out["reason"] = f"[{row.get('reason_code')}] {row.get('reason')}"
            yield out


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is pd.NA:
        return None
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def _clean(value: Any) -> Any:
    return None if value is pd.NA or (isinstance(value, float) and value != value) else value


def _print_table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        print("  ".join(str(row[c]).ljust(widths[c]) for c in columns))


def _evaluate(settings: Settings, args: argparse.Namespace) -> int:
    from .definitions import llm_backend

    landing = args.landing or default_landing_root()
    labels = load_labels(args.labels or landing.parent / "expected")
    modes = MODES if args.mode == "all" else (args.mode,)
    llm = llm_backend(settings).get_client() if any(m != "rules" for m in modes) else None
    for mode in modes:
        _, scores, calibration = evaluate_samples(landing, labels, mode=mode, llm=llm, threshold=settings.min_confidence)
        print(f"\n== {mode} ==")
        print(format_scores(scores))
        print(format_calibration(calibration))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="property-pipeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="materialize the assets for every partition in a landing zone")
    run.add_argument("--landing", type=Path, help="landing root (default: PROPERTY_PIPELINE_LANDING_ROOT)")
    run.add_argument("--date", type=dt.date.fromisoformat, help="only this day (YYYY-MM-DD)")
    run.add_argument("--source", choices=SOURCES, help="only this source")
    export = sub.add_parser("export", help="write every validated, quarantined and dead-lettered record")
    export.add_argument("--out", type=Path, required=True, help="output .jsonl file")
    evaluate = sub.add_parser("evaluate", help="field accuracy and calibration on a labeled landing zone")
    evaluate.add_argument("--landing", type=Path, default=None, help="labeled landing root (default: samples/landing)")
    evaluate.add_argument("--labels", type=Path, default=None, help="labels root (default: samples/expected)")
    evaluate.add_argument("--mode", choices=(*MODES, "all"), default="rules")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    settings = Settings.from_env()
    if args.command == "evaluate":
        return _evaluate(settings, args)
    if args.command == "run":
        if args.landing:
            settings = dataclasses.replace(settings, landing_root=args.landing)
        if not settings.landing_root.is_dir():
            print(f"landing root {settings.landing_root} is not a directory", file=sys.stderr)
            return 2
        partitions = [
            (s, d)
            for s, d in iter_partitions(settings.landing_root)
            if (args.source in (None, s)) and (args.date in (None, d))
        ]
        if not partitions:
            print(f"no partitions found under {settings.landing_root}", file=sys.stderr)
            return 1
        summaries = run_partitions(settings, partitions)
        _print_table(summaries, ["source", "date", "files", "validated", "quarantined", "dead_letters", "success"])
        print(f"\nwarehouse: {sa.make_url(settings.warehouse_url).render_as_string(hide_password=True)}")
        return 0 if all(s["success"] for s in summaries) else 1

    args.out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with args.out.open("w", encoding="utf-8") as handle:
        for record in export_records(settings):
            handle.write(json.dumps({k: _clean(v) for k, v in record.items()}, default=_json_default) + "\n")
            count += 1
    print(f"wrote {count} records to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
