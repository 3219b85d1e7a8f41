"""The page's own listing object in the JSON state a web page embeds in its scripts.

Portal pages render from a state object shipped with the page: `__NEXT_DATA__`,
`window.__INITIAL_STATE__ = {...}`, `__PRELOADED_STATE__`, `__APOLLO_STATE__`,
`<script type="application/json">` data islands, often with JSON stringified
inside JSON (`gdpClientCache`, `hdpApolloPreloadedData`). The same state holds
other listings too ("similar homes", "nearby", comps), so a listing object is
taken only when it is the page's own: its id appears in the page's URL or
title, or its street is the page's street. Its facts are then read by key
meaning (`price`, `bedrooms`, `livingArea`, `lotAreaValue`, ...) into a flat
dict of generic names; the source module turns them into contract values.

Machinery only: no source's labels or normalizers live here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

MAX_SCRIPT_CHARS = 3_000_000
MAX_JSON_CHARS = 8_000_000  # parsed in total per page, nested strings included
MAX_NODES = 300_000
MIN_LISTING_KEYS = 4
MAX_FACT_DEPTH = 3

_STATE_ASSIGNMENT = re.compile(r"(?:window\.|self\.|globalThis\.)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*=\s*(?=[{\[])")
_JSON_PARSE = re.compile(r"JSON\.parse\(\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')\s*\)")
# Parts of a state object about other listings, people or the past: never the page's own facts.
_ASIDE_KEY = re.compile(
    r"similar|nearby|comps?$|comparable|recommend|other(?:listing|home|propert)|related|alsoviewed|carousel|"
    r"sponsor|recentlysold|newlisting|history|schools?|agent|broker|office|builder|contact|seller|owner|lender|"
    r"mortgage|attribution|^leads?$|leadform|^ads?$|adtarget|collection|region$|community$|neighborhood|"
    r"building$|openhouse|^tours?$|photo|^media|image|insight|^search|^maps?$",
    re.IGNORECASE,
)


def _norm_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", key.lower())


# generic fact name -> normalized keys that state it, in priority order
FACT_KEYS: dict[str, tuple[str, ...]] = {
    "listing_id": ("mlsid", "mlsnumber", "mlslistingid", "mlslistingnumber", "listingmlsid"),
    "price": ("listprice", "price", "listingprice", "askingprice", "unformattedprice", "currentprice"),
    "status": ("homestatus", "standardstatus", "mlsstatus", "listingstatus", "status"),
    "bedrooms": ("bedrooms", "beds", "bedroomstotal", "numbedrooms", "bedroomcount", "totalbedrooms"),
    "baths_total": ("bathrooms", "baths", "bathroomstotal", "bathroomsfloat", "numbathrooms", "totalbathrooms",
                    "bathroomstotaldecimal"),
    "baths_full": ("bathroomsfull", "bathsfull", "fullbathrooms", "fullbaths", "numfullbaths"),
    "baths_half": ("bathroomshalf", "bathshalf", "halfbathrooms", "halfbaths", "numhalfbaths", "bathroomspartial"),
    "living_area": ("livingarea", "livingareavalue", "sqft", "squarefeet", "finishedsqft", "livingareasqft",
                    "floorsize", "homesize", "buildingarea"),
    "lot_sqft": ("lotsizesquarefeet", "lotsqft", "lotsizesqft"),
    "lot_acres": ("lotsizeacres", "lotacres", "acres"),
    "lot_text": ("lotsize",),
    "lot_area_value": ("lotareavalue",),
    "lot_area_units": ("lotareaunits",),
    "year_built": ("yearbuilt", "builtyear", "yearconstructed"),
    "hoa_fee": ("associationfee", "hoafee", "hoadues", "hoa"),
    "hoa_monthly_fee": ("monthlyhoafee",),
    "hoa_frequency": ("associationfeefrequency", "hoafeefrequency", "hoafrequency"),
    "has_hoa": ("associationyn", "hasassociation", "hashoa"),
    "latitude": ("latitude", "lat"),
    "longitude": ("longitude", "lng", "lon", "long"),
    "parcel_number": ("parcelnumber", "parcelid", "apn", "taxparcelid", "assessorparcelnumber"),
    "home_type": ("hometype", "propertytype", "proptype"),
    "sub_type": ("propertysubtype", "propsubtype"),
    "garage": ("garagespaces", "garageparkingcapacity", "garagecapacity", "numgaragespaces"),
    "stories": ("stories", "storiestotal", "levels"),
    "pool_private": ("poolprivateyn", "hasprivatepool"),
    "subdivision": ("subdivisionname", "subdivision"),
    "description": ("description", "publicremarks", "remarks"),
    "street": ("streetaddress", "addressline1", "line", "street"),
    "unit": ("unitnumber",),
    "city": ("city", "addresslocality"),
    "state": ("state", "statecode", "addressregion"),
    "zip": ("zipcode", "postalcode", "zip"),
}
_KEY_TO_FACT = {key: name for name, keys in FACT_KEYS.items() for key in keys}
_ID_KEYS = frozenset(["zpid", "mlsid", "listingid", "propertyid", "id", "mlsnumber", "listingkey"])
_LISTING_KEYS = frozenset(_KEY_TO_FACT) | frozenset({"zpid", "propertyid", "listingid", "address"})


@dataclass
class _Budget:
    chars: int = 0
    nodes: int = 0


@dataclass
class ListingObject:
    """A dict in the page state that looks like one listing, and where it sits."""

    obj: dict
    path: tuple[str, ...]
    score: int
    ids: set[str] = field(default_factory=set)


def harvest(scripts: Iterable[tuple[str, str]]) -> list[Any]:
    """Parsed JSON roots from `(type attribute, text)` of a page's scripts (JSON-LD excluded)."""
    budget = _Budget()
    roots: list[Any] = []
    for kind, text in scripts:
        kind = (kind or "").strip().lower()
        if "ld+json" in kind or not text or len(text) > MAX_SCRIPT_CHARS or budget.chars > MAX_JSON_CHARS:
            continue
        if "json" in kind:
            roots += _loads(text.strip(), budget)
        elif kind in ("", "text/javascript", "application/javascript", "module"):
            roots += _from_javascript(text, budget)
    return roots


