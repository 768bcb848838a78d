"""The questions of `configure sso` (commands/configure/ssoprompt.py): the validators, the
pipe's line answers, and prompt_toolkit's on a terminal (driven through its pipe input)."""
from __future__ import annotations

import io

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from awsmini.commands.configure.ssoprompt import (Prompter, required_validator,
                                                  scopes_validator, start_url_validator)
from awsmini.env import Env
from awsmini.errors import OtherError


@pytest.mark.parametrize("validator, default, text, refusal", [
    (start_url_validator, None, "https://d-1.awsapps.com/start", None),
    (start_url_validator, None, "not a url", "Not a valid Start URL"),
    (start_url_validator, "https://x", "", None),
    (required_validator, None, "", "A value is required"),
    (required_validator, "d", "", None),
    (scopes_validator, None, "a, b,c", None),
    (scopes_validator, None, "a b", "Scope values must be separated by commas"),
])
def test_validators(validator, default, text, refusal):
    assert validator(default)(text) == refusal


def _piped(text: str) -> tuple[Prompter, io.StringIO]:
    out = io.StringIO()
    env = Env(stdin=io.StringIO(text), stdout=out, stderr=io.StringIO(), environ={},
              stdin_isatty=False, stdout_isatty=False)
    return Prompter(env), out


def test_line_answers_strip_and_keep_the_current_value():
    prompter, out = _piped("  eu-west-1  \n\n")
    assert prompter.get_value("us-east-1", "Region") == "eu-west-1"
    assert prompter.get_value("us-east-1", "Region") == "us-east-1"
    assert prompter.get_value(None, "Region") is None  # end of input: Enter
    assert out.getvalue() == "Region [us-east-1]: Region [us-east-1]: Region [None]: \n"


def test_select_by_label_key_or_enter():
    entries = [{"id": "1", "name": "a"}, {"id": "2", "name": "b"}]
    prompter, out = _piped("2\nb (x)\nnope\n\n")
    label = lambda entry: "%s (x)" % entry["name"]  # noqa: E731
    keys = lambda entry: (entry["id"],)  # noqa: E731
    assert prompter.select(entries, label, keys)["id"] == "2"
    assert prompter.select(entries, label, keys)["id"] == "2"
    assert prompter.select(entries, label, keys)["id"] == "1"
    assert "Not one of the choices\n" in out.getvalue()


def test_refused_at_the_end_of_input():
    prompter, _ = _piped("")
    with pytest.raises(OtherError, match="A value is required"):
        prompter.get_value(None, "Name", validator=required_validator(None))


def test_terminal_answers_through_prompt_toolkit():
    out = io.StringIO()
    env = Env(stdin=io.StringIO(""), stdout=out, stderr=io.StringIO(), environ={},
              stdin_isatty=True, stdout_isatty=True)
    with create_pipe_input() as pipe:
        prompter = Prompter(env, {"input": pipe, "output": DummyOutput()})
        pipe.send_text("corp\r")
        assert prompter.get_value(None, "SSO session name") == "corp"
        pipe.send_text("\r")
        assert prompter.get_value("us-east-1", "SSO region") == "us-east-1"
        pipe.send_text("bad url\rhttps://d-1.awsapps.com/start\r")
        assert prompter.get_value(None, "SSO start URL", validator=start_url_validator(
            None)) == "https://d-1.awsapps.com/start"
    assert out.getvalue() == "Not a valid Start URL\n"


def test_terminal_menu_with_arrow_keys():
    env = Env(stdin=io.StringIO(""), stdout=io.StringIO(), stderr=io.StringIO(), environ={},
              stdin_isatty=True, stdout_isatty=True)
    entries = ["r%02d" % index for index in range(15)]  # more than the menu shows at once
    with create_pipe_input() as pipe:
        prompter = Prompter(env, {"input": pipe, "output": DummyOutput()})
        pipe.send_text("\x1b[B" * 12 + "\x1b[A\r")
        assert prompter.select(entries, str, lambda entry: (entry,)) == "r11"
        pipe.send_text("\x1b[A\r")  # up from the first stays there
        assert prompter.select(entries, str, lambda entry: (entry,)) == "r00"
