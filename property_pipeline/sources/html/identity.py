"""Where a web page names its subject outside its labelled facts.

Listing portals often state a home's address only in the `<title>`, meta tags
(`og:title`, `twitter:title`, the description), the canonical URL's slug
(`/homedetails/1234-E-Main-St-Phoenix-AZ-85004/...`), a "Sale and tax history
for ..." heading or image `alt` text. `identity_texts()` returns those texts,
most trustworthy first, as `(evidence, text)`; the caller decides which of them
is an address. Machinery only: nothing here knows a source's labels.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlparse

from selectolax.lexbor import LexborHTMLParser

from ..normalize import US_STATES

MAX_TEXTS = 40
_SEPARATORS = re.compile(r"\s+[|\u2013\u2014\u2022]\s+|\s+-\s+")
# "1234 E Main St, Phoenix, AZ 85004" inside a longer sentence.
_ADDRESS_SPAN = re.compile(
    r"\b\d{1,6}[A-Za-z]?(?:-\d+)?\s+[^,.;|:!?]{2,60}?,\s*(?:(?:#|unit|apt|ste)\.?\s*[\w-]+,\s*)?"
    r"[A-Za-z .'\-]{2,40}?,\s*[A-Za-z]{2}\.?(?:\s+\d{5}(?:-\d{4})?)?\b",
    re.IGNORECASE,
)
_ABOUT = re.compile(r"\b(?:history|details|facts|information|info|records?)\s+(?:for|of|about|on)\s+(.{6,140})", re.IGNORECASE)
_META_TITLES = ("og:title", "twitter:title")
_META_TEXTS = ("og:description", "twitter:description", "description")
_META_URLS = ("og:url", "twitter:url")
_STREET_SUFFIXES = frozenset(
    ["st", "street", "rd", "road", "ave", "avenue", "dr", "drive", "ln", "lane", "way", "ct", "court", "blvd", "boulevard", "pl", "place", "cir", "circle", "pkwy", "parkway", "ter", "terrace", "trl", "trail", "loop", "hwy", "highway", "run", "path", "pass", "row", "sq", "square", "xing", "walk", "aly", "alley", "bnd", "bend", "cv", "cove", "pt", "point", "plz", "plaza", "expy", "fwy"]
)


def identity_texts(tree: LexborHTMLParser, title: str) -> list[tuple[str, str]]:
    """Texts that may state the page's own address, most trustworthy first."""
    found: list[tuple[str, str]] = [("title", seg) for seg in _segments(title)]
    metas = _metas(tree)
    for key in _META_TITLES:
        found += [("meta", seg) for seg in _segments(metas.get(key, ""))]
    for url in _page_urls(tree, metas):
        slug = slug_address(url)
        if slug:
            found.append(("url", slug))
    for key in _META_TEXTS:
        found += [("meta", span) for span in address_spans(metas.get(key, ""))]
    for node in tree.css("h1, h2, h3, h4")[:60]:
        about = _ABOUT.search(_collapse(node.text() or ""))
        if about:
            found += [("heading", span) for span in address_spans(about.group(1)) or [about.group(1)]]
    for node in tree.css("img[alt]")[:200]:
        found += [("alt", span) for span in address_spans(node.attributes.get("alt") or "")]
    # A main heading that leads with news about the home ("Price Reduced! 2231 N 74th Pl, Scottsdale, AZ").
    for node in tree.css("h1, h2")[:4]:
        found += [("heading", span) for span in address_spans(_collapse(node.text() or ""))]
    seen: set[str] = set()
    unique = []
    for kind, text in found:
        if text and text not in seen:
            seen.add(text)
            unique.append((kind, text))
    return unique[:MAX_TEXTS]


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _segments(text: str) -> list[str]:
    text = _collapse(text or "")[:400]
    return [seg.strip() for seg in _SEPARATORS.split(text) if seg.strip()] if text else []


# A street's type as a word of its own ("Rd", "Avenue"): the one list every reader of streets uses.
STREET_TYPE = re.compile(r"\b(?:" + "|".join(sorted(_STREET_SUFFIXES)) + r")\b\.?", re.IGNORECASE)
_STREET_IN_TEXT = re.compile(
    r"\b\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:[A-Za-z0-9.']+\s+){1,4}(?:" + "|".join(sorted(_STREET_SUFFIXES)) + r")\b\.?",
    re.IGNORECASE,
)


def names_a_street(text: str) -> bool:
    """Whether `text` holds a house number and a street with its type ("7412 E Sandia Dr")."""
    return _STREET_IN_TEXT.search(text or "") is not None


def address_spans(text: str) -> list[str]:
    """Address-shaped substrings ("<number> <street>, <city>, <ST> <ZIP>") of a longer text; a span
    starts at the last house number before its first comma ("2.5 baths home at 7412 E Sandia Dr, ...")."""
    spans = []
    for match in _ADDRESS_SPAN.finditer(_collapse(text or "")[:2000]):
        span = match.group().strip()
        street = span.split(",", 1)[0]
        starts = [m.start() for m in re.finditer(r"\b\d+[A-Za-z]?(?:-\d+)?\s+(?=[A-Za-z])", street)]
        spans.append(span[starts[-1]:] if starts else span)
    return spans[:5]


def _metas(tree: LexborHTMLParser) -> dict[str, str]:
    metas: dict[str, str] = {}
    for node in tree.css("meta")[:300]:
        key = (node.attributes.get("property") or node.attributes.get("name") or "").strip().lower()
        content = node.attributes.get("content")
        if key and content:
            metas.setdefault(key, content)
    return metas


def _page_urls(tree: LexborHTMLParser, metas: dict[str, str]) -> list[str]:
    urls = [node.attributes.get("href") or "" for node in tree.css('link[rel="canonical" i]')[:3]]
    urls += [metas.get(key, "") for key in _META_URLS]
    return [u for u in urls if u]


def page_urls(tree: LexborHTMLParser) -> list[str]:
    """The page's own URLs (canonical link, og:url): where a listing id in the page's state is matched."""
    return _page_urls(tree, _metas(tree))


def slug_address(url: str) -> str | None:
    """"/homedetails/1234-E-Main-St-Phoenix-AZ-85004/123_zpid/" -> "1234 E Main St, Phoenix, AZ 85004"."""
    try:
        path = unquote(urlparse(url).path)
    except ValueError:
        return None
    for segment in path.split("/"):
        if re.match(r"^\d+[A-Za-z]?-[A-Za-z]", segment) and re.search(r"-\d{5}$", segment):
            line = _slug_line(segment.split("-"))
            if line:
                return line
    return None


def _slug_line(words: list[str]) -> str | None:
    """Words of a slug ending in `<state> <zip>`: the street ends at its last street suffix."""
    if len(words) < 5 or words[-2].upper() not in US_STATES:
        return None
    body = words[:-2]
    ends = [i for i, w in enumerate(body) if w.lower() in _STREET_SUFFIXES and 0 < i < len(body) - 1]
    if not ends:
        return None
    cut = ends[-1] + 1
    unit = ""
    if cut + 1 < len(body) and body[cut].lower() in ("unit", "apt", "ste"):
        unit, cut = f" Unit {body[cut + 1]}", cut + 2
    return f"{' '.join(body[:ends[-1] + 1])}{unit}, {' '.join(body[cut:])}, {words[-2].upper()} {words[-1]}"
