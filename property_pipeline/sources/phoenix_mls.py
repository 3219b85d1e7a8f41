"""Phoenix MLS listing detail pages (`.html`), in whatever report layout the scraper saved.

Layouts differ (tabular "full" reports, consumer cards, printer-friendly pages,
agent flyers, portal pages) and change over time, so nothing here follows a CSS
path. The page is read by the HTML engine (`sources/html/`: decoding, hidden
text, the DOM walk into label/value pairs and compact lines, JSON-LD, microdata,
embedded state, page identity) with this module's `VOCABULARY`. What is MLS
specific lives here:

- `_LABELS`: the label vocabulary (label group -> pattern, exclusion);
- `_SIMPLE_GROUPS` / `_PAIR_HANDLERS`: the table from label group to the field
  it fills and the function that reads the value (`_add_pair` is the only
  dispatcher);
- `_STAT` / `_add_phrase`: short phrases read as facts ("4 beds", "2-car garage");
- `_TABLE`: all of the above for `listing_text.page_candidates`, which gathers the
  candidates (visible pairs and lines, then closed <details>, then machine-readable
  data via `listing_structured`);
- `extract_rules`: the candidates resolved per field (`candidates.Resolved`,
  `listing_resolve` for baths, address and remarks).

Public Remarks are kept whole as the remarks. Facts are read from their sentences
only where no label states them, at the weakest tier (a labelled value always
wins) and as checks the LLM is asked to confirm: every fact of a remarks-only page
(`_PROSE`), and on a labelled page only `remarks_groups` (a garage, the home's
levels, the lot in acres: "a three-car garage", "a single-level home", "a half-acre
lot"). Sentences about other homes or addressed to the reader are never read.
docs/extending.md maps every contract field to the code that reads it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..contract import PROPERTY_FIELDS
from .base import RuleExtraction, Source, SourceDocument, SourceError
from .candidates import VISIBLE, Candidates, Resolved
from .html import COLON_PAIR, MAX_TEXT_CHARS, Vocabulary, collapse, page_links, page_markup, read_page
from .listing_resolve import resolve_address, resolve_baths, resolve_remarks
from .listing_structured import schema_type_fallback
from .listing_text import VALUE_SEPARATOR, LabelTable, line_pair, page_candidates, prose_paragraph
from .listing_values import (
    decimal_point,
    read_bedrooms,
    read_dwelling,
    read_garage,
    read_listing_id,
    read_living_area,
    read_lot_metric,
    read_pool,
    read_price,
    read_stories,
    read_year,
)
from .normalize import (
    IMPERIAL_AREA,
    MARICOPA_CITIES,
    is_placeholder,
    metric_area_square_feet,
    normalize_apn,
    normalize_city,
    normalize_frequency,
    normalize_status,
    normalize_zip,
    parse_baths,
    parse_bool,
    parse_int,
    parse_lot_size,
    parse_money,
    parse_number,
    parse_place,
    plausible_city,
    state_code,
    status_word,
)

# Label meanings


def _norm_label(label: str) -> str:
    # Accents folded ("Recámaras" -> "recamaras", "Año" -> "ano"): Spanish labels match plain patterns.
    label = "".join(c for c in unicodedata.normalize("NFKD", label) if not unicodedata.combining(c))
    label = label.replace("\u00b2", "2").lower().replace("\u00a0", " ").replace("&", " and ").replace("(s)", "s")
    label = re.sub(r"[:*]+\s*$", "", label.strip())
    return collapse(re.sub(r"[^a-z0-9#$/%\-.?() ]+", " ", label)).strip(" .-")


# A second association's labels ("HOA 2 Fee", "2nd HOA Paid (Freq)", "Second Assoc Y/N"): the contract holds one.
_SECOND_HOA = r"\b(?:2|2nd|second|ii)\b"

# Counts of one part of the home ("Main Level Full Baths", "Upper Level Bedrooms", "Guest House Baths"):
# never the home's totals, which the same sheet states under their own labels.
_ONE_PART_OF_HOME = r"\blevel\b|\bfloor\b|upstairs|downstairs|\bupper\b|\blower\b|\bmain\b|guest|casita|basement"

# field group -> (pattern, exclusion); first group whose pattern matches a label wins.
_LABELS: list[tuple[str, str, str | None]] = [
    ("remarks", r"^(public |property |listing |subject )?remarks?$|^(property |listing |home )?description$|^the (home|house|residence|property)$|about (this|the) (home|property|listing)|^overview$|^public remarks|^descripcion|^comentarios|^(public |pub\.? )?rmks$|^from the (listing )?agent", r"private|agent only|confidential|direction"),
    ("listing_id", r"^mls( ?#| ?no\.?| number| id)?$|^ml ?#|^ml number|^(listing|list) ?(id|#|no\.?|number)$|^mls listing|^numero (de )?mls", None),
    ("parcel_number", r"\bapn\b|assessor.{0,12}parcel|assessor( ?s)? ?#|^parcel ?(#|no\.?|number|id)?$|tax ?(parcel )?id|^tax parcel|parcel id|numero de parcela|clave catastral|^parcela", None),
    # An alert's "Status change: Pending — 1234 N Main St": the new status, then what it is about.
    ("status_change", r"^(listing )?status (change|update)d?$|^new status$", None),
    ("status", r"^(listing |mls |current |property )?status$|^status\b|^stat$|^st$|^(mls |listing )?stat\.?$|^estado$|^estatus$", r"date|change|fecha"),
    ("list_price", r"^(current |asking |original )?(list(ing)? )?price$|^list(ing)? price\b|^asking|^price\b|^current price|^lp$|^list$|^(last |now )?offered (at|for)$|^new (list )?price$|^priced at$|^list ?\$$|^precio( de lista| de venta| solicitado)?$", r"per|/|sq|sold|\bpor\b|clos|sale|reduc|range|change|history|tax|orig|prev|was|cut|increase|drop|decrease|estimate"),
    ("beds_baths", r"^(br|bd|bds|beds?|bdrms?|bedrooms?) ?/ ?(ba|bth|bths|baths?|bathrooms?)$", None),
    ("baths_full_half", r"bath.{0,8}full ?[/|] ?half|^full ?([/|]|and|&)? ?half( baths?| bathrooms?)?$|^(ba|bths?|baths?) ?f ?/ ?h$", None),
    ("full_baths", r"full bath|^bath(room)?s? full$|^# full baths|^fb$|banos completos", _ONE_PART_OF_HOME),
    ("half_baths", r"half bath|partial bath|^bath(room)?s? half$|^hb$|^(1/2|# half|half) ?baths?|^1/2 bathrooms?|medios? banos?|banos medios", _ONE_PART_OF_HOME),
    ("threeq_baths", r"(3/4|three.quarter) bath", _ONE_PART_OF_HOME),
    ("baths", r"^(total |tot\.? |# ?(of )?|no\.? of |number of )?bath(room)?s?( total)?$|^(tot\.? )?ba$|^bths?$|^baths?/|^banos( totales)?$", r"full|half|partial|3/4|complet|medio"),
    ("bedrooms", r"^(total |# ?(of )?|no\.? of |number of )?bed(room)?s?( total)?$|^br$|^bds?$|^bdrms?$|^beds?$|^recamaras?$|^habitaciones$|^dormitorios$", r"/|bath"),
    ("lot", r"\blot\b|acreage|^acres?$|land (size|area)|^lot ?(size|sq|area|acres)|terreno|\blote\b", r"price|\$|lot #|lot number|lot no|features|desc"),
    ("living_area", r"sq\.? ?f(ee)?t|sqft|square (feet|footage)|living (area|space)|^living$|^interior|livable|^(home|house|building) size|^size$|floor (area|size)|^approx\.? (size|living)|pies cuadrados|superficie (construida|habitable)|area (habitable|construida)|\bsf\b|^superficie\b|metros cuadrados|^(m2|metros) construidos|^construccion$|^m2( de construccion)?$|^sup\.? (construida|habitable|total)", r"lot|price|\$|/|\bper\b|garage|patio|source|range|sf-?det"),
    ("year_built", r"year built|^yr\.? ?(built|blt)|^yr\.?$|^year blt|^blt$|^built$|^built in|construction year|^year$|^constructed( in)?$|^year constructed|ano de construccion|^ano construid|^construid[ao] en", r"source|remodel|renov"),
    ("garage", r"garage|^parking spaces$|^gar\.?( spcs| spaces| stalls)?$|garaje|cochera", r"type|features|desc|carport|door|opener|dimension|size|sq"),
    ("parking", r"^parking( features)?$|^estacionamiento$", None),
    ("stories", r"stories|^(# ?(of )?)?story$|^levels?$|^lvls?$|^floors$|^# of levels|number of (levels|floors)|^niveles$|^plantas$|^pisos$|^stry$|^stys$", r"unit|floor ?plan"),
    ("pool_private", r"^pool ?- ?private|private pool|^pool private|^(pvt|priv)\.? pool", r"community"),
    ("pool", r"^pool( y/n| yn| type| features)?\??$|^swimming pool|^piscina$|^alberca$", r"community|desc"),
    ("hoa_freq", r"(hoa|association|dues|fee).{0,12}(paid|freq)|^(fee |hoa |payment )?frequency$|^paid$", r"transfer|capital|" + _SECOND_HOA),
    ("hoa_fee", r"(hoa|association|assoc\.?) ?(fee|dues|amount|payment|\$)|^dues$|^hoa/mo|^monthly hoa|^cuota", r"transfer|capital|include|name|phone|contact|special|reserve|paid|freq|y/n|yn|\?|" + _SECOND_HOA),
    ("hoa_yn", r"^(hoa|association|assoc\.?)( y/n| yn|\?| yes/no| exists)?$|has (an )?hoa|^hoa required", r"name|phone|contact|fee|dues|" + _SECOND_HOA),
    ("dwelling", r"dwelling|property (sub ?)?type|home type|^type$|^style$|building type|residence type|^property style|^(bldg\.?|building|unit|home|house) style$|structure type|^sub ?type|^prop\.? (sub ?)?typ(e)?$|^dwell\.? ?type|^dwlg\.?( type)?$|^tipo de (propiedad|inmueble|vivienda)", r"ownership|loan|financ|sale|listing type|roof|constr"),
    ("subdivision", r"subdivision|^subdiv|^subd\.?( name)?$|^sub[ .]?d(iv|v)\.?( name)?$|^sbdv\.?$|^subdv|^community( name)?$|^development$|^neighbou?rhood$|^(building|complex|project)( name)?$|fraccionamiento|^colonia$|^comunidad$", r"\bbuilder\b|amenit|feature|fee|dues|restrict"),
    ("street_address", r"^(property |street |full |listing |site |physical )?address$|^street( address)?$|^location$|^address line 1|^direccion$|^domicilio$|^addr\.?$|^prop\.? addr", r"mail|email|web|ip\b|agent|office|broker|cross"),
    ("city_state_zip", r"^city ?[/,]? ?(state|st\.?) ?[/,]? ?zip( code)?$", None),
    ("city_zip", r"^city ?(/|,|and) ?zip( code)?$", None),
    ("city", r"^city$|^city ?/ ?town$|^town$|^municipality$|^ciudad$", None),
    ("state", r"^state$|^state ?/ ?prov|^province$", None),
    ("zip", r"zip|postal|codigo postal", None),
    # The address in its parts, as an MLS input form or print sheet writes it ("St #", "Dir", "St Name", "Sfx").
    ("street_number", r"^(st|street|house|addr|address) ?(#|no\.?|num|number)$", None),
    ("street_dir", r"^(st |street )?(dir|direction|pre ?dir|prefix)\.?$", None),
    ("street_name", r"^(st|street) ?name$", None),
    ("street_suffix", r"^(st |street )?(sfx|suffix|type)\.?$", r"^type$"),
    # A list of the home's rooms ("Rooms: Family Rm, Great Rm, 4 Bedrooms") and a count of the bedrooms
    # with the rooms that could serve as one ("Bedrooms Plus: 2 + Loft"): weaker than a bedrooms label.
    ("rooms", r"^(other |additional )?rooms?( list| features| included)?$|^bed(room)?s? plus$", None),
    ("unit", r"^unit( ?#| no\.?| number)?$|^apt|^suite$|^unidad$|^depto", r"count|type|level|floor"),
    ("latitude", r"^lat(itude)?$", None),
    ("longitude", r"^(lng|lon|long|longitude)$", None),
    ("coordinates", r"^map location$|^(map |gps )?coordinates$|^coords$|^gps$|^lat(itude)? ?[/,&]? ?(lng|lon|long|longitude)$", None),
]
_LABEL_RES = [(group, re.compile(p), re.compile(x) if x else None) for group, p, x in _LABELS]
_LABEL_EXCLUSIONS = {group: exclude for group, _, exclude in _LABEL_RES if exclude is not None}


# Counts, each with its unit words: "3 beds", "1 full ba", "3 full + 1 half ba", "2 bd, 2 ba".
_COUNTS_WITH_UNITS = re.compile(r"^\s*\d{1,2}(?:\.\d)?\s+[A-Za-z][A-Za-z. ]*(?:\s*[+,/&]\s*\d{1,2}(?:\.\d)?\s+[A-Za-z][A-Za-z. ]*)*$")


def _label_group(label: str) -> str | None:
    if ":" in label.strip().rstrip(":") or re.search(r"\d{3,}", label):
        return None
    if re.match(r"\s*\d{1,2}[\s-]*car\b", label, re.I) or _COUNTS_WITH_UNITS.match(label):
        return None  # "2 car garage", "1 full ba", "3 full + 1 half ba": counts and their units state values, they label none
    norm = _norm_label(label)
    if not norm or len(norm) > 45:
        return None
    group = _norm_group(norm)
    if group is None:
        group = _norm_group(_spelled_out(norm))
    if group is None:
        group = _bilingual_group(label)
    if group is not None and _label_then_value(label, group):
        return None
    return group


# The two sides of a bilingual label: "Recámaras / Bedrooms", "Baños · Baths", "Bedrooms (Recámaras)".
_LABEL_SIDES = re.compile(r"\s+/\s+|\s*[\u00b7|\u2022]\s*|\s*[()]\s*")
# Where one side names a field and the other a narrower one ("HOA / Cuota HOA": a fee), the narrower.
_NARROWER = {frozenset({"hoa_yn", "hoa_fee"}): "hoa_fee", frozenset({"pool", "pool_private"}): "pool_private"}


def _bilingual_group(label: str) -> str | None:
    """A label written in two languages side by side: one side names the field, the other nothing
    else (or a narrower field of the same fact). "Price / Sq Ft" names two fields and stays unread."""
    sides = [_norm_label(side) for side in _LABEL_SIDES.split(label) if side.strip()]
    if len(sides) < 2 and label.count("/") == 1:
        # "Recámaras/Bedrooms" written without spaces: two words, not an abbreviation ("Tax Amt/Yr").
        sides = [_norm_label(side) for side in label.split("/")]
        if any(len(re.sub(r"[^a-z]", "", side)) < 4 for side in sides):
            return None
    if len(sides) < 2:
        return None
    groups = {_norm_group(side) or _norm_group(_spelled_out(side)) for side in sides if side}
    groups.discard(None)
    group = _NARROWER.get(frozenset(groups)) if len(groups) == 2 else groups.pop() if len(groups) == 1 else None
    # The words of both sides still pass the group's exclusion ("SqFt (Source)" is no living area).
    exclude = _LABEL_EXCLUSIONS.get(group)
    return None if exclude is not None and exclude.search(" ".join(sides)) else group


# Words after a separator that qualify a label rather than state its value ("Lot Size - Acres").
_QUALIFIERS = re.compile(r"^(?:total|full|half|private|community|source|freq(?:uency)?|type|amount|range|y/?n|yes/no|"
                         r"#|number|id|paid|approx\.?|sq\.? ?ft|sqft|acres?|county|assessor|list|sold|orig\w*)$")


# Label words, then a figure with a unit ("Lot size 0.19 acres"), not "1/2 Baths" or "Address line 1".
_LABEL_THEN_FIGURE = re.compile(r"^([^\d$]*[A-Za-z][^\d$]*?)\s+\$?\d[\d,.]*(?:\s*/?\s*[A-Za-z\u00b2]+\.?){0,3}$")


def _label_then_value(label: str, group: str) -> bool:
    """"status - Active", "lot size - 0.19 acres": a label, a separator and its value in one text,
    named by the label before the separator alone. Not a label (the engine must not take the next
    line as its value); `listing_text` reads it as a pair. "Pool - Private" (a narrower label) and
    "Lot Size - Acres" (a qualifier) stay labels."""
    figure = _LABEL_THEN_FIGURE.match(label.strip().rstrip(":"))
    if figure and _norm_group(_norm_label(figure.group(1))) is not None:
        return True  # "Lot size 0.19 acres", "HOA $85 monthly": the next line is no value of it
    words = label.split()
    if group == "status" and any(_norm_group(_norm_label(" ".join(words[:i]))) == group and status_word(" ".join(words[i:]))
                                 for i in range(1, len(words))):
        return True  # "Status Active"
    parts = VALUE_SEPARATOR.split(label.strip().rstrip(":"), maxsplit=1)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        return False
    head, tail = _norm_label(parts[0]), _norm_label(parts[1])
    return _norm_group(head) == group and _norm_group(tail) is None and not _QUALIFIERS.match(tail)


# Print-sheet abbreviations spelled out, word by word, for a label that as written names no field
# ("L/P", "Gar Spc", "Bth Tot", "Liv Area", "Assoc Freq"). The patterns above read the common ones
# directly; this table lets a new combination of known abbreviations read as well.
_ABBREVIATIONS = {
    "l/p": "list price", "s/p": "sold price", "o/lp": "original list price", "yr": "year", "blt": "built",
    "gar": "garage", "spc": "spaces", "spcs": "spaces", "stls": "stalls", "lvl": "levels", "lvls": "levels",
    "bd": "bedrooms", "bds": "bedrooms", "bdrm": "bedrooms", "bdrms": "bedrooms", "bth": "baths", "bths": "baths",
    "tot": "total", "assoc": "association", "subd": "subdivision", "dwlg": "dwelling", "pvt": "private",
    "priv": "private", "comm": "community", "apx": "approx", "cprt": "carport", "liv": "living", "prop": "property",
    "typ": "type", "freq": "frequency", "sz": "size", "flrs": "floors", "stys": "stories", "stry": "stories", "strs": "stories",
    "ext": "exterior",
    "yr.": "year", "no.": "number", "pr": "price", "ba": "baths", "assn": "association", "pd": "paid",
}


def _spelled_out(norm: str) -> str:
    return " ".join(_ABBREVIATIONS.get(word, word) for word in norm.split())


def _norm_group(norm: str) -> str | None:
    for group, pattern, exclude in _LABEL_RES:
        if pattern.search(norm) and not (exclude and exclude.search(norm)):
            return group
    return None


VOCABULARY = Vocabulary(
    label_group=_label_group,
    # A labelled address or price names the page's own listing.
    identity_groups=frozenset({"street_address", "list_price"}),
    # Text values a card layout may caption with their label underneath.
    captioned_text_groups=frozenset({"dwelling", "status", "subdivision"}),
    # Words that open a label and never end a name, for pairs packed with single spaces ("Approx SF").
    label_words=frozenset(_ABBREVIATIONS) | frozenset(
        "approx total list sold orig original full half hoa lot year living private community assessor tax".split()),
    hint_fields=(
        ("price", "List Price", re.compile(r"sold|clos|was|orig|per|sqft|reduc|history|range|cut|drop|change")),
        ("status", "Status", re.compile(r"date|change")),
    ),
)


# Reading a page


def parse(raw: bytes) -> SourceDocument:
    """Read one saved listing page into compact text lines, label/value pairs and JSON-LD; a page
    that states its MLS number nowhere else gets its footer's (`footer_lines`)."""
    doc = read_page(raw, VOCABULARY)[0]
    if not _states_listing_id(doc.data):
        lines = _footer_id_lines(raw)
        if lines and len(doc.text) + sum(len(ln) + 1 for ln in lines) <= MAX_TEXT_CHARS:
            doc.data["footer_lines"] = lines
            doc.text += "".join("\n" + ln for ln in lines)
        elif not lines:
            _add_link_listing_id(raw, doc)
    return doc


