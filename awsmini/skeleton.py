"""--generate-cli-skeleton: sample input (JSON or YAML) or sample output, from the model.

Takes a `ServiceModel` (whole or sliced) and an operation's API name; returns
text (`render_input_json`, `render_input_yaml`) or data (`generate_output`, which
the prompt's output panel shows too, as v2's does).
Pure: no I/O, and no botocore, except `check_output`, which borrows
botocore's parameter validator for the one form that validates.

The values are AWS CLI v2's (botocore's `ArgumentGenerator`):

    string    ""  (an enum: its first value; output: the member's name)
    integer, long   0        float, double   0.0       boolean   true
    timestamp 1970-01-01T00:00:00            blob      null (YAML: !!binary '')
    list      one element    map   {"KeyName": <value>}
    structure its members in model order; a structure already being generated
              further up the same path is cut to {} (so recursion ends)

The YAML form is what v2's round-trip YAML writer prints: block style, two
spaces per level, a sequence's dashes level with its key, and each member
followed by a comment: `[REQUIRED]`, the first sentence of its documentation
and, for enums, `Valid values are: ...`.
"""
from __future__ import annotations

import datetime
import json
import re
from typing import Any, Iterator, Mapping

from awsmini.errors import ParamValidationError
from awsmini.models import ServiceModel
from awsmini.yaml12 import scalar_style

_EPOCH = datetime.datetime(1970, 1, 1, 0, 0, 0)


def generate_input(model: ServiceModel, api_name: str) -> dict:
    """The input skeleton as data (what `--generate-cli-skeleton input` prints)."""
    ref = model.operations[api_name].get("input")
    return _generate(model, ref, [], "", False) if ref else {}


def generate_output(model: ServiceModel, api_name: str) -> dict:
    """The fake response of `--generate-cli-skeleton output`: strings are member names."""
    ref = model.operations[api_name].get("output")
    return _generate(model, ref, [], "", True) if ref else {}


def render_input_json(model: ServiceModel, api_name: str) -> str:
    """The JSON input skeleton, as v2 prints it (4-space indent, ASCII, final newline)."""
    return json.dumps(generate_input(model, api_name), indent=4, default=json_default) + "\n"


def render_input_yaml(model: ServiceModel, api_name: str) -> str:
    """The YAML input skeleton with v2's comments."""
    ref = model.operations[api_name].get("input")
    node = _yaml_node(model, ref, []) if ref else _YamlMap([])
    if not node.entries:
        return "{}\n"
    return "".join(line + "\n" for line in _emit_map(node.entries, 0, inline=False))


def render_input(model: ServiceModel, api_name: str, form: str) -> str:
    """The text of `--generate-cli-skeleton input` or `yaml-input`."""
    if form == "yaml-input":
        return render_input_yaml(model, api_name)
    return render_input_json(model, api_name)


def fake_response(model: ServiceModel, api_name: str, params: dict) -> dict:
    """`--generate-cli-skeleton output`: the fake response, checked as v2's stubbed call
    checks it (the response first, then the parameters). Nothing is sent."""
    response = generate_output(model, api_name)
    check_output(model, api_name, response)
    check_input(model, api_name, dict(params))
    return response


def check_output(model: ServiceModel, api_name: str, response: dict) -> None:
    """Validate the fake response against the output shape, as v2's stubber does.

    Raises ParamValidationError with botocore's report (e.g. a `min` the
    placeholder 0 breaks, or a blob left null).
    """
    _validate(model, model.operations[api_name].get("output"), response)


def check_input(model: ServiceModel, api_name: str, params: dict) -> None:
    """Validate the parameters as the stubbed call of `output` does before it answers."""
    _validate(model, model.operations[api_name].get("input"), params)


def _validate(model: ServiceModel, ref: dict | None, value: dict) -> None:
    # The stubber checks that a shapeless output is empty; the fake one always is.
    if not ref:
        return
    from botocore.model import ShapeResolver
    from botocore.validate import ParamValidator

    shape = ShapeResolver(model.shapes).get_shape_by_name(ref["shape"])
    report = ParamValidator().validate(value, shape)
    if report.has_errors():
        raise ParamValidationError("Parameter validation failed:\n" + report.generate_report())


