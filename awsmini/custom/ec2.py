"""ec2: v2's customizations of its generic operations.

- Every operation: a structure of one boolean `Value` is also the flags
  `--x` and `--no-x` (awscli/customizations/toplevelbool.py), and two `--no-`
  twins read better renamed (awscli/customizations/argrename.py).
- `create-image`: `--no-no-reboot` is `--reboot` (argrename.py).
- `run-instances`: `--count N` or `--count MIN:MAX` in place of `--min-count`
  and `--max-count`, and one instance when none is given
  (awscli/customizations/ec2/addcount.py); `--secondary-private-ip-addresses`,
  `--secondary-private-ip-address-count` and `--[no-]associate-public-ip-address`
  fill the first network interface, into which the subnet, the groups and the
  IPv6 options then move (awscli/customizations/ec2/runinstances.py).
- `authorize-security-group-ingress|egress`, `revoke-security-group-ingress|egress`:
  one rule given as `--protocol`, `--port`, `--cidr`, `--source-group` and
  `--group-owner`; the arguments they stand for stay, undocumented
  (awscli/customizations/ec2/secgroupsimplify.py).
- `create-network-acl-entry`, `replace-network-acl-entry`: `--protocol` also takes
  `tcp`, `udp`, `icmp` and `all` for their numbers (awscli/customizations/ec2/protocolarg.py).
- `describe-volumes`, `describe-snapshots`: pages of 1000 while paginating,
  unless a page size or a filter is given (awscli/customizations/ec2/paginate.py).
- `get-password-data`: `--priv-launch-key FILE`, the private key the instance was
  launched with: the password data is printed decrypted with it (PKCS#1 v1.5),
  through awscrt (awscli/customizations/ec2/decryptpassword.py).
- `bundle-instance`: `--bucket`, `--prefix`, `--owner-akid`, `--owner-sak` and
  `--policy` fill `--storage` (then not required, and not to be mixed with them);
  without a policy, one allowing the upload into the bucket under the prefix for
  24 hours is made, and the policy is signed with the owner's secret key, which
  is not sent (awscli/customizations/ec2/bundleinstance.py).
- `import-instance` and `import-volume` are taken out of the service: they
  answer as unknown operations (awscli/customizations/removals.py).

The messages are v2's; a bad rule shortcut ends the run with 255, as v2's
ValueError does. The functions change the parameters they are given; the
launch key's path is looked at before the request (as v2 does) and read
through `Env` after it.
"""
from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import json
import logging
import os
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from awsmini.arguments import ArgSpec
from awsmini.configpaths import expand
from awsmini.custom import Customization, DefaultPageSize
from awsmini.errors import AwsminiError, OtherError, ParamValidationError

if TYPE_CHECKING:
    from awsmini.env import Env

LOG = logging.getLogger(__name__)


def _custom(name: str, documentation: str, fills: Callable[[dict, str], None],
            is_local_path: bool = False) -> ArgSpec:
    return ArgSpec(name, "", "", "string", is_cli_only=True, documentation=documentation,
                   fills=fills, is_local_path=is_local_path)


# ------------------------------------------------------ run-instances --count

def _count(params: dict, raw: str) -> None:
    """`ec2 run-instances --count N` or `--count MIN:MAX`."""
    try:
        low, high = raw.split(":") if ":" in raw else (raw, raw)
        params.update(MinCount=int(low), MaxCount=int(high))
    except (ValueError, TypeError):  # v2 catches all: a fileb:// value's bytes too
        raise ParamValidationError(
            "count parameter should be of form min[:max] (e.g. 1 or 1:10)") from None


# ------------------------------------- run-instances network-interface shortcuts
# (awscli/customizations/ec2/runinstances.py): simple options that fill the first
# network interface; the options that then belong inside it are moved there.

def _first_interface(params: dict) -> dict:
    interfaces = params.setdefault("NetworkInterfaces", [{"DeviceIndex": 0}])
    return interfaces[0]


def _secondary_addresses(params: dict, raw: Any) -> None:
    if raw:
        _first_interface(params).setdefault(
            "PrivateIpAddresses", [{"PrivateIpAddress": address, "Primary": False}
                                   for address in raw])


def _secondary_count(params: dict, raw: Any) -> None:
    if raw:
        _first_interface(params)["SecondaryPrivateIpAddressCount"] = raw


def _public_address(params: dict, raw: Any) -> None:
    _first_interface(params)["AssociatePublicIpAddress"] = bool(raw)


