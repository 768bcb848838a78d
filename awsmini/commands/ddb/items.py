"""`ddb put`'s items: YAML text -> plain values, as v2's YAML library reads them.

YAML 1.2 scalars (the `--cli-input-yaml` loader's), with floats read as Decimal
(in their own digits, as DynamoDB keeps numbers) and `!!binary` as `Binary`.
A document that is not YAML is an error (255) with the YAML library's message.
Follows v2's `awscli/customizations/dynamodb/subcommands.py` (PutCommand).
"""
from __future__ import annotations

from base64 import b64decode
from decimal import Decimal, InvalidOperation
from typing import Any

from awsmini.commands.ddb.values import Binary
from awsmini.errors import OtherError

_LOADER = None


def load_items(text: str) -> Any:
    """The YAML document of `text`."""
    import yaml

    try:
        return yaml.load(text, Loader=_loader())
    except (yaml.YAMLError, InvalidOperation, ValueError) as error:
        raise OtherError(str(error)) from error


def _loader() -> type:
    global _LOADER
    if _LOADER is None:
        from awsmini.cli_input import _yaml_loader

        class Loader(_yaml_loader()):  # type: ignore[misc]
            pass

        Loader.add_constructor("tag:yaml.org,2002:float", _number)
        Loader.add_constructor("tag:yaml.org,2002:binary", _binary)
        _LOADER = Loader
    return _LOADER


def _number(loader: Any, node: Any) -> Decimal:
    return Decimal(node.value)


def _binary(loader: Any, node: Any) -> Binary:
    return Binary(b64decode(node.value))
