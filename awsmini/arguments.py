"""Operation input shape -> the table of its command-line arguments (ArgSpec).

Takes a `ServiceModel` (whole or sliced) and an operation's API name; returns
an ordered `{cli_name: ArgSpec}` as AWS CLI v2 builds its argument table:
each input member becomes `--kebab-name` (botocore's `xform_name`), booleans get
a `--no-` twin, lists take several words, idempotency tokens are never
required, a streaming output adds the positional `outfile`, and the renames v2
applies (RENAMES) are applied. Pure: no I/O, no botocore beyond `xform_name`.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Mapping

from botocore import xform_name

from awsmini.models import ServiceModel

# v2 renames arguments whose names would collide with global options or read
# badly; key: (service command, operation or "*", argument as botocore names it).
RENAMES: Mapping[tuple[str, str, str], str] = {
    ("ec2", "create-image", "no-no-reboot"): "reboot",
    ("ec2", "*", "no-egress"): "ingress",
    ("ec2", "*", "no-disable-api-termination"): "enable-api-termination",
    ("opsworks", "*", "region"): "stack-region",
    ("elastictranscoder", "*", "output"): "job-output",
    ("swf", "register-activity-type", "version"): "activity-version",
    ("swf", "register-workflow-type", "version"): "workflow-version",
    ("datapipeline", "*", "query"): "objects-query",
    ("datapipeline", "get-pipeline-definition", "version"): "pipeline-version",
    ("emr", "*", "job-flow-ids"): "cluster-ids",
    ("emr", "*", "job-flow-id"): "cluster-id",
    ("cloudsearchdomain", "search", "query"): "search-query",
    ("cloudsearchdomain", "suggest", "query"): "suggest-query",
    ("sns", "subscribe", "endpoint"): "notification-endpoint",
    ("deploy", "*", "s-3-location"): "s3-location",
    ("deploy", "*", "ec-2-tag-filters"): "ec2-tag-filters",
    ("codepipeline", "get-pipeline", "version"): "pipeline-version",
    ("codepipeline", "create-custom-action-type", "version"): "action-version",
    ("codepipeline", "delete-custom-action-type", "version"): "action-version",
    ("kinesisanalytics", "add-application-output", "output"): "application-output",
    ("kinesisanalyticsv2", "add-application-output", "output"): "application-output",
    ("route53", "delete-traffic-policy", "version"): "traffic-policy-version",
    ("route53", "get-traffic-policy", "version"): "traffic-policy-version",
    ("route53", "update-traffic-policy-comment", "version"): "traffic-policy-version",
    ("gamelift", "create-build", "version"): "build-version",
    ("gamelift", "update-build", "version"): "build-version",
    ("gamelift", "create-script", "version"): "script-version",
    ("gamelift", "update-script", "version"): "script-version",
    ("route53domains", "view-billing", "start"): "start-time",
    ("route53domains", "view-billing", "end"): "end-time",
    ("apigateway", "create-rest-api", "version"): "api-version",
    ("apigatewayv2", "create-api", "version"): "api-version",
    ("apigatewayv2", "update-api", "version"): "api-version",
    ("pinpoint", "get-campaign-version", "version"): "campaign-version",
    ("pinpoint", "get-segment-version", "version"): "segment-version",
    ("stepfunctions", "send-task-success", "output"): "task-output",
    ("clouddirectory", "publish-schema", "version"): "schema-version",
    ("mturk", "list-qualification-types", "query"): "types-query",
    ("workdocs", "create-notification-subscription", "endpoint"): "notification-endpoint",
    ("workdocs", "describe-users", "query"): "user-query",
    ("lex-models", "delete-bot", "version"): "bot-version",
    ("lex-models", "delete-intent", "version"): "intent-version",
    ("lex-models", "delete-slot-type", "version"): "slot-type-version",
    ("lex-models", "get-intent", "version"): "intent-version",
    ("lex-models", "get-slot-type", "version"): "slot-type-version",
    ("lex-models", "delete-bot-version", "version"): "bot-version",
    ("lex-models", "delete-intent-version", "version"): "intent-version",
    ("lex-models", "delete-slot-type-version", "version"): "slot-type-version",
    ("lex-models", "get-export", "version"): "resource-version",
    ("mobile", "create-project", "region"): "project-region",
    ("rekognition", "create-stream-processor", "output"): "stream-processor-output",
    ("eks", "create-cluster", "version"): "kubernetes-version",
    ("eks", "update-cluster-version", "version"): "kubernetes-version",
    ("eks", "create-nodegroup", "version"): "kubernetes-version",
    ("eks", "update-nodegroup-version", "version"): "kubernetes-version",
    ("schemas", "*", "version"): "schema-version",
}
# Old names v2 still accepts, undocumented, beside the new ones; same keys.
HIDDEN_ALIASES: Mapping[tuple[str, str, str], str] = {
    ("cognito-identity", "create-identity-pool", "open-id-connect-provider-arns"): "open-id-connect-provider-ar-ns",
    ("storagegateway", "describe-tapes", "tape-arns"): "tape-ar-ns",
    ("storagegateway", "describe-tape-archives", "tape-arns"): "tape-ar-ns",
    ("storagegateway", "describe-vtl-devices", "vtl-device-arns"): "vtl-device-ar-ns",
    ("storagegateway", "describe-cached-iscsi-volumes", "volume-arns"): "volume-ar-ns",
    ("storagegateway", "describe-stored-iscsi-volumes", "volume-arns"): "volume-ar-ns",
    ("route53domains", "view-billing", "start-time"): "start",
    ("deploy", "create-deployment-group", "ec2-tag-set"): "ec-2-tag-set",
    ("deploy", "list-application-revisions", "s3-bucket"): "s-3-bucket",
    ("deploy", "list-application-revisions", "s3-key-prefix"): "s-3-key-prefix",
    ("deploy", "update-deployment-group", "ec2-tag-set"): "ec-2-tag-set",
    ("iam", "enable-mfa-device", "authentication-code1"): "authentication-code-1",
    ("iam", "enable-mfa-device", "authentication-code2"): "authentication-code-2",
    ("iam", "resync-mfa-device", "authentication-code1"): "authentication-code-1",
    ("iam", "resync-mfa-device", "authentication-code2"): "authentication-code-2",
    ("lambda", "publish-version", "code-sha256"): "code-sha-256",
    ("lightsail", "import-key-pair", "public-key-base64"): "public-key-base-64",
    ("opsworks", "register-volume", "ec2-volume-id"): "ec-2-volume-id",
}


@dataclass(frozen=True)
class ArgSpec:
    """One command-line argument of an operation.

    `cli_name` is the option without its dashes (`job-id`); `member_name` the
    input member it fills (`jobId`); `shape_name` and `type_name` its model
    shape. `nargs` is "+" for lists (several words), None otherwise.
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
    default: Any = None  # the value when not given (hand-written commands' arguments)
    is_repeatable: bool = False  # may be given again: its values are collected in order
    dest: str | None = None  # collected with the other options of this dest as (name, value)

    @property
    def option(self) -> str:
        return self.cli_name if self.is_positional else "--" + self.cli_name

    @property
    def is_boolean(self) -> bool:
        return self.type_name == "boolean"

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


