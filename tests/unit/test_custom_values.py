"""values/custom.py: v2's hand-made arguments -> parameters, and its call-time defaults."""
from __future__ import annotations

import pytest

from awsmini.errors import ParamValidationError
from awsmini.values.custom import custom_parameters, with_call_defaults


@pytest.mark.parametrize("raw, expected", [
    ("3", {"MinCount": 3, "MaxCount": 3}),
    ("2:5", {"MinCount": 2, "MaxCount": 5}),
])
def test_count(raw, expected):
    assert custom_parameters("ec2", "run-instances", {"count": raw, "query": None}) == expected


@pytest.mark.parametrize("raw", ["x", "1:2:3", "", ":"])
def test_bad_count(raw):
    with pytest.raises(ParamValidationError) as caught:
        custom_parameters("ec2", "run-instances", {"count": raw})
    assert caught.value.message == "count parameter should be of form min[:max] (e.g. 1 or 1:10)"


def test_other_operations_have_none():
    assert custom_parameters("ec2", "describe-instances", {"count": "3"}) == {}


def test_call_defaults_fill_only_what_is_missing():
    assert with_call_defaults({"ImageId": "a"}, "ec2", "RunInstances") == {
        "MinCount": 1, "MaxCount": 1, "ImageId": "a"}
    assert with_call_defaults({"MaxCount": 4}, "ec2", "RunInstances") == {
        "MinCount": 1, "MaxCount": 4}
    assert with_call_defaults({"x": 1}, "iot", "ListThings") == {"x": 1}
