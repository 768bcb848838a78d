"""`ecr-public get-login-password`, declared as data (v2's `awscli/customizations/
ecr_public.py`). Amazon ECR Public's API is served in us-east-1 only; which endpoint
a region reaches is botocore's endpoint rules' business, as for every ecr-public call."""
from __future__ import annotations

from awsmini.commands import CustomCommand

DESCRIPTION = "Amazon Elastic Container Registry Public."

GET_LOGIN_PASSWORD = (
    "<p>Print a password for container clients such as Docker to log in to the Amazon ECR "
    "Public registry (<code>public.ecr.aws</code>) with, as the user <code>AWS</code>. "
    "The token is valid for 12 hours:</p>"
    "<p><code>aws ecr-public get-login-password --region us-east-1 | docker login "
    "--username AWS --password-stdin public.ecr.aws</code></p>")

COMMANDS = {
    "get-login-password": CustomCommand(
        "get-login-password", GET_LOGIN_PASSWORD, (),
        "awsmini.commands.ecr.password:run_public"),
}
