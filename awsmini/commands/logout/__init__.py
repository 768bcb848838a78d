"""`logout`: forget `aws login`'s cached session, declared as data.

v2's `awscli/customizations/login/logout.py` (one command word: `DEFAULT`); the
help text is awsmini's own. The run lives in `commands/login/signout.py`.
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand

DESCRIPTION = (
    "<p>Delete the cached credentials of the profile's <code>aws login</code> session "
    "(<code>--profile</code>, else <code>default</code>). Tools that loaded them already "
    "may use them until they expire, at most 15 minutes later.</p>")

DEFAULT = CustomCommand("logout", DESCRIPTION, (
    ArgSpec("all", "", "", "boolean", is_cli_only=True, default=False, documentation=(
        "Delete the cached credentials of every <code>aws login</code> session, whatever "
        "the profile. Credentials of other kinds are left alone.")),
), "awsmini.commands.login.signout:run_logout", usage="")

COMMANDS: dict[str, CustomCommand] = {}
