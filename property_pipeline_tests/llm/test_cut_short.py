"""Telling a reply cut mid-object from one that is merely malformed."""

import json

from hypothesis import given
from hypothesis import strategies as st

from property_pipeline.extraction.llm_step import json_cut_short

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(st.text(max_size=10), values, min_size=1, max_size=6), st.data())
def test_every_strict_prefix_of_an_object_is_cut_short_and_the_whole_is_not(obj, data):
    text = json.dumps(obj, ensure_ascii=data.draw(st.booleans()))
    assert not json_cut_short(text)
    cut = data.draw(st.integers(min_value=1, max_value=len(text) - 1))
    assert json_cut_short(text[:cut])


def test_malformed_but_complete_replies_are_not_cut_short():
    for text in ('{"price": 1}}', "Sure! {price: 450000}", "[1, 2", "", '{"a": "b\\\\"}'):
        assert not json_cut_short(text), text
    assert json_cut_short('{"a": "b\\\\", "c": "unterminated')
