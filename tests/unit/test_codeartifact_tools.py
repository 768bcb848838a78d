"""The pure parts of `codeartifact login`: scopes, command lines, files, expiry wording."""
from datetime import datetime, timedelta, timezone

import pytest

from awsmini.commands.codeartifact import tools

ENDPOINT = "https://d-1.d.codeartifact.us-east-1.amazonaws.com/npm/r/"
NOW = datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("left, expected", [
    pytest.param(timedelta(hours=11, minutes=59, seconds=31), "12 hours", id="rounded-up"),
    pytest.param(timedelta(hours=1, minutes=30), "1 hour and 30 minutes", id="two-units"),
    pytest.param(timedelta(minutes=1), "1 minute", id="singular"),
    pytest.param(timedelta(days=1, minutes=5), "1 day", id="gap-stops"),
    pytest.param(timedelta(days=2, hours=3, minutes=4), "2 days and 3 hours", id="two-at-most"),
    pytest.param(timedelta(seconds=10), "", id="under-a-minute"),
])
def test_expires_in(left, expected):
    assert tools.expires_in(NOW + left, NOW) == expected


@pytest.mark.parametrize("namespace, expected", [
    (None, None), ("team", "@team"), ("@team", "@team"), ("a~b.c", "@a~b.c"),
    ("team/Upper", "@team/Upper"),  # v2 checks how the scope begins only
])
def test_npm_scope(namespace, expected):
    assert tools.npm_scope(namespace) == expected


@pytest.mark.parametrize("namespace", ["_team", ".team", "Team", ""])
def test_npm_scope_refused(namespace):
    with pytest.raises(ValueError, match="Invalid scope name"):
        tools.npm_scope(namespace)


@pytest.mark.parametrize("namespace, ok", [
    ("team", True), ("a-b", True), ("a" * 39, True), ("a" * 40, False), ("-a", False),
    ("a-", False), ("a--b", False), ("a_b", False),
])
def test_swift_scope(namespace, ok):
    if ok:
        assert tools.swift_scope(namespace) == namespace
    else:
        with pytest.raises(ValueError, match="no more than 39 characters"):
            tools.swift_scope(namespace)


def test_npm_commands_of_a_scope():
    assert tools.npm_commands(ENDPOINT, "T", "@s") == [
        ["npm", "config", "set", "@s:registry", ENDPOINT],
        ["npm", "config", "set", "//d-1.d.codeartifact.us-east-1.amazonaws.com/npm/r/"
         ":always-auth", "true"],
        ["npm", "config", "set", "//d-1.d.codeartifact.us-east-1.amazonaws.com/npm/r/"
         ":_authToken", "T"]]


def test_swift_commands_on_macos_take_the_token():
    assert tools.swift_commands(ENDPOINT, "T", None, on_macos=True)[1] == [
        "swift", "package-registry", "login", ENDPOINT + "login", "--token", "T"]


ENTRY = "machine d-1.d.codeartifact.us-east-1.amazonaws.com login token password NEW\n"


@pytest.mark.parametrize("text, expected", [
    pytest.param(None, ENTRY, id="new"),
    pytest.param("machine x login a password b", "machine x login a password b\n" + ENTRY,
                 id="appended-after-a-newline"),
    pytest.param("machine x login a password b\n", "machine x login a password b\n" + ENTRY,
                 id="appended"),
    pytest.param("machine d-1.d.codeartifact.us-east-1.amazonaws.com\n  login token\n"
                 "  password OLD\nmachine y login a password b\n",
                 "machine d-1.d.codeartifact.us-east-1.amazonaws.com\n  login token\n"
                 "  password NEW\nmachine y login a password b\n", id="replaced-across-lines"),
    pytest.param(ENTRY, ENTRY + ENTRY, id="same-token-appended-as-v2"),
    pytest.param("", ENTRY, id="empty"),
])
def test_updated_netrc(text, expected):
    assert tools.updated_netrc(text, ENDPOINT, "NEW") == expected


def test_pypirc_keeps_a_codeartifact_server_listed_once():
    text = "[distutils]\nindex-servers = codeartifact\n[codeartifact]\nrepository = old\n"
    assert tools.pypirc(text, ENDPOINT, "T") == (
        "[distutils]\nindex-servers = codeartifact\n\n[codeartifact]\n"
        "repository = %s\nusername = aws\npassword = T\n\n" % ENDPOINT)


@pytest.mark.parametrize("text", ["[other]\n", "[distutils]\n", "garbage\n"])
def test_pypirc_invalid(text):
    import configparser

    with pytest.raises(configparser.Error):
        tools.pypirc(text, ENDPOINT, "T", "/home/me/.pypirc")


def test_nuget_sources_and_the_name_to_use():
    listing = ("Registered Sources:\n\n  1.  nuget.org [Enabled]\n      https://api/index.json\n"
               "  10.  dom/repo [Disabled]\n      https://old/index.json\n  3.  last [Enabled]\n")
    sources = tools.nuget_sources(listing)
    assert sources == {"nuget.org": "https://api/index.json", "dom/repo": "https://old/index.json"}
    assert tools.nuget_source_name("https://api/index.json", sources, "d", "r") == (
        "nuget.org", True)
    assert tools.nuget_source_name("https://new", sources, "dom", "repo") == ("dom/repo", True)
    assert tools.nuget_source_name("https://new", sources, "d", "r") == ("d/r", False)


def test_dotnet_update_names_the_source():
    assert tools.dotnet_command("update", "U", "n", "T", on_windows=True) == [
        "dotnet", "nuget", "update", "source", "n", "--source", "U", "--username", "aws",
        "--password", "T"]
