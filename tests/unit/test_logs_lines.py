"""An event as `logs tail` prints it (awsmini/commands/logs/lines.py): each format, with
and without colour, byte for byte."""
from __future__ import annotations

import pytest

from awsmini.commands.logs.lines import format_event, pretty_message

# 2024-05-01T12:00:00.250Z and 2024-05-01T12:00:00Z
AT_250 = {"timestamp": 1714564800250, "logStreamName": "web/1", "message": "GET / 200\n",
          "eventId": "1", "ingestionTime": 1714564801000}
WHOLE = dict(AT_250, timestamp=1714564800000, message='{"a": [1, "\u00e9"], "b": null}')
G, C, R = "\x1b[32m", "\x1b[36m", "\x1b[0m"

CASES = [
    ("detailed", AT_250, False, "2024-05-01T12:00:00.250000+00:00 web/1 GET / 200\n"),
    ("detailed", WHOLE, False,
     '2024-05-01T12:00:00.000000+00:00 web/1 {"a": [1, "\u00e9"], "b": null}\n'),
    ("detailed", AT_250, True,
     G + "2024-05-01T12:00:00.250000+00:00" + R + " " + C + "web/1" + R + " GET / 200\n"),
    ("short", AT_250, False, "2024-05-01T12:00:00 GET / 200\n"),
    ("short", AT_250, True, G + "2024-05-01T12:00:00" + R + " GET / 200\n"),
    ("json", AT_250, False, "2024-05-01T12:00:00.250000+00:00 web/1 GET / 200\n"),
    ("json", WHOLE, False,
     '2024-05-01T12:00:00+00:00 web/1 \n{\n    "a": [\n        1,\n        "\\u00e9"\n'
     '    ],\n    "b": null\n}\n'),
    ("json", WHOLE, True,
     G + "2024-05-01T12:00:00+00:00" + R + " " + C + "web/1" + R + ' \n{\n    "a": [\n'
     '        1,\n        "\\u00e9"\n    ],\n    "b": null\n}\n'),
]


@pytest.mark.parametrize("format_name, event, color, expected", CASES, ids=[
    "detailed", "detailed-whole-second", "detailed-color", "short", "short-color",
    "json-text-message", "json-document", "json-document-color"])
def test_layouts(format_name, event, color, expected):
    assert format_event(event, format_name, color) == expected


@pytest.mark.parametrize("message, expected", [
    ("done\r\n\t ", "2024-05-01T12:00:00 done\n"),  # any trailing white space, one newline
    ("", "2024-05-01T12:00:00\n"),  # an empty message leaves no trailing space
    ("two\nlines\n", "2024-05-01T12:00:00 two\nlines\n"),
    ("  leading", "2024-05-01T12:00:00   leading\n"),
], ids=["trailing-space", "empty", "inner-newline", "leading-space"])
def test_line_ends_in_one_newline(message, expected):
    assert format_event(dict(WHOLE, message=message), "short", False) == expected


def test_empty_message_with_colour_ends_after_the_reset():
    assert format_event(dict(WHOLE, message=""), "short", True) == (
        G + "2024-05-01T12:00:00" + R + "\n")


def test_times_before_1970():
    assert format_event(dict(AT_250, timestamp=-1500), "detailed", False).startswith(
        "1969-12-31T23:59:58.500000+00:00 ")


@pytest.mark.parametrize("message, expected", [
    ("not json", "not json"),
    ("{broken", "{broken"),
    ("42", "\n42"),  # any JSON document, not only objects
    (' ["x"] ', '\n[\n    "x"\n]'),
    ("[" * 100000 + "]" * 100000, "[" * 100000 + "]" * 100000),  # too deep: as it is
], ids=["text", "broken", "number", "array-with-spaces", "too-deep"])
def test_pretty_message(message, expected):
    assert pretty_message(message) == expected
