"""`cloudformation deploy` and `package` end to end: the installed awsmini against moto_server
(and, for a change set that fails, a stub server, since moto's only fail for empty ones).

As in v2, the S3 client of both commands does not take `--endpoint-url` (that names the
CloudFormation endpoint): the tests point S3 at moto with `AWS_ENDPOINT_URL_S3`, by the
name `localhost`, which moto needs to find a TemplateURL's object in its own S3."""
from __future__ import annotations

import hashlib
import http.server
import io
import json
import subprocess
import threading
import zipfile
from urllib.parse import parse_qs

import pytest

from tests import forkserver
from tests.conftest import awsmini_executable, isolated_environ

# The format version is there for moto 5.1 (the last for Python 3.9), whose
# GetTemplateSummary fails on a template without one.
STACK_TEMPLATE = """\
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  First:
    Type: String
    Default: one
  Second:
    Type: String
    Default: two
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub '${First}-${Second}'
"""
PLAIN_TEMPLATE = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n"


@pytest.fixture
def cli(tmp_path, moto_reset):
    """Run the installed awsmini in `tmp_path` against moto; S3 reached through the environment."""
    s3_endpoint = moto_reset.replace("127.0.0.1", "localhost")

    def run(*argv: str, endpoint: str | None = None) -> subprocess.CompletedProcess:
        result = forkserver.run(
            awsmini_executable(), [*argv, "--endpoint-url", endpoint or moto_reset],
            env=isolated_environ(tmp_path, {"AWS_ENDPOINT_URL_S3": s3_endpoint}),
            cwd=tmp_path, text=False)
        # decoded by hand: text mode would turn the progress lines' "\r" into "\n"
        return subprocess.CompletedProcess(result.args, result.returncode,
                                           result.stdout.decode(), result.stderr.decode())

    run.home = tmp_path
    return run


