"""The extractor: raw file -> source adapter -> (LLM) -> merge -> record or dead letter.

`extract_batch(files, source)` is what a script, a notebook or the Dagster
asset calls. Every file comes back as exactly one record or one dead letter;
an exception never escapes for one bad file.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from ..contract import DEAD_LETTER_COLUMNS, RECORD_COLUMNS
from ..landing import DEFAULT_MAX_FILE_BYTES, RawFile, content_id, read_raw
from ..sources import Source, SourceError, get_source
from .merge import MergedFields, merge

log = logging.getLogger(__name__)


@dataclass
class ExtractionResult:
    """One batch's output: records and dead letters, plus counters for the UI."""

    records: list[dict[str, Any]] = field(default_factory=list)
    dead_letters: list[dict[str, Any]] = field(default_factory=list)
    duplicates: int = 0
    compact_chars: int = 0
    raw_bytes: int = 0
    seconds: float = 0.0

    def records_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.records, columns=list(RECORD_COLUMNS))

    def dead_letters_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.dead_letters, columns=list(DEAD_LETTER_COLUMNS))


def property_key(values: dict[str, Any]) -> str | None:
    """`apn:<parcel>` when the parcel is known, else `addr:<normalized one-line address>`."""
    if values.get("parcel_number"):
        return f"apn:{values['parcel_number']}"
    address = values.get("unparsed_address")
    if address and values.get("street_number") and (values.get("postal_code") or values.get("city")):
        return "addr:" + " ".join(address.lower().replace(",", " ").split())
    return None


def dead_letter(raw_file: RawFile, record_id: str, code: str, reason: str, attempts: int = 1) -> dict[str, Any]:
    return {
        "record_id": record_id,
        "source": raw_file.source,
        "source_file": raw_file.path,
        "collected_on": raw_file.collected_on,
        "reason_code": code,
        "reason": reason,
        "attempts": attempts,
    }


def build_record(raw_file: RawFile, record_id: str, merged: MergedFields, key: str) -> dict[str, Any]:
    record: dict[str, Any] = dict.fromkeys(RECORD_COLUMNS)
    record.update(merged.values)
    record.update(
        record_id=record_id,
        source=raw_file.source,
        source_file=raw_file.path,
        collected_on=raw_file.collected_on,
        property_key=key,
        extraction_method=merged.method,
        field_confidence=dict(merged.confidence),
        field_sources=dict(merged.sources),
        validation_issues=[],
        confidence=0.0,
    )
    return record


def extract_file(
    root: Path, raw_file: RawFile, source: Source, *, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> tuple[str, dict[str, Any] | None, dict[str, Any] | None, int]:
    """Extract one file by rules: (record_id, record, dead_letter, compact_chars)."""
    try:
        raw = read_raw(root, raw_file, max_file_bytes)
    except SourceError as exc:
        record_id = content_id(root, raw_file)
        return record_id, None, dead_letter(raw_file, record_id, exc.code, exc.message), 0
    record_id = hashlib.sha256(raw).hexdigest()
    try:
        doc = source.parse(raw)
        rules = source.extract_rules(doc)
    except SourceError as exc:
        return record_id, None, dead_letter(raw_file, record_id, exc.code, exc.message), 0
    except Exception as exc:  # a parser bug must cost one file, not the run
        log.exception("parser failed on %s", raw_file.path)
        return record_id, None, dead_letter(raw_file, record_id, "parser_error", f"{type(exc).__name__}: {exc}"), 0
    merged = merge(rules, None)
    key = property_key(merged.values)
    if key is None:
        reason = "neither a parcel number nor a street address with city or ZIP could be read"
        return record_id, None, dead_letter(raw_file, record_id, "no_property_key", reason), len(doc.text)
    return record_id, build_record(raw_file, record_id, merged, key), None, len(doc.text)


def extract_batch(
    files: Iterable[RawFile],
    source: str | Source,
    *,
    root: Path,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> ExtractionResult:
    """Extract every file of one source; identical files (same record_id) are processed once."""
    source = get_source(source) if isinstance(source, str) else source
    result = ExtractionResult()
    seen: set[str] = set()
    started = time.perf_counter()
    for raw_file in files:
        record_id, record, letter, chars = extract_file(root, raw_file, source, max_file_bytes=max_file_bytes)
        if record_id in seen:
            result.duplicates += 1
            continue
        seen.add(record_id)
        result.raw_bytes += raw_file.size
        result.compact_chars += chars
        if record is not None:
            result.records.append(record)
        else:
            log.warning("dead letter %s: %s", raw_file.path, letter["reason"])
            result.dead_letters.append(letter)
    result.seconds = time.perf_counter() - started
    return result

