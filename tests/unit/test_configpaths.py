"""configpaths: where the config and credentials files are, from the environment alone."""
from __future__ import annotations

from awsmini.configpaths import config_file, credentials_file, named_config_file
from awsmini.globalopts import GlobalOptions
from awsmini.prompt.sources import profile_names
from awsmini.settings import Settings


def test_the_files_from_the_environment():
    assert (config_file({"HOME": "/h"}), credentials_file({"HOME": "/h"})) == (
        "/h/.aws/config", "/h/.aws/credentials")
    named = {"HOME": "/h", "AWS_CONFIG_FILE": "~/c", "AWS_SHARED_CREDENTIALS_FILE": "/x/k"}
    assert (config_file(named), credentials_file(named), named_config_file(named)) == (
        "/h/c", "/x/k", "~/c")


def test_a_home_relative_config_file_is_under_the_environments_home(tmp_path):
    """The settings lookup and the prompt's profile names find the file where
    `configure` writes it: `~` is the HOME the environment names."""
    (tmp_path / "conf").write_text("[default]\noutput = text\n[profile dev]\n")
    environ = {"HOME": str(tmp_path), "AWS_CONFIG_FILE": "~/conf",
               "AWS_SHARED_CREDENTIALS_FILE": "~/none"}
    assert config_file(environ) == str(tmp_path / "conf")
    assert Settings(GlobalOptions(), environ).get("output") == "text"
    assert profile_names(environ) == ["default", "dev"]
