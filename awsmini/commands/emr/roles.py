"""`emr create-default-roles`: the IAM roles and instance profile that
`create-cluster --use-default-roles` names, created where missing.

Follows v2's `awscli/customizations/emr/createdefaultroles.py`: EMR_EC2_DefaultRole
(and its instance profile), EMR_DefaultRole and EMR_AutoScaling_DefaultRole, each
trusting its services and with its AWS managed policy attached. IAM is called at
`--iam-endpoint` (not `--endpoint-url`, which is EMR's: its host names the
services' principal suffix). Prints, for each role created, the role and its
policy's document; then names the two roles in the profile's `emr` settings
when neither is set there (v2's configutils.update_roles).
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.emr.cluster import EC2_ROLE, EMR_ROLE
from awsmini.commands.emr.profile import emr_settings
from awsmini.commands.emr.run import display, region
from awsmini.commands.iamroles import exists, managed_policy_arn, policy_document
from awsmini.errors import OtherError

AUTOSCALING_ROLE = "EMR_AutoScaling_DefaultRole"
EMR, EC2, AUTOSCALING = "elasticmapreduce", "ec2", "application-autoscaling"
# role -> (its managed policy, the services it trusts)
ROLES = (
    (EC2_ROLE, "AmazonElasticMapReduceforEC2Role", (EC2,)),
    (EMR_ROLE, "AmazonElasticMapReduceRole", (EMR,)),
    (AUTOSCALING_ROLE, "AmazonElasticMapReduceforAutoScalingRole", (EMR, AUTOSCALING)),
)
_ENDPOINT_FORMS = (r"(https?://)([^.]+).elasticmapreduce.([^/]*)",
                   r"(https?://elasticmapreduce).([^.]+).([^/]*)")


def trust_policy(principal: Any) -> dict[str, Any]:
    return {"Version": "2008-10-17",
            "Statement": [{"Sid": "", "Effect": "Allow", "Principal": {"Service": principal},
                           "Action": "sts:AssumeRole"}]}


def service_principal(service: str, emr_endpoint: str | None,
                      china_regions: Any = ()) -> str:
    """`ec2.amazonaws.com`, or the service's name with the suffix of EMR's endpoint host."""
    if service == EC2:
        return "ec2.amazonaws.com"
    match = None
    for form in _ENDPOINT_FORMS:
        match = re.match(form, emr_endpoint) if emr_endpoint else None
        if match is not None:
            break
    if match is None or (match.lastindex or 0) < 3:
        raise OtherError("Could not resolve the service principal from the region or the "
                         "endpoint.")
    if service == AUTOSCALING and match.group(2) not in china_regions:
        return "application-autoscaling.amazonaws.com"
    return "%s.%s" % (service, match.group(3))


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import create_service_client, translate_errors

    region_name = region(context)
    emr_endpoint = context.client("emr").meta.endpoint_url
    iam = create_service_client("iam", replace(context.options, endpoint_url=None),
                                context.settings, context.env.environ,
                                endpoint_url=args["iam-endpoint"])
    china = context.session().get_available_regions("emr", "aws-cn")
    created = []
    with translate_errors():
        for role, policy, services in ROLES:
            if not exists(iam.get_role, RoleName=role):
                principals = [service_principal(service, emr_endpoint, china)
                              for service in services]
                arn = managed_policy_arn(region_name or "", policy)
                response = iam.create_role(RoleName=role, AssumeRolePolicyDocument=json.dumps(
                    trust_policy(principals[0] if len(principals) == 1 else principals),
                    indent=2))
                iam.attach_role_policy(PolicyArn=arn, RoleName=role)
                document = policy_document(iam, arn)
                if response.get("Role") is not None:
                    created.append({"Role": response["Role"], "RolePolicy": document})
            if role == EC2_ROLE and not exists(iam.get_instance_profile,
                                                InstanceProfileName=role):
                iam.create_instance_profile(InstanceProfileName=role)
                iam.add_role_to_instance_profile(InstanceProfileName=role, RoleName=role)
    _remember_roles(context)
    display(context, "create_role", created)
    return 0


def _remember_roles(context: Context) -> None:
    configured = emr_settings(context.settings)
    if "instance_profile" in configured or "service_role" in configured:
        return
    from awsmini.commands.configure.getset import write_values

    settings = context.settings
    section = "profile %s" % settings.named_profile if settings.named_profile else "default"
    write_values(settings.path, section, {"emr": {"service_role": EMR_ROLE,
                                                  "instance_profile": EC2_ROLE}})
