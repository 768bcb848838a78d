"""configpaths: where the config and credentials files are, from the environment alone."""
from __future__ import annotations

from awsmini.configpaths import config_files
from awsmini.globalopts import GlobalOptions
from awsmini.prompt.sources import profile_names
from awsmini.settings import Settings


def test_config_files_from_the_environment():
    files = config_files({"HOME": "/h"})
    assert (files.config, files.credentials, files.config_shown) == (
        "/h/.aws/config", "/h/.aws/credentials", "~/.aws/config")
    named = config_files({"HOME": "/h", "AWS_CONFIG_FILE": "~/c",
                          "AWS_SHARED_CREDENTIALS_FILE": "/x/k"})
    assert (named.config, named.credentials, named.config_shown) == ("/h/c", "/x/k", "~/c")


def test_a_home_relative_config_file_is_under_the_environments_home(tmp_path):
    """The settings lookup and the prompt's profile names find the file where
    `configure` writes it: `~` is the HOME the environment names."""
    (tmp_path / "conf").write_text("[default]\noutput = text\n[profile dev]\n")
    environ = {"HOME": str(tmp_path), "AWS_CONFIG_FILE": "~/conf",
               "AWS_SHARED_CREDENTIALS_FILE": "~/none"}
    assert config_files(environ).config == str(tmp_path / "conf")
    assert Settings(GlobalOptions(), environ).get("output") == "text"
    assert profile_names(environ) == ["default", "dev"]
