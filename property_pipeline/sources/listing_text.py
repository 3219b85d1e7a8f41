"""Listing field candidates from a page's pairs and lines: where on the page, at which tier.

`page_candidates(table, data)` reads a `SourceDocument.data` from the HTML engine
into `Candidates`: visible label/value pairs, "Label: value" lines and short
phrases ("4 beds") at the VISIBLE tier (evidence "label", "text", "heading"),
then the content of closed <details> (WEAK, "details"), then `data-*`
attributes and machine-readable data (MACHINE, see `listing_structured`). What a
label or phrase means is the source's `LabelTable` (see `phoenix_mls._TABLE`);
lines the engine wrote itself (title, summaries, remarks) are never read as
page text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .candidates import MACHINE, VISIBLE, WEAK, Candidates
from .html import COLON_PAIR, collapse, schema_pairs
from .html.asides import history_title
from .html.identity import names_a_street
from .listing_structured import structured_candidates
from .normalize import normalize_dwelling_type, parse_money, status_word
from .price_history import STATUS_AFTER, is_event_row, latest_event


@dataclass(frozen=True)
class LabelTable:
    """A source's meaning of its labels and phrases.

    label_group: a label's field group; add_pair(cands, group, label, value): the candidates one
    labelled value gives; phrases: (pattern, group) read in free lines, each match passed to
    add_phrase(cands, group, match, line); listing_id_in_text: a listing number inside a longer
    line, read with read_listing_id."""

    label_group: Callable[[str], str | None]
    add_pair: Callable[[Candidates, str, str, str], None]
    phrases: Sequence[tuple[re.Pattern[str], str]]
    add_phrase: Callable[[Candidates, str, re.Match[str], str], None]
    listing_id_in_text: re.Pattern[str]
    read_listing_id: Callable[[str], str | None]
    status_group: str = "status"
    """The group of a status label: without one, a bare status word ("Pending") is read."""
    groups_not_from_attributes: frozenset[str] = field(default_factory=lambda: frozenset({"dwelling"}))
    """Groups a `data-*` attribute never fills (`data-type="button"` is no dwelling type)."""
    prose_phrases: Sequence[tuple[re.Pattern[str], str]] = ()
    """Phrases that state a fact inside a sentence ("built in 1994", "HOA dues are $55 per month"):
    read sentence by sentence, only on a prose-only page (see `prose_candidates`)."""
    stat_groups: frozenset[str] = frozenset()
    """Phrase groups that are a count and its unit ("3 bd", "1,540 sqft"): the whole of a segment, a stat."""
    remarks_groups: frozenset[str] = frozenset()
    flat_groups: frozenset[str] = frozenset()
    """Label groups read from a definition list flattened into one line with a space ("Bedrooms 4",
    "Square feet 1,900"): counts and amounts whose value is a figure."""
    flat_unit_groups: frozenset[str] = frozenset()
    """Of `flat_groups`, those read only with a unit after the figure ("Lot size 0.19 acres", never "Lot 12")."""
    """Prose phrase groups read from the description of a page that labels its facts ("a three-car
    garage", "two-story"): what a label there seldom states and a sentence does."""
    identity_groups: frozenset[str] = frozenset(
        {"listing_id", "status", "street_address", "city", "state", "zip", "city_state_zip", "city_zip", "unit", "remarks"}
    )
    """Groups that name the listing rather than describe the home: a page labelling only these is prose-only."""
    party_label: re.Pattern[str] | None = None
    """A label naming another party or its contact ("Name", "Management Co", "Phone", "Elementary"): an
    address labelled right before or after one is that party's (the listing office's, an association
    manager's, a school's), never the listing's."""

    def pair(self, cands: Candidates, label: str, value: str) -> None:
        self.add_pair(cands, self.label_group(label) or "", label, value)


def page_candidates(table: LabelTable, data: dict[str, Any]) -> Candidates:
    """Every candidate the page offers, visible first, then closed <details>, then machine-readable."""
    cands = Candidates()
    _visible_candidates(table, cands, data)
    _pairs_lines_phrases(table, cands, data, weak=True)
    _machine_candidates(table, cands, data)
    prose_candidates(table, cands, data)
    _headline_price(cands, data)
    _history_price_and_status(cands, data)
    return cands


def _history_rows(lines: list[str]) -> list[str]:
    """The lines that are rows of a price history (two or more dated events), else none."""
    rows = [line for line in lines if is_event_row(line)]
    return rows if len(rows) >= 2 else []


def _titled_history_rows(data: dict[str, Any]) -> list[str]:
    """The visible rows of a history under a title that names one ("Listing timeline"): a run of
    dated events right below the title. Rows under no such title state past events only."""
    rows: list[str] = []
    lines: list[str] = data.get("lines", [])
    skip = {i for key in ("pair_lines", "quiet_lines", "remarks_lines", "summary_lines", "weak_lines") for i in data.get(key, ())}
    i = 0
    while i < len(lines):
        if i in skip or not history_title(lines[i]):
            i += 1
            continue
        i += 1
        while i < len(lines) and i not in skip and is_event_row(lines[i]):
            rows.append(lines[i])
            i += 1
    return rows


def _history_price_and_status(cands: Candidates, data: dict[str, Any]) -> None:
    """A page that states its price only in its price history (a history view): the latest event's
    amount when it is a listing event, and the status that event leaves, weakest tier, evidence
    "text" (the LLM checks it; any labelled price or status wins). Only a history its title names
    counts (a section kept out of the text, `data["history"]`, or visible rows under such a title)."""
    rows = list(data.get("history", ())) + _titled_history_rows(data)
    last = latest_event(rows)
    if last is None:
        return
    cands.at(WEAK, "text")
    if not cands.found.get("list_price") and last.kind == "listing" and last.amount:
        cands.add("list_price", last.amount)
    if not cands.found.get("standard_status") and last.kind in STATUS_AFTER:
        cands.add("standard_status", STATUS_AFTER[last.kind])


# The current price, after an old one and an arrow ("$465,000 → $449,900"), or before what it was
# ("$449,900 (reduced $15,100)", "$449,900, down from $465,000"): the old amount is never the price.
_HEADLINE_PRICE = re.compile(
    r"(?P<head>[A-Za-z][A-Za-z !\-]{0,29}?)?[\s:!\-]*(?:\$\s?\d{1,3}(?:,\d{3}){1,2}\s*(?:\u2192|->|=>)\s*)?"
    r"\$\s?(?P<amount>\d{1,3}(?:,\d{3}){1,2}|\d{3}(?:\.\d)?[Kk]|\d(?:\.\d{1,2})?[Mm])"
    r"(?:\s*,?\s*\(?(?:was|down from|from|previously|orig(?:inal(?:ly)?)?\.?|reduced(?: by)?|cut(?: by)?|down|drop(?:ped)?)"
    r"\s+\$\s?\d[\d,]*\)?)?", re.I)
# "Price cut $10,000", "Price drop -$15K": an amount under $100,000 after these words is the change,
# not the price ("Price cut! $449,900" is the new price).
_CHANGE_AMOUNT = re.compile(r"\b(?:cut|drop(?:ped)?|decrease|reduced by)\s*-?$", re.I)
_LEAST_CUT_PRICE = 100_000
_HEADLINE_WORDS = re.compile(r"(?:new|just) listing|just listed|new to market|(?:price )?reduced|back on (?:the )?market"
                             r"|for sale|now|price|asking|open house|price (?:cut|drop|improved|change)|new price", re.I)


def _headline_price(cands: Candidates, data: dict[str, Any]) -> None:
    """A page that states its price nowhere else: the price standing alone at the top of the page,
    bare ("$215,000") or after a status or an alert's headline ("Pending $515,000", "NEW LISTING |
    $544,000"). Not on a sold page (a bare amount there is the sold price); evidence "text", so the
    LLM checks it."""
    if cands.found.get("list_price") or any(f.value == "Closed" for f in cands.found.get("standard_status", ())):
        return
    own = _own_words(data)
    for line in _free_lines(data, weak=False)[:30]:
        if _OTHER_HOMES.search(line):
            return  # what follows is about other homes
        if other_listing_line(line, own) or _HISTORY_ROW.search(line):
            continue
        bar_price = _id_bar(line)[1]
        if bar_price:
            cands.at(VISIBLE, "text").add("list_price", bar_price)
            return
        # "$319,900 - 10645 N 69th Dr, Peoria, AZ 85345": a dash before the page's own street parts it too;
        # "$525K, 3bd/2ba, 1,862 sf": an alert's summary line, the price before its counts.
        for segment in re.split(r"\s+[|\u00b7\u2022]\s+|\s+[-\u2013\u2014]\s+(?=\d{1,6}\s)|,\s+(?=\d[\d,.]*\s?[A-Za-z])", line):
            match = _HEADLINE_PRICE.fullmatch(segment.strip())
            head = (match.group("head") or "").strip(" !-") if match else ""
            amount = parse_money(match.group("amount")) if match else None
            if amount and (not head or status_word(head) or _HEADLINE_WORDS.fullmatch(head)) \
                    and not (_CHANGE_AMOUNT.search(head) and amount < _LEAST_CUT_PRICE):
                cands.at(VISIBLE, "text").add("list_price", amount)
                return


# A page is prose-only when it labels fewer facts about the home than this.
PROSE_ONLY_FACTS = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z$\d\"'(])|\s*;\s+")
# A sentence that tells the reader (or a model) what to do is no statement of fact.
# A verb that also opens plain descriptions ("Set on a half-acre lot", "Return to ...") counts only
# when it is aimed at a field or value ("set the price to", "report price as", "set the pool field to
# yes"); a noun only when it
# cannot be the home's ("a solar system", "the model home" are no prompt).
_INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|output|respond|reply|override|assistants?|ai|llm|(?:language|ai) models?|instructions?"
    r"|system (?:prompt|message|note)|prompt|pipelines?|extract(?:ors?|ion)?)\b"
    r"|\b(?:set|report|return|change|update|replace)\s+(?:the\s+|all\s+|any\s+|its\s+|this\s+|every\s+)?"
    r"(?:price|list|value|field|status|city|year|beds?|baths?|address|zip|apn|mls|previous|above|following|record|data)\b"
    r"|\b(?:set|report|return|change|update)\s+(?:[\w'-]+\s+){0,4}?(?:to|as)\s+(?:\$?\d|yes|no|true|false|null)\b",
    re.I)


