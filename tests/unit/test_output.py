"""output/__init__.py: the format by v2's precedence, colour decisions, the formatter table."""
from __future__ import annotations

import pytest

from awsmini.errors import OtherError
from awsmini.output import FORMATTERS, RenderOptions, output_format, use_color


@pytest.mark.parametrize("option, environ, setting, expected", [
    pytest.param(None, {}, None, "json", id="default-json"),
    pytest.param(None, {}, "table", "table", id="profile"),
    pytest.param(None, {"AWS_DEFAULT_OUTPUT": "yaml"}, "table", "yaml", id="env-beats-profile"),
    pytest.param("text", {"AWS_DEFAULT_OUTPUT": "yaml"}, "table", "text", id="option-wins"),
    pytest.param(None, {"AWS_DEFAULT_OUTPUT": ""}, "text", "text", id="empty-env-ignored"),
])
def test_output_format(option, environ, setting, expected):
    assert output_format(option, environ, setting) == expected


def test_unknown_format_from_config():
    with pytest.raises(OtherError, match="Unknown output type: xml"):
        output_format(None, {}, "xml")


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
