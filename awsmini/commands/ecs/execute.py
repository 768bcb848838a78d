"""`ecs execute-command`: ExecuteCommand, then the session handed to the plugin.

As v2's `awscli/customizations/ecs/executecommand.py`: the plugin is run once
without arguments before anything else (it says that it is installed), so a
missing plugin sends no request. Then the call, and DescribeTasks for the
container's runtime id, which names the Session Manager target
`ecs:<cluster>_<task>_<runtime id>`. The plugin is given the response's
`session` as JSON, the client's region, "StartSession", the profile (`--profile`,
else `AWS_PROFILE`, else `AWS_DEFAULT_PROFILE`, else ""), `{"Target": ...}` as
JSON and the ECS client's endpoint URL.
"""
from __future__ import annotations

import json
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.ssm import plugin
from awsmini.errors import OtherError

TASK_NOT_FOUND = "The task provided in the request was not found."
MEMBERS = ("cluster", "container", "command", "interactive", "task")  # the model's order


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import translate_errors

    streams = (context.env.stdout, context.env.stderr)
    plugin.check_installed(context.env.environ, streams)
    params = {name: args[name] for name in MEMBERS if args.get(name) is not None}
    client = context.client("ecs")
    with translate_errors():
        response = client.execute_command(**params)
        target = session_target(response, _runtime_id(client, response))
    plugin.hand_over([plugin.PLUGIN, json.dumps(response["session"]), client.meta.region_name,
                      "StartSession", profile_name(context), json.dumps({"Target": target}),
                      client.meta.endpoint_url], context.env.environ, streams)
    return 0


def _runtime_id(client: Any, response: Mapping[str, Any]) -> Any:
    """The runtime id of the response's container, from DescribeTasks (None if it
    lists no container of that name, as v2 then passes it on)."""
    tasks = client.describe_tasks(cluster=_last_part(response["clusterArn"]),
                                  tasks=[_last_part(response["taskArn"])])["tasks"]
    if not tasks:  # the task may have stopped in between
        raise OtherError(TASK_NOT_FOUND)
    for container in tasks[0].get("containers", []):
        if container.get("name") == response["containerName"]:
            return container.get("runtimeId")
    return None


def session_target(response: Mapping[str, Any], runtime_id: Any) -> str:
    """The Session Manager target of a container: `ecs:<cluster>_<task>_<runtime id>`."""
    return "ecs:%s_%s_%s" % (_last_part(response["clusterArn"]),
                             _last_part(response["taskArn"]), runtime_id)


def profile_name(context: Context) -> str:
    """The profile the plugin is told of: the session's, or "" when none is named."""
    return context.settings.named_profile or ""


def _last_part(arn: str) -> str:
    return arn.split("/")[-1]