# A link to the listing itself: its MLS number as the path segment after a word naming it
# ("/mls/7553305/2944-e-sierra-madre-ave-...", "/listing/7553305") or as a parameter ("?mls=7553305").
_LINK_ID = re.compile(r"/(?:mls|mls-?id|mls-?number|listings?|listing-?id|l|homes?|property|homedetails)/(?:[a-z0-9\-]+/)?(\d{6,9})"
                      r"(?=[/?#]|$)|[?&](?:mls|mls_?id|mls_?number|listing_?id|listing|l)=(\d{6,9})(?=[&#]|$)", re.I)


def _add_link_listing_id(raw: bytes, doc: SourceDocument) -> None:
    """A page (an alert mail) that states its MLS number only in the address of the links to the
    listing: every such link carries the same number, and one of them names the page's own street
    (in its text or its address's words, as the title, first headings or first lines state it). The
    link goes into the text, so that the LLM's number stands in it; `link_listing_id` for the rules."""
    found: dict[str, list[tuple[str, str]]] = {}
    for href, text in page_links(raw, VOCABULARY):
        match = _LINK_ID.search(href)
        if match:
            found.setdefault(match.group(1) or match.group(2), []).append((href, text))
    if len(found) != 1:
        return
    number, links = next(iter(found.items()))
    data = doc.data
    texts = {text for _, text in links}  # a line that is a link's text names the link's target, not the page
    own = " ".join([data.get("title") or "", *data.get("headings", [])[:3],
                    *(ln for ln in data.get("lines", [])[:15] if ln not in texts)])
    for href, text in links:
        words = f"{text} {re.sub(r'[-_/+]', ' ', href)}"
        for street in re.finditer(r"\b(\d{2,6})\s+(?:[NSEWnsew]\.?\s+)?([A-Za-z0-9]{2,})", words):
            if re.search(rf"\b{street.group(1)}\s+(?:\S+\s+){{0,2}}?{re.escape(street.group(2))}\b", own, re.I):
                line = f"Listing link: {href[:200]}"
                if len(doc.text) + len(line) + 1 <= MAX_TEXT_CHARS:
                    data["link_listing_id"] = number
                    doc.text += "\n" + line
                return


