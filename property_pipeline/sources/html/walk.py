"""The DOM walk: a page's visible tree read once into label/value pairs and compact lines.

`visit(top, out)` reads an `El` tree (from `tree.TreeBuilder`) into a
`Collector`, finding pairs by structure, never by CSS path:

- tables: a label cell then a value cell (`<th>`/`<td>`, or a cell that is a
  strong label), a header row over one data row, or cells that each hold
  "Label: value";
- definition lists: `<dt>` then its `<dd>`s;
- sibling blocks: `<div class=label>Beds</div><div>3</div>`, and a numeric value
  captioned by its label underneath ("$694/mo" over "HOA Dues");
- inline text: "Label: value" segments, several per line split at `|`, `·`
  and "; Next label:", and two segments of which the first is a strong label.

A block or label the vocabulary calls remarks is taken whole as the remarks;
headings are kept as lines; sections about other listings are skipped
(`asides`); link lists (navigation outside `<nav>`) are dropped. Recursion is
bounded (`depth`), and long pages stop at twice `MAX_TEXT_CHARS` of lines.
"""

from __future__ import annotations

import re

from .asides import (
    about_other_listings,
    aside_title,
    history_title,
    holds_own_listing,
    keep_history_rows,
    keep_record_parcel,
    other_record_title,
)
from .collector import Collector, is_place_line
from .tree import HEADINGS, INLINE_TAGS, WEAK_SLOT, El, cells, text_of
from .vocabulary import COLON_PAIR, REMARKS, labelish

MAX_TEXT_CHARS = 16_000

# "$694/mo", "2,150", "7 | 2" (a pair of counts under "Full | Half Baths").
_NUMERIC_VALUE = re.compile(r"^\$?\s*\d[\d,.]*\s*[kKmM+]?(?:\s*/\s*(?:mo|month|yr|year))?$|^\d{1,2}\s*[|/]\s*\d{1,2}$")
_REMARKS_HINT = re.compile(r"remarks?\b|remarks?[-_]|(?:listing|property|home)[-_]?desc|^description\b|\bdescription$")


def segments(el: El) -> list[list[str]]:
    """An inline-only element's content as lines (split at <br>) of top-level text segments."""
    lines: list[list[str]] = [[]]
    for child in el.children:
        if isinstance(child, El) and child.tag == "br":
            lines.append([])
            continue
        text = text_of(child)
        if text:
            lines[-1].append(text)
    return [segs for segs in lines if segs]


_DELIMS = re.compile(r"\s+[|\u2022\u00b7]\s+|\s{2,}[-\u2013]\s{1,}")
_PAIR_BREAK = re.compile(r"[,;]\s+(?=[A-Za-z#][\w #/().\-]{0,30}:\s)")


_LABEL_COLON = re.compile(r":\s")
# Label groups whose value is a name, whose last words a following label must not take.
_NAMED_VALUE_GROUPS = frozenset({"street_address", "subdivision", "dwelling", "status", "city", "remarks", None})


def _pair_not_remarks(part: str, out: Collector) -> bool:
    match = COLON_PAIR.match(part)
    return match is not None and not out.vocab.is_remarks(match.group(1))


def _split_packed(part: str, out: Collector) -> list[str]:
    """Pairs packed with single spaces ("Type: SF-Det BR/BA: 3/2 Approx SF: 1,744"): split before each
    later label the vocabulary knows. Never inside remarks. See `_packed_label` for where it starts."""
    first = COLON_PAIR.match(part)
    if first is None:
        return [part]
    cuts, previous, group = [], first.end(1), out.vocab.label_group(first.group(1))
    for colon in _LABEL_COLON.finditer(part, first.end(1) + 1):
        words = part[previous:colon.start()].strip(" :").split(" ")
        label = _packed_label(words, group, out)
        if label:
            cuts.append(colon.start() - len(label))
            group = out.vocab.label_group(label)
        previous = colon.start()
    if not cuts:
        return [part]
    bounds = [0, *cuts, len(part)]
    return [part[a:b].strip() for a, b in zip(bounds, bounds[1:])]


