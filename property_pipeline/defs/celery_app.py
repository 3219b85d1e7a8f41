"""The Celery app the workers run: dagster-celery's step task on the broker, backend and
queue the environment names, with the same settings the executor submits with
(executors.py). Start a worker with

    celery -A property_pipeline.defs.celery_app worker -Q property_pipeline -n worker1@%h -c 2

in the environment of the code location (DAGSTER_HOME, DAGSTER_PG_URL and the
PROPERTY_PIPELINE_* / OLLAMA_* variables): the worker loads the job from this package and
writes events to the instance the run names.
"""

from dagster_celery.make_app import make_app
from dagster_celery.tasks import create_task

from .executors import celery_app_config, celery_connection

# The arguments dagster-celery's executor builds its app with (`CeleryExecutor.app_args()`), minus
# `retries`: Celery would only store it as an unused setting, and the step's retry mode travels
# with each task, not with the app.
app = make_app({"include": None, "config_source": celery_app_config(), **celery_connection()})

execute_plan = create_task(app)
