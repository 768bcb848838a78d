"""A `ddb` expression -> its tree, as v2 parses it (`awscli/customizations/dynamodb/parser.py`).

Takes the text, returns nested `Node`s; raises `ExpressionError` (252) with v2's
messages and carets. Pure.

    expression  = simple *(("and" / "or") simple)        ; left to right, no precedence
                / path "," sequence                       ; a projection
    simple      = "(" expression ")" / "not" simple / condition
    condition   = name "(" sequence ")"                   ; a function call
                / operand ["in" "(" sequence ")" / "between" operand "and" operand
                           / comparator operand]
    sequence    = operand *("," operand)
    operand     = literal / path
    path        = name ["[" number "]"] *("." name ["[" number "]"])
    literal     = LITERAL / "[" [literal *("," literal)] "]"
                / "{" [STRING ":" literal *("," STRING ":" literal)] "}"   ; a map
                / "{" LITERAL *("," LITERAL) "}"           ; a set of one scalar type
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from awsmini.commands.ddb.lexer import ExpressionError, Token, empty_expression, tokenize
from awsmini.commands.ddb.values import Binary

COMPARATORS = ("eq", "ne", "lt", "lte", "gt", "gte")
_OPERAND_EXPECTED = ["literal", "lbracket", "lbrace", "identifier", "unquoted_identiifer"]


@dataclass
class Node:
    type: str
    children: list = field(default_factory=list)
    value: Any = None


def parse(expression: str) -> Node:
    """The tree of `expression`."""
    return _Parser(expression).parse()


def _caret(token: Token) -> str:
    return " " * token.start + "^" * max(token.end - token.start, 1)


class _Parser:
    def __init__(self, expression: str) -> None:
        self.text = expression
        self.tokens = tokenize(expression)
        self.index = 0

    @property
    def current(self) -> Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def _is(self, *types: str, ahead: int = 0) -> bool:
        position = self.index + ahead
        return position < len(self.tokens) and self.tokens[position].type in types

    def _advance(self) -> None:
        self.index += 1

    def _expect(self, *types: str) -> None:
        if not self._is(*types):
            raise self._unexpected(types[0] if len(types) == 1 else list(types))
        self._advance()

    def _unexpected(self, expected: Any) -> ExpressionError:
        token = self.current or Token("None", None, len(self.text), len(self.text))
        return ExpressionError("Unexpected token `%s` of type `%s`. Expected type: %s\n%s\n%s"
                               % (token.value, token.type, expected, self.text, _caret(token)))

    def _invalid(self, message: str) -> ExpressionError:
        assert self.current is not None
        return ExpressionError("Invalid token value: %s\n%s\n%s\n"
                               % (message, self.text, _caret(self.current)))

    def parse(self) -> Node:
        tree = self._expression()
        if not self._is("eof"):
            raise self._unexpected("eof")
        return tree

    def _expression(self) -> Node:
        if self.current is None or self._is("eof"):
            raise empty_expression()
        left = self._simple()
        if left.type in ("identifier", "path_identifier", "index_identifier") \
                and self._is("comma"):
            self._advance()
            return self._sequence(left)
        while self._is("and", "or"):
            kind = self.tokens[self.index].type
            self._advance()
            left = Node(kind + "_expression", [left, self._simple()])
        return left

    def _simple(self) -> Node:
        if self._is("lparen"):
            self._advance()
            inner = self._expression()
            self._expect("rparen")
            return Node("subexpression", [inner])
        if self._is("not"):
            self._advance()
            return Node("not_expression", [self._simple()])
        return self._condition()

    def _condition(self) -> Node:
        if self._is("lparen", ahead=1):
            name = self.tokens[self.index].value
            self._expect("identifier", "unquoted_identifier")
            self._advance()
            arguments = self._sequence().children
            self._expect("rparen")
            return Node("function", arguments, name)
        if not self._is("literal", "identifier", "unquoted_identifier", "lbracket", "lbrace"):
            token = self.tokens[self.index]
            raise ExpressionError("Unknown expression type starting at token `%s`\n%s\n%s"
                                  % (token.value, self.text, _caret(token)))
        left = self._operand()
        if self._is("in"):
            self._advance()
            self._expect("lparen")
            right = self._sequence()
            self._expect("rparen")
            return Node("in_expression", [left, right])
        if self._is("between"):
            self._advance()
            low = self._operand()
            self._expect("and")
            return Node("between_expression", [left, low, self._operand()])
        if self._is(*COMPARATORS):
            comparator = self.tokens[self.index].type
            self._advance()
            return Node("comparator", [left, self._operand()], comparator)
        return left

    def _sequence(self, first: Node | None = None) -> Node:
        elements = [first] if first else []
        elements.append(self._operand())
        while self._is("comma"):
            self._advance()
            elements.append(self._operand())
        return Node("sequence", elements)

    def _operand(self) -> Node:
        if self._is("literal", "lbracket", "lbrace"):
            return self._literal()
        if self._is("identifier", "unquoted_identifier"):
            return self._path()
        raise self._unexpected(_OPERAND_EXPECTED)

    def _path(self) -> Node:
        path = self._name()
        while self._is("dot"):
            self._advance()
            path = Node("path_identifier", [path, self._name()])
        return path

    def _name(self) -> Node:
        name = Node("identifier", value=self.tokens[self.index].value)
        self._advance()
        if not self._is("lbracket"):
            return name
        self._advance()
        index = self._literal().value
        if not isinstance(index, Decimal) or index.to_integral_value() != index:
            raise self._invalid("List indices must be whole numbers.")
        self._expect("rbracket")
        return Node("index_identifier", [name], index)

    def _literal(self) -> Node:
        if self._is("literal"):
            value = self.tokens[self.index].value
            self._advance()
        elif self._is("lbracket"):
            self._advance()
            value = [] if self._is("rbracket") else self._literal_list()
            self._expect("rbracket")
        elif self._is("lbrace"):
            self._advance()
            if self._is("colon", ahead=1) or self._is("rbrace"):
                value = self._literal_map()
            else:
                value = self._literal_set()
            self._expect("rbrace")
        else:
            raise self._unexpected(["literal", "lbracket", "lbrace"])
        return Node("literal", value=value)

    def _literal_list(self) -> list:
        values = [self._literal().value]
        while self._is("comma"):
            self._advance()
            values.append(self._literal().value)
        return values

    def _literal_set(self) -> set:
        first_type = type(self.tokens[self.index].value)
        values = set()
        while True:
            if not self._is("literal"):
                raise self._unexpected("literal")
            value = self.tokens[self.index].value
            # v2 names the type of the token's type name (always `str`) in these messages
            if not isinstance(value, (str, Binary, Decimal)):
                raise self._invalid("Sets may only contain numbers, strings, or bytes, but "
                                    "literal of type `%s` was found" % str)
            if not isinstance(value, first_type):
                raise self._invalid("Set values must all be of the same type. First type was "
                                    "`%s`, but found value of type `%s`" % (first_type, str))
            values.add(value)
            self._advance()
            if not self._is("comma"):
                return values
            self._advance()

    def _literal_map(self) -> dict:
        values: dict = {}
        if self._is("rbrace"):
            return values
        while True:
            key = self.tokens[self.index].value
            if not isinstance(key, str):
                raise self._invalid("Keys must be of type `str`, found `%s`" % type(key))
            self._expect("literal")
            self._expect("colon")
            values[key] = self._literal().value
            if not self._is("comma"):
                return values
            self._advance()
