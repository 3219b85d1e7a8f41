"""Grounding: is there evidence in the source text for a value only the LLM found?

A value the LLM wrote that the text does not support is the signature of a
hallucination (or of an injected instruction). Evidence depends on the field:
- copied numbers (price, beds, square feet, lot in acres...) must be stated next to a
  label for their own field, outside free text and other listings (`number_evidence`);
- copied identifiers and codes (MLS number, APN, ZIP) must appear verbatim;
- derived values (a boolean, a frequency) need the field's words in the text
  ("pool", "HOA", "monthly");
- a subdivision must follow a subdivision/community label; remarks must appear word
  for word.
Fields without a rule here (status, property type) are not judged.

The identity (MLS number, APN, address parts) is judged strictly, because a wrong one files
the facts under another property: every address token must be on the page (USPS
abbreviations aside), the house number on the same line as the street, the APN as one
APN-shaped number right after a parcel label, a unit right after a unit mark.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..sources.normalize import STATUS_CODES
from .number_evidence import INSTRUCTION, NUMERIC_FIELDS, number_grounded

# The words that name a field on a page or in a record (lowercased text).
FIELD_WORDS = {
    "list_price": r"price|list|asking|offered|\$",
    "bedrooms_total": r"bed|\bbr\b|\bbd\b|bdrm|recámara",
    "bathrooms_full": r"bath|\bba\b",
    "bathrooms_half": r"bath|\bba\b|half|1/2|baño|medio",
    "bathrooms_total_integer": r"bath|\bba\b|baño",
    "living_area": r"sq|living|interior|area|livable|ft",
    "lot_size_square_feet": r"lot|land|acre",
    "lot_size_acres": r"lot|land|acre",
    "year_built": r"built|year|\byr|constructed|construction",
    "garage_spaces": r"garage|carport|parking|\bcar\b|gar\b",
    "stories": r"stor(y|ies)|level|floor",
    "association_fee": r"hoa|assoc|dues|fee",
    "association_yn": r"hoa|assoc|dues|cuota",
    "association_fee_frequency": r"month|quarter|annual|year|semi|/mo\b|/yr\b|/qtr\b|mensual|trimestral|anual|semestral",
    "pool_private_yn": r"pool|piscina|alberca",
    "unit_number": r"unit|apt|suite|\bste\b|#|bldg|residence|space|\bspc\b|unidad|depto",
    "latitude": r"lat|geo|map",
    "longitude": r"lon|lng|geo|map",
    "full_cash_value": r"full.?cash|fcv",
    "limited_property_value": r"limited|lpv",
    "tax_year": r"tax|year",
}
COPIED_NUMBERS = frozenset(
    (
        "list_price", "bedrooms_total", "bathrooms_full", "living_area", "lot_size_square_feet", "year_built",
        "garage_spaces", "stories", "association_fee", "latitude", "longitude", "full_cash_value",
        "limited_property_value", "tax_year",
    )
)
COPIED_CODES = frozenset(
    ("listing_id", "parcel_number", "postal_code", "street_number", "unit_number", "state_or_province")
)
FREE_TEXT = frozenset(("street_name", "city", "subdivision_name", "public_remarks"))
DERIVED = frozenset(
    ("bathrooms_half", "bathrooms_total_integer", "association_yn", "association_fee_frequency", "pool_private_yn")
)
# How pages write each dwelling kind ("SF-Det", "Townhome", "Apartment Style/Flat", "Casa adosada").
DWELLING_WORDS = {
    "Single Family Residence": r"single[\s\-]?family|\bsfr\b|\bsf[\s\-]?det|\bsfd\b|detached|unifamiliar",
    "Condominium": r"condo|apartment style|\bflat\b|departamento",
    "Townhouse": r"town ?house|townhome|adosada",
    "Patio Home": r"patio home",
    "Manufactured Home": r"manufactured|mobile home|\bmfg\b|\bmh\b",
    "Duplex": r"duplex", "Triplex": r"triplex", "Quadruplex": r"four ?plex|quadruplex",
    "Stock Cooperative": r"co-?op|cooperative",
}
# How pages state each property type: a residential type by its word or by a dwelling kind's.
TYPE_WORDS = {
    "Residential": r"residential|" + "|".join(DWELLING_WORDS[k] for k in (
        "Single Family Residence", "Condominium", "Townhouse", "Patio Home", "Manufactured Home", "Stock Cooperative")),
    "Residential Income": r"duplex|triplex|four ?plex|quadruplex|multi[\s\-]?family|\bincome\b|\d+\s*units\b",
    "Residential Lease": r"\bfor rent\b|\blease\b|\brental\b",
    "Manufactured In Park": r"(?:manufactured|mobile)[^.\n]{0,80}\bpark\b|space rent|\bmh park",
    "Land": r"\bland\b|vacant|acreage|terreno|buildable|build-ready|\blots? for sale",
    "Commercial Sale": r"commercial", "Commercial Lease": r"commercial", "Farm": r"\bfarm", "Business Opportunity": r"business",
}
# How pages state each status (words, ARMLS codes, a print sheet's one-letter code after its label).
STATUS_WORDS = {
    "Active": r"\bactive\b(?!\s+under)|for sale|new listing|just listed|new to market|price (?:reduced|improved|cut|drop)"
              r"|back on (?:the )?market|\bactiv[oa]\b|en venta|\bstat\w*\W+a\b",
    "Active Under Contract": r"under contract|\bucb\b|\bccbs\b|\bawc\b|contingent|bajo contrato|contingente",
    "Pending": r"\bpending\b|pendiente|\bstat\w*\W+p\b",
    "Closed": r"\bsold\b|\bclosed\b|vendid[oa]|cerrad[oa]|\bstat\w*\W+c\b",
    "Coming Soon": r"coming soon", "Canceled": r"cancell?ed", "Expired": r"expired", "Withdrawn": r"withdrawn",
    "Hold": r"\bhold\b|temp(?:orarily)? off market",
}
# Print sheets' codes for them, where the source adapters read them: the value of a status label
# ("Status: PND") or a badge alone on its line ("CLSD"); never a word in a sentence ("Exp. date").
for _code, _status in STATUS_CODES.items():
    STATUS_WORDS[_status] += rf"|\bstat\w*\W+{_code}\b|(?m:^[^\w\n]*{_code}[^\w\n]*$)"
GROUNDABLE = (COPIED_NUMBERS | {"lot_size_acres", "property_type", "property_sub_type", "standard_status"} | COPIED_CODES
              | FREE_TEXT | DERIVED)

_WORDS = {name: re.compile(pattern) for name, pattern in FIELD_WORDS.items()}
# Derived values whose words must share a line with the thing they qualify: "Year Built" on
# one line and "HOA: yes" on another are no evidence of an annual HOA fee.
LINE_CONTEXT = {"association_fee_frequency": re.compile(r"hoa|assoc|dues|fee|cuota")}
IDENTITY_FIELDS = (
    "listing_id", "parcel_number", "street_number", "street_name", "unit_number", "city", "state_or_province",
    "postal_code",
)
# Address words as pages and models spell them, reduced to one USPS form for comparison.
_ADDRESS_ABBREVIATIONS = {
    "north": "n", "south": "s", "east": "e", "west": "w", "northeast": "ne", "northwest": "nw",
    "southeast": "se", "southwest": "sw", "avenue": "ave", "av": "ave", "street": "st", "road": "rd",
    "drive": "dr", "lane": "ln", "boulevard": "blvd", "place": "pl", "court": "ct", "parkway": "pkwy",
    "circle": "cir", "trail": "trl", "terrace": "ter", "highway": "hwy", "square": "sq", "loop": "lp",
    "apartment": "apt", "suite": "ste", "building": "bldg", "arizona": "az", "unidad": "unit",
}
# What is dropped when ungrounded; other free text is kept at low confidence (it may be
# reworded), but a street or city without evidence would file the record under a wrong address.
# A subdivision is where a model puts a name copied from elsewhere on the page (an agent, an owner).
MUST_BE_GROUNDED = (GROUNDABLE - FREE_TEXT) | frozenset(IDENTITY_FIELDS) | {"subdivision_name"}
_SUBDIVISION_LABEL = re.compile(
    r"subdiv|community|neighbou?rhood|development|complex|tract|\bplat\b|master.?plan|legal|\bhoa name|project"
    r"|building|condo"
)
_APN_SHAPE = re.compile(r"(?<![\d])(\d{3})[\s.\-]?(\d{2})[\s.\-]?(\d{3})\s?([A-Za-z])?(?![A-Za-z\d])")
_NUMBER = re.compile(r"(?<![\w.])-?(\d[\d,]*(?:\.\d+)?|\.\d+)\s*([kKmM])?(?![a-zA-Z\d])")
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8)
def _index(text: str) -> tuple[tuple[tuple[frozenset[float], str], ...], str, str, str]:
    """Per line: its numbers and its lowercased text; plus the whole text's words, digits, lowercase."""
    lines = []
    for line in text.splitlines():
        numbers = set()
        for match in _NUMBER.finditer(line):
            digits, suffix = match.groups()
            try:
                value = float(digits.replace(",", ""))
            except ValueError:
                continue
            if match.group(0).startswith("-"):
                value = -value
            numbers.add(value)
            if suffix:
                numbers.add(value * (1e3 if suffix.lower() == "k" else 1e6))
        lines.append((frozenset(numbers), line.lower()))
    lower = text.lower()
    return tuple(lines), " ".join(_WORD.findall(lower)), re.sub(r"\D", "", text), lower


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(abs(b) * 0.005, 1e-4)


