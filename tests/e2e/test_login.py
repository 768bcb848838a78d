"""`login` and `logout` (the console sign-in) against a stub of AWS Sign-In, which records
its requests: the authorization URL, the code exchanged with a DPoP proof, the token cached
where botocore's login credential provider reads it, the profile written, v2's messages.

`login` needs awscrt, an optional extra: the installed program runs with it on its path
(`PYTHONPATH`). No browser is opened: `BROWSER` is a stub that follows the redirect back to
the loopback server, or `--remote` reads the verification code from stdin."""
from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import urllib.parse

import pytest

from tests.conftest import CRT_DIRECTORY, awsmini_executable, isolated_environ
from tests.e2e.stub_server import start_stub

SESSION_ARN = "arn:aws:sts::123456789012:assumed-role/Dev/alice"


def _jwt(claims: dict) -> str:
    def part(value: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    return "%s.%s.signature" % (part({"alg": "none"}), part(claims))


TOKEN_OUTPUT = {"accessToken": {"accessKeyId": "ASIALOGIN", "secretAccessKey": "login-secret",
                                "sessionToken": "login-token"},
                "tokenType": "aws_sigv4", "expiresIn": 900, "refreshToken": "refresh-1",
                "idToken": _jwt({"sub": SESSION_ARN})}


@pytest.fixture
def signin():
    server, stop = start_stub({"POST /v1/token": (200, TOKEN_OUTPUT)})
    yield server
    stop()


def _environ(stub, **extra) -> dict:
    environ = {"AWS_ENDPOINT_URL_SIGNIN": stub.url, "AWS_ACCESS_KEY_ID": None,
               "AWS_SECRET_ACCESS_KEY": None, "PYTHONPATH": str(CRT_DIRECTORY)}
    environ.update(extra)
    return environ


def _run(home, stub, *argv, stdin=None, **extra) -> subprocess.Popen:
    return subprocess.Popen([awsmini_executable(), *argv],
                            env=isolated_environ(home, _environ(stub, **extra)), cwd=home,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _cache_file(home):
    key = hashlib.sha256(SESSION_ARN.encode()).hexdigest()
    return home / ".aws" / "login" / "cache" / (key + ".json")


def _config(home, text: str) -> None:
    (home / ".aws").mkdir(exist_ok=True)
    (home / ".aws" / "config").write_text(text)


def _check_exchange(stub, url: str, client: str, redirect: str) -> None:
    parsed = urllib.parse.urlsplit(url)
    assert "%s://%s%s" % (parsed.scheme, parsed.netloc, parsed.path) == stub.url + \
        "/v1/authorize"
    pairs = urllib.parse.parse_qsl(parsed.query)
    assert [key for key, _ in pairs] == ["response_type", "client_id", "state",
                                         "code_challenge_method", "scope", "redirect_uri",
                                         "code_challenge"]
    query = dict(pairs)
    assert (query["client_id"], query["code_challenge_method"], query["scope"],
            query["redirect_uri"]) == (client, "SHA-256", "openid", redirect)
    exchange = stub.requests[-1]
    assert exchange.path == "/v1/token"
    body = exchange.body
    assert (body["clientId"], body["grantType"], body["code"], body["redirectUri"]) == (
        client, "authorization_code", "the-code", redirect)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(
        body["codeVerifier"].encode()).digest()).decode().rstrip("=")
    assert query["code_challenge"] == challenge
    # the proof of possession: an ES256 JWT for this POST, with the public key in it
    proof = {key.lower(): value for key, value in exchange.headers.items()}["dpop"]
    header, payload, signature = proof.split(".")
    header = json.loads(base64.urlsafe_b64decode(header + "=="))
    payload = json.loads(base64.urlsafe_b64decode(payload + "=="))
    assert (header["typ"], header["alg"], header["jwk"]["crv"]) == ("dpop+jwt", "ES256",
                                                                    "P-256")
    assert (payload["htm"], payload["htu"]) == ("POST", stub.url + "/v1/token")
    assert len(base64.urlsafe_b64decode(signature + "==")) == 64


def _check_token(home) -> None:
    token = json.loads(_cache_file(home).read_text())
    assert list(token) == ["accessToken", "tokenType", "clientId", "refreshToken", "idToken",
                           "dpopKey"]
    assert token["accessToken"]["accountId"] == "123456789012"
    assert token["accessToken"]["accessKeyId"] == "ASIALOGIN"
    assert token["accessToken"]["expiresAt"].endswith("Z")
    assert token["dpopKey"].startswith("-----BEGIN EC PRIVATE KEY-----\n")


def test_remote_login_reads_the_verification_code(home, signin):
    _config(home, "[profile dev]\nregion = eu-west-1\n")
    process = _run(home, signin, "login", "--remote", "--profile", "dev")
    lines = [process.stdout.readline() for _ in range(4)]
    assert lines[:3] == ["Browser will not be automatically opened.\n",
                         "Please visit the following URL:\n", "\n"]
    url = lines[3].strip()
    state = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))["state"]
    code = base64.b64encode(("state=%s&code=the-code" % state).encode()).decode()
    out, err = process.communicate(code + "\n", timeout=60)
    assert (process.returncode, err) == (0, "")
    assert out == (
        "\nEnter the authorization code displayed in your browser: "
        "\nUpdated profile dev to use %s credentials.\n"
        'Use "--profile dev" to use the new credentials, such as "aws sts '
        'get-caller-identity --profile dev"\n' % SESSION_ARN)
    _check_exchange(signin, url, "arn:aws:signin:::devtools/cross-device",
                    signin.url + "/v1/sessions/confirmation")
    _check_token(home)
    assert (home / ".aws" / "config").read_text() == (
        "[profile dev]\nregion = eu-west-1\nlogin_session = %s\n" % SESSION_ARN)
    # botocore's login provider gives the session's credentials to any command
    exported = subprocess.run(
        [awsmini_executable(), "configure", "export-credentials", "--profile", "dev"],
        env=isolated_environ(home, _environ(signin)), cwd=home, capture_output=True,
        text=True, timeout=60)
    assert json.loads(exported.stdout)["AccessKeyId"] == "ASIALOGIN", exported.stderr


