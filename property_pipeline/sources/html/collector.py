"""Where the walk's output goes, and what it refuses to keep.

A `Collector` receives lines and label/value pairs from `walk` and applies the
line policy every source wants: opaque tokens removed, lines capped at
`MAX_LINE_CHARS` (remarks at `MAX_REMARKS_CHARS`), duplicates dropped, legal
boilerplate and agent/office contact lines dropped, and lines about people
(owner, seller, tenant, occupant, contact) kept out of both the rules and the
prompt: their names, phones and e-mails go to `personal` only, for the
no-personal-data check of the outputs. The first remarks block is kept whole
in `remarks` and as one "Public Remarks:" line.
"""

from __future__ import annotations

import re

from .tree import MAX_REMARKS_CHARS, collapse
from .vocabulary import Vocabulary

MAX_LINE_CHARS = 400

# Kinds of line (`Collector.line`): the page's text, the remarks block, an engine-written summary.
TEXT, REMARKS_LINE, SUMMARY = "text", "remarks", "summary"

# A heading's underline ("-----------", "=========") before the text it heads.
_RULE_LINE = re.compile(r"^\s*[-=_~*]{3,}\s*")
_REMARKS_HEAD = re.compile(
    r"^(?:public remarks|remarks|description|property description|listing description|about this (?:home|property))\s*:?\s+",
    re.I,
)
_OPAQUE_TOKEN = re.compile(r"[A-Za-z0-9+/=_\-]{60,}")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z#])")
# The parts of a fine-print line set apart by a middot, bullet or bar.
_PART_BREAK = re.compile(r"\s+[\u00b7\u2022|]\s+")
# Legal and site boilerplate: never a listing fact, often most of a small page's text.
_BOILERPLATE = re.compile(
    r"deemed reliable|fair housing|equal housing|copyright|all rights reserved|recaptcha|privacy policy|"
    r"terms of (service|use)|we use cookies|not guaranteed|independently verified|do not constitute|screen reader",
    re.I,
)
# Contact details of agents and offices: not contract fields, and not for the prompt.
_CONTACT = re.compile(r"\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b|[\w.+-]+@[\w-]+\.[\w.]+")
# "Listed by ...", not "Listed at $389,000, this home ..." (a remarks-only page's facts).
_CONTACT_LABEL = re.compile(
    r"^(presented|listed(?! (?:at|for)\b)|courtesy|listing agent|agent|office|broker|contact|phone|email|cell|fax)", re.I
)

# What a print sheet writes for agents only (private remarks, showing instructions) and the driving
# directions: never facts of the home, and they name other streets and prices ("seller prefers a
# close at $1,490,000", "Tatum south to Cactus Wren") a model would take for the listing's.
_AGENT_ONLY_LABEL = re.compile(
    r"^(?:private|confidential|priv\.?|agent|agents?'|broker)\s*(?:agent\s*)?(?:remarks|rmks)\b|^(?:showing instructions|directions)\s*(?:\(|:|\||$)"
    # Access codes on a showing sheet ("Lockbox | Supra ...", "Gate Code: #4420", "Alarm: ..."): never
    # facts, and a "#4420" would look like a unit number to a model.
    r"|^(?:lock\s?box|gate\s*(?:code|access)|alarm(?:\s*code)?|door\s*code|access\s*code|key\s*(?:box|location)|combo)\b\s*(?:[:|#(\-]|$)",
    re.I,
)

# A city, state and ZIP alone ("Phoenix, AZ 85019", "Phoenix AZ 85019", "Phoenix, AZ, 85019"): an
# address's second line.
_PLACE_LINE = re.compile(r"^[A-Za-z][A-Za-z .'\-]{1,40}?(?:,\s*|\s+)(?:[A-Z]{2}|Arizona)\.?,?\s+\d{5}(?:-\d{4})?$")
_HAS_ZIP = re.compile(r"\b\d{5}(?:-\d{4})?\s*$")


def _label_only(text: str, label: re.Match) -> bool:
    """Nothing but the label and its punctuation or a note in parentheses ("PRIVATE RMKS (agent only):")."""
    return not re.sub(r"\([^)]{0,40}\)", " ", text[label.end():]).strip(" :|#(-.")


