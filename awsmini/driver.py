"""run(argv, env) -> int: the stages of one command, called in order.

Each stage is one call with a named result; this module is the table of
contents of awsmini. It prints nothing itself and catches nothing: errors
travel up to `main.py`, the one place that turns them into exit codes.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from awsmini import __version__
from awsmini.arguments import ArgSpec, build_arguments
from awsmini.argv_parse import ParsedArgs, parse_arguments
from awsmini.env import Env
from awsmini.errors import UsageError
from awsmini.globalopts import GlobalOptions, parse_global_options
from awsmini.resolve import Command, resolve_command
from awsmini.settings import Settings


def run(argv: Sequence[str], env: Env) -> int:
    """Run one command line; return its exit code."""
    options, words = parse_global_options(argv)                          # 1
    if options.version:
        env.stdout.write(version_string() + "\n")
        return 0
    if not words:
        raise UsageError("the following arguments are required: operation")
    command = resolve_command(options.command, words, env.environ)      # 2, 3
    specs = build_arguments(command.model, command.api_name,            # 4
                            command.service_cli_name)
    parsed = parse_arguments(specs, command.args)                        # 5
    settings = Settings(options, env.environ)
    params = unpack_parameters(specs, parsed, command, options, settings, env)  # 6
    from awsmini.call import call_operation, create_client

    client = create_client(command, options, settings, env.environ)     # 9
    response = call_operation(client, command, params)
    return emit(response, command, options, settings, env)               # 12, 13


def unpack_parameters(specs: Mapping[str, ArgSpec], parsed: ParsedArgs, command: Command,
                      options: GlobalOptions, settings: Settings, env: Env) -> dict[str, Any]:
    """The API parameters from the raw values of the arguments given."""
    from awsmini.values.unpack import unpack_argument

    binary_format = "base64"
    if any(shape.get("type") == "blob" for shape in command.model.shapes.values()):
        binary_format = options.binary_format or settings.get("cli_binary_format") or "base64"
    return {specs[name].member_name: unpack_argument(specs[name], raw, command.model, env,
                                                     binary_format)
            for name, raw in parsed.members.items()}


def emit(response: dict, command: Command, options: GlobalOptions, settings: Settings,
         env: Env) -> int:
    """Write the response as v2 prints it; an empty response prints nothing."""
    import json

    if response:
        env.stdout.write(json.dumps(response, indent=4, ensure_ascii=False, default=str) + "\n")
    return 0


def version_string() -> str:
    import platform

    import botocore

    return "awsmini/%s Python/%s %s/%s botocore/%s" % (
        __version__, platform.python_version(), platform.system(), platform.release(),
        botocore.__version__)
