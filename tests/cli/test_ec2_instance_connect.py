"""`ec2-instance-connect ssh` through main(): EC2 in a small loopback stub of its query API
(moto has no DescribeInstanceConnectEndpoints), SendSSHPublicKey in the JSON stub, and a
stand-in `ssh` on PATH that records its command line and the key file it is given."""
from __future__ import annotations

import http.server
import json
import os
import sys
import threading
import urllib.parse

import pytest

from tests.e2e.stub_server import start_stub

SSH = """#!%s
import json, os, stat, sys
args = sys.argv[1:]
key = args[args.index("-i") + 1]
with open(os.environ["SSH_RECORD"], "w") as fp:
    json.dump({"argv": args, "key": open(key).read(),
               "mode": stat.S_IMODE(os.stat(key).st_mode)}, fp)
sys.exit(int(os.environ.get("SSH_RC", "0")))
""" % sys.executable

EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/"


def _instance_xml(addresses: dict) -> str:
    fields = "".join("<%s>%s</%s>" % (name, value, name) for name, value in addresses.items())
    return ("<reservationSet><item><reservationId>r-1</reservationId><instancesSet><item>"
            "<instanceId>i-0abc123456</instanceId><vpcId>vpc-1</vpcId><subnetId>subnet-2</subnetId>"
            "%s</item></instancesSet></item></reservationSet>" % fields)


def _endpoints_xml(endpoints: list) -> str:
    items = "".join("<item>%s</item>" % "".join(
        "<%s>%s</%s>" % (k[0].lower() + k[1:], v, k[0].lower() + k[1:])
        for k, v in endpoint.items()) for endpoint in endpoints)
    return "<instanceConnectEndpointSet>%s</instanceConnectEndpointSet>" % items


class Ec2:
    """EC2's query protocol for the two calls the command makes; records each request."""

    def __init__(self) -> None:
        self.addresses = {"privateIpAddress": "10.0.2.15", "ipAddress": "54.1.2.3"}
        self.endpoints = [
            {"InstanceConnectEndpointId": "eice-other", "SubnetId": "subnet-9",
             "DnsName": "other.eice.example"},
            {"InstanceConnectEndpointId": "eice-same", "SubnetId": "subnet-2",
             "DnsName": "same.eice.example", "FipsDnsName": "same.fips.eice.example"}]
        self.requests: list = []
        ec2 = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                form = dict(urllib.parse.parse_qsl(body))
                ec2.requests.append(form)
                wanted = form.get("InstanceConnectEndpointId.1")
                inner = (_instance_xml(ec2.addresses) if form["Action"] == "DescribeInstances"
                         else _endpoints_xml([e for e in ec2.endpoints if wanted in (
                             None, e["InstanceConnectEndpointId"])]))
                data = ('<?xml version="1.0"?><%sResponse xmlns="%s"><requestId>1</requestId>'
                        '%s</%sResponse>' % (form["Action"], EC2_NS, inner, form["Action"]))
                self.send_response(200)
                self.send_header("Content-Type", "text/xml")
                self.send_header("Content-Length", str(len(data.encode())))
                self.end_headers()
                self.wfile.write(data.encode())

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def actions(self) -> list:
        return [request["Action"] for request in self.requests]


@pytest.fixture
def ec2():
    server = Ec2()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture
def connect():
    stub, stop = start_stub({"SendSSHPublicKey": (200, {"RequestId": "r", "Success": True})})
    yield stub
    stop()


@pytest.fixture
def ssh(tmp_path, run_cli, ec2, connect):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "ssh").write_text(SSH)
    (bin_dir / "ssh").chmod(0o755)
    record = tmp_path / "ssh.json"

    def run(*argv: str, path: str | None = None, **environ: str):
        result = run_cli(["ec2-instance-connect", "ssh", *argv, "--endpoint-url", ec2.url],
                         environ={"PATH": path or str(bin_dir), "SSH_RECORD": str(record),
                                  "AWS_ENDPOINT_URL_EC2_INSTANCE_CONNECT": connect.url,
                                  **environ})
        result.ssh = json.loads(record.read_text()) if record.exists() else None
        return result

    run.bin = bin_dir
    return run


def _public_key_of(private_pem: str) -> str:
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_ssh_private_key(private_pem.encode(), password=None)
    return key.public_key().public_bytes(serialization.Encoding.OpenSSH,
                                         serialization.PublicFormat.OpenSSH).decode()


