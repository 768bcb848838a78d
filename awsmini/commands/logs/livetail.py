"""`logs start-live-tail`: StartLiveTail's event stream -> each log event's message, a line.

As v2's `awscli/customizations/logs/startlivetail.py` in its print-only mode
(`ui.py`'s PrintOnlyUI): the session is started with the groups, stream names
or prefixes and filter pattern given, and the message of every log event of
each `sessionUpdate` is printed as it comes, alone on its line, flushed (the
`sessionStart` event prints nothing). The command ends when the service ends
the stream; an error the stream carries (`SessionTimeoutException`, a broken
connection) is printed on stdout as its text, as v2 prints it, and the exit
code stays 0. Control-C or SIGTERM ends the session the same way, quietly.

`--mode interactive` needs colour (`--color on`, or a terminal): without it,
v2's error (252) once the session is started, as v2 checks it only then. v2's
interactive screen itself (highlighting, scrolling) is not here: asked for,
it is refused before anything is sent.
"""
from __future__ import annotations

import contextlib
import signal
import threading
from typing import Any, Iterator, Mapping

from awsmini.commands import Context
from awsmini.errors import ParamValidationError

# cli name -> StartLiveTail member, in v2's order
MEMBERS = (("log-group-identifiers", "logGroupIdentifiers"),
           ("log-stream-names", "logStreamNames"),
           ("log-stream-name-prefixes", "logStreamNamePrefixes"),
           ("log-event-filter-pattern", "logEventFilterPattern"))
NO_COLOR = "Color is not allowed by your output. Use print-only mode or enable color."


class _Ended(Exception):
    """SIGTERM arrived: the session ends as after Control-C."""


def is_color_allowed(color: str, stdout_isatty: bool | None) -> bool:
    """v2's test for the interactive mode: `--color on`, or `auto` on a terminal."""
    return color == "on" or (color != "off" and bool(stdout_isatty))


def log_messages(stream: Any) -> Iterator[str]:
    """The message of each log event of the stream's session updates, in order."""
    for event in stream:
        for result in event.get("sessionUpdate", {}).get("sessionResults", []):
            yield result["message"]


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import translate_errors

    is_interactive = args["mode"] == "interactive"
    is_colored = is_color_allowed(context.options.color, context.env.stdout_isatty)
    if is_interactive and is_colored:
        raise ParamValidationError("`awsmini logs start-live-tail --mode interactive`: not "
                                   "available yet; the print-only mode is")
    params = {member: args[name] for name, member in MEMBERS if args.get(name) is not None}
    with translate_errors():
        response = context.client("logs").start_live_tail(**params)
    if is_interactive:
        raise ParamValidationError(NO_COLOR)
    stdout = context.env.stdout
    with _terminated_as_interrupted():
        try:
            for message in log_messages(response["responseStream"]):
                stdout.write(message + "\n")
                stdout.flush()
        except (KeyboardInterrupt, _Ended):
            pass
        except Exception as error:  # what ended the stream, printed as v2 prints it
            stdout.write("%s\n" % error)
            stdout.flush()
    return 0


@contextlib.contextmanager
def _terminated_as_interrupted() -> Iterator[None]:
    """SIGTERM ends the session as Control-C does (v2 handles both alike)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def ended(number: int, frame: Any) -> None:
        raise _Ended()

    previous = signal.signal(signal.SIGTERM, ended)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
