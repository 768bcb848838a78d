"""YAML 1.2 scalars: which plain scalars read back as which type, so how a string is written.

AWS CLI v2's YAML library resolves plain scalars by YAML 1.2 rules (`yes` and
`on` are strings, `NULL` is null), where PyYAML follows YAML 1.1. The
`--cli-input-yaml` loader types what it reads by this table; `scalar_style`
says how a string is written (plain, single- or double-quoted), as the
emitters of ruamel.yaml and PyYAML (one design) choose with this table: the
one choice both YAML writers make, the skeleton's (`skeleton.py`) and the
output's (`output/as_yaml.py`). Pure data and functions.
"""
from __future__ import annotations

import re

# (tag, first characters a match can start with, pattern), in v2's order.
_RESOLVERS: tuple[tuple[str, str, str], ...] = (
    ("tag:yaml.org,2002:bool", "tTfF", r"^(?:true|True|TRUE|false|False|FALSE)$"),
    ("tag:yaml.org,2002:float", "-+0123456789.",
     r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$"""),
    ("tag:yaml.org,2002:int", "-+0123456789",
     r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$"""),
    ("tag:yaml.org,2002:merge", "<", r"^(?:<<)$"),
    # The empty first character stands for the empty scalar, which is null.
    ("tag:yaml.org,2002:null", "~nN\0", r"^(?:~|null|Null|NULL|)$"),
    ("tag:yaml.org,2002:timestamp", "0123456789",
     r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
        (?:[Tt]|[\ \t]+)[0-9][0-9]?
        :[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
        (?:[\ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"""),
    ("tag:yaml.org,2002:value", "=", r"^(?:=)$"),
    ("tag:yaml.org,2002:yaml", "!&*", r"^(?:!|&|\*)$"),
)
_compiled: list[tuple[str, str, re.Pattern]] = []


def implicit_resolvers() -> list[tuple[str, str, re.Pattern]]:
    """(tag, first characters, compiled pattern); compiled on first use, as few
    commands need them."""
    if not _compiled:
        _compiled.extend((tag, first, re.compile(pattern, re.X))
                         for tag, first, pattern in _RESOLVERS)
    return _compiled


def first_characters(first: str) -> list[str]:
    """The resolver's first characters as PyYAML's `add_implicit_resolver` wants them."""
    return ["" if ch == "\0" else ch for ch in first]


_by_first: dict[str, list[re.Pattern]] = {}


def resolves_as_string(text: str) -> bool:
    """Whether the plain scalar `text` reads back as a string."""
    if not text:
        return False
    if not _by_first:
        for _, first, pattern in implicit_resolvers():
            for char in first:
                _by_first.setdefault(char, []).append(pattern)
    return not any(pattern.match(text) for pattern in _by_first.get(text[0], ()))


# ------------------------------------------------------------------ writing

# The emitter's whitespace, its line breaks, and what it writes only with escapes
# (ruamel.yaml's range, up to U+10FFFF; PyYAML's stops one short, and the output's
# fast writer leaves that character to PyYAML).
_BLANKS = "\0 \t\r\n\x85\u2028\u2029"
_BREAKS = re.compile("[\n\x85\u2028\u2029]")
_SPECIAL = re.compile("[^\n\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|\ufeff")
_SPACE_BREAK = re.compile(" [\n\x85\u2028\u2029]")
_BREAK_SPACE = re.compile("[\n\x85\u2028\u2029] ")
# `: ` (or `:` last) anywhere, `#` after whitespace: a plain scalar would end there
_INNER_INDICATOR = re.compile("[\0 \t\r\n\x85\u2028\u2029]#|:(?:[\0 \t\r\n\x85\u2028\u2029]|\\Z)")
_LEADING_INDICATORS = "#,[]{}&*!|>'\"%@`"


def scalar_style(text: str, is_key: bool = False, prefers_double: bool = False) -> str:
    """"plain", "single" or "double": how a block-context emitter writes the string.

    The emitter's analysis of the scalar (document markers, indicators, line
    breaks, leading and trailing whitespace, characters that need escapes),
    then its choice: plain when allowed and read back as a string, else single
    quotes when allowed, else double. `is_key` is a simple key's context (no
    plain or single-quoted key over line breaks); `prefers_double` is
    ruamel.yaml's round-trip writer, which double-quotes a string holding a
    `'` or a line feed (v2's skeletons), where its safe writer and PyYAML
    (v2's output) single-quote it.
    """
    plain, single, multiline = _analysis(text)
    if plain and not (is_key and multiline) and resolves_as_string(text):
        return "plain"
    if prefers_double and ("'" in text or "\n" in text):
        return "double"
    if single and not (is_key and multiline):
        return "single"
    return "double"


def _analysis(text: str) -> tuple[bool, bool, bool]:
    """(plain allowed in block context, single quotes allowed, has line breaks)."""
    if not text:
        return True, True, False
    first = text[0]
    indicators = (first in _LEADING_INDICATORS or text.startswith(("---", "..."))
                  or (first in "?:-" and (len(text) == 1 or text[1] in _BLANKS)))
    if text.isascii() and text.isprintable():  # no line break, nothing to escape
        # the only whitespace is the space: string tests do what _INNER_INDICATOR does
        return not (indicators or first == " " or text[-1] == " " or ": " in text
                    or text.endswith(":") or " #" in text), True, False
    indicators = indicators or _INNER_INDICATOR.search(text) is not None
    breaks = _BREAKS.search(text) is not None
    edges = first in " \n\x85\u2028\u2029" or text[-1] in " \n\x85\u2028\u2029"
    special = _SPECIAL.search(text) is not None
    space_break = _SPACE_BREAK.search(text) is not None
    break_space = _BREAK_SPACE.search(text) is not None
    single = not (break_space or special or space_break)
    return not (indicators or edges or breaks or not single), single, breaks