def json_default(value: Any) -> Any:
    """`json.dumps`'s `default` for skeleton data: a timestamp as ISO 8601 text."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


# ------------------------------------------------------------------ values

def _resolve(model: ServiceModel, ref: Mapping[str, Any]) -> Mapping[str, Any]:
    """The shape a member reference points to, with the reference's own traits
    (documentation, enum, ...) laid over it, as botocore resolves it."""
    shape = model.shape(ref["shape"])
    if len(ref) == 1:
        return shape
    merged = dict(shape)
    merged.update((key, value) for key, value in ref.items() if key != "shape")
    return merged


def _generate(model: ServiceModel, ref: Mapping[str, Any], stack: list[str], name: str,
              use_member_names: bool) -> Any:
    """The placeholder of one shape; `stack` holds the shape names above it."""
    shape_name = ref["shape"]
    shape = _resolve(model, ref)
    kind = shape.get("type")
    stack.append(shape_name)
    try:
        if kind == "structure":
            if stack.count(shape_name) > 1:
                return {}
            return {member: _generate(model, member_ref, stack, member, use_member_names)
                    for member, member_ref in shape.get("members", {}).items()}
        if kind == "list":
            member_ref = shape["member"]
            name = member_ref["shape"] if use_member_names else ""
            return [_generate(model, member_ref, stack, name, use_member_names)]
        if kind == "map":
            return {"KeyName": _generate(model, shape["value"], stack, "", use_member_names)}
        return _scalar(shape, name, use_member_names)
    finally:
        stack.pop()


def _scalar(shape: Mapping[str, Any], name: str, use_member_names: bool) -> Any:
    kind = shape.get("type")
    if kind == "string":
        if use_member_names:
            return name
        # v2's generator picks an enum value at random; its recorded skeletons
        # (and every script that diffs them) show the first.
        enum = shape.get("enum")
        return enum[0] if enum else ""
    if kind in ("integer", "long"):
        return 0
    if kind in ("float", "double"):
        return 0.0
    if kind == "boolean":
        return True
    if kind == "timestamp":
        return _EPOCH
    return None  # blob, and any type v2's generator does not know


# -------------------------------------------------------------- YAML nodes

class _YamlMap:
    """A mapping to print: (key, node, comment or None, spaces before '#')."""

    __slots__ = ("entries",)

    def __init__(self, entries: list[tuple[str, Any, str | None, int]]) -> None:
        self.entries = entries


class _YamlSeq:
    __slots__ = ("items",)

    def __init__(self, items: list[Any]) -> None:
        self.items = items


class _Scalar(str):
    """Text already in YAML form (`''`, `0`, `!!binary ''`)."""


def _yaml_node(model: ServiceModel, ref: Mapping[str, Any], stack: list[str]) -> Any:
    shape_name = ref["shape"]
    shape = _resolve(model, ref)
    kind = shape.get("type")
    if kind == "blob":
        return _Scalar("!!binary ''")
    stack.append(shape_name)
    try:
        if kind == "structure":
            if stack.count(shape_name) > 1:
                return _YamlMap([])
            return _YamlMap(list(_structure_entries(model, shape, stack)))
        if kind == "list":
            return _YamlSeq([_yaml_node(model, shape["member"], stack)])
        if kind == "map":
            return _YamlMap([("KeyName", _yaml_node(model, shape["value"], stack), None, 0)])
        return _yaml_scalar(_scalar(shape, "", False))
    finally:
        stack.pop()


def _structure_entries(model: ServiceModel, shape: Mapping[str, Any], stack: list[str]) -> Iterator[tuple]:
    """Members with their comments.

    v2's YAML writer aligns a new comment with the nearest earlier commented
    key it finds (its search stops at the first key that sorts at or after the
    new one); with none found it puts two spaces before '#', else one.
    """
    required = set(shape.get("required", ()))
    keys: list[str] = []
    commented: set[str] = set()
    for member, ref in shape.get("members", {}).items():
        node = _yaml_node(model, ref, stack)
        comment = _member_comment(_resolve(model, ref), member in required)
        spaces = 0
        if comment is not None:
            spaces = 1 if _finds_column(keys, commented, member) else 2
            commented.add(member)
        yield _yaml_key(member), node, comment, spaces
        keys.append(member)


def _finds_column(keys: list[str], commented: set[str], key: str) -> bool:
    """Whether v2's writer finds an earlier comment to align `key`'s with."""
    if keys and keys[-1] in commented:
        return True
    for earlier in keys:
        if earlier >= key:
            return False
        if earlier in commented:
            return True
    return False


def _member_comment(target: Mapping[str, Any], is_required: bool) -> str | None:
    parts = ["[REQUIRED]"] if is_required else []
    parts.append(doc_overview(target.get("documentation", "")))
    if target.get("type") == "string" and target.get("enum"):
        parts.append("Valid values are: %s." % ", ".join(target["enum"]))
    text = " ".join(parts)
    if not text or text.isspace():
        return None
    return "# " + text


_SENTENCE_END = re.compile(r"[.:]+")


def doc_overview(documentation: str) -> str:
    """The first sentence of a documentation string, without markup or line breaks."""
    text = _strip_markup(documentation)
    text = _SENTENCE_END.split(text, 1)[0]
    if text:
        text += "."
    return text.replace("\n", " ").replace("\u2028", " ")


def _strip_markup(documentation: str) -> str:
    """The text of the documentation's XML; the documentation itself when it is not XML.

    v2 parses with a namespace-aware DOM and keeps only text nodes, so CDATA
    sections are dropped and an unknown entity (`&nbsp;`) leaves the markup in.
    """
    from xml.parsers import expat

    parts: list[str] = []
    in_cdata = [False]

    def on_text(data: str) -> None:
        if not in_cdata[0]:
            parts.append(data)

    def on_cdata(start: bool) -> None:
        in_cdata[0] = start

    parser = expat.ParserCreate(None, " ")
    parser.CharacterDataHandler = on_text
    parser.StartCdataSectionHandler = lambda: on_cdata(True)
    parser.EndCdataSectionHandler = lambda: on_cdata(False)
    try:
        parser.Parse("<doc>%s</doc>" % documentation, True)
    except expat.ExpatError:
        return documentation
    return "".join(parts)


# ---------------------------------------------------------- YAML scalars

def _yaml_scalar(value: Any) -> _Scalar:
    if value is True:
        return _Scalar("true")
    if isinstance(value, (int, float)):
        return _Scalar(repr(value))
    if isinstance(value, datetime.datetime):
        return _Scalar(value.isoformat(" "))
    if value is None:
        return _Scalar("")
    return _Scalar(_yaml_str(value, is_key=False))


def _yaml_key(key: str) -> str:
    return _yaml_str(key, is_key=True)


def _yaml_str(value: str, is_key: bool) -> str:
    """`value` plain, single-quoted or double-quoted, as v2's YAML writer chooses."""
    style = scalar_style(value, is_key, prefers_double=True)
    if style == "plain":
        return value
    if style == "single":  # it holds no `'`: that one is double-quoted
        return "'" + value + "'"
    return _double_quoted(value)


