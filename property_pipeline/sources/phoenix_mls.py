"""Phoenix MLS listing detail pages (`.html`), in whatever report layout the scraper saved.

Layouts differ (tabular "full" reports, consumer cards, printer-friendly pages,
agent flyers) and change over time, so nothing here follows a CSS path. The
page is cleaned (scripts, styles, comments, hidden elements and navigation
dropped), walked once into label/value pairs and compact text lines, and
facts are then found by what their LABEL means. Public Remarks are kept as one
opaque value: agent-written text is never mined for facts.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from selectolax.lexbor import LexborHTMLParser

from ..contract import PROPERTY_FIELDS
from . import embedded_state
from .base import RuleExtraction, Source, SourceDocument, SourceError
from .html_visibility import (
    ElementKey,
    StyleSheet,
    TextState,
    aria_hidden,
    attribute_declarations,
    hidden_by_attributes,
    parse_declarations,
    prunes,
)
from .normalize import (
    MARICOPA_CITIES,
    SQFT_PER_ACRE,
    compose_address,
    is_placeholder,
    normalize_apn,
    normalize_city,
    normalize_dwelling_type,
    normalize_frequency,
    normalize_status,
    normalize_zip,
    parse_baths,
    parse_bool,
    parse_int,
    parse_lot_size,
    parse_money,
    parse_number,
    parse_one_line_address,
    plausible_city,
    plausible_street,
    split_street,
    state_code,
    status_word,
    title_words,
)
from .page_identity import identity_texts, page_urls

MAX_DECODED_CHARS = 5_000_000
MAX_NESTING = 400  # lexbor's tree building is quadratic in nesting depth
MAX_ELEMENTS = 100_000
MAX_LINE_CHARS = 400
MAX_REMARKS_CHARS = 6_000
MAX_TEXT_CHARS = 16_000

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\x00"), None)
_WS = re.compile(r"\s+")

_DROP_TAGS = frozenset(
    "script style noscript template svg iframe object embed canvas nav footer select option "
    "button textarea input head title meta link base map area audio video picture source "
    "track dialog math".split()
)
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big cite code data dfn em font i img kbd label mark nobr q s samp small "
    "span strike strong sub sup time tt u var wbr".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_VOID_OR_OPTIONAL_END = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen "
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup rp rt caption".split()
)
_GEO_ATTRS = {
    "data-lat": "latitude",
    "data-latitude": "latitude",
    "data-lng": "longitude",
    "data-lon": "longitude",
    "data-long": "longitude",
    "data-longitude": "longitude",
}
_REMARKS_HINT = re.compile(r"remarks?\b|remarks?[-_]|(?:listing|property|home)[-_]?desc|^description\b|\bdescription$")


def _collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


# Reading the bytes


def _looks_binary(raw: bytes) -> bool:
    head = raw[:65536]
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")):
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > max(8, len(head) * 0.05)


def _codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    # WHATWG: pages labelled latin-1 or ASCII are decoded as windows-1252.
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def _decode(raw: bytes) -> tuple[str, list[str]]:
    """Bytes to text without ever raising: BOM, then <meta charset>, then UTF-8, cp1252, latin-1."""
    warnings: list[str] = []
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return raw[len(bom):].decode(codec, errors="replace"), warnings
    declared = None
    meta = re.search(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", raw[:8192], re.I)
    if meta:
        declared = _codec(meta.group(1).decode("ascii", "ignore"))
    tried = []
    for codec in (declared, "utf-8", "cp1252"):
        if not codec or codec in tried or codec.startswith("utf-16"):
            continue
        tried.append(codec)
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if declared and codec != declared:
            warnings.append(f"declared charset {declared} did not decode; read as {codec}")
        return text, warnings
    warnings.append("undecodable bytes; read as latin-1")
    return raw.decode("latin-1"), warnings


def _strip_comments(text: str) -> str:
    """Drop <!-- ... --> in linear time (a regex backtracks on many unclosed comments)."""
    out, pos = [], 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            out.append(text[pos:])
            break
        out.append(text[pos:start])
        end = text.find("-->", start + 4)
        if end < 0:
            break
        pos = end + 3
    return "".join(out)


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:\-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")


_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:\-]*)")


def _may_nest_too_deep(text: str) -> bool:
    """A quick over-estimate of the nesting depth (no attribute parsing), to skip the rewrite."""
    depth = deepest = 0
    raw_until = None
    for closing, name in _TAG_NAME.findall(text):
        name = name.lower()
        if raw_until is not None:
            if closing and name == raw_until:
                raw_until = None
            continue
        if name in _VOID_OR_OPTIONAL_END:
            continue
        if closing:
            depth = max(0, depth - 1)
        elif name in ("script", "style", "textarea", "xmp", "plaintext"):
            raw_until = name
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_NESTING:
                    return True
    return False


def _flatten_deep_nesting(text: str) -> tuple[str, bool]:
    """Drop tags nested deeper than MAX_NESTING, keeping their text: hostile pages stay fast."""
    if not _may_nest_too_deep(text):
        return text, False
    depth = dropped = 0
    raw_until: str | None = None
    flattened = False

    def replace(match: re.Match) -> str:
        nonlocal depth, dropped, raw_until, flattened
        closing, name = match.group(1), match.group(2).lower()
        if raw_until is not None:
            if closing and name == raw_until:
                raw_until = None
            return match.group(0)
        if name in _VOID_OR_OPTIONAL_END:
            return match.group(0)
        if closing:
            if dropped:
                dropped -= 1
                return ""
            depth = max(0, depth - 1)
            return match.group(0)
        if match.group(3).rstrip().endswith("/"):
            return match.group(0)
        if name in ("script", "style", "textarea", "xmp", "plaintext"):
            raw_until = name
            return match.group(0)
        if depth >= MAX_NESTING:
            dropped += 1
            flattened = True
            return " "
        depth += 1
        return match.group(0)

    result = _TAG.sub(replace, text)
    return result, flattened


# The page as a light tree


@dataclass(slots=True)
class _El:
    tag: str
    hint: str = ""
    children: list = field(default_factory=list)
    parent: "_El | None" = None
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


_WEAK_SLOT = "#weak"


class _TreeBuilder:
    """Copies the visible part of lexbor's DOM into `_El`s, iteratively and within the caps.

    What CSS hides is left out (see `html_visibility`). The content of a closed `<details>`
    is not hidden (accordion layouts keep real facts there) but a reader must open it, so it
    goes to `weak_roots`: read after the page, as weaker evidence than what is shown.
    """

    def __init__(self, sheet: StyleSheet, data: dict[str, Any]):
        self.sheet = sheet
        self.attr_pairs: list[tuple[str, str]] = data["attr_pairs"]
        self.geo: dict[str, float] = data["geo"]
        self.count = 0
        self.truncated = False
        self.weak_roots: list[tuple[_El, bool]] = []
        """Closed <details> (False) and aria-hidden (True: kept out of the prompt) subtrees."""

    def build(self, root) -> _El:
        top = _El("body")
        stack = [(root, top, self._root_state(root), None, False)]
        while stack:
            node, parent, state, chain, weak = stack.pop()
            to_visit = []
            for kid in _element_children(node):
                if kid.is_text_node:
                    self._text(kid, parent, state)
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
    def _text(kid, parent: _El, state: TextState) -> None:
        text = kid.text_content or ""
        if text.strip() and not state.text_hidden:
            parent.children.append(text)
        elif parent.children and parent.children[-1] != " ":
            parent.children.append(" ")

    def _element(self, kid, parent: _El, state: TextState, chain, weak: bool):
        """The `_El` for one DOM element and its stack entry, or None when it is left out."""
        tag = kid.tag or ""
        if not kid.is_element_node or tag in _DROP_TAGS or tag.startswith("#"):
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
        el = _El(tag, hint)
        closed = tag == "details" and "open" not in attrs
        if (closed or aria_hidden(attrs)) and not weak:
            # Read after the page, as weaker evidence; aria-hidden text (decoys, but also collapsed
            # previews of real remarks) is kept out of the prompt as well. The slot left here ends
            # a pending "Remarks" label, whose text is then found in the weak part.
            self.weak_roots.append((el, not closed))
            parent.children.append(_El(_WEAK_SLOT, parent=parent))
            weak = True
        else:
            el.parent = parent
            parent.children.append(el)
        if tag == "br":
            return None
        return kid, el, state, (ElementKey.of(tag, attrs), chain) if self.sheet else None, weak

    def _harvest(self, attrs: dict[str, str | None]) -> None:
        """Facts some layouts keep in `data-*` attributes (coordinates, a duplicate of the facts)."""
        for name, value in attrs.items():
            if not name.startswith("data-") or value is None:
                continue
            if name in _GEO_ATTRS:
                number = parse_number(value)
                if number is not None:
                    self.geo.setdefault(_GEO_ATTRS[name], number)
            elif len(self.attr_pairs) < 500 and 0 < len(value) <= 200:
                self.attr_pairs.append((name[5:].replace("-", " ").replace("_", " "), value))


def _mark(top: _El) -> None:
    """Set `blocky` / `tabled` bottom-up, without recursion."""
    order, stack = [], [top]
    while stack:
        el = stack.pop()
        order.append(el)
        stack.extend(c for c in el.children if isinstance(c, _El))
    for el in reversed(order):
        parent = el.parent
        if parent is None:
            continue
        if el.tag not in _INLINE_TAGS and el.tag != "br" or el.blocky:
            parent.blocky = True
        if el.tag in ("table", "dl") or el.tabled:
            parent.tabled = True


def _text(el: _El | str, limit: int = MAX_REMARKS_CHARS * 2) -> str:
    """Visible text of an element: inline runs joined, blocks and <br> separated by spaces."""
    if isinstance(el, str):
        return _collapse(el)
    parts: list[str] = []
    size = 0
    stack: list[Any] = [el]
    while stack and size < limit:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            size += len(item)
            continue
        if item.tag not in _INLINE_TAGS:
            parts.append(" ")
            stack.append(" ")
        stack.extend(reversed(item.children[:limit]))
    return _collapse("".join(parts))[:limit]


# Label meanings


def _norm_label(label: str) -> str:
    label = label.lower().replace("\u00a0", " ").replace("&", " and ")
    label = re.sub(r"[:*]+\s*$", "", label.strip())
    return _collapse(re.sub(r"[^a-z0-9#$/%\-.?() ]+", " ", label)).strip(" .-")


# field group -> (pattern, exclusion); first group whose pattern matches a label wins.
_LABELS: list[tuple[str, str, str | None]] = [
    ("remarks", r"^(public |property |listing |agent )?remarks?$|^(property |listing |home )?description$|about (this|the) (home|property|listing)|^overview$|^public remarks", r"private|agent only|confidential|direction"),
    ("listing_id", r"^mls( ?#| ?no\.?| number| id)?$|^ml ?#|^ml number|^listing ?(id|#|no\.?|number)$|^mls listing", None),
    ("parcel_number", r"\bapn\b|assessor.{0,12}parcel|assessor ?#|^parcel ?(#|no\.?|number|id)?$|tax ?(parcel )?id|^tax parcel|parcel id", None),
    ("status", r"^(listing |mls |current |property )?status$|^status\b|^stat$|^(mls |listing )?stat\.?$", r"date|change"),
    ("list_price", r"^(current |asking |original )?(list(ing)? )?price$|^list(ing)? price\b|^asking|^price\b|^current price|^lp$|^list ?\$$", r"per|/|sq|sold|clos|sale|reduc|range|change|history|tax|orig|prev|was|cut|increase|drop|decrease|estimate"),
    ("beds_baths", r"^beds?/baths?$|^bed ?/ ?bath|^br/ba$", None),
    ("baths_full_half", r"bath.{0,4}full ?/ ?half|^full ?/ ?half( baths?)?$", None),
    ("full_baths", r"full bath|^baths? full$|^# full baths|^fb$", None),
    ("half_baths", r"half bath|partial bath|^baths? half$|^hb$|^(1/2|# half|half) ?baths?|^1/2 bathrooms?", None),
    ("threeq_baths", r"(3/4|three.quarter) bath", None),
    ("baths", r"^(total |# ?(of )?)?bath(room)?s?( total)?$|^ba$|^baths?/", r"full|half|partial|3/4"),
    ("bedrooms", r"^(total |# ?(of )?)?bed(room)?s?( total)?$|^br$|^bd$|^beds?$", r"/|bath"),
    ("lot", r"\blot\b|acreage|^acres?$|land (size|area)|^lot ?(size|sq|area|acres)", r"price|\$|lot #|lot number|lot no|features|desc"),
    ("living_area", r"sq\.? ?f(ee)?t|sqft|square (feet|footage)|living (area|space)|^interior|livable|^(home|house|building) size|^size$|floor (area|size)|^approx\.? (size|living)", r"lot|price|\$|/|per|garage|patio|source|range"),
    ("year_built", r"year built|^yr\.? ?(built|blt)|^year blt|^blt$|^built$|^built in|construction year|^year$", r"source|remodel|renov"),
    ("garage", r"garage|^parking spaces$|^gar\.?( spcs| spaces| stalls)?$", r"type|features|desc|carport|door|opener|dimension|size|sq"),
    ("parking", r"^parking( features)?$", None),
    ("stories", r"stories|^levels?$|^floors$|^# of levels|number of (levels|floors)", r"unit|floor ?plan"),
    ("pool_private", r"^pool ?- ?private|private pool|^pool private|^(pvt|priv)\.? pool", r"community"),
    ("pool", r"^pool( y/n| yn| type| features)?\??$|^swimming pool", r"community|desc"),
    ("hoa_freq", r"(hoa|association|dues|fee).{0,12}(paid|freq)|^(fee |hoa |payment )?frequency$|^paid$", r"transfer|capital"),
    ("hoa_fee", r"(hoa|association|assoc\.?) ?(fee|dues|amount|payment|\$)|^dues$|^hoa/mo|^monthly hoa", r"transfer|capital|include|name|phone|contact|special|2nd|second|reserve|paid|freq|y/n|yn|\?"),
    ("hoa_yn", r"^(hoa|association|assoc\.?)( y/n| yn|\?| yes/no| exists)?$|has (an )?hoa|^hoa required", r"name|phone|contact|fee|dues"),
    ("dwelling", r"dwelling|property (sub ?)?type|home type|^type$|^style$|building type|^property style|structure type|^sub ?type|^prop\.? (sub ?)?type|^dwell\.? ?type", r"ownership|loan|financ|sale|listing type|roof|constr"),
    ("subdivision", r"subdivision|^subdiv|^community( name)?$|^development$|^neighbou?rhood$|^(building|complex|project)( name)?$", r"\bbuilder\b"),
    ("street_address", r"^(property |street |full |listing |site |physical )?address$|^street( address)?$|^location$|^address line 1", r"mail|email|web|ip\b|agent|office|broker|cross"),
    ("city_state_zip", r"^city/state/zip$|^city, state,? zip$|^city state zip$", None),
    ("city", r"^city$|^city ?/ ?town$|^town$|^municipality$", None),
    ("state", r"^state$|^state ?/ ?prov|^province$", None),
    ("zip", r"zip|postal", None),
    ("unit", r"^unit( ?#| no\.?| number)?$|^apt|^suite$", r"count|type|level|floor"),
    ("latitude", r"^lat(itude)?$", None),
    ("longitude", r"^(lng|lon|long|longitude)$", None),
]
_LABEL_RES = [(group, re.compile(p), re.compile(x) if x else None) for group, p, x in _LABELS]


def _label_group(label: str) -> str | None:
    if ":" in label.strip().rstrip(":") or re.search(r"\d{3,}", label):
        return None
    norm = _norm_label(label)
    if not norm or len(norm) > 45:
        return None
    group = _norm_group(norm)
    if group is None and " / " in norm:
        # Bilingual labels ("Recámaras / Bedrooms"): one side names the field, the other nothing
        # else. "Price / Sq Ft" names two fields and stays unread.
        groups = {_norm_group(side.strip()) for side in norm.split(" / ") if side.strip()}
        groups.discard(None)
        if len(groups) == 1:
            group = groups.pop()
    return group


def _norm_group(norm: str) -> str | None:
    for group, pattern, exclude in _LABEL_RES:
        if pattern.search(norm) and not (exclude and exclude.search(norm)):
            return group
    return None


def _labelish(text: str) -> bool:
    text = text.strip()
    return (
        0 < len(text) <= 50
        and re.search(r"[A-Za-z]", text) is not None
        and len(text.split()) <= 7
        and text[-1] not in "!?"
        and not (text.endswith(".") and len(text.split()) > 3)
    )


def _strong_label(text: str, hint: str = "") -> bool:
    """Clearly a label: ends with a colon, or is a known field label, or is marked as one."""
    stripped = text.strip()
    if not _labelish(stripped.rstrip(":")):
        return False
    if stripped.endswith(":") or _label_group(stripped):
        return True
    return bool(re.search(r"(^|[-_ ])(label|lbl|key|term|name|caption)($|[-_ ])", hint))


_NUMERIC_VALUE = re.compile(r"^\$?\s*\d[\d,.]*\s*[kKmM+]?(?:\s*/\s*(?:mo|month|yr|year))?$")


# The walk: pairs and compact lines


_REMARKS_HEAD = re.compile(
    r"^(?:public remarks|remarks|description|property description|listing description|about this (?:home|property))\s*:?\s+",
    re.I,
)
_OPAQUE_TOKEN = re.compile(r"[A-Za-z0-9+/=_\-]{60,}")
# Legal and site boilerplate: never a listing fact, often most of a small page's text.
_BOILERPLATE = re.compile(
    r"deemed reliable|fair housing|equal housing|copyright|all rights reserved|recaptcha|privacy policy|"
    r"terms of (service|use)|we use cookies|not guaranteed|independently verified|do not constitute|screen reader",
    re.I,
)
# Contact details of agents and offices: not contract fields, and not for the prompt.
_CONTACT = re.compile(r"\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b|[\w.+-]+@[\w-]+\.[\w.]+")
_CONTACT_LABEL = re.compile(r"^(presented|listed|courtesy|listing agent|agent|office|broker|contact|phone|email|cell|fax)", re.I)


# Lines about people (owner, seller, tenant, occupant, a contact person): personal data, never
# facts and never prompt text. Their values are remembered only for the no-personal-data check.
_PERSONAL_LABEL = re.compile(
    r"^(?:(?:property|current|record|legal|primary|second)\s+)?"
    r"(?:owner|seller|tenant|occupant|occupancy|landlord|lessee|lessor|renter|contact)(?:\(s\)|s|'s)?"
    r"(?:\s*(?:/\s*[a-z]+|name|names|phone|email|e-mail|info|information|details|person|of record|#?\d))*$",
    re.I,
)
_PERSONAL_LINE = re.compile(r"^(?P<label>[A-Za-z][A-Za-z'()/# ]{1,40}?)\s*(?::|\||\s[-\u2013]\s)\s*(?P<value>.+)$")
_NOT_A_NAME = frozenset(
    "yes no n/a na none owner owners tenant tenants vacant occupied agent seller see remarks call contact listing "
    "unknown not disclosed private withheld other confidential by appointment only the and or occupancy".split()
)
_PHONE_OR_EMAIL = re.compile(r"\(?\d{3}\)?[\s.\-]?\d{3}[\s.\-]\d{4}|[\w.+-]+@[\w-]+\.[\w.]+")


def _personal_strings(value: str) -> set[str]:
    """The names, phone numbers and e-mail addresses on an owner/seller/tenant/contact line."""
    found = {m.group().strip() for m in _PHONE_OR_EMAIL.finditer(value)}
    rest = _PHONE_OR_EMAIL.sub(" ", value)
    for part in re.split(r"[;|]|\s&\s|\band\b", rest):
        name = _collapse(part).strip(" ,.:-()")
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'.\-]*", name) if w.lower().strip(".") not in _NOT_A_NAME]
        if any(len(w) >= 2 for w in words):
            found.add(name)
    return found


class _Collector:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.pair_lines: set[int] = set()
        self.weak_lines: set[int] = set()
        self.pairs: list[tuple[str, str]] = []
        self.weak_pairs: list[tuple[str, str]] = []
        self.headings: list[str] = []
        self.hint_pairs: list[tuple[str, str]] = []
        self.remarks: str | None = None
        self.pending_remarks = False
        self.personal: set[str] = set()
        self.weak = False
        """While True, what is read is weaker evidence (the content of a closed <details>)."""
        self.quiet = False
        """While True, lines are read by the rules but kept out of the prompt (aria-hidden text)."""
        self.quiet_lines: set[int] = set()
        self.skip: set[int] = set()
        """Elements (by id) not to read: other listings' cards in a strip kept for the page's own card."""
        self.anchors: tuple[re.Pattern, ...] = ()
        """The page's own street as stated in its title, meta tags, URL or structured data."""
        self.found_identity = False
        """A labelled address or price has been read (pages without anchors keep the first one)."""
        self._seen: set[str] = set()
        self.size = 0

    def line(self, text: str, is_pair: bool = False) -> None:
        text = _collapse(_OPAQUE_TOKEN.sub(" ", text))
        limit = MAX_REMARKS_CHARS + 20 if text.startswith("Public Remarks:") else MAX_LINE_CHARS
        text = text[:limit]
        if len(text) < 2 or text in self._seen:
            return
        if not text.startswith("Public Remarks:") and (
            self._personal_line(text) or (len(text) > 60 and _BOILERPLATE.search(text)) or _CONTACT.search(text)
            or _CONTACT_LABEL.match(text)
        ):
            return
        self._seen.add(text)
        if is_pair:
            self.pair_lines.add(len(self.lines))
        if self.weak:
            self.weak_lines.add(len(self.lines))
        if self.quiet and not text.startswith("Public Remarks:"):
            self.quiet_lines.add(len(self.lines))
        self.lines.append(text)
        self.size += len(text) + 1

    def _personal_line(self, text: str) -> bool:
        match = _PERSONAL_LINE.match(text)
        if match and _PERSONAL_LABEL.match(match.group("label").strip()):
            self.personal |= _personal_strings(match.group("value"))
            return True
        return False

    def record_pair(self, label: str, value: str) -> None:
        """A label/value pair for the rules (visible, or weak inside a closed <details>)."""
        if _PERSONAL_LABEL.match(label.strip().rstrip(":").strip()):
            self.personal |= _personal_strings(value)
            return
        if self.quiet:
            return  # aria-hidden text yields remarks at most, never facts
        (self.weak_pairs if self.weak else self.pairs).append((label, value[:MAX_LINE_CHARS]))
        if not self.weak and _label_group(label) in ("street_address", "list_price"):
            self.found_identity = True

    def pair(self, label: str, value: str) -> None:
        label, value = _collapse(label).rstrip(":").strip(), _collapse(value)
        if not label or not value:
            return
        if _label_group(label) == "remarks":
            self.take_remarks(value)
            return
        if self.pending_remarks:
            self.pending_remarks = False
        if _PERSONAL_LABEL.match(label):
            self.personal |= _personal_strings(value)
            return
        self.record_pair(label, value)
        self.line(f"{label}: {value}", is_pair=True)

    def take_remarks(self, text: str) -> None:
        self.pending_remarks = False
        text = _REMARKS_HEAD.sub("", _collapse(text))[:MAX_REMARKS_CHARS]
        if not text:
            return
        if self.remarks is None:
            self.remarks = text
        self.line(f"Public Remarks: {text}")


