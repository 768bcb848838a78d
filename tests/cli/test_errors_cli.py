"""The error boundary: v2's messages and exit codes, in-process, offline where possible."""
from __future__ import annotations

import pytest

from tests.conftest import free_port

ERROR = "awsmini: [ERROR]: "


@pytest.mark.parametrize("argv, message", [
    (["iot", "cancel-job-execution"],
     "An error occurred (ParamValidation): the following arguments are required: "
     "--job-id, --thing-name"),
    (["iot"], "An error occurred (ParamValidation): the following arguments are required: "
              "operation"),
    ([], "An error occurred (ParamValidation): the following arguments are required: command"),
    (["iotx", "cancel-job-execution"],
     "An error occurred (ParamValidation): argument command: Found invalid choice 'iotx'"),
    (["iot", "cancel-job-executions"],
     "An error occurred (ParamValidation): argument operation: Found invalid choice "
     "'cancel-job-executions'"),
    (["iot", "cancel-job-execution", "--job-id", "j", "--thing-name", "t", "--forse"],
     "Unknown options: --forse"),
    (["iot", "cancel-job-execution", "--job-id", "j", "--thing-name", "t",
      "--expected-version", "abc"],
     "An error occurred (ParamValidation): argument --expected-version: invalid int value: "
     "'abc'"),
    (["iot", "cancel-job-execution", "--output", "xml"],
     "An error occurred (ParamValidation): argument --output: Found invalid choice 'xml'"),
])
def test_usage_errors_exit_252_with_usage(run_cli, argv, message):
    result = run_cli(argv)
    assert result.exit_code == 252
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[:2] == ["", ERROR + message]
    assert "usage: awsmini [options] <command> <subcommand>" in result.stderr


def test_close_matches_are_suggested(run_cli):
    result = run_cli(["iot", "cancel-job-executions"])
    assert "  * cancel-job-execution" in result.stderr


def test_no_region_is_253(run_cli):
    result = run_cli(["iot", "describe-thing", "--thing-name", "t"],
                     environ={"AWS_DEFAULT_REGION": None})
    assert result.exit_code == 253
    assert result.stderr.splitlines()[1] == ERROR + (
        'An error occurred (NoRegion): You must specify a region. You can also configure '
        'your region by running "aws configure".')


def test_no_credentials_is_253_and_nothing_is_sent(run_cli):
    endpoint = "http://127.0.0.1:%d" % free_port()
    result = run_cli(["iot", "describe-thing", "--thing-name", "t", "--endpoint-url", endpoint],
                     environ={"AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None})
    assert result.exit_code == 253
    assert "An error occurred (NoCredentials): Unable to locate credentials." in result.stderr


def test_unknown_profile_is_255(run_cli):
    result = run_cli(["iot", "describe-thing", "--thing-name", "t", "--profile", "nope"])
    assert result.exit_code == 255
    assert result.stderr.splitlines()[1] == ERROR + "The config profile (nope) could not be found"


def test_closed_port_is_255(run_cli):
    endpoint = "http://127.0.0.1:%d" % free_port()
    result = run_cli(["sqs", "list-queues", "--endpoint-url", endpoint])
    assert result.exit_code == 255
    assert result.stderr.splitlines()[1] == (
        ERROR + 'Could not connect to the endpoint URL: "%s/"' % endpoint)


def test_service_error_is_254_with_v2_text(run_cli, moto_reset):
    result = run_cli(["iot", "describe-thing", "--thing-name", "ghost",
                      "--endpoint-url", moto_reset])
    assert result.exit_code == 254
    assert result.stderr.splitlines()[1].startswith(
        ERROR + "An error occurred (ResourceNotFoundException) when calling the DescribeThing "
        "operation (reached max retries: 0): ")


def test_client_side_validation_sends_nothing(run_cli):
    endpoint = "http://127.0.0.1:%d" % free_port()  # nothing listens: a request would be 255
    result = run_cli(["iot", "cancel-job-execution", "--job-id", "", "--thing-name", "t",
                      "--endpoint-url", endpoint])
    assert result.exit_code == 252
    assert result.stderr.splitlines()[1:3] == [
        ERROR + "An error occurred (ParamValidation): Parameter validation failed:",
        "Invalid length for parameter jobId, value: 0, valid min length: 1"]


def test_ctrl_c_is_130(run_cli, monkeypatch):
    from awsmini import driver

    def interrupted(argv, env):
        raise KeyboardInterrupt

    monkeypatch.setattr(driver, "run", interrupted)
    result = run_cli(["iot", "list-things"])
    assert (result.exit_code, result.stdout, result.stderr) == (130, "\n", "")


def test_unexpected_error_is_255_without_traceback(run_cli, monkeypatch):
    from awsmini import driver

    def broken(argv, env):
        raise RuntimeError("something odd")

    monkeypatch.setattr(driver, "run", broken)
    result = run_cli(["iot", "list-things"])
    assert result.exit_code == 255
    assert result.stderr == "\n" + ERROR + "something odd\n"


def test_debug_traceback_goes_to_the_log(run_cli, monkeypatch):
    from awsmini import driver

    def broken(argv, env):
        raise RuntimeError("something odd")

    monkeypatch.setattr(driver, "run", broken)
    result = run_cli(["iot", "list-things", "--debug"])
    assert result.exit_code == 255
    assert "Traceback" in result.stderr and "DEBUG" in result.stderr


def test_debug_log_starts_even_when_the_global_options_are_bad(run_cli):
    result = run_cli(["iot", "list-things", "--output", "xml", "--debug"])
    assert result.exit_code == 252
    assert "Found invalid choice 'xml'" in result.stderr
    assert " - DEBUG - " in result.stderr.split("[ERROR]")[0]  # the log came first


def test_version(run_cli):
    result = run_cli(["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("awsmini/")


def test_an_unknown_service_alone_is_an_invalid_choice(run_cli):
    result = run_cli(["nosuchservice"])
    assert result.exit_code == 252 and result.stdout == ""
    assert ("[ERROR]: An error occurred (ParamValidation): argument command: Found invalid "
            "choice 'nosuchservice'") in result.stderr
    known = run_cli(["iot"])
    assert "the following arguments are required: operation" in known.stderr


@pytest.mark.parametrize("argv, text", [
    (["cloudtrail", "validate-logs", "--start-time", "2026-01-01"],
     "`awsmini cloudtrail validate-logs`: not available yet; the generic `awsmini cloudtrail "
     "...` commands are"),
    (["servicecatalog", "generate", "help"], "`awsmini servicecatalog generate`: not available yet"),
    (["history"], "`awsmini history`: not available yet"),
], ids=["run", "help", "whole-word-alone"])
def test_v2_commands_not_here_yet(run_cli, argv, text):
    result = run_cli(argv)
    assert result.exit_code == 252 and result.stdout == ""
    assert text in result.stderr
    assert "usage:" not in result.stderr
