"""v2's hand-made arguments of particular operations -> the parameters they fill.

A few operations have arguments that are not input members (their table
entries come from `arguments.CUSTOM_ARGUMENTS`). Their raw values arrive with
the cli-only options; `custom_parameters` turns them into parameters, and
`call_defaults` are the values v2 fills in as the call is made when neither
the command line nor `--cli-input-*` gave them. Both are small tables keyed by
service and operation. Pure: no I/O.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

from awsmini.errors import ParamValidationError


def _count(raw: str) -> dict[str, int]:
    """`ec2 run-instances --count N` or `--count MIN:MAX`."""
    try:
        low, high = raw.split(":") if ":" in raw else (raw, raw)
        return {"MinCount": int(low), "MaxCount": int(high)}
    except ValueError:
        raise ParamValidationError("count parameter should be of form min[:max] (e.g. 1 or 1:10)")


# (service cli name, operation cli name, argument) -> raw value -> parameters
CUSTOM_VALUES: Mapping[tuple[str, str, str], Callable[[str], dict[str, Any]]] = {
    ("ec2", "run-instances", "count"): _count,
}

# (service cli name, operation api name) -> parameters v2 sets when absent
CALL_DEFAULTS: Mapping[tuple[str, str], Mapping[str, Any]] = {
    ("ec2", "RunInstances"): {"MinCount": 1, "MaxCount": 1},
}


def custom_parameters(service: str, operation: str, options: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters the operation's hand-made arguments among `options` fill."""
    params: dict[str, Any] = {}
    for name, raw in options.items():
        convert = CUSTOM_VALUES.get((service, operation, name))
        if convert is not None and raw is not None:
            params.update(convert(raw))
    return params


def with_call_defaults(params: dict[str, Any], service: str, api_name: str) -> dict[str, Any]:
    """`params` with v2's defaults for the operation added where absent."""
    defaults = CALL_DEFAULTS.get((service, api_name))
    return {**defaults, **params} if defaults else params
