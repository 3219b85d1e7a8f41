"""Assets, one per table, in the order the data flows; their checks sit beside them."""

import os
from pathlib import Path

import dagster as dg
import pandas as pd

from ..contract import (
    DEAD_LETTER_COLUMNS,
    EXTRACTED_COLUMNS,
    DeadLettersSchema,
    ExtractedPropertiesSchema,
    QuarantinedPropertiesSchema,
    ValidatedPropertiesSchema,
)
from ..evaluation import (
    evaluate_samples,
    format_calibration,
    format_scores,
    load_labels,
)
from ..extraction.extractor import Extractor
from ..nulls import is_missing
from ..ops.landing_watch import survey
from ..quality.report import (
    confidence_plot_markdown,
    report_tables,
    summarize,
)
from ..settings import CheckSettings, default_landing_root, default_llm_backend
from ..storage.warehouse import TableHandle, read_table
from ..streaming import (
    PREVIEW_ROWS,
    ValidationSummary,
    extract_partition,
    list_partition,
    partition_of,
    validate_partition,
)
from .partitions import partition_range, source_and_day, source_day_partitions
from .resources import LandingZone, LLMBackend, QualityThresholds, Warehouse

WAREHOUSE = "warehouse_io"
# One extraction step per LLM (server or in-process model) at a time: the "ollama" pool,
# limited in dagster.yaml. Rules-only extraction needs no LLM slot, so concurrent runs of
# different partitions then extract side by side instead of queueing for nothing.
LLM_POOL = None if os.environ.get("PROPERTY_PIPELINE_LLM", default_llm_backend()).strip().lower() == "none" else "ollama"
OWNERS = ["team:property-data"]
TABLE_KINDS = {"pandas", "sql"}
# Dead letters logged one by one per run; the rest are counted (all are in the table).
MAX_LOGGED_DEAD_LETTERS = 100


def table_out(description: str, kinds: set[str] = TABLE_KINDS, schema=None, **kwargs) -> dg.AssetOut:
    """An output of a partition's multi-asset: a warehouse table in the `properties` group,
    with the pandera model's columns (`schema`) as its column schema when it has one."""
    metadata = {"dagster/column_schema": column_schema(schema)} if schema is not None else None
    return dg.AssetOut(
        io_manager_key=WAREHOUSE, group_name="properties", owners=OWNERS, kinds=kinds, metadata=metadata,
        description=description, **kwargs,
    )


def column_schema(model) -> dg.TableSchema:
    """A pandera model's columns as a Dagster table schema (the UI's column view)."""
    import warnings

    from dagster_pandera import pandera_schema_to_dagster_type

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "beta" warning on every code location load
        return pandera_schema_to_dagster_type(model).metadata["schema"].schema


def frame_schema(df: pd.DataFrame) -> dg.TableSchema:
    """The columns of a frame without a pandera model, with their pandas types."""
    return dg.TableSchema(columns=[dg.TableColumn(str(c), str(t)) for c, t in df.dtypes.items()])


def table_metadata(rows: pd.DataFrame | int) -> dict:
    """What every table output states: its row count (Dagster's standard key, plotted over
    partitions), of a frame or of a table the asset streamed (a count)."""
    return {"dagster/row_count": dg.MetadataValue.int(rows if isinstance(rows, int) else len(rows))}


def _cell(value):
    if is_missing(value):
        return None
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, (bool, int, str)):
        return value
    return str(value)[:80]


def preview(df: pd.DataFrame, columns: list[str], rows: int = 10) -> dg.MetadataValue:
    """The first rows as a table the UI shows inline (not behind a click)."""
    shown = [c for c in columns if c in df.columns]
    schema = dg.TableSchema(columns=[dg.TableColumn(c, str(df[c].dtype)) for c in shown])
    records = [dg.TableRecord({c: _cell(v) for c, v in zip(shown, row)}) for row in df[shown].head(rows).itertuples(index=False)]
    return dg.MetadataValue.table(records=records, schema=schema)

extraction_retry = dg.RetryPolicy(
    max_retries=3, delay=5, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS
)


