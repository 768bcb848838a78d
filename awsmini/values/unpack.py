"""One argument's command-line value -> the Python value botocore takes, as AWS CLI v2 makes it.

Takes an `ArgSpec`, the raw value the argv parser produced (a string, a list of
strings for list arguments, or an int/float that argparse already converted),
the service model and the `Env`; returns the parameter value.
Values already converted are accepted, so converting twice is harmless.

The steps are v2's, in v2's order:
1. `file://` / `fileb://`: the value is replaced by the file's contents
   (a one-word list by the file's contents, not a list of it).
2. Shorthand, for structures, maps and lists of those, unless the value starts
   like JSON (`{` or `[`); then v2's model-aware adjustments (`_adjust`).
3. Otherwise JSON for documents, JSON-valued headers and complex shapes;
   `int()` / `float()` for numbers; strings, timestamps and blobs as given
   (botocore parses timestamp strings itself).

Under `--cli-binary-format base64`, blob strings are base64-decoded by
`decode_input_blobs`, once for the whole request, as the call is made (v2
decodes them there: after every argument and `--cli-input-*` is read, so an
error in a later argument is the one reported).

Errors: `ParamValidationError` for what v2 reports as "Error parsing parameter"
(exit 252); `OtherError` carrying Python's own message where v2 lets the
exception through (exit 255), e.g. `int('2.5')`. Must not import botocore's
client machinery or print.
"""
from __future__ import annotations

import base64
import binascii
import json
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, Mapping

from awsmini.env import Env
from awsmini.errors import OtherError, ParamValidationError
from awsmini.models import ServiceModel
from awsmini.values import paramfile
from awsmini.values.shorthand import ShorthandParseError, parse_shorthand

if TYPE_CHECKING:
    from awsmini.arguments import ArgSpec

SCALAR_TYPES = frozenset(["string", "float", "integer", "long", "boolean", "double", "blob", "timestamp"])
COMPLEX_TYPES = frozenset(["structure", "map", "list"])

# v2 keeps the pre-2015 reading of these lists of one-member structures:
# `--instances i-1 i-2` means [{"InstanceId": "i-1"}, {"InstanceId": "i-2"}].
# Keyed by service event name, operation cli name and argument cli name.
OLD_LIST_CASES = frozenset([
    ("firehose", "put-record-batch", "records"),
    ("workspaces", "reboot-workspaces", "reboot-workspace-requests"),
    ("workspaces", "rebuild-workspaces", "rebuild-workspace-requests"),
    ("workspaces", "terminate-workspaces", "terminate-workspace-requests"),
    ("elastic-load-balancing", "remove-tags", "tags"),
    ("elastic-load-balancing", "describe-instance-health", "instances"),
    ("elastic-load-balancing", "deregister-instances-from-load-balancer", "instances"),
    ("elastic-load-balancing", "register-instances-with-load-balancer", "instances"),
])

# What Python raises inside v2's conversions; v2 lets these end the run (255).
_CRASHES = (ValueError, TypeError, AttributeError, IndexError, KeyError)


def unpack_argument(spec: ArgSpec, raw: Any, model: ServiceModel, env: Env,
                    operation: str | None = None) -> Any:
    """The value of one argument, ready for the request parameters.

    `operation` is the operation's API name; it may be left out when `model` is
    a slice holding one operation. It selects v2's per-operation exceptions.
    """
    if raw is None or spec.is_positional:
        return raw
    if spec.is_boolean_structure and isinstance(raw, bool):  # `--x` or `--no-x`
        return {"Value": raw}
    context = _Context(spec, model, env, operation)
    try:
        value = context.load_file(raw)
        value = context.convert(value)
    except _CRASHES as error:
        raise OtherError(str(error)) from error
    return value


def load_argument_file(spec: ArgSpec, raw: Any, env: Env) -> Any:
    """v2's `load-cli-arg` step alone, for a hand-made argument of a generic operation
    (`lambda create-function --zip-file fileb://f.zip`): the file's contents, or `raw`."""
    return _Context(spec, ServiceModel("", "", {}), env, "").load_file(raw)


def decode_input_blobs(params: dict, model: ServiceModel, api_name: str) -> dict:
    """The request parameters with their blob strings base64-decoded (see `decode_blobs`)."""
    input_ref = model.operations[api_name].get("input")
    if not input_ref:
        return params
    return decode_blobs(params, input_ref["shape"], model)


