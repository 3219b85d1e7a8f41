"""Landing to validated rows through the real daemon: how long after a file lands in the landing
zone its partition's `validated_properties` is materialized, as the landing sensor, the run
queue and the run worker deliver it. No LLM (rules only), sensor interval 1 s, settle 0 s.

    python benchmarks/sensor_to_materialized.py [--code DIR] [--rounds 3] [--concurrent 4]

`--code` is the checkout whose code and `dagster.yaml` run queue settings are measured
(default: this repository); to measure the starting commit, point it at a pristine copy, e.g.
`PYTHONPATH=/tmp/baseline python benchmarks/sensor_to_materialized.py --code /tmp/baseline`
(the script prints which `property_pipeline` the daemon imported). The instance is SQLite in a
temporary directory; its `dagster.yaml` is the checkout's without the PostgreSQL storage.

Measured: `--rounds` lone one-file partitions (one after the other), then `--concurrent`
one-file partitions landed at the same moment. For each: landing -> run created (sensor),
-> run started (queue), -> validated_properties materialized (run), and the total.
`--max-concurrent-runs N` replaces dagster.yaml's run queue size (to compare queue sizes).

`--launcher default` drops the checkout's run launcher (Dagster's DefaultRunLauncher: the
code server spawns a fresh interpreter per run) to compare with the warm launcher.

Figures (idle 2-core VM, load average 1-2, same code, `python benchmarks/sensor_to_materialized.py
[--launcher default]`):

| run launcher | lone (median of 3) | four at once (median / slowest) | four / lone |
| --- | --- | --- | --- |
| DefaultRunLauncher (spawned run worker) | 5.2 s | 9.2 s / 9.5 s | 1.76x / 1.82x |
| WarmForkRunLauncher, before it learned the runs' imports | 4.8 s | 7.4 s / 7.6 s | 1.54x / 1.57x |
| WarmForkRunLauncher (dagster.yaml now) | 4.9 s | 7.1 s / 7.3 s | 1.43x / 1.47x |

Earlier, on a loaded machine (load average 4-9): a tick's runs submitted one after the other
3.6x; `sensors.num_submit_workers: 4` (the four runs created at the same moment) 3.2x; with
`max_concurrent_runs 2` 3.1x. A spawned run worker costs about 3.5 CPU-seconds of imports
(dagster, pandas, sqlalchemy, pandera; Dagster 1.13 hard-codes `spawn`), four of them on two
cores; lazy imports in the Dagster-facing modules saved nothing, and runs spanning several
partitions would lose per-partition truth (a ranged step writes one metadata set for the range,
and a check result in it cannot name the partition it judged). The warm launcher
(`property_pipeline/ops/warm_launcher.py`) removes the start-up instead: runs are forked from a
worker that imported the code location, and then the modules earlier runs imported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "landing" / "phoenix_mls" / "2026-11-21"


def instance_yaml(code: Path, max_concurrent_runs: int | None = None, launcher: str = "dagster.yaml") -> str:
    """The checkout's dagster.yaml run launcher, queue and concurrency settings, on local SQLite
    storage (`max_concurrent_runs` replaced when given, to compare queue sizes on the same code;
    `launcher="default"` drops the run launcher for Dagster's DefaultRunLauncher)."""
    config = yaml.safe_load((code / "dagster.yaml").read_text())
    config.pop("storage", None)
    if launcher == "default":
        config.pop("run_launcher", None)
    if max_concurrent_runs is not None:
        config.setdefault("concurrency", {}).setdefault("runs", {})["max_concurrent_runs"] = max_concurrent_runs
    return yaml.safe_dump(config)


def start_daemon(code: Path, home: Path, landing: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DAGSTER_", "PROPERTY_PIPELINE_"))}
    env.update(
        {
            "DAGSTER_HOME": str(home),
            "PYTHONPATH": str(code),
            "PROPERTY_PIPELINE_LANDING_ROOT": str(landing),
            "PROPERTY_PIPELINE_WAREHOUSE_URL": f"sqlite:///{home / 'warehouse.db'}",
            "PROPERTY_PIPELINE_LLM": "none",
            "PROPERTY_PIPELINE_SENSOR_INTERVAL_S": "1",
            "PROPERTY_PIPELINE_SETTLE_S": "0",
            "PROPERTY_PIPELINE_PARTITION_START": "2026-01-01",
        }
    )
    which = subprocess.run(
        [sys.executable, "-c", "import property_pipeline; print(property_pipeline.__file__)"],
        env=env, cwd=code, capture_output=True, text=True, check=True,
    )
    print(f"code: {which.stdout.strip()}")
    log = (home / "daemon.log").open("wb")
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "dagster-daemon"), "run", "-w", str(code / "workspace.yaml")],
        cwd=code, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )


def land(landing: Path, day: str, index: int) -> float:
    """One listing page into a new day folder, written aside and renamed (as collectors do)."""
    folder = landing / "phoenix_mls" / day
    folder.mkdir(parents=True, exist_ok=True)
    pages = sorted(p for p in SAMPLE.glob("*.html") if not p.name.startswith("."))  # the samples hold a temp-named page
    source = pages[index % 5]
    shutil.copy(source, folder / ".incoming.tmp")
    os.replace(folder / ".incoming.tmp", folder / source.name)
    return time.time()


