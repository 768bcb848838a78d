"""settings: the one lookup (option > environment > profile > default), the config file
read once per process and parsed only when needed."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from awsmini.errors import OtherError
from awsmini.globalopts import GlobalOptions
from awsmini.configpaths import expand as expand_path
from awsmini.settings import Settings

CONFIG = "[default]\noutput = table\n\n[profile dev]\noutput = text\ncli_pager = less\n"


def settings(tmp_path: Path, profile=None, **environ) -> Settings:
    (tmp_path / ".aws").mkdir(exist_ok=True)
    (tmp_path / ".aws" / "config").write_text(CONFIG)
    return Settings(GlobalOptions(profile=profile), {"HOME": str(tmp_path), **environ})


def test_default_profile(tmp_path):
    assert settings(tmp_path).get("output") == "table"
    assert settings(tmp_path).get("cli_pager") is None


def test_profile_from_option_then_environment(tmp_path):
    assert settings(tmp_path, profile="dev").get("output") == "text"
    assert settings(tmp_path, AWS_PROFILE="dev").get("cli_pager") == "less"
    assert settings(tmp_path, profile="default", AWS_PROFILE="dev").get("output") == "table"


def test_missing_profile_and_missing_file(tmp_path):
    assert settings(tmp_path, profile="nope").get("output") is None
    assert Settings(GlobalOptions(), {"HOME": str(tmp_path / "none")}).get("output") is None


def test_config_file_variable(tmp_path):
    other = tmp_path / "other.ini"
    other.write_text("[default]\noutput = yaml\n")
    assert settings(tmp_path, AWS_CONFIG_FILE=str(other)).get("output") == "yaml"


def test_a_name_absent_from_the_file_does_not_parse_it(tmp_path):
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text("[default]\noutput = [unclosed\n[broken")
    found = Settings(GlobalOptions(), {"HOME": str(tmp_path)})
    assert found.get("cli_auto_prompt") is None
    from awsmini import settings as module

    assert module._config_file(found.path)._parsed is None


def test_the_file_is_read_once_until_it_changes(tmp_path, monkeypatch):
    import builtins

    first = settings(tmp_path)
    assert first.get("output") == "table"  # the text read and parsed
    opened = []
    real_open = builtins.open

    def counting_open(path, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    assert first.get("output") == "table"
    assert Settings(GlobalOptions(profile="dev"), first.environ).get("output") == "text"
    assert first.path not in opened  # the second Settings reads nothing
    (tmp_path / ".aws" / "config").write_text("[default]\noutput = yaml\n")
    assert Settings(GlobalOptions(), first.environ).get("output") == "yaml"


def test_lookup_order_option_environment_profile_default(tmp_path):
    found = settings(tmp_path, OUT="yaml")
    assert found.lookup("output", "json", "OUT", "x") == "json"
    assert found.lookup("output", None, "OUT", "x") == "yaml"
    assert found.lookup("output", None, "UNSET", "x") == "table"
    assert found.lookup("cli_pager", None, "UNSET", "x") == "x"
    assert found.lookup("cli_pager") is None


def test_lookup_stops_at_an_empty_environment_variable(tmp_path):
    """botocore's environment provider answers "" when the variable is set but empty."""
    assert settings(tmp_path, OUT="").lookup("output", None, "OUT", "x") == "x"


@pytest.mark.parametrize("option, environ, config, expected", [
    pytest.param(None, {}, "", "json", id="default-json"),
    pytest.param(None, {}, "output = table", "table", id="profile"),
    pytest.param(None, {"AWS_DEFAULT_OUTPUT": "yaml"}, "output = table", "yaml",
                 id="env-beats-profile"),
    pytest.param("text", {"AWS_DEFAULT_OUTPUT": "yaml"}, "output = table", "text",
                 id="option-wins"),
    pytest.param(None, {"AWS_DEFAULT_OUTPUT": ""}, "output = text", "text",
                 id="empty-env-ignored"),
])
def test_output(tmp_path, option, environ, config, expected):
    assert with_config(tmp_path, config, output=option, **environ).output() == expected


def test_unknown_output_from_config(tmp_path):
    with pytest.raises(OtherError, match="Unknown output type: xml"):
        with_config(tmp_path, "output = xml").output()