def _states_listing_id(data: dict[str, Any]) -> bool:
    """Whether the page's own text names an MLS number (a labelled one, or "MLS# 6891204" in a line)."""
    if any(_label_group(label) == "listing_id" for label, _ in data.get("pairs", [])):
        return True
    return any(_MLS_NUMBER_IN_TEXT.search(line) or (COLON_PAIR.match(line) and _label_group(COLON_PAIR.match(line).group(1))
               == "listing_id") for line in data.get("lines", [])[:400])


def _footer_id_lines(raw: bytes) -> list[str]:
    """The lines of the page's <footer>s (site chrome the engine leaves out) that state an MLS number,
    as a single-property site writes it ("MLS® 7551621 · Equal Housing Opportunity"). Read by the
    engine itself, with the page's style sheets (hidden text stays out); [] when the footers name no
    number or several."""
    try:
        markup = page_markup(raw, VOCABULARY)[0]
    except SourceError:
        return []
    lower = markup.lower()
    footers = _elements(markup, lower, "footer", 5, 20_000)
    if not footers:
        return []
    styles = "".join(f"<style{css}</style>" for css in _elements(markup, lower, "style", 50, 200_000))
    # A heading of our own before the footers: a footer of a few characters is still a page to read.
    body = f"<h6>{_FOOTER_MARK}</h6>" + "".join(f"<div{footer}</div>" for footer in footers)
    try:
        lines = read_page(f"<html><head>{styles}</head><body>{body}</body></html>".encode(), VOCABULARY)[0].data["lines"]
    except SourceError:
        return []
    stated = [(ln, footer_listing_id(ln)) for ln in lines if len(ln) <= 200 and ln != _FOOTER_MARK]
    numbers = {number for _, number in stated if number}
    return [ln for ln, number in stated if number] if len(numbers) == 1 else []


_FOOTER_MARK = "Page footer"


def footer_listing_id(line: str) -> str | None:
    """The MLS number a footer line states: "MLS® 7551621", "MLS #7551778", "Listing ID 7551777 | ARMLS"."""
    stated = _MLS_NUMBER_IN_TEXT.search(line)
    if stated:
        return read_listing_id(next(g for g in stated.groups() if g))
    for segment in re.split(r"\s+[|\u00b7\u2022]\s+", line):
        pair = line_pair(_TABLE, segment)
        if pair and _label_group(pair[0]) == "listing_id":
            return read_listing_id(pair[1])
    return None


