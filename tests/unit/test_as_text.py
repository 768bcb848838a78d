"""output/as_text.py: v2's tab-separated rules, one case per rule, exact bytes."""
from __future__ import annotations

import pytest

from awsmini.output import as_text


def render(data) -> str:
    return "".join(as_text.render(data))


@pytest.mark.parametrize("data, expected", [
    pytest.param("plain", "plain\n", id="scalar"),
    pytest.param(None, "None\n", id="null-is-None"),
    pytest.param(True, "True\n", id="bool-python-style"),
    pytest.param(0.5, "0.5\n", id="float"),
    pytest.param({"b": 2, "a": "x"}, "x\t2\n", id="mapping-sorted-scalars-one-line"),
    pytest.param({"Top": {"b": 2, "a": 1}}, "TOP\t1\t2\n", id="identifier-upper-cased"),
    pytest.param({"k": "v", "List": ["a", "b"]}, "v\nLIST\ta\nLIST\tb\n",
                 id="scalars-then-nested-scalar-list"),
    pytest.param(["a", "b", 3], "a\tb\t3\n", id="bare-scalar-list-one-line"),
    pytest.param([], "", id="empty-list-nothing"),
    pytest.param({"L": []}, "", id="nested-empty-list-nothing"),
    pytest.param({}, "", id="empty-mapping-nothing"),
    pytest.param({"L": [{"S": "x"}, {"N": "1"}, {"M": {"k": {"S": "v"}}}]},
                 "L\t\tx\nL\t1\t\nL\t\t\nK\tv\n", id="list-of-mappings-union-of-keys"),
    pytest.param([["a", "b"], ["c"]], "a\tb\nc\n", id="list-of-lists"),
    pytest.param(["x", ["a", "b"]], "x\na\tb\n", id="scalars-before-lists"),
    pytest.param({"NextToken": {"NextToken": "tok"}}, "NEXTTOKEN\ttok\n", id="resume-token"),
    pytest.param({"a": "tab\there"}, "tab\there\n", id="tabs-not-escaped"),
    pytest.param({"b": {"x": 1}, "a": {"y": 2}}, "A\t2\nB\t1\n", id="nested-sorted-by-key"),
])
def test_render(data, expected):
    assert render(data) == expected


def test_missing_key_in_a_list_item_gives_an_empty_field():
    data = {"Items": [{"a": 1, "b": 2}, {"a": 3}]}
    assert render(data) == "ITEMS\t1\t2\nITEMS\t3\t\n"
