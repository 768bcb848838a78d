"""`codeartifact login`: a token and an endpoint, then the tool configured with them.

As v2's `awscli/customizations/codeartifact/login.py`: GetAuthorizationToken
(`--duration-seconds` sent only when not 0), then GetRepositoryEndpoint for the
tool's package format, then `--namespace` checked, then the tool's own commands
run one by one with their output captured (or, with `--dry-run`, printed) and
the files written. A tool that is not on the PATH is v2's "npm was not found.
Please verify installation." (exit 255); a command that fails ends the run with
its command line, the token masked, and its stderr. On success v2's two lines:
"Successfully configured ..." and "Login expires in ... at ...".
Files (`~/.pypirc`, `~/.netrc`) are written whole, readable by you only.
"""
from __future__ import annotations

import configparser
import os
import subprocess
import sys
from datetime import datetime, timezone
from typing import Any, Callable, Mapping, Sequence

from awsmini.commands import Context
from awsmini.commands.codeartifact import tools
from awsmini.errors import OtherError
from awsmini.userfiles import replace_text
from awsmini import configpaths

NOT_FOUND = "%s was not found. Please verify installation."


def run(args: Mapping[str, Any], context: Context) -> int:
    from botocore.utils import parse_timestamp

    from awsmini.call import translate_errors

    tool = args["tool"].lower()
    package_format, takes_namespace = tools.FORMATS[tool]
    client = context.client("codeartifact")
    owner = {"domainOwner": args["domain-owner"]} if args["domain-owner"] else {}
    duration = {"durationSeconds": args["duration-seconds"]} if args["duration-seconds"] else {}
    endpoint_type = {"endpointType": args["endpoint-type"]} if args["endpoint-type"] else {}
    with translate_errors():
        token = client.get_authorization_token(domain=args["domain"], **owner, **duration)
        endpoint = client.get_repository_endpoint(
            domain=args["domain"], repository=args["repository"], format=package_format,
            **endpoint_type, **owner)["repositoryEndpoint"]
    if args["namespace"] and not takes_namespace:
        raise OtherError("Argument --namespace is not supported for %s" % tool)
    login = Login(context, token["authorizationToken"], parse_timestamp(token["expiration"]),
                  endpoint, bool(args["dry-run"]))
    try:
        LOGINS[tool](login, args)
    except ValueError as error:  # a scope v2 refuses
        raise OtherError(str(error)) from error
    return 0


class Login:
    """The token and endpoint, and how commands are run and results reported."""

    def __init__(self, context: Context, token: str, expiration: datetime, endpoint: str,
                 dry_run: bool) -> None:
        self.context = context
        self.token = token
        self.expiration = expiration
        self.endpoint = endpoint
        self.dry_run = dry_run

    def run_commands(self, tool: str, commands: Sequence[list[str]],
                     may_fail: Callable[[list[str]], bool] = lambda command: False) -> None:
        """Run them (or print them, each followed by an empty line), then the success
        lines; a failure of a command `may_fail` accepts is ignored."""
        if self.dry_run:
            for command in commands:
                self.context.write(" ".join(command) + "\n\n")
            return
        for command in commands:
            completed = self.run(tool, command)
            if completed.returncode and not may_fail(command):
                raise self.failure(completed)
        self.succeeded(tool)

    def run(self, tool: str, command: list[str]) -> subprocess.CompletedProcess:
        """One command, its output captured; the tool missing is v2's error."""
        try:
            return subprocess.run(command, capture_output=True, env=dict(self.context.env.environ))
        except FileNotFoundError as error:
            raise OtherError(NOT_FOUND % tool) from error
        except OSError as error:
            raise OtherError(str(error)) from error

    def failure(self, completed: subprocess.CompletedProcess) -> OtherError:
        """v2's error for a failed command: its line with the token masked, its stderr."""
        line = str(subprocess.CalledProcessError(completed.returncode, completed.args))
        return OtherError("%s Stderr from command:\n%s" % (
            line.replace(self.token, "******"),
            completed.stderr.decode(sys.stderr.encoding or "utf-8", "replace")))

    def succeeded(self, tool: str) -> None:
        left = tools.expires_in(self.expiration, datetime.now(timezone.utc))
        # v2 leaves a space at the end of the first line
        self.context.write("Successfully configured %s to use AWS CodeArtifact repository %s \n"
                           "Login expires in %s at %s\n" % (tool, self.endpoint, left,
                                                              self.expiration))

    def home_file(self, name: str) -> str:
        home = configpaths.home(self.context.env.environ)
        return os.path.join(home, name)