def _elements(markup: str, lower: str, tag: str, limit: int, max_chars: int) -> list[str]:
    """The markup after `<tag` up to its `</tag>` (attributes and content) of the first `limit`
    elements, each at most `max_chars` long, among the first `4 * limit` openings: bounded work on
    any page (no scan to the end of the page per element)."""
    found, position = [], 0
    for _ in range(4 * limit):
        if len(found) >= limit:
            break
        start = lower.find(f"<{tag}", position)
        if start < 0:
            break
        position = start + len(tag) + 1
        if position < len(lower) and (lower[position].isalnum() or lower[position] in "-_"):
            continue  # "<footerbar", "<style-x": another tag
        end = lower.find(f"</{tag}>", position, position + max_chars)
        if end > 0:
            found.append(markup[position:end])
            position = end
    return found


def personal_values(raw: bytes) -> set[str]:
    """Names, phones and e-mails on the page's owner / seller / tenant / occupant / contact lines:
    what the no-personal-data check looks for in the outputs (never part of the document)."""
    try:
        return read_page(raw, VOCABULARY)[1]
    except SourceError:
        return set()


# Rule extraction


# Field groups whose value is one normalizer away from a contract field.
_SIMPLE_GROUPS: dict[str, tuple[str, Any]] = {
    "listing_id": ("listing_id", read_listing_id),
    "parcel_number": ("parcel_number", normalize_apn),
    "status": ("standard_status", lambda v: _read_status(v)),
    "status_change": ("standard_status", lambda v: _changed_status(v)),
    "list_price": ("list_price", read_price),
    "bedrooms": ("bedrooms_total", read_bedrooms),
    "full_baths": ("bathrooms_full", parse_int),
    "half_baths": ("bathrooms_half", parse_int),
    "threeq_baths": ("bathrooms_threeq", parse_int),
    "year_built": ("year_built", read_year),
    "garage": ("garage_spaces", read_garage),
    "stories": ("stories", read_stories),
    "zip": ("postal_code", normalize_zip),
    "street_address": ("address", lambda v: v),
    "street_number": ("street_number_part", lambda v: v.strip() if re.fullmatch(r"\s*\d{1,6}[A-Za-z]?\s*", v) else None),
    "street_dir": ("street_dir_part", lambda v: v.strip() if re.fullmatch(r"\s*[NSEWnsew]{1,2}\.?\s*|\s*(north|south|east|west)\s*", v, re.I) else None),
    "street_name": ("street_name_part", lambda v: collapse(v) if len(v) <= 40 else None),
    "street_suffix": ("street_suffix_part", lambda v: collapse(v) if re.fullmatch(r"\s*[A-Za-z]{2,10}\.?\s*", v) else None),
    "latitude": ("latitude", lambda value: _signed_degrees(value, "S")),
    "longitude": ("longitude", lambda value: _signed_degrees(value, "W")),
}


def _changed_status(value: str) -> str | None:
    """The new status an alert states before what it is about ("Pending — 1234 N Main St")."""
    head = re.split(r"\s+[\u2014\u2013|-]\s+|\s*[,;:(]\s*", value)[0]
    return status_word(head) or _read_status(head)


def _read_status(value: str) -> str | None:
    """A status, unless the value is a legend of the codes ("A = Active, UCB = Under Contract, C = Closed")."""
    if value.count("=") >= 2 or len({normalize_status(part) for part in re.split(r"[,;]", value)} - {None}) > 1:
        return None
    return normalize_status(value)


# Yes/no facts, where "None" or "N/A" is an answer ("Pool features: None": no private pool).
_YES_NO_GROUPS = frozenset({"pool", "pool_private", "hoa_yn"})


def _add_pair(cands: Candidates, group: str, label: str, value: str) -> None:
    """One labelled value as candidates for the fields its label names; placeholders add nothing."""
    if group == "hoa_fee" and re.fullmatch(r"\s*(?:none|no|no hoa|\$?\s*0(?:\.00)?)\s*\.?\s*", value, re.I):
        cands.add("association_yn", False)  # "HOA dues: None": no association
        return
    if not group or group == "remarks" or (is_placeholder(value) and group not in _YES_NO_GROUPS):
        return
    simple = _SIMPLE_GROUPS.get(group)
    if simple is not None:
        cands.add(simple[0], simple[1](value))
        return
    handler = _PAIR_HANDLERS.get(group)
    if handler is not None:
        handler(cands, value, _norm_label(label))


def _pair_beds_baths(cands: Candidates, value: str, _label: str) -> None:
    parts = re.split(r"\s*/\s*|\s*,\s*", value)
    if len(parts) >= 2:
        cands.add("bedrooms_total", read_bedrooms(parts[0]))
        _pair_baths(cands, parts[1], _label)


# Three-quarter baths (RESO: neither full nor half, counted in the total): "2.75" (two full and one
# three-quarter), "1 3/4" / "1 three-quarter" in a breakdown.
_THREE_QUARTER_DECIMAL = re.compile(r"\s*(\d{1,2})\.75\s*")
_THREE_QUARTER_PART = re.compile(r"(\d+)\s*(?:3/4|\u00be|three[- ]quarters?)(?!\s*acre)", re.I)


def _pair_baths(cands: Candidates, value: str, _label: str) -> None:
    value = decimal_point(value)  # "2,5" on a bilingual page: 2.5
    decimal = _THREE_QUARTER_DECIMAL.fullmatch(value)
    if decimal:
        cands.add("baths", (int(decimal.group(1)), 0))
        cands.add("bathrooms_threeq", 1)
        return
    part = _THREE_QUARTER_PART.search(value)
    full, half = parse_baths(value[:part.start()] + value[part.end():] if part else value)
    if part and full is not None:
        cands.add("bathrooms_threeq", int(part.group(1)))
    if full is not None or half is not None:
        cands.add("baths", (full, half))


# A label that names a metric unit for its bare value ("Lot (m²)", "Superficie (m2)", "Terreno (ha)").
_METRIC_LABEL = re.compile(r"\(\s*(?:m|m2|mts?|sq ?m|metros?( cuadrados)?)\s*\)|\bm2\b|\bsq ?m\b|\bmetros\b|\b(?P<ha>ha|hectareas?|hectares?)\b")


def _with_label_unit(value: str, norm_label: str) -> str:
    """A bare figure under a label naming its metric unit, written with that unit ("743" under
    "Lot (m²)" -> "743 m²"), so the area readers convert it."""
    unit = _METRIC_LABEL.search(norm_label)
    if unit is None or re.search(r"[A-Za-z\u00b2]", value):
        return value
    return f"{value} {'ha' if unit.group('ha') else 'm2'}"


def _pair_living_area(cands: Candidates, value: str, norm_label: str) -> None:
    cands.add("living_area", read_living_area(_with_label_unit(value, norm_label)))


def _pair_lot(cands: Candidates, value: str, norm_label: str) -> None:
    stated = _with_label_unit(value, norm_label)
    metric = read_lot_metric(stated)
    if metric is not None:
        cands.add("lot", metric)
        return
    if re.search(r"acre|\bac\b", norm_label) and not re.search(r"sq|ft", value, re.I) and "acre" not in value.lower():
        stated = f"{value} acres"
    imperial = IMPERIAL_AREA.search(stated)
    if imperial and metric_area_square_feet(stated):
        stated = imperial.group(0)  # "0.085 ha / 850 m² (9,150 sq ft)": the square feet beside the metric figures
    sqft, acres = parse_lot_size(stated)
    if sqft is not None:
        cands.add("lot", (float(sqft), float(acres)))


def _pair_pool(private_label: bool):
    def handle(cands: Candidates, value: str, _label: str) -> None:
        cands.add("pool_private_yn", read_pool(value, private_label))
    return handle


def _pair_hoa_yn(cands: Candidates, value: str, _label: str) -> None:
    flag = parse_bool(value.split()[0] if value.split() else value)
    if flag is not False and "$" in value and read_price(value):  # "HOA: Y $390/Qtr"
        flag = True
        cands.add("association_fee", parse_money(value))
        cands.add("association_fee_frequency", normalize_frequency(value))
    cands.add("association_yn", flag)


def _pair_hoa_fee(cands: Candidates, value: str, norm_label: str) -> None:
    cands.add("association_fee", parse_money(value) if re.search(r"\d", value) else None)
    cands.add("association_fee_frequency",
              normalize_frequency(re.sub(r"^[\s$\d,.]+", " ", value)) or normalize_frequency(norm_label))


def _pair_hoa_freq(cands: Candidates, value: str, _label: str) -> None:
    cands.add("association_fee_frequency", normalize_frequency(value))
    if re.match(r"\s*\$\s*\d", value):  # "Assoc Fee/Freq: $95/Month": one cell holds both
        cands.add("association_fee", parse_money(value))


