"""`ddb`'s typed values, the select parameters and the YAML it prints (pure parts)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from awsmini.commands.ddb import COMMANDS
from awsmini.commands.ddb.items import load_items
from awsmini.commands.ddb.run import select_params
from awsmini.commands.ddb.values import Binary, deserialize, serialize
from awsmini.commands.ddb.yamlout import dump
from awsmini.errors import OtherError


def _args(**given):
    args = {spec.dest or spec.cli_name: spec.default for spec in COMMANDS["select"].arguments}
    args.update({key.replace("_", "-") if key != "table_name" else key: value
                 for key, value in given.items()})
    return args


@pytest.mark.parametrize("value,typed", [
    (None, {"NULL": True}), (True, {"BOOL": True}), (3, {"N": "3"}),
    (Decimal("1.50"), {"N": "1.50"}), ("x", {"S": "x"}), (Binary(b"\x00"), {"B": b"\x00"}),
    ({"a": [1, "b"]}, {"M": {"a": {"L": [{"N": "1"}, {"S": "b"}]}}}),
    ({"s"}, {"SS": ["s"]}), ({Decimal(2)}, {"NS": ["2"]}), ({Binary(b"z")}, {"BS": [b"z"]}),
], ids=["null", "bool", "int", "decimal", "string", "binary", "map", "ss", "ns", "bs"])
def test_serialize_and_back(value, typed):
    assert serialize(value) == typed
    back = deserialize(typed)
    assert back == (Decimal(value) if isinstance(value, int) and value is not True else value)


def test_floats_and_unknown_types_are_refused():
    with pytest.raises(OtherError, match="Float types are not supported"):
        serialize(1.5)
    with pytest.raises(OtherError, match="Unsupported type"):
        serialize(object())


def test_items_read_numbers_as_decimals_and_yaml_12_scalars():
    assert load_items("{n: 1.50, i: 2, y: yes, b: !!binary aGk=}") == {
        "n": Decimal("1.50"), "i": 2, "y": "yes", "b": Binary(b"hi")}
    assert load_items('[{"a": 1}, {"a": 2}]') == [{"a": 1}, {"a": 2}]
    with pytest.raises(OtherError):
        load_items("{a: [")


def test_select_defaults_scan_with_consistent_reads_and_no_capacity():
    assert select_params(_args(table_name="t")) == {
        "TableName": "t", "ConsistentRead": True, "ReturnConsumedCapacity": "NONE"}


def test_select_numbers_placeholders_across_its_expressions():
    params = select_params(_args(
        table_name="t", projection=["a,", "b"], filter=["c", "=", "1"],
        key_condition=["pk", "=", '"k"'], attributes="ALL_PROJECTED", index_name="i",
        return_consumed_capacity=True, consistent_read=False, max_items=5, page_size=2,
        starting_token="tok"))
    assert params == {
        "PaginationConfig": {"StartingToken": "tok", "MaxItems": 5, "PageSize": 2},
        "TableName": "t", "ConsistentRead": False, "IndexName": "i",
        "ProjectionExpression": "#n0, #n1", "FilterExpression": "#n2 = :n3",
        "KeyConditionExpression": "#n4 = :n5",
        "ExpressionAttributeNames": {"#n0": "a", "#n1": "b", "#n2": "c", "#n4": "pk"},
        "ExpressionAttributeValues": {":n3": Decimal(1), ":n5": "k"},
        "Select": "ALL_PROJECTED_ATTRIBUTES", "ReturnConsumedCapacity": "INDEXES"}


def test_capacity_without_an_index_is_the_total():
    params = select_params(_args(table_name="t", return_consumed_capacity=True))
    assert params["ReturnConsumedCapacity"] == "TOTAL"


def test_yaml_writes_decimals_binaries_and_sets_as_v2():
    assert dump({"Items": [{"n": Decimal("1.50"), "i": Decimal("7"), "b": Binary(b"hi"),
                            "s": {"y", "x"}, "z": None}], "Count": 1}) == (
        "Count: 1\nItems:\n- b: !!binary \"aGk=\"\n  i: 7\n  n: 1.50\n  s: !!set\n"
        "    x: null\n    y: null\n  z: null\n")
    assert dump(Decimal("2.5")) == "2.5\n"
    assert dump({}) == ""
    assert dump("x") == '"x"\n'
