"""property_pipeline: raw collector files to validated, confidence-scored property records.

The Python API (see docs/api.md) runs the same core as the Dagster assets, without Dagster:

    from property_pipeline import process_property
    result = process_property(Path("listing.html"), "phoenix_mls")
    print(result.disposition, result.confidence, result.record["list_price"])
"""

from .api import (
    Item,
    Pipeline,
    ProcessedRecord,
    process_batch,
    process_property,
    process_stream,
)
from .quality.rules import QualityConfig
from .settings import Settings

__all__ = [
    "Item",
    "Pipeline",
    "ProcessedRecord",
    "QualityConfig",
    "Settings",
    "process_batch",
    "process_property",
    "process_stream",
]