_NETWORK_SHORTCUTS = (
    ArgSpec("secondary-private-ip-addresses", "", "", "list", nargs="*", is_cli_only=True,
            fills=_secondary_addresses, documentation=(
                "<p>Secondary private IP addresses for the instance's first network interface "
                "(several may be given). To have a number of them chosen for you, use "
                "--secondary-private-ip-address-count.</p>")),
    ArgSpec("secondary-private-ip-address-count", "", "", "long", is_cli_only=True,
            fills=_secondary_count, documentation=(
                "<p>How many secondary private IP addresses to give the instance's first "
                "network interface.</p>")),
    ArgSpec("associate-public-ip-address", "", "", "boolean", is_cli_only=True,
            negative_name="no-associate-public-ip-address", fills=_public_address,
            documentation=("<p>Whether the instance's first network interface gets a "
                           "public IP address (in a VPC).</p>")),
)
_MOVED_INTO_INTERFACE = (("SubnetId", "SubnetId"), ("SecurityGroupIds", "Groups"),
                         ("Ipv6AddressCount", "Ipv6AddressCount"),
                         ("Ipv6Addresses", "Ipv6Addresses"), ("EnablePrimaryIpv6", "PrimaryIpv6"))


def _no_interfaces_with_shortcuts(options: Mapping[str, Any], members: Sequence[str]) -> None:
    if "network-interfaces" in members and any(
            options.get(spec.cli_name) for spec in _NETWORK_SHORTCUTS):
        raise ParamValidationError("Mixing the --network-interfaces option with the simple, "
                                   "scalar options is not supported.")


def _into_the_interface(params: dict) -> dict:
    """With a first interface that has addresses of its own, the subnet, groups and
    IPv6 options must be given inside it (RunInstances refuses them beside it)."""
    interfaces = params.get("NetworkInterfaces")
    if not interfaces or not isinstance(interfaces[0], dict):
        return params
    interface = interfaces[0]
    if not any(key in interface for key in ("PrivateIpAddresses",
                                            "SecondaryPrivateIpAddressCount",
                                            "AssociatePublicIpAddress")):
        return params
    for outside, inside in _MOVED_INTO_INTERFACE:
        if outside in params:
            interface[inside] = params.pop(outside)
    if "PrivateIpAddress" in params:
        interface["PrivateIpAddresses"] = [{"PrivateIpAddress": params.pop("PrivateIpAddress"),
                                            "Primary": True}]
    return params


_RUN_INSTANCES = Customization(
    removed=("min-count", "max-count"),
    added=(_custom("count", (
        "<p>Number of instances to launch. If a single number is provided, it\nis assumed "
        "to be the minimum to launch (defaults to 1).  If a range is\nprovided in the form "
        "<code>min:max</code> then the first number is\ninterpreted as the minimum number "
        "of instances to launch and the second\nis interpreted as the maximum number of "
        "instances to launch.</p>"), _count), *_NETWORK_SHORTCUTS),
    check=_no_interfaces_with_shortcuts,
    adjust=_into_the_interface,
    call_defaults={"MinCount": 1, "MaxCount": 1})


# ------------------------------------------------- the security group rule

def _rule(params: dict) -> dict:
    """The one permission the shortcuts describe (`IpPermissions[0]`)."""
    return params.setdefault("IpPermissions", [{}])[0]


def _protocol(params: dict, raw: str) -> None:
    try:
        number = int(raw)
    except ValueError:
        if raw not in ("tcp", "udp", "icmp", "all"):
            raise OtherError("protocol parameter should be one of: tcp|udp|icmp|all or any "
                             "valid protocol number.") from None
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
        raise OtherError(
            "port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)") from None
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


_RULE_SHORTCUTS = (
    _custom("protocol", "<p>The IP protocol: <code>tcp</code> | <code>udp</code> | "
            "<code>icmp</code></p> <p>(VPC only) Use <code>all</code> to specify all "
            "protocols.</p><p>If this argument is provided without also providing the "
            "<code>port</code> argument, then it will be applied to all ports for the "
            "specified protocol.</p>", _unless_empty(_protocol)),
    _custom("port", "<p>For TCP or UDP: The range of ports to allow.  A single integer or "
            "a range (<code>min-max</code>).</p><p>For ICMP: A single integer or a range "
            "(<code>type-code</code>) representing the ICMP type number and the ICMP code "
            "number respectively. A value of -1 indicates all ICMP codes for all ICMP "
            "types. A value of -1 just for <code>type</code> indicates all ICMP codes for "
            "the specified ICMP type.</p>", _unless_empty(_port)),
    _custom("cidr", "<p>The IPv4 address range, in CIDR format.</p>", _unless_empty(_cidr)),
    _custom("source-group", "<p>The name or ID of the source security group.</p>",
            _unless_empty(_source_group)),
    _custom("group-owner", "<p>The AWS account ID that owns the source security group. "
            "Cannot be used when specifying a CIDR IP address.</p>",
            _unless_empty(_group_owner)),
)


