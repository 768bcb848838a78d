"""`<service> wait <waiter>` end to end against moto_server: botocore's waiter polls
the operation; success prints nothing (exit 0), a failure state exits 255."""
from __future__ import annotations


def launch(aws) -> str:
    result = aws("ec2", "run-instances", "--image-id", "ami-12c6146b",
                 "--query", "Instances[0].InstanceId", "--output", "text")
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_waiter_that_succeeds_prints_nothing(aws):
    instance = launch(aws)
    result = aws("ec2", "wait", "instance-running", "--instance-ids", instance)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    created = aws("dynamodb", "create-table", "--table-name", "t", "--attribute-definitions",
                  "AttributeName=id,AttributeType=S", "--key-schema",
                  "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST")
    assert created.returncode == 0, created.stderr
    result = aws("dynamodb", "wait", "table-exists", "--table-name", "t")
    assert (result.returncode, result.stdout) == (0, "")


def test_a_waiter_that_reaches_a_failure_state_exits_255(aws):
    instance = launch(aws)
    assert aws("ec2", "terminate-instances", "--instance-ids", instance).returncode == 0
    result = aws("ec2", "wait", "instance-running", "--instance-ids", instance)
    assert (result.returncode, result.stdout) == (255, "")
    assert result.stderr.strip() == (
        'awsmini: [ERROR]: Waiter InstanceRunning failed: Waiter encountered a terminal failure '
        'state: For expression "Reservations[].Instances[].State.Name" we matched expected '
        'path: "terminated" at least once')