def _loads(text: str, budget: _Budget) -> list[Any]:
    budget.chars += len(text)
    try:
        return [json.loads(text)]
    except (ValueError, RecursionError):
        return []


def _from_javascript(text: str, budget: _Budget) -> list[Any]:
    """Object literals assigned to state variables, and `JSON.parse("...")` arguments."""
    found: list[Any] = []
    decoder = json.JSONDecoder()
    for match in list(_STATE_ASSIGNMENT.finditer(text))[:20]:
        try:
            value, end = decoder.raw_decode(text, match.end())
        except (ValueError, RecursionError):
            continue
        budget.chars += end - match.end()
        found.append(value)
    for match in list(_JSON_PARSE.finditer(text))[:10]:
        literal = match.group(1)
        if literal.startswith("'"):
            literal = '"' + literal[1:-1].replace('\\"', '"').replace('"', '\\"') + '"'
        try:
            inner = json.loads(literal)
        except (ValueError, RecursionError):
            continue
        found += _loads(inner, budget) if isinstance(inner, str) else []
    return found


def listing_objects(roots: list[Any]) -> list[ListingObject]:
    """Every dict that looks like a listing (enough listing keys), with stringified JSON expanded."""
    budget = _Budget()
    found: list[ListingObject] = []
    stack: list[tuple[Any, tuple[str, ...]]] = [(root, ()) for root in reversed(roots)]
    while stack and budget.nodes < MAX_NODES:
        value, path = stack.pop()
        budget.nodes += 1
        if isinstance(value, str):
            stack += _expand_string(value, path, budget)
        elif isinstance(value, list):
            stack += [(item, path) for item in reversed(value[:500])]
        elif isinstance(value, dict):
            keys = {_norm_key(k) for k in value}
            score = len(keys & _LISTING_KEYS)
            # A small object with an id ({"listing_id": ..., "location": {...}}) is a candidate too:
            # `own_listing` takes it only when that id is the page's own.
            if score >= MIN_LISTING_KEYS or keys & _ID_KEYS and _ids(value):
                found.append(ListingObject(value, path, score, _ids(value)))
            stack += [(v, path + (str(k),)) for k, v in reversed(list(value.items())[:2000])]
    return found


