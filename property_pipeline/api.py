"""The Python API: the pipeline's core for one-off work, without Dagster.

    from pathlib import Path
    from property_pipeline import process_property

    result = process_property(Path("listing.html"), "phoenix_mls")

Every item goes through the same core the assets run (source adapter ->
extractor -> validator), configured from the same environment variables
(`Settings.from_env()`, the LLM client from `llm.factory.build_client(settings)`), and
ends as exactly one `ProcessedRecord` whose disposition is `valid`,
`quarantine` or `dead_letter`. See docs/api.md.

Input items are what collectors hand over: a `Path` (a file to read),
`bytes` (the file's content), a `str` (a page's HTML or a record's JSON
text; a short one-line string that does not start with `<`, `{` or `[` is a
path), or a `dict` (an assessor record the collector already parsed). Items
have no landing folder, so each gets a synthetic landing entry:
`source_file` is the file name, or `<memory>/<n>` for the n-th item given
as content, and `collected_on` is today.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import threading
import time
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar, Union

import pandas as pd
from pydantic import ConfigDict, ValidationError

from .contract import EXTRACTED_COLUMNS, LINEAGE_COLUMNS, RECORD_COLUMNS, PropertyFields
from .extraction.extractor import ExtractionResult, Extractor, async_items, dead_letter
from .landing import RawFile
from .llm.base import StructuredLLM
from .llm.factory import build_client, extractor_options
from .nulls import is_missing
from .quality.rules import QualityConfig
from .quality.validate import validate_records
from .settings import Settings
from .sources import Source, get_source
from .storage.llm_cache import LLMCache

__all__ = [
    "Disposition",
    "Item",
    "Pipeline",
    "ProcessedRecord",
    "PropertyData",
    "process_batch",
    "process_property",
    "process_stream",
]

Disposition = Literal["valid", "quarantine", "dead_letter"]
Item = Union[Path, bytes, str, Mapping[str, Any]]
"""A raw collector file: a `Path` to read; its content as `bytes` or `str` (a `str` that is one
short line not starting with `<`, `{` or `[` is taken as a path); or a parsed JSON record (`dict`)."""

MEMORY_PREFIX = "<memory>"
MAX_BATCH_WINDOW_S = 0.25
T = TypeVar("T")


def _plain(value: Any) -> Any:
    """A DataFrame cell as a plain Python value: missing -> None, numpy scalars -> Python."""
    if is_missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item") and not isinstance(value, (list, dict, str, bytes)):
        return _plain(value.item())
    return value


class PropertyData(PropertyFields):
    """The property of a processed record, typed: the contract's property fields and lineage.

    `address` is the one-line address (`unparsed_address`). Values are those of the
    record, so a quarantined record's values are here too, exactly as extracted.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    record_id: str | None = None
    source: str | None = None
    source_file: str | None = None
    collected_on: dt.date | None = None
    property_key: str | None = None

    @property
    def address(self) -> str | None:
        return self.unparsed_address

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> PropertyData:
        """Typed view of a contract row; a value outside the contract's types (possible in a
        quarantined record) is kept as it is rather than raising."""
        try:
            return cls.model_validate(dict(record))
        except ValidationError:
            return cls.model_construct(**{k: record.get(k) for k in cls.model_fields})


