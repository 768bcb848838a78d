"""The shorthand syntax of AWS CLI v2 (`Key=value,List=a,b,Map={k=v}`), parsed.

Takes one shorthand string; returns the plain structure it spells: a dict whose
values are strings, lists and dicts. Nothing here knows the service model: the
model-aware adjustments (a lone value for a list member, numbers and booleans
turned into the member's type) happen in `unpack.py`. Pure: the only way out to
the world is the optional `load_file` callback that `key@=` values go through.

Grammar (ABNF; WSP is any whitespace, skipped where written):

    parameter      = keyval *(WSP "," WSP keyval)
    keyval         = key WSP ["@" WSP] "=" WSP [values]   ; "@=" loads file:// and fileb:// values
    key            = *(ALPHA / DIGIT / "-" / "_" / "." / "#" / "/" / ":")
    values         = explicit-list / hash-literal / csv-value
    csv-value      = first-value WSP ["," WSP second-value *(WSP "," WSP second-value)]
                     ; a second-value not followed by "," or the end is the next key:
                     ; back up to the comma before it
    explicit-list  = WSP "[" WSP *(explicit-value WSP ("," WSP / &"]")) "]"
    explicit-value = explicit-list / hash-literal / first-value
    hash-literal   = WSP "{" WSP *(key WSP ["@" WSP] "=" WSP explicit-value WSP ("," WSP / &"}")) "}"
    first-value    = single-quoted / double-quoted / [first-word]
    second-value   = single-quoted / double-quoted / second-word
    first-word     = (escaped-comma / start-char) *(escaped-comma / first-char)   ; right-trimmed
    second-word    = (escaped-comma / start-char) *(escaped-comma / second-char)  ; right-trimmed
    escaped-comma  = "\\,"                                  ; stands for ","
    start-char     = %x21 / %x23-26 / %x28-2B / %x2D-3C / %x3E-5A / %x5C-7A / %x7C-FFFF
    first-char     = WSP / %x21 / %x23-26 / %x28-2B / %x2D-5C / %x5E-7C / %x7E-FFFF
    second-char    = WSP / %x21 / %x23-26 / %x28-2B / %x2D-3C / %x3E-FFFF
    single-quoted  = "'" *("\\'" / %x00-26 / %x28-10FFFF) "'"  ; \\' -> ', then \\\\ -> \\
    double-quoted  = DQUOTE *("\\" DQUOTE / %x00-21 / %x23-10FFFF) DQUOTE   ; likewise

So a value is a string, an explicit list `[a,b]`, a hash `{k=v}`, or a comma
list `a,b` (a list only when it has two or more items). Whitespace before the
first key is an error, as in v2; whitespace around `=`, `,` and after values is
dropped. Keys repeated at the top level are an error; inside `{}` the last wins.
As in v2, `}` may start a word, so an empty value in a hash is written `{k=,}`
or `{k=""}` (`{k=}` reads `}` as the value). Nesting deeper than MAX_DEPTH is
refused as a parse error, where v2 would exhaust the stack.

Errors raise `ShorthandParseError` with v2's text: the expectation, the input
and a caret under the column (counted from the last newline).
"""
from __future__ import annotations

import re
import string
from typing import Any, Callable, Optional, Union

Value = Union[str, bytes, list, dict]
FileLoader = Callable[[str], Optional[Union[str, bytes]]]

_KEY_CHARS = frozenset(string.ascii_letters + string.digits + "-_.#/:")
_WHITESPACE = frozenset(string.whitespace)
# Deeper nesting than this is refused rather than left to exhaust the stack.
MAX_DEPTH = 200

# The character classes of the grammar, written as complements: the same sets
# as v2's ranges (control characters that are not whitespace, and everything
# beyond U+FFFF, are outside all three), but ~40x cheaper to compile.
_START = r"^\x00-\x20\"',=\[{\U00010000-\U0010ffff"
_FIRST_FOLLOW = r"^\x00-\x08\x0e-\x1b\"',\]}\U00010000-\U0010ffff"
_SECOND_FOLLOW = r"^\x00-\x08\x0e-\x1b\"',=\U00010000-\U0010ffff"
_FIRST_WORD = re.compile(r"(?:\\,|[%s])(?:\\,|[%s])*" % (_START, _FIRST_FOLLOW))
_SECOND_WORD = re.compile(r"(?:\\,|[%s])(?:\\,|[%s])*" % (_START, _SECOND_FOLLOW))
_SINGLE_QUOTED = re.compile(r"'(?:\\'|[^'])*'")
_DOUBLE_QUOTED = re.compile(r'"(?:\\"|[^"])*"')
# v2's names for these patterns appear in its messages ("singled" included).
_PATTERN_NAMES = {_SECOND_WORD: "second", _SINGLE_QUOTED: "singled quoted",
                  _DOUBLE_QUOTED: "double quoted"}


