"""`ecs execute-command`, declared as data.

v2 replaces the model's ExecuteCommand operation with a command that makes the
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


COMMANDS = {
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
