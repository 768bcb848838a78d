"""A parsed `ddb` expression -> DynamoDB's expression text with placeholders.

Every name becomes `#nN` and every literal `:nN`, numbered across the
expressions of one request (`--projection`, then `--filter`, then
`--key-condition`), so no attribute name needs escaping and no value is
typed by hand. Returns the text and the two maps to send beside it. Pure.
Follows v2's `awscli/customizations/dynamodb/extractor.py`, spacing included
(the text is what DynamoDB receives).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from awsmini.commands.ddb.parser import Node, parse

_COMPARATORS = {"eq": "=", "ne": "<>", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="}


@dataclass
class Substituted:
    expression: str
    names: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.names) + len(self.values)


def substitute(expression: str, offset: int = 0) -> Substituted:
    """`expression` parsed, its names and literals replaced from number `offset` on."""
    result = Substituted("")
    result.expression = _Writer(result, offset).write(parse(expression)).strip()
    return result


class _Writer:
    def __init__(self, result: Substituted, offset: int) -> None:
        self.result = result
        self.offset = offset

    def _next(self) -> int:
        return self.result.count + self.offset

    def write(self, node: Node) -> str:
        kind = node.type
        children = node.children
        if kind == "identifier":
            name = "#n%d" % self._next()
            self.result.names[name] = node.value
            return name + " "
        if kind == "literal":
            name = ":n%d" % self._next()
            self.result.values[name] = node.value
            return name + " "
        if kind == "comparator":
            left = self.write(children[0])
            return "%s%s %s" % (left, _COMPARATORS[node.value], self.write(children[1]))
        if kind == "path_identifier":
            left = self.write(children[0]).strip()
            return "%s.%s" % (left, self.write(children[1]))
        if kind == "index_identifier":
            return "%s[%s] " % (self.write(children[0]).strip(), node.value)
        if kind == "sequence":
            return ", ".join(self.write(child).strip() for child in children)
        if kind in ("or_expression", "and_expression"):
            left = self.write(children[0])
            word = "OR" if kind == "or_expression" else "AND"
            return "%s%s %s" % (left, word, self.write(children[1]))
        if kind == "not_expression":
            return "NOT %s" % self.write(children[0])
        if kind == "subexpression":
            return "( %s) " % self.write(children[0])
        if kind == "function":
            arguments = ", ".join(self.write(child).strip() for child in children)
            return "%s(%s) " % (node.value, arguments.strip())
        if kind == "in_expression":
            left = self.write(children[0])
            return "%sIN (%s) " % (left, self.write(children[1]).strip())
        assert kind == "between_expression"
        parts = [self.write(child) for child in children]
        return "%sBETWEEN %sAND %s" % tuple(parts)
