"""Stage 1b: AWS CLI v2's aliases from `~/.aws/cli/alias` (follows v2's `awscli/alias.py`).

Takes the alias file's text and the global pass's result (`GlobalOptions`, the
words after the command word); returns them with the aliases on the line
expanded, or a `ShellAlias` to run instead. Parsing and expansion are pure; only
`read_aliases` (one `open`, nothing else when there is no file) and
`run_shell_alias` touch the outside world. Must not import botocore.

The file is INI as v2 reads it (Python's raw configparser: `=` or `:`, `#`/`;`
comment lines, indented continuation lines, names lower-cased, duplicates are
errors). Sections:

    [toplevel]                 name = value   `aws name ...`
    [command <word>]           name = value   `aws <word> name ...` (a service, `s3`)
    [command <word> wait]      name = value   `aws <word> wait name ...`

A value starting with `!` is shell text: the words left on the line are
shell-quoted and appended, `/bin/sh` runs it, its exit status is the command's.
Any other value is split into words like a shell would (shlex); the global
options among them override the line's (`--debug` and `--profile` are refused,
as in v2), and its other words come before the words typed after the alias.

As in v2, an alias may name another alias, and it shadows a built-in command
of the same name; an alias whose value starts with its own name runs the
built-in it shadows (`ec2 = ec2 --region us-west-2`). v2 recurses without end
on a loop of aliases; here a loop is an error. v2 also expands "bags of
options" aliases after an operation (`[command ecs describe-tasks]`); awsmini
does not (they need the operation's argument table before argv is split).
"""
from __future__ import annotations

import logging
import os
from dataclasses import fields, replace
from typing import Callable, Mapping, NamedTuple, Sequence

from awsmini import configpaths
from awsmini.errors import OtherError, UsageError
from awsmini.globalopts import GlobalOptions, Parser, parse_global_options

# (), ("ec2",), ("ec2", "wait") -> {alias name: value}
AliasTable = Mapping[tuple, Mapping[str, str]]
IsBuiltin = Callable[[tuple, str], bool]
LOG = logging.getLogger(__name__)

TOPLEVEL = "toplevel"
WAIT = "wait"  # the one command group below a service whose subcommands take aliases
_GROUP_WORDS = (WAIT,)
_REFUSED = ("debug", "profile")  # v2's UNSUPPORTED_GLOBAL_PARAMETERS
_DEFAULTS = GlobalOptions()


class ShellAlias(NamedTuple):
    """A `!` alias found on the line: its shell text and the words to append."""

    name: str
    text: str
    args: tuple[str, ...]

    def command_line(self) -> str:
        """The shell text with the arguments quoted for /bin/sh, as v2 joins them."""
        import shlex

        return " ".join([self.text, *(shlex.quote(arg) for arg in self.args)])


# ----------------------------------------------------------------- the file

def alias_path(environ: Mapping[str, str]) -> str:
    """`$HOME/.aws/cli/alias`: v2 looks nowhere else (not beside AWS_CONFIG_FILE)."""
    home = configpaths.home(environ)
    return os.path.join(home, ".aws", "cli", "alias")


def read_aliases(environ: Mapping[str, str]) -> AliasTable:
    """The aliases of the user's file, {} when there is none (one failed `open`)."""
    path = alias_path(environ)
    try:
        with open(path, "rb") as fp:
            data = fp.read()
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except IsADirectoryError:
        raise OtherError("The specified config file (%s) could not be found." % path) from None
    except OSError:  # v2's configparser skips a file it cannot read
        return {}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise OtherError("Unable to parse config file: %s" % path) from None
    return parse_aliases(text, path)