@dg.asset(
    partitions_def=source_day_partitions,
    io_manager_key=WAREHOUSE,
    group_name="properties",
    owners=OWNERS,
    kinds={"python", *TABLE_KINDS},
    tags={"layer": "raw"},
)
def raw_collector_files(context: dg.AssetExecutionContext, landing: LandingZone, warehouse: Warehouse) -> TableHandle:
    """The collector files of one (source, day) landing folder: path, size and content hash.

    Temporary names (`.name`, `*.tmp`, `*.part`) are skipped; files are never changed.
    Identical files (same sha256) are marked with `duplicate_of` and processed once.
    The folder is listed and hashed as a stream, written in chunks in one replacement.
    """
    source, day = source_and_day(context.partition_key)
    listing = list_partition(warehouse.url, landing.path, source, day, landing.max_file_bytes)
    handle = TableHandle(warehouse.url, "raw_collector_files", partition_of(source, day), listing.write)
    head = handle.head(PREVIEW_ROWS)
    context.add_output_metadata(
        {
            **table_metadata(listing.files),
            "dagster/column_schema": frame_schema(head),
            "files": listing.files,
            "distinct_files": listing.distinct_files,
            "bytes": listing.bytes,
            "preview": preview(head, ["source_file", "size_bytes", "duplicate_of"]),
        }
    )
    return handle


AUTOMATION_TAGS = ("dagster/sensor_name", "dagster/schedule_name", "dagster/backfill")


def wait_while_llm_down(context: dg.AssetExecutionContext, llm: LLMBackend, client) -> None:
    """A run the automation started (sensor, schedule, backfill) that finds the LLM server down
    asks Dagster to retry it later, with doubling waits, rather than finishing the whole
    partition on the rules; after `down_retries` waits it goes ahead (rule fallbacks, which
    `llm_recovery_sensor` replays). Runs a person started go ahead at once."""
    automated = any(tag in context.run.tags for tag in AUTOMATION_TAGS)
    if client is None or not llm.wait_when_down or not automated or context.retry_number >= llm.down_retries:
        return
    report = client.health()
    if report.ok:
        return
    wait = llm.down_retry_base_s * 2**context.retry_number
    context.log.warning(f"LLM unavailable ({'; '.join(report.problems)}): retrying this partition in {wait:.0f} s")
    raise dg.RetryRequested(max_retries=llm.down_retries, seconds_to_wait=wait)


@dg.multi_asset(
    partitions_def=source_day_partitions,
    outs={
        "extracted_properties": table_out(
            "One record per distinct raw file that could be read: contract columns, "
            "per-field provenance and confidence evidence.",
            kinds={"python", *TABLE_KINDS}, schema=ExtractedPropertiesSchema,
        ),
        "extraction_dead_letters": table_out(
            "Every raw file that produced no record, with `reason_code` and `reason`; "
            "rematerializing the partition replays them.",
            kinds={"python", *TABLE_KINDS}, schema=DeadLettersSchema,
        ),
    },
    retry_policy=extraction_retry,
    pool=LLM_POOL,
)
def extraction(
    context: dg.AssetExecutionContext,
    landing: LandingZone,
    llm: LLMBackend,
    warehouse: Warehouse,
    raw_collector_files: TableHandle,
) -> tuple[TableHandle, TableHandle]:
    """Property records extracted from the partition's raw files, and the files that produced none.

    `extracted_properties` holds one record per distinct raw file that could be read;
    `extraction_dead_letters` holds every other file with its reason, kept for replay:
    rematerializing the partition retries them. Files stream through the extractor and
    both tables are written chunk by chunk in one transaction.
    """
    source, day = source_and_day(context.partition_key)
    # One client per resource instance: with the in-process executor the resource lives for
    # the whole run, so the model (or HTTP connection pool) is loaded once per run.
    client = llm.get_client()
    wait_while_llm_down(context, llm, client)
    extractor = Extractor(
        source,
        root=landing.path,
        llm=client,
        cache=warehouse.llm_cache() if client is not None else None,
        max_file_bytes=landing.max_file_bytes,
        num_ctx=llm.num_ctx,
        num_predict=llm.num_predict,
        strategy=llm.strategy,
    )
    logged = 0

    def log_dead_letter(letter: dict) -> None:
        nonlocal logged
        logged += 1
        if logged <= MAX_LOGGED_DEAD_LETTERS:  # all of them are in the table and its metadata
            context.log.warning(f"dead letter {letter['source_file']}: [{letter['reason_code']}] {letter['reason']}")

    summary = extract_partition(warehouse.url, extractor, source, day, on_dead_letter=log_dead_letter)
    if logged > MAX_LOGGED_DEAD_LETTERS:
        context.log.warning(f"{logged - MAX_LOGGED_DEAD_LETTERS} more dead letter(s): see extraction_dead_letters")
    result = summary.result
    records = pd.DataFrame(summary.records_preview, columns=list(EXTRACTED_COLUMNS))
    letters = pd.DataFrame(summary.letters_preview, columns=list(DEAD_LETTER_COLUMNS))
    ratio = round(result.compact_chars / result.raw_bytes, 4) if result.raw_bytes else None
    context.add_output_metadata(
        {
            **table_metadata(summary.records),
            "records": summary.records,
            "duplicates_skipped": summary.duplicates,
            "compact_text_ratio": ratio,
            "seconds": round(result.seconds, 3),
            "methods": dg.MetadataValue.json({str(k): v for k, v in summary.methods.most_common()}),
            "llm_model": client.model if client is not None else "none (rules only)",
            **({**result.usage.summary(), **{f"client_{k}": v for k, v in result.client_stats.items()}} if client else {}),
            "preview": preview(records, ["source_file", "property_key", "list_price", "city", "extraction_method"]),
        },
        output_name="extracted_properties",
    )
    context.add_output_metadata(
        {
            **table_metadata(summary.dead_letters),
            "dead_letters": summary.dead_letters,
            "reasons": dg.MetadataValue.table(
                records=[dg.TableRecord({"reason_code": str(k), "files": int(v)}) for k, v in summary.reasons.most_common()],
                schema=dg.TableSchema(columns=[dg.TableColumn("reason_code", "string"), dg.TableColumn("files", "int")]),
            ),
            "preview": preview(letters, ["source_file", "reason_code", "reason"]),
        },
        output_name="extraction_dead_letters",
    )
    partition = partition_of(source, day)
    return (
        TableHandle(warehouse.url, "extracted_properties", partition, summary.records_write),
        TableHandle(warehouse.url, "extraction_dead_letters", partition, summary.letters_write),
    )


