"""`ec2-instance-connect ssh` and `open-tunnel`, declared as data.

v2 adds them beside the model's operations (`awscli/customizations/
ec2instanceconnect/ssh.py`, `opentunnel.py`); the arguments follow its
ARG_TABLEs, the help text is awsmini's own. The runs live in `ssh.py`, with
`keys.py` (the key pair pushed), and `tunnel.py`, with `websocket.py` (the
tunnels); `endpoints.py` finds the EC2 Instance Connect Endpoint both use. The
model's `send-ssh-public-key` stays the generic operation.
"""
from __future__ import annotations

from typing import Any

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand, option

DESCRIPTION = "Amazon EC2 Instance Connect."

CONNECTION_TYPES = ("auto", "direct", "eice")

SHAPES = {
    "EiceOptions": {"type": "structure", "members": {
        "maxTunnelDuration": {"shape": "Integer"},
        "endpointId": {"shape": "String"},
        "dnsName": {"shape": "String"}}},
    "Integer": {"type": "integer"},
    "String": {"type": "string"},
}


SSH = (
    "<p>Connect to an instance with your OpenSSH client (<code>ssh</code>, which must be on "
    "your <code>PATH</code>). Unless <code>--private-key-file</code> names a key the instance "
    "already accepts, a new key pair is made for this connection: its public key is sent to "
    "the instance with EC2 Instance Connect (valid there for 60 seconds) and its private key "
    "kept in a temporary file for ssh, deleted afterwards.</p>"
    "<p>The instance is reached directly or through an EC2 Instance Connect Endpoint, which "
    "lets ssh reach instances that have no public address: ssh then runs "
    "<code>ec2-instance-connect open-tunnel</code> as its proxy command. The command exits "
    "with ssh's exit status.</p>")

CONNECTION_TYPE = (
    "<p>How to reach the instance (default <code>auto</code>):</p><ul>"
    "<li><code>direct</code>: to its own address, the first it has of public IPv4, IPv6 and "
    "private IPv4.</li>"
    "<li><code>eice</code>: through an EC2 Instance Connect Endpoint, to its private IPv4 "
    "address, or its IPv6 address when it has no private IPv4.</li>"
    "<li><code>auto</code>: directly to its public IPv4 address if it has one, else through "
    "an endpoint to its private IPv4 address, else directly to its IPv6 address. This choice "
    "may change in later versions: give <code>direct</code> or <code>eice</code> to be sure "
    "of the way taken.</li></ul>")

EICE_OPTIONS = (
    "<p>The EC2 Instance Connect Endpoint to use, as <code>endpointId=eice-...,"
    "dnsName=...,maxTunnelDuration=SECONDS</code> or JSON. <code>endpointId</code> names "
    "the endpoint (by default one of the instance's subnet, else of its VPC); "
    "<code>dnsName</code> its DNS name, which saves looking it up and needs "
    "<code>endpointId</code>; <code>maxTunnelDuration</code> how long, in seconds, the TCP "
    "connection may last, from 1 to 3600 (the default). Giving these implies "
    "<code>--connection-type eice</code>.</p>")

OPEN_TUNNEL = (
    "<p>Open a tunnel to a TCP port of an instance (its SSH port by default) through an EC2 "
    "Instance Connect Endpoint, over a websocket. Without <code>--local-port</code> the "
    "tunnel joins this command's standard input and output, for use as ssh's "
    "<code>ProxyCommand</code> (<code>ec2-instance-connect ssh</code> runs it so); it cannot "
    "be used at a terminal. With <code>--local-port</code> the command listens on that port "
    "of <code>localhost</code> and opens a tunnel of its own for each connection made to it, "
    "until interrupted with Control-C.</p>"
    "<p>This needs the awscrt package (<code>pip install 'awsmini[crt]'</code>).</p>")


def _integer(name: str, documentation: str, default: Any = None) -> ArgSpec:
    return option(name, documentation, "integer", default=default)


COMMANDS = {
    "open-tunnel": CustomCommand("open-tunnel", OPEN_TUNNEL, (
        option("instance-id", "<p>The instance to open the tunnel to.</p>"),
        option("instance-connect-endpoint-id", "<p>The EC2 Instance Connect Endpoint to go "
                "through; by default one of the instance's subnet, else of its VPC.</p>"),
        option("instance-connect-endpoint-dns-name", "<p>The endpoint's DNS name, which saves "
                "looking it up; needs <code>--instance-connect-endpoint-id</code>.</p>"),
        option("private-ip-address", "<p>The private IPv4 (or IPv6) address to open the "
                "tunnel to, instead of the instance's; needs "
                "<code>--instance-connect-endpoint-id</code>.</p>"),
        _integer("remote-port", "<p>The instance's port to connect to (default 22).</p>", 22),
        _integer("local-port", "<p>Listen on this port of <code>localhost</code>, each "
                 "connection made to it getting a tunnel of its own.</p>"),
        _integer("max-tunnel-duration", "<p>How long, in seconds, a tunnel may stay open, from "
                 "1 to 3600 (the default).</p>"),
        _integer("max-websocket-connections", "<p>How many tunnels may be open at once with "
                 "<code>--local-port</code> (default 10); further connections are closed.</p>",
                 10),
    ), "awsmini.commands.ec2instanceconnect.tunnel:run"),
    "ssh": CustomCommand("ssh", SSH, (
        option("instance-id", "<p>The ID of the instance to connect to.</p>",
                is_required=True),
        option("instance-ip", "<p>The address to connect to, instead of one of the "
                "instance's; needs <code>--connection-type</code>.</p>"),
        option("private-key-file", "<p>A private key file to log in with, instead of a key "
                "made and pushed for this connection.</p>"),
        option("os-user", "<p>The user to log in as (default <code>ec2-user</code>).</p>",
                default="ec2-user"),
        option("ssh-port", "<p>The instance's SSH port (default 22).</p>", "integer",
                default="22"),
        option("local-forwarding", "<p>A local port forwarding in OpenSSH's "
                "<code>-L</code> form, such as <code>3336:remote.host:3306</code>.</p>"),
        option("connection-type", CONNECTION_TYPE, choices=CONNECTION_TYPES, default="auto"),
        option("eice-options", EICE_OPTIONS, "structure", shape="EiceOptions"),
    ), "awsmini.commands.ec2instanceconnect.ssh:run", shapes=SHAPES),
}
