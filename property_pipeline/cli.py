"""`property-pipeline`: run the assets over a landing zone, export the results, extract ad-hoc
files, check the configuration."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import json
import logging
import os
import signal
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import sqlalchemy as sa

from .contract import RECORD_COLUMNS
from .evaluation import (
    MODES,
    evaluate,
    format_calibration,
    format_dispositions,
    format_link_scores,
    format_scores,
    link_scores,
    load_labels,
    load_links,
)
from .landing import iter_partitions
from .llm.factory import build_client
from .nulls import is_missing, none_if_missing
from .ops.instance_schema import repair_instance_schema
from .ops.landing_watch import Anomaly, FolderState, survey, wait_until_settled
from .ops.local_instance import default_home, ensure_local_home
from .settings import Settings, configuration_table, default_landing_root
from .sources import source_names
from .storage import termination, warehouse

if TYPE_CHECKING:
    import dagster as dg

OUTCOME_TABLES = (
    ("validated_properties", "valid"),
    ("quarantined_properties", "quarantine"),
    ("extraction_dead_letters", "dead_letter"),
)


def _instance() -> dg.DagsterInstance:
    """The instance `default_home` names (DAGSTER_HOME, else the checkout's `.dagster_home`,
    created with its dagster.yaml on first use), so the web UI shows these runs; outside a
    checkout without DAGSTER_HOME, an ephemeral one."""
    import dagster as dg  # only the Dagster commands (run, replay) load Dagster

    home, _ = default_home()
    if home is None:
        return dg.DagsterInstance.ephemeral()
    instance = dg.DagsterInstance.from_config(str(ensure_local_home(home)))
    repaired = repair_instance_schema(instance)
    if repaired:
        logging.getLogger(__name__).warning(
            "the Dagster instance's PostgreSQL schema was incomplete (a first start interrupted); created: %s",
            ", ".join(repaired))
    return instance


@contextlib.contextmanager
def _local_defaults(landing: Path | None = None) -> Iterator[None]:
    """For one command: DAGSTER_HOME defaults to the checkout's `.dagster_home` (so the
    warehouse defaults to its `warehouse.db`, as for `make demo` and `make ui`), and `--landing`
    becomes PROPERTY_PIPELINE_LANDING_ROOT for the definitions the runs load. Restored after."""
    changes: dict[str, str] = {}
    home, _ = default_home()
    if home is not None and not os.environ.get("DAGSTER_HOME"):
        changes["DAGSTER_HOME"] = str(home)
    if landing is not None:
        changes["PROPERTY_PIPELINE_LANDING_ROOT"] = str(landing.resolve())
    saved = {k: os.environ.get(k) for k in changes}
    os.environ.update(changes)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_partitions(
    settings: Settings, folders: list[FolderState], instance: dg.DagsterInstance | None = None
) -> list[dict[str, Any]]:
    """One run of `property_pipeline_job` per landing folder (recorded like a UI launch: the UI
    can re-execute and backfill it), then a summary refresh; one summary row per partition."""
    from .defs.launch import run_folders

    instance = instance or _instance()
    summaries = []
    for outcome in run_folders(instance, folders):
        day = dt.date.fromisoformat(outcome["date"])
        report = warehouse.read_table(
            settings.warehouse_url, "property_quality_report", {"source": outcome["source"], "collected_on": day}
        )
        row = report.iloc[0] if len(report) else {}
        failures = row.get("blocking_failures", []) if len(report) else []
        summaries.append(
            {
                "source": outcome["source"],
                "date": outcome["date"],
                "files": int(row.get("files", 0)),
                "validated": int(row.get("validated", 0)),
                "quarantined": int(row.get("quarantined", 0)),
                "dead_letters": int(row.get("dead_letters", 0)),
                "run_id": outcome["run_id"],
                "success": outcome["success"],
                "held_back": "; ".join(failures) if isinstance(failures, list) else "",
            }
        )
    return summaries


PIPELINE_TABLES = ("property_quality_report", "validated_properties", "quarantined_properties", "extraction_dead_letters")


def missing_warehouse(url: str) -> str | None:
    """Why a read command cannot read this warehouse (None when it holds pipeline tables). Never
    creates anything: a missing SQLite file is reported, not opened."""
    shown = _shown(url)
    hint = ("run `property-pipeline run` (or `make demo`) first, or point PROPERTY_PIPELINE_WAREHOUSE_URL "
            "(or DAGSTER_HOME) at the warehouse the pipeline wrote")
    parsed = sa.make_url(warehouse.normalize_url(url))
    database = parsed.database or ""
    if parsed.get_backend_name() == "sqlite" and database not in ("", ":memory:") and not parsed.query.get("uri"):
        if not Path(database).is_file():
            return f"no warehouse at {shown} (the file does not exist); {hint}"
    engine = sa.create_engine(warehouse.normalize_url(url), connect_args=_connect_args(parsed.drivername))
    try:
        present = set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()
    if not present & set(PIPELINE_TABLES):
        return f"the warehouse at {shown} holds no pipeline tables; {hint}"
    return None


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
    if is_missing(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def _print_table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        print("  ".join(str(row[c]).ljust(widths[c]) for c in columns))


def _evaluate(settings: Settings, args: argparse.Namespace) -> int:
    landing = args.landing or default_landing_root()
    labels = load_labels(args.labels or landing.parent / "expected")
    modes = MODES if args.mode == "all" else (args.mode,)
    llm = build_client(settings) if any(m != "rules" for m in modes) else None
    outcomes: dict[str, dict[str, Any]] = {}
    for mode in modes:
        run = evaluate(landing, labels, mode=mode, llm=llm, threshold=settings.min_confidence)
        print(f"\n== {mode} ==")
        print(format_scores(run.scores))
        print(format_dispositions(run.dispositions))
        print(format_calibration(run.calibration))
        if (links := load_links(args.labels or landing.parent / "expected")) is not None:
            print(format_link_scores(link_scores(run.records, links)))
        outcomes[mode] = {path: dataclasses.asdict(o) for path, o in sorted(run.outcomes.items()) if path in labels}
    if args.outcomes:
        # Per-file outcome (validated / quarantined / dead_letter + reason) per mode, to see which files fail.
        args.outcomes.write_text(json.dumps(outcomes, indent=2) + "\n")
    return EXIT_OK


EXIT_OK, EXIT_BROKEN, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3
EXIT_TERMINATED = 128 + 15  # the shell's code for "ended by SIGTERM"


class _Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    WIDTH = 30

    def __init__(self, total: int, stream=None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.enabled = total > 1 and self.stream.isatty()
        self.done = 0
        self.counts = {"valid": 0, "quarantine": 0, "dead_letter": 0}

    def update(self, disposition: str) -> None:
        self.done += 1
        self.counts[disposition] += 1
        if self.enabled:
            filled = self.WIDTH * self.done // self.total
            self.stream.write(
                f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done}/{self.total}"
                f"  valid {self.counts['valid']}  quarantine {self.counts['quarantine']}"
                f"  dead letter {self.counts['dead_letter']}"
            )
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


class _Writer:
    """Rows to stdout in json, jsonl or csv, one at a time."""

    def __init__(self, fmt: str, out=None) -> None:
        out = out or sys.stdout
        self.fmt, self.out, self.count = fmt, out, 0
        self.columns = [*RECORD_COLUMNS, "disposition", "reason"]
        if fmt == "csv":
            import csv

            self.csv = csv.DictWriter(out, fieldnames=self.columns, extrasaction="ignore")
            self.csv.writeheader()
        elif fmt == "json":
            out.write("[")

    def write(self, row: dict[str, Any]) -> None:
        row = {k: none_if_missing(v) for k, v in row.items()}
        if self.fmt == "csv":
            self.csv.writerow(
                {k: json.dumps(v, default=_json_default) if isinstance(v, (dict, list)) else v for k, v in row.items()}
            )
        else:
            text = json.dumps(row, default=_json_default)
            if self.fmt == "json":
                text = ("\n  " if self.count == 0 else ",\n  ") + text
            self.out.write(text + ("\n" if self.fmt == "jsonl" else ""))
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "]\n")
        self.out.flush()


def _extract(settings: Settings, args: argparse.Namespace) -> int:
    """Run the core on ad-hoc files; records go to stdout in input order as soon as they can."""
    import asyncio

    from .api import Pipeline

    items: list[Path | bytes] = []
    for name in args.files:
        if name == "-":
            # Never more than the limit plus one byte in memory: over it is a too_large dead letter.
            items.append(sys.stdin.buffer.read(settings.max_file_bytes + 1))
            continue
        path = Path(name)
        if not path.is_file():
            print(f"{name}: {'not a file' if path.exists() else 'no such file'}", file=sys.stderr)
            return EXIT_USAGE
        items.append(path)
    if args.concurrency is not None and args.concurrency < 1:
        print("--concurrency must be at least 1", file=sys.stderr)
        return EXIT_USAGE

    pipeline = Pipeline(settings, cache=args.cache)
    writer, progress = _Writer(args.format), _Progress(len(items))
    counts = progress.counts

    async def run() -> None:
        waiting: dict[int, Any] = {}
        next_index = 0
        async with pipeline:
            async for result in pipeline.process_stream(items, args.source, concurrency=args.concurrency):
                progress.update(result.disposition)
                waiting[result.index] = result
                while next_index in waiting:
                    writer.write(waiting.pop(next_index).to_dict())
                    next_index += 1

    try:
        asyncio.run(run())
    finally:
        writer.close()
        progress.close()
    for disposition in ("quarantine", "dead_letter"):
        if counts[disposition]:
            print(f"{counts[disposition]} of {len(items)} file(s): {disposition}", file=sys.stderr)
    return EXIT_OK if counts["valid"] == len(items) else EXIT_PARTIAL


@dataclasses.dataclass(frozen=True)
class Check:
    """One line of `doctor`: what was checked, `ok`/`WARN`/`FAIL`, what was found, what to do."""

    name: str
    status: str
    detail: str
    fix: str | None = None


def _first_line(exc: Exception) -> str:
    return f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"


def _shown(url: str) -> str:
    return sa.make_url(warehouse.normalize_url(url)).render_as_string(hide_password=True)


def _connect_args(url: str) -> dict[str, Any]:
    # A firewalled host would otherwise hang the check for minutes.
    return {"connect_timeout": 5} if url.startswith("postgresql") else {}


def check_llm(settings: Settings) -> Check:
    if settings.llm_backend == "none":
        return Check("llm", "ok", "rules only (PROPERTY_PIPELINE_LLM=none); set it to ollama or embedded for LLM extraction")
    try:
        client = build_client(settings)
        report = client.health()
    except Exception as exc:  # a broken backend must be reported, not crash the doctor
        return Check("llm", "FAIL", f"{settings.llm_backend} backend: {_first_line(exc)}", "check the LLM settings")
    where = f"{settings.ollama_model} at {settings.ollama_host}" if settings.llm_backend == "ollama" else client.model
    servers = ""
    if settings.llm_backend == "ollama":  # every server of the pool: reachable, version, model, slots
        from .llm.pool import format_server_reports, server_reports

        servers = "\n" + "\n".join(format_server_reports(server_reports(client)))
    if not report.ok:
        return Check("llm", "FAIL", f"{settings.llm_backend} {where}: " + "; ".join(report.problems) + servers)
    detail = f"{settings.llm_backend} {where}: {report}, {client.max_in_flight} request(s) in flight"
    return Check("llm", "ok", detail + servers)


def check_warehouse(url: str) -> Check:
    shown = _shown(url)
    fix = "point PROPERTY_PIPELINE_WAREHOUSE_URL at a database this user can reach and create tables in"
    try:
        parsed = sa.make_url(warehouse.normalize_url(url))
    except Exception as exc:
        return Check("warehouse", "FAIL", f"PROPERTY_PIPELINE_WAREHOUSE_URL is not a database URL: {_first_line(exc)}", fix)
    database = parsed.database or ""
    if parsed.get_backend_name() == "sqlite" and database and database != ":memory:" and not parsed.query.get("uri"):
        path = Path(database)
        if not path.exists():
            # The pipeline creates the file (and its folder) on first write: check that it can.
            existing = next(p for p in [path.parent, *path.parent.parents] if p.exists())
            if existing.is_dir() and os.access(existing, os.W_OK | os.X_OK):
                return Check("warehouse", "ok", f"{shown}: does not exist yet; will be created on the first run")
            return Check("warehouse", "FAIL", f"{shown}: cannot create it ({existing} is not a writable folder)", fix)
    engine = sa.create_engine(warehouse.normalize_url(url), connect_args=_connect_args(parsed.drivername))
    try:
        try:
            with engine.connect() as conn:
                conn.execute(sa.text("select 1"))
        except Exception as exc:
            return Check("warehouse", "FAIL", f"{shown}: unreachable ({_first_line(exc)})", fix)
        table = f"property_pipeline_doctor_{uuid.uuid4().hex[:8]}"
        try:
            with engine.begin() as conn:
                conn.execute(sa.text(f'CREATE TABLE "{table}" (id INTEGER)'))
                conn.execute(sa.text(f'INSERT INTO "{table}" (id) VALUES (1)'))
                conn.execute(sa.text(f'DROP TABLE "{table}"'))
        except Exception as exc:
            return Check("warehouse", "FAIL", f"{shown}: reachable but not writable ({_first_line(exc)})", fix)
    finally:
        engine.dispose()
    return Check("warehouse", "ok", f"{shown}: reachable and writable")


def check_landing(root: Path) -> Check:
    fix = "set PROPERTY_PIPELINE_LANDING_ROOT to the collectors' landing root (<root>/<source>/<YYYY-MM-DD>/)"
    if not root.exists():
        return Check("landing", "FAIL", f"{root} does not exist", fix)
    if not root.is_dir():
        return Check("landing", "FAIL", f"{root} is not a folder", fix)
    try:
        partitions = list(iter_partitions(root))
    except OSError as exc:
        return Check("landing", "FAIL", f"{root} is not readable ({_first_line(exc)})", fix)
    if not partitions:
        return Check("landing", "WARN", f"{root} is readable but holds no <source>/<YYYY-MM-DD>/ folders yet")
    anomalies = survey(root, day_range=_partition_range()).anomalies
    if anomalies:
        shown = "; ".join(map(str, anomalies[:5])) + (f"; and {len(anomalies) - 5} more" if len(anomalies) > 5 else "")
        return Check(
            "landing",
            "WARN",
            f"{root}: {len(partitions)} partition folder(s); {len(anomalies)} not processed: {shown}",
            "move or rename them (<source>/<YYYY-MM-DD>/<file>); see `property-pipeline run` for the full list",
        )
    return Check("landing", "ok", f"{root}: {len(partitions)} partition folder(s)")


def _partition_range() -> tuple[dt.date, dt.date] | None:
    """The code location's partition range, or None if the definitions cannot load here."""
    try:
        from .defs.partitions import partition_range

        return partition_range()
    except Exception:  # doctor reports configuration problems elsewhere; never crash on them
        return None