def _packed_label(words: list[str], before: str | None, out: Collector) -> str | None:
    """The label at the end of `words` (what stands between two colons): the shortest suffix of up to
    three number-free words the vocabulary knows, leaving a value before it; a longer one when it
    means another field ("SF" -> "Lot SF"), or the same field when the value before is a count, not a
    name, or the word it adds is a label itself ("3/2 | Approx SF", "Pinchot Place | Yr Blt", never
    "Pinchot Place | Lot SF")."""
    found = None
    for n in (1, 2, 3):
        label = " ".join(words[-n:])
        if len(words) <= n or re.search(r"\d", label):
            break
        group = out.vocab.label_group(label)
        if group is None:
            continue
        if found is None or group != found[1] or before not in _NAMED_VALUE_GROUPS \
                or words[-n].lower().rstrip(".") in out.vocab.label_words or out.vocab.label_group(words[-n]) is not None:
            found = (label, group)
    return found[0] if found else None


def _hint_facts(leaf: El, out: Collector) -> None:
    """Values named only by their class (`<span class="price-big">$615K</span>`), kept apart from labels."""
    stack, seen = [leaf], 0
    while stack and seen < 50:
        el = stack.pop()
        seen += 1
        if el.hint:
            words = set(re.split(r"[\s\-_]+", el.hint))
            for word, label, exclude in out.vocab.hint_fields:
                if word in words and not exclude.search(el.hint):
                    text = text_of(el, 80)
                    # "Sold for $605,000" in the price pill: the words say which price it is not.
                    if 0 < len(text) <= 60 and not out.weak and not exclude.search(text.lower()):
                        out.hint_pairs.append((label, text))
        stack.extend(c for c in el.children[:50] if isinstance(c, El))


def _value_then_label(first: str, second: str, out: Collector) -> bool:
    """"$694/mo" + "HOA Dues", "Single-family (co-op)" + "Property Type": a value captioned below."""
    if not out.vocab.label_group(second) or second.endswith(":"):
        return False
    return bool(_NUMERIC_VALUE.match(first)) or (len(first) <= 40 and not out.vocab.label_group(first)
                                                  and out.vocab.label_group(second) in out.vocab.captioned_text_groups)


def _value_over_label(lines: list[list[str]], out: Collector) -> bool:
    """`<strong>2015</strong><br><small>Year built</small>`: a stat tile's value over its caption
    (or a caption over its value), two one-segment lines that are one fact."""
    if len(lines) != 2 or len(lines[0]) != 1 or len(lines[1]) != 1:
        return False
    first, second = lines[0][0], lines[1][0]
    if _value_then_label(first, second, out):
        return True
    return bool(out.vocab.label_group(first)) and not first.endswith(":") and bool(_NUMERIC_VALUE.match(second))


# "3 | bd", "1,820 | sqft": a stat row's value and its short unit set apart by a bar.
_STAT_BAR = re.compile(
    r"(?<![\w.,])(\$?\d[\d,]*(?:\.\d+)?)\s*\|\s*(?=(?:bds?|beds?|bedrooms?|ba|baths?|bathrooms?|sq\.? ?ft|sqft|sf"
    r"|acres?|ac|stor(?:y|ies)|levels?|car garage)\b(?!\s*:))", re.I)


def _emit_segments(segs: list[str], out: Collector, hint: str = "") -> None:
    whole = " ".join(segs)
    lead = COLON_PAIR.match(whole)
    if lead and aside_title(lead.group(1), out.anchors) and not out.vocab.label_group(lead.group(1)):
        # "Comparable 1: 6204 W Paradise Ln · 5 Beds · Sold $470,000": a line about another home,
        # kept whole (its parts are no pairs or stats of this listing).
        out.line(whole)
        return
    labels = [i for i, s in enumerate(segs) if s.endswith(":") and labelish(s[:-1])]
    if labels:
        prefix = " ".join(segs[: labels[0]])
        if prefix:
            out.line(prefix)
        for n, start in enumerate(labels):
            end = labels[n + 1] if n + 1 < len(labels) else len(segs)
            value, rest = _value_and_next_cells(segs[start][:-1], " ".join(segs[start + 1 : end]), out)
            if value:
                out.pair(segs[start][:-1], value)
            elif out.vocab.is_remarks(segs[start][:-1]):
                out.pending_remarks = True
            else:
                out.line(segs[start])
            if rest:
                _emit_segments([rest], out, hint)
        return
    if _label_value_cells(" ".join(segs), out):
        return
    text = _STAT_BAR.sub(r"\1 ", " ".join(segs))
    if len(segs) == 2 and not COLON_PAIR.match(text):
        first, second = segs
        if out.vocab.strong_label(first, hint) and not out.vocab.strong_label(second):
            out.pair(first, second)
            return
        if _value_then_label(first, second, out):
            out.record_pair(second, first)
            out.line(text, is_pair=True)
            return
    parts = _DELIMS.split(text) if len(text) <= 600 else [text]
    # A remarks value keeps its commas and colons ("PUBLIC RMKS: Classic ranch. Pool: none, but ...").
    parts = [q for p in parts for q in (_split_packed(p, out) if _pair_not_remarks(p, out) else [p])]
    parts = [q for p in parts for q in (_PAIR_BREAK.split(p) if _pair_not_remarks(p, out) else [p])]
    matches = [COLON_PAIR.match(p) for p in parts]
    matches = [m if m and labelish(m.group(1)) and not m.group(2).startswith("//") and not _sentence_colon(m, out)
               else None for m in matches]
    if not any(matches):
        if len(segs) == 1 and out.vocab.is_remarks(text.rstrip(":")):
            out.pending_remarks = True
            return
        out.line(text)
        return
    _emit_parts(parts, matches, out)