def wait_materialized(instance, days: list[str], landed: dict[str, float], timeout_s: float = 300) -> list[dict]:
    import dagster as dg

    deadline = time.monotonic() + timeout_s
    results: dict[str, dict] = {}
    while time.monotonic() < deadline and len(results) < len(days):
        for day in days:
            if day in results:
                continue
            key = f"{day}|phoenix_mls"
            events = instance.fetch_materializations(
                dg.AssetRecordsFilter(asset_key=dg.AssetKey("validated_properties"), asset_partitions=[key]), limit=1
            ).records
            if not events:
                continue
            run = instance.get_run_record_by_id(events[0].run_id)
            stats = instance.get_run_stats(events[0].run_id)
            results[day] = {
                "day": day,
                "requested": run.create_timestamp.timestamp() - landed[day],
                "started": (stats.start_time or 0) - landed[day],
                "materialized": events[0].timestamp - landed[day],
            }
        time.sleep(0.2)
    if len(results) < len(days):
        raise SystemExit(f"not materialized within {timeout_s}s: {sorted(set(days) - set(results))}")
    return [results[d] for d in days]


def show(title: str, rows: list[dict]) -> None:
    print(f"\n{title}")
    print(f"{'day':<12}{'sensor: run created':>22}{'queue: run started':>22}{'materialized':>16}")
    for r in rows:
        print(f"{r['day']:<12}{r['requested']:>21.1f}s{r['started']:>21.1f}s{r['materialized']:>15.1f}s")
    totals = [r["materialized"] for r in rows]
    print(f"median landing -> validated rows: {statistics.median(totals):.1f} s (max {max(totals):.1f} s)")
    created = [r["requested"] for r in rows]
    if len(rows) > 1:
        print(f"runs created within {max(created) - min(created):.1f} s of each other (sensor tick -> run submission)")
    print(f"load average now: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores; compare runs made under similar load)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--code", type=Path, default=REPO)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrent", type=int, default=4)
    parser.add_argument("--max-concurrent-runs", type=int, default=None, help="override dagster.yaml's run queue size")
    parser.add_argument("--launcher", choices=("dagster.yaml", "default"), default="dagster.yaml",
                        help="the checkout's run launcher, or Dagster's DefaultRunLauncher (spawned run workers)")
    args = parser.parse_args()
    code = args.code.resolve()
    # ignore_cleanup_errors: the stopping daemon may still write its logs while the folder goes.
    with tempfile.TemporaryDirectory(prefix="sensor-bench-", ignore_cleanup_errors=True) as tmp:
        home, landing = Path(tmp) / "home", Path(tmp) / "landing"
        home.mkdir()
        landing.mkdir()
        (home / "dagster.yaml").write_text(instance_yaml(code, args.max_concurrent_runs, args.launcher))
        queue = yaml.safe_load((home / "dagster.yaml").read_text())["concurrency"]["runs"]["max_concurrent_runs"]
        launcher = yaml.safe_load((home / "dagster.yaml").read_text()).get("run_launcher", {}).get("class", "DefaultRunLauncher")
        print(f"run launcher: {launcher}; max_concurrent_runs: {queue} ({os.cpu_count()} cores)")
        import dagster as dg

        # Create the SQLite storage before the daemon starts: two processes initializing a
        # fresh SQLite instance at once can stamp its schema twice.
        with dg.DagsterInstance.from_config(str(home)) as instance:
            daemon = start_daemon(code, home, landing)
            try:
                # Warm-up: the first tick loads the code location; not what a steady daemon pays.
                warm = "2026-02-01"
                wait_materialized(instance, [warm], {warm: land(landing, warm, 0)})
                lone = []
                for i in range(args.rounds):
                    day = (dt.date(2026, 3, 1) + dt.timedelta(days=i)).isoformat()
                    lone += wait_materialized(instance, [day], {day: land(landing, day, i)})
                show(f"lone one-file partitions ({args.rounds})", lone)
                days = [(dt.date(2026, 4, 1) + dt.timedelta(days=i)).isoformat() for i in range(args.concurrent)]
                landed = {d: land(landing, d, i) for i, d in enumerate(days)}
                burst = wait_materialized(instance, days, landed)
                show(f"{args.concurrent} one-file partitions landed at once", burst)
                ratio = statistics.median(r["materialized"] for r in burst) / statistics.median(r["materialized"] for r in lone)
                worst = max(r["materialized"] for r in burst) / statistics.median(r["materialized"] for r in lone)
                print(f"\nconcurrent / lone (median): {ratio:.2f}x; slowest of the {args.concurrent} / lone: {worst:.2f}x")
            except BaseException:
                print((home / "daemon.log").read_text(errors="replace")[-4000:], file=sys.stderr)
                raise
            finally:
                os.killpg(daemon.pid, signal.SIGTERM)
                try:
                    daemon.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(daemon.pid, signal.SIGKILL)


if __name__ == "__main__":
    main()
