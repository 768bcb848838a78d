"""`rds generate-db-auth-token`, declared as data (v2's `awscli/customizations/rds.py`,
`GenerateDBAuthTokenCommand`). The run, in `token.py`, signs offline."""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand

DESCRIPTION = "Amazon Relational Database Service."

GENERATE_DB_AUTH_TOKEN = (
    "<p>Print an authentication token for connecting to a database with IAM database "
    "authentication: use it as the password of the database user. It is a URL presigned "
    "with your credentials for the region of <code>--region</code> or the profile, made "
    "here without calling AWS, and valid for 15 minutes.</p>")

COMMANDS = {
    "generate-db-auth-token": CustomCommand(
        "generate-db-auth-token", GENERATE_DB_AUTH_TOKEN, (
            ArgSpec("hostname", "", "", "string", is_required=True, is_cli_only=True,
                    documentation="The host name of the database (its endpoint address)."),
            ArgSpec("port", "", "", "integer", is_required=True, is_cli_only=True,
                    documentation="The port the database listens on."),
            ArgSpec("username", "", "", "string", is_required=True, is_cli_only=True,
                    documentation="The database user to connect as.")),
        "awsmini.commands.rds.token:run"),
}
