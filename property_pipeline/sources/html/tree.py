"""The visible part of a page as a light tree of `El`s, built once from lexbor's DOM.

`TreeBuilder(sheet, data).build(body)` copies the DOM iteratively (no recursion,
so any depth is safe) and within `MAX_ELEMENTS`, leaving out what a reader does
not see: scripts, styles, forms, navigation and page furniture (`DROP_TAGS`,
ARIA roles), and whatever the inline styles, the page's style sheets or hiding
attributes hide (`visibility`). The content of a closed `<details>` and of
`aria-hidden` subtrees is kept apart in `weak_roots`: a reader must open it, so
it is weaker evidence. On the way it collects `data-*` attribute facts and
coordinates into `data["attr_pairs"]` / `data["geo"]`.

`text_of(el)` is an element's visible text (inline runs joined, blocks
separated), `cells(row)` a table row's cells, `collapse` whitespace folding.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..normalize import parse_number
from .visibility import (
    ElementKey,
    StyleSheet,
    TextState,
    aria_hidden,
    attribute_declarations,
    hidden_by_attributes,
    parse_declarations,
    prunes,
)

MAX_ELEMENTS = 100_000
MAX_REMARKS_CHARS = 6_000

_WS = re.compile(r"\s+")
# The marks that open a line an e-mail quotes ("> ", "> > "), as a forwarded or replied-to mail has them.
_QUOTE_MARKS = re.compile(r"^[ \t]*>(?:[ \t]*>)*(?=[ \t]|$)[ \t]?", re.M)

# Struck-through text (`<s>$415,000</s>` beside the new price, `<del>`) is what no longer holds.
DROP_TAGS = frozenset(
    "script style noscript template svg iframe object embed canvas nav footer select option "
    "button textarea input head title meta link base map area audio video picture source "
    "track dialog math s strike del".split()
)
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big cite code data dfn em font i img kbd label mark nobr q s samp small "
    "span strike strong sub sup time tt u var wbr".split()
)
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_GEO_ATTRS = {
    "data-lat": "latitude",
    "data-latitude": "latitude",
    "data-lng": "longitude",
    "data-lon": "longitude",
    "data-long": "longitude",
    "data-longitude": "longitude",
}


# Attributes that carry a label a sighted reader never sees; and elements whose attribute is no label
# of a value inside them (a link's or an image's title, a whole section's name).
_LABEL_ATTRS = ("aria-label", "data-label", "title")
_NO_ATTRIBUTE_LABEL = frozenset("a img body html main section article nav header aside form table ul ol dl".split())


# Attributes holding a "lat,lng" pair.
_GEO_PAIR_ATTRS = frozenset(("data-coordinates", "data-coords", "data-latlng", "data-latlon", "data-lat-lng", "data-geo",
                             "data-position", "data-center", "data-location"))


def collapse(text: str) -> str:
    """Whitespace runs folded to one space, ends stripped."""
    return _WS.sub(" ", text).strip()



@dataclass(slots=True)
class El:
    """One visible element: its tag, a lower-cased class/id/itemprop hint, and its children
    (`El`s and text strings)."""

    tag: str
    hint: str = ""
    children: list = field(default_factory=list)
    parent: El | None = None
    blocky: bool = False  # has block-level descendants
    tabled: bool = False  # has a <table> or <dl> descendant


# Page furniture by ARIA role: navigation, tab bars ("Overview | Neighborhood"), menus, toolbars.
_FURNITURE_ROLES = frozenset("navigation tablist tab menu menubar menuitem toolbar".split())


def _is_hidden(attrs: dict[str, str | None]) -> bool:
    return hidden_by_attributes(attrs) or (attrs.get("role") or "").strip().lower() in _FURNITURE_ROLES


def _element_children(node) -> list:
    kids = []
    child = node.child
    while child is not None:
        kids.append(child)
        child = child.next
    return kids


WEAK_SLOT = "#weak"
"""The tag of the placeholder left where weak content (closed <details>, aria-hidden) was taken out."""


class TreeBuilder:
    """Copies the visible part of lexbor's DOM into `El`s, iteratively and within the caps.

    What CSS hides is left out (see `visibility`). The content of a closed `<details>`
    is not hidden (accordion layouts keep real facts there) but a reader must open it, so it
    goes to `weak_roots`: read after the page, as weaker evidence than what is shown.
    """

    def __init__(self, sheet: StyleSheet, data: dict[str, Any], label_group: Callable[[str], str | None] | None = None):
        self.sheet = sheet
        self.label_group = label_group
        """The source's label meanings: an `aria-label` / `title` / `data-label` naming a field is
        written into the text before the element's value (see `_attribute_label`)."""
        self.attr_pairs: list[tuple[str, str]] = data["attr_pairs"]
        self.geo: dict[str, float] = data["geo"]
        self.count = 0
        self.truncated = False
        self.weak_roots: list[tuple[El, bool]] = []
        """Closed <details> (False) and aria-hidden (True: kept out of the prompt) subtrees."""

    def build(self, root) -> El:
        top = El("body")
        stack = [(root, top, self._root_state(root), None, False)]
        while stack:
            node, parent, state, chain, weak = stack.pop()
            to_visit = []
            for kid in _element_children(node):
                if kid.is_text_node:
                    self._add_text(kid, parent, state)
                    continue
                entry = self._element(kid, parent, state, chain, weak)
                if entry is not None:
                    to_visit.append(entry)
            # Depth-first in document order, so the element cap cuts the end of the page, not its start.
            stack.extend(reversed(to_visit))
        for el in (top, *(root for root, _ in self.weak_roots)):
            _mark(el)
        return top

    def _root_state(self, root) -> TextState:
        state = TextState()
        for node in (root.parent, root):
            if node is not None and node.is_element_node:
                state = state.child(self._declarations(node.tag or "", node.attributes, None))
        return state

    def _declarations(self, tag: str, attrs: dict[str, str | None], chain) -> dict[str, str]:
        decls = attribute_declarations(tag, attrs)
        if self.sheet:
            decls.update(self.sheet.declarations(ElementKey.of(tag, attrs), chain))
        if attrs.get("style"):
            decls.update(parse_declarations(attrs["style"]))
        return decls

    @staticmethod
    def _add_text(kid, parent: El, state: TextState) -> None:
        text = kid.text_content or ""
        if not parent.children or (isinstance(parent.children[-1], El) and parent.children[-1].tag == "br"):
            text = _QUOTE_MARKS.sub("", text)  # a quoted mail line ("> $474,900"): the marks are no text
        if text.strip() and not state.text_hidden:
            if ("\n" in text.strip() or "  " in text.strip()) and _in_pre(parent):
                _add_preformatted(text, parent)
            else:
                parent.children.append(text)
        elif parent.children and parent.children[-1] != " ":
            parent.children.append(" ")

    def _element(self, kid, parent: El, state: TextState, chain, weak: bool):
        """The `El` for one DOM element and its stack entry, or None when it is left out."""
        tag = kid.tag or ""
        if not kid.is_element_node or tag in DROP_TAGS or tag.startswith("#"):
            return None
        self.count += 1
        if self.count > MAX_ELEMENTS:
            self.truncated = True
            return None
        attrs = kid.attributes
        if _is_hidden(attrs):
            return None
        decls = self._declarations(tag, attrs, chain)
        if prunes(decls):
            return None
        state = state.child(decls)
        if not state.text_hidden:
            self._harvest(attrs)
        hint = " ".join(filter(None, ((attrs.get("class") or "")[:200], (attrs.get("id") or "")[:100],
                                      (attrs.get("itemprop") or "")[:60]))).lower()
        el = El(tag, hint)
        if tag == "img" and self.label_group is not None and not weak and not state.text_hidden:
            alt = collapse(attrs.get("alt") or attrs.get("title") or attrs.get("aria-label") or "")
            # An icon whose alt text (or, without one, its title or accessible name) is the fact or its
            # label ("Private pool", "No private pool", "Bedrooms" before "3"): text a reader sees.
            if 0 < len(alt) <= 40 and self.label_group(alt) not in (None, "remarks"):
                el.children.append(alt)
        elif self.label_group is not None and not weak and not state.text_hidden and tag not in _NO_ATTRIBUTE_LABEL:
            phrase = self._accessible_phrase(kid, attrs)
            if phrase:
                el.children.append(phrase)
                el.parent = parent
                parent.children.append(el)
                return None
            label = self._attribute_label(kid, tag, attrs)
            if label:
                # A text of its own before the element, so the label and the value are two segments.
                parent.children.append(label)
        closed = tag == "details" and "open" not in attrs
        if (closed or aria_hidden(attrs)) and not weak:
            # Read after the page, as weaker evidence; aria-hidden text (decoys, but also collapsed
            # previews of real remarks) is kept out of the prompt as well. The slot left here ends
            # a pending "Remarks" label, whose text is then found in the weak part.
            self.weak_roots.append((el, not closed))
            parent.children.append(El(WEAK_SLOT, parent=parent))
            weak = True
        else:
            el.parent = parent
            parent.children.append(el)
        if tag == "br":
            return None
        return kid, el, state, (ElementKey.of(tag, attrs), chain) if self.sheet else None, weak

    def _accessible_phrase(self, node, attrs: dict[str, str | None]) -> str | None:
        """`<div aria-label="4 bedrooms"><i class="icon-bed"></i><b>4</b></div>`: the element's
        accessible name states the fact its icon and number only show. Read instead of the content
        when the name holds the visible number and names a field."""
        label = collapse(attrs.get("aria-label") or "")
        if not label or len(label) > 60 or not re.search(r"\d", label):
            return None
        shown = collapse(node.text(deep=True) or "")
        if not shown or len(shown) > 30 or not _shown_in_name(shown, label):
            return None
        words = re.sub(r"[\d$.,%+/|-]+", " ", label)
        assert self.label_group is not None
        if not any(self.label_group(w) for w in (collapse(words), collapse(label.split(":")[0]), *words.split())):
            return None
        return label

    def _attribute_label(self, node, tag: str, attrs: dict[str, str | None]) -> str | None:
        """`"Bedrooms: "` for `<span aria-label="Bedrooms">4</span>`, `<i title="Year built"></i>`,
        `<td data-label="Beds">`: accessibility-first and responsive pages keep the label only in an
        attribute. Only a short label that names a field (the source's vocabulary) on an element
        whose own text is a short value (or nothing: an icon before its value) and does not already
        say it; the label becomes text, so the rules read a pair and the prompt shows the label."""
        label = next((collapse(attrs[a] or "") for a in _LABEL_ATTRS if (attrs.get(a) or "").strip()), "")
        if not label or len(label) > 45 or re.search(r"\d", label) or label.endswith(":"):
            return None
        assert self.label_group is not None
        group = self.label_group(label)
        if group is None or group == "remarks":
            return None
        text = collapse(node.text(deep=True) or "")
        # `<abbr title="Square feet">sqft</abbr>`, `<span title="Bedrooms">Beds</span>`: the attribute
        # spells out a label or unit the text already shows, it labels no value.
        if len(text) > 60 or label.lower() in text.lower() or tag in ("abbr", "acronym") or self.label_group(text):
            return None
        return f"{label}: "

    def _harvest(self, attrs: dict[str, str | None]) -> None:
        """Facts some layouts keep in `data-*` attributes (coordinates, a duplicate of the facts)."""
        for name, value in attrs.items():
            if not name.startswith("data-") or value is None:
                continue
            if name in _GEO_ATTRS:
                number = parse_number(value)
                if number is not None:
                    self.geo.setdefault(_GEO_ATTRS[name], number)
            elif name in _GEO_PAIR_ATTRS:
                pair = re.fullmatch(r"\s*\[?\s*(-?\d{1,3}\.\d+)\s*[,; ]\s*(-?\d{1,3}\.\d+)\s*\]?\s*", value)
                if pair and abs(float(pair.group(1))) <= 90:  # "lat,lng", as data-coordinates writes it
                    self.geo.setdefault("latitude", float(pair.group(1)))
                    self.geo.setdefault("longitude", float(pair.group(2)))
            elif len(self.attr_pairs) < 500 and 0 < len(value) <= 200:
                self.attr_pairs.append((name[5:].replace("-", " ").replace("_", " "), value))


