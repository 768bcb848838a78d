"""values.unpack: one argument's raw value -> the value botocore gets, as v2 converts it."""
from __future__ import annotations

import base64
import errno
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awsmini import models
from awsmini.arguments import build_arguments
from awsmini.env import Env
from awsmini.errors import OtherError, ParamValidationError
from awsmini.models import ServiceModel
from awsmini.values.unpack import decode_blobs, decode_input_blobs, unpack_argument

DATA = Path(__file__).parent.parent / "data"
MODEL = ServiceModel("test", "2024-01-01", json.loads((DATA / "unpack_model.json").read_text("utf-8")))
SPECS = build_arguments(MODEL, "SendMessage", "test")
CASES = json.loads((DATA / "unpack_cases.json").read_text("utf-8"))
ERRORS = {"ParamValidationError": ParamValidationError, "OtherError": OtherError}


@dataclass
class FakeEnv(Env):
    """An Env whose files live in a dict keyed by path."""

    files: dict = field(default_factory=dict)

    def read_bytes(self, name: str) -> bytes:
        if name not in self.files:
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), name)
        return self.files[name]

    def read_text(self, name: str) -> str:
        return self.read_bytes(name).decode("utf-8")

    def is_file(self, name: str) -> bool:
        return name in self.files

    def open_binary(self, name: str) -> io.BytesIO:
        return io.BytesIO(self.read_bytes(name))


def fake_env(files: dict | None = None) -> FakeEnv:
    return FakeEnv(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), environ={},
                   files={name: _bytes(content) for name, content in (files or {}).items()})


def _bytes(content) -> bytes:
    return decoded(content) if isinstance(content, dict) else content.encode("utf-8")


def decoded(value):
    """JSON case data -> Python: {"$bytes": base64} stands for bytes."""
    if isinstance(value, dict):
        if set(value) == {"$bytes"}:
            return base64.b64decode(value["$bytes"])
        return {key: decoded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decoded(item) for item in value]
    return value


def unpack_as_sent(spec, raw, env, binary_format):
    """Unpacked, then (under the base64 format) decoded as the call decodes it."""
    value = unpack_argument(spec, raw, MODEL, env)
    if binary_format == "base64":
        value = decode_blobs(value, spec.shape_name, MODEL)
    if hasattr(value, "read"):  # a streaming body: the file it is sent from
        return value.read()
    return value


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_unpacks(case):
    spec = SPECS[case["argument"]]
    env = fake_env(case.get("files"))
    fmt = case.get("binary_format", "base64")
    if "error" in case:
        with pytest.raises(ERRORS[case["error"]]) as caught:
            unpack_as_sent(spec, case["raw"], env, fmt)
        assert type(caught.value) is ERRORS[case["error"]]
        assert caught.value.message == case["message"]
    else:
        result = unpack_as_sent(spec, case["raw"], env, fmt)
        expected = decoded(case["expected"])
        assert result == expected
        assert isinstance(result, type(expected))


def test_json_objects_keep_order():
    result = unpack_argument(SPECS["labels"], '{"z": "1", "a": "2"}', MODEL, fake_env())
    assert list(result) == ["z", "a"]


def test_already_unpacked_values_pass_again():
    # click's convert() contract: converting a converted value changes nothing.
    for name, raw in [("count", "42"), ("ratio", "1.5"), ("enabled", "false"), ("names", ["a", "b"]),
                      ("settings", "Count=1,Names=a"), ("labels", '{"a": "b"}'), ("counts", ["1"]),
                      ("tags", ["Key=a"]), ("extra", '{"x": 1}'), ("extras", ["[1]"]),
                      ("when", "2024-01-01"), ("name", "text")]:
        once = unpack_argument(SPECS[name], raw, MODEL, fake_env())
        assert unpack_argument(SPECS[name], once, MODEL, fake_env()) == once


def test_none_and_positionals_are_left_alone():
    assert unpack_argument(SPECS["name"], None, MODEL, fake_env()) is None


@pytest.mark.parametrize("operation", ["SendMessage", "Other"])
def test_every_argument_loads_its_file(operation):
    # aws-cli 1.x never loaded sqs.send-message.queue-url from a file; v2 exempts
    # no argument of a generic operation (awscli/paramfile.py).
    model = ServiceModel("test", "2024-01-01", {**MODEL.data, "operations": {
        **MODEL.operations, "Other": {"name": "Other", "input": {"shape": "TestInput"}}}})
    env = fake_env({"q.txt": "loaded"})
    assert unpack_argument(SPECS["queue-url"], "file://q.txt", model, env,
                           operation=operation) == "loaded"
    assert unpack_argument(SPECS["url"], "file://q.txt", model, env,
                           operation=operation) == "loaded"


