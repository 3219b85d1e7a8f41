"""Runs of the real `property_pipeline_job` started outside the daemon (`property-pipeline run`).

Each partition is one run of the job the code location defines, executed in this process
but recorded exactly as if the UI had launched it: job name, partition tags, the landing
folder's fingerprint, and the code location's origin. So the UI lists it under
`property_pipeline_job`, can re-execute it, include it in backfills, and the landing sensor
knows the folder is done (no second run for unchanged files).

Private Dagster API, on purpose and only here. The project rule is no `dagster._` imports;
this module is the one exception, because Dagster 1.13 has no public way to do what it does:
execute a run in this process *and* record it with the code location's origin.

- `dg.execute_job(dg.reconstructable(...), instance, tags=...)` (and `dagster job execute`,
  which calls it) records the run without `remote_job_origin`; the UI's "Re-execute" and
  `launchPipelineReexecution` need it (dagster_graphql's `launch_reexecution_from_parent_run`
  does `check.not_none(parent_run.remote_job_origin)`), so such runs cannot be re-executed.
  `test_cli_run_is_a_real_job_run_the_ui_can_reexecute_and_the_sensor_does_not_repeat`
  re-executes a `run` from the UI's GraphQL; `test_public_execute_job_runs_cannot_be_reexecuted`
  shows the public call's run is refused.
- `dagster job launch`, the GraphQL `launchPipelineExecution` (`dagster-graphql`,
  `DagsterGraphQLClient.submit_job_execution`) record the origin, but hand the run to the
  instance's run coordinator: the QueuedRunCoordinator of the local and production instances
  leaves it queued until a `dagster-daemon` runs, and `run` must work without one (`make demo`).
- `DagsterInstance.create_run_for_job`/`submit_run`/`launch_run` are not public API.

What would replace the private imports: a public `execute_job(..., remote_job_origin=...)`
(or a public "execute this queued run here" call), or `DagsterGraphQLClient.submit_job_execution`
if `run` may one day require a running daemon. Until then the private names are confined to
`_reconstructable`, `_origin` and `execute_job` below.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import dagster as dg

from ..ops.landing_watch import FolderState
from .sensors import partition_tags

CODE_LOCATION = "property_pipeline"  # workspace.yaml's location_name
MODULE, ATTRIBUTE = "property_pipeline.definitions", "defs"
JOB_NAME, SUMMARY_JOB_NAME = "property_pipeline_job", "property_quality_summary_job"
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def _reconstructable(job_name: str):
    from dagster._core.definitions.reconstruct import ReconstructableRepository

    repository = ReconstructableRepository.for_module(MODULE, ATTRIBUTE, working_directory=os.getcwd())
    return repository.get_reconstructable_job(job_name)


def _origin(job_name: str):
    """The origin a run launched from the UI on workspace.yaml would carry: the UI finds the
    job by code location and repository name when re-executing."""
    from dagster._core.definitions.repository_definition import SINGLETON_REPOSITORY_NAME
    from dagster._core.remote_origin import (
        ManagedGrpcPythonEnvCodeLocationOrigin,
        RemoteJobOrigin,
        RemoteRepositoryOrigin,
    )
    from dagster._core.types.loadable_target_origin import LoadableTargetOrigin

    target = LoadableTargetOrigin(
        executable_path=sys.executable, module_name=MODULE, attribute=ATTRIBUTE, working_directory=os.getcwd()
    )
    location = ManagedGrpcPythonEnvCodeLocationOrigin(loadable_target_origin=target, location_name=CODE_LOCATION)
    return RemoteJobOrigin(RemoteRepositoryOrigin(location, SINGLETON_REPOSITORY_NAME), job_name)


def execute_job(
    instance: dg.DagsterInstance, job_name: str, tags: dict[str, str], partition: str | None = None
) -> tuple[str, bool]:
    """One run of a job of the code location, in this process. (run id, success)."""
    from dagster._core.execution.api import execute_run

    recon = _reconstructable(job_name)
    job = recon.get_definition()
    run_tags = dict(tags)
    if partition is not None:
        run_tags.update(job.partitions_def.get_tags_for_partition_key(partition))
    run = instance.create_run_for_job(
        job_def=job,
        run_config=QUIET,
        tags=run_tags,
        remote_job_origin=_origin(job_name),
        job_code_origin=recon.get_python_origin(),
    )
    result = execute_run(recon, run, instance)
    return run.run_id, result.success


def run_folders(instance: dg.DagsterInstance, folders: list[FolderState]) -> list[dict[str, Any]]:
    """One `property_pipeline_job` run per landing folder, then one summary refresh.
    Returns per folder: source, date, run_id, success."""
    from .partitions import partition_key

    outcomes = []
    for folder in folders:
        key = partition_key(folder.source, folder.day)
        run_id, success = execute_job(
            instance, JOB_NAME, {**partition_tags(folder), "property_pipeline/launched_by": "cli"}, partition=str(key)
        )
        outcomes.append({"source": folder.source, "date": folder.day.isoformat(), "run_id": run_id, "success": success})
    execute_job(instance, SUMMARY_JOB_NAME, {"property_pipeline/launched_by": "cli"})
    return outcomes
