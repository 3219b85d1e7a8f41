"""The landing-zone sensor, evaluated tick by tick with a real landing folder on disk."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import dagster as dg
import pytest

from property_pipeline.definitions import property_job
from property_pipeline.defs.resources import LandingZone
from property_pipeline.defs.sensors import build_landing_zone_sensor
from property_pipeline.ops.landing_watch import WatchCursor
from property_pipeline.settings import OpsSettings

SETTLE_S = 60


def write(root: Path, rel: str, content: str = "<html>x</html>", age_s: float = 3600) -> Path:
    """A file as a collector leaves it; `age_s` back-dates its mtime (0: just written)."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content)
    stamp = time.time() - age_s
    os.utime(path, (stamp, stamp))
    return path


class Ticks:
    """Evaluates the sensor like the daemon does: each tick starts from the cursor the last one left."""

    def __init__(self, root: Path, cursor: str | None = None, instance: dg.DagsterInstance | None = None) -> None:
        self.sensor = build_landing_zone_sensor(property_job, OpsSettings(settle_s=SETTLE_S))
        self.root = root
        self.cursor = cursor
        self.instance = instance or dg.DagsterInstance.ephemeral()

    def tick(self) -> dg.SensorResult:
        context = dg.build_sensor_context(
            cursor=self.cursor, resources={"landing": LandingZone(root=str(self.root))}, instance=self.instance
        )
        result = self.sensor(context)
        assert isinstance(result, dg.SensorResult)
        self.cursor = result.cursor
        return result

    def partitions(self) -> list[tuple[str, str]]:
        result = self.tick()
        keys = []
        for request in result.run_requests or []:
            dims = request.partition_key.keys_by_dimension
            keys.append((dims["source"], dims["date"]))
        return sorted(keys)


@pytest.fixture()
def root(tmp_path) -> Path:
    return tmp_path / "landing"


def test_new_files_one_run_per_partition_then_nothing(root):
    write(root, "phoenix_mls/2026-11-20/a.html")
    write(root, "phoenix_mls/2026-11-20/b.html")
    write(root, "maricopa_county/2026-11-20/p1.json", "{}")
    write(root, "maricopa_county/2026-11-21/p2.json", "{}")
    ticks = Ticks(root)

    result = ticks.tick()
    requests = result.run_requests
    assert len(requests) == 3
    assert {r.partition_key for r in requests} == {
        "2026-11-20|phoenix_mls",
        "2026-11-20|maricopa_county",
        "2026-11-21|maricopa_county",
    }
    assert all(r.run_key and r.run_key.startswith(f"{r.partition_key.keys_by_dimension['source']}/") for r in requests)
    assert len({r.run_key for r in requests}) == 3

    second = ticks.tick()
    assert not second.run_requests
    assert "no new files" in second.skip_reason.skip_message


def test_late_file_into_an_older_day_requests_that_day_only(root):
    write(root, "phoenix_mls/2026-11-20/a.html")
    write(root, "phoenix_mls/2026-11-21/b.html")
    ticks = Ticks(root)
    first = {r.run_key for r in ticks.tick().run_requests}

    write(root, "phoenix_mls/2026-11-20/late.html")
    result = ticks.tick()
    assert [r.partition_key for r in result.run_requests] == ["2026-11-20|phoenix_mls"]
    assert result.run_requests[0].run_key not in first, "new files must get a new run key"
    assert ticks.partitions() == []


def test_temporary_names_never_trigger_a_run(root):
    for name in (".x.html", "a.html.tmp", "b.json.part"):
        write(root, f"phoenix_mls/2026-11-20/{name}", age_s=0)
    write(root, "maricopa_county/2026-11-20/.hidden.json", "{}")
    ticks = Ticks(root)
    assert ticks.partitions() == []

    write(root, "phoenix_mls/2026-11-20/done.html")
    assert ticks.partitions() == [("phoenix_mls", "2026-11-20")]
    # A collector starting another temp write into a folder already run changes nothing.
    write(root, "phoenix_mls/2026-11-20/next.html.part", age_s=0)
    assert ticks.partitions() == []


