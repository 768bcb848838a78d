"""`ecs deploy` and `ecs execute-command`, declared as data.

v2 adds `deploy` beside the model's operations (`awscli/customizations/ecs/
deploy.py`): its arguments follow v2's ARG_TABLE, the help text is awsmini's
own; the run lives in `deploy.py`. v2 replaces the model's ExecuteCommand operation with a command that makes the
call and hands the session to the `session-manager-plugin` program (`awscli/
customizations/ecs/executecommand.py`); its arguments are the operation's
members, declared here by hand (`--no-interactive` renamed `--non-interactive`,
as v2 names it). The run lives in `execute.py`.
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand

DESCRIPTION = "Amazon Elastic Container Service."

EXECUTE_COMMAND = (
    "<p>Run a command in a container of a running task, and connect this terminal to "
    "it: typically a shell, <code>--command /bin/sh --interactive</code>. The task must "
    "have been started with execute-command enabled "
    "(<code>--enable-execute-command</code>). The command calls <code>ExecuteCommand</code> "
    "and gives the session to the Session Manager plugin, the "
    "<code>session-manager-plugin</code> program, which must be installed and on your "
    "<code>PATH</code>; it is looked for before anything is sent. Control-C goes to the "
    "session, not to this command.</p>"
    "<p>Nothing is printed on success but what the plugin and the session print.</p>")


def _option(name: str, member: str, documentation: str, is_required: bool = False) -> ArgSpec:
    return ArgSpec(name, member, "", "string", is_required=is_required, is_cli_only=True,
                   documentation=documentation)


DEPLOY = (
    "<p>Roll out a new task definition to a service that CodeDeploy deploys (blue/green): "
    "the task definition is registered, its ARN written into the appspec in place of each "
    "resource's <code>TaskDefinition</code>, a CodeDeploy deployment of that appspec "
    "created, and the command waits until it has succeeded. Each step is printed as it is "
    "done.</p>"
    "<p>Before anything is registered, the CodeDeploy application and deployment group are "
    "checked: both must use the ECS compute platform, and the group must deploy this "
    "service in this cluster. The command waits as long as the group's own waits (ready "
    "and termination) plus 10 minutes, but at least 30 minutes and at most 6 hours, and "
    "exits with 255 when the deployment has not succeeded by then, or has failed.</p>")


def _deploy_option(name: str, documentation: str, is_required: bool = False) -> ArgSpec:
    return ArgSpec(name, "", "", "string", is_required=is_required, is_cli_only=True,
                   documentation=documentation)


COMMANDS = {
    "deploy": CustomCommand("deploy", DEPLOY, (
        _deploy_option("service", "<p>The name or ARN of the service to deploy to.</p>",
                       is_required=True),
        _deploy_option("task-definition", "<p>The file of the task definition to register: "
                       "JSON, in the form <code>ecs register-task-definition "
                       "--generate-cli-skeleton</code> prints.</p>", is_required=True),
        _deploy_option("codedeploy-appspec", "<p>The file of the CodeDeploy appspec, in JSON "
                       "or YAML. The <code>TaskDefinition</code> property of each of its "
                       "resources is replaced with the ARN of the task definition "
                       "registered, whatever it holds (a placeholder will do).</p>",
                       is_required=True),
        _deploy_option("cluster", "<p>The name or ARN of the service's cluster; the "
                       "<code>default</code> cluster when not given.</p>"),
        _deploy_option("codedeploy-application", "<p>The CodeDeploy application to deploy "
                       "with, which must use the ECS compute platform; by default "
                       "<code>AppECS-CLUSTER-SERVICE</code> (the cluster's and the service's "
                       "names, each cut to 46 characters).</p>"),
        _deploy_option("codedeploy-deployment-group", "<p>The CodeDeploy deployment group "
                       "to deploy with, which must target this service and cluster; by "
                       "default <code>DgpECS-CLUSTER-SERVICE</code>.</p>"),
    ), "awsmini.commands.ecs.deploy:run"),
    "execute-command": CustomCommand("execute-command", EXECUTE_COMMAND, (
        _option("cluster", "cluster", "<p>The name or ARN of the task's cluster; the "
                "<code>default</code> cluster when not given.</p>"),
        _option("container", "container", "<p>The name of the container to run the command "
                "in; needed only when the task has more than one.</p>"),
        _option("command", "command", "<p>The command to run in the container.</p>",
                is_required=True),
        # required by the model: the service checks it, once the plugin is found (v2)
        ArgSpec("interactive", "interactive", "", "boolean", is_required=True,
                is_cli_only=True, negative_name="non-interactive",
                documentation="<p>Run the command interactively. The service supports "
                "interactive sessions only: give <code>--interactive</code>.</p>"),
        _option("task", "task", "<p>The ID or ARN of the task.</p>", is_required=True),
    ), "awsmini.commands.ecs.execute:run"),
}
