"""Machine-readable facts a page states besides its text: JSON-LD, microdata, meta geo tags.

- `harvest_jsonld(tree, warnings)`: the JSON-LD nodes; `schema_facts(nodes)`
  flattens schema.org residences, offers, listings and products into generic
  keys (`price`, `numberOfBedrooms`, `streetAddress`, `floorSize`, ...), skipping
  breadcrumbs, organizations, agents and pages; `jsonld_summary` is the prompt
  line for one node.
- `microdata(tree)`: schema.org microdata of the page's own item (the first item
  with an address), so a "similar homes" strip never lends it a price.
- `meta_geo(tree, geo)`: coordinates from meta tags.

The embedded script state of portal pages (`__NEXT_DATA__`, Apollo caches) is
read by `embedded_state`. A source maps these generic keys to its contract.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ..normalize import SQFT_PER_ACRE, SQFT_PER_HECTARE, SQFT_PER_SQUARE_METRE, parse_number
from .tree import collapse


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


def harvest_jsonld(tree: LexborHTMLParser, warnings: list[str]) -> list[dict]:
    """Every JSON-LD node of the page (`@graph` flattened), lenient about CDATA and trailing commas."""
    blocks: list[dict] = []
    for node in tree.css('script[type="application/ld+json" i]')[:20]:
        parsed = _loads_lenient((node.text() or "")[:500_000])
        if parsed is None:
            warnings.append("unparseable JSON-LD block skipped")
            continue
        _jsonld_nodes(parsed, blocks)
    return blocks


def meta_geo(tree: LexborHTMLParser, geo: dict[str, float]) -> None:
    """Coordinates from `geo.position`/`ICBM` and `og:`/`place:location:` meta tags into `geo`."""
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


def microdata(tree: LexborHTMLParser) -> dict[str, str]:
    """schema.org microdata of the page's own listing: props grouped by their outermost item, and
    the first item with an address (or, failing that, the first item) wins, so the items of a
    "similar homes" strip further down never lend it a price or a bedroom count. A top-level
    Offer outside that item lends its price."""
    groups: dict[int, dict[str, str]] = {}
    order: list[int] = []
    for node in tree.css("[itemprop]")[:400]:
        name = (node.attributes.get("itemprop") or "").strip()
        value = node.attributes.get("content") or node.attributes.get("value") or collapse(node.text() or "")
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


def jsonld_summary(node: dict) -> str | None:
    """One prompt line stating a JSON-LD node's facts ("JSON-LD SingleFamilyResidence: price ...")."""
    facts = schema_facts([node])
    if not facts:
        return None
    kind = node.get("@type")
    head = f"JSON-LD {kind if isinstance(kind, str) else ''}".strip()
    return head + ": " + "; ".join(f"{k} {v}" for k, v in facts.items())


# schema.org types that describe a site, a page or a person, never the listed home.
_NOT_THE_HOME = frozenset(
    "BreadcrumbList Organization WebSite WebPage RealEstateAgent Person ImageObject SiteNavigationElement".split()
)
# Types that carry the home's facts without saying what kind of home it is.
_NOT_A_HOME_TYPE = frozenset(
    "Offer PostalAddress GeoCoordinates QuantitativeValue PropertyValue Place Product RealEstateListing "
    "Residence Accommodation".split()
)
_PLAIN_KEYS = ("numberOfBedrooms", "numberOfRooms", "numberOfBathroomsTotal", "numberOfFullBathrooms",
               "numberOfPartialBathrooms", "yearBuilt", "floorSize", "lotSize", "accommodationCategory", "description")
_NESTED_KEYS = ("mainEntity", "itemOffered", "about", "containsPlace", "mainEntityOfPage")


def _schema_types(node: dict) -> list[str]:
    kind = node.get("@type")
    if isinstance(kind, str):
        return [kind]
    return [k for k in kind if isinstance(k, str)] if isinstance(kind, list) else []


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


# UN/CEFACT unit codes and the unit texts schema.org QuantitativeValues use for areas, as
# (factor to square feet, factor to acres): a lot in acres stays in acres.
_SQM, _HA = SQFT_PER_SQUARE_METRE, SQFT_PER_HECTARE / SQFT_PER_ACRE
_AREA_UNITS = {
    "ftk": (1.0, None), "sqft": (1.0, None), "sq ft": (1.0, None), "sf": (1.0, None), "ft2": (1.0, None),
    "ft²": (1.0, None), "square feet": (1.0, None), "square foot": (1.0, None),
    "mtk": (_SQM, None), "m2": (_SQM, None), "m²": (_SQM, None), "sqm": (_SQM, None), "sq m": (_SQM, None),
    "square meters": (_SQM, None), "square metres": (_SQM, None),
    "acr": (None, 1.0), "acre": (None, 1.0), "acres": (None, 1.0), "ac": (None, 1.0),
    "har": (None, _HA), "ha": (None, _HA), "hectares": (None, _HA), "hectare": (None, _HA),
}


def _area_text(quantity: dict) -> str | None:
    """A QuantitativeValue area as a text the area readers take: square metres converted to square
    feet ("132 m²" -> "1421 sq ft"), hectares to acres; a unit it does not know leaves it unread."""
    value = parse_number(quantity.get("value", quantity.get("@value")))
    if value is None or value <= 0:
        return None
    unit = str(quantity.get("unitCode") or quantity.get("unitText") or "").strip().lower().rstrip(".")
    if not unit:
        return f"{value:g}"
    to_sqft, to_acres = _AREA_UNITS.get(unit, (None, None))
    if to_sqft:
        return f"{round(value * to_sqft):d} sq ft"
    if to_acres:
        return f"{round(value * to_acres, 4):g} acres"
    return None