def test_same_device_login_asks_for_a_region(home, signin, tmp_path):
    follower = tmp_path / "follow.py"
    follower.write_text(
        "import sys, urllib.parse, urllib.request\n"
        "url = sys.argv[1]\n"
        "open(%r, 'w').write(url)\n"
        "q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))\n"
        "urllib.request.urlopen(q['redirect_uri'] + '?code=the-code&state=' + q['state'],"
        " timeout=10).read()\n" % str(tmp_path / "opened"))
    browser = tmp_path / "browser"
    browser.write_text("#!/bin/sh\n%s %s \"$1\" >/dev/null 2>&1 &\n" % (sys.executable,
                                                                     follower))
    browser.chmod(0o755)
    process = _run(home, signin, "login", BROWSER=str(browser), AWS_DEFAULT_REGION=None)
    out, err = process.communicate("\n", timeout=60)
    assert (process.returncode, err) == (0, "")
    url = (tmp_path / "opened").read_text()
    assert out.startswith("No AWS region has been configured.")
    assert out.endswith(
        "AWS Region [us-east-1]: "
        "Attempting to open your default browser. If the browser does not open, open the "
        "following URL.\nIf you are unable to open the URL on this device, run this command "
        "again with the '--remote' option.\n\n%s\n\n"
        "\nUpdated profile default to use %s credentials.\n" % (url, SESSION_ARN))
    redirect = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))["redirect_uri"]
    assert redirect.startswith("http://127.0.0.1:") and redirect.endswith("/oauth/callback")
    _check_exchange(signin, url, "arn:aws:signin:::devtools/same-device", redirect)
    _check_token(home)
    # the region asked for is written with the session
    assert (home / ".aws" / "config").read_text() == (
        "[default]\nlogin_session = %s\nregion = us-east-1\n" % SESSION_ARN)


def test_a_forged_state_is_refused(home, signin):
    process = _run(home, signin, "login", "--remote")
    for _ in range(4):
        process.stdout.readline()
    code = base64.b64encode(b"state=forged&code=c").decode()
    out, err = process.communicate(code + "\n", timeout=60)
    assert process.returncode == 255
    assert "State parameter forged does not match expected value" in err
    assert [r.path for r in signin.requests] == []
    assert not (home / ".aws" / "config").exists()