def decode_blobs(value: Any, shape_name: str, model: ServiceModel) -> Any:
    """`value` with every string in a blob position base64-decoded (v2's `base64` format).

    Decoding is lenient as in v2: characters outside the alphabet are dropped;
    only bad padding fails, with `OtherError('Invalid base64: "..."')`.
    Bytes (from `fileb://`) are left alone.
    """
    holder = [value]
    _decode_into(holder, 0, shape_name, model)
    return holder[0]


def _decode_into(parent: Any, key: Any, shape_name: str, model: ServiceModel) -> None:
    value = parent[key]
    shape = model.shape(shape_name)
    kind = shape.get("type")
    if kind == "structure" and isinstance(value, dict):
        for name, member in shape.get("members", {}).items():
            if value.get(name) is not None:
                _decode_into(value, name, member["shape"], model)
    elif kind == "list" and isinstance(value, list):
        for index in range(len(value)):
            _decode_into(value, index, shape["member"]["shape"], model)
    elif kind == "map" and isinstance(value, dict):
        for name in list(value):
            _decode_into(value, name, shape["value"]["shape"], model)
    elif kind == "blob" and isinstance(value, str):
        try:
            parent[key] = base64.b64decode(value)
        except (binascii.Error, TypeError):
            raise OtherError('Invalid base64: "%s"' % value) from None
        except ValueError as error:  # not ASCII: v2 does not catch this one
            raise OtherError(str(error)) from None


