"""`--output json`: one document -> JSON as AWS CLI v2 prints it.

v2 calls `json.dump(response, indent=4, ensure_ascii=False)` with an encoder
that turns datetimes into ISO 8601, then a newline. The bytes here are the
same; the encoder is our own because the standard library's is pure Python
as soon as `indent` is set, and large listings spend most of their time in
it. Strings still go through the C `encode_basestring`. Keys keep the
response's order. An empty mapping prints nothing at all (v2: "operations
with no response body"); every other value, `[]` and `null` included, prints.
Pure: no I/O.
"""
from __future__ import annotations

import base64
import datetime
from json.encoder import encode_basestring
from typing import Any, Iterator

INDENT = "    "
_CHUNK = 1 << 16


def render(data: Any, options: Any = None) -> Iterator[str]:
    """The JSON text of `data` with a final newline, in chunks; nothing for `{}`."""
    if isinstance(data, dict) and not data:
        return
    parts: list[str] = []
    _encode(data, parts, "\n")
    parts.append("\n")
    # Chunks keep the first byte early (the pager starts at once) without
    # paying one write per token.
    for start in range(0, len(parts), _CHUNK):
        yield "".join(parts[start:start + _CHUNK])


def dumps(data: Any) -> str:
    """`data` as one JSON text without the final newline (also for scalars in YAML)."""
    parts: list[str] = []
    _encode(data, parts, "\n")
    return "".join(parts)


def _encode(value: Any, out: list, newline: str) -> None:
    """Append the JSON of `value` to `out`; `newline` is "\\n" plus the current indent."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + INDENT
        separator = "{" + inner
        for key, item in value.items():
            out.append(separator)
            out.append(encode_basestring(key if isinstance(key, str) else _key(key)))
            out.append(": ")
            if isinstance(item, str):
                out.append(encode_basestring(item))
            else:
                _encode(item, out, inner)
            separator = "," + inner
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + INDENT
        separator = "[" + inner
        for item in value:
            out.append(separator)
            if isinstance(item, str):
                out.append(encode_basestring(item))
            else:
                _encode(item, out, inner)
            separator = "," + inner
        out.append(newline + "]")
    else:
        out.append(_scalar(value))


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
    if isinstance(value, datetime.datetime):
        return encode_basestring(value.isoformat())
    if isinstance(value, (bytes, bytearray)):
        return encode_basestring(base64.b64encode(value).decode("ascii"))
    raise TypeError("Object of type %s is not JSON serializable" % type(value).__name__)


def _key(key: Any) -> str:
    """Non-string keys as `json.dumps` writes them."""
    if key is None:
        return "null"
    if key is True:
        return "true"
    if key is False:
        return "false"
    return str(key) if isinstance(key, (int, float)) else _scalar(key).strip('"')
