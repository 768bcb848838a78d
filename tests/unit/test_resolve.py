"""resolve: service and operation names as v2 names them."""
from __future__ import annotations

import os

import pytest

from awsmini.errors import UsageError
from awsmini.resolve import resolve_command, service_cli_names, service_name


@pytest.fixture(scope="module")
def environ(tmp_path_factory) -> dict:
    return {"HOME": os.environ.get("HOME", "/"),
            "XDG_CACHE_HOME": str(tmp_path_factory.mktemp("cache"))}


def test_reference_operation(environ):
    command = resolve_command("iot", ["cancel-job-execution", "--job-id", "j"], environ)
    assert (command.service_name, command.api_name, command.cli_name, command.args) == (
        "iot", "CancelJobExecution", "cancel-job-execution", ("--job-id", "j"))
    assert command.model.is_slice


def test_renamed_services(environ):
    names = service_cli_names(environ)
    assert {"s3api", "deploy", "configservice", "iot", "ec2"} <= set(names)
    assert not {"codedeploy", "config"} & set(names)
    assert "s3" in names  # v2's hand-written family
    assert service_name("s3api") == "s3"
    assert resolve_command("s3api", ["list-buckets"], environ).service_name == "s3"


@pytest.mark.parametrize("service, words, message, suggestions", [
    ("iotx", ["cancel-job-execution"], "argument command: Found invalid choice 'iotx'", ["iot"]),
    ("s3", ["list-buckets"], "argument subcommand: Found invalid choice 'list-buckets'", None),
    ("iot", ["cancel-job-executions"],
     "argument operation: Found invalid choice 'cancel-job-executions'",
     ["cancel-job-execution"]),
    ("sqs", ["frobnicate"], "argument operation: Found invalid choice 'frobnicate'", []),
])
def test_invalid_choices(environ, service, words, message, suggestions):
    with pytest.raises(UsageError) as caught:
        resolve_command(service, words, environ)
    assert caught.value.message == message
    if suggestions is not None:
        assert caught.value.suggestions[:1] == suggestions[:1]


def test_wait_names_a_waiter_and_takes_the_polled_operations_arguments(environ):
    command = resolve_command("ec2", ["wait", "instance-running", "--instance-ids", "i-1"],
                              environ)
    assert (command.waiter, command.api_name, command.args) == (
        "InstanceRunning", "DescribeInstances", ("--instance-ids", "i-1"))
    assert resolve_command("ec2", ["describe-instances"], environ).waiter is None


@pytest.mark.parametrize("service, words, message, suggestions", [
    ("ec2", ["wait", "instance-runnin"], "argument subcommand: Found invalid choice "
     "'instance-runnin'", ["instance-running"]),
    ("ec2", ["wait"], "the following arguments are required: subcommand", []),
    ("ec2", ["wat"], "argument operation: Found invalid choice 'wat'", ["wait"]),
    ("iot", ["wait"], "argument operation: Found invalid choice 'wait'", []),
], ids=["unknown-waiter", "no-waiter", "close-to-wait", "service-without-waiters"])
def test_wait_errors(environ, service, words, message, suggestions):
    with pytest.raises(UsageError) as caught:
        resolve_command(service, words, environ)
    assert caught.value.message == message
    assert list(caught.value.suggestions or []) == suggestions
