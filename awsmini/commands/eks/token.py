"""`eks get-token`: a Kubernetes ExecCredential whose token is a presigned STS URL.

As v2's `awscli/customizations/eks/get_token.py`: the token is `k8s-aws-v1.`
followed by the unpadded base64url of a `GetCallerIdentity` GET URL presigned
for 60 seconds, with the `x-k8s-aws-id` header (the cluster's name or id)
signed in; `expirationTimestamp` is 14 minutes from now. The URL is signed
here from the session's credentials, with no client and no network, unless
`--role-arn` asks for an STS AssumeRole first. The object goes through
`--query` and `--output` like any response, then one more newline (v2 prints
it). The pure parts (token encoding, API version, the object) are functions
of their inputs.
"""
from __future__ import annotations

import base64
import datetime
import json
import os
import re
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.presigned import frozen_credentials, presign, session_region
from awsmini.errors import ParamValidationError

TOKEN_PREFIX = "k8s-aws-v1."
K8S_AWS_ID_HEADER = "x-k8s-aws-id"
URL_TIMEOUT = 60  # seconds the presigned URL is valid
TOKEN_EXPIRATION = datetime.timedelta(minutes=14)  # clients renew before STS's 15 minutes
STS_PARAMS = {"Action": "GetCallerIdentity", "Version": "2011-06-15"}
ROLE_SESSION_NAME = "EKSGetTokenAuth"

BETA_API = "client.authentication.k8s.io/v1beta1"
SUPPORTED_APIS = ("client.authentication.k8s.io/v1", BETA_API)
DEPRECATED_APIS = ("client.authentication.k8s.io/v1alpha1",)

MISSING_CLUSTER = "Either parameter --cluster-name or --cluster-id must be specified."
_BAD_EXEC_INFO = ("%s KUBERNETES_EXEC_INFO, defaulting to %s. This is likely a bug in your "
                  "Kubernetes client. Please update your Kubernetes client.")
_UNKNOWN_API = ("Unrecognized API version in KUBERNETES_EXEC_INFO, defaulting to %s. This is "
                "likely due to an outdated AWS CLI. Please update your AWS CLI.")
_DEPRECATED_API = ("Kubeconfig user entry is using deprecated API version %s. Run 'aws eks "
                   "update-kubeconfig' to update.")


def run(args: Mapping[str, Any], context: Context) -> int:
    session = context.session()
    region = session_region(context, session)
    assumed = _assume_role(args["role-arn"], region, context) if args["role-arn"] else None
    if args["cluster-name"] is not None and args["cluster-id"] is not None:
        raise ParamValidationError('The key "cluster_id" cannot be specified when one of the '
                                   'following keys are also specified: cluster_name')
    identifier = args["cluster-id"] or args["cluster-name"]
    if not identifier:
        context.warn(MISSING_CLUSTER + "\n")  # v2 exits 1 with the bare message
        return 1
    host, signing_region = sts_host(region)
    url = presign("https://%s/" % host, STS_PARAMS, headers={K8S_AWS_ID_HEADER: identifier},
                  credentials=assumed or frozen_credentials(session), region=signing_region,
                  signing_name="sts", expires=URL_TIMEOUT)
    version, warning = api_version(context.env.environ.get("KUBERNETES_EXEC_INFO", ""))
    if warning:
        context.warn(warning + "\n")
    now = datetime.datetime.now(datetime.timezone.utc)
    _print(exec_credential(version, expiration_timestamp(now), encode_token(url)), context)
    return 0


def encode_token(url: str) -> str:
    """`k8s-aws-v1.` + the URL in base64url without padding."""
    encoded = base64.urlsafe_b64encode(url.encode("utf-8")).decode("ascii")
    return TOKEN_PREFIX + encoded.rstrip("=")


def expiration_timestamp(now: datetime.datetime) -> str:
    """RFC 3339 UTC time, to the second, 14 minutes after `now` (an aware datetime)."""
    return (now.astimezone(datetime.timezone.utc) + TOKEN_EXPIRATION).strftime(
        "%Y-%m-%dT%H:%M:%SZ")


def exec_credential(version: str, expiration: str, token: str) -> dict:
    """The ExecCredential object, keys in v2's order."""
    return {"kind": "ExecCredential", "apiVersion": version, "spec": {},
            "status": {"expirationTimestamp": expiration, "token": token}}


def api_version(exec_info: str) -> tuple[str, str | None]:
    """The API version asked for in KUBERNETES_EXEC_INFO (JSON), and v2's warning when it
    is malformed, unknown or deprecated; v1beta1 when there is none."""
    if not exec_info:
        return BETA_API, None
    try:
        info = json.loads(exec_info)
    except ValueError:
        return BETA_API, _BAD_EXEC_INFO % ("Error parsing", BETA_API)
    asked = info.get("apiVersion") if isinstance(info, dict) else None
    if asked in SUPPORTED_APIS:
        return asked, None
    if asked in DEPRECATED_APIS:
        return asked, _DEPRECATED_API % asked
    return BETA_API, _UNKNOWN_API % BETA_API


def sts_host(region: str | None) -> tuple[str, str]:
    """(host, signing region) of STS's regional endpoint, as botocore's endpoint rules
    give it; no region (or `aws-global`) is the global endpoint, signed for us-east-1."""
    if not region or region == "aws-global":
        return "sts.amazonaws.com", "us-east-1"
    return "sts.%s.%s" % (region, dns_suffix(region)), region


def dns_suffix(region: str, partitions: Mapping[str, Any] | None = None) -> str:
    """The DNS suffix of the partition `region` belongs to (botocore's partitions.json)."""
    if partitions is None:
        partitions = _partitions()
    default = "amazonaws.com"
    for partition in partitions.get("partitions", []):
        outputs = partition.get("outputs", {})
        if partition.get("id") == "aws":
            default = outputs.get("dnsSuffix", default)
        if region in partition.get("regions", {}) or re.match(
                partition.get("regionRegex", "(?!)"), region):
            return outputs.get("dnsSuffix", default)
    return default


def _partitions() -> Mapping[str, Any]:
    import botocore

    path = os.path.join(os.path.dirname(botocore.__file__), "data", "partitions.json")
    try:
        with open(path, encoding="utf-8") as fp:
            return json.load(fp)
    except (OSError, ValueError):
        return {}


def _assume_role(role_arn: str, region: str | None, context: Context) -> Any:
    """The credentials of `role_arn` (v2 asks STS in the command's region, at STS's
    configured endpoint, not at `--endpoint-url`)."""
    from dataclasses import replace

    from botocore.credentials import ReadOnlyCredentials

    from awsmini.call import create_service_client, translate_errors

    client = create_service_client("sts", replace(context.options, endpoint_url=None),
                                   context.settings, context.env.environ,
                                   region=region or "aws-global")
    with translate_errors():
        found = client.assume_role(RoleArn=role_arn,
                                   RoleSessionName=ROLE_SESSION_NAME)["Credentials"]
    return ReadOnlyCredentials(found["AccessKeyId"], found["SecretAccessKey"],
                               found["SessionToken"])


def _print(document: dict, context: Context) -> None:
    from awsmini.output import FORMATTERS, RenderOptions, use_color
    from awsmini.pager import output_width
    from awsmini.query import apply_query, compile_query

    options = context.options
    output = context.settings.output()
    render_options = RenderOptions(title="get-token", width=output_width(context.env),
                                   color=use_color(options.color, context.env.stdout_isatty,
                                                   context.env.environ))
    data = apply_query(compile_query(options.query), document)
    context.write("".join(FORMATTERS[output](data, render_options)) + "\n")
