"""`--output text`: one document -> AWS CLI v2's tab-separated lines.

The rules, as v2's `text.format_text` applies them:

- scalar: its `str()` on a line (`True`, `None`, `0.5`).
- mapping: the scalar values on one line, keys sorted, tab-separated, led by
  the upper-cased identifier (the key this mapping was found under) when there
  is one; then each non-scalar value, keys sorted, with its key as identifier.
  Inside a list, every mapping uses the sorted union of the scalar keys of the
  list's mappings, an absent key giving an empty field, so columns line up.
- list of scalars: with an identifier, one `IDENT<tab>value` line per item;
  without, all items on one tab-separated line.
- list holding lists (and no mappings): its scalars as above, then each list.
- empty list: nothing.

Paged results arrive one page at a time (see `paginate.py`); each page is a
document of its own. Pure: no I/O.
"""
from __future__ import annotations

import base64
import datetime
from operator import itemgetter
from typing import Any, Iterator

_CHUNK_LINES = 4096


def render(data: Any, options: Any = None) -> Iterator[str]:
    """The text lines of `data`, in chunks."""
    lines: list[str] = []
    _format(data, lines, None, None)
    for start in range(0, len(lines), _CHUNK_LINES):
        yield "".join(lines[start:start + _CHUNK_LINES])


def _format(item: Any, out: list, identifier: str | None, scalar_keys: tuple | None) -> None:
    if isinstance(item, dict):
        _format_dict(item, out, identifier, scalar_keys)
    elif isinstance(item, list):
        _format_list(item, out, identifier)
    else:
        out.append(scalar_text(item) + "\n")


def _format_list(items: list, out: list, identifier: str | None) -> None:
    if not items:
        return
    if any(isinstance(element, dict) for element in items):
        _format_mappings(items, out, identifier)
    elif any(isinstance(element, list) for element in items):
        scalars = [e for e in items if not isinstance(e, (list, dict))]
        if scalars:
            _format_scalar_list(scalars, out, identifier)
        for element in items:
            if isinstance(element, (list, dict)):
                _format(element, out, identifier, None)
    else:
        _format_scalar_list(items, out, identifier)


def _format_scalar_list(items: list, out: list, identifier: str | None) -> None:
    if identifier is not None:
        prefix = identifier.upper() + "\t"
        out.extend(prefix + scalar_text(item) + "\n" for item in items)
    else:
        out.append("\t".join([scalar_text(item) for item in items]) + "\n")


def _format_mappings(items: list, out: list, identifier: str | None) -> None:
    """A list holding mappings: every mapping's line has the list's scalar columns."""
    signatures = [_signature(element) if isinstance(element, dict) else None for element in items]
    scalar_keys: set[str] = set()
    for keys, kinds in {signature for signature in signatures if signature is not None}:
        scalar_keys.update(key for key, kind in zip(keys, kinds)
                           if not issubclass(kind, (dict, list)))
    columns = tuple(sorted(scalar_keys))
    prefix = identifier.upper() + "\t" if identifier is not None else ""
    plans: dict[tuple, tuple] = {}
    for element, signature in zip(items, signatures):
        if signature is None:
            _format(element, out, identifier, columns)
            continue
        plan = plans.get(signature)
        if plan is None:
            plan = plans[signature] = _make_plan(element, columns)
        line, nested = plan
        if line is not None:
            out.append(prefix + line(element) + "\n")
        for key in nested:
            _format(element[key], out, key, None)


def _format_dict(item: dict, out: list, identifier: str | None, scalar_keys: tuple | None) -> None:
    signature = (_signature(item), scalar_keys)
    plan = _plans.get(signature)
    if plan is None:
        plan = _make_plan(item, scalar_keys)
        if len(_plans) < _MAX_PLANS:
            _plans[signature] = plan
    line, nested = plan
    if line is not None:
        out.append((identifier.upper() + "\t" + line(item) if identifier is not None
                    else line(item)) + "\n")
    for key in nested:
        _format(item[key], out, key, None)


# A mapping's keys and its values' types decide how it is written: the items of
# a listing, and the mappings found under the same key in them, share one plan.
_plans: dict[tuple, tuple] = {}
_MAX_PLANS = 512


def _signature(item: dict) -> tuple[tuple, tuple]:
    return tuple(item), tuple(map(type, item.values()))


def _make_plan(item: dict, scalar_keys: tuple | None) -> tuple:
    """The scalar fields of `item` (its own, sorted; or a listing's shared columns)
    as one tab-joined line, and the sorted keys of its other values."""
    if scalar_keys is None:
        columns = tuple(key for key in sorted(item) if not _is_container(item[key]))
        nested = [key for key in sorted(item) if _is_container(item[key])]
    else:
        columns = scalar_keys
        nested = [key for key in sorted(item) if key not in scalar_keys]
    if not columns:
        return None, nested
    simple = all(key in item and type(item[key]) in _PLAIN for key in columns)
    if simple and len(columns) == 1:
        key = columns[0]
        return (lambda value: str(value[key])), nested
    if simple:
        fields = itemgetter(*columns)
        return (lambda value: "\t".join(map(str, fields(value)))), nested
    return (lambda value: "\t".join([scalar_text(value.get(key, "")) for key in columns])), nested


def _is_container(value: Any) -> bool:
    return isinstance(value, (dict, list))


# Scalars whose str() is their text (see scalar_text).
_PLAIN = frozenset({str, int, float, bool, type(None)})


def scalar_text(value: Any) -> str:
    """A scalar as text and table show it: str() with ISO 8601 datetimes, base64 bytes."""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    return str(value)
