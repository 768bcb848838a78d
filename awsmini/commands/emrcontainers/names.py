"""The names EMR on EKS gives its service accounts, and the trust statement that
lets them assume a role. Pure.

Follows v2's `awscli/customizations/emrcontainers/base36.py`, `constants.py` and
the mappings of `create_role_associations.py`.
"""
from __future__ import annotations

from typing import Any

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
# type -> (framework, the components with accounts named after the role,
#          the operator's own account in the operator namespace, or "")
_ACCOUNTS = {
    "start_job_run": ("spark", ("client", "driver", "executor"), ""),
    "interactive_endpoint": ("spark", ("jeg", "jeg-kernel", "session"), ""),
    "spark_operator": ("spark", ("driver", "executor"), "emr-containers-sa-spark-operator"),
    "flink_operator": ("flink", ("jobmanager", "taskmanager"),
                       "emr-containers-sa-flink-operator"),
}


def base36(text: str) -> str:
    """The role name read as a base-256 number of its characters, in base 36."""
    number = 0
    for char in text:
        number = number * 256 + ord(char)
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = _DIGITS[digit] + digits
    return digits or "0"


def service_accounts(kind: str, account_id: str, role_name: str, namespace: str,
                     operator_namespace: str | None) -> list[tuple[str, str]]:
    """(service account, namespace) pairs of one submission type."""
    operator_space = operator_namespace or namespace
    if kind == "livy":
        return [("emr-containers-sa-livy", operator_space),
                ("emr-container-sa-spark-livy", namespace)]
    framework, components, operator = _ACCOUNTS[kind]
    encoded = base36(role_name)
    pairs = [(operator, operator_space)] if operator else []
    pairs += [("emr-containers-sa-%s-%s-%s-%s" % (framework, component, account_id, encoded),
               namespace) for component in components]
    return pairs


def trust_statement(partition: str, account_id: str, oidc_provider: str, namespace: str,
                    role_name: str) -> dict[str, Any]:
    """The statement letting EMR's service accounts in `namespace` assume the role."""
    return {
        "Effect": "Allow",
        "Principal": {"Federated": "arn:%s:iam::%s:oidc-provider/%s"
                                   % (partition, account_id, oidc_provider)},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringLike": {
            "%s:sub" % oidc_provider: "system:serviceaccount:%s:emr-containers-sa-*-*-%s-%s"
                                      % (namespace, account_id, base36(role_name))}},
    }


def has_statement(expected: dict[str, Any], document: Any) -> bool:
    """Whether the policy `document` has a statement equal to `expected` (values
    compared as strings, as v2 compares them)."""
    if document is None:
        return False
    return any(_matches(expected, statement) for statement in document.get("Statement", []))


def _matches(expected: dict[str, Any], actual: Any) -> bool:
    if not isinstance(actual, dict) or len(expected) != len(actual):
        return False
    for key, value in expected.items():
        if isinstance(value, dict):
            if not _matches(value, actual.get(key, {})):
                return False
        elif key not in actual or actual[key] != str(value):
            return False
    return True
