"""One FilterLogEvents event -> the text `logs tail` prints for it (pure).

The layouts of v2's formatters (`awscli/customizations/logs/tail.py`), with times in
UTC:

    detailed  2024-05-01T12:00:00.250000+00:00 stream message
    short     2024-05-01T12:00:00 message
    json      2024-05-01T12:00:00.250000+00:00 stream message, or, when the whole
              message is JSON, a line break and the document indented by four
              (the fraction only when the time has one)

The line ends in exactly one newline: whatever white space the message ends with is
dropped. With colour, the time is green and the stream name cyan, each followed by a
reset (colorama's codes); the message is never coloured.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Mapping

GREEN, CYAN, RESET = "\x1b[32m", "\x1b[36m", "\x1b[0m"
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def event_time(millis: int) -> datetime:
    """The aware UTC time of an event's epoch milliseconds."""
    return _EPOCH + timedelta(milliseconds=millis)


def format_event(event: Mapping[str, Any], format_name: str, color: bool) -> str:
    """The line(s) for `event` in `--format format_name`, newline included."""
    return _LAYOUTS[format_name](event, color)


def _paint(text: str, code: str, color: bool) -> str:
    return code + text + RESET if color else text


def _end(line: str) -> str:
    return line.rstrip() + "\n"


def _detailed(event: Mapping[str, Any], color: bool) -> str:
    stamp = event_time(event["timestamp"]).isoformat(timespec="microseconds")
    return _end("%s %s %s" % (_paint(stamp, GREEN, color),
                              _paint(event.get("logStreamName", ""), CYAN, color),
                              event.get("message", "")))


def _short(event: Mapping[str, Any], color: bool) -> str:
    stamp = event_time(event["timestamp"]).strftime("%Y-%m-%dT%H:%M:%S")
    return _end("%s %s" % (_paint(stamp, GREEN, color), event.get("message", "")))


def _json(event: Mapping[str, Any], color: bool) -> str:
    stamp = event_time(event["timestamp"]).isoformat()
    return _end("%s %s %s" % (_paint(stamp, GREEN, color),
                              _paint(event.get("logStreamName", ""), CYAN, color),
                              pretty_message(event.get("message", ""))))


def pretty_message(message: str) -> str:
    """A message that is one JSON document, indented on the lines below; others as they are."""
    try:
        document = json.loads(message)
    except (ValueError, RecursionError):  # not JSON (or too deep to read back)
        return message
    try:
        return "\n" + json.dumps(document, indent=4)
    except RecursionError:
        return message


_LAYOUTS: Mapping[str, Callable[[Mapping[str, Any], bool], str]] = {
    "detailed": _detailed, "short": _short, "json": _json}
