"""`codeartifact login` against a stub of CodeArtifact's two calls, with fake
npm, pip, swift, nuget and dotnet programs on PATH recording their arguments."""
from __future__ import annotations

import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests import forkserver
from tests.conftest import awsmini_executable, isolated_environ
from tests.e2e.stub_server import start_stub

TOKEN = "eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMH0.token"
HOST = "dom-123456789012.d.codeartifact.us-east-1.amazonaws.com"

TOOL = """#!%s
import json, os, sys
name = os.path.basename(sys.argv[0])
with open(os.environ["FAKE_RECORD"], "a") as fp:
    fp.write(json.dumps([name] + sys.argv[1:]) + "\\n")
if name in ("nuget", "dotnet") and "list" in sys.argv:
    sys.stdout.write(os.environ.get("FAKE_SOURCES", ""))
    sys.exit(0)
fail = os.environ.get("FAKE_FAIL", "")
if fail and fail in " ".join(sys.argv):
    sys.stderr.write("it went wrong\\n")
    sys.exit(2)
""" % sys.executable


def endpoint(package_format: str) -> str:
    return "https://%s/%s/repo/" % (HOST, package_format)


@pytest.fixture
def expiration() -> int:
    return int(time.time()) + 12 * 3600


@pytest.fixture
def stub(expiration):
    server, stop = start_stub({
        "POST /v1/authorization-token": (200, {"authorizationToken": TOKEN,
                                               "expiration": expiration}),
        "GET /v1/repository/endpoint": lambda request: (
            200, {"repositoryEndpoint": endpoint(request.query["format"])}),
    })
    yield server
    stop()


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "bin"
    directory.mkdir()
    for name in ("npm", "pip", "swift", "nuget", "dotnet"):
        (directory / name).write_text(TOOL)
        (directory / name).chmod(0o755)
    return directory


def login(tmp_path: Path, stub, path: Path, *argv: str, **extra: str):
    environ = isolated_environ(tmp_path, {"PATH": str(path), "TZ": "UTC",
                                          "FAKE_RECORD": str(tmp_path / "rec"), **extra})
    return forkserver.run(awsmini_executable(), ["codeartifact", "login", *argv,
                                                 "--endpoint-url", stub.url],
                          env=environ, cwd=tmp_path, timeout=60)


def recorded(tmp_path: Path) -> list:
    path = tmp_path / "rec"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def success(tool: str, package_format: str, expiration: int) -> str:
    at = datetime.fromtimestamp(expiration, timezone.utc)
    return ("Successfully configured %s to use AWS CodeArtifact repository %s \n"
            "Login expires in 12 hours at %s\n" % (tool, endpoint(package_format), at))


def test_npm(tmp_path, stub, bin_dir, expiration):
    result = login(tmp_path, stub, bin_dir, "--tool", "npm", "--domain", "dom",
                   "--domain-owner", "123456789012", "--repository", "repo",
                   "--duration-seconds", "3600")
    assert result.returncode == 0, result.stderr
    assert result.stdout == success("npm", "npm", expiration)
    prefix = "//%s/npm/repo/" % HOST
    assert recorded(tmp_path) == [
        ["npm", "config", "set", "registry", endpoint("npm")],
        ["npm", "config", "set", prefix + ":always-auth", "true"],
        ["npm", "config", "set", prefix + ":_authToken", TOKEN]]
    token, where = stub.requests
    assert token.query == {"domain": "dom", "domain-owner": "123456789012", "duration": "3600"}
    assert where.query == {"domain": "dom", "domain-owner": "123456789012",
                           "repository": "repo", "format": "npm"}


def test_npm_scope_and_always_auth_failure_ignored(tmp_path, stub, bin_dir, expiration):
    result = login(tmp_path, stub, bin_dir, "--tool", "npm", "--domain", "dom",
                   "--repository", "repo", "--namespace", "team", "--duration-seconds", "0",
                   FAKE_FAIL="always-auth")
    assert result.returncode == 0, result.stderr
    assert result.stdout == success("npm", "npm", expiration)
    assert recorded(tmp_path)[0] == ["npm", "config", "set", "@team:registry", endpoint("npm")]
    assert stub.requests[0].query == {"domain": "dom"}  # 0 seconds is not sent


def test_npm_bad_scope(tmp_path, stub, bin_dir):
    result = login(tmp_path, stub, bin_dir, "--tool", "npm", "--domain", "dom",
                   "--repository", "repo", "--namespace", "_team")
    assert result.returncode == 255
    assert result.stderr.endswith("Invalid scope name, scope must contain URL-safe characters, "
                                  "no leading dots or underscores\n")
    assert recorded(tmp_path) == []


