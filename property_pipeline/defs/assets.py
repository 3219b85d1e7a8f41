"""Assets, one per table, in the order the data flows; their checks sit beside them."""

import asyncio
from pathlib import Path

import dagster as dg
import pandas as pd

from ..evaluation import (
    evaluate_samples,
    format_calibration,
    format_scores,
    load_labels,
)
from ..extraction.extractor import Extractor
from ..landing import content_id, personal_values_in_partition, scan_partition
from ..quality.privacy import personal_data_findings
from ..quality.report import confidence_plot_markdown, partition_report, summarize
from ..quality.validate import schema_failures, validate_records
from ..settings import default_landing_root
from ..storage.warehouse import read_table
from .partitions import source_and_day, source_day_partitions
from .resources import LandingZone, LLMBackend, QualityThresholds, Warehouse

WAREHOUSE = "warehouse_io"

extraction_retry = dg.RetryPolicy(
    max_retries=3, delay=5, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS
)


def preview(df: pd.DataFrame, columns: list[str], rows: int = 10) -> dg.MetadataValue:
    """A small markdown table for the UI (no tabulate dependency)."""
    shown = [c for c in columns if c in df.columns]
    lines = ["| " + " | ".join(shown) + " |", "|" + "---|" * len(shown)]
    for row in df[shown].head(rows).itertuples(index=False):
        cells = ("" if v is None or v != v else str(v).replace("|", "\\|")[:60] for v in row)
        lines.append("| " + " | ".join(cells) + " |")
    return dg.MetadataValue.md("\n".join(lines))


@dg.asset(partitions_def=source_day_partitions, io_manager_key=WAREHOUSE, group_name="properties")
def raw_collector_files(context: dg.AssetExecutionContext, landing: LandingZone) -> pd.DataFrame:
    """The collector files of one (source, day) landing folder: path, size and content hash.

    Temporary names (`.name`, `*.tmp`, `*.part`) are skipped; files are never changed.
    Identical files (same sha256) are marked with `duplicate_of` and processed once.
    """
    source, day = source_and_day(context.partition_key)
    files = scan_partition(landing.path, source, day)
    rows, first_path = [], {}
    for raw_file in files:
        record_id = content_id(landing.path, raw_file, landing.max_file_bytes)
        first = first_path.setdefault(record_id, raw_file.path)
        rows.append(
            {
                "record_id": record_id,
                "source": source,
                "source_file": raw_file.path,
                "collected_on": day,
                "size_bytes": raw_file.size,
                "duplicate_of": first if first != raw_file.path else None,
            }
        )
    df = pd.DataFrame(
        rows, columns=["record_id", "source", "source_file", "collected_on", "size_bytes", "duplicate_of"]
    )
    context.add_output_metadata(
        {
            "files": len(df),
            "distinct_files": int(df["record_id"].nunique()),
            "bytes": int(df["size_bytes"].sum()),
            "preview": preview(df, ["source_file", "size_bytes", "duplicate_of"]),
        }
    )
    return df


