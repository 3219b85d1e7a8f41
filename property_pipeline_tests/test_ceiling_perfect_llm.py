"""The design's ceiling: the hybrid behind a perfect LLM (answers every asked field from the labels).

What it still gets wrong is what the merge keeps from wrong rules, what grounding throws away
or what is never asked: a model cannot fix those. Measured over real HTTP through the Ollama client.
"""

from __future__ import annotations

import pytest

from property_pipeline.llm.ollama import OllamaClient

from .perfect_llm import LABELLED_SETS, measure, perfect_ollama

# Hybrid accuracy with the perfect double, per labelled set, that must not regress.
CEILING_FLOOR = {"samples": 0.99, "holdout": 0.99, "unseen": 0.99, "blind": 0.99, "classes": 0.99}


@pytest.fixture(scope="module")
def perfect_server():
    with perfect_ollama() as server:
        yield server


@pytest.mark.parametrize("name,landing,expected", LABELLED_SETS, ids=[s[0] for s in LABELLED_SETS])
def test_hybrid_with_a_perfect_llm_is_never_worse_than_rules(perfect_server, name, landing, expected):
    rules = measure(landing, expected, "rules").scores[("all", "all")]
    run = measure(landing, expected, "hybrid", OllamaClient(host=perfect_server.url, max_in_flight=4))
    hybrid = run.scores[("all", "all")]
    assert perfect_server.chat_count > 0
    assert hybrid.accuracy >= rules.accuracy - 1e-9, (name, rules.accuracy, hybrid.accuracy)
    assert hybrid.accuracy >= CEILING_FLOOR[name], (name, hybrid.accuracy)
    # A perfect model never states what the label does not: any hallucination is the merge's.
    assert hybrid.hallucination_rate == 0.0
