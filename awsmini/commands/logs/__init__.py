"""`logs start-live-tail` and `logs tail`, declared as data.

v2 adds both beside the model's operations (`awscli/customizations/logs/
startlivetail.py`, in place of the model's StartLiveTail, and `tail.py`); the
arguments follow it, the help text is awsmini's own. The runs live in
`livetail.py` and `tail.py`; `since.py` (the start time) and `lines.py` (an event
as printed) are tail's pure parts.
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand, option

DESCRIPTION = "Amazon CloudWatch Logs."

FORMATS = ("detailed", "short", "json")


TAIL = (
    "<p>Print the events of a log group, from all its streams unless told otherwise, "
    "oldest first as CloudWatch Logs returns them (events logged at nearly the same time "
    "may come out of order). By default the events of the last ten minutes are printed, "
    "and the command ends; with <code>--follow</code> it keeps printing new events as they "
    "arrive.</p>")

SINCE = (
    "<p>Where the events begin: an ISO 8601 time (<code>2024-05-01T12:00:00Z</code>; UTC "
    "when it names no zone) or a time before now, written as a whole number and one "
    "unit: <code>s</code> (seconds), <code>m</code> (minutes), <code>h</code> (hours), "
    "<code>d</code> (days) or <code>w</code> (weeks). <code>90m</code> is an hour and a "
    "half ago. Units cannot be combined: <code>1h30m</code> is not ninety minutes ago but "
    "read as a time of day. The default is <code>10m</code>.</p>")

FOLLOW = (
    "<p>Keep going: after the events so far, look for new ones every few seconds and print "
    "them, until interrupted with Control-C.</p>")

FORMAT = (
    "<p>How each event is printed:</p><ul>"
    "<li><code>detailed</code> (the default): the event's time in UTC, to the microsecond "
    "and with its offset, the stream's name, and the message.</li>"
    "<li><code>short</code>: the time to the second, and the message.</li>"
    "<li><code>json</code>: as <code>detailed</code>, but a message that is a JSON "
    "document is printed indented on the lines below.</li></ul>"
    "<p>On a terminal (or with <code>--color on</code>) times are green and stream names "
    "cyan.</p>")

FILTER_PATTERN = (
    "<p>Print only the events that match this CloudWatch Logs filter pattern (see "
    "<a href=\"https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/"
    "FilterAndPatternSyntax.html\">Filter and pattern syntax</a>). Without it every event "
    "is printed.</p>")

LOG_STREAM_NAMES = (
    "<p>Print only the events of these streams. Not together with "
    "<code>--log-stream-name-prefix</code>.</p>")

LOG_STREAM_NAME_PREFIX = (
    "<p>Print only the events of the streams whose names begin with this. Not together "
    "with <code>--log-stream-names</code>.</p>")

START_LIVE_TAIL = (
    "<p>Start a Live Tail session: the log events of one or more log groups, printed as "
    "they are ingested, each event's message as it is, on a line of its own. The session "
    "lasts until it is ended with Control-C, or for at most three hours, when the service "
    "ends it (its message is printed). When more than 500 events a second match, the "
    "service sends a sample of them.</p>"
    "<p>This needs the <code>logs:StartLiveTail</code> permission, and sessions are charged "
    "by the minute (see <a href=\"https://aws.amazon.com/cloudwatch/pricing/\">CloudWatch "
    "pricing</a>). In a monitoring account of CloudWatch cross-account observability, the "
    "groups may be those of the linked source accounts.</p>")

SHAPES = {"Strings": {"type": "list", "member": {"shape": "String"}},
          "String": {"type": "string"}}


def _strings(name: str, documentation: str, is_required: bool = False) -> ArgSpec:
    return ArgSpec(name, "", "Strings", "list", is_required=is_required, is_cli_only=True,
                   nargs="+", documentation=documentation)


COMMANDS = {
    "start-live-tail": CustomCommand("start-live-tail", START_LIVE_TAIL, (
        _strings("log-group-identifiers", "<p>The ARNs of the log groups to tail, up to ten, "
                 "each as <code>arn:aws:logs:REGION:ACCOUNT_ID:log-group:NAME</code>, without "
                 "a trailing <code>:*</code>.</p>", is_required=True),
        _strings("log-stream-names", "<p>Only the events of these streams. For one log group "
                 "only, and not with <code>--log-stream-name-prefixes</code>.</p>"),
        _strings("log-stream-name-prefixes", "<p>Only the events of the streams whose names "
                 "begin with one of these. For one log group only, and not with "
                 "<code>--log-stream-names</code>.</p>"),
        option("log-event-filter-pattern", "<p>Only the events that match this filter "
                "pattern (see <a href=\"https://docs.aws.amazon.com/AmazonCloudWatch/latest/"
                "logs/FilterAndPatternSyntax.html\">Filter and pattern syntax</a>); quote a "
                "pattern of several terms. Without it every event is printed.</p>"),
        option("mode", "<p><code>print-only</code> (the default) prints the messages as "
                "they come, for use with other shell commands. <code>interactive</code>, "
                "v2's full-screen session with highlighted terms, is not available yet; it "
                "needs colour (<code>--color on</code> or a terminal).</p>",
                default="print-only", choices=("interactive", "print-only")),
    ), "awsmini.commands.logs.livetail:run", shapes=SHAPES),
    "tail": CustomCommand("tail", TAIL, (
        ArgSpec("group_name", "", "", "string", is_required=True, is_positional=True,
                is_cli_only=True, documentation="<p>The log group's name.</p>"),
        option("since", SINCE, default="10m"),
        ArgSpec("follow", "", "", "boolean", is_cli_only=True, documentation=FOLLOW,
                default=False),
        option("format", FORMAT, default="detailed", choices=FORMATS),
        option("filter-pattern", FILTER_PATTERN),
        option("log-stream-names", LOG_STREAM_NAMES, nargs="+"),
        option("log-stream-name-prefix", LOG_STREAM_NAME_PREFIX),
    ), "awsmini.commands.logs.tail:run", usage="<group_name>"),
}