def is_grounded(name: str, value: Any, text: str, values: dict[str, Any] | None = None) -> bool | None:
    """True/False when the field can be judged, None when it cannot. `values` are the record's
    other values (the street for its house number, and the other way round)."""
    if value is None or name not in GROUNDABLE:
        return None
    if name in IDENTITY_FIELDS:
        return identity_grounded(name, value, text, values or {})
    lines, words, digits, lower = _index(text)
    field_words = _WORDS.get(name)
    if name in NUMERIC_FIELDS:
        try:
            target = float(value)
        except (TypeError, ValueError):
            return False
        return number_grounded(name, target, text)
    if name == "subdivision_name":
        return _labelled_run(_SUBDIVISION_LABEL, str(value), _fact_lines(text))
    if name in _STATED:
        return _STATED[name](value, lines, lower)
    if name in DERIVED:
        context = LINE_CONTEXT.get(name)
        if context is None:
            return bool(field_words.search(lower))
        return any(field_words.search(line) and context.search(line) for _, line in lines)
    if name == "parcel_number":
        core = re.sub(r"\D", "", str(value))
        return bool(core) and core in digits
    wanted = " ".join(_WORD.findall(str(value).lower()))
    if not wanted:
        return None
    if name == "public_remarks":
        wanted = " ".join(wanted.split()[:12])
    if f" {wanted} " not in f" {words} ":
        return False
    return field_words is None or bool(field_words.search(lower))


