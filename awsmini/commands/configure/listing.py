"""`configure list` (where the profile, keys and region come from) and `configure list-profiles`.

`list` prints v2's table (`awscli/customizations/configure/list.py`): the
profile and the region are looked up in the environment, then in the config
file; the keys are resolved through botocore's credential chain, which names
their source (`env`, `shared-credentials-file`, `assume-role`, `iam-role`, ...).
Keys are only ever printed masked. The header and the profile line come first,
so an unknown profile's error follows them, as in v2.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.configure.files import config_files, read_full_config
from awsmini.commands.configure.interactive import mask

NOT_SET = "<not set>"
PROFILE_VARIABLES = ("AWS_PROFILE", "AWS_DEFAULT_PROFILE")
REGION_VARIABLES = ("AWS_REGION", "AWS_DEFAULT_REGION")


@dataclass(frozen=True)
class Row:
    """One line of the table: a value, the kind of place it came from, and where."""

    value: str
    kind: str | None
    location: str | None


def format_row(name: str, row: Row) -> str:
    """One line as v2 pads it (a longer type pushes the rest of the line right)."""
    return "%-10s : %-24s : %-16s : %s\n" % (name, row.value, row.kind, row.location)


UNSET = Row(NOT_SET, None, None)


def run_list(args: Mapping[str, Any], context: Context) -> int:
    environ = context.env.environ
    context.write(format_row("NAME", Row("VALUE", "TYPE", "LOCATION")))
    context.write(format_row("profile", _profile_row(context.options.profile, environ)))
    session = context.session()
    credentials = session.get_credentials()
    if credentials is None:
        access_key = secret_key = UNSET
    else:
        frozen = credentials.get_frozen_credentials()
        access_key = Row(mask(frozen.access_key), credentials.method, "")
        secret_key = Row(mask(frozen.secret_key), credentials.method, "")
    context.write(format_row("access_key", access_key))
    context.write(format_row("secret_key", secret_key))
    context.write(format_row("region", _region_row(session, environ)))
    return 0


def _profile_row(option: str | None, environ: Mapping[str, str]) -> Row:
    if option is not None:
        return Row(option, "manual", "--profile")
    for name in PROFILE_VARIABLES:
        if environ.get(name):
            return Row(environ[name], "env", str(list(PROFILE_VARIABLES)))
    return UNSET


def _region_row(session: Any, environ: Mapping[str, str]) -> Row:
    for name in REGION_VARIABLES:
        if environ.get(name):
            return Row(environ[name], "env", str(list(REGION_VARIABLES)))
    region = session.get_scoped_config().get("region")
    if region:
        return Row(region, "config-file", config_files(environ).config_shown)
    return UNSET


def run_list_profiles(args: Mapping[str, Any], context: Context) -> int:
    for name in read_full_config(config_files(context.env.environ)).profiles:
        context.write(name + "\n")
    return 0
