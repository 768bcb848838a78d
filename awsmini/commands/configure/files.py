"""Where the config and credentials files are, and what they say, read as botocore reads them.

Takes the environment and returns the two paths (`configpaths` finds them), or
the files' sections as dicts: `parse_ini(text)` is pure; `read_full_config(files)`
opens the files. The grammar is botocore's `configloader`: an INI file read by `configparser.RawConfigParser` (keys in
lower case), where a value that starts on the next line is a sub-section of
`key = value` lines; in the config file `[default]` and `[profile NAME]` are
profiles, in the credentials file every section is. Imports nothing of botocore,
so that `configure get` stays an offline, fast path.
"""
from __future__ import annotations

import configparser
import os
import shlex
from dataclasses import dataclass
from typing import Any, Mapping

from awsmini import configpaths
from awsmini.errors import OtherError

Sections = dict[str, dict[str, Any]]  # section name -> key -> str, or {sub key: str}


@dataclass(frozen=True)
class ConfigFiles:
    """The config and credentials files' paths; `config_shown` is the config path as given
    (`~/.aws/config`), which v2's `configure list` prints."""

    config: str
    credentials: str
    config_shown: str


def config_files(environ: Mapping[str, str]) -> ConfigFiles:
    """The files the environment names (`configpaths`), else `~/.aws/config` and
    `~/.aws/credentials`."""
    return ConfigFiles(configpaths.config_file(environ), configpaths.credentials_file(environ),
                       configpaths.named_config_file(environ))


def read_text(path: str) -> str | None:
    """The file's text, or None when there is no such file; an unreadable one is an error."""
    if not os.path.isfile(path):
        return None
    try:
        with open(path, encoding="utf-8") as fp:
            return fp.read()
    except OSError as error:
        raise OtherError(str(error)) from error
    except UnicodeDecodeError as error:
        raise OtherError(PARSE_ERROR % path) from error


PARSE_ERROR = "Unable to parse config file: %s"  # botocore's ConfigParseError


def parse_ini(text: str, path: str = "") -> Sections:
    """{section: {key: value}} of an INI text, sub-sections as dicts; OtherError (v2's
    "Unable to parse config file", exit 255) when configparser cannot read it."""
    parser = configparser.RawConfigParser()
    try:
        parser.read_string(text, source=path or "<string>")
    except configparser.Error as error:
        raise OtherError(PARSE_ERROR % path) from error
    sections: Sections = {}
    for section in parser.sections():
        values: dict[str, Any] = {}
        for key in parser.options(section):
            value = parser.get(section, key)
            if value.startswith("\n"):
                value = _parse_nested(value, path)
            values[key] = value
        sections[section] = values
    return sections


def _parse_nested(value: str, path: str) -> dict[str, str]:
    nested = {}
    for line in value.splitlines():
        line = line.strip()
        if not line:
            continue
        if "=" not in line:
            raise OtherError(PARSE_ERROR % path)
        key, _, sub_value = line.partition("=")
        nested[key.strip()] = sub_value.strip()
    return nested


@dataclass
class FullConfig:
    """Both files as botocore's `Session.full_config` sees them: the profiles (config
    file first, then the credentials file's, whose keys win), the sso-sessions and
    services sub-sections, and the config file's other sections."""

    profiles: dict[str, dict[str, Any]]
    sso_sessions: dict[str, dict[str, Any]]
    services: dict[str, dict[str, Any]]
    others: dict[str, dict[str, Any]]


def build_full_config(config: Sections, credentials: Sections) -> FullConfig:
    """The profiles and sub-sections of the parsed files (pure)."""
    full = FullConfig({}, {}, {}, {})
    for name, values in config.items():
        # botocore looks only at the first word and takes the second as the name
        for prefix, target in (("profile", full.profiles), ("sso-session", full.sso_sessions),
                               ("services", full.services)):
            if name.startswith(prefix):
                named = _section_name(name)
                if named is not None:
                    target[named] = dict(values)
                break
        else:
            if name == "default":
                full.profiles[name] = dict(values)
            else:
                full.others[name] = dict(values)
    for name, values in credentials.items():
        full.profiles.setdefault(name, {}).update(values)
    return full


def _section_name(header: str) -> str | None:
    try:
        parts = shlex.split(header)
    except ValueError:
        return None
    return parts[1] if len(parts) == 2 else None


def read_full_config(files: ConfigFiles) -> FullConfig:
    """Both files, read and parsed; missing files are empty."""
    parsed = []
    for path in (files.config, files.credentials):
        text = read_text(path)
        parsed.append(parse_ini(text, path) if text else {})
    return build_full_config(parsed[0], parsed[1])

