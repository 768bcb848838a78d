"""run(argv, env) -> int: the stages of one command, called in order.

Each stage is one call with a named result; this module is the table of
contents of awsmini. It prints nothing itself and catches nothing: errors
travel up to `main.py`, the one place that turns them into exit codes.
"""
from __future__ import annotations

from typing import Any, Iterator, Mapping, Sequence

from awsmini import __version__
from awsmini.aliases import (ShellAlias, builtin_checker, expand_aliases, read_aliases,
                             run_shell_alias)
from awsmini.arguments import ArgSpec, build_arguments, has_streaming_output
from awsmini.argv_parse import ParsedArgs, parse_arguments
from awsmini.commands import Invocation, has_default_command
from awsmini.configpaths import expand
from awsmini.cli_input import merge_cli_input, read_cli_input, relaxes_required
from awsmini.custom import Customization, lookup
from awsmini.env import Env
from awsmini.errors import UsageError
from awsmini.globalopts import GlobalOptions, parse_global_options
from awsmini.pager import Pager, choose_pager, write_output
from awsmini.paginate import (PagingArguments, PagingPlan, add_paging_arguments,
                              paginator_config, plan_paging, with_default_page_size)
from awsmini.paginate import documents as paged_documents
from awsmini.query import compile_query
from awsmini.resolve import Command, check_command_word, resolve_command
from awsmini.settings import Settings


def run(argv: Sequence[str], env: Env) -> int:
    """Run one command line; return its exit code."""
    aliases = read_aliases(env.environ)  # v2 reads the file before anything else
    options, words = parse_global_options(argv)                          # 1
    if aliases:
        line = expand_aliases(options, words, aliases, builtin_checker(env.environ))
        if isinstance(line, ShellAlias):
            return run_shell_alias(line, env)
        options, words = line
    if options.version:
        write_output(iter([version_string() + "\n"]), env, None)
        return 0
    assert options.command is not None  # the parser requires the word unless --version
    if options.command == "help" or "help" in words[:3]:  # `wait <waiter> help` too
        from awsmini.help import is_help_request, run_help

        if is_help_request(options.command, words):
            return run_help(options.command, words, env, options)
    if not words and not has_default_command(options.command):
        check_command_word(options.command, env.environ)  # v2: an unknown word is named first
        raise UsageError("the following arguments are required: operation")
    command = resolve_command(options.command, words, env.environ)      # 2, 3
    if isinstance(command, Invocation):  # v2's hand-written commands (`s3 cp`)
        from awsmini.commands import run_command

        return run_command(command, options, env)
    custom = lookup(command.service_cli_name, command.cli_name)           # 4-9
    specs, paging_arguments = argument_table(command, custom, env)       # 4, 10
    parsed = parse_arguments(specs, command.args, relaxes_required(specs, command.args))  # 5
    paging = plan_paging(paging_arguments, parsed, options.paginate, custom.stops_paging)  # 10
    settings = Settings(options, env.environ)
    params = unpack_parameters(specs, parsed, paging, command, custom, env)  # 6
    cli_input = read_cli_input(parsed.options, env)                      # 7
    skeleton_form = parsed.options.get("generate-cli-skeleton")
    if skeleton_form in ("input", "yaml-input"):                         # 7'
        from awsmini.skeleton import render_input

        write_output(iter([render_input(command.model, command.api_name, skeleton_form)]),
                     env, None)
        return 0
    params = merge_cli_input(params, cli_input)
    query = compile_query(options.query)                                 # 11
    output = settings.output()
    pager = choose_pager(env, *settings.pager())                         # 13
    if skeleton_form == "output":                                        # 7'
        from awsmini.skeleton import fake_response

        documents = iter([fake_response(command.model, command.api_name,
                                        request_parameters(params, command, custom, options,
                                                           settings))])
    else:
        documents = send_request(command, custom, params, parsed, paging, output,  # 9
                                 options, settings, env)
    return emit(documents, command, query, output, options, pager, env)  # 12, 13


def argument_table(command: Command, custom: Customization,
                   env: Env) -> tuple[dict[str, ArgSpec], PagingArguments]:
    """The operation's argument table, final before parsing: with v2's paging options
    when the operation pages, and what paging added and shadowed in it."""
    paging_model = (None if command.waiter is not None  # a waiter's polls are not paged
                    else paginator_config(command.service_name, command.api_name, env.environ))
    return add_paging_arguments(
        build_arguments(command.model, command.api_name, command.service_cli_name, custom),
        command.model, command.api_name, paging_model)


