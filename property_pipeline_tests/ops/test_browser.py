"""What a user sees in the running web UI: every asset in the graph, the check results, and
the latest quality report with its confidence plot. Screenshots go to test-artifacts/."""

from __future__ import annotations

import json
import time

import pytest

from ..conftest import REPO
from .browser import Browser
from .conftest import BAD_DAY

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
      assetMaterializations(limit: 20) {
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


README_IMAGES = REPO / "docs" / "img"


def shoot(browser: Browser, name: str, readme: bool = False) -> None:
    """A screenshot into test-artifacts/ (and docs/img/, the README's, when `readme`)."""
    dismiss_newsletter_prompt(browser)
    time.sleep(1)  # dialogs fade in and out; a screenshot taken at once shows them half transparent
    assert_png(browser.screenshot(ARTIFACTS / name))
    if readme:
        README_IMAGES.mkdir(parents=True, exist_ok=True)
        (README_IMAGES / name).write_bytes((ARTIFACTS / name).read_bytes())


def test_asset_graph_shows_every_asset(stack, sensor_runs, browser):
    browser.open(f"{stack.url}/locations/property_pipeline/asset-groups/properties")
    browser.wait_for(has_text(*ASSETS), "every asset name in the graph")
    shoot(browser, "asset_graph.png")


def open_check_partitions(browser: Browser, url: str, asset: str, check: str) -> str:
    """The check's own Partitions tab: one status per (date, source), as a user opens it."""
    browser.open(f"{url}/assets/{asset}?view=checks&checkDetail={check}")
    browser.wait_for(has_text(check, "Execution history", "Partitions"), f"the {check} check panel")
    browser.evaluate(
        """(() => {
          const tabs = [...document.querySelectorAll('button, a, [role=tab]')].filter(e => e.innerText.trim() === 'Partitions');
          tabs[tabs.length - 1].click();
        })()"""
    )
    return browser.wait_for(
        # "Failed (n)" at a line start: not the "Execution Failed (n)" before it.
        "(() => { const m = document.body.innerText.match(/(?:^|\\n)Failed \\((\\d+)\\)[\\s\\S]*Passed \\((\\d+)\\)/);"
        # Passed > 0: the counts render as 0 before the partitions' results have loaded.
        " return m && +m[2] > 0 ? m[1] + '/' + m[2] : null; })()",
        f"the per-partition results of {check}",
    )


def test_the_bad_days_failed_check_is_visible_per_partition(stack, sensor_runs, browser):
    """confidence_thresholds failed on the bad day only; the good day's two partitions passed."""
    counts = open_check_partitions(browser, stack.url, "validated_properties", "confidence_thresholds")
    failed, passed = map(int, counts.split("/"))
    assert failed == 1 and passed >= 2, counts
    # The date list marks the bad day; the screenshot is the one in the README.
    assert BAD_DAY in browser.text()
    shoot(browser, "checks_per_partition.png", readme=True)


@pytest.mark.parametrize("asset,check", [(a, c) for a, checks in sorted(CHECKS.items()) for c in checks])
def test_each_check_has_its_own_result_per_partition(stack, sensor_runs, browser, asset, check):
    counts = open_check_partitions(browser, stack.url, asset, check)
    failed, passed = map(int, counts.split("/"))
    # The good day passes every check on both sources; the bad day fails the confidence check
    # (blocking) and the dead-letter rate (2 of 8 files: WARN).
    bad_day_fails = check in ("confidence_thresholds", "dead_letter_rate")
    assert (failed, passed >= 2) == (1 if bad_day_fails else 0, True), f"{check}: {counts}"
    assert "No description provided" not in browser.text()


def test_bad_days_report_says_why_without_a_click(stack, sensor_runs, browser):
    materializations = stack.graphql(REPORT_METADATA)["assetOrError"]["assetMaterializations"]
    entries = {e["label"]: e for m in materializations if m["partition"] == f"{BAD_DAY}|phoenix_mls" for e in m["metadataEntries"]}
    assert entries["held_back"]["__typename"] == "BoolMetadataEntry"
    for label in ("files", "validated", "quarantined", "dead_letters", "mean_confidence", "dagster/row_count"):
        assert entries[label]["__typename"] in ("IntMetadataEntry", "FloatMetadataEntry"), label
    for label in ("confidence_histogram", "completeness", "dead_letter_reasons"):
        assert entries[label]["__typename"] == "TableMetadataEntry", label
    plot = entries["confidence_plot"]
    assert "data:image/png;base64," in plot["mdStr"]

    browser.open(f"{stack.url}/assets/property_quality_report?view=partitions&partition={BAD_DAY}%7Cphoenix_mls")
    browser.wait_for(
        has_text("held_back_because", "confidence_thresholds: mean confidence 0.", "(minimum 0.75)", "confidence_histogram", "completeness"),
        "the bad day's report with the reason it is held back, and its tables inline",
    )
    # Completeness lists only what a listing page can state: no assessor-only fields.
    assert "full_cash_value" not in browser.text()
    shoot(browser, "quality_report_bad_day.png", readme=True)


def test_html_report_renders_in_chromium(stack, sensor_runs, browser, tmp_path):
    """`property-pipeline report --out report.html` on the same warehouse: one page, plots inline."""
    import subprocess

    from .stack import BIN

    out = tmp_path / "report.html"
    done = subprocess.run(
        [str(BIN / "property-pipeline"), "report", "--out", str(out), "--from", "2026-11-20", "--to", BAD_DAY],
        cwd=REPO, env=stack.env, capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    html = out.read_text()
    assert "<script" not in html and "http" not in html.split("<body>", 1)[1], "self-contained: nothing fetched"
    browser.open(out.as_uri())
    browser.wait_for(has_text("Property pipeline quality report", "held back: confidence_thresholds", "published"), "the report")
    images = browser.evaluate("[...document.images].map(i => i.naturalWidth)")
    assert len(images) >= 2 and all(w > 100 for w in images), images
    shoot(browser, "html_report.png")
