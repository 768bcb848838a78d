"""The tokens of a `ddb` expression (`--filter`, `--condition`, ...), as v2 reads them.

Takes the expression text; returns a list of `Token`s ending with one of type
`eof`; raises `ExpressionError` (a ParamValidationError, 252) with v2's message
and a caret under the failing character. Pure. Follows v2's
`awscli/customizations/dynamodb/lexer.py`.

    token      = simple / identifier / quoted / string / binary / number / comparator
    simple     = "." / "," / ":" / "(" / ")" / "{" / "}" / "[" / "]" / "="
    identifier = (ALPHA / "_") *(ALPHA / DIGIT / "_")   ; and/between/in/or/not are
                                                         ; operators, true/false/null literals
    quoted     = "'" *(char / "\\'") "'"                 ; an identifier
    string     = DQUOTE *(char / "\\" DQUOTE) DQUOTE      ; a string literal
    binary     = ("b" / "B") string                      ; base64, a Binary literal
    number     = int ["." 1*DIGIT] [("e" / "E") int]     ; a Decimal literal
    int        = ["-"] 1*DIGIT / DIGIT *DIGIT
    comparator = "<" / "<=" / "<>" / ">" / ">="
"""
from __future__ import annotations

import binascii
import re
import string
from base64 import b64decode
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from awsmini.commands.ddb.values import Binary
from awsmini.errors import ParamValidationError

_SIMPLE = {".": "dot", ",": "comma", ":": "colon", "(": "lparen", ")": "rparen",
           "{": "lbrace", "}": "rbrace", "[": "lbracket", "]": "rbracket", "=": "eq"}
_START = set(string.ascii_letters + "_")
_NAME = set(string.ascii_letters + string.digits + "_")
_DIGITS = set(string.digits)
_INT_START = set(string.digits + "-")
_OPERATORS = ("and", "between", "in", "or", "not")
_LITERAL_WORDS = {"true": True, "false": False, "null": None}
_BASE64 = re.compile(r"[A-Za-z0-9+/=]+")


class ExpressionError(ParamValidationError):
    """A `ddb` expression that cannot be read: v2's message, exit 252."""


def empty_expression() -> ExpressionError:
    return ExpressionError("Expressions must not be empty")


@dataclass(frozen=True)
class Token:
    type: str
    value: Any
    start: int
    end: int  # v2 gives quoted tokens their length here, not their end; carets follow it


def tokenize(expression: str) -> list[Token]:
    """The tokens of `expression`, `eof` last."""
    if not expression:
        raise empty_expression()
    return _Lexer(expression).tokens()


class _Lexer:
    def __init__(self, expression: str) -> None:
        self.text = expression
        self.pos = 0
        self._done = False  # past the last character (the position stays on it)

    def _advance(self) -> str | None:
        # v2 never moves past the last character: the position stays on it at the end
        if self.pos < len(self.text) - 1:
            self.pos += 1
            return self.text[self.pos]
        self.pos = len(self.text) - 1
        self._done = True
        return None

    def _current(self) -> str | None:
        return None if self._done else self.text[self.pos]

    def fail(self, message: str, position: int) -> ExpressionError:
        return ExpressionError("%s\n%s\n%s^" % (message, self.text, " " * position))

    def tokens(self) -> list[Token]:
        found = []
        while (char := self._current()) is not None:
            if char in _SIMPLE:
                found.append(Token(_SIMPLE[char], char, self.pos, self.pos + 1))
                self._advance()
            elif char in _START:
                found.append(self._word())
            elif char == "'":
                token = self._quoted("'")
                found.append(Token("identifier", token.value, token.start, token.end))
            elif char == '"':
                found.append(self._quoted('"'))
            elif char in " \t\n\r":
                self._advance()
            elif char in _INT_START:
                found.append(self._number())
            elif char in "<>":
                found.append(self._comparator())
            else:
                raise self.fail("Unrecognized character %s" % char, self.pos)
        found.append(Token("eof", "", len(self.text), len(self.text)))
        return found

    def _word(self) -> Token:
        start, text = self.pos, self._current() or ""
        if text in "bB":
            following = self._advance()
            if following == '"':
                return self._binary(start)
            if following is None or following not in _NAME:
                return Token("unquoted_identifier", text, start, start + 1)
            text += following
        while (char := self._advance()) is not None and char in _NAME:
            text += char
        lower = text.lower()
        end = start + len(text)
        if lower in _OPERATORS:
            return Token(lower, text, start, end)
        if lower in _LITERAL_WORDS:
            return Token("literal", _LITERAL_WORDS[lower], start, end)
        return Token("unquoted_identifier", text, start, end)

    def _quoted(self, delimiter: str) -> Token:
        """A quoted run; a backslash keeps the next character (and itself)."""
        start = self.pos
        text = ""
        char = self._advance()
        while char != delimiter:
            if char == "\\":
                text += "\\"
                char = self._advance()
            if char is None:
                raise self.fail("Unclosed %s delimiter" % delimiter, start)
            text += char
            char = self._advance()
        self._advance()
        # at the very end the position stays on the closing quote, as in v2
        length = self.pos - start
        return Token("literal", text.replace("\\" + delimiter, delimiter), start, length)

    def _binary(self, start: int) -> Token:
        token = self._quoted('"')
        text = token.value
        if text and not _BASE64.match(text):
            raise self.fail('Invalid base64 string b"%s"' % text, start)
        try:
            decoded = b64decode(text)
        except (TypeError, binascii.Error) as error:
            raise self.fail('Invalid base64 string b"%s": %s' % (text, error), start) from None
        return Token("literal", Binary(decoded), start, token.end)

    def _number(self) -> Token:
        start = self.pos
        text = self._int()
        if self._current() == ".":
            text += "."
            char = self._advance()
            if char is None or char not in _DIGITS:
                raise self.fail("Invalid fractional character %s" % char, self.pos)
            text += self._int()
        char = self._current()
        if char is not None and char.lower() == "e":
            text += char
            char = self._advance()
            if (char is None or char not in _INT_START) and char != "+":
                raise self.fail("Invalid exponential character %s" % char, self.pos)
            text += self._int()
        return Token("literal", Decimal(text), start, start + len(text))

    def _int(self) -> str:
        text = self._current() or ""
        negative = text == "-"
        while (char := self._advance()) is not None and char in _DIGITS:
            text += char
        if negative and len(text) < 2:
            raise self.fail("Unknown token %s" % text, self.pos)
        return text

    def _comparator(self) -> Token:
        first = self._current()
        second = self._advance()
        if first == "<" and second in (">", "="):
            self._advance()
            return Token("ne" if second == ">" else "lte", "<" + second, self.pos - 2, self.pos)
        if first == ">" and second == "=":
            self._advance()
            return Token("gte", ">=", self.pos - 2, self.pos)
        return Token("lt" if first == "<" else "gt", first, self.pos - 1, self.pos)
