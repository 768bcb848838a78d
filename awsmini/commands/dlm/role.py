"""`dlm create-default-role`: the IAM role Data Lifecycle Manager uses by default,
created with its managed policy attached when it is missing.

Follows v2's `awscli/customizations/dlm/createdefaultrole.py` and `constants.py`:
an existing role, or a managed policy that IAM does not have, prints nothing and
ends with 0; otherwise the role created is printed with the policy's document
under `RolePolicy`. IAM is called at `--iam-endpoint` (not `--endpoint-url`).
"""
from __future__ import annotations

import json
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.dlm import IMAGE, SNAPSHOT
from awsmini.commands.iamroles import exists, managed_policy_arn, policy_document
from awsmini.errors import ConfigurationError

# resource type -> (role name, its managed policy)
ROLES = {
    SNAPSHOT: ("AWSDataLifecycleManagerDefaultRole", "AWSDataLifecycleManagerServiceRole"),
    IMAGE: ("AWSDataLifecycleManagerDefaultRoleForAMIManagement",
            "AWSDataLifecycleManagerServiceRoleForAMIManagement"),
}
TRUST_POLICY = {"Version": "2012-10-17",
                "Statement": [{"Sid": "", "Effect": "Allow",
                               "Principal": {"Service": "dlm.amazonaws.com"},
                               "Action": "sts:AssumeRole"}]}


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import translate_errors
    from awsmini.commands.presigned import session_region

    role, policy = ROLES[args["resource-type"]]
    iam = context.client("iam", endpoint_url=args["iam-endpoint"], is_other_service=True)
    with translate_errors():
        if exists(iam.get_role, RoleName=role):
            return 0
        region = session_region(context, context.session())
        if region is None:
            raise ConfigurationError('You must specify a region. You can also configure your '
                                     'region by running "aws configure".')
        arn = managed_policy_arn(region, policy)
        if not exists(iam.get_policy, PolicyArn=arn):
            return 0
        created = iam.create_role(RoleName=role,
                                  AssumeRolePolicyDocument=json.dumps(TRUST_POLICY))
        iam.attach_role_policy(PolicyArn=arn, RoleName=role)
        document = policy_document(iam, arn)
    created.pop("ResponseMetadata", None)
    context.display("create_role", {"RolePolicy": document, **created})
    return 0
