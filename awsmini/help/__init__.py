"""`help` pages: which page the words ask for, its model data, the rendered text, the display.

Takes the service word and the words after it (global options already
removed); writes the page and returns exit code 0. v2 recognises `help` as
the service word (`aws help`, `aws help topics`, `aws help <topic>`: see
`topics.py`), as the operation word (`aws iot help`), and as
the only word after the operation (`aws iot cancel-job-execution help`), the
`wait` command (`aws ec2 wait help`) or a waiter (`aws ec2 wait
instance-running help`).
The page is rendered here, offline, from the models (see `render.py`): no
groff, no botocore session or client. EXAMPLES come from an installed AWS
CLI's example files when there is one (v2 ships them; the models do not).
Display: plain text when stdout is not a
terminal (v2 pipes through `less` and doubles every bold letter); on a
terminal with bold and underline, through `MANPAGER`, else `PAGER`, else
`less -R` as overstrikes, with Ctrl-C ignored while it runs, and printed
directly in ANSI bold when that pager is not installed. The
config value `cli_help_output` (`url`, `browser`) gives the online page instead.
"""
from __future__ import annotations

import os
import shlex
from typing import Callable, Mapping, Sequence

from awsmini import commands, models
from awsmini.arguments import ArgSpec, build_arguments, cli_name
from awsmini.custom import lookup
from awsmini.env import Env
from awsmini.globalopts import GlobalOptions
from awsmini.help.pages import (OperationHelp, family_sections,
                                operation_sections, service_sections, top_sections)
from awsmini.help import topics
from awsmini.help.render import Mark, ansi, overstrike, render_page
from awsmini.paginate import PagingArguments, add_paging_arguments, paginator_config
from awsmini.pager import Pager, find_program, write_output
from awsmini.resolve import (WAIT, check_service, operation_table, resolve_command,
                             resolve_operation, service_cli_names, waiter_table)
from awsmini.settings import Settings

HELP_WORD = "help"
DEFAULT_PAGER = "less -R"
DOCS_URL = "https://awscli.amazonaws.com/v2/documentation/api/latest/reference/"
TOPICS_URL = "https://awscli.amazonaws.com/v2/documentation/api/latest/topic/"


def is_help_request(service_word: str | None, words: Sequence[str]) -> bool:
    """Whether the command line asks for a help page rather than an operation."""
    if service_word == HELP_WORD:
        return True
    words = list(words)
    return bool(words) and (words == [HELP_WORD] or words[1:] == [HELP_WORD]
                            or (words[0] == WAIT and words[2:] == [HELP_WORD]))


def run_help(service_word: str, words: Sequence[str], env: Env,
             options: GlobalOptions | None = None) -> int:
    """Show the page the words ask for; 0, or a UsageError for unknown names.

    The profile's `cli_help_output` may ask for the page's online address
    instead: `url` prints it (no newline, as v2), `browser` opens it.
    """
    output = Settings(options or GlobalOptions(), env.environ).help_output()
    if output in ("url", "browser"):
        url = help_url(service_word, words, env.environ)
        if output == "url":
            env.stdout.write(url)
        else:
            import webbrowser

            webbrowser.open(url)
        return 0
    show(lambda mark=None: help_lines(service_word, words, env.environ, mark), env)
    return 0


def help_url(service_word: str, words: Sequence[str], environ: Mapping[str, str]) -> str:
    """The page's address in the AWS CLI v2 command reference (names checked first)."""
    if service_word == HELP_WORD and words and topics.is_topic(words[0]):
        name, _ = topics.page_sections(words[0])  # an unknown topic: v2's usage error
        return TOPICS_URL + ("index.html" if name == topics.TOPICS_WORD else name + ".html")
    if service_word == HELP_WORD:
        return DOCS_URL + "index.html"
    if service_word == topics.SHELL_WORD:
        return DOCS_URL + "index.html"  # v2 has no shell: its reference's first page
    if not commands.is_whole_family(service_word):
        check_service(service_word, environ)
    if list(words) == [HELP_WORD]:
        return DOCS_URL + "%s/index.html" % service_word
    if list(words) == [WAIT, HELP_WORD]:
        return DOCS_URL + "%s/wait/index.html" % service_word
    command = resolve_command(service_word, list(words[:-1]), environ)
    if isinstance(command, commands.Invocation):
        return DOCS_URL + "%s/%s.html" % (service_word, command.command.name)
    if command.waiter is not None:
        return DOCS_URL + "%s/wait/%s.html" % (service_word, cli_name(command.waiter))
    return DOCS_URL + "%s/%s.html" % (service_word, command.cli_name)


