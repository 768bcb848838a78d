"""settings: the active profile's values from the config file, parsed only when needed."""
from __future__ import annotations

from pathlib import Path

from awsmini.globalopts import GlobalOptions
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
    found = settings(tmp_path)
    assert found.get("cli_auto_prompt") is None
    assert found._section is None


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
