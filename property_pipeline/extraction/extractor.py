"""The extractor: raw file -> source adapter -> rules (+ cache -> LLM) -> merge -> record or dead letter.

Entry points: `Extractor.stream` (the one bounded-concurrency engine: the
partition stream, `run` and the Python API all drive files through it),
`Extractor.run` (a batch collected in memory), `Extractor.read` / `read_file` /
`parse` (a landing file, an absolute path, or bytes in hand; the Python API's
`process_property(bytes, source)` is the public bytes-in entry point). Every
distinct file comes back as exactly one record or one dead letter; an exception
never escapes for one bad file or one LLM failure.

LLM failures degrade, they do not crash:
- the server is down, slow, overloaded or the circuit breaker is open: the
  record falls back to the rules (`llm_fallback`, lower confidence), or is a
  dead letter when the rules alone cannot identify the property;
- the reply is still invalid after one re-ask: a dead letter (`llm_invalid_reply`),
  replayed on the next materialization of the partition.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import time
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from ..contract import DEAD_LETTER_COLUMNS, EXTRACTED_COLUMNS
from ..golden import keys
from ..landing import (
    DEFAULT_MAX_FILE_BYTES,
    RawFile,
    bytes_id,
    content_id,
    read_raw,
    too_large,
)
from ..llm.base import LLMError, StructuredLLM, percentile
from ..settings import default
from ..sources import RuleExtraction, Source, SourceDocument, SourceError, get_source
from ..sources.listing_text import statement_sentences
from ..sources.normalize import compose_address
from ..storage.llm_cache import LLMCache, cache_key
from .grounding import IDENTITY_FIELDS, MUST_BE_GROUNDED, is_grounded
from .llm_step import (
    PROMPT_VERSION,
    STRATEGIES,
    ReplyError,
    Request,
    full_request,
    llm_extract,
    targeted_fields,
    targeted_request,
)
from .merge import MergedFields, merge
from .number_evidence import stated_fields

log = logging.getLogger(__name__)
J = TypeVar("J")


@dataclass
class LLMUsage:
    """What one batch asked of the LLM, for the UI and the benchmarks."""

    requests: int = 0
    cache_hits: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasks: int = 0
    fallbacks: int = 0
    invalid_replies: int = 0
    truncated_prompts: int = 0
    length_splits: int = 0
    identity_requests: int = 0
    identity_rescues: int = 0
    skipped: int = 0
    latencies_ms: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        latencies = sorted(self.latencies_ms)
        return {
            "llm_requests": self.requests,
            "cache_hits": self.cache_hits,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "latency_p50_ms": percentile(latencies, 50),
            "latency_p95_ms": percentile(latencies, 95),
            "reasks": self.reasks,
            "fallbacks": self.fallbacks,
            "invalid_replies": self.invalid_replies,
            "truncated_prompts": self.truncated_prompts,
            "length_splits": self.length_splits,
            "identity_requests": self.identity_requests,
            "identity_rescues": self.identity_rescues,
            "records_needing_no_llm_call": self.skipped,
        }


@dataclass
class ExtractionResult:
    """One batch's output: records and dead letters, plus counters for the UI."""

    records: list[dict[str, Any]] = field(default_factory=list)
    dead_letters: list[dict[str, Any]] = field(default_factory=list)
    duplicates: int = 0
    compact_chars: int = 0
    raw_bytes: int = 0
    seconds: float = 0.0
    usage: LLMUsage = field(default_factory=LLMUsage)
    client_stats: dict[str, Any] = field(default_factory=dict)

    def records_frame(self) -> pd.DataFrame:
        return pd.DataFrame(sorted(self.records, key=_by_path), columns=list(EXTRACTED_COLUMNS))

    def dead_letters_frame(self) -> pd.DataFrame:
        return pd.DataFrame(sorted(self.dead_letters, key=_by_path), columns=list(DEAD_LETTER_COLUMNS))


def _by_path(row: dict[str, Any]) -> str:
    return row["source_file"]


def property_key(values: dict[str, Any]) -> str | None:
    """`apn:<parcel>` when the parcel is known, else `addr:<normalized one-line address>`."""
    return keys.property_key(values)


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
    record: dict[str, Any] = dict.fromkeys(EXTRACTED_COLUMNS)
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
        llm_fallback=False,
        extraction_warnings=[f"llm_rules_conflict:{name}" for name in merged.conflicts] + list(merged.warnings),
        field_evidence={k: v for k, v in merged.evidence.items() if k in merged.values},
    )
    return record


