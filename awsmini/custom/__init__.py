"""(service, operation) CLI names -> v2's customization of that generic operation.

Takes a service's and an operation's CLI names (`ec2`, `run-instances`);
returns a frozen `Customization`: what AWS CLI v2 changes about the operation
the model describes, or `EMPTY`. Each service with changes has one module
here (`custom/ec2.py`); `lookup` finds it through the static `INDEX` and
imports that module only, so a command loads no other service's records.

A service module declares `OPERATIONS`, {operation CLI name: Customization},
and may declare `SERVICE`, the changes to every operation of the service
(renames, aliases, boolean flags, `requires_endpoint_url`, and a `help_note`
its own page and every operation's page show, only). An operation's record extends its
service's: its renames and aliases are added to the service's and win. A
module may also declare `REMOVED_OPERATIONS`, the operations v2 takes out of
the service (awscli/customizations/removals.py): `removed_operations` gives
them to `resolve.operation_table` (3), which leaves them out, so that they
answer as unknown operations and neither help nor the prompt lists them. It
may declare `ADDED_OPERATIONS`, {CLI name: API name}, commands v2 adds over an
operation of the model under another name (rds's `add-option-to-option-group`
over `ModifyOptionGroup`), whose records are in `OPERATIONS` under their own
names; `OPERATION_RENAMES`, {botocore's CLI name: v2's}, operations v2
renames (utils.py's rename_command), and `OPERATION_ALIASES`, the same for the
renamed operations whose old names v2 still accepts, undocumented (its
alias_command); `resolve.operation_table` and `resolve.resolve_operation` (3)
read them. (botocore's own naming now gives most of v2's new names: a rename
applies only where it still gives the old one.) A `SERVICE` record's
`requires_endpoint_url` is v2's check, before any call of the service, that
`--endpoint-url` was given (driver.run). And it may declare `ERROR_MESSAGES`, a function that rewrites the error a response
of any of the service's operations carries (v2's after-call handlers), which
`error_messages` gives to `call.create_service_client` (9) for every client of
the service, the hand-written commands' included.

Each slot of a record is read by one stage, in the order of the pipeline:

    slot                       stage that reads it
    renames, aliases,          arguments.build_arguments (4): the argument table
      has_boolean_flags,
      removed, undocumented,
      optional, hidden_members,
      documentation_added, added
    check                      driver.unpack_parameters (6), before any value is read
    stops_paging               driver.run, through paginate.plan_paging (10):
                                 arguments that turn pagination off when given
    `fills` of each added      driver.unpack_parameters (6): what the argument
      ArgSpec                    stands for, put into the parameters
    adjust, call_defaults      driver.request_parameters (9), as the call is made
    default_page_size          driver.send_request, through paginate.with_default_page_size
                                 (10): the page size v2 asks for when none is given
    before_call                driver.send_request (9), before the request: v2's handlers
                                 that first ask the service for what the request needs
    `saves` of each added      driver.send_request, for call.call_operation (9) to
      ArgSpec                    write after the call
    after_call                 driver.send_request (9), on the response: v2's after-call
                                 handlers (a value decrypted, a part saved to a file)
    check_values               driver.unpack_parameters (6), on the parameters the
                                 model's arguments gave, before the added ones fill theirs
    help_note                  help.operation_help: the note after the description
    option_notes               help.operation_help: text after an option's members
    output_note                help.operation_help: the OUTPUT section v2 writes in place
                                 of the output shape's
    output_replacements        help.operation_help: deprecated output members, each
                                 documented with the member that replaces it

A record is data: there is no registry, no event name and no hook. This
module imports no stage; a service module imports only `ArgSpec` and the
error families, holds v2's messages and names the v2 source it follows.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

if TYPE_CHECKING:
    from awsmini.arguments import ArgSpec
    from awsmini.env import Env

# another operation of the service, called with the command's client settings:
# (operation API name, parameters) -> its response
OtherCall = Callable[[str, Mapping[str, Any]], dict]

_NOTHING: Mapping[str, Any] = MappingProxyType({})


def _nothing() -> Mapping[str, Any]:
    return _NOTHING


@dataclass(frozen=True)
class DefaultPageSize:
    """The page size v2 puts into an operation's PaginationConfig when paginating
    with none given, if the call has no parameter but `allowed` ones (and
    `NextToken`, `DryRun`): a filtered listing keeps the service's own size."""

    size: int
    allowed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Customization:
    """v2's changes to one generic operation, slot by slot (see the module docstring).

    `renames` maps an argument as botocore names it (`no-egress`, the `--no-`
    twin of a boolean too) to v2's name (`ingress`); `aliases` maps it to an
    old name v2 also accepts, undocumented. With `has_boolean_flags`, a
    structure of one boolean `Value` is also the flags `--x` and `--no-x`.
    `removed` arguments leave the table, `undocumented` ones stay out of help
    and the prompt, `optional` ones are no longer required (an added argument
    can stand for them), `hidden_members` are members of an argument's structure
    that v2 takes out of it (its page leaves them out; `check_values` refuses
    them), `documentation_added` is text v2 adds to an argument's documentation,
    and `added` are v2's
    hand-made arguments, which say through
    their `fills` and `saves` fields what their values do. `check(options,
    members)` gets the cli-only raw values given and the names of the member
    arguments given, and raises when v2 refuses the mix. `stops_paging` names
    arguments that turn pagination off, as the operation's own paging
    arguments (`--next-token`) do. `adjust(params)` returns the parameters
    rearranged as v2's before-parameter-build handlers rearrange them; `call_defaults` are
    parameters v2 sets when neither the command line nor `--cli-input-*` gave
    them; `default_page_size` is the page size v2 asks for while paginating;
    `help_note` is the note v2's manual page adds after the description,
    `option_notes` ({argument: HTML}) the text it adds after an option's members, and
    `output_note` the text v2's page has as its OUTPUT section, when it replaces the
    output shape's; `output_replacements` maps a deprecated member of the output to
    (the member replacing it, its type, its documentation), which the page adds
    after it. `check_values(params)` gets the parameters the model's
    arguments gave and raises when one holds what v2 takes only from an added
    argument (`lambda create-function --code ZipFile=...`).
    `before_call(params, options, call)` returns the parameters completed from
    another call of the service (`call`, see `OtherCall`), as v2's arguments that
    fetch what they need do. `after_call(response, options, env)` returns the
    response as v2's after-call handlers leave it, reading and writing the user's
    files through `env`; it runs on a successful response only.
    """

    renames: Mapping[str, str] = field(default_factory=_nothing)
    aliases: Mapping[str, str] = field(default_factory=_nothing)
    has_boolean_flags: bool = False
    removed: tuple[str, ...] = ()
    undocumented: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    hidden_members: Mapping[str, tuple[str, ...]] = field(default_factory=_nothing)
    documentation_added: Mapping[str, str] = field(default_factory=_nothing)
    added: tuple[ArgSpec, ...] = ()
    check: Callable[[Mapping[str, Any], Sequence[str]], None] | None = None
    stops_paging: tuple[str, ...] = ()
    adjust: Callable[[dict], dict] | None = None
    call_defaults: Mapping[str, Any] = field(default_factory=_nothing)
    default_page_size: DefaultPageSize | None = None
    check_values: Callable[[Mapping[str, Any]], None] | None = None
    help_note: str | None = None
    option_notes: Mapping[str, str] = field(default_factory=_nothing)
    output_note: str | None = None
    output_replacements: Mapping[str, tuple[str, str, str]] = field(default_factory=_nothing)
    requires_endpoint_url: bool = False
    before_call: Callable[[dict, Mapping[str, Any], OtherCall], dict] | None = None
    after_call: Callable[[dict, Mapping[str, Any], Env], dict] | None = None