def prose_only(table: LabelTable, data: dict[str, Any]) -> bool:
    """Fewer than `PROSE_ONLY_FACTS` labelled facts about the home (beds, price, size...), nothing
    machine-readable: the page states its facts in sentences, if anywhere."""
    if data.get("jsonld") or data.get("embedded") or data.get("microdata"):
        return False
    groups = {table.label_group(label) for label, _ in data.get("pairs", [])}
    groups |= {table.label_group(pair[0]) for pair in (line_pair(table, ln) for ln in data.get("lines", [])) if pair}
    return len({g for g in groups if g and g not in table.identity_groups}) < PROSE_ONLY_FACTS


def _feature_line(line: str) -> bool:
    """A short line of words about the home, a feature bullet ("Two-car garage", "Completed in
    2003"): no label, no price, no street address."""
    return 8 <= len(line) <= 80 and line[:1].isalpha() and not re.search(r"[$:|]", line) and not names_a_street(line)


def prose_sentences(table: LabelTable, data: dict[str, Any]) -> list[str]:
    """The sentences of a prose-only page's long free lines and remarks, without those about other
    homes ("similar homes nearby sold for ...") or addressed to the reader ("report the price as $1")."""
    # Long lines, and the short ones of a feature list in words ("Two-car garage", "Completed in 2003").
    texts = [ln for ln in _free_lines(data, weak=False) if len(ln) > 80 or _feature_line(ln)]
    if data.get("remarks"):
        texts.append(data["remarks"])
    sentences = [s.strip() for text in texts for s in _SENTENCE_END.split(text)]
    return [s for s in sentences if 0 < len(s) <= 300 and not _OTHER_HOMES.search(s) and not _INSTRUCTION.search(s)]


