"""v2's hand-written commands: what one declares, the static table `resolve` reads, and the run.

A hand-written command (`s3 cp`; later `configure set`, `ecr get-login-password`, ...)
is a `CustomCommand`: its name, its help text, its arguments as `ArgSpec`s (the
table the generic driver parses, with the same parser and messages), and `run`,
the "module:function" that does the work. Declarations live apart from the work,
so `s3 cp help` or a usage error imports no transfer or network machinery: the
run's module is imported only once the arguments are parsed and converted.

`TABLE` maps a command word to the module declaring its family and the words it
adds: `ALL` when the whole command is hand-written (`s3`, whose model service is
`s3api`), or the names it adds beside a model service's operations. A family
module defines `COMMANDS` ({name: CustomCommand}, in v2's help order) and
`DESCRIPTION` (its help page's rst). A whole family may also define `DEFAULT`, the
`CustomCommand` run when the family word comes with no subcommand (`configure`
alone prompts for credentials); without one that is v2's usage error (`s3`).

`run(args, context)` gets the converted values by `cli_name` (dests for options
collected together, defaults filled) and a `Context`: the streams, the global
options, the profile's settings and the client factory of `call.py`. It returns
the exit code and raises `errors` families, which main.py reports like any other.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable, Mapping, Sequence

from awsmini.arguments import ArgSpec
from awsmini.env import Env
from awsmini.errors import OtherError, ParamValidationError, UsageError
from awsmini.globalopts import GlobalOptions
from awsmini.settings import Settings

ALL = None  # the whole command word is hand-written

# command word -> (family module, the subcommand words it adds, or ALL)
TABLE: Mapping[str, tuple[str, tuple[str, ...] | None]] = {
    "s3": ("awsmini.commands.s3", ALL),
    "cloudformation": ("awsmini.commands.cloudformation", ("deploy", "package")),
    "cloudfront": ("awsmini.commands.cloudfront", ("sign",)),
    "codeartifact": ("awsmini.commands.codeartifact", ("login",)),
    "codecommit": ("awsmini.commands.codecommit", ("credential-helper",)),
    "configservice": ("awsmini.commands.configservice", ("get-status", "subscribe")),
    "datapipeline": ("awsmini.commands.datapipeline", ("create-default-roles", "list-runs")),
    "deploy": ("awsmini.commands.deploy", ("deregister", "install", "push", "register",
                                           "uninstall")),
    "dlm": ("awsmini.commands.dlm", ("create-default-role",)),
    "dsql": ("awsmini.commands.dsql", ("generate-db-connect-admin-auth-token",
                                        "generate-db-connect-auth-token")),
    "ec2-instance-connect": ("awsmini.commands.ec2instanceconnect", ("open-tunnel", "ssh")),
    "ecr": ("awsmini.commands.ecr", ("get-login-password",)),
    "ecr-public": ("awsmini.commands.ecr.public", ("get-login-password",)),
    "ecs": ("awsmini.commands.ecs", ("deploy", "execute-command")),
    "eks": ("awsmini.commands.eks", ("get-token", "update-kubeconfig")),
    "emr": ("awsmini.commands.emr", (
        "add-instance-groups", "add-steps", "create-cluster", "create-default-roles",
        "create-hbase-backup", "describe-cluster", "disable-hbase-backups", "get",
        "install-applications", "modify-cluster-attributes", "put",
        "restore-from-hbase-backup", "schedule-hbase-backup", "socks", "ssh",
        "terminate-clusters")),
    "emr-containers": ("awsmini.commands.emrcontainers", (
        "create-role-associations", "delete-role-associations", "update-role-trust-policy")),
    "gamelift": ("awsmini.commands.gamelift", ("get-game-session-log", "upload-build")),
    "lightsail": ("awsmini.commands.lightsail", ("push-container-image",)),
    "logs": ("awsmini.commands.logs", ("start-live-tail", "tail")),
    "rds": ("awsmini.commands.rds", ("generate-db-auth-token",)),
    "ssm": ("awsmini.commands.ssm", ("start-session",)),
    "sso": ("awsmini.commands.sso", ("login", "logout")),
    "configure": ("awsmini.commands.configure", ALL),
    "ddb": ("awsmini.commands.ddb", ALL),
    "login": ("awsmini.commands.login", ALL),
    "logout": ("awsmini.commands.logout", ALL),
}

WHOLE = ""  # a NOT_YET_AVAILABLE entry for the whole command word
_CFG = "awscli/customizations/configure/configure.py"
_WIZARD = "awscli/customizations/wizard/commands.py"

# v2's hand-written commands that awsmini does not have yet: (command word, subcommand or
# WHOLE) -> (the service whose generic commands stand in, or "", v2's source file). They
# answer with a clear message rather than "invalid choice".
NOT_YET_AVAILABLE: Mapping[tuple[str, str], tuple[str, str]] = {
    ("cloudtrail", "validate-logs"): ("cloudtrail", "awscli/customizations/cloudtrail/__init__.py"),
    ("cloudtrail", "verify-query-results"): ("cloudtrail",
                                             "awscli/customizations/cloudtrail/__init__.py"),
    ("configure", "agent-toolkit"): ("", _CFG),
    ("configure", "mfa-login"): ("sts", _CFG),
    ("configure", "wizard"): ("", _WIZARD),
    ("dynamodb", "wizard"): ("dynamodb", _WIZARD),
    ("ecs", "monitor-express-gateway-service"): ("ecs", "awscli/customizations/ecs/__init__.py"),
    ("events", "wizard"): ("events", _WIZARD),
    ("history", WHOLE): ("", "awscli/customizations/history/__init__.py"),
    ("iam", "wizard"): ("iam", _WIZARD),
    ("lambda", "wizard"): ("lambda", _WIZARD),
    ("servicecatalog", "generate"): ("servicecatalog",
                                     "awscli/customizations/servicecatalog/__init__.py"),
    ("update", WHOLE): ("", "awscli/customizations/update.py"),
}


def option(name: str, documentation: str, type_name: str = "string", shape: str = "",
           **kwargs: Any) -> ArgSpec:
    """A hand-written command's option (`--name VALUE`), declared as the generic driver's."""
    return ArgSpec(name, "", shape, type_name, is_cli_only=True, documentation=documentation,
                   **kwargs)


def flag(name: str, documentation: str, negative: str | None = None,
         default: Any = False) -> ArgSpec:
    """A hand-written command's boolean option, with its `--no-...` form when `negative`."""
    return ArgSpec(name, "", "", "boolean", is_cli_only=True, documentation=documentation,
                   negative_name=negative, default=default)