def _double_quoted(value: str) -> str:
    escapes = {"\0": "0", "\x07": "a", "\x08": "b", "\t": "t", "\n": "n", "\x0b": "v",
               "\x0c": "f", "\r": "r", "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N",
               "\xa0": "_", "\u2028": "L", "\u2029": "P"}
    out = []
    for ch in value:
        if ch in escapes:
            out.append("\\" + escapes[ch])
        elif "\x20" <= ch <= "\x7e" or ("\xa0" <= ch <= "\ud7ff" or "\ue000" <= ch <= "\ufffd") and ch != "\ufeff":
            out.append(ch)
        elif ch <= "\xff":
            out.append("\\x%02X" % ord(ch))
        elif ch <= "\uffff":
            out.append("\\u%04X" % ord(ch))
        else:
            out.append("\\U%08X" % ord(ch))
    return '"' + "".join(out) + '"'


# ------------------------------------------------------------ YAML layout

def _emit_map(entries: list[tuple], indent: int, inline: bool) -> Iterator[str]:
    """Lines of a block mapping; with `inline` the first key continues the current line."""
    pad = " " * indent
    for index, (key, node, comment, spaces) in enumerate(entries):
        head = key + ":" if inline and index == 0 else pad + key + ":"
        tail = "" if comment is None else " " * spaces + comment
        if isinstance(node, _YamlMap) and node.entries:
            yield head + tail
            yield from _emit_map(node.entries, indent + 2, inline=False)
        elif isinstance(node, _YamlSeq) and comment is not None and isinstance(node.items[0], _YamlSeq):
            # v2's writer moves the key's comment onto the sequence, and a
            # commented sequence whose first item is a sequence breaks the
            # line after the second dash.
            yield head + tail
            yield pad + "- -"
            yield from _emit_block(node.items[0].items[0], indent + 4)
        elif isinstance(node, _YamlSeq):
            yield head + tail
            yield from _emit_seq(node.items, indent, inline=False)
        else:
            value = "{}" if isinstance(node, _YamlMap) else node
            yield head + (" " + value if value else "") + tail


def _emit_seq(items: list[Any], indent: int, inline: bool) -> Iterator[str]:
    pad = " " * indent
    for index, node in enumerate(items):
        head = "- " if inline and index == 0 else pad + "- "
        if isinstance(node, _YamlMap) and node.entries:
            lines = _emit_map(node.entries, indent + 2, inline=True)
        elif isinstance(node, _YamlSeq):
            lines = _emit_seq(node.items, indent + 2, inline=True)
        else:
            lines = iter(["{}" if isinstance(node, _YamlMap) else node])
        first = next(lines)
        yield head + first
        yield from lines


def _emit_block(node: Any, indent: int) -> Iterator[str]:
    """Lines of `node` starting on a fresh line at `indent`."""
    if isinstance(node, _YamlMap) and node.entries:
        yield from _emit_map(node.entries, indent, inline=False)
    elif isinstance(node, _YamlSeq):
        yield from _emit_seq(node.items, indent, inline=False)
    else:
        yield " " * indent + ("{}" if isinstance(node, _YamlMap) else node)
