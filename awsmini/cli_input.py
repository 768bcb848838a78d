"""--cli-input-json / --cli-input-yaml: read the input document, then merge it
under the parameters from the command line (the command line wins).

Takes the raw option values (`ParsedArgs.options`) and the `Env`; returns the
loaded mapping, keyed by the model's member names. Loading follows AWS CLI v2:

    value     = file-reference / text
    file-ref  = ("file://" / "fileb://") path      ; read through values.paramfile
    JSON      = what json.loads accepts
    YAML      = one YAML 1.2 document, loaded safely: no Python tags, duplicate
                keys rejected, `yes`/`no`/`on`/`off` are strings, `0o17` is octal
                and `017` is 17, as v2's YAML library (1.2 core schema) reads it

Both options together, unreadable files, invalid JSON or YAML and a document
that is not a mapping raise ParamValidationError with v2's message. The
input's values are not checked against the model here: botocore's parameter
validation checks the merged parameters when the call is made (`call.py`), so
unknown keys and wrong types get botocore's messages. Imports yaml only when the YAML option is used.
"""
from __future__ import annotations

import json
from typing import Any, Mapping, Sequence

from awsmini.env import Env
from awsmini.errors import OtherError, ParamValidationError

OPTIONS = ("cli-input-json", "cli-input-yaml")


def relaxes_required(specs: Mapping[str, Any], words: Sequence[str]) -> bool:
    """Whether v2 would drop the required check for the operation's arguments.

    v2 looks for the exact words `--cli-input-json`, `--cli-input-yaml` or
    `--generate-cli-skeleton` among the operation's words (so the `--opt=value`
    spelling does not relax), and keeps the check for `--generate-cli-skeleton
    output`, which validates the command. Operations without these options
    (streaming output) are never relaxed.
    """
    for name in OPTIONS:
        if name in specs and "--" + name in words:
            return True
    flag = "--generate-cli-skeleton"
    if "generate-cli-skeleton" in specs and flag in words:
        position = list(words).index(flag)
        return position + 1 >= len(words) or words[position + 1] != "output"
    return False


# v2's YAML library's words for a value that is not text (exit 255)
NOT_A_STREAM = "stream argument needs to have a read() method"


def read_cli_input(options: Mapping[str, Any], env: Env) -> dict | None:
    """The document given with --cli-input-json or --cli-input-yaml, or None.

    Raises ParamValidationError (exit 252) with v2's wording.
    """
    given = {name: options[name] for name in OPTIONS if options.get(name) is not None}
    if not given:
        return None
    # v2 reads the files while unpacking the arguments, before it checks that
    # only one of the options was given.
    texts = {name: _read_value(name, raw, env) for name, raw in given.items()}
    if len(texts) > 1:
        raise ParamValidationError("Only one --cli-input- parameter may be specified.")
    name, text = next(iter(texts.items()))
    loaded = _parse_json(text) if name == "cli-input-json" else _parse_yaml(text)
    if not isinstance(loaded, dict):
        raise ParamValidationError("Error parsing parameter '--%s': Invalid type: expecting map, "
                                   "received %s" % (name, type(loaded)))
    return loaded


def merge_cli_input(params: Mapping[str, Any],
                    loaded: Mapping[str, Any] | None) -> dict[str, Any]:
    """The parameters with the input's keys added where the command line gave none."""
    merged = dict(params)
    for key, value in (loaded or {}).items():
        merged.setdefault(key, value)
    return merged


def _read_value(name: str, raw: Any, env: Env) -> str | bytes:
    from awsmini.values.paramfile import ParamFileError, load_paramfile

    try:
        contents = load_paramfile(raw, env)
    except ParamFileError as error:
        raise ParamValidationError("Error parsing parameter '--%s': %s"
                                   % (name, error.message)) from None
    return raw if contents is None else contents


def _parse_json(text: str | bytes) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        # v2 names this one without the dashes.
        raise ParamValidationError(
            "Error parsing parameter 'cli-input-json': Invalid JSON received.") from None


def _parse_yaml(text: str | bytes) -> Any:
    import yaml

    if not isinstance(text, (str, bytes)):  # `--cli-input-yaml=--`: argparse (to 3.12) gives []
        raise OtherError(NOT_A_STREAM)
    try:
        return yaml.load(text, Loader=_yaml_loader())
    except _TooLarge as error:  # `from None`: its traceback holds the document's nodes
        raise ParamValidationError("Error parsing parameter 'cli-input-yaml': %s"
                                   % error) from None
    except yaml.YAMLError:
        raise ParamValidationError(
            "Error parsing parameter 'cli-input-yaml': Invalid YAML received.") from None


