"""`login`: sign in with AWS console credentials for local development, declared as data.

v2's `awscli/customizations/login/login.py` (one command word, no subcommands:
`DEFAULT`); the help text is awsmini's own. The run lives in `signin.py`; it needs
awscrt (for the session's proof-of-possession key), an optional extra here.
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand

DESCRIPTION = (
    "<p>Sign in for local development with the credentials of your AWS Management Console "
    "session. A browser opens the console's sign-in page; once you confirm, the CLI gets "
    "temporary credentials and a refresh token for that session, and refreshes the "
    "credentials by itself while the refresh token is valid. The profile "
    "(<code>--profile</code>, else <code>default</code>) is set to use the session "
    "(<code>login_session</code>), and the profile's region is asked for when none is "
    "configured.</p><p>The session's tokens are kept in <code>~/.aws/login/cache</code>, "
    "or in the directory <code>AWS_LOGIN_CACHE_DIRECTORY</code> names.</p>")

DEFAULT = CustomCommand("login", DESCRIPTION, (
    ArgSpec("remote", "", "", "boolean", is_cli_only=True, default=False, documentation=(
        "Sign in from another device: no browser is opened here and no local server waits "
        "for it; the sign-in page's URL is printed, and the authorization code it shows at "
        "the end is pasted back here (for a remote host reached through SSH, say).")),
), "awsmini.commands.login.signin:run_login", usage="")

COMMANDS: dict[str, CustomCommand] = {}
