"""resource_index: which list call answers an option, derived from botocore's real models."""
from __future__ import annotations

import pytest

from awsmini import models
from awsmini.prompt.resource_index import (ListSource, choose, identifier_noun, list_source,
                                           operation_noun, service_listings, singular)
from tests.conftest import isolated_environ


def _choose(model, api_name, member_name):
    """`list_source` on a whole service model (pure)."""
    return choose(service_listings(model), api_name, member_name)


@pytest.fixture(scope="module")
def environ(tmp_path_factory):
    return isolated_environ(tmp_path_factory.mktemp("home"))


@pytest.mark.parametrize("service, api_name, member, is_list, expected", [
    ("iot", "CancelJobExecution", "thingName", False, ("ListThings", "things[].thingName")),
    ("iot", "CancelJobExecution", "jobId", False, ("ListJobs", "jobs[].jobId")),
    ("sqs", "GetQueueAttributes", "QueueUrl", False, ("ListQueues", "QueueUrls")),
    ("dynamodb", "DescribeTable", "TableName", False, ("ListTables", "TableNames")),
    ("lambda", "GetFunction", "FunctionName", False,
     ("ListFunctions", "Functions[].FunctionName")),
    ("s3", "GetObject", "Bucket", False, ("ListBuckets", "Buckets[].Name")),
    ("iam", "AttachRolePolicy", "PolicyArn", False, ("ListPolicies", "Policies[].Arn")),
    ("ecs", "DescribeServices", "cluster", False, ("ListClusters", "clusterArns")),
    ("ec2", "StartInstances", "InstanceIds", True,
     ("DescribeInstances", "Reservations[].Instances[].InstanceId")),
    ("iot", "CreateThing", "thingTypeName", False,
     ("ListThingTypes", "thingTypes[].thingTypeName")),
], ids=["iot-thing-name", "iot-job-id", "sqs-queue-url", "dynamodb-table-name",
        "lambda-function-name", "s3-bucket-bare-noun", "iam-arn-suffix-member",
        "ecs-bare-noun-arn-strings", "ec2-list-option-nested", "create-other-resource"])
def test_list_source_on_real_models(service, api_name, member, is_list, expected, environ):
    assert list_source(service, api_name, member, environ, is_list=is_list) == \
        ListSource(*expected)


@pytest.mark.parametrize("service, api_name, member", [
    ("iot", "CancelJobExecution", "expectedVersion"),
    ("iot", "ListJobs", "status"),
    ("iot", "CreateThing", "thingName"),
    ("sqs", "GetQueueUrl", "QueueName"),
    ("s3", "GetObject", "Key"),
], ids=["no-list-call", "same-member-other-resource", "creates-this-resource",
        "strings-list-of-urls-only", "needs-a-bucket"])
def test_options_without_a_list_call(service, api_name, member, environ):
    assert list_source(service, api_name, member, environ) is None


def _model(operations: dict, shapes: dict) -> models.ServiceModel:
    return models.ServiceModel("demo", "2020-01-01", {
        "metadata": {}, "operations": operations,
        "shapes": dict({"String": {"type": "string"}}, **shapes)})


def _op(name, input_shape=None, output_shape=None):
    operation = {"name": name}
    if input_shape:
        operation["input"] = {"shape": input_shape}
    if output_shape:
        operation["output"] = {"shape": output_shape}
    return operation


def test_required_input_disqualifies_and_list_beats_describe():
    shapes = {
        "Out": {"type": "structure", "members": {"Widgets": {"shape": "WidgetList"}}},
        "WidgetList": {"type": "list", "member": {"shape": "Widget"}},
        "Widget": {"type": "structure", "members": {"WidgetName": {"shape": "String"}}},
        "Needs": {"type": "structure", "required": ["Zone"],
                  "members": {"Zone": {"shape": "String"}}},
    }
    operations = {
        "ListWidgetsInZone": _op("ListWidgetsInZone", "Needs", "Out"),
        "DescribeWidgets": _op("DescribeWidgets", None, "Out"),
        "ListWidgets": _op("ListWidgets", None, "Out"),
    }
    assert _choose(_model(operations, shapes), "GetWidget", "WidgetName") == \
        ListSource("ListWidgets", "Widgets[].WidgetName")
    del operations["ListWidgets"]
    assert _choose(_model(operations, shapes), "GetWidget", "WidgetName") == \
        ListSource("DescribeWidgets", "Widgets[].WidgetName")


def test_odd_member_names_are_quoted():
    shapes = {
        "Out": {"type": "structure", "members": {"my-widgets": {"shape": "WidgetList"}}},
        "WidgetList": {"type": "list", "member": {"shape": "Widget"}},
        "Widget": {"type": "structure", "members": {"WidgetId": {"shape": "String"}}},
    }
    model = _model({"ListWidgets": _op("ListWidgets", None, "Out")}, shapes)
    assert _choose(model, "GetWidget", "WidgetId") == \
        ListSource("ListWidgets", '"my-widgets"[].WidgetId')


@pytest.mark.parametrize("word, expected", [
    ("Things", "Thing"), ("Policies", "Policy"), ("Addresses", "Address"),
    ("Access", "Access"), ("Boxes", "Box"), ("Data", "Data"),
])
def test_singular(word, expected):
    assert singular(word) == expected


@pytest.mark.parametrize("name, expected", [
    ("thingName", "thing"), ("QueueUrl", "Queue"), ("jobId", "job"), ("Bucket", "Bucket"),
    ("Name", "Name"), ("PolicyArn", "Policy"),
])
def test_identifier_noun(name, expected):
    assert identifier_noun(name) == expected


def test_operation_noun():
    assert (operation_noun("ListThings"), operation_noun("DescribeInstances")) == \
        ("Thing", "Instance")