@dataclass(frozen=True)
class ProcessedRecord:
    """What one raw file became.

    `record` holds the record contract's columns (lineage, property fields,
    metadata; missing values are None). `disposition` is `valid` (passed
    schema, rules and the confidence threshold), `quarantine` (kept for
    review; `reasons` says why) or `dead_letter` (no record could be
    extracted; `reasons` and `reason_code` say why, `confidence` is None).
    """

    record: dict[str, Any]
    disposition: Disposition
    confidence: float | None
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """What the extractor noticed: LLM/rules conflicts, an LLM fallback, ungrounded values."""
    reason_code: str | None = None
    """For dead letters, the machine-readable reason (`binary`, `no_property_key`, `llm_invalid_reply`, ...)."""
    index: int = 0
    """Position of the item in its input (0 for `process_property`)."""

    @property
    def source_file(self) -> str:
        return self.record["source_file"]

    @property
    def ok(self) -> bool:
        return self.disposition == "valid"

    @property
    def property_data(self) -> PropertyData:
        """The record's property as a typed model (`.address`, `.list_price`, ...)."""
        return PropertyData.from_record(self.record)

    def to_dict(self) -> dict[str, Any]:
        """A flat, JSON-friendly row: the contract columns plus `disposition` and `reason`,
        the same shape as `property-pipeline export` writes."""
        row = {
            name: value.isoformat() if isinstance(value, dt.date) else value for name, value in self.record.items()
        }
        row["disposition"] = self.disposition
        row["reason"] = "; ".join(self.reasons) or None
        return row


@dataclass
class _Extracted:
    """One item after extraction, before validation."""

    index: int
    record: dict[str, Any] | None = None
    letter: dict[str, Any] | None = None


def _from_dead_letter(index: int, letter: dict[str, Any]) -> ProcessedRecord:
    record: dict[str, Any] = dict.fromkeys(RECORD_COLUMNS)
    record.update({name: letter.get(name) for name in LINEAGE_COLUMNS})
    return ProcessedRecord(
        record=record,
        disposition="dead_letter",
        confidence=None,
        reasons=[f"[{letter['reason_code']}] {letter['reason']}"],
        reason_code=letter["reason_code"],
        index=index,
    )


def _from_row(index: int, row: dict[str, Any], disposition: Disposition) -> ProcessedRecord:
    row = {name: _plain(value) for name, value in row.items()}
    reasons = [r for r in (row.get("quarantine_reason") or "").split("; ") if r]
    return ProcessedRecord(
        record={name: row.get(name) for name in RECORD_COLUMNS},
        disposition=disposition,
        confidence=row.get("confidence"),
        reasons=reasons,
        warnings=list(row.get("extraction_warnings") or []),
        index=index,
    )