def test_ssh_pushes_a_new_key_and_connects_to_the_public_address(awscrt, ssh, ec2, connect):
    result = ssh("--instance-id", "i-0abc123456", "--os-user", "ubuntu")
    assert (result.exit_code, result.stderr) == (0, "")
    assert ec2.actions() == ["DescribeInstances"]
    assert ec2.requests[0]["InstanceId.1"] == "i-0abc123456"
    [push] = connect.requests
    assert push.operation == "SendSSHPublicKey"
    assert (push.body["InstanceId"], push.body["InstanceOSUser"]) == ("i-0abc123456", "ubuntu")
    argv = result.ssh["argv"]
    key_file = argv[argv.index("-i") + 1]
    assert argv == ["-o", "ServerAliveInterval=5", "-p", "22", "-i", key_file,
                    "ubuntu@54.1.2.3"]
    assert result.ssh["mode"] == 0o400
    assert result.ssh["key"].startswith("-----BEGIN OPENSSH PRIVATE KEY-----\n")
    assert push.body["SSHPublicKey"] == _public_key_of(result.ssh["key"])
    assert not os.path.exists(key_file)  # the temporary directory is gone


def test_ssh_through_the_subnets_endpoint_as_ssh_s_proxy(ssh, ec2, connect, tmp_path):
    key = tmp_path / "mine.pem"
    key.write_text("KEY")
    (tmp_path / "config").write_text("[profile dev]\naws_access_key_id = AKIDDEV\n"
                                      "aws_secret_access_key = secret\n")
    result = ssh("--instance-id", "i-0abc123456", "--connection-type", "eice", "--private-key-file",
                 str(key), "--ssh-port", "2222", "--local-forwarding", "3336:db:3306",
                 "--region", "eu-west-1", "--profile", "dev", "--debug", SSH_RC="7",
                 AWS_CONFIG_FILE=str(tmp_path / "config"))
    assert result.exit_code == 7  # ssh's own
    assert connect.requests == []  # the key given is used as it is
    assert ec2.actions() == ["DescribeInstances", "DescribeInstanceConnectEndpoints"]
    filters = {k: v for k, v in ec2.requests[1].items() if k.startswith("Filter")}
    assert filters == {"Filter.1.Name": "state", "Filter.1.Value.1": "create-complete",
                       "Filter.1.Value.2": "update-in-progress",
                       "Filter.1.Value.3": "update-failed", "Filter.1.Value.4": "update-complete",
                       "Filter.2.Name": "vpc-id", "Filter.2.Value.1": "vpc-1"}
    proxy = " ".join([sys.argv[0], "ec2-instance-connect", "open-tunnel", "--instance-id",
                      "i-0abc123456", "--private-ip-address", "10.0.2.15", "--remote-port", "2222",
                      "--region", "eu-west-1", "--profile", "dev",
                      "--instance-connect-endpoint-id", "eice-same",
                      "--instance-connect-endpoint-dns-name", "same.eice.example"])
    assert result.ssh["argv"] == ["-o", "ServerAliveInterval=5", "-p", "2222", "-i", str(key),
                                  "-L", "3336:db:3306", "-v", "-o", "ProxyCommand=" + proxy,
                                  "ec2-user@10.0.2.15"]


def test_ssh_with_the_endpoint_named_in_full_looks_nothing_up(ssh, ec2, tmp_path):
    key = tmp_path / "mine.pem"
    key.write_text("KEY")
    result = ssh("--instance-id", "i-0abc123456", "--private-key-file", str(key), "--eice-options",
                 "endpointId=eice-123,dnsName=x.eice.example,maxTunnelDuration=600")
    assert result.exit_code == 0, result.stderr
    assert ec2.actions() == ["DescribeInstances"]
    proxy = result.ssh["argv"][-2]
    assert proxy.endswith(" --instance-connect-endpoint-id eice-123 "
                          "--instance-connect-endpoint-dns-name x.eice.example "
                          "--max-tunnel-duration 600")
    assert result.ssh["argv"][-1] == "ec2-user@10.0.2.15"  # eice options mean eice


@pytest.mark.parametrize("addresses, argv, expected, is_tunnel", [
    ({"privateIpAddress": "10.0.2.15"}, (), "10.0.2.15", True),
    ({"ipv6Address": "2600::1"}, (), "2600::1", False),
    ({"privateIpAddress": "10.0.2.15", "ipv6Address": "2600::1"},
     ("--connection-type", "direct"), "2600::1", False),
    ({"ipv6Address": "2600::1"}, ("--connection-type", "eice"), "2600::1", True),
    ({"ipAddress": "54.1.2.3"}, ("--instance-ip", "192.0.2.9", "--connection-type", "direct"),
     "192.0.2.9", False),
], ids=["auto-private", "auto-ipv6", "direct-ipv6-first", "eice-ipv6", "given-address"])
def test_the_address_chosen(ssh, ec2, tmp_path, addresses, argv, expected, is_tunnel):
    ec2.addresses = addresses
    key = tmp_path / "k"
    key.write_text("KEY")
    result = ssh("--instance-id", "i-0abc123456", "--private-key-file", str(key), *argv)
    assert result.exit_code == 0, result.stderr
    assert result.ssh["argv"][-1] == "ec2-user@" + expected
    assert any(word.startswith("ProxyCommand=") for word in result.ssh["argv"]) == is_tunnel


