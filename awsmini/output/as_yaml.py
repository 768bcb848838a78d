"""`--output yaml` and `yaml-stream`: one document -> YAML as AWS CLI v2 prints it.

v2 dumps with ruamel.yaml's safe dumper in block style. We use PyYAML's safe
dumper configured to give the same bytes:

- mapping keys sorted, block style, two-space indent, sequences not indented
  under their key (`key:` then `- item`), unicode written as is, lines folded
  at 80 columns;
- plain scalars are resolved with the YAML 1.2 core schema (as ruamel does),
  not PyYAML's 1.1: `Off`, `yes`, `on` stay plain, while `'NULL'`, `'60'`,
  `'3.5'`, `'true'` and timestamp-like strings are quoted;
- a scalar document (a `--query` result such as a string or a number) is
  written as JSON (`"foo"`, `1`, `true`, `null`), with no `...` end marker;
- `yaml-stream` writes each document as a one-item list (`- key: value`),
  so that consecutive pages form one YAML sequence.

PyYAML is imported only when YAML is rendered. Pure: no I/O.
"""
from __future__ import annotations

import base64
import datetime
import re
from typing import Any, Iterator

from awsmini.output import as_json

_dumper_class = None


def render(data: Any, options: Any = None) -> Iterator[str]:
    """The YAML document of `data`; nothing for an empty mapping."""
    if isinstance(data, dict) and not data:
        return
    yield dump(data)


def render_stream(data: Any, options: Any = None) -> Iterator[str]:
    """One `yaml-stream` document: `data` as the single item of a sequence."""
    yield dump([data])


def dump(data: Any) -> str:
    """`data` as v2's YAML text, final newline included."""
    if not isinstance(data, (dict, list, tuple)):
        return as_json.dumps(data) + "\n"
    import yaml

    return yaml.dump(data, Dumper=_dumper(), default_flow_style=False, allow_unicode=True,
                     sort_keys=True, width=80)


# YAML 1.2 core schema as ruamel.yaml resolves plain scalars; PyYAML's own
# tables are YAML 1.1 (where `Off` and `yes` are booleans).
_IMPLICIT = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:float", r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    ("tag:yaml.org,2002:int", r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""", "-+0123456789"),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
    ("tag:yaml.org,2002:value", r"^(?:=)$", "="),
    ("tag:yaml.org,2002:yaml", r"^(?:!|&|\*)$", "!&*"),
]


def _dumper():
    """PyYAML's safe dumper (libyaml's emitter when available) with the 1.2 resolver."""
    global _dumper_class
    if _dumper_class is not None:
        return _dumper_class
    import yaml

    base = yaml.SafeDumper

    class Dumper(base):
        yaml_implicit_resolvers: dict = {}

    for tag, pattern, first in _IMPLICIT:
        Dumper.add_implicit_resolver(tag, re.compile(pattern, re.X), list(first))
    Dumper.add_representer(datetime.datetime,
                           lambda dumper, value: dumper.represent_str(value.isoformat()))
    Dumper.add_representer(bytes, lambda dumper, value: dumper.represent_str(
        base64.b64encode(value).decode("ascii")))
    _dumper_class = Dumper
    return Dumper