def _custom(name: str, documentation: str) -> ArgSpec:
    return ArgSpec(name, "", "", "string", is_cli_only=True, documentation=documentation)


def _outfile(name: str, query: str) -> ArgSpec:
    """v2's options that also save part of the response to a file (mode 0600)."""
    return ArgSpec(name, "", "", "string", is_cli_only=True, saves=query, documentation=(
        "Saves the command output contents of %s to the given filename" % query))


# ec2's one-rule shortcuts for security groups (v2's `secgroupsimplify`): the
# arguments they stand for stay, undocumented.
_SECURITY_GROUP_RULE = (
    (), ("ip-protocol", "from-port", "to-port", "cidr-ip", "source-security-group-name",
         "source-security-group-owner-id"), (
        _custom("protocol", "<p>The IP protocol: <code>tcp</code> | <code>udp</code> | "
                "<code>icmp</code></p> <p>(VPC only) Use <code>all</code> to specify all "
                "protocols.</p><p>If this argument is provided without also providing the "
                "<code>port</code> argument, then it will be applied to all ports for the "
                "specified protocol.</p>"),
        _custom("port", "<p>For TCP or UDP: The range of ports to allow.  A single integer or "
                "a range (<code>min-max</code>).</p><p>For ICMP: A single integer or a range "
                "(<code>type-code</code>) representing the ICMP type number and the ICMP code "
                "number respectively. A value of -1 indicates all ICMP codes for all ICMP "
                "types. A value of -1 just for <code>type</code> indicates all ICMP codes for "
                "the specified ICMP type.</p>"),
        _custom("cidr", "<p>The IPv4 address range, in CIDR format.</p>"),
        _custom("source-group", "<p>The name or ID of the source security group.</p>"),
        _custom("group-owner", "<p>The AWS account ID that owns the source security group. "
                "Cannot be used when specifying a CIDR IP address.</p>")))