def _shown_in_name(shown: str, name: str) -> bool:
    """Whether an element's visible text is only the number its accessible name states, bare
    ("4", "$489,000") or with a short unit ("0.16 ac", "1,540 sqft", "7,802 sqft lot")."""
    flat = re.sub(r"\s+", "", name)
    if re.fullmatch(r"[$\d.,\s%+/|kKmM-]+", shown):
        return re.sub(r"[\s|]+", "", shown) in flat
    numbers = re.findall(r"\$?\d[\d,]*(?:\.\d+)?", shown)
    unit = re.sub(r"\$?\d[\d,]*(?:\.\d+)?", " ", shown)
    return (
        len(numbers) == 1
        and numbers[0] in flat
        and len(re.sub(r"[^A-Za-z]", "", unit)) <= 8
        and len(unit.split()) <= 2
        and re.fullmatch(r"[A-Za-z.\s²/]*", unit) is not None
    )


def _in_pre(el: El | None) -> bool:
    for _ in range(4):
        if el is None:
            return False
        if el.tag == "pre":
            return True
        el = el.parent
    return False


def _add_preformatted(text: str, parent: El) -> None:
    """Text laid out by its spaces (a `<pre>` print sheet): each line a line (`<br>`), and a run of
    spaces inside a line a column break (" | "), so "Beds: 4   Baths: 2.5" stays two pairs. A label
    padded to its value's column ("ML#:      6712034") is one cell with it (`preformatted_cells`)."""
    for i, line in enumerate(text.split("\n")):
        if i:
            parent.children.append(El("br", parent=parent))
        line = " | ".join(preformatted_cells(_QUOTE_MARKS.sub("", line)))
        if line:
            parent.children.append(line)


