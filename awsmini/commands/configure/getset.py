"""`configure get` and `configure set`: one value, by name, from or to the files.

Reads and writes through `files`, `names`, `editor` and `store` only: no
botocore, no network, so that `configure get` starts as fast as Python does.
Values are never logged (they may be secrets).
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.configure import names
from awsmini.commands.configure.editor import InvalidValue, update_section
from awsmini.commands.configure.files import (config_files, parse_ini,
                                              read_full_config)
from awsmini.commands.configure.permissions import warn_if_permissive
from awsmini.commands.configure.store import edit_file
from awsmini.errors import OtherError, ParamValidationError

_SUBSECTION_NAME = re.compile(r"[\w\d_\-/.%@:\+]+")


def run_get(args: Mapping[str, Any], context: Context) -> int:
    """Print the value; 1 when it is not set, or names a section."""
    environ = context.env.environ
    config = read_full_config(config_files(environ))
    name = args["varname"]
    subsection = _subsection(args)
    try:
        if subsection is not None:
            value = names.get_subsection_value(*subsection, name, config)
        else:
            value = names.get_value(name, context.settings.named_profile, config)
    except names.ProfileNotFound as error:
        raise OtherError("The config profile (%s) could not be found" % error.args[0]) from error
    except LookupError as error:
        raise OtherError(str(error.args[0])) from error
    if isinstance(value, str):
        context.write(value + "\n")
        return 0
    if isinstance(value, dict):  # v2 writes this without a newline
        context.warn("varname (%s) must reference a value, not a section or sub-section."
                     % name)
    return 1


def run_set(args: Mapping[str, Any], context: Context) -> int:
    """Write the value to the config file, or a key to the credentials file."""
    environ = context.env.environ
    files = config_files(environ)
    subsection = _subsection(args)
    if subsection is not None:
        try:
            target = names.subsection_target(*subsection, args["varname"], args["value"])
        except ValueError as error:
            raise ParamValidationError(str(error)) from error
    else:
        target = names.set_target(args["varname"], args["value"],
                                  context.settings.named_profile)
    path = files.credentials if target.is_credentials else files.config
    write_values(path, target.section, target.values)
    if target.is_credentials:
        warn_if_permissive(path, context)
    return 0


def write_values(path: str, section: str, values: Mapping[str, Any]) -> None:
    """Set `values` in `[section]` of the file at `path`, which must parse as INI first
    (a malformed file is reported and left as it is)."""
    def edit(text: str) -> str:
        parse_ini(text, path)
        try:
            return update_section(text, section, values)
        except InvalidValue as error:
            raise OtherError(str(error)) from error

    edit_file(path, edit)


def _subsection(args: Mapping[str, Any]) -> tuple[str, str] | None:
    """(kind, name) of the `--sso-session` or `--services` given (at most one, as v2
    checks), or None."""
    given = [(kind, str(args[kind])) for kind in names.SUBSECTION_KINDS
             if args.get(kind) is not None]
    if len(given) > 1:
        first, second = (kind.replace("-", "_") for kind, _ in given)
        raise ParamValidationError('The key "%s" cannot be specified when one of the '
                                   'following keys are also specified: %s' % (second, first))
    if not given:
        return None
    kind, section = given[0]
    if not _SUBSECTION_NAME.match(section):
        raise ParamValidationError("Invalid value for --%s." % kind)
    return kind, section
