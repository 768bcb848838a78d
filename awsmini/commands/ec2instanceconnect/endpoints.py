"""The EC2 Instance Connect Endpoint a tunnel goes through, as v2's `eicefetcher.py` finds it.

By its ID when one is given, else the first endpoint of the instance's VPC that
sits in the instance's subnet, else the VPC's first; only endpoints in a usable
state count. None found is v2's usage error (252). Its DNS name is the FIPS one
when `use_fips_endpoint` is on (v2's "Unable to find FIPS Endpoint", 253, when
it has none).
"""
from __future__ import annotations

import logging
from typing import Any, Mapping

from awsmini.errors import ConfigurationError, ParamValidationError

LOG = logging.getLogger(__name__)
USABLE_STATES = ("create-complete", "update-in-progress", "update-failed", "update-complete")


def find_endpoint(ec2: Any, vpc_id: str | None, subnet_id: str | None,
                  endpoint_id: str | None) -> Mapping[str, Any]:
    """The endpoint to use: the one named, or the instance's subnet's, or its VPC's."""
    usable = {"Name": "state", "Values": list(USABLE_STATES)}
    if endpoint_id:
        found = ec2.describe_instance_connect_endpoints(
            Filters=[usable], InstanceConnectEndpointIds=[endpoint_id])["InstanceConnectEndpoints"]
        if found:
            return found[0]
        raise ParamValidationError("There are no available instance connect endpoints with %s"
                                   % endpoint_id)
    seen: list[Mapping[str, Any]] = []
    pages = ec2.get_paginator("describe_instance_connect_endpoints").paginate(
        Filters=[usable, {"Name": "vpc-id", "Values": [vpc_id]}])
    for page in pages:
        for endpoint in page["InstanceConnectEndpoints"]:
            if endpoint["SubnetId"] == subnet_id:
                LOG.debug("Using EICE based on subnet: %s", endpoint)
                return endpoint
        seen.extend(page["InstanceConnectEndpoints"])
    if seen:
        LOG.debug("Using EICE based on vpc: %s", seen[0])
        return seen[0]
    raise ParamValidationError("There are no available instance connect endpoints.")


def dns_name(endpoint: Mapping[str, Any], is_fips: Any) -> str:
    """The endpoint's DNS name, or its FIPS one when FIPS endpoints are asked for."""
    if not is_fips:
        return endpoint["DnsName"]
    if endpoint.get("FipsDnsName"):
        return endpoint["FipsDnsName"]
    raise ConfigurationError("Unable to find FIPS Endpoint")