def test_pip_and_its_dry_run(tmp_path, stub, bin_dir, expiration):
    url = "https://aws:%s@%s/pypi/repo/simple/" % (TOKEN, HOST)
    dry = login(tmp_path, stub, bin_dir, "--tool", "pip", "--domain", "dom",
                "--repository", "repo", "--dry-run")
    assert (dry.returncode, dry.stdout) == (0, "pip config set global.index-url %s\n\n" % url)
    assert recorded(tmp_path) == []
    result = login(tmp_path, stub, bin_dir, "--tool", "pip", "--domain", "dom",
                   "--repository", "repo")
    assert result.returncode == 0, result.stderr
    assert result.stdout == success("pip", "pypi", expiration)
    assert recorded(tmp_path) == [["pip", "config", "set", "global.index-url", url]]


def test_a_failing_command_masks_the_token(tmp_path, stub, bin_dir):
    result = login(tmp_path, stub, bin_dir, "--tool", "pip", "--domain", "dom",
                   "--repository", "repo", FAKE_FAIL="global.index-url")
    assert (result.returncode, result.stdout) == (255, "")
    assert TOKEN not in result.stderr
    assert ("Command '['pip', 'config', 'set', 'global.index-url', 'https://aws:******@%s/pypi/"
            "repo/simple/']' returned non-zero exit status 2. Stderr from command:\n"
            "it went wrong\n" % HOST) in result.stderr


def test_a_missing_tool(tmp_path, stub):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = login(tmp_path, stub, empty, "--tool", "npm", "--domain", "dom",
                   "--repository", "repo")
    assert (result.returncode, result.stdout) == (255, "")
    assert result.stderr.endswith("[ERROR]: npm was not found. Please verify installation.\n")
    assert len(stub.requests) == 2  # v2 asks for the token and the endpoint first


def test_namespace_refused_after_the_calls(tmp_path, stub, bin_dir):
    result = login(tmp_path, stub, bin_dir, "--tool", "pip", "--domain", "dom",
                   "--repository", "repo", "--namespace", "x")
    assert result.returncode == 255
    assert result.stderr.endswith("[ERROR]: Argument --namespace is not supported for pip\n")
    assert len(stub.requests) == 2 and recorded(tmp_path) == []


def test_usage_errors_send_nothing(tmp_path, stub, bin_dir):
    bad = login(tmp_path, stub, bin_dir, "--tool", "gradle", "--domain", "d", "--repository", "r")
    assert bad.returncode == 252
    assert "argument --tool: Found invalid choice 'gradle'" in bad.stderr
    missing = login(tmp_path, stub, bin_dir, "--tool", "npm")
    assert missing.returncode == 252
    assert "the following arguments are required: --domain, --repository" in missing.stderr
    assert stub.requests == []


NEW_PYPIRC = ("[distutils]\nindex-servers = \n\tpypi\n\tcodeartifact\n\n[codeartifact]\n"
              "repository = %s\nusername = aws\npassword = %s\n\n" % (endpoint("pypi"), TOKEN))


def test_twine_writes_a_new_pypirc(tmp_path, stub, bin_dir, expiration):
    dry = login(tmp_path, stub, bin_dir, "--tool", "twine", "--domain", "dom",
                "--repository", "repo", "--dry-run")
    rc = tmp_path / ".pypirc"
    assert dry.stdout == ("Dryrun mode is enabled, not writing to pypirc.\n%s would have been "
                          "set to the following:\n\n%s\n" % (rc, NEW_PYPIRC))
    assert not rc.exists()
    result = login(tmp_path, stub, bin_dir, "--tool", "twine", "--domain", "dom",
                   "--repository", "repo")
    assert result.returncode == 0, result.stderr
    assert result.stdout == success("twine", "pypi", expiration)
    assert rc.read_text() == NEW_PYPIRC
    assert rc.stat().st_mode & 0o777 == 0o600


def test_twine_keeps_the_other_servers(tmp_path, stub, bin_dir):
    rc = tmp_path / ".pypirc"
    rc.write_text("[distutils]\nindex-servers =\n    pypi\n    internal\n\n"
                  "[internal]\nrepository = https://pypi.example.com\n")
    rc.chmod(0o644)
    result = login(tmp_path, stub, bin_dir, "--tool", "twine", "--domain", "dom",
                   "--repository", "repo")
    assert result.returncode == 0, result.stderr
    assert rc.read_text() == (
        "[distutils]\nindex-servers = \n\tpypi\n\tinternal\n\tcodeartifact\n\n"
        "[internal]\nrepository = https://pypi.example.com\n\n[codeartifact]\n"
        "repository = %s\nusername = aws\npassword = %s\n\n" % (endpoint("pypi"), TOKEN))
    assert rc.stat().st_mode & 0o777 == 0o600  # as v2 leaves it