def _segments(el: _El) -> list[list[str]]:
    """An inline-only element's content as lines (split at <br>) of top-level text segments."""
    lines: list[list[str]] = [[]]
    for child in el.children:
        if isinstance(child, _El) and child.tag == "br":
            lines.append([])
            continue
        text = _text(child)
        if text:
            lines[-1].append(text)
    return [segs for segs in lines if segs]


_DELIMS = re.compile(r"\s+[|\u2022\u00b7]\s+|\s{2,}[-\u2013]\s{1,}")
_COLON_PAIR = re.compile(r"^([^:]{1,50}?)\s*:\s*(\S.*)$")
_PAIR_BREAK = re.compile(r"[,;]\s+(?=[A-Za-z#][\w #/().\-]{0,30}:\s)")


_HINT_FIELDS = (("price", "List Price", re.compile(r"sold|clos|was|orig|per|sqft|reduc|history|range|cut|drop|change")),
                ("status", "Status", re.compile(r"date|change")))


def _hint_facts(leaf: _El, out: _Collector) -> None:
    """Values named only by their class (`<span class="price-big">$615K</span>`), kept apart from labels."""
    stack, seen = [leaf], 0
    while stack and seen < 50:
        el = stack.pop()
        seen += 1
        if el.hint:
            words = set(re.split(r"[\s\-_]+", el.hint))
            for word, label, exclude in _HINT_FIELDS:
                if word in words and not exclude.search(el.hint):
                    text = _text(el, 80)
                    if 0 < len(text) <= 60 and not out.weak:
                        out.hint_pairs.append((label, text))
        stack.extend(c for c in el.children[:50] if isinstance(c, _El))


