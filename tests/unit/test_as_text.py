"""output/as_text.py: v2's tab-separated rules, one case per rule, exact bytes."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_items_sharing_keys_but_not_value_kinds_are_each_formatted_by_their_own_values():
    # The second item's "a" is a mapping: it is not a column there, but "a" is one
    # for the list (the first item has it as a scalar), so the cell shows the mapping.
    data = {"L": [{"a": "x", "b": 1}, {"a": {"k": "v"}, "b": 2}, {"a": "y", "b": 3}]}
    assert render(data) == "L\tx\t1\nL\t{'k': 'v'}\t2\nL\ty\t3\n"


def test_booleans_none_and_floats_in_columns_print_as_python_prints_them():
    data = {"L": [{"a": True, "b": None, "c": 0.25}, {"a": False, "c": 1e100}]}
    assert render(data) == "L\tTrue\tNone\t0.25\nL\tFalse\t\t1e+100\n"


def reference(item, identifier=None, scalar_keys=None) -> list:
    """v2's rules written plainly, one value at a time, to check the planned writer."""
    def text(value):
        return as_text.scalar_text(value)

    def container(value):
        return isinstance(value, (dict, list))

    lines = []
    if isinstance(item, dict):
        if scalar_keys is None:
            scalars = [text(item[k]) for k in sorted(item) if not container(item[k])]
            nested = [k for k in sorted(item) if container(item[k])]
        else:
            scalars = [text(item.get(k, "")) for k in scalar_keys]
            nested = [k for k in sorted(item) if k not in scalar_keys]
        if scalars:
            lines.append("\t".join(([identifier.upper()] if identifier else []) + scalars))
        for key in nested:
            lines += reference(item[key], key)
    elif isinstance(item, list):
        if any(isinstance(e, dict) for e in item):
            keys = sorted({k for e in item if isinstance(e, dict)
                           for k, v in e.items() if not container(v)})
            for element in item:
                lines += reference(element, identifier, keys)
        else:
            scalars = [e for e in item if not container(e)]
            if scalars and identifier:
                lines += [identifier.upper() + "\t" + text(e) for e in scalars]
            elif scalars:
                lines.append("\t".join(text(e) for e in scalars))
            for element in item:
                if container(element):
                    lines += reference(element, identifier)
    else:
        lines.append(text(item))
    return lines


keys = st.sampled_from(["a", "b", "Name", "Tags", "z"])
text_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=3),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4),
    max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(text_values)
def test_matches_the_rules_written_plainly(value):
    expected = "".join(line + "\n" for line in reference(value))
    assert render(value) == expected


def test_mapping_subclasses_in_a_listing_share_its_columns():
    from collections import OrderedDict

    data = {"L": [{"a": 1}, OrderedDict(b=2, c={"d": 3})]}
    assert render(data) == "L\t1\t\nL\t\t2\nC\t3\n"
