"""How much smaller the LLM's input is than the raw page: compact text and the whole prompt of a
targeted request (instructions, page text, requested keys) vs the raw HTML.

    python benchmarks/compact_text.py
"""

from __future__ import annotations

import statistics

from _corpus import valid_sample_paths

from property_pipeline.extraction.llm_step import (
    build_messages,
    targeted_fields,
    targeted_request,
)
from property_pipeline.sources import get_source


def main() -> None:
    source = get_source("phoenix_mls")
    rows = []
    for path in valid_sample_paths("phoenix_mls"):
        raw = path.read_bytes()
        doc = source.parse(raw)
        request = targeted_request(targeted_fields(source, source.extract_rules(doc)))
        prompt = sum(len(m["content"]) for m in build_messages(source, doc.text, request))
        rows.append((path.name, len(raw), len(doc.text), len(doc.text) / len(raw), prompt / len(raw)))
    print(f"{'page':24} {'raw bytes':>10} {'text chars':>10} {'text/raw':>9} {'prompt/raw':>10}")
    for name, raw, text, ratio, prompt_ratio in rows:
        print(f"{name:24} {raw:10d} {text:10d} {ratio:9.3f} {prompt_ratio:10.3f}")
    print(f"\nmedian compact text / raw HTML: {statistics.median(r[3] for r in rows):.3f}")
    print(f"median whole prompt (instructions + text + keys) / raw HTML: {statistics.median(r[4] for r in rows):.3f}")
    print(f"median raw page: {statistics.median(r[1] for r in rows):,.0f} bytes; fixed instructions: "
          f"{sum(len(m['content']) for m in build_messages(source, ''))} chars (a prefix the server caches)")


if __name__ == "__main__":
    main()
