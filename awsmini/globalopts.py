"""Stage 1: argv -> GlobalOptions and the words left for the command.

Global options may stand anywhere on the line, before or after the service and
operation, as AWS CLI v2 accepts them: like v2, a first argparse pass takes
them (and the service word) and leaves everything else, in order, for the next
stages. Values are validated here (choices, integers) with v2's messages.
The options are declared once, in GLOBAL_OPTIONS: the parser, the help pages
and the prompt's completions and docs all read that table. `first_pass` is
v2's first look at the line (`--debug` before anything else, the prompt's
flags), from the same table: it never raises for a bad value elsewhere.
Must not import botocore or anything that opens a connection.
"""
from __future__ import annotations

import argparse
import functools
from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import Sequence

from awsmini.errors import AwsminiError, OtherError, ParamValidationError, UsageError

OUTPUT_CHOICES = ("json", "text", "table", "yaml", "yaml-stream", "off")
COLOR_CHOICES = ("on", "off", "auto")
BINARY_FORMAT_CHOICES = ("base64", "raw-in-base64-out")
ERROR_FORMAT_CHOICES = ("legacy", "json", "yaml", "text", "table", "enhanced")


@dataclass(frozen=True)
class GlobalOptionSpec:
    """One global option as the parser takes it and help and the prompt document it.

    `action` is argparse's (`store`, `store_true`, `store_false`) or `version`;
    `dest` is the `GlobalOptions` field (default: the name with underscores);
    `type_name` is what `aws help` writes after the name (`boolean`, `int`, or
    `string`, which v2 writes for `--version` too); `is_client_option` marks the
    options that change where and how a request goes (the prompt's list calls
    for server-side values take those from its line).
    """

    name: str                     # without the leading "--"
    documentation: str
    action: str = "store"
    dest: str | None = None
    type_name: str = "string"
    choices: tuple[str, ...] = ()
    is_client_option: bool = False

    @property
    def takes_value(self) -> bool:
        return self.action == "store"

    @property
    def field(self) -> str:
        return self.dest or self.name.replace("-", "_")


_BOOLEAN = "boolean"