EMPTY = Customization()

# service CLI name -> its module in this package; a static table, so that
# finding a service's record imports nothing else.
INDEX: Mapping[str, str] = {
    "agent-toolkit": "agent_toolkit",
    "apigateway": "apigateway",
    "apigatewayv2": "apigatewayv2",
    "bedrock-agent-runtime": "bedrock_agent_runtime",
    "bedrock-agentcore": "bedrock_agentcore",
    "bedrock-runtime": "bedrock_runtime",
    "clouddirectory": "clouddirectory",
    "cloudfront": "cloudfront",
    "cloudsearch": "cloudsearch",
    "cloudwatch": "cloudwatch",
    "cloudsearchdomain": "cloudsearchdomain",
    "codepipeline": "codepipeline",
    "configservice": "configservice",
    "connecthealth": "connecthealth",
    "controltower": "controltower",
    "datapipeline": "datapipeline",
    "deploy": "deploy",
    "devops-agent": "devops_agent",
    "ec2": "ec2",
    "ecs": "ecs",
    "eks": "eks",
    "elasticache": "elasticache",
    "emr": "emr",
    "gamelift": "gamelift",
    "glue": "glue",
    "iam": "iam",
    "iot": "iot",
    "iot-data": "iot_data",
    "iotsitewise": "iotsitewise",
    "iotwireless": "iotwireless",
    "kinesis": "kinesis",
    "kinesisanalytics": "kinesisanalytics",
    "kinesisanalyticsv2": "kinesisanalyticsv2",
    "lambda": "lambda_",  # `lambda` is a Python keyword
    "lex-models": "lex_models",
    "lexv2-runtime": "lexv2_runtime",
    "license-manager": "license_manager",
    "logs": "logs",
    "mgn": "mgn",
    "mturk": "mturk",
    "pinpoint": "pinpoint",
    "polly": "polly",
    "qbusiness": "qbusiness",
    "quicksight": "quicksight",
    "rds": "rds",
    "rekognition": "rekognition",
    "route53": "route53",
    "route53domains": "route53domains",
    "s3api": "s3api",
    "sagemaker": "sagemaker",
    "sagemaker-runtime": "sagemaker_runtime",
    "schemas": "schemas",
    "ses": "ses",
    "signin": "signin",
    "sns": "sns",
    "stepfunctions": "stepfunctions",
    "swf": "swf",
    "translate": "translate",
    "workdocs": "workdocs",
}


