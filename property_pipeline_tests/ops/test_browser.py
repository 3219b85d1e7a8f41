"""What a user sees in the running web UI: every asset in the graph, the check results, and
the quality report with its confidence plot. Screenshots go to test-artifacts/."""

from __future__ import annotations

import re

from ..conftest import REPO
from .browser import dump_dom, screenshot
from .conftest import DAY

ARTIFACTS = REPO / "test-artifacts"
ASSETS = (
    "raw_collector_files",
    "extracted_properties",
    "extraction_dead_letters",
    "validated_properties",
    "quarantined_properties",
    "property_quality_report",
    "property_quality_summary",
)

def save(name: str, html: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / name).write_text(html)


def test_dump(stack, sensor_runs):
    for name, path in {
        "graph": "/asset-groups/properties",
        "graph2": "/locations/property_pipeline/asset-groups/properties",
        "report": "/assets/property_quality_report",
        "checks": "/assets/validated_properties?view=checks",
    }.items():
        save(f"{name}.html", dump_dom(stack.url + path))