def _pair_parking(cands: Candidates, value: str, _label: str) -> None:
    match = re.search(r"\b(\d{1,2})[- ]?car(?: (?:attached|detached|tandem|oversized|extended|side[- ]entry))? garage\b|\b(\d{1,2}) garage (?:spaces?|stalls?)\b"
                      r"|\b(?:cochera|garaje) (?:para )?(\d{1,2}) (?:autos?|carros?|coches?)\b", value, re.I)
    if match and not re.search(r"carport|techad", value, re.I):
        cands.add("garage_spaces", read_garage(next(g for g in match.groups() if g)))


def _pair_baths_full_half(cands: Candidates, value: str, _label: str) -> None:
    match = re.fullmatch(r"\s*(\d{1,2})\s*[/|]\s*(\d{1,2})\s*", value)
    if match:
        cands.add("bathrooms_full", int(match.group(1)))
        cands.add("bathrooms_half", int(match.group(2)))


def _pair_dwelling(cands: Candidates, value: str, _label: str) -> None:
    ptype, subtype = read_dwelling(value)
    cands.add("property_type", ptype)
    cands.add("property_sub_type", subtype)
    levels = _STYLE_LEVELS.match(value)
    if levels:
        # "Style: 2-Story", "Bldg Style: Two Level": a style that is the home's levels. Read as text,
        # so that a labelled "Stories" beside it wins without a conflict.
        evidence, cands.evidence = cands.evidence, "text"
        cands.add("stories", read_stories(levels.group(1)))
        cands.evidence = evidence


_STYLE_LEVELS = re.compile(r"\s*([1-4]|one|two|three|four|single)[\s-]*(?:story|stories|levels?)\s*$", re.I)


def _pair_subdivision(cands: Candidates, value: str, norm_label: str) -> None:
    # "Community: Lake; Pool; Spa" is a features list, not the subdivision's name.
    if ";" in value or len(value) > 80:
        return
    if not _NEIGHBORHOOD_LABEL.match(norm_label):
        cands.add("subdivision_name", collapse(value))
        return
    # "Neighborhood: Camelback East" names a marketing area, not the recorded subdivision an MLS
    # "Subdivision" field holds: read as text, so that a labelled subdivision or community beside it
    # wins without a conflict, and it stands only when no such label does.
    evidence, cands.evidence = cands.evidence, "text"
    cands.add("subdivision_name", collapse(value))
    cands.evidence = evidence


_NEIGHBORHOOD_LABEL = re.compile(r"^(?:neighbou?rhood|colonia)$")


def _pair_city_state_zip(cands: Candidates, value: str, _label: str) -> None:
    parsed = parse_place(value)
    cands.add("city", parsed.get("city"))
    cands.add("postal_code", parsed.get("postal_code"))
    cands.add("state_or_province", parsed.get("state_or_province"))


def _pair_city_zip(cands: Candidates, value: str, _label: str) -> None:
    match = re.fullmatch(r"\s*([A-Za-z .'\-]+?)[,\s]+(\d{5})(?:-\d{4})?\s*", value)
    if match:
        _pair_city(cands, match.group(1), "city")
        cands.add("postal_code", match.group(2))


def _pair_city(cands: Candidates, value: str, _label: str) -> None:
    city = normalize_city(re.split(r",", value)[0])
    cands.add("city", city if plausible_city(city) else None)


_ROOMS_BEDROOMS = re.compile(r"(?<![\d.,$])(\d{1,2})\s*(?:bed(?:room)?s?|bdrms?|br)\b", re.I)


def _pair_rooms(cands: Candidates, value: str, label: str) -> None:
    """A rooms list that counts the bedrooms ("Family Rm, Great Rm, 4 Bedrooms"), or "Bedrooms Plus:
    2 + Loft": read as a phrase, so that a bedrooms label, where the page has one, outranks it."""
    lead = re.match(r"\s*(\d{1,2})\b(?!\s*(?:car|ft|sq))", value) if label.startswith("bed") else None
    counts = {int(lead.group(1))} if lead else {int(m.group(1)) for m in _ROOMS_BEDROOMS.finditer(value)}
    if len(counts) == 1:
        tier, evidence = cands.tier, cands.evidence
        cands.at(tier, "text").add("bedrooms_total", counts.pop())
        cands.at(tier, evidence)


def _pair_state(cands: Candidates, value: str, _label: str) -> None:
    cands.add("state_or_province", state_code(value))


# One coordinate in degrees, with its hemisphere when written ("33.4719 N", "-112.3221", "112.3221° W").
_DEGREES = re.compile(r"(?<![\d.])(-?\d{1,3}\.\d{2,8})\s*\u00b0?\s*([NSEW])?\b", re.I)


def _signed_degrees(value: str, negative: str) -> float | None:
    """A latitude (south negative) or longitude (west negative) as a page writes it."""
    match = _DEGREES.search(str(value))
    if not match:
        return parse_number(value)
    number = float(match.group(1))
    return -abs(number) if (match.group(2) or "").upper() == negative else number


def _pair_coordinates(cands: Candidates, value: str) -> None:
    """"33.4719 N, 112.3221 W", "33.4719, -112.3221": latitude then longitude (a hemisphere letter
    says which is which when the order is the other)."""
    found = _DEGREES.findall(value)
    if len(found) != 2:
        return
    (first, first_side), (second, second_side) = found
    if first_side.upper() in ("E", "W") and second_side.upper() in ("N", "S"):
        (first, first_side), (second, second_side) = (second, second_side), (first, first_side)
    latitude, longitude = float(first), float(second)
    cands.add("latitude", -abs(latitude) if first_side.upper() == "S" else latitude)
    cands.add("longitude", -abs(longitude) if second_side.upper() == "W" else longitude)


def _pair_unit(cands: Candidates, value: str, _label: str) -> None:
    unit = re.sub(r"^(unit|apt|suite|#)\s*", "", value.strip(), flags=re.I).strip("# ")
    cands.add("unit_number", unit or None)


_PAIR_HANDLERS = {
    "living_area": _pair_living_area,
    "beds_baths": _pair_beds_baths,
    "baths": _pair_baths,
    "rooms": _pair_rooms,
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
    "city_zip": _pair_city_zip,
    "city": _pair_city,
    "state": _pair_state,
    "unit": _pair_unit,
    "coordinates": lambda cands, value, _label: _pair_coordinates(cands, value),
}


_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                  "eight": "8", "nine": "9", "ten": "10", "single": "1"}
# A lot's size in words: "a half-acre lot", "a three-quarter-acre lot", "two-acre parcel", "half an acre".
_ACRE_WORDS = {"half": 0.5, "quarter": 0.25, "third": 0.3333, "three-quarter": 0.75, "three-quarters": 0.75,
               "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "ten": 10.0}
_ACRE_PHRASE = re.compile(
    r"\b(half|quarter|third|three[\s-]quarters?|one|two|three|four|five|ten)[\s-]+acres?[\s-]+(?:lot|parcel|homesite|site)\b"
    r"|\b(half|(?<=a )quarter|(?<=a )third|three[\s-]quarters)\s+(?:of\s+)?an\s+acre\b"
    # "a 1/4 acre lot", "on 1/2 acre": a fraction of an acre in digits.
    r"|(?<![\d.,/])\b([1-9])\s*/\s*([1-9])[\s-]*acres?\b(?![\s-]*(?:of\s+)?(?:park|community|preserve|open|common|green))",
    re.I)


def _acres_in_words(match: re.Match) -> float | None:
    """The acres an `_ACRE_PHRASE` states: a word ("half", "three-quarter") or a fraction ("1/4")."""
    if match.group(3):
        numerator, denominator = int(match.group(3)), int(match.group(4))
        return round(numerator / denominator, 4) if numerator < denominator else None
    return _ACRE_WORDS[re.sub(r"[\s-]+", "-", (match.group(1) or match.group(2)).lower())]


# A home's area in square metres ("168 m²", "205 mts² construidos", "142 m2 of living space"), not a lot's.
_METRIC_LIVING = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:[.,]\d{3})+|\d{2,5})(?:,\d{1,2})?\s*(?:m\s?[\u00b22](?!\d)|mts?\.?\s?[\u00b22]|sq\.?\s?m\b|sqm\b"
    r"|square\s+met(?:re|er)s\b|metros\s+cuadrados\b)(?![\s\-]*(?:de\s+|del\s+|of\s+)?(?:lot|terreno|lote|land|parcel)\b)", re.I)