def send_request(command: Command, custom: Customization, params: dict[str, Any],
                 parsed: ParsedArgs, paging: PagingPlan, output: str, options: GlobalOptions,
                 settings: Settings, env: Env) -> Iterator[Any]:
    """The response documents: one, or one per page (merged unless `output` streams)."""
    from awsmini.call import call_operation, create_client, paginate_operation, wait_for

    client = create_client(command, options, settings, env.environ)
    if custom.before_call is not None:  # v2's arguments that ask the service first
        from awsmini.call import other_operation

        params = custom.before_call(params, parsed.options,
                                    other_operation(command, options, settings, env.environ))
    params = request_parameters(params, command, custom, options, settings)
    if command.waiter is not None:  # `wait <waiter>` prints nothing
        wait_for(client, command, params)
        return iter(())
    if paging.is_enabled:
        config = with_default_page_size(paging.config, params, custom.default_page_size)
        return paged_documents(paginate_operation(client, command, params, config), output)
    response = call_operation(client, command, params, _payload_file(command, parsed),
                              _saved_parts(custom, parsed, env))
    if custom.after_call is not None:  # v2's after-call handlers of the operation
        response = custom.after_call(response, parsed.options, env)
    return iter([response])


def _payload_file(command: Command, parsed: ParsedArgs) -> str | None:
    """The positional `outfile` of a blob-payload output; `iam create-virtual-mfa-device
    --outfile` is v2's option of another kind, read by its after-call handler."""
    if not has_streaming_output(command.model, command.api_name):
        return None
    return parsed.options.get("outfile")


def _saved_parts(custom: Customization, parsed: ParsedArgs, env: Env) -> dict[str, str]:
    """{file: JMESPath} of the operation's `--*-outfile` options given (v2's iot ones),
    each path's variables and `~` expanded from the run's environment, as v2 expands them."""
    return {expand(parsed.options[spec.cli_name], env.environ): spec.saves
            for spec in custom.added
            if spec.saves and parsed.options.get(spec.cli_name) is not None}


def unpack_parameters(specs: Mapping[str, ArgSpec], parsed: ParsedArgs, paging: PagingPlan,
                      command: Command, custom: Customization, env: Env) -> dict[str, Any]:
    """The API parameters from the raw values of the arguments given (with the
    operation's own paging arguments when not paginating), then from v2's hand-made
    arguments of the operation, if it has any; v2 checks how they mix before it
    reads any value."""
    members = [*((specs[name], raw) for name, raw in parsed.members.items()), *paging.restored]
    if custom.check is not None:
        custom.check(parsed.options, [spec.cli_name for spec, _ in members])
    params: dict[str, Any] = {}
    if members:  # else (a bare skeleton) the value parsers are not even imported
        from awsmini.values.unpack import unpack_argument

        params = {spec.member_name: unpack_argument(spec, raw, command.model, env,
                                                    command.api_name)
                  for spec, raw in members}
    for spec in custom.added:
        raw = parsed.options.get(spec.cli_name)
        if spec.fills is not None and raw is not None:
            from awsmini.values.unpack import load_argument_file

            value = load_argument_file(spec, raw, env)
            if spec.is_local_path and isinstance(value, str):
                value = expand(value, env.environ)
            spec.fills(params, value)
    return params


def request_parameters(params: dict[str, Any], command: Command, custom: Customization,
                       options: GlobalOptions, settings: Settings) -> dict[str, Any]:
    """The parameters as the call takes them: blob strings base64-decoded unless
    `--cli-binary-format raw-in-base64-out`, then rearranged as v2 rearranges the
    operation's (`ec2 run-instances`: the subnet moved into the network interface the
    shortcuts made; `ec2 bundle-instance`: the upload policy signed, decoded), and v2's
    defaults where absent (one instance). v2 does these as the call is made, after
    every argument is read (their errors come first), and decodes before it rearranges."""
    if _binary_format(command, options, settings) == "base64":
        from awsmini.values.unpack import decode_input_blobs

        params = decode_input_blobs(params, command.model, command.api_name)
    if custom.adjust is not None:
        params = custom.adjust(params)
    if custom.call_defaults:
        params = {**custom.call_defaults, **params}
    return params


def _binary_format(command: Command, options: GlobalOptions, settings: Settings) -> str:
    if any(shape.get("type") == "blob" for shape in command.model.shapes.values()):
        return settings.binary_format()
    return "base64"


def emit(documents: Iterator[Any], command: Command, query: Any, output: str,
         options: GlobalOptions, pager: Pager | None, env: Env) -> int:
    """Query and render each document, and write it to stdout or the pager."""
    from awsmini.output import FORMATTERS, RenderOptions, use_color
    from awsmini.pager import output_width
    from awsmini.query import apply_query

    render = FORMATTERS[output]
    render_options = RenderOptions(title=command.api_name, width=output_width(env),
                                   color=use_color(options.color, env.stdout_isatty,
                                                   env.environ))
    write_output((chunk for document in documents
                  for chunk in render(apply_query(query, document), render_options)),
                 env, pager)
    return 0


def version_string() -> str:
    import platform

    import botocore

    return "awsmini/%s Python/%s %s/%s botocore/%s" % (
        __version__, platform.python_version(), platform.system(), platform.release(),
        botocore.__version__)
