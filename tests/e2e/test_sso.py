"""`sso login` and `sso logout` against a stub of sso-oidc and the sso portal (moto_server
has neither), which records every request: what is sent, what is printed, the token cache
written as v2 and botocore write it, and botocore's own SSO credential provider reading it.

No browser is ever opened: the tests pass `--no-browser`, or point `BROWSER` at a stub
script that records the URL it is given (and, for the authorization code flow, follows
the redirect back to the loopback server as a browser would)."""
from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from tests.conftest import awsmini_executable, isolated_environ
from tests.e2e.stub_server import start_stub

START_URL = "https://d-1234567890.awsapps.com/start"
VERIFY = "https://device.sso.us-east-1.amazonaws.com/"
LEGACY = ("[profile dev]\nsso_start_url = %s\nsso_region = us-east-1\n"
          "sso_account_id = 111122223333\nsso_role_name = Admin\nregion = eu-west-1\n"
          % START_URL)
SESSION = ("[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\n"
           "sso_role_name = Admin\n[sso-session corp]\nsso_start_url = %s\n"
           "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n" % START_URL)
PENDING = (400, {"__type": "AuthorizationPendingException", "error": "authorization_pending"})


def _token_answers(*answers):
    queue = list(answers)

    def answer(request):
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return answer


def _answers(token=None) -> dict:
    now = int(time.time())
    return {
        "POST /client/register": (200, {"clientId": "client-1", "clientSecret": "secret-1",
                                        "clientIdIssuedAt": now,
                                        "clientSecretExpiresAt": now + 90 * 86400}),
        "POST /device_authorization": (200, {
            "deviceCode": "device-1", "userCode": "ABCD-EFGH", "verificationUri": VERIFY,
            "verificationUriComplete": VERIFY + "?user_code=ABCD-EFGH", "expiresIn": 600,
            "interval": 1}),
        "POST /token": token or _token_answers(PENDING, PENDING, (200, {
            "accessToken": "access-1", "expiresIn": 28800, "refreshToken": "refresh-1",
            "tokenType": "Bearer"})),
        "GET /federation/credentials": (200, {"roleCredentials": {
            "accessKeyId": "ASIASSOROLE", "secretAccessKey": "role-secret",
            "sessionToken": "role-token", "expiration": (now + 3600) * 1000}}),
        "POST /logout": (200, {}),
    }


@pytest.fixture
def stub():
    server, stop = start_stub(_answers())
    yield server
    stop()


