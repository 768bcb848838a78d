"""What `codeartifact login` tells each tool, as pure functions of the token,
the endpoint and the files' current text.

As v2's `awscli/customizations/codeartifact/login.py`: the command lines of
npm, pip, swift, nuget and dotnet; the `.pypirc` text for twine and the
`.netrc` text for swift; the scope checks of `--namespace`; which NuGet source
to add or update; and the "Login expires in ..." wording. No I/O here.
"""
from __future__ import annotations

import configparser
import io
import re
import sys
from datetime import datetime
from typing import Mapping
from urllib.parse import urlsplit

# tool -> the package format of GetRepositoryEndpoint, and whether --namespace applies
FORMATS: Mapping[str, tuple[str, bool]] = {
    "swift": ("swift", True), "nuget": ("nuget", False), "dotnet": ("nuget", False),
    "npm": ("npm", True), "pip": ("pypi", False), "twine": ("pypi", False),
}

BAD_NPM_SCOPE = ("Invalid scope name, scope must contain URL-safe characters, no leading "
                 "dots or underscores")
BAD_SWIFT_SCOPE = BAD_NPM_SCOPE + " and no more than 39 characters"
# v2 checks only how an npm scope begins, and a whole Swift scope
_NPM_SCOPE = re.compile(r"@[a-z0-9\-~][a-z0-9\-._~]*")
_SWIFT_SCOPE = re.compile(r"[a-zA-Z0-9](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9])){0,38}")


def npm_scope(namespace: str | None) -> str | None:
    """`--namespace` as an npm scope (`@` added); ValueError when v2 refuses it."""
    if namespace is None:
        return None
    scope = namespace if namespace.startswith("@") else "@" + namespace
    if not _NPM_SCOPE.match(scope):
        raise ValueError(BAD_NPM_SCOPE)
    return scope


def swift_scope(namespace: str | None) -> str | None:
    """`--namespace` as a Swift registry scope; ValueError when v2 refuses it."""
    if namespace is not None and not _SWIFT_SCOPE.fullmatch(namespace):
        raise ValueError(BAD_SWIFT_SCOPE)
    return namespace


def npm_commands(endpoint: str, token: str, scope: str | None,
                 program: str = "npm") -> list[list[str]]:
    """The registry (of the scope), always-auth, and the repository's token."""
    registry = "%s:registry" % scope if scope else "registry"
    parts = urlsplit(endpoint)
    prefix = "//%s%s" % (parts.netloc, parts.path)
    return [[program, "config", "set", registry, endpoint],
            [program, "config", "set", prefix + ":always-auth", "true"],
            [program, "config", "set", prefix + ":_authToken", token]]


def is_always_auth(command: list[str]) -> bool:
    """npm's always-auth setting, whose failure v2 ignores (newer npm refuses it)."""
    return any("always-auth" in word for word in command)


def pip_commands(endpoint: str, token: str) -> list[list[str]]:
    """pip's index URL: the endpoint's `simple/` page, with `aws:TOKEN@` in it."""
    parts = urlsplit(endpoint)
    url = "%s://aws:%s@%s%ssimple/" % (parts.scheme, token, parts.netloc, parts.path)
    return [["pip", "config", "set", "global.index-url", url]]


def swift_commands(endpoint: str, token: str, scope: str | None,
                   on_macos: bool = sys.platform == "darwin") -> list[list[str]]:
    """`package-registry set` (of the scope) and `login`; on macOS the token goes to
    the keychain through `--token`, elsewhere it is in `.netrc`."""
    registry = ["swift", "package-registry", "set", endpoint]
    if scope is not None:
        registry += ["--scope", scope]
    login = ["swift", "package-registry", "login", endpoint + "login"]
    if on_macos:
        login += ["--token", token]
    return [registry, login]


def netrc_entry(endpoint: str, token: str) -> str:
    return "machine %s login token password %s" % (urlsplit(endpoint).hostname, token)


