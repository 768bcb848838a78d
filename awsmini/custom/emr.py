"""emr: v2's renamed arguments, whose botocore names would collide with a global
option or read badly (ARGUMENT_RENAMES of awscli/customizations/argrename.py);
and the operations v2 takes out of the service's command table, which then
answer as unknown operations (awscli/customizations/removals.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

SERVICE = Customization(renames={"job-flow-ids": "cluster-ids", "job-flow-id": "cluster-id"})

OPERATIONS: Mapping[str, Customization] = {}

REMOVED_OPERATIONS = (
    "run-job-flow",
    "describe-job-flows",
    "add-job-flow-steps",
    "terminate-job-flows",
    "list-bootstrap-actions",
    "list-instance-groups",
    "set-termination-protection",
    "set-keep-job-flow-alive-when-no-steps",
    "set-visible-to-all-users",
    "set-unhealthy-node-replacement",
)
