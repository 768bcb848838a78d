"""v2's ec2 argument shortcuts end to end against moto_server: boolean structures as
flags (`--x`, `--no-x`, `--x Value=...`, `--x <json>`), read back; `run-instances
--count` in place of `--min-count`/`--max-count`, counted back."""
from __future__ import annotations

import json

import pytest


@pytest.fixture
def aws_json(aws):
    """The shared runner, for commands that must succeed: their JSON output, parsed."""
    def run(*argv: str) -> dict:
        result = aws(*argv)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout) if result.stdout.strip() else {}

    return run


@pytest.mark.parametrize("flag, expected", [
    (["--enable-dns-hostnames"], True),
    (["--no-enable-dns-hostnames"], False),
    (["--enable-dns-hostnames", "Value=true"], True),
    (["--enable-dns-hostnames", '{"Value": false}'], False),
], ids=["flag", "negative", "shorthand", "json"])
def test_vpc_dns_hostnames(aws_json, flag, expected):
    vpc = aws_json("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16")["Vpc"]["VpcId"]
    if not expected:  # start from the other state, so that the change is seen
        aws_json("ec2", "modify-vpc-attribute", "--vpc-id", vpc, "--enable-dns-hostnames")
    aws_json("ec2", "modify-vpc-attribute", "--vpc-id", vpc, *flag)
    attribute = aws_json("ec2", "describe-vpc-attribute", "--vpc-id", vpc,
                    "--attribute", "enableDnsHostnames")
    assert attribute["EnableDnsHostnames"] == {"Value": expected}


@pytest.mark.parametrize("extra, least, most", [
    ([], 1, 1),
    (["--count", "3"], 3, 3),
    (["--count", "2:4"], 2, 4),  # the service picks within the range
    (["--cli-input-json", '{"MinCount": 2, "MaxCount": 2}'], 2, 2),
], ids=["one-by-default", "count", "range", "input-json-kept"])
def test_run_instances_count(aws_json, extra, least, most):
    reservation = aws_json("ec2", "run-instances", "--image-id", "ami-12c6146b", *extra)
    assert least <= len(reservation["Instances"]) <= most


def test_security_group_rule_shortcuts(aws_json):
    group = aws_json("ec2", "create-security-group", "--group-name", "web",
                "--description", "web")["GroupId"]
    aws_json("ec2", "authorize-security-group-ingress", "--group-id", group, "--protocol", "tcp",
        "--port", "22", "--cidr", "10.0.0.0/8")
    aws_json("ec2", "authorize-security-group-ingress", "--group-id", group, "--protocol", "udp",
        "--port", "1000-2000", "--source-group", group)
    rules = aws_json("ec2", "describe-security-groups", "--group-ids", group, "--query",
                "SecurityGroups[0].IpPermissions[].[IpProtocol,FromPort,ToPort,"
                "IpRanges[0].CidrIp,UserIdGroupPairs[0].GroupId]")
    assert sorted(rules, key=str) == sorted([["tcp", 22, 22, "10.0.0.0/8", None],
                                             ["udp", 1000, 2000, None, group]], key=str)
    aws_json("ec2", "revoke-security-group-ingress", "--group-id", group, "--protocol", "tcp",
        "--port", "22", "--cidr", "10.0.0.0/8")
    left = aws_json("ec2", "describe-security-groups", "--group-ids", group, "--query",
               "SecurityGroups[0].IpPermissions[].IpProtocol")
    assert left == ["udp"]


def test_a_list_option_given_no_words_sends_an_empty_list(aws_json):
    # `--instance-ids $EMPTY` in a script: v2 sends the call (every instance), exit 0
    assert aws_json("ec2", "describe-instances", "--instance-ids") == {"Reservations": []}


def test_run_instances_network_shortcuts_fill_the_first_interface(aws, aws_json):
    vpc = aws_json("ec2", "create-vpc", "--cidr-block", "10.1.0.0/16")["Vpc"]["VpcId"]
    subnet = aws_json("ec2", "create-subnet", "--vpc-id", vpc,
                      "--cidr-block", "10.1.1.0/24")["Subnet"]["SubnetId"]
    group = aws_json("ec2", "create-security-group", "--group-name", "g", "--description", "d",
                     "--vpc-id", vpc)["GroupId"]
    ran = aws("ec2", "run-instances", "--image-id", "ami-12c6146b", "--subnet-id", subnet,
              "--security-group-ids", group, "--associate-public-ip-address",
              "--secondary-private-ip-address-count", "2", "--debug")
    assert ran.returncode == 0, ran.stderr
    [instance] = json.loads(ran.stdout)["Instances"]
    assert instance["SubnetId"] == subnet
    [sent] = [line for line in ran.stderr.splitlines()
              if "Making request for OperationModel(name=RunInstances)" in line]
    # inside the interface, where RunInstances wants them beside these options
    for part in ("'NetworkInterface.1.AssociatePublicIpAddress': 'true'",
                 "'NetworkInterface.1.SecondaryPrivateIpAddressCount': 2",
                 "'NetworkInterface.1.SubnetId': '%s'" % subnet,
                 "'NetworkInterface.1.SecurityGroupId.1': '%s'" % group):
        assert part in sent
    assert "'SubnetId'" not in sent and "'SecurityGroupId.1'" not in sent


def test_network_shortcuts_and_network_interfaces_do_not_mix(aws):
    mixed = aws("ec2", "run-instances", "--image-id", "ami-12c6146b",
                "--associate-public-ip-address",
                "--network-interfaces", "DeviceIndex=0,SubnetId=subnet-1")
    assert mixed.returncode == 252
    assert mixed.stderr.splitlines()[1].endswith(
        "Mixing the --network-interfaces option with the simple, scalar options is not "
        "supported.")


@pytest.mark.parametrize("protocol, number", [("tcp", "6"), ("udp", "17"), ("icmp", "1"),
                                              ("all", "-1"), ("6", "6")])
def test_network_acl_entries_take_protocol_names(aws, aws_json, protocol, number):
    vpc = aws_json("ec2", "create-vpc", "--cidr-block", "10.2.0.0/16")["Vpc"]["VpcId"]
    acl = aws_json("ec2", "create-network-acl", "--vpc-id", vpc)["NetworkAcl"]["NetworkAclId"]
    made = aws("ec2", "create-network-acl-entry", "--network-acl-id", acl, "--rule-number",
               "100", "--protocol", protocol, "--rule-action", "allow", "--ingress",
               "--cidr-block", "0.0.0.0/0", "--port-range", "From=80,To=80")
    assert made.returncode == 0, made.stderr
    [entry] = [e for e in aws_json("ec2", "describe-network-acls", "--network-acl-ids", acl)[
        "NetworkAcls"][0]["Entries"] if e["RuleNumber"] == 100]
    assert entry["Protocol"] == number
