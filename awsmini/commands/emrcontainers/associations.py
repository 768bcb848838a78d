"""`emr-containers create-role-associations` and `delete-role-associations`: EKS Pod
Identity associations between an IAM role and EMR on EKS's service accounts.

Follows v2's `awscli/customizations/emrcontainers/create_role_associations.py`
and `delete_role_associations.py`: the accounts of the submission type (or the one
named), one association each; existing ones (creating) or missing ones
(deleting) are reported on stderr and skipped; the associations made or deleted
are printed as JSON, indented by four, with no newline after it.
"""
from __future__ import annotations

import json
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.iamroles import partition
from awsmini.commands.emrcontainers import clients
from awsmini.commands.emrcontainers.names import service_accounts
from awsmini.errors import OtherError


def _plan(args: Mapping[str, Any], context: Context) -> tuple[Any, str, list[tuple[str, str]]]:
    """(the EKS client, the account ID, the (service account, namespace) pairs)."""
    eks = clients.client(context, "eks")
    account = clients.account_id(clients.describe_cluster(eks, args["cluster-name"]))
    if args["service-account-name"]:
        pairs = [(args["service-account-name"], args["namespace"])]
    else:
        pairs = service_accounts(args["type"] or "start_job_run", account, args["role-name"],
                                 args["namespace"], args["operator-namespace"])
    return eks, account, pairs


def _print(results: list, context: Context) -> int:
    if results:
        context.write(json.dumps(results, indent=4))
    return 0


def run_create(args: Mapping[str, Any], context: Context) -> int:
    from botocore.exceptions import ClientError

    from awsmini.call import translate_errors

    role, cluster = args["role-name"], args["cluster-name"]
    results: list = []
    with translate_errors():
        eks, account, pairs = _plan(args, context)
        role_arn = "arn:%s:iam::%s:role/%s" % (partition(clients.region(context)), account, role)
        for account_name, namespace in pairs:
            try:
                made = eks.create_pod_identity_association(
                    clusterName=cluster, namespace=namespace, roleArn=role_arn,
                    serviceAccount=account_name)
                results.append(made.get("association", made))
            except ClientError as error:
                message = error.response.get("Error", {}).get("Message")
                if error.response.get("Error", {}).get("Code") != "ResourceInUseException":
                    for result in results:  # v2 names the account that failed in each line
                        context.warn("Rolling back association for service account %s and "
                                     "role %s in namespace %s as an error was encountered\n"
                                     % (account_name, role, namespace))
                        eks.delete_pod_identity_association(
                            clusterName=result["clusterName"],
                            associationId=result["associationId"])
                    raise OtherError("Failed to create pod identity association for service "
                                     "account %s, role %s in namespace %s: %s"
                                     % (account_name, role, namespace, message)) from error
                context.warn("Skipping pod identity association creation because pod "
                             "identity association already exists for service account %s "
                             "and role %s in namespace %s: %s\n"
                             % (account_name, role, namespace, message))
    return _print(results, context)


def run_delete(args: Mapping[str, Any], context: Context) -> int:
    from botocore.exceptions import ClientError

    from awsmini.call import translate_errors

    role, cluster = args["role-name"], args["cluster-name"]
    results: list = []
    with translate_errors():
        eks, _, pairs = _plan(args, context)
        for account_name, namespace in pairs:
            try:
                found = eks.list_pod_identity_associations(
                    clusterName=cluster, namespace=namespace, serviceAccount=account_name)
                if not found.get("associations", []):
                    context.warn("Skipping deletion as no pod identity association found for "
                                 "service account %s and role %s in namespace %s\n"
                                 % (account_name, role, namespace))
                    continue
                deleted = eks.delete_pod_identity_association(
                    clusterName=cluster,
                    associationId=found["associations"][0]["associationId"])
                results.append(deleted.get("association", deleted))
            except ClientError as error:
                raise OtherError("Failed to delete pod identity association for service "
                                 "account %s, role %s in namespace %s: %s"
                                 % (account_name, role, namespace,
                                    error.response.get("Error", {}).get("Message"))) from error
    return _print(results, context)
