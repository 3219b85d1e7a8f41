"""Registry of collector sources: every module in this package that defines `SOURCE`.

Adding a collector means adding one module with a `SOURCE = Source(...)`.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from .base import RuleExtraction, Source, SourceDocument, SourceError

__all__ = ["RuleExtraction", "Source", "SourceDocument", "SourceError", "all_sources", "get_source"]


@cache
def all_sources() -> dict[str, Source]:
    found: dict[str, Source] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        source = getattr(module, "SOURCE", None)
        if isinstance(source, Source):
            found[source.name] = source
    return found


def get_source(name: str) -> Source:
    try:
        return all_sources()[name]
    except KeyError:
        raise ValueError(f"unknown source {name!r}; known: {', '.join(sorted(all_sources()))}") from None