def check_available(word: str, words: Sequence[str]) -> None:
    """ParamValidationError (252) for one of v2's hand-written commands not here yet."""
    sub = words[0] if words else WHOLE
    key = (word, sub) if (word, sub) in NOT_YET_AVAILABLE else (word, WHOLE)
    if key not in NOT_YET_AVAILABLE:
        return
    service, _ = NOT_YET_AVAILABLE[key]
    message = "`awsmini %s`: not available yet" % " ".join(filter(None, key))
    if service:
        message += "; the generic `awsmini %s ...` commands are" % service
    raise ParamValidationError(message)


@dataclass(frozen=True)
class CustomCommand:
    """One hand-written command, declared as data.

    `shapes` are model shapes for arguments with structured values (a `map` such
    as `--metadata`), in `service-2.json`'s form, so that shorthand, JSON and
    `file://` values are read as for generic operations. `usage` is v2's
    one-line usage of the positional words (`<S3Uri>`).
    """

    name: str
    description: str
    arguments: tuple[ArgSpec, ...]
    run: str  # "module:function"
    usage: str = ""
    shapes: Mapping[str, Any] = field(default_factory=dict)
    # what the prompt offers for the first positional word (`configure get`'s names)
    word_values: tuple[str, ...] = ()
    # False: runs, but is left out of the service's list of commands (v2's _UNDOCUMENTED)
    is_documented: bool = True

    def argument_table(self) -> dict[str, ArgSpec]:
        return {spec.cli_name: spec for spec in self.arguments}


@dataclass(frozen=True)
class Invocation:
    """A hand-written command found on the command line, and the words left for it."""

    family: str  # the command word: `s3`
    command: CustomCommand
    args: tuple[str, ...]


