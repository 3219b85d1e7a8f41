"""Read one saved HTML page: the engine's entry point, `read_page(raw, vocabulary)`.

The steps, each in its own module: bytes to bounded markup (`decoding`), the
parse (lexbor via selectolax), machine-readable facts (`structured`,
`embedded_state`), the page's own identity (`identity`: title, meta tags, URL,
turned into street patterns that tell the page's own listing from "similar
homes"), the visible tree (`tree`, `visibility`), the walk into pairs and lines
(`walk`, `asides`, `collector`), and the compact prompt text (`cap_text`).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from selectolax.lexbor import LexborHTMLParser

from ..base import SourceDocument, SourceError
from ..normalize import address_from_line, split_street
from . import embedded_state
from .asides import street_anchor
from .collector import MAX_LINE_CHARS, REMARKS_LINE, SUMMARY, Collector
from .decoding import page_markup
from .identity import identity_texts, page_urls
from .mail import drop_mail_parts
from .structured import (
    harvest_jsonld,
    jsonld_summary,
    meta_geo,
    microdata,
    schema_facts,
)
from .tree import MAX_ELEMENTS, El, TreeBuilder, collapse
from .visibility import StyleSheet
from .vocabulary import Vocabulary
from .walk import MAX_TEXT_CHARS, visit


class PageRead(NamedTuple):
    doc: SourceDocument
    personal: set[str]
    """Names, phones and e-mails on owner / seller / tenant / contact lines (never in `doc`)."""


_TITLE_STREET = re.compile(r"(?P<street>\b\d{2,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'.\-]*\s+){1,4}?(?:St|Street|Rd|Road"
                           r"|Ave|Avenue|Dr|Drive|Ln|Lane|Way|Ct|Court|Blvd|Pl|Place|Cir|Circle|Pkwy|Parkway|Ter|Terrace|Trl|Trail"
                           r"|Loop)\b)(?:\s*(?:#|Unit\b|Apt\b|Ste\b|Suite\b)\.?\s*(?P<unit>[A-Za-z0-9\-]{1,8}))?")


def _unit_anchor(anchor: re.Pattern | None, unit: str | None) -> re.Pattern | None:
    """A street anchor that, when the title names a unit, holds only with that unit: a condo's
    neighbours in its building ("2402 E 5th St #1101") share its street."""
    if anchor is None or not unit:
        return anchor
    return re.compile(rf"{anchor.pattern}[^\n$]{{0,12}}?(?:#|\bunit\b|\bapt\b|\bste\b|\bsuite\b)\.?\s*{re.escape(unit)}\b", re.I)


def _anchors(identity: list[tuple[str, str]], jsonld: list[dict]) -> tuple[re.Pattern, ...]:
    """The page's own street as its title, meta tags, URL and JSON-LD state it."""
    texts = [text for _, text in identity]
    street = schema_facts(jsonld).get("streetAddress")
    parts = [split_street(str(street))] if isinstance(street, str) else []
    parts += [p for p in map(address_from_line, texts) if p]
    anchors = {a.pattern: a for a in map(street_anchor, parts) if a is not None}
    # A mail's subject names its home by the street alone ("Price cut on 4821 W Mariposa Grande Ln",
    # "1455 W Baseline Rd #112 and 3 more new matches").
    for kind, text in identity:
        for match in _TITLE_STREET.finditer(text) if kind == "title" else ():
            anchor = _unit_anchor(street_anchor(split_street(match.group("street"))), match.group("unit"))
            if anchor is not None:
                anchors.setdefault(anchor.pattern, anchor)
    return tuple(anchors.values())[:6]


def _page_ids(tree: LexborHTMLParser, title: str) -> set[str]:
    """Ids the page states for itself: long digit runs of its URLs, the MLS number in its title."""
    ids = {m.lower() for url in page_urls(tree) for m in re.findall(r"\d{5,}|[A-Z]{2,6}\d{5,}", url)}
    ids |= {m.lower() for m in re.findall(r"\bMLS\s*#?\s*:?\s*([A-Za-z0-9\-]{4,20})", title, re.I)}
    # "MLS ID #6893011", "MLS® 6891204" in the page's text: the number a small state object may carry.
    body = tree.body.text(separator=" ")[:200_000] if tree.body is not None else ""
    ids |= {m.lower() for m in re.findall(r"\bMLS\b\W{0,3}(?:ID|No\.?|Number)?\s*#?\s*:?\s*(\d{6,10})\b", body, re.I)}
    return ids


def _embedded_listing(tree: LexborHTMLParser, title: str, anchors: tuple[re.Pattern, ...]) -> dict[str, Any]:
    """The facts of the page's own listing object in its embedded script state ({} when none is
    certainly the page's own)."""
    scripts = [(node.attributes.get("type") or "", node.text() or "") for node in tree.css("script")[:300]]
    objects = embedded_state.listing_objects(embedded_state.harvest(scripts))
    if not objects:
        return {}
    ids = _page_ids(tree, title)
    own = embedded_state.own_listing(objects, ids, lambda street: any(a.search(street) for a in anchors),
                                     page_has_identity=bool(ids or anchors))
    facts: dict[str, Any] = {}
    for listing in own[:5]:
        for name, value in embedded_state.read_facts(listing.obj).items():
            facts.setdefault(name, value)
    return facts