def test_an_expired_code(home, signin):
    signin.answers["POST /v1/token"] = (400, {"__type": "AccessDeniedException",
                                              "error": "AUTHCODE_EXPIRED", "message": "x"})
    process = _run(home, signin, "login", "--remote")
    url = [process.stdout.readline() for _ in range(4)][3].strip()
    state = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))["state"]
    code = base64.b64encode(("state=%s&code=c" % state).encode()).decode()
    _, err = process.communicate(code + "\n", timeout=60)
    assert process.returncode == 255
    assert err.strip().endswith(
        "Error loading or redeeming a login authorization code: Unable to complete the login "
        "process due to an expired authorization code. Please reauthenticate using 'aws "
        "login'.")


def test_a_profile_with_other_credentials_is_refused(home, signin):
    (home / ".aws").mkdir()
    (home / ".aws" / "credentials").write_text("[ci]\naws_access_key_id = AKID\n"
                                               "aws_secret_access_key = s\n")
    process = _run(home, signin, "login", "--profile", "ci")
    out, err = process.communicate("", timeout=60)
    assert process.returncode == 253
    assert err == ("\nawsmini: [ERROR]: An error occurred (Configuration): Profile 'ci' is "
                   "already configured with Access Key credentials.\n\nYou may run 'aws login "
                   "--profile new-profile-name' to create a new profile with the specified "
                   "name. Otherwise you must first manually remove the existing credentials "
                   "from 'ci'.\n")


def test_without_awscrt(run_cli, home):
    import importlib.util

    if importlib.util.find_spec("awscrt") is not None:
        pytest.skip("awscrt is installed here")
    result = run_cli(["login"])
    assert result.exit_code == 255
    assert "aws login needs the awscrt package" in result.stderr


def test_help(run_cli, home):
    page = run_cli(["login", "help"])
    assert page.exit_code == 0 and "--remote" in page.stdout
    page = run_cli(["logout", "help"])
    assert page.exit_code == 0 and "--all" in page.stdout
    result = run_cli(["logout", "--bogus"])
    assert result.exit_code == 252
    # no subcommands: a word is an unknown option, not an invalid choice
    result = run_cli(["login", "extra"])
    assert result.exit_code == 252
    assert "Unknown options: extra" in result.stderr


# ------------------------------------------------------------ logout

def _session_file(home, session: str, contents: dict):
    cache = home / ".aws" / "login" / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / (hashlib.sha256(session.encode()).hexdigest() + ".json")
    path.write_text(json.dumps(contents))
    return path


def test_logout_of_the_profile(run_cli, home):
    _config(home, "[profile dev]\nlogin_session = %s\n" % SESSION_ARN)
    path = _session_file(home, SESSION_ARN, {"accessToken": {"accessKeyId": "A"}})
    other = _session_file(home, "arn:other", {"accessToken": {"accessKeyId": "B"}})
    result = run_cli(["logout", "--profile", "dev"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Removed cached login credentials for profile 'dev'. Note, any local developer tools "
        "that have already loaded the access token may continue to use it until its "
        "expiration. Access tokens expire in 15 minutes.\n")
    assert not path.exists() and other.exists()
    result = run_cli(["logout"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "warning: no login session found for profile 'default'\n"


def test_logout_all(run_cli, home):
    _session_file(home, "arn:a", {"accessToken": {"accessKeyId": "A"}})
    _session_file(home, "arn:b", {"accessToken": {"accessKeyId": "B"}})
    kept = _session_file(home, "arn:c", {"accessToken": "not a login token"})
    result = run_cli(["logout", "--all"], environ={"AWS_LOGIN_CACHE_DIRECTORY": None})
    assert result.stdout == (
        "Removed 2 cached login credentials. Note, any local developer tools that have "
        "already loaded access tokens may continue to use them until their expiration. "
        "Access tokens expire in 15 minutes.\n")
    assert [path.name for path in kept.parent.iterdir()] == [kept.name]
    assert run_cli(["logout", "--all"]).stdout == "No cached login session tokens found.\n"


def test_logout_reads_the_cache_directory_variable(run_cli, home):
    moved = home / "elsewhere"
    moved.mkdir()
    (moved / "x.json").write_text(json.dumps({"accessToken": {"accessKeyId": "A"}}))
    result = run_cli(["logout", "--all"], environ={"AWS_LOGIN_CACHE_DIRECTORY": str(moved)})
    assert result.stdout.startswith("Removed 1 cached login credential. ")
    assert list(moved.iterdir()) == []

