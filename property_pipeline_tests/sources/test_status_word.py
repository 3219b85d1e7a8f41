"""A bare status badge or alert headline, read by `normalize.status_word` wherever it is used:
wording variants of the same status, and lines that only look like one."""

from __future__ import annotations

import pytest

from property_pipeline.extraction.grounding import is_grounded
from property_pipeline.sources.normalize import normalize_status, status_word


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


# Print sheets' status codes: the whole value of a status label or a badge, in any case.
CODES = [("ACT", "Active"), ("Actv", "Active"), ("PND", "Pending"), ("pend", "Pending"), ("CLSD", "Closed"),
         ("SLD", "Closed"), ("EXP", "Expired"), ("WDN", "Withdrawn"), ("CXL", "Canceled"), ("TOM", "Hold")]


@pytest.mark.parametrize(("code", "status"), CODES)
def test_a_print_sheets_status_code_reads_as_its_status_and_grounds_a_models_answer(code, status):
    assert normalize_status(code) == status
    assert status_word(code) == status
    page = f"MLS#: 7001234   Status: {code}   Price: $412,000"
    assert is_grounded("standard_status", status, page) is True
    # The page states one status: a model's other status is not grounded by the code.
    other = next(s for c, s in CODES if s != status)
    assert is_grounded("standard_status", other, page) is False


@pytest.mark.parametrize("sentence", ["Act fast, this one will go quickly", "Pend your plans", "Exp. date 12/31"])
def test_a_code_inside_a_sentence_states_no_status(sentence):
    assert normalize_status(sentence) is None
    assert status_word(sentence) is None
    # Nor does it ground a model's status: the code must be a status label's value or a lone badge.
    for status in ("Active", "Pending", "Expired"):
        assert is_grounded("standard_status", status, f"3 beds, 2 baths\n{sentence}\nMLS# 7001234") is False


def test_a_lone_badge_code_grounds_its_status():
    assert is_grounded("standard_status", "Closed", "MLS# 7001234\n  CLSD  \n$412,000") is True
