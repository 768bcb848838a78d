"""`login`: the console sign-in for local development, as v2's `customizations/login/`.

The run: the region (`--region`, the profile's, else asked for: then it is
written to the profile too), the profile (`--profile`, else `default`; refused
when it already holds credentials of another kind), an unsigned AWS Sign-In
client (`--endpoint-url` applies, as in v2), a new P-256 key (awscrt), and the
OAuth authorization code flow with PKCE:

* same device (the default): a browser opens `/v1/authorize`, which sends the
  code back to the loopback server of `sso/browser.py`;
* `--remote`: the URL is printed, and the page's verification code (base64 of
  `state=...&code=...`) is read back from stdin.

The code is exchanged with CreateOAuth2Token, signed with a DPoP proof of the
key; the token (credentials, refresh token, ID token, the key in PEM form) is
cached under the sha256 of the login session's ARN (the ID token's `sub`), where
botocore's login credential provider finds and refreshes it, and the profile's
`login_session` names that ARN.
"""
from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import json
import textwrap
import time
import urllib.parse
import uuid
from typing import Any, Mapping

from awsmini import ssocache
from awsmini.commands import Context
from awsmini.commands.configure.files import FullConfig, config_files, read_full_config
from awsmini.commands.configure.getset import write_values
from awsmini.commands.sso import browser
from awsmini.commands.sso.flows import code_challenge, code_verifier
from awsmini.errors import ConfigurationError, OtherError

CLIENT_IDS = {"same-device": "arn:aws:signin:::devtools/same-device",
              "cross-device": "arn:aws:signin:::devtools/cross-device"}
DEFAULT_REGION = "us-east-1"
REGION_HELP = (
    "No AWS region has been configured. The AWS region is the geographic location of your "
    "AWS resources.\n\nIf you have used AWS before and already have resources in your "
    "account, specify which region they were created in. If you have not created resources "
    "in your account before, you can pick the region closest to you: "
    "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html.\n\n"
    "You are able to change the region in the CLI at any time with the command \"aws "
    "configure set region NEW_REGION\".\n")
CODE_ERROR = "Error loading or redeeming a login authorization code: %s "
# the kinds of credentials a profile may already have, checked in v2's order
CREDENTIAL_KINDS = (("web_identity_token_file", "Web Identity"), ("sso_role_name", "SSO"),
                    ("sso_account_id", "SSO"), ("aws_access_key_id", "Access Key"),
                    ("role_arn", "Assume Role"), ("credential_process", "Credential Process"))