def parse_aliases(text: str, path: str) -> AliasTable:
    """{section key: {name: value}} of an alias file's text; `path` is for the error.

    Keys: () for `[toplevel]`, the words after `command` for `[command ...]`;
    other sections are kept under their name and never used, as in v2. Values
    are stripped of the blank lines around them.
    """
    import configparser

    parser = configparser.RawConfigParser()
    try:
        parser.read_string(text, source=path)
    except configparser.Error:
        raise OtherError("Unable to parse config file: %s" % path) from None
    table: dict[tuple, dict[str, str]] = {}
    for section in parser.sections():
        if section == TOPLEVEL:
            key: tuple = ()
        elif section.startswith("command "):
            key = tuple(section.split()[1:])
        else:
            key = (section,)  # v2 keeps it and never looks it up
        table[key] = {name: parser.get(section, name).strip()
                      for name in parser.options(section)}
    return table


# --------------------------------------------------------------- expansion

def expand_aliases(options: GlobalOptions, words: Sequence[str], table: AliasTable,
                   is_builtin: IsBuiltin) -> tuple[GlobalOptions, list[str]] | ShellAlias:
    """The line with its aliases expanded: first the command word (`[toplevel]`),
    then the subcommand word (`[command <word>]`), then a waiter (`[command <word>
    wait]`). `is_builtin(path, word)` says whether `word` is a built-in command
    under `path` (() for the top level). Returns (options, words) unchanged when
    the line uses no alias.

    Raises UsageError for an alias value without a command (v2's argparse
    message) and OtherError (v2's exit 255) for an unparsable value, `--debug`
    or `--profile` in a value, or a loop of aliases.
    """
    if not table or options.command is None or options.version:
        return options, list(words)
    words = list(words)
    seen: list[str] = []
    section = table.get((), {})
    while options.command in section:
        name = options.command
        _check_loop(seen, name)
        value = section[name]
        if value.startswith("!"):
            return ShellAlias(name, value[1:], tuple(words))
        alias_options, alias_words = _parse_value(name, value, [])
        options = _merge(options, alias_options, name)
        if options.version:  # `--version` in the value: v2 prints it, as argparse does
            return options, []
        words = alias_words + words
        if options.command == name and is_builtin((), name):
            break  # v2 proxies to the built-in command the alias shadows
    return _expand_subcommands(options, words, table, is_builtin)


def _expand_subcommands(options: GlobalOptions, words: list[str], table: AliasTable,
                        is_builtin: IsBuiltin) -> tuple[GlobalOptions, list[str]] | ShellAlias:
    """`[command <word>]`, then `[command <word> wait]` when the subcommand is `wait`."""
    path: tuple = (options.command,)
    prefix: list[str] = []
    while any(key[:len(path)] == path for key in table if len(key) >= len(path)):
        expanded = _expand_level(options, words, table.get(path, {}), path, is_builtin)
        if isinstance(expanded, ShellAlias):
            return expanded
        options, words = expanded
        found = _first_positional(words) if len(path) == 1 else None
        if found is None or found[0] not in _GROUP_WORDS:
            break
        path, prefix, words = path + (found[0],), prefix + [found[0]], found[1]
    return options, prefix + words


def _expand_level(options: GlobalOptions, words: list[str], section: Mapping[str, str],
                  path: tuple, is_builtin: IsBuiltin
                  ) -> tuple[GlobalOptions, list[str]] | ShellAlias:
    """Expand the first positional word of `words` while it names an alias of `section`."""
    seen: list[str] = []
    while section:
        found = _first_positional(words)
        # `help` below the top level is always the help page (v2 adds it last).
        if found is None or found[0] not in section or found[0] == "help":
            break
        name, rest = found
        _check_loop(seen, name)
        value = section[name]
        if value.startswith("!"):
            return ShellAlias(name, value[1:], tuple(rest))
        alias_options, alias_words = _parse_value(name, value, [path[0]])
        options = _merge(options, alias_options, name)
        if options.version:
            return options, []
        if is_builtin(path, name):
            # v2 hands the words to the command the alias shadows, less the first.
            return options, [name] + alias_words[1:] + rest
        words = alias_words + rest
    return options, words