def _emit_parts(parts: list[str], matches: list[re.Match | None], out: Collector) -> None:
    """A line's parts: each "Label: value" a pair, the others lines; an address's city, state and ZIP
    in cells of their own after its street ("Address: 4421 N 37th Ave | Phoenix | AZ | 85019") join it."""
    i = 0
    while i < len(parts):
        part, match = parts[i], matches[i]
        i += 1
        if not match:
            out.line(part)
            continue
        out.pair(match.group(1), match.group(2))
        end = next((j for j in range(i, len(parts)) if matches[j]), len(parts))
        if out.open_street and end > i and out.complete_street(", ".join(parts[i:end])):
            i = end


def _value_and_next_cells(label: str, value: str, out: Collector) -> tuple[str, str]:
    """A marked-up label's value and the columns after it on the same line: `<b>ML#:</b> 6712034 |
    Stat: A` (a print sheet whose left column's labels are bold) is the value "6712034", then the cell
    "Stat: A" of its own. The value is cut at the first bar before a label the vocabulary knows; a
    street address's city and ZIP in the next column are the address's."""
    if " | " not in value or out.vocab.is_remarks(label):
        return value, ""
    cells = value.split(" | ")
    for i in range(1, len(cells)):
        match = COLON_PAIR.match(cells[i])
        if match and labelish(match.group(1)) and out.vocab.label_group(match.group(1)):
            return " | ".join(cells[:i]).strip(), " | ".join(cells[i:])
    if out.vocab.label_group(label) == "street_address" and is_place_line(", ".join(cells[1:])):
        return ", ".join(cells), ""  # the street and, in the next column, its city and ZIP
    return value, ""


def _sentence_colon(match: re.Match, out: Collector) -> bool:
    """A colon inside a sentence of prose ("Two-story townhome backing to the greenbelt: vaulted living
    room, a loft ..."), not a label and its value: four or more words before it (or a short lead-in
    before eight words or more: "Coming soon: a remodeled ...") that the vocabulary names no label
    for, lower-case words after it, and the whole a sentence of 80+ characters."""
    label, value = match.group(1).strip(), match.group(2).strip()
    whole = f"{label}: {value}"
    # A short lead-in before a sentence of eight words or more ("Coming soon: a remodeled two-story home ...").
    lead_in = len(label.split()) <= 3 and len(value.split()) >= 8 and len(value) >= 50
    return ((len(label.split()) >= 4 or lead_in) and len(whole) >= 80 and value[:1].islower() and whole.rstrip()[-1:] in ".!"
            and not out.vocab.label_group(label) and not out.vocab.is_remarks(label))