class _Context:
    """One argument being unpacked: its spec, shape and the operation's names."""

    def __init__(self, spec: ArgSpec, model: ServiceModel, env: Env, operation: str | None) -> None:
        self.spec = spec
        self.model = model
        self.env = env
        self.operation = operation or (next(iter(model.operations)) if len(model.operations) == 1 else "")
        self.option = spec.option

    # ------------------------------------------------------ 1. paramfiles

    def load_file(self, raw: Any) -> Any:
        """v2's `load-cli-arg` step: a `file://` value becomes the file's contents."""
        candidate = raw[0] if isinstance(raw, list) and len(raw) == 1 else raw
        try:
            loaded = paramfile.load_paramfile(candidate, self.env)
        except paramfile.ParamFileError as error:
            raise self.param_error(error.message) from None
        return raw if loaded is None else loaded

    # ------------------------------------------------------- 2. and 3.

    def convert(self, value: Any) -> Any:
        if _is_converted(value):
            return value
        shape = self.model.shape(self.spec.shape_name)
        if isinstance(value, (bytes, bytearray)) and shape.get("type") == "list":
            return self.unpack_list(shape, value)
        if self.should_parse_shorthand(shape, value):
            return self.parse_shorthand(shape, value)
        return self.unpack(self.spec.shape_name, value, top=True)

    def should_parse_shorthand(self, shape: Mapping, value: Any) -> bool:
        first = value[0] if value and isinstance(value, list) else value
        if isinstance(first, str) and first.strip().startswith(("[", "{")):
            return False
        return shape.get("type") in COMPLEX_TYPES and self.supports_shorthand(shape)

    def supports_shorthand(self, shape: Mapping) -> bool:
        # v2: complex shapes take shorthand, except lists of scalars and shapes
        # that are documents or only wrap documents.
        if _is_document_container(shape, self.model):
            return False
        if shape.get("type") == "list":
            member = self.model.shape(shape["member"]["shape"])
            return member.get("type") in COMPLEX_TYPES
        return True

    def parse_shorthand(self, shape: Mapping, value: Any) -> Any:
        special = self.special_case(shape, value)
        if special is not None:
            return special
        if isinstance(value, bytes):
            # v2 hands the bytes to its parser, which fails on the first character.
            raise OtherError("'in <string>' requires string as left operand, not int")
        try:
            if isinstance(value, list):
                parsed: Any = [parse_shorthand(item, self.load_nested_file) for item in value]
            else:
                parsed = parse_shorthand(value, self.load_nested_file)
        except ShorthandParseError as error:
            raise self.param_error(error.message) from None
        _adjust({}, "", self.spec.shape_name, parsed, self.model)
        return parsed

    def special_case(self, shape: Mapping, value: Any) -> Any:
        """v2's two shorthand forms kept from its first parser, or None."""
        kind = shape.get("type")
        if kind == "list":
            member = self.model.shape(shape["member"]["shape"])
            members = member.get("members", {})
            if member.get("type") == "structure" and len(members) == 1 and (
                    (self.service_event_name(), self.operation_cli_name(),
                     self.spec.cli_name) in OLD_LIST_CASES):
                name = next(iter(members))
                return [{name: item} for item in value]
        elif kind == "structure":
            members = shape.get("members", {})
            # `--instance-terminate-behavior shutdown` for {"Value": "shutdown"}
            if (len(members) == 1 and "Value" in members
                    and self.model.shape(members["Value"]["shape"]).get("type") == "string"
                    and "=" not in value):
                return {"Value": value}
        return None

    def load_nested_file(self, text: str) -> Any:
        """`key@=file://...` inside shorthand; v2 lets a failure end the run (255)."""
        try:
            return paramfile.load_paramfile(text, self.env)
        except paramfile.ParamFileError as error:
            raise OtherError(error.message) from None

    def unpack(self, shape_name: str, value: Any, top: bool = False) -> Any:
        """v2's default conversion (`unpack_cli_arg`) of a value that is not shorthand."""
        shape = self.model.shape(shape_name)
        kind = shape.get("type", "string")
        if _is_document(shape) or (top and self.is_json_value_header(shape)):
            return self.parse_json(value)
        if kind in SCALAR_TYPES:
            # botocore's "streaming" trait is on the shape or on the member reference
            streaming = bool(shape.get("streaming") or top and self.input_member().get("streaming"))
            return self.unpack_scalar(shape, value, streaming)
        if kind in ("structure", "map"):
            if value.lstrip()[0] == "{":
                return self.parse_json(value)
            raise self.param_error("Invalid JSON:\n%s" % (value,))
        if kind == "list":
            return self.unpack_list(shape, value)
        return str(value)

    def unpack_list(self, shape: Mapping, value: Any) -> Any:
        if isinstance(value, (bytes, bytearray)):
            # `fileb://` given for a list: v2 iterates the bytes into one integer item
            # each (a 400 KB file gives 400,000 validation errors and takes seconds);
            # here it is one item, which validation refuses in one line.
            return [bytes(value)]
        if isinstance(value, str):
            if value.lstrip()[0] == "[":
                return self.parse_json(value)
        elif isinstance(value, list) and len(value) == 1:
            single = value[0].strip()
            if single and single[0] == "[":
                return self.parse_json(value[0])
        if self.model.shape(shape["member"]["shape"]).get("type", "string") == "string":
            # Each item as it is: what `unpack` gives a string member, without its per-item
            # lookups (a megabyte read from a file is a million items).
            return list(value)
        try:
            # A string here (from a file) is iterated character by character, as in v2.
            return [self.unpack(shape["member"]["shape"], item) for item in value]
        except (ValueError, TypeError):
            raise self.param_error(value[0]) from None

    def unpack_scalar(self, shape: Mapping, value: Any, streaming: bool = False) -> Any:
        kind = shape.get("type")
        if kind in ("integer", "long"):
            return _number(int, value)
        if kind in ("float", "double"):
            return _number(float, value)
        if kind == "blob" and streaming:
            return self.open_streaming_blob(value)
        if kind == "boolean":
            if isinstance(value, str) and value.lower() == "false":
                return False
            return bool(value)
        return value

    def open_streaming_blob(self, value: Any) -> Any:
        """A streaming blob's value names a regular file, sent as it is read (as v2 sends it)."""
        if isinstance(value, str):
            path = self.env.path(paramfile.expand_variables(value, self.env.environ))
            if self.env.is_file(path):
                try:
                    return self.env.open_binary(path)
                except OSError:
                    pass
        raise self.param_error("Blob values must be a path to a file.")

    def parse_json(self, value: Any) -> Any:
        try:
            return json.loads(value, object_pairs_hook=OrderedDict)
        except ValueError as error:
            raise self.param_error("Invalid JSON: %s\nJSON received: %s"
                                   % (json_refusal(error), value)) from None

    # ------------------------------------------------------------ names

    def is_json_value_header(self, shape: Mapping) -> bool:
        member = self.input_member()
        traits = {**shape, **member}
        return (shape.get("type") == "string" and bool(traits.get("jsonvalue"))
                and traits.get("location") == "header")

    def input_member(self) -> Mapping:
        operation = self.model.operations.get(self.operation, {})
        input_name = operation.get("input", {}).get("shape")
        if not input_name:
            return {}
        return self.model.shape(input_name).get("members", {}).get(self.spec.member_name, {})

    def service_event_name(self) -> str:
        """The service as v2's event names spell it: the service id, lowercase and hyphenated
        (botocore aliases `elb` to `elastic-load-balancing`, `email` to `ses`, ...)."""
        service_id = self.model.metadata.get("serviceId") or self.model.name
        return service_id.lower().replace(" ", "-")

    def operation_cli_name(self) -> str:
        from awsmini.arguments import cli_name

        return cli_name(self.operation) if self.operation else ""

    def param_error(self, message: str) -> ParamValidationError:
        return ParamValidationError("Error parsing parameter '%s': %s" % (self.option, message))


