"""Phoenix MLS listing detail pages (`.html`), in whatever report layout the scraper saved.

Layouts differ (tabular "full" reports, consumer cards, printer-friendly pages,
agent flyers, portal pages) and change over time, so nothing here follows a CSS
path. The source-independent reading (decoding, hidden text, the DOM walk into
label/value pairs and compact lines, JSON-LD, microdata, embedded state, page
identity) is the HTML engine in `sources/html/`; this module holds what is MLS
listing specific: the label vocabulary (`_LABELS`: label group -> pattern),
the table from label group to field handler (`_SIMPLE_GROUPS`, `_PAIR_HANDLERS`),
the value readers, and how candidates from visible labels, machine-readable data
and closed <details> are resolved into contract fields (`extract_rules`).
Public Remarks are kept as one opaque value: agent-written text is never mined
for facts. docs/extending.md maps each contract field to the code that reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..contract import PROPERTY_FIELDS
from .base import RuleExtraction, Source, SourceDocument, SourceError
from .html import COLON_PAIR, Vocabulary, collapse, read_page, schema_facts
from .html.tree import MAX_REMARKS_CHARS
from .normalize import (
    MARICOPA_CITIES,
    SQFT_PER_ACRE,
    address_from_line,
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

# Label meanings


def _norm_label(label: str) -> str:
    label = label.lower().replace("\u00a0", " ").replace("&", " and ")
    label = re.sub(r"[:*]+\s*$", "", label.strip())
    return collapse(re.sub(r"[^a-z0-9#$/%\-.?() ]+", " ", label)).strip(" .-")


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


VOCABULARY = Vocabulary(
    label_group=_label_group,
    # A labelled address or price names the page's own listing.
    identity_groups=frozenset({"street_address", "list_price"}),
    # Text values a card layout may caption with their label underneath.
    captioned_text_groups=frozenset({"dwelling", "status", "subdivision"}),
    hint_fields=(
        ("price", "List Price", re.compile(r"sold|clos|was|orig|per|sqft|reduc|history|range|cut|drop|change")),
        ("status", "Status", re.compile(r"date|change")),
    ),
)


# Reading a page


def parse(raw: bytes) -> SourceDocument:
    """Read one saved listing page into compact text lines, label/value pairs and JSON-LD."""
    return read_page(raw, VOCABULARY)[0]


def personal_values(raw: bytes) -> set[str]:
    """Names, phones and e-mails on the page's owner / seller / tenant / occupant / contact lines:
    what the no-personal-data check looks for in the outputs (never part of the document)."""
    try:
        return read_page(raw, VOCABULARY)[1]
    except SourceError:
        return set()


# Rule extraction


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
        return collapse(a).lower() == collapse(b).lower()
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
        cands.add("subdivision_name", collapse(value))


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
    if not any(COLON_PAIR.match(ln) and _label_group(COLON_PAIR.match(ln).group(1)) == "status" for ln in lines):
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
        match = COLON_PAIR.match(line)
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
    facts = schema_facts(data.get("jsonld", []))
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
        add("subdivision_name", collapse(str(facts["subdivision"]))[:80])
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
    facts = schema_facts(data.get("jsonld", []))
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
    parsed = address_from_line(raw) if re.search(r"\b(AZ|Arizona)\b|\d{5}\s*$", raw) else {}
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
        parts = address_from_line(text)
        if parts:
            return parts, evidence
    parts = _street_heading_then_place(data)
    if parts:
        return parts, "heading"
    lines = data.get("lines", [])
    for line in lines[:80]:
        parts = address_from_line(line)
        if parts:
            return parts, "text"
    for i, line in enumerate(lines[:80]):
        if re.match(r"^\d+[A-Za-z]?\s+[A-Za-z0-9 .]+$", line) and i + 1 < len(lines):
            parts = address_from_line(f"{line}, {lines[i + 1]}")
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
    parts = address_from_line(f"{street}, {follow}")
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