# Aliases let a few hundred bytes stand for billions of values ("billion laughs"):
# PyYAML shares the repeated objects, but anything that walks the result (a
# validation message, the request's serializer) pays for every one. No request
# holds a million values, so a document that expands past that is refused before
# anything reads it. A document that contains itself is refused too.
MAX_EXPANDED_VALUES = 1_000_000


class _TooLarge(ValueError):
    pass


def _check_expansion(root: Any) -> None:
    """Count the values `root` stands for, each alias counted as a copy (linear in
    the document: each node's count is computed once)."""
    counts: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, is_closing = stack.pop()
        children = _children(node)
        if is_closing:
            open_nodes.discard(id(node))
            counts[id(node)] = 1 + sum(counts[id(child)] for child in children)
            if counts[id(node)] > MAX_EXPANDED_VALUES:
                raise _TooLarge("its aliases expand to more than %d values"
                                % MAX_EXPANDED_VALUES)
        elif id(node) in open_nodes:
            raise _TooLarge("an alias refers to a value that contains it")
        elif id(node) not in counts:
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in counts)


def _children(node: Any) -> list:
    value = node.value
    if isinstance(value, list):
        return [part for item in value
                for part in (item if isinstance(item, tuple) else (item,))]
    return []


# ------------------------------------------------------------ YAML 1.2 safe

_LOADER = None


def yaml12_loader() -> type:
    """The loader below, for the other YAML documents v2 reads with its YAML 1.2 library
    (`ecs deploy`'s appspec)."""
    return _yaml_loader()


def _yaml_loader() -> type:
    """A safe loader with YAML 1.2 core-schema scalars (PyYAML alone reads YAML 1.1)."""
    global _LOADER
    if _LOADER is None:
        _LOADER = _build_yaml_loader()
    return _LOADER


def _build_yaml_loader() -> type:
    import datetime

    import yaml

    from yaml.constructor import ConstructorError, SafeConstructor
    from yaml.resolver import Resolver

    from awsmini.yaml12 import first_characters, implicit_resolvers

    class _Resolver12(Resolver):
        yaml_implicit_resolvers: dict = {}

    for tag, first, pattern in implicit_resolvers():
        _Resolver12.add_implicit_resolver(tag, pattern, first_characters(first))

    class _Constructor12(SafeConstructor):
        def construct_document(self, node):
            _check_expansion(node)
            return super().construct_document(node)

        def construct_mapping(self, node, deep=False):
            # v2's YAML library rejects duplicate keys; merged (`<<`) ones may repeat.
            seen = []
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                if key in seen:
                    raise ConstructorError("while constructing a mapping", node.start_mark,
                                           "found duplicate key", key_node.start_mark)
                seen.append(key)
            return super().construct_mapping(node, deep)

        def construct_yaml_int(self, node):
            return _yaml12_int(self.construct_scalar(node))

        def construct_yaml_float(self, node):
            return _yaml12_float(self.construct_scalar(node))

        def construct_yaml_timestamp(self, node):
            value = super().construct_yaml_timestamp(node)
            if isinstance(value, datetime.datetime) and value.tzinfo is not None:
                # v2's library returns UTC wall time without a zone.
                value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
            return value

    # (PyYAML's stubs type add_constructor for its own loader classes only)
    for tag, construct in (("int", _Constructor12.construct_yaml_int),
                           ("float", _Constructor12.construct_yaml_float),
                           ("timestamp", _Constructor12.construct_yaml_timestamp),
                           ("map", _Constructor12.construct_yaml_map)):
        _Constructor12.add_constructor("tag:yaml.org,2002:" + tag, construct)  # type: ignore[type-var]

    if yaml.__with_libyaml__:
        from yaml._yaml import CParser

        class _CLoader12(CParser, _Constructor12, _Resolver12):
            def __init__(self, stream):
                CParser.__init__(self, stream)
                _Constructor12.__init__(self)
                _Resolver12.__init__(self)
        return _CLoader12

    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Loader12(Reader, Scanner, Parser, Composer, _Constructor12, _Resolver12):
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            _Constructor12.__init__(self)
            _Resolver12.__init__(self)
    return _Loader12


def _yaml12_int(text: str) -> int:
    """A YAML 1.2 integer: `0b`, `0o` and `0x` prefixes; a leading 0 is still decimal."""
    digits = text.replace("_", "")
    sign = -1 if digits[0] == "-" else 1
    if digits[0] in "+-":
        digits = digits[1:]
    for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
        if digits.startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits)


def _yaml12_float(text: str) -> float:
    digits = text.replace("_", "").lower()
    sign = -1.0 if digits[0] == "-" else 1.0
    if digits[0] in "+-":
        digits = digits[1:]
    if digits == ".inf":
        return sign * float("inf")
    if digits == ".nan":
        return float("nan")
    return sign * float(digits)
