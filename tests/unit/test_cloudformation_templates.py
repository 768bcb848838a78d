"""Template text <-> data: the short-form tags, v2's scalar rules, v2's YAML and JSON bytes.

The expected files in tests/data/cloudformation/ were written by v2's own
`yamlhelper.yaml_dump` (and its `--use-json` dump) from `short-forms.yaml`."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from awsmini.commands.cloudformation.templates import (SortedMapping, TemplateError,
                                                       dump_template, dump_template_json,
                                                       parse_template)

DATA = Path(__file__).parent.parent / "data" / "cloudformation"


def test_a_representative_template_is_written_as_v2_writes_it():
    template = parse_template((DATA / "short-forms.yaml").read_text())
    assert dump_template(template) == (DATA / "short-forms.dumped.yaml").read_text()
    assert dump_template_json(template) == (DATA / "short-forms.dumped.json").read_text()


@pytest.mark.parametrize("text, expected", [
    ("x: !Ref Env", {"Ref": "Env"}),
    ("x: !Condition IsProd", {"Condition": "IsProd"}),
    ("x: !GetAtt Role.Arn", {"Fn::GetAtt": ["Role", "Arn"]}),
    ("x: !GetAtt A.B.C", {"Fn::GetAtt": ["A", "B.C"]}),
    ("x: !GetAtt [Role, Arn]", {"Fn::GetAtt": ["Role", "Arn"]}),
    ("x: !Sub '${AWS::Region}-x'", {"Fn::Sub": "${AWS::Region}-x"}),
    ("x: !Join ['', [a, !Ref B]]", {"Fn::Join": ["", ["a", {"Ref": "B"}]]}),
    ("x: !If [C, 'yes', !Ref 'AWS::NoValue']",
     {"Fn::If": ["C", "yes", {"Ref": "AWS::NoValue"}]}),
    ("x: !Select [0, !GetAZs '']", {"Fn::Select": [0, {"Fn::GetAZs": ""}]}),
    ("x: !ImportValue {'Fn::Sub': v}", {"Fn::ImportValue": {"Fn::Sub": "v"}}),
    ("x: !Ref", {"Ref": ""}),
], ids=["ref", "condition", "getatt-dotted", "getatt-first-dot", "getatt-list", "sub", "join",
        "if", "select-getazs", "mapping", "empty"])
def test_short_forms_become_the_long_form(text, expected):
    assert parse_template(text)["x"] == expected


@pytest.mark.parametrize("text, value", [
    ("yes", True), ("Off", False), ("'on'", "on"), ("0123", 123), ("0x1F", 31), ("1e3", 1000.0),
    ("~", None), ("null", None), ("'2020-01-01'", "2020-01-01"),
    ("2020-01-01", datetime.date(2020, 1, 1)), ("'123'", "123"), ("1_000", 1000),
], ids=lambda item: str(item))
def test_scalars_are_read_with_yaml_1_2_and_1_1_booleans(text, value):
    assert parse_template("x: %s" % text)["x"] == value


@pytest.mark.parametrize("value, text", [
    ("yes", "x: 'yes'\n"), ("Off", "x: 'Off'\n"), ("null", "x: 'null'\n"), ("12", "x: '12'\n"),
    ("it's", "x: it's\n"), ("'quoted'", "x: \"'quoted'\"\n"), ("a\nb", 'x: "a\\nb"\n'),
    ("", "x: ''\n"), (datetime.date(2020, 1, 1), "x: 2020-01-01\n"), (None, "x: null\n"),
    ("y", "x: y\n"),
], ids=lambda item: repr(item))
def test_strings_are_quoted_as_v2_quotes_them(value, text):
    assert dump_template({"x": value}) == text


def test_order_is_kept_but_a_tagged_mapping_is_sorted():
    template = parse_template("b: 1\na: !Transform {Parameters: {z: 1, y: 2}, Name: N}\n")
    assert list(template) == ["b", "a"]
    assert isinstance(template["a"]["Fn::Transform"], SortedMapping)
    assert dump_template(template) == ("b: 1\na:\n  Fn::Transform:\n    Name: N\n"
                                       "    Parameters:\n      z: 1\n      y: 2\n")
    assert dump_template_json(template["a"]) == (
        '{\n    "Fn::Transform": {\n        "Parameters": {\n            "z": 1,\n'
        '            "y": 2\n        },\n        "Name": "N"\n    }\n}')


def test_anchors_merges_and_duplicates():
    template = parse_template("a: &x {k: 1}\nb: *x\nm:\n  <<: *x\n  j: 2\nd: 1\nd: 2\n")
    assert template == {"a": {"k": 1}, "b": {"k": 1}, "m": {"k": 1, "j": 2}, "d": 2}
    assert dump_template(template) == "a:\n  k: 1\nb:\n  k: 1\nm:\n  k: 1\n  j: 2\nd: 2\n"


def test_json_templates_are_read_as_json():
    assert parse_template('{"Resources": {"b": 1, "a": "yes"}}') == {
        "Resources": {"b": 1, "a": "yes"}}


def test_long_plain_strings_fold_as_v2s_output_does():
    # v2's recorded `--output yaml` keeps a long word on its line, and folds at the
    # first single space past column 80 (the same library writes templates).
    from awsmini.output.as_yaml import dump

    words = "Resizes images " + "x" * 100
    assert dump_template({"Description": words}) == "Description: %s\n" % words
    text = " ".join(["word"] * 30)
    folded = dump_template({"N": text})
    assert folded == dump({"N": text}) and folded.count("\n") == 2
    assert len(folded.splitlines()[0]) > 80


def test_bad_yaml_is_a_template_error():
    with pytest.raises(TemplateError, match="expected the node content"):
        parse_template("Resources: [\n")


def test_dates_cannot_be_written_as_json():
    with pytest.raises(TypeError, match="date is not JSON serializable"):
        dump_template_json(parse_template("x: 2020-01-01"))