def _json(cli, *argv: str):
    result = cli(*argv, "--output", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _stack(cli, name: str) -> dict:
    return _json(cli, "cloudformation", "describe-stacks", "--stack-name", name)["Stacks"][0]


def _parameters(stack: dict) -> dict:
    return {p["ParameterKey"]: p["ParameterValue"] for p in stack.get("Parameters", [])}


def _deployed(name: str) -> str:
    return ("\nWaiting for changeset to be created..\nWaiting for stack create/update to complete\n"
            "Successfully created/updated stack - %s\n" % name)


# ------------------------------------------------------------------ deploy

def test_deploy_creates_updates_and_reads_overrides_in_every_form(cli):
    home = cli.home
    (home / "t.yaml").write_text(STACK_TEMPLATE)
    made = cli("cloudformation", "deploy", "--template-file", "t.yaml", "--stack-name", "app",
               "--parameter-overrides", "First=a", "--tags", "team=blue", "owner=me",
               "--capabilities", "CAPABILITY_IAM")
    assert (made.returncode, made.stdout, made.stderr) == (0, _deployed("app"), "")
    stack = _stack(cli, "app")
    assert stack["StackStatus"] == "CREATE_COMPLETE"
    assert _parameters(stack) == {"First": "a", "Second": "two"}
    assert {t["Key"]: t["Value"] for t in stack["Tags"]} == {"team": "blue", "owner": "me"}

    # CloudFormation's form from a file: Second changes, First keeps its previous value
    (home / "cfn.json").write_text(json.dumps([{"ParameterKey": "Second",
                                                "ParameterValue": "b"}]))
    updated = cli("cloudformation", "deploy", "--template-file", "t.yaml", "--stack-name", "app",
                  "--parameter-overrides", "file://cfn.json")
    assert (updated.returncode, updated.stdout) == (0, _deployed("app")), updated.stderr
    assert _stack(cli, "app")["StackStatus"] == "UPDATE_COMPLETE"
    assert _parameters(_stack(cli, "app")) == {"First": "a", "Second": "b"}

    # CodePipeline's form inline, then a list of Key=Value strings from a file
    assert cli("cloudformation", "deploy", "--template-file", "t.yaml", "--stack-name", "app",
               "--parameter-overrides", '{"Parameters": {"First": "c"}}').returncode == 0
    assert _parameters(_stack(cli, "app")) == {"First": "c", "Second": "b"}
    (home / "strings.json").write_text('["First=d", "Second=e"]')
    assert cli("cloudformation", "deploy", "--template-file", "t.yaml", "--stack-name", "app",
               "--parameter-overrides", "file://strings.json").returncode == 0
    assert _parameters(_stack(cli, "app")) == {"First": "d", "Second": "e"}


def test_deploy_of_an_unchanged_stack(cli):
    (cli.home / "t.yaml").write_text(PLAIN_TEMPLATE)
    deploy = ("cloudformation", "deploy", "--template-file", "t.yaml", "--stack-name", "same")
    assert cli(*deploy).returncode == 0
    empty = "\nWaiting for changeset to be created..\n"
    again = cli(*deploy)
    assert (again.returncode, again.stdout, again.stderr) == (
        0, empty + "\nNo changes to deploy. Stack same is up to date\n", "")
    told = cli(*deploy, "--no-fail-on-empty-changeset")
    assert (told.returncode, told.stdout) == (0, again.stdout)
    failed = cli(*deploy, "--fail-on-empty-changeset")
    assert (failed.returncode, failed.stdout) == (255, empty)
    assert failed.stderr.endswith("[ERROR]: No changes to deploy. Stack same is up to date\n")


def test_deploy_without_executing_the_change_set(cli):
    (cli.home / "t.yaml").write_text(PLAIN_TEMPLATE)
    result = cli("cloudformation", "deploy", "--template-file", "t.yaml", "--stack-name", "later",
                 "--no-execute-changeset")
    assert result.returncode == 0, result.stderr
    head, command = result.stdout.rsplit("\n", 2)[:2]
    assert head == ("\nWaiting for changeset to be created..\nChangeset created successfully. "
                    "Run the following command to review changes:")
    prefix = "aws cloudformation describe-change-set --change-set-name "
    assert command.startswith(prefix + "arn:aws:cloudformation:us-east-1:123456789012:"
                                       "changeSet/awscli-cloudformation-package-deploy-")
    change_set = _json(cli, "cloudformation", "describe-change-set", "--change-set-name",
                       command[len(prefix):])
    assert (change_set["Status"], change_set["ExecutionStatus"]) == ("CREATE_COMPLETE", "AVAILABLE")
    assert change_set["Description"].startswith("Created by AWS CLI at ")
    assert _stack(cli, "later")["StackStatus"] == "REVIEW_IN_PROGRESS"


def test_deploy_of_a_template_the_service_rejects(cli):
    (cli.home / "bad.yaml").write_text(
        "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n"
        "    Properties:\n      QueueName: !GetAtt Missing.Arn\n")
    result = cli("cloudformation", "deploy", "--template-file", "bad.yaml", "--stack-name", "bad")
    assert result.returncode == 254
    # (moto answers this one with a status botocore retries: "(reached max retries: 0)")
    assert "[ERROR]: An error occurred (ValidationError) when calling the ExecuteChangeSet " \
        "operation" in result.stderr
    assert result.stderr.endswith(": Template error: instance of Fn::GetAtt references "
                                  "undefined resource Missing\n")


class _FailingChangeSets(http.server.BaseHTTPRequestHandler):
    """CloudFormation whose change sets fail: the one answer moto does not give."""

    NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/"
    ANSWERS = {
        "CreateChangeSet": "<Id>arn:aws:cloudformation:us-east-1:123456789012:changeSet/cs/1</Id>"
                           "<StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/x/1"
                           "</StackId>",
        "DescribeChangeSet": "<Status>FAILED</Status><StatusReason>Template format error: "
                             "Unrecognized resource types: [AWS::Nope::Thing]</StatusReason>",
    }
    actions: list = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        action = parse_qs(self.rfile.read(length).decode())["Action"][0]
        self.actions.append(action)
        if action == "DescribeStacks":
            status, body = 400, ('<ErrorResponse xmlns="%s"><Error><Type>Sender</Type><Code>'
                                 'ValidationError</Code><Message>Stack with id broken does not '
                                 'exist</Message></Error></ErrorResponse>' % self.NS)
        else:
            status, body = 200, ('<{0}Response xmlns="{1}"><{0}Result>{2}</{0}Result>'
                                 '</{0}Response>'.format(action, self.NS, self.ANSWERS[action]))
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


def test_deploy_of_a_change_set_that_fails(cli):
    (cli.home / "t.yaml").write_text("Resources:\n  X:\n    Type: AWS::Nope::Thing\n")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FailingChangeSets)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = cli("cloudformation", "deploy", "--template-file", "t.yaml", "--stack-name",
                     "broken", endpoint="http://127.0.0.1:%d" % server.server_address[1])
    finally:
        server.shutdown()
    assert (result.returncode, result.stdout) == (255, "\nWaiting for changeset to be created..\n")
    assert result.stderr.endswith(
        '[ERROR]: Failed to create the changeset: Waiter ChangeSetCreateComplete failed: '
        'Waiter encountered a terminal failure state: For expression "Status" we matched '
        'expected path: "FAILED" Status: FAILED. Reason: Template format error: Unrecognized '
        'resource types: [AWS::Nope::Thing]\n')
    assert _FailingChangeSets.actions == ["DescribeStacks", "CreateChangeSet", "DescribeChangeSet"]