def _parse_value(name: str, value: str, command: list[str]) -> tuple[GlobalOptions, list[str]]:
    """The global options and other words of an alias value (after `command`, if given)."""
    import shlex

    try:
        tokens = shlex.split(value)
    except ValueError as error:
        raise OtherError('Value of alias "%s" could not be parsed. Received error: %s '
                         "when parsing:\n%s" % (name, error, value)) from None
    tokens = [token.strip(os.linesep) for token in tokens]
    LOG.debug("Expanding alias %r with value %r to %r", name, value, tokens)
    return parse_global_options(command + tokens)


def _merge(options: GlobalOptions, alias_options: GlobalOptions, name: str) -> GlobalOptions:
    """The line's options with those the alias value sets (not at their default) on top."""
    given = {field.name: getattr(alias_options, field.name) for field in fields(GlobalOptions)
             if getattr(alias_options, field.name) != getattr(_DEFAULTS, field.name)}
    for refused in _REFUSED:
        if refused in given:
            raise OtherError('Global parameter "--%s" detected in alias "%s" which is not '
                             "supported in subcommand aliases." % (refused, name))
    return replace(options, **given) if given else options


def _first_positional(words: Sequence[str]) -> tuple[str, list[str]] | None:
    """The first word that is not an option, and the others in order (argparse's split)."""
    parser = Parser()
    parser.add_argument("word")
    try:
        namespace, rest = parser.parse_known_args(list(words))
    except UsageError:
        return None
    return namespace.word, rest


def _check_loop(seen: list[str], name: str) -> None:
    if name in seen:
        raise OtherError('Alias "%s" refers back to itself: %s'
                         % (name, " -> ".join(seen + [name])))
    seen.append(name)


# ------------------------------------------------------- the world outside

def builtin_checker(environ: Mapping[str, str]) -> IsBuiltin:
    """`is_builtin` for `expand_aliases`: awsmini's own command words (asked only
    when an alias shadows a word, so plain lines load no service list or model)."""
    def is_builtin(path: tuple, word: str) -> bool:
        from awsmini import commands, models, resolve

        if not path:
            return word == "help" or word in resolve.service_cli_names(environ)
        service_cli = path[0]
        if commands.is_whole_family(service_cli):
            return len(path) == 1 and word in commands.subcommand_words(service_cli)
        service = resolve.service_name(service_cli)
        if service_cli in resolve.SERVICE_RENAMES or models.api_version(service, environ) is None:
            return False
        if len(path) == 2:
            return word in resolve.waiter_table(service, environ)
        return (word in resolve.operation_table(service, environ)
                or word in commands.subcommand_words(service_cli)
                or (word == WAIT and bool(models.waiters(service, environ))))

    return is_builtin


def run_shell_alias(alias: ShellAlias, env) -> int:
    """Run a `!` alias through /bin/sh with the process's streams; its exit status."""
    import subprocess

    LOG.debug("Running shell alias %r as %r", alias.name, alias.command_line())
    for stream in (env.stdout, env.stderr):
        stream.flush()
    streams = [_fileno(stream) for stream in (env.stdin, env.stdout, env.stderr)]
    if None not in streams:
        return subprocess.call(alias.command_line(), shell=True, env=dict(env.environ),
                               stdin=streams[0], stdout=streams[1], stderr=streams[2])
    # In-memory streams (tests, an embedding program): feed and collect them.
    done = subprocess.run(alias.command_line(), shell=True, env=dict(env.environ),
                          input=env.stdin.read() if streams[0] is None else None,
                          stdin=streams[0], capture_output=True, text=True)
    env.stdout.write(done.stdout)
    env.stderr.write(done.stderr)
    return done.returncode


def _fileno(stream) -> int | None:
    try:
        return stream.fileno()
    except (AttributeError, ValueError, OSError):
        return None
