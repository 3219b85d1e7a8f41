"""What a user sees in the running web UI: every asset in the graph, the check results, and
the latest quality report with its confidence plot. Screenshots go to test-artifacts/."""

from __future__ import annotations

import json
import time

import pytest

from ..conftest import REPO
from .browser import Browser

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
CHECKS = {
    "validated_properties": ("confidence_thresholds", "validated_schema"),
    "property_quality_report": ("every_file_accounted_for", "dead_letter_rate", "no_personal_data"),
}
PNG = b"\x89PNG\r\n\x1a\n"

REPORT_METADATA = """
{
  assetOrError(assetKey: {path: ["property_quality_report"]}) {
    ... on Asset {
      assetMaterializations(limit: 1) {
        partition
        metadataEntries { label __typename ... on MarkdownMetadataEntry { mdStr } }
      }
    }
  }
}
"""


def has_text(*texts: str) -> str:
    return "!!document.body && " + " && ".join(f"document.body.innerText.includes({json.dumps(t)})" for t in texts)


@pytest.fixture(scope="module")
def browser():
    chrome = Browser()
    yield chrome
    chrome.close()


def assert_png(path) -> None:
    data = path.read_bytes()
    assert data.startswith(PNG) and len(data) > 10_000, f"{path} is not a rendered PNG"


def dismiss_newsletter_prompt(browser: Browser) -> None:
    """A fresh browser profile gets Dagster's "Join the Dagster community" dialog after a few
    seconds; it would cover what the screenshot is meant to show."""
    browser.evaluate(
        """(() => {
          const dialog = [...document.querySelectorAll('[role=dialog], .bp5-dialog, .bp4-dialog')]
            .find(d => d.innerText.includes('Join the Dagster community'));
          const skip = dialog && [...dialog.querySelectorAll('button')].find(b => b.innerText.trim() === 'Skip');
          if (skip) skip.click();
        })()"""
    )


def shoot(browser: Browser, name: str) -> None:
    dismiss_newsletter_prompt(browser)
    time.sleep(1)  # dialogs fade in and out; a screenshot taken at once shows them half transparent
    assert_png(browser.screenshot(ARTIFACTS / name))


def test_asset_graph_shows_every_asset(stack, sensor_runs, browser):
    browser.open(f"{stack.url}/asset-groups/properties")
    browser.wait_for(has_text(*ASSETS), "every asset name in the graph")
    shoot(browser, "asset_graph.png")


@pytest.mark.parametrize("asset", sorted(CHECKS))
def test_check_results_are_shown(stack, sensor_runs, browser, asset):
    browser.open(f"{stack.url}/assets/{asset}?view=checks")
    browser.wait_for(has_text(*CHECKS[asset]), f"the checks of {asset}")
    # Each check's latest result; all of them pass on the sample day.
    browser.wait_for(
        f"!!document.body && document.body.innerText.split('Succeeded').length - 1 >= {len(CHECKS[asset])}",
        "a result for every check",
    )
    assert "Failed" not in browser.text()
    shoot(browser, f"checks_{asset}.png")


def test_latest_quality_report_shows_its_numbers_and_plot(stack, sensor_runs, browser):
    materialization = stack.graphql(REPORT_METADATA)["assetOrError"]["assetMaterializations"][0]
    entries = {e["label"]: e for e in materialization["metadataEntries"]}
    assert materialization["partition"] in {run["tags"]["dagster/partition"] for run in sensor_runs.values()}

    browser.open(f"{stack.url}/assets/property_quality_report")
    browser.wait_for(
        has_text("Latest materialization", materialization["partition"], "validated", "quarantined", "dead_letters", "mean_confidence"),
        "the latest materialization's partition and numbers",
    )
    shoot(browser, "quality_report.png")

    plot = entries.get("confidence_plot")
    assert plot is not None and plot["__typename"] == "MarkdownMetadataEntry", "the report carries a plot"
    assert "data:image/png;base64," in plot["mdStr"]
    # Markdown metadata opens in a dialog: click the plot's row, as a user would.
    clicked = browser.evaluate(
        """(() => {
          const row = [...document.querySelectorAll('tr')].find(r => r.innerText.includes('confidence_plot'));
          const link = row && [...row.querySelectorAll('a, button')].find(a => a.innerText.includes('Show Markdown'));
          if (link) { link.click(); return true; }
          return false;
        })()"""
    )
    assert clicked, "no [Show Markdown] link on the confidence_plot row"
    browser.wait_for(
        "[...document.querySelectorAll('img')].some(i => i.src.startsWith('data:image/png') && i.naturalWidth > 0)",
        "the confidence plot image",
    )
    assert 'alt="confidence distribution"' in browser.html()
    shoot(browser, "quality_report_plot.png")