class ShorthandParseError(Exception):
    """A shorthand value that does not follow the grammar; `str()` is v2's message."""

    def __init__(self, message: str, value: str, index: int) -> None:
        super().__init__(message)
        self.message = message
        self.value = value
        self.index = index


class ShorthandSyntaxError(ShorthandParseError):
    """Something other than what the grammar allows at `index`."""

    def __init__(self, value: str, index: int, expected: str, actual: str) -> None:
        # v2 puts one space before the echoed input but not before the caret.
        message = "Expected: '%s', received: '%s' for input:\n %s" % (
            expected, actual, error_location(value, index))
        super().__init__(message, value, index)
        self.expected = expected
        self.actual = actual


class DuplicateKeyError(ShorthandParseError):
    """A top-level key given twice (usually a "," where a space was meant)."""

    def __init__(self, value: str, index: int, key: str) -> None:
        message = ('Second instance of key "%s" encountered for input:\n%s\n'
                   'This is often because there is a preceding "," instead of a space.'
                   % (key, error_location(value, index)))
        super().__init__(message, value, index)
        self.key = key


def error_location(value: str, index: int) -> str:
    """The input, a newline and a caret under `index`, split at the caret's line."""
    consumed, remaining, column = value, "", index
    if "\n" in value[:index]:
        column = index - value.rindex("\n", 0, index) - 1
    if "\n" in value[index:]:
        line_end = value.index("\n", index)
        consumed, remaining = value[:line_end], value[line_end:]
    return "%s\n%s^%s" % (consumed, " " * column, remaining)


def parse_shorthand(value: str, load_file: FileLoader | None = None) -> dict[str, Any]:
    """Parse one shorthand string into a dict.

    `load_file(text)` is called for each value of a `key@=` pair; it returns the
    contents of a `file://`/`fileb://` reference, or None to keep the text.
    Its own exceptions pass through unchanged.
    """
    return _Parser(value, load_file).parameter()