def _value_then_label(first: str, second: str) -> bool:
    """"$694/mo" + "HOA Dues", "Single-family (co-op)" + "Property Type": a value captioned below."""
    if not _label_group(second) or second.endswith(":"):
        return False
    return bool(_NUMERIC_VALUE.match(first)) or (len(first) <= 40 and not _label_group(first)
                                                  and _label_group(second) in _CAPTIONED_TEXT_GROUPS)


# Text values a card layout may caption with their label underneath.
_CAPTIONED_TEXT_GROUPS = frozenset({"dwelling", "status", "subdivision"})


def _emit_segments(segs: list[str], out: _Collector, hint: str = "") -> None:
    labels = [i for i, s in enumerate(segs) if s.endswith(":") and _labelish(s[:-1])]
    if labels:
        prefix = " ".join(segs[: labels[0]])
        if prefix:
            out.line(prefix)
        for n, start in enumerate(labels):
            end = labels[n + 1] if n + 1 < len(labels) else len(segs)
            value = " ".join(segs[start + 1 : end])
            if value:
                out.pair(segs[start][:-1], value)
            elif _label_group(segs[start][:-1]) == "remarks":
                out.pending_remarks = True
            else:
                out.line(segs[start])
        return
    text = " ".join(segs)
    if len(segs) == 2 and not _COLON_PAIR.match(text):
        first, second = segs
        if _strong_label(first, hint) and not _strong_label(second):
            out.pair(first, second)
            return
        if _value_then_label(first, second):
            out.record_pair(second, first)
            out.line(text, is_pair=True)
            return
    parts = _DELIMS.split(text) if len(text) <= 600 else [text]
    parts = [q for p in parts for q in (_PAIR_BREAK.split(p) if _COLON_PAIR.match(p) else [p])]
    matches = [_COLON_PAIR.match(p) for p in parts]
    matches = [m if m and _labelish(m.group(1)) and not m.group(2).startswith("//") else None for m in matches]
    if not any(matches):
        if len(segs) == 1 and _label_group(text.rstrip(":")) == "remarks":
            out.pending_remarks = True
            return
        out.line(text)
        return
    for part, match in zip(parts, matches):
        if match:
            out.pair(match.group(1), match.group(2))
        else:
            out.line(part)


# Sections about other listings, the past, or the area: never this listing's facts.
_ASIDE_TITLE = re.compile(
    r"\b(similar|nearby|near by|you may (also )?like|recently sold|recent sales|comparable|comps|"
    r"(price|sales?|sold|tax|listing|value) history|schools?|other (listings|homes|properties)|more (homes|listings)|"
    r"homes for sale near|neighbou?rhood (sales|homes)|sponsored|also viewed|people also)\b",
    re.I,
)
_ASIDE_HINT = re.compile(
    r"(^|[\s_-])(similar|nearby|recently-sold|recent-sales|comps|comparables?|price-history|history|"
    r"schools|recommend(ed|ations)?|also-viewed)($|[\s_-])"
)
_SECTION_TAGS = frozenset("section aside div article table ul ol".split())


def _section_title(el: _El) -> str:
    """The heading (or caption, or one-cell first row) a block opens with."""
    for child in el.children[:6]:
        if isinstance(child, str):
            if child.strip():
                return ""
            continue
        if child.tag in _HEADINGS or child.tag == "caption":
            return _text(child, 120)
        if child.tag in ("thead", "tbody") or child.tag == "tr":
            row = child if child.tag == "tr" else next((c for c in child.children if isinstance(c, _El) and c.tag == "tr"), None)
            cells = _cells(row) if row is not None else []
            return _text(cells[0], 120) if len(cells) == 1 else ""
        if child.tag in _INLINE_TAGS:
            return ""
        return _section_title(child) if child.tag in ("header", "div") and len(child.children) <= 3 else ""
    return ""


# A street written in a title ("1234 W Indian School Rd", "E Nearby Ave"): its words are a name,
# not a section's subject, whatever they are.
_STREET_IN_TITLE = re.compile(
    r"(?:\b\d{1,6}[A-Za-z]?\s+)?(?:\b[NSEW]\.?\s+)?(?:[A-Z0-9][\w'.\-]*\s+){1,4}"
    r"(?:St|Street|Rd|Road|Ave|Avenue|Dr|Drive|Ln|Lane|Way|Ct|Court|Blvd|Pl|Place|Cir|Circle|Pkwy|Parkway|"
    r"Ter|Terrace|Trl|Trail|Loop|Hwy|Highway)\b\.?"
    r"|\b\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){0,3}(?=\s*(?:,|$|#|\bUnit\b))"
)


def _aside_title(title: str, anchors: tuple[re.Pattern, ...]) -> bool:
    """A title naming a section about other listings, the past or the area ("Nearby Schools",
    "Sale and tax history for ..."), once the page's own address and street names are set aside."""
    if not title or len(title) > 80 or _COLON_PAIR.match(title):
        return False
    for anchor in anchors:
        title = anchor.sub(" ", title)
    return _ASIDE_TITLE.search(_STREET_IN_TITLE.sub(" ", title)) is not None


def _holds_own_listing(text: str, out: _Collector) -> bool:
    """Text that states the page's own address (or, on a page that names it nowhere else, the first
    labelled address or price): a block that is never dropped as an aside."""
    if out.anchors:
        return any(anchor.search(text) for anchor in out.anchors)
    return not out.found_identity and _OWN_FACT_LABEL.search(text) is not None


_OWN_FACT_LABEL = re.compile(r"\b(?:address|list(?:ing)? price|mls ?#|listing id)\s*:\s*\S", re.I)


def _about_other_listings(el: _El, out: _Collector) -> bool:
    if el.tag not in _SECTION_TAGS or el.parent is None:
        return False
    if el.hint and _ASIDE_HINT.search(el.hint):
        aside = True
    else:
        title = _section_title(el)
        aside = _aside_title(title, out.anchors)
    if not aside or not _holds_own_listing(_text(el, 20_000), out):
        return aside
    # Kept for the page's own address; in a strip of listing cards only the page's own card is read.
    out.skip |= _other_cards(el, out)
    return False


_PRICE_TEXT = re.compile(r"\$\s?\d")


def _other_cards(section: _El, out: _Collector) -> set[int]:
    """The cards of other listings in a strip (three or more priced siblings) inside `section`."""
    skip: set[int] = set()
    stack, seen = [section], 0
    while stack and seen < 2000:
        node = stack.pop()
        seen += 1
        kids = [c for c in node.children if isinstance(c, _El)]
        texts = [_text(k, 3000) for k in kids]
        if sum(1 for t in texts if _PRICE_TEXT.search(t)) >= 3:
            skip.update(id(k) for k, t in zip(kids, texts) if not _holds_own_listing(t, out))
            continue
        stack.extend(kids)
    return skip


def _street_anchor(parts: dict[str, Any]) -> re.Pattern | None:
    """"1234" then, within three words, the street's first name word: how the page's own address
    is recognized in any block, however the street type is spelled."""
    number, name = parts.get("street_number"), parts.get("street_name") or ""
    core = next((w for w in name.split() if w.upper() not in ("N", "S", "E", "W", "NE", "NW", "SE", "SW")), None)
    if not number or not core:
        return None
    return re.compile(rf"\b{re.escape(number)}\s+(?:\S+\s+){{0,2}}?{re.escape(core)}\b", re.I)


def _without_heading(el: _El) -> _El:
    """A remarks block minus the heading it opens with ("From the listing agent")."""
    kids = [c for c in el.children if not (isinstance(c, str) and not c.strip())]
    if len(kids) > 1 and isinstance(kids[0], _El) and kids[0].tag in _HEADINGS:
        return _El(el.tag, el.hint, children=kids[1:])
    return el


def _remarks_container(el: _El) -> bool:
    return bool(el.hint) and not el.tabled and _REMARKS_HINT.search(el.hint) is not None


def _visit(el: _El, out: _Collector, depth: int = 0) -> None:
    if out.size > MAX_TEXT_CHARS * 2 or _left_out(el, out) or _read_as_remarks(el, out):
        return
    tag = el.tag
    if (tag in ("ul", "ol") or not el.blocky) and _link_heavy(el):
        return
    if tag in _HEADINGS:
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
        for segs in _segments(el) if depth <= 150 else [[_text(el)]]:
            _emit_segments(segs, out, el.hint)
        return
    _visit_children(el.children, out, depth)


def _left_out(el: _El, out: _Collector) -> bool:
    """Not read here: a slot of weak content, another listing's card, a section about other listings."""
    if el.tag == _WEAK_SLOT:
        out.pending_remarks = False
        return True
    return id(el) in out.skip or _about_other_listings(el, out)


def _read_as_remarks(el: _El, out: _Collector) -> bool:
    """The block a "Remarks" label announced, or a block marked as the remarks; True when taken."""
    if out.pending_remarks and _holds_weak_slot(el):
        out.pending_remarks = False  # the remarks this label announced are in the weak part
    if out.pending_remarks:
        text = _text(el)
        if text:
            out.take_remarks(text)
            return True
    if _remarks_container(el) and not _holds_weak_slot(el):
        text = _text(_without_heading(el))
        if len(text) > 40:
            out.take_remarks(text)
            return True
    return False


def _visit_heading(el: _El, out: _Collector) -> None:
    text = _text(el)
    if not text:
        return
    if _label_group(text) == "remarks":
        out.pending_remarks = True
    else:
        out.headings.append(text)
        out.line(text)


