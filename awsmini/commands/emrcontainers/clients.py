"""The clients emr-containers' commands use, as v2 makes them: EKS at its usual
endpoint (v2 passes it no `--endpoint-url`), IAM at `--iam-endpoint` when given;
and the two facts read from the EKS cluster."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from awsmini.commands import Context
from awsmini.errors import OtherError


def client(context: Context, service: str, endpoint_url: str | None = None) -> Any:
    from awsmini.call import create_service_client

    return create_service_client(service, replace(context.options, endpoint_url=None),
                                 context.settings, context.env.environ,
                                 endpoint_url=endpoint_url)


def describe_cluster(eks: Any, name: str) -> dict[str, Any]:
    return eks.describe_cluster(name=name).get("cluster", {})


def account_id(cluster: dict[str, Any]) -> str:
    parts = cluster.get("arn", "").split(":")
    if len(parts) < 5:  # v2's IndexError
        raise OtherError("list index out of range")
    return parts[4]


def oidc_provider(cluster: dict[str, Any]) -> str:
    issuer = cluster.get("identity", {}).get("oidc", {}).get("issuer", "")
    parts = issuer.split("https://")
    if len(parts) < 2:  # v2's IndexError
        raise OtherError("list index out of range")
    return parts[1]


def region(context: Context) -> str:
    from awsmini.commands.presigned import session_region

    return session_region(context, context.session()) or ""