_CHECKS = CheckSettings()  # the defaults, for the descriptions; a run's values are its `quality` resource's
CHECK_DESCRIPTIONS = {
    "confidence_thresholds": "Blocking. The partition's mean record confidence is at least "
    f"min_mean_confidence ({_CHECKS.min_mean_confidence} by default) and at most max_low_confidence_share "
    f"({_CHECKS.max_low_confidence_share:.0%} by default) of its records are below the quarantine "
    "threshold. When it fails, the partition's report, quarantine and dead letters still exist, but its "
    "records are held back from the quality summary.",
    "validated_schema": "Blocking. Every validated record conforms to the pandera contract "
    "(types, ranges, formats); rows failing it are listed.",
    "every_file_accounted_for": "Blocking. Every distinct raw file of the partition is in exactly one of "
    "validated_properties, quarantined_properties and extraction_dead_letters.",
    "dead_letter_rate": "Share of the partition's distinct files that became dead letters: WARN above "
    f"{_CHECKS.dead_letter_warn_rate:.0%}, ERROR above {_CHECKS.dead_letter_error_rate:.0%} by default "
    "(not blocking: the report is the diagnosis).",
    "no_personal_data": "Blocking. No owner name or mailing address from the raw input appears in any "
    "output table of the partition.",
}


def check_spec(name: str, asset: str, blocking: bool) -> dg.AssetCheckSpec:
    # Partitioned: each (source, day) keeps its own check history, so a failure on one day is
    # not hidden by a later day's success. (Dagster marks partitioned checks "preview".)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dg.PreviewWarning)
        return dg.AssetCheckSpec(
            name, asset=asset, blocking=blocking, description=CHECK_DESCRIPTIONS[name], partitions_def=source_day_partitions
        )