@pytest.mark.parametrize("use_pager, environ, config, expected", [
    pytest.param(True, {}, "", ("less", True), id="default-less"),
    pytest.param(False, {"AWS_PAGER": "more"}, "cli_pager = pg", (None, False),
                 id="no-cli-pager-wins"),
    pytest.param(True, {"AWS_PAGER": "more", "PAGER": "pg"}, "cli_pager = x", ("more", False),
                 id="aws-pager"),
    pytest.param(True, {"PAGER": "pg"}, "cli_pager = most", ("most", False),
                 id="profile-before-pager"),
    pytest.param(True, {"PAGER": "pg"}, "", ("pg", False), id="pager-env"),
    pytest.param(True, {"AWS_PAGER": "", "PAGER": "pg"}, "", (None, False), id="empty-stops"),
    pytest.param(True, {"PAGER": "pg"}, "cli_pager =", (None, False),
                 id="empty-profile-stops"),
])
def test_pager_chain(tmp_path, use_pager, environ, config, expected):
    assert with_config(tmp_path, config, pager=use_pager, **environ).pager() == expected


@pytest.mark.parametrize("flag, environ, config, expected", [
    pytest.param(None, {}, "", "off", id="default-off"),
    pytest.param(True, {"AWS_CLI_AUTO_PROMPT": "on-partial"}, "", "on", id="flag-beats-env"),
    pytest.param(False, {"AWS_CLI_AUTO_PROMPT": "on"}, "", "off", id="no-flag-beats-env"),
    pytest.param(None, {"AWS_CLI_AUTO_PROMPT": " Shell "}, "", "shell", id="env-any-case"),
    pytest.param(None, {"AWS_CLI_AUTO_PROMPT": ""}, "cli_auto_prompt = on", "off",
                 id="empty-env-stops"),
    pytest.param(None, {}, "cli_auto_prompt = on-partial", "on-partial", id="profile"),
    pytest.param(None, {}, "cli_auto_prompt = yes", "off", id="unknown-off"),
])
def test_auto_prompt(tmp_path, flag, environ, config, expected):
    assert with_config(tmp_path, config, auto_prompt=flag, **environ).auto_prompt() == expected


def test_error_format_and_binary_format(tmp_path):
    found = with_config(tmp_path, "cli_error_format = json\ncli_binary_format = raw-in-base64-out")
    assert (found.error_format(), found.binary_format()) == ("json", "raw-in-base64-out")
    found = with_config(tmp_path, "cli_error_format = json", error_format="yaml",
                        binary_format="base64", AWS_CLI_ERROR_FORMAT="text")
    assert (found.error_format(), found.binary_format()) == ("yaml", "base64")
    assert with_config(tmp_path, "cli_error_format = json",
                       AWS_CLI_ERROR_FORMAT="text").error_format() == "text"
    assert with_config(tmp_path, "").binary_format() == "base64"


def test_full_config_merges_the_credentials_file_as_botocore_does(tmp_path):
    found = with_config(tmp_path, "region = eu-west-1\n[profile dev]\nregion = us-west-2")
    (tmp_path / ".aws" / "credentials").write_text(
        "[default]\naws_access_key_id = AKID\n[other]\naws_access_key_id = OTHER\n")
    config = found.full_config()
    assert config["profiles"]["default"] == {"region": "eu-west-1", "aws_access_key_id": "AKID"}
    assert config["profiles"]["other"] == {"aws_access_key_id": "OTHER"}
    assert config["profiles"]["dev"] == {"region": "us-west-2"}
    config["profiles"].clear()  # each caller gets its own copy
    assert "dev" in found.full_config()["profiles"]


def test_paths_expand_home_and_variables_from_the_given_environment(tmp_path):
    environ = {"HOME": str(tmp_path), "PLACE": "conf"}
    assert expand_path("~/.aws/config", environ) == str(tmp_path) + "/.aws/config"
    assert expand_path("$HOME/${PLACE}/x", environ) == str(tmp_path) + "/conf/x"
    assert expand_path("/etc/$UNSET_HERE", environ) == "/etc/$UNSET_HERE"
    found = Settings(GlobalOptions(), {"HOME": str(tmp_path),
                                       "AWS_CONFIG_FILE": "~/custom",
                                       "AWS_SHARED_CREDENTIALS_FILE": "$HOME/creds"})
    assert (found.path, found.credentials_path) == (os.path.join(str(tmp_path), "custom"),
                                                    os.path.join(str(tmp_path), "creds"))


def with_config(tmp_path: Path, lines: str, **given) -> Settings:
    """Settings over a default profile holding `lines`; keyword arguments in lower case
    are global options, the others environment variables."""
    (tmp_path / ".aws").mkdir(exist_ok=True)
    (tmp_path / ".aws" / "config").write_text("[default]\n%s\n" % lines)
    options = {k: v for k, v in given.items() if k.islower()}
    environ = {k: v for k, v in given.items() if not k.islower()}
    return Settings(GlobalOptions(**options), {"HOME": str(tmp_path), **environ})