def updated_netrc(text: str | None, endpoint: str, token: str) -> str:
    """`.netrc` with the endpoint host's password replaced by `token`, or the entry
    added. v2 adds it whenever the text does not change, the same token too."""
    entry = netrc_entry(endpoint, token)
    if text is None:
        return entry + "\n"
    host = re.escape(urlsplit(endpoint).hostname or "")
    pattern = re.compile(r"(\bmachine\s+%s\s+login\s+\S+\s+password\s+)\S+" % host, re.M)
    updated = pattern.sub(lambda match: match.group(1) + token, text)
    if updated != text:
        return updated
    return text + ("" if text.endswith("\n") or not text else "\n") + entry + "\n"


def pypirc(text: str | None, endpoint: str, token: str, source: str = "<string>") -> str:
    """`.pypirc` with a `codeartifact` index server; configparser's errors (naming
    `source`) when the current text is not a config file with `[distutils]` and
    `index-servers`."""
    config = configparser.RawConfigParser()
    if text is None:
        config["distutils"] = {"index-servers": "\npypi\ncodeartifact"}
        config["codeartifact"] = {}
    else:
        config.read_string(text, source)
        servers = [line.strip() for line in config.get("distutils", "index-servers").split("\n")
                   if line.strip()]
        if "codeartifact" not in servers:
            config.set("distutils", "index-servers", "\n" + "\n".join(servers + ["codeartifact"]))
        if not config.has_section("codeartifact"):
            config.add_section("codeartifact")
    config.set("codeartifact", "repository", endpoint)
    config.set("codeartifact", "username", "aws")
    config.set("codeartifact", "password", token)
    out = io.StringIO()
    config.write(out)
    return out.getvalue()


# ------------------------------------------------------------------ NuGet

def nuget_index_url(endpoint: str) -> str:
    return endpoint + "v3/index.json"


_SOURCE = re.compile(r"^\d+\.\s(?P<name>.+)\s\[.*\]")


def nuget_sources(listing: str) -> dict[str, str]:
    """{source name: URL} of `nuget sources list -format detailed` (or dotnet's): a
    numbered `N. Name [Enabled]` line, the URL on the next non-blank one."""
    lines = [line.strip() for line in listing.splitlines() if line.strip()]
    sources = {}
    for index, line in enumerate(lines[:-1]):
        match = _SOURCE.match(line)
        if match:
            sources[match.group("name").strip()] = lines[index + 1]
    return sources


def nuget_source_name(url: str, sources: Mapping[str, str], domain: str,
                      repository: str) -> tuple[str, bool]:
    """The source to configure, and whether it exists: the one with the repository's
    URL, else `DOMAIN/REPOSITORY` (existing or new)."""
    for name, source_url in sources.items():
        if source_url == url:
            return name, True
    default = "%s/%s" % (domain, repository)
    return default, default in sources


def nuget_command(operation: str, url: str, name: str, token: str) -> list[str]:
    return ["nuget", "sources", operation, "-name", name, "-source", url,
            "-username", "aws", "-password", token]


def dotnet_command(operation: str, url: str, name: str, token: str,
                   on_windows: bool = sys.platform == "win32") -> list[str]:
    command = ["dotnet", "nuget", operation, "source"]
    command += [url, "--name", name] if operation == "add" else [name, "--source", url]
    command += ["--username", "aws", "--password", token]
    if not on_windows:  # dotnet encrypts stored passwords on Windows only
        command.append("--store-password-in-clear-text")
    return command


# ------------------------------------------------------------------ expiry

_UNITS = ("years", "months", "days", "hours", "minutes")


def expires_in(expiration: datetime, now: datetime) -> str:
    """`12 hours`, `1 hour and 30 minutes`: the time left, 30 seconds added (so that
    11:59:31 reads as 12 hours), in its largest unit and the one after it."""
    from dateutil.relativedelta import relativedelta

    left = relativedelta(expiration, now) + relativedelta(seconds=30)
    words: list[str] = []
    for unit in _UNITS:
        value = getattr(left, unit)
        if value > 0:
            if words:
                words.append("and")
            words += [str(value), unit[:-1] if value == 1 else unit]
        elif words:
            break
        if len(words) > 3:
            break
    return " ".join(words)
