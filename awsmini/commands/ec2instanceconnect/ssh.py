"""`ec2-instance-connect ssh`: OpenSSH to an instance, with a key pushed for the session.

As v2's `awscli/customizations/ec2instanceconnect/ssh.py`. The arguments are
checked first (usage errors, 252); then the instance is described and an
address chosen: `--instance-ip` as given; for `eice` (or with
`--eice-options`) the private IPv4, else the IPv6, through an endpoint's
tunnel; for `direct` the public IPv4, IPv6 or private IPv4; for `auto` the
public IPv4 directly, else the private IPv4 through a tunnel, else the IPv6
directly. A tunnel's endpoint is looked up (`endpoints.py`) unless its DNS name
is given. Without `--private-key-file`, a new Ed25519 key's public half is sent
with SendSSHPublicKey (that client does not take `--endpoint-url`) and the
private half written, mode 0400, to a temporary directory removed afterwards.

Then `ssh` (found on the run's PATH, else v2's "SSH not available", 253) runs as
`ssh -o ServerAliveInterval=5 -p PORT -i KEY [-L SPEC] [-v] [-o ProxyCommand=...]
USER@ADDRESS`; a tunnel's ProxyCommand runs this program's `ec2-instance-connect
open-tunnel` with the instance, address, port, the `--region` and `--profile`
given, and the endpoint. ssh's exit status is the command's.
"""
from __future__ import annotations

import logging
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.errors import ConfigurationError, ParamValidationError

LOG = logging.getLogger(__name__)
SSH_NOT_AVAILABLE = (
    "SSH not available. Please refer to the documentation at https://docs.aws.amazon.com/"
    "AWSEC2/latest/UserGuide/Connect-using-EC2-Instance-Connect-Endpoint.html.")
MAX_TUNNEL_SECONDS = 3_600


def _option(options: Mapping[str, Any] | None, name: str) -> Any:
    return options.get(name) if options else None


def check_arguments(args: Mapping[str, Any]) -> None:
    """v2's checks of the arguments, in its order."""
    options = args["eice-options"]
    if not re.search(r"^i-[0-9a-zA-Z]+$", args["instance-id"]):
        raise ParamValidationError("The specified instance ID is invalid. Provide the full "
                                   "instance ID in the form i-xxxxxxxxxxxxxxxxx.")
    if args["connection-type"] == "direct" and options:
        raise ParamValidationError("eice-options can't be specified when connection type is "
                                   "direct.")
    if _option(options, "dnsName") and not _option(options, "endpointId"):
        raise ParamValidationError("When specifying dnsName, you must specify endpointId.")
    duration = _option(options, "maxTunnelDuration")
    if duration is not None and not 1 <= duration <= MAX_TUNNEL_SECONDS:
        raise ParamValidationError("Invalid value specified for maxTunnelDuration. Value must "
                                   "be greater than 1 and less than 3600.")
    if _option(options, "endpointId") and not re.search(r"^eice-[0-9a-zA-Z_]+$",
                                                        options["endpointId"]):
        raise ParamValidationError("The specified endpointId is invalid. Provide the full EC2 "
                                   "Instance Connect Endpoint ID in the form "
                                   "eice-xxxxxxxxxxxxxxxxx.")
    if _option(options, "dnsName") and not re.search(r"^[0-9a-zA-Z.-]+$", options["dnsName"]):
        raise ParamValidationError("The specified dnsName is invalid.")
    if args["instance-ip"] and args["connection-type"] == "auto":
        raise ParamValidationError("When specifying instance-ip, you must specify "
                                   "connection-type.")


def choose_address(args: Mapping[str, Any], instance: Mapping[str, Any]) -> tuple[str, bool]:
    """(the address to connect to, whether through an endpoint's tunnel)."""
    private, public = instance.get("PrivateIpAddress"), instance.get("PublicIpAddress")
    ipv6 = instance.get("Ipv6Address")
    kind = args["connection-type"]
    address, tunnel = None, False
    if args["instance-ip"]:
        address, tunnel = args["instance-ip"], kind == "eice"
    elif kind == "eice" or args["eice-options"]:
        address, tunnel = private or ipv6, True
    elif kind == "direct":
        address = public or ipv6 or private
    elif public:
        address = public
    elif private:
        address, tunnel = private, True
    else:
        address = ipv6
    if address is None:
        raise ParamValidationError("Unable to find any IP address on the instance to connect "
                                   "to.")
    return address, tunnel


