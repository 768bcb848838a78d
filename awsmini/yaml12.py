"""YAML 1.2 core schema: which plain scalars read back as which type.

AWS CLI v2's YAML library resolves plain scalars by YAML 1.2 rules (`yes` and
`on` are strings, `NULL` is null), where PyYAML follows YAML 1.1. The skeleton
writer uses this table to decide when a string needs quotes, and the
`--cli-input-yaml` loader to type what it reads. Pure data and one predicate.
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


def resolves_as_string(text: str) -> bool:
    """Whether the plain scalar `text` reads back as a string."""
    if not text:
        return False
    return not any(text[0] in first and pattern.match(text)
                   for _, first, pattern in implicit_resolvers())