# v2's global options, in the order of `aws help` (v2: awscli/data/cli.json).
GLOBAL_OPTIONS: tuple[GlobalOptionSpec, ...] = (
    GlobalOptionSpec("debug", "Turn on debug logging.", "store_true", type_name=_BOOLEAN),
    GlobalOptionSpec("endpoint-url", "Override command's default URL with the given URL.",
                     is_client_option=True),
    GlobalOptionSpec(
        "no-verify-ssl",
        "By default, the AWS CLI uses SSL when communicating with AWS services. For each SSL "
        "connection, the AWS CLI will verify SSL certificates. This option overrides the "
        "default behavior of verifying SSL certificates.",
        "store_false", "verify_ssl", _BOOLEAN, is_client_option=True),
    GlobalOptionSpec(
        "no-paginate",
        "Disable automatic pagination. If automatic pagination is disabled, the AWS CLI will "
        "only make one call, for the first page of results.",
        "store_false", "paginate", _BOOLEAN),
    GlobalOptionSpec("output", "The formatting style for command output.",
                     choices=OUTPUT_CHOICES),
    GlobalOptionSpec("query", "A JMESPath query to use in filtering the response data."),
    GlobalOptionSpec("profile", "Use a specific profile from your credential file.",
                     is_client_option=True),
    GlobalOptionSpec("region", "The region to use. Overrides config/env settings.",
                     is_client_option=True),
    GlobalOptionSpec("version", "Display the version of this tool.", "version"),
    GlobalOptionSpec("color", "Turn on/off color output.", choices=COLOR_CHOICES),
    GlobalOptionSpec(
        "no-sign-request",
        "Do not sign requests. Credentials will not be loaded if this argument is provided.",
        "store_false", "sign_request", _BOOLEAN, is_client_option=True),
    GlobalOptionSpec(
        "ca-bundle",
        "The CA certificate bundle to use when verifying SSL certificates. Overrides "
        "config/env settings.", is_client_option=True),
    GlobalOptionSpec(
        "cli-read-timeout",
        "The maximum socket read time in seconds. If the value is set to 0, the socket read "
        "will be blocking and not timeout. The default value is 60 seconds.",
        dest="read_timeout", type_name="int", is_client_option=True),
    GlobalOptionSpec(
        "cli-connect-timeout",
        "The maximum socket connect time in seconds. If the value is set to 0, the socket "
        "connect will be blocking and not timeout. The default value is 60 seconds.",
        dest="connect_timeout", type_name="int", is_client_option=True),
    GlobalOptionSpec(
        "cli-binary-format",
        "The formatting style to be used for binary blobs. The default format is base64. The "
        "base64 format expects binary blobs to be provided as a base64 encoded string. The "
        "raw-in-base64-out format preserves compatibility with AWS CLI V1 behavior and binary "
        "values must be passed literally. When providing contents from a file that map to a "
        "binary blob ``fileb://`` will always be treated as binary and use the file contents "
        "directly regardless of the ``cli-binary-format`` setting. When using ``file://`` the "
        "file contents will need to properly formatted for the configured "
        "``cli-binary-format``.",
        dest="binary_format", choices=BINARY_FORMAT_CHOICES),
    GlobalOptionSpec("no-cli-pager", "Disable cli pager for output.", "store_false", "pager",
                     _BOOLEAN),
    GlobalOptionSpec("cli-auto-prompt", "Automatically prompt for CLI input parameters.",
                     "store_true", "auto_prompt", _BOOLEAN),
    GlobalOptionSpec("no-cli-auto-prompt",
                     "Disable automatically prompt for CLI input parameters.",
                     "store_true", "no_auto_prompt", _BOOLEAN),
    GlobalOptionSpec(
        "cli-error-format",
        "The formatting style for error output. By default, errors are displayed in enhanced "
        "format.",
        dest="error_format", choices=ERROR_FORMAT_CHOICES),
)
GLOBALS_BY_NAME = {spec.name: spec for spec in GLOBAL_OPTIONS}


@dataclass(frozen=True)
class GlobalOptions:
    """The global options of one command line; None means "not given"."""

    command: str | None = None
    debug: bool = False
    endpoint_url: str | None = None
    verify_ssl: bool = True
    paginate: bool = True
    output: str | None = None
    query: str | None = None
    profile: str | None = None
    region: str | None = None
    version: bool = False  # --version was given: print the version, nothing else
    color: str = "auto"
    sign_request: bool = True
    ca_bundle: str | None = None
    read_timeout: int | None = None
    connect_timeout: int | None = None
    binary_format: str | None = None
    pager: bool = True
    auto_prompt: bool | None = None
    error_format: str | None = None


class Parser(argparse.ArgumentParser):
    """argparse with v2's error behaviour: errors raise UsageError, choices read
    "Found invalid choice", and nothing is ever printed or exited here."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("add_help", False)
        kwargs.setdefault("prog", "aws")
        super().__init__(**kwargs)

    def error(self, message: str):
        raise UsageError(message)

    def _check_value(self, action: argparse.Action, value) -> None:
        if action.choices is not None and value not in action.choices:
            raise UsageError("argument %s: Found invalid choice '%s'"
                             % (argparse._get_action_name(action), value),
                             suggestions=get_close_matches(value, list(action.choices), cutoff=0.8))


class PromptFlagsConflict(UsageError):
    """Both `--cli-auto-prompt` and `--no-cli-auto-prompt`: v2 refuses the line first."""

    def __init__(self) -> None:
        super().__init__("Both --cli-auto-prompt and --no-cli-auto-prompt cannot be "
                         "specified at the same time.")


@dataclass(frozen=True)
class FirstPass:
    """What the first look at a command line found.

    `options` are its global options, or when they do not all parse, its flags
    alone (the options that take no value: `--debug`, `--cli-auto-prompt`, ...),
    as v2's first pass finds `--debug` whatever else the line holds; `words`
    are the words left after the global options (none then), and `error` is
    why they did not parse, which the driver's parse raises again in turn.
    """

    options: GlobalOptions
    words: tuple[str, ...] = ()
    error: AwsminiError | None = field(default=None, compare=False)

    @property
    def is_shell_command(self) -> bool:
        """`awsmini shell`, possibly with global options: the shell as a command."""
        return self.error is None and self.options.command == "shell" and not self.words


class _VersionRequested(Exception):
    pass


class _VersionAction(argparse.Action):
    """`--version` answers at once, before any other check, as argparse's version action does."""

    def __call__(self, parser, namespace, values, option_string=None):
        raise _VersionRequested()


