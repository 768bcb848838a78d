"""configservice's hand-written commands, declared as data.

v2 adds `get-status` and `subscribe` beside the service's operations
(`awscli/customizations/configservice/getstatus.py`, `subscribe.py`); the
arguments follow v2's tables, the help text is awsmini's own. The runs live in
`status.py` and `subscribe.py`.
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand

DESCRIPTION = "AWS Config."


def _required(name: str, documentation: str) -> ArgSpec:
    return ArgSpec(name, "", "", "string", is_cli_only=True, is_required=True,
                   documentation="<p>%s</p>" % documentation)


GET_STATUS = ("<p>Print the status of every configuration recorder (on or off, and how its "
              "last recording went) and of every delivery channel (how its last stream, "
              "history and snapshot deliveries went, with the error of a failed one).</p>")

SUBSCRIBE = (
    "<p>Start recording with AWS Config: a configuration recorder and a delivery channel, "
    "both named <code>default</code>, are created (or replaced) and the recorder is "
    "started. The bucket and the topic are created when they do not exist. Prints what "
    "it used, then the recorders and delivery channels.</p><p>S3 and SNS are asked at "
    "their usual endpoints: <code>--endpoint-url</code> is AWS Config's.</p>")

COMMANDS = {
    "get-status": CustomCommand("get-status", GET_STATUS, (),
                                "awsmini.commands.configservice.status:run"),
    "subscribe": CustomCommand("subscribe", SUBSCRIBE, (
        _required("s3-bucket", "The S3 bucket the delivery channel delivers to, as "
                  "<code>bucket</code> or <code>bucket/prefix</code>; created when it does "
                  "not exist."),
        _required("sns-topic", "The SNS topic the delivery channel notifies: a topic's ARN, "
                  "or a name, for which the topic is created (or found, when it exists)."),
        _required("iam-role", "The ARN of the IAM role the configuration recorder records "
                  "with."),
    ), "awsmini.commands.configservice.subscribe:run"),
}
