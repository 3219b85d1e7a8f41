"""The parts of a saved e-mail that belong to the mail, not to the listing it carries.

Alert and agent mails saved as pages wrap the listing in a mail's own text: a forwarder's note
above a "---------- Forwarded message ---------" line (it may name other homes and prices, and
people), a greeting naming the reader ("Hi Delphine,"), a signature after a "--" line (the
sender's name, phones, license number and office address), a contact block under a heading such
as "Your agent", and license lines ("Lic. #SA682214000"). `drop_mail_parts(out)` takes those lines
out of a `Collector` once the walk is done (their text remembered as personal); machinery only,
nothing here knows a source's labels.
"""

from __future__ import annotations

import re

from .asides import aside_title
from .collector import Collector
from .identity import address_spans, names_a_street

# A forward's or a quoted original's header line: what comes before it is the forwarder's own note.
_MAIL_BREAK = re.compile(r"^-{2,}\s*(?:forwarded message|original message)\s*-*$|^begin forwarded message:?$"
                         r"|^on \w{3}.{4,120}\bwrote:$", re.I)
_RULE = re.compile(r"^[-_=]{8,}$")
_FROM = re.compile(r"^from:\s", re.I)
# A mail header naming people ("From: Jonah Whitlock", "To: ...", "Cc: ..."), never a price.
_HEADER_PERSON = re.compile(r"^(?:from|to|cc|bcc|reply-to|sender|recipients?):\s+[^$\d]*$", re.I)
_GREETING = re.compile(r"^(?i:hi|hello|hey|dear|good (?:morning|afternoon|evening))\s+[A-Z][^!?$\d:]{0,40}?\s*[,!:]$")
# The signature's delimiter, or a sign-off ("Best,", "Kind regards,") above the sender's name.
_SIGNATURE = re.compile(r"^--$|^(?:best|thanks|thank you|regards|best regards|kind regards|warm regards|cheers|sincerely"
                        r"|warmly|talk soon)[,!.]?$", re.I)
_CONTACT_HEADING = re.compile(r"^(?:(?:your|meet your|contact your|listing|buyer'?s?)\s+)?(?:agent|realtor|advisor)s?:?$"
                              r"|^(?:presented|hosted|listed) by:?$|^contact (?:me|us|info):?$", re.I)
# An agent's license number ("Lic. #SA682214000", "AZ Lic. BR651120000") or "REALTOR®".
LICENSE = re.compile(r"\blic(?:ense|\.)?\s*(?:#|no\.?|number)?\s*:?\s*#?\s*[A-Z]{0,3}\d{5,}\b|\bREALTOR(?:\u00ae|\(R\))", re.I)
_LABELLED = re.compile(r"^[^:]{1,40}:\s")
_FOOTER = re.compile(r"\bunsubscribe\b|\b(?:manage|turn off|stop) (?:your |these |my )?(?:e-?mail )?alerts\b|\bopt[- ]out\b"
                     r"|\be-?mail preferences\b", re.I)
# Lines a contact block holds under its heading: the name, office, phone and the office's address.
CONTACT_BLOCK_LINES = 4


def _breaks(lines: list[str], engine: set[int]) -> list[int]:
    """Where a forwarded or quoted mail begins: its header line, a reply's "On ... wrote:", or a rule
    of dashes or underscores right above a "From:" line (Outlook's forward)."""
    found = []
    for i, line in enumerate(lines):
        if i in engine:
            continue
        following = [lines[j] for j in range(i + 1, min(i + 3, len(lines))) if j not in engine]
        if _MAIL_BREAK.match(line) or (_RULE.match(line) and any(_FROM.match(f) for f in following)):
            found.append(i)
    return found


def mail_lines(lines: list[str], engine: set[int]) -> set[int]:
    """Indexes of `lines` that are the mail's own (see the module docstring); `engine` lines (the
    engine's summaries, the remarks line) are never among them."""
    dropped: set[int] = set()
    breaks = _breaks(lines, engine)
    if breaks:
        dropped |= {i for i in range(breaks[-1] + 1) if i not in engine}
    is_mail = bool(breaks)
    signature, contact = False, 0
    for i, line in enumerate(lines):
        if i in engine or i in dropped:
            continue
        if signature or (contact and len(line) <= 100 and "$" not in line and not _LABELLED.match(line)):
            contact = max(contact - 1, 0)
            dropped.add(i)
            continue
        contact = 0
        if _GREETING.match(line):
            is_mail = True
            dropped.add(i)
        elif _SIGNATURE.match(line) and is_mail:
            signature = True
            dropped.add(i)
        elif _CONTACT_HEADING.match(line):
            contact = CONTACT_BLOCK_LINES
            dropped.add(i)
        elif LICENSE.search(line) or _HEADER_PERSON.match(line):
            dropped.add(i)
        elif _FOOTER.search(line):
            # The mail's footer: the way out of the alerts, and the sender's postal address beside it.
            dropped.add(i)
            before = max((j for j in range(i) if j not in engine), default=None)
            if before is not None and address_spans(lines[before]):
                dropped.add(before)
    return dropped


