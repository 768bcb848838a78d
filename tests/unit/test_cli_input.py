"""cli_input: reading --cli-input-json / --cli-input-yaml, v2's errors, merging.

Files are faked through Env (`read_text`/`read_bytes`); nothing touches the disk.
"""
from __future__ import annotations

import datetime
import io
import math

import pytest

from awsmini.cli_input import merge_cli_input, read_cli_input, relaxes_required
from awsmini.env import Env
from awsmini.errors import OtherError, ParamValidationError


class FakeFiles(Env):
    """An Env whose file reads come from a dict."""

    def __init__(self, files: dict[str, str | bytes] | None = None) -> None:
        super().__init__(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(),
                         environ={"HOME": "/home/u"}, stdin_isatty=False, stdout_isatty=False)
        self.files = files or {}

    def path(self, name: str) -> str:
        return name

    def _get(self, name: str) -> str | bytes:
        if name not in self.files:
            raise FileNotFoundError(2, "No such file or directory", name)
        return self.files[name]

    def read_text(self, name: str) -> str:
        value = self._get(name)
        return value.decode("utf-8") if isinstance(value, bytes) else value

    def read_bytes(self, name: str) -> bytes:
        value = self._get(name)
        return value.encode("utf-8") if isinstance(value, str) else value


def read(options: dict, files: dict | None = None):
    return read_cli_input(options, FakeFiles(files))


def error_of(options: dict, files: dict | None = None) -> str:
    with pytest.raises(ParamValidationError) as info:
        read(options, files)
    return info.value.message


# ------------------------------------------------------------ loading

def test_nothing_given():
    assert read({}) is None
    assert read({"cli-input-json": None, "generate-cli-skeleton": "input"}) is None


def test_a_value_that_is_not_text_is_v2s_general_error():
    # `--cli-input-yaml=--`: argparse before Python 3.13 drops the "--" and leaves []
    with pytest.raises(OtherError) as info:
        read({"cli-input-yaml": []})
    assert info.value.message == "stream argument needs to have a read() method"


def test_inline_json():
    assert read({"cli-input-json": '{"jobId": "j", "force": true, "expectedVersion": 5}'}) == {
        "jobId": "j", "force": True, "expectedVersion": 5}


def test_json_file():
    assert read({"cli-input-json": "file://in.json"}, {"in.json": '{"a": {"b": [1]}}'}) == {
        "a": {"b": [1]}}


def test_json_binary_file():
    assert read({"cli-input-json": "fileb://in.json"}, {"in.json": b'{"a": "b"}'}) == {"a": "b"}


def test_inline_yaml():
    text = 'jobId: j-yaml\nthingName: t-yaml\nexpectedVersion: 8\nstatusDetails:\n  k1: v1\n  k2: "v 2"\n'
    assert read({"cli-input-yaml": text}) == {
        "jobId": "j-yaml", "thingName": "t-yaml", "expectedVersion": 8,
        "statusDetails": {"k1": "v1", "k2": "v 2"}}


def test_yaml_file_with_comment():
    files = {"input.yaml": "# comment\njobId: j-yf\nthingName: t-yf\nforce: true\n"}
    assert read({"cli-input-yaml": "file://input.yaml"}, files) == {
        "jobId": "j-yf", "thingName": "t-yf", "force": True}


def test_yaml_reads_its_own_skeleton():
    text = ("jobId: ''  # [REQUIRED] The ID.\nforce: true # (Optional) If true.\n"
            "statusDetails: # A collection.\n  KeyName: ''\nData: !!binary ''\n")
    assert read({"cli-input-yaml": text}) == {
        "jobId": "", "force": True, "statusDetails": {"KeyName": ""}, "Data": b""}


@pytest.mark.parametrize("scalar, value", [
    ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("Y", "Y"),
    ("true", True), ("False", False), ("TRUE", True),
    ("~", None), ("null", None), ("NULL", None), ("", None),
    ("017", 17), ("0o17", 15), ("0x1F", 31), ("0b101", 5), ("1_000", 1000), ("-0", 0), ("+7", 7),
    ("1.5", 1.5), ("1e3", 1000.0), (".5", 0.5), ("-.inf", -math.inf),
    ("12:30", "12:30"), ("0o", "0o"), ("'017'", "017"), ("!!str 1", "1"),
    ("2023-01-02", datetime.date(2023, 1, 2)),
    ("2023-01-02T03:04:05+01:00", datetime.datetime(2023, 1, 2, 2, 4, 5)),
    ("2023-01-02 03:04:05", datetime.datetime(2023, 1, 2, 3, 4, 5)),
], ids=lambda v: repr(v))
def test_yaml_scalars_follow_yaml_1_2(scalar, value):
    assert read({"cli-input-yaml": "a: %s\n" % scalar}) == {"a": value}


def test_yaml_nan():
    assert math.isnan(read({"cli-input-yaml": "a: .nan"})["a"])


def test_yaml_anchors_and_merge_keys():
    text = "base: &b {x: 1}\ncopy: *b\nmerged:\n  <<: *b\n  y: 2\n"
    assert read({"cli-input-yaml": text}) == {
        "base": {"x": 1}, "copy": {"x": 1}, "merged": {"x": 1, "y": 2}}


