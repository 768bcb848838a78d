"""`codeartifact login`, declared as data.

v2 adds the command beside the model's operations (`awscli/customizations/
codeartifact/login.py`); the arguments follow it, the help text is awsmini's own.
The run lives in `login.py`; `tools.py` is its pure part (what each tool is told).
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand, option

DESCRIPTION = "AWS CodeArtifact."

# v2's order, which its usage error lists
TOOLS = ("swift", "nuget", "dotnet", "npm", "pip", "twine")

LOGIN = (
    "<p>Configure a package manager to use a CodeArtifact repository: the command gets an "
    "authorization token for the domain (<code>GetAuthorizationToken</code>) and the "
    "repository's endpoint for the tool's package format "
    "(<code>GetRepositoryEndpoint</code>), then has the tool record them:</p><ul>"
    "<li><code>npm</code>: <code>npm config set</code> of the registry (for a scope with "
    "<code>--namespace</code>) and of the repository's token;</li>"
    "<li><code>pip</code>: <code>pip config set global.index-url</code>, a URL holding the "
    "token;</li>"
    "<li><code>twine</code>: a <code>codeartifact</code> repository in "
    "<code>~/.pypirc</code>, the rest of the file kept;</li>"
    "<li><code>nuget</code> and <code>dotnet</code>: a NuGet source named "
    "<code>DOMAIN/REPOSITORY</code> added, or the one with the repository's URL updated;</li>"
    "<li><code>swift</code>: <code>swift package-registry set</code> and "
    "<code>login</code>, the token kept in <code>~/.netrc</code> (on macOS, in the "
    "keychain).</li></ul>"
    "<p>The token is valid for 12 hours unless <code>--duration-seconds</code> says "
    "otherwise; then run the command again. The tool must be installed and on your "
    "<code>PATH</code>.</p>")


COMMANDS = {
    "login": CustomCommand("login", LOGIN, (
        option("tool", "<p>The package manager to configure.</p>", choices=TOOLS,
                is_required=True),
        option("domain", "<p>The name of the CodeArtifact domain of the repository.</p>",
                is_required=True),
        option("domain-owner", "<p>The account ID that owns the domain, when it is not "
                "yours.</p>"),
        option("namespace", "<p>Use the repository for this scope only: an npm scope "
                "(<code>@</code> added when missing) or a Swift scope. Not for the other "
                "tools.</p>"),
        option("duration-seconds", "<p>How long the token is valid, in seconds: from 900 "
                "(15 minutes) to 43200 (12 hours, also the default).</p>",
                type_name="integer"),
        option("repository", "<p>The name of the repository.</p>", is_required=True),
        option("endpoint-type", "<p>The kind of endpoint the tool is given: "
                "<code>ipv4</code> or <code>dualstack</code>.</p>"),
        ArgSpec("dry-run", "", "", "boolean", is_cli_only=True, default=False,
                documentation="<p>Print the commands that would be run (and the file "
                "contents that would be written) and change nothing. What is printed "
                "includes the token itself.</p>"),
    ), "awsmini.commands.codeartifact.login:run"),
}
