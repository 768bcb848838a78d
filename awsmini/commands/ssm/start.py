"""`ssm start-session`: StartSession, then the session handed to the plugin.

As v2's `awscli/customizations/sessionmanager.py`: the call comes first; then
the plugin is asked its version, and run with the session (SessionId,
TokenValue, StreamUrl as JSON, or for newer plugins the name of the variable
holding it), the client's region, "StartSession", the `--profile` given (or
""), the request's parameters as JSON and the client's endpoint URL. When the
plugin is missing, the session just started is terminated, so that it does not
linger on the node, and v2's error follows.
"""
from __future__ import annotations

import json
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.ssm import plugin
from awsmini.errors import OtherError

# cli name -> StartSession member, in the model's order (v2 builds the request in it)
MEMBERS = (("target", "Target"), ("document-name", "DocumentName"), ("reason", "Reason"),
           ("parameters", "Parameters"))
SESSION_KEYS = ("SessionId", "TokenValue", "StreamUrl")


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import translate_errors

    params = {member: args[name] for name, member in MEMBERS if args.get(name) is not None}
    client = context.client("ssm")
    with translate_errors():
        response = client.start_session(**params)
    session = session_document(response)
    environ = dict(context.env.environ)
    try:
        first = json.dumps(session)
        if plugin.takes_response_variable(plugin.plugin_version(environ)):
            environ[plugin.RESPONSE_VARIABLE] = first
            first = plugin.RESPONSE_VARIABLE
        plugin.hand_over([plugin.PLUGIN, first, client.meta.region_name, "StartSession",
                          context.options.profile or "", json.dumps(params),
                          client.meta.endpoint_url],
                         environ, (context.env.stdout, context.env.stderr))
    except plugin.PluginMissing:
        with translate_errors():
            client.terminate_session(SessionId=session["SessionId"])
        raise
    return 0


def session_document(response: Mapping[str, Any]) -> dict[str, Any]:
    """What the plugin is given of StartSession's response."""
    missing = [key for key in SESSION_KEYS if key not in response]
    if missing:
        raise OtherError("The StartSession response has no %s." % missing[0])
    return {key: response[key] for key in SESSION_KEYS}