def _environ(stub, **extra) -> dict:
    environ = {"AWS_ENDPOINT_URL_SSO_OIDC": stub.url, "AWS_ENDPOINT_URL_SSO": stub.url,
               "AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None}
    environ.update(extra)
    return environ


def _config(home, text: str) -> None:
    (home / ".aws").mkdir(exist_ok=True)
    (home / ".aws" / "config").write_text(text)


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def _registration_key(session_name, scopes) -> str:
    args = {"tool": "botocore", "startUrl": START_URL, "region": "us-east-1",
            "scopes": scopes, "session_name": session_name}
    return hashlib.sha1(json.dumps(args, sort_keys=True).encode()).hexdigest()


def _cache(home):
    return home / ".aws" / "sso" / "cache"


# ------------------------------------------------------------ device code flow

def test_legacy_profile_signs_in_with_the_device_code(run_cli, home, stub):
    _config(home, LEGACY)
    result = run_cli(["sso", "login", "--no-browser", "--profile", "dev"],
                     environ=_environ(stub))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Browser will not be automatically opened.\nPlease visit the following URL:\n\n"
        "%s\n\nThen enter the code:\n\nABCD-EFGH\n\nAlternatively, you may visit the "
        "following URL which will autofill the code upon loading:\n%s?user_code=ABCD-EFGH\n"
        "Successfully logged into Start URL: %s\n" % (VERIFY, VERIFY, START_URL))
    assert stub.operations() == ["POST /client/register", "POST /device_authorization",
                                 "POST /token", "POST /token", "POST /token"]
    register, authorize, token = stub.requests[0], stub.requests[1], stub.requests[-1]
    assert register.body["clientType"] == "public"
    assert register.body["clientName"].startswith("botocore-client-1")
    assert "scopes" not in register.body
    assert authorize.body == {"clientId": "client-1", "clientSecret": "secret-1",
                              "startUrl": START_URL}
    assert token.body == {"grantType": "urn:ietf:params:oauth:grant-type:device_code",
                          "clientId": "client-1", "clientSecret": "secret-1",
                          "deviceCode": "device-1"}
    path = _cache(home) / (_sha1(START_URL) + ".json")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    text = path.read_text()
    cached = json.loads(text)
    assert list(cached) == ["startUrl", "region", "accessToken", "expiresAt", "clientId",
                            "clientSecret", "registrationExpiresAt", "refreshToken"]
    assert cached["accessToken"] == "access-1" and cached["region"] == "us-east-1"
    assert cached["expiresAt"].endswith("Z") and len(cached["expiresAt"]) == 20
    assert text.startswith('{"startUrl": "%s", "region": "us-east-1"' % START_URL)
    registration = json.loads((_cache(home) / (_registration_key(None, None) + ".json"))
                              .read_text())
    assert list(registration) == ["clientId", "clientSecret", "expiresAt"]
    assert registration["expiresAt"] == cached["registrationExpiresAt"]


def test_the_token_gives_the_profile_credentials_through_botocore(run_cli, home, stub):
    _config(home, LEGACY)
    environ = _environ(stub)
    assert run_cli(["sso", "login", "--no-browser", "--profile", "dev"],
                   environ=environ).exit_code == 0
    result = run_cli(["configure", "export-credentials", "--profile", "dev"], environ=environ)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["AccessKeyId"] == "ASIASSOROLE"
    fetch = stub.requests[-1]
    assert (fetch.path, fetch.query) == ("/federation/credentials", {
        "role_name": "Admin", "account_id": "111122223333"})
    # the role's credentials are cached as v2 caches them, for `sso logout` to find
    cached = list((home / ".aws" / "cli" / "cache").iterdir())
    assert [json.loads(path.read_text())["ProviderType"] for path in cached] == ["sso"]


def test_a_cached_registration_is_used_again(run_cli, home, stub):
    _config(home, LEGACY)
    for _ in range(2):
        stub.answers["POST /token"] = _token_answers((200, {
            "accessToken": "access-2", "expiresIn": 3600}))
        result = run_cli(["sso", "login", "--no-browser", "--profile", "dev"],
                         environ=_environ(stub))
        assert result.exit_code == 0, result.stderr
    assert stub.operations().count("POST /client/register") == 1
    # a pre-authorized client gets its token at once: nothing to show
    assert result.stdout == "Successfully logged into Start URL: %s\n" % START_URL
    assert "refreshToken" not in json.loads(
        (_cache(home) / (_sha1(START_URL) + ".json")).read_text())


def test_slow_down_and_an_expired_code(run_cli, home, stub):
    _config(home, LEGACY)
    stub.answers["POST /token"] = _token_answers(
        (400, {"__type": "ExpiredTokenException", "error": "expired_token"}))
    result = run_cli(["sso", "login", "--no-browser", "--profile", "dev"],
                     environ=_environ(stub))
    assert result.exit_code == 255
    assert result.stderr.endswith(
        "The pending authorization to retrieve an SSO token has expired. The login flow to "
        "retrieve an SSO token must be restarted.\n")
    assert not (_cache(home) / (_sha1(START_URL) + ".json")).exists()