# A label and the dotted leader that runs to its value ("ML#......... 6712034"): written as its colon.
_LEADER = re.compile(r"^([^\W\d][^:.]{0,30}?(?:\([^)]{0,20}\))?)\s*(?:\.\s?){3,}:?\s*(?=\S)")
# A cell that opens with a label and its colon ("Stat: A", "Sold $:"): never a padded label's value.
_LABEL_CELL = re.compile(r"^[^\W\d][^:]{0,30}:(?:\s|$)")


def preformatted_cells(line: str) -> list[str]:
    """One line of a `<pre>` split into its columns at tabs and runs of two or more spaces, a cell
    that is only a label ("ML#:", "List $:") joined with the value its padding sets apart, unless
    that next cell is a label of its own ("Sold $:      Stat: A" stays two cells)."""
    cells = [_LEADER.sub(r"\1: ", c) for c in re.split(r"\s*\t\s*|\s{2,}", line.strip()) if c]
    joined: list[str] = []
    for cell in cells:
        if joined and joined[-1].endswith(":") and len(joined[-1]) <= 32 and not _LABEL_CELL.match(cell) \
                and not joined[-1].count(":") > 1:
            joined[-1] = f"{joined[-1]} {cell}"
        else:
            joined.append(cell)
    return joined


def _mark(top: El) -> None:
    """Set `blocky` / `tabled` bottom-up, without recursion."""
    order, stack = [], [top]
    while stack:
        el = stack.pop()
        order.append(el)
        stack.extend(c for c in el.children if isinstance(c, El))
    for el in reversed(order):
        parent = el.parent
        if parent is None:
            continue
        if el.tag not in INLINE_TAGS and el.tag != "br" or el.blocky:
            parent.blocky = True
        if el.tag in ("table", "dl") or el.tabled:
            parent.tabled = True


def text_of(el: El | str, limit: int = MAX_REMARKS_CHARS * 2) -> str:
    """Visible text of an element: inline runs joined, blocks and <br> separated by spaces."""
    if isinstance(el, str):
        return collapse(el)
    parts: list[str] = []
    size = 0
    stack: list[Any] = [el]
    while stack and size < limit:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            size += len(item)
            continue
        if item.tag not in INLINE_TAGS:
            parts.append(" ")
            stack.append(" ")
        stack.extend(reversed(item.children[:limit]))
    return collapse("".join(parts))[:limit]


def cells(row: El) -> list[El]:
    """The `<td>`/`<th>` cells of a table row."""
    return [c for c in row.children if isinstance(c, El) and c.tag in ("td", "th")]
