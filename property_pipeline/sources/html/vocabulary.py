"""What a source's labels mean: the one thing the HTML engine asks a source about words.

The engine finds label/value pairs by page structure (tables, definition lists,
"Label: value" text, label and value in sibling blocks), but whether "Beds" is
a label, whether a block is the agent's remarks, or whether a caption under
"$694/mo" names a field depends on the source's vocabulary. A source passes a
`Vocabulary` to `read_page`; the engine never hard-codes a field name except
`REMARKS`, the group whose value is kept as one opaque block of agent text.

A new source writes a `label_group(label) -> group | None` function (the
label's meaning, e.g. a table of regular expressions) and builds one
`Vocabulary` from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

REMARKS = "remarks"
"""The label group of free agent text ("Public Remarks", "Description"): read as one value, never mined."""

COLON_PAIR = re.compile(r"^([^:]{1,50}?)\s*:\s*(\S.*)$")
""""Label: value" in one line of text (the label short and colon-free)."""


def labelish(text: str) -> bool:
    """Short enough, wordy enough and unpunctuated enough to be a label ("Year Built", "HOA Dues")."""
    text = text.strip()
    return (
        0 < len(text) <= 50
        and re.search(r"[A-Za-z]", text) is not None
        and len(text.split()) <= 7
        and text[-1] not in "!?"
        and not (text.endswith(".") and len(text.split()) > 3)
    )


_LABEL_HINT = re.compile(r"(^|[-_ ])(label|lbl|key|term|name|caption)($|[-_ ])")


@dataclass(frozen=True)
class Vocabulary:
    """A source's label meanings, as the engine needs them.

    label_group: the field group a label names ("Beds" -> "bedrooms"), None when it names none.
    identity_groups: groups whose pair states the page's own listing (address, price): once one
        is read, a page without other identity keeps the first and drops later "other listing"
        blocks.
    captioned_text_groups: groups whose text value a card layout may caption underneath
        ("Single-family" over "Property Type"); numeric values may be captioned for any group.
    hint_fields: (class-name word, label, exclusion) for values named only by their element's
        class (`<span class="price">$615K</span>` -> ("List Price", "$615K")).
    label_words: lowercased words that only ever open a label ("approx", "yr", "pvt"): where pairs
        are packed on a line with single spaces, such a word before a label belongs to it.
    """

    label_group: Callable[[str], str | None]
    identity_groups: frozenset[str] = frozenset()
    captioned_text_groups: frozenset[str] = frozenset()
    hint_fields: tuple[tuple[str, str, re.Pattern[str]], ...] = ()
    label_words: frozenset[str] = frozenset()

    def is_remarks(self, label: str) -> bool:
        return self.label_group(label) == REMARKS

    def strong_label(self, text: str, hint: str = "") -> bool:
        """Clearly a label: ends with a colon, or is a known field label, or is marked as one."""
        stripped = text.strip()
        if not labelish(stripped.rstrip(":")):
            return False
        if stripped.endswith(":") or self.label_group(stripped):
            return True
        return bool(_LABEL_HINT.search(hint))