def test_device_code_with_the_browser_opened(run_cli, home, stub, tmp_path):
    _config(home, SESSION)
    record = tmp_path / "opened"
    browser = tmp_path / "browser"
    browser.write_text("#!/bin/sh\nprintf '%%s\\n' \"$@\" >> %s\n" % record)
    browser.chmod(0o755)
    result = subprocess.run(
        [awsmini_executable(), "sso", "login", "--use-device-code", "--profile", "dev"],
        env=isolated_environ(home, _environ(stub, BROWSER=str(browser))), cwd=home,
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Attempting to open your default browser.\nIf the browser does not open or you wish "
        "to use a different device to authorize this request, open the following URL:\n\n"
        "%s\n\nThen enter the code:\n\nABCD-EFGH\nSuccessfully logged into Start URL: %s\n"
        % (VERIFY, START_URL))
    assert record.read_text() == VERIFY + "?user_code=ABCD-EFGH\n"
    # an sso-session's token is named after the session, and its registration has the scopes
    cached = json.loads((_cache(home) / (_sha1("corp") + ".json")).read_text())
    assert cached["startUrl"] == START_URL
    assert stub.requests[0].body["clientName"] == "botocore-client-corp"
    assert stub.requests[0].body["scopes"] == ["sso:account:access"]
    registration = json.loads((_cache(home) / (_registration_key(
        "corp", ["sso:account:access"]) + ".json")).read_text())
    assert registration["scopes"] == ["sso:account:access"]
    # botocore's token provider reads the session's token for the profile's credentials
    exported = run_cli(["configure", "export-credentials", "--profile", "dev"],
                       environ=_environ(stub))
    assert json.loads(exported.stdout)["AccessKeyId"] == "ASIASSOROLE", exported.stderr
    assert stub.requests[-1].path == "/federation/credentials"


# ------------------------------------------------------------ authorization code flow

def _auth_code_answers(stub) -> None:
    stub.answers["POST /token"] = (200, {"accessToken": "access-pkce", "expiresIn": 3600,
                                         "refreshToken": "refresh-pkce"})


def _check_auth_code_requests(stub, url: str, home) -> None:
    registers = [r.body for r in stub.requests if r.path == "/client/register"]
    # the request that finds the endpoint of /authorize is answered before it is sent
    assert [body["clientName"] for body in registers] == ["botocore-client-corp"]
    register = registers[0]
    assert register["grantTypes"] == ["authorization_code", "refresh_token"]
    assert register["redirectUris"] == ["http://127.0.0.1/oauth/callback"]
    assert register["issuerUrl"] == START_URL
    assert register["scopes"] == ["sso:account:access"]
    parsed = urllib.parse.urlsplit(url)
    assert "%s://%s" % (parsed.scheme, parsed.netloc) == stub.url
    assert parsed.path == "/authorize"
    query = dict(urllib.parse.parse_qsl(parsed.query))
    assert [key for key, _ in urllib.parse.parse_qsl(parsed.query)] == [
        "response_type", "client_id", "redirect_uri", "state", "code_challenge_method",
        "scopes", "code_challenge"]
    assert query["response_type"] == "code" and query["client_id"] == "client-1"
    assert query["code_challenge_method"] == "S256"
    assert query["scopes"] == "sso:account:access"
    token = stub.requests[-1].body
    assert token["grantType"] == "authorization_code" and token["code"] == "the-code"
    assert token["redirectUri"] == query["redirect_uri"]
    # PKCE: the challenge is the S256 of the verifier sent with the code
    import base64
    challenge = base64.urlsafe_b64encode(
        hashlib.sha256(token["codeVerifier"].encode()).digest()).decode().rstrip("=")
    assert query["code_challenge"] == challenge and len(token["codeVerifier"]) == 64
    cached = json.loads((_cache(home) / (_sha1("corp") + ".json")).read_text())
    assert (cached["accessToken"], cached["refreshToken"]) == ("access-pkce", "refresh-pkce")
    registration = json.loads((_cache(home) / (_registration_key(
        "corp", ["sso:account:access"]) + ".json")).read_text())
    assert list(registration) == ["clientId", "clientSecret", "expiresAt", "scopes",
                                  "grantTypes"]