def _laughs(levels: int) -> str:
    """`levels` lists of ten aliases to the one before: 10 ** levels values in all."""
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += ["l%d: &l%d [%s]" % (n, n, ", ".join(["*l%d" % (n - 1)] * 10))
              for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_aliases_that_expand_a_little_are_read():
    assert len(read({"cli-input-yaml": _laughs(5)})["l4"]) == 10  # 111,111 values


def test_aliases_that_expand_to_billions_are_refused_at_once():
    import time

    started = time.perf_counter()
    message = error_of({"cli-input-yaml": _laughs(9)})  # 1,111,111,111 values, 500 bytes
    assert message == ("Error parsing parameter 'cli-input-yaml': its aliases expand to more "
                       "than 1000000 values")
    assert time.perf_counter() - started < 1


def test_a_document_that_contains_itself_is_refused():
    assert error_of({"cli-input-yaml": "a: &a [1, *a]\n"}) == (
        "Error parsing parameter 'cli-input-yaml': an alias refers to a value that contains it")


# ------------------------------------------------------------ errors

def test_both_options():
    assert error_of({"cli-input-json": '{"jobId": "j"}', "cli-input-yaml": "thingName: t"}) == (
        "Only one --cli-input- parameter may be specified.")


def test_file_errors_come_before_the_both_check():
    assert error_of({"cli-input-json": "file://in.json", "cli-input-yaml": "a: b"}) == (
        "Error parsing parameter '--cli-input-json': Unable to load paramfile file://in.json: "
        "[Errno 2] No such file or directory: 'in.json'")


@pytest.mark.parametrize("text", ['{"jobId": "j"', "", "not json", "{'a': 1}"])
def test_invalid_json(text):
    assert error_of({"cli-input-json": text}) == (
        "Error parsing parameter 'cli-input-json': Invalid JSON received.")


@pytest.mark.parametrize("text", [
    "jobId: [unclosed", "a: 1\na: 2\n", "{a: 1, a: 2}", "a: 1\n---\nb: 2\n",
    "a: !!python/object/apply:os.system ['true']", "a: !custom 1", "a: =", "\ta: 1",
], ids=["unclosed", "duplicate", "duplicate-flow", "two-documents", "python-tag",
        "unknown-tag", "value-tag", "tab"])
def test_invalid_yaml(text):
    assert error_of({"cli-input-yaml": text}) == (
        "Error parsing parameter 'cli-input-yaml': Invalid YAML received.")


@pytest.mark.parametrize("option, text, kind", [
    ("cli-input-yaml", "- a\n- b\n", "list"),
    ("cli-input-yaml", "", "NoneType"),
    ("cli-input-yaml", "just text", "str"),
    ("cli-input-json", "[1, 2]", "list"),
    ("cli-input-json", "null", "NoneType"),
    ("cli-input-json", "7", "int"),
])
def test_not_a_mapping(option, text, kind):
    assert error_of({option: text}) == (
        "Error parsing parameter '--%s': Invalid type: expecting map, received <class '%s'>"
        % (option, kind))


def test_missing_file():
    assert error_of({"cli-input-json": "file://in.json"}) == (
        "Error parsing parameter '--cli-input-json': Unable to load paramfile file://in.json: "
        "[Errno 2] No such file or directory: 'in.json'")


# ------------------------------------------------------------ merging

def test_command_line_wins():
    merged = merge_cli_input({"jobId": "j-cli", "expectedVersion": 6},
                             {"jobId": "j-json", "thingName": "t-json", "expectedVersion": 5})
    assert merged == {"jobId": "j-cli", "expectedVersion": 6, "thingName": "t-json"}


def test_false_on_the_command_line_still_wins():
    assert merge_cli_input({"force": False}, {"force": True}) == {"force": False}


def test_merge_without_input():
    assert merge_cli_input({"a": 1}, None) == {"a": 1}
    assert merge_cli_input({"a": 1}, {}) == {"a": 1}


def test_unknown_keys_are_kept_for_validation():
    assert merge_cli_input({}, {"colour": "red"}) == {"colour": "red"}


# ------------------------------------------------------------ required-ness

SPECS = {"job-id": None, "cli-input-json": None, "cli-input-yaml": None,
         "generate-cli-skeleton": None}
STREAMING = {"function-name": None, "outfile": None}


@pytest.mark.parametrize("specs, words, relaxed", [
    (SPECS, [], False),
    (SPECS, ["--cli-input-json", "{}"], True),
    (SPECS, ["--cli-input-yaml", "a: b"], True),
    (SPECS, ["--cli-input-json={}"], False),
    (SPECS, ["--generate-cli-skeleton"], True),
    (SPECS, ["--generate-cli-skeleton", "input"], True),
    (SPECS, ["--generate-cli-skeleton", "yaml-input"], True),
    (SPECS, ["--generate-cli-skeleton", "output"], False),
    (SPECS, ["--generate-cli-skeleton", "output", "--cli-input-json", "{}"], True),
    (SPECS, ["--generate-cli-skeleton=input"], False),
    (STREAMING, ["--cli-input-json", "{}"], False),
    (STREAMING, ["--generate-cli-skeleton"], False),
], ids=["none", "json", "yaml", "json-equals", "skeleton", "skeleton-input", "skeleton-yaml",
        "skeleton-output", "output-with-input", "skeleton-equals", "streaming-json",
        "streaming-skeleton"])
def test_relaxes_required(specs, words, relaxed):
    assert relaxes_required(specs, words) is relaxed
