"""Operations core: landing-zone watching and alert messages, with no Dagster imports.

The sensors, schedules and alert hooks in `property_pipeline.defs` are thin
wrappers around these functions, so their decisions can be tested and reused
without a Dagster instance.
"""
