"""`ecs deploy`: a new task definition rolled out by a CodeDeploy blue/green deployment.

As v2's `awscli/customizations/ecs/deploy.py`, `filehelpers.py` and
`exceptions.py`. The task definition file (JSON, RegisterTaskDefinition's
input) and the appspec (JSON, else YAML) are read first; then the service is
described, the CodeDeploy application and deployment group (by default
`AppECS-CLUSTER-SERVICE` and `DgpECS-CLUSTER-SERVICE`, each name cut to 46
characters) are read and checked to be ECS's and to target that service and
cluster; the task definition is registered, its ARN put in each resource's
`TaskDefinition` property of the appspec, the deployment created with the
appspec as content (and its SHA-256), and waited for: every 15 seconds, up to
the group's ready and termination waits plus 10 minutes (at least 30, at most
360 minutes).

The ECS client takes `--endpoint-url`, CodeDeploy's does not (its endpoint comes
from the profile or `AWS_ENDPOINT_URL_CODEDEPLOY`); both send v2's
`md/customization#ecs-deploy` in the user agent. A failed call or check is
v2's message, such as "Failed to describe ECS service:" and botocore's error on
the next line (exit 255).
"""
from __future__ import annotations

import hashlib
import json
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.errors import OtherError

USER_AGENT_EXTRA = "md/customization#ecs-deploy"
MAX_NAME_PART = 46
DELAY_SECONDS = 15
TIMEOUT_BUFFER_MINUTES, MIN_WAIT_MINUTES, MAX_WAIT_MINUTES = 10, 30, 360


class ECSDeployError(OtherError):
    """One of v2's ECSError messages: exit 255."""


# ------------------------------------------------------------------ pure parts

def default_name(prefix: str, service: str, cluster: str | None) -> str:
    """v2's CodeDeploy name for a service: `PREFIX-CLUSTER-SERVICE`, each part cut."""
    return "%s%s-%s" % (prefix, (cluster or "default")[:MAX_NAME_PART], service[:MAX_NAME_PART])


def parse_appspec(text: str) -> Any:
    """The appspec as JSON, else as YAML (1.2, as v2 reads it)."""
    try:
        return json.loads(text)
    except ValueError:
        import yaml

        from awsmini.cli_input import yaml12_loader

        return yaml.load(text, Loader=yaml12_loader())


def _key(resource: str, mapping: Any, name: str) -> str:
    """The key of `mapping` that is `name` in any case, else v2's missing-property error."""
    for key in (mapping or {}):
        if key.lower() == name.lower():
            return key
    raise ECSDeployError("Resource '%s' must include property '%s'" % (resource, name))


def with_task_definition(appspec: Any, arn: str) -> Any:
    """The appspec with `arn` as every resource's TaskDefinition property (in place)."""
    resources = _key("codedeploy-appspec", appspec, "resources")
    for resource in appspec[resources]:
        for name, content in resource.items():
            properties = _key(name, content, "properties")
            task_definition = _key(properties, content[properties], "taskDefinition")
            content[properties][task_definition] = arn
    return appspec


def wait_minutes(group: Mapping[str, Any] | None) -> int:
    """How long the deployment is waited for: the group's own waits and a buffer, kept
    between 30 minutes and 6 hours."""
    if group is None:
        return MIN_WAIT_MINUTES
    blue_green = group["deploymentGroupInfo"]["blueGreenDeploymentConfiguration"]
    configured = (blue_green["deploymentReadyOption"]["waitTimeInMinutes"]
                  + blue_green["terminateBlueInstancesOnDeploymentSuccess"]
                  ["terminationWaitTimeInMinutes"] + TIMEOUT_BUFFER_MINUTES)
    return min(max(configured, MIN_WAIT_MINUTES), MAX_WAIT_MINUTES)