def _label_value_cells(text: str, out: Collector) -> bool:
    """"MLS# | 7550706 | STATUS | UCB", "BEDS | 2 | BATHS | 2": a print sheet's columns (set apart by
    bars, or by runs of spaces in a `<pre>`) holding labels without colons, each followed by its
    value. Read as pairs when at least one label is followed by a value that is no label; cells that
    are not a label and its value stay lines. Returns True when read."""
    if " | " not in text or len(text) > 600:
        return False
    cells = [c.strip() for c in text.split(" | ")]
    if len(cells) < 2 or any(not c for c in cells) or any(":" in c for c in cells):
        return False
    found: list[tuple[str, str] | str] = []
    i = 0
    while i < len(cells):
        label, value = cells[i], cells[i + 1] if i + 1 < len(cells) else ""
        if _cell_pair(label, value, out):
            found.append((label, value))
            i += 2
        else:
            found.append(label)
            i += 1
    found = _street_with_place_cells(found, out)
    pairs = [f for f in found if isinstance(f, tuple)]
    if not pairs or len(found) - len(pairs) > 2 * len(pairs):
        return False
    for item in found:
        if isinstance(item, tuple):
            out.pair(*item)
        else:
            out.line(item)
    return True


def _street_with_place_cells(found: list[tuple[str, str] | str], out: Collector) -> list[tuple[str, str] | str]:
    """"Address | 4421 N 37th Ave | Phoenix | AZ | 85019": a street-address pair followed by its city,
    state and ZIP in cells of their own is one pair with the whole address."""
    joined: list[tuple[str, str] | str] = []
    i = 0
    while i < len(found):
        item = found[i]
        i += 1
        joined.append(item)
        if isinstance(item, tuple) and out.vocab.label_group(item[0]) == "street_address":
            end = next((j for j in range(i, len(found)) if isinstance(found[j], tuple)), len(found))
            place = ", ".join(str(cell) for cell in found[i:end])
            if end > i and is_place_line(place):
                joined[-1] = (item[0], f"{item[1]}, {place}")
                i = end
    return joined


def _cell_pair(label: str, value: str, out: Collector) -> bool:
    if not value or not labelish(label) or not out.vocab.label_group(label):
        return False
    if out.vocab.is_remarks(label):
        return len(value) > 40
    return len(value) <= 300 and not out.vocab.label_group(value)


def _without_heading(el: El) -> El:
    """A remarks block minus the heading it opens with ("From the listing agent")."""
    kids = [c for c in el.children if not (isinstance(c, str) and not c.strip())]
    if len(kids) > 1 and isinstance(kids[0], El) and kids[0].tag in HEADINGS:
        return El(el.tag, el.hint, children=kids[1:])
    return el


def _remarks_container(el: El) -> bool:
    return bool(el.hint) and not el.tabled and _REMARKS_HINT.search(el.hint) is not None


def visit(el: El, out: Collector, depth: int = 0) -> None:
    if out.size > MAX_TEXT_CHARS * 2 or _left_out(el, out) or _read_as_remarks(el, out):
        return
    tag = el.tag
    if (tag in ("ul", "ol") or not el.blocky) and _link_heavy(el):
        return
    if tag in HEADINGS:
        _visit_heading(el, out)
        return
    if tag == "table" and _visit_table(el, out, depth):
        return
    if tag == "tr" and _visit_row(el, out, depth):
        return
    if tag == "dl" and _visit_dl(el, out):
        return
    if not el.blocky or depth > 150:
        _hint_facts(el, out)
        lines = segments(el) if depth <= 150 else [[text_of(el)]]
        if len(lines) == 1 and _chips(el, lines[0], out):
            lines = [[" \u00b7 ".join(lines[0])]]
        if _value_over_label(lines, out):
            lines = [[lines[0][0], lines[1][0]]]
        comparable = False
        for n, segs in enumerate(lines):
            if n and out.pending_remarks:
                # "<b>Remarks</b><br>Light-filled two-story ...": the label's own lines are the remarks.
                out.take_remarks(" ".join(" ".join(rest) for rest in lines[n:]))
                return
            comparable = _comparable_line(" ".join(segs), comparable, out)
            if not comparable:
                _emit_segments(segs, out, el.hint)
        return
    _visit_children(el.children, out, depth)


# A line titling a comparable in a text print ("COMPARABLE 1", "Comp #2 - Sold", "SOLD COMPS").
_COMPARABLE_TITLE = re.compile(r"^(?:(?:sold|active|pending|closed|expired)\s+)?(?:comparables?|comps?)\b(?:\s*#?\s*\d{1,2})?"
                               r"[\w\s#()/-]{0,20}$", re.I)
_SUBJECT_LINE = re.compile(r"^subject\b", re.I)