def _walk(tree: LexborHTMLParser, data: dict[str, Any], warnings: list[str], vocab: Vocabulary,
          anchors: tuple[re.Pattern, ...] = ()) -> Collector:
    """The visible page, then the content of closed <details>, as lines and label/value pairs."""
    body = tree.body or tree.root
    builder = TreeBuilder(StyleSheet(node.text() or "" for node in tree.css("style")[:50]), data, vocab.label_group)
    top = builder.build(body) if body is not None else El("body")
    if builder.truncated:
        warnings.append(f"only the first {MAX_ELEMENTS} elements were read")
    out = Collector(vocab)
    out.anchors = anchors
    visit(top, out)
    drop_mail_parts(out)
    out.weak = True
    for root, quiet in builder.weak_roots:
        out.quiet = quiet
        visit(root, out)
    out.weak = out.quiet = False
    return out


def read_page(raw: bytes, vocab: Vocabulary) -> PageRead:
    """One saved HTML page read into a `SourceDocument` and the personal strings kept out of it.

    `doc.text` is the compact prompt text (at most `MAX_TEXT_CHARS`, the remarks always kept);
    `doc.data` holds what rules read: `pairs` (visible label/value pairs), `weak_pairs` (closed
    <details>), `hint_pairs` (values named by class), `attr_pairs` (`data-*` attributes), `lines`
    with `pair_lines` / `weak_lines` / `quiet_lines` / `remarks_lines` / `summary_lines` (indexes;
    summary lines are the title and what the engine writes about JSON-LD and embedded state), `headings`, `title`, `remarks`,
    `jsonld` (nodes), `microdata`, `geo` / `meta_geo`, `identity` (title, meta, URL texts) and
    `embedded` (the own listing's facts from script state). Raises `SourceError` for files that
    are not a readable page."""
    text, warnings = page_markup(raw, vocab)
    tree = LexborHTMLParser(text)
    data: dict[str, Any] = {"attr_pairs": [], "geo": {}}
    jsonld = harvest_jsonld(tree, warnings)
    title_node = tree.css_first("title")
    title = collapse(title_node.text() or "")[:300] if title_node else ""
    meta_geo(tree, data.setdefault("meta_geo", {}))
    micro = microdata(tree)
    data["identity"] = identity_texts(tree, title)
    anchors = _anchors(data["identity"], jsonld)
    data["embedded"] = _embedded_listing(tree, title, anchors)
    out = _walk(tree, data, warnings, vocab, anchors)
    for node in jsonld:
        summary = jsonld_summary(node)
        if summary:
            out.line(summary[:MAX_LINE_CHARS], kind=SUMMARY)
    if data["embedded"]:
        out.line(embedded_state.summary(data["embedded"], MAX_LINE_CHARS), kind=SUMMARY)
    head = [f"Title: {title}"] if title and title not in out.seen else []
    lines = head + out.lines
    if not out.pairs and not out.weak_pairs and not jsonld and not out.remarks and len(" ".join(lines)) < 20:
        raise SourceError("no_content", "nothing readable is left after removing markup, scripts and hidden text")
    data.update(
        pairs=out.pairs,
        weak_pairs=out.weak_pairs,
        jsonld=jsonld,
        microdata=micro,
        lines=lines,
        pair_lines=sorted(i + len(head) for i in out.pair_lines),
        weak_lines=sorted(i + len(head) for i in out.weak_lines),
        quiet_lines=sorted(i + len(head) for i in out.quiet_lines),
        remarks_lines=sorted(i + len(head) for i in out.engine_lines.get(REMARKS_LINE, ())),
        summary_lines=list(range(len(head))) + sorted(i + len(head) for i in out.engine_lines.get(SUMMARY, ())),
        headings=out.headings,
        hint_pairs=out.hint_pairs,
        history=out.history,
        title=title,
        remarks=out.remarks,
    )
    quiet = {i + len(head) for i in out.quiet_lines}
    prompt_lines = [line for i, line in enumerate(lines) if i not in quiet]
    remarks_line = lines[data["remarks_lines"][0]] if data["remarks_lines"] else None
    doc = SourceDocument(text=cap_text(prompt_lines, remarks_line), raw_bytes=len(raw), data=data, warnings=warnings)
    return PageRead(doc, out.personal)


def page_links(raw: bytes, vocab: Vocabulary, limit: int = 500) -> list[tuple[str, str]]:
    """The page's first `limit` links as (address, text): where a mail may name its listing only in
    the listing's address ("https://.../mls/7553305/2944-e-sierra-madre-ave-gilbert-az-85296")."""
    try:
        tree = LexborHTMLParser(page_markup(raw, vocab)[0])
    except SourceError:
        return []
    return [(node.attributes.get("href") or "", collapse(node.text() or "")) for node in tree.css("a[href]")[:limit]]


def cap_text(lines: list[str], remarks: str | None = None) -> str:
    """Lines joined within `MAX_TEXT_CHARS`: the `remarks` line (one of `lines`) always kept, later
    lines that do not fit dropped (shorter ones after them may still fit)."""
    kept, size = [], 0
    budget = MAX_TEXT_CHARS - (len(remarks) + 1 if remarks else 0)
    for line in lines:
        if line is remarks:
            kept.append(line)
            continue
        if size + len(line) + 1 > budget:
            continue
        kept.append(line)
        size += len(line) + 1
    return "\n".join(kept)