@dg.multi_asset(
    partitions_def=source_day_partitions,
    outs={
        "extracted_properties": dg.AssetOut(io_manager_key=WAREHOUSE, group_name="properties"),
        "extraction_dead_letters": dg.AssetOut(io_manager_key=WAREHOUSE, group_name="properties"),
    },
    retry_policy=extraction_retry,
    pool="ollama",
)
def extraction(
    context: dg.AssetExecutionContext,
    landing: LandingZone,
    llm: LLMBackend,
    warehouse: Warehouse,
    raw_collector_files: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Property records extracted from the partition's raw files, and the files that produced none.

    `extracted_properties` holds one record per distinct raw file that could be read;
    `extraction_dead_letters` holds every other file with its reason, kept for replay:
    rematerializing the partition retries them.
    """
    source, day = source_and_day(context.partition_key)
    files = scan_partition(landing.path, source, day)
    listed = set(raw_collector_files["source_file"]) if len(raw_collector_files) else set()
    client = llm.get_client()
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
    result = asyncio.run(extractor.run(f for f in files if f.path in listed))
    for letter in result.dead_letters:
        context.log.warning(f"dead letter {letter['source_file']}: [{letter['reason_code']}] {letter['reason']}")
    records, letters = result.records_frame(), result.dead_letters_frame()
    ratio = result.compact_chars / result.raw_bytes if result.raw_bytes else None
    context.add_output_metadata(
        {
            "records": len(records),
            "duplicates_skipped": result.duplicates,
            "compact_text_ratio": ratio,
            "seconds": round(result.seconds, 3),
            "methods": dg.MetadataValue.json(records["extraction_method"].value_counts().to_dict()),
            "llm_model": client.model if client is not None else "none (rules only)",
            **({**result.usage.summary(), **{f"client_{k}": v for k, v in result.client_stats.items()}} if client else {}),
            "preview": preview(records, ["source_file", "property_key", "list_price", "city", "extraction_method"]),
        },
        output_name="extracted_properties",
    )
    context.add_output_metadata(
        {
            "dead_letters": len(letters),
            "reasons": dg.MetadataValue.json(letters["reason_code"].value_counts().to_dict()),
            "preview": preview(letters, ["source_file", "reason_code", "reason"]),
        },
        output_name="extraction_dead_letters",
    )
    return records, letters


@dg.multi_asset(
    partitions_def=source_day_partitions,
    outs={
        "validated_properties": dg.AssetOut(io_manager_key=WAREHOUSE, group_name="properties"),
        "quarantined_properties": dg.AssetOut(io_manager_key=WAREHOUSE, group_name="properties"),
    },
    check_specs=[
        dg.AssetCheckSpec("confidence_thresholds", asset="validated_properties", blocking=True),
        dg.AssetCheckSpec("validated_schema", asset="validated_properties", blocking=True),
    ],
)
def validation(
    context: dg.AssetExecutionContext, quality: QualityThresholds, extracted_properties: pd.DataFrame
):
    """Records that passed the schema, the cross-field rules and the confidence threshold,
    and the quarantined rest with their reasons (kept for review, never dropped).
    """
    result = validate_records(extracted_properties, quality.rules_config())
    validated, quarantined = result.validated, result.quarantined
    confidences = pd.concat([validated["confidence"], quarantined["confidence"]]).astype(float)
    low_share = float((confidences < quality.min_confidence).mean()) if len(confidences) else 0.0
    mean_conf = float(confidences.mean()) if len(confidences) else None
    yield dg.Output(
        validated,
        output_name="validated_properties",
        metadata={
            "records": len(validated),
            "mean_confidence": mean_conf,
            "preview": preview(validated, ["property_key", "list_price", "city", "confidence"]),
        },
    )
    yield dg.Output(
        quarantined,
        output_name="quarantined_properties",
        metadata={
            "records": len(quarantined),
            "preview": preview(quarantined, ["source_file", "confidence", "quarantine_reason"]),
        },
    )
    schema_errors = schema_failures(validated) if len(validated) else {}
    yield dg.AssetCheckResult(
        check_name="validated_schema",
        asset_key="validated_properties",
        passed=not schema_errors,
        metadata={"rows_failing": len(schema_errors), "failures": dg.MetadataValue.json(dict(list(schema_errors.items())[:10]))},
    )
    passed = mean_conf is None or (
        mean_conf >= quality.min_mean_confidence and low_share <= quality.max_low_confidence_share
    )
    yield dg.AssetCheckResult(
        check_name="confidence_thresholds",
        asset_key="validated_properties",
        passed=passed,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={
            "mean_confidence": mean_conf,
            "share_below_threshold": low_share,
            "min_mean_confidence": quality.min_mean_confidence,
            "max_low_confidence_share": quality.max_low_confidence_share,
        },
    )


@dg.asset(
    partitions_def=source_day_partitions,
    io_manager_key=WAREHOUSE,
    group_name="properties",
    check_specs=[
        dg.AssetCheckSpec("every_file_accounted_for", asset="property_quality_report", blocking=True),
        dg.AssetCheckSpec("dead_letter_rate", asset="property_quality_report"),
        dg.AssetCheckSpec("no_personal_data", asset="property_quality_report", blocking=True),
    ],
)
def property_quality_report(
    context: dg.AssetExecutionContext,
    quality: QualityThresholds,
    landing: LandingZone,
    raw_collector_files: pd.DataFrame,
    extraction_dead_letters: pd.DataFrame,
    validated_properties: pd.DataFrame,
    quarantined_properties: pd.DataFrame,
):
    """The partition's quality at a glance: files by disposition, the confidence distribution
    (plot), completeness per field, the most frequent validation issues with example files,
    where the LLM and the rules disagree, LLM usage; and the checks that every file is
    accounted for exactly once and that no personal data reached an output.
    """
    source, day = source_and_day(context.partition_key)
    report = partition_report(
        raw_collector_files, validated_properties, quarantined_properties, extraction_dead_letters
    )
    row = report.iloc[0]
    yield dg.Output(
        report,
        metadata={
            "files": int(row["files"]),
            "validated": int(row["validated"]),
            "quarantined": int(row["quarantined"]),
            "dead_letters": int(row["dead_letters"]),
            "mean_confidence": None if pd.isna(row["mean_confidence"]) else round(float(row["mean_confidence"]), 3),
            "confidence_plot": dg.MetadataValue.md(
                confidence_plot_markdown(row["confidence_histogram"], f"Confidence, {source} {day}")
            ),
            "completeness": dg.MetadataValue.json(row["completeness"]),
            "top_validation_issues": dg.MetadataValue.json(row["top_issues"]),
            "llm_rules_disagreements": dg.MetadataValue.json(row["llm_rules_disagreements"]),
            "dead_letter_reasons": dg.MetadataValue.json(row["dead_letter_reasons"]),
            "llm_usage": dg.MetadataValue.json(row["llm_usage"]),
        },
    )
    yield dg.AssetCheckResult(
        check_name="every_file_accounted_for",
        passed=bool(row["conserved"]),
        metadata={
            "distinct_files": int(row["distinct_files"]),
            "accounted": int(row["validated"] + row["quarantined"] + row["dead_letters"]),
            "missing": dg.MetadataValue.json(row["missing_files"]),
            "duplicated": dg.MetadataValue.json(row["duplicated_files"]),
        },
    )
    rate = float(row["dead_letter_rate"])
    level = "error" if rate > quality.dead_letter_error_rate else "warn" if rate > quality.dead_letter_warn_rate else "ok"
    yield dg.AssetCheckResult(
        check_name="dead_letter_rate",
        passed=level == "ok",
        severity=dg.AssetCheckSeverity.ERROR if level == "error" else dg.AssetCheckSeverity.WARN,
        metadata={
            "dead_letter_rate": rate,
            "warn_above": quality.dead_letter_warn_rate,
            "error_above": quality.dead_letter_error_rate,
            "level": level,
        },
    )
    personal = personal_values_in_partition(landing.path, source, day, landing.max_file_bytes)
    findings = personal_data_findings(
        {
            "validated_properties": validated_properties,
            "quarantined_properties": quarantined_properties,
            "extraction_dead_letters": extraction_dead_letters,
        },
        personal,
    )
    yield dg.AssetCheckResult(
        check_name="no_personal_data",
        passed=not findings,
        metadata={"personal_values_in_input": len(personal), "findings": dg.MetadataValue.json(findings[:20])},
    )


@dg.asset(deps=[property_quality_report], group_name="properties")
def property_quality_summary(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    """Quality across every partition materialized so far: totals by disposition, the
    confidence distribution (plot), the most frequent validation issues and LLM/rules
    disagreements. Rematerialize it (the daily schedule does) to refresh.
    """
    reports = read_table(warehouse.url, "property_quality_report")
    summary = summarize(reports)
    metadata: dict = {k: v for k, v in summary.items() if not isinstance(v, dict)}
    for key in ("top_issues", "llm_rules_disagreements"):
        metadata[key] = dg.MetadataValue.json(summary.get(key, {}))
    if summary.get("confidence_histogram"):
        metadata["confidence_plot"] = dg.MetadataValue.md(
            confidence_plot_markdown(summary["confidence_histogram"], "Confidence, all partitions")
        )
    if len(reports):
        per_partition = reports.sort_values(["collected_on", "source"])
        metadata["partitions_table"] = preview(
            per_partition, ["source", "collected_on", "files", "validated", "quarantined", "dead_letters", "mean_confidence"], rows=60
        )
    return dg.MaterializeResult(metadata=metadata)


PARTITION_ASSETS = [raw_collector_files, extraction, validation, property_quality_report]


class EvaluationConfig(dg.Config):
    """Which labeled landing zone to evaluate on, and which extraction modes to compare."""

    landing: str = str(default_landing_root())
    labels: str = str(default_landing_root().parent / "expected")
    modes: list[str] = ["rules", "hybrid"]


@dg.asset(group_name="properties")
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