def test_a_file_being_written_waits_until_it_settles(root):
    growing = write(root, "phoenix_mls/2026-11-20/slow.html", "<html>par", age_s=0)
    ticks = Ticks(root)
    result = ticks.tick()
    assert not result.run_requests
    assert "settling" in result.skip_reason.skip_message

    # It grew, and its mtime is old enough now, but it changed since the previous tick: wait again.
    growing.write_text("<html>partial page, still growing</html>")
    old = time.time() - 2 * SETTLE_S
    os.utime(growing, (old, old))
    assert ticks.partitions() == []

    # Unchanged for a whole tick and older than the settle time: now it runs, once.
    assert ticks.partitions() == [("phoenix_mls", "2026-11-20")]
    assert ticks.partitions() == []


def test_restart_from_saved_cursor_neither_repeats_nor_skips(root):
    write(root, "phoenix_mls/2026-11-20/a.html")
    write(root, "maricopa_county/2026-11-20/p.json", "{}")
    before = Ticks(root)
    first_keys = {r.run_key for r in before.tick().run_requests}
    saved = before.cursor
    assert len(saved) < 300, "the cursor holds one short fingerprint per folder, not per file"

    # The daemon is down while files arrive: a late one into a done day, and a new day.
    write(root, "maricopa_county/2026-11-20/late.json", '{"a": 1}')
    write(root, "phoenix_mls/2026-11-22/new.html")

    after = Ticks(root, cursor=saved)  # a new sensor object, as after a daemon restart
    result = after.tick()
    assert sorted(r.partition_key for r in result.run_requests) == ["2026-11-20|maricopa_county", "2026-11-22|phoenix_mls"]
    assert not first_keys & {r.run_key for r in result.run_requests}
    assert after.partitions() == []


def test_run_key_is_derived_from_the_files_so_a_lost_cursor_cannot_repeat_a_run(root):
    write(root, "phoenix_mls/2026-11-20/a.html")
    key_one = Ticks(root).tick().run_requests[0].run_key
    key_two = Ticks(root).tick().run_requests[0].run_key  # no cursor at all
    assert key_one == key_two  # Dagster launches one run per sensor run key


def test_folders_it_will_not_process_are_reported_and_never_stop_the_others(root, capfd):
    write(root, "phoenix_mls/2019-01-01/old.html")  # before the partitions' first day
    write(root, "phoenix_mls/2026-13-45/x.html")  # not a calendar date
    write(root, "phoenix_mls/20261122/x.html")  # not YYYY-MM-DD
    write(root, "zillow/2026-11-20/x.html")  # no such source
    write(root, "maricopa_county/2026-11-20/nested/p.json", "{}")  # files one level too deep
    write(root, "maricopa_county/2026-11-20/p.json", "{}")
    ticks = Ticks(root)
    assert ticks.partitions() == [("maricopa_county", "2026-11-20")]
    logged = capfd.readouterr().err  # the sensor's log (the tick's log in the UI)
    for path in ("phoenix_mls/2019-01-01", "phoenix_mls/2026-13-45", "phoenix_mls/20261122", "zillow", "maricopa_county/2026-11-20/nested"):
        assert f"not processed: {path}" in logged, path
    assert "did the collector mean 2026-11-22?" in logged

    # Logged when the list changes, not on every tick; the skip reason keeps counting them.
    result = ticks.tick()
    assert "not processed" not in capfd.readouterr().err
    assert "5 folder(s) not processed" in result.skip_reason.skip_message


def _finished_run(instance, status, tags):
    run = dg.DagsterRun(job_name="property_pipeline_job", run_id=str(uuid.uuid4()), status=status, tags=tags)
    instance.add_run(run)
    return run