# Calibrated on the samples: grounded values only the LLM found were right less often than
# rule values (a 1.5B model fills a pool flag from "Community pool"), so they stay under 0.8.
GROUNDED_LLM_CONFIDENCE = 0.75
UNGROUNDED_LLM_CONFIDENCE = 0.3


# Yes/no facts a description states in one sentence ("a heated pool and spa", "There is no HOA").
REMARKS_GROUNDED = frozenset(("pool_private_yn", "association_yn"))
_CLAUSE_BREAK = re.compile(r",\s+|\s*;\s*|\s+but\s+")


def grounded_in_remarks(name: str, value: Any, remarks: str | None, values: dict[str, Any]) -> bool:
    """Whether one clause of one statement sentence of the remarks (see `statement_sentences`: not
    about other homes, not addressed to the reader), taken alone, grounds a yes/no value: "a heated
    pool and spa" grounds a private pool, "the community pool is steps away" grounds nothing."""
    if not remarks or name not in REMARKS_GROUNDED:
        return False
    return any(is_grounded(name, value, clause, values) is True
               for sentence in statement_sentences(remarks) for clause in _CLAUSE_BREAK.split(sentence))


def ground_llm_values(merged: MergedFields, text: str, remarks: str | None = None) -> list[str]:
    """Check every value only the LLM found against the source text; returns the ungrounded fields.

    Values without evidence (see `grounding`) are removed: the contract says never to guess.
    Ungrounded free text (a street or city the model may have reworded) is kept at low confidence.
    A yes/no fact the page's facts do not ground may be grounded in one clause of the `remarks`
    (`grounded_in_remarks`), since facts text leaves the remarks out.
    """
    ungrounded = []
    for name, origin in list(merged.sources.items()):
        if origin != "llm":
            continue
        grounded = is_grounded(name, merged.values[name], text, merged.values)
        if grounded is False and grounded_in_remarks(name, merged.values[name], remarks, merged.values):
            grounded = True
        if grounded is None:
            continue
        if grounded:
            merged.confidence[name] = max(merged.confidence[name], GROUNDED_LLM_CONFIDENCE)
            continue
        ungrounded.append(name)
        if name in MUST_BE_GROUNDED:
            del merged.values[name], merged.sources[name], merged.confidence[name]
        else:
            merged.confidence[name] = UNGROUNDED_LLM_CONFIDENCE
    return ungrounded


# Fields whose label on a page, next to a number, says the page states them (`stated_fields`).
# Lot size counts as read when either unit is; other numeric fields are left out where labels
# are too loose to tell (a "Taxes: 2,345" line is no tax year).
COVERAGE_FIELDS = (
    "list_price", "bedrooms_total", "bathrooms_full", "living_area", "year_built", "garage_spaces", "stories",
    "association_fee", "lot_size_square_feet", "full_cash_value", "limited_property_value",
)
NEEDS_REVIEW = "needs_review:"
_LOT_FIELDS = ("lot_size_square_feet", "lot_size_acres")


def unread_fields(values: dict[str, Any], text: str, source: Source) -> list[str]:
    """Fields the page states next to a label for them but the record lacks: coverage misses."""
    read = set(values) | (set(_LOT_FIELDS) if any(f in values for f in _LOT_FIELDS) else set())
    candidates = [f for f in COVERAGE_FIELDS if f not in read and f in source.llm_fields]
    if not candidates:
        return []
    # Only the fields that could be missed are looked for (the same answer, a fraction of the work).
    stated = stated_fields(text, {*candidates, *(_LOT_FIELDS if "lot_size_square_feet" in candidates else ())})
    if stated & set(_LOT_FIELDS):
        stated.add("lot_size_square_feet")
    return [f for f in candidates if f in stated]


# Below the quarantine threshold on its own: an identity the LLM disputed is reviewed by a person.
DISPUTED_IDENTITY_CONFIDENCE = 0.45


