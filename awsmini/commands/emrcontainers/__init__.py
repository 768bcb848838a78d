"""emr-containers' hand-written commands, declared as data.

v2 adds `update-role-trust-policy`, `create-role-associations` and
`delete-role-associations` to the service (`awscli/customizations/
emrcontainers/__init__.py` and the modules it imports); their arguments follow
v2's, the help text is awsmini's own. The runs live in `trust.py` and
`associations.py`; `names.py` holds the pure part: service account names and
the trust statement.
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand, option

DESCRIPTION = "Amazon EMR on EKS."
TYPES = ("start_job_run", "interactive_endpoint", "spark_operator", "flink_operator", "livy")


def _option(name: str, documentation: str, **kwargs) -> ArgSpec:
    return option(name, "<p>%s</p>" % documentation, **kwargs)


def _association_arguments(verb: str) -> tuple[ArgSpec, ...]:
    return (
        _option("cluster-name", "The name of the Amazon EKS cluster.", is_required=True),
        _option("namespace", "The namespace of the jobs or applications in the cluster.",
                is_required=True),
        _option("role-name", "The name of the IAM role to %s." % verb, is_required=True),
        _option("type", "Which of EMR on EKS's service accounts: those of "
                "<code>start_job_run</code> (the default), <code>interactive_endpoint</code>, "
                "<code>spark_operator</code>, <code>flink_operator</code> or "
                "<code>livy</code>.", choices=TYPES),
        _option("operator-namespace", "The namespace the operator runs in, for the "
                "operator's own service account (the namespace of "
                "<code>--namespace</code> unless given)."),
        _option("service-account-name", "One service account, in place of EMR on EKS's."),
    )


COMMANDS = {
    "create-role-associations": CustomCommand(
        "create-role-associations",
        "<p>Associate an IAM role with the service accounts EMR on EKS uses in a namespace, "
        "as EKS Pod Identity associations, and print the associations made. One that "
        "exists already is reported and skipped; on any other error, those made are "
        "deleted again.</p>",
        _association_arguments("associate"),
        "awsmini.commands.emrcontainers.associations:run_create"),
    "delete-role-associations": CustomCommand(
        "delete-role-associations",
        "<p>Delete the EKS Pod Identity associations that "
        "<code>create-role-associations</code> makes, and print the associations "
        "deleted.</p>",
        _association_arguments("dissociate"),
        "awsmini.commands.emrcontainers.associations:run_delete"),
    "update-role-trust-policy": CustomCommand(
        "update-role-trust-policy",
        "<p>Let the job runs of EMR on EKS in a namespace of an EKS cluster assume an IAM "
        "role: add a statement trusting the cluster's OIDC provider for EMR's service "
        "accounts in that namespace to the role's trust policy, unless it has one "
        "already.</p>",
        (_option("cluster-name", "The name of the Amazon EKS cluster.", is_required=True),
         _option("namespace", "The namespace of the jobs in the cluster.", is_required=True),
         _option("role-name", "The name of the IAM role.", is_required=True),
         _option("iam-endpoint", "The IAM endpoint to call, in place of IAM's usual one.",
                 loads_files=False),
         ArgSpec("dry-run", "", "", "boolean", is_cli_only=True, default=False,
                 documentation="<p>Print the trust policy as it would be, and change "
                 "nothing.</p>")),
        "awsmini.commands.emrcontainers.trust:run"),
}