def _run_sync(coro: Awaitable[T]) -> T:
    """Run a coroutine to completion from synchronous code. Inside a running event loop (a
    notebook), it runs on a helper thread's own loop: the caller blocks, nothing deadlocks."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)  # type: ignore[arg-type]
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="property_pipeline") as pool:
        return pool.submit(asyncio.run, coro).result()  # type: ignore[arg-type]


_FROM_SETTINGS: Any = object()


class Pipeline:
    """The core pipeline for one-off work: settings, an LLM client (optional), an LLM result
    cache (optional) and the quality thresholds.

    By default everything comes from the environment, as for the assets:
    `Settings.from_env()` and the LLM client of `build_client(settings)`. Pass
    `llm=None` for rules only, or any `StructuredLLM` client. A client the
    pipeline built itself is owned, and closed by `aclose()` or on leaving
    `async with Pipeline() as p:`; a client passed in stays the caller's.

    `cache=True` uses the LLM result cache in the warehouse database
    (`settings.warehouse_url`), so the same text is never sent to the LLM
    twice; the default is no cache (nothing is written anywhere).

    `concurrency` caps the items being extracted at once (LLM requests in
    flight); it never exceeds the client's `max_in_flight`, which is its
    default.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        llm: StructuredLLM | None = _FROM_SETTINGS,
        cache: LLMCache | bool = False,
        quality: QualityConfig | None = None,
        concurrency: int | None = None,
    ) -> None:
        self.settings = settings or Settings.from_env()
        self.quality = quality or self.settings.quality_config()
        self.concurrency = concurrency
        self._extractor_options = extractor_options(self.settings)
        self._owns_llm = llm is _FROM_SETTINGS
        if self._owns_llm:
            llm = build_client(self.settings)
        self.llm: StructuredLLM | None = llm
        if cache is True:
            cache = LLMCache(self.settings.warehouse_url)
        self.cache: LLMCache | None = cache or None

    def __repr__(self) -> str:
        llm = self.llm.model if self.llm is not None else "none (rules only)"
        return f"Pipeline(llm={llm!r}, cache={self.cache is not None}, min_confidence={self.quality.min_confidence})"

    async def __aenter__(self) -> Pipeline:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the owned LLM client's connections on the running event loop."""
        close = getattr(self.llm, "aclose", None)
        if self._owns_llm and close is not None:
            await close()

    def in_flight_limit(self, concurrency: int | None = None) -> int:
        """How many items are extracted at once: `concurrency` (or the pipeline's), never more
        than the LLM client's `max_in_flight`."""
        wanted = concurrency or self.concurrency
        if self.llm is None:
            return max(1, wanted or os.cpu_count() or 1)
        limit = max(1, self.llm.max_in_flight)
        return max(1, min(wanted, limit)) if wanted else limit

    def extractor(self, source: str | Source, root: Path | None = None) -> Extractor:
        """An extractor with this pipeline's LLM, cache and limits; `root` is a landing root to
        `read` from (None: only bytes and absolute paths are handed to it)."""
        return Extractor(
            source,
            root=root,
            llm=self.llm,
            cache=self.cache if self.llm is not None else None,
            max_file_bytes=self.settings.max_file_bytes,
            **self._extractor_options.as_kwargs(),
        )

    def golden_records(self, results: Iterable[ProcessedRecord] | None = None) -> pd.DataFrame:
        """One row per property (`property_pipeline.golden`): built from the valid records among
        `results` when given, else the warehouse's `property_golden_records` table as last built."""
        from .golden import build_golden, read_golden

        if results is None:
            return read_golden(self.settings.warehouse_url)
        return build_golden(r.record for r in results if r.ok).golden

    async def process_property(self, raw: Item, source: str | Source) -> ProcessedRecord:
        """Process one raw item (a path, or content as bytes, str or dict) of `source`."""
        async for result in self.process_stream([raw], source):
            return result
        raise AssertionError("unreachable: one item in, one result out")

    process = process_property

    async def process_batch(
        self, items: Iterable[Item], source: str | Source, *, concurrency: int | None = None
    ) -> list[ProcessedRecord]:
        """Process every item; results in input order, one per item."""
        results = [r async for r in self.process_stream(items, source, concurrency=concurrency)]
        return sorted(results, key=lambda r: r.index)

    async def process_stream(
        self,
        items: AsyncIterable[Item] | Iterable[Item],
        source: str | Source,
        *,
        concurrency: int | None = None,
    ) -> AsyncIterator[ProcessedRecord]:
        """Yield one `ProcessedRecord` per item as it finishes (not in input order; `.index`
        is the input position).

        The input is consumed lazily and memory stays flat however long it is: at
        most twice the in-flight limit of items are being extracted (at most the
        limit with the LLM at once), and at most eight times the limit of finished
        records wait for validation and the consumer. Records are validated in
        small batches, which costs about as much as validating one.

        Leaving the `async for` early is safe; wrap the stream in
        `contextlib.aclosing` to release its resources at once rather than when
        the event loop shuts down.
        """
        source = get_source(source) if isinstance(source, str) else source
        stream = _Stream(self, source, self.in_flight_limit(concurrency))
        feeder = asyncio.create_task(stream.feed(items))
        try:
            async for batch in stream.batches():
                # On a thread, so that requests keep flowing meanwhile.
                started = time.perf_counter()
                for result in await asyncio.to_thread(self._validate, batch):
                    yield result
                stream.window = min(2 * (time.perf_counter() - started), MAX_BATCH_WINDOW_S)
        finally:
            feeder.cancel()
            await stream.cancel(feeder)

    def _validate(self, batch: list[_Extracted]) -> list[ProcessedRecord]:
        results = [_from_dead_letter(e.index, e.letter) for e in batch if e.letter is not None]
        extracted = [e for e in batch if e.record is not None]
        if extracted:
            # The record_id is the content's hash: two identical items in one batch are told apart by position.
            frame = pd.DataFrame([e.record for e in extracted], columns=list(EXTRACTED_COLUMNS))
            frame["_index"] = [e.index for e in extracted]
            outcome = validate_records(frame, self.quality)
            for df, disposition in ((outcome.validated, "valid"), (outcome.quarantined, "quarantine")):
                for row in df.to_dict("records"):
                    results.append(_from_row(int(row.pop("_index")), row, disposition))
        return results