def _expand_string(text: str, path: tuple[str, ...], budget: _Budget) -> list[tuple[Any, tuple[str, ...]]]:
    stripped = text.strip()
    if len(stripped) < 40 or stripped[0] not in "{[" or budget.chars > MAX_JSON_CHARS:
        return []
    budget.chars += len(stripped)
    try:
        return [(json.loads(stripped), path)]
    except (ValueError, RecursionError):
        return []


def _ids(obj: dict) -> set[str]:
    ids = set()
    for key, value in obj.items():
        if _norm_key(key) in _ID_KEYS and isinstance(value, (str, int)) and not isinstance(value, bool):
            text = str(value).strip()
            if len(text) >= 4:
                ids.add(text.lower())
    return ids


def on_aside_path(path: tuple[str, ...]) -> bool:
    """Inside a "similar homes" / "nearby" / history / agent part of the state."""
    # Keys that are not names (a cache key holding a whole query string) say nothing about the part.
    return any(_ASIDE_KEY.search(_norm_key(key)) for key in path if len(key) <= 40 and re.fullmatch(r"[\w$\-]+", key))


def own_listing(objects: list[ListingObject], page_ids: set[str], is_own_street: Callable[[str], bool],
                page_has_identity: bool) -> list[ListingObject]:
    """The page's own listing objects, best first: matched by an id the page's URL or title states, or
    by the page's street. On a page that states no identity at all, the richest object outside the
    "similar/nearby" parts of the state; never one that could be another listing's."""
    usable = [o for o in objects if not on_aside_path(o.path)]
    matched = [o for o in usable if o.ids & page_ids or is_own_street(str(read_facts(o.obj).get("street") or ""))]
    if matched:
        return sorted(matched, key=lambda o: -o.score)
    if page_has_identity or not usable:
        return []
    best = max(usable, key=lambda o: o.score)
    return [best] if best.score >= MIN_LISTING_KEYS + 2 else []


def read_facts(obj: dict) -> dict[str, Any]:
    """A listing object's facts by generic name, its own keys first, then its nested parts (address,
    facts sub-objects) breadth-first, never its aside parts (nearby homes, history, agents)."""
    facts: dict[str, Any] = {}
    ranks: dict[str, int] = {}
    queue: list[tuple[dict, int]] = [(obj, 0)]
    while queue:
        current, depth = queue.pop(0)
        for key, value in list(current.items())[:2000]:
            norm = _norm_key(str(key))
            if isinstance(value, dict):
                if depth < MAX_FACT_DEPTH and not _ASIDE_KEY.search(norm):
                    queue.append((value, depth + 1))
                value = value.get("value", value.get("amount")) if ("value" in value or "amount" in value) else None
            _put(facts, ranks, norm, value)
    return facts


def _put(facts: dict[str, Any], ranks: dict[str, int], norm: str, value: Any) -> None:
    name = _KEY_TO_FACT.get(norm)
    if name is None or value is None or value == "" or isinstance(value, dict):
        return
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, (str, int, float))), None)
        if value is None:
            return
    rank = FACT_KEYS[name].index(norm)
    if name not in facts or rank < ranks[name]:
        facts[name], ranks[name] = value, rank


def summary(facts: dict[str, Any], limit: int = 400) -> str:
    """The facts as one compact line for the prompt (the description left out: it is remarks)."""
    parts = [f"{k} {v}" for k, v in facts.items() if k != "description" and isinstance(v, (str, int, float))]
    return ("Listing data: " + "; ".join(str(p)[:80] for p in parts))[:limit] if parts else ""