# ------------------------------------------------------------------ the tools

def _npm(login: Login, args: Mapping[str, Any]) -> None:
    program = "npm.cmd" if sys.platform == "win32" else "npm"  # no shell to find .cmd
    commands = tools.npm_commands(login.endpoint, login.token,
                                  tools.npm_scope(args["namespace"]), program)
    login.run_commands("npm", commands, tools.is_always_auth)


def _pip(login: Login, args: Mapping[str, Any]) -> None:
    login.run_commands("pip", tools.pip_commands(login.endpoint, login.token))


def _twine(login: Login, args: Mapping[str, Any]) -> None:
    path = login.home_file(".pypirc")
    try:
        text = _read(path)
        content = tools.pypirc(text, login.endpoint, login.token, path)
    except (OSError, ValueError, configparser.Error) as error:
        login.context.write("%s is in an invalid state.\n" % path)
        raise OtherError(str(error)) from error
    if login.dry_run:
        login.context.write("Dryrun mode is enabled, not writing to pypirc.\n"
                            "%s would have been set to the following:\n\n%s\n" % (path, content))
        return
    try:
        write_private(path, content)
    except OSError as error:
        raise OtherError(str(error)) from error
    login.succeeded("twine")


def _swift(login: Login, args: Mapping[str, Any]) -> None:
    scope = tools.swift_scope(args["namespace"])
    commands = tools.swift_commands(login.endpoint, login.token, scope)
    if sys.platform != "darwin":  # macOS keeps the token in the keychain
        path = login.home_file(".netrc")
        if login.dry_run:
            login.context.write(
                "Dryrun mode is enabled, not writing to netrc.\nThe following line would "
                "have been written to %s:\n\n%s\n\nAnd would have run the following "
                "commands:\n\n" % (path, tools.netrc_entry(login.endpoint, login.token)))
        else:
            try:
                write_private(path, tools.updated_netrc(_read(path), login.endpoint,
                                                        login.token))
            except (OSError, ValueError) as error:  # ValueError: not UTF-8 text
                raise OtherError(str(error)) from error
    login.run_commands("swift", commands)


def _nuget(tool: str) -> Callable[[Login, Mapping[str, Any]], None]:
    list_command = (["nuget", "sources", "list", "-format", "detailed"] if tool == "nuget"
                    else ["dotnet", "nuget", "list", "source", "--format", "detailed"])
    configure = tools.nuget_command if tool == "nuget" else tools.dotnet_command

    def login_nuget(login: Login, args: Mapping[str, Any]) -> None:
        listed = login.run(tool, list_command)
        if listed.returncode:  # v2 lets subprocess's error end the run
            raise OtherError(str(subprocess.CalledProcessError(listed.returncode,
                                                               list_command)))
        url = tools.nuget_index_url(login.endpoint)
        name, exists = tools.nuget_source_name(
            url, tools.nuget_sources(listed.stdout.decode("utf-8", "replace")),
            args["domain"], args["repository"])
        command = configure("update" if exists else "add", url, name, login.token)
        if login.dry_run:
            login.context.write(" ".join(command) + "\n")
            return
        completed = login.run(tool, command)
        if completed.returncode:
            login.context.write("Failed to update the NuGet.Config\n")
            raise login.failure(completed)
        login.context.write(("Updated source %s in the NuGet.Config\n" if exists else
                             "Added source %s to the user level NuGet.Config\n") % name)
        login.succeeded("nuget")  # v2 names nuget for dotnet too

    return login_nuget


LOGINS: Mapping[str, Callable[[Login, Mapping[str, Any]], None]] = {
    "npm": _npm, "pip": _pip, "twine": _twine, "swift": _swift,
    "nuget": _nuget("nuget"), "dotnet": _nuget("dotnet"),
}


# ------------------------------------------------------------------ files

def _read(path: str) -> str | None:
    """The file's text, or None when there is none."""
    try:
        with open(path, encoding="utf-8") as fp:
            return fp.read()
    except FileNotFoundError:
        return None


def write_private(path: str, text: str) -> None:
    """Replace the file (a link's target) with `text`, whole, readable by its owner
    only (v2 makes an existing file so too); its directory is made when missing."""
    os.makedirs(os.path.dirname(os.path.realpath(path)), exist_ok=True)
    replace_text(path, text, 0o600)
