"""query.py: compile once with v2's error text; apply as jmespath does."""
from __future__ import annotations

import pytest

from awsmini.errors import OtherError, ParamValidationError
from awsmini.query import apply_query, compile_query


@pytest.mark.parametrize("expression, data, expected", [
    pytest.param("a.b", {"a": {"b": 1}}, 1, id="path"),
    pytest.param("things[].thingName", {"things": [{"thingName": "x"}, {}]}, ["x"], id="projection"),
    pytest.param("Item.Nope", {"Item": {}}, None, id="missing-is-null"),
    pytest.param("{n: name}", {"name": "x"}, {"n": "x"}, id="multiselect-hash"),
    pytest.param("sort(keys(@))", {"b": 1, "a": 2}, ["a", "b"], id="functions"),
])
def test_apply(expression, data, expected):
    assert apply_query(compile_query(expression), data) == expected


def test_no_query_is_identity():
    data = {"a": 1}
    assert compile_query(None) is None
    assert apply_query(None, data) is data


def test_syntax_error_is_v2s_parameter_error_with_carets():
    with pytest.raises(ParamValidationError) as caught:
        compile_query("foo[?bar==")
    assert caught.value.exit_code == 252
    assert caught.value.error_text() == (
        "An error occurred (ParamValidation): Bad value for --query foo[?bar==: Invalid jmespath "
        'expression: Incomplete expression:\n"foo[?bar=="\n           ^')


def test_unknown_function_fails_when_applied_with_exit_255():
    query = compile_query("nosuchfn(QueueUrls)")
    with pytest.raises(OtherError) as caught:
        apply_query(query, {"QueueUrls": []})
    assert caught.value.exit_code == 255
    assert caught.value.error_text() == "Unknown function: nosuchfn()"


def test_type_error_is_reported_not_raised_raw():
    with pytest.raises(OtherError, match="invalid type for value"):
        apply_query(compile_query("length(n)"), {"n": 5})
