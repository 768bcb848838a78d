"""The dotted names of `configure get` and `configure set` -> a value, or where to write (pure).

Names, as v2's `awscli/customizations/configure/get.py` and `set.py` read them:
    name     = [scope "."] key ["." subkey]
    scope    = "default" / "profile." profile / profile      ; a known profile (get only)
A name without a scope is the current profile's (`--profile`, `AWS_PROFILE`,
else `default`). `plugins.key` is the `[plugins]` section. Credential keys are
written to the credentials file, under `[profile]`; other keys to the config
file, under `[default]` or `[profile NAME]` (quoted when the name has spaces).
"""
from __future__ import annotations

import shlex
from dataclasses import dataclass
from typing import Any

from awsmini.commands.configure.files import FullConfig

CREDENTIAL_KEYS = ("aws_access_key_id", "aws_secret_access_key", "aws_session_token",
                   "aws_security_token")
PLUGINS = "plugins"  # v2's one predefined section outside the profiles
SUBSECTION_KINDS = {"sso-session": "sso_sessions", "services": "services"}


class ProfileNotFound(LookupError):
    """A profile named for a plain `configure get` that neither file has."""


def get_value(name: str, profile: str | None, config: FullConfig) -> Any:
    """The value `configure get name` prints: a str, a dict (a sub-section), or None."""
    parts = name.split(".")
    if len(parts) == 1:
        return scoped_config(profile, config).get(name)
    if len(parts) == 2 and parts[0] == PLUGINS:
        value = config.others.get(parts[0], {}).get(parts[1])
        return value if value is not None else config.profiles.get(parts[0], {}).get(parts[1])
    if parts[0] == "profile":
        if len(parts) < 3:
            return None
        profile, key, rest = parts[1], parts[2], parts[3:]
    elif parts[0] == "default" or parts[0] in config.profiles:
        profile, key, rest = parts[0], parts[1], parts[2:]
    else:
        profile, key, rest = profile or "default", parts[0], parts[1:]
    value = config.profiles.get(profile, {}).get(key)
    if len(rest) == 1:
        value = value.get(rest[0]) if isinstance(value, dict) else None
    return value


def scoped_config(profile: str | None, config: FullConfig) -> dict[str, Any]:
    """The profile's keys; ProfileNotFound for a named profile neither file has."""
    name = profile or "default"
    if name not in config.profiles:
        if profile is not None and profile != "default":
            raise ProfileNotFound(name)
        return {}
    return config.profiles[name]


def get_subsection_value(kind: str, section: str, name: str, config: FullConfig) -> Any:
    """`configure get name --sso-session section` (or `--services`); LookupError with
    v2's message when there is no such sub-section."""
    sections = getattr(config, SUBSECTION_KINDS[kind])
    if section not in sections:
        raise LookupError("The config sub-section (%s) could not be found" % section)
    values = sections[section]
    key, _, subkey = name.partition(".")
    if not subkey:
        return values.get(name)
    value = values.get(key)
    return value.get(subkey) if isinstance(value, dict) and "." not in subkey else None


@dataclass(frozen=True)
class Target:
    """Where `configure set` writes: which file, which section, and the values to set."""

    is_credentials: bool
    section: str
    values: dict[str, Any]


def set_target(name: str, value: str, profile: str | None) -> Target:
    """Where `configure set name value` goes, for the current profile `profile`."""
    parts = name.split(".")
    current = profile or "default"
    key, subkey = parts[0], None
    if len(parts) > 1:
        if parts[0] in ("default", "profile"):
            current, rest = ("default", parts[1:]) if parts[0] == "default" else (
                parts[1], parts[2:])
            if not rest:
                rest = [""]
            key = rest[0]
            subkey = rest[1] if len(rest) == 2 else None
        elif parts[0] != PLUGINS:
            subkey = parts[1] if len(parts) == 2 else None
        elif len(parts) == 2:
            current, key = parts
    values = {key: {subkey: value} if subkey is not None else value}
    if key in CREDENTIAL_KEYS:
        return Target(True, current, values)
    if current in (PLUGINS, "default"):
        return Target(False, current, values)
    return Target(False, profile_section(current), values)


def profile_section(profile: str) -> str:
    """The config file's section name of a profile: `default` or `profile NAME`."""
    return profile if profile == "default" else section_header("profile", profile)


def section_header(kind: str, name: str) -> str:
    """`kind name`, the name shell-quoted when it has a space or a tab (as v2 writes it)."""
    if any(char in " \t" for char in name):
        name = shlex.quote(name)
    return "%s %s" % (kind, name)


def subsection_target(kind: str, section: str, name: str, value: str) -> Target:
    """`configure set name value --sso-session section` (or `--services`); ValueError
    with v2's message for a name of more than two parts."""
    parts = name.split(".")
    if len(parts) > 2:
        raise ValueError("Found more than two parts in the property to set. Deep nesting of "
                         "properties is not supported.")
    values: dict[str, Any] = {parts[0]: {parts[1]: value} if len(parts) == 2 else value}
    return Target(False, section_header(kind, section), values)
