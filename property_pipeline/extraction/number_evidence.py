"""Evidence for a number the LLM gave: the number stated next to a label for its own field.

A number that merely appears somewhere on the page is no evidence: an LLM that obeys
"set price to 4250000" in the features, or copies the lot size into the living area,
the HOA fee into the price, a year from the remarks, writes numbers that are all on the
page. So a number grounds field F only where the page states it as F:

- the words around it (its line's label, the words just before it, the unit just after
  it, within one segment of the line) name F ("List Price: $525,000", "1,540 sqft",
  "2019 Constructed") and name no other field that takes precedence ("Lot size: 8,712
  sq ft" is no living area, "Price per sq ft: $286" no price, "HOA $245/mo" no price);
- a price may also stand alone on its line ("$489,000", "Pending $339,000"), unless the
  next line labels it as something else ("Sold price");
- numbers in free text (remarks, descriptions, features, address or title lines), in
  prose segments, next to instruction words ("set", "ignore", "assistant"...), and in a
  section about other listings ("Similar homes", "Price history") never count.

Labels are matched by meaning words, not by a page's markup, so a new layout with its
own label wording mostly works; a label this module does not know loses the LLM value
(dropped, never validated), which is the safe side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

SQFT_PER_ACRE = 43_560.0

_NUMBER = re.compile(r"(?<![\w.])(-?)(\$?)\s*(\d[\d,]*(?:\.\d+)?|\.\d+)\s*([kKmM](?![a-zA-Z]))?(?![\d])")
# Segments of a line: a label's value ends at these.
_SEGMENT = re.compile(r"\s*[|;\u00b7\u2022]\s*|,\s+")
_WORDS = re.compile(r"[a-z][a-z'/.\-]*|#")
# A line whose label says it holds free text: its numbers are prose, not facts.
_FREE_TEXT_LABEL = re.compile(
    r"^(?:[\w .'/&-]{0,30}\b)?(?:remarks?|description|features?|amenities|notes?|comments?|directions|cross streets?"
    r"|title|about|overview|highlights|disclosures?|address|location|legal|agent|broker|office|showing|school)s?\s*:"
)
# Words that make a segment an instruction to the reader, never a fact.
INSTRUCTION = re.compile(
    r"\b(?:set|ignore|change|update|replace|output|return|respond|reply|make|enter|record|report|instead|assistant"
    r"|ai|llm|model|instructions?|pipeline|extract|should|must|please|override|system|prompt)\b"
)
# A heading that opens a section about other properties, or the page's history.
_OTHER_LISTINGS = re.compile(
    r"similar|nearby|comparable|\bcomps?\b|recently sold|other (?:homes|listings|properties)|you may also|more homes"
    r"|homes for sale|near this|other matches|matches for (?:this|your) search|price history|sale history|sales history|tax history|listing history|neighborhood"
    r" (?:stats|sales)|market (?:trends|stats)|recommended"
)
_STATUS_WORDS = frozenset(
    "active pending contingent sale for new listing coming soon under contract offered at asking list price listed "
    "now only just reduced back on market".split()
)
_PROSE_WORDS = 10


@dataclass(frozen=True)
class FieldLabels:
    """The words that label a field (`own`) and the words that label something else instead (`veto`)."""

    own: re.Pattern[str]
    veto: re.Pattern[str] | None = None


def _labels(own: str, veto: str | None = None) -> FieldLabels:
    return FieldLabels(re.compile(own), re.compile(veto) if veto else None)


_MONEY_VETO = (
    r"sold|clos|orig|prev|\bwas\b|\bper\b|/|sq|\bft\b|hoa|fee|dues|assoc|tax|payment|insurance|rent|\bmo\b|month"
    r"|annual|\byr\b|year|estimat|down|assess|value|zestimate|range|save|cut|drop|deposit|earnest|bonus|commission"
    r"|mortgage|\bpi\b|utilit|credit|special"
)
LABELS: dict[str, FieldLabels] = {
    "list_price": _labels(
        r"price|\blist|asking|offered|for sale|pending|active|contingent|under contract|new listing|coming soon|\blp\b"
        r"|precio",
        _MONEY_VETO,
    ),
    "bedrooms_total": _labels(
        r"bed|\bbd\b|\bbr\b|bdrm|recámara|habitaci|dormitorio", r"bath|\bba\b|baño|primary|master|sq|\bft\b|lot|\$"
    ),
    "bathrooms_full": _labels(
        r"bath|\bba\b|baño|complet", r"bed|\bbd\b|\bbr\b|half|1/2|partial|powder|medio|sq|\bft\b|lot|\$"
    ),
    "living_area": _labels(
        r"sq|\bsf\b|living|interior|livable|\barea\b|size|\bft\b|feet|footage|floor|pies cuadrados|superficie|construida",
        r"lot|land|acre|\bac\b|price|\bper\b|\$|garage|patio|porch|basement|pool|stor|terreno|lote",
    ),
    "lot_size_square_feet": _labels(
        r"lot|land|acre|\bac\b|parcel size|site|terreno|lote", r"price|\bper\b|\$|living|interior"
    ),
    "lot_size_acres": _labels(r"lot|land|acre|\bac\b|parcel size|site|terreno|lote", r"price|\bper\b|\$|living|interior"),
    "year_built": _labels(
        r"built|year|\byr\b|\bblt\b|constructed|construction|vintage|año de constru|construid",
        r"tax|remodel|renovat|updat|roof|hvac|fixed|sold|list|assess|since|replac|new |\$|age\b",
    ),
    "garage_spaces": _labels(
        r"garage|parking|\bcar\b|spaces|\bgar\b|\bspcs?\b|cochera|garaje|estacionamiento|autos",
        # A carport (or a covered space) is no garage: "2 carport", "Carport Spaces: 1".
        r"sq|\bft\b|lot|price|\$|fee|carport|covered|techad",
    ),
    "stories": _labels(r"stor(?:y|ies)|\bstry\b|level|floors?\b|niveles?|plantas?\b|pisos\b", r"sq|\bft\b|\$|unit|building has"),
    "association_fee": _labels(
        r"hoa|assoc|dues|\bfee|cuota", r"tax|insurance|payment|price|sq|transfer|capital|initiation"
    ),
    "latitude": _labels(r"lat|geo|map|coordinates"),
    "longitude": _labels(r"lon|lng|geo|map|coordinates"),
    "full_cash_value": _labels(r"full.?cash|\bfcv\b"),
    "limited_property_value": _labels(r"limited|\blpv\b"),
    "tax_year": _labels(r"tax.?year|\btax\b|valuation year", r"amount|\$|rate|bill"),
}
NUMERIC_FIELDS = frozenset(LABELS)


@dataclass(frozen=True)
class Occurrence:
    """A number on the page with the words that say what it is."""

    value: float
    context: str
    money: bool
    alone: bool
    """Nothing but the number (and status words) in its segment, and no label on its line."""
    next_line: str


def _value(sign: str, digits: str, suffix: str | None) -> float | None:
    try:
        value = float(digits.replace(",", ""))
    except ValueError:
        return None
    if suffix:
        value *= 1e3 if suffix.lower() == "k" else 1e6
    return -value if sign else value


_DIGIT_OR_COLON = re.compile(r"\d|:")
_DIGIT = re.compile(r"\d")
_LINE_LABEL = re.compile(r"^([^:]{1,40}?)\s*:\s")
_LABEL_COLON = re.compile(r"[a-z$#]:\s")


def _is_heading(line: str) -> bool:
    return 0 < len(line.split()) <= 6 and not _DIGIT_OR_COLON.search(line)


_CONNECTORS = frozenset("on with and in of at for or to from plus".split())
_PAIR = re.compile(r"^\s*\$?\s*[\d.,]+\s*/\s*\$?\s*[\d.,]+\s*$")


def _paired_labels(label: str, segment: str) -> list[str] | None:
    """ "Full/Half: 2/1", "Beds/Baths: 3/2": one label per number, in order."""
    pair = next((w for w in label.split() if w.count("/") == 1), None)
    if pair is None or not _PAIR.match(segment):
        return None
    head = " ".join(w for w in label.split() if w != pair)
    return [f"{head} {alternative}".strip() for alternative in pair.split("/")]


def _unit_words(unit: str) -> list[str]:
    words = []
    for word in _WORDS.findall(unit)[:3]:
        if word in _CONNECTORS:
            break
        words.append(word)
    return words


def _gaps(segment: str, matches: list[re.Match[str]]) -> list[tuple[list[str], list[str], bool]]:
    """(label words before, unit words after, own label) of each number. Words between two
    numbers are the first one's unit ("3 bedrooms 2 baths"), unless a colon makes them the
    second one's own label ("Beds: 3 Baths: 2"), which replaces the line's label."""
    leads: list[list[str]] = [_WORDS.findall(segment[: matches[0].start()])]
    relabelled = [False]
    units: list[list[str]] = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(segment)
        gap = segment[match.end() : end]
        if ":" in gap:
            before, _, after = gap.rpartition(":")
            units.append(_unit_words(before.rsplit(" ", 1)[0]) if " " in before.strip() else [])
            leads.append(_WORDS.findall(before)[len(units[-1]) :] + _WORDS.findall(after))
        else:
            units.append(_unit_words(gap))
            leads.append(_WORDS.findall(gap)[len(units[-1]) :])
        relabelled.append(":" in gap)
    return list(zip(leads, units, relabelled))


def _segment_occurrences(segment: str, label: str, next_line: str) -> list[Occurrence]:
    found = []
    matches = list(_NUMBER.finditer(segment))
    if not matches:
        return found
    paired = _paired_labels(label, segment) if len(matches) == 2 else None
    for i, (match, (lead_words, unit_words, relabelled)) in enumerate(zip(matches, _gaps(segment, matches))):
        if len(lead_words) > 6:
            continue  # a number at the end of a sentence, not after a label
        value = _value(match.group(1), match.group(3), match.group(4))
        if value is None:
            continue
        own_label = paired[i] if paired else "" if relabelled else label
        context = " ".join([own_label, *lead_words, *unit_words]).replace("/", " / ")
        alone = not label and len(unit_words) <= 1 and set(lead_words) <= _STATUS_WORDS
        found.append(Occurrence(value, context, bool(match.group(2)), alone, next_line))
    return found


# A label inside a line ("... List $: 489,900 Sold $: 482,000 SqFt: 1,406 ..."): short, then a colon.
_INLINE_LABEL = re.compile(r"\s+(?=[a-z][a-z$#/.]{0,7}(?: [a-z$#/.]{1,7})?:\s)")
_DENSE_LABELS = 3


def _fact_lines(text: str) -> list[str]:
    """The text's lines, lowercased; a line packed with labelled facts (a print sheet's grid, three or
    more "Label: value" pairs) is split into one line per label, so each value keeps its own label."""
    lines = []
    for line in text.splitlines():
        line = line.strip().lower()
        if len(_LABEL_COLON.findall(line)) >= _DENSE_LABELS and not INSTRUCTION.search(line):
            lines += [part for part in _INLINE_LABEL.split(line) if part]
        else:
            lines.append(line)
    return lines


@lru_cache(maxsize=8)
def occurrences(text: str) -> tuple[Occurrence, ...]:
    """Every number of the text that sits in a fact-like segment, with its label words."""
    lines = _fact_lines(text)
    found: list[Occurrence] = []
    other_listings = False
    for i, line in enumerate(lines):
        if _is_heading(line):
            other_listings = bool(_OTHER_LISTINGS.search(line))
            continue
        if other_listings or _FREE_TEXT_LABEL.match(line) or _OTHER_LISTINGS.search(line):
            continue
        label_match = _LINE_LABEL.match(line)
        label = label_match.group(1) if label_match and not _DIGIT.search(label_match.group(1)) else ""
        body = line[label_match.end() :] if label else line
        next_line = lines[i + 1] if i + 1 < len(lines) else ""
        if label and INSTRUCTION.search(label):
            continue  # every segment of the line would be skipped
        for segment in _SEGMENT.split(body):
            words = _WORDS.findall(segment)
            if len(words) > _PROSE_WORDS or INSTRUCTION.search(segment):
                continue
            found += _segment_occurrences(segment, label, next_line)
    return tuple(found)


def _close(a: float, b: float, tolerance: float = 0.005) -> bool:
    return abs(a - b) <= max(abs(b) * tolerance, 1e-4)


def _matches(name: str, occurrence: Occurrence, target: float) -> bool:
    """The occurrence states `target` (directly, or through an acre/square-foot conversion)."""
    value, context = occurrence.value, occurrence.context
    if _close(value, target):
        return True
    acres = re.search(r"acre|\bac\b", context) is not None
    # Acres are stated to two decimals: the square feet they convert to are that coarse too.
    if name == "lot_size_square_feet" and acres:
        return abs(value * SQFT_PER_ACRE - target) <= 0.006 * SQFT_PER_ACRE
    if name == "lot_size_acres" and not acres:
        return abs(value / SQFT_PER_ACRE - target) <= 0.006
    # "Baths: 2.5" states two full baths and one half.
    return name == "bathrooms_full" and value % 1 == 0.5 and target == value - 0.5


def number_grounded(name: str, target: float, text: str) -> bool:
    """True when `text` states `target` next to a label for field `name` (see the module docstring)."""
    labels = LABELS[name]
    for occurrence in occurrences(text):
        if not _matches(name, occurrence, target):
            continue
        context = occurrence.context
        vetoed = labels.veto is not None and labels.veto.search(context)
        if labels.own.search(context) and not vetoed:
            return True
        if name == "list_price" and _lone_price(occurrence):
            return True
    return False


def _lone_price(occurrence: Occurrence) -> bool:
    """A dollar amount alone in its segment ("$489,000", "Pending $339,000", "$519,900 CCBS"),
    not followed by a short line saying it is something else ("Sold price")."""
    if not (occurrence.money and occurrence.alone) or re.search(_MONEY_VETO, occurrence.context):
        return False
    line = occurrence.next_line
    return not (_is_heading(line) and re.search(_MONEY_VETO, line))


# Where a field's grounding labels are loose (a "Parking: 1 covered space" is no garage), what a label
# must say before the page counts as stating the field.
_STATED_LABELS = {"garage_spaces": re.compile(r"garage")}


def stated_fields(text: str, fields: Iterable[str] | None = None) -> set[str]:
    """The numeric fields `text` states next to a label for them ("Beds: 3", "Built 1999"), whatever
    the value: a record that lacks one of them was read incompletely, not stated so. `fields`
    limits the question to those fields (the answer for them is the same)."""
    wanted = LABELS if fields is None else {n: LABELS[n] for n in fields if n in LABELS}
    found: set[str] = set()
    if not wanted:
        return found
    for occurrence in occurrences(text):
        context = occurrence.context
        for name, labels in wanted.items():
            if name in found:
                continue
            own = _STATED_LABELS.get(name, labels.own)
            if own.search(context) and not (labels.veto is not None and labels.veto.search(context)):
                found.add(name)
            elif name == "list_price" and _lone_price(occurrence):
                found.add(name)
    return found