def family_module(word: str) -> ModuleType | None:
    """The module declaring the hand-written family of `word`, if there is one."""
    entry = TABLE.get(word)
    return importlib.import_module(entry[0]) if entry else None


def is_whole_family(word: str) -> bool:
    """Whether every subcommand of `word` is hand-written (no model service behind it)."""
    entry = TABLE.get(word)
    return entry is not None and entry[1] is ALL


def whole_families() -> list[str]:
    """The command words that are hand-written through and through (`s3`)."""
    return [word for word, (_, words) in TABLE.items() if words is ALL]


def has_default_command(word: str) -> bool:
    """Whether the family `word` runs a command of its own when no subcommand follows."""
    entry = TABLE.get(word)
    return entry is not None and entry[1] is ALL and getattr(
        family_module(word), "DEFAULT", None) is not None


def command_named(word: str, name: str) -> CustomCommand | None:
    """The hand-written command `word name`, or None (no error: the prompt asks as you type)."""
    entry = TABLE.get(word)
    if entry is None or (entry[1] is not ALL and name not in entry[1]):
        return None
    return family_module(word).COMMANDS.get(name)  # type: ignore[union-attr]


def subcommand_words(word: str) -> list[str]:
    """The hand-written subcommands of `word`, sorted as v2's help and prompt list them."""
    entry = TABLE.get(word)
    if entry is None:
        return []
    return sorted(family_module(word).COMMANDS if entry[1] is ALL else entry[1])  # type: ignore[union-attr]


def find_command(word: str, words: Sequence[str]) -> Invocation | None:
    """The hand-written command `word words[0]`, or None when the model has it.

    For a whole family, a missing or unknown subcommand is v2's usage error, unless
    the family has a default command: that one then takes every word. One of v2's
    commands that is not here yet (NOT_YET_AVAILABLE) is a ParamValidationError.
    """
    check_available(word, words)
    entry = TABLE.get(word)
    if entry is None or (entry[1] is not ALL and (not words or words[0] not in entry[1])):
        return None
    commands: Mapping[str, CustomCommand] = family_module(word).COMMANDS  # type: ignore[union-attr]
    # a family without subcommands (`login`) gives every word to its command
    if not words or words[0].startswith("-") or not commands:
        default = getattr(family_module(word), "DEFAULT", None)
        if default is not None:
            return Invocation(word, default, tuple(words))
        raise ParamValidationError("usage: aws [options] %s <subcommand> [parameters]\n"
                                   "aws: [ERROR]: too few arguments" % word)
    if words[0] not in commands:
        from difflib import get_close_matches

        raise UsageError("argument subcommand: Found invalid choice '%s'" % words[0],
                         suggestions=get_close_matches(words[0], list(commands), cutoff=0.8))
    return Invocation(word, commands[words[0]], tuple(words[1:]))


# ------------------------------------------------------------------ the run