def _holds_weak_slot(el: _El) -> bool:
    stack, seen = [el], 0
    while stack and seen < 500:
        item = stack.pop()
        seen += 1
        if item.tag == _WEAK_SLOT:
            return True
        stack.extend(c for c in item.children[:100] if isinstance(c, _El))
    return False


def _link_heavy(el: _El) -> bool:
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


def _until_heading(items: list, start: int) -> list:
    """The siblings after a heading, up to the next heading: the section that heading opens."""
    section = []
    for item in items[start:start + 200]:
        if isinstance(item, _El) and item.tag in _HEADINGS:
            break
        section.append(item)
    return section


def _visit_children(children: list, out: _Collector, depth: int) -> None:
    run: list = []

    def flush() -> None:
        if run:
            _visit(_El("span", children=list(run)), out, depth + 1)
            run.clear()

    items = [c for c in children if not (isinstance(c, str) and not c.strip()) and not (isinstance(c, _El) and c.tag == "br")]
    i = 0
    skipping = False
    while i < len(items):
        child = items[i]
        if isinstance(child, _El) and child.tag in _HEADINGS:
            skipping = _aside_title(_text(child, 120), out.anchors) and not _holds_own_listing(
                " ".join(_text(c, 4000) for c in _until_heading(items, i + 1)), out)
            if skipping:
                flush()
                i += 1
                continue
        if skipping:
            i += 1
            continue
        if isinstance(child, str) or child.tag in _INLINE_TAGS:
            nxt = items[i + 1] if i + 1 < len(items) else None
            if isinstance(nxt, _El) and nxt.tag not in _INLINE_TAGS and not run:
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
        _visit(child, out, depth + 1)
        i += 1
    flush()


_NOT_PAIR_TAGS = frozenset("ul ol li table tbody thead tfoot tr td th dl dt dd section article main aside form".split())


def _atomic(el: _El | str) -> bool:
    """One run of text: not itself a label + value, nor a list of lines."""
    if isinstance(el, str):
        return True
    segments = _segments(el) if not el.blocky else [[_text(el, 200)]] if _single_text_path(el) else []
    return len(segments) == 1 and len(segments[0]) == 1


def _single_text_path(el: _El) -> bool:
    """`<div><div><span>Beds</span></div></div>`: wrappers around a single piece of text."""
    while isinstance(el, _El):
        kids = [c for c in el.children[:4] if not (isinstance(c, str) and not c.strip())]
        if len(kids) != 1:
            return False
        el = kids[0]
    return True


def _try_pair(first: _El | str, second: _El | str, out: _Collector) -> bool:
    """Sibling blocks forming label + value (`<div class=label>Beds</div><div>3</div>`)."""
    for el in (first, second):
        if isinstance(el, _El) and (el.tabled or el.tag in _NOT_PAIR_TAGS):
            return False
    if not _atomic(first):
        return False
    label = _text(first, 200)
    if not label or len(label) > 50:
        return False
    hint = first.hint if isinstance(first, _El) else ""
    group = _label_group(label)
    if group == "remarks":
        value = _text(second) if not (isinstance(second, _El) and _holds_weak_slot(second)) else ""
        if value:
            out.take_remarks(value)
            return True
        return False
    value_hint = second.hint if isinstance(second, _El) else ""
    if _strong_label(label, hint) and (not isinstance(first, _El) or first.tag not in _HEADINGS or group):
        value = _text(second, 2000)
        if not value or len(value) > (120 if first.tag in _HEADINGS else 300) or not _atomic_value(second):
            return False
        if _strong_label(value, value_hint) and not re.search(r"value|val\b|data", value_hint) \
                and not re.match(r"\s*\$?\d", value):
            return False
        out.pair(label, value)
        return True
    if _NUMERIC_VALUE.match(label):
        name = _text(second, 200)
        if name and _label_group(name) and group is None:
            out.record_pair(name, label)
            out.line(f"{label} {name}", is_pair=True)
            return True
    return False


def _atomic_value(el: _El | str) -> bool:
    """A value is one fact: no <br>-separated lines, no `Label: value` text inside."""
    if isinstance(el, str):
        return True
    if el.blocky:
        if not _single_text_path(el):
            return False
    elif len(_segments(el)) > 1:
        return False
    return not re.search(r"(^|\s)[A-Za-z][\w #/().\-]{1,40}:\s+\S", _text(el, 400))


def _cells(row: _El) -> list[_El]:
    return [c for c in row.children if isinstance(c, _El) and c.tag in ("td", "th")]


def _visit_row(row: _El, out: _Collector, depth: int) -> bool:
    cells = _cells(row)
    if not cells or any(c.tabled for c in cells):
        return False
    texts = [_text(c, 4000) for c in cells]
    filled = [(c, t) for c, t in zip(cells, texts) if t]
    if not filled:
        return True
    if all(_COLON_PAIR.match(t) and not t.rstrip().endswith(":") for _, t in filled) and len(filled) > 1:
        for cell, _ in filled:
            _visit(cell, out, depth + 1)
        return True
    i, leftovers = 0, []
    while i < len(filled):
        cell, text = filled[i]
        if i + 1 < len(filled):
            value_cell, value = filled[i + 1]
            group = _label_group(text)
            if group == "remarks":
                out.take_remarks(value)
                i += 2
                continue
            if (cell.tag == "th" and value_cell.tag == "td") or (
                _strong_label(text, cell.hint) and not (text.endswith(":") and value.endswith(":"))
            ):
                out.pair(text, value)
                i += 2
                continue
        if _label_group(text.rstrip(":")) == "remarks":
            out.pending_remarks = True
        else:
            leftovers.append(text)
        i += 1
    if leftovers:
        if len(leftovers) == 1 and len(cells) == 1:
            _visit(cells[0], out, depth + 1)
        else:
            out.line(" | ".join(leftovers))
    return True


def _rows(table: _El) -> list[_El]:
    rows: list[_El] = []
    for child in table.children:
        if isinstance(child, _El):
            if child.tag == "tr":
                rows.append(child)
            elif child.tag in ("thead", "tbody", "tfoot"):
                rows.extend(c for c in child.children if isinstance(c, _El) and c.tag == "tr")
    return rows


def _visit_table(table: _El, out: _Collector, depth: int) -> bool:
    """A header row over exactly one data row reads as column label -> value."""
    rows = _rows(table)
    if len(rows) != 2:
        return False
    head, body = _cells(rows[0]), _cells(rows[1])
    if len(head) < 2 or len(head) != len(body) or any(c.tag != "th" for c in head) or any(c.tag != "td" for c in body):
        return False
    for caption in (c for c in table.children if isinstance(c, _El) and c.tag == "caption"):
        _visit(caption, out, depth + 1)
    for h, b in zip(head, body):
        out.pair(_text(h), _text(b))
    return True


def _visit_dl(dl: _El, out: _Collector) -> bool:
    items: list[_El] = []
    stack = list(reversed(dl.children))
    while stack:
        item = stack.pop()
        if not isinstance(item, _El):
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
            elif _label_group(label) == "remarks":
                out.pending_remarks = True
            else:
                out.line(label)

    for item in items:
        text = _text(item)
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


# JSON-LD and other machine-readable facts