@dataclass
class _Job:
    """One input item on its way through `Extractor.stream`: its position, and the name it is
    known by once staged (`source_file`)."""

    index: int
    item: Item
    name: str = ""


class _Stream:
    """The moving parts of one `Pipeline.process_stream`: a feeder that drives the items
    through the extractor's engine (`Extractor.stream`: at most `2 * limit` alive, `limit`
    of them at the LLM), and a bounded queue of finished extractions that `batches` hands
    out for validation."""

    def __init__(self, pipeline: Pipeline, source: Source, limit: int) -> None:
        self.source = source
        self.limit = limit
        self.today = dt.date.today()
        # Items are absolute paths or content in hand: no landing root.
        self.extractor = pipeline.extractor(source)
        self.done: asyncio.Queue[_Extracted | BaseException | None] = asyncio.Queue(maxsize=8 * limit)
        self.feeding = True
        self.window = 0.0
        """How long to let more extractions finish before validating: about twice the last
        validation's time, so validation (whose cost hardly depends on batch size) stays off
        the critical path."""

    async def feed(self, items: AsyncIterable[Item] | Iterable[Item]) -> None:
        """Extract every item, queueing each outcome, then mark the end."""
        try:
            outcomes = self.extractor.stream(self._jobs(items), self._read, limit=self.limit)
            async with contextlib.aclosing(outcomes):
                async for job, outcome in outcomes:
                    await self.done.put(_extracted(job, outcome))
            self.feeding = False
            await self.done.put(None)
        except Exception as exc:  # the input itself failed, a bad item type, a full disk: the caller's to see
            self.feeding = False
            await self.done.put(exc)

    @staticmethod
    async def _jobs(items: AsyncIterable[Item] | Iterable[Item]) -> AsyncIterator[_Job]:
        index = 0
        async for item in async_items(items):
            yield _Job(index, item)
            index += 1

    def _read(self, job: _Job) -> tuple[str, Any, dict[str, Any] | None]:
        raw_file, job.name, content, letter = _stage(job.index, job.item, self.source.name, self.today)
        job.item = None  # the content is parsed now: hold it no longer
        if letter is not None:
            return letter["record_id"], None, letter
        if content is not None:
            return self.extractor.parse(raw_file, content)
        return self.extractor.read_file(raw_file, Path(raw_file.path))

    async def batches(self) -> AsyncIterator[list[_Extracted]]:
        """Finished extractions in batches, until the feeder marks the end; raises what failed."""
        while True:
            item = await self.done.get()
            if self.feeding and self.window:
                await asyncio.sleep(self.window)
            batch: list[_Extracted] = []
            while item is not None:
                if isinstance(item, BaseException):
                    raise item
                batch.append(item)
                try:
                    item = self.done.get_nowait()
                except asyncio.QueueEmpty:
                    break
            if batch:
                yield batch
            if item is None:
                return

    async def cancel(self, feeder: asyncio.Task) -> None:
        await asyncio.gather(feeder, return_exceptions=True)


def _extracted(job: _Job, outcome: ExtractionResult) -> _Extracted:
    """One item's outcome, its rows named as the item is known (`source_file`)."""
    out = _Extracted(
        job.index,
        record=outcome.records[0] if outcome.records else None,
        letter=outcome.dead_letters[0] if outcome.dead_letters else None,
    )
    for row in (out.record, out.letter):
        if row is not None:
            row["source_file"] = job.name
    return out


