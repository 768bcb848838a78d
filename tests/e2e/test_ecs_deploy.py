"""`ecs deploy` end to end: the installed awsmini with ECS in moto_server and CodeDeploy in
a stub (moto's deployments never leave "Created", so its waiter could not end).

As in v2, the CodeDeploy client does not take `--endpoint-url` (that names ECS's): the
tests point it at the stub with `AWS_ENDPOINT_URL_CODEDEPLOY`."""
from __future__ import annotations

import hashlib
import json
import subprocess

import pytest

from tests import forkserver
from tests.conftest import awsmini_executable, isolated_environ
from tests.e2e.stub_server import start_stub

TASK_DEFINITION = {"family": "api", "containerDefinitions": [
    {"name": "app", "image": "nginx:1.27", "memory": 256,
     "portMappings": [{"containerPort": 80}]}]}
APPSPEC_YAML = """\
version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: app
          ContainerPort: 80
"""


def _group(ready: int = 20, termination: int = 15, platform: str = "ECS",
           service: str = "api", cluster: str = "web") -> dict:
    return {"deploymentGroupInfo": {
        "computePlatform": platform,
        "ecsServices": [{"serviceName": service, "clusterName": cluster}],
        "blueGreenDeploymentConfiguration": {
            "deploymentReadyOption": {"waitTimeInMinutes": ready},
            "terminateBlueInstancesOnDeploymentSuccess": {
                "terminationWaitTimeInMinutes": termination}}}}


@pytest.fixture
def stub():
    server, stop = start_stub({
        "GetApplication": (200, {"application": {"computePlatform": "ECS"}}),
        "GetDeploymentGroup": (200, _group()),
        "CreateDeployment": (200, {"deploymentId": "d-EXAMPLE1"}),
        "GetDeployment": (200, {"deploymentInfo": {"status": "Succeeded"}}),
    })
    yield server
    stop()


@pytest.fixture
def cli(tmp_path, moto_reset, stub):
    def run(*argv: str, **extra: str) -> subprocess.CompletedProcess:
        environ = isolated_environ(tmp_path, {"AWS_ENDPOINT_URL_CODEDEPLOY": stub.url,
                                              "AWS_MAX_ATTEMPTS": None, **extra})
        return forkserver.run(awsmini_executable(), [*argv, "--endpoint-url", moto_reset],
                              env=environ, cwd=tmp_path)

    run.home = tmp_path
    (tmp_path / "taskdef.json").write_text(json.dumps(TASK_DEFINITION))
    (tmp_path / "appspec.yaml").write_text(APPSPEC_YAML)
    return run


def _ok(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout) if result.stdout else {}


@pytest.fixture
def service(cli):
    """A cluster `web` with a service `api` in moto; the service's ARN."""
    _ok(cli("ecs", "create-cluster", "--cluster-name", "web"))
    _ok(cli("ecs", "register-task-definition", "--cli-input-json", "file://taskdef.json"))
    made = _ok(cli("ecs", "create-service", "--cluster", "web", "--service-name", "api",
                   "--task-definition", "api:1", "--desired-count", "1",
                   "--deployment-controller", "type=CODE_DEPLOY"))
    return made["service"]["serviceArn"]


def _deploy(cli, *extra: str) -> subprocess.CompletedProcess:
    return cli("ecs", "deploy", "--service", "api", "--cluster", "web", "--task-definition",
               "taskdef.json", "--codedeploy-appspec", "appspec.yaml", *extra)


def test_deploy_registers_creates_the_deployment_and_waits(cli, stub, service):
    result = _deploy(cli)
    assert result.returncode == 0, result.stderr
    arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/api:2"
    assert result.stdout == (
        "Successfully registered new ECS task definition %s\n"
        "Successfully created deployment d-EXAMPLE1\n"
        "Waiting for d-EXAMPLE1 to succeed (will wait up to 45 minutes)...\n"
        "Successfully deployed %s to service 'api'\n" % (arn, arn))
    assert stub.operations() == ["GetApplication", "GetDeploymentGroup", "CreateDeployment",
                                 "GetDeployment"]
    assert stub.requests[0].body == {"applicationName": "AppECS-web-api"}
    assert stub.requests[1].body == {"applicationName": "AppECS-web-api",
                                     "deploymentGroupName": "DgpECS-web-api"}
    created = stub.requests[2].body
    assert (created["applicationName"], created["deploymentGroupName"]) == (
        "AppECS-web-api", "DgpECS-web-api")
    content = created["revision"]["appSpecContent"]["content"]
    assert created["revision"]["revisionType"] == "AppSpecContent"
    assert created["revision"]["appSpecContent"]["sha256"] == hashlib.sha256(
        content.encode()).hexdigest()
    assert json.loads(content) == {"version": 0.0, "Resources": [{"TargetService": {
        "Type": "AWS::ECS::Service", "Properties": {
            "TaskDefinition": arn,
            "LoadBalancerInfo": {"ContainerName": "app", "ContainerPort": 80}}}}]}
    assert stub.requests[3].body == {"deploymentId": "d-EXAMPLE1"}
    assert all("md/customization#ecs-deploy" in request.headers["User-Agent"]
               for request in stub.requests)
    registered = _ok(cli("ecs", "describe-task-definition", "--task-definition", "api:2",
                         "--output", "json"))["taskDefinition"]
    assert registered["containerDefinitions"][0]["image"] == "nginx:1.27"