# ------------------------------------------------------- model adjustments

def _adjust(parent: Any, key: Any, shape_name: str, value: Any, model: ServiceModel) -> None:
    """v2's back-compat pass over parsed shorthand, changing `parent[key]` in place.

    A lone value where the model has a list becomes a one-item list (and is not
    looked at further); numbers become int/float and "true"/"false" (any case)
    become booleans; everything else, including unknown keys, stays for
    botocore's validation to judge.
    """
    if value is None:
        return
    shape = model.shape(shape_name)
    kind = shape.get("type")
    if kind == "structure":
        if isinstance(value, dict):
            for name, member in shape.get("members", {}).items():
                _adjust(value, name, member["shape"], value.get(name), model)
    elif kind == "list":
        if not isinstance(value, list):
            parent[key] = [value]
        else:
            for index, item in enumerate(value):
                _adjust(value, index, shape["member"]["shape"], item, model)
    elif kind == "map":
        if isinstance(value, dict):
            for name, item in value.items():
                _adjust(value, name, shape["value"]["shape"], item, model)
    elif kind in ("integer", "long"):
        parent[key] = _number(int, value)
    elif kind in ("float", "double"):
        parent[key] = _number(float, value)
    elif kind == "boolean":
        if value.lower() == "true":
            parent[key] = True
        elif value.lower() == "false":
            parent[key] = False


def _is_converted(value: Any) -> bool:
    """A dict, or a list holding anything but strings: already unpacked, not raw text."""
    if isinstance(value, dict):
        return True
    return isinstance(value, list) and any(not isinstance(item, str) for item in value)


def _is_document(shape: Mapping) -> bool:
    return shape.get("type") == "structure" and bool(shape.get("document"))


def _is_document_container(shape: Mapping, model: ServiceModel) -> bool:
    """A document, or lists/maps whose innermost values are documents."""
    seen = 0
    while shape.get("type") in ("list", "map") and seen < 100:
        target = shape["member"] if shape.get("type") == "list" else shape["value"]
        shape = model.shape(target["shape"])
        seen += 1
    return _is_document(shape)


# Python 3.10's words for a value int() or float() cannot take (v2's interpreter has them;
# 3.9 says "or a number"), so that every supported Python prints the same message.
_NOT_A_NUMBER = {
    int: "int() argument must be a string, a bytes-like object or a real number, not '%s'",
    float: "float() argument must be a string or a real number, not '%s'",
}


def _number(convert: Any, value: Any) -> Any:
    try:
        return convert(value)
    except TypeError:
        raise TypeError(_NOT_A_NUMBER[convert] % type(value).__name__) from None


_JSON_SPACE = " \t\n\r"


def json_refusal(error: ValueError) -> str:
    """json's refusal of a document in the words v2's Python gives. Python 3.13
    names a trailing comma at the comma; earlier ones, as v2, refuse what follows it:
    a missing property name in an object, a missing value in an array."""
    if not (isinstance(error, json.JSONDecodeError)
            and error.msg.startswith("Illegal trailing comma")):
        return str(error)
    doc, pos = error.doc, error.pos + 1
    while pos < len(doc) and doc[pos] in _JSON_SPACE:
        pos += 1
    expected = ("Expecting property name enclosed in double quotes"
                if error.msg.endswith("object") else "Expecting value")
    return str(json.JSONDecodeError(expected, doc, pos))
