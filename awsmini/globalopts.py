"""Stage 1: argv -> GlobalOptions and the words left for the command.

Global options may stand anywhere on the line, before or after the service and
operation, as AWS CLI v2 accepts them: like v2, a first argparse pass takes
them (and the service word) and leaves everything else, in order, for the next
stages. Values are validated here (choices, integers) with v2's messages.
Must not import botocore or anything that opens a connection.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Sequence

from awsmini.errors import ParamValidationError, UsageError

OUTPUT_CHOICES = ("json", "text", "table", "yaml", "yaml-stream", "off")
COLOR_CHOICES = ("on", "off", "auto")
BINARY_FORMAT_CHOICES = ("base64", "raw-in-base64-out")


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


class _VersionRequested(Exception):
    pass


class _VersionAction(argparse.Action):
    """`--version` answers at once, before any other check, as argparse's version action does."""

    def __call__(self, parser, namespace, values, option_string=None):
        raise _VersionRequested()


def _build_parser() -> Parser:
    parser = Parser()
    add = parser.add_argument
    add("--debug", action="store_true")
    add("--endpoint-url")
    add("--no-verify-ssl", dest="verify_ssl", action="store_false")
    add("--no-paginate", dest="paginate", action="store_false")
    add("--output", choices=OUTPUT_CHOICES)
    add("--query")
    add("--profile")
    add("--region")
    add("--version", action=_VersionAction, nargs=0, default=False)
    add("--color", choices=COLOR_CHOICES, default="auto")
    add("--no-sign-request", dest="sign_request", action="store_false")
    add("--ca-bundle")
    add("--cli-read-timeout", dest="read_timeout", type=int)
    add("--cli-connect-timeout", dest="connect_timeout", type=int)
    add("--cli-binary-format", dest="binary_format", choices=BINARY_FORMAT_CHOICES)
    add("--no-cli-pager", dest="pager", action="store_false")
    add("--cli-auto-prompt", dest="auto_prompt", action="store_true", default=None)
    add("--no-cli-auto-prompt", dest="no_auto_prompt", action="store_true")
    add("command")
    return parser


def parse_global_options(argv: Sequence[str]) -> tuple[GlobalOptions, list[str]]:
    """Split argv into the global options (with the service word) and the rest.

    Raises UsageError for a bad value of a global option.
    """
    try:
        namespace, rest = _build_parser().parse_known_args(list(argv))
    except _VersionRequested:
        return GlobalOptions(version=True), []
    values = vars(namespace)
    no_prompt = values.pop("no_auto_prompt")
    if no_prompt:
        if values["auto_prompt"]:
            raise UsageError("Both --cli-auto-prompt and --no-cli-auto-prompt cannot be "
                             "specified at the same time.", )
        values["auto_prompt"] = False
    if values["endpoint_url"] is not None:
        _check_endpoint_url(values["endpoint_url"])
    return GlobalOptions(**values), rest


def _check_endpoint_url(url: str) -> None:
    """v2 refuses an endpoint URL without a scheme before anything else runs
    (`//host:1` would otherwise be sent as a path)."""
    from urllib.parse import urlparse

    if not urlparse(url).scheme:
        raise ParamValidationError(
            'Bad value for --endpoint-url "%s": scheme is missing.  Must be of the form '
            'http://<hostname>/ or https://<hostname>/' % url)