def run_login(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.rsakeys import require_awscrt

    crypto = require_awscrt("aws login")
    full = read_full_config(config_files(context.env.environ))
    profile = context.settings.named_profile or "default"
    region, prompted = _region(context, full, profile)
    _refuse_other_credentials(full, profile)
    client = _signin_client(context, region, profile in full.profiles)
    key = crypto.EC.new_generate(crypto.ECType.P_256)
    kind = "cross-device" if args["remote"] else "same-device"
    token, session_id = _fetch_token(client, key, kind, context)
    current = full.profiles.get(profile, {}).get("login_session")
    if current is not None and current != session_id and not _yes(context, (
            "\nProfile %s is already configured to use session %s. Do you want to overwrite "
            "it to use %s instead? (y/n): " % (profile, current, session_id))):
        return 0
    ssocache.login_cache(context.env.environ)[ssocache.login_cache_key(session_id)] = token
    values = {"login_session": session_id}
    if prompted:
        values["region"] = region
    section = "default" if profile == "default" else "profile %s" % profile
    write_values(config_files(context.env.environ).config, section, values)
    context.write("\nUpdated profile %s to use %s credentials.\n" % (profile, session_id))
    if profile != "default":
        context.write('Use "--profile %s" to use the new credentials, such as "aws sts '
                      'get-caller-identity --profile %s"\n' % (profile, profile))
    return 0


def _region(context: Context, full: FullConfig, profile: str) -> tuple[str, bool]:
    """The region, and whether it was asked for."""
    region = (context.options.region or context.env.environ.get("AWS_REGION")
              or context.env.environ.get("AWS_DEFAULT_REGION")
              or full.profiles.get(profile, {}).get("region"))
    if region:
        return region, False
    from awsmini.commands.configure.ssoprompt import Prompter, required_validator

    context.write(REGION_HELP)
    answer = Prompter(context.env).get_value(DEFAULT_REGION, "AWS Region",
                                             completions=_all_regions(),
                                             validator=required_validator(DEFAULT_REGION))
    return answer or DEFAULT_REGION, True


def _all_regions() -> list[str]:
    from botocore.loaders import Loader

    return [region for partition in Loader().load_data("partitions")["partitions"]
            for region in partition["regions"]]


def _refuse_other_credentials(full: FullConfig, profile: str) -> None:
    config = full.profiles.get(profile, {})
    for key, kind in CREDENTIAL_KINDS:
        if key in config:
            raise ConfigurationError(
                "Profile '%s' is already configured with %s credentials.\n\nYou may run 'aws "
                "login --profile new-profile-name' to create a new profile with the specified "
                "name. Otherwise you must first manually remove the existing credentials from "
                "'%s'.\n" % (profile, kind, profile))


def _signin_client(context: Context, region: str, profile_exists: bool) -> Any:
    """An unsigned Sign-In client; made without the profile when it does not exist yet
    (v2 adds an empty one to its session)."""
    import dataclasses

    from awsmini.call import create_service_client
    from awsmini.settings import Settings

    options = dataclasses.replace(context.options, sign_request=False)
    environ, settings = context.env.environ, context.settings
    if not profile_exists:
        options = dataclasses.replace(options, profile=None)
        environ = {key: value for key, value in environ.items()
                   if key not in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE")}
        settings = Settings(options, environ)
    return create_service_client("signin", options, settings, environ, region=region)


def _fetch_token(client: Any, key: Any, kind: str, context: Context) -> tuple[dict, str]:
    """The token to cache and the login session's ARN."""
    from awsmini.call import translate_errors

    verifier, state = code_verifier(), str(uuid.uuid4())
    with translate_errors():
        base = _base_uri(client)
        callback = browser.CallbackServer() if kind == "same-device" else None
        try:
            redirect = (callback.redirect_uri_with_port() if callback is not None
                        else base + "/v1/sessions/confirmation")
            url = authorization_url(base, CLIENT_IDS[kind], state, code_challenge(verifier),
                                    redirect)
            shown = dict(userCode=None, verificationUri=url, verificationUriComplete=url,
                         cross_device_flag="--remote")
            if callback is not None:
                browser.opening_browser(context.write)(**shown)
                code, returned = callback.wait_for_code()
            else:
                browser.printing_only(context.write)(**shown)
                code, returned = _pasted_code(context)
        finally:
            if callback is not None:
                callback.close()
        if code is None:
            raise OtherError(CODE_ERROR % "Failed to retrieve an authorization code.")
        if returned != state:
            raise OtherError(CODE_ERROR % ("State parameter %s does not match expected value "
                                           "%s." % (returned, state)))
        return _exchange(client, key, CLIENT_IDS[kind], code, verifier, redirect)


def authorization_url(base: str, client_id: str, state: str, challenge: str,
                      redirect_uri: str) -> str:
    from botocore.utils import percent_encode_sequence

    query = {"response_type": "code", "client_id": client_id, "state": state,
             "code_challenge_method": "SHA-256", "scope": "openid",
             "redirect_uri": redirect_uri}
    return "%s/v1/authorize?%s&code_challenge=%s" % (base, percent_encode_sequence(query),
                                                      challenge)


def _base_uri(client: Any) -> str:
    """Scheme and host of the client's endpoint, from a CreateOAuth2Token answered before
    it is sent."""
    from botocore.awsrequest import AWSResponse

    found: list[str] = []

    def intercept(params: dict, **kwargs: Any) -> tuple:
        parsed = urllib.parse.urlparse(params.get("url") or "")
        found.append("%s://%s" % (parsed.scheme, parsed.netloc))
        return AWSResponse(None, 200, {}, None), {}

    client.meta.events.register("before-call", intercept, unique_id="awsmini-signin-base")
    try:
        client.create_o_auth2_token(tokenInput={"clientId": " ", "grantType": " "})
    finally:
        client.meta.events.unregister("before-call", unique_id="awsmini-signin-base")
    return found[0] if found else ""


def _pasted_code(context: Context) -> tuple[str | None, str | None]:
    """The code and state of the verification code pasted from the browser."""
    context.write("\nEnter the authorization code displayed in your browser: ")
    line = context.env.stdin.readline().strip()
    if not line:
        return None, None
    try:
        query = base64.b64decode(line).decode("utf-8")
    except (UnicodeDecodeError, binascii.Error):
        raise OtherError("Failed to decode the verification code.") from None
    params = dict(urllib.parse.parse_qsl(query))
    if "state" not in params or "code" not in params:
        raise OtherError("Failed to retrieve an auth_code or state from the verification code")
    return params["code"], params["state"]


def _exchange(client: Any, key: Any, client_id: str, code: str, verifier: str,
              redirect_uri: str) -> tuple[dict, str]:
    from botocore.exceptions import ClientError

    body = {"clientId": client_id, "grantType": "authorization_code", "code": code,
            "codeVerifier": verifier, "redirectUri": redirect_uri}

    def add_proof(params: dict, **kwargs: Any) -> None:
        params["headers"]["DPoP"] = dpop_proof(key, params["url"])

    client.meta.events.register("before-call.signin.CreateOAuth2Token", add_proof)
    try:
        response = client.create_o_auth2_token(tokenInput=body)
    except ClientError as error:
        denial = error.response.get("error", "")
        if denial == "AUTHCODE_EXPIRED":
            raise OtherError(CODE_ERROR % (
                "Unable to complete the login process due to an expired authorization code. "
                "Please reauthenticate using 'aws login'.")) from error
        if denial == "INSUFFICIENT_PERMISSIONS":
            raise OtherError(
                "Unable to create or refresh login credentials due to insufficient "
                "permissions. You may be missing permission for the "
                "'signin:CreateOAuth2Token' action.") from error
        raise
    output = (response or {}).get("tokenOutput")
    if not output:
        raise OtherError(CODE_ERROR % "Failed to retrieve an access token.")
    session_id = _subject(output["idToken"])
    expires = (datetime.datetime.now(datetime.timezone.utc)
               + datetime.timedelta(seconds=output["expiresIn"]))
    credentials = output["accessToken"]
    token = {
        "accessToken": {
            "accessKeyId": credentials["accessKeyId"],
            "secretAccessKey": credentials["secretAccessKey"],
            "sessionToken": credentials["sessionToken"],
            "accountId": _account_of(session_id),
            "expiresAt": expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
        "tokenType": output["tokenType"],
        "clientId": client_id,
        "refreshToken": output["refreshToken"],
        "idToken": output["idToken"],
        "dpopKey": _pem(key),
    }
    return token, session_id


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def dpop_proof(key: Any, uri: str) -> str:
    """RFC 9449's proof for a POST to `uri`: a JWT signed (ES256) with the session's key,
    its public half in the header."""
    from awscrt.crypto import EC

    x, y = key.get_public_coords()
    header = {"typ": "dpop+jwt", "alg": "ES256",
              "jwk": {"kty": "EC", "x": _b64url(x), "y": _b64url(y), "crv": "P-256"}}
    payload = {"htm": "POST", "htu": uri, "iat": int(time.time()), "jti": str(uuid.uuid4())}
    signing_input = "%s.%s" % (_b64url(json.dumps(header, separators=(",", ":")).encode()),
                               _b64url(json.dumps(payload, separators=(",", ":")).encode()))
    signature = key.sign(hashlib.sha256(signing_input.encode()).digest())
    return "%s.%s" % (signing_input,
                      _b64url(EC.decode_der_signature_to_padded_pair(signature, pad_to=32)))


def _subject(id_token: str) -> str:
    parts = id_token.split(".")
    if len(parts) != 3:
        raise OtherError("Invalid JWT token - cannot extract payload")
    try:
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (ValueError, binascii.Error):
        raise OtherError("Invalid JWT token - cannot extract payload") from None
    if not isinstance(payload, dict) or "sub" not in payload:
        raise OtherError("Invalid JWT token - missing sub")
    return str(payload["sub"])


def _account_of(arn: str) -> str:
    parts = arn.split(":", 5)
    if len(parts) < 6 or parts[0] != "arn":
        raise OtherError("Provided ARN: %s must be of the format arn:partition:service:region:"
                         "account:resource" % arn)
    return parts[4]


def _pem(key: Any) -> str:
    from awscrt.crypto import ECExportFormat

    body = base64.b64encode(key.export_key(ECExportFormat.SEC1)).decode("utf-8")
    return ("-----BEGIN EC PRIVATE KEY-----\n%s\n-----END EC PRIVATE KEY-----\n"
            % textwrap.fill(body, width=64))


def _yes(context: Context, question: str) -> bool:
    """v2's yes/no question, asked again until answered; the end of stdin is no."""
    while True:
        context.write(question)
        line = context.env.stdin.readline()
        if not line:
            return False
        answer = line.strip().lower()
        if answer in ("y", "yes"):
            return True
        if answer in ("n", "no"):
            return False
        context.write('Invalid response. Please enter "y" or "n"\n')

