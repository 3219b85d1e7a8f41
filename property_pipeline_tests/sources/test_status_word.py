"""A bare status badge or alert headline, read by `normalize.status_word` wherever it is used:
wording variants of the same status, and lines that only look like one."""

from __future__ import annotations

import pytest

from property_pipeline.sources.normalize import status_word


@pytest.mark.parametrize(
    ("badge", "status"),
    [
        ("Back on the market", "Active"),
        ("BACK ON THE MARKET!", "Active"),
        ("Back on Market", "Active"),
        ("Active listing", "Active"),
        ("Pending listing", "Pending"),
        ("New listing", "Active"),
        ("Coming Soon", "Coming Soon"),
    ],
)
def test_a_badge_in_its_variants_reads_as_its_status(badge, status):
    assert status_word(badge) == status


@pytest.mark.parametrize("line", ["New", "listing", "Listing", "Market", "on the market", "Status: Active", "Listing agent"])
def test_words_around_a_status_are_no_status(line):
    assert status_word(line) is None