def help_lines(service_word: str, words: Sequence[str], environ: Mapping[str, str],
               mark: Mark | None = None) -> list[str]:
    """The lines of the requested page: plain text, or bold and underline shown by `mark`."""
    if service_word == HELP_WORD and words:
        name, sections = topics.page_sections(words[0])
        return render_page(name, sections, mark)
    if service_word == HELP_WORD:
        # `shell` is awsmini's command word beside v2's (main.py runs it)
        return render_page("aws", top_sections(sorted(service_cli_names(environ)
                                                      + [topics.SHELL_WORD])), mark)
    if service_word == topics.SHELL_WORD and list(words) == [HELP_WORD]:
        name, sections = topics.page_sections(topics.SHELL_WORD)
        return render_page(name, sections, mark)
    if list(words) == [HELP_WORD] and commands.is_whole_family(service_word):
        family = commands.family_module(service_word)
        default = getattr(family, "DEFAULT", None)
        if default is not None and not family.COMMANDS:  # type: ignore[union-attr]
            # a command word without subcommands (`login`): the page of its command
            page = command_help(service_word, default)
            return render_page(page.cli_name, operation_sections(page), mark)
        return render_page(service_word, family_sections(
            service_word, family.DESCRIPTION,  # type: ignore[union-attr]
            commands.subcommand_words(service_word)), mark)
    if list(words) == [HELP_WORD]:
        service = check_service(service_word, environ)
        operations = list(operation_table(service, environ))  # without v2's removals
        # a hand-written command may replace an operation of its name (`ssm start-session`)
        operations.extend(word for word in commands.subcommand_words(service_word)
                          if word not in operations and _is_listed(service_word, word))
        if models.waiters(service, environ):
            operations.append(WAIT)
        documentation = models.service_documentation(service, environ)
        return render_page(service_word, service_sections(
            service_word, documentation, sorted(operations),
            lookup(service_word, "").help_note), mark)  # the service's own note, if any
    if list(words) == [WAIT, HELP_WORD]:
        service = check_service(service_word, environ)
        waiters = sorted(waiter_table(service, environ))
        if not waiters:
            resolve_command(service_word, [WAIT], environ)  # v2's invalid choice
        return render_page(WAIT, service_sections(WAIT, WAIT_DESCRIPTION, waiters), mark)
    invocation = commands.find_command(service_word, list(words[:-1]))
    page = (command_help(service_word, invocation.command) if invocation is not None
            else operation_help(service_word, list(words[:-1]), environ))
    return render_page(page.cli_name, operation_sections(page), mark)


def command_help(service_word: str, command: commands.CustomCommand) -> OperationHelp:
    """A hand-written command's page, from its declaration (nothing of it is imported to run)."""
    return OperationHelp(
        cli_name=command.name, api_name="", documentation=command.description,
        service_uid=None, shapes=command.shapes, arguments=command.arguments,
        output_shape=None, examples=_examples(service_word, command.name),
        usage=command.usage)


WAIT_DESCRIPTION = ("Wait until a particular condition is satisfied. Each subcommand polls an "
                    "API until the listed requirement is met.")


def operation_help(service_word: str, words: Sequence[str],
                   environ: Mapping[str, str]) -> OperationHelp:
    """Everything the operation page shows, from the operation's model slice.

    `words` name the operation, or `wait` and a waiter: its page is the polled
    operation's, with the waiter's description and no output, as v2 makes it.
    """
    command = resolve_operation(service_word, words, environ)
    model = command.model
    operation = model.operations[command.api_name]
    custom = lookup(command.service_cli_name, command.cli_name)
    specs = build_arguments(model, command.api_name, command.service_cli_name, custom)
    if command.waiter is not None:
        config = models.waiters(command.service_name, environ)[command.waiter]
        return OperationHelp(
            cli_name=cli_name(command.waiter), api_name=command.api_name,
            documentation=waiter_description(config), service_uid=model.metadata.get("uid"),
            shapes=model.shapes, arguments=tuple(specs.values()), output_shape=None,
            input_shape=operation.get("input", {}).get("shape"))
    paginator = paginator_config(command.service_name, command.api_name, environ)
    _, paging = add_paging_arguments(specs, model, command.api_name, paginator)
    arguments = _documented_arguments(specs, paging)
    return OperationHelp(
        cli_name=command.cli_name,
        api_name=command.api_name,
        documentation=operation.get("documentation", ""),
        service_uid=model.metadata.get("uid"),
        shapes=model.shapes,
        arguments=arguments,
        output_shape=operation.get("output", {}).get("shape"),
        input_shape=operation.get("input", {}).get("shape"),
        examples=_examples(command.service_cli_name, command.cli_name),
        note=custom.help_note,
        output_note=custom.output_note,
        option_notes=custom.option_notes,
        output_replacements=custom.output_replacements,
    )