def check_instance(pg_url: str | None) -> Check:
    if not pg_url:
        home = os.environ.get("DAGSTER_HOME")
        where = f"DAGSTER_HOME={home}" if home else "DAGSTER_HOME unset: commands use an ephemeral instance"
        return Check("instance", "ok", f"DAGSTER_PG_URL unset; instance storage from {where}")
    shown = _shown(pg_url)
    engine = sa.create_engine(warehouse.normalize_url(pg_url), connect_args=_connect_args(warehouse.normalize_url(pg_url)))
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
    except Exception as exc:
        return Check(
            "instance",
            "FAIL",
            f"DAGSTER_PG_URL {shown}: unreachable ({_first_line(exc)})",
            "start PostgreSQL or fix DAGSTER_PG_URL (host, port, database, credentials)",
        )
    finally:
        engine.dispose()
    return Check("instance", "ok", f"DAGSTER_PG_URL {shown}: reachable")


def run_checks(env: dict[str, str] | None = None) -> list[Check]:
    """Every configuration check, in the order the data flows; never raises."""
    try:
        settings = Settings.from_env(env)
    except ValueError as exc:
        return [Check("settings", "FAIL", str(exc), "fix the variable named above (see README, Configuration)")]
    return [
        Check("settings", "ok", f"LLM backend {settings.llm_backend}, min confidence {settings.min_confidence}"),
        check_llm(settings),
        check_warehouse(settings.warehouse_url),
        check_landing(settings.landing_root),
        check_instance(settings.dagster_pg_url),
    ]


