"""The environment -> where the config and credentials files are, as botocore finds them.

`AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/config` and
`~/.aws/credentials`; variables in a path are expanded and `~` is the
environment's HOME. The one place that names these files: the settings lookup,
the prompt's profile names and the `configure` commands all ask here. Also the
two credential caches v2 keeps beside them: `~/.aws/cli/cache` (temporary
credentials of roles and IAM Identity Center, v2's `customizations/assumerole.py`)
`~/.aws/sso/cache` (IAM Identity Center tokens, `customizations/sso/utils.py`) and
`~/.aws/login/cache` (`aws login`'s console sessions, `customizations/login/`). Opens
nothing, and imports nothing but `os` and `string` (every command reads the settings).
"""
from __future__ import annotations

import os
import string
from typing import Mapping


def named_config_file(environ: Mapping[str, str]) -> str:
    """The config file as the environment names it, unexpanded (`~/.aws/config`)."""
    return environ.get("AWS_CONFIG_FILE") or "~/.aws/config"


def config_file(environ: Mapping[str, str]) -> str:
    """The config file's path."""
    return expand(named_config_file(environ), environ)


def credentials_file(environ: Mapping[str, str]) -> str:
    """The credentials file's path."""
    return expand(environ.get("AWS_SHARED_CREDENTIALS_FILE") or "~/.aws/credentials", environ)


def home(environ: Mapping[str, str]) -> str:
    """The environment's HOME (the process's home directory when it has none)."""
    return environ.get("HOME") or os.path.expanduser("~")


def credentials_cache_dir(environ: Mapping[str, str]) -> str:
    """Where v2 caches the temporary credentials of assume-role, web identity and SSO."""
    return expand(os.path.join("~", ".aws", "cli", "cache"), environ)


def sso_token_cache_dir(environ: Mapping[str, str]) -> str:
    """Where v2 (and botocore) keep IAM Identity Center access tokens and registrations."""
    return expand(os.path.join("~", ".aws", "sso", "cache"), environ)


def login_token_cache_dir(environ: Mapping[str, str]) -> str:
    """Where `aws login` keeps its sessions' tokens: `AWS_LOGIN_CACHE_DIRECTORY`, else
    `~/.aws/login/cache` (botocore's `get_login_token_cache_directory`)."""
    if "AWS_LOGIN_CACHE_DIRECTORY" in environ:
        return expand(environ["AWS_LOGIN_CACHE_DIRECTORY"], environ)
    return expand(os.path.join("~", ".aws", "login", "cache"), environ)


def expand(path: str, environ: Mapping[str, str]) -> str:
    """`path` with its `$VARIABLE`s and a leading `~` taken from `environ`, as botocore
    expands the files' paths from the process's environment."""
    path = string.Template(path).safe_substitute(environ)
    if path == "~" or path.startswith("~/"):
        return home(environ) + path[1:]
    return os.path.expanduser(path)
