"""The environment -> where the config and credentials files are, as botocore finds them.

`AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/config` and
`~/.aws/credentials`; variables in a path are expanded and `~` is the
environment's HOME. The one place that names these files: the settings lookup,
the prompt's profile names and the `configure` commands all ask here. Opens
nothing.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping


@dataclass(frozen=True)
class ConfigFiles:
    """The config and credentials files' paths; `config_shown` is the config path as given
    (`~/.aws/config`), which v2's `configure list` prints."""

    config: str
    credentials: str
    config_shown: str


def config_files(environ: Mapping[str, str]) -> ConfigFiles:
    """The files named by the environment, else `~/.aws/config` and `~/.aws/credentials`."""
    config = environ.get("AWS_CONFIG_FILE") or "~/.aws/config"
    credentials = environ.get("AWS_SHARED_CREDENTIALS_FILE") or "~/.aws/credentials"
    return ConfigFiles(expand(config, environ), expand(credentials, environ), config)


def expand(path: str, environ: Mapping[str, str]) -> str:
    """`path` with `~` as the environment's HOME (botocore also expands variables)."""
    path = os.path.expandvars(path)
    if path == "~" or path.startswith("~/"):
        home = environ.get("HOME") or os.path.expanduser("~")
        return home + path[1:]
    return os.path.expanduser(path)