def _stage(
    index: int, item: Item, source: str, today: dt.date
) -> tuple[RawFile, str, bytes | None, dict[str, Any] | None]:
    """A synthetic landing entry for one item (an absolute path, or a name for bytes), the name
    it is known by (`source_file`), its content when it came as bytes, and a dead letter when a
    path names no regular file."""
    content = _content(item)
    if content is not None:
        name = f"{MEMORY_PREFIX}/{index}"
        return RawFile(source=source, collected_on=today, path=name, size=len(content)), name, content, None
    if isinstance(item, str):
        item = Path(item)
    if not isinstance(item, os.PathLike):
        raise TypeError(f"expected a Path, bytes, a str (content or path) or a dict; got {type(item).__name__}")
    path = Path(item)
    # The caller named this file: follow a link to it (in the landing zone links are never followed).
    resolved = path.resolve()
    raw_file = RawFile(source=source, collected_on=today, path=str(resolved), size=0)
    if not resolved.is_file():
        why = "does not exist" if not resolved.exists() else "is not a regular file"
        record_id = hashlib.sha256(b"unreadable:" + os.fsencode(str(resolved))).hexdigest()
        return raw_file, path.name, None, dead_letter(raw_file, record_id, "unreadable", f"{path} {why}")
    return dataclasses.replace(raw_file, size=resolved.stat().st_size), path.name, None, None


MAX_PATH_CHARS = 4096


def _content(item: Item) -> bytes | None:
    """An item's content when it came as content (bytes, text, a parsed record), else None (a path)."""
    if isinstance(item, (bytes, bytearray, memoryview)):
        return bytes(item)
    if isinstance(item, Mapping):
        # NaN is written as the non-JSON token it is, so the source adapter dead-letters it with its reason.
        return json.dumps(item, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")
    if isinstance(item, str) and _is_text_content(item):
        return item.encode("utf-8", "surrogatepass")
    return None


def _is_text_content(text: str) -> bool:
    """Collectors hand pages and JSON as text; a path is one short line that is not markup or JSON."""
    stripped = text.strip()
    return not stripped or "\n" in stripped or len(text) > MAX_PATH_CHARS or stripped.startswith(("<", "{", "["))


_default_lock = threading.Lock()
_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The pipeline the module-level functions use: built from the environment, and rebuilt
    when the environment's settings change."""
    global _default
    settings = Settings.from_env()
    with _default_lock:
        if _default is None or _default.settings != settings:
            _default = Pipeline(settings)
        return _default


def process_property(raw: Item, source: str | Source, *, pipeline: Pipeline | None = None) -> ProcessedRecord:
    """Process one raw item: a `Path` to read, or content as `bytes`, `str` or a parsed `dict`.

    Synchronous; in async code use `await pipeline.process_property(raw, source)`.
    """
    pipeline = pipeline or default_pipeline()
    return _run_sync(pipeline.process(raw, source))


def process_batch(
    items: Iterable[Item],
    source: str | Source,
    *,
    concurrency: int | None = None,
    pipeline: Pipeline | None = None,
) -> list[ProcessedRecord]:
    """Process every item of one source; one result per item, in input order. Synchronous."""
    pipeline = pipeline or default_pipeline()
    return _run_sync(pipeline.process_batch(items, source, concurrency=concurrency))


def process_stream(
    items: AsyncIterable[Item] | Iterable[Item],
    source: str | Source,
    *,
    concurrency: int | None = None,
    pipeline: Pipeline | None = None,
) -> AsyncIterator[ProcessedRecord]:
    """Process items as they arrive, yielding results as they finish (see `Pipeline.process_stream`):

        async for result in process_stream(items, "phoenix_mls", concurrency=4):
            ...
    """
    pipeline = pipeline or default_pipeline()
    return pipeline.process_stream(items, source, concurrency=concurrency)
