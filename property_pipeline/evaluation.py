"""Field-level accuracy and file dispositions of extracted records against labeled samples.

A label file holds `{"layout", "disposition", "fields": {<34 contract fields>}}`, the disposition
one of `valid` (must end validated), `quarantined` (must end quarantined, e.g. `out_of_area`) or
`dead_letter`. A field counts as correct when both are null, or both hold the same value
(strings compared case- and whitespace-insensitively, numbers within 1%).
A hallucination is a value where the label says the source states none.

Every labelled file counts: a file whose outcome is not the one its label asks for (a valid file
dead-lettered or quarantined, an out-of-area page validated) scores its fields as all-null, so a
pipeline cannot look accurate by dropping the files it gets wrong.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .contract import PROPERTY_FIELDS
from .extraction.merge import values_agree
from .nulls import frame_records, is_missing
from .quality.rules import QualityConfig


def load_labels(expected_root: Path, source: str | None = None) -> dict[str, dict[str, Any]]:
    """Labels keyed by landing-relative path: `<source>/<day>/<file>` is labeled by
    `<expected_root>/<source>/<day>/<file>.json`."""
    root = Path(expected_root)
    labels = {}
    for path in sorted(root.glob(f"{source or '*'}/*/*.json")):
        labels[path.relative_to(root).as_posix().removesuffix(".json")] = json.loads(path.read_text())
    return labels


class Share:
    """A read-only attribute of a tally: one counter over another (0.0 while the second is 0).
    Not annotated, so a dataclass keeps it out of its fields."""

    def __init__(self, part: str, whole: str) -> None:
        self.part, self.whole = part, whole

    def __get__(self, tally: Any, owner: type | None = None) -> Any:
        if tally is None:
            return self
        whole = getattr(tally, self.whole)
        return getattr(tally, self.part) / whole if whole else 0.0


@dataclass
class Score:
    fields: int = 0
    correct: int = 0
    null_fields: int = 0
    hallucinated: int = 0
    stated: int = 0
    stated_correct: int = 0
    wrong: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    accuracy = Share("correct", "fields")
    stated_accuracy = Share("stated_correct", "stated")
    """Accuracy over the fields the source states (nulls excluded)."""
    hallucination_rate = Share("hallucinated", "null_fields")

    def add(self, expected: dict[str, Any], actual: dict[str, Any]) -> None:
        for name in PROPERTY_FIELDS:
            want, got = expected.get(name), actual.get(name)
            self.fields += 1
            if is_missing(want):
                self.null_fields += 1
                if is_missing(got):
                    self.correct += 1
                else:
                    self.hallucinated += 1
                    self.wrong[name] += 1
                continue
            self.stated += 1
            if not is_missing(got) and values_agree(name, want, got):
                self.correct += 1
                self.stated_correct += 1
            else:
                self.wrong[name] += 1


# The outcome a labelled file must reach, by label disposition; any other outcome scores all-null.
EXPECTED_OUTCOME = {"valid": "validated", "quarantined": "quarantined", "dead_letter": "dead_letter"}
OUTCOMES = ("validated", "quarantined", "dead_letter", "missing")


@dataclass(frozen=True)
class FileOutcome:
    """What the pipeline made of one landing file: `outcome` in OUTCOMES, `reason` the dead-letter
    reason code or the quarantine reason (None when validated or missing)."""

    outcome: str
    reason: str | None = None


def outcomes_of(records: Iterable[dict[str, Any]], dead_letters: Iterable[dict[str, Any]] = ()) -> dict[str, FileOutcome]:
    """Per source file: quarantined when the record carries a quarantine reason, else validated;
    dead letters by their reason code."""
    outcomes = {d["source_file"]: FileOutcome("dead_letter", d.get("reason_code")) for d in dead_letters}
    for record in records:
        reason = record.get("quarantine_reason")
        outcomes[record["source_file"]] = FileOutcome("quarantined", reason) if reason else FileOutcome("validated")
    return outcomes


def score_records(
    records: Iterable[dict[str, Any]],
    labels: dict[str, dict[str, Any]],
    outcomes: dict[str, FileOutcome] | None = None,
) -> dict[tuple[str, str], Score]:
    """Scores by (source, layout family), plus ("all", "all").

    Every file labelled valid or quarantined is scored; its record counts only when the file
    reached the outcome its label asks for (`outcomes`, derived from the records when not given),
    otherwise it scores all-null. Files labelled dead_letter are not scored here (see
    `disposition_summary`)."""
    records = list(records)
    outcomes = outcomes if outcomes is not None else outcomes_of(records)
    by_path = {r["source_file"]: r for r in records}
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    for path, label in labels.items():
        disposition = label.get("disposition")
        if disposition == "dead_letter":
            continue
        reached = outcomes.get(path, FileOutcome("missing")).outcome == EXPECTED_OUTCOME.get(disposition)
        actual = by_path.get(path, {}) if reached else {}
        source = path.split("/", 1)[0]
        for key in ((source, label.get("layout", "?")), (source, "all"), ("all", "all")):
            scores[key].add(label["fields"], actual)
    return dict(scores)


def _has_visible_address(label: dict[str, Any]) -> bool:
    fields = label.get("fields") or {}
    return bool(fields.get("unparsed_address") or fields.get("street_name"))


@dataclass
class Dispositions:
    """Labelled disposition against outcome, every labelled file counted exactly once."""

    table: dict[str, Counter] = field(default_factory=dict)  # label disposition -> Counter(outcome)
    dead_letter_reasons: Counter = field(default_factory=Counter)  # of files not labelled dead_letter
    quarantine_reasons: Counter = field(default_factory=Counter)  # of files labelled valid
    out_of_area_validated: int = 0
    no_key_with_address: int = 0  # no_property_key dead letters of files whose label has an address

    @property
    def labelled(self) -> int:
        return sum(sum(row.values()) for row in self.table.values())

    @property
    def as_labelled(self) -> int:
        """Files that reached the outcome their label asks for."""
        return sum(row[EXPECTED_OUTCOME.get(d, "")] for d, row in self.table.items())


def disposition_summary(labels: dict[str, dict[str, Any]], outcomes: dict[str, FileOutcome]) -> Dispositions:
    """Count each labelled file once by (label disposition, outcome); a labelled file the run never
    produced (absent from the landing zone, skipped) is `missing`."""
    result = Dispositions()
    for path, label in labels.items():
        disposition = label.get("disposition") or "?"
        got = outcomes.get(path, FileOutcome("missing"))
        result.table.setdefault(disposition, Counter())[got.outcome] += 1
        if disposition != "dead_letter" and got.outcome == "dead_letter":
            result.dead_letter_reasons[got.reason or "?"] += 1
            result.no_key_with_address += got.reason == "no_property_key" and _has_visible_address(label)
        if disposition == "valid" and got.outcome == "quarantined":
            result.quarantine_reasons[got.reason or "?"] += 1
        if label.get("reason_hint") == "out_of_area" and got.outcome == "validated":
            result.out_of_area_validated += 1
    return result


def format_dispositions(d: Dispositions) -> str:
    lines = [f"{'label':12} {'files':>6} " + " ".join(f"{o:>11}" for o in OUTCOMES) + "  as labelled"]
    for disposition, row in sorted(d.table.items()):
        want = EXPECTED_OUTCOME.get(disposition)
        lines.append(
            f"{disposition:12} {sum(row.values()):6d} " + " ".join(f"{row[o]:11d}" for o in OUTCOMES) + f"  {row[want] if want else 0:11d}"
        )
    total = Counter()
    for row in d.table.values():
        total.update(row)
    lines.append(f"{'all':12} {d.labelled:6d} " + " ".join(f"{total[o]:11d}" for o in OUTCOMES) + f"  {d.as_labelled:11d}")
    reasons = ", ".join(f"{k}:{v}" for k, v in d.dead_letter_reasons.most_common()) or "-"
    lines.append(f"dead letters among files labelled valid/quarantined, by reason: {reasons}")
    quarantined = ", ".join(f"{k}:{v}" for k, v in d.quarantine_reasons.most_common()) or "-"
    lines.append(f"files labelled valid that were quarantined, by reason: {quarantined}")
    lines.append(f"out-of-area files validated (must be 0): {d.out_of_area_validated}")
    lines.append(f"no_property_key dead letters among files with a visible address: {d.no_key_with_address}")
    return "\n".join(lines)


def format_scores(scores: dict[tuple[str, str], Score]) -> str:
    lines = [
        f"{'source':16} {'layout':18} {'fields':>6} {'accuracy':>9} {'stated':>7} {'halluc.':>8}  most often wrong"
    ]
    for (source, layout), s in sorted(scores.items()):
        worst = ", ".join(f"{k}:{v}" for k, v in sorted(s.wrong.items(), key=lambda kv: -kv[1])[:4])
        lines.append(
            f"{source:16} {layout:18} {s.fields:6d} {s.accuracy:9.3f} {s.stated_accuracy:7.3f} "
            f"{s.hallucination_rate:8.3f}  {worst}"
        )
    return "\n".join(lines)


CALIBRATION_BUCKETS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)


@dataclass
class Calibration:
    """Field confidence against correctness, and record confidence against any wrong field."""

    buckets: dict[str, list[int]] = field(default_factory=dict)  # label -> [fields, correct]
    high_fields: int = 0
    high_correct: int = 0
    low_records: int = 0
    low_records_wrong: int = 0
    high_records: int = 0
    high_records_wrong: int = 0
    review_records: int = 0
    """Records at or above the threshold flagged `needs_review:` (labelled facts nobody read)."""
    unflagged_wrong: int = 0
    """Records at or above the threshold, not flagged, with at least one wrong field: misses unseen."""

    high_precision = Share("high_correct", "high_fields")
    """Among fields with confidence >= 0.8, the share that is correct."""
    low_record_error_rate = Share("low_records_wrong", "low_records")
    """Among records below the threshold, the share with at least one wrong field."""
    high_record_error_rate = Share("high_records_wrong", "high_records")
    """Among records at or above the threshold, the share with at least one wrong field."""


def calibrate(records: Iterable[dict[str, Any]], labels: dict[str, dict[str, Any]], threshold: float = QualityConfig.min_confidence) -> Calibration:
    """Judge every emitted field value (and every record) of labeled files against the label."""
    result = Calibration()
    edges = CALIBRATION_BUCKETS
    names = [f"{lo:.2f}-{min(hi, 1.0):.2f}" for lo, hi in zip(edges, edges[1:])]
    result.buckets = {name: [0, 0] for name in names}
    for record in records:
        label = labels.get(record["source_file"])
        if not label or label.get("disposition") == "dead_letter":
            continue
        # A record is wrong when any field differs from the label, a missed value included.
        any_wrong = any(
            not (is_missing(want) and is_missing(record.get(name)))
            and (is_missing(want) or is_missing(record.get(name)) or not values_agree(name, want, record.get(name)))
            for name, want in label["fields"].items()
        )
        for name, conf in (record.get("field_confidence") or {}).items():
            value = record.get(name)
            if is_missing(value):
                continue
            correct = values_agree(name, label["fields"].get(name), value)
            bucket = next(n for n, lo, hi in zip(names, edges, edges[1:]) if lo <= conf < hi)
            result.buckets[bucket][0] += 1
            result.buckets[bucket][1] += correct
            if conf >= 0.8:
                result.high_fields += 1
                result.high_correct += correct
        if float(record.get("confidence") or 0) < threshold:
            result.low_records += 1
            result.low_records_wrong += any_wrong
        else:
            flagged = any(str(w).startswith("needs_review:") for w in record.get("extraction_warnings") or [])
            result.high_records += 1
            result.high_records_wrong += any_wrong
            result.review_records += flagged
            result.unflagged_wrong += any_wrong and not flagged
    return result


def format_calibration(cal: Calibration) -> str:
    lines = [f"{'field confidence':>16} {'fields':>7} {'correct':>8}"]
    for name, (count, correct) in cal.buckets.items():
        share = f"{correct / count:8.3f}" if count else f"{'-':>8}"
        lines.append(f"{name:>16} {count:7d} {share}")
    lines.append(f"fields with confidence >= 0.8 that are correct: {cal.high_precision:.3f} ({cal.high_fields} fields)")
    lines.append(
        f"records below the threshold with at least one wrong field: {cal.low_record_error_rate:.3f} "
        f"({cal.low_records} records)"
    )
    lines.append(
        f"records at or above the threshold with at least one wrong field: {cal.high_record_error_rate:.3f} "
        f"({cal.high_records} records)"
    )
    lines.append(
        f"  of which flagged needs_review: {cal.review_records}; not flagged and wrong: {cal.unflagged_wrong}"
    )
    return "\n".join(lines)


MODES = ("rules", "llm", "hybrid")


@dataclass
class Evaluation:
    """One evaluation run: the records (validated and quarantined), each labelled file's outcome,
    field scores, calibration and the disposition table."""

    records: list[dict[str, Any]]
    outcomes: dict[str, FileOutcome]
    scores: dict[tuple[str, str], Score]
    calibration: Calibration
    dispositions: Dispositions


def evaluate(
    landing: Path, labels: dict[str, dict[str, Any]], *, mode: str = "rules", llm: Any = None, threshold: float = QualityConfig.min_confidence
) -> Evaluation:
    """Extract and validate every labeled file with the plain core, then score it.

    `mode` is `rules` (no LLM), `llm` (the LLM alone, rules switched off) or `hybrid`.
    """
    import asyncio

    from .extraction.extractor import Extractor
    from .landing import iter_partitions, scan_partition
    from .quality.validate import validate_records

    if mode not in MODES:
        raise ValueError(f"mode {mode!r}; expected one of {MODES}")
    if mode != "rules" and llm is None:
        raise ValueError(f"mode {mode!r} needs an LLM backend (PROPERTY_PIPELINE_LLM=ollama or embedded)")
    records: list[dict[str, Any]] = []
    dead_letters: list[dict[str, Any]] = []
    for source, day in iter_partitions(landing):
        files = [f for f in scan_partition(landing, source, day) if f.path in labels]
        extractor = Extractor(source, root=landing, llm=None if mode == "rules" else llm, use_rules=mode != "llm")
        result = asyncio.run(extractor.run(files))
        dead_letters += result.dead_letters
        checked = validate_records(result.records_frame(), QualityConfig(min_confidence=threshold))
        for frame in (checked.validated, checked.quarantined):
            records += frame_records(frame)
    outcomes = outcomes_of(records, dead_letters)
    return Evaluation(
        records=records,
        outcomes=outcomes,
        scores=score_records(records, labels, outcomes),
        calibration=calibrate(records, labels, threshold),
        dispositions=disposition_summary(labels, outcomes),
    )


def evaluate_samples(
    landing: Path, labels: dict[str, dict[str, Any]], *, mode: str = "rules", llm: Any = None, threshold: float = QualityConfig.min_confidence
) -> tuple[list[dict[str, Any]], dict[tuple[str, str], Score], Calibration]:
    """`evaluate`, as (records, scores, calibration)."""
    run = evaluate(landing, labels, mode=mode, llm=llm, threshold=threshold)
    return run.records, run.scores, run.calibration


@dataclass
class LinkScore:
    """The golden linker against `links.json`: pairs of labelled files put in one property.

    Precision is over every predicted pair; recall over the labelled pairs (every page in
    links.json states an APN or a full address). `by_state` is recall per how the listing page
    of a listing/parcel pair states its identity; `apn_keys` counts, per state, the listing
    records whose own key is `apn:<their parcel>` (the page's APN was read).
    """

    predicted: int = 0
    true: int = 0
    correct: int = 0
    by_state: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    apn_keys: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    missed: list[tuple[str, str]] = field(default_factory=list)
    wrong: list[tuple[str, str]] = field(default_factory=list)
    unresolvable_apart: list[int] = field(default_factory=lambda: [0, 0])

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.true if self.true else 1.0


def load_links(expected_root: Path) -> dict[str, Any] | None:
    """`<expected_root>/links.json` (which labelled files are one property), None when absent."""
    path = Path(expected_root) / "links.json"
    return json.loads(path.read_text()) if path.exists() else None


def _pairs(files: Iterable[str]) -> set[tuple[str, str]]:
    ordered = sorted(files)
    return {(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]}


def link_scores(records: Iterable[dict[str, Any]], links: dict[str, Any]) -> LinkScore:
    """Link the validated records (as the golden table does) and score the pairs against `links`."""
    from .golden import link_records

    validated = [r for r in records if not r.get("quarantine_reason")]
    linked = link_records(validated)
    predicted = set().union(*(_pairs(m.record["source_file"] for m in ms) for ms in linked.properties.values()))
    score = LinkScore(predicted=len(predicted))
    keys = {r["source_file"]: r.get("property_key") for r in validated}
    for prop in links["properties"]:
        for pair in _pairs(prop["files"]):
            score.true += 1
            score.correct += pair in predicted
            if pair not in predicted:
                score.missed.append(pair)
            states = [prop["listing_states"][f] for f in pair if f in prop["listing_states"]]
            if len(states) == 1:  # a listing and its parcel record
                score.by_state[states[0]][0] += 1
                score.by_state[states[0]][1] += pair in predicted
        for path, state in prop["listing_states"].items():
            score.apn_keys[state][0] += 1
            score.apn_keys[state][1] += keys.get(path) == f"apn:{prop['parcel_number']}"
    true_pairs = set().union(*(_pairs(p["files"]) for p in links["properties"]))
    score.wrong = sorted(predicted - true_pairs)
    for path in links.get("unresolvable", []):
        score.unresolvable_apart[0] += 1
        score.unresolvable_apart[1] += not any(path in pair for pair in predicted)
    return score


def format_link_scores(score: LinkScore) -> str:
    lines = [
        f"links: precision {score.precision:.3f} ({score.correct}/{score.predicted} predicted pairs), "
        f"recall {score.recall:.3f} ({score.correct}/{score.true} labelled pairs)",
        f"{'listing states':16} {'pairs':>6} {'linked':>7} {'apn: key':>9}",
    ]
    for state in sorted({*score.by_state, *score.apn_keys}):
        pairs, linked = score.by_state.get(state, [0, 0])
        files, keyed = score.apn_keys.get(state, [0, 0])
        lines.append(f"{state:16} {pairs:6d} {linked:7d} {keyed:>4d}/{files:<4d}")
    total, apart = score.unresolvable_apart
    lines.append(f"unresolvable pages kept apart: {apart}/{total}")
    lines += [f"missed: {a} ~ {b}" for a, b in score.missed] + [f"wrongly linked: {a} ~ {b}" for a, b in score.wrong]
    return "\n".join(lines)