# v2's hand-made arguments of particular operations: (service, operation) ->
# (arguments removed, arguments left undocumented, arguments added). The values
# of the added ones become parameters in `values/custom.py`.
CUSTOM_ARGUMENTS: Mapping[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...],
                                                 tuple[ArgSpec, ...]]] = {
    ("ec2", "run-instances"): (("min-count", "max-count"), (), (_custom("count", (
        "<p>Number of instances to launch. If a single number is provided, it\nis assumed "
        "to be the minimum to launch (defaults to 1).  If a range is\nprovided in the form "
        "<code>min:max</code> then the first number is\ninterpreted as the minimum number "
        "of instances to launch and the second\nis interpreted as the maximum number of "
        "instances to launch.</p>")),)),
    ("iot", "create-keys-and-certificate"): ((), (), (
        _outfile("certificate-pem-outfile", "certificatePem"),
        _outfile("public-key-outfile", "keyPair.PublicKey"),
        _outfile("private-key-outfile", "keyPair.PrivateKey"))),
    ("iot", "create-certificate-from-csr"): ((), (), (
        _outfile("certificate-pem-outfile", "certificatePem"),)),
    ("ec2", "authorize-security-group-ingress"): _SECURITY_GROUP_RULE,
    ("ec2", "authorize-security-group-egress"): _SECURITY_GROUP_RULE,
    ("ec2", "revoke-security-group-ingress"): _SECURITY_GROUP_RULE,
    ("ec2", "revoke-security-group-egress"): _SECURITY_GROUP_RULE,
}


def added_arguments(service_cli_name: str, operation_cli_name: str) -> tuple[ArgSpec, ...]:
    """The operation's hand-made arguments (`CUSTOM_ARGUMENTS`), if any."""
    change = CUSTOM_ARGUMENTS.get((service_cli_name, operation_cli_name))
    return change[2] if change else ()


def build_arguments(model: ServiceModel, api_name: str, service_cli_name: str) -> dict[str, ArgSpec]:
    """The argument table of one operation, in model order."""
    operation = model.operations[api_name]
    table: dict[str, ArgSpec] = {}
    op_cli = cli_name(api_name)
    input_name = operation.get("input", {}).get("shape")
    if input_name:
        shape = model.shape(input_name)
        required = set(shape.get("required", []))
        for member_name, member in shape.get("members", {}).items():
            member_shape = model.shape(member["shape"])
            original = xform_name(member_name, "-")
            name = _renamed(service_cli_name, op_cli, original)
            is_token = member.get("idempotencyToken", False)
            is_boolean = member_shape.get("type") == "boolean"
            # v2's ec2 customization: a structure of one boolean `Value` is also a flag
            is_flag = service_cli_name == "ec2" and _is_boolean_value(model, member_shape)
            table[name] = ArgSpec(
                cli_name=name,
                member_name=member_name,
                shape_name=member["shape"],
                type_name=member_shape.get("type", "string"),
                is_required=member_name in required and not is_token,
                documentation=member.get("documentation", member_shape.get("documentation", "")),
                nargs="+" if member_shape.get("type") == "list" else ("?" if is_flag else None),
                negative_name=(_renamed(service_cli_name, op_cli, "no-" + name) if is_boolean
                               else "no-" + name if is_flag else None),
                aliases=_aliases(service_cli_name, op_cli, original),
            )
    change = CUSTOM_ARGUMENTS.get((service_cli_name, op_cli))
    if change is not None:
        removed, undocumented, added = change
        for name in removed:
            table.pop(name, None)
        for name in undocumented:
            if name in table:
                table[name] = replace(table[name], is_documented=False)
        for spec in added:
            table[spec.cli_name] = spec
    if has_streaming_output(model, api_name):
        # v2 adds `outfile` first, and then neither the cli-input options nor
        # the skeleton (`lambda invoke --cli-input-json` is an unknown option).
        table["outfile"] = ArgSpec("outfile", "", "", "string", is_required=True,
                                   documentation="Filename where the content will be saved",
                                   is_positional=True, is_cli_only=True)
    else:
        for spec in CLI_INPUT_OPTIONS:
            table[spec.cli_name] = spec
        table[GENERATE_SKELETON.cli_name] = GENERATE_SKELETON
    return table


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


def _renamed(service: str, operation: str, name: str) -> str:
    return RENAMES.get((service, operation, name)) or RENAMES.get((service, "*", name)) or name


def _aliases(service: str, operation: str, name: str) -> tuple[str, ...]:
    alias = HIDDEN_ALIASES.get((service, operation, name))
    return (alias,) if alias else ()
