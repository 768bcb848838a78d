"""An argument's shape -> the "Shorthand Syntax" and "JSON Syntax" samples of its help.

Takes raw model shapes (the `shapes` mapping of a `ServiceModel`); returns the
sample text AWS CLI v2 prints under an option, or None where v2 prints none.
Pure: no I/O.
"""
from __future__ import annotations

from typing import Any, Mapping

SCALAR_TYPES = {"string", "float", "integer", "long", "boolean", "double", "blob", "timestamp"}
COMPLEX_TYPES = {"structure", "map", "list"}
_MAX_DEPTH = 3

Shapes = Mapping[str, Any]


class _TooComplex(Exception):
    pass


def is_document(shapes: Shapes, name: str) -> bool:
    """A document type, or a list or map of them (no shorthand for those)."""
    shape = shapes[name]
    if shape.get("document"):
        return True
    if shape.get("type") == "list":
        return is_document(shapes, shape["member"]["shape"])
    if shape.get("type") == "map":
        return is_document(shapes, shape["value"]["shape"])
    return False


def supports_shorthand(shapes: Shapes, name: str) -> bool:
    """Structures, maps and lists of those: v2 documents shorthand only for these."""
    shape = shapes[name]
    kind = shape.get("type")
    if is_document(shapes, name) or kind not in COMPLEX_TYPES:
        return False
    return kind != "list" or shapes[shape["member"]["shape"]].get("type") in COMPLEX_TYPES


def shorthand_example(shapes: Shapes, name: str, cli_name: str = "",
                      old_list_case: bool = False) -> str | None:
    """The shorthand sample, "" when too deep to show, None when v2 shows no sample."""
    shape = shapes[name]
    if shape.get("type") == "list":
        member = shapes[shape["member"]["shape"]]
        if old_list_case and member.get("type") == "structure" and len(member.get("members", {})) == 1:
            member_name = next(iter(member["members"]))
            if shape.get("min") == 1 and shape.get("max") == 1:
                return "%s %s1" % (cli_name, member_name)
            return "%s %s1 %s2 %s3" % (cli_name, member_name, member_name, member_name)
    if (shape.get("type") == "structure" and list(shape.get("members", {})) == ["Value"]
            and shapes[shape["members"]["Value"]["shape"]].get("type") == "string"):
        return None
    try:
        if shape.get("type") == "list":
            return _shorthand(shapes, shape["member"]["shape"], []) + " ..."
        return _shorthand(shapes, name, [])
    except _TooComplex:
        return ""


def _shorthand(shapes: Shapes, name: str, stack: list[str]) -> str:
    if len(stack) > _MAX_DEPTH:
        raise _TooComplex()
    shape = shapes[name]
    kind = shape.get("type")
    if kind == "structure":
        parts = []
        for member_name, member in shape.get("members", {}).items():
            if is_document(shapes, member["shape"]):
                continue
            if member["shape"] in stack:
                parts.append("%s=( ... recursive ... )" % member_name)
                continue
            stack.append(member["shape"])
            try:
                parts.append("%s=%s" % (member_name, _shorthand(shapes, member["shape"], stack)))
            finally:
                stack.pop()
        inner = ",".join(parts)
        return "{%s}" % inner if stack else inner
    if kind == "list":
        member = shape["member"]["shape"]
        stack.append(member)
        try:
            element = _shorthand(shapes, member, stack)
        finally:
            stack.pop()
        if shapes[member].get("type") in COMPLEX_TYPES or len(stack) > 1:
            return "[%s,%s]" % (element, element)
        return "%s,%s" % (element, element)
    if kind == "map":
        value = shape["value"]["shape"]
        stack.append(value)
        try:
            value_docs = _shorthand(shapes, value, stack)
        finally:
            stack.pop()
        text = "KeyName1=%s,KeyName2=%s" % (value_docs, value_docs)
        key = shapes[shape["key"]["shape"]]
        if key.get("enum") and not stack:
            text += "\n\nWhere valid key names are:\n"
            text += "".join("  %s\n" % value for value in key["enum"])
        elif stack:
            text = "{%s}" % text
        return text
    return kind


def json_example(shapes: Shapes, name: str) -> list[str]:
    """The JSON sample as rst lines (relative indents of two spaces per level)."""
    writer = _Lines()
    _json(shapes, name, [], writer)
    return writer.done()


class _Lines:
    def __init__(self) -> None:
        self.lines = [""]
        self.level = 0

    def write(self, text: str) -> None:
        self.lines[-1] += text

    def new_line(self) -> None:
        self.lines.append("  " * self.level)

    def done(self) -> list[str]:
        return self.lines


def _value_name(shapes: Shapes, name: str, with_enums: bool = True) -> str:
    shape = shapes[name]
    if shape.get("type", "string") == "string":
        if shape.get("enum") and with_enums:
            return "|".join('"%s"' % value for value in shape["enum"])
        return '"string"'
    if shape.get("type") == "boolean":
        return "true|false"
    return shape.get("type", "string")


def _json(shapes: Shapes, name: str, stack: list[str], out: _Lines) -> None:
    if name in stack and stack.count(name) > 1:
        if shapes[name].get("type") == "structure":
            out.write("{ ... recursive ... }")
        return
    stack.append(name)
    try:
        _json_body(shapes, name, stack, out)
    finally:
        stack.pop()


def _json_body(shapes: Shapes, name: str, stack: list[str], out: _Lines) -> None:
    shape = shapes[name]
    kind = shape.get("type")
    if kind == "list":
        member = shape["member"]["shape"]
        out.write("[")
        if shapes[member].get("type") in SCALAR_TYPES:
            out.write("%s, ..." % _value_name(shapes, member))
        else:
            out.level += 1
            out.new_line()
            _json(shapes, member, stack, out)
            out.new_line()
            out.write("...")
            out.level -= 1
            out.new_line()
        out.write("]")
    elif kind == "map":
        out.write("{")
        out.level += 1
        out.write("%s: " % _value_name(shapes, shape["key"]["shape"]))
        value = shape["value"]["shape"]
        if shapes[value].get("type") in SCALAR_TYPES:
            out.write(_value_name(shapes, value))
        else:
            out.level += 1
            _json(shapes, value, stack, out)
            out.level -= 1
        out.new_line()
        out.write("...")
        out.level -= 1
        out.write("}")
    elif kind == "structure":
        out.write("{")
        out.level += 1
        out.new_line()
        members = list(shape.get("members", {}).items())
        for number, (member_name, member) in enumerate(members):
            target = member["shape"]
            if shapes[target].get("type") in SCALAR_TYPES:
                out.write('"%s": %s' % (member_name, _value_name(shapes, target)))
            else:
                out.write('"%s": ' % member_name)
                _json(shapes, target, stack, out)
            if number < len(members) - 1:
                out.write(",")
                out.new_line()
        out.level -= 1
        out.new_line()
        out.write("}")
