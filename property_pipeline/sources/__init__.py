"""Registry of collector sources: the one list of sources the pipeline knows.

A source is one module that defines `SOURCE = Source(...)` (see `base.py`). The registry finds
every such module in this package, and the modules named in PROPERTY_PIPELINE_SOURCE_MODULES
(comma-separated importable module names, e.g. `acme_collectors.county_csv`): a collector kept
outside this repository is one module on the Python path plus that variable. Partitions, the
schedule, the landing sensor, the CLI's `--source` choices and the record contract's validation
all read this registry (docs/extending.md).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from functools import cache

from .base import RuleExtraction, Source, SourceDocument, SourceError

__all__ = [
    "SOURCE_MODULES_VAR",
    "RuleExtraction",
    "Source",
    "SourceDocument",
    "SourceError",
    "all_sources",
    "get_source",
    "source_names",
]

SOURCE_MODULES_VAR = "PROPERTY_PIPELINE_SOURCE_MODULES"


def _module_names() -> list[str]:
    own = [f"{__name__}.{info.name}" for info in pkgutil.iter_modules(__path__)]
    # Read here, not in settings.py: settings imports the registry (through the landing zone).
    extra = [name.strip() for name in os.environ.get(SOURCE_MODULES_VAR, "").split(",") if name.strip()]
    return own + extra


@cache
def all_sources() -> dict[str, Source]:
    """Source name -> `Source`, for every registered module; read once per process."""
    found: dict[str, Source] = {}
    for name in _module_names():
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            if name.startswith(f"{__name__}."):
                raise
            raise ImportError(f"{SOURCE_MODULES_VAR} names {name!r}, which cannot be imported: {exc}") from exc
        source = getattr(module, "SOURCE", None)
        if isinstance(source, Source):
            if source.name in found:
                raise ValueError(f"two source modules define the source {source.name!r}")
            found[source.name] = source
        elif not name.startswith(f"{__name__}."):
            raise ValueError(f"{SOURCE_MODULES_VAR} names {name!r}, which defines no `SOURCE = Source(...)`")
    return found


def source_names() -> tuple[str, ...]:
    """The registered sources' names, sorted: partition keys, CLI choices."""
    return tuple(sorted(all_sources()))


def get_source(name: str) -> Source:
    try:
        return all_sources()[name]
    except KeyError:
        raise ValueError(f"unknown source {name!r}; known: {', '.join(source_names())}") from None