def _doctor() -> int:
    checks = run_checks()
    width = max(len(c.name) for c in checks)
    for check in checks:
        print(f"{check.status:<5} {check.name:<{width}}  {check.detail}")
        if check.fix:
            print(f"{'':<5} {'':<{width}}  fix: {check.fix}")
    broken = [c for c in checks if c.status == "FAIL"]
    print(f"\n{len(broken)} problem(s) found" if broken else "\neverything looks fine")
    return EXIT_BROKEN if broken else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="property-pipeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="materialize the assets for every partition in a landing zone")
    run.add_argument("--landing", type=Path, help="landing root (default: PROPERTY_PIPELINE_LANDING_ROOT)")
    run.add_argument("--date", type=dt.date.fromisoformat, help="only this day (YYYY-MM-DD)")
    run.add_argument("--source", choices=source_names(), help="only this source")
    run.add_argument(
        "--settle-s", type=float, default=None,
        help="wait until no file of a folder changed for this long, as the sensor does (default: PROPERTY_PIPELINE_SETTLE_S)",
    )
    report = sub.add_parser("report", help="one self-contained HTML quality report for a range of partitions")
    report.add_argument("--out", type=Path, required=True, help="output .html file")
    report.add_argument("--from", dest="start", type=dt.date.fromisoformat, help="first day (YYYY-MM-DD)")
    report.add_argument("--to", dest="end", type=dt.date.fromisoformat, help="last day (YYYY-MM-DD)")
    report.add_argument("--source", choices=source_names(), help="only this source")
    replay = sub.add_parser(
        "replay",
        help="rerun the partitions an LLM outage degraded (retryable dead letters, rule fallbacks) once the LLM answers",
    )
    replay.add_argument("--landing", type=Path, help="landing root (default: PROPERTY_PIPELINE_LANDING_ROOT)")
    replay.add_argument("--since", type=dt.date.fromisoformat, help="only partitions of this day or later (YYYY-MM-DD)")
    replay.add_argument(
        "--reason", action="append", metavar="CODE",
        help="dead-letter reason to replay (repeatable; default: llm_unavailable, llm_invalid_reply, extractor_error)",
    )
    replay.add_argument("--no-fallbacks", action="store_true", help="leave records the rules made alone as they are")
    replay.add_argument("--dry-run", action="store_true", help="list what would be replayed and stop")
    sub.add_parser("init", help="create the checkout's local Dagster instance (.dagster_home) and show what commands use")
    export = sub.add_parser("export", help="write every validated, quarantined and dead-lettered record")
    export.add_argument("--out", type=Path, required=True, help="output .jsonl file")
    export.add_argument("--table", choices=("records", "golden", "history"), default="records",
                        help="records: every outcome row (default); golden: one row per property; history: listing observations")
    evaluate = sub.add_parser("evaluate", help="field accuracy and calibration on a labeled landing zone")
    evaluate.add_argument("--landing", type=Path, default=None, help="labeled landing root (default: samples/landing)")
    evaluate.add_argument("--labels", type=Path, default=None, help="labels root (default: samples/expected)")
    evaluate.add_argument("--mode", choices=(*MODES, "all"), default="rules")
    evaluate.add_argument(
        "--outcomes", type=Path, default=None, help="write each labelled file's outcome and reason (JSON) to this path"
    )
    extract = sub.add_parser(
        "extract",
        help="extract ad-hoc files (no landing zone, no Dagster) and write the records to stdout",
        description="Exit status: 0 every file valid, 3 some quarantined or dead-lettered, 2 usage error.",
    )
    extract.add_argument("files", nargs="+", metavar="FILE", help="raw files of one source; - reads stdin")
    extract.add_argument("--source", choices=source_names(), required=True)
    extract.add_argument("--format", choices=("jsonl", "json", "csv"), default="jsonl")
    extract.add_argument("--concurrency", type=int, default=None, help="LLM requests in flight (default: OLLAMA_NUM_PARALLEL)")
    extract.add_argument("--cache", action="store_true", help="use the LLM result cache in the warehouse")
    sub.add_parser("doctor", help="check the configuration end to end and say what to fix")
    config = sub.add_parser("config", help="the configuration: every variable's value here, or the documentation table")
    config.add_argument("--markdown", action="store_true", help="print the README's table of variables and defaults")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    with _local_defaults(getattr(args, "landing", None) if args.command in ("run", "replay") else None):
        return _dispatch(args)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "doctor":
        return _doctor()
    if args.command == "config" and args.markdown:
        print(configuration_table(), end="")
        return EXIT_OK
    try:
        settings = Settings.from_env()
    except ValueError as exc:
        print(f"configuration error: {exc} (run `property-pipeline doctor`)", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "config":
        print(json.dumps(settings.model_dump(mode="json"), indent=2))
        return EXIT_OK
    if args.command == "init":
        return _init(settings)
    if args.command == "extract":
        return _extract(settings, args)
    if args.command == "evaluate":
        return _evaluate(settings, args)
    if args.command in ("export", "report", "replay"):
        problem = _terminable(lambda s, a: missing_warehouse(s.warehouse_url), settings, args)
        if problem:
            if isinstance(problem, str):
                print(f"{args.command}: {problem}", file=sys.stderr)
            return EXIT_BROKEN
    return _terminable(_run_or_export, settings, args)


def _init(settings: Settings) -> int:
    home, why = default_home()
    if home is None:
        print(f"no instance: {why}; set DAGSTER_HOME to an absolute directory", file=sys.stderr)
        return EXIT_USAGE
    ensure_local_home(home)
    _instance().dispose()  # creates its storage, and completes a PostgreSQL schema a first start left half made
    print(f"instance:  {home} ({why})")
    print(f"warehouse: {_shown(settings.warehouse_url)}")
    print(f"landing:   {settings.landing_root}")
    return EXIT_OK


def _terminate(signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def _terminable(command: Any, settings: Settings, args: argparse.Namespace) -> int:
    """Run a warehouse command so that SIGTERM ends it promptly (an open write rolls back, so
    no partition is half written) and an unreachable or hung warehouse is one clear line."""
    signal.signal(signal.SIGTERM, _terminate)
    termination.watch(signal.SIGTERM)
    try:
        code = command(settings, args)
        if not termination.requested():
            return code
        # Dagster turned the signal into a failed run: still a terminated command.
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        print(f"{args.command}: terminated; open warehouse writes were rolled back", file=sys.stderr)
        return EXIT_TERMINATED
    except sa.exc.OperationalError as exc:
        detail = " ".join(str(exc.orig or exc).split())[:300]
        print(f"{args.command}: database error (check PROPERTY_PIPELINE_WAREHOUSE_URL, DAGSTER_PG_URL and "
              f"the PROPERTY_PIPELINE_DB_*_TIMEOUT_S settings): {detail}", file=sys.stderr)
        return EXIT_BROKEN


def _print_anomalies(anomalies: list[Anomaly]) -> None:
    for anomaly in anomalies:
        print(f"not processed: {anomaly}", file=sys.stderr)


def _run(settings: Settings, args: argparse.Namespace) -> int:
    from .defs.partitions import partition_range
    from .settings import OpsSettings

    if not settings.landing_root.is_dir():
        print(f"landing root {settings.landing_root} is not a directory", file=sys.stderr)
        return EXIT_USAGE
    found = survey(settings.landing_root, day_range=partition_range())
    _print_anomalies(found.anomalies)
    folders = [f for f in found.folders if args.source in (None, f.source) and args.date in (None, f.day)]
    if not folders:
        print(f"no partitions found under {settings.landing_root}", file=sys.stderr)
        return EXIT_BROKEN
    settle_s = OpsSettings.from_env().settle_s if args.settle_s is None else args.settle_s
    folders = wait_until_settled(
        folders,
        settings.landing_root,
        settle_s,
        on_wait=lambda f, why: print(f"waiting for {f.key} to settle: {why}", file=sys.stderr),
    )
    summaries = run_partitions(settings, folders)
    _print_table(summaries, ["source", "date", "files", "validated", "quarantined", "dead_letters", "success", "held_back"])
    if found.anomalies:
        print(f"\n{len(found.anomalies)} landing folder(s) or file(s) not processed (listed above)")
    print(f"\nwarehouse: {_shown(settings.warehouse_url)}")
    return EXIT_OK if all(s["success"] for s in summaries) else EXIT_BROKEN


def _report(settings: Settings, args: argparse.Namespace) -> int:
    from .quality.report import render_html

    reports = warehouse.read_table(settings.warehouse_url, "property_quality_report")
    days = pd.to_datetime(reports["collected_on"]).dt.date if len(reports) else pd.Series(dtype=object)
    keep = pd.Series(True, index=reports.index)
    if args.start:
        keep &= days >= args.start
    if args.end:
        keep &= days <= args.end
    if args.source:
        keep &= reports["source"] == args.source
    chosen = reports[keep]
    if not len(chosen):
        print(f"report: no partitions in the chosen range in {_shown(settings.warehouse_url)}", file=sys.stderr)
        return EXIT_BROKEN
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render_html(chosen), encoding="utf-8")
    print(f"wrote the report on {len(chosen)} partition(s) to {args.out}")
    return EXIT_OK


def _replay(settings: Settings, args: argparse.Namespace) -> int:
    """Rerun every partition holding retryable dead letters or rule fallbacks, if the LLM answers
    now; print per partition what changed. Exit 0 when every rerun succeeded."""
    from .defs.partitions import partition_range
    from .replay import RETRYABLE_REASONS, compare, degraded_partitions

    reasons = frozenset(args.reason or RETRYABLE_REASONS)
    options = {"since": args.since, "reasons": reasons, "include_fallbacks": not args.no_fallbacks}
    before = degraded_partitions(settings.warehouse_url, **options)
    if not before:
        print(f"nothing to replay in {_shown(settings.warehouse_url)}")
        return EXIT_OK
    for damage in before:
        print(f"to replay: {damage.describe()}")
    if args.dry_run:
        return EXIT_OK
    llm = check_llm(settings)
    if settings.llm_backend == "none" or llm.status == "FAIL":
        print(f"replay: the LLM is not available, nothing was rerun ({llm.detail.splitlines()[0]})", file=sys.stderr)
        return EXIT_BROKEN
    wanted = {(d.source, d.day) for d in before}
    folders = [f for f in survey(settings.landing_root, day_range=partition_range()).folders if (f.source, f.day) in wanted]
    for source, day in sorted(wanted - {(f.source, f.day) for f in folders}, key=lambda k: (k[1], k[0])):
        print(f"replay: {source} {day}: its landing folder is gone from {settings.landing_root}; not rerun", file=sys.stderr)
    summaries = run_partitions(settings, folders)
    for outcome in compare([d for d in before if (d.source, d.day) in {(f.source, f.day) for f in folders}],
                           degraded_partitions(settings.warehouse_url, **options)):
        print(f"replayed: {outcome.describe()}")
    return EXIT_OK if all(s["success"] for s in summaries) and len(folders) == len(wanted) else EXIT_BROKEN


def _run_or_export(settings: Settings, args: argparse.Namespace) -> int:
    if args.command == "run":
        return _run(settings, args)
    if args.command == "replay":
        return _replay(settings, args)
    if args.command == "report":
        return _report(settings, args)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    # Written aside and renamed at the end: an interrupted export never leaves a short file.
    partial = args.out.with_name(args.out.name + ".partial")
    with partial.open("w", encoding="utf-8") as handle:
        from .golden.tables import export_rows

        rows = export_records(settings) if args.table == "records" else export_rows(settings.warehouse_url, args.table)
        for record in rows:
            handle.write(json.dumps({k: none_if_missing(v) for k, v in record.items()}, default=_json_default) + "\n")
            count += 1
    partial.replace(args.out)
    print(f"wrote {count} records to {args.out}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
