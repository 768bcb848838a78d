"""custom/ec2.py: v2's hand-made arguments -> parameters, and its call-time defaults.

The helpers read the records' slots as the stages do: `check` before any value
(driver.unpack_parameters), each added argument's `fills` in table order, and
`call_defaults` under the parameters given (driver.request_parameters).
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

import pytest

from awsmini.custom import lookup
from awsmini.errors import OtherError, ParamValidationError


def custom_parameters(service: str, operation: str, options: Mapping[str, Any],
                      params: dict[str, Any]) -> dict[str, Any]:
    for spec in lookup(service, operation).added:
        if spec.fills is not None and options.get(spec.cli_name) is not None:
            spec.fills(params, options[spec.cli_name])
    return params


def check_custom(service: str, operation: str, options: Mapping[str, Any],
                 members: Sequence[str]) -> None:
    check = lookup(service, operation).check
    if check is not None:
        check(options, members)


def with_call_defaults(params: dict[str, Any], service: str, operation: str) -> dict[str, Any]:
    return {**lookup(service, operation).call_defaults, **params}


@pytest.mark.parametrize("raw, expected", [
    ("3", {"MinCount": 3, "MaxCount": 3}),
    ("2:5", {"MinCount": 2, "MaxCount": 5}),
])
def test_count(raw, expected):
    assert custom_parameters("ec2", "run-instances", {"count": raw, "query": None}, {}) == expected


# b"1": a fileb:// value, which v2's catch-all turns into the same message
@pytest.mark.parametrize("raw", ["x", "1:2:3", "", ":", b"1"])
def test_bad_count(raw):
    with pytest.raises(ParamValidationError) as caught:
        custom_parameters("ec2", "run-instances", {"count": raw}, {})
    assert caught.value.message == "count parameter should be of form min[:max] (e.g. 1 or 1:10)"


def test_other_operations_have_none():
    assert custom_parameters("ec2", "describe-instances", {"count": "3"}, {}) == {}


def test_call_defaults_fill_only_what_is_missing():
    assert with_call_defaults({"ImageId": "a"}, "ec2", "run-instances") == {
        "MinCount": 1, "MaxCount": 1, "ImageId": "a"}
    assert with_call_defaults({"MaxCount": 4}, "ec2", "run-instances") == {
        "MinCount": 1, "MaxCount": 4}
    assert with_call_defaults({"x": 1}, "iot", "list-things") == {"x": 1}


RULE = ("ec2", "authorize-security-group-ingress")


@pytest.mark.parametrize("options, permission", [
    ({"protocol": "tcp", "port": "22", "cidr": "0.0.0.0/0"},
     {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}),
    ({"protocol": "all"}, {"IpProtocol": "-1"}),
    ({"protocol": "17", "port": "80-90"}, {"IpProtocol": "17", "FromPort": 80, "ToPort": 90}),
    ({"protocol": "icmp", "port": "all"}, {"IpProtocol": "icmp", "FromPort": -1, "ToPort": -1}),
    ({"source-group": "sg-9", "group-owner": "123"},
     {"UserIdGroupPairs": [{"GroupId": "sg-9", "UserId": "123"}]}),
    ({"source-group": "web"}, {"UserIdGroupPairs": [{"GroupName": "web"}]}),
], ids=["tcp-22-anywhere", "all-protocols", "number-and-range", "icmp-all", "group-id-owner",
        "group-name"])
def test_security_group_rule_shortcuts(options, permission):
    params = custom_parameters(*RULE, options, {"GroupId": "sg-1"})
    assert params == {"GroupId": "sg-1", "IpPermissions": [permission]}


@pytest.mark.parametrize("options, message", [
    ({"protocol": "gre"}, "protocol parameter should be one of: tcp|udp|icmp|all or any valid "
                          "protocol number."),
    ({"protocol": "256"}, "protocol parameter should be one of: tcp|udp|icmp|all or any valid "
                          "protocol number."),
    ({"port": "22-x"}, "port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)"),
])
def test_bad_rule_shortcuts_end_the_run(options, message):
    with pytest.raises(OtherError) as caught:
        custom_parameters(*RULE, options, {})
    assert (caught.value.message, caught.value.exit_code) == (message, 255)


def test_rule_shortcuts_do_not_mix_with_ip_permissions():
    check_custom(*RULE, {"port": "22"}, ["group-id"])  # fine
    with pytest.raises(OtherError) as caught:
        check_custom(*RULE, {"cidr": "", "source-group": "web"}, ["ip-permissions"])
    assert caught.value.message == (
        "The --source_group option is not compatible with the --ip-permissions option ")


def test_the_run_instances_shortcuts_move_the_subnet_into_the_interface():
    from awsmini.custom import ec2

    params = {"ImageId": "ami-1", "SubnetId": "subnet-1", "SecurityGroupIds": ["sg-1"],
              "PrivateIpAddress": "10.0.0.5"}
    ec2._public_address(params, True)
    ec2._secondary_addresses(params, ["10.0.0.6", "10.0.0.7"])
    assert ec2._into_the_interface(params) == {"ImageId": "ami-1", "NetworkInterfaces": [{
        "DeviceIndex": 0, "AssociatePublicIpAddress": True, "SubnetId": "subnet-1",
        "Groups": ["sg-1"],
        "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.0.5", "Primary": True}]}]}


def test_without_the_shortcuts_the_parameters_stay_as_given():
    from awsmini.custom import ec2

    params = {"ImageId": "ami-1", "SubnetId": "subnet-1",
              "NetworkInterfaces": [{"DeviceIndex": 0, "Description": "d"}]}
    assert ec2._into_the_interface(dict(params)) == params
