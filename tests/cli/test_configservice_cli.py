"""configservice's hand-written commands, in-process, against moto_server: S3 and SNS
reached through their own endpoint settings (`--endpoint-url` is AWS Config's alone, as
in v2), what is created, what is printed, exit codes."""
from __future__ import annotations

import json

import pytest

from awsmini.commands.configservice import COMMANDS
from awsmini.commands.configservice.status import channel_lines, recorder_lines
from tests.conftest import free_port
from tests.e2e.stub_server import start_stub

ROLE = "arn:aws:iam::123456789012:role/config"


@pytest.fixture
def config(run_cli, moto_reset):
    environ = {"AWS_ENDPOINT_URL_S3": moto_reset, "AWS_ENDPOINT_URL_SNS": moto_reset}

    def run(*argv, endpoint=moto_reset):
        return run_cli(["configservice", *argv, "--endpoint-url", endpoint], environ=environ)
    return run


def test_subscribe_creates_the_bucket_and_topic_and_starts_recording(config, run_cli,
                                                                     moto_reset):
    result = config("subscribe", "--s3-bucket", "config-bucket/logs", "--sns-topic", "cfg",
                    "--iam-role", ROLE)
    assert result.exit_code == 0, result.stderr
    topic = "arn:aws:sns:us-east-1:123456789012:cfg"
    head = result.stdout.split("\n\n", 1)[0]
    assert head == ("Using new S3 bucket: config-bucket\nUsing new SNS topic: %s\n"
                    "Subscribe succeeded:" % topic)
    rest = result.stdout[len(head) + 2:]
    assert rest.startswith("Configuration Recorders: ")
    recorders_text, channels_text = rest[len("Configuration Recorders: "):].split(
        "\n\nDelivery Channels: ")
    recorders = json.loads(recorders_text)
    assert [(r["name"], r["roleARN"]) for r in recorders] == [("default", ROLE)]
    assert recorders_text == json.dumps(recorders, indent=4)
    channels = json.loads(channels_text)
    assert channels == [{"name": "default", "s3BucketName": "config-bucket",
                         "s3KeyPrefix": "logs", "snsTopicARN": topic}]
    assert channels_text == json.dumps(channels, indent=4) + "\n"
    buckets = json.loads(run_cli(["s3api", "list-buckets", "--endpoint-url",
                                  moto_reset]).stdout)["Buckets"]
    assert [b["Name"] for b in buckets] == ["config-bucket"]


def test_subscribe_reuses_a_bucket_and_a_topic_arn(config, run_cli, moto_reset):
    made = run_cli(["s3api", "create-bucket", "--bucket", "there", "--endpoint-url",
                    moto_reset])
    assert made.exit_code == 0, made.stderr
    topic = "arn:aws:sns:us-east-1:123456789012:given"
    result = config("subscribe", "--s3-bucket", "there", "--sns-topic", topic,
                    "--iam-role", ROLE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Using existing S3 bucket: there\n"
                                    "Using existing SNS topic: %s\n" % topic)
    channels = json.loads(result.stdout.split("Delivery Channels: ")[1])
    assert "s3KeyPrefix" not in channels[0]
    topics = json.loads(run_cli(["sns", "list-topics", "--endpoint-url", moto_reset]).stdout)
    assert topics["Topics"] == []


def test_subscribe_does_not_send_s3_to_the_endpoint_url(run_cli, moto_reset):
    # S3 at a closed port, AWS Config at moto: the bucket check fails to connect
    closed = "http://127.0.0.1:%d" % free_port()
    result = run_cli(["configservice", "subscribe", "--s3-bucket", "b", "--sns-topic", "t",
                      "--iam-role", ROLE, "--endpoint-url", moto_reset],
                     environ={"AWS_ENDPOINT_URL_S3": closed})
    assert result.exit_code == 255
    assert "Could not connect to the endpoint URL" in result.stderr


def test_get_status_prints_v2s_lines(run_cli):
    # moto has no DescribeDeliveryChannelStatus: a recording stub answers
    failure = {"lastStatus": "FAILURE", "lastErrorCode": "AccessDenied",
               "lastErrorMessage": "no"}
    server, stop = start_stub({
        "DescribeConfigurationRecorderStatus": (200, {"ConfigurationRecordersStatus": [
            {"name": "default", "recording": True, "lastStatus": "SUCCESS"}]}),
        "DescribeDeliveryChannelStatus": (200, {"DeliveryChannelsStatus": [
            {"name": "default", "configStreamDeliveryInfo": {"lastStatus": "SUCCESS"},
             "configHistoryDeliveryInfo": {}, "configSnapshotDeliveryInfo": failure}]}),
    })
    try:
        result = run_cli(["configservice", "get-status", "--endpoint-url", server.url])
    finally:
        stop()
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Configuration Recorders:\n\nname: default\nrecorder: ON\nlast status: SUCCESS\n\n"
        "Delivery Channels:\n\nname: default\nlast stream delivery status: SUCCESS\n"
        "last snapshot delivery status: FAILURE\nerror code: AccessDenied\nmessage: no\n\n")
    assert server.operations() == ["DescribeConfigurationRecorderStatus",
                                   "DescribeDeliveryChannelStatus"]


def test_status_lines_of_a_failure():
    failure = {"lastStatus": "FAILURE", "lastErrorCode": "AccessDenied",
               "lastErrorMessage": "no"}
    assert "".join(recorder_lines([{"name": "r", "recording": True, **failure},
                                   {"name": "off", "recording": False}])) == (
        "Configuration Recorders:\n\nname: r\nrecorder: ON\nlast status: FAILURE\n"
        "error code: AccessDenied\nmessage: no\n\nname: off\nrecorder: OFF\n\n")
    assert "".join(channel_lines([{"name": "c", "configStreamDeliveryInfo": {},
                                   "configHistoryDeliveryInfo": {"lastStatus": "SUCCESS"},
                                   "configSnapshotDeliveryInfo": failure}])) == (
        "Delivery Channels:\n\nname: c\nlast history delivery status: SUCCESS\n"
        "last snapshot delivery status: FAILURE\nerror code: AccessDenied\nmessage: no\n\n")


@pytest.mark.parametrize("missing", ["s3-bucket", "sns-topic", "iam-role"])
def test_subscribe_needs_each_option(config, missing):
    argv = ["subscribe"]
    for name in ("s3-bucket", "sns-topic", "iam-role"):
        if name != missing:
            argv += ["--" + name, "x"]
    result = config(*argv)
    assert result.exit_code == 252
    assert "the following arguments are required: --" + missing in result.stderr


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_has_a_help_page(run_cli, name):
    result = run_cli(["configservice", name, "help"])
    assert result.exit_code == 0, result.stderr
    for spec in COMMANDS[name].arguments:
        assert "--" + spec.cli_name in result.stdout, spec.cli_name
