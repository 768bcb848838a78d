"""An error family and an error format -> the text AWS CLI v2 writes to stderr for it.

`--cli-error-format` (or `AWS_CLI_ERROR_FORMAT`, or `cli_error_format` in the
profile) chooses how `main.py` reports an error. The rules follow v2's
`awscli/errorhandler.py`:

- Structured families carry v2's *error info*, a mapping with `Code` and
  `Message`: usage and parameter errors (`ParamValidation`, the message
  followed by the usage banner when there is one), configuration errors
  (`NoRegion`, `NoCredentials`, `Pager`, else `Configuration`) and service
  errors (the response's `Error` and the error shape's modelled fields, as
  `call.py` collects them). Unknown options, Ctrl-C and everything else
  (exit 255) are always written as plain text.
- `enhanced` (the default): `<prog>: [ERROR]: An error occurred (<Code>): <Message>`
  (for service errors, botocore's own sentence), then for service errors the
  fields other than code and message under `Additional error details:`:
  scalars as they are, lists and mappings of fewer than five scalars inline,
  anything larger as `<complex value>` with a hint to use another format.
- `legacy`: the message alone (service errors: botocore's sentence), no details.
- `json`, `yaml`, `text`, `table`: the error info written by the normal output
  formatters (`output/`), the table titled `error`; no `[ERROR]` line.

An unknown value from the environment or the profile means `enhanced` (v2 says
so only in its debug log). Pure: takes the error and the format, returns text.
"""
from __future__ import annotations

import logging
from typing import Any, Mapping

from awsmini.errors import (AwsminiError, ConfigurationError, ServiceError,
                            UnknownOptionsError, UsageError)
from awsmini.globalopts import ERROR_FORMAT_CHOICES

LOG = logging.getLogger("awsmini")

DEFAULT_FORMAT = "enhanced"
STRUCTURED_FORMATS = ("json", "yaml", "text", "table")
USAGE = (
    "usage: {prog} [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
    "To see help text, you can run:\n"
    "\n"
    "  {prog} help\n"
    "  {prog} <command> help\n"
    "  {prog} <command> <subcommand> help\n"
)
# v2 shows a collection inline when it has fewer items than this, all of them scalars.
_INLINE_LIMIT = 5
_COMPLEX_HINT = ('Use "--cli-error-format json" or another error format to see the full '
                 'details.')


def choose_error_format(value: Any) -> str:
    """The format named by a setting's value (case-insensitive); `enhanced` when unset or unknown."""
    if value is None or value == "":
        return DEFAULT_FORMAT
    name = str(value).lower()
    if name not in ERROR_FORMAT_CHOICES:
        LOG.debug("Invalid cli_error_format: '%s'. Using 'enhanced' format.", name)
        return DEFAULT_FORMAT
    return name


def error_info(error: AwsminiError, prog: str) -> dict[str, Any] | None:
    """v2's error info of a structured family (`Code`, `Message`, modelled fields), else None."""
    if isinstance(error, ServiceError):
        return dict(error.fields) if error.fields is not None else None
    if isinstance(error, UsageError):
        return {"Code": "ParamValidation", "Message": _usage_message(error, prog)}
    if isinstance(error, ConfigurationError):
        return {"Code": error.code or "Configuration", "Message": error.message}
    return None


def render_error(error: AwsminiError, error_format: str, prog: str, width: int = 80,
                 color: bool = False) -> str:
    """What is written to stderr for `error` in `error_format` (a value of ERROR_FORMAT_CHOICES).

    `width` and `color` are the table's, as for the normal output.
    """
    info = error_info(error, prog)
    if info is not None and error_format in STRUCTURED_FORMATS:
        try:
            return _render_structured(info, error_format, width, color)
        except Exception:  # v2 falls back to the plain message when a formatter fails
            LOG.debug("Failed to display structured error", exc_info=True)
            return _plain(error, info, prog, with_code=False)
    return _plain(error, info, prog, with_code=error_format != "legacy")


def _render_structured(info: Mapping[str, Any], error_format: str, width: int,
                       color: bool) -> str:
    from awsmini.output import FORMATTERS, RenderOptions

    return "".join(FORMATTERS[error_format](dict(info), RenderOptions(
        title="error", width=width, color=color)))


def _plain(error: AwsminiError, info: Mapping[str, Any] | None, prog: str,
           with_code: bool) -> str:
    """`<prog>: [ERROR]: ...` after a blank line: enhanced (`with_code`) or legacy."""
    if isinstance(error, ServiceError):
        lines = ["", "%s: [ERROR]: %s" % (prog, error.message.strip())]
        if with_code and info is not None:
            lines += _additional_details(info)
        return "\n".join(lines) + "\n"
    if info is None:  # plain families: the same in every format
        lines = ["", "%s: [ERROR]: %s" % (prog, error.error_text().strip())]
        if isinstance(error, UnknownOptionsError) and error.show_usage:
            lines += ["", USAGE.format(prog=prog).rstrip("\n")]
        return "\n".join(lines) + "\n"
    message = str(info["Message"]).strip()
    if with_code:
        message = "An error occurred (%s): %s" % (info["Code"], message)
    return "\n%s: [ERROR]: %s\n" % (prog, message)


def _usage_message(error: UsageError, prog: str) -> str:
    """A usage error's message as v2's argparse builds it: the banner follows a usage error."""
    if not error.show_usage:
        return error.message
    # argparse's format_usage(): the banner and one newline.
    message = "%s\n\n%s" % (error.message, USAGE.format(prog=prog))
    if error.suggestions:
        message += "\nInvalid choice, maybe you meant:\n\n" + "\n".join(
            "  * %s" % word for word in error.suggestions)
    return message


def _additional_details(info: Mapping[str, Any]) -> list[str]:
    """v2's `Additional error details:` block: the fields other than code and message."""
    fields = {key: value for key, value in info.items()
              if key.lower() not in ("code", "message")}
    if not fields:
        return []
    lines = ["", "Additional error details:"]
    has_complex = False
    for key, value in fields.items():
        if _is_scalar(value):
            lines.append("%s: %s" % (key, value))
        elif _is_small_collection(value):
            lines.append("%s: %s" % (key, _inline(value)))
        else:
            lines.append("%s: <complex value>" % key)
            has_complex = True
    if has_complex:
        lines.append(_COMPLEX_HINT)
    return lines


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _is_small_collection(value: Any) -> bool:
    if isinstance(value, list):
        return len(value) < _INLINE_LIMIT and all(map(_is_scalar, value))
    if isinstance(value, dict):
        return len(value) < _INLINE_LIMIT and all(map(_is_scalar, value.values()))
    return False


def _inline(value: list | dict) -> str:
    """`[a, b]` or `{k: v, k2: v2}`: Python's `str()` of each item, as v2 writes them."""
    if isinstance(value, list):
        return "[%s]" % ", ".join(str(item) for item in value)
    return "{%s}" % ", ".join("%s: %s" % (key, item) for key, item in value.items())