def _comparable_line(line: str, within: bool, out: Collector) -> bool:
    """Whether a line of a text print belongs to a comparable: from a line titling one up to a line
    titling the subject, opening the remarks or naming the page's own street."""
    if _COMPARABLE_TITLE.match(line.strip()):
        out.line(line)
        return True
    if not within:
        return False
    lead = COLON_PAIR.match(line)
    return not (_SUBJECT_LINE.match(line) or (lead and out.vocab.is_remarks(lead.group(1)))
                or any(anchor.search(line) for anchor in out.anchors))


def _chips(el: El, segs: list[str], out: Collector) -> bool:
    """`<span class="tag">Townhome</span><span class="tag">No pool</span>`: a row of separate inline
    elements, each a short worded fact (a tag, a badge), with no text between them. Read as one line
    of items set apart ("Townhome · No pool"), not as one run of words ("Townhome No pool")."""
    kids = [c for c in el.children if not (isinstance(c, str) and not c.strip())]
    if len(kids) < 2 or len(kids) != len(segs) or len(segs) > 12:
        return False
    if any(not isinstance(k, El) or k.tag not in INLINE_TAGS or k.tag == "br" for k in kids):
        return False
    if any(not 2 <= len(s) <= 40 or len(re.findall(r"[A-Za-z]", s)) < 2 or s.endswith(":") for s in segs):
        return False
    # Two segments of which one is a label are a label and its value ("Status" "Active").
    return len(segs) > 2 or not any(out.vocab.strong_label(s) for s in segs)


def _left_out(el: El, out: Collector) -> bool:
    """Not read here: a slot of weak content, another listing's card, a section about other listings."""
    if el.tag == WEAK_SLOT:
        out.pending_remarks = False
        return True
    return id(el) in out.skip or about_other_listings(el, out)


def _read_as_remarks(el: El, out: Collector) -> bool:
    """The block a "Remarks" label announced, or a block marked as the remarks; True when taken."""
    if out.pending_remarks and _holds_weak_slot(el):
        out.pending_remarks = False  # the remarks this label announced are in the weak part
    if out.pending_remarks:
        text = text_of(el)
        if text:
            out.take_remarks(text)
            return True
    if _remarks_container(el) and not _holds_weak_slot(el):
        text = text_of(_without_heading(el))
        if len(text) > 40:
            out.take_remarks(text)
            return True
    return False


def _visit_heading(el: El, out: Collector) -> None:
    text = text_of(el)
    if not text:
        return
    if out.vocab.is_remarks(text):
        out.pending_remarks = True
    else:
        out.headings.append(text)
        out.line(text)


def _holds_weak_slot(el: El) -> bool:
    stack, seen = [el], 0
    while stack and seen < 500:
        item = stack.pop()
        seen += 1
        if item.tag == WEAK_SLOT:
            return True
        stack.extend(c for c in item.children[:100] if isinstance(c, El))
    return False


def _link_heavy(el: El) -> bool:
    """A list of links (site navigation outside <nav>): four or more links holding most of the text."""
    links = link_chars = chars = 0
    stack, seen = [(el, False)], 0
    while stack and seen < 2000:
        item, in_link = stack.pop()
        seen += 1
        if isinstance(item, str):
            size = len(item.strip())
            chars += size
            link_chars += size if in_link else 0
            continue
        is_link = item.tag == "a"
        links += is_link
        stack.extend((c, in_link or is_link) for c in item.children[:2000])
    return links >= 4 and link_chars >= 0.7 * chars


def _title_row(el: El) -> bool:
    """A table row of one short cell without figures ("More matches" above the rows of other
    listings' cards in a mail): it titles the rows after it as a heading titles its siblings."""
    row_cells = cells(el) if el.tag == "tr" else []
    if len(row_cells) != 1:
        return False
    text = text_of(row_cells[0], 100)
    return 0 < len(text) <= 60 and not re.search(r"\d", text)


def _wrapped_title(el: El) -> bool:
    """A block that holds nothing but a heading or a bold title (`<div><h3>Other matches</h3></div>`,
    `<p><b>More homes for you</b></p>`): it titles the blocks after it as a heading titles its
    siblings (a mail's other homes in blocks of their own under it)."""
    inner = el
    for _ in range(4):
        kids = [c for c in inner.children if not (isinstance(c, str) and not c.strip())]
        if len(kids) != 1 or not isinstance(kids[0], El):
            return False
        inner = kids[0]
        if inner.tag in HEADINGS or inner.tag in ("b", "strong"):
            text = text_of(inner, 100)
            return 0 < len(text) <= 60 and not re.search(r"\d", text)
    return False


