"""One partition end to end in chunks: list -> extract -> validate -> write, memory flat in the
number of files.

Each step reads its input from the warehouse in chunks (a server-side cursor), and writes
its outputs chunk by chunk inside one `PartitionTransaction` per step: the step's tables
are replaced whole when it commits, or not at all. Nothing holds one Python object per
file for longer than a chunk:

- the listing (`list_partition`) streams the folder (no sorted list of a million names)
  into `raw_collector_files`, hashing each file as it goes; duplicates are marked by one
  SQL statement afterwards;
- extraction (`extract_partition`) reads the distinct files back from that table and
  streams them through the Extractor's bounded-concurrency engine (`Extractor.stream`);
- validation (`validate_partition`) scores and splits each chunk with the same rules and
  thresholds as `validate_records`, and folds it into `RunningReport`, whose row is the
  same `property_quality_report` row `quality.report.partition_report` computes from
  frames; conservation (every file in exactly one outcome table) is SQL over the warehouse.

The no-personal-data check looks, per output row, for the personal values of the file the
row came from: a row is extracted from one file only, so this finds every leak the
whole-partition search found, in linear time and without a partition-wide set of names.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from .contract import DEAD_LETTER_COLUMNS, EXTRACTED_COLUMNS, PROPERTY_FIELDS
from .extraction.extractor import ExtractionResult, Extractor
from .landing import (
    RawFile,
    content_id,
    iter_raw_files,
    name_bytes,
    read_raw,
)
from .quality.privacy import PERSONAL_COLUMN, _searchable, name_shaped_values, row_holds_any
from .quality.report import confidence_histogram
from .quality.rules import QualityConfig
from .quality.validate import validate_records
from .sources import SourceError, get_source
from .storage.warehouse import PartitionTransaction, TableHandle, WriteReport

CHUNK_ROWS = 2000
PREVIEW_ROWS = 10
MAX_LISTED_PATHS = 1000
"""Missing or duplicated files named in the report (all are counted)."""
RAW_COLUMNS = ["record_id", "source", "source_file", "collected_on", "size_bytes", "duplicate_of"]
OUTCOME_TABLES = ("validated_properties", "quarantined_properties", "extraction_dead_letters")


def partition_of(source: str, day: dt.date) -> dict[str, Any]:
    return {"source": source, "collected_on": day}


def raw_file_from_row(root: Path, source: str, day: dt.date, path: str, size: int) -> RawFile:
    """The RawFile a `raw_collector_files` row names (its real name and whether it is a link
    are read back from the file system)."""
    real = os.fsdecode(name_bytes(path)) if "\\" in path else path  # only such names were escaped
    is_link = not size and os.path.islink(Path(root) / real)  # the listing stores a link with size 0
    return RawFile(source, day, path, int(size or 0), is_symlink=is_link, fs_path=real if real != path else None)


@dataclass
class ListingSummary:
    files: int = 0
    bytes: int = 0
    distinct_files: int = 0
    write: WriteReport = field(default_factory=lambda: WriteReport(0))


def list_partition(
    url: str, root: Path, source: str, day: dt.date, max_file_bytes: int | None, chunk_rows: int = CHUNK_ROWS
) -> ListingSummary:
    """Replace the partition's `raw_collector_files` rows with the folder's files (path,
    size, record_id), streamed; `duplicate_of` names the first path (in name order) of each
    group of identical files, set by SQL in the same transaction. `max_file_bytes` is the
    limit extraction reads with, so a file over it has the same (oversized) id here and there."""
    summary = ListingSummary()
    partition = partition_of(source, day)
    with PartitionTransaction(url) as transaction:
        writer = transaction.replace("raw_collector_files", partition)
        writer.write(pd.DataFrame(columns=RAW_COLUMNS))  # the table exists even for an empty folder
        rows: list[dict[str, Any]] = []
        for raw_file in iter_raw_files(root, source, day):
            rows.append(
                {
                    "record_id": content_id(root, raw_file, max_file_bytes),
                    "source": source,
                    "source_file": raw_file.path,
                    "collected_on": day,
                    "size_bytes": raw_file.size,
                    "duplicate_of": None,
                }
            )
            summary.files += 1
            summary.bytes += raw_file.size
            if len(rows) >= chunk_rows:
                writer.write(pd.DataFrame(rows, columns=RAW_COLUMNS))
                rows = []
        writer.write(pd.DataFrame(rows, columns=RAW_COLUMNS))
        # One statement, a join on the duplicated contents only (no per-row lookup).
        writer.execute(
            "UPDATE {table} SET duplicate_of = d.first_path"
            " FROM (SELECT record_id AS rid, min(source_file) AS first_path FROM {table}"
            "       WHERE source = :source AND collected_on = :collected_on"
            "       GROUP BY record_id HAVING count(*) > 1) AS d"
            " WHERE {table}.record_id = d.rid AND {table}.source = :source"
            " AND {table}.collected_on = :collected_on AND {table}.source_file <> d.first_path",
            partition,
        )
    summary.write = writer.report()
    summary.distinct_files = TableHandle(url, "raw_collector_files", partition).scalar("count(DISTINCT record_id)") or 0
    return summary


async def stream_extraction(extractor: Extractor, files: Iterable[RawFile], usage: ExtractionResult) -> AsyncIterator[tuple[str, dict]]:
    """("record" | "dead_letter", row) for every file, yielded as they finish, through the
    extractor's one bounded-concurrency engine (`Extractor.stream`), with no list of outcomes.
    Files must already be distinct (the listing marks duplicates); counters (usage, bytes,
    characters) accumulate in `usage`."""

    def read(raw_file: RawFile):
        record_id, parsed, letter = extractor.read(raw_file)
        usage.raw_bytes += raw_file.size
        if parsed is not None:
            usage.compact_chars += len(parsed.doc.text)
        return record_id, parsed, letter

    async for _, outcome in extractor.stream(files, read, usage=usage.usage):
        for record in outcome.records:
            yield "record", record
        for letter in outcome.dead_letters:
            yield "dead_letter", letter


@dataclass
class ExtractionSummary:
    records: int = 0
    dead_letters: int = 0
    duplicates: int = 0
    methods: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    records_preview: list[dict] = field(default_factory=list)
    letters_preview: list[dict] = field(default_factory=list)
    result: ExtractionResult = field(default_factory=ExtractionResult)
    records_write: WriteReport = field(default_factory=lambda: WriteReport(0))
    letters_write: WriteReport = field(default_factory=lambda: WriteReport(0))


def distinct_raw_files(url: str, root: Path, source: str, day: dt.date, chunk_rows: int = CHUNK_ROWS) -> Iterator[RawFile]:
    """The partition's listed files, one per content (duplicates skipped), streamed from
    `raw_collector_files`."""
    import sqlalchemy as sa

    handle = TableHandle(url, "raw_collector_files", partition_of(source, day))
    for chunk in handle.chunks(chunk_rows, where=sa.column("duplicate_of").is_(None)):
        for path, size in zip(chunk["source_file"], chunk["size_bytes"]):
            yield raw_file_from_row(root, source, day, path, size)


def extract_partition(
    url: str, extractor: Extractor, source: str, day: dt.date, chunk_rows: int = CHUNK_ROWS, on_dead_letter=None
) -> ExtractionSummary:
    """Replace the partition's `extracted_properties` and `extraction_dead_letters` with the
    outcome of every distinct listed file, written chunk by chunk in one transaction."""
    summary = ExtractionSummary()
    partition = partition_of(source, day)
    started = time.perf_counter()
    with PartitionTransaction(url) as transaction:
        writers = {
            "record": transaction.replace("extracted_properties", partition),
            "dead_letter": transaction.replace("extraction_dead_letters", partition),
        }
        columns = {"record": list(EXTRACTED_COLUMNS), "dead_letter": list(DEAD_LETTER_COLUMNS)}
        buffers: dict[str, list[dict]] = {"record": [], "dead_letter": []}
        for kind, writer in writers.items():
            writer.write(pd.DataFrame(columns=columns[kind]))  # both tables exist, even empty

        async def consume() -> None:
            files = distinct_raw_files(url, extractor.root, source, day, chunk_rows)
            async for kind, row in stream_extraction(extractor, files, summary.result):
                _note(summary, kind, row, on_dead_letter)
                buffers[kind].append(row)
                if len(buffers[kind]) >= chunk_rows:
                    writers[kind].write(pd.DataFrame(buffers[kind], columns=columns[kind]))
                    buffers[kind] = []

        asyncio.run(consume())
        for kind, writer in writers.items():
            writer.write(pd.DataFrame(buffers[kind], columns=columns[kind]))
    summary.records_write, summary.letters_write = writers["record"].report(), writers["dead_letter"].report()
    summary.duplicates = TableHandle(url, "raw_collector_files", partition).count("duplicate_of IS NOT NULL")
    summary.result.seconds = time.perf_counter() - started
    if extractor.llm is not None:
        summary.result.client_stats = extractor.llm.stats.snapshot()
    return summary


def _note(summary: ExtractionSummary, kind: str, row: dict, on_dead_letter) -> None:
    if kind == "record":
        summary.records += 1
        summary.methods[row.get("extraction_method")] += 1
        if len(summary.records_preview) < PREVIEW_ROWS:
            summary.records_preview.append(row)
        return
    summary.dead_letters += 1
    summary.reasons[row["reason_code"]] += 1
    if len(summary.letters_preview) < PREVIEW_ROWS:
        summary.letters_preview.append(row)
    if on_dead_letter is not None:
        on_dead_letter(row)


@dataclass
class RunningReport:
    """The partition's quality report and check inputs, folded chunk by chunk: the same row
    `quality.report.partition_report` builds from whole frames, from counters only."""

    fields: tuple[str, ...] = PROPERTY_FIELDS
    min_confidence: float = QualityConfig().min_confidence
    validated: int = 0
    quarantined: int = 0
    dead_letters: int = 0
    confidence_sum: float = 0.0
    below_threshold: int = 0
    histogram: Counter = field(default_factory=Counter)
    with_value: Counter = field(default_factory=Counter)
    issues: Counter = field(default_factory=Counter)
    issue_examples: dict[str, list[str]] = field(default_factory=dict)
    disagreements: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    llm_records: int = 0
    llm_models: set[str] = field(default_factory=set)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latencies: list[float] = field(default_factory=list)
    fallbacks: int = 0
    schema_failing: int = 0
    schema_examples: dict[str, list[str]] = field(default_factory=dict)
    findings: set[str] = field(default_factory=set)
    findings_count: int = 0

    @property
    def records(self) -> int:
        return self.validated + self.quarantined

    @property
    def mean_confidence(self) -> float | None:
        return self.confidence_sum / self.records if self.records else None

    def add_records(self, records: pd.DataFrame) -> None:
        """Fold validated or quarantined rows (one chunk) into the counters."""
        if not len(records):
            return
        confidence = records["confidence"].astype(float)
        self.confidence_sum += float(confidence.sum())
        self.below_threshold += int((confidence < self.min_confidence).sum())
        self.histogram.update(_histogram(confidence))
        for name in self.fields:
            if name in records.columns:
                self.with_value[name] += int(records[name].notna().sum())
        for path, issues, warnings in zip(records["source_file"], records["validation_issues"], records["extraction_warnings"]):
            for issue in issues if isinstance(issues, list) else []:
                self.issues[issue] += 1
                examples = self.issue_examples.setdefault(issue, [])
                if len(examples) < 3:
                    examples.append(path)
            for warning in warnings if isinstance(warnings, list) else []:
                if isinstance(warning, str) and warning.startswith("llm_rules_conflict:"):
                    self.disagreements[warning.removeprefix("llm_rules_conflict:")] += 1
        self._add_llm_usage(records)

    def _add_llm_usage(self, records: pd.DataFrame) -> None:
        if "llm_model" not in records.columns:
            return
        used = records[records["llm_model"].notna()]
        self.llm_records += len(used)
        self.llm_models.update(map(str, used["llm_model"].unique()))
        self.prompt_tokens += int(used["prompt_tokens"].fillna(0).sum())
        self.completion_tokens += int(used["completion_tokens"].fillna(0).sum())
        latency = used["llm_latency_ms"].dropna().astype(float)
        self.latencies += [v for v in latency if v > 0]  # cache hits cost nothing
        self.fallbacks += int(records["llm_fallback"].fillna(False).astype(bool).sum())

    def llm_usage(self) -> dict[str, Any]:
        if not self.llm_records:
            return {"records_with_llm": 0}
        latency = pd.Series(self.latencies, dtype=float)
        return {
            "records_with_llm": self.llm_records,
            "models": sorted(self.llm_models),
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "latency_p50_ms": round(float(latency.quantile(0.5)), 1) if len(latency) else None,
            "latency_p95_ms": round(float(latency.quantile(0.95)), 1) if len(latency) else None,
            "fallbacks": self.fallbacks,
        }

    def add_finding(self, finding: str) -> None:
        if finding not in self.findings:
            self.findings_count += 1
            if len(self.findings) < MAX_LISTED_PATHS:
                self.findings.add(finding)

    def row(self, files: int, distinct: int, conservation: Conservation, blocking_failures: list[str]) -> dict[str, Any]:
        """The `property_quality_report` row (see `quality.report.partition_report`)."""
        mean = self.mean_confidence  # exact, as the report table keeps it (the UI rounds)
        return {
            "files": files,
            "distinct_files": distinct,
            "validated": self.validated,
            "quarantined": self.quarantined,
            "dead_letters": self.dead_letters,
            "dead_letter_rate": self.dead_letters / distinct if distinct else 0.0,
            "mean_confidence": mean,
            "confidence_histogram": _histogram(pd.Series(dtype=float)) | dict(self.histogram),
            "completeness": {f: round(self.with_value[f] / self.records, 3) for f in self.fields if f in self.with_value} if self.records else {},
            "top_issues": [
                {"issue": issue, "records": count, "examples": self.issue_examples[issue]}
                for issue, count in self.issues.most_common(10)
            ],
            "llm_rules_disagreements": dict(self.disagreements),
            "dead_letter_reasons": dict(self.reasons),
            "llm_usage": self.llm_usage(),
            "missing_files": conservation.missing,
            "duplicated_files": conservation.duplicated + conservation.unexpected,
            "conserved": conservation.conserved,
            "blocking_failures": list(blocking_failures),
        }


def _histogram(confidence: pd.Series) -> dict[str, int]:
    return confidence_histogram(confidence)


@dataclass
class Conservation:
    """Every distinct raw file in exactly one outcome table, checked by SQL: counts, and up
    to MAX_LISTED_PATHS paths of each kind of failure."""

    missing_count: int = 0
    duplicated_count: int = 0
    unexpected_count: int = 0
    missing: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)

    @property
    def conserved(self) -> bool:
        return not (self.missing_count or self.duplicated_count or self.unexpected_count)


_PARTITION_WHERE = "source = :source AND collected_on = :collected_on"
_CONSERVATION_CTE = (
    "WITH outcomes AS ("
    + " UNION ALL ".join(f'SELECT record_id FROM "{t}" WHERE {_PARTITION_WHERE}' for t in OUTCOME_TABLES)
    + "), counted AS (SELECT record_id, count(*) AS n FROM outcomes GROUP BY record_id),"
    f" raw AS (SELECT record_id, min(source_file) AS path FROM raw_collector_files WHERE {_PARTITION_WHERE} GROUP BY record_id) "
)
_CONSERVATION_QUERIES = {
    "missing": "SELECT raw.path FROM raw LEFT JOIN counted ON counted.record_id = raw.record_id WHERE counted.record_id IS NULL",
    "duplicated": "SELECT coalesce(raw.path, counted.record_id) FROM counted LEFT JOIN raw ON raw.record_id = counted.record_id WHERE counted.n > 1",
    "unexpected": "SELECT counted.record_id FROM counted LEFT JOIN raw ON raw.record_id = counted.record_id"
    " WHERE raw.record_id IS NULL AND counted.n = 1",
}


def conservation(url: str, source: str, day: dt.date) -> Conservation:
    """Whether every distinct file of the partition has exactly one outcome (SQL over the
    warehouse; the outcome tables must exist)."""
    import sqlalchemy as sa

    from .storage.warehouse import get_engine

    result = Conservation()
    with get_engine(url).connect() as conn:
        for kind, query in _CONSERVATION_QUERIES.items():
            sql = _CONSERVATION_CTE + query
            count = int(conn.execute(sa.text(f"SELECT count(*) FROM ({sql}) AS q"), partition_of(source, day)).scalar() or 0)
            setattr(result, f"{kind}_count", count)
            if count:  # the paths only when there are some (a conserved partition needs three counts)
                paths = conn.execute(sa.text(f"{sql} ORDER BY 1 LIMIT {MAX_LISTED_PATHS}"), partition_of(source, day))
                setattr(result, kind, sorted(paths.scalars()))
    return result


@dataclass
class ValidationSummary:
    report: RunningReport
    conservation: Conservation
    files: int
    distinct_files: int
    validated_preview: pd.DataFrame
    quarantined_preview: pd.DataFrame
    validated_write: WriteReport
    quarantined_write: WriteReport
    personal_values_in_input: int = 0
    validated_mean_confidence: float | None = None


@dataclass
class _Personal:
    """Personal values of one chunk's files, read again from the landing zone."""

    root: Path
    source: str
    day: dt.date
    max_bytes: int
    seen: int = 0

    def of_files(self, paths: Iterable[str]) -> dict[str, set[str]]:
        extract = get_source(self.source).personal_values
        if extract is None:
            return {}
        found = {}
        for path in set(paths):
            raw = self._read(path)
            if raw is None:
                continue
            try:
                values = extract(raw)
            except SourceError:
                continue
            self.seen += len(values)
            found[path] = {v for v in map(_searchable, values) if v}
        return found

    def _read(self, path: str) -> bytes | None:
        """The file's bytes as `read_raw` gives them, or None where it raises (a link, an
        unreadable or oversized file). `read_raw` opens with O_NOFOLLOW, so a link fails to
        open; the separate per-file link lookup (size 0) is needed only where it cannot."""
        raw_file = raw_file_from_row(self.root, self.source, self.day, path, 0 if not _NOFOLLOW else 1)
        try:
            return read_raw(self.root, raw_file, self.max_bytes)
        except SourceError:
            return None


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _look_for_personal_data(report: RunningReport, name: str, frame: pd.DataFrame, personal: _Personal) -> None:
    """The no-personal-data check's findings for one chunk of an output table (see
    `quality.privacy.personal_data_findings`; each row against its own file's values)."""
    for column in frame.columns:
        if PERSONAL_COLUMN.search(column):
            report.add_finding(f"{name}: column {column!r} looks like personal data")
    if not len(frame):
        return
    values_of = personal.of_files(frame["source_file"])
    columns = list(frame.columns)
    # The rows as `to_dict("records")` gives them (Python scalars), read column by column.
    for row in map(dict, map(partial(zip, columns), zip(*(frame[c].tolist() for c in columns)))):
        values = values_of.get(row.get("source_file"))
        if values and row_holds_any(row, values):
            report.add_finding(f"{name}: {row.get('source_file')} holds personal data")
        for column in name_shaped_values(row):
            report.add_finding(f"{name}: {row.get('source_file')} {column} looks like a person's name")


