"""The local Dagster instance of a checkout: `<repository>/.dagster_home`.

`make demo`, `make ui` and the command line run from the repository all use this one
directory (runs, event logs, sensor cursors, and the SQLite warehouse `warehouse.db`), so
their results meet in the web UI whatever the order they are run in. Its `dagster.yaml` is
written once from `LOCAL_INSTANCE_YAML`: SQLite storage (the default), the same run queue
rules as the production `dagster.yaml` (one run per partition at a time), telemetry off.

Why not a `.env` file: Dagster's command-line tools load `<cwd>/.env` *over* the process
environment, so a `DAGSTER_HOME` there would silently redirect every `dagster` command run
from the repository (the tests' and production's included) to the local instance; and it
must be an absolute path, which a committed file cannot know.
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_NAME = ".dagster_home"

LOCAL_INSTANCE_YAML = """\
# The local instance of this checkout (written by property-pipeline; edit freely, it is not
# rewritten). Storage: SQLite files in this directory. Production: the repository's dagster.yaml.
run_coordinator:
  module: dagster.core.run_coordinator
  class: QueuedRunCoordinator
  config:
    dequeue_interval_seconds: 1
    # Launch the runs of one dequeue side by side (four partitions landing together).
    dequeue_use_threads: true

sensors:
  # Submit the runs of one sensor tick side by side (four partitions landing together).
  use_threads: true
  num_workers: 2
  num_submit_workers: 4

concurrency:
  runs:
    max_concurrent_runs: 4
    # At most one run per (source, day) partition at a time.
    tag_concurrency_limits:
      - key: "dagster/partition"
        value:
          applyLimitPerUniqueValue: true
        limit: 1
  pools:
    default_limit: 1

telemetry:
  enabled: false
"""


def project_root(start: Path | None = None) -> Path | None:
    """The repository checkout containing `start` (default: the working directory): the nearest
    directory holding both `workspace.yaml` and a `property_pipeline/` package. None outside one."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "workspace.yaml").is_file() and (folder / "property_pipeline" / "__init__.py").is_file():
            return folder
    return None


def local_home(root: Path) -> Path:
    return root / HOME_NAME


def default_home(env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[Path | None, str]:
    """The instance directory commands should use, and where that choice came from:
    DAGSTER_HOME when set, else the checkout's `.dagster_home`, else None (no instance)."""
    env = os.environ if env is None else env
    if env.get("DAGSTER_HOME"):
        return Path(env["DAGSTER_HOME"]), "DAGSTER_HOME"
    root = project_root(cwd)
    if root is not None:
        return local_home(root), f"the checkout's {HOME_NAME} (DAGSTER_HOME unset)"
    return None, "DAGSTER_HOME unset and not inside a property_pipeline checkout"


def ensure_local_home(home: Path) -> Path:
    """Create the instance directory, and its `dagster.yaml` when it is the checkout's local
    home and has none (a DAGSTER_HOME elsewhere is configured by its owner, never written)."""
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if home.name == HOME_NAME and not config.exists():
        config.write_text(LOCAL_INSTANCE_YAML)
    return home