def _until_heading(items: list, start: int) -> list:
    """The siblings after a heading, up to the next heading: the section that heading opens."""
    section = []
    for item in items[start:start + 200]:
        if isinstance(item, El) and item.tag in HEADINGS:
            break
        section.append(item)
    return section


def _opens_remarks(item: El | str, out: Collector) -> bool:
    """A block opening with the remarks' label ("<p><b>Public Remarks:</b> ..."): the listing's own
    text again, which ends a section about schools or other homes that has no heading after it."""
    if isinstance(item, str) or item.tag in INLINE_TAGS:
        return False
    match = COLON_PAIR.match(text_of(item, 200))
    return match is not None and out.vocab.is_remarks(match.group(1))


def _visit_children(children: list, out: Collector, depth: int) -> None:
    run: list = []

    def flush() -> None:
        if run:
            visit(El("span", children=list(run)), out, depth + 1)
            run.clear()

    items = [c for c in children if not (isinstance(c, str) and not c.strip()) and not (isinstance(c, El) and c.tag == "br")]
    i = 0
    skipping = history = False
    while i < len(items):
        child = items[i]
        if isinstance(child, El) and (child.tag in HEADINGS or _title_row(child) or _wrapped_title(child)):
            title = text_of(child, 120)
            record = other_record_title(title)
            if record:
                keep_record_parcel(" \n".join(text_of(c, 4000) for c in _until_heading(items, i + 1)), out)
            skipping = record or (aside_title(title, out.anchors) and not holds_own_listing(
                " ".join(text_of(c, 4000) for c in _until_heading(items, i + 1)), out))
            history = bool(skipping) and history_title(title)
            if skipping:
                flush()
                i += 1
                continue
        if skipping and not _opens_remarks(child, out):
            if history:
                keep_history_rows(child, out)
            i += 1
            continue
        skipping = False
        if isinstance(child, str) or child.tag in INLINE_TAGS:
            nxt = items[i + 1] if i + 1 < len(items) else None
            if isinstance(nxt, El) and nxt.tag not in INLINE_TAGS and not run:
                if _try_pair(child, nxt, out):
                    i += 2
                    continue
            run.append(child)
            i += 1
            continue
        flush()
        nxt = items[i + 1] if i + 1 < len(items) else None
        if nxt is not None and _try_pair(child, nxt, out):
            i += 2
            continue
        visit(child, out, depth + 1)
        i += 1
    flush()


_NOT_PAIR_TAGS = frozenset("ul ol li table tbody thead tfoot tr td th dl dt dd section article main aside form".split())


def _atomic(el: El | str) -> bool:
    """One run of text: not itself a label + value, nor a list of lines."""
    if isinstance(el, str):
        return True
    lines = segments(el) if not el.blocky else [[text_of(el, 200)]] if _single_text_path(el) else []
    return len(lines) == 1 and len(lines[0]) == 1


def _single_text_path(el: El) -> bool:
    """`<div><div><span>Beds</span></div></div>`: wrappers around a single piece of text."""
    while isinstance(el, El):
        kids = [c for c in el.children[:4] if not (isinstance(c, str) and not c.strip())]
        if len(kids) != 1:
            return False
        el = kids[0]
    return True


