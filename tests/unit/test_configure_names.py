"""`configure` names and readers: dotted-name lookup, set targets, INI parsing, the CSV
reader and the export formats (all pure)."""
from __future__ import annotations

import pytest

from awsmini.commands.configure import names
from awsmini.commands.configure.exportcreds import Exported, render
from awsmini.commands.configure.files import build_full_config, config_files, parse_ini
from awsmini.commands.configure.importer import CredentialsCsvError, parse_credentials_csv
from awsmini.errors import OtherError

CONFIG = ("[default]\nregion = eu-west-1\noutput = json\ns3 =\n    max_concurrent_requests = 20\n"
          "\n[profile dev]\nregion = us-west-2\noutput = text\n[plugins]\ncli_legacy = x\n"
          "[sso-session corp]\nsso_region = us-east-1\n[services local]\ns3 =\n"
          "  endpoint_url = http://x\n")
CREDENTIALS = ("[default]\naws_access_key_id = AKIDFILE\n[dev]\naws_access_key_id = AKIDDEV\n"
               "[only-creds]\naws_access_key_id = AKIDONLY\n")
FULL = build_full_config(parse_ini(CONFIG), parse_ini(CREDENTIALS))

GETS = [
    ("plain", "region", None, "eu-west-1"),
    ("plain-other-profile", "region", "dev", "us-west-2"),
    ("default-scope", "default.region", "dev", "eu-west-1"),
    ("profile-scope", "profile.dev.region", None, "us-west-2"),
    ("known-profile-scope", "dev.output", None, "text"),
    ("nested", "s3.max_concurrent_requests", None, "20"),
    ("default-nested", "default.s3.max_concurrent_requests", None, "20"),
    ("nested-of-a-scalar", "region.x", None, None),
    ("section-is-a-dict", "s3", None, {"max_concurrent_requests": "20"}),
    ("credentials-merged", "aws_access_key_id", "dev", "AKIDDEV"),
    ("credentials-only-profile", "only-creds.aws_access_key_id", None, "AKIDONLY"),
    ("unknown-profile-dotted", "profile.nobody.region", None, None),
    ("short-profile-name", "profile.dev", None, None),
    ("plugins", "plugins.cli_legacy", None, "x"),
    ("unset", "cli_pager", None, None),
]


@pytest.mark.parametrize("name,profile,expected", [g[1:] for g in GETS], ids=[g[0] for g in GETS])
def test_get_value(name, profile, expected):
    assert names.get_value(name, profile, FULL) == expected


def test_a_plain_name_of_an_unknown_profile_is_an_error():
    with pytest.raises(names.ProfileNotFound):
        names.get_value("region", "nobody", FULL)
    assert names.get_value("region", "default", build_full_config({}, {})) is None


def test_subsection_values():
    assert names.get_subsection_value("sso-session", "corp", "sso_region", FULL) == "us-east-1"
    assert names.get_subsection_value("services", "local", "s3.endpoint_url", FULL) == "http://x"
    with pytest.raises(LookupError, match=r"sub-section \(nope\) could not be found"):
        names.get_subsection_value("sso-session", "nope", "sso_region", FULL)


SETS = [
    ("plain-default", "region", None, (False, "default", {"region": "v"})),
    ("plain-profile", "region", "dev", (False, "profile dev", {"region": "v"})),
    ("default-scope-wins", "default.region", "dev", (False, "default", {"region": "v"})),
    ("profile-scope", "profile.dev.output", None, (False, "profile dev", {"output": "v"})),
    ("nested", "s3.max_concurrent_requests", None,
     (False, "default", {"s3": {"max_concurrent_requests": "v"}})),
    ("default-nested", "default.s3.max_concurrent_requests", "dev",
     (False, "default", {"s3": {"max_concurrent_requests": "v"}})),
    ("profile-nested", "profile.dev.s3.addressing_style", None,
     (False, "profile dev", {"s3": {"addressing_style": "v"}})),
    ("credential-key", "aws_access_key_id", "dev", (True, "dev", {"aws_access_key_id": "v"})),
    ("credential-key-default", "aws_session_token", None,
     (True, "default", {"aws_session_token": "v"})),
    ("credential-key-scoped", "profile.dev.aws_secret_access_key", None,
     (True, "dev", {"aws_secret_access_key": "v"})),
    ("spaced-profile-quoted", "region", "my dev", (False, "profile 'my dev'", {"region": "v"})),
    ("plugins-section", "plugins.cli_legacy_plugin_path", None,
     (False, "plugins", {"cli_legacy_plugin_path": "v"})),
]


