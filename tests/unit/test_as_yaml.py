"""output/as_yaml.py: v2's YAML bytes, and the direct writer against PyYAML's emitter."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from awsmini.output import as_yaml


def render(data) -> str:
    return "".join(as_yaml.render(data))


@pytest.mark.parametrize("data, expected", [
    pytest.param({"b": 1, "a": 2}, "a: 2\nb: 1\n", id="keys-sorted"),
    pytest.param({"k": ["x", "y"]}, "k:\n- x\n- y\n", id="sequence-not-indented-under-key"),
    pytest.param([{"a": 1, "b": {"c": 2}}], "- a: 1\n  b:\n    c: 2\n", id="mapping-in-sequence"),
    pytest.param([["a", "b"], []], "- - a\n  - b\n- []\n", id="sequence-in-sequence"),
    pytest.param({"e": {}, "l": []}, "e: {}\nl: []\n", id="empty-containers-flow"),
    pytest.param({"n": "60", "f": "3.5", "t": "true", "z": "NULL", "e": ""},
                 "e: ''\nf: '3.5'\nn: '60'\nt: 'true'\nz: 'NULL'\n", id="resolvable-strings-quoted"),
    pytest.param({"a": "Off", "b": "yes", "c": "None", "d": "on"},
                 "a: Off\nb: yes\nc: None\nd: on\n", id="yaml-1.2-booleans-only"),
    pytest.param({"NULL": True}, "'NULL': true\n", id="quoted-key"),
    pytest.param({"d": "2021-01-01T00:00:00+00:00"}, "d: '2021-01-01T00:00:00+00:00'\n",
                 id="timestamp-like-quoted"),
    pytest.param({"s": "a: b", "h": "x #y", "d": "- x", "q": "it's"},
                 "d: '- x'\nh: 'x #y'\nq: it's\ns: 'a: b'\n", id="indicators"),
    pytest.param({"s": "tab\there"}, 's: "tab\\there"\n', id="special-characters-double-quoted"),
    pytest.param({"s": "Motörhead – “q” 日本"}, "s: Motörhead – “q” 日本\n", id="unicode-as-is"),
    pytest.param({"f": 0.5, "g": 1e20, "i": 7, "b": False, "n": None},
                 "b: false\nf: 0.5\ng: 1e+20\ni: 7\nn: null\n", id="scalars"),
    pytest.param({"s": "word " * 20}, "s: 'word word word word word word word word word word word "
                 "word word word word word\n  word word word word '\n", id="long-quoted-folds"),
    pytest.param({"s": ("word " * 20).strip()}, "s: word word word word word word word word word "
                 "word word word word word word word\n  word word word word\n", id="long-plain-folds"),
    pytest.param({"": 1}, "? ''\n: 1\n", id="empty-key-is-complex"),
    pytest.param({}, "", id="empty-response-nothing"),
    pytest.param([], "[]\n", id="empty-list"),
    pytest.param("foo", '"foo"\n', id="scalar-document-as-json"),
    pytest.param(1, "1\n", id="int-document"),
    pytest.param(None, "null\n", id="null-document"),
])
def test_render(data, expected):
    assert render(data) == expected


def test_stream_document_is_a_one_item_sequence():
    assert "".join(as_yaml.render_stream({"TableNames": ["MyTable"]})) == (
        "- TableNames:\n  - MyTable\n")
    assert "".join(as_yaml.render_stream({})) == "- {}\n"


def test_fast_writer_handles_ordinary_listings():
    data = {"things": [{"thingName": "t-%d" % i, "version": i, "attributes": {"w": str(i)}}
                       for i in range(50)]}
    assert as_yaml._FastEmitter().emit(data) == as_yaml._dump_pyyaml(data)


scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
           | st.text(max_size=30)
           | st.sampled_from(["Off", "NULL", "1_000", "0x1F", ".5", "- a", "a: b", "#x", "'q'",
                              "2001-12-14 21:59:43", "~", "<<", "=", "a" * 95, "x y " * 30,
                              "---", "...x", "@at", "?", "?x", ": x", "é" * 3]))
documents = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12) | st.sampled_from(["NULL", "a b", "k:"]), children,
                      max_size=4),
    max_leaves=20)


@settings(max_examples=400, deadline=None)
@given(documents)
@example({"k": "word " * 30})
@example([[{"a": "x y " * 25}]])
def test_fast_writer_writes_what_pyyaml_writes(data):
    if not isinstance(data, (dict, list)):
        return
    try:
        fast = as_yaml._FastEmitter().emit(data)
    except as_yaml._Unusual:
        return
    assert fast == as_yaml._dump_pyyaml(data)