def _words_for(table: dict[str, str]):
    def stated(value: Any, _lines: Any, lower: str) -> bool | None:
        pattern = table.get(str(value))
        return None if pattern is None else re.search(pattern, lower) is not None
    return stated


# Fields whose value has its own evidence: a yes/no stated with its polarity, a count of half baths,
# a dwelling kind or a status in the words pages use for it.
_STATED = {
    "pool_private_yn": lambda value, lines, _lower: _pool_stated(bool(value), lines),
    "association_yn": lambda value, lines, _lower: _association_stated(bool(value), lines),
    "bathrooms_half": lambda value, lines, _lower: _half_baths_stated(value, lines),
    "bathrooms_total_integer": lambda value, lines, _lower: _bath_total_stated(value, lines),
    "property_type": _words_for(TYPE_WORDS),
    "property_sub_type": _words_for(DWELLING_WORDS),
    "standard_status": _words_for(STATUS_WORDS),
}


_POOL = re.compile(r"pool|piscina|alberca")
# A community's pool: its word next to the pool's ("Community pool", "Pool: Community", "Piscina: Comunitaria").
_COMMUNITY_POOL = re.compile(
    r"(?:communit\w*|comunitari\w*|shared|association|clubhouse|resort|neighborhood)\W+(?:\w+\W+)?(?:pool|piscina|alberca)"
    r"|(?:pool|piscina|alberca)\W+(?:\w+\W+)?(?:communit|comunitari|shared|association)"
)
_PRIVATE = re.compile(r"private|privad|\bpvt\b|\bown\b")
_DENIED = re.compile(r"\bno\b|\bnone\b|:\s*n\b|\bn/a\b|\bfalse\b|\bsin\b|ningun|without|\bnot\b")


