"""Pipeline overhead per record outside the LLM (read, parse, rules, merge, ground, validate,
write), and peak memory against partition size.

    python benchmarks/overhead.py            # 1k, 5k and 10k records, each in a fresh process

The LLM is an in-process double that answers instantly with the sample's labeled
facts, so every record goes through the full hybrid merge. Target: under 5 ms
per record, and peak RSS that does not grow with the partition beyond the rows.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _corpus import SAMPLES, make_partition, run_sizes_in_fresh_processes  # noqa: E402

from property_pipeline.evaluation import load_labels  # noqa: E402
from property_pipeline.extraction.extractor import Extractor  # noqa: E402
from property_pipeline.extraction.llm_step import DELIMITER, LONG_KEYS  # noqa: E402
from property_pipeline.llm.base import HealthReport, LLMReply, LLMStats  # noqa: E402
from property_pipeline.quality.validate import validate_records  # noqa: E402
from property_pipeline.sources import get_source  # noqa: E402
from property_pipeline.storage.warehouse import replace_partition  # noqa: E402


class InstantLLM:
    """A StructuredLLM that answers at once with the labeled facts of the sample in the prompt."""

    model = "instant-double"
    max_in_flight = 8

    def __init__(self, source: str):
        self.stats = LLMStats()
        parser = get_source(source)
        self.answers = {}
        for path, label in load_labels(SAMPLES / "expected", source).items():
            if label["disposition"] != "dead_letter":
                text = parser.parse((SAMPLES / "landing" / path).read_bytes()).text
                self.answers[text] = label["fields"]

    async def chat_json(self, messages, schema, *, num_predict=None):
        text = messages[1]["content"].split(DELIMITER + "\n", 1)[1].rsplit("\n" + DELIMITER, 1)[0]
        facts = self.answers.get(text, {})
        # Answer in the request's own keys (short keys for targeted requests).
        reply = {key: facts.get(LONG_KEYS.get(key, key)) for key in schema["properties"]}
        return LLMReply(json.dumps(reply), self.model, 500, 200, 0.0, "stop", 1)

    def health(self):
        return HealthReport(True, [], "double")


def child(count: int, source: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = make_partition(root, source, count)
        url = f"sqlite:///{root / 'warehouse.db'}"
        started = time.perf_counter()
        result = asyncio.run(Extractor(source, root=root, llm=InstantLLM(source)).run(files))
        extracted = time.perf_counter()
        validation = validate_records(result.records_frame())
        validated = time.perf_counter()
        partition = {"source": source, "collected_on": files[0].collected_on}
        replace_partition(url, "validated_properties", validation.validated, partition)
        replace_partition(url, "quarantined_properties", validation.quarantined, partition)
        written = time.perf_counter()
    return {
        "records": len(validation.validated) + len(validation.quarantined),
        "dead_letters": len(result.dead_letters),
        "ms_per_record": 1000 * (written - started) / count,
        "extract_ms": 1000 * (extracted - started) / count,
        "validate_ms": 1000 * (validated - extracted) / count,
        "write_ms": 1000 * (written - validated) / count,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


HEADER = (
    f"{'source':16} {'records':>8} {'dead':>5} {'ms/record':>10} {'extract':>8} {'validate':>9} {'write':>6} "
    f"{'peak RSS MB':>12}"
)


def row(r: dict, source: str) -> str:
    return (
        f"{source:16} {r['records']:8d} {r['dead_letters']:5d} {r['ms_per_record']:10.2f} {r['extract_ms']:8.2f} "
        f"{r['validate_ms']:9.2f} {r['write_ms']:6.2f} {r['peak_rss_mb']:12.1f}"
    )


if __name__ == "__main__":
    run_sizes_in_fresh_processes(__file__, child, HEADER, row)
