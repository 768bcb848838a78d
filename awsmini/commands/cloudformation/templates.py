"""Template text <-> data, as v2's `cloudformation/yamlhelper.py` reads and writes it.

`parse_template(text)` takes JSON when the text is JSON, else YAML, where the
short-form tags become the long form: `!Ref X` -> `{"Ref": "X"}`, `!Condition
C` -> `{"Condition": "C"}`, any other `!Name v` -> `{"Fn::Name": v}`, and
`!GetAtt A.B` -> `{"Fn::GetAtt": ["A", "B"]}` (split at the first dot). v2
writes templates back in the long form, so `dump_template` does too.

Scalars follow v2's YAML library: YAML 1.2 core-schema resolution (`0123` is
123, `null`/`~` null, dates are dates) plus YAML 1.1's booleans (`yes`, `no`,
`on`, `off` and their capitalised forms), which CloudFormation reads as
booleans; writing, such strings are quoted. Mappings keep their order, except
the mapping right under a tag (`!Transform {...}`), which v2's library holds
as a plain dict and writes with sorted keys: `SortedMapping` marks it.
Duplicate keys: the last value wins at the first key's place, as in v2.

The writer is PyYAML's pure-Python safe dumper set up to give v2's bytes: block
style, two-space indent, sequences not indented under their key, unicode as
is, folded at 80 columns, no anchors; and, as v2's library prefers, a string
holding a quote or a line break that cannot be plain is double-quoted.
`dump_template_json` is v2's `--use-json`: four-space indent, unicode as is,
no final newline. PyYAML is imported on first use. Pure: no I/O.
"""
from __future__ import annotations

import json
import re
from typing import Any

# YAML 1.1's booleans, which v2 adds to the 1.2 resolver when reading and writing.
_BOOLEAN_1_1 = ("tag:yaml.org,2002:bool", "yYnNtTfFoO",
                r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE"
                r"|on|On|ON|off|Off|OFF)$")
_TRUE_WORDS = frozenset(["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"])
# short-form tags that keep their name; every other one gets the `Fn::` prefix
_UNPREFIXED = ("Ref", "Condition")


class SortedMapping(dict):
    """A mapping v2's YAML library writes with its keys sorted (a tag's mapping)."""


class TemplateError(ValueError):
    """The template text is neither JSON nor YAML; the message says where."""


def parse_template(text: str) -> Any:
    """The template's data: JSON when `text` is JSON, else YAML with the short forms."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    import yaml

    try:
        return yaml.load(text, Loader=_loader())
    except yaml.YAMLError as error:
        raise TemplateError(str(error)) from error


def dump_template(data: Any) -> str:
    """`data` as v2's YAML text, final newline included."""
    import yaml

    return yaml.dump(data, Dumper=_dumper(), default_flow_style=False, allow_unicode=True,
                     sort_keys=False, width=80)


def dump_template_json(data: Any) -> str:
    """`data` as v2's `--use-json` text (no final newline); TypeError on dates, as v2."""
    return json.dumps(data, indent=4, ensure_ascii=False)


# ------------------------------------------------------------------ reading

_LOADER: Any = None
_DUMPER: Any = None


def _resolvers() -> list[tuple[str, list[str], re.Pattern]]:
    """The 1.2 core schema, then 1.1's booleans (tag, first characters, pattern)."""
    from awsmini.yaml12 import first_characters, implicit_resolvers

    table = [(tag, first_characters(first), pattern)
             for tag, first, pattern in implicit_resolvers()]
    tag, first, pattern = _BOOLEAN_1_1
    table.append((tag, list(first), re.compile(pattern)))
    return table


def _loader() -> Any:
    global _LOADER
    if _LOADER is None:
        _LOADER = _build_loader()
    return _LOADER


def _build_loader() -> Any:
    import yaml

    # the 1.2 number rules of `--cli-input-yaml`'s loader, shared
    from awsmini.cli_input import _yaml12_float as yaml12_float, _yaml12_int as yaml12_int

    class Loader(yaml.SafeLoader):
        yaml_implicit_resolvers: dict = {}
        yaml_constructors = dict(yaml.SafeLoader.yaml_constructors)
        yaml_multi_constructors = dict(yaml.SafeLoader.yaml_multi_constructors)

    for tag, first, pattern in _resolvers():
        Loader.add_implicit_resolver(tag, pattern, first)

    def mapping(loader: Any, node: Any) -> dict:
        loader.flatten_mapping(node)
        return dict(loader.construct_pairs(node, deep=True))

    def boolean(loader: Any, node: Any) -> bool:
        return loader.construct_scalar(node) in _TRUE_WORDS

    def integer(loader: Any, node: Any) -> int:
        return yaml12_int(loader.construct_scalar(node))

    def real(loader: Any, node: Any) -> float:
        return yaml12_float(loader.construct_scalar(node))

    Loader.add_constructor("tag:yaml.org,2002:map", mapping)
    Loader.add_constructor("tag:yaml.org,2002:bool", boolean)
    Loader.add_constructor("tag:yaml.org,2002:int", integer)
    Loader.add_constructor("tag:yaml.org,2002:float", real)
    Loader.add_multi_constructor("!", _intrinsic)
    return Loader


def _intrinsic(loader: Any, suffix: str, node: Any) -> dict:
    """A short-form tag as its long form (v2's `intrinsics_multi_constructor`)."""
    import yaml

    name = node.tag[1:]
    key = name if name in _UNPREFIXED else "Fn::" + name
    if isinstance(node, yaml.ScalarNode):
        text = loader.construct_scalar(node)
        # `!GetAtt Resource.Attribute` is the list form's shorthand.
        value: Any = text.split(".", 1) if name == "GetAtt" else text
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        loader.flatten_mapping(node)
        value = SortedMapping(loader.construct_pairs(node, deep=True))
    return {key: value}


# ------------------------------------------------------------------ writing

def _dumper() -> Any:
    global _DUMPER
    if _DUMPER is None:
        _DUMPER = _build_dumper()
    return _DUMPER


def _build_dumper() -> Any:
    import yaml

    from awsmini.output.as_yaml import _float_text as float_text  # `--output yaml`'s

    class Dumper(yaml.SafeDumper):
        yaml_implicit_resolvers: dict = {}
        yaml_representers = dict(yaml.SafeDumper.yaml_representers)

        def ignore_aliases(self, data: Any) -> bool:
            return True  # v2 writes repeated objects out in full

        def choose_scalar_style(self) -> str:
            style = super().choose_scalar_style()
            # v2's library double-quotes what it would single-quote when the
            # text holds a quote or a line break.
            event = self.event  # a scalar's, when its style is chosen
            if (style == "'" and isinstance(event, yaml.ScalarEvent) and not event.style
                    and ("'" in event.value or "\n" in event.value)):
                return '"'
            return style

    for tag, first, pattern in _resolvers():
        Dumper.add_implicit_resolver(tag, pattern, first)
    Dumper.add_representer(SortedMapping, lambda dumper, data: dumper.represent_mapping(
        "tag:yaml.org,2002:map", sorted(data.items())))
    Dumper.add_representer(float, lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:float", float_text(value)))
    return Dumper