@functools.lru_cache(maxsize=None)
def _build_parser(flags_only: bool = False) -> Parser:
    """The parser of GLOBAL_OPTIONS (of its flags alone with `flags_only`); what is
    not given is absent from its namespace, so GlobalOptions' own defaults apply.
    Built once: parsing leaves a parser as it was."""
    parser = Parser(argument_default=argparse.SUPPRESS)
    for spec in GLOBAL_OPTIONS:
        if flags_only and spec.action not in ("store_true", "store_false"):
            continue
        kwargs: dict = {"dest": spec.field}
        if spec.action == "version":
            kwargs.update(action=_VersionAction, nargs=0)
        elif spec.action != "store":
            kwargs["action"] = spec.action
        if spec.type_name == "int":
            kwargs["type"] = int
        if spec.choices:
            kwargs["choices"] = spec.choices
        parser.add_argument("--" + spec.name, **kwargs)
    if not flags_only:
        parser.add_argument("command", default=None)
    return parser


def parse_global_options(argv: Sequence[str]) -> tuple[GlobalOptions, list[str]]:
    """Split argv into the global options (with the service word) and the rest.

    Raises UsageError for a bad value of a global option.
    """
    try:
        namespace, rest = _build_parser().parse_known_args(list(argv))
    except _VersionRequested:
        return GlobalOptions(version=True), []
    values = _prompt_flags(vars(namespace))
    if values.get("endpoint_url") is not None:
        _check_endpoint_url(values["endpoint_url"])
    return GlobalOptions(**values), rest


def first_pass(argv: Sequence[str]) -> FirstPass:
    """The global options of argv as far as they parse; never raises."""
    try:
        options, words = parse_global_options(argv)
        return FirstPass(options, tuple(words))
    except AwsminiError as error:
        try:
            namespace, _ = _build_parser(flags_only=True).parse_known_args(list(argv))
            values = _prompt_flags(vars(namespace))
        except PromptFlagsConflict:
            values = {key: value for key, value in vars(namespace).items()
                      if key != "no_auto_prompt"}
        except UsageError:  # an abbreviation that could be two flags
            values = {}
        return FirstPass(GlobalOptions(**values), (), error)


def _prompt_flags(values: dict) -> dict:
    """The two prompt flags as one `auto_prompt` value (None when neither is given)."""
    if values.pop("no_auto_prompt", False):
        if values.get("auto_prompt"):
            raise PromptFlagsConflict()
        values["auto_prompt"] = False
    return values


def _check_endpoint_url(url: str) -> None:
    """v2 refuses an endpoint URL without a scheme before anything else runs
    (`//host:1` would otherwise be sent as a path)."""
    from urllib.parse import urlparse

    try:
        scheme = urlparse(url).scheme
    except ValueError as error:  # `http://[::1`: v2's general error names it (255)
        raise OtherError(str(error)) from None
    if not scheme or not scheme[0].isalpha():  # 3.9 takes `127.0.0.1:1` for a scheme
        raise ParamValidationError(
            'Bad value for --endpoint-url "%s": scheme is missing.  Must be of the form '
            'http://<hostname>/ or https://<hostname>/' % url)