def _try_pair(first: El | str, second: El | str, out: Collector) -> bool:
    """Sibling blocks forming label + value (`<div class=label>Beds</div><div>3</div>`)."""
    for el in (first, second):
        if isinstance(el, El) and (el.tabled or el.tag in _NOT_PAIR_TAGS):
            return False
    if not _atomic(first):
        return False
    label = text_of(first, 200)
    if not label or len(label) > 50:
        return False
    hint = first.hint if isinstance(first, El) else ""
    group = out.vocab.label_group(label)
    if group == REMARKS:
        value = text_of(second) if not (isinstance(second, El) and _holds_weak_slot(second)) else ""
        if value and re.fullmatch(r"[-=_~*\s]{3,}", value):
            out.pending_remarks = True  # "DESCRIPTION" over its underline: the remarks come next
            return True
        if value:
            out.take_remarks(value)
            return True
        return False
    value_hint = second.hint if isinstance(second, El) else ""
    if out.vocab.strong_label(label, hint) and (not isinstance(first, El) or first.tag not in HEADINGS or group):
        value = text_of(second, 2000)
        if not value or len(value) > (120 if getattr(first, "tag", "") in HEADINGS else 300) or not _atomic_value(second):
            return False
        if out.vocab.strong_label(value, value_hint) and not re.search(r"value|val\b|data", value_hint) \
                and not re.match(r"\s*\$?\d", value):
            return False
        out.pair(label, value)
        return True
    if _NUMERIC_VALUE.match(label):
        name = text_of(second, 200)
        if name and out.vocab.label_group(name) and group is None:
            out.record_pair(name, label)
            out.line(f"{label} {name}", is_pair=True)
            return True
    return False


def _atomic_value(el: El | str) -> bool:
    """A value is one fact: no <br>-separated lines, no `Label: value` text inside."""
    if isinstance(el, str):
        return True
    if el.blocky:
        if not _single_text_path(el):
            return False
    elif len(segments(el)) > 1:
        return False
    return not re.search(r"(^|\s)[A-Za-z][\w #/().\-]{1,40}:\s+\S", text_of(el, 400))


def _visit_row(row: El, out: Collector, depth: int) -> bool:
    row_cells = cells(row)
    if not row_cells or any(c.tabled for c in row_cells):
        return False
    texts = [text_of(c, 4000) for c in row_cells]
    filled = [(c, t) for c, t in zip(row_cells, texts) if t]
    if not filled:
        return True
    if all(COLON_PAIR.match(t) and not t.rstrip().endswith(":") for _, t in filled) and len(filled) > 1:
        for cell, _ in filled:
            visit(cell, out, depth + 1)
        return True
    if len(filled) > 1 and 2 * sum(_lead_label(cell, out) for cell, _ in filled) > len(filled):
        for cell, _ in filled:  # "<td><b>BR</b> 3</td><td><b>BA</b> 2</td>": each cell a label and its value
            visit(cell, out, depth + 1)
        return True
    i, leftovers = 0, []
    while i < len(filled):
        cell, text = filled[i]
        if i + 1 < len(filled):
            value_cell, value = filled[i + 1]
            group = out.vocab.label_group(text)
            if group == REMARKS:
                out.take_remarks(value)
                i += 2
                continue
            if (cell.tag == "th" and value_cell.tag == "td") or (
                out.vocab.strong_label(text, cell.hint) and not (text.endswith(":") and value.endswith(":"))
            ):
                out.pair(text, value)
                i += 2
                continue
        if out.vocab.is_remarks(text.rstrip(":")):
            out.pending_remarks = True
        else:
            leftovers.append((cell, text))
        i += 1
    if len(leftovers) == 1 and (len(row_cells) == 1 or leftovers[0][0].blocky):
        # One cell of content (a mail's text column beside an image): its own blocks and lines.
        visit(leftovers[0][0], out, depth + 1)
    elif leftovers:
        out.line(" | ".join(text for _, text in leftovers))
    return True


def _lead_label(cell: El, out: Collector) -> bool:
    """A cell opening with a bold label of a field and then its value ("<b>Yr Blt</b> 1978")."""
    kids = [c for c in cell.children if not (isinstance(c, str) and not c.strip())]
    if len(kids) < 2 or not isinstance(kids[0], El) or kids[0].tag not in ("b", "strong", "label", "span", "em"):
        return False
    label = text_of(kids[0], 60)
    return bool(label) and labelish(label.rstrip(":")) and out.vocab.label_group(label) is not None


def _rows(table: El) -> list[El]:
    rows: list[El] = []
    for child in table.children:
        if isinstance(child, El):
            if child.tag == "tr":
                rows.append(child)
            elif child.tag in ("thead", "tbody", "tfoot"):
                rows.extend(c for c in child.children if isinstance(c, El) and c.tag == "tr")
    return rows