def test_twine_refuses_an_invalid_pypirc(tmp_path, stub, bin_dir):
    rc = tmp_path / ".pypirc"
    rc.write_text("[server-login]\nusername = me\n")
    result = login(tmp_path, stub, bin_dir, "--tool", "twine", "--domain", "dom",
                   "--repository", "repo")
    assert result.returncode == 255
    assert result.stdout == "%s is in an invalid state.\n" % rc
    assert result.stderr.endswith("[ERROR]: No section: 'distutils'\n")
    assert rc.read_text() == "[server-login]\nusername = me\n"


def test_swift_netrc_and_commands(tmp_path, stub, bin_dir, expiration):
    netrc = tmp_path / ".netrc"
    entry = "machine %s login token password %s" % (HOST, TOKEN)
    dry = login(tmp_path, stub, bin_dir, "--tool", "swift", "--domain", "dom",
                "--repository", "repo", "--namespace", "team", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout == (
        "Dryrun mode is enabled, not writing to netrc.\nThe following line would have been "
        "written to %s:\n\n%s\n\nAnd would have run the following commands:\n\n"
        "swift package-registry set %s --scope team\n\nswift package-registry login %slogin\n\n"
        % (netrc, entry, endpoint("swift"), endpoint("swift")))
    assert not netrc.exists() and recorded(tmp_path) == []
    netrc.write_text("machine other.example.com login me password pw\n"
                     "machine %s login token password OLD\n" % HOST)
    result = login(tmp_path, stub, bin_dir, "--tool", "swift", "--domain", "dom",
                   "--repository", "repo")
    assert result.returncode == 0, result.stderr
    assert result.stdout == success("swift", "swift", expiration)
    assert netrc.read_text() == "machine other.example.com login me password pw\n%s\n" % entry
    assert netrc.stat().st_mode & 0o777 == 0o600
    assert recorded(tmp_path) == [["swift", "package-registry", "set", endpoint("swift")],
                                  ["swift", "package-registry", "login",
                                   endpoint("swift") + "login"]]


SOURCES = ("Registered Sources:\n\n  1.  nuget.org [Enabled]\n      "
           "https://api.nuget.org/v3/index.json\n  2.  mine [Enabled]\n      %sv3/index.json\n")


def test_nuget_updates_the_source_with_the_repository_url(tmp_path, stub, bin_dir, expiration):
    url = endpoint("nuget") + "v3/index.json"
    result = login(tmp_path, stub, bin_dir, "--tool", "nuget", "--domain", "dom",
                   "--repository", "repo", FAKE_SOURCES=SOURCES % endpoint("nuget"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("Updated source mine in the NuGet.Config\n"
                             + success("nuget", "nuget", expiration))
    assert recorded(tmp_path) == [
        ["nuget", "sources", "list", "-format", "detailed"],
        ["nuget", "sources", "update", "-name", "mine", "-source", url, "-username", "aws",
         "-password", TOKEN]]


def test_dotnet_adds_a_source(tmp_path, stub, bin_dir, expiration):
    url = endpoint("nuget") + "v3/index.json"
    dry = login(tmp_path, stub, bin_dir, "--tool", "dotnet", "--domain", "dom",
                "--repository", "repo", "--dry-run", FAKE_SOURCES=SOURCES % "https://x/")
    assert dry.stdout == ("dotnet nuget add source %s --name dom/repo --username aws "
                          "--password %s --store-password-in-clear-text\n" % (url, TOKEN))
    result = login(tmp_path, stub, bin_dir, "--tool", "dotnet", "--domain", "dom",
                   "--repository", "repo", FAKE_SOURCES=SOURCES % "https://x/")
    assert result.returncode == 0, result.stderr
    # v2 names nuget in the success line of dotnet too
    assert result.stdout == ("Added source dom/repo to the user level NuGet.Config\n"
                             + success("nuget", "nuget", expiration))
    assert recorded(tmp_path)[-1][:5] == ["dotnet", "nuget", "add", "source", url]


def test_login_is_listed_once_with_its_help(tmp_path, stub, bin_dir):
    environ = isolated_environ(tmp_path)
    listing = forkserver.run(awsmini_executable(), ["codeartifact", "help"], env=environ,
                             cwd=tmp_path, timeout=60)
    assert listing.stdout.count("o login") == 1
    page = forkserver.run(awsmini_executable(), ["codeartifact", "login", "help"], env=environ,
                          cwd=tmp_path, timeout=60)
    assert page.returncode == 0 and "--dry-run" in page.stdout and "twine" in page.stdout