def is_place_line(text: str) -> bool:
    """A city, state and ZIP alone: an address's second line."""
    return _PLACE_LINE.match(text) is not None


# Lines about people (owner, seller, tenant, occupant, a contact person, the client a report is
# prepared for): personal data, never facts and never prompt text. Their values are remembered only for the no-personal-data check.
_PERSONAL_LABEL = re.compile(
    r"^(?:(?:property|current|record|legal|primary|second)\s+)?"
    r"(?:owner|seller|tenant|occupant|occupancy|landlord|lessee|lessor|renter|contact|client|customer|buyer"
    r"|prepared\s+for)(?:\(s\)|s|'s)?"
    r"(?:\s*(?:/\s*[a-z]+|name|names|phone|email|e-mail|info|information|details|person|of record|#?\d))*$",
    re.I,
)
# A report's client without a colon ("Prepared for Odalys & Trent Vickery", "Prepared exclusively for ...").
_PREPARED_FOR = re.compile(r"^(?:prepared|presented|compiled)\s+(?:exclusively\s+|especially\s+)?for\s+(?P<value>[A-Za-z].{1,80})$", re.I)
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
        name = collapse(part).strip(" ,.:-()")
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'.\-]*", name) if w.lower().strip(".") not in _NOT_A_NAME]
        if any(len(w) >= 2 for w in words):
            found.add(name)
    return found


