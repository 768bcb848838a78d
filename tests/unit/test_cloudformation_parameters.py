"""`--parameter-overrides` and `--tags` values, and the parameters deploy passes."""
from __future__ import annotations

import pytest

from awsmini.commands.cloudformation.parameters import (parse_key_values, parse_overrides,
                                                        template_parameters)
from awsmini.errors import OtherError, ParamValidationError

FORMS_ERROR = "JSON passed to --parameter-overrides must be one of the formats"


@pytest.mark.parametrize("value, expected", [
    (None, {}), ([], {}),
    (["A=1", "B=x=y", "C="], {"A": "1", "B": "x=y", "C": ""}),
    (['[{"ParameterKey": "A", "ParameterValue": "1"}]'], {"A": "1"}),
    ('[{"ParameterKey": "A", "ParameterValue": "1"}, {"ParameterKey": "B", '
     '"ParameterValue": "2"}]', {"A": "1", "B": "2"}),
    ('{"Parameters": {"A": "1", "B": "2"}}', {"A": "1", "B": "2"}),
    (['{"Parameters": {"A": "1"}, "Tags": {}}'], {"A": "1"}),
    ('["A=1", "B=2"]', {"A": "1", "B": "2"}),
    (['["A=1"]', "ignored"], {"A": "1"}),
    ("[]", {}),
    (["null"], None),  # JSON null is not JSON to v2: read as Key=Value, and fails
], ids=["none", "empty", "words", "inline-cloudformation", "file-cloudformation",
        "file-codepipeline", "inline-codepipeline", "file-strings", "first-word-only",
        "empty-list", "null"])
def test_override_forms(value, expected):
    if expected is None:
        with pytest.raises(OtherError, match=r"^\['null'\] value passed to "
                                             r"--parameter-overrides must be of format"):
            parse_overrides(value)
    else:
        assert parse_overrides(value) == expected


@pytest.mark.parametrize("value", [
    '[{"ParameterKey": "A", "ParameterValue": "1", "UsePreviousValue": true}]',
    '{"A": "1"}', '["A"]', '[{"ParameterKey": "A"}]',
])
def test_other_json_is_refused_with_v2s_message(value):
    with pytest.raises(ParamValidationError, match=FORMS_ERROR):
        parse_overrides(value)


def test_a_file_that_is_not_json_is_v2s_decoder_error():
    with pytest.raises(OtherError, match="^Expecting value: line 1 column 1"):
        parse_overrides("A=1 B=2")


def test_key_value_words():
    assert parse_key_values(["a=1", "b=="], "tags") == {"a": "1", "b": "="}
    with pytest.raises(OtherError, match=r"^\['x'\] value passed to --tags must be of format "
                                         r"Key=Value$"):
        parse_key_values(["x"], "tags")


def test_every_declared_parameter_is_passed_in_order():
    template = {"Parameters": {"B": {}, "A": {}, "C": {}}}
    assert template_parameters(template, {"A": "1", "Z": "9"}) == [
        {"ParameterKey": "B", "UsePreviousValue": True},
        {"ParameterKey": "A", "ParameterValue": "1"},
        {"ParameterKey": "C", "UsePreviousValue": True}]
    assert template_parameters({"Resources": {}}, {"A": "1"}) == []
    assert template_parameters({"Parameters": "odd"}, {}) == []
    with pytest.raises(OtherError, match="'list' object has no attribute 'get'"):
        template_parameters([], {})