def keep_rules_identity(merged: MergedFields, rules: RuleExtraction) -> str | None:
    """When settling rules/LLM disagreements emptied the identity fields the rules had read, the
    file must not become a `no_property_key` dead letter for it: the rules' identity comes back
    at low confidence with `identity_kept_from_rules:<field>`, so the record is kept (and, being
    unsure, quarantined for review) instead of lost. Returns the key, or None."""
    if property_key(rules.values) is None:
        return None
    restored = [n for n in IDENTITY_FIELDS if rules.values.get(n) is not None and merged.values.get(n) is None]
    # The one-line address is the rules' too, so it agrees with the parts it is built from.
    for name in [*restored, "unparsed_address"] if rules.values.get("unparsed_address") else restored:
        merged.values[name] = rules.values[name]
        merged.sources[name] = "rules"
        merged.confidence[name] = DISPUTED_IDENTITY_CONFIDENCE
        merged.evidence[name] = rules.evidence.get(name, "rules")
        merged.warnings.append(f"identity_kept_from_rules:{name}")
    return property_key(merged.values)


@dataclass
class ParsedFile:
    raw_file: RawFile
    record_id: str
    doc: SourceDocument
    rules: RuleExtraction


Read = tuple[str, ParsedFile | None, dict[str, Any] | None]
"""What reading one job gives `Extractor.stream`: (record_id, parsed file or None, dead letter or None)."""


def facts_text(parsed: ParsedFile) -> str:
    """The text values may be grounded in: the document without its free-text remarks, which
    are untrusted prose (an injected "set the price to 1" must not ground a price of 1)."""
    remarks = parsed.rules.values.get("public_remarks")
    text = parsed.doc.text
    return text.replace(remarks, " ") if remarks else text


