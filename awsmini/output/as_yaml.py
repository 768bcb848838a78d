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

from awsmini import yaml12
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
    try:
        return _FastEmitter().emit(data)
    except _Unusual:
        return _dump_pyyaml(data)


def _dump_pyyaml(data: Any) -> str:
    import yaml

    return yaml.dump(data, Dumper=_dumper(), default_flow_style=False, allow_unicode=True,
                     sort_keys=True, width=80)


# ------------------------------------------------------------ the fast path
#
# PyYAML spends most of a large dump building events and nodes. For the data
# of nearly every response -- mappings, lists, numbers and one-line strings --
# the output is simple enough to write directly. `_FastEmitter` writes exactly
# what PyYAML's emitter writes for such data and gives up (`_Unusual`) on
# anything it does not model: strings that need double quotes, line breaks,
# long quoted strings that PyYAML would fold, long or odd keys. The whole
# document then goes through PyYAML. tests/unit/test_as_yaml.py compares the
# two on generated data.

BEST_WIDTH = 80
_BREAKS = "\n\x85\u2028\u2029"
# Characters PyYAML can write without escapes when allow_unicode is on.
_NEEDS_ESCAPE = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010fffe]|\ufeff")


class _Unusual(Exception):
    """The data holds something only PyYAML's full emitter handles."""


class _FastEmitter:
    def __init__(self) -> None:
        self.out: list[str] = []
        # Keys and many values repeat across the items of a listing.
        self.styles: dict[str, str] = {}
        self.keys: dict = {}

    def emit(self, data: Any) -> str:
        if isinstance(data, dict):
            if data:
                self._mapping(data, 0)
            else:
                self.out.append("{}\n")
        else:
            if data:
                self._sequence(data, 0)
            else:
                self.out.append("[]\n")
        return "".join(self.out)

    def _mapping(self, data: dict, indent: int, first_prefix: str | None = None) -> None:
        """Keys at column `indent`; the first line may already carry a `- ` prefix."""
        out = self.out
        pad = " " * indent
        prefix = pad if first_prefix is None else first_prefix
        keys = self.keys
        for key in sorted(data):
            value = data[key]
            key_text = keys.get(key)
            if key_text is None:
                key_text = keys[key] = self._key(key) + ":"
            line = prefix + key_text
            prefix = pad
            if type(value) is str:
                style = self.styles.get(value) or self._string_style(value)
                if style == "plain" and len(line) + 1 + len(value) <= BEST_WIDTH:
                    out.append(line + " " + value + "\n")
                    continue
            if isinstance(value, dict):
                if value:
                    out.append(line + "\n")
                    self._mapping(value, indent + 2)
                else:
                    out.append(line + " {}\n")
            elif isinstance(value, (list, tuple)):
                if value:
                    out.append(line + "\n")
                    self._sequence(value, indent)
                else:
                    out.append(line + " []\n")
            else:
                out.append(line + " " + self._scalar(value, len(line) + 1, indent + 2) + "\n")

    def _sequence(self, data: Any, indent: int, first_prefix: str | None = None) -> None:
        out = self.out
        pad = " " * indent
        prefix = pad if first_prefix is None else first_prefix
        for item in data:
            dash = prefix + "- "
            prefix = pad
            if isinstance(item, dict):
                if item:
                    self._mapping(item, indent + 2, dash)
                else:
                    out.append(dash + "{}\n")
            elif isinstance(item, (list, tuple)):
                if item:
                    self._sequence(item, indent + 2, dash)
                else:
                    out.append(dash + "[]\n")
            else:
                out.append(dash + self._scalar(item, len(dash), indent + 2) + "\n")

    def _key(self, key: Any) -> str:
        if not isinstance(key, str):
            if isinstance(key, bool) or key is None or isinstance(key, (int, float)):
                return self._scalar(key, 0, 0)
            raise _Unusual()
        if not key or len(key) > 100:
            raise _Unusual()  # PyYAML writes empty and long keys as complex keys
        style = self._string_style(key)
        if style == "plain":
            return key
        if len(key) > 126:
            raise _Unusual()
        return "'" + key.replace("'", "''") + "'"

    def _scalar(self, value: Any, column: int, indent: int) -> str:
        """The text of a scalar starting at `column`; folded lines continue at `indent`."""
        if isinstance(value, str):
            style = self._string_style(value)
            if style == "plain":
                if column + len(value) <= BEST_WIDTH or " " not in value:
                    return value
                return _fold_plain(value, column, indent)
            if column + len(value) + 2 <= BEST_WIDTH or " " not in value:
                return "'" + value.replace("'", "''") + "'"
            raise _Unusual()
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return _float_text(value)
        if isinstance(value, datetime.datetime):
            return self._scalar(value.isoformat(), column, indent)
        if isinstance(value, (bytes, bytearray)):
            return self._scalar(base64.b64encode(value).decode("ascii"), column, indent)
        raise _Unusual()

    def _string_style(self, text: str) -> str:
        """"plain" or "single" as PyYAML chooses for a block context; _Unusual otherwise."""
        style = self.styles.get(text)
        if style is None:
            style = self._analyse(text)
            if len(self.styles) < 65536:
                self.styles[text] = style
        return style

    def _analyse(self, text: str) -> str:
        if not (text.isascii() and text.isprintable()) and (
                _NEEDS_ESCAPE.search(text) or any(ch in _BREAKS for ch in text)):
            raise _Unusual()  # escapes and line breaks: PyYAML's writers
        style = yaml12.scalar_style(text)
        if style == "double":
            raise _Unusual()
        return style


def _fold_plain(text: str, column: int, indent: int) -> str:
    """PyYAML's plain writer: a single space after column 80 becomes a line break."""
    parts: list[str] = []
    pad = "\n" + " " * indent
    index = 0
    length = len(text)
    while index < length:
        space = text.find(" ", index)
        if space < 0:
            parts.append(text[index:])
            break
        word = text[index:space]
        parts.append(word)
        column += len(word)
        end = space
        while end < length and text[end] == " ":
            end += 1
        if end - space == 1 and column > BEST_WIDTH:
            parts.append(pad)
            column = indent
        else:
            parts.append(text[space:end])
            column += end - space
        index = end
    return "".join(parts)


def _float_text(value: float) -> str:
    """ruamel's float text: `repr`, lower case; unlike PyYAML no `.0` is put before an
    exponent (`1e+20`), since YAML 1.2 reads that as a float."""
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    return repr(value).lower()


def _dumper():
    """PyYAML's safe dumper (libyaml's emitter when available) with the 1.2 resolver."""
    global _dumper_class
    if _dumper_class is not None:
        return _dumper_class
    import yaml

    class Dumper(yaml.SafeDumper):
        yaml_implicit_resolvers: dict = {}

    for tag, first, compiled in yaml12.implicit_resolvers():
        Dumper.add_implicit_resolver(tag, compiled, yaml12.first_characters(first))
    Dumper.add_representer(float, lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:float", _float_text(value)))
    Dumper.add_representer(datetime.datetime,
                           lambda dumper, value: dumper.represent_str(value.isoformat()))
    Dumper.add_representer(bytes, lambda dumper, value: dumper.represent_str(
        base64.b64encode(value).decode("ascii")))
    _dumper_class = Dumper
    return Dumper