def tunnel_command(instance_id: str, address: str, port: Any, endpoint_id: str | None,
                   dns: str | None, duration: Any, context: Context) -> list[str]:
    """The open-tunnel command line ssh runs as its ProxyCommand."""
    command = [sys.argv[0], "ec2-instance-connect", "open-tunnel", "--instance-id",
               instance_id, "--private-ip-address", address, "--remote-port", str(port)]
    for option, value in (("--region", context.options.region),
                          ("--profile", context.options.profile),
                          ("--instance-connect-endpoint-id", endpoint_id),
                          ("--instance-connect-endpoint-dns-name", dns),
                          ("--max-tunnel-duration", duration)):
        if value:
            command += [option, str(value)]
    return command


def ssh_command(ssh: str, args: Mapping[str, Any], key_file: str, address: str,
                proxy: list[str] | None, is_debug: bool) -> list[str]:
    """ssh's command line, as v2 puts it together."""
    command = [ssh, "-o", "ServerAliveInterval=5", "-p", str(args["ssh-port"]), "-i", key_file]
    if args["local-forwarding"]:
        command += ["-L", args["local-forwarding"]]
    if is_debug:
        command.append("-v")
    if proxy is not None:
        command += ["-o", "ProxyCommand=%s" % " ".join(shlex.quote(word) for word in proxy)]
    return command + ["%s@%s" % (args["os-user"], address)]


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import translate_errors

    check_arguments(args)
    options = args["eice-options"]
    ec2 = context.client("ec2")
    with translate_errors():
        instance = ec2.describe_instances(
            InstanceIds=[args["instance-id"]])["Reservations"][0]["Instances"][0]
        address, tunnel = choose_address(args, instance)
        endpoint_id, dns = _option(options, "endpointId"), _option(options, "dnsName")
        if tunnel and not dns:
            from awsmini.commands.ec2instanceconnect.endpoints import dns_name, find_endpoint

            endpoint = find_endpoint(ec2, instance["VpcId"], instance["SubnetId"], endpoint_id)
            endpoint_id = endpoint["InstanceConnectEndpointId"]
            dns = dns_name(endpoint, context.session().get_config_variable(
                "use_fips_endpoint"))
    with tempfile.TemporaryDirectory() as directory:
        key_file = args["private-key-file"] or _pushed_key(args, context, directory)
        proxy = (tunnel_command(args["instance-id"], address, args["ssh-port"], endpoint_id,
                                dns, _option(options, "maxTunnelDuration"), context)
                 if tunnel else None)
        ssh = shutil.which("ssh", path=context.env.environ.get("PATH", os.defpath))
        if not ssh:
            raise ConfigurationError(SSH_NOT_AVAILABLE)
        command = ssh_command(ssh, args, key_file, address, proxy, context.options.debug)
        LOG.debug("Invoking SSH command: %s", command)
        context.env.stdout.flush()
        return subprocess.call(command, env=dict(context.env.environ))


def _pushed_key(args: Mapping[str, Any], context: Context, directory: str) -> str:
    """A new key's public half sent to the instance; the path of its private half."""
    from awsmini.call import translate_errors
    from awsmini.commands.ec2instanceconnect.keys import new_key_pair

    public, private = new_key_pair()
    with translate_errors():
        context.other_service_client("ec2-instance-connect").send_ssh_public_key(
            InstanceId=args["instance-id"], InstanceOSUser=args["os-user"],
            SSHPublicKey=public)
    path = os.path.join(directory, "private-key")
    with open(path, "wb") as stream:
        stream.write(private)
    os.chmod(path, 0o400)
    return path
