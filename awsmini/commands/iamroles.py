"""The IAM steps that v2's `create-default-role(s)` commands share: the partition
of a managed policy's ARN, whether a role or policy exists, and a managed policy's
document as printed beside the role created.

Follows v2's `awscli/customizations/utils.py` (get_policy_arn_suffix) and the IAM
helpers of `awscli/customizations/emr/createdefaultroles.py` and
`awscli/customizations/dlm/iam.py`. Takes a botocore IAM client; prints nothing.
"""
from __future__ import annotations

from typing import Any


def partition(region_name: str) -> str:
    """The partition of policy ARNs in `region_name` (v2's get_policy_arn_suffix)."""
    lower = region_name.lower()
    if lower.startswith("cn-"):
        return "aws-cn"
    if lower.startswith("us-gov"):
        return "aws-us-gov"
    return "aws"


def managed_policy_arn(region_name: str, policy: str) -> str:
    """The ARN of AWS's service-role managed policy `policy` in the region's partition."""
    return "arn:%s:iam::aws:policy/service-role/%s" % (partition(region_name), policy)


def exists(get: Any, **params: str) -> bool:
    """Whether IAM has it: NoSuchEntity is no; any other error is raised."""
    from botocore.exceptions import ClientError

    try:
        get(**params)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code", "") == "NoSuchEntity":
            return False
        raise
    return True


def policy_document(iam: Any, arn: str) -> Any:
    """The document of the managed policy's default version."""
    version = iam.get_policy(PolicyArn=arn).get("Policy", {}).get("DefaultVersionId", "")
    return iam.get_policy_version(PolicyArn=arn, VersionId=version).get(
        "PolicyVersion", {}).get("Document", {})