def test_a_folder_whose_run_failed_is_requested_again_up_to_three_runs(root):
    write(root, "phoenix_mls/2026-11-20/a.html")
    ticks = Ticks(root)
    keys = []
    for attempt in range(3):
        requests = ticks.tick().run_requests
        assert [r.partition_key for r in requests] == ["2026-11-20|phoenix_mls"], attempt
        keys.append(requests[0].run_key)
        assert ticks.tick().run_requests == []  # in flight: not requested twice
        tags = {"dagster/sensor_name": "landing_zone_sensor", "dagster/run_key": requests[0].run_key}
        _finished_run(ticks.instance, dg.DagsterRunStatus.FAILURE, tags)
    assert len(set(keys)) == 3, "each retry needs its own run key (Dagster runs a key once)"
    assert ticks.tick().run_requests == [], "after three failed runs it waits for the files to change"
    write(root, "phoenix_mls/2026-11-20/b.html")
    assert ticks.partitions() == [("phoenix_mls", "2026-11-20")]


@pytest.mark.parametrize("status", [dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.CANCELED])
def test_a_run_that_succeeded_or_was_canceled_is_done(root, status):
    write(root, "phoenix_mls/2026-11-20/a.html")
    ticks = Ticks(root)
    request = ticks.tick().run_requests[0]
    _finished_run(ticks.instance, status, {"dagster/sensor_name": "landing_zone_sensor", "dagster/run_key": request.run_key})
    assert ticks.tick().run_requests == []
    assert "inflight" not in ticks.cursor


def test_files_another_run_already_processed_are_not_run_again(root):
    """After `make demo` (the CLI's runs carry the folder fingerprint), the UI's sensor starts nothing."""
    from property_pipeline.defs.sensors import FINGERPRINT_TAG
    from property_pipeline.ops.landing_watch import survey

    write(root, "phoenix_mls/2026-11-20/a.html")
    write(root, "phoenix_mls/2026-11-21/b.html")
    instance = dg.DagsterInstance.ephemeral()
    done = next(f for f in survey(root).folders if f.day.isoformat() == "2026-11-20")
    _finished_run(instance, dg.DagsterRunStatus.SUCCESS, {"dagster/partition": "2026-11-20|phoenix_mls", FINGERPRINT_TAG: done.fingerprint})
    assert Ticks(root, instance=instance).partitions() == [("phoenix_mls", "2026-11-21")]


def test_cursor_round_trips():
    cursor = WatchCursor(
        done={"phoenix_mls/2026-11-20": "abc"},
        pending={"maricopa_county/2026-11-21": "def"},
        inflight={"phoenix_mls/2026-11-20": "phoenix_mls/2026-11-20:abc"},
        failures={"maricopa_county/2026-11-20": ["x", 1]},
        reported="123",
    )
    assert WatchCursor.from_json(cursor.to_json()) == cursor
    assert WatchCursor.from_json(None) == WatchCursor()


def test_run_waits_for_a_folder_to_settle_like_the_sensor(root):
    """`property-pipeline run` and the sensor share the settle rule: no file changed for the
    settle time, and the folder unchanged at a second look."""
    from property_pipeline.ops.landing_watch import survey, wait_until_settled

    growing = write(root, "phoenix_mls/2026-11-20/slow.html", "<html>par", age_s=0)
    folders = survey(root).folders
    waits = []

    def sleep(seconds: float) -> None:
        # The collector finishes the file during the first wait.
        if not waits or len(waits) == 1:
            growing.write_text("<html>partial page, now complete</html>")
        time.sleep(min(seconds, 1.5))

    settled = wait_until_settled(folders, root, settle_s=1.0, sleep=sleep, on_wait=lambda f, why: waits.append(why))
    assert waits, "a file modified just now must be waited for"
    assert settled[0].fingerprint != folders[0].fingerprint, "the run processes the folder as it is once settled"
    assert time.time() - settled[0].newest_mtime_ns / 1e9 >= 1.0