@dataclass
class Context:
    """What a hand-written command's run is given beside its arguments."""

    env: Env
    options: GlobalOptions
    settings: Settings
    _clients: dict = field(default_factory=dict)

    def client(self, service: str, region: str | None = None,
               endpoint_url: str | None = None, *, is_other_service: bool = False,
               **config: Any) -> Any:
        """A botocore client configured from the global options and profile, as the
        generic driver's (`region`/`endpoint_url` override the options'; `config`
        adds botocore `Config` settings). `is_other_service`: a service beside the
        command's own, which `--endpoint-url` does not point at (v2's configservice
        subscribe asks S3 and SNS at their usual endpoints)."""
        from dataclasses import replace

        from awsmini.call import create_service_client

        key = (service, region, endpoint_url, is_other_service, tuple(sorted(config.items())))
        if key not in self._clients:
            options = replace(self.options, endpoint_url=None) if is_other_service else \
                self.options
            self._clients[key] = create_service_client(
                service, options, self.settings, self.env.environ,
                region=region, endpoint_url=endpoint_url, config=config)
        return self._clients[key]

    def other_service_client(self, service: str, region: str | None = None,
                             **config: Any) -> Any:
        """A client that does not take `--endpoint-url`: v2 makes a command's clients of
        other services without it (it names the command's own service's endpoint), so
        theirs comes from the profile or the environment (`AWS_ENDPOINT_URL_S3`, ...),
        else the region's."""
        from dataclasses import replace

        from awsmini.call import create_service_client

        key = ("other", service, region, tuple(sorted(config.items())))
        if key not in self._clients:
            self._clients[key] = create_service_client(
                service, replace(self.options, endpoint_url=None), self.settings,
                self.env.environ, region=region, config=config)
        return self._clients[key]

    def session(self) -> Any:
        """The botocore session the clients are made from (for what needs one itself)."""
        from awsmini.call import botocore_session

        return botocore_session(self.options, self.settings, self.env.environ)

    def write(self, text: str) -> None:
        """Write to stdout now (progress and result lines are seen as they happen)."""
        self.env.stdout.write(text)
        self.env.stdout.flush()

    def warn(self, text: str) -> None:
        """Write to stderr now."""
        self.env.stderr.write(text)
        self.env.stderr.flush()

    def display(self, title: str, document: Any) -> None:
        """Print `document` as v2 prints a response: `--query`, `--output`, the pager
        (`title` heads the table output)."""
        from awsmini.output import FORMATTERS, RenderOptions, use_color
        from awsmini.pager import choose_pager, output_width, write_output
        from awsmini.query import apply_query, compile_query

        options, env = self.options, self.env
        query = compile_query(options.query)
        render = FORMATTERS[self.settings.output()]
        render_options = RenderOptions(title=title, width=output_width(env),
                                       color=use_color(options.color, env.stdout_isatty,
                                                       env.environ))
        write_output(iter(list(render(apply_query(query, document), render_options))), env,
                     choose_pager(env, *self.settings.pager()))


def run_command(invocation: Invocation, options: GlobalOptions, env: Env) -> int:
    """Parse the command's words, convert their values, and run it; its exit code."""
    from awsmini.argv_parse import parse_known_arguments

    command = invocation.command
    specs = command.argument_table()
    parsed, extras = parse_known_arguments(specs, invocation.args)
    if extras:  # v2's hand-written commands list them as given, comma-separated
        raise ParamValidationError("Unknown options: %s" % ",".join(extras))
    args = convert_arguments(command, parsed.options, env)
    module_name, function_name = command.run.split(":")
    function: Callable[[Mapping[str, Any], Context], int] = getattr(
        importlib.import_module(module_name), function_name)
    return function(args, Context(env, options, Settings(options, env.environ)))


def convert_arguments(command: CustomCommand, raw: Mapping[str, Any],
                      env: Env) -> dict[str, Any]:
    """The values by cli name (or shared dest), converted as v2 converts custom arguments:
    `file://` loaded, integers with Python's `int()`, structured values from shorthand
    or JSON; absent ones are their default (None unless declared)."""
    values: dict[str, Any] = {}
    for spec in command.arguments:
        name = spec.dest or spec.cli_name
        if name in values:
            continue
        value = raw.get(name)
        if value is None:
            values[name] = spec.default
            continue
        if (spec.dest is None and not spec.is_positional and not spec.is_boolean
                and spec.loads_files):
            value = _convert(spec, value, command, env)
        values[name] = value
    return values


def _convert(spec: ArgSpec, value: Any, command: CustomCommand, env: Env) -> Any:
    from awsmini.values.paramfile import ParamFileError, load_paramfile

    single = value[0] if isinstance(value, list) and len(value) == 1 else value
    try:
        loaded = load_paramfile(single, env)
    except ParamFileError as error:  # v2's words for a generic command's argument too (252)
        raise ParamValidationError("Error parsing parameter '--%s': %s"
                                   % (spec.cli_name, error.message)) from None
    if loaded is not None:
        value = loaded
    if spec.type_name == "integer":
        try:
            return int(value)
        except (TypeError, ValueError) as error:  # v2 lets int()'s error end the run: 255
            raise OtherError(str(error)) from error
    if spec.shape_name:
        from awsmini.models import ServiceModel
        from awsmini.values.unpack import unpack_argument

        model = ServiceModel(command.name, "", {"shapes": command.shapes})
        return unpack_argument(spec, value, model, env)
    return value