def validate_partition(
    url: str,
    root: Path,
    source: str,
    day: dt.date,
    config: QualityConfig,
    max_file_bytes: int,
    chunk_rows: int = CHUNK_ROWS,
) -> ValidationSummary:
    """Replace the partition's validated and quarantined rows with `validate_records` applied
    to each chunk of its extracted rows (same rules and thresholds: every record is scored on
    its own), in one transaction; fold the report, the schema check and the personal-data
    check as it goes, then check conservation in SQL."""
    partition = partition_of(source, day)
    report = RunningReport(fields=tuple(get_source(source).llm_fields), min_confidence=config.min_confidence)
    personal = _Personal(Path(root), source, day, max_file_bytes)
    previews: dict[str, pd.DataFrame] = {}
    validated_confidence = 0.0
    with PartitionTransaction(url) as transaction:
        writers = {
            "validated_properties": transaction.replace("validated_properties", partition),
            "quarantined_properties": transaction.replace("quarantined_properties", partition),
        }
        for chunk in TableHandle(url, "extracted_properties", partition).chunks(chunk_rows):
            result = validate_records(chunk, config)
            for name, frame in (("validated_properties", result.validated), ("quarantined_properties", result.quarantined)):
                writers[name].write(frame)
                report.add_records(frame)
                _look_for_personal_data(report, name, frame, personal)
                if name not in previews or len(previews[name]) < PREVIEW_ROWS:
                    previews[name] = pd.concat([previews.get(name, frame.head(0)), frame.head(PREVIEW_ROWS)]).head(PREVIEW_ROWS)
            report.validated += len(result.validated)
            validated_confidence += float(result.validated["confidence"].astype(float).sum()) if len(result.validated) else 0.0
            report.quarantined += len(result.quarantined)
            # `schema_failing` stays 0 here by construction: `validate_records` quarantines every
            # row failing the schema and validates the rows it keeps against
            # ValidatedPropertiesSchema (raising if one fails), so a third pandera pass per
            # chunk could only find nothing.
        for name, writer in writers.items():
            if name not in previews:  # no extracted rows: the tables still exist, empty
                empty = validate_records(pd.DataFrame(columns=list(EXTRACTED_COLUMNS)), config)
                writer.write(empty.validated if name == "validated_properties" else empty.quarantined)
    for chunk in TableHandle(url, "extraction_dead_letters", partition).chunks(chunk_rows):
        report.dead_letters += len(chunk)
        report.reasons.update(chunk["reason_code"])
        _look_for_personal_data(report, "extraction_dead_letters", chunk, personal)
    raw = TableHandle(url, "raw_collector_files", partition)
    return ValidationSummary(
        report=report,
        conservation=conservation(url, source, day),
        files=raw.count(),
        distinct_files=int(raw.scalar("count(DISTINCT record_id)") or 0),
        validated_preview=previews.get("validated_properties", pd.DataFrame()),
        quarantined_preview=previews.get("quarantined_properties", pd.DataFrame()),
        validated_write=writers["validated_properties"].report(),
        quarantined_write=writers["quarantined_properties"].report(),
        personal_values_in_input=personal.seen,
        validated_mean_confidence=validated_confidence / report.validated if report.validated else None,
    )


def run_partition(
    url: str, extractor: Extractor, source: str, day: dt.date, config: QualityConfig, chunk_rows: int = CHUNK_ROWS
) -> tuple[ListingSummary, ExtractionSummary, ValidationSummary]:
    """The three steps in order, without Dagster (the assets call them one per step)."""
    listing = list_partition(url, extractor.root, source, day, extractor.max_file_bytes, chunk_rows)
    extraction = extract_partition(url, extractor, source, day, chunk_rows)
    validation = validate_partition(url, extractor.root, source, day, config, extractor.max_file_bytes, chunk_rows)
    return listing, extraction, validation


__all__ = [
    "Conservation",
    "ExtractionSummary",
    "ListingSummary",
    "RunningReport",
    "ValidationSummary",
    "conservation",
    "extract_partition",
    "list_partition",
    "run_partition",
    "stream_extraction",
    "validate_partition",
]