def lookup(service_cli_name: str, operation_cli_name: str) -> Customization:
    """The operation's customization, or EMPTY; imports only the service's module."""
    module_name = INDEX.get(service_cli_name)
    if module_name is None:
        return EMPTY
    module = importlib.import_module("%s.%s" % (__name__, module_name))
    service: Customization = getattr(module, "SERVICE", EMPTY)
    operation: Customization | None = module.OPERATIONS.get(operation_cli_name)
    if operation is None:
        return service
    return replace(operation, renames=MappingProxyType({**service.renames, **operation.renames}),
                   aliases=MappingProxyType({**service.aliases, **operation.aliases}),
                   has_boolean_flags=service.has_boolean_flags or operation.has_boolean_flags,
                   requires_endpoint_url=(service.requires_endpoint_url
                                          or operation.requires_endpoint_url),
                   help_note=operation.help_note or service.help_note)


def error_messages(service_cli_name: str) -> Callable[[dict], None] | None:
    """The service's rewrite of a parsed error response, if v2 has one."""
    module_name = INDEX.get(service_cli_name)
    if module_name is None:
        return None
    module = importlib.import_module("%s.%s" % (__name__, module_name))
    return getattr(module, "ERROR_MESSAGES", None)


def removed_operations(service_cli_name: str) -> tuple[str, ...]:
    """The operations v2 removes from the service (CLI names); imports only its module."""
    module_name = INDEX.get(service_cli_name)
    if module_name is None:
        return ()
    module = importlib.import_module("%s.%s" % (__name__, module_name))
    return tuple(getattr(module, "REMOVED_OPERATIONS", ()))


def added_operations(service_cli_name: str) -> Mapping[str, str]:
    """{CLI name: API name} of the commands v2 adds over the service's operations."""
    return _module_table(service_cli_name, "ADDED_OPERATIONS")


def operation_renames(service_cli_name: str) -> Mapping[str, str]:
    """{botocore's CLI name: v2's} of the service's operations v2 renames."""
    return _module_table(service_cli_name, "OPERATION_RENAMES")


def operation_aliases(service_cli_name: str) -> Mapping[str, str]:
    """{old CLI name: CLI name} of the service's renamed operations v2 still accepts."""
    return _module_table(service_cli_name, "OPERATION_ALIASES")


def _module_table(service_cli_name: str, name: str) -> Mapping[str, str]:
    module_name = INDEX.get(service_cli_name)
    if module_name is None:
        return _NOTHING
    module = importlib.import_module("%s.%s" % (__name__, module_name))
    return getattr(module, name, _NOTHING)