def _loads_lenient(text: str) -> Any:
    text = text.strip()
    text = re.sub(r"^\s*(?:<!\[CDATA\[|//\s*<!\[CDATA\[)|(?://\s*)?\]\]>\s*$", "", text).strip()
    for candidate in (text, re.sub(r",\s*([}\]])", r"\1", text)):
        try:
            return json.loads(candidate, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def _jsonld_nodes(value: Any, out: list[dict], depth: int = 0) -> None:
    if depth > 6 or len(out) > 50:
        return
    if isinstance(value, list):
        for item in value[:50]:
            _jsonld_nodes(item, out, depth + 1)
    elif isinstance(value, dict):
        if "@graph" in value:
            _jsonld_nodes(value["@graph"], out, depth + 1)
        out.append(value)


def _harvest_jsonld(tree: LexborHTMLParser, warnings: list[str]) -> list[dict]:
    blocks: list[dict] = []
    for node in tree.css('script[type="application/ld+json" i]')[:20]:
        parsed = _loads_lenient((node.text() or "")[:500_000])
        if parsed is None:
            warnings.append("unparseable JSON-LD block skipped")
            continue
        _jsonld_nodes(parsed, blocks)
    return blocks


def _meta_geo(tree: LexborHTMLParser, geo: dict[str, float]) -> None:
    metas = {}
    for node in tree.css("meta")[:300]:
        key = (node.attributes.get("name") or node.attributes.get("property") or "").lower()
        if key and node.attributes.get("content"):
            metas.setdefault(key, node.attributes["content"])
    position = metas.get("geo.position") or metas.get("icbm")
    if position:
        numbers = re.findall(r"-?\d+(?:\.\d+)?", position)
        if len(numbers) == 2:
            geo.setdefault("latitude", float(numbers[0]))
            geo.setdefault("longitude", float(numbers[1]))
    for prefix in ("og:", "place:location:", "og:location:"):
        for axis in ("latitude", "longitude"):
            number = parse_number(metas.get(prefix + axis))
            if number is not None:
                geo.setdefault(axis, number)


_GENERIC_ITEMTYPES = frozenset(
    "Offer PostalAddress GeoCoordinates QuantitativeValue PropertyValue Place Product RealEstateListing "
    "Thing WebPage BreadcrumbList Organization Person RealEstateAgent ImageObject".split()
)


def _microdata(tree: LexborHTMLParser) -> dict[str, str]:
    """schema.org microdata of the page's own listing: props grouped by their outermost item, and
    the first item with an address (or, failing that, the first item) wins, so the items of a
    "similar homes" strip further down never lend it a price or a bedroom count. A top-level
    Offer outside that item lends its price."""
    groups: dict[int, dict[str, str]] = {}
    order: list[int] = []
    for node in tree.css("[itemprop]")[:400]:
        name = (node.attributes.get("itemprop") or "").strip()
        value = node.attributes.get("content") or node.attributes.get("value") or _collapse(node.text() or "")
        outer, up, hops = None, node.parent, 0
        while up is not None and hops < 60:
            if "itemscope" in (up.attributes or {}):
                outer = up
            up, hops = up.parent, hops + 1
        key = outer.mem_id if outer is not None else 0
        if key not in groups:
            groups[key] = {}
            order.append(key)
            itemtype = (outer.attributes.get("itemtype") or "") if outer is not None else ""
            kind = itemtype.rstrip("/").rsplit("/", 1)[-1].strip()
            if kind:
                groups[key]["@itemtype"] = kind
        if name and value and len(value) <= 200:
            groups[key].setdefault(name, value)
    if not order:
        return {}
    main = next((k for k in order if k and "streetAddress" in groups[k]), None)
    if main is None:
        main = next((k for k in order if k), order[0])
    props = dict(groups[main])
    if "price" not in props:
        offer = next((k for k in order if k and k != main and groups[k].get("@itemtype") == "Offer"), None)
        if offer is not None and "price" in groups[offer]:
            props["price"] = groups[offer]["price"]
    if props.get("@itemtype") in _GENERIC_ITEMTYPES:
        props.pop("@itemtype")
    return props


def _jsonld_summary(node: dict) -> str | None:
    facts = _jsonld_facts([node])
    if not facts:
        return None
    kind = node.get("@type")
    head = f"JSON-LD {kind if isinstance(kind, str) else ''}".strip()
    return head + ": " + "; ".join(f"{k} {v}" for k, v in facts.items())


# Parse


def parse(raw: bytes) -> SourceDocument:
    """Read one saved listing page into compact text lines, label/value pairs and JSON-LD."""
    return _read(raw)[0]


def personal_values(raw: bytes) -> set[str]:
    """Names, phones and e-mails on the page's owner / seller / tenant / occupant / contact lines:
    what the no-personal-data check looks for in the outputs (never part of the document)."""
    try:
        return _read(raw)[1]
    except SourceError:
        return set()


def _page_text(raw: bytes) -> tuple[str, list[str]]:
    """The page as markup text: decoded, capped, comments and too-deep nesting removed."""
    if not raw or not raw.strip():
        raise SourceError("empty", "file is empty")
    if _looks_binary(raw) and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SourceError("binary", "file holds binary data, not an HTML page")
    text, warnings = _decode(raw)
    text = text.translate(_ZERO_WIDTH)
    if len(text) > MAX_DECODED_CHARS:
        warnings.append(f"page cut to its first {MAX_DECODED_CHARS} characters")
        text = text[:MAX_DECODED_CHARS]
    if not text.strip():
        raise SourceError("empty", "file holds only whitespace")
    has_markup = re.search(r"<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|!doctype|!--)", text[:200_000], re.I) is not None
    if not has_markup:
        facts = [ln for ln in text.splitlines()[:2000] if _COLON_PAIR.match(ln.strip()) and _label_group(ln.split(":", 1)[0])]
        if len(facts) < 2:
            raise SourceError("not_html", "no HTML markup and no labelled facts")
        text = "<pre>" + text.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>") + "</pre>"
    text = _strip_comments(text)
    text, flattened = _flatten_deep_nesting(text)
    if flattened:
        warnings.append(f"markup nested deeper than {MAX_NESTING} levels was flattened")
    return text, warnings


def _anchors(identity: list[tuple[str, str]], jsonld: list[dict]) -> tuple[re.Pattern, ...]:
    """The page's own street as its title, meta tags, URL and JSON-LD state it."""
    texts = [text for _, text in identity]
    street = _jsonld_facts(jsonld).get("streetAddress")
    parts = [split_street(str(street))] if isinstance(street, str) else []
    parts += [p for p in map(_address_from_line, texts) if p]
    anchors = {a.pattern: a for a in map(_street_anchor, parts) if a is not None}
    return tuple(anchors.values())[:6]


def _page_ids(tree: LexborHTMLParser, title: str) -> set[str]:
    """Ids the page states for itself: long digit runs of its URLs, the MLS number in its title."""
    ids = {m.lower() for url in page_urls(tree) for m in re.findall(r"\d{5,}|[A-Z]{2,6}\d{5,}", url)}
    ids |= {m.lower() for m in re.findall(r"\bMLS\s*#?\s*:?\s*([A-Za-z0-9\-]{4,20})", title, re.I)}
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


def _walk(tree: LexborHTMLParser, data: dict[str, Any], warnings: list[str],
          anchors: tuple[re.Pattern, ...] = ()) -> _Collector:
    """The visible page, then the content of closed <details>, as lines and label/value pairs."""
    body = tree.body or tree.root
    builder = _TreeBuilder(StyleSheet(node.text() or "" for node in tree.css("style")[:50]), data)
    top = builder.build(body) if body is not None else _El("body")
    if builder.truncated:
        warnings.append(f"only the first {MAX_ELEMENTS} elements were read")
    out = _Collector()
    out.anchors = anchors
    _visit(top, out)
    out.weak = True
    for root, quiet in builder.weak_roots:
        out.quiet = quiet
        _visit(root, out)
    out.weak = out.quiet = False
    return out


def _read(raw: bytes) -> tuple[SourceDocument, set[str]]:
    text, warnings = _page_text(raw)
    tree = LexborHTMLParser(text)
    data: dict[str, Any] = {"attr_pairs": [], "geo": {}}
    jsonld = _harvest_jsonld(tree, warnings)
    title_node = tree.css_first("title")
    title = _collapse(title_node.text() or "")[:300] if title_node else ""
    _meta_geo(tree, data.setdefault("meta_geo", {}))
    microdata = _microdata(tree)
    data["identity"] = identity_texts(tree, title)
    anchors = _anchors(data["identity"], jsonld)
    data["embedded"] = _embedded_listing(tree, title, anchors)
    out = _walk(tree, data, warnings, anchors)
    for node in jsonld:
        summary = _jsonld_summary(node)
        if summary:
            out.line(summary[:MAX_LINE_CHARS])
    if data["embedded"]:
        out.line(embedded_state.summary(data["embedded"], MAX_LINE_CHARS))
    head = [f"Title: {title}"] if title and title not in out._seen else []
    lines = head + out.lines
    if not out.pairs and not out.weak_pairs and not jsonld and not out.remarks and len(" ".join(lines)) < 20:
        raise SourceError("no_content", "nothing readable is left after removing markup, scripts and hidden text")
    data.update(
        pairs=out.pairs,
        weak_pairs=out.weak_pairs,
        jsonld=jsonld,
        microdata=microdata,
        lines=lines,
        pair_lines=sorted(i + len(head) for i in out.pair_lines),
        weak_lines=sorted(i + len(head) for i in out.weak_lines),
        quiet_lines=sorted(i + len(head) for i in out.quiet_lines),
        headings=out.headings,
        hint_pairs=out.hint_pairs,
        title=title,
        remarks=out.remarks,
    )
    quiet = {i + len(head) for i in out.quiet_lines}
    prompt_lines = [line for i, line in enumerate(lines) if i not in quiet]
    doc = SourceDocument(text=_cap_text(prompt_lines), raw_bytes=len(raw), data=data, warnings=warnings)
    return doc, out.personal


def _cap_text(lines: list[str]) -> str:
    kept, size = [], 0
    remarks = next((ln for ln in lines if ln.startswith("Public Remarks:")), None)
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


# Rule extraction


def _jsonld_facts(nodes: Iterable[dict]) -> dict[str, Any]:
    """Flat facts from schema.org nodes (residence, offer, listing, product)."""
    facts: dict[str, Any] = {}

    def put(key: str, value: Any) -> None:
        if isinstance(value, dict):
            value = value.get("value") if "value" in value else value.get("@value")
        if isinstance(value, list) and value:
            value = value[0]
        if value not in (None, "", []) and not isinstance(value, (dict, list)):
            facts.setdefault(key, value)

    queue = [n for n in nodes if isinstance(n, dict)]
    seen = 0
    while queue and seen < 100:
        node = queue.pop(0)
        seen += 1
        kind = node.get("@type")
        kinds = [kind] if isinstance(kind, str) else [k for k in kind if isinstance(k, str)] if isinstance(kind, list) else []
        if any(k in ("BreadcrumbList", "Organization", "WebSite", "WebPage", "RealEstateAgent", "Person", "ImageObject", "SiteNavigationElement") for k in kinds):
            continue
        for k in kinds:
            if k not in ("Offer", "PostalAddress", "GeoCoordinates", "QuantitativeValue", "PropertyValue", "Place", "Product", "RealEstateListing", "Residence", "Accommodation"):
                facts.setdefault("type", k)
        address = node.get("address")
        if isinstance(address, dict):
            for key in ("streetAddress", "addressLocality", "addressRegion", "postalCode"):
                put(key, address.get(key))
        elif isinstance(address, str):
            put("address", address)
        geo = node.get("geo")
        if isinstance(geo, dict):
            put("latitude", geo.get("latitude"))
            put("longitude", geo.get("longitude"))
        put("latitude", node.get("latitude"))
        put("longitude", node.get("longitude"))
        offers = node.get("offers")
        for offer in offers if isinstance(offers, list) else [offers]:
            if isinstance(offer, dict):
                put("price", offer.get("price"))
                availability = offer.get("availability")
                if isinstance(availability, str):
                    put("availability", availability.rsplit("/", 1)[-1])
        if "Offer" in kinds:
            put("price", node.get("price"))
        for key in ("numberOfBedrooms", "numberOfRooms", "numberOfBathroomsTotal", "numberOfFullBathrooms",
                    "numberOfPartialBathrooms", "yearBuilt", "floorSize", "lotSize", "accommodationCategory"):
            put(key, node.get(key))
        identifier = node.get("identifier")
        if isinstance(identifier, (str, int)):
            put("identifier", identifier)
        elif isinstance(identifier, dict):
            put("identifier", identifier.get("value"))
        for key in ("mainEntity", "itemOffered", "about", "containsPlace", "mainEntityOfPage"):
            child = node.get(key)
            for item in child if isinstance(child, list) else [child]:
                if isinstance(item, dict):
                    queue.append(item)
    return facts


_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "single": 1, "multi": None}


def _stories(text: str) -> int | None:
    number = parse_int(text)
    if number is not None:
        return number if 0 < number < 100 else None
    word = re.match(r"\s*([a-z]+)", text.lower())
    return _WORD_NUMBERS.get(word.group(1)) if word else None


def _garage(text: str) -> float | None:
    number = parse_number(text)
    return number if number is not None and 0 <= number < 50 else None


def _pool(text: str, private_label: bool) -> bool | None:
    low = text.lower()
    if private_label:
        return parse_bool(low.split(",")[0]) if not re.search(r"\d", low) else None
    if "private" in low:
        return not re.search(r"\bno(t)? private|non-private", low)
    if re.fullmatch(r"\s*(no|none|n|no pool)\.?\s*", low):
        return False
    return None


def _listing_id(text: str) -> str | None:
    match = re.search(r"[A-Za-z0-9][A-Za-z0-9\-]{2,19}", text.replace("#", " "))
    if not match or not re.search(r"\d", match.group()):
        return None
    return match.group()


def _year(text: str) -> int | None:
    match = re.search(r"\b(1[89]\d\d|20\d\d)\b", str(text))
    return int(match.group(1)) if match else None


def _living_area(text: str) -> float | None:
    number = parse_number(text)
    return number if number is not None and 100 <= number <= 100_000 else None


def _bedrooms(text: str) -> int | None:
    number = parse_int(re.sub(r"\(.*?\)", "", str(text)))
    return number if number is not None and 0 <= number < 100 else None


def _price(text: str) -> float | None:
    if not re.search(r"\d", str(text)):
        return None
    value = parse_money(text)
    return value if value is not None and value > 0 else None


def _dwelling(text: str) -> tuple[str | None, str | None]:
    low = str(text).lower().strip()
    for ptype in ("Residential Income", "Residential Lease", "Manufactured In Park", "Commercial Sale",
                  "Commercial Lease", "Business Opportunity", "Farm", "Residential", "Land"):
        if low == ptype.lower():
            return ptype, None
    if re.search(r"\b(lease|rental)\b", low):
        return "Residential Lease", None
    return normalize_dwelling_type(text)


# Where a candidate value came from: the tier decides which wins, the evidence is reported.
_VISIBLE, _MACHINE, _WEAK = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _Found:
    tier: int
    value: Any
    evidence: str


@dataclass
class _Candidates:
    """Every value the page offers per field, in reading order, with its tier and evidence.

    Visible text wins over machine-readable data (JSON-LD, microdata, embedded state, data-*
    attributes), which wins over the content of a closed <details>. Callers set where the next
    values come from with `at()`."""

    found: dict[str, list[_Found]] = field(default_factory=dict)
    tier: int = _VISIBLE
    evidence: str = "label"

    def at(self, tier: int, evidence: str) -> "_Candidates":
        self.tier, self.evidence = tier, evidence
        return self

    def add(self, name: str, value: Any) -> None:
        if value is None or value == "":
            return
        self.found.setdefault(name, []).append(_Found(self.tier, value, self.evidence))

    def has(self, name: str, tier: int) -> bool:
        return any(f.tier == tier for f in self.found.get(name, ()))


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        try:
            return abs(float(a) - float(b)) <= max(0.5, 0.001 * abs(float(a)))
        except (TypeError, ValueError):
            return False
    if isinstance(a, str) and isinstance(b, str):
        return _collapse(a).lower() == _collapse(b).lower()
    return a == b