def _pool_stated(private: bool, lines: tuple[tuple[frozenset[float], str], ...]) -> bool:
    """A private pool (or its absence) stated on a line about a pool that is not only the community's:
    "Community pool" is no evidence either way; "Pool: Private", "Private pool" ground True; "Pool: None",
    "Pvt Pool: N", "No private pool" ground False. A line of items ("Private pool · No HOA") is judged
    item by item."""
    for _, line in lines:
        for part in _ITEM_BREAK.split(line) if _ITEM_BREAK.search(line) else (line,):
            if not _POOL.search(part) or (_COMMUNITY_POOL.search(part) and not _PRIVATE.search(part)):
                continue
            if bool(_DENIED.search(part)) != private:
                return True
    return False


_ITEM_BREAK = re.compile(r"\s+[\u00b7|\u2022]\s+")


_HOA = re.compile(r"\bhoa\b|assoc|\bdues\b|cuota")
_HOA_DENIED = re.compile(r"\bno\s+(?:hoa|(?:homeowners'?\s+)?association)\b|(?:hoa|assoc\w*|dues|fees?)\W*(?:y/n\W*|yn\W*|\?\W*)?"
                         r"[:=]\s*(?:no|n|none|\$?0(?:\.00)?)\b|\bsin\s+(?:hoa|cuota)")
_HOA_STATED = re.compile(r"\$\s?\d|(?:hoa|assoc\w*)\W*(?:y/n\W*|yn\W*|\?\W*)?[:=]?\s*(?:yes|y|required|mandatory|s[ií])\b")


def _association_stated(exists: bool, lines: tuple[tuple[frozenset[float], str], ...]) -> bool:
    """An association stated, or denied, on a line about it: "HOA dues: $120 per month", "HOA: Y"
    ground True; "No HOA", "HOA: N", "HOA fees: None" ground False. A page naming only an HOA
    word grounds neither."""
    for _, line in lines:
        if not _HOA.search(line) and "association" not in line:
            continue
        if _HOA_DENIED.search(line):
            if not exists:
                return True
        elif exists and _HOA_STATED.search(line):
            return True
    return False


_BATH = re.compile(r"bath|\bba\b|baño|bano")
_HALF_STATED = re.compile(r"half|1/2|\d\.5\b|partial|powder|medio|\d\s*/\s*[1-9]\b")


def _half_baths_stated(value: Any, lines: tuple[tuple[frozenset[float], str], ...]) -> bool:
    """Half baths stated on a bath line ("2.5 baths", "Half baths: 1", "3/1"), or none stated (0)."""
    stated = any(_BATH.search(line) and _HALF_STATED.search(line) for _, line in lines)
    try:
        return stated if float(value) > 0 else not any(
            _BATH.search(line) and re.search(r"half|1/2|\d\.5\b|medio", line) and not re.search(r"half\s*(?:baths?|bathrooms?)?\s*[:=]?\s*0\b|\b0\s*half", line)
            for _, line in lines)
    except (TypeError, ValueError):
        return False


