"""`configure` in the command table: its default command, and what the prompt offers."""
from __future__ import annotations

import pytest

from awsmini import commands
from awsmini.errors import ParamValidationError
from awsmini.prompt.completions import complete


def test_configure_alone_is_its_default_command():
    invocation = commands.find_command("configure", [])
    assert invocation.command.name == "configure" and invocation.args == ()
    with_option = commands.find_command("configure", ["--bogus"])
    assert with_option.command is commands.family_module("configure").DEFAULT
    assert with_option.args == ("--bogus",)
    assert commands.find_command("configure", ["get", "region"]).command.name == "get"
    assert commands.has_default_command("configure")


def test_s3_alone_is_still_a_usage_error():
    assert not commands.has_default_command("s3")
    with pytest.raises(ParamValidationError, match="too few arguments"):
        commands.find_command("s3", ["--bogus"])


@pytest.fixture
def environ(tmp_path):
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws/config").write_text("[default]\n[profile dev]\n")
    (tmp_path / ".aws/credentials").write_text("[keys-only]\n")
    return {"HOME": str(tmp_path)}


def texts(line, environ):
    return [c.text for c in complete(line, environ).candidates]


def test_config_names_for_get_and_set(environ):
    assert texts("configure get reg", environ)[0] == "region"
    assert "s3.max_concurrent_requests" in texts("configure set s3.max", environ)
    first = texts("configure set ", environ)
    assert first[0] == "region" and "--sso-session" in first  # names, then the options
    assert "region" not in texts("configure set region ", environ)  # the value is free text
    assert texts("configure list ", environ)[0].startswith("--")


def test_profile_names_for_profile(environ):
    assert texts("configure --profile ", environ) == ["default", "dev", "keys-only"]
    assert texts("configure get region --profile d", environ)[:2] == ["default", "dev"]


def test_configure_subcommands(environ):
    assert texts("configure ", environ) == ["add-model", "export-credentials", "get", "import",
                                            "list", "list-profiles", "set", "sso", "sso-session"]