@dg.multi_asset(
    partitions_def=source_day_partitions,
    outs={
        "validated_properties": table_out(
            "Records that passed the schema, the cross-field rules and the confidence threshold.",
            schema=ValidatedPropertiesSchema, tags={"layer": "published"},
        ),
        "quarantined_properties": table_out(
            "Records that failed validation or the confidence threshold, with "
            "`quarantine_reason`; kept for review, never dropped.",
            schema=QuarantinedPropertiesSchema,
        ),
        "property_quality_report": table_out(
            "The partition's quality at a glance: files by disposition, confidence "
            "distribution, completeness of the fields the source can state, top validation issues "
            "with example files, LLM/rules disagreements, LLM usage, and which blocking checks "
            "failed. Written for every partition, whatever the checks say.",
            tags={"layer": "report"},
        ),
    },
    check_specs=[
        check_spec("confidence_thresholds", "validated_properties", blocking=True),
        check_spec("validated_schema", "validated_properties", blocking=True),
        check_spec("every_file_accounted_for", "property_quality_report", blocking=True),
        check_spec("dead_letter_rate", "property_quality_report", blocking=False),
        check_spec("no_personal_data", "property_quality_report", blocking=True),
    ],
)
def validation(
    context: dg.AssetExecutionContext,
    quality: QualityThresholds,
    landing: LandingZone,
    warehouse: Warehouse,
    raw_collector_files: TableHandle,
    extracted_properties: TableHandle,
    extraction_dead_letters: TableHandle,
):
    """Validates the partition's records, writes the validated and quarantined tables and the
    quality report, then evaluates the checks. The report is an output of this same step so it
    exists even when a blocking check fails (Dagster fails a step with a failed blocking check
    only after all of its outputs are stored): what is held back is the downstream summary.
    Records are validated chunk by chunk (each one scored on its own, same rules and
    thresholds); the report and the checks come from running counts and SQL, not frames.
    """
    source, day = source_and_day(context.partition_key)
    summary = validate_partition(warehouse.url, landing.path, source, day, quality.rules_config(), landing.max_file_bytes)
    row = summary.report.row(summary.files, summary.distinct_files, summary.conservation, [])
    checks = _evaluate_checks(quality, summary, row)
    held_back = [f"{c.check_name}: {c.description}" for c in checks if c.blocking_failure]
    report = pd.DataFrame([{**row, "blocking_failures": held_back}])
    for line in held_back:
        context.log.error(f"held back from the summary: {line}")
    partition = partition_of(source, day)
    yield dg.Output(
        TableHandle(warehouse.url, "validated_properties", partition, summary.validated_write),
        output_name="validated_properties",
        metadata=_validated_metadata(summary),
    )
    yield dg.Output(
        TableHandle(warehouse.url, "quarantined_properties", partition, summary.quarantined_write),
        output_name="quarantined_properties",
        metadata={
            **table_metadata(summary.report.quarantined),
            "records": summary.report.quarantined,
            "preview": preview(summary.quarantined_preview, ["source_file", "confidence", "quarantine_reason"]),
        },
    )
    yield dg.Output(report, output_name="property_quality_report", metadata=_report_metadata(report, source, day))
    # Check results last: a failed blocking check fails the step, and every output above is
    # stored by then.
    for check in checks:
        yield check.result


class _Check:
    """A check result plus what the report needs from it."""

    def __init__(self, result: dg.AssetCheckResult, blocking: bool, description: str) -> None:
        self.result, self.check_name, self.description = result, result.check_name, description
        self.blocking_failure = blocking and not result.passed