@pytest.mark.parametrize("name,profile,expected", [s[1:] for s in SETS], ids=[s[0] for s in SETS])
def test_set_target(name, profile, expected):
    target = names.set_target(name, "v", profile)
    assert (target.is_credentials, target.section, target.values) == expected


def test_subsection_target():
    target = names.subsection_target("sso-session", "corp", "sso_region", "v")
    assert (target.section, target.values) == ("sso-session corp", {"sso_region": "v"})
    nested = names.subsection_target("services", "my svc", "s3.endpoint_url", "v")
    assert (nested.section, nested.values) == ("services 'my svc'", {"s3": {"endpoint_url": "v"}})
    with pytest.raises(ValueError, match="Deep nesting"):
        names.subsection_target("services", "x", "a.b.c", "v")


def test_parse_ini_as_botocore():
    parsed = parse_ini("[Default]\nRegion = a\n[x]\nk =\n  a = 1\n\n  b = 2\n")
    assert parsed == {"Default": {"region": "a"}, "x": {"k": {"a": "1", "b": "2"}}}
    full = build_full_config(parse_ini("[profile a]\n[profile]\n[default]\nx = 1\n[other]\n"), {})
    assert list(full.profiles) == ["a", "default"] and list(full.others) == ["other"]


@pytest.mark.parametrize("text", ["region = x\n", "[default\n", "[a]\nk\n", "[a]\n[a]\n",
                                  "[a]\nk =\n  nested-without-equals\n"],
                         ids=["no-header", "open-header", "no-equals", "duplicate",
                              "bad-nested"])
def test_malformed_ini_is_v2s_parse_error(text):
    with pytest.raises(OtherError, match="Unable to parse config file: /p/config"):
        parse_ini(text, "/p/config")


def test_config_files_from_the_environment():
    files = config_files({"HOME": "/h"})
    assert (files.config, files.credentials, files.config_shown) == (
        "/h/.aws/config", "/h/.aws/credentials", "~/.aws/config")
    named = config_files({"HOME": "/h", "AWS_CONFIG_FILE": "~/c",
                          "AWS_SHARED_CREDENTIALS_FILE": "/x/k"})
    assert (named.config, named.credentials, named.config_shown) == ("/h/c", "/x/k", "~/c")


CSV = ("\ufeffUser name,Password,Access key ID,Secret access key,Console login link\n"
       "alice,,AKIDA,sa,https://x\nbob,pw,AKIDB,sb,https://x\n")


def test_credentials_csv():
    assert [tuple(k) for k in parse_credentials_csv(CSV)] == [
        ("alice", "AKIDA", "sa"), ("bob", "AKIDB", "sb")]
    columns_only = "User Name,Access Key ID,Secret Access Key\ncarol, AKIDC , sc\n"
    assert [tuple(k) for k in parse_credentials_csv(columns_only)] == [("carol", "AKIDC", "sc")]


@pytest.mark.parametrize("text,strict,message", [
    ("  \n", True, "Provided CSV contains no contents"),
    ("User name,Access key ID\nx,y\n", True, 'Expected header "Secret Access key" not found'),
    ("User name,Access key ID,Secret access key\nx,,s\n", True,
     'Failed to parse entry #1: Row missing value for header "Access Key ID"'),
    ("User name,Access key ID,Secret access key\nx,a\n", True,
     'Failed to parse entry #1: Row missing value for header "Secret Access key"'),
], ids=["empty", "missing-column", "missing-value", "short-row"])
def test_credentials_csv_errors(text, strict, message):
    with pytest.raises(CredentialsCsvError) as raised:
        parse_credentials_csv(text, strict)
    assert str(raised.value) == message


