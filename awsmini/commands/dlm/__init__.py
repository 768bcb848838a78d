"""dlm's hand-written command, declared as data.

v2 adds `create-default-role` beside the service's operations
(`awscli/customizations/dlm/dlm.py`, `createdefaultrole.py`); the arguments follow
its table, the help text is awsmini's own. The run lives in `role.py`.
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand

DESCRIPTION = "Amazon Data Lifecycle Manager."

SNAPSHOT, IMAGE = "snapshot", "image"

CREATE_DEFAULT_ROLE = (
    "<p>Create the IAM role that Amazon Data Lifecycle Manager uses by default, with AWS's "
    "managed policy for it attached, and print the role with the policy's document. "
    "Nothing is printed, and nothing changed, when the role is already there: its policy "
    "is left as it is.</p>")

COMMANDS = {
    "create-default-role": CustomCommand(
        "create-default-role", CREATE_DEFAULT_ROLE, (
            ArgSpec("iam-endpoint", "", "", "string", is_cli_only=True, loads_files=False,
                    documentation="<p>The IAM endpoint to create the role at, in place of "
                    "IAM's usual one (for a custom IAM endpoint only).</p>"),
            ArgSpec("resource-type", "", "", "string", is_cli_only=True, default=SNAPSHOT,
                    choices=(SNAPSHOT, IMAGE),
                    documentation="<p>What the role's policies manage: '%s' (EBS snapshots, "
                    "the default) or '%s' (AMIs).</p>" % (SNAPSHOT, IMAGE)),
        ), "awsmini.commands.dlm.role:run"),
}
