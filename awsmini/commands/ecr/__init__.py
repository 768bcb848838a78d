"""`ecr get-login-password` (and `ecr-public`'s, in `public.py`), declared as data.

v2 adds the command beside the model's operations (`awscli/customizations/
ecr.py`, `ecr_public.py`); it takes no arguments of its own. The run lives in
`password.py`, imported only when the command runs.
"""
from __future__ import annotations

from awsmini.commands import CustomCommand

DESCRIPTION = "Amazon Elastic Container Registry."

GET_LOGIN_PASSWORD = (
    "<p>Print a password for container clients such as Docker to log in to an Amazon ECR "
    "registry with. It is the password part of the registry's authorization token, which "
    "is valid for 12 hours. The user name is always <code>AWS</code>:</p>"
    "<p><code>aws ecr get-login-password | docker login --username AWS --password-stdin "
    "ACCOUNT.dkr.ecr.REGION.amazonaws.com</code></p>"
    "<p>The token authorizes the identity whose credentials made the call, in the region "
    "of the call.</p>")

COMMANDS = {
    "get-login-password": CustomCommand(
        "get-login-password", GET_LOGIN_PASSWORD, (),
        "awsmini.commands.ecr.password:run_private"),
}
