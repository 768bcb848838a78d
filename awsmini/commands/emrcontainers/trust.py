"""`emr-containers update-role-trust-policy`: the role's trust policy gains the
statement for EMR on EKS's service accounts in a namespace, once.

Follows v2's `awscli/customizations/emrcontainers/update_role_trust_policy.py`:
the cluster's account and OIDC provider from EKS, the role's policy from IAM,
then one line: the policy as it would be (`--dry-run`), or what was done.
"""
from __future__ import annotations

import json
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.iamroles import partition
from awsmini.commands.emrcontainers import clients
from awsmini.commands.emrcontainers.names import has_statement, trust_statement


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import translate_errors

    role = args["role-name"]
    with translate_errors():
        eks = clients.client(context, "eks")
        cluster = clients.describe_cluster(eks, args["cluster-name"])
        account = clients.account_id(cluster)
        provider = clients.oidc_provider(cluster)
        statement = trust_statement(partition(clients.region(context)), account, provider,
                                    args["namespace"], role)
        iam = clients.client(context, "iam", args["iam-endpoint"])
        document = iam.get_role(RoleName=role).get("Role").get("AssumeRolePolicyDocument")
        if has_statement(statement, document):
            result = ("Trust policy statement already exists for role %s. No changes were "
                      "made!" % role)
        else:
            if document.get("Statement") is None:
                document["Statement"] = [statement]
            else:
                document["Statement"].append(statement)
            if args["dry-run"]:
                result = json.dumps(document, indent=2)
            else:
                iam.update_assume_role_policy(RoleName=role, PolicyDocument=json.dumps(document))
                result = "Successfully updated trust policy of role %s" % role
    context.write(result + "\n")
    return 0