def _not_with_ip_permissions(options: Mapping[str, Any], members: Sequence[str]) -> None:
    given = [spec.cli_name for spec in _RULE_SHORTCUTS if options.get(spec.cli_name)]
    if given and "ip-permissions" in members:
        # v2 names the option by its Python name and ends the message with a space
        raise OtherError("The --%s option is not compatible with the --ip-permissions option "
                         % given[0].replace("-", "_"))


_SECURITY_GROUP_RULE = Customization(
    undocumented=("ip-protocol", "from-port", "to-port", "cidr-ip", "source-security-group-name",
                  "source-security-group-owner-id"),
    added=_RULE_SHORTCUTS,
    check=_not_with_ip_permissions)
# The note after the authorize pages' description. v2.36.7's source also
# registers it for revoke-security-group-ingress (and, misspelt, for egress);
# the revoke pages are left without it here, as before.
_SECURITY_GROUP_RULE_NOTED = replace(_SECURITY_GROUP_RULE, help_note=(
    "To specify multiple rules in a single command use the <code>--ip-permissions</code> option"))


# ---------------------------------------------- network ACL entries' protocol

_PROTOCOL_NUMBERS = {"tcp": "6", "udp": "17", "icmp": "1", "all": "-1"}


def _protocol_number(params: dict) -> dict:
    if params.get("Protocol") in _PROTOCOL_NUMBERS:
        params["Protocol"] = _PROTOCOL_NUMBERS[params["Protocol"]]
    return params


_NETWORK_ACL_ENTRY = Customization(adjust=_protocol_number)


# ------------------------------------------- get-password-data --priv-launch-key

def _check_launch_key(params: dict, raw: Any) -> None:
    """Before the request, as v2: the key must be a file, and awscrt there to use it."""
    if not raw:
        return
    if not os.path.isfile(str(raw)):  # expanded (is_local_path)
        raise OtherError("priv-launch-key should be a path to the local SSH private key file "
                         "used to launch the instance.")
    from awsmini.rsakeys import require_awscrt

    require_awscrt("--priv-launch-key")


def _decrypt_password(response: dict, options: Mapping[str, Any], env: Env) -> dict:
    """The response with its PasswordData decrypted by the launch key, if one was given."""
    raw = options.get("priv-launch-key")
    if not raw or not response.get("PasswordData"):
        return response  # v2 leaves an empty password (not yet available) as it is
    from awsmini.rsakeys import decrypt_pkcs1v15, load_private_key

    path = expand(str(raw), env.environ)
    LOG.debug("Decrypting password data using: %s", path)
    try:
        key = load_private_key(env.read_bytes(path), "--priv-launch-key")
        plain = decrypt_pkcs1v15(key, base64.b64decode(response["PasswordData"]))
        response["PasswordData"] = plain.decode("utf-8")
    except AwsminiError:
        raise
    except Exception:  # v2 words any failure (a bad key, the wrong key, a bad file) alike
        LOG.debug("Unable to decrypt PasswordData", exc_info=True)
        raise OtherError("Unable to decrypt password data using provided private key "
                         "file.") from None
    return response


_GET_PASSWORD_DATA = Customization(
    added=(_custom("priv-launch-key", (
        "<p>The file holding the private key of the key pair the instance was launched "
        "with (for example <code>windows-keypair.pem</code>). When it is given, the "
        "password data EC2 returns is decrypted with that key before it is "
        "shown.</p>"), _check_launch_key, is_local_path=True),),
    after_call=_decrypt_password)


# ------------------------------------------------ bundle-instance's simple options

_SECRET_KEY = "_SAK"  # the owner's secret key, held in the storage until the policy is signed


def _storage_part(member: str) -> Callable[[dict, Any], None]:
    def fill(params: dict, raw: Any) -> None:
        if raw:
            params.setdefault("Storage", {"S3": {}})["S3"][member] = raw
    return fill


def _no_storage_with_shortcuts(options: Mapping[str, Any], members: Sequence[str]) -> None:
    if "storage" in members and any(options.get(spec.cli_name) for spec in _BUNDLE_SHORTCUTS):
        raise ParamValidationError("Mixing the --storage option with the simple, scalar "
                                   "options is not recommended.")