# A numbered entry of a plain-text digest ("1. NEW LISTING", "2) PRICE CHANGE").
_ENTRY = re.compile(r"^\d{1,2}[.)]\s+\S")
_PRICE = re.compile(r"\$\s?\d{1,3}(?:,\d{3})+")


def other_entries(lines: list[str], anchors: tuple[re.Pattern, ...], engine: set[int]) -> set[int]:
    """Indexes of the lines of a digest's numbered entries about other homes: each entry runs to the
    next one (the last to the end of the mail); an entry that names a price but not the page's own
    street (`anchors`) is another home's, its price, beds and MLS number none of this listing's."""
    starts = [i for i, line in enumerate(lines) if i not in engine and _ENTRY.match(line)]
    if len(starts) < 2 or not anchors:
        return set()
    other: set[int] = set()
    for start, end in zip(starts, [*starts[1:], len(lines)]):
        entry = [i for i in range(start, end) if i not in engine]
        text = "\n".join(lines[i] for i in entry)
        if _PRICE.search(text) and not any(anchor.search(text) for anchor in anchors):
            other.update(entry)
    return other


def other_sections(lines: list[str], anchors: tuple[re.Pattern, ...], engine: set[int], pairs: set[int]) -> set[int]:
    """Indexes of a text section about other homes: a short line titling one ("Recent sales nearby",
    "More matches", `aside_title`) and the short lines with figures right under it (the cards' prices,
    stats and addresses), up to a labelled line or one naming the page's own street: a mail's plain
    text or a table's rows, where no element sets the section apart."""
    other: set[int] = set()
    section = False
    for i, line in enumerate(lines):
        if i in engine:
            continue
        if len(line) <= 60 and not _PRICE.search(line) and aside_title(line, anchors):
            section = True
            other.add(i)
        elif section and i not in pairs and len(line) <= 160 and not any(anchor.search(line) for anchor in anchors) and (
                _PRICE.search(line) or (re.search(r"\d", line) and not _names_a_listing(line))):
            # A priced line, or a card's stats ("3 bd | 2 ba | 1,650 sqft"); a street line without a
            # price may be the mail's own listing under a title like "New matches for your search".
            other.add(i)
        else:
            section = False
    return other


# An MLS number in a line ("MLS# 6712034", "MLS no. 6712034").
_MLS_NUMBER = re.compile(r"\bmls\b\D{0,12}\d{5,}", re.I)


def _names_a_listing(line: str) -> bool:
    """A line naming a listing: a house number and a street with its type, or an MLS number."""
    return names_a_street(line) or _MLS_NUMBER.search(line) is not None


def drop_mail_parts(out: Collector) -> None:
    """Take the mail's own lines (`mail_lines`) and a digest's entries about other homes
    (`other_entries`) out of the collector: lines, the pairs they state and the headings among
    them; the mail's own text is remembered as personal."""
    engine = set().union(*out.engine_lines.values()) if out.engine_lines else set()
    dropped = mail_lines(out.lines, engine)
    out.personal |= {out.lines[i] for i in dropped if len(out.lines[i]) >= 3}
    dropped |= other_entries(out.lines, out.anchors, engine | dropped)
    dropped |= other_sections(out.lines, out.anchors, engine | dropped, out.pair_lines)
    if not dropped:
        return
    gone = {out.lines[i] for i in dropped}
    out.pairs = [(label, value) for label, value in out.pairs if f"{label}: {value}" not in gone]
    out.headings = [h for h in out.headings if h not in gone]
    index: dict[int, int] = {}
    kept: list[str] = []
    for i, line in enumerate(out.lines):
        if i not in dropped:
            index[i] = len(kept)
            kept.append(line)
    out.lines = kept
    out.pair_lines = {index[i] for i in out.pair_lines if i in index}
    out.weak_lines = {index[i] for i in out.weak_lines if i in index}
    out.quiet_lines = {index[i] for i in out.quiet_lines if i in index}
    out.engine_lines = {kind: {index[i] for i in idx if i in index} for kind, idx in out.engine_lines.items()}
    out.size = sum(len(line) + 1 for line in kept)
