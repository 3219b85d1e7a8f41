"""A listing's price history: dated events read from the rows of a history table, list or timeline.

Rows such as "11/20/2026 | Price change | $339,000", "03/02/2019 — Listed for $255,000" or "Jun 14,
2021 Sold $268,000" are events. Their order on the page says nothing (newest first, oldest first);
their dates do. The latest event tells the current list price (when it is a listing event with an
amount: listed, relisted, a price change) and the status it leaves the home in. Older events are the
past: their prices are never the listing's.

Plain functions, no source's labels: `events(rows)` and `latest_event(rows)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import parse_money

_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_DATE = re.compile(
    r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)?\d\d)\b"
    r"|\b(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)\b"
    r"|\b(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:(?P<md>\d{1,2}),?\s+)?(?P<my>(?:19|20)\d\d)\b",
    re.I,
)
# Event kinds, in the order they are told apart ("Listing withdrawn" is no listing, "Listed for sale" no sale).
_KINDS = (
    ("off_market", re.compile(r"withdrawn|expired|cancell?ed|delisted|removed|off[\s-]market|terminated", re.I)),
    ("sold", re.compile(r"\bsold\b|\bclosed\b|\bsale (?:recorded|closed)\b", re.I)),
    ("pending", re.compile(r"pending|under contract|contingent", re.I)),
    ("listing", re.compile(r"\blist(?:ed|ing)\b|relisted|new listing|price\s+(?:change|changed|cut|drop\w*|reduc\w*|increas\w*|improved)"
                           r"|\breduced\b|back on (?:the )?market|coming soon", re.I)),
)
_AMOUNT = re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?\s*[KkMm]?(?![\w])")
_TO_AMOUNT = re.compile(r"\bto\s+(\$\s?\d[\d,]*(?:\.\d+)?\s*[KkMm]?)(?![\w])", re.I)
# What status the latest event leaves the home in.
STATUS_AFTER = {"listing": "Active", "pending": "Pending", "sold": "Closed"}


@dataclass(frozen=True)
class Event:
    date: tuple[int, int, int]
    kind: str
    amount: float | None
    row: str


def _date(text: str) -> tuple[int, int, int] | None:
    match = _DATE.search(text)
    if not match:
        return None
    if match.group("y"):
        year = int(match.group("y"))
        return (year + 2000 if year < 100 else year, int(match.group("m")), int(match.group("d")))
    if match.group("iy"):
        return int(match.group("iy")), int(match.group("im")), int(match.group("id"))
    return int(match.group("my")), _MONTHS[match.group("mon").lower()[:3]], int(match.group("md") or 0)


def read_event(row: str) -> Event | None:
    """One row as an event: it needs a date and an event word. Its amount is the one after "to"
    ("Price reduced to $339,000 (-$10,900)"), else the largest it states (a change shows its delta
    beside the new price)."""
    date = _date(row)
    kind = next((name for name, pattern in _KINDS if pattern.search(row)), None)
    if date is None or kind is None:
        return None
    to = _TO_AMOUNT.search(row)
    amounts = [parse_money(m.group()) for m in _AMOUNT.finditer(row)]
    amount = parse_money(to.group(1)) if to else max((a for a in amounts if a), default=None)
    return Event(date, kind, amount, row)


def is_event_row(text: str) -> bool:
    """A dated event: a date and an event word (`read_event`)."""
    return read_event(text) is not None


def events(rows: list[str]) -> list[Event]:
    """The rows that are events, oldest first (rows of one date keep their order)."""
    found = [event for event in map(read_event, rows) if event is not None]
    return sorted(found, key=lambda event: event.date)


def latest_event(rows: list[str]) -> Event | None:
    """The latest of two or more events (one dated row alone is no history)."""
    found = events(rows)
    return found[-1] if len(found) >= 2 else None


def current_list_price(rows: list[str]) -> float | None:
    """The amount of the latest listing event, when the latest event is one (not a sale, a pending
    contract or a withdrawal)."""
    last = latest_event(rows)
    return last.amount if last is not None and last.kind == "listing" else None
