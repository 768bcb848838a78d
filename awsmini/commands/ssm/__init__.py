"""`ssm start-session`, declared as data.

v2 replaces the model's StartSession operation with a command that makes the
call and hands the session to the `session-manager-plugin` program (`awscli/
customizations/sessionmanager.py`); its arguments are the operation's members,
declared here by hand. The run lives in `start.py`; `plugin.py` is the hand-off
that `ecs execute-command` shares.
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand

DESCRIPTION = "AWS Systems Manager."

START_SESSION = (
    "<p>Open an interactive session with a managed node (an instance or another target "
    "managed by Systems Manager) and connect this terminal to it. The command calls "
    "<code>StartSession</code> and gives the session's URL and token to the Session Manager "
    "plugin, the <code>session-manager-plugin</code> program, which must be installed and on "
    "your <code>PATH</code>; the session lasts as long as the plugin runs. Control-C goes to "
    "the session, not to this command. If the plugin cannot be found, the session just "
    "started is terminated again.</p>"
    "<p>Nothing is printed on success but what the plugin and the session print.</p>")

# StartSession's Parameters: a map of parameter names to lists of strings.
SHAPES = {
    "SessionManagerParameters": {"type": "map", "key": {"shape": "ParameterName"},
                                 "value": {"shape": "ParameterValues"}},
    "ParameterName": {"type": "string"},
    "ParameterValues": {"type": "list", "member": {"shape": "ParameterValue"}},
    "ParameterValue": {"type": "string"},
}

COMMANDS = {
    "start-session": CustomCommand("start-session", START_SESSION, (
        ArgSpec("target", "Target", "", "string", is_required=True, is_cli_only=True,
                documentation="<p>The managed node to connect to, such as the ID of an "
                "instance (<code>i-0123456789abcdef0</code>).</p>"),
        ArgSpec("document-name", "DocumentName", "", "string", is_cli_only=True,
                documentation="<p>The Session document that defines the session, such as "
                "<code>AWS-StartPortForwardingSession</code>; the account's default session "
                "settings when not given. <code>ssm describe-documents --filters "
                "Key=DocumentType,Values=Session</code> lists them.</p>"),
        ArgSpec("reason", "Reason", "", "string", is_cli_only=True,
                documentation="<p>Why the session is started, recorded with it.</p>"),
        ArgSpec("parameters", "Parameters", "SessionManagerParameters", "map",
                is_cli_only=True,
                documentation="<p>The document's parameters, each a list of values: "
                "<code>portNumber=80,localPortNumber=8080</code> in shorthand, or JSON "
                "(<code>{\"portNumber\": [\"80\"]}</code>).</p>"),
    ), "awsmini.commands.ssm.start:run", shapes=SHAPES),
}
