"""DynamoDB's typed values <-> plain values, as `ddb` reads and prints them.

`serialize` turns a plain value (None, bool, int/Decimal, str, `Binary`/bytes,
sets, lists, dicts) into an `AttributeValue` (`{"N": "1"}`); `deserialize` does
the reverse (numbers become Decimal, binaries `Binary`). `transform` applies
either to every `AttributeValue` member of a request or response, found by
walking the operation's shape. Pure. Follows v2's `awscli/customizations/
dynamodb/types.py` and `transform.py`.
"""
from __future__ import annotations

from collections.abc import Mapping, MutableSequence, Set
from decimal import Clamped, Context, Decimal, Inexact, Overflow, Rounded, Underflow
from typing import Any, Callable

from awsmini.errors import OtherError

# DynamoDB's numbers: 38 digits, exponents -128..126, nothing rounded silently
_NUMBERS = Context(Emin=-128, Emax=126, prec=38,
                   traps=[Clamped, Overflow, Inexact, Rounded, Underflow])


class Binary:
    """Bytes that are a DynamoDB binary (plain `bytes` would not survive the YAML)."""

    def __init__(self, value: bytes | bytearray) -> None:
        self.value = bytes(value)

    def __eq__(self, other: object) -> bool:
        return self.value == (other.value if isinstance(other, Binary) else other)

    def __hash__(self) -> int:
        return hash(self.value)

    def __lt__(self, other: Binary) -> bool:
        return self.value < other.value

    def __repr__(self) -> str:
        return "Binary(%r)" % self.value


def _number(value: Any) -> str:
    try:
        text = str(_NUMBERS.create_decimal(value))
    except ArithmeticError as error:
        raise OtherError(repr(error)) from error
    if text in ("Infinity", "-Infinity", "NaN"):
        raise OtherError("Infinity and NaN not supported")
    return text


def _is_number(value: Any) -> bool:
    if isinstance(value, float):
        raise OtherError("Float types are not supported. Use Decimal types instead.")
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def _is_binary(value: Any) -> bool:
    return isinstance(value, (Binary, bytes, bytearray))


def _raw(value: Any) -> bytes:
    return value.value if isinstance(value, Binary) else bytes(value)


def serialize(value: Any) -> dict:
    """The AttributeValue of a plain value."""
    if value is None:
        return {"NULL": True}
    if isinstance(value, bool):
        return {"BOOL": value}
    if _is_number(value):
        return {"N": _number(value)}
    if isinstance(value, str):
        return {"S": value}
    if _is_binary(value):
        return {"B": _raw(value)}
    if isinstance(value, Set):
        if all(_is_number(item) for item in value):
            return {"NS": [_number(item) for item in value]}
        if all(isinstance(item, str) for item in value):
            return {"SS": list(value)}
        if all(_is_binary(item) for item in value):
            return {"BS": [_raw(item) for item in value]}
    if isinstance(value, Mapping):
        return {"M": {key: serialize(item) for key, item in value.items()}}
    if isinstance(value, list):
        return {"L": [serialize(item) for item in value]}
    raise OtherError('Unsupported type "%s" for value "%s"' % (type(value), value))


def deserialize(value: Mapping[str, Any]) -> Any:
    """The plain value of an AttributeValue."""
    if not value:
        raise OtherError("Value must be a nonempty dictionary whose key is a valid "
                         "dynamodb type.")
    kind, data = next(iter(value.items()))
    if kind == "NULL":
        return None
    if kind in ("BOOL", "S"):
        return data
    if kind == "N":
        return _NUMBERS.create_decimal(data)
    if kind == "B":
        return Binary(data)
    if kind == "NS":
        return {_NUMBERS.create_decimal(item) for item in data}
    if kind == "SS":
        return set(data)
    if kind == "BS":
        return {Binary(item) for item in data}
    if kind == "L":
        return [deserialize(item) for item in data]
    if kind == "M":
        return {key: deserialize(item) for key, item in data.items()}
    raise OtherError("Dynamodb type %s is not supported" % kind)


def transform(params: Any, shape: Any, change: Callable[[Any], Any],
              target: str = "AttributeValue") -> None:
    """Replace, in place, each value of `params` whose botocore shape is named `target`."""
    if shape is None:
        return
    kind = shape.type_name
    if kind == "structure" and isinstance(params, Mapping):
        for name in list(params):
            if name in shape.members:
                _visit(params, name, shape.members[name], change, target)
    elif kind == "map" and isinstance(params, Mapping):
        for name in list(params):
            _visit(params, name, shape.value, change, target)
    elif kind == "list" and isinstance(params, MutableSequence):
        for index in range(len(params)):
            _visit(params, index, shape.member, change, target)


def _visit(container: Any, key: Any, shape: Any, change: Callable[[Any], Any],
           target: str) -> None:
    if shape.name == target:
        container[key] = change(container[key])
    else:
        transform(container[key], shape, change, target)