def statement_sentences(text: str) -> list[str]:
    """The sentences of a description that state something about this home: not those about other
    homes ("similar homes nearby sold for ...") nor those addressed to the reader or a model."""
    return [s.strip() for s in _SENTENCE_END.split(text)
            if s.strip() and not _OTHER_HOMES.search(s) and not _INSTRUCTION.search(s)]


def prose_paragraph(data: dict[str, Any]) -> str | None:
    """The description of a page that labels none: its one paragraph about the home.

    Candidates are free lines of two or more sentences (120+ characters), or one long sentence about
    the home ("Updated brick ranch on a tree-lined block: original oak floors, ..."), that are not
    about other homes, a mortgage or the site. A paragraph under a heading of another section ("Meet
    your agent", "Schools & commute", "About the area") or one that speaks more of the agent, the
    law, the area or its schools than of the home is no description, however long. When two
    paragraphs about the home remain and neither speaks clearly more of it (twice the words of the
    home, and two more), nothing is read (the LLM is asked); failing any, an alert's short description (`description_sentences`)."""
    lines = _free_lines_after_heading(data)
    found = []
    for heading, line in lines:
        if len(line) < 80 or _NOT_DESCRIPTION.search(line) or _OTHER_SECTION_HEADING.search(heading):
            continue
        home, other = _home_cues(line), len(_NOT_ABOUT_HOME.findall(line))
        if other > home:
            continue
        sentences = len(_SENTENCE_END.split(line))
        if (len(line) >= 120 and sentences >= 2) or (home >= 2 and line.rstrip()[-1:] in ".!" and sentences <= 2
                                                      and not _OTHER_HOMES.search(line)):
            found.append((home, line))
    if len(found) > 1:
        found.sort(key=lambda f: (f[0], len(f[1])), reverse=True)
        best, runner_up = found[0], found[1]
        if best[0] < 2 * runner_up[0] or best[0] < runner_up[0] + 2:
            return None  # two descriptions of the home as likely as each other: the LLM chooses
        return best[1]
    return found[0][1] if found else description_sentences(data)