_SUCCESS_WORDING = {"error": "%s is thrown ", "path": "%s ", "pathAll": "%s for all elements ",
                    "pathAny": "%s for any element ", "status": "%s response is received "}


def waiter_description(config: Mapping) -> str:
    """The waiter's description, or v2's sentence made from its success acceptor."""
    description = config.get("description") or ""
    if not description:
        description = "Wait until "
        for acceptor in config.get("acceptors", []):
            if acceptor.get("state") == "success":
                matcher = acceptor.get("matcher", "")
                wording = _SUCCESS_WORDING.get(matcher, "%s ")
                if matcher in ("path", "pathAny", "pathAll"):
                    wording = "JMESPath query %s returns " % acceptor.get("argument") + wording
                description += wording % (acceptor.get("expected"),)
                break
        description += "when polling with ``%s``." % cli_name(config.get("operation", ""))
    return description + (" It will poll every %s seconds until a successful state has been "
                          "reached. This will exit with a return code of 255 after %s failed "
                          "checks." % (config.get("delay"), config.get("maxAttempts")))


def _documented_arguments(specs: Mapping[str, ArgSpec],
                          paging: PagingArguments) -> tuple[ArgSpec, ...]:
    """v2's documented arguments: paging members hidden, the paging options the
    operation gets (paginate.py decides them, as for the parser) after cli-input."""
    paginator = paging.config
    if not paginator:
        return tuple(specs.values())
    hidden = paginator.get("input_token", [])
    hidden = {hidden} if isinstance(hidden, str) else set(hidden)
    if paginator.get("limit_key"):
        hidden.add(paginator["limit_key"])
    arguments = []
    for spec in specs.values():
        if spec.member_name in hidden and not spec.is_cli_only:
            continue
        arguments.append(spec)
        if spec.cli_name == "cli-input-yaml":
            arguments.extend(paging.options.values())
    return tuple(arguments)


# Where an installed AWS CLI keeps its example files: v2's installers on Linux and
# macOS, then an importable `awscli` package (v1, or v2 from source).
EXAMPLE_DIRS = ("/usr/local/aws-cli/v2/current/dist/awscli/examples",
                "/usr/local/aws-cli/awscli/examples")


def _examples(service_cli_name: str, operation_cli_name: str) -> str | None:
    """v2's example text for the operation, from an installed AWS CLI's examples, if any."""
    for directory in _example_dirs():
        path = os.path.join(directory, service_cli_name, operation_cli_name + ".rst")
        try:
            with open(path, encoding="utf-8") as fp:
                return fp.read()
        except OSError:
            continue
    return None


def _example_dirs() -> list[str]:
    import importlib.util

    directories = list(EXAMPLE_DIRS)
    try:
        spec = importlib.util.find_spec("awscli")
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations:
        directories.append(os.path.join(list(spec.submodule_search_locations)[0], "examples"))
    return directories


# ------------------------------------------------------------------ display

def show(page: Callable[..., list[str]], env: Env) -> None:
    """Write the page (`page(mark)` gives its lines): plain to a pipe or file; on a
    terminal with bold headings, option names and literals, through the man pager
    as groff's overstrikes (as `man` shows v2's pages), else directly in ANSI bold."""
    if not env.stdout_isatty:
        write_output(iter([_text(page())]), env, None)
        return
    command = pager_command(env.environ)
    if not command or find_program(command[0], env.environ) is None:
        write_output(iter([_text(page(ansi))]), env, None)
        return
    # started and fed as the output's pager is (pager.py), with the environment as it is
    write_output(iter([_text(page(overstrike))]), env, Pager(tuple(command), env.environ))


def _text(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def pager_command(environ: Mapping[str, str]) -> list[str]:
    """`MANPAGER`, else `PAGER`, else `less -R`, split as a shell would."""
    if "MANPAGER" in environ:
        value = environ["MANPAGER"]
    elif "PAGER" in environ:
        value = environ["PAGER"]
    else:
        value = DEFAULT_PAGER
    return shlex.split(value)


def _is_listed(service_word: str, word: str) -> bool:
    """Whether the service's page lists the hand-written command `word` (v2 leaves out
    those it marks undocumented, such as datapipeline create-default-roles)."""
    command = commands.command_named(service_word, word)
    return command is None or command.is_documented
