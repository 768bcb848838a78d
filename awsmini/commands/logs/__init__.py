"""`logs tail`, declared as data.

v2 adds the command beside the model's operations (`awscli/customizations/logs/
tail.py`); the arguments follow it, the help text is awsmini's own. The run lives
in `tail.py`; `since.py` (the start time) and `lines.py` (an event as printed)
are its pure parts.
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand

DESCRIPTION = "Amazon CloudWatch Logs."

FORMATS = ("detailed", "short", "json")


def _option(name: str, documentation: str, **kwargs) -> ArgSpec:
    return ArgSpec(name, "", "", "string", is_cli_only=True, documentation=documentation,
                   **kwargs)


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

COMMANDS = {
    "tail": CustomCommand("tail", TAIL, (
        ArgSpec("group_name", "", "", "string", is_required=True, is_positional=True,
                is_cli_only=True, documentation="<p>The log group's name.</p>"),
        _option("since", SINCE, default="10m"),
        ArgSpec("follow", "", "", "boolean", is_cli_only=True, documentation=FOLLOW,
                default=False),
        _option("format", FORMAT, default="detailed", choices=FORMATS),
        _option("filter-pattern", FILTER_PATTERN),
        _option("log-stream-names", LOG_STREAM_NAMES, nargs="+"),
        _option("log-stream-name-prefix", LOG_STREAM_NAME_PREFIX),
    ), "awsmini.commands.logs.tail:run", usage="<group_name>"),
}