def _free_lines_after_heading(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The free lines (see `_free_lines`, visible only) with the short line just above each one, its
    heading if it has one ("" otherwise)."""
    lines: list[str] = data.get("lines", [])
    skip = {i for key in ("pair_lines", "quiet_lines", "remarks_lines", "summary_lines") for i in data.get(key, ())}
    weak = set(data.get("weak_lines", []))
    out = []
    for i, line in enumerate(lines):
        if i in skip or i in weak:
            continue
        above = lines[i - 1] if i > 0 else ""
        # A short line with an amount ("HOA $245/mo incl. community pool") is a fact above, no heading.
        heading = above if len(above) <= 60 and above.rstrip()[-1:] not in ".!?" and not _AMOUNT.search(above) else ""
        out.append((heading, line))
    return out


_AMOUNT = re.compile(r"\$\s?\d")


# Headings of the sections a listing page puts beside its description.
_OTHER_SECTION_HEADING = re.compile(
    r"\b(?:agent|realtor|broker|about (?:me|us|the (?:area|neighbou?rhood|community|builder))|area|neighbou?rhood"
    r"|community|life (?:at|in)|schools?|commute|getting around|location|nearby|similar|payment|mortgage|calculator"
    r"|financ\w*|disclaimer|legal|disclosures?|directions)\b", re.I)
# Words of a paragraph about the agent, the law, the area or its schools rather than the home.
_NOT_ABOUT_HOME = re.compile(
    r"\b(?:has (?:helped|represented|sold|served)|years? (?:of experience|in real estate)|licensed|realtors?|clients?"
    r"|brokerage|listing (?:information|service)|internet data exchange|idx|non-commercial|deemed|verified"
    r"|master[- ]planned|residents|zoned for|assigned schools?|school district|elementary|middle school|high school"
    r"|commute|rush hour|minutes? (?:away|south|north|east|west|drive)|miles? (?:away|south|north|east|west))\b", re.I)
# Words of the home itself: its rooms, finishes, systems and grounds.
_HOME_CUE = re.compile(
    r"\b(?:bed(?:room)?s?|baths?|bathrooms?|kitchen|floors?|floor ?plan|pool|garage|patio|yard|backyard|roof"
    r"|windows?|living room|great room|loft|counters?|countertops|cabinets|fireplace|remodel\w*|updated|renovated"
    r"|single[- ]level|(?:one|two|single)[- ]story|solar|views?|laundry|courtyard|ceilings?|appliances|suite"
    r"|studio|office|rv gate|turf|landscap\w*|hardwood|tile|quartz|granite)\b", re.I)


def _home_cues(text: str) -> int:
    return len(_HOME_CUE.findall(text))


_NOT_DESCRIPTION = re.compile(
    r"\b(?:cookies?|privacy|terms of|mortgage|down payment|interest rate|apr\b|estimated payment|deemed reliable"
    r"|copyright|sign (?:in|up)|newsletter|unsubscribe|receiv\w*|alerts?|saved (?:search|home)s?|e-?mails?"
    r"|manage|click|view (?:listing|all|photos)|see all)\b", re.I)
# A description in a mail or a card: one or two sentences of words, capitalised, ending in a stop.
# A short lead-in with a colon may open it ("Coming soon: a remodeled two-story home ...").
_SENTENCES = re.compile(r"(?:[A-Z][A-Za-z' ]{1,24}:\s+[\"\u201c']?[A-Za-z]|[\"\u201c']?[A-Z])[^|\u00b7\u2022:]{38,598}[.!][\"\u201d']?")
_WORD_TOKEN = re.compile(r"[A-Za-z][a-z\-']*")


def description_sentences(data: dict[str, Any]) -> str | None:
    """The short description of an alert or a card ("Bungalow with original hardwood floors and a
    detached studio."), below `prose_paragraph`'s length: the longest free line that is nothing but
    one or two sentences of at least six words, mostly words (not a stat line), not about other
    homes, the mail or the site, not a label's line, not under another section's heading nor about
    the agent, the area or the law. Surrounding quotes are dropped."""
    found = []
    for heading, line in _free_lines_after_heading(data):
        text = line.strip()
        if not _SENTENCES.fullmatch(text) or _NOT_DESCRIPTION.search(text) or _OTHER_HOMES.search(text):
            continue
        if _OTHER_SECTION_HEADING.search(heading) or len(_NOT_ABOUT_HOME.findall(text)) > _home_cues(text):
            continue  # the agent's, the area's, the law's sentences (see `prose_paragraph`)
        words = _WORD_TOKEN.findall(text)
        if len(words) < 6 or len(_SENTENCE_END.split(text)) > 2 or len(words) < 0.7 * len(text.split()):
            continue
        found.append(text.strip("\"\u201c\u201d'"))
    return max(found, key=len, default=None)


def prose_candidates(table: LabelTable, cands: Candidates, data: dict[str, Any]) -> None:
    """On a prose-only page, facts read sentence by sentence (evidence "prose", the weakest tier: a
    labelled or machine-readable value always wins). Each value stands in one sentence, which is
    what the LLM's check of it is grounded in."""
    if not table.prose_phrases:
        return
    if prose_only(table, data):
        cands.at(WEAK, "prose")
        sentences, groups = prose_sentences(table, data), None
    else:
        # A labelled page: its description may still state what no label does ("a three-car garage").
        # Weakest tier, evidence "remarks": any labelled value wins, and the LLM checks the value.
        cands.at(WEAK, "remarks")
        description = data.get("remarks") or description_sentences(data) or ""
        sentences = statement_sentences(description)
        groups = table.remarks_groups
    for sentence in sentences:
        for pattern, group in table.prose_phrases:
            if groups is None or group in groups:
                for match in pattern.finditer(sentence):
                    table.add_phrase(cands, group, match, sentence)


def _free_lines(data: dict[str, Any], weak: bool) -> list[str]:
    """Lines that are not label/value pairs (nor remarks, JSON-LD summaries or the title)."""
    lines: list[str] = data.get("lines", [])
    skip = {i for key in ("pair_lines", "quiet_lines", "remarks_lines", "summary_lines") for i in data.get(key, ())}
    weak_lines = set(data.get("weak_lines", []))
    return [ln for i, ln in enumerate(lines) if i not in skip and (i in weak_lines) == weak]


def _pairs_lines_phrases(table: LabelTable, cands: Candidates, data: dict[str, Any], weak: bool) -> list[str]:
    """The pairs, then "Label: value" lines, then phrases in the free lines, of the visible page or
    of closed <details>; returns the free lines."""
    tier, evidence = (WEAK, "details") if weak else (VISIBLE, "label")
    cands.at(tier, evidence)
    pairs = data.get("weak_pairs" if weak else "pairs", [])
    others = _other_party_places(table, pairs, data.get("lines", []))
    for i, (label, value) in enumerate(pairs):
        if i not in others:
            table.pair(cands, label, value)
    free = _free_lines(data, weak)
    history = set(_history_rows(free))  # past events: their prices and counts are none of the listing's now
    _line_pairs(table, cands, [ln for ln in free if ln not in history])
    cands.at(tier, evidence if weak else "text")
    _line_phrases(table, cands, [ln for ln in free if ln not in history and not other_listing_line(ln, _own_words(data))])
    return free


_PLACE_GROUPS = frozenset({"street_address", "city", "state", "zip", "city_state_zip", "city_zip", "unit"})


def _other_party_places(table: LabelTable, pairs: list[tuple[str, str]], lines: list[str]) -> set[int]:
    """The pairs of an address (a run of place labels holding a street address) that a label naming
    another party or its contact opens or closes ("Name / Address / Phone" under "Listing Office",
    "Management Co / Address", "Elementary / Address"), when the page states another address (in its
    parts, a header or a heading): a grid's "Office Phone" cell before the listing's own "Address"
    row, the page's only address, takes nothing from it."""
    if table.party_label is None:
        return set()
    groups = [table.label_group(label) for label, _ in pairs]
    others: set[int] = set()
    i = 0
    while i < len(pairs):
        if groups[i] not in _PLACE_GROUPS:
            i += 1
            continue
        end = i
        while end < len(pairs) and groups[end] in _PLACE_GROUPS:
            end += 1
        around = [pairs[k][0].strip() for k in (i - 1, end) if 0 <= k < len(pairs)]
        street = next((_street_key(pairs[k][1]) for k in range(i, end) if groups[k] == "street_address"), None)
        if street and any(table.party_label.search(label) for label in around) \
                and _another_street_stated(street, table, pairs, groups, lines):
            others.update(range(i, end))
        i = end
    return others


def _street_key(text: str) -> tuple[str, str] | None:
    """A street's house number and first name word ("20325 N 51st Ave Ste 134" -> ("20325", "51st"))."""
    match = re.match(r"\s*(\d{1,6})[A-Za-z]?\s+(?:[NSEW]\.?\s+)?([A-Za-z0-9]+)", text)
    return (match.group(1), match.group(2).lower()) if match else None


def _another_street_stated(street: tuple[str, str], table: LabelTable, pairs: list[tuple[str, str]],
                           groups: list[str | None], lines: list[str]) -> bool:
    """Whether the page states a street other than `street`: in its parts ("St #" / "St Name") or in
    a line opening with an address (a header, a heading, a labelled value)."""
    number = next((value.strip() for (_, value), group in zip(pairs, groups) if group == "street_number"), None)
    name = next((value.split()[0].lower() for (_, value), group in zip(pairs, groups) if group == "street_name"
                 and value.split()), None)
    if number and name and (number, name) != street:
        return True
    for line in lines[:200]:
        match = COLON_PAIR.match(line)
        key = _street_key(match.group(2) if match else line)
        if key and key != street and _STREET_IN_LINE_ANY_CASE.search(line):
            return True
    return False


# A street address in a line ("2630 E Bellerive Pl", "7420 E Osborn Rd").
_STREET_IN_LINE = re.compile(
    r"\b\d{2,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'.\-]*\s+){0,4}?(?:St|Ave|Rd|Dr|Ln|Pl|Way|Blvd|Ct|Cir|Pkwy|Trl|Ter"
    r"|Loop|Hwy|Street|Avenue|Road|Drive|Lane|Place|Court|Circle|Parkway|Trail|Terrace)\b\.?")


_STREET_IN_LINE_ANY_CASE = re.compile(_STREET_IN_LINE.pattern, re.I)  # a print's header: "7275 N SCOTTSDALE RD ..."


def _own_words(data: dict[str, Any]) -> str:
    """Where a page names its own listing: the title, the first headings, the identity lines."""
    return " ".join([data.get("title") or "", *data.get("headings", [])[:3], *(t for _, t in data.get("identity", []))])


def other_listing_line(line: str, own: str) -> bool:
    """A card of another listing written as one line ("$529,000 | 4 beds | 2 baths | 2630 E Bellerive
    Pl, Chandler"): a price and a street address that is not the page's own (its title or headings)."""
    if not re.search(r"\$\s?\d{1,3}(?:,\d{3})+", line):
        return False
    street = _STREET_IN_LINE.search(line)
    return street is not None and collapse(street.group(0)).lower().rstrip(".") not in own.lower()


def _visible_candidates(table: LabelTable, cands: Candidates, data: dict[str, Any]) -> None:
    free = _pairs_lines_phrases(table, cands, data, weak=False)
    _heading_dwelling(cands, data.get("headings", []))
    lines = data.get("lines", [])
    if not any(table.label_group(pair[0]) == table.status_group for pair in map(lambda ln: line_pair(table, ln), lines) if pair):
        # A bare status badge ("Pending", "Coming Soon") when no label names the status.
        # Failing that, an alert's headline in the title ("Price drop: 1514 E Marconi Ave").
        # A row of a price history ("05/30/2014 | Sold | $231,500") states a past event, no status.
        badges = [ln for ln in free[:120] if not _HISTORY_ROW.search(ln)]
        cands.add("standard_status", next(filter(None, map(_badge_status, badges)), None)
                  or next(filter(None, map(status_word, _header_segments(badges[:40]))), None)
                  or next(filter(None, (_id_bar(line)[0] for line in badges[:40])), None)
                  or next(filter(None, map(status_word, _header_segments([data.get("title") or ""]))), None))
    for line in lines[:400]:
        stated = table.listing_id_in_text.search(line)
        if stated:
            cands.add("listing_id", table.read_listing_id(next(g for g in stated.groups() if g)))
            break
    cands.at(VISIBLE, "label")
    for label, value in data.get("hint_pairs", []):
        table.pair(cands, label, value)


def _badge_status(line: str) -> str | None:
    """A status badge, bare or after "Now" / "Currently" ("Now Pending", "Currently Under Contract")."""
    return status_word(line) or status_word(re.sub(r"^(?:now|currently)\s+", "", line, flags=re.I)) \
        if len(line) <= 40 else None


# A dated event with an amount: a row of a price or sales history.
_HISTORY_ROW = re.compile(r"(?:\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:19|20)\d\d-\d\d-\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? "
                          r"(?:\d{1,2}, )?(?:19|20)\d\d\b).*\$\s?\d|\$\s?\d.*(?:\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:19|20)\d\d-\d\d-\d\d\b)", re.I)
_HEADER_BREAK = re.compile(r"\s+[\u00b7|\u2022\u2014\u2013]\s+|\s+-\s+|(?<=!)\s+|:\s+")


# A report's title bar: its MLS number, then a few words (class, status) and the price, in columns
# whose gaps the text lost ("MLS# 7552405 RESIDENTIAL Pending $415,000").
_ID_BAR = re.compile(r"^(?:MLS|ML|List(?:ing)?)\s?(?:#|No\.?|Number)?\s*:?\s*[A-Z]{0,3}\d{5,10}\s+(?P<words>[A-Za-z/ -]{2,50}?)"
                     r"(?:\s+\$\s?(?P<price>\d{1,3}(?:,\d{3}){1,2}))?$", re.I)


def _id_bar(line: str) -> tuple[str | None, float | None]:
    """The status and the price of a title bar: a status word among its words, the amount at its end."""
    match = _ID_BAR.match(line.strip())
    if match is None:
        return None, None
    words = match.group("words").split()
    status = next((found for n in (3, 2, 1) for i in range(len(words) - n + 1)
                   if (found := status_word(" ".join(words[i:i + n])))), None)
    price = float(match.group("price").replace(",", "")) if match.group("price") else None
    return status, price


def _header_segments(lines: list[str]) -> list[str]:
    """The parts of short header lines ("1147 W Isabella Ave, Mesa · MLS# 7550407 · Active",
    "Pending — 9402 E Thunderbird Rd ..."), where a status badge may stand."""
    return [part for line in lines if len(line) <= 160 for part in _HEADER_BREAK.split(line)]


# Between a label and its value on a text view's line, where no colon is: "status - Active",
# "Price — $372,500", "Beds = 3", "built … 1984", "Interior .......... 1,684 sq. ft.", "Price » $455,000".
VALUE_SEPARATOR = re.compile(r"\s+[-\u2013\u2014=~\u00bb\u2192]+\s+|\s*\u2026+\s*|\s*(?:\.\s?){3,}\s*")
# A label, a space and a figure with at most a few words of unit: "Bedrooms 4", "Lot size 0.19 acres".
_FLAT_PAIR = re.compile(r"^(?P<label>[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f .#/'()\u00b2\u00b7-]{0,38}?)\s+"
                        r"(?P<value>\$?\s?\d[\d,.]*(?:\s*[A-Za-z\u00b2/$][\w\u00b2.]*){0,3}"
                        # and its breakdown in parentheses ("Total Baths 3 (2F 1H)")
                        r"(?:\s*\([\w /.,+]{1,20}\))?)$")


# A room named by its ordinal ("Bedroom 2 | 12 x 11 | Upper", "Bathroom #3"): the figure counts nothing.
_ROOM_NAME = re.compile(r"^\s*(?:master |primary |guest )?(?:bedroom|bathroom)\s*#?\s*\d\b(?![.,/]\d)", re.I)


def line_pair(table: LabelTable, line: str) -> tuple[str, str] | None:
    """A line's label and value: "Label: value", or, failing a colon, a label the table knows, a
    separator (`VALUE_SEPARATOR`) and a short value ("year built - 1962"), or a label of
    `table.flat_groups`, a space and a figure ("Bedrooms 4", a definition list flattened into text).
    A line whose first part names no field ("2907 N 52nd Pl - sold $455,000") is no pair."""
    match = COLON_PAIR.match(line)
    if match:
        return match.group(1), match.group(2)
    line = line.strip()
    parts = VALUE_SEPARATOR.split(line, maxsplit=1)
    if len(parts) == 2 and 0 < len(parts[0]) <= 40 and 0 < len(parts[1]) <= 80 and table.label_group(parts[0]):
        return parts[0], parts[1]
    flat = _FLAT_PAIR.match(line) if table.flat_groups and len(line) <= 80 else None
    if flat and not _ROOM_NAME.match(line):
        group = table.label_group(flat.group("label"))
        if group in table.flat_groups and (group not in table.flat_unit_groups or re.search(r"\d\s*[A-Za-z\u00b2]", flat.group("value"))):
            return flat.group("label"), flat.group("value")
    words = line.split()
    if 2 <= len(words) <= 5:  # "Status Active", "Listing status Under contract"
        for i in range(1, len(words)):
            label, value = " ".join(words[:i]), " ".join(words[i:])
            if status_word(value) and table.label_group(label) == table.status_group:
                return label, value
    return None


# Pairs packed on one line without colons ("Beds 4 · Baths 2 · Sq Ft 1,900 · Built 1988").
_PACKED_BREAK = re.compile(r"\s+[|\u00b7\u2022]\s+")


def _line_pairs(table: LabelTable, cands: Candidates, lines: list[str]) -> None:
    for line in lines:
        pair = line_pair(table, line)
        cells = _labelled_cells(table, line) if pair and len(line) <= 200 and COLON_PAIR.match(line) else None
        if cells:
            for label, value in cells:
                table.pair(cands, label, value)
        elif pair:
            table.pair(cands, *pair)
        elif not COLON_PAIR.match(line) and len(line) <= 200:
            for segment in _PACKED_BREAK.split(line):
                segment_pair = line_pair(table, segment) if segment != line else None
                for label, value in [segment_pair] if segment_pair else _flat_run(table, segment):
                    table.pair(cands, label, value)


def _labelled_cells(table: LabelTable, line: str) -> list[tuple[str, str]] | None:
    """A report's header cells joined by bars, the first a "Label: value" cell ("MLS #: 7552303 |
    Active | List $689,000"): each cell its own pair, when some later cell is a pair of its own
    ("List $689,000"). None otherwise: "Beds/Baths: 3 | 2" and "Address: 12 Elm St | Phoenix, AZ"
    are one value written with a bar."""
    segments = _PACKED_BREAK.split(line)
    later = [[p] if (p := line_pair(table, segment)) else _flat_run(table, segment) for segment in segments[1:]]
    if not any(later):
        return None
    first = line_pair(table, segments[0])
    return ([first] if first else []) + [pair for pairs in later for pair in pairs]


# One label and its figure of a run of them ("Bedrooms 4 Bathrooms 2.5 Square feet 2,130").
_FLAT_RUN = re.compile(r"\s*(?P<label>[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f.#'()\u00b2 /-]{0,30}?)\s+(?P<value>\$?\d[\d,.]*"
                       r"(?:\s?(?:sq\.?\s?ft\.?|sqft|acres?|ac|m2|m\u00b2|/\s?mo(?:nth)?|per month))?)(?=\s+[A-Za-z\u00c0-\u024f]|\s*$)")


def _flat_run(table: LabelTable, text: str) -> list[tuple[str, str]]:
    """A definition list flattened into one run of "Label figure" with spaces only: every label one of
    `table.flat_groups` and the run the whole of `text`; [] otherwise."""
    if not table.flat_groups:
        return []
    pairs, position = [], 0
    for match in _FLAT_RUN.finditer(text):
        group = table.label_group(match.group("label"))
        if _ROOM_NAME.match(match.group(0)):
            return []
        if match.start() != position or group not in table.flat_groups \
                or (group in table.flat_unit_groups and not re.search(r"[A-Za-z\u00b2]", match.group("value"))):
            return []
        pairs.append((match.group("label").strip(), match.group("value")))
        position = match.end()
    return pairs if len(pairs) >= 2 and not text[position:].strip() else []


# Prose about other homes ("homes like this one sold for ...", "a 5 bed model is also available").
_OTHER_HOMES = re.compile(r"\b(?:homes? like|other homes?|other matches|similar|nearby homes?|comparable|models? (?:is|are)|"
                          r"model (?:homes?|units?)|"
                          r"(?:is|are) also (?:available|for sale|listed)|also available|more homes|homes for you|"
                          r"you may also like|recently sold|also viewed|"
                          r"(?:a|the) \d+[\s-]?(?:bed|br|bd)\w* model|in the area sold|neighbou?rs?)\b", re.I)


_SEGMENT_BREAK = re.compile(r"\s+[|\u00b7\u2022]\s+|,\s+|\s{2,}")


def _line_phrases(table: LabelTable, cands: Candidates, lines: list[str]) -> None:
    """Facts stated as short phrases ("4 beds", "2-car garage", "9,801 sqft lot"). A count with its
    unit that is the whole of its segment ("3 bedrooms", "1,540 sqft | 0.16 ac lot", "3bd/2ba") is a
    stat: its unit names the field as a label would (evidence "stat"); other phrases are "text"."""
    tier, evidence = cands.tier, cands.evidence
    for line in lines:
        if len(line) > 160 or _OTHER_HOMES.search(line):
            continue
        stats = _stat_spans(table, line) if evidence == "text" else set()
        for pattern, group in table.phrases:
            for match in pattern.finditer(line):
                cands.at(tier, "stat" if (group, match.span()) in stats else evidence)
                table.add_phrase(cands, group, match, line)
    cands.at(tier, evidence)


def _stat_spans(table: LabelTable, line: str) -> set[tuple[str, tuple[int, int]]]:
    """The (group, span) of the stat-group matches that, together, are the whole of their segment."""
    matches = [(group, m.span()) for pattern, group in table.phrases if group in table.stat_groups
               for m in pattern.finditer(line)]
    if not matches:
        return set()
    stats: set[tuple[str, tuple[int, int]]] = set()
    start = 0
    for end in [m.start() for m in _SEGMENT_BREAK.finditer(line)] + [len(line)]:
        inside = [(g, span) for g, span in matches if span[0] >= start and span[1] <= end]
        rest = list(line[start:end])
        for _, (a, b) in inside:
            rest[a - start:b - start] = [" "] * (b - a)
        if inside and not re.search(r"[A-Za-z0-9]", "".join(rest)):
            stats.update(inside)
        nxt = _SEGMENT_BREAK.match(line, end)
        start = nxt.end() if nxt else end
    return stats


def _heading_dwelling(cands: Candidates, headings: list[str]) -> None:
    """"Five bedroom single family residence ...": a dwelling named in a headline."""
    for heading in headings[:6]:
        kind = re.search(r"single[\s\-]family (?:home|house|residence)|\btown ?(?:home|house)\b|\bcondo(?:minium)?\b|"
                         r"\bpatio home\b|\b(?:manufactured|mobile) home\b", heading, re.I)
        if kind and len(heading) <= 200:
            ptype, subtype = normalize_dwelling_type(kind.group())
            cands.at(VISIBLE, "heading")
            cands.add("property_type", ptype)
            cands.add("property_sub_type", subtype)
            return


def _machine_candidates(table: LabelTable, cands: Candidates, data: dict[str, Any]) -> None:
    """`data-*` attributes and JSON-LD's named values (`additionalProperty`, named identifiers)
    through the label table, then JSON-LD, microdata and embedded state."""
    for evidence, pairs in (("attribute", data.get("attr_pairs", [])), ("json_ld", schema_pairs(data.get("jsonld", [])))):
        cands.at(MACHINE, evidence)
        for label, value in pairs:
            group = table.label_group(label)
            if group and (evidence != "attribute" or group not in table.groups_not_from_attributes):
                table.add_pair(cands, group, label, value)
    structured_candidates(cands, data)