# "on a 0.25 acre lot", "on 1.02 acres", "a 1.5-acre lot": acres tied to this lot, not to a park.
_LOT_ACRES = re.compile(r"(?:\bon\s+(?:an?\s+)?(?:approx\.?\s+|nearly\s+|over\s+)?(\d{1,3}(?:\.\d{1,4})?)[\s\-]*(?:acres?|ac)\b(?![\s\-]*(?:of\s+)?(?:park|community|preserve|open|common|green))"
               r"|(?<![\d.,/])(\d{1,3}(?:\.\d{1,4})?)[\s\-]*(?:acres?|ac)[\s\-]+lot\b)", re.I)
_PRIVATE_POOL = re.compile(r"\b((?:no|without a?)\s+)?private pool\b", re.I)
_BATH_BREAKDOWN = re.compile(r"\(\s*(\d{1,2})\s*(?:full|f)\b[\s,/&+]*(?:and\s+)?(\d{1,2})\s*(?:half|h|partial)\b[^)]{0,20}\)"
                             r"|(?<![\w.])(\d{1,2})\s*F\s*[,/ ]\s*(\d{1,2})\s*H\b", re.I)
_STAT = [
    (re.compile(r"(?<![\d.,])(\d{1,2})\s*(?:bd|bds|beds?|bedrooms?|br|rec[a\u00e1]maras?|habitaciones|dormitorios)\b", re.I), "bedrooms"),
    (re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten)[\s\-]+(?:bed|beds|bedroom|bedrooms|br)\b", re.I), "bedrooms_word"),
    (re.compile(r"\b(?:listed|offered|priced|asking|(?<!original )(?<!previous )(?<!orig\. )list(?:ing)? price(?: of| was| is)?:?"
                r"|now(?: only)?|(?:price\s+)?(?:reduced|lowered|dropped|cut|improved|increased|raised|changed|adjusted)"
                r"(?:\s+by\s+\$\s?[\d,.]+\s*[KkMm]?)?\s+to)\s+(?:at|for)?\s*"
                r"(\$\s?\d[\d,]*(?:\.\d+)?\s*[KkMm]?)(?![\w/])", re.I), "list_price"),
    (_LOT_ACRES, "lot_acres"),
    (re.compile(r"(?<![\d.,])(\d[\d,]{2,8})(?:\.\d+)?\s*(?:sq\.?\s?ft\.?|sqft|square[\s\-]f(?:ee|oo)t)[\s\-]+lot\b", re.I), "lot"),
    # "0.19 Acres" as the whole of its segment: a value-first fact list's lot ("4 Beds · 0.19 Acres").
    (re.compile(r"(?:^|(?<=[\u00b7|\u2022] ))(\d{1,3}(?:\.\d{1,4})?)\s*(?:acres?|ac)\.?(?=\s*(?:$|[\u00b7|\u2022]))", re.I), "lot_acres"),
    (_PRIVATE_POOL, "pool_phrase"),
    (re.compile(r"\b(\d{1,2}|single|one|two|three|four|five|six)[\s\-]?car\s+(?:(?:attached|detached|tandem|oversized|extended|side[\s\-]entry)\s+)?garage\b|(?<![\d.,])\b(\d{1,2})\s+garage\s+(?:spaces?|stalls?)\b", re.I), "garage"),
    # "1 story", "2 levels": the home's levels stated as a stat (not a building's: "8-story tower").
    # "Single level", "Two-story" only as a stat (the whole of its segment: see `_add_phrase`).
    (re.compile(r"(?<![\d.,])\b([1-4]|single|one|two|three)[\s\-]*(?:story|stories|levels?)\b"
                r"(?![\s\-]*(?:building|tower|complex|structure|garage|ceiling|entry|foyer|great|living))", re.I), "stories"),
    # "MLS® 6891204", "ARMLS 6894001", "Tax ID 134-22-415": an identifier after its name, no colon.
    (re.compile(r"\b(?:APN|Tax\s+(?:parcel\s+)?ID|Parcel(?:\s+(?:ID|No\.?|Number|#))?|Assessor'?s?\s+Parcel(?:\s+(?:ID|No\.?|Number|#))?)"
                r"\s*#?\s*:?\s*(\d{3}[\s\-]?\d{2}[\s\-]?\d{3}[A-Za-z]?)\b", re.I), "parcel_number"),
    (re.compile(r"\bno\s+hoa\b|\bno\s+(?:homeowners'?\s+)?association\b", re.I), "no_hoa"),
    (re.compile(r"\bno\s+(?:private\s+)?pool\b", re.I), "no_pool"),
    # A tag or badge that is nothing but the home's type ("Single Family · Private pool").
    (re.compile(r"(?:^|(?<=[\u00b7|\u2022,] ))(single[\s\-]family(?:\s+(?:home|house|residence|detached))?|town\s?(?:home|house)"
                r"|condo(?:minium)?|patio home|(?:manufactured|mobile) home)(?=\s*(?:$|[\u00b7|\u2022,]))", re.I), "dwelling_phrase"),
    # "2.5 baths", "2,5 baños" (a decimal comma)
    (re.compile(r"(?<![\d.,])(?<!\d/)(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:ba|baths?|bathrooms?|ba[\u00f1n]os)\b", re.I), "baths"),
    (re.compile(r"(?<![\d.,])(\d[\d,]{2,6})\s*(?:sq\.?\s?ft\.?|sqft|square feet|sf\b)(?!\s*lot)", re.I), "living_area"),
    (_METRIC_LIVING, "living_area_metric"),
    (re.compile(r"\bbuilt\s+(?:in\s+)?(1[89]\d\d|20\d\d)\b", re.I), "year_built"),
    # "2 full bathrooms", "3 full + 1 half ba"
    (re.compile(r"(?<![\d.,])(\d{1,2})\s+full\b(?=[\s\w+,/&-]{0,25}?\b(?:ba|baths?|bathrooms?)\b)", re.I), "full_baths"),
    (re.compile(r"(?<![\d.,])(\d{1,2})\s+half\s*(?:ba|baths?|bathrooms?)\b", re.I), "half_baths"),
    # A total's breakdown, which says more than the total: "3 Baths (2 full, 1 half)", "2F 1H Baths".
    (_BATH_BREAKDOWN, "bath_breakdown"),
    (re.compile(r"\bhoa\s+(?:dues\s+|fees?\s+)?(\$\s?\d[\d,]*(?:\.\d+)?)\s*(?:/\s*|per\s+|an?\s+|each\s+)?"
                r"(month\w*|mo\b|quarter\w*|qtr|year\w*|yr|annual\w*|semi-?annual\w*)", re.I), "hoa_phrase"),
    # "$132/mo HOA": the fee before its name.
    (re.compile(r"(\$\s?\d[\d,]*(?:\.\d+)?)\s*(?:/\s*|per\s+|an?\s+)(month|mo|quarter|qtr|year|yr)\.?\s+"
                r"(?:hoa|association)\b", re.I), "hoa_phrase"),
]


_WORD_NUMBER = r"one|two|three|four|five|six|seven|eight|nine|ten"
# An association's fee in a sentence, its amount and period in any order ("HOA dues are $85 per
# month", "The HOA is $85 a month", "Monthly HOA dues of $85", "$85/month HOA", "Low $65 monthly HOA").
_HOA_WORD = r"(?:hoa|homeowners'?\s+association|association|community\s+association)"
_FEE_AMOUNT = r"(?P<amount>\$\s?\d[\d,]*(?:\.\d+)?)"
_FEE_PERIOD = r"(?P<period>semi-?annual(?:ly)?|annual(?:ly)?|month(?:ly)?|quarter(?:ly)?|year(?:ly)?|mo|qtr|yr|annum)"
_HOA_IN_PROSE = (
    re.compile(rf"\b{_HOA_WORD}(?:\s+(?:dues|fees?))?\s+(?:are|is|of|runs?|costs?|totals?|:)?\s*(?:just\s+|only\s+|a\s+low\s+)?"
               rf"{_FEE_AMOUNT}\s*(?:per|a|an|/|each|every)?\s*{_FEE_PERIOD}\b", re.I),
    re.compile(rf"\b{_FEE_PERIOD}\s+{_HOA_WORD}(?:\s+(?:dues|fees?))?\s+(?:are|is|of|:)?\s*(?:just\s+|only\s+)?{_FEE_AMOUNT}(?![\d,])", re.I),
    re.compile(rf"{_FEE_AMOUNT}\s*(?:/|per|a|an)?\s*{_FEE_PERIOD}\s+{_HOA_WORD}\b", re.I),
)
_PERIOD_WORDS = {"mo": "month", "yr": "year", "qtr": "quarter", "annum": "year", "yearly": "year"}
# The subdivision a sentence names: "in the Maryvale Terrace subdivision", "part of the Sunset Ridge
# community" (capitalized words right before the word; a city is no subdivision).
_SUBDIVISION_IN_PROSE = re.compile(
    r"\b(?:in|within|part of|located in)\s+(?:the\s+)?(?P<name>[A-Z][A-Za-z'&-]+(?:\s+(?:[A-Z0-9][A-Za-z0-9'&-]*|at|of|on)){0,4})"
    r"\s+(?:subdivision|community)\b")