def check_resources(application: Mapping[str, Any], group: Mapping[str, Any],
                    names: Mapping[str, str]) -> None:
    """v2's checks that the application and group deploy to ECS, and to this service."""
    if application["application"]["computePlatform"] != "ECS":
        raise ECSDeployError("Application '%s' must support 'ECS' compute platform"
                             % names["app"])
    info = group["deploymentGroupInfo"]
    if info["computePlatform"] != "ECS":
        raise ECSDeployError("Deployment Group '%s' must support 'ECS' compute platform"
                             % names["group"])
    for target in info["ecsServices"]:
        for kind, given in (("service", "serviceName"), ("cluster", "clusterName")):
            if target[given] not in (names[kind], names[kind + "_arn"]):
                raise ECSDeployError("deployment group '%s' does not target ECS %s '%s'"
                                     % (names["group"], kind, names[kind]))


# ------------------------------------------------------------------ the run

def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import translate_errors

    task_definition = json.loads(_read(args["task-definition"], context))
    appspec = parse_appspec(_read(args["codedeploy-appspec"], context))
    ecs = context.client("ecs", user_agent_extra=USER_AGENT_EXTRA)
    codedeploy = context.other_service_client("codedeploy", user_agent_extra=USER_AGENT_EXTRA)
    with translate_errors():
        names = _service_names(ecs, args)
        application = _calling("describe Code Deploy application", codedeploy.get_application,
                               applicationName=names["app"])
        group = _calling("describe Code Deploy deployment group",
                         codedeploy.get_deployment_group, applicationName=names["app"],
                         deploymentGroupName=names["group"])
        check_resources(application, group, names)
        minutes = wait_minutes(group)
        arn = _calling("register ECS task definition", ecs.register_task_definition,
                       **task_definition)["taskDefinition"]["taskDefinitionArn"]
        context.write("Successfully registered new ECS task definition %s\n" % arn)
        content = json.dumps(with_task_definition(appspec, arn))
        deployment = _calling("create deployment", codedeploy.create_deployment,
                              applicationName=names["app"], deploymentGroupName=names["group"],
                              revision={"revisionType": "AppSpecContent", "appSpecContent": {
                                  "content": content,
                                  "sha256": hashlib.sha256(content.encode()).hexdigest()}})
        deployment_id = deployment["deploymentId"]
        context.write("Successfully created deployment %s\n" % deployment_id)
        context.write("Waiting for %s to succeed (will wait up to %d minutes)...\n"
                      % (deployment_id, minutes))
        codedeploy.get_waiter("deployment_successful").wait(
            deploymentId=deployment_id,
            WaiterConfig={"Delay": DELAY_SECONDS,
                          "MaxAttempts": minutes * 60 // DELAY_SECONDS})
    context.write("Successfully deployed %s to service '%s'\n" % (arn, names["service"]))
    return 0


def _read(path: str, context: Context) -> str:
    from awsmini.values.paramfile import expand_variables

    try:
        return context.env.read_text(expand_variables(path, context.env.environ))
    except (OSError, UnicodeDecodeError) as error:
        raise ECSDeployError("Unable to load file at %s: %s" % (path, error)) from error


def _calling(action: str, method: Any, **params: Any) -> Any:
    """The call's response; a service error is v2's "Failed to ACTION:" and its text."""
    from botocore.exceptions import ClientError

    try:
        return method(**params)
    except ClientError as error:
        raise ECSDeployError("Failed to %s:\n%s" % (action, error)) from error


def _service_names(ecs: Any, args: Mapping[str, Any]) -> dict[str, str]:
    """The service's and cluster's names and ARNs, and the CodeDeploy names to use."""
    cluster = args["cluster"] or "default"
    services = _calling("describe ECS service", ecs.describe_services, cluster=cluster,
                        services=[args["service"]])["services"]
    if not services:
        raise ECSDeployError("Service '%s' not found in cluster '%s'"
                             % (args["service"], cluster))
    service = services[0]
    cluster_name = service["clusterArn"].split("/")[1]
    return {
        "service": service["serviceName"], "service_arn": service["serviceArn"],
        "cluster": cluster_name, "cluster_arn": service["clusterArn"],
        "app": args["codedeploy-application"] or default_name(
            "AppECS-", service["serviceName"], cluster_name),
        "group": args["codedeploy-deployment-group"] or default_name(
            "DgpECS-", service["serviceName"], cluster_name),
    }