class _Parser:
    """Recursive descent over one input; `index` is the cursor."""

    def __init__(self, value: str, load_file: FileLoader | None) -> None:
        self.value = value
        self.index = 0
        self.depth = 0
        self.load_file = load_file
        # Set by each key's "@=" and read by the values after it: like v2, one
        # flag for the whole parse, so a hash's inner keys reset it.
        self.resolve_files = False

    # ------------------------------------------------------------- rules

    def parameter(self) -> dict[str, Any]:
        # parameter = keyval *(WSP "," WSP keyval)
        params: dict[str, Any] = {}
        key, val = self.keyval()
        params[key] = val
        last_end = self.index
        while self.index < len(self.value):
            self.expect(",", skip_whitespace=True)
            key, val = self.keyval()
            if key in params:
                raise DuplicateKeyError(self.value, last_end + 1, key)
            params[key] = val
            last_end = self.index
        return params

    def keyval(self) -> tuple[str, Any]:
        # keyval = key WSP ["@" WSP] "=" WSP [values]
        key = self.key()
        self.assignment()
        return key, self.values()

    def assignment(self) -> None:
        # WSP ["@" WSP] "=" WSP  -- shared by keyval and hash-literal
        self.resolve_files = False
        try:
            self.expect("@", skip_whitespace=True)
            self.resolve_files = True
        except ShorthandSyntaxError:
            pass
        self.expect("=", skip_whitespace=True)

    def key(self) -> str:
        # key = *(ALPHA / DIGIT / "-" / "_" / "." / "#" / "/" / ":")
        start = self.index
        while self.index < len(self.value) and self.value[self.index] in _KEY_CHARS:
            self.index += 1
        return self.value[start:self.index]

    def values(self) -> Any:
        # values = explicit-list / hash-literal / csv-value
        current = self.current()
        if current is None:
            return ""
        if current == "[":
            return self.explicit_list()
        if current == "{":
            return self.hash_literal()
        return self.csv_value()

    def csv_value(self) -> Any:
        # csv-value = first-value WSP ["," WSP second-value *(WSP "," WSP second-value)]
        first = self.first_value()
        self.skip_whitespace()
        if self.current() != ",":
            return first
        self.expect(",", skip_whitespace=True)
        items = [first]
        while True:
            try:
                item = self.second_value()
                self.skip_whitespace()
                if self.at_end():
                    items.append(item)
                    break
                self.expect(",", skip_whitespace=True)
                items.append(item)
            except ShorthandSyntaxError:
                # `a=b,c=d`: "c" was the next key, not a list item; give the
                # comma back to `parameter`. At the end there is nothing to give.
                if self.at_end():
                    raise
                self.back_up_to(",")
                break
        return first if len(items) == 1 else items

    def explicit_list(self) -> list:
        # explicit-list = WSP "[" WSP *(explicit-value WSP ("," WSP / &"]")) "]"
        self.expect("[", skip_whitespace=True)
        self.enter()
        items = []
        while self.current() != "]":
            items.append(self.explicit_value())
            self.skip_whitespace()
            if self.current() != "]":
                self.expect(",")
                self.skip_whitespace()
        self.expect("]")
        self.depth -= 1
        return items

    def explicit_value(self) -> Any:
        # explicit-value = explicit-list / hash-literal / first-value
        current = self.current()
        if current == "[":
            return self.explicit_list()
        if current == "{":
            return self.hash_literal()
        return self.first_value()

    def hash_literal(self) -> dict:
        # hash-literal = WSP "{" WSP *(key WSP ["@" WSP] "=" WSP explicit-value WSP ("," WSP / &"}")) "}"
        self.expect("{", skip_whitespace=True)
        self.enter()
        pairs: dict[str, Any] = {}
        while self.current() != "}":
            key = self.key()
            self.assignment()
            val = self.explicit_value()
            self.skip_whitespace()
            if self.current() != "}":
                self.expect(",")
                self.skip_whitespace()
            pairs[key] = val
        self.expect("}")
        self.depth -= 1
        return pairs

    def first_value(self) -> Value:
        # first-value = single-quoted / double-quoted / [first-word]
        current = self.current()
        if current == "'":
            return self.quoted(_SINGLE_QUOTED, "'")
        if current == '"':
            return self.quoted(_DOUBLE_QUOTED, '"')
        match = _FIRST_WORD.match(self.value, self.index)
        if match is None:
            return ""
        self.index = match.end()
        return self.resolve(match.group().replace("\\,", ",").rstrip())

    def second_value(self) -> Value:
        # second-value = single-quoted / double-quoted / second-word
        current = self.current()
        if current == "'":
            return self.quoted(_SINGLE_QUOTED, "'")
        if current == '"':
            return self.quoted(_DOUBLE_QUOTED, '"')
        word = self.consume(_SECOND_WORD)
        return self.resolve(word.replace("\\,", ",").rstrip())

    def quoted(self, pattern: re.Pattern, quote: str) -> Value:
        # single-quoted / double-quoted: escaped quote first, then escaped backslash
        body = self.consume(pattern)[1:-1]
        return self.resolve(body.replace("\\" + quote, quote).replace("\\\\", "\\"))

    # ----------------------------------------------------------- helpers

    def resolve(self, text: str) -> Value:
        if not self.resolve_files or self.load_file is None:
            return text
        loaded = self.load_file(text)
        return text if loaded is None else loaded

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ShorthandSyntaxError(self.value, self.index, "<at most %d levels of nesting>"
                                       % MAX_DEPTH, self.value[self.index - 1])

    def consume(self, pattern: re.Pattern) -> str:
        match = pattern.match(self.value, self.index)
        if match is None:
            raise ShorthandSyntaxError(self.value, self.index, "<%s>" % _PATTERN_NAMES[pattern],
                                       "<none>")
        self.index = match.end()
        return match.group()

    def expect(self, char: str, skip_whitespace: bool = False) -> None:
        if skip_whitespace:
            self.skip_whitespace()
        if self.at_end():
            raise ShorthandSyntaxError(self.value, self.index, char, "EOF")
        actual = self.value[self.index]
        if actual != char:
            raise ShorthandSyntaxError(self.value, self.index, char, actual)
        self.index += 1
        if skip_whitespace:
            self.skip_whitespace()

    def back_up_to(self, char: str) -> None:
        while self.index >= 0 and self.value[self.index] != char:
            self.index -= 1

    def skip_whitespace(self) -> None:
        while self.index < len(self.value) and self.value[self.index] in _WHITESPACE:
            self.index += 1

    def current(self) -> str | None:
        return self.value[self.index] if self.index < len(self.value) else None

    def at_end(self) -> bool:
        return self.index >= len(self.value)