def test_deploy_with_named_resources_a_json_appspec_and_the_shortest_wait(cli, stub, service):
    stub.answers["GetDeploymentGroup"] = (200, _group(ready=0, termination=5,
                                                      service=service))
    (cli.home / "appspec.json").write_text(json.dumps({"version": 1, "resources": [
        {"svc": {"type": "AWS::ECS::Service", "properties": {"taskdefinition": "x"}}}]}))
    result = cli("ecs", "deploy", "--service", service, "--cluster", "web",
                 "--task-definition", "taskdef.json", "--codedeploy-appspec", "appspec.json",
                 "--codedeploy-application", "my-app", "--codedeploy-deployment-group",
                 "blue-green")
    assert result.returncode == 0, result.stderr
    assert "(will wait up to 30 minutes)" in result.stdout
    assert stub.requests[1].body == {"applicationName": "my-app",
                                     "deploymentGroupName": "blue-green"}
    content = json.loads(stub.requests[2].body["revision"]["appSpecContent"]["content"])
    # the property is found in any case and keeps the file's spelling
    assert content["resources"][0]["svc"]["properties"] == {
        "taskdefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/api:2"}


def test_a_failed_deployment_ends_with_the_waiters_error(cli, stub, service):
    stub.answers["GetDeployment"] = (200, {"deploymentInfo": {"status": "Failed"}})
    result = _deploy(cli)
    assert result.returncode == 255
    assert "Successfully deployed" not in result.stdout
    assert result.stderr.endswith(
        "[ERROR]: Waiter DeploymentSuccessful failed: Waiter encountered a terminal failure "
        "state: For expression \"deploymentInfo.status\" we matched expected path: "
        "\"Failed\"\n")


@pytest.mark.parametrize("answers, argv, message", [
    ({}, ("--service", "nope"), "Service 'nope' not found in cluster 'web'"),
    ({"GetApplication": (200, {"application": {"computePlatform": "Server"}})}, (),
     "Application 'AppECS-web-api' must support 'ECS' compute platform"),
    ({"GetDeploymentGroup": (200, _group(platform="Lambda"))}, (),
     "Deployment Group 'DgpECS-web-api' must support 'ECS' compute platform"),
    ({"GetDeploymentGroup": (200, _group(service="other"))}, (),
     "deployment group 'DgpECS-web-api' does not target ECS service 'api'"),
    ({"GetDeploymentGroup": (200, _group(cluster="other"))}, (),
     "deployment group 'DgpECS-web-api' does not target ECS cluster 'web'"),
    ({"GetApplication": (400, {"__type": "ApplicationDoesNotExistException",
                               "message": "No application found"})}, (),
     "Failed to describe Code Deploy application:\nAn error occurred "
     "(ApplicationDoesNotExistException) when calling the GetApplication operation: "
     "No application found"),
], ids=["no-service", "application-platform", "group-platform", "group-service",
        "group-cluster", "no-application"])
def test_checks_before_anything_is_registered(cli, stub, service, answers, argv, message):
    stub.answers.update(answers)
    result = _deploy(cli, *argv)
    assert (result.returncode, result.stdout) == (255, "")
    assert result.stderr.endswith("[ERROR]: %s\n" % message)
    assert "CreateDeployment" not in stub.operations()
    listed = _ok(cli("ecs", "list-task-definitions", "--output", "json"))
    assert len(listed["taskDefinitionArns"]) == 1


def test_file_errors(cli, stub, service):
    missing = cli("ecs", "deploy", "--service", "api", "--task-definition", "none.json",
                  "--codedeploy-appspec", "appspec.yaml")
    assert missing.returncode == 255
    assert missing.stderr.endswith("[ERROR]: Unable to load file at none.json: [Errno 2] No "
                                   "such file or directory: 'none.json'\n")
    (cli.home / "bad.yaml").write_text("version: 0.0\nResources:\n  - svc:\n      Type: x\n")
    result = _deploy(cli, "--codedeploy-appspec", "bad.yaml")
    # v2 reads the appspec's resources only after registering the task definition
    assert result.returncode == 255
    assert result.stdout.startswith("Successfully registered new ECS task definition ")
    assert result.stderr.endswith("[ERROR]: Resource 'svc' must include property "
                                  "'properties'\n")
    assert "CreateDeployment" not in stub.operations()


def test_usage_errors_and_help(cli, stub):
    result = cli("ecs", "deploy", "--service", "api")
    assert result.returncode == 252
    assert ("the following arguments are required: --task-definition, --codedeploy-appspec"
            in result.stderr)
    page = cli("ecs", "deploy", "help")
    assert page.returncode == 0
    synopsis = page.stdout.split("SYNOPSIS", 1)[1].split("OPTIONS", 1)[0]
    for option in ("--service", "--task-definition", "--codedeploy-appspec", "--cluster",
                   "--codedeploy-application", "--codedeploy-deployment-group"):
        assert option + " <value>" in synopsis
    assert cli("ecs", "help").stdout.count("o deploy\n") == 1
    assert stub.requests == []