def test_sso_session_signs_in_with_the_authorization_code(home, stub):
    _config(home, SESSION)
    _auth_code_answers(stub)
    process = subprocess.Popen(
        [awsmini_executable(), "sso", "login", "--no-browser"],
        env=isolated_environ(home, _environ(stub, AWS_PROFILE="dev")), cwd=home,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    lines = []
    while len(lines) < 4:
        lines.append(process.stdout.readline())
    assert lines[:3] == ["Browser will not be automatically opened.\n",
                         "Please visit the following URL:\n", "\n"]
    url = lines[3].strip()
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
    callback = "%s?code=the-code&state=%s" % (query["redirect_uri"], query["state"])
    with urllib.request.urlopen(callback, timeout=10) as page:
        assert page.status == 200
    out, err = process.communicate(timeout=30)
    assert (process.returncode, err) == (0, "")
    assert out == "Successfully logged into Start URL: %s\n" % START_URL
    _check_auth_code_requests(stub, url, home)


def test_authorization_code_through_the_default_browser(home, stub, tmp_path):
    _config(home, SESSION)
    _auth_code_answers(stub)
    record = tmp_path / "opened"
    follower = tmp_path / "follow.py"
    # the stub browser returns at once and, in the background, comes back to the
    # loopback server with a code, as the sign-in page would
    follower.write_text(
        "import sys, time, urllib.parse, urllib.request\n"
        "url = sys.argv[1]\n"
        "open(%r, 'w').write(url)\n"
        "q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))\n"
        "urllib.request.urlopen(q['redirect_uri'] + '?code=the-code&state=' + q['state'],"
        " timeout=10).read()\n" % str(record))
    browser = tmp_path / "browser"
    browser.write_text("#!/bin/sh\n%s %s \"$1\" >/dev/null 2>&1 &\n" % (sys.executable,
                                                                     follower))
    browser.chmod(0o755)
    result = subprocess.run(
        [awsmini_executable(), "sso", "login", "--profile", "dev"],
        env=isolated_environ(home, _environ(stub, BROWSER=str(browser))), cwd=home,
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert (result.returncode, result.stderr) == (0, "")
    url = record.read_text()
    assert result.stdout == (
        "Attempting to open your default browser. If the browser does not open, open the "
        "following URL.\nIf you are unable to open the URL on this device, run this command "
        "again with the '--use-device-code' option.\n\n%s\n\n"
        "Successfully logged into Start URL: %s\n" % (url, START_URL))
    _check_auth_code_requests(stub, url, home)


def test_a_wrong_state_is_refused(home, stub):
    _config(home, SESSION)
    _auth_code_answers(stub)
    process = subprocess.Popen(
        [awsmini_executable(), "sso", "login", "--no-browser", "--profile", "dev"],
        env=isolated_environ(home, _environ(stub)), cwd=home, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    url = [process.stdout.readline() for _ in range(4)][3].strip()
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
    urllib.request.urlopen(query["redirect_uri"] + "?code=c&state=forged", timeout=10).read()
    out, err = process.communicate(timeout=30)
    assert process.returncode == 255
    assert err.endswith("Error loading authorization code: State parameter does not match "
                        "expected value.\n")
    assert "/token" not in [r.path for r in stub.requests]


# ------------------------------------------------------------ configuration errors

@pytest.mark.parametrize("config, argv, message", [
    ("[profile dev]\nregion = us-east-1\n", ["--profile", "dev"],
     "Missing the following required SSO configuration values: sso_start_url, sso_region. "
     "To make sure this profile is properly configured to use SSO, please run: aws "
     "configure sso"),
    ("[profile dev]\nsso_session = nope\n", ["--profile", "dev"],
     'The specified sso-session does not exist: "nope"'),
    (SESSION, ["--sso-session", "other"], 'The specified sso-session does not exist: "other"'),
    ("[sso-session s]\nsso_start_url = %s\n" % START_URL, ["--sso-session", "s"],
     "Missing the following required SSO configuration values: sso_region."),
    ("[default]\nsso_start_url = http://d-1.awsapps.com/start\nsso_region = us-east-1\n", [],
     "The sso_start_url must use the https scheme."),
], ids=["legacy-missing", "profile-session-missing", "option-session-missing",
        "session-without-region", "http-start-url"])
def test_configuration_errors(run_cli, home, stub, config, argv, message):
    _config(home, config)
    result = run_cli(["sso", "login", "--no-browser", *argv], environ=_environ(stub))
    assert result.exit_code == 253
    assert result.stderr.strip() == "awsmini: [ERROR]: An error occurred (Configuration): " \
        + message.strip()
    assert stub.requests == []


def test_unknown_profile(run_cli, home, stub):
    _config(home, LEGACY)
    result = run_cli(["sso", "login", "--profile", "nope"], environ=_environ(stub))
    assert result.exit_code == 255
    assert "The config profile (nope) could not be found" in result.stderr


def test_usage_errors_and_help(run_cli, home):
    result = run_cli(["sso", "login", "--bogus"])
    assert result.exit_code == 252
    assert "Unknown options: --bogus" in result.stderr
    result = run_cli(["sso", "login", "--sso-session"])
    assert result.exit_code == 252
    assert "--sso-session" in result.stderr
    page = run_cli(["sso", "login", "help"])
    assert page.exit_code == 0
    for option in ("--no-browser", "--use-device-code", "--sso-session <value>"):
        assert option in page.stdout
    page = run_cli(["sso", "logout", "help"])
    assert page.exit_code == 0 and "SYNOPSIS" in page.stdout
    listing = run_cli(["sso", "help"])
    assert "login" in listing.stdout and "logout" in listing.stdout


# ------------------------------------------------------------ logout

def test_logout_revokes_and_deletes_tokens_and_sso_credentials(run_cli, home, stub):
    cache = _cache(home)
    cache.mkdir(parents=True)
    (cache / "a.json").write_text(json.dumps({"accessToken": "token-a", "region": "us-east-1",
                                              "expiresAt": "2030-01-01T00:00:00Z"}))
    (cache / "b.json").write_text(json.dumps({"accessToken": "token-b",
                                              "expiresAt": "2030-01-01T00:00:00Z"}))
    (cache / "registration.json").write_text(json.dumps({"clientId": "c", "clientSecret": "s",
                                                         "expiresAt": "2030-01-01T00:00:00Z"}))
    (cache / "broken.json").write_text("{not json")
    credentials = home / ".aws" / "cli" / "cache"
    credentials.mkdir(parents=True)
    (credentials / "sso.json").write_text(json.dumps({"ProviderType": "sso"}))
    (credentials / "role.json").write_text(json.dumps({"Credentials": {}}))
    result = run_cli(["sso", "logout"], environ=_environ(stub))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert sorted(path.name for path in cache.iterdir()) == ["broken.json",
                                                             "registration.json"]
    assert [path.name for path in credentials.iterdir()] == ["role.json"]
    # only the token with a region is signed out; a failing sign-out is no error
    assert stub.operations() == ["POST /logout"]


def test_logout_ignores_a_service_error_and_runs_without_a_cache(run_cli, home, stub):
    assert run_cli(["sso", "logout"], environ=_environ(stub)).exit_code == 0
    cache = _cache(home)
    cache.mkdir(parents=True)
    (cache / "a.json").write_text(json.dumps({"accessToken": "old", "region": "eu-west-1"}))
    stub.answers["POST /logout"] = (401, {"__type": "UnauthorizedException"})
    result = run_cli(["sso", "logout"], environ=_environ(stub))
    assert (result.exit_code, result.stderr) == (0, "")
    assert list(cache.iterdir()) == []
