"""The reference operation, `iot cancel-job-execution`, end to end against moto_server.

Runs the installed `awsmini` as a subprocess, as a script would, and checks
stdout, stderr and exit codes; the server's state is read back with awsmini.
"""
from __future__ import annotations

import json

from tests.conftest import free_port


def make_job(aws, thing: str = "MyRPi", job: str = "example-job-03") -> None:
    created = aws("iot", "create-thing", "--thing-name", thing)
    assert created.returncode == 0, created.stderr
    arn = json.loads(created.stdout)["thingArn"]
    made = aws("iot", "create-job", "--job-id", job, "--targets", arn,
               "--document", '{"operation": "reboot"}')
    assert made.returncode == 0, made.stderr


def execution_status(aws, thing: str = "MyRPi", job: str = "example-job-03") -> str:
    described = aws("iot", "describe-job-execution", "--job-id", job, "--thing-name", thing)
    assert described.returncode == 0, described.stderr
    return json.loads(described.stdout)["execution"]["status"]


def test_cancel_prints_nothing_and_cancels(aws):
    make_job(aws)
    assert execution_status(aws) == "QUEUED"
    result = aws("iot", "cancel-job-execution", "--job-id", "example-job-03",
                 "--thing-name", "MyRPi")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert execution_status(aws) == "CANCELED"


def test_cancel_with_force_and_status_details(aws):
    # moto cannot move an execution to IN_PROGRESS (that is the device's
    # jobs-data API), so --force is exercised on a QUEUED execution here.
    make_job(aws)
    result = aws("iot", "cancel-job-execution", "--job-id", "example-job-03",
                 "--thing-name", "MyRPi", "--force", "--status-details", "reason=maintenance")
    assert (result.returncode, result.stdout) == (0, ""), result.stderr
    assert execution_status(aws) == "CANCELED"


def test_job_that_does_not_exist_is_a_service_error(aws):
    aws("iot", "create-thing", "--thing-name", "MyRPi")
    result = aws("iot", "describe-job", "--job-id", "no-such-job")
    assert result.returncode == 254
    assert "[ERROR]: An error occurred (ResourceNotFoundException) when calling the " \
           "DescribeJob operation" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_closed_port_is_exit_255(aws):
    endpoint = "http://127.0.0.1:%d" % free_port()
    result = aws("iot", "cancel-job-execution", "--job-id", "j", "--thing-name", "t",
                 endpoint=endpoint)
    assert result.returncode == 255
    assert result.stderr.strip() == (
        'awsmini: [ERROR]: Could not connect to the endpoint URL: "%s/things/t/jobs/j/cancel"'
        % endpoint)


def test_missing_required_arguments_send_nothing(aws):
    result = aws("iot", "cancel-job-execution", "--job-id", "j")
    assert result.returncode == 252
    assert ("[ERROR]: An error occurred (ParamValidation): the following arguments are "
            "required: --thing-name") in result.stderr
