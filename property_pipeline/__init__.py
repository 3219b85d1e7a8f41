"""property_pipeline: raw collector files to validated, confidence-scored property records.

The Python API (see docs/api.md) runs the same core as the Dagster assets, without Dagster:

    from property_pipeline import process_property
    result = process_property(Path("listing.html"), "phoenix_mls")
    print(result.disposition, result.confidence, result.record["list_price"])
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Loaded on first use, so that importing a submodule (a sensor, a source adapter) does not
# pull in the whole API and its dependencies.
_EXPORTS = {
    "Item": "api",
    "Pipeline": "api",
    "ProcessedRecord": "api",
    "PropertyData": "api",
    "process_batch": "api",
    "process_property": "api",
    "process_stream": "api",
    "QualityConfig": "quality.rules",
    "Settings": "settings",
}
__all__ = [
    "Item",
    "Pipeline",
    "ProcessedRecord",
    "PropertyData",
    "QualityConfig",
    "Settings",
    "process_batch",
    "process_property",
    "process_stream",
]

if TYPE_CHECKING:
    from .api import (
        Item,
        Pipeline,
        ProcessedRecord,
        PropertyData,
        process_batch,
        process_property,
        process_stream,
    )
    from .quality.rules import QualityConfig
    from .settings import Settings


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'property_pipeline' has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
