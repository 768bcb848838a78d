"""`ec2-instance-connect open-tunnel`: a websocket tunnel to an instance's port, through an
EC2 Instance Connect Endpoint.

As v2's `awscli/customizations/ec2instanceconnect/opentunnel.py` and
`eicesigner.py`. The arguments are checked first (usage errors, 252; on a
terminal without `--local-port`, v2's "does not support interactive mode").
Without `--private-ip-address`, the instance is described for its private IPv4
(else IPv6) address, VPC and subnet; without the endpoint's DNS name, the
endpoint is looked up (`endpoints.py`). The EC2 client does not take
`--endpoint-url`, as in v2. Each tunnel's URL is `wss://DNS/openTunnel?
instanceConnectEndpointId=...&remotePort=...&privateIpAddress=...
[&maxTunnelDuration=...]`, presigned (SigV4, ec2-instance-connect, 60 seconds)
with the run's credentials and region. The tunnels themselves are
`websocket.py`'s: one over stdin and stdout, or one per connection to
`--local-port`.
"""
from __future__ import annotations

from typing import Any, Mapping
from urllib.parse import urlencode

from awsmini.commands import Context
from awsmini.errors import ParamValidationError

MAX_TUNNEL_SECONDS = 3_600


def check_arguments(args: Mapping[str, Any], stdin_isatty: bool | None) -> None:
    """v2's checks of the arguments, in its order."""
    if not args["instance-id"] and not args["private-ip-address"]:
        raise ParamValidationError("Specify an instance id or private ip.")
    if args["instance-connect-endpoint-dns-name"] and not args["instance-connect-endpoint-id"]:
        raise ParamValidationError("Specify an instance connect endpoint id when providing a "
                                   "DNS name.")
    if args["private-ip-address"] and not args["instance-connect-endpoint-id"]:
        raise ParamValidationError("Specify an instance connect endpoint id when providing a "
                                   "private ip.")
    duration = args["max-tunnel-duration"]
    if duration is not None and not 1 <= duration <= MAX_TUNNEL_SECONDS:
        raise ParamValidationError("Invalid max connection timeout specified. Value must be "
                                   "greater than 1 and less than 3600.")
    if args["local-port"] is None and stdin_isatty:
        raise ParamValidationError("This command does not support interactive mode. You must "
                                   "use this command as a proxy or in listener mode. ")


def tunnel_url(dns: str, endpoint_id: str, port: Any, address: str, duration: Any) -> str:
    """The URL a tunnel opens, before it is presigned."""
    query: dict[str, Any] = {"instanceConnectEndpointId": endpoint_id, "remotePort": port,
                             "privateIpAddress": address}
    if duration:
        query["maxTunnelDuration"] = duration
    return "wss://%s/openTunnel?%s" % (dns, urlencode(query))


def presigner(session: Any, region: str | None, url: str, dns: str) -> Any:
    """A function giving the URL presigned anew (each tunnel signs its own)."""
    from botocore.signers import RequestSigner

    model = session.get_service_model("ec2-instance-connect")
    signer = RequestSigner(model.service_id, region, model.signing_name,
                           model.signature_version, session.get_credentials(),
                           session.get_component("event_emitter"))

    def presigned() -> str:
        return signer.generate_presigned_url(
            request_dict={"url": url, "body": {}, "headers": {"host": dns}, "method": "GET",
                          "query_string": "", "url_path": "/", "context": {}},
            operation_name="openTunnel", expires_in=60)

    return presigned


def run(args: Mapping[str, Any], context: Context, target: Any = None) -> int:
    from awsmini.call import translate_errors
    from awsmini.commands.ec2instanceconnect import websocket
    from awsmini.commands.ec2instanceconnect.endpoints import dns_name, find_endpoint
    from awsmini.session import session_region

    check_arguments(args, context.env.stdin_isatty)
    websocket.check_installed()
    address, endpoint_id = args["private-ip-address"], args["instance-connect-endpoint-id"]
    dns = args["instance-connect-endpoint-dns-name"]
    session = context.session()
    with translate_errors():
        if not address or not dns:
            ec2 = context.other_service_client("ec2")
        vpc = subnet = None
        if not address:
            instance = ec2.describe_instances(
                InstanceIds=[args["instance-id"]])["Reservations"][0]["Instances"][0]
            vpc, subnet = instance["VpcId"], instance["SubnetId"]
            address = instance.get("PrivateIpAddress") or instance.get("Ipv6Address")
            if not address:
                raise ParamValidationError("Unable to find any IP address on the instance to "
                                           "connect to.")
        if not dns:
            endpoint = find_endpoint(ec2, vpc, subnet, endpoint_id)
            endpoint_id = endpoint["InstanceConnectEndpointId"]
            dns = dns_name(endpoint, session.get_config_variable("use_fips_endpoint"))
        region = session_region(context.options, context.env.environ, session)
        presigned = presigner(session, region, tunnel_url(
            dns, endpoint_id, args["remote-port"], address, args["max-tunnel-duration"]), dns)
    with websocket.Tunnels(presigned, session.user_agent(), target or websocket.Target(),
                           context.env.environ, context.write,
                           args["max-websocket-connections"]) as tunnels:
        if args["local-port"] is None:
            tunnels.over_stdio(*websocket.stdio_streams(context.env.stdin, context.env.stdout))
        else:
            tunnels.listen(args["local-port"])
    return 0
