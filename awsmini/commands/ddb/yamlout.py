"""A `ddb select` result -> the YAML v2 prints for it.

As `--output yaml` (`output/as_yaml.py`), with DynamoDB's values written as v2's
`awscli/customizations/dynamodb/formatter.py` writes them: a whole Decimal as
an integer and any other as a float, both in Decimal's own digits (`1.50`);
a `Binary` as `!!binary "base64"`; a set as YAML's `!!set` mapping. A number
alone (a `--query` result) is written bare. Pure.
"""
from __future__ import annotations

from base64 import b64encode
from decimal import Decimal
from typing import Any

from awsmini.commands.ddb.values import Binary

_DUMPER = None


def dump(data: Any) -> str:
    """`data` as v2's `ddb` YAML, final newline included; "" for an empty mapping."""
    from awsmini.output import as_yaml

    if isinstance(data, dict) and not data:
        return ""
    if isinstance(data, Decimal):
        return str(data) + "\n"
    if not isinstance(data, (dict, list, set, Binary)):
        return as_yaml.dump(data)
    import yaml

    return yaml.dump(data, Dumper=_dumper(), default_flow_style=False, allow_unicode=True,
                     sort_keys=True, width=80)


def _dumper() -> type:
    global _DUMPER
    if _DUMPER is None:
        from awsmini.output.as_yaml import _dumper as yaml12_dumper

        class Dumper(yaml12_dumper()):  # type: ignore[misc]
            pass

        Dumper.add_representer(Decimal, _decimal)
        Dumper.add_representer(Binary, _binary)
        _DUMPER = Dumper
    return _DUMPER


def _decimal(dumper: Any, value: Decimal) -> Any:
    whole = value == value.to_integral()
    return dumper.represent_scalar("tag:yaml.org,2002:%s" % ("int" if whole else "float"),
                                   str(value))


def _binary(dumper: Any, value: Binary) -> Any:
    return dumper.represent_scalar("tag:yaml.org,2002:binary",
                                   b64encode(value.value).decode("ascii"), style='"')
