"""`codecommit credential-helper get|store|erase`: git's credential protocol.

As v2's `CodeCommitGetCommand` (`awscli/customizations/codecommit.py`): `get`
reads `key=value` lines (`protocol`, `host`, `path`) until the end of stdin
and, for a host in amazonaws.com or amazon.com (or any, with
`--ignore-host-check`), prints `username=<access key id>[%<session token>]`
and `password=<timestamp>Z<signature>`, the signature being SigV4 over v2's
canonical request `GIT <path>` with the host alone as signed header (its port
left out), for the `codecommit` signing name in the region named by the host
(`git-codecommit.<region>.amazonaws.com`), else `--region` or the profile's.
`store` and `erase` do nothing. The password is computed here with hashlib
and hmac from the session's credentials: no client, no network.
"""
from __future__ import annotations

import datetime
import hashlib
import hmac
import re
from typing import Any, Iterable, Mapping
from urllib.parse import urlsplit

from awsmini.commands import Context
from awsmini.errors import ConfigurationError, OtherError, ParamValidationError, UsageError

SUBCOMMANDS = ("get", "store", "erase")
_AWS_HOSTS = ("amazon.com", "amazonaws.com")
_HOST_REGION = re.compile(
    r"(vpce-.+\.)?git-codecommit(-fips)?\.([^.]+)\.(vpce\.)?amazonaws\.com")
_LINEAGE = "codecommit credential-helper"


def run(args: Mapping[str, Any], context: Context) -> int:
    subcommand = args["subcommand"]
    if subcommand is None:
        raise ParamValidationError("usage: aws [options] %s <subcommand> [parameters]\n"
                                   "aws: [ERROR]: too few arguments" % _LINEAGE)
    if subcommand not in SUBCOMMANDS:
        raise UsageError("argument subcommand: Found invalid choice '%s'" % subcommand)
    if subcommand != "get":
        if args["ignore-host-check"]:
            raise ParamValidationError("Unknown options: --ignore-host-check")
        return 0  # nothing is ever stored, so nothing to store or erase
    parameters = parse_git_parameters(context.env.stdin)
    host = _required(parameters, "host")
    if not (args["ignore-host-check"] or any(name in host for name in _AWS_HOSTS)):
        return 0
    url = "%s://%s/%s" % (_required(parameters, "protocol"), host, _required(parameters, "path"))
    from awsmini.commands.presigned import frozen_credentials, session_region

    session = context.session()
    region = host_region(host) or session_region(context, session)
    if not region:
        from awsmini.call import NO_REGION

        raise ConfigurationError(NO_REGION, "NoRegion")
    credentials = frozen_credentials(session)
    username = credentials.access_key
    if credentials.token is not None:
        username += "%" + credentials.token
    password = git_password(credentials.secret_key, region, url,
                            datetime.datetime.now(datetime.timezone.utc))
    context.write("username=%s\npassword=%s\n" % (username, password))
    return 0


def parse_git_parameters(lines: Iterable[str]) -> dict[str, str]:
    """git's `key=value` lines -> {key: value}; blank lines are skipped, the last value
    of a key wins."""
    parameters: dict[str, str] = {}
    for line in lines:
        line = line.strip()
        if not line:
            continue
        key, separator, value = line.partition("=")
        if not separator:
            raise OtherError("Malformed input line from git: %r (expected key=value)" % line)
        parameters[key] = value
    return parameters


def _required(parameters: Mapping[str, str], key: str) -> str:
    if key not in parameters:
        raise OtherError("git gave no %s= line (set credential.UseHttpPath to true for "
                         "the path)" % key)
    return parameters[key]


def host_region(host: str) -> str | None:
    """The region in a CodeCommit git host name (`git-codecommit.eu-west-1.amazonaws.com`,
    FIPS and VPC endpoint forms too), else None."""
    match = _HOST_REGION.match(host)
    return match.group(3) if match else None


def git_password(secret_key: str, region: str, url: str, now: datetime.datetime) -> str:
    """`<YYYYmmddTHHMMSS>Z<signature>`: SigV4 of v2's canonical request for `url`."""
    split = urlsplit(url)
    hostname = split.netloc.split(":")[0]
    canonical = "GIT\n%s\n\nhost:%s\n\nhost\n" % (split.path, hostname)
    # v2 signs with a timestamp without the trailing Z, and adds the Z to the password.
    timestamp = now.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%S")
    scope = "%s/%s/codecommit/aws4_request" % (timestamp[:8], region)
    string_to_sign = "\n".join(("AWS4-HMAC-SHA256", timestamp, scope,
                                hashlib.sha256(canonical.encode("utf-8")).hexdigest()))
    key = ("AWS4" + secret_key).encode("utf-8")
    for part in (timestamp[:8], region, "codecommit", "aws4_request"):
        key = hmac.new(key, part.encode("utf-8"), hashlib.sha256).digest()
    signature = hmac.new(key, string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    return "%sZ%s" % (timestamp, signature)
