"""What every collector source provides: read a raw file, extract by rules, prompt text.

A source module defines one `Source` instance named `SOURCE`; the registry in
`property_pipeline.sources` finds it, so a new collector is one new module.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..contract import PROPERTY_FIELDS


class SourceError(Exception):
    """A raw file that cannot become a record. `code` is a short, stable reason name."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class SourceDocument:
    """A raw file, read and cleaned.

    `text` is the compact text the LLM sees (never raw HTML, never personal
    data); `data` holds whatever parsed structure the source's rule extractor
    needs (the cleaned JSON object, the JSON-LD blocks, label/value pairs).
    """

    text: str
    raw_bytes: int
    data: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass
class RuleExtraction:
    """What the deterministic parser read from a document.

    `values` holds contract fields (only those found, already normalized).
    `structured` names the fields read from a machine-readable field (JSON-LD,
    an assessor API key): values the LLM may not override unless it agrees.
    `ambiguous` names fields where the page offered conflicting candidates.
    `evidence` says per field where the value was read: "label" (a labelled fact), "text" (a
    phrase), "heading", "title", "meta", "url", "alt", "details" (a closed <details>),
    "attribute" (data-*), "json_ld", "microdata", "embedded_json" (the page's own listing object
    in its script state), "assessor_api" / "assessor_gis" / "assessor_search" (a key of that kind of
    assessor record), "file_name" (an APN only the file's name states), ...
    `complete` means nothing in the document was left unread.
    """

    values: dict[str, Any] = field(default_factory=dict)
    structured: set[str] = field(default_factory=set)
    ambiguous: set[str] = field(default_factory=set)
    evidence: dict[str, str] = field(default_factory=dict)
    complete: bool = False
    """True when the parser understood everything the document states: an LLM could add nothing."""


@dataclass(frozen=True)
class Source:
    """One collector source: how its files look and how to read them."""

    name: str
    parse: Callable[..., SourceDocument]
    """`parse(raw, name="")`: the file's bytes and its base name (a collector may put the
    identity in the name, e.g. `parcel-<APN>.json`). A parser written as `parse(raw)` is
    wrapped to accept and ignore the name."""
    extract_rules: Callable[[SourceDocument], RuleExtraction]
    prompt_instructions: str
    """Source-specific guidance for the LLM, placed before the delimited data."""
    llm_fields: tuple[str, ...] = PROPERTY_FIELDS
    """The contract fields this source can state: what a targeted LLM request may ask for."""
    cross_check_fields: tuple[str, ...] = ()
    """Fields the LLM is asked for even when the rules read them from text (not from a
    structured field), so that agreement can confirm them and disagreement flag them."""
    expected_fields: tuple[str, ...] = ()
    """Fields nearly every file of this source states; each one missing lowers a record's
    confidence, so an incompletely read record does not look as sure as a complete one."""
    personal_values: Callable[[bytes], set[str]] | None = None
    """Personal data (owner names, mailing addresses) in a raw file, for the no-PII check only;
    None for a source whose files carry none (their files are then not read again)."""

    def __post_init__(self) -> None:
        parse = self.parse
        try:
            takes_name = "name" in inspect.signature(parse).parameters
        except (TypeError, ValueError):
            takes_name = False
        if not takes_name:

            def parse_ignoring_name(raw: bytes, name: str = "") -> SourceDocument:
                return parse(raw)

            object.__setattr__(self, "parse", parse_ignoring_name)
