"""output/__init__.py: colour decisions, the formatter table."""
from __future__ import annotations

import pytest

from awsmini.output import FORMATTERS, RenderOptions, use_color


@pytest.mark.parametrize("color, tty, environ, expected", [
    ("on", False, {}, True), ("off", True, {}, False), ("auto", True, {}, True),
    ("auto", False, {}, False), ("auto", True, {"NO_COLOR": "1"}, False),
    ("auto", True, {"NO_COLOR": ""}, True), ("on", True, {"NO_COLOR": "1"}, True),
])
def test_use_color(color, tty, environ, expected):
    assert use_color(color, tty, environ) is expected


def test_every_output_choice_has_a_formatter():
    from awsmini.globalopts import OUTPUT_CHOICES

    assert set(FORMATTERS) == set(OUTPUT_CHOICES)


def test_off_prints_nothing():
    assert list(FORMATTERS["off"]({"a": 1}, RenderOptions())) == []
