"""A perfect LLM behind the Ollama API: it answers every field it is asked with the labelled value.

This measures the design's ceiling, not a model: with an LLM that never errs, what the hybrid
still gets wrong is what the merge keeps from wrong rules, or what it never asks.

    with perfect_ollama() as server:
        llm = OllamaClient(host=server.url, max_in_flight=4)
        run = evaluation.evaluate(landing, labels, mode="hybrid", llm=llm)

Run as a module to print the ceiling table (rules-only against hybrid-perfect, per labelled set,
with output tokens per record):

    .venv/bin/python -m property_pipeline_tests.perfect_llm
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from property_pipeline import evaluation
from property_pipeline.extraction.llm_step import DELIMITER, LONG_KEYS
from property_pipeline.sources import SourceError, get_source

from .fake_ollama import FakeOllama, Generation

REPO = Path(__file__).resolve().parent.parent
# The labelled sets: (name, landing zone, labels). samples/real_unseen is never measured here.
LABELLED_SETS = (
    ("samples", REPO / "samples" / "landing", REPO / "samples" / "expected"),
    ("holdout", REPO / "samples" / "holdout" / "landing", REPO / "samples" / "holdout" / "expected"),
    ("unseen", REPO / "samples" / "unseen" / "landing", REPO / "samples" / "unseen" / "expected"),
    ("blind", REPO / "samples" / "blind" / "landing", REPO / "samples" / "blind" / "expected"),
    # The loss-class tuning set (aria-only labels, stat rows, Spanish, remarks-only, print sheets, envelopes).
    ("classes", REPO / "samples" / "classes" / "landing", REPO / "samples" / "classes" / "expected"),
)
# Measured from the command line only (`perfect_llm fresh`), never held to a floor by a test: a
# measurement set nobody tunes on.
MEASURED_ONLY = (("fresh", REPO / "samples" / "fresh" / "landing", REPO / "samples" / "fresh" / "expected"),)


def labelled_answers(landing: Path, expected: Path) -> dict[str, dict[str, Any]]:
    """Per document text the LLM would see, the labelled fields of that file."""
    answers = {}
    for path, label in evaluation.load_labels(expected).items():
        if label.get("disposition") == "dead_letter":
            continue
        source = get_source(path.split("/", 1)[0])
        try:
            text = source.parse((landing / path).read_bytes(), name=Path(path).name).text
        except SourceError:
            continue
        answers[text] = label["fields"]
    return answers


class PerfectModel:
    """The responder: finds the page the prompt carries and answers the asked keys from its label.

    A prompt whose text was trimmed to fit the context window is matched by its beginning.
    `output_chars` counts the characters of every answer, for an output-token estimate.
    """

    def __init__(self, answers: dict[str, dict[str, Any]]) -> None:
        self.answers = answers
        self.output_chars = 0
        self.replies = 0

    def facts(self, text: str) -> dict[str, Any]:
        if text in self.answers:
            return self.answers[text]
        return next((facts for page, facts in self.answers.items() if page.startswith(text) and text), {})

    def __call__(self, request: dict) -> Generation:
        content = request["messages"][1]["content"]
        text = content.split(DELIMITER + "\n", 1)[1].rsplit("\n" + DELIMITER, 1)[0]
        facts = self.facts(text)
        keys = request["format"]["properties"]
        # Answer in the request's own keys: short keys for targeted requests, contract names otherwise.
        reply = json.dumps({key: facts.get(LONG_KEYS.get(key, key)) for key in keys})
        self.output_chars += len(reply)
        self.replies += 1
        return Generation(content=reply)


def perfect_ollama(sets=LABELLED_SETS, slots: int = 8) -> FakeOllama:
    """A FakeOllama whose model knows the labels of every labelled set."""
    answers: dict[str, dict[str, Any]] = {}
    for _, landing, expected in sets:
        answers.update(labelled_answers(landing, expected))
    return FakeOllama(generate=PerfectModel(answers), slots=slots)


def measure(landing: Path, expected: Path, mode: str, llm: Any = None) -> evaluation.Evaluation:
    return evaluation.evaluate(landing, evaluation.load_labels(expected), mode=mode, llm=llm)


def main() -> None:
    from property_pipeline.llm.ollama import OllamaClient

    names = {arg for arg in sys.argv[1:] if not arg.startswith("-")}
    print(f"{'set':8} {'rules':>7} {'hybrid':>7} {'halluc.':>8} {'>=0.8 ok':>9} {'out tok/rec':>12} {'calls':>6}")
    with perfect_ollama((*LABELLED_SETS, *MEASURED_ONLY)) as server:
        model: PerfectModel = server.generate  # type: ignore[assignment]
        for name, landing, expected in (*LABELLED_SETS, *MEASURED_ONLY):
            if (names and name not in names) or (not names and (name, landing, expected) in MEASURED_ONLY):
                continue
            rules = measure(landing, expected, "rules").scores[("all", "all")]
            chars, replies = model.output_chars, model.replies
            llm = OllamaClient(host=server.url, max_in_flight=4)
            run = measure(landing, expected, "hybrid", llm)
            hybrid = run.scores[("all", "all")]
            records = max(1, len(run.records))
            tokens = (model.output_chars - chars) / 4 / records
            print(
                f"{name:8} {rules.accuracy:7.3f} {hybrid.accuracy:7.3f} {hybrid.hallucination_rate:8.3f} "
                f"{run.calibration.high_precision:9.3f} {tokens:12.1f} {model.replies - replies:6d}"
            )
            if "-v" in sys.argv:
                print(evaluation.format_scores(run.scores))


if __name__ == "__main__":
    main()