class Collector:
    """What the walk has read: compact text lines (the prompt), label/value pairs (the rules),
    headings, class-named values, the remarks, and the personal strings it kept out.

    `weak` and `quiet` are set by the reader while it walks closed <details> and aria-hidden
    content; `anchors` are the page's own street patterns (see `asides`)."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
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
        self.seen: set[str] = set()
        self.drop_next_value = False
        """The last line was an agent-only label alone: the next line is its value."""
        self.history: list[str] = []
        """Rows of a price-history section kept out of the text (`asides.keep_history_rows`)."""
        self.open_street: tuple[list[tuple[str, str]], int, int] | None = None
        """The last line read was a street-address pair without city or ZIP (its pair list, the pair's
        index there, its line's index): a bare place line next ("Phoenix, AZ 85019") completes it."""
        self.engine_lines: dict[str, set[int]] = {}
        """Indexes of REMARKS_LINE and SUMMARY lines: not the page's own text lines."""
        self.size = 0

    def line(self, text: str, is_pair: bool = False, kind: str = TEXT) -> None:
        """One compact line, unless it is a duplicate, boilerplate, a contact line or about a person.

        `kind` says what the line is, so that no reader has to guess it from the text: REMARKS (the
        remarks block: kept whole, never filtered, in the prompt even from aria-hidden text) or
        SUMMARY (a line the engine writes about the page's machine-readable data)."""
        text = collapse(_OPAQUE_TOKEN.sub(" ", text))
        remarks = kind == REMARKS_LINE
        text = text[: MAX_REMARKS_CHARS + 20 if remarks else MAX_LINE_CHARS]
        if not remarks and self.complete_street(text):
            return
        self.open_street = None
        if len(text) < 2 or text in self.seen:
            return
        if self.drop_next_value:
            # The value cell under an access-code label cell ("Gate Code" then "#4420").
            self.drop_next_value = False
            if not remarks and len(text) <= 80 and ":" not in text:
                return
        parts = _PART_BREAK.split(text) if not remarks else [text]
        if len(parts) > 1 and any(self._about_person(part) for part in parts):
            # "Subject: 10428 E Fanfol Ln · Prepared for Odalys & Trent Vickery": the person's part goes.
            for part in parts:
                if not self._about_person(part):
                    self.line(part, is_pair=is_pair, kind=kind)
            return
        if not remarks and self._left_out(text):
            self._parts_not_left_out(text, is_pair, kind)
            return
        self.seen.add(text)
        index = len(self.lines)
        if is_pair:
            self.pair_lines.add(index)
        if self.weak:
            self.weak_lines.add(index)
        if self.quiet and not remarks:
            self.quiet_lines.add(index)
        if kind != TEXT:
            self.engine_lines.setdefault(kind, set()).add(index)
        self.lines.append(text)
        self.size += len(text) + 1

    def _parts_not_left_out(self, text: str, is_pair: bool, kind: str) -> None:
        """A line left out (about the agent, boilerplate, agent-only): its parts that are not."""
        # "Listed by Saguaro Realty. Source: ARMLS #6892018.": the sentences that are not about
        # the agent (the listing's own MLS number) are kept; the contact sentence is not.
        sentences = _SENTENCE.split(text)
        agent_only = _AGENT_ONLY_LABEL.match(text)
        if agent_only and _label_only(text, agent_only):
            self.drop_next_value = True
        if agent_only:
            # Every sentence of an agent-only value is the agent's ("PRIVATE RMKS (agent only)....
            # Call listing agent. Seller will look at $400,000."): only cells set apart by a bar
            # after it ("... | ML#: 6712034") are the page's own.
            parts = _PART_BREAK.split(text)
            rest = parts[1:]
            if rest and _label_only(parts[0], agent_only):
                rest = rest[1:]  # "PRIVATE RMKS | Seller will look at ...": the label's value, a cell of its own
            for part in rest:
                if not _AGENT_ONLY_LABEL.match(part):
                    self.line(part, is_pair=is_pair, kind=kind)
            return
        if len(sentences) == 1 and not (_CONTACT.search(text) or _CONTACT_LABEL.match(text) or agent_only):
            # "ARMLS #7552304 · Information is deemed reliable ...": boilerplate beside a fact.
            sentences = _PART_BREAK.split(text)
        if len(sentences) > 1 and not self._personal_line(text):
            for sentence in sentences:
                if not self._left_out(sentence) and not _BOILERPLATE.search(sentence):
                    self.line(sentence, is_pair=is_pair, kind=kind)

    def _about_person(self, text: str) -> bool:
        """A line about a person: a personal label's line, or a report "Prepared for" its client."""
        match = _PREPARED_FOR.match(text)
        if match:
            self.personal |= _personal_strings(match.group("value"))
            return True
        return self._personal_line(text)

    def _left_out(self, text: str) -> bool:
        return (self._about_person(text) or (len(text) > 60 and _BOILERPLATE.search(text) is not None)
                or _CONTACT.search(text) is not None or _CONTACT_LABEL.match(text) is not None
                or _AGENT_ONLY_LABEL.match(text) is not None)

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
        if not self.weak and self.vocab.label_group(label) in self.vocab.identity_groups:
            self.found_identity = True

    def pair(self, label: str, value: str) -> None:
        label, value = collapse(label).rstrip(":").strip(), collapse(value)
        if not label or not value:
            return
        if self.vocab.is_remarks(label):
            self.take_remarks(value)
            return
        if self.pending_remarks:
            self.pending_remarks = False
        if _PERSONAL_LABEL.match(label):
            self.personal |= _personal_strings(value)
            return
        self.record_pair(label, value)
        self.line(f"{label}: {value}", is_pair=True)
        if not self.quiet and self.lines and self.lines[-1] == f"{label}: {value}" \
                and self.vocab.label_group(label) == "street_address" and not _HAS_ZIP.search(value):
            pairs = self.weak_pairs if self.weak else self.pairs
            if pairs and pairs[-1] == (label, value[:MAX_LINE_CHARS]):
                self.open_street = (pairs, len(pairs) - 1, len(self.lines) - 1)

    def complete_street(self, text: str) -> bool:
        """The second line of an address ("Phoenix, AZ 85019", a city and ZIP under or beside the
        street its label names): joined to the street-address pair read just before. True when joined."""
        if self.open_street is None or not is_place_line(text):
            return False
        pairs, pair_index, line_index = self.open_street
        self.open_street = None
        label, street = pairs[pair_index]
        pairs[pair_index] = (label, f"{street}, {text}")
        self.lines[line_index] = f"{label}: {street}, {text}"
        self.seen.add(self.lines[line_index])
        return True

    def take_remarks(self, text: str) -> None:
        """The remarks' text; a heading's underline alone ("-----") leaves them still to come."""
        text = _REMARKS_HEAD.sub("", _RULE_LINE.sub("", collapse(text)))[:MAX_REMARKS_CHARS]
        if not text:
            return
        self.pending_remarks = False
        if self.remarks is None:
            self.remarks = text
        self.line(f"Public Remarks: {text}", kind=REMARKS_LINE)
