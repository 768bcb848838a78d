"""skeleton: input JSON, commented input YAML and fake output, byte for byte.

Two tables in tests/data/skeleton/:
- `service-2.json` + `expected.json`: a made-up service that exercises every
  type, enum quoting, comment alignment, recursion and nested lists; the
  expectations are AWS CLI v2's output for that model.
- `recorded.json`: the conformance cases recorded from AWS CLI v2, with the
  slice of the model each one used.
"""
from __future__ import annotations

import json
import pathlib

import pytest

from awsmini import skeleton
from awsmini.errors import ParamValidationError
from awsmini.models import ServiceModel
from awsmini.yaml12 import resolves_as_string

DATA = pathlib.Path(__file__).parent.parent / "data" / "skeleton"
MODEL = ServiceModel("skeltest", "2020-01-01",
                     json.loads((DATA / "service-2.json").read_text(encoding="utf-8")))
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
RECORDED = json.loads((DATA / "recorded.json").read_text(encoding="utf-8"))


def _output_error(model: ServiceModel, api_name: str) -> str | None:
    try:
        skeleton.check_output(model, api_name, skeleton.generate_output(model, api_name))
    except ParamValidationError as error:
        return error.message
    return None


def _as_json_data(value):
    return json.loads(json.dumps(value, default=skeleton.json_default))


# ------------------------------------------------------------ made-up model

@pytest.mark.parametrize("api_name", sorted(EXPECTED))
def test_input_json(api_name):
    assert skeleton.render_input_json(MODEL, api_name) == EXPECTED[api_name]["input"]


@pytest.mark.parametrize("api_name", sorted(EXPECTED))
def test_input_yaml(api_name):
    assert skeleton.render_input_yaml(MODEL, api_name) == EXPECTED[api_name]["yaml-input"]


@pytest.mark.parametrize("api_name", sorted(EXPECTED))
def test_output_data(api_name):
    assert _as_json_data(skeleton.generate_output(MODEL, api_name)) == EXPECTED[api_name]["output"]


@pytest.mark.parametrize("api_name", sorted(EXPECTED))
def test_output_validation(api_name):
    assert _output_error(MODEL, api_name) == EXPECTED[api_name]["output_error"]


def test_enum_takes_first_value_and_member_enum_wins():
    data = skeleton.generate_input(MODEL, "Everything")
    assert data["Colour"] == "red"
    assert data["Mode"] == "fast"


def test_recursive_structure_is_cut_at_second_visit():
    assert skeleton.generate_input(MODEL, "Everything")["Child"] == {
        "Value": "", "Children": [{}], "Parent": {}}


def test_output_uses_member_and_list_member_shape_names():
    data = skeleton.generate_output(MODEL, "Everything")
    assert data["Name"] == "Name"
    assert data["Items"] == ["String"]
    assert data["Labels"] == {"KeyName": ""}


def test_json_is_ascii_like_v2():
    assert '"M": "caf\\u00e9"' in skeleton.render_input_json(MODEL, "Quoting")


# ------------------------------------------------------------ recorded cases

@pytest.mark.parametrize("case", RECORDED["cases"], ids=[c["id"] for c in RECORDED["cases"]])
def test_recorded(case):
    model = ServiceModel(case["service"], "", RECORDED["models"][case["model"]], is_slice=True)
    api_name = case["api_name"]
    if case["form"] == "input":
        assert skeleton.render_input_json(model, api_name) == case["stdout"]
    elif case["form"] == "yaml-input":
        assert skeleton.render_input_yaml(model, api_name) == case["stdout"]
    elif "error" in case:
        assert _output_error(model, api_name).splitlines() == [
            line.replace("[ERROR]: An error occurred (ParamValidation): ", "")
            for line in case["error"]]
    else:
        assert _output_error(model, api_name) is None
        data = _as_json_data(skeleton.generate_output(model, api_name))
        assert data == (json.loads(case["stdout"]) if case["stdout"] else {})


# ------------------------------------------------------------ pieces

@pytest.mark.parametrize("documentation, overview", [
    ("<p>The ID of the job. More.</p>", "The ID of the job."),
    ("<p>How many: at least one.</p>", "How many."),
    ("Line one\nline two", "Line one line two."),
    ("Line\u2028break", "Line break."),
    ("<p>Use <code>a..b</code> here</p>", "Use a."),
    ("<p>Bad &nbsp; entity. Two.</p>", "<p>Bad &nbsp; entity."),
    ("<p>Keep <![CDATA[dropped]]> this.</p>", "Keep  this."),
    ("<p>Unclosed <b>tag.</p>", "<p>Unclosed <b>tag."),
    ("<p>Prefix <x:y>unbound</x:y> text</p>", "<p>Prefix <x."),
    ("", ""),
    (" ", " ."),
    (". Starts with a dot", ""),
], ids=["first-sentence", "colon", "newline", "u2028", "dots", "entity", "cdata",
        "unclosed", "unbound-prefix", "empty", "blank", "leading-dot"])
def test_doc_overview(documentation, overview):
    assert skeleton.doc_overview(documentation) == overview


@pytest.mark.parametrize("text, is_string", [
    ("yes", True), ("no", True), ("on", True), ("off", True), ("y", True),
    ("true", False), ("False", False), ("TRUE", False), ("tRUE", True),
    ("null", False), ("NULL", False), ("~", False), ("", False), ("nil", True),
    ("1", False), ("-1", False), ("0x1F", False), ("0o17", False), ("017", False), ("0b101", False),
    ("1.0", False), ("1e3", False), (".5", False), (".inf", False), ("-.INF", False), (".NaN", False),
    ("1.2.3", True), ("12:30", True), ("2020-01-01", False), ("2020-01-01T00:00:00Z", False),
    ("<<", False), ("=", False), ("text/plain", True), ("v1", True),
])
def test_yaml12_resolution(text, is_string):
    assert resolves_as_string(text) is is_string