def test_old_list_case_of_one_member_structures():
    # firehose put-record-batch --records a b: v2's pre-shorthand reading.
    data = json.loads(json.dumps(MODEL.data))
    data["operations"] = {"PutRecordBatch": {"name": "PutRecordBatch", "input": {"shape": "Input"}}}
    data["shapes"]["Input"] = {"type": "structure", "members": {"Records": {"shape": "Singles"}}}
    data["metadata"]["serviceId"] = "Firehose"
    firehose = ServiceModel("firehose", "2015-08-04", data)
    spec = build_arguments(firehose, "PutRecordBatch", "firehose")["records"]
    assert unpack_argument(spec, ["a", "b"], firehose, fake_env()) == [{"Id": "a"}, {"Id": "b"}]
    other = ServiceModel("other", "2015-08-04", {**data, "metadata": {"serviceId": "Other"}})
    with pytest.raises(ParamValidationError):
        unpack_argument(spec, ["a", "b"], other, fake_env())


def test_decode_blobs_for_input_documents():
    params = {"Data": "AAEC", "Settings": {"Data": "AQID", "Inner": {"Data": b"raw"}},
              "Blobs": {"k": "AA=="}, "Name": "AAEC"}
    result = decode_blobs(params, "TestInput", MODEL)
    assert result == {"Data": b"\x00\x01\x02", "Settings": {"Data": b"\x01\x02\x03",
                                                          "Inner": {"Data": b"raw"}},
                      "Blobs": {"k": b"\x00"}, "Name": "AAEC"}


REQUEST_MODEL = ServiceModel("t", "2020-01-01", {
    "metadata": {},
    "operations": {"Put": {"name": "Put", "input": {"shape": "PutRequest"}},
                   "NoInput": {"name": "NoInput"}},
    "shapes": {
        "PutRequest": {"type": "structure", "members": {
            "Name": {"shape": "String"}, "Data": {"shape": "Blob"},
            "Items": {"shape": "ItemList"}}},
        "ItemList": {"type": "list", "member": {"shape": "Item"}},
        "Item": {"type": "structure", "members": {"Body": {"shape": "Blob"}}},
        "String": {"type": "string"}, "Blob": {"type": "blob"}}})


def test_a_whole_request_is_decoded_once():
    params = {"Name": "aGk=", "Data": "aGk=", "Items": [{"Body": "AAE="}, {"Body": b"raw"}]}
    assert decode_input_blobs(params, REQUEST_MODEL, "Put") == {
        "Name": "aGk=", "Data": b"hi", "Items": [{"Body": b"\x00\x01"}, {"Body": b"raw"}]}
    assert decode_input_blobs({"colour": "red"}, REQUEST_MODEL, "NoInput") == {"colour": "red"}


# --------------------------------------------- recorded cases, real models

@pytest.fixture(scope="module")
def real(tmp_path_factory):
    environ = {"HOME": str(tmp_path_factory.mktemp("home")),
               "XDG_CACHE_HOME": str(tmp_path_factory.mktemp("cache"))}

    def unpack(service: str, api_name: str, argument: str, raw, fmt: str = "base64", files=None):
        model = models.load_operation(service, api_name, environ)
        spec = build_arguments(model, api_name, service)[argument]
        value = unpack_argument(spec, raw, model, fake_env(files))
        return decode_blobs(value, spec.shape_name, model) if fmt == "base64" else value

    return unpack