def test_credentials_csv_skip_invalid():
    text = "User name,Access key ID,Secret access key\nx,,s\ny,a,b\n"
    assert [k.user for k in parse_credentials_csv(text, strict=False)] == ["y"]


TEMPORARY = Exported("AKID", "secret", "token", "2030-01-01T00:00:00+00:00")
RENDERED = {
    "process": '{\n  "Version": 1,\n  "AccessKeyId": "AKID",\n  "SecretAccessKey": "secret",\n'
               '  "SessionToken": "token",\n  "Expiration": "2030-01-01T00:00:00+00:00"\n}\n',
    "env": "export AWS_ACCESS_KEY_ID=AKID\nexport AWS_SECRET_ACCESS_KEY=secret\n"
           "export AWS_SESSION_TOKEN=token\n"
           "export AWS_CREDENTIAL_EXPIRATION=2030-01-01T00:00:00+00:00\n",
    "env-no-export": "AWS_ACCESS_KEY_ID=AKID\nAWS_SECRET_ACCESS_KEY=secret\n"
                     "AWS_SESSION_TOKEN=token\n"
                     "AWS_CREDENTIAL_EXPIRATION=2030-01-01T00:00:00+00:00\n",
    "powershell": '$Env:AWS_ACCESS_KEY_ID="AKID"\n$Env:AWS_SECRET_ACCESS_KEY="secret"\n'
                  '$Env:AWS_SESSION_TOKEN="token"\n'
                  '$Env:AWS_CREDENTIAL_EXPIRATION="2030-01-01T00:00:00+00:00"\n',
    "windows-cmd": "set AWS_ACCESS_KEY_ID=AKID\nset AWS_SECRET_ACCESS_KEY=secret\n"
                   "set AWS_SESSION_TOKEN=token\n"
                   "set AWS_CREDENTIAL_EXPIRATION=2030-01-01T00:00:00+00:00\n",
    "fish": 'set -gx AWS_ACCESS_KEY_ID "AKID"\nset -gx AWS_SECRET_ACCESS_KEY "secret"\n'
            'set -gx AWS_SESSION_TOKEN "token"\n'
            'set -gx AWS_CREDENTIAL_EXPIRATION "2030-01-01T00:00:00+00:00"\n',
}


@pytest.mark.parametrize("form", sorted(RENDERED))
def test_export_formats_of_temporary_credentials(form):
    assert render(TEMPORARY, form) == RENDERED[form]


@pytest.mark.parametrize("text,expected", [
    ("b'<SecretAccessKey>abc/+1</SecretAccessKey><SessionToken>tok=</SessionToken>'",
     "b'<SecretAccessKey>****</SecretAccessKey><SessionToken>****</SessionToken>'"),
    ('{"roleCredentials": {"secretAccessKey": "abc", "sessionToken": "t", "expiration": 1}}',
     '{"roleCredentials": {"secretAccessKey": "****", "sessionToken": "****", "expiration": 1}}'),
    ("headers={'X-Amz-Security-Token': b'FQoG+/x=', 'Host': 'sts'}",
     "headers={'X-Amz-Security-Token': b'****', 'Host': 'sts'}"),
    ("aws_secret_access_key = s3cr3t", "aws_secret_access_key = ****"),
    ('{"NextToken": "keep", "AccessKeyId": "ASIAKEEP"}',
     '{"NextToken": "keep", "AccessKeyId": "ASIAKEEP"}'),
], ids=["xml", "json", "header", "ini", "unrelated-kept"])
def test_debug_redaction(text, expected):
    from awsmini.debuglog import redact

    assert redact(text) == expected