def _evaluate_checks(quality, summary: ValidationSummary, row: dict) -> list[_Check]:
    report = summary.report
    low_share = report.below_threshold / report.records if report.records else 0.0
    mean_conf = report.mean_confidence
    conf_ok = mean_conf is None or (mean_conf >= quality.min_mean_confidence and low_share <= quality.max_low_confidence_share)
    conf_why = (
        f"mean confidence {mean_conf:.3f} (minimum {quality.min_mean_confidence}), "
        f"{low_share:.0%} of records below {quality.min_confidence} (maximum {quality.max_low_confidence_share:.0%})"
        if mean_conf is not None
        else "no records"
    )
    schema_failing = report.schema_failing
    rate = float(row["dead_letter_rate"])
    level = "error" if rate > quality.dead_letter_error_rate else "warn" if rate > quality.dead_letter_warn_rate else "ok"
    findings = sorted(report.findings)
    found = summary.conservation
    missing, duplicated = found.missing_count, found.duplicated_count + found.unexpected_count
    return [
        _Check(
            dg.AssetCheckResult(
                check_name="confidence_thresholds",
                asset_key="validated_properties",
                passed=conf_ok,
                severity=dg.AssetCheckSeverity.ERROR,
                description=conf_why,
                metadata={
                    "mean_confidence": None if mean_conf is None else round(mean_conf, 3),
                    "share_below_threshold": round(low_share, 3),
                    "min_mean_confidence": quality.min_mean_confidence,
                    "max_low_confidence_share": quality.max_low_confidence_share,
                },
            ),
            True,
            conf_why,
        ),
        _Check(
            dg.AssetCheckResult(
                check_name="validated_schema",
                asset_key="validated_properties",
                passed=not schema_failing,
                description=f"{schema_failing} validated row(s) fail the schema" if schema_failing else "all rows conform",
                metadata={"rows_failing": schema_failing, "failures": dg.MetadataValue.json(report.schema_examples)},
            ),
            True,
            f"{schema_failing} validated row(s) fail the schema",
        ),
        _Check(
            dg.AssetCheckResult(
                check_name="every_file_accounted_for",
                asset_key="property_quality_report",
                passed=found.conserved,
                description=f"{missing} file(s) without an outcome, {duplicated} with more than one",
                metadata={
                    "distinct_files": summary.distinct_files,
                    "accounted": report.validated + report.quarantined + report.dead_letters,
                    "missing": dg.MetadataValue.json(found.missing[:100]),
                    "duplicated": dg.MetadataValue.json((found.duplicated + found.unexpected)[:100]),
                },
            ),
            True,
            f"{missing} file(s) without an outcome, {duplicated} with more than one",
        ),
        _Check(
            dg.AssetCheckResult(
                check_name="dead_letter_rate",
                asset_key="property_quality_report",
                passed=level == "ok",
                severity=dg.AssetCheckSeverity.ERROR if level == "error" else dg.AssetCheckSeverity.WARN,
                description=f"{rate:.0%} of distinct files are dead letters ({level})",
                metadata={
                    "dead_letter_rate": round(rate, 3),
                    "warn_above": quality.dead_letter_warn_rate,
                    "error_above": quality.dead_letter_error_rate,
                    "level": level,
                },
            ),
            False,
            f"{rate:.0%} dead letters",
        ),
        _Check(
            dg.AssetCheckResult(
                check_name="no_personal_data",
                asset_key="property_quality_report",
                passed=not report.findings_count,
                description=f"{report.findings_count} personal value(s) found in outputs" if report.findings_count else "none found",
                metadata={"personal_values_in_input": summary.personal_values_in_input, "findings": dg.MetadataValue.json(findings[:20])},
            ),
            True,
            f"{report.findings_count} personal value(s) found in outputs",
        ),
    ]


def _validated_metadata(summary: ValidationSummary) -> dict:
    mean = summary.validated_mean_confidence
    return {
        **table_metadata(summary.report.validated),
        "records": summary.report.validated,
        "mean_confidence": round(mean, 3) if mean is not None else None,
        "preview": preview(summary.validated_preview, ["property_key", "list_price", "city", "confidence"]),
    }


def _report_metadata(report: pd.DataFrame, source: str, day) -> dict:
    """Headline numbers as numeric metadata (the UI plots them across partitions), the rest as
    tables the UI shows inline; the PNG plot stays available behind "Show Markdown"."""
    row = report.iloc[0]
    tables = report_tables(row)
    files = int(row["distinct_files"])
    metadata = {
        **table_metadata(report),
        "files": int(row["files"]),
        "validated": int(row["validated"]),
        "quarantined": int(row["quarantined"]),
        "dead_letters": int(row["dead_letters"]),
        "validated_share": round(int(row["validated"]) / files, 3) if files else None,
        "dead_letter_rate": round(float(row["dead_letter_rate"]), 3),
        "mean_confidence": None if is_missing(row["mean_confidence"]) else round(float(row["mean_confidence"]), 3),
        "held_back": dg.MetadataValue.bool(bool(row["blocking_failures"])),
        "held_back_because": dg.MetadataValue.text("; ".join(row["blocking_failures"]) or "all blocking checks passed"),
    }
    for name, (columns, records) in tables.items():
        metadata[name] = dg.MetadataValue.table(
            records=[dg.TableRecord(r) for r in records],
            schema=dg.TableSchema(columns=[dg.TableColumn(c, t) for c, t in columns]),
        )
    metadata["confidence_plot"] = dg.MetadataValue.md(
        confidence_plot_markdown(row["confidence_histogram"], f"Confidence, {source} {day}")
    )
    metadata["llm_usage"] = dg.MetadataValue.json(row["llm_usage"])
    return metadata