@dataclass
class _Resolved:
    """The value chosen per field, and what the choice rests on."""

    values: dict[str, Any] = field(default_factory=dict)
    structured: set[str] = field(default_factory=set)
    ambiguous: set[str] = field(default_factory=set)
    evidence: dict[str, str] = field(default_factory=dict)

    def resolve(self, cands: _Candidates, name: str) -> Any:
        """The first candidate of the strongest tier; conflicting candidates mark the field ambiguous,
        agreeing machine-readable data marks it structured."""
        found = cands.found.get(name, [])
        tiers = [[f for f in found if f.tier == tier] for tier in (_VISIBLE, _MACHINE, _WEAK)]
        lead = next((t for t in tiers if t), None)
        if lead is None:
            return None
        # A labelled fact outranks a phrase read from prose: the phrase neither wins nor conflicts.
        stated = [f for f in lead if f.evidence != "text"] or lead
        first = stated[0]
        if any(not _same(first.value, other.value) for other in stated[1:]):
            self.ambiguous.add(name)
        machine = tiers[1]
        if lead is tiers[0] and machine:
            if all(_same(first.value, other.value) for other in machine):
                self.structured.add(name)
            else:
                self.ambiguous.add(name)
        elif lead is machine and name not in self.ambiguous:
            self.structured.add(name)
        self.evidence[name] = first.evidence
        return first.value

    def follow(self, name: str, source: str) -> None:
        """`name` was derived from `source` (lot acres from the lot): same evidence and flags."""
        if source in self.evidence:
            self.evidence[name] = self.evidence[source]
        if source in self.structured:
            self.structured.add(name)
        if source in self.ambiguous:
            self.ambiguous.add(name)

    def extraction(self) -> RuleExtraction:
        values = {k: v for k, v in self.values.items() if v is not None}
        return RuleExtraction(
            values=values,
            structured={s for s in self.structured if s in values},
            ambiguous={a for a in self.ambiguous if a in values},
            evidence={k: v for k, v in self.evidence.items() if k in values},
        )


# Field groups whose value is one normalizer away from a contract field.
_SIMPLE_GROUPS: dict[str, tuple[str, Any]] = {
    "listing_id": ("listing_id", lambda v: _listing_id(v)),
    "parcel_number": ("parcel_number", normalize_apn),
    "status": ("standard_status", normalize_status),
    "list_price": ("list_price", lambda v: _price(v)),
    "bedrooms": ("bedrooms_total", lambda v: _bedrooms(v)),
    "full_baths": ("bathrooms_full", parse_int),
    "half_baths": ("bathrooms_half", parse_int),
    "threeq_baths": ("bathrooms_threeq", parse_int),
    "living_area": ("living_area", lambda v: _living_area(v)),
    "year_built": ("year_built", lambda v: _year(v)),
    "garage": ("garage_spaces", lambda v: _garage(v)),
    "stories": ("stories", lambda v: _stories(v)),
    "zip": ("postal_code", normalize_zip),
    "street_address": ("address", lambda v: v),
    "latitude": ("latitude", parse_number),
    "longitude": ("longitude", parse_number),
}


# Yes/no facts, where "None" or "N/A" is an answer ("Pool features: None": no private pool).
_YES_NO_GROUPS = frozenset({"pool", "pool_private", "hoa_yn"})


def _add_pair(cands: _Candidates, group: str, label: str, value: str) -> None:
    """One labelled value as candidates for the fields its label names; placeholders add nothing."""
    if not group or group == "remarks" or (is_placeholder(value) and group not in _YES_NO_GROUPS):
        return
    simple = _SIMPLE_GROUPS.get(group)
    if simple is not None:
        cands.add(simple[0], simple[1](value))
        return
    handler = _PAIR_HANDLERS.get(group)
    if handler is not None:
        handler(cands, value, _norm_label(label))


def _pair_beds_baths(cands: _Candidates, value: str, _label: str) -> None:
    parts = re.split(r"\s*/\s*|\s*,\s*", value)
    if len(parts) >= 2:
        cands.add("bedrooms_total", _bedrooms(parts[0]))
        cands.add("baths", parse_baths(parts[1]))


def _pair_baths(cands: _Candidates, value: str, _label: str) -> None:
    full, half = parse_baths(value)
    if full is not None or half is not None:
        cands.add("baths", (full, half))


def _pair_lot(cands: _Candidates, value: str, norm_label: str) -> None:
    stated = value
    if "acre" in norm_label and not re.search(r"sq|ft", value, re.I) and "acre" not in value.lower():
        stated = f"{value} acres"
    sqft, acres = parse_lot_size(stated)
    if sqft is not None:
        cands.add("lot", (float(sqft), float(acres)))


def _pair_pool(private_label: bool):
    def handle(cands: _Candidates, value: str, _label: str) -> None:
        cands.add("pool_private_yn", _pool(value, private_label))
    return handle


def _pair_hoa_yn(cands: _Candidates, value: str, _label: str) -> None:
    flag = parse_bool(value.split()[0] if value.split() else value)
    if flag is None and _price(value):
        flag = True
        cands.add("association_fee", parse_money(value))
        cands.add("association_fee_frequency", normalize_frequency(value))
    cands.add("association_yn", flag)


def _pair_hoa_fee(cands: _Candidates, value: str, norm_label: str) -> None:
    cands.add("association_fee", parse_money(value) if re.search(r"\d", value) else None)
    cands.add("association_fee_frequency",
              normalize_frequency(re.sub(r"^[\s$\d,.]+", " ", value)) or normalize_frequency(norm_label))


def _pair_hoa_freq(cands: _Candidates, value: str, _label: str) -> None:
    cands.add("association_fee_frequency", normalize_frequency(value))
    if re.match(r"\s*\$\s*\d", value):  # "Assoc Fee/Freq: $95/Month": one cell holds both
        cands.add("association_fee", parse_money(value))


def _pair_parking(cands: _Candidates, value: str, _label: str) -> None:
    match = re.search(r"\b(\d{1,2})[- ]?car garage\b|\b(\d{1,2}) garage (?:spaces?|stalls?)\b", value, re.I)
    if match:
        cands.add("garage_spaces", _garage(match.group(1) or match.group(2)))


def _pair_baths_full_half(cands: _Candidates, value: str, _label: str) -> None:
    match = re.fullmatch(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*", value)
    if match:
        cands.add("bathrooms_full", int(match.group(1)))
        cands.add("bathrooms_half", int(match.group(2)))


def _pair_dwelling(cands: _Candidates, value: str, _label: str) -> None:
    ptype, subtype = _dwelling(value)
    cands.add("property_type", ptype)
    cands.add("property_sub_type", subtype)


def _pair_subdivision(cands: _Candidates, value: str, _label: str) -> None:
    # "Community: Lake; Pool; Spa" is a features list, not the subdivision's name.
    if ";" not in value and len(value) <= 80:
        cands.add("subdivision_name", _collapse(value))


def _pair_city_state_zip(cands: _Candidates, value: str, _label: str) -> None:
    parsed = parse_one_line_address(f"0 X, {value}")
    cands.add("city", parsed.get("city"))
    cands.add("postal_code", parsed.get("postal_code"))
    cands.add("state_or_province", parsed.get("state_or_province"))


def _pair_city(cands: _Candidates, value: str, _label: str) -> None:
    city = normalize_city(re.split(r",", value)[0])
    cands.add("city", city if plausible_city(city) else None)


def _pair_state(cands: _Candidates, value: str, _label: str) -> None:
    cands.add("state_or_province", state_code(value))


def _pair_unit(cands: _Candidates, value: str, _label: str) -> None:
    unit = re.sub(r"^(unit|apt|suite|#)\s*", "", value.strip(), flags=re.I).strip("# ")
    cands.add("unit_number", unit or None)


_PAIR_HANDLERS = {
    "beds_baths": _pair_beds_baths,
    "baths": _pair_baths,
    "lot": _pair_lot,
    "pool_private": _pair_pool(True),
    "pool": _pair_pool(False),
    "hoa_yn": _pair_hoa_yn,
    "hoa_fee": _pair_hoa_fee,
    "hoa_freq": _pair_hoa_freq,
    "parking": _pair_parking,
    "baths_full_half": _pair_baths_full_half,
    "dwelling": _pair_dwelling,
    "subdivision": _pair_subdivision,
    "city_state_zip": _pair_city_state_zip,
    "city": _pair_city,
    "state": _pair_state,
    "unit": _pair_unit,
}


_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                  "eight": "8", "nine": "9", "ten": "10"}
_STAT = [
    (re.compile(r"(?<![\d.,])(\d{1,2})\s*(?:bd|bds|beds?|bedrooms?|br)\b", re.I), "bedrooms"),
    (re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten)[\s\-]+(?:bed|beds|bedroom|bedrooms|br)\b", re.I), "bedrooms_word"),
    (re.compile(r"\b(?:listed|offered|priced|asking|list price of)\s+(?:at|for)?\s*(\$\s?\d[\d,]*(?:\.\d+)?\s*[KkMm]?)(?![\w/])", re.I), "list_price"),
    # "on a 0.25 acre lot", "on 1.02 acres", "a 1.5-acre lot": acres tied to this lot, not to a park.
    (re.compile(r"(?:\bon\s+(?:an?\s+)?(?:approx\.?\s+|nearly\s+|over\s+)?(\d{1,3}(?:\.\d{1,4})?)[\s\-]*(?:acres?|ac)\b(?![\s\-]*(?:of\s+)?(?:park|community|preserve|open|common|green))"
               r"|(?<![\d.,])(\d{1,3}(?:\.\d{1,4})?)[\s\-]*(?:acres?|ac)[\s\-]+lot\b)", re.I), "lot_acres"),
    (re.compile(r"(?<![\d.,])(\d[\d,]{2,8})(?:\.\d+)?\s*(?:sq\.?\s?ft\.?|sqft|square[\s\-]feet)[\s\-]+lot\b", re.I), "lot"),
    (re.compile(r"\b((?:no|without a?)\s+)?private pool\b", re.I), "pool_phrase"),
    (re.compile(r"\b(\d{1,2})[\s\-]?car\s+garage\b", re.I), "garage"),
    (re.compile(r"(?<![\d.,])(\d{1,2}(?:\.\d{1,2})?)\s*(?:ba|baths?|bathrooms?)\b", re.I), "baths"),
    (re.compile(r"(?<![\d.,])(\d[\d,]{2,6})\s*(?:sq\.?\s?ft\.?|sqft|square feet)(?!\s*lot)", re.I), "living_area"),
]


def _address_from_line(line: str) -> dict[str, Any]:
    """Street, city, state and ZIP from one line, when the line is an address: a house number and a
    street that is not a unit or label ("1 Ba, Sq Ft" and "5 Days, On Zillow" are not)."""
    if not re.match(r"^\s*\d+[A-Za-z]?(-\w+)?\s+\S", line):
        return {}
    parsed = parse_one_line_address(line)
    city = parsed.get("city")
    if city and not plausible_city(city):
        return {}
    if not plausible_street(parsed.get("street_name")):
        return {}
    return parsed if parsed.get("street_name") and (parsed.get("postal_code") or parsed.get("city")) else {}


_CITY_STATE_ZIP_IN = re.compile(r"([A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3}),\s*(?:AZ|Arizona)\.?,?\s+(\d{5})(?:-\d{4})?\b")