def test_fips_names_the_endpoints_fips_dns_name(ssh, ec2, tmp_path):
    key = tmp_path / "k"
    key.write_text("KEY")
    (tmp_path / "config").write_text("[default]\nuse_fips_endpoint = true\n")
    result = ssh("--instance-id", "i-0abc123456", "--private-key-file", str(key),
                 "--eice-options", "endpointId=eice-same",
                 AWS_CONFIG_FILE=str(tmp_path / "config"))
    assert result.exit_code == 0, result.stderr
    assert ec2.requests[1]["InstanceConnectEndpointId.1"] == "eice-same"
    assert "--instance-connect-endpoint-dns-name same.fips.eice.example" in \
        result.ssh["argv"][-2]
    ec2.endpoints = [{"InstanceConnectEndpointId": "eice-same", "SubnetId": "subnet-2",
                      "DnsName": "same.eice.example"}]
    refused = ssh("--instance-id", "i-0abc123456", "--private-key-file", str(key),
                  "--connection-type", "eice", AWS_CONFIG_FILE=str(tmp_path / "config"))
    assert refused.exit_code == 253
    assert "Unable to find FIPS Endpoint" in refused.stderr


def test_no_endpoint_in_the_vpc(ssh, ec2, tmp_path):
    ec2.endpoints = []
    ec2.addresses = {"privateIpAddress": "10.0.2.15"}
    result = ssh("--instance-id", "i-0abc123456", "--private-key-file", str(tmp_path))
    assert result.exit_code == 252
    assert "There are no available instance connect endpoints." in result.stderr
    assert result.ssh is None


def test_without_ssh_the_key_is_pushed_first_as_v2_does(awscrt, ssh, connect, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = ssh("--instance-id", "i-0abc123456", path=str(empty))
    assert result.exit_code == 253
    assert result.stderr.endswith(
        "An error occurred (Configuration): SSH not available. Please refer to the "
        "documentation at https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/"
        "Connect-using-EC2-Instance-Connect-Endpoint.html.\n")
    assert [request.operation for request in connect.requests] == ["SendSSHPublicKey"]


@pytest.mark.parametrize("argv, message", [
    (("--instance-id", "web-1"), "The specified instance ID is invalid. Provide the full "
     "instance ID in the form i-xxxxxxxxxxxxxxxxx."),
    (("--instance-id", "i-1", "--connection-type", "direct", "--eice-options",
      "endpointId=eice-1"), "eice-options can't be specified when connection type is direct."),
    (("--instance-id", "i-1", "--eice-options", "dnsName=a.b"),
     "When specifying dnsName, you must specify endpointId."),
    (("--instance-id", "i-1", "--eice-options", "maxTunnelDuration=3601"),
     "Invalid value specified for maxTunnelDuration. Value must be greater than 1 and less "
     "than 3600."),
    (("--instance-id", "i-1", "--eice-options", "endpointId=vpce-1"),
     "The specified endpointId is invalid. Provide the full EC2 Instance Connect Endpoint ID "
     "in the form eice-xxxxxxxxxxxxxxxxx."),
    (("--instance-id", "i-1", "--eice-options", "endpointId=eice-1,dnsName=a_b"),
     "The specified dnsName is invalid."),
    (("--instance-id", "i-1", "--instance-ip", "10.0.0.1"),
     "When specifying instance-ip, you must specify connection-type."),
    ((), "the following arguments are required: --instance-id"),
], ids=["instance-id", "direct-options", "dns-alone", "duration", "endpoint-id", "dns-name",
        "ip-alone", "missing"])
def test_usage_errors(ssh, ec2, connect, argv, message):
    result = ssh(*argv)
    assert result.exit_code == 252
    assert "[ERROR]: An error occurred (ParamValidation): %s\n" % message in result.stderr
    assert ec2.requests == [] and connect.requests == [] and result.ssh is None


def test_help_and_the_generic_operation_beside_it(run_cli):
    page = run_cli(["ec2-instance-connect", "ssh", "help"])
    assert page.exit_code == 0
    for option in ("--instance-id", "--instance-ip", "--private-key-file", "--os-user",
                   "--ssh-port", "--local-forwarding", "--connection-type", "--eice-options"):
        assert option in page.stdout
    listing = run_cli(["ec2-instance-connect", "help"]).stdout
    assert "o ssh\n" in listing and "o send-ssh-public-key\n" in listing
    generic = run_cli(["ec2-instance-connect", "send-ssh-public-key", "help"])
    assert "--ssh-public-key" in generic.stdout


def test_a_new_key_needs_awscrt(ssh, ec2, connect):
    import importlib.util

    if importlib.util.find_spec("awscrt") is not None:
        pytest.skip("awscrt is installed in this environment")
    result = ssh("--instance-id", "i-0abc123456")
    assert result.exit_code == 255
    assert ("[ERROR]: ec2-instance-connect ssh (without --private-key-file) needs the awscrt "
            "package, which is not installed (pip install 'awsmini[crt]')") in result.stderr
    assert connect.requests == [] and result.ssh is None
