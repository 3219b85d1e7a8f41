"""The no-personal-data check: owner names and mailing addresses never reach an output.

Two independent ways of seeing a leak, so that the check does not share the extractor's
blind spots:
- the personal values a source finds in its raw files (owner names, mailing addresses),
  searched for in every output cell as whole words;
- values shaped like a person's name (`names.looks_like_person_name`) in fields that never
  hold one (subdivision, street, city, the address line), whatever their origin: a name an
  LLM copied into `subdivision_name` is caught even when no key said it was personal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

import pandas as pd

from .names import looks_like_person_name

PERSONAL_COLUMN = re.compile(r"owner|mail|taxpayer|grantee|grantor", re.IGNORECASE)
ADDRESS_COLUMNS = ("unparsed_address", "street_number", "street_name", "unit_number", "city", "postal_code", "property_key")
# Lineage the pipeline writes itself: a source named `maricopa_county` is not the owner "MARICOPA COUNTY".
LINEAGE_COLUMNS = ("record_id", "source", "collected_on")
NAME_FREE_COLUMNS = ("subdivision_name", "street_name", "city")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _searchable(value: str) -> str | None:
    """A personal value worth searching for: two or more words, one with letters, or a phone
    number. A lone word or a short number ("PHOENIX", "85251", a sale price) matches innocent
    cells, so it is left out."""
    normalized = _norm(value)
    words = normalized.split()
    if sum(map(str.isdigit, normalized)) >= 10 and len(words) <= 4:
        return normalized  # a phone number
    if len(words) < 2 or not any(map(_TWO_LETTERS.search, words)) or len(normalized) < 5:
        return None
    return normalized


_TWO_LETTERS = re.compile(r"[a-z]{2}")


_NOT_SEARCHED = frozenset(ADDRESS_COLUMNS + LINEAGE_COLUMNS)
_DUMP = json.JSONEncoder(default=str).encode  # json.dumps(..., default=str), one encoder for every row


def _row_dump(row: dict) -> str:
    shown = {k: v for k, v in row.items() if k not in _NOT_SEARCHED}
    if isinstance(shown.get("source_file"), str):
        shown["source_file"] = shown["source_file"].rsplit("/", 1)[-1]
    return _DUMP(shown)


def _row_text(row: dict) -> str:
    return f" {_norm(_row_dump(row))} "


def row_holds_any(row: dict, values: Iterable[str]) -> bool:
    """Whether one of the (searchable) values is in the row's text as whole words.

    Each word of a value found in the text is also a substring of the row's lowercased JSON,
    so a row whose JSON lacks a word of every value holds none of them: the words are looked
    for first (one C-level search each), and the text is built only for a row that passes."""
    dump = _row_dump(row).lower()
    candidates = [v for v in values if all(word in dump for word in v.split())]
    if not candidates:
        return False
    text = f" {_norm(dump)} "
    return any(f" {value} " in text for value in candidates)


def name_shaped_values(row: dict) -> list[str]:
    """The fields of one output row that hold a value shaped like a person's name."""
    found = [c for c in NAME_FREE_COLUMNS if isinstance(row.get(c), str) and looks_like_person_name(row[c])]
    address = row.get("unparsed_address")
    if isinstance(address, str) and any(looks_like_person_name(part) for part in address.split(",")):
        found.append("unparsed_address")
    return found


def personal_data_findings(outputs: dict[str, pd.DataFrame], personal_values: Iterable[str]) -> list[str]:
    """What leaked, as readable findings: personal columns, personal values found in any cell,
    and name-shaped values in fields that hold none.

    Address columns are not searched for personal values: an owner-occupied parcel's mailing
    address is the property's own situs address, which is the record's subject, not a leak.
    """
    findings = []
    values = {v for v in (_searchable(p) for p in personal_values) if v}
    for name, frame in outputs.items():
        findings += [f"{name}: column {c!r} looks like personal data" for c in frame.columns if PERSONAL_COLUMN.search(c)]
        if not len(frame):
            continue
        for row in frame.to_dict("records"):
            if values and row_holds_any(row, values):
                findings.append(f"{name}: {row.get('source_file')} holds personal data")
            findings += [
                f"{name}: {row.get('source_file')} {column} looks like a person's name"
                for column in name_shaped_values(row)
            ]
    return sorted(set(findings))