def _city_state_zip_in(text: str) -> dict[str, str]:
    """"... lot in Gilbert, AZ 85234, listed at ..." -> city, state, ZIP (a known city, or a short name)."""
    match = _CITY_STATE_ZIP_IN.search(text)
    if not match:
        return {}
    words = match.group(1)
    known = next((c for c in sorted(MARICOPA_CITIES, key=len, reverse=True)
                  if words.lower() == c.lower() or words.lower().endswith(" " + c.lower())), None)
    if known is None and len(words.split()) > 2:
        return {}
    return {"city": known or title_words(words), "state_or_province": "AZ", "postal_code": match.group(2)}


def extract_rules(doc: SourceDocument) -> RuleExtraction:
    """Contract fields from the page's labelled facts and structured data, never from remarks."""
    data = doc.data
    cands = _Candidates()
    _visible_candidates(cands, data)
    _weak_candidates(cands, data)
    _machine_candidates(cands, data)
    out = _Resolved()
    for name in ("listing_id", "parcel_number", "standard_status", "list_price", "bedrooms_total",
                 "living_area", "year_built", "garage_spaces", "stories", "pool_private_yn",
                 "association_yn", "association_fee", "association_fee_frequency", "subdivision_name",
                 "latitude", "longitude", "property_type", "property_sub_type"):
        out.values[name] = out.resolve(cands, name)
    _schema_type_fallback(data, out)
    _resolve_baths(cands, out)
    lot = out.resolve(cands, "lot")
    if lot:
        out.values["lot_size_square_feet"], out.values["lot_size_acres"] = lot
        for name in ("lot_size_square_feet", "lot_size_acres"):
            out.follow(name, "lot")
    _resolve_address(cands, data, out)
    if out.values.get("association_fee") and out.values.get("association_yn") is None and out.values["association_fee"] > 0:
        out.values["association_yn"] = True
        out.follow("association_yn", "association_fee")
    _resolve_remarks(data, out)
    return out.extraction()


def _free_lines(data: dict[str, Any], weak: bool) -> list[str]:
    """Lines that are not label/value pairs (nor remarks, JSON-LD summaries or the title)."""
    lines: list[str] = data.get("lines", [])
    skip = set(data.get("pair_lines", [])) | set(data.get("quiet_lines", []))
    weak_lines = set(data.get("weak_lines", []))
    return [ln for i, ln in enumerate(lines) if i not in skip and (i in weak_lines) == weak
            and not ln.startswith(("Public Remarks:", "JSON-LD", "Title:", "Listing data:"))]


def _visible_candidates(cands: _Candidates, data: dict[str, Any]) -> None:
    cands.at(_VISIBLE, "label")
    for label, value in data.get("pairs", []):
        _add_pair(cands, _label_group(label) or "", label, value)
    free = _free_lines(data, weak=False)
    _line_pairs(cands, free)
    cands.at(_VISIBLE, "text")
    _line_phrases(cands, free)
    _heading_dwelling(cands, data.get("headings", []))
    lines = data.get("lines", [])
    if not any(_COLON_PAIR.match(ln) and _label_group(_COLON_PAIR.match(ln).group(1)) == "status" for ln in lines):
        # A bare status badge ("Pending", "Coming Soon") when no label names the status.
        cands.add("standard_status", next(filter(None, map(status_word, free[:120])), None))
    for line in lines[:400]:
        mls = _MLS_NUMBER_IN_TEXT.search(line)
        if mls:
            cands.add("listing_id", _listing_id(mls.group(1)))
            break
    cands.at(_VISIBLE, "label")
    for label, value in data.get("hint_pairs", []):
        _add_pair(cands, _label_group(label) or "", label, value)


def _weak_candidates(cands: _Candidates, data: dict[str, Any]) -> None:
    cands.at(_WEAK, "details")
    for label, value in data.get("weak_pairs", []):
        _add_pair(cands, _label_group(label) or "", label, value)
    free = _free_lines(data, weak=True)
    _line_pairs(cands, free)
    _line_phrases(cands, free)


# "Source: REBNY #RLS20051674", "MLS# 6543210" inside a longer line.
_MLS_NUMBER_IN_TEXT = re.compile(r"(?:\bMLS\b|\bSource\b:?)[^#|:]{0,30}#\s?([A-Z]{0,5}\d[A-Za-z0-9\-]{3,19})\b")


def _line_pairs(cands: _Candidates, lines: list[str]) -> None:
    for line in lines:
        match = _COLON_PAIR.match(line)
        if match:
            _add_pair(cands, _label_group(match.group(1)) or "", match.group(1), match.group(2))


# Prose about other homes ("homes like this one sold for ...", "a 5 bed model is also available").
_OTHER_HOMES = re.compile(r"\b(?:homes? like|other homes?|similar|nearby homes?|comparable|models? (?:is|are)|"
                          r"(?:a|the) \d+[\s-]?(?:bed|br|bd)\w* model|in the area sold|neighbou?rs?)\b", re.I)


def _line_phrases(cands: _Candidates, lines: list[str]) -> None:
    """Facts stated as short phrases ("4 beds", "2-car garage", "9,801 sqft lot")."""
    for line in lines:
        if len(line) > 160 or _OTHER_HOMES.search(line):
            continue
        for pattern, group in _STAT:
            for match in pattern.finditer(line):
                _add_phrase(cands, group, match, line)


def _add_phrase(cands: _Candidates, group: str, match: re.Match, line: str) -> None:
    if group == "living_area" and re.search(r"lot", line[max(0, match.start() - 12): match.start()], re.I):
        return
    if group == "bedrooms_word":
        _add_pair(cands, "bedrooms", "bedrooms", _NUMBER_WORDS[match.group(1).lower()])
    elif group == "lot_acres":
        _add_pair(cands, "lot", "lot", f"{match.group(1) or match.group(2)} acres")
    elif group == "pool_phrase":
        if not re.search(r"communit|shared|heated spa", line, re.I):
            cands.add("pool_private_yn", not match.group(1))
    else:
        _add_pair(cands, group, group, match.group(1))


def _heading_dwelling(cands: _Candidates, headings: list[str]) -> None:
    """"Five bedroom single family residence ...": a dwelling named in a headline."""
    for heading in headings[:6]:
        kind = re.search(r"single[\s\-]family (?:home|house|residence)|\btown ?(?:home|house)\b|\bcondo(?:minium)?\b|"
                         r"\bpatio home\b|\b(?:manufactured|mobile) home\b", heading, re.I)
        if kind and len(heading) <= 200:
            ptype, subtype = normalize_dwelling_type(kind.group())
            cands.at(_VISIBLE, "heading")
            cands.add("property_type", ptype)
            cands.add("property_sub_type", subtype)
            return


def _machine_candidates(cands: _Candidates, data: dict[str, Any]) -> None:
    cands.at(_MACHINE, "attribute")
    for label, value in data.get("attr_pairs", []):
        group = _label_group(label)
        if group and group != "dwelling":
            _add_pair(cands, group, label, value)
    facts = _jsonld_facts(data.get("jsonld", []))
    micro = {k: v for k, v in data.get("microdata", {}).items() if k in _MICRODATA_KEYS and k not in facts}
    _schema_candidates(cands.at(_MACHINE, "json_ld"), facts)
    _schema_candidates(cands.at(_MACHINE, "microdata"), micro)
    _embedded_candidates(cands.at(_MACHINE, "embedded_json"), data.get("embedded", {}))
    for evidence, key in (("meta", "meta_geo"), ("attribute", "geo")):
        cands.at(_MACHINE, evidence)
        for axis in ("latitude", "longitude"):
            cands.add(axis, data.get(key, {}).get(axis))


_MICRODATA_KEYS = frozenset(
    "streetAddress addressLocality addressRegion postalCode price latitude longitude numberOfBedrooms numberOfRooms "
    "numberOfBathroomsTotal numberOfFullBathrooms numberOfPartialBathrooms yearBuilt floorSize".split()
)


def _schema_candidates(cands: _Candidates, facts: dict[str, Any]) -> None:
    """schema.org facts (JSON-LD or microdata) as candidates."""
    add = cands.add
    add("listing_id", _listing_id(str(facts["identifier"])) if "identifier" in facts else None)
    add("list_price", _price(str(facts["price"])) if "price" in facts else None)
    if "numberOfBedrooms" in facts or "numberOfRooms" in facts:
        add("bedrooms_total", _bedrooms(str(facts.get("numberOfBedrooms", facts.get("numberOfRooms")))))
    if "numberOfFullBathrooms" in facts or "numberOfPartialBathrooms" in facts:
        add("bathrooms_full", parse_int(facts.get("numberOfFullBathrooms")))
        add("bathrooms_half", parse_int(facts.get("numberOfPartialBathrooms")))
    elif "numberOfBathroomsTotal" in facts:
        full, half = parse_baths(str(facts["numberOfBathroomsTotal"]))
        if full is not None:
            add("baths", (full, half))
    add("year_built", _year(str(facts["yearBuilt"])) if "yearBuilt" in facts else None)
    add("living_area", _living_area(str(facts["floorSize"])) if "floorSize" in facts else None)
    for axis in ("latitude", "longitude"):
        add(axis, parse_number(facts.get(axis)))
    for key in ("streetAddress", "address"):
        if isinstance(facts.get(key), (str, int)) and not is_placeholder(facts[key]):
            add("address", str(facts[key]))
    city = normalize_city(facts.get("addressLocality"))
    add("city", city if plausible_city(city) else None)
    add("state_or_province", state_code(facts.get("addressRegion")))
    add("postal_code", normalize_zip(facts.get("postalCode")))


def _embedded_candidates(cands: _Candidates, facts: dict[str, Any]) -> None:
    """The page's own listing object from its embedded JSON state (see `embedded_state`)."""
    add = cands.add
    add("listing_id", _listing_id(str(facts["listing_id"])) if facts.get("listing_id") else None)
    add("parcel_number", normalize_apn(facts.get("parcel_number")))
    add("standard_status", normalize_status(str(facts.get("status") or "").replace("_", " ")) or None)
    add("list_price", _price(str(facts["price"])) if facts.get("price") else None)
    add("bedrooms_total", _bedrooms(str(facts["bedrooms"])) if facts.get("bedrooms") else None)
    _embedded_baths(cands, facts)
    add("living_area", _living_area(str(facts["living_area"])) if facts.get("living_area") else None)
    _embedded_lot(cands, facts)
    add("year_built", _year(str(facts["year_built"])) if facts.get("year_built") else None)
    add("garage_spaces", _garage(str(facts["garage"])) if facts.get("garage") is not None else None)
    add("stories", _stories(str(facts["stories"])) if facts.get("stories") else None)
    if isinstance(facts.get("pool_private"), bool):
        add("pool_private_yn", facts["pool_private"])
    _embedded_hoa(cands, facts)
    if facts.get("subdivision") and not is_placeholder(facts["subdivision"]):
        add("subdivision_name", _collapse(str(facts["subdivision"]))[:80])
    for axis in ("latitude", "longitude"):
        add(axis, parse_number(facts.get(axis)))
    for kind in (facts.get("sub_type"), facts.get("home_type")):
        ptype, subtype = _dwelling(re.sub(r"(?<=[a-z])(?=[A-Z])|_", " ", str(kind))) if kind else (None, None)
        add("property_type", ptype)
        add("property_sub_type", subtype)
    _embedded_address(cands, facts)


