"""The local Dagster instance of a checkout: `<repository>/.dagster_home`.

`make demo`, `make ui` and the command line run from the repository all use this one
directory (runs, event logs, sensor cursors, and the SQLite warehouse `warehouse.db`), so
their results meet in the web UI whatever the order they are run in. Its `dagster.yaml` is
written once from `LOCAL_INSTANCE_YAML`: SQLite storage (the default), the same run queue
rules as the production `dagster.yaml` (one run per partition at a time), telemetry off.

Plain `dagster dev` (and `dg dev`, `dagster instance info`, ...) from the checkout's root
finds the same instance through `<root>/.env`, which Dagster's commands load from their
working directory: `ensure_local_home` adds one line to it,
`DAGSTER_HOME="${DAGSTER_HOME:-<root>/.dagster_home}"`. Written, not committed, because
Dagster refuses a relative DAGSTER_HOME and python-dotenv cannot nest `${PWD}` inside a
default; the `${DAGSTER_HOME:-...}` form matters because Dagster loads `.env` *over* the
process environment, so a bare `DAGSTER_HOME=` line would redirect a caller's own
DAGSTER_HOME (production, the tests' daemons) to this checkout. The file is gitignored
(docker compose keeps `POSTGRES_PASSWORD` there); other lines in it are never touched.
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_NAME = ".dagster_home"

LOCAL_INSTANCE_YAML = """\
# The local instance of this checkout (written by property-pipeline; edit freely, it is not
# rewritten). Storage: SQLite files in this directory. Production: the repository's dagster.yaml.
run_launcher:
  # Run workers forked from a warm process that imported the code once (ops/warm_launcher.py).
  module: property_pipeline.ops.warm_launcher
  class: WarmForkRunLauncher

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
    home and has none (a DAGSTER_HOME elsewhere is configured by its owner, never written);
    for the checkout's own home, also the `.env` line that points plain `dagster` commands at it."""
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if home.name == HOME_NAME and not config.exists():
        config.write_text(LOCAL_INSTANCE_YAML)
    root = home.resolve().parent
    if home.name == HOME_NAME and project_root(root) == root:
        ensure_dotenv(root)
    return home


DOTENV_PREFIX = 'DAGSTER_HOME="${DAGSTER_HOME:-'
DOTENV_COMMENT = (
    "# Written by property-pipeline: `dagster dev` and other dagster commands run here use this checkout's\n"
    "# instance unless DAGSTER_HOME is set (edit or delete freely; a DAGSTER_HOME line of your own is kept).\n"
)


def ensure_dotenv(root: Path) -> Path | None:
    """Make `<root>/.env` default DAGSTER_HOME to `<root>/.dagster_home` (absolute, as Dagster
    requires). Appends the line when the file has no DAGSTER_HOME, refreshes it when it is ours
    and names another directory (a moved checkout), leaves a DAGSTER_HOME of the user's alone.
    Returns the file, or None when the path cannot be written in it (`"`, `$`, `}` or `\\`)."""
    home = str(local_home(root))
    if any(c in home for c in '"$}\\'):
        return None
    env = root / ".env"
    line = f'{DOTENV_PREFIX}{home}}}"'
    lines = env.read_text().splitlines() if env.exists() else []
    ours = [i for i, text in enumerate(lines) if text.startswith(DOTENV_PREFIX)]
    if ours:
        if lines[ours[0]] != line:
            lines[ours[0]] = line
            env.write_text("\n".join(lines) + "\n")
        return env
    if any(text.strip().removeprefix("export ").split("=", 1)[0].strip() == "DAGSTER_HOME" for text in lines):
        return env  # the user's own choice
    with env.open("a") as out:
        out.write(("\n" if lines else "") + DOTENV_COMMENT + line + "\n")
    return env