def test_deploy_of_a_large_template_goes_through_s3(cli):
    big = PLAIN_TEMPLATE + "Metadata:\n  Padding: '%s'\n" % ("x" * 52000)
    (cli.home / "big.yaml").write_text(big)
    deploy = ("cloudformation", "deploy", "--template-file", "big.yaml", "--stack-name", "big")
    refused = cli(*deploy)
    assert refused.returncode == 255
    assert refused.stderr.endswith(
        "[ERROR]: Templates with a size greater than 51,200 bytes must be deployed via an S3 "
        "Bucket. Please add the --s3-bucket parameter to your command. The local template will "
        "be copied to that S3 bucket and then deployed.\n")
    assert cli("s3", "mb", "s3://templates").returncode == 0
    made = cli(*deploy, "--s3-bucket", "templates", "--s3-prefix", "cfn")
    assert (made.returncode, made.stdout) == (0, _deployed("big")), made.stderr
    key = "cfn/%s.template" % hashlib.md5(big.encode()).hexdigest()
    assert made.stderr == "\rUploading to %s  %d / %d.0  (100.00%%)" % (key, len(big), len(big))
    listed = _json(cli, "s3api", "list-objects-v2", "--bucket", "templates")["Contents"]
    assert [item["Key"] for item in listed] == [key]
    assert _stack(cli, "big")["StackStatus"] == "CREATE_COMPLETE"


def test_deploy_errors(cli):
    missing = cli("cloudformation", "deploy", "--template-file", "nope.yaml", "--stack-name", "x")
    assert (missing.returncode, missing.stdout) == (255, "")
    assert missing.stderr.endswith("[ERROR]: Invalid template path nope.yaml\n")
    (cli.home / "t.yaml").write_text(PLAIN_TEMPLATE)
    bad = cli("cloudformation", "deploy", "--template-file", "t.yaml", "--stack-name", "x",
              "--parameter-overrides", '{"First": "a"}')
    assert bad.returncode == 252
    assert "JSON passed to --parameter-overrides must be one of the formats" in bad.stderr


# ------------------------------------------------------------------ package

APP_TEMPLATE = """\
AWSTemplateFormatVersion: '2010-09-09'
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Code: ./src
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Environment:
        Variables:
          STAGE: !If [IsProd, 'yes', !Sub '${Env}-stage']
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: nested/child.yaml
Outputs:
  Arn:
    Value: !GetAtt Fn.Arn
"""
CHILD_TEMPLATE = """\
Resources:
  Other:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ../src
      Handler: index.handler
"""
PACKAGED = """
AWSTemplateFormatVersion: '2010-09-09'
Conditions:
  IsProd:
    Fn::Equals:
    - Ref: Env
    - prod
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Code:
        S3Bucket: artifacts
        S3Key: {code_key}
      Handler: index.handler
      Role:
        Fn::GetAtt:
        - Role
        - Arn
      Environment:
        Variables:
          STAGE:
            Fn::If:
            - IsProd
            - 'yes'
            - Fn::Sub: ${{Env}}-stage
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: {endpoint}/artifacts/{child_key}
Outputs:
  Arn:
    Value:
      Fn::GetAtt:
      - Fn
      - Arn
"""


@pytest.fixture
def app(cli):
    home = cli.home
    (home / "src").mkdir()
    (home / "src" / "index.py").write_text("def handler(event, context):\n    return 1\n")
    (home / "nested").mkdir()
    (home / "nested" / "child.yaml").write_text(CHILD_TEMPLATE)
    (home / "app.yaml").write_text(APP_TEMPLATE)
    assert cli("s3", "mb", "s3://artifacts").returncode == 0
    return home


def _objects(cli) -> dict:
    listed = _json(cli, "s3api", "list-objects-v2", "--bucket", "artifacts").get("Contents", [])
    return {item["Key"]: item for item in listed}


