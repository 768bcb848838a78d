"""`dsql generate-db-connect-auth-token` and `generate-db-connect-admin-auth-token`,
declared as data (v2's `awscli/customizations/dsql.py`). The run, in `token.py`,
signs offline."""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand

DESCRIPTION = "Amazon Aurora DSQL."

_TOKEN = (
    "<p>Print a token for connecting to an Aurora DSQL cluster as %s: use it as the "
    "password. It is a URL presigned with your credentials for the region of "
    "<code>--region</code> or the profile, made here without calling AWS.</p>")
_ARGUMENTS = (
    ArgSpec("hostname", "", "", "string", is_required=True, is_cli_only=True,
            documentation="The cluster's endpoint host name."),
    ArgSpec("expires-in", "", "", "integer", is_cli_only=True, default=900,
            documentation="How many seconds the token stays valid (900 unless given)."))

COMMANDS = {
    "generate-db-connect-auth-token": CustomCommand(
        "generate-db-connect-auth-token",
        _TOKEN % "a database role of your own (the <code>DbConnect</code> action)",
        _ARGUMENTS, "awsmini.commands.dsql.token:run_connect"),
    "generate-db-connect-admin-auth-token": CustomCommand(
        "generate-db-connect-admin-auth-token",
        _TOKEN % "the <code>admin</code> role (the <code>DbConnectAdmin</code> action)",
        _ARGUMENTS, "awsmini.commands.dsql.token:run_admin"),
}