def _bath_total_stated(value: Any, lines: tuple[tuple[frozenset[float], str], ...]) -> bool | None:
    """A bath total stated on a bath line, as a count or as the decimal it rounds ("2.5 baths" -> 3).
    None when no bath line states it (a total a page leaves to full + half)."""
    try:
        total = float(value)
    except (TypeError, ValueError):
        return False
    for _, line in lines:
        for match in _BATH_COUNT.finditer(line):
            n = float(match.group(1) or match.group(2))
            if n == total or (n % 1 and -(-n // 1) == total):
                return True
    return None


# A count next to its bath word: "3 baths", "2.5 ba", "Baths: 4", "Baños: 2" (not the "4 beds" beside it).
_BATH_COUNT = re.compile(r"(?<![\d.,])(\d{1,2}(?:\.\d{1,2})?)\s*(?:total\s+)?(?:ba|baths?|bathrooms?|baños?|banos?)\b"
                         r"|\b(?:baths?|bathrooms?|baños?|banos?)(?:\s+total)?\s*[:=]?\s*(\d{1,2}(?:\.\d{1,2})?)(?![\d,])")


def _address_words(text: str) -> list[str]:
    return [_ADDRESS_ABBREVIATIONS.get(w, w) for w in _WORD.findall(text.lower())]


def _labelled_run(label: re.Pattern[str], value: str, lines: list[str]) -> bool:
    """`value` stated right after a matching label ("Subdivision: Arcadia Vista")."""
    run = _address_words(value)
    for line in lines:
        head, colon, rest = line.partition(":")
        if colon and label.search(head.lower()) and _address_words(rest)[: len(run)] == run:
            return True
    return False


def _has_run(words: list[str], run: list[str]) -> bool:
    """`run` occurs in `words` as consecutive words."""
    n = len(run)
    return n > 0 and any(words[i : i + n] == run for i in range(len(words) - n + 1))


# What names a parcel number: "APN", "Assessor's #", "Tax ID", "Parcel No.", "Clave catastral".
_PARCEL_LABEL = re.compile(
    r"\bapn\b|a\.p\.n\.?|assessor(?:'?s)?|parcel[a-z]*|tax\s*(?:parcel\s*)?id\b|\btax\s*(?:parcel|#)|catastral|\bfolio\b",
    re.IGNORECASE,
)


def _apn_on_page(value: Any, lines: list[str]) -> bool:
    """The APN written as one APN-shaped number right after a parcel label: on its line, with
    nothing but separators between ("APN: 123-45-678", "Tax ID … 132-29-118", "MLS 7550701 · APN
    127-33-018"), or alone on its line under a line ending in one (a label cell over its value).
    Any other 8-digit number (an MLS number, a licence, a comparable's APN in a column) is no
    evidence: a model copying one into the parcel field would file the facts under another parcel."""
    wanted = re.sub(r"[^0-9A-Za-z]", "", str(value)).upper()
    previous = ""
    for line in lines:
        for match in _APN_SHAPE.finditer(line):
            digits = "".join(match.groups()[:3])
            if wanted in (digits, digits + (match.group(4) or "").upper()) and _after_parcel_label(
                line[: match.start()], previous
            ):
                return True
        if line.strip():
            previous = line
    return False


def _after_parcel_label(before: str, previous_line: str) -> bool:
    """`before` (the line up to the number) ends in a parcel label, or is blank under a line that
    ends in one; only separators and "number"/"no."/"id" may follow the label."""
    if re.search(r"\w", before):
        return _ends_in_parcel_label(before)
    return _ends_in_parcel_label(previous_line.strip()[-60:])


def _ends_in_parcel_label(text: str) -> bool:
    labels = list(_PARCEL_LABEL.finditer(text))
    return bool(labels) and _LABEL_TAIL.fullmatch(text[labels[-1].end():]) is not None


_LABEL_TAIL = re.compile(r"[^\w]*(?:(?:number|num|no|nbr|id)\b[^\w]*)?", re.IGNORECASE)


def _street_line(number: str | None, street: str | None, lines: list[str]) -> bool:
    """The street written as an address: right after its house number (when known); without a
    known number, right after some house number or on an address-labelled line."""
    run = _address_words(street) if street else []
    wanted = _address_words(number)[:1] if number else []
    for line in lines:
        words = _address_words(line)
        if not run:
            if wanted and wanted[0] in words:
                return True
            continue
        if wanted and _has_run(words, wanted + run):
            return True
        if not wanted and (_ADDRESS_LABEL.search(line.lower()) and _has_run(words, run) or _after_a_number(words, run)):
            return True
    return False


def _after_a_number(words: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words[i : i + n] == run and i > 0 and words[i - 1][:1].isdigit() for i in range(len(words) - n + 1))


_LISTING_LINE = re.compile(r"mls|listing")
_ADDRESS_LABEL = re.compile(r"^\s*(?:address|street|location|property address)\b")
_CITY_LABELS = frozenset(("city", "town", "locality", "addresslocality", "municipality"))
_ZIP_LABELS = frozenset(("zip", "postal", "postalcode", "zipcode", "code", "az"))
_STATE_OR_ZIP = frozenset(("az", "zip", "postal", "postalcode", "zipcode"))


def _place_stated(run: list[str], lines: list[str], labels: frozenset[str], then_zip: bool) -> bool:
    """`run` (a city or ZIP) right after one of `labels`, or (a city) right before a state or ZIP:
    "City: Phoenix", "Phoenix, AZ 85018", "AZ / Scottsdale / 85258", "Zip Code: 85018"."""
    n = len(run)
    for line in lines:
        words = _address_words(line)
        for i in range(len(words) - n + 1):
            if words[i : i + n] != run:
                continue
            after = words[i + n] if i + n < len(words) else ""
            labelled = i > 0 and words[i - 1] in labels
            if labelled or (then_zip and (after in _STATE_OR_ZIP or re.fullmatch(r"\d{5}", after))):
                return True
    return False


# A unit's marks: "#331", "Unit 2047", "Apt. 5", "Unit #: 2071", "Space 41", "Unidad 58" (not "Unit Level: 3").
_UNIT_MARK = r"(?:#|\b(?:unit|apt|apartment|ste|suite|space|spc|bldg|residence|unidad|depto)\b\.?(?:\s*(?:#|no\.?|number)(?!\w))?\s*[:|]?)\s*"


def _unit_stated(value: str, lines: list[str]) -> bool:
    """A unit right after a mark naming it, on one line: a figure elsewhere on the page ("Unit Level:
    3", "Gate code 4420") is no unit."""
    code = re.sub(r"^(?:#|(?:unit|apt|ste|bldg)\b\.?)\s*#?\s*", "", value.strip().lower())
    if not code:
        return False
    stated = re.compile(_UNIT_MARK + re.escape(code) + r"(?![\w-])")
    return any(stated.search(line.lower()) for line in lines)


def _fact_lines(text: str) -> list[str]:
    """Lines that may hold evidence: not an instruction to the reader ("set the city to ...")."""
    return [line for line in text.splitlines() if not INSTRUCTION.search(line.lower())]


def identity_grounded(name: str, value: Any, text: str, values: dict[str, Any]) -> bool:
    """Strict evidence for an identity field (see the module docstring)."""
    lines = _fact_lines(text)
    if name == "parcel_number":
        return _apn_on_page(value, lines)
    if name == "street_number":
        return _street_line(str(value), values.get("street_name"), lines)
    if name == "street_name":
        number = values.get("street_number")
        return _street_line(str(number) if number else None, str(value), lines)
    if name == "listing_id":
        run = _WORD.findall(str(value).lower())
        return any(_LISTING_LINE.search(line.lower()) and _has_run(_WORD.findall(line.lower()), run) for line in lines)
    if name == "unit_number":
        return _unit_stated(str(value), lines)
    if name == "state_or_province":
        state = str(value).strip().lower()
        # A page of Phoenix listings may state only the ZIP; an 85xxx/86xxx ZIP is Arizona.
        return state in _address_words(text) or (state == "az" and re.search(r"\b8[56]\d{3}\b", text) is not None)
    if name == "postal_code":
        return _place_stated([str(value)[:5]], lines, _ZIP_LABELS, then_zip=False)
    return _place_stated(_address_words(str(value)), lines, _CITY_LABELS, then_zip=True)
