"""Blocks about other listings, the past or the area, and the page's own listing among them.

A listing page is surrounded by "Similar homes", "Nearby schools", "Price
history", "Homes for sale near ..." sections whose prices and bedroom counts
are not this listing's. `about_other_listings(el, out)` says whether a block is
one (by its class/id hint or its title, once the page's own street is taken
out of the title), and `aside_title` does the same for a heading that opens a
run of siblings. A block that states the page's own address (`holds_own_listing`,
via the `street_anchor` patterns built from the title, meta tags, URL and
JSON-LD) is kept; in a strip of listing cards only the page's own card is read.
"""

from __future__ import annotations

import re
from typing import Any

from ..price_history import is_event_row
from .collector import Collector
from .tree import HEADINGS, INLINE_TAGS, El, cells, text_of
from .vocabulary import COLON_PAIR

# Sections about other listings, the past, or the area: never this listing's facts.
_ASIDE_TITLE = re.compile(
    r"\b(similar|nearby|near by|you (may|might) (also )?like|recently sold|recent sales|comparable|comps|comp\s*#?\s*\d{1,2}|"
    r"(price|sales?|sold|tax|listing|value) history|schools?|other (?:new |recent |nearby |active )?(listings|homes|properties|matches|results)|more (?:new |recent |nearby |active )?(homes|listings|matches|results)|"
    r"homes? like (this|these|yours)|"
    # a market analysis's groups of comparables ("Sold Listings (3)", "Closed Sales", "Active Competition")
    r"(active|pending|sold|closed|expired|withdrawn|cancell?ed|under contract|coming soon|leased)\s+"
    r"(listings|sales|properties|homes|comps|competition)|market activity|competing listings|recently closed|"
    r"homes for sale near|neighbou?rhood (sales|homes)|sponsored|also viewed|people also)\b",
    re.I,
)
_ASIDE_HINT = re.compile(
    r"(^|[\s_-])(similar|nearby|recently-sold|recent-sales|comps|comparables?|price-history|history|"
    r"schools|recommend(ed|ations)?|also-viewed)($|[\s_-])"
)
_SECTION_TAGS = frozenset("section aside div article table ul ol".split())


def _section_title(el: El) -> str:
    """The heading (or caption, or one-cell first row) a block opens with."""
    for child in el.children[:6]:
        if isinstance(child, str):
            if child.strip():
                return ""
            continue
        if child.tag in HEADINGS or child.tag == "caption":
            return text_of(child, 120)
        if child.tag in ("thead", "tbody") or child.tag == "tr":
            row = child if child.tag == "tr" else next((c for c in child.children if isinstance(c, El) and c.tag == "tr"), None)
            row_cells = cells(row) if row is not None else []
            return text_of(row_cells[0], 120) if len(row_cells) == 1 else ""
        if child.tag in INLINE_TAGS:
            # A title set in bold before the block's content ("<strong>Comparable 1</strong><div>...").
            return _aside_block_title(child) if child.tag in ("b", "strong") else ""
        if child.tag in ("header", "div", "p") and len(el.children) > 1 and _aside_block_title(child):
            return _aside_block_title(child)  # "<div class='t'>Comparable 1</div>", "<p><b>Comparable 1</b></p>"
        return _section_title(child) if child.tag in ("header", "div") and len(child.children) <= 3 else ""
    return ""


def _aside_block_title(el: El) -> str:
    """An element's text when it is a short title (no "Label: value", no sentence) of a block about
    other homes ("Comparable 1", "Comp #2"); any other first line of a block ("Overview", "Tax
    information": the home's own APN may be in it) titles nothing here, so its block is read as the
    page's own."""
    text = text_of(el, 120)
    if not (0 < len(text) <= 60 and not COLON_PAIR.match(text) and not text.endswith(".")):
        return ""
    return text if _ASIDE_TITLE.search(text) else ""


# A street written in a title ("1234 W Indian School Rd", "E Nearby Ave"): its words are a name,
# not a section's subject, whatever they are.
_STREET_IN_TITLE = re.compile(
    r"(?:\b\d{1,6}[A-Za-z]?\s+)?(?:\b[NSEW]\.?\s+)?(?:[A-Z0-9][\w'.\-]*\s+){1,4}"
    r"(?:St|Street|Rd|Road|Ave|Avenue|Dr|Drive|Ln|Lane|Way|Ct|Court|Blvd|Pl|Place|Cir|Circle|Pkwy|Parkway|"
    r"Ter|Terrace|Trl|Trail|Loop|Hwy|Highway)\b\.?"
    r"|\b\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){0,3}(?=\s*(?:,|$|#|\bUnit\b))"
)


# Another record of the same property ("Tax Record", "Public Records", "County Assessor Data"): the
# county's own counts, sizes and site address, never the listing's facts, and always stating the
# page's own address, so never kept for it.
_OTHER_RECORD_TITLE = re.compile(
    r"^(?:(?:county|public|tax|assessor'?s?|parcel)\s+){1,2}(?:record|records|data|info|information|profile)$", re.I)


def other_record_title(title: str) -> bool:
    return _OTHER_RECORD_TITLE.match(title.strip().rstrip(":").strip()) is not None


# An APN-shaped number and the words before it on its line ("APN: 163-15-027", "Clave catastral 16315027").
_LABELLED_APN = re.compile(
    r"(?P<label>[A-Za-z][A-Za-z'.#/() -]{0,40}?)\s*:?\s*(?P<apn>\d{3}[\s.\-]?\d{2}[\s.\-]?\d{3}\s?[A-Za-z]?)(?![\w-])")