@pytest.mark.parametrize("service, operation, argument, raw, expected", [
    ("iot", "CreateJob", "job-executions-rollout-config",
     "maximumPerMinute=50,exponentialRate={baseRatePerMinute=5,incrementFactor=1.5,"
     "rateIncreaseCriteria={numberOfNotifiedThings=10}}",
     {"maximumPerMinute": 50, "exponentialRate": {"baseRatePerMinute": 5, "incrementFactor": 1.5,
                                                  "rateIncreaseCriteria": {"numberOfNotifiedThings": 10}}}),
    ("iot", "CreateJob", "abort-config",
     "criteriaList=[{failureType=FAILED,action=CANCEL,thresholdPercentage=12.5,minNumberOfExecutedThings=2}]",
     {"criteriaList": [{"failureType": "FAILED", "action": "CANCEL", "thresholdPercentage": 12.5,
                        "minNumberOfExecutedThings": 2}]}),
    ("iot", "CreateThing", "attribute-payload", "attributes={color=red,size=L},merge=true",
     {"attributes": {"color": "red", "size": "L"}, "merge": True}),
    ("ec2", "DescribeVpcs", "filters", ["Name=tag:Name,Values=web,db", "Name=is-default,Values=false"],
     [{"Name": "tag:Name", "Values": ["web", "db"]}, {"Name": "is-default", "Values": ["false"]}]),
    ("cloudformation", "CreateStack", "parameters",
     ["ParameterKey=Env,ParameterValue=prod", "ParameterKey=Size,UsePreviousValue=true"],
     [{"ParameterKey": "Env", "ParameterValue": "prod"}, {"ParameterKey": "Size", "UsePreviousValue": True}]),
    ("logs", "PutLogEvents", "log-events",
     ["timestamp=1700000000000,message=first", 'timestamp=1700000000500,message="second, with comma"'],
     [{"timestamp": 1700000000000, "message": "first"},
      {"timestamp": 1700000000500, "message": "second, with comma"}]),
    ("dynamodb", "PutItem", "item", "Artist={S=Acme Band},Plays={N=12},Raw={B=AQID},Tracks={L=[{S=one}]}",
     {"Artist": {"S": "Acme Band"}, "Plays": {"N": "12"}, "Raw": {"B": b"\x01\x02\x03"},
      "Tracks": {"L": [{"S": "one"}]}}),
    ("sns", "Publish", "message-attributes", "bin={DataType=Binary,BinaryValue=AAEC}",
     {"bin": {"DataType": "Binary", "BinaryValue": b"\x00\x01\x02"}}),
    ("batch", "SubmitJob", "container-overrides",
     'command=[echo,hello],environment=[{name=A,value=1},{name=B,value="x,y"}]',
     {"command": ["echo", "hello"], "environment": [{"name": "A", "value": "1"},
                                                    {"name": "B", "value": "x,y"}]}),
    ("kinesis", "PutRecord", "data", "aGVsbG8gd29ybGQ=", b"hello world"),
    ("iot", "ListAuditTasks", "start-time", "2024-03-01T10:20:30Z", "2024-03-01T10:20:30Z"),
], ids=["iot-rollout", "iot-abort-criteria", "iot-attribute-payload", "ec2-filters", "cfn-parameters",
        "logs-events", "dynamodb-item", "sns-binary-attribute", "batch-overrides", "kinesis-blob",
        "iot-timestamp"])
def test_recorded_inputs(real, service, operation, argument, raw, expected):
    assert real(service, operation, argument, raw) == expected


def test_elb_instances_as_words(real):
    # v2's event names spell elb "elastic-load-balancing" (its service id).
    assert real("elb", "RegisterInstancesWithLoadBalancer", "instances", ["i-1", "i-2"]) == [
        {"InstanceId": "i-1"}, {"InstanceId": "i-2"}]


def test_recorded_map_given_a_list_left_for_validation(real):
    # errors.json err-validation-list-for-map: botocore reports the list.
    assert real("iot", "CancelJobExecution", "status-details", "a=b,c") == {"a": ["b", "c"]}


def test_recorded_paramfile_nested(real):
    files = {"note.txt": "line one\nline two, with comma\n"}
    assert real("iot", "CancelJobExecution", "status-details", "note@=file://note.txt,x=y",
                files=files) == {"note": "line one\nline two, with comma\n", "x": "y"}


# --------------------------------------------------------------- properties

SOUP = "ab Z9=,@[]{}'\"\\\n:.-\u00e9"


# With the three shorthand properties and the one below: 11,000 examples per run.
@settings(max_examples=3000, deadline=None)
@given(name=st.sampled_from(["settings", "labels", "tags", "settings-map", "behavior", "names"]),
       words=st.lists(st.text(alphabet=SOUP, max_size=30), min_size=1, max_size=3))
def test_only_documented_errors(name, words):
    spec = SPECS[name]
    raw = words if spec.nargs else words[0]
    try:
        unpack_argument(spec, raw, MODEL, fake_env())
    except (ParamValidationError, OtherError):
        pass


@settings(max_examples=500, deadline=None)
@given(count=st.integers(), big=st.integers(min_value=-2**63, max_value=2**63 - 1),
       ratio=st.floats(allow_nan=False), enabled=st.sampled_from(["true", "TRUE", "False", "fAlSe"]))
def test_shorthand_numbers_and_booleans_take_the_member_type(count, big, ratio, enabled):
    text = "Count=%d,Big=%d,Ratio=%r,Enabled=%s" % (count, big, ratio, enabled)
    result = unpack_argument(SPECS["settings"], text, MODEL, fake_env())
    assert result == {"Count": count, "Big": big, "Ratio": ratio, "Enabled": enabled.lower() == "true"}


def test_bytes_given_for_a_list_are_one_item_not_one_item_per_byte():
    env = fake_env({"names.bin": "\x00\x01" * 200000})
    assert unpack_argument(SPECS["names"], "fileb://names.bin", MODEL, env) == [
        b"\x00\x01" * 200000]
