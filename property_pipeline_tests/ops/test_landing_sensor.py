"""The landing-zone sensor, evaluated tick by tick with a real landing folder on disk."""

from __future__ import annotations

import os
import time
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

    def __init__(self, root: Path, cursor: str | None = None) -> None:
        self.sensor = build_landing_zone_sensor(property_job, OpsSettings(settle_s=SETTLE_S))
        self.root = root
        self.cursor = cursor

    def tick(self) -> dg.SensorResult:
        context = dg.build_sensor_context(cursor=self.cursor, resources={"landing": LandingZone(root=str(self.root))})
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


def test_folders_outside_the_partitions_are_ignored(root):
    write(root, "phoenix_mls/2019-01-01/old.html")
    write(root, "phoenix_mls/not-a-day/x.html")
    write(root, "unknown_source/2026-11-20/x.html")
    assert Ticks(root).partitions() == []


def test_cursor_round_trips():
    cursor = WatchCursor(done={"phoenix_mls/2026-11-20": "abc"}, pending={"maricopa_county/2026-11-21": "def"})
    assert WatchCursor.from_json(cursor.to_json()) == cursor
    assert WatchCursor.from_json(None) == WatchCursor()
