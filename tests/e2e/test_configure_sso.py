"""`configure sso` and `configure sso-session` answered through a stdin pipe, signing in
against a stub of sso-oidc and the sso portal (moto_server has neither), which records the
requests: the questions and lines printed, the accounts and roles listed, and the config
file written as v2 writes it."""
from __future__ import annotations

import hashlib
import json
import time

import pytest

from tests.e2e.stub_server import start_stub

START_URL = "https://d-1234567890.awsapps.com/start"
ACCOUNTS = [{"accountId": "222233334444", "accountName": "prod", "emailAddress": "p@x.io"},
            {"accountId": "111122223333", "accountName": "dev", "emailAddress": "d@x.io"}]
ROLES = [{"roleName": "ReadOnly", "accountId": "111122223333"},
         {"roleName": "Admin", "accountId": "111122223333"}]


def _answers(accounts=ACCOUNTS, roles=ROLES) -> dict:
    now = int(time.time())
    return {
        "POST /client/register": (200, {"clientId": "client-1", "clientSecret": "secret-1",
                                        "clientSecretExpiresAt": now + 86400}),
        "POST /device_authorization": (200, {
            "deviceCode": "device-1", "userCode": "ABCD-EFGH",
            "verificationUri": "https://device.example/", "expiresIn": 600,
            "verificationUriComplete": "https://device.example/?user_code=ABCD-EFGH"}),
        "POST /token": (200, {"accessToken": "access-1", "expiresIn": 3600}),
        "GET /assignment/accounts": (200, {"accountList": accounts}),
        "GET /assignment/roles": (200, {"roleList": roles}),
    }


@pytest.fixture
def stub():
    server, stop = start_stub(_answers())
    yield server
    stop()


def _environ(stub) -> dict:
    return {"AWS_ENDPOINT_URL_SSO_OIDC": stub.url, "AWS_ENDPOINT_URL_SSO": stub.url,
            "AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None}


def _config(home):
    return home / ".aws" / "config"


def test_new_session_with_accounts_and_roles_to_choose(run_cli, home, stub):
    answers = ["corp", START_URL, "us-east-1", "", "111122223333", "", "eu-west-1", "json",
               ""]
    result = run_cli(["configure", "sso", "--use-device-code", "--no-browser"],
                     stdin="\n".join(answers) + "\n", environ=_environ(stub))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "SSO session name (Recommended): "
        "SSO start URL [None]: "
        "SSO region [None]: "
        "SSO registration scopes [sso:account:access]: "
        "There are 2 AWS accounts available to you.\n"
        "[dev, d@x.io (111122223333)]: "
        "Using the account ID 111122223333\n"
        "There are 2 roles available to you.\n"
        "[Admin]: "
        'Using the role name "Admin"\n'
        "Default client Region [None]: "
        "CLI default output format (json if not specified) [None]: "
        "Profile name [Admin-111122223333]: "
        "To use this profile, specify the profile name using --profile, as shown:\n\n"
        "aws sts get-caller-identity --profile Admin-111122223333\n")
    assert _config(home).read_text() == (
        "[profile Admin-111122223333]\nsso_session = corp\nsso_account_id = 111122223333\n"
        "sso_role_name = Admin\nregion = eu-west-1\noutput = json\n"
        "[sso-session corp]\nsso_start_url = %s\nsso_region = us-east-1\n"
        "sso_registration_scopes = sso:account:access\n" % START_URL)
    register = stub.requests[0].body
    assert (register["clientName"], register["scopes"]) == ("botocore-client-corp",
                                                            ["sso:account:access"])
    roles = [r for r in stub.requests if r.path == "/assignment/roles"]
    assert roles[0].query == {"account_id": "111122223333"}
    # the token is the session's, as `sso login --sso-session corp` caches it
    token = home / ".aws" / "sso" / "cache" / (hashlib.sha1(b"corp").hexdigest() + ".json")
    assert json.loads(token.read_text())["accessToken"] == "access-1"


def test_legacy_form_with_one_account_and_role(run_cli, home, stub):
    stub.answers.update(_answers(ACCOUNTS[:1], ROLES[:1]))
    answers = ["", START_URL, "us-west-2", "", ""]
    result = run_cli(["configure", "sso", "--no-browser", "--profile", "dev"],
                     stdin="\n".join(answers) + "\n", environ=_environ(stub))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "SSO session name (Recommended): "
        "\x1b[1mWARNING: Configuring using legacy format (e.g. without an SSO session).\n"
        "Consider re-running \"configure sso\" command and providing a session name.\n\x1b[0m"
        "SSO start URL [None]: SSO region [None]: "
        "The only AWS account available to you is: 222233334444\n"
        "Using the account ID 222233334444\n"
        "The only role available to you is: ReadOnly\n"
        'Using the role name "ReadOnly"\n'
        "Default client Region [None]: "
        "CLI default output format (json if not specified) [None]: "
        "To use this profile, specify the profile name using --profile, as shown:\n\n"
        "aws sts get-caller-identity --profile dev\n")
    assert _config(home).read_text() == (
        "[profile dev]\nsso_start_url = %s\nsso_region = us-west-2\n"
        "sso_account_id = 222233334444\nsso_role_name = ReadOnly\n" % START_URL)
    # a legacy profile's client is registered without a session name or scopes
    assert "scopes" not in stub.requests[0].body


