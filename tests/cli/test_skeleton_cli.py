"""--generate-cli-skeleton and --cli-input-json/yaml through the whole driver, offline.

Skeleton texts are compared with `skeleton`'s own rendering of botocore's model
(their bytes against v2 are tested in tests/unit/test_skeleton.py); here the
point is the wiring: which arguments are required, which errors win, what is
printed where, and that nothing is sent.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from awsmini import models, skeleton

ERROR = "awsmini: [ERROR]: "
CLOSED = "http://127.0.0.1:9"  # nothing may be sent: a request here would fail the test


def _model(service: str, api_name: str):
    return models.load_service(service, {"HOME": "/nonexistent"})


@pytest.mark.parametrize("argv, form", [
    (["--generate-cli-skeleton"], "input"),
    (["--generate-cli-skeleton", "input"], "input"),
    (["--generate-cli-skeleton", "yaml-input"], "yaml-input"),
    (["--generate-cli-skeleton", "input", "--job-id", "ignored", "--force"], "input"),
], ids=["default", "input", "yaml-input", "other-arguments-ignored"])
def test_input_skeletons_need_no_required_arguments(run_cli, argv, form):
    result = run_cli(["iot", "cancel-job-execution", "--endpoint-url", CLOSED, *argv])
    assert (result.exit_code, result.stderr) == (0, "")
    expected = skeleton.render_input(_model("iot", "CancelJobExecution"), "CancelJobExecution", form)
    assert result.stdout == expected


def test_output_skeleton_of_an_operation_without_output_prints_nothing(run_cli):
    result = run_cli(["iot", "cancel-job-execution", "--job-id", "j", "--thing-name", "t",
                      "--endpoint-url", CLOSED, "--generate-cli-skeleton", "output"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_output_skeleton_keeps_required_arguments(run_cli):
    result = run_cli(["iot", "cancel-job-execution", "--generate-cli-skeleton", "output"])
    assert result.exit_code == 252
    assert (ERROR + "An error occurred (ParamValidation): the following arguments are required: "
            "--job-id, --thing-name") in result.stderr


def test_output_skeleton_is_formatted_and_queried(run_cli):
    result = run_cli(["iot", "describe-thing", "--thing-name", "lamp", "--endpoint-url", CLOSED,
                      "--generate-cli-skeleton", "output", "--query", "thingName",
                      "--output", "text"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "thingName\n", "")


def test_output_skeleton_validates_the_fake_response(run_cli):
    result = run_cli(["sts", "get-caller-identity", "--generate-cli-skeleton", "output"])
    assert result.exit_code == 252
    assert (ERROR + "An error occurred (ParamValidation): Parameter validation failed:\n"
            "Invalid length for parameter Arn, value: 3, valid min length: 20") in result.stderr


def test_output_skeleton_validates_input_from_cli_input_json(run_cli):
    result = run_cli(["iot", "cancel-job-execution", "--job-id", "j", "--thing-name", "t",
                      "--cli-input-json", '{"colour": "red"}', "--generate-cli-skeleton",
                      "output"])
    assert result.exit_code == 252
    assert 'Unknown parameter in input: "colour", must be one of: ' in result.stderr


def test_invalid_skeleton_value(run_cli):
    result = run_cli(["iot", "cancel-job-execution", "--generate-cli-skeleton", "outputs"])
    assert result.exit_code == 252
    assert (ERROR + "An error occurred (ParamValidation): argument --generate-cli-skeleton: "
            "Found invalid choice 'outputs'") in result.stderr


def test_streaming_output_operations_have_neither_option(run_cli):
    result = run_cli(["lambda", "invoke", "--function-name", "f", "out.bin",
                      "--generate-cli-skeleton", "input"])
    assert result.exit_code == 252
    assert ERROR + "Unknown options: --generate-cli-skeleton, input" in result.stderr
    result = run_cli(["lambda", "invoke", "--function-name", "f", "out.bin",
                      "--cli-input-json", "{}"])
    assert ERROR + "Unknown options: --cli-input-json, {}" in result.stderr


def test_streaming_output_keeps_required_arguments(run_cli):
    result = run_cli(["lambda", "invoke", "--generate-cli-skeleton"])
    assert result.exit_code == 252
    assert ("the following arguments are required: --function-name, outfile") in result.stderr


def test_cli_input_relaxes_required_arguments_then_validation_catches_them(run_cli):
    result = run_cli(["iot", "cancel-job-execution", "--endpoint-url", CLOSED,
                      "--cli-input-json", '{"jobId": "j"}'])
    assert result.exit_code == 252
    assert 'Missing required parameter in input: "thingName"' in result.stderr


def test_cli_input_errors_come_before_the_skeleton(run_cli):
    result = run_cli(["iot", "cancel-job-execution", "--cli-input-json", '{"jobId": "j"',
                      "--generate-cli-skeleton"])
    assert result.exit_code == 252
    assert (ERROR + "An error occurred (ParamValidation): Error parsing parameter "
            "'cli-input-json': Invalid JSON received.") in result.stderr


def test_both_cli_input_options(run_cli):
    result = run_cli(["iot", "cancel-job-execution", "--cli-input-json", '{"jobId": "j"}',
                      "--cli-input-yaml", "thingName: t"])
    assert result.exit_code == 252
    assert (ERROR + "An error occurred (ParamValidation): Only one --cli-input- parameter may "
            "be specified.") in result.stderr


def test_yaml_skeleton_reads_back_as_cli_input(run_cli, home):
    text = run_cli(["iot", "cancel-job-execution", "--generate-cli-skeleton", "yaml-input"]).stdout
    filled = text.replace("jobId: ''", "jobId: 'j'").replace("KeyName: ''", "k: v")
    (home / "in.yaml").write_text(filled)
    result = run_cli(["iot", "cancel-job-execution", "--cli-input-yaml", "file://in.yaml",
                      "--thing-name", "t", "--generate-cli-skeleton", "output"])
    assert (result.exit_code, result.stderr) == (0, "")


def test_skeleton_imports_no_network_stack_yaml_or_prompt():
    script = (
        "import io, json, sys, contextlib\n"
        "from awsmini.main import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    code = main(sys.argv[1:])\n"
        "json.dump([code, sorted(sys.modules)], sys.stderr)\n")
    for argv in (["iot", "cancel-job-execution", "--generate-cli-skeleton"],
                 ["ec2", "run-instances", "--generate-cli-skeleton", "yaml-input"]):
        done = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True,
                              text=True, timeout=120)
        code, loaded = json.loads(done.stderr.splitlines()[-1])
        assert code == 0
        heavy = [name for name in loaded
                 if name.startswith(("botocore.session", "botocore.client", "botocore.endpoint",
                                     "urllib3", "yaml", "prompt_toolkit", "jmespath"))]
        assert heavy == []