def _body(cli, key: str) -> bytes:
    target = cli.home / "downloaded"
    assert cli("s3", "cp", "s3://artifacts/" + key, str(target)).returncode == 0
    return target.read_bytes()


def test_package_uploads_once_rewrites_the_template_and_skips_what_is_there(cli, app):
    package = ("cloudformation", "package", "--template-file", "app.yaml", "--s3-bucket",
               "artifacts", "--s3-prefix", "build")
    first = cli(*package)
    assert first.returncode == 0, first.stderr
    objects = _objects(cli)
    code_key = next(key for key in objects if not key.endswith(".template"))
    child_key = next(key for key in objects if key.endswith(".template"))
    assert sorted(objects) == sorted([code_key, child_key])  # the child's code is the same zip
    code = _body(cli, code_key)
    assert code_key == "build/" + hashlib.md5(code).hexdigest()
    with zipfile.ZipFile(io.BytesIO(code)) as archive_file:
        assert archive_file.namelist() == ["index.py"]
    child = _body(cli, child_key).decode()
    assert child_key == "build/%s.template" % hashlib.md5(child.encode()).hexdigest()
    assert child == CHILD_TEMPLATE.replace("../src", "s3://artifacts/" + code_key)
    endpoint = first.stdout.split("TemplateURL: ")[1].split("/artifacts/")[0]
    assert endpoint.startswith("http://localhost:")
    assert first.stdout == PACKAGED.format(code_key=code_key, child_key=child_key,
                                           endpoint=endpoint)
    assert first.stderr == "".join(
        "\rUploading to %s  %d / %d.0  (100.00%%)" % (key, objects[key]["Size"],
                                                      objects[key]["Size"])
        for key in (code_key, child_key))

    second = cli(*package)
    assert (second.returncode, second.stdout, second.stderr) == (0, first.stdout, "")
    assert _objects(cli) == objects  # nothing written again

    forced = cli(*package, "--force-upload")
    assert (forced.returncode, forced.stdout) == (0, first.stdout)
    assert forced.stderr.count("\rUploading to ") == 3  # the child's code too, this time


def test_package_writes_json_to_a_file(cli, app):
    (cli.home / "out").mkdir()
    result = cli("cloudformation", "package", "--template-file", "app.yaml", "--s3-bucket",
                 "artifacts", "--output-template-file", "out/packaged.json", "--use-json",
                 "--metadata", "build=42")
    assert result.returncode == 0, result.stderr
    path = cli.home / "out" / "packaged.json"
    assert result.stdout == (
        "\nSuccessfully packaged artifacts and wrote output template to file out/packaged.json.\n"
        "Execute the following command to deploy the packaged template\n"
        "aws cloudformation deploy --template-file %s --stack-name <YOUR STACK NAME>\n" % path)
    text = path.read_text()
    packaged = json.loads(text)
    assert text == json.dumps(packaged, indent=4, ensure_ascii=False)  # no final newline
    code_key = packaged["Resources"]["Fn"]["Properties"]["Code"]["S3Key"]
    assert packaged["Resources"]["Fn"]["Properties"]["Role"] == {"Fn::GetAtt": ["Role", "Arn"]}
    head = _json(cli, "s3api", "head-object", "--bucket", "artifacts", "--key", code_key)
    assert (head["Metadata"], head["ServerSideEncryption"]) == ({"build": "42"}, "AES256")


def test_package_errors(cli, app):
    (cli.home / "gone.yaml").write_text(
        "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: gone\n")
    missing = cli("cloudformation", "package", "--template-file", "gone.yaml", "--s3-bucket",
                  "artifacts")
    assert (missing.returncode, missing.stdout) == (255, "")
    assert missing.stderr.endswith(
        "[ERROR]: Unable to upload artifact gone referenced by Code parameter of Fn resource.\n"
        "Parameter Code of resource Fn refers to a file or folder that does not exist %s/gone\n"
        % cli.home)
    no_bucket = cli("cloudformation", "package", "--template-file", "app.yaml", "--s3-bucket",
                    "no-such-bucket")
    assert no_bucket.returncode == 255
    assert no_bucket.stderr.endswith(
        "resource.\nS3 Bucket does not exist. Execute the command to create a new bucket\n"
        "aws s3 mb s3://no-such-bucket\n")
    no_template = cli("cloudformation", "package", "--template-file", "none.yaml",
                      "--s3-bucket", "artifacts")
    assert no_template.returncode == 255
    assert no_template.stderr.endswith("[ERROR]: Invalid template path none.yaml\n")