@dg.asset(
    deps=["property_quality_report", "validated_properties"],
    group_name="properties",
    owners=OWNERS,
    kinds={"python"},
    tags={"layer": "report"},
    automation_condition=(
        dg.AutomationCondition.any_deps_updated().since_last_handled()
        & ~dg.AutomationCondition.any_deps_in_progress()
        & ~dg.AutomationCondition.in_progress()
    ).with_label("refresh after any partition's report"),
)
def property_quality_summary(warehouse: Warehouse, landing: LandingZone) -> dg.MaterializeResult:
    """Quality across every published partition: totals by disposition, the confidence
    distribution, the most frequent validation issues and LLM/rules disagreements. Partitions
    whose blocking checks failed are held back (listed with the reason, not counted), and
    landing folders the pipeline does not process are listed. Kept fresh by declarative
    automation: it refreshes after any partition's report changes.
    """
    reports = read_table(warehouse.url, "property_quality_report")
    failures = reports["blocking_failures"] if "blocking_failures" in reports.columns else pd.Series([[]] * len(reports))
    held = reports[failures.map(bool)] if len(reports) else reports
    published = reports[~failures.map(bool)] if len(reports) else reports
    summary = summarize(published)
    metadata: dict = {k: round(v, 3) if isinstance(v, float) else v for k, v in summary.items() if not isinstance(v, dict)}
    metadata["partitions_held_back"] = len(held)
    for key in ("top_issues", "llm_rules_disagreements"):
        values = summary.get(key, {})
        metadata[key] = dg.MetadataValue.table(
            records=[dg.TableRecord({"name": str(k), "records": int(v)}) for k, v in values.items()],
            schema=dg.TableSchema(columns=[dg.TableColumn("name", "string"), dg.TableColumn("records", "int")]),
        )
    if summary.get("confidence_histogram"):
        metadata["confidence_plot"] = dg.MetadataValue.md(
            confidence_plot_markdown(summary["confidence_histogram"], "Confidence, all published partitions")
        )
    if len(reports):
        per_partition = reports.assign(
            held_back_because=failures.map(lambda f: "; ".join(f) if isinstance(f, list) else "")
        ).sort_values(["collected_on", "source"])
        metadata["partitions_table"] = preview(
            per_partition,
            ["source", "collected_on", "files", "validated", "quarantined", "dead_letters", "mean_confidence", "held_back_because"],
            rows=100,
        )
    anomalies = survey(landing.path, day_range=partition_range()).anomalies
    metadata["landing_folders_not_processed"] = len(anomalies)
    if anomalies:
        metadata["not_processed"] = dg.MetadataValue.table(
            records=[dg.TableRecord({"path": a.path, "kind": a.kind, "detail": a.detail}) for a in anomalies[:100]],
            schema=dg.TableSchema(columns=[dg.TableColumn(c, "string") for c in ("path", "kind", "detail")]),
        )
    return dg.MaterializeResult(metadata=metadata)


PARTITION_ASSETS = [raw_collector_files, extraction, validation]


class EvaluationConfig(dg.Config):
    """Which labeled landing zone to evaluate on, and which extraction modes to compare."""

    landing: str = str(default_landing_root())
    labels: str = str(default_landing_root().parent / "expected")
    modes: list[str] = ["rules", "hybrid"]


@dg.asset(group_name="properties", owners=OWNERS, kinds={"python"}, tags={"layer": "evaluation"})
def extraction_evaluation(
    context: dg.AssetExecutionContext, config: EvaluationConfig, llm: LLMBackend, quality: QualityThresholds
) -> dg.MaterializeResult:
    """Field accuracy, hallucination rate and confidence calibration on a labeled landing zone,
    per source and layout family, for each extraction mode (rules only, LLM only, hybrid).
    Materialize it on demand from the UI; it is in no job or schedule.
    """
    labels = load_labels(Path(config.labels))
    client = llm.get_client() if any(m != "rules" for m in config.modes) else None
    metadata: dict = {}
    for mode in config.modes:
        _, scores, calibration = evaluate_samples(
            Path(config.landing), labels, mode=mode, llm=client, threshold=quality.min_confidence
        )
        table = format_scores(scores) + "\n\n" + format_calibration(calibration)
        context.log.info(f"{mode}:\n{table}")
        overall = scores[("all", "all")]
        metadata[f"{mode}_accuracy"] = overall.accuracy
        metadata[f"{mode}_hallucination_rate"] = overall.hallucination_rate
        metadata[f"{mode}_high_confidence_precision"] = calibration.high_precision
        metadata[f"{mode}_table"] = dg.MetadataValue.md(f"```\n{table}\n```")
    return dg.MaterializeResult(metadata=metadata)
