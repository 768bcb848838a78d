"""`configure` alone: ask for the profile's keys, region and output format, write what changed.

As v2's `awscli/customizations/configure/configure.py`: each prompt shows the
current value in brackets (keys masked: sixteen `*` and the last four
characters; `None` when unset), read from stdin; an empty answer keeps the
value. A session token is asked for when the new access key is temporary
(`ASIA...`) or the profile has one; a new long-term key removes the old token.
Keys go to the credentials file, under the profile's name; the region and the
output format to the config file, under `[default]` or `[profile NAME]`.
A closed stdin answers Enter to the prompts left.
"""
from __future__ import annotations

from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.configure import names
from awsmini.commands.configure.files import config_files, read_full_config
from awsmini.commands.configure.getset import write_values
from awsmini.commands.configure.permissions import warn_if_permissive

PROMPTS = (("aws_access_key_id", "AWS Access Key ID"),
           ("aws_secret_access_key", "AWS Secret Access Key"),
           ("aws_session_token", "AWS Session Token"),
           ("region", "Default region name"),
           ("output", "Default output format"))
SECRET_NAMES = ("aws_access_key_id", "aws_secret_access_key", "aws_session_token")
TIP = ("\nTip: You can deliver temporary credentials to the AWS CLI using your AWS Console "
       "session by running the command 'aws login'.\n\n")


def mask(value: str | None) -> str:
    """How v2 shows a key it has: `****************ABCD`; `None` when there is none."""
    return "None" if value is None else "*" * 16 + value[-4:]


def run_interactive(args: Mapping[str, Any], context: Context) -> int:
    environ = context.env.environ
    files = config_files(environ)
    profile = context.settings.named_profile
    try:
        config = names.scoped_config(profile, read_full_config(files))
    except names.ProfileNotFound:
        config = {}
    if not config:
        context.write(TIP)
    changed: dict[str, Any] = {}
    for name, text in PROMPTS:
        if name == "aws_session_token" and not _asks_for_token(changed, config):
            continue
        current = config.get(name)
        shown = mask(current) if name in SECRET_NAMES else current
        answer = _ask("%s [%s]: " % (text, shown), context)
        if answer and answer != current:
            changed[name] = answer
    if ("aws_access_key_id" in changed and not _is_temporary(changed)
            and config.get("aws_session_token")):
        changed["aws_session_token"] = None  # deleted: it belonged to the old key
    credentials = {name: changed.pop(name) for name in SECRET_NAMES if name in changed}
    if credentials:
        write_values(files.credentials, profile or "default", credentials)
        warn_if_permissive(files.credentials, context)
    if changed:
        write_values(files.config, names.profile_section(profile or "default"), changed)
    return 0


def _is_temporary(changed: Mapping[str, Any]) -> bool:
    return str(changed.get("aws_access_key_id") or "").startswith("ASIA")


def _asks_for_token(changed: Mapping[str, Any], config: Mapping[str, Any]) -> bool:
    if changed.get("aws_access_key_id") and not _is_temporary(changed):
        return False
    return _is_temporary(changed) or bool(config.get("aws_session_token"))


def _ask(prompt: str, context: Context) -> str:
    """One answer, without its line end; "" at the end of stdin."""
    context.write(prompt)
    line = context.env.stdin.readline()
    if not line:
        context.write("\n")
        return ""
    return line.rstrip("\r\n")