def _upload_policy(bucket: str, prefix: str, now: datetime.datetime) -> bytes:
    """v2's policy: uploads into `bucket` under `prefix`, with the acl bundles need,
    for 24 hours (its keys and spacing as v2 writes them)."""
    expires = (now + datetime.timedelta(hours=24)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return ('{"expiration": %s,"conditions": [{"bucket": %s},{"acl": "ec2-bundle-read"},'
            '["starts-with", "$key", %s]]}' % tuple(json.dumps(value) for value in (
                expires, bucket, prefix))).encode("utf-8")


def _signed_storage(params: dict) -> dict:
    """The storage with its upload policy (made when none is given) and the policy's
    signature (HMAC-SHA1 of its base64 by the owner's secret key), as v2 completes it
    before the call; v2 fails on a missing bucket or prefix with the key's name."""
    try:
        storage = params["Storage"]["S3"]
        if "UploadPolicy" not in storage:
            storage["UploadPolicy"] = _upload_policy(
                storage["Bucket"], storage["Prefix"],
                datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None))
    except KeyError as error:
        raise OtherError(str(error)) from None
    policy, secret = storage.get("UploadPolicy"), storage.get(_SECRET_KEY)
    if "UploadPolicySignature" not in storage and policy and secret:
        if isinstance(policy, str):  # --cli-binary-format raw-in-base64-out: the text given
            policy = policy.encode("utf-8")
        digest = hmac.new(str(secret).encode("utf-8"), base64.b64encode(policy),
                          hashlib.sha1).digest()
        storage["UploadPolicySignature"] = base64.b64encode(digest).decode("ascii")
        del storage[_SECRET_KEY]
    return params


def _bundle_option(name: str, member: str, documentation: str) -> ArgSpec:
    return _custom(name, documentation, _storage_part(member))


_BUNDLE_SHORTCUTS = (
    _bundle_option("bucket", "Bucket", (
        "The bucket the bundled AMI is stored in: one of yours, or a new one that EC2 "
        "creates for you. A bucket that belongs to another account is refused.")),
    _bundle_option("prefix", "Prefix", "The prefix of the names of the image's parts in "
                   "Amazon S3."),
    _bundle_option("owner-akid", "AWSAccessKeyId", "The access key ID of the bucket's owner."),
    _bundle_option("owner-sak", _SECRET_KEY, (
        "The secret access key of the owner of the --bucket bucket. It signs the upload "
        "policy here and is not sent to EC2.")),
    _bundle_option("policy", "UploadPolicy", (
        "An Amazon S3 upload policy letting EC2 upload the image into the bucket on the "
        "user's behalf; give --owner-sak too, to sign it. Without it, a policy allowing "
        "uploads into the bucket under the prefix for 24 hours is made and signed. See "
        '<a href="http://docs.aws.amazon.com/AmazonS3/latest/dev/HTTPPOSTForms.html">'
        "policy construction and signatures</a> in the Amazon S3 guide.")),
)

_BUNDLE_INSTANCE = Customization(
    optional=("storage",),
    added=_BUNDLE_SHORTCUTS,
    check=_no_storage_with_shortcuts,
    adjust=_signed_storage)


SERVICE = Customization(
    renames={"no-egress": "ingress", "no-disable-api-termination": "enable-api-termination"},
    has_boolean_flags=True)

OPERATIONS: Mapping[str, Customization] = {
    "bundle-instance": _BUNDLE_INSTANCE,
    "create-image": Customization(renames={"no-no-reboot": "reboot"}),
    "get-password-data": _GET_PASSWORD_DATA,
    "create-network-acl-entry": _NETWORK_ACL_ENTRY,
    "replace-network-acl-entry": _NETWORK_ACL_ENTRY,
    "run-instances": _RUN_INSTANCES,
    "authorize-security-group-ingress": _SECURITY_GROUP_RULE_NOTED,
    "authorize-security-group-egress": _SECURITY_GROUP_RULE_NOTED,
    "revoke-security-group-ingress": _SECURITY_GROUP_RULE,
    "revoke-security-group-egress": _SECURITY_GROUP_RULE,
    "describe-volumes": Customization(default_page_size=DefaultPageSize(1000)),
    "describe-snapshots": Customization(default_page_size=DefaultPageSize(
        1000, allowed=("OwnerIds", "RestorableByUserIds"))),
}

REMOVED_OPERATIONS = ("import-instance", "import-volume")
