"""`--output json`: one document -> JSON as AWS CLI v2 prints it.

v2 calls `json.dump(response, indent=4, ensure_ascii=False)` with an encoder
that turns datetimes into ISO 8601, then a newline. The bytes here are the
same; the encoder is our own because the standard library's is pure Python
as soon as `indent` is set, and large listings spend most of their time in
it. Strings go through the C `encode_basestring`; a mapping is written by
filling a template made once per key sequence and depth, so the items of a
listing (which share their keys) cost one `%` each. Keys keep the response's
order. An empty mapping prints nothing at all (v2: "operations with no
response body"); every other value, `[]` and `null` included, prints.

The chunks follow the outer containers' items, so a large listing is never
held twice (as data and as one text). Pure: no I/O.
"""
from __future__ import annotations

import base64
import datetime
from json.encoder import encode_basestring
from typing import Any, Iterator

INDENT = "    "
_CHUNK_CHARS = 1 << 18
_MAX_TEMPLATES = 512
_LARGE = 64


def render(data: Any, options: Any = None) -> Iterator[str]:
    """The JSON text of `data` with a final newline, in chunks; nothing for `{}`."""
    if isinstance(data, dict) and not data:
        return
    pending: list[str] = []
    size = 0
    for piece in _pieces(data, "\n"):
        pending.append(piece)
        size += len(piece)
        if size >= _CHUNK_CHARS:
            yield "".join(pending)
            pending.clear()
            size = 0
    pending.append("\n")
    yield "".join(pending)


def dumps(data: Any) -> str:
    """`data` as one JSON text without the final newline (also for scalars in YAML)."""
    return _encode(data, "\n")


def _pieces(value: Any, newline: str, large: int = 0) -> Iterator[str]:
    """The text of `value` in pieces: one per item of the outer container and
    of the containers with more than `large` items, the others whole."""
    if not (isinstance(value, (dict, list, tuple)) and len(value) > large):
        yield _encode(value, newline)
        return
    inner = newline + INDENT
    if isinstance(value, dict):
        opening, closing = "{", newline + "}"
        items = ((encode_basestring(_key(key)) + ": ", item) for key, item in value.items())
    else:
        opening, closing = "[", newline + "]"
        items = (("", item) for item in value)
    separator = opening + inner
    for label, item in items:
        if isinstance(item, (dict, list, tuple)) and len(item) > _LARGE:
            yield separator + label
            yield from _pieces(item, inner, _LARGE)
        else:
            yield separator + label + _encode(item, inner)
        separator = "," + inner
    yield closing


def _encode(value: Any, newline: str) -> str:
    """The JSON of `value`; `newline` is "\\n" plus the current indent."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = newline + INDENT
        return _template(tuple(value), newline) % tuple([
            encode_basestring(item) if type(item) is str else _encode(item, inner)
            for item in value.values()])
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = newline + INDENT
        return "[" + inner + ("," + inner).join([
            encode_basestring(item) if type(item) is str else _encode(item, inner)
            for item in value]) + newline + "]"
    return _scalar(value)


_templates: dict[tuple[tuple, str], str] = {}


def _template(keys: tuple, newline: str) -> str:
    """`{<newline+indent>"key": %s,...<newline>}` for these keys at this depth."""
    template = _templates.get((keys, newline))
    if template is None:
        inner = newline + INDENT
        fields = [encode_basestring(_key(key)).replace("%", "%%") + ": %s" for key in keys]
        template = "{" + inner + ("," + inner).join(fields) + newline + "}"
        if len(_templates) < _MAX_TEMPLATES:
            _templates[(keys, newline)] = template
    return template


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, datetime.datetime):
        return encode_basestring(value.isoformat())
    if isinstance(value, (bytes, bytearray)):
        return encode_basestring(base64.b64encode(value).decode("ascii"))
    raise TypeError("Object of type %s is not JSON serializable" % type(value).__name__)


def _key(key: Any) -> str:
    """Keys as `json.dumps` writes them (non-string keys as their JSON text)."""
    if isinstance(key, str):
        return key
    if key is None:
        return "null"
    if key is True:
        return "true"
    if key is False:
        return "false"
    return str(key) if isinstance(key, (int, float)) else _scalar(key).strip('"')
