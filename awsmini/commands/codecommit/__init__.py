"""`codecommit credential-helper`, declared as data (v2's `awscli/customizations/
codecommit.py`). v2 gives it the subcommands `get`, `store` and `erase`; here they
are its one positional word. The run, in `helper.py`, reads git's credential
protocol from stdin."""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand

DESCRIPTION = "AWS CodeCommit."

CREDENTIAL_HELPER = (
    "<p>A git credential helper for AWS CodeCommit's HTTPS repositories: git runs it, "
    "not you. Set it up with</p>"
    "<p><code>git config --global credential.helper '!aws codecommit credential-helper $@'"
    "</code> and <code>git config --global credential.UseHttpPath true</code></p>"
    "<p><code>get</code> reads git's <code>protocol=</code>, <code>host=</code> and "
    "<code>path=</code> lines from standard input and prints <code>username=</code> and "
    "<code>password=</code> lines: your access key id (with the session token, if any) and "
    "a SigV4 signature of the repository's URL, made from your credentials without calling "
    "AWS. Hosts outside amazonaws.com and amazon.com get nothing, unless "
    "<code>--ignore-host-check</code> is given. <code>store</code> and <code>erase</code> "
    "do nothing: nothing is stored.</p>")

COMMANDS = {
    "credential-helper": CustomCommand(
        "credential-helper", CREDENTIAL_HELPER, (
            # optional for the parser: the run gives v2's "too few arguments"
            ArgSpec("subcommand", "", "", "string", is_positional=True, is_cli_only=True,
                    choices=("get", "store", "erase")),
            ArgSpec("ignore-host-check", "", "", "boolean", is_cli_only=True, default=False,
                    is_documented=False,
                    documentation="Make credentials for any host, not only AWS ones.")),
        "awsmini.commands.codecommit.helper:run", usage="get | store | erase"),
}
