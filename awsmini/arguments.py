"""Operation input shape -> the table of its command-line arguments (ArgSpec).

Takes a `ServiceModel` (whole or sliced) and an operation's API name; returns
an ordered `{cli_name: ArgSpec}` as AWS CLI v2 builds its argument table:
each input member becomes `--kebab-name` (botocore's `xform_name`), booleans get
a `--no-` twin, lists take several words, idempotency tokens are never
required, a streaming output adds the positional `outfile`, and v2's changes
to the operation (its `custom.Customization`: renames, aliases, ec2's boolean
flags, hand-made arguments) are applied. Pure: no I/O, no botocore beyond
`xform_name`.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Mapping

from botocore import xform_name

from awsmini.custom import Customization, lookup
from awsmini.models import ServiceModel


@dataclass(frozen=True)
class ArgSpec:
    """One command-line argument of an operation.

    `cli_name` is the option without its dashes (`job-id`); `member_name` the
    input member it fills (`jobId`); `shape_name` and `type_name` its model
    shape. `nargs` is "*" for the lists of model operations (any number of
    words: v2 sends `--ids` given no words as an empty list), None otherwise.
    `is_positional` marks v2's `outfile` of streaming outputs and the words
    of hand-written commands (`nargs` 2 for `s3 cp`'s two paths). Options that
    fill no member (`is_cli_only`) are handled by the driver's own stages, or
    by the hand-written command that declares them. A boolean takes no value;
    it has a `--no-` twin only when `negative_name` says so.
    """

    cli_name: str
    member_name: str
    shape_name: str
    type_name: str
    is_required: bool = False
    documentation: str = ""
    nargs: str | int | None = None
    is_positional: bool = False
    const: str | None = None  # the value of an option given without one (`nargs="?"`)
    negative_name: str | None = None  # a boolean's `--no-` twin, after v2's renames
    aliases: tuple[str, ...] = ()  # other names it answers to, undocumented
    choices: tuple[str, ...] | None = None  # the only values it accepts
    is_cli_only: bool = False  # fills no input member (`--cli-input-json`, paging options)
    is_documented: bool = True  # False: accepted, but left out of help and the prompt
    saves: str | None = None  # an `-outfile` option: the JMESPath of what it writes there
    # a hand-made argument of a generic operation (`ec2 run-instances --count`):
    # puts what its raw value stands for into the parameters (v2's add_to_params)
    fills: Callable[[dict, str], None] | None = None
    # a local file's path: `fills` sees it with `$VARIABLE`s and `~` expanded from the
    # run's environment (v2's expandvars and expanduser)
    is_local_path: bool = False
    default: Any = None  # the value when not given (hand-written commands' arguments)
    is_repeatable: bool = False  # may be given again: its values are collected in order
    dest: str | None = None  # collected with the other options of this dest as (name, value)
    # False: a hand-written command's `file://` value is taken as it is (v2's
    # no_paramfile: `cloudfront sign --url`)
    loads_files: bool = True
    # members of its structure that v2 moved to an argument of their own (`lambda
    # create-function --code` without `ZipFile`, given as `--zip-file`): left out of help
    hidden_members: tuple[str, ...] = ()
    # a hand-made argument that stands for a member inside the input
    # (`IndexField.IntOptions.FacetEnabled`): documented as that member is
    documented_as: str | None = None
    # False: a boolean given as a word (`--facet-enabled true`), not as a flag
    is_flag: bool = True

    @property
    def option(self) -> str:
        return self.cli_name if self.is_positional else "--" + self.cli_name

    @property
    def takes_words(self) -> bool:
        """Whether the option takes its value as several words (a list)."""
        return self.nargs in ("+", "*")

    @property
    def is_boolean(self) -> bool:
        """A boolean flag (`--x`, maybe `--no-x`); one given as a word is not."""
        return self.type_name == "boolean" and self.is_flag

    @property
    def is_boolean_structure(self) -> bool:
        """ec2's `{"Value": true|false}` options, which v2 also takes as the flags
        `--x` (true) and `--no-x` (false); `--x <value>` still takes a value."""
        return self.type_name == "structure" and self.negative_name is not None


CLI_INPUT_OPTIONS = (
    ArgSpec("cli-input-json", "", "", "string", is_cli_only=True, documentation=(
        "Reads arguments from the JSON string provided. The JSON string follows the format "
        "provided by ``--generate-cli-skeleton``. If other arguments are provided on the command "
        "line, those values will override the JSON-provided values. It is not possible to pass "
        "arbitrary binary values using a JSON-provided value as the string will be taken "
        "literally. This may not be specified along with ``--cli-input-yaml``.")),
    ArgSpec("cli-input-yaml", "", "", "string", is_cli_only=True, documentation=(
        "Reads arguments from the YAML string provided. The YAML string follows the format "
        "provided by ``--generate-cli-skeleton yaml-input``. If other arguments are provided on "
        "the command line, those values will override the YAML-provided values. This may not be "
        "specified along with ``--cli-input-json``.")),
)
GENERATE_SKELETON = ArgSpec(
    "generate-cli-skeleton", "", "", "string", nargs="?", const="input", is_cli_only=True,
    choices=("input", "output", "yaml-input"),
    documentation=(
        "Prints a JSON skeleton to standard output without sending an API request. If provided "
        "with no value or the value ``input``, prints a sample input JSON that can be used as an "
        "argument for ``--cli-input-json``. Similarly, if provided ``yaml-input`` it will print a "
        "sample input YAML that can be used with ``--cli-input-yaml``. If provided with the value "
        "``output``, it validates the command inputs and returns a sample output JSON for that "
        "command. The generated JSON skeleton is not stable between versions of the AWS CLI and "
        "there are no backwards compatibility guarantees in the JSON skeleton generated."))


def build_arguments(model: ServiceModel, api_name: str, service_cli_name: str,
                    customization: Customization | None = None) -> dict[str, ArgSpec]:
    """The argument table of one operation, in model order, with v2's changes to
    it (`customization`, looked up from the names when not given)."""
    if customization is None:
        customization = lookup(service_cli_name, cli_name(api_name))
    input_name = model.operations[api_name].get("input", {}).get("shape")
    table = _member_arguments(model, input_name, customization) if input_name else {}
    for name in customization.removed:
        table.pop(name, None)
    for name in customization.undocumented:
        if name in table:
            table[name] = replace(table[name], is_documented=False)
    for name in customization.optional:
        if name in table:
            table[name] = replace(table[name], is_required=False)
    for name, members in customization.hidden_members.items():
        if name in table:
            table[name] = replace(table[name], hidden_members=members)
    for name, addendum in customization.documentation_added.items():
        if name in table:
            table[name] = replace(table[name], documentation=table[name].documentation + addendum)
    for spec in customization.added:
        if spec.documented_as and input_name:
            spec = replace(spec, documentation=_member_documentation(model, input_name,
                                                                     spec.documented_as))
        table[spec.cli_name] = spec
    if has_streaming_output(model, api_name):
        # v2 adds `outfile` first, and then neither the cli-input options nor
        # the skeleton (`lambda invoke --cli-input-json` is an unknown option).
        table["outfile"] = ArgSpec("outfile", "", "", "string", is_required=True,
                                   documentation="Filename where the content will be saved",
                                   is_positional=True, is_cli_only=True)
    elif "outfile" not in table:  # v2's other `outfile`s too (s3api select-object-content)
        for spec in CLI_INPUT_OPTIONS:
            table[spec.cli_name] = spec
        table[GENERATE_SKELETON.cli_name] = GENERATE_SKELETON
    return table


def _member_arguments(model: ServiceModel, input_name: str,
                      customization: Customization) -> dict[str, ArgSpec]:
    """One argument per member of the input shape, named as v2 names it."""
    shape = model.shape(input_name)
    required = set(shape.get("required", []))
    renames = customization.renames
    table: dict[str, ArgSpec] = {}
    for member_name, member in shape.get("members", {}).items():
        member_shape = model.shape(member["shape"])
        original = xform_name(member_name, "-")
        name = renames.get(original, original)
        is_token = member.get("idempotencyToken", False)
        is_boolean = member_shape.get("type") == "boolean"
        is_flag = customization.has_boolean_flags and _is_boolean_value(model, member_shape)
        alias = customization.aliases.get(original)
        table[name] = ArgSpec(
            cli_name=name,
            member_name=member_name,
            shape_name=member["shape"],
            type_name=member_shape.get("type", "string"),
            is_required=member_name in required and not is_token,
            documentation=member.get("documentation", member_shape.get("documentation", "")),
            nargs="*" if member_shape.get("type") == "list" else ("?" if is_flag else None),
            negative_name=(renames.get("no-" + name, "no-" + name) if is_boolean
                           else "no-" + name if is_flag else None),
            aliases=(alias,) if alias else (),
        )
    return table


def _member_documentation(model: ServiceModel, input_name: str, path: str) -> str:
    """The documentation of the member at `path` (`IndexField.IntOptions.FacetEnabled`)
    in the input shape, as v2 documents an argument made from that member; "" when the
    model has no such member."""
    shape, ref = model.shape(input_name), None
    for name in path.split("."):
        ref = shape.get("members", {}).get(name)
        if ref is None:
            return ""
        shape = model.shape(ref["shape"])
    return (ref or {}).get("documentation", shape.get("documentation", ""))


def has_streaming_output(model: ServiceModel, api_name: str) -> bool:
    """Whether the operation's output payload is a blob (botocore's "streaming output",
    v2's `outfile`): `s3api get-object`, and `lambda invoke` too."""
    output = model.operations[api_name].get("output", {}).get("shape")
    if not output:
        return False
    shape = model.shape(output)
    payload = shape.get("payload")
    if not payload or payload not in shape.get("members", {}):
        return False
    return model.shape(shape["members"][payload]["shape"]).get("type") == "blob"


def _is_boolean_value(model: ServiceModel, shape: Mapping[str, Any]) -> bool:
    members = shape.get("members", {})
    return (shape.get("type") == "structure" and list(members) == ["Value"]
            and model.shape(members["Value"]["shape"]).get("type") == "boolean")


def cli_name(api_name: str) -> str:
    """`CancelJobExecution` -> `cancel-job-execution`, as v2 names operations and options."""
    return xform_name(api_name, "-")