class _Facts(dict):
    """Flat facts, the first value of each key kept; quantitative values unwrapped (areas with their
    unit); `pairs` holds the (name, value) facts schema.org has no property for (see `schema_pairs`)."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []

    def put(self, key: str, value: Any) -> None:
        if isinstance(value, dict) and key in ("floorSize", "lotSize"):
            value = _area_text(value)
        elif isinstance(value, dict):
            value = value.get("value") if "value" in value else value.get("@value")
        if isinstance(value, list) and value:
            value = value[0]
        if value not in (None, "", []) and not isinstance(value, (dict, list)):
            self.setdefault(key, value)

    def read_node(self, node: dict, kinds: list[str]) -> None:
        for kind in kinds:
            if kind not in _NOT_A_HOME_TYPE:
                self.setdefault("type", kind)
        self._place(node)
        for offer in _as_list(node.get("offers")):
            if isinstance(offer, dict):
                self.put("price", offer.get("price"))
                spec = offer.get("priceSpecification")
                if isinstance(spec, dict):
                    self.put("price", spec.get("price"))
                availability = offer.get("availability")
                if isinstance(availability, str):
                    self.put("availability", availability.rsplit("/", 1)[-1])
        if "Offer" in kinds:
            self.put("price", node.get("price"))
        for key in _PLAIN_KEYS:
            self.put(key, node.get(key))
        self._identifiers(node.get("identifier"))
        self._named_values(node)

    def _identifiers(self, identifier: Any) -> None:
        """`identifier` as a number, a string ("MLS# 7551227"), a PropertyValue or a list of them: one
        without a `propertyID` (or named MLS / listing) is the listing number; each named one is also a pair."""
        for item in _as_list(identifier)[:10]:
            if isinstance(item, (str, int)) and not isinstance(item, bool):
                named = _NAMED_IDENTIFIER.match(str(item).strip())
                if named:
                    self.pairs.append((named["name"], named["value"]))
                    if _LISTING_ID_NAME.search(named["name"]):
                        self.put("identifier", named["value"])
                else:
                    self.put("identifier", item)
            elif isinstance(item, dict):
                name, value = item.get("propertyID") or item.get("name"), item.get("value")
                if isinstance(value, (str, int)) and not isinstance(value, bool):
                    if not isinstance(name, str) or _LISTING_ID_NAME.search(name):
                        self.put("identifier", value)
                    if isinstance(name, str):
                        self.pairs.append((name, str(value)))

    def _named_values(self, node: dict) -> None:
        """`additionalProperty` / `amenityFeature` entries ({"name": "Garage spaces", "value": 3}) as
        label/value pairs, a unit written beside the value kept; booleans as Yes / No."""
        for key in ("additionalProperty", "amenityFeature"):
            for item in _as_list(node.get(key))[:60]:
                if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                    continue
                value = item.get("value")
                if isinstance(value, bool):
                    text = "Yes" if value else "No"
                elif isinstance(value, (str, int, float)):
                    text = " ".join(str(x) for x in (value, item.get("unitText")) if x not in (None, ""))
                else:  # a feature named without a value ("Pool") may be the community's: not read
                    continue
                self.pairs.append((collapse(item["name"])[:80], collapse(text)[:200]))

    def _place(self, node: dict) -> None:
        address = node.get("address")
        if isinstance(address, dict):
            for key in ("streetAddress", "addressLocality", "addressRegion", "postalCode"):
                self.put(key, address.get(key))
        elif isinstance(address, str):
            self.put("address", address)
        geo = node.get("geo")
        if isinstance(geo, dict):
            self.put("latitude", geo.get("latitude"))
            self.put("longitude", geo.get("longitude"))
        self.put("latitude", node.get("latitude"))
        self.put("longitude", node.get("longitude"))


# "MLS# 7551227", "APN: 162-44-087", "Parcel 16244087": an identifier string that names itself.
_NAMED_IDENTIFIER = re.compile(r"^(?P<name>[A-Za-z][A-Za-z .]{0,30}?)\s*(?:#|no\.?|number)?\s*[:#]?\s*(?P<value>\d[\w.\- ]{2,20})$", re.I)
_LISTING_ID_NAME = re.compile(r"\b(?:mls|listing|list)\b", re.I)


def schema_pairs(nodes: Iterable[dict]) -> list[tuple[str, str]]:
    """The (name, value) facts of the home's schema.org nodes that have no schema.org property:
    `additionalProperty` and `amenityFeature` entries, named identifiers ("APN" -> "304-12-118").
    A source reads them through its label table, by the meaning of the name."""
    return _walk(nodes).pairs


def schema_facts(nodes: Iterable[dict]) -> dict[str, Any]:
    """Flat facts from schema.org nodes (residence, offer, listing, product), breadth first through
    `mainEntity` / `itemOffered` / `about` / `containsPlace`, the first value of each key winning."""
    return dict(_walk(nodes))


def _walk(nodes: Iterable[dict]) -> _Facts:
    facts = _Facts()
    queue = [n for n in nodes if isinstance(n, dict)]
    seen = 0
    while queue and seen < 100:
        node = queue.pop(0)
        seen += 1
        kinds = _schema_types(node)
        if any(k in _NOT_THE_HOME for k in kinds):
            continue
        facts.read_node(node, kinds)
        for key in _NESTED_KEYS:
            queue.extend(item for item in _as_list(node.get(key)) if isinstance(item, dict))
    return facts