_BATH_WORD = r"(?:ba|baths?|bathrooms?)\b"
# The baths as one phrase of prose, full and half together, so that no part of it is read twice:
# "2.5 baths", "two and a half baths", "2 1/2 baths", "three full baths plus a powder room",
# "two full baths and a half bath", "2 full and 1 half bathrooms", "3 baths".
_BATHS_IN_PROSE = re.compile(
    rf"(?<![\d.,$])(?P<full>\d{{1,2}}|{_WORD_NUMBER})"
    rf"(?:(?P<decimal>\.\d{{1,2}})|(?P<fraction>\s+1/2|\s*\u00bd)|(?P<and_half>[\s-]+and[\s-]+a[\s-]+half))?"
    rf"(?:[\s-]+full)?"
    rf"(?:[\s-]*{_BATH_WORD}|(?=\s+(?:and|plus|&|\+)\s+(?:a|an|one|\d|{_WORD_NUMBER})\s+half\s+{_BATH_WORD}))"
    rf"(?:\s*(?:,|and|plus|&|\+|with)\s+(?P<half>a|an|one|\d|{_WORD_NUMBER})[\s-]+"
    rf"(?:half(?:[\s-]+{_BATH_WORD})?|powder[\s-]+rooms?\b|guest[\s-]+half[\s-]+{_BATH_WORD}))?",
    re.I)


def _prose_baths(cands: Candidates, match: re.Match) -> None:
    """`_BATHS_IN_PROSE`: a decimal total goes the labelled way ("2.75" holds a three-quarter bath);
    otherwise the full count and the halves the phrase names."""
    full = _NUMBER_WORDS.get(match.group("full").lower(), match.group("full"))
    if match.group("decimal"):
        _add_pair(cands, "baths", "baths", full + match.group("decimal"))
        return
    half = 1 if match.group("fraction") or match.group("and_half") else 0
    if match.group("half"):
        word = match.group("half").lower()
        half += 1 if word in ("a", "an") else int(_NUMBER_WORDS.get(word, word))
    cands.add("baths", (int(full), half))


# Facts as a remarks-only page writes them, one sentence at a time ("Listed at $389,000, this
# single-family home has 3 bedrooms ...", "HOA dues are $55 per month", "No HOA").
_PROSE = [
    (re.compile(r"\b(?:listed|offered|priced|asking|list price(?: is)?)\s+(?:at|for)?\s*(?:just\s+|only\s+)?"
                r"(\$\s?\d[\d,]*(?:\.\d+)?\s*[KkMm]?)(?![\w/])", re.I), "list_price"),
    (re.compile(r"(?<![\d.,$])(\d{1,2})[\s-]*(?:bd|beds?|bedrooms?|br)\b", re.I), "bedrooms"),
    (re.compile(rf"\b({_WORD_NUMBER})[\s-]+(?:beds?|bedrooms?)\b", re.I), "bedrooms_word"),
    (_BATHS_IN_PROSE, "baths_prose"),
    (re.compile(r"(?<![\d.,$])(\d[\d,]{2,6})\s*(?:sq\.?\s?ft\.?|sqft|square[\s-]f(?:ee|oo)t|sf)(?![\w-])"
                r"(?!\s*(?:of\s+)?lot)", re.I), "living_area"),
    (re.compile(r"(?<![\d.,$])(\d[\d,]{2,8})\s*(?:sq\.?\s?ft\.?|sqft|square[\s-]f(?:ee|oo)t|sf)[\s-]+lot\b", re.I), "lot"),
    (_METRIC_LIVING, "living_area_metric"),
    (_LOT_ACRES, "lot_acres"),
    (re.compile(r"\b(?:built|constructed|completed|erected)\s+(?:in\s+)?(1[89]\d\d|20\d\d)\b", re.I), "year_built"),
    (_ACRE_PHRASE, "lot_acres_word"),
    # The home's own levels, the count right before the home ("a single-level home", "two-story plan"),
    # as a description on a labelled page states them (not "a five-story Greek Revival townhouse").
    (re.compile(rf"\b(single|{_WORD_NUMBER}|\d)[\s-]*(?:story|level)\s+(?:home|house|plan|floor\s?plan|layout|residence|ranch)\b",
                re.I), "stories_home"),
    (re.compile(rf"\b(\d{{1,2}}|single|{_WORD_NUMBER})[\s-]*car\s+(?:(?:attached|detached|tandem|oversized)\s+)?garage\b", re.I),
     "garage_word"),
    (re.compile(rf"\bgarage\s+(?:for|that (?:fits|holds)|with room for)\s+(\d|{_WORD_NUMBER})\s+(?:cars?|vehicles?)\b", re.I),
     "garage_word"),
    (re.compile(rf"\b(single|{_WORD_NUMBER}|\d)[\s-]*(?:story|stories|level)\b"
                r"(?![\s-]*(?:building|tower|complex|structure|condo|garage|ceiling|entry|foyer|great))", re.I), "stories"),
    *((pattern, "hoa_prose") for pattern in _HOA_IN_PROSE),
    (_SUBDIVISION_IN_PROSE, "subdivision_prose"),
    (re.compile(r"\bno\s+hoa\b|\bno\s+(?:homeowners'?\s+)?association\b", re.I), "no_hoa"),
    (_PRIVATE_POOL, "pool_phrase"),
    # A pool of the home's own, by a word only an owner's pool takes ("a heated pool", "a diving pool").
    (re.compile(r"\b(?:heated|sparkling|diving|play|pebble[\s-]?tec|salt[\s-]?water|resort[\s-]style|in[\s-]?ground"
                r"|resurfaced|remodeled|fenced)\s+(?:swimming\s+)?pool\b(?![\s-]*(?:table|house|access))", re.I), "pool_kind"),
    (re.compile(r"\bno pool\b", re.I), "no_pool"),
    (re.compile(r"\bsingle[\s-]family (?:home|house|residence)\b|\btown ?(?:home|house)\b|\bcondo(?:minium)?\b"
                r"|\bpatio home\b|\b(?:manufactured|mobile) home\b", re.I), "dwelling_phrase"),
]


def extract_rules(doc: SourceDocument) -> RuleExtraction:
    """Contract fields from the page's labelled facts and structured data; from the sentences of its
    description only what no label states, at the weakest tier (see the module docstring)."""
    data = doc.data
    cands = page_candidates(_TABLE, data)
    if "listing_id" not in cands.found:
        # The MLS number only in the footer (a single-property site): a phrase the LLM checks.
        cands.at(VISIBLE, "text")
        for line in data.get("footer_lines", ()):
            cands.add("listing_id", footer_listing_id(line))
        cands.add("listing_id", read_listing_id(data["link_listing_id"]) if data.get("link_listing_id") else None)
    out = Resolved()
    for name in ("listing_id", "parcel_number", "standard_status", "list_price", "bedrooms_total",
                 "living_area", "year_built", "garage_spaces", "stories", "pool_private_yn",
                 "association_yn", "association_fee", "association_fee_frequency", "subdivision_name",
                 "latitude", "longitude", "property_type", "property_sub_type"):
        out.values[name] = out.resolve(cands, name)
    schema_type_fallback(data, out)
    resolve_baths(cands, out)
    lot = out.resolve(cands, "lot")
    if lot:
        out.values["lot_size_square_feet"], out.values["lot_size_acres"] = lot
        for name in ("lot_size_square_feet", "lot_size_acres"):
            out.follow(name, "lot")
    _address_from_parts(cands)
    resolve_address(cands, data, out)
    if out.values.get("association_fee") and out.values.get("association_yn") is None and out.values["association_fee"] > 0:
        out.values["association_yn"] = True
        out.follow("association_yn", "association_fee")
    resolve_remarks(data, out)
    if "public_remarks" not in out.values:
        # No remarks label: the page's one long descriptive paragraph is the remarks.
        paragraph = prose_paragraph(data)
        if paragraph:
            out.values["public_remarks"] = paragraph
            out.evidence["public_remarks"] = "prose"
    return out.extraction()