class Extractor:
    """Turns raw files of one source into records and dead letters, the LLM optional.

    With `llm=None` extraction is rule-based. With an LLM, up to
    `llm.max_in_flight` requests are kept in flight, and at most twice that
    many parsed documents are held in memory at once.
    """

    def __init__(
        self,
        source: str | Source,
        *,
        root: Path | None = None,
        llm: StructuredLLM | None = None,
        cache: LLMCache | None = None,
        max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
        num_ctx: int = default("num_ctx"),
        num_predict: int = default("num_predict"),
        use_rules: bool = True,
        strategy: str = default("strategy"),
    ):
        if strategy not in STRATEGIES:
            raise ValueError(f"strategy {strategy!r}; expected one of {STRATEGIES}")
        self.source = get_source(source) if isinstance(source, str) else source
        self.root = Path(root) if root is not None else None
        """The landing root `read` resolves `RawFile.path` against; None for an extractor that is only
        handed bytes (`parse`) or absolute paths (`read_file`), as the Python API does."""
        self.llm = llm
        self.cache = cache
        self.max_file_bytes = max_file_bytes
        self.num_ctx = num_ctx
        self.num_predict = num_predict
        self.use_rules = use_rules
        # Without rules there is nothing to target: ask for everything.
        self.strategy = strategy if use_rules else "full"

    def read(self, raw_file: RawFile) -> tuple[str, ParsedFile | None, dict[str, Any] | None]:
        """Read a landing file and parse it: (record_id, parsed or None, dead letter or None)."""
        if self.root is None:
            raise ValueError("this extractor has no landing root: use read_file(raw_file, path) or parse(raw_file, bytes)")
        return self._read(self.root, raw_file)

    def read_file(self, raw_file: RawFile, path: Path) -> tuple[str, ParsedFile | None, dict[str, Any] | None]:
        """Read the file at `path` (absolute, named by a caller rather than found in the landing
        zone) as `raw_file`: the same size limit and outcomes as `read`."""
        return self._read(path.parent, replace(raw_file, path=path.name, fs_path=None))

    def _read(self, root: Path, raw_file: RawFile) -> tuple[str, ParsedFile | None, dict[str, Any] | None]:
        try:
            raw = read_raw(root, raw_file, self.max_file_bytes)
        except SourceError as exc:
            record_id = content_id(root, raw_file, self.max_file_bytes)
            return record_id, None, dead_letter(raw_file, record_id, exc.code, exc.message)
        return self.parse(raw_file, raw)

    def parse(self, raw_file: RawFile, raw: bytes) -> tuple[str, ParsedFile | None, dict[str, Any] | None]:
        """Parse bytes already in hand (the Python API's input): same outcome as `read`."""
        if len(raw) > self.max_file_bytes:  # bytes handed in obey the same limit as files
            record_id = bytes_id(raw, self.max_file_bytes)
            error = too_large(raw_file.path, self.max_file_bytes)
            return record_id, None, dead_letter(raw_file, record_id, error.code, error.message)
        record_id = hashlib.sha256(raw).hexdigest()
        try:
            doc = self.source.parse(raw, name=Path(raw_file.path).name)
            rules = self.source.extract_rules(doc)
        except SourceError as exc:
            return record_id, None, dead_letter(raw_file, record_id, exc.code, exc.message)
        except Exception as exc:  # a parser bug must cost one file, not the run
            log.exception("parser failed on %s", raw_file.path)
            reason = f"{type(exc).__name__}: {exc}"
            return record_id, None, dead_letter(raw_file, record_id, "parser_error", reason)
        return record_id, ParsedFile(raw_file, record_id, doc, rules), None

    async def _ask_llm(self, parsed: ParsedFile, result: ExtractionResult) -> tuple[dict | None, dict, str | None]:
        """(LLM values or None, usage columns, dead-letter reason code or None); never raises.

        Values are `{}` without a call when a targeted request has nothing to ask.
        """
        assert self.llm is not None
        if self.strategy == "full":
            request = full_request(self.num_predict)
        else:
            fields = targeted_fields(self.source, parsed.rules)
            if not fields:
                result.usage.skipped += 1
                return {}, {}, None
            request = targeted_request(fields)
        return await self._request(parsed, request, result.usage)

    async def _request(self, parsed: ParsedFile, request: Request, usage: LLMUsage) -> tuple[dict | None, dict, str | None]:
        """One request through the cache: (values or None, usage columns, dead-letter code or None)."""
        assert self.llm is not None
        model = self.llm.model
        key = cache_key(parsed.doc.text, self.source.name, model, PROMPT_VERSION, request.version)
        cached = self.cache.get(key) if self.cache else None
        if cached is not None:
            usage.cache_hits += 1
            columns = {"llm_model": model, "prompt_tokens": 0, "completion_tokens": 0, "llm_latency_ms": 0.0}
            return cached["values"], columns, None
        try:
            outcome = await llm_extract(self.llm, self.source, parsed.doc.text, request, num_ctx=self.num_ctx)
        except ReplyError as exc:
            usage.requests += exc.requests
            usage.invalid_replies += 1
            columns = {"llm_model": model, "error": f"invalid LLM reply {exc}", "attempts": exc.requests}
            return None, columns, "llm_invalid_reply"
        except LLMError as exc:
            usage.requests += 1
            return None, {"llm_model": None, "error": str(exc)}, None
        reply = outcome.reply
        usage.requests += outcome.requests
        usage.reasks += outcome.reasks
        usage.length_splits += outcome.splits
        usage.truncated_prompts += outcome.prompt_truncated
        usage.prompt_tokens += reply.prompt_tokens or 0
        usage.completion_tokens += reply.completion_tokens or 0
        usage.latencies_ms.append(reply.latency_ms)
        columns = {
            "llm_model": reply.model or model,
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
            "llm_latency_ms": reply.latency_ms,
            "truncated": outcome.prompt_truncated,
            "split": outcome.splits > 0,
        }
        if self.cache is not None and not outcome.prompt_truncated:
            self.cache.put(key, self.source.name, model, outcome.values, columns)
        return outcome.values, columns, None

    async def _rescue_identity(
        self, parsed: ParsedFile, merged: MergedFields, usage: LLMUsage
    ) -> tuple[str | None, dict | None]:
        """One request for the identity alone, before a file becomes a `no_property_key` dead letter.

        A model asked for twenty facts can miss the address in prose that no rule reads; asked for
        the address alone it often finds it. Every value must be grounded strictly (each address
        token on the page, number and street on one line, APN digits in one number). Returns
        (property key or None, failure columns when the request itself failed).
        """
        fields = tuple(f for f in IDENTITY_FIELDS if f in self.source.llm_fields)
        if not fields:
            return None, None
        usage.identity_requests += 1
        values, columns, failure = await self._request(parsed, targeted_request(fields), usage)
        if values is None:
            return None, {**columns, "code": failure or "llm_unavailable"}
        # The page's facts and, one per line, its description's own statement sentences: an
        # address written only in the description is what this request is for (the facts text
        # leaves the remarks out), never one in a sentence about another home.
        remarks = merged.values.get("public_remarks")
        text = "\n".join((facts_text(parsed), *statement_sentences(remarks if isinstance(remarks, str) else "")))
        grounded = {k: v for k, v in values.items() if is_grounded(k, v, text, values) is True}
        # An address the model read whole replaces partial rule parts (a unit read as the street);
        # otherwise its parts only fill what the rules left empty.
        whole = property_key(grounded) is not None
        for name, value in grounded.items():
            if whole or name not in merged.values:
                merged.values[name], merged.sources[name] = value, "llm"
                merged.confidence[name] = GROUNDED_LLM_CONFIDENCE
                merged.evidence[name] = "llm"
        key = property_key(merged.values)
        if key is not None:
            usage.identity_rescues += 1
            if not merged.values.get("unparsed_address"):
                merged.values["unparsed_address"] = compose_address(merged.values)
                merged.sources["unparsed_address"] = "llm"
                merged.confidence["unparsed_address"] = GROUNDED_LLM_CONFIDENCE
                merged.evidence["unparsed_address"] = "llm"
        return key, None

    async def finish(self, parsed: ParsedFile, result: ExtractionResult) -> None:
        """Complete one parsed file (LLM, merge, grounding) into `result`: one record or one
        dead letter, never an exception."""
        try:
            await self._finish(parsed, result)
        except Exception as exc:  # last line of defence: one file, never the batch
            log.exception("extraction failed on %s", parsed.raw_file.path)
            reason = f"{type(exc).__name__}: {exc}"
            result.dead_letters.append(dead_letter(parsed.raw_file, parsed.record_id, "extractor_error", reason))

    async def _finish(self, parsed: ParsedFile, result: ExtractionResult) -> None:
        raw_file, record_id = parsed.raw_file, parsed.record_id
        rules = parsed.rules if self.use_rules else RuleExtraction()
        llm_values, columns, failure = (None, {}, None)
        if self.llm is not None:
            llm_values, columns, failure = await self._ask_llm(parsed, result)
        if failure is not None:
            letter = dead_letter(raw_file, record_id, failure, columns["error"], attempts=columns["attempts"])
            result.dead_letters.append(letter)
            return
        facts = facts_text(parsed)
        merged = merge(rules, llm_values, facts)
        ungrounded = ground_llm_values(merged, facts, rules.values.get("public_remarks"))
        key = property_key(merged.values) or keep_rules_identity(merged, rules)
        fallback = self.llm is not None and llm_values is None
        rescued = False
        if key is None and self.llm is not None and not fallback:
            key, failed = await self._rescue_identity(parsed, merged, result.usage)
            rescued = key is not None
            if failed is not None:
                reason = f"the rules could not identify the property and the identity request failed: {failed['error']}"
                result.dead_letters.append(dead_letter(raw_file, record_id, failed["code"], reason))
                return
        if key is None:
            if fallback:
                reason = f"LLM unavailable ({columns['error']}) and the rules could not identify the property"
                result.dead_letters.append(dead_letter(raw_file, record_id, "llm_unavailable", reason))
            else:
                reason = "neither a parcel number nor a street address with city or ZIP could be read"
                if self.llm is not None:
                    reason += ", by the rules or by an identity-only LLM request grounded in the page"
                result.dead_letters.append(dead_letter(raw_file, record_id, "no_property_key", reason))
            return
        record = build_record(raw_file, record_id, merged, key)
        record["extraction_warnings"] += parsed.doc.warnings  # the adapter's: duplicate keys, unreadable numbers
        for name in ("llm_model", "prompt_tokens", "completion_tokens", "llm_latency_ms"):
            record[name] = columns.get(name)
        if fallback:
            result.usage.fallbacks += 1
            record["llm_fallback"] = True
            record["extraction_warnings"].append(f"llm_fallback: {columns['error']}")
        record["extraction_warnings"] += [f"llm_ungrounded:{name}" for name in ungrounded]
        if columns.get("truncated"):
            record["extraction_warnings"].append("llm_prompt_truncated")
        if columns.get("split"):
            # The reply hit the length limit and was asked again in smaller requests.
            record["extraction_warnings"].append("llm_reply_split")
        if rescued:
            record["extraction_warnings"].append("llm_identity_rescue")
        unread = unread_fields(merged.values, facts, self.source)
        if unread:  # the page labels these facts and nothing read them: a person should look
            record["extraction_warnings"].append(NEEDS_REVIEW + ",".join(unread))
        result.records.append(record)

    def in_flight_limit(self) -> int:
        """How many parsed files `stream` finishes at once by default: the LLM client's
        `max_in_flight` (1 without an LLM, where finishing never waits)."""
        return max(1, self.llm.max_in_flight) if self.llm is not None else 1

    async def stream(
        self,
        jobs: Iterable[J] | AsyncIterable[J],
        read: Callable[[J], Read] | None = None,
        *,
        limit: int | None = None,
        usage: LLMUsage | None = None,
    ) -> AsyncIterator[tuple[J, ExtractionResult]]:
        """The bounded-concurrency engine every caller runs files through (`run`, the partition
        stream in `streaming.py`, the Python API's `Pipeline.process_stream`).

        Each job is read in input order, synchronously, by `read(job)` (default: `self.read`,
        jobs being `RawFile`s), which returns (record_id, parsed or None, dead letter or None);
        a job is then finished (LLM, merge, grounding) and yielded as `(job, outcome)` as it
        completes, `outcome` holding its one record or one dead letter. A read that returns
        neither (a duplicate its caller skips) yields an empty outcome.

        Memory is bounded: at most `2 * limit` parsed files are alive at once (read but not yet
        taken by the consumer), at most `limit` of them at the LLM (default `in_flight_limit()`).
        Jobs are consumed lazily; a consumer that stops pulling stops the reading. Without an
        LLM, finishing never waits, so each file is finished inline, with no task per file.
        LLM usage counters go to `usage` (shared by every outcome). Leaving early (or
        `aclose`) cancels the files in flight.
        """
        read = read or self.read
        usage = usage if usage is not None else LLMUsage()
        if self.llm is None:
            async for job in async_items(jobs):
                record_id, parsed, letter = read(job)
                yield job, await self._outcome(parsed, letter, usage)
            return
        limit = max(1, limit or self.in_flight_limit())
        at_llm = asyncio.Semaphore(limit)
        done: asyncio.Queue[tuple[J, ExtractionResult]] = asyncio.Queue()
        tasks: set[asyncio.Task] = set()
        alive = 0  # files being finished or finished and not yet taken by the consumer

        async def finish(job: J, parsed: ParsedFile) -> None:
            async with at_llm:
                outcome = await self._outcome(parsed, None, usage)
            done.put_nowait((job, outcome))

        try:
            async for job in async_items(jobs):
                while alive >= 2 * limit:  # wait before reading: never more than 2 * limit parsed
                    alive -= 1
                    yield await done.get()
                record_id, parsed, letter = read(job)
                if parsed is None:
                    yield job, await self._outcome(None, letter, usage)
                    continue
                task = asyncio.create_task(finish(job, parsed))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
                alive += 1
                while not done.empty():
                    alive -= 1
                    yield done.get_nowait()
            while alive:
                alive -= 1
                yield await done.get()
        finally:
            for task in tasks:
                task.cancel()
            if tasks:
                await asyncio.gather(*tasks, return_exceptions=True)

    async def _outcome(self, parsed: ParsedFile | None, letter: dict[str, Any] | None, usage: LLMUsage) -> ExtractionResult:
        outcome = ExtractionResult(usage=usage)
        if letter is not None:
            outcome.dead_letters.append(letter)
        elif parsed is not None:
            await self.finish(parsed, outcome)
        return outcome

    async def run(self, files: Iterable[RawFile]) -> ExtractionResult:
        """Extract every file through `stream`; identical files (same record_id) are processed
        once. Records and dead letters are collected in one result (for a batch that fits in
        memory: a partition streams through `streaming.extract_partition` instead)."""
        result = ExtractionResult()
        started = time.perf_counter()
        seen: set[str] = set()

        def read(raw_file: RawFile) -> Read:
            record_id, parsed, letter = self.read(raw_file)
            if record_id in seen:
                result.duplicates += 1
                return record_id, None, None
            seen.add(record_id)
            result.raw_bytes += raw_file.size
            if letter is not None:
                log.warning("dead letter %s: [%s] %s", raw_file.path, letter["reason_code"], letter["reason"])
            else:
                result.compact_chars += len(parsed.doc.text)
            return record_id, parsed, letter

        async for _, outcome in self.stream(files, read, usage=result.usage):
            result.records += outcome.records
            result.dead_letters += outcome.dead_letters
        result.seconds = time.perf_counter() - started
        if self.llm is not None:
            result.client_stats = self.llm.stats.snapshot()
        return result


async def async_items(items: AsyncIterable[J] | Iterable[J]) -> AsyncIterator[J]:
    """Plain and async iterables alike, read lazily."""
    if isinstance(items, AsyncIterable):
        async for item in items:
            yield item
    else:
        for item in items:
            yield item
