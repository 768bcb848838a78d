"""v2's hand-made arguments of particular operations -> the parameters they fill.

A few operations have arguments that are not input members (their table
entries come from `arguments.CUSTOM_ARGUMENTS`). Their raw values arrive with
the cli-only options; `custom_parameters` adds what they stand for to the
parameters, and `with_call_defaults` the values v2 fills in as the call is
made when neither the command line nor `--cli-input-*` gave them. Small
tables keyed by service and operation; the messages are v2's (a bad value
ends the run with 255, as v2's ValueError does). Pure: no I/O.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from awsmini.errors import OtherError, ParamValidationError


def _count(params: dict, raw: str) -> None:
    """`ec2 run-instances --count N` or `--count MIN:MAX`."""
    try:
        low, high = raw.split(":") if ":" in raw else (raw, raw)
        params.update(MinCount=int(low), MaxCount=int(high))
    except ValueError:
        raise ParamValidationError("count parameter should be of form min[:max] (e.g. 1 or 1:10)")


# ------------------------------------------------- ec2's security group rule

def _rule(params: dict) -> dict:
    """The one permission the shortcuts describe (`IpPermissions[0]`)."""
    return params.setdefault("IpPermissions", [{}])[0]


def _protocol(params: dict, raw: str) -> None:
    try:
        number = int(raw)
    except ValueError:
        if raw not in ("tcp", "udp", "icmp", "all"):
            raise OtherError("protocol parameter should be one of: tcp|udp|icmp|all or any "
                             "valid protocol number.")
        raw = "-1" if raw == "all" else raw
    else:
        if not 0 <= number <= 255 and number != -1:
            # v2 checks the range and then, catching its own error, the names
            raise OtherError("protocol parameter should be one of: tcp|udp|icmp|all or any "
                             "valid protocol number.")
    _rule(params)["IpProtocol"] = raw


def _port(params: dict, raw: str) -> None:
    try:
        if raw in ("-1", "all"):
            low, high = "-1", "-1"
        elif "-" in raw:
            low, high = raw.split("-", 1)
        else:
            low, high = raw, raw
        rule = {"FromPort": int(low), "ToPort": int(high)}
    except ValueError:
        raise OtherError("port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)")
    _rule(params).update(rule)


def _cidr(params: dict, raw: str) -> None:
    _rule(params)["IpRanges"] = [{"CidrIp": raw}]


def _source_group(params: dict, raw: str) -> None:
    pair = _rule(params).setdefault("UserIdGroupPairs", [{}])[0]
    pair["GroupId" if raw.startswith("sg-") else "GroupName"] = raw


def _group_owner(params: dict, raw: str) -> None:
    _rule(params).setdefault("UserIdGroupPairs", [{}])[0]["UserId"] = raw


def _unless_empty(fill: Callable[[dict, str], None]) -> Callable[[dict, str], None]:
    return lambda params, raw: fill(params, raw) if raw else None  # v2 skips "" here


_RULE_SHORTCUTS = {name: _unless_empty(fill) for name, fill in (
    ("protocol", _protocol), ("port", _port), ("cidr", _cidr), ("source-group", _source_group),
    ("group-owner", _group_owner))}


def _not_with_ip_permissions(given: Sequence[str], members: Sequence[str]) -> None:
    if "ip-permissions" in members:
        # v2 names the option by its Python name and ends the message with a space
        raise OtherError("The --%s option is not compatible with the --ip-permissions option "
                         % given[0].replace("-", "_"))


# (service, operation) -> {argument: (params, raw value) -> None}, in table order
CUSTOM_VALUES: Mapping[tuple[str, str], Mapping[str, Callable[[dict, str], None]]] = {
    ("ec2", "run-instances"): {"count": _count},
    ("ec2", "authorize-security-group-ingress"): _RULE_SHORTCUTS,
    ("ec2", "authorize-security-group-egress"): _RULE_SHORTCUTS,
    ("ec2", "revoke-security-group-ingress"): _RULE_SHORTCUTS,
    ("ec2", "revoke-security-group-egress"): _RULE_SHORTCUTS,
}

# (service, operation) -> check of the arguments given (hand-made ones, members)
CUSTOM_CHECKS: Mapping[tuple[str, str], Callable[[Sequence[str], Sequence[str]], None]] = {
    key: _not_with_ip_permissions for key, table in CUSTOM_VALUES.items()
    if table is _RULE_SHORTCUTS}

# (service cli name, operation api name) -> parameters v2 sets when absent
CALL_DEFAULTS: Mapping[tuple[str, str], Mapping[str, Any]] = {
    ("ec2", "RunInstances"): {"MinCount": 1, "MaxCount": 1},
}


def check_custom(service: str, operation: str, options: Mapping[str, Any],
                 members: Sequence[str]) -> None:
    """v2's check of the hand-made arguments given, before any value is read."""
    check = CUSTOM_CHECKS.get((service, operation))
    given = [name for name in CUSTOM_VALUES.get((service, operation), {}) if options.get(name)]
    if check is not None and given:
        check(given, members)


def custom_parameters(service: str, operation: str, options: Mapping[str, Any],
                      params: dict[str, Any]) -> dict[str, Any]:
    """`params` with what the operation's hand-made arguments among `options` stand for."""
    for name, fill in CUSTOM_VALUES.get((service, operation), {}).items():
        if options.get(name) is not None:
            fill(params, options[name])
    return params


def with_call_defaults(params: dict[str, Any], service: str, api_name: str) -> dict[str, Any]:
    """`params` with v2's defaults for the operation added where absent."""
    defaults = CALL_DEFAULTS.get((service, api_name))
    return {**defaults, **params} if defaults else params