def _visit_table(table: El, out: Collector, depth: int) -> bool:
    """A header row over exactly one data row reads as column label -> value; over several rows (one
    listing a line, a "Cross Property" report), see `_listing_rows`."""
    rows = _rows(table)
    if len(rows) > 2:
        return _subject_column(rows, out, depth) or _listing_rows(rows, out, depth)
    if len(rows) != 2:
        return False
    head, body = cells(rows[0]), cells(rows[1])
    if len(head) < 2 or len(head) != len(body):
        return False
    if any(c.tag != "th" for c in head) or any(c.tag != "td" for c in body):
        # "2 | 2 | 1,104" over "Beds | Baths | Sq Ft" (or the captions first): a stat table of plain
        # cells, one row all captions naming fields, the other all values.
        top, bottom = _caption_row(head, out), _caption_row(body, out)
        if (top is None) == (bottom is None):
            return False
        head, body = (head, body) if top is not None else (body, head)
        if any(out.vocab.label_group(text_of(c)) or not text_of(c) for c in body):
            return False
    for caption in (c for c in table.children if isinstance(c, El) and c.tag == "caption"):
        visit(caption, out, depth + 1)
    for h, b in zip(head, body):
        out.pair(text_of(h), text_of(b))
    return True


# The cell that marks a report's row as the listing it is about ("Subject", "SUBJ", "Subject Property").
_SUBJECT_MARK = re.compile(r"^(?:subject(?: property| listing| home)?|subj\.?)$", re.I)


def _listing_rows(rows: list[El], out: Collector, depth: int) -> bool:
    """A header row of column names (`<th>`) over one row per listing: the header is a line of
    names, never label/value pairs of its own cells; the one row marked as the subject reads as
    column name -> value (its empty cells state nothing); the other rows, other listings, are read
    as rows are. False (not read here) for any other table."""
    head = cells(rows[0])
    names = [text_of(c, 60) for c in head]
    if len(head) < 3 or any(c.tag != "th" for c in head) or sum(bool(n) for n in names) < 3:
        return False
    out.line(" | ".join(n for n in names if n))
    marked = [row for row in rows[1:] if any(_SUBJECT_MARK.match(text_of(c, 40)) for c in cells(row))]
    for row in rows[1:]:
        body = cells(row)
        if len(marked) == 1 and row is marked[0] and len(body) == len(head):
            for name, cell in zip(names, body):
                value = text_of(cell)
                if name and value:
                    out.pair(name, value)
        else:
            visit(row, out, depth + 1)
    return True


def _subject_column(rows: list[El], out: Collector, depth: int) -> bool:
    """A side-by-side grid (labels down the first column, one column per home) whose header names
    one column the subject, wherever it stands ("| Comp 1 | Comp 2 | Subject"): each row's label ->
    that column's value; the other columns, comparables, state nothing of the listing. False (not
    read here) for any other table."""
    names = [text_of(c, 60) for c in cells(rows[0])]
    marks = [i for i, name in enumerate(names) if i > 0 and _SUBJECT_MARK.match(name)]
    if len(names) < 3 or len(marks) != 1:
        return False
    out.line(" | ".join(n for n in names if n))
    for row in rows[1:]:
        body = cells(row)
        if len(body) != len(names):
            visit(row, out, depth + 1)
            continue
        label, value = text_of(body[0], 60), text_of(body[marks[0]])
        if label and value:
            out.pair(label, value)
    return True


def _caption_row(row: list[El], out: Collector) -> list[El] | None:
    """The row, when every cell is a short label naming a field."""
    texts = [text_of(c, 60) for c in row]
    return row if all(t and labelish(t) and out.vocab.label_group(t) for t in texts) else None


def _visit_dl(dl: El, out: Collector) -> bool:
    items: list[El] = []
    stack = list(reversed(dl.children))
    while stack:
        item = stack.pop()
        if not isinstance(item, El):
            continue
        if item.tag == "dl":
            return False
        if item.tag in ("dt", "dd"):
            items.append(item)
        else:
            stack.extend(reversed(item.children))
    label: str | None = None
    values: list[str] = []

    def flush() -> None:
        if label is not None:
            if values:
                out.pair(label, ", ".join(values))
            elif out.vocab.is_remarks(label):
                out.pending_remarks = True
            else:
                out.line(label)

    for item in items:
        text = text_of(item)
        if item.tag == "dt":
            flush()
            label, values = text, []
        elif text:
            if label is None:
                out.line(text)
            else:
                values.append(text)
    flush()
    return True
