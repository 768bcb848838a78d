"""`datapipeline create-default-roles`: DataPipelineDefaultRole and
DataPipelineDefaultResourceRole (with its instance profile), created where missing.

Follows v2's `awscli/customizations/datapipeline/createdefaultroles.py` and
`constants.py`: IAM is called at `--endpoint-url`; the policies' ARNs are in the
`aws` partition whatever the region; each role created is printed with its
policy's document; the deprecation notice goes to stderr first.
"""
from __future__ import annotations

import json
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.iamroles import exists, policy_document

SERVICE_ROLE, RESOURCE_ROLE = "DataPipelineDefaultRole", "DataPipelineDefaultResourceRole"
_ARN = "arn:aws:iam::aws:policy/service-role/"


def _trust(principal: Any) -> dict[str, Any]:
    return {"Version": "2008-10-17",
            "Statement": [{"Sid": "", "Effect": "Allow", "Principal": {"Service": principal},
                           "Action": "sts:AssumeRole"}]}


# role -> (its managed policy's ARN, its trust policy)
ROLES = (
    (SERVICE_ROLE, _ARN + "AWSDataPipelineRole",
     _trust(["datapipeline.amazonaws.com", "elasticmapreduce.amazonaws.com"])),
    (RESOURCE_ROLE, _ARN + "AmazonEC2RoleforDataPipelineRole", _trust("ec2.amazonaws.com")),
)
NOTICE = """
Support for this command has been deprecated and may fail to create these roles
if they do not already exist. For more information on managing these policies
manually see the following documentation:

https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-iam-roles.html
"""


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import translate_errors

    iam = context.client("iam")
    # v2 warns through Python's warnings: the category, then the notice
    context.warn("UserWarning: %s\n" % NOTICE)
    created = []
    with translate_errors():
        for role, arn, trust in ROLES:
            if exists(iam.get_role, RoleName=role):
                continue
            response = iam.create_role(RoleName=role,
                                       AssumeRolePolicyDocument=json.dumps(trust, indent=2))
            iam.attach_role_policy(PolicyArn=arn, RoleName=role)
            document = policy_document(iam, arn)
            if response.get("Role") is not None:
                created.append({"Role": response["Role"], "RolePolicy": document})
        if not exists(iam.get_instance_profile, InstanceProfileName=RESOURCE_ROLE):
            iam.create_instance_profile(InstanceProfileName=RESOURCE_ROLE)
            iam.add_role_to_instance_profile(InstanceProfileName=RESOURCE_ROLE,
                                             RoleName=RESOURCE_ROLE)
    context.display("create_role", created)
    return 0