def keep_record_parcel(text: str, out: Collector) -> None:
    """A tax or public-records section is another record of the same home: its facts are set aside
    (the county's counts and the owner's mailing address are no listing facts), but the parcel
    number it states is this home's, read as a pair when the source's own label table names the
    words before it a parcel label (the last one to four of them: "Site APN", "Tax ID")."""
    for match in _LABELLED_APN.finditer(text):
        words = match.group("label").rstrip(" :").split()
        for n in range(1, min(4, len(words)) + 1):
            label = " ".join(words[-n:])
            if out.vocab.label_group(label) == "parcel_number":
                out.pair(label, match.group("apn"))
                break


def _bold_title(el: El) -> str:
    """A block's title set in bold rather than as a heading ("<div><b>Tax Information</b><table>...")."""
    kids = [c for c in el.children[:3] if not (isinstance(c, str) and not c.strip())]
    if len(kids) >= 2 and isinstance(kids[0], El) and kids[0].tag in ("b", "strong"):
        return text_of(kids[0], 80)
    return ""


def aside_title(title: str, anchors: tuple[re.Pattern, ...]) -> bool:
    """A title naming a section about other listings, the past or the area ("Nearby Schools",
    "Sale and tax history for ..."), once the page's own address and street names are set aside."""
    if not title or len(title) > 80 or COLON_PAIR.match(title):
        return False
    for anchor in anchors:
        title = anchor.sub(" ", title)
    return _ASIDE_TITLE.search(_STREET_IN_TITLE.sub(" ", title)) is not None


def holds_own_listing(text: str, out: Collector) -> bool:
    """Text that states the page's own address (or, on a page that names it nowhere else, the first
    labelled address or price): a block that is never dropped as an aside."""
    if out.anchors:
        return any(anchor.search(text) for anchor in out.anchors)
    return not out.found_identity and _OWN_FACT_LABEL.search(text) is not None


_OWN_FACT_LABEL = re.compile(r"\b(?:address|list(?:ing)? price|mls ?#|listing id)\s*:\s*\S", re.I)


# A section of the listing's own past events ("Price history", "Listing history", "Price & tax history").
_HISTORY_TITLE = re.compile(r"\b(?:price|sales?|sold|listing|event|property)\s+(?:&\s+tax\s+|and\s+tax\s+)?history\b|\btimeline\b", re.I)


def history_title(title: str) -> bool:
    return bool(title) and len(title) <= 80 and _HISTORY_TITLE.search(title) is not None


def keep_history_rows(el: El | str, out: Collector) -> None:
    """The rows of a price-history section that is not read as the page's text (its old prices would
    pass for the listing's): each smallest element holding a date and an event or an amount, kept in
    `out.history` for the reader of the latest listing event (`price_history`)."""
    if isinstance(el, str):
        if is_event_row(el.strip()):
            out.history.append(el.strip())
        return
    stack, seen = [el], 0
    while stack and seen < 3000 and len(out.history) < 200:
        node = stack.pop()
        seen += 1
        kids = [k for k in node.children if isinstance(k, El)]
        text = _cells_text(node)
        if is_event_row(text) and not any(is_event_row(_cells_text(k)) for k in kids):
            out.history.append(text)
        else:
            stack.extend(reversed(kids))


def _cells_text(el: El) -> str:
    """An element's children's texts set apart by bars (inline cells run together otherwise:
    `<span>01/02/2017</span><span>Sold</span>`)."""
    return " | ".join(t for t in (text_of(c, 200) for c in el.children[:40]) if t)


def about_other_listings(el: El, out: Collector) -> bool:
    if el.tag not in _SECTION_TAGS or el.parent is None:
        return False
    if el.hint and _ASIDE_HINT.search(el.hint):
        aside = True
    else:
        title = _section_title(el)
        if other_record_title(title or _bold_title(el)):
            keep_record_parcel(text_of(el, 20_000), out)
            return True
        aside = aside_title(title, out.anchors)
        if aside and history_title(title):
            keep_history_rows(el, out)
    if not aside or not holds_own_listing(text_of(el, 20_000), out):
        return aside
    # Kept for the page's own address; in a strip of listing cards only the page's own card is read.
    out.skip |= _other_cards(el, out)
    return False


_PRICE_TEXT = re.compile(r"\$\s?\d")


def _other_cards(section: El, out: Collector) -> set[int]:
    """The cards of other listings in a strip (three or more priced siblings) inside `section`."""
    skip: set[int] = set()
    stack, seen = [section], 0
    while stack and seen < 2000:
        node = stack.pop()
        seen += 1
        kids = [c for c in node.children if isinstance(c, El)]
        texts = [text_of(k, 3000) for k in kids]
        if sum(1 for t in texts if _PRICE_TEXT.search(t)) >= 3:
            skip.update(id(k) for k, t in zip(kids, texts) if not holds_own_listing(t, out))
            continue
        stack.extend(kids)
    return skip


def street_anchor(parts: dict[str, Any]) -> re.Pattern | None:
    """"1234" then, within three words, the street's first name word: how the page's own address
    is recognized in any block, however the street type is spelled."""
    number, name = parts.get("street_number"), parts.get("street_name") or ""
    core = next((w for w in name.split() if w.upper() not in ("N", "S", "E", "W", "NE", "NW", "SE", "SW")), None)
    if not number or not core:
        return None
    return re.compile(rf"\b{re.escape(number)}\s+(?:\S+\s+){{0,2}}?{re.escape(core)}\b", re.I)
