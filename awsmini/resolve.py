"""Stage 3: the service word and the words after it -> Command.

Takes the service's CLI name (from the global pass) and the remaining words;
returns a `Command`: which service and operation, the operation's model slice
and the words left for its arguments. Names are v2's: botocore's service name
except for v2's renames (SERVICE_RENAMES), operations in botocore's kebab form
less those v2 removes (custom.removed_operations), with the commands v2 adds
over an operation under another name (custom.added_operations) and the old
names it still accepts for renamed ones (custom.operation_aliases).
Unknown names fail with v2's "Found invalid choice" and close-match hints.
A service with waiters also has v2's `wait <waiter>` command: its Command
names the waiter and the operation the waiter polls, whose arguments it takes.
Reads models only through `models`; no botocore session or client.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches
from typing import Mapping, Sequence

from awsmini import models
from awsmini.arguments import cli_name
from awsmini.commands import Invocation, check_available, find_command, is_whole_family
from awsmini.custom import (added_operations, operation_aliases, operation_renames,
                            removed_operations)
from awsmini.errors import UsageError
from awsmini.globalopts import Parser

# botocore service name -> the command name v2 gives it.
SERVICE_RENAMES: Mapping[str, str] = {"s3": "s3api", "codedeploy": "deploy", "config": "configservice"}
_SERVICE_NAMES = {cli: name for name, cli in SERVICE_RENAMES.items()}
WAIT = "wait"  # v2's command, beside the operations, of a service with waiters


@dataclass(frozen=True)
class Command:
    """One resolved operation and the words left for its arguments."""

    service_cli_name: str
    service_name: str
    api_name: str
    model: models.ServiceModel
    args: tuple[str, ...]
    waiter: str | None = None  # `wait <waiter>`: botocore's waiter name, e.g. InstanceRunning
    # the command's own name when it is not the operation's (rds's
    # `add-option-to-option-group`, over ModifyOptionGroup)
    name: str | None = None

    @property
    def cli_name(self) -> str:
        return self.name or cli_name(self.api_name)


def service_name(service_cli_name: str) -> str:
    """`s3api` -> `s3`: the botocore name behind a command name."""
    return _SERVICE_NAMES.get(service_cli_name, service_cli_name)


def service_cli_name(name: str) -> str:
    """`s3` -> `s3api`: the command name of a botocore service."""
    return SERVICE_RENAMES.get(name, name)


def service_cli_names(environ: Mapping[str, str]) -> list[str]:
    """Every command name: the services' and v2's hand-written families (`s3`), sorted."""
    from awsmini.commands import whole_families

    names = {service_cli_name(n) for n in models.list_services(environ)}
    return sorted(names | set(whole_families()))


def operation_table(service: str, environ: Mapping[str, str]) -> dict[str, str]:
    """{operation cli name: api name} of a botocore service, in model order, without
    the operations v2 removes (custom.removed_operations), then the commands v2 adds
    over one of them (custom.added_operations); not the old names of renamed ones."""
    table = models.operation_cli_names(service, environ)
    removed = removed_operations(service_cli_name(service))
    added = added_operations(service_cli_name(service))
    # a botocore that still names the operation as v2's own did (`get-o-tel-enrichment`)
    renames = {**operation_renames(service_cli_name(service)),
               **operation_aliases(service_cli_name(service))}
    renamed = {old: new for old, new in renames.items() if old in table}
    if not removed and not added and not renamed:
        return table
    return {**{renamed.get(name, name): api for name, api in table.items()
               if name not in removed}, **added}


def check_service(service_cli: str, environ: Mapping[str, str]) -> str:
    """The botocore name of command `service_cli`; UsageError when there is none."""
    name = service_name(service_cli)
    # A renamed service answers only to its new name (`s3api`, not `s3`).
    if service_cli in SERVICE_RENAMES or models.api_version(name, environ) is None:
        raise _invalid_choice("command", service_cli, service_cli_names(environ))
    return name


def check_command_word(service_cli: str, environ: Mapping[str, str]) -> None:
    """The command word alone, checked as v2 checks it before asking for an operation:
    one of v2's commands not here yet, or an unknown word, is a UsageError."""
    check_available(service_cli, ())
    if not is_whole_family(service_cli):
        check_service(service_cli, environ)


def resolve_command(service_cli: str, words: Sequence[str],
                    environ: Mapping[str, str]) -> Command | Invocation:
    """The hand-written command (commands.TABLE), else the operation, named by the
    first positional word after the service."""
    invocation = find_command(service_cli, words)
    if invocation is not None:
        return invocation
    return resolve_operation(service_cli, words, environ)


def resolve_operation(service_cli: str, words: Sequence[str],
                      environ: Mapping[str, str]) -> Command:
    """The model operation (or waiter) named by the first positional word after the service."""
    service = check_service(service_cli, environ)
    parser = Parser()
    parser.add_argument("operation")
    namespace, rest = parser.parse_known_args(list(words))
    table = operation_table(service, environ)
    word = operation_aliases(service_cli).get(namespace.operation, namespace.operation)
    api_name = table.get(word)
    if api_name is None and namespace.operation == WAIT and models.waiters(service, environ):
        return _resolve_waiter(service_cli, service, rest, environ)
    if api_name is None:
        choices = list(table) + ([WAIT] if models.waiters(service, environ) else [])
        raise _invalid_choice("operation", namespace.operation, choices)
    model = models.load_operation(service, api_name, environ)
    return Command(service_cli, service, api_name, model, tuple(rest),
                   name=None if word == cli_name(api_name) else word)


def waiter_table(service: str, environ: Mapping[str, str]) -> dict[str, str]:
    """{waiter cli name: waiter name} of a botocore service (`instance-running`)."""
    return {cli_name(name): name for name in models.waiters(service, environ)}


def _resolve_waiter(service_cli: str, service: str, words: Sequence[str],
                    environ: Mapping[str, str]) -> Command:
    parser = Parser()
    parser.add_argument("subcommand")
    namespace, rest = parser.parse_known_args(list(words))
    table = waiter_table(service, environ)
    waiter = table.get(namespace.subcommand)
    if waiter is None:
        raise _invalid_choice("subcommand", namespace.subcommand, list(table))
    api_name = models.waiters(service, environ)[waiter]["operation"]
    model = models.load_operation(service, api_name, environ)
    return Command(service_cli, service, api_name, model, tuple(rest), waiter=waiter)


def _invalid_choice(argument: str, value: str, choices: list[str]) -> UsageError:
    return UsageError("argument %s: Found invalid choice '%s'" % (argument, value),
                      suggestions=get_close_matches(value, choices, cutoff=0.8))