def test_existing_session_and_cached_token_skip_sign_in(run_cli, home, stub):
    (home / ".aws").mkdir()
    _config(home).write_text(
        "[default]\nsso_session = corp\nregion = us-east-1\n"
        "[sso-session corp]\nsso_start_url = %s\nsso_region = us-east-1\n" % START_URL)
    cache = home / ".aws" / "sso" / "cache"
    cache.mkdir(parents=True)
    (cache / (hashlib.sha1(b"corp").hexdigest() + ".json")).write_text(json.dumps({
        "startUrl": START_URL, "region": "us-east-1", "accessToken": "cached",
        "expiresAt": "2099-01-01T00:00:00Z"}))
    stub.answers["GET /assignment/accounts"] = (401, {"__type": "UnauthorizedException"})
    result = run_cli(["configure", "sso", "--profile", "default"], stdin="\n\n\n",
                     environ=_environ(stub))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "SSO session name [corp]: "
        "Unable to list AWS accounts and/or roles. Skipping configuring AWS credential "
        "provider for profile.\n"
        "Default client Region [us-east-1]: "
        "CLI default output format (json if not specified) [None]: "
        "Successfully configured SSO for profile: default\n")
    assert stub.operations() == ["GET /assignment/accounts"]
    # the values are written again as they were
    assert _config(home).read_text() == (
        "[default]\nsso_session = corp\nregion = us-east-1\n"
        "[sso-session corp]\nsso_start_url = %s\nsso_region = us-east-1\n" % START_URL)


def test_no_accounts_is_an_error(run_cli, home, stub):
    stub.answers.update(_answers([], ROLES))
    result = run_cli(["configure", "sso", "--no-browser", "--use-device-code"],
                     stdin="corp\n%s\nus-east-1\n\n" % START_URL, environ=_environ(stub))
    assert result.exit_code == 255
    assert result.stderr.strip().endswith("No AWS accounts are available to you.")
    assert not _config(home).exists()


def test_configure_sso_session(run_cli, home):
    result = run_cli(["configure", "sso-session"],
                     stdin="\nmy-sso\nnot a url\n%s\nus-east-2\nsso:account:access, extra\n"
                     % START_URL)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "SSO session name: A value is required\nSSO session name: "
        "SSO start URL [None]: Not a valid Start URL\nSSO start URL [None]: "
        "SSO region [None]: SSO registration scopes [sso:account:access]: \n"
        "Completed configuring SSO session: my-sso\n"
        "Run the following to login and refresh access token for this session:\n\n"
        "aws sso login --sso-session my-sso\n")
    assert _config(home).read_text() == (
        "[sso-session my-sso]\nsso_start_url = %s\nsso_region = us-east-2\n"
        "sso_registration_scopes = sso:account:access, extra\n" % START_URL)


def test_configure_sso_session_keeps_current_values(run_cli, home):
    (home / ".aws").mkdir()
    _config(home).write_text("# mine\n[sso-session s]\nsso_start_url = %s\n"
                             "sso_region = us-east-1\n[profile p]\nregion = eu-west-1\n"
                             % START_URL)
    result = run_cli(["configure", "sso-session"], stdin="s\n\neu-west-3\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "SSO session name: SSO start URL [%s]: SSO region [us-east-1]: "
        "SSO registration scopes [sso:account:access]: \n" % START_URL)
    assert _config(home).read_text() == (
        "# mine\n[sso-session s]\nsso_start_url = %s\nsso_region = eu-west-3\n"
        "sso_registration_scopes = sso:account:access\n[profile p]\nregion = eu-west-1\n"
        % START_URL)


def test_end_of_input_on_a_required_answer(run_cli, home):
    result = run_cli(["configure", "sso-session"], stdin="")
    assert result.exit_code == 255
    assert "A value is required" in result.stderr
    assert not _config(home).exists()


def test_help_and_usage(run_cli, home):
    page = run_cli(["configure", "sso", "help"])
    assert page.exit_code == 0
    assert "--no-browser" in page.stdout and "--use-device-code" in page.stdout
    assert run_cli(["configure", "sso-session", "help"]).exit_code == 0
    result = run_cli(["configure", "sso-session", "--no-browser"])
    assert result.exit_code == 252
    assert "Unknown options: --no-browser" in result.stderr