def _address_from_parts(cands: Candidates) -> None:
    """A page that labels the address in its parts ("St #: 7401", "Dir: W", "St Name: Arrowhead
    Clubhouse", "Sfx: Dr") and nowhere whole: the parts, in order, are its labelled street address."""
    if "address" in cands.found:
        return
    parts = {name: cands.found[name][0] for name in ("street_number_part", "street_name_part") if name in cands.found}
    if len(parts) < 2:
        return
    words = [cands.found[name][0].value for name in ("street_number_part", "street_dir_part", "street_name_part",
                                                      "street_suffix_part") if name in cands.found]
    first = parts["street_number_part"]
    cands.at(first.tier, first.evidence).add("address", " ".join(words))


# "Source: REBNY #RLS20051674", "MLS# 6543210" inside a longer line.
# "MLS® 6891204", "ARMLS 6894001", "ARMLS #6894001", "MLS No. 6891204": the number right after the MLS's name.
_MLS_NUMBER_IN_TEXT = re.compile(r"(?:\bMLS\b|\bSource\b:?)[^#|:]{0,30}#\s?([A-Z]{0,5}\d[A-Za-z0-9\-]{3,19})\b"
                                 r"|\b[A-Z]{0,6}MLS(?:\u00ae|\(R\))?\s*(?:No\.?|ID|Number)?\s*(?:#\s?|:?\s+)([A-Z]{0,5}\d{5,12})\b"
                                 # A print sheet's "ML# 7552305" (Matrix writes "ML #"), the number right after it.
                                 r"|\bML\s?#\s?(\d{5,12})\b")


# Work done on a home, whose year is no year built ("kitchen remodel completed in 2019").
_WORK_DONE = re.compile(r"remodel|renovat|update|upgrade|addition|roof|kitchen|bath|pool|solar|hvac|a/?c\b|flooring|paint", re.I)


def _add_phrase(cands: Candidates, group: str, match: re.Match, line: str) -> None:
    if group == "year_built" and not re.match(r"built", match.group(0), re.I) and _WORK_DONE.search(line[: match.start()]):
        return
    if group in ("living_area", "living_area_metric") and re.search(r"lot|terreno|lote", line[max(0, match.start() - 12): match.start()], re.I):
        return
    if group == "parcel_number" and re.split(r"[\u00b7|\u2022]", line[: match.start()])[-1].strip():
        return  # an identifier's name opens its line or item ("Tax ID 134-22-415"), not a sentence's middle
    if group == "stories" and not match.group(1).isdigit() and cands.evidence == "text":
        return  # "two-story great room" in a sentence; "Single level" between middots is the home's
    if group == "garage":  # "a single-car garage", "3-car garage"
        count = next(g for g in match.groups() if g)
        cands.add("garage_spaces", read_garage(_NUMBER_WORDS.get(count.lower(), count)))
    elif group == "bedrooms_word":
        _add_pair(cands, "bedrooms", "bedrooms", _NUMBER_WORDS[match.group(1).lower()])
    elif group == "bath_breakdown":
        full, half = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        cands.add("bathrooms_full", int(full))
        cands.add("bathrooms_half", int(half))
    elif group == "lot_acres":
        _add_pair(cands, "lot", "lot", f"{match.group(1) or match.group(2)} acres")
    elif group == "pool_kind":
        if not re.search(r"communit|shared|association|clubhouse|\bhoa\b|neighbou?rhood|complex|amenit", line, re.I):
            cands.add("pool_private_yn", True)
    elif group == "pool_phrase":
        # "no private pool" denies one even beside a community pool ("no private pool, but the
        # community pool is steps away"); "a private pool" in a line about the community is the community's.
        if match.group(1) or not re.search(r"communit|shared|heated spa", line, re.I):
            cands.add("pool_private_yn", not match.group(1))
    elif group in _PROSE_HANDLERS:
        _PROSE_HANDLERS[group](cands, match)
    else:
        _add_pair(cands, group, group, next((g for g in match.groups() if g), match.group(0)))


def _prose_hoa_fee(cands: Candidates, match: re.Match) -> None:
    """`_HOA_IN_PROSE`: the fee, its period, and that there is an association."""
    period = match.group("period").lower()
    cands.add("association_fee", parse_money(match.group("amount")))
    cands.add("association_fee_frequency", normalize_frequency(_PERIOD_WORDS.get(period, period)))
    cands.add("association_yn", True)


_CITY_NAMES = frozenset(city.lower() for city in MARICOPA_CITIES)


def _prose_subdivision(cands: Candidates, match: re.Match) -> None:
    """`_SUBDIVISION_IN_PROSE`: the name, unless it is a city's or says what kind of community it is."""
    name = match.group("name").strip()
    if name.lower() not in _CITY_NAMES and not re.search(r"\b(?:HOA|Gated|Golf|Active|Adult|Master)\b", name):
        cands.add("subdivision_name", name)


def _prose_hoa(cands: Candidates, match: re.Match) -> None:
    cands.add("association_fee", parse_money(match.group(1)))
    unit = match.group(2).lower()
    cands.add("association_fee_frequency", normalize_frequency({"mo": "month", "yr": "year"}.get(unit, unit)))
    cands.add("association_yn", True)


def _prose_dwelling(cands: Candidates, match: re.Match) -> None:
    ptype, subtype = read_dwelling(match.group(0))
    cands.add("property_type", ptype)
    cands.add("property_sub_type", subtype)


_PROSE_HANDLERS = {
    "living_area_metric": lambda cands, m: cands.add("living_area", read_living_area(m.group(0))),
    "baths_prose": _prose_baths,
    "garage_word": lambda cands, m: cands.add("garage_spaces", read_garage(_NUMBER_WORDS.get(m.group(1).lower(), m.group(1)))),
    "stories_home": lambda cands, m: _add_pair(cands, "stories", "stories", m.group(1)),
    "lot_acres_word": lambda cands, m: _add_pair(cands, "lot", "lot acres", str(_acres_in_words(m))),
    "hoa_phrase": _prose_hoa,
    "hoa_prose": _prose_hoa_fee,
    "subdivision_prose": _prose_subdivision,
    "no_hoa": lambda cands, m: cands.add("association_yn", False),
    "no_pool": lambda cands, m: cands.add("pool_private_yn", False),
    "dwelling_phrase": _prose_dwelling,
}


# What the page's words mean, for the readers in `listing_text` (which lines, which tier).
# Another party on a print sheet, or its contact: the listing office or agent, a management company, a
# builder or lender, a school (`LabelTable.party_label`).
_PARTY_LABEL = re.compile(
    r"^(?:(?:list(?:ing)?|selling|co-?list(?:ing)?|buyer'?s?|showing)\s+)?(?:office|agent|broker(?:age)?|company|firm|realtor)"
    r"(?:\s+name)?:?$|^(?:office\s+|agent\s+|company\s+|contact\s+)?name:?$"
    r"|^(?:office|agent|main|cell|direct|mobile|contact)?\s*(?:phone|fax|e-?mail|tel(?:ephone)?)(?:\s*(?:#|no\.?|number))?:?$"
    r"|manage?ment|^mgmt\b|^(?:elementary|middle|junior high|high)(?:\s+school)?:?$|^(?:school|district)\b"
    r"|^(?:builder|lender|title|escrow)(?:\s+(?:co|company|name))?\.?:?$"
    r"|^(?:presented|listed|represented|marketed|prepared)\s+by:?$|^courtesy(?:\s+of)?:?$",
    re.I,
)

_TABLE = LabelTable(
    label_group=_label_group,
    party_label=_PARTY_LABEL,
    add_pair=_add_pair,
    phrases=_STAT,
    add_phrase=_add_phrase,
    listing_id_in_text=_MLS_NUMBER_IN_TEXT,
    read_listing_id=read_listing_id,
    prose_phrases=_PROSE,
    stat_groups=frozenset(("bedrooms", "bedrooms_word", "full_baths", "half_baths", "living_area", "living_area_metric", "lot",
                           "lot_acres", "year_built", "garage", "stories")),
    remarks_groups=frozenset(("garage_word", "stories_home", "lot_acres", "lot_acres_word", "pool_kind")),
    flat_groups=frozenset(("list_price", "bedrooms", "baths", "full_baths", "half_baths", "living_area", "lot", "year_built",
                           "garage", "stories", "hoa_fee", "parcel_number", "listing_id", "zip")),
    flat_unit_groups=frozenset(("lot",)),
)


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