def _embedded_baths(cands: _Candidates, facts: dict[str, Any]) -> None:
    full, half = parse_int(facts.get("baths_full")), parse_int(facts.get("baths_half"))
    if full:
        cands.add("bathrooms_full", full)
        cands.add("bathrooms_half", half if half is not None else None)
    elif facts.get("baths_total"):
        total_full, total_half = parse_baths(str(facts["baths_total"]))
        if total_full:
            cands.add("baths", (total_full, total_half))


def _embedded_lot(cands: _Candidates, facts: dict[str, Any]) -> None:
    """Lot from `lotAreaValue` + `lotAreaUnits`, a square-feet or acres key, or a "0.25 Acres" text."""
    value, units = facts.get("lot_area_value"), str(facts.get("lot_area_units") or "")
    if _positive(value):
        lot = _lot_from_number(float(value), "acre" in units.lower())
    elif _positive(facts.get("lot_sqft")):
        lot = _lot_from_number(float(facts["lot_sqft"]), False)
    elif _positive(facts.get("lot_acres")):
        lot = _lot_from_number(float(facts["lot_acres"]), True)
    elif _positive(facts.get("lot_text")):
        lot = _lot_from_number(float(facts["lot_text"]), False)
    elif isinstance(facts.get("lot_text"), str) and not is_placeholder(facts["lot_text"]):
        sqft, acres = parse_lot_size(facts["lot_text"])
        lot = (float(sqft), float(acres)) if sqft else None
    else:
        return
    cands.add("lot", lot)


def _positive(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def _lot_from_number(value: float, acres: bool) -> tuple[float, float]:
    """A machine-readable lot size (no text to parse): same rounding as `parse_lot_size`."""
    if acres:
        return float(round(value * SQFT_PER_ACRE)), round(value, 4)
    return float(round(value)), round(value / SQFT_PER_ACRE, 4)


def _embedded_hoa(cands: _Candidates, facts: dict[str, Any]) -> None:
    monthly = facts.get("hoa_monthly_fee")
    fee = monthly if monthly not in (None, "", 0) else facts.get("hoa_fee")
    fee = parse_money(fee) if isinstance(fee, (int, float, str)) and not isinstance(fee, bool) else None
    if fee:
        cands.add("association_fee", fee)
        stated = normalize_frequency(facts.get("hoa_frequency"))
        cands.add("association_fee_frequency", stated or ("Monthly" if monthly not in (None, "", 0) else None))
    if isinstance(facts.get("has_hoa"), bool):
        cands.add("association_yn", facts["has_hoa"])


def _embedded_address(cands: _Candidates, facts: dict[str, Any]) -> None:
    street = facts.get("street")
    if street and not is_placeholder(street):
        cands.add("address", str(street))
    city = normalize_city(facts.get("city"))
    cands.add("city", city if plausible_city(city) else None)
    cands.add("state_or_province", state_code(facts.get("state")))
    cands.add("postal_code", normalize_zip(facts.get("zip")))
    cands.add("unit_number", str(facts["unit"]).strip("# ") if facts.get("unit") else None)


def _schema_type_fallback(data: dict[str, Any], out: _Resolved) -> None:
    """A property type from the schema.org @type ("SingleFamilyResidence") when nothing else names it."""
    if out.values.get("property_type"):
        return
    facts = _jsonld_facts(data.get("jsonld", []))
    micro = data.get("microdata", {})
    kind = facts.get("accommodationCategory") or facts.get("type") or micro.get("@itemtype")
    if not kind:
        return
    ptype, subtype = normalize_dwelling_type(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(kind)))
    if ptype:
        out.values["property_type"] = ptype
        out.evidence["property_type"] = "json_ld" if facts.get("accommodationCategory") or facts.get("type") else "microdata"
        if subtype:
            out.values["property_sub_type"] = subtype
            out.evidence["property_sub_type"] = out.evidence["property_type"]


def _resolve_remarks(data: dict[str, Any], out: _Resolved) -> None:
    if data.get("remarks"):
        out.values["public_remarks"] = data["remarks"]
        out.evidence["public_remarks"] = "label"
        return
    description = data.get("embedded", {}).get("description")
    if isinstance(description, str) and len(description.strip()) > 40:
        out.values["public_remarks"] = description.strip()[:MAX_REMARKS_CHARS]
        out.evidence["public_remarks"] = "embedded_json"
        out.structured.add("public_remarks")


def _resolve_baths(cands: _Candidates, out: _Resolved) -> None:
    values = out.values
    full = out.resolve(cands, "bathrooms_full")
    half = out.resolve(cands, "bathrooms_half")
    threeq = out.resolve(cands, "bathrooms_threeq")
    total = out.resolve(cands, "baths")
    source = "bathrooms_full" if full is not None else "baths"
    if full is None and total:
        full = total[0]
        if half is None:
            half = total[1]
    for name in ("bathrooms_full", "bathrooms_half", "bathrooms_total_integer"):
        out.follow(name, source)
    if full is not None and half is None and total is not None and cands.has("bathrooms_full", _VISIBLE) \
            and total[0] is not None and total[0] + (total[1] or 0) > full + (threeq or 0):
        # "Bathrooms: 3" + "Full bathrooms: 2": one more bath of an unstated kind.
        values["bathrooms_full"] = full
        values["bathrooms_total_integer"] = total[0] + (total[1] or 0)
        return
    if full is not None and half is None and (total is not None or cands.has("bathrooms_full", _VISIBLE)):
        half = 0
    if full is not None:
        values["bathrooms_full"] = full
        values["bathrooms_half"] = half if half is not None else 0
        values["bathrooms_total_integer"] = full + (half or 0) + (threeq or 0)
    elif half is not None:
        values["bathrooms_half"] = half


def _resolve_address(cands: _Candidates, data: dict[str, Any], out: _Resolved) -> None:
    values = out.values
    parts, evidence = _labelled_address(cands, out)
    if not parts.get("street_name"):
        parts, evidence = _address_from_page(data)
    for key in ("street_number", "street_name", "unit_number"):
        if parts.get(key):
            values[key] = parts[key]
            out.evidence[key] = evidence
    unit = out.resolve(cands, "unit_number")
    if unit and not values.get("unit_number"):
        values["unit_number"] = unit
    if values.get("street_name") and not values.get("unit_number"):
        _unit_after_street(data, values, out, evidence)
    for key in ("city", "state_or_province", "postal_code"):
        value = out.resolve(cands, key)
        if value is None and parts.get(key):
            value = parts[key]
            out.evidence[key] = evidence
        if value is not None:
            values[key] = value
    if values.get("postal_code", "").startswith(("85", "86")) and not values.get("state_or_province"):
        values["state_or_province"] = "AZ"
        out.follow("state_or_province", "postal_code")
    values["unparsed_address"] = compose_address(values)
    out.follow("unparsed_address", "street_name")


def _labelled_address(cands: _Candidates, out: _Resolved) -> tuple[dict[str, Any], str]:
    raw = out.resolve(cands, "address")
    if not raw:
        return {}, ""
    raw = str(raw)
    parsed = _address_from_line(raw) if re.search(r"\b(AZ|Arizona)\b|\d{5}\s*$", raw) else {}
    parts = parsed or split_street(re.split(r",", raw)[0])
    if not plausible_street(parts.get("street_name")):
        return {}, ""
    if "address" in out.structured:
        out.structured.update(k for k in parts if k in ("street_number", "street_name", "unit_number"))
    if "address" in out.ambiguous:
        out.ambiguous.update(k for k in parts if k in ("street_number", "street_name", "unit_number"))
    return parts, out.evidence.get("address", "label")


def _address_from_page(data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The address where a page states it without a label: headings, the title and meta tags, the
    page's URL, image alt text, "history for ..." headings, then any address-shaped line."""
    candidates = [("heading", h) for h in data.get("headings", [])[:3]]
    candidates += [(kind, text) for kind, text in data.get("identity", [])]
    for evidence, text in candidates:
        parts = _address_from_line(text)
        if parts:
            return parts, evidence
    parts = _street_heading_then_place(data)
    if parts:
        return parts, "heading"
    lines = data.get("lines", [])
    for line in lines[:80]:
        parts = _address_from_line(line)
        if parts:
            return parts, "text"
    for i, line in enumerate(lines[:80]):
        if re.match(r"^\d+[A-Za-z]?\s+[A-Za-z0-9 .]+$", line) and i + 1 < len(lines):
            parts = _address_from_line(f"{line}, {lines[i + 1]}")
            if parts:
                return parts, "text"
    return {}, ""


def _street_heading_then_place(data: dict[str, Any]) -> dict[str, Any]:
    """A heading holding only the street, with the city/state/ZIP on a line just below it."""
    lines = data.get("lines", [])
    if not data.get("headings"):
        return {}
    street = data["headings"][0]
    if not (re.match(r"^\d+[A-Za-z]?\s+\S+", street) and len(street) < 60):
        return {}
    idx = next((i for i, ln in enumerate(lines) if ln == street), None)
    follow = lines[idx + 1] if idx is not None and idx + 1 < len(lines) else ""
    parts = _address_from_line(f"{street}, {follow}")
    if parts or idx is None:
        return parts
    for nearby in lines[idx + 1: idx + 4]:
        place = _city_state_zip_in(nearby)
        if place and plausible_street(split_street(street).get("street_name")):
            return {**split_street(street), **place}
    return {}


def _unit_after_street(data: dict[str, Any], values: dict[str, Any], out: _Resolved, evidence: str) -> None:
    street = f"{values.get('street_number') or ''} {values['street_name']}".strip()
    for line in data.get("lines", [])[:80]:
        if line.lower().startswith(street.lower() + " "):
            rest = line[len(street):]
            unit_match = re.match(r"\s*(?:,\s*)?(?:#|\b(?:unit|apt|ste|suite)\b\.?\s*#?)\s*([A-Za-z0-9\-]{1,8})\s*(?:,|$)", rest, re.I)
            if unit_match:
                values["unit_number"] = unit_match.group(1)
                out.evidence["unit_number"] = evidence or "text"
            return


PROMPT_INSTRUCTIONS = """\
The data is one Phoenix MLS listing page as text lines, mostly "Label: value".
Take facts about this property only from its labelled facts: the Public Remarks and
other listings on the page (similar homes, price history) are not facts about it.
Formats: status in RESO terms (UCB, CCBS, AWC = Active Under Contract); prices in
USD as numbers ($615K = 615000); baths "2.5" = 2 full + 1 half; lot in both sq ft
and acres (1 acre = 43560 sq ft); city in title case; ZIP 5 digits; APN 8 digits plus
an optional letter, no dashes; dwelling types in RESO terms (Single Family - Detached
= Single Family Residence, Apartment Style/Flat = Condominium, Mfg/Mobile =
Manufactured Home); a community pool is not a private pool."""

SOURCE = Source(
    name="phoenix_mls",
    suffixes=(".html", ".htm"),
    parse=parse,
    extract_rules=extract_rules,
    prompt_instructions=PROMPT_INSTRUCTIONS,
    # Assessor values never appear on a listing; remarks are read by label and copying them
    # through the model would cost hundreds of output tokens and invite injected text.
    llm_fields=tuple(
        f for f in PROPERTY_FIELDS
        if f not in ("full_cash_value", "limited_property_value", "tax_year", "public_remarks", "unparsed_address")
    ),
    # The facts analysts filter on, and where label confusion is most common on listing pages
    # (sold vs list price, total vs living square feet, ARMLS status codes, rooms vs bedrooms).
    cross_check_fields=("list_price", "standard_status", "bedrooms_total", "living_area"),
    personal_values=personal_values,
    # Stated on every labelled sample page (the remarks on all but one).
    expected_fields=(
        "listing_id", "standard_status", "list_price", "unparsed_address", "postal_code",
        "property_type", "public_remarks",
    ),
)
