"""A real service error from moto_server in each `--cli-error-format`, as a script sees it."""
from __future__ import annotations

import json

import pytest

MESSAGE = "The specified resource does not exist"
SENTENCE = ("An error occurred (ResourceNotFoundException) when calling the DescribeThing "
            "operation (reached max retries: 0): " + MESSAGE)


@pytest.mark.parametrize("error_format, expected", [
    ("json", '{\n    "Message": "%s",\n    "Code": "ResourceNotFoundException",\n'
             '    "message": "%s"\n}\n' % (MESSAGE, MESSAGE)),
    ("yaml", "Code: ResourceNotFoundException\nMessage: %s\nmessage: %s\n" % (MESSAGE, MESSAGE)),
    ("text", "ResourceNotFoundException\t%s\t%s\n" % (MESSAGE, MESSAGE)),
    ("table", "------------------------------------------------------\n"
              "|                        error                       |\n"
              "+---------+------------------------------------------+\n"
              "|  Code   |  ResourceNotFoundException               |\n"
              "|  Message|  %s   |\n"
              "|  message|  %s   |\n"
              "+---------+------------------------------------------+\n" % (MESSAGE, MESSAGE)),
    ("enhanced", "\nawsmini: [ERROR]: %s\n" % SENTENCE),
    ("legacy", "\nawsmini: [ERROR]: %s\n" % SENTENCE),
])
def test_a_missing_thing_in_each_format(aws, error_format, expected):
    result = aws("iot", "describe-thing", "--thing-name", "nope",
                 "--cli-error-format", error_format)
    assert (result.returncode, result.stdout, result.stderr) == (254, "", expected)


def _transact_onto_an_existing_item(aws, error_format: str):
    return aws("dynamodb", "transact-write-items", "--transact-items", json.dumps([{"Put": {
        "TableName": "t", "Item": {"k": {"S": "a"}},
        "ConditionExpression": "attribute_not_exists(k)"}}]), "--cli-error-format", error_format)


def test_enhanced_names_a_complex_field_and_json_shows_it(aws):
    created = aws("dynamodb", "create-table", "--table-name", "t", "--attribute-definitions",
                  "AttributeName=k,AttributeType=S", "--key-schema", "AttributeName=k,KeyType=HASH",
                  "--billing-mode", "PAY_PER_REQUEST")
    assert created.returncode == 0, created.stderr
    assert aws("dynamodb", "put-item", "--table-name", "t", "--item",
               '{"k": {"S": "a"}}').returncode == 0
    result = _transact_onto_an_existing_item(aws, "enhanced")
    assert result.returncode == 254
    assert result.stderr.endswith(
        "\n\nAdditional error details:\nCancellationReasons: <complex value>\n"
        'Use "--cli-error-format json" or another error format to see the full details.\n')
    result = _transact_onto_an_existing_item(aws, "json")
    assert result.returncode == 254
    assert json.loads(result.stderr)["CancellationReasons"] == [
        {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed"}]
    assert _transact_onto_an_existing_item(aws, "legacy").stderr.count("\n") == 2


def test_s3_errors_follow_the_format_but_transfer_failures_do_not(aws, tmp_path):
    listed = aws("s3", "ls", "s3://missing", "--cli-error-format", "json")
    assert (listed.returncode, listed.stderr) == (254, '{\n    "Code": "NoSuchBucket",\n'
                                                       '    "Message": "The specified bucket '
                                                       'does not exist"\n}\n')
    (tmp_path / "a.txt").write_text("hi\n")
    copied = aws("s3", "cp", "a.txt", "s3://missing/a.txt", "--cli-error-format", "json")
    assert copied.returncode == 1
    assert copied.stderr == ("upload failed: ./a.txt to s3://missing/a.txt An error occurred "
                             "(NoSuchBucket) when calling the PutObject operation (reached max retries: 0): "
                             "The specified bucket does not exist\n")
