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
from .html import COLON_PAIR
from .listing_structured import structured_candidates
from .normalize import normalize_dwelling_type, status_word


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
    identity_groups: frozenset[str] = frozenset(
        {"listing_id", "status", "street_address", "city", "state", "zip", "city_state_zip", "city_zip", "unit", "remarks"}
    )
    """Groups that name the listing rather than describe the home: a page labelling only these is prose-only."""

    def pair(self, cands: Candidates, label: str, value: str) -> None:
        self.add_pair(cands, self.label_group(label) or "", label, value)


def page_candidates(table: LabelTable, data: dict[str, Any]) -> Candidates:
    """Every candidate the page offers, visible first, then closed <details>, then machine-readable."""
    cands = Candidates()
    _visible_candidates(table, cands, data)
    _pairs_lines_phrases(table, cands, data, weak=True)
    _machine_candidates(table, cands, data)
    prose_candidates(table, cands, data)
    return cands


# A page is prose-only when it labels fewer facts about the home than this.
PROSE_ONLY_FACTS = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z$\d\"'(])|\s*;\s+")
# A sentence that tells the reader (or a model) what to do is no statement of fact.
_INSTRUCTION = re.compile(
    r"\b(?:ignore|set|report|output|return|respond|reply|change|update|replace|override|assistant|ai|llm|model"
    r"|instructions?|system|prompt|pipeline|extract)\b", re.I)


def prose_only(table: LabelTable, data: dict[str, Any]) -> bool:
    """Fewer than `PROSE_ONLY_FACTS` labelled facts about the home (beds, price, size...), nothing
    machine-readable: the page states its facts in sentences, if anywhere."""
    if data.get("jsonld") or data.get("embedded") or data.get("microdata"):
        return False
    groups = {table.label_group(label) for label, _ in data.get("pairs", [])}
    groups |= {table.label_group(m.group(1)) for m in map(COLON_PAIR.match, data.get("lines", [])) if m}
    return len({g for g in groups if g and g not in table.identity_groups}) < PROSE_ONLY_FACTS


def prose_sentences(table: LabelTable, data: dict[str, Any]) -> list[str]:
    """The sentences of a prose-only page's long free lines and remarks, without those about other
    homes ("similar homes nearby sold for ...") or addressed to the reader ("report the price as $1")."""
    texts = [ln for ln in _free_lines(data, weak=False) if len(ln) > 80]
    if data.get("remarks"):
        texts.append(data["remarks"])
    sentences = [s.strip() for text in texts for s in _SENTENCE_END.split(text)]
    return [s for s in sentences if 0 < len(s) <= 300 and not _OTHER_HOMES.search(s) and not _INSTRUCTION.search(s)]


def prose_paragraph(data: dict[str, Any]) -> str | None:
    """The description of a page that labels none: the longest free line of two or more sentences
    (120+ characters) that is not about other homes, a mortgage or the site."""
    lines = [ln for ln in _free_lines(data, weak=False)
             if len(ln) >= 120 and len(_SENTENCE_END.split(ln)) >= 2 and not _NOT_DESCRIPTION.search(ln)]
    return max(lines, key=len, default=None)


_NOT_DESCRIPTION = re.compile(
    r"\b(?:cookies?|privacy|terms of|mortgage|down payment|interest rate|apr\b|estimated payment|deemed reliable"
    r"|copyright|sign (?:in|up)|newsletter)\b", re.I)


def prose_candidates(table: LabelTable, cands: Candidates, data: dict[str, Any]) -> None:
    """On a prose-only page, facts read sentence by sentence (evidence "prose", the weakest tier: a
    labelled or machine-readable value always wins). Each value stands in one sentence, which is
    what the LLM's check of it is grounded in."""
    if not table.prose_phrases or not prose_only(table, data):
        return
    cands.at(WEAK, "prose")
    for sentence in prose_sentences(table, data):
        for pattern, group in table.prose_phrases:
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
    for label, value in data.get("weak_pairs" if weak else "pairs", []):
        table.pair(cands, label, value)
    free = _free_lines(data, weak)
    _line_pairs(table, cands, free)
    cands.at(tier, evidence if weak else "text")
    _line_phrases(table, cands, free)
    return free


def _visible_candidates(table: LabelTable, cands: Candidates, data: dict[str, Any]) -> None:
    free = _pairs_lines_phrases(table, cands, data, weak=False)
    _heading_dwelling(cands, data.get("headings", []))
    lines = data.get("lines", [])
    if not any(COLON_PAIR.match(ln) and table.label_group(COLON_PAIR.match(ln).group(1)) == table.status_group
               for ln in lines):
        # A bare status badge ("Pending", "Coming Soon") when no label names the status.
        cands.add("standard_status", next(filter(None, map(status_word, free[:120])), None)
                  or next(filter(None, map(status_word, _header_segments(free[:40]))), None))
    for line in lines[:400]:
        stated = table.listing_id_in_text.search(line)
        if stated:
            cands.add("listing_id", table.read_listing_id(next(g for g in stated.groups() if g)))
            break
    cands.at(VISIBLE, "label")
    for label, value in data.get("hint_pairs", []):
        table.pair(cands, label, value)


_HEADER_BREAK = re.compile(r"\s+[\u00b7|\u2022\u2014\u2013]\s+|\s+-\s+|(?<=!)\s+|:\s+")


def _header_segments(lines: list[str]) -> list[str]:
    """The parts of short header lines ("1147 W Isabella Ave, Mesa · MLS# 7550407 · Active",
    "Pending — 9402 E Thunderbird Rd ..."), where a status badge may stand."""
    return [part for line in lines if len(line) <= 160 for part in _HEADER_BREAK.split(line)]


def _line_pairs(table: LabelTable, cands: Candidates, lines: list[str]) -> None:
    for line in lines:
        match = COLON_PAIR.match(line)
        if match:
            table.pair(cands, match.group(1), match.group(2))


# Prose about other homes ("homes like this one sold for ...", "a 5 bed model is also available").
_OTHER_HOMES = re.compile(r"\b(?:homes? like|other homes?|other matches|similar|nearby homes?|comparable|models? (?:is|are)|"
                          r"(?:a|the) \d+[\s-]?(?:bed|br|bd)\w* model|in the area sold|neighbou?rs?)\b", re.I)


def _line_phrases(table: LabelTable, cands: Candidates, lines: list[str]) -> None:
    """Facts stated as short phrases ("4 beds", "2-car garage", "9,801 sqft lot")."""
    for line in lines:
        if len(line) > 160 or _OTHER_HOMES.search(line):
            continue
        for pattern, group in table.phrases:
            for match in pattern.finditer(line):
                table.add_phrase(cands, group, match, line)


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
    """`data-*` attributes through the label table, then JSON-LD, microdata and embedded state."""
    cands.at(MACHINE, "attribute")
    for label, value in data.get("attr_pairs", []):
        group = table.label_group(label)
        if group and group not in table.groups_not_from_attributes:
            table.add_pair(cands, group, label, value)
    structured_candidates(cands, data)
