"""The two OAuth flows that get an IAM Identity Center access token, and its cache entry.

Follows v2's bundled botocore (`awscli/botocore/utils.py`: `SSOTokenFetcher`, the
device code grant, and `SSOTokenFetcherAuth`, the authorization code grant with
PKCE). Both register a public client with sso-oidc (or reuse the registration
cached under `ssocache.registration_cache_key`, until 15 minutes before it
expires), have the user authorize it, and exchange that for a token. The token is
cached under `ssocache.token_cache_key`, beside the registration it came from, in
the layout botocore's SSO token provider refreshes it from:

    {"startUrl", "region", "accessToken", "expiresAt", "clientId", "clientSecret",
     "registrationExpiresAt"[, "refreshToken"]}

`client` is a botocore sso-oidc client; `show` gets the URL (and the device code)
to show the user; `cache` is a mapping (`ssocache.token_cache`). The device flow
polls CreateToken every `interval` seconds (5 more after a SlowDown) until the
user confirms or the code expires. Errors: botocore's ClientErrors pass through
to the caller, which translates them; an expired authorization or a callback
without a code is OtherError (exit 255), with v2's botocore wording.
"""
from __future__ import annotations

import base64
import datetime
import hashlib
import secrets
import string
import time
import uuid
from typing import Any, Callable, MutableMapping, Protocol

from awsmini import ssocache
from awsmini.commands.sso.profile import SSOSettings
from awsmini.errors import OtherError

EXPIRY_WINDOW = 15 * 60  # seconds: a registration this close to expiry is made again
DEFAULT_INTERVAL = 5  # the device flow's polling interval, and its slow-down step (RFC 8628)
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
AUTH_GRANT_TYPES = ("authorization_code", "refresh_token")
DEFAULT_SCOPE = "sso:account:access"
AUTH_USER_AGENT = "md/sso#auth"
EXPIRED = ("The pending authorization to retrieve an SSO token has expired. The login flow to "
           "retrieve an SSO token must be restarted.")

Show = Callable[..., None]  # (userCode, verificationUri, verificationUriComplete, cross_device_flag)


class Callback(Protocol):
    """The loopback server the browser is sent back to (`browser.CallbackServer`)."""

    def redirect_uri_without_port(self) -> str: ...

    def redirect_uri_with_port(self) -> str: ...

    def wait_for_code(self) -> tuple[str | None, str | None]: ...


def utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _is_expired(entry: MutableMapping[str, Any], now: datetime.datetime) -> bool:
    expires = entry.get("expiresAt")
    if not isinstance(expires, datetime.datetime):
        from dateutil.parser import parse

        try:
            expires = parse(str(expires))
        except (ValueError, OverflowError):
            return True
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=datetime.timezone.utc)
    return (expires - now).total_seconds() < EXPIRY_WINDOW


def _client_name(session_name: str | None, now: datetime.datetime) -> str:
    # a legacy profile's client is named after the time of its registration
    return "botocore-client-%s" % (session_name if session_name is not None
                                   else int(now.timestamp()))


def _token(settings: SSOSettings, registration: dict, response: dict,
           now: datetime.datetime) -> dict:
    token = {
        "startUrl": settings.start_url,
        "region": settings.region,
        "accessToken": response["accessToken"],
        "expiresAt": now + datetime.timedelta(seconds=response["expiresIn"]),
        "clientId": registration["clientId"],
        "clientSecret": registration["clientSecret"],
        "registrationExpiresAt": registration["expiresAt"],
    }
    if "refreshToken" in response:
        token["refreshToken"] = response["refreshToken"]
    return token


def _error_code(error: Exception) -> str:
    return str(getattr(error, "response", {}).get("Error", {}).get("Code", ""))


def fetch_token(client: Any, settings: SSOSettings, resolved_start_url: str,
                cache: MutableMapping[str, Any], show: Show, callback: Callback | None,
                force_refresh: bool = True, now: Callable[[], datetime.datetime] = utc_now,
                sleep: Callable[[float], None] = time.sleep) -> dict:
    """A new token (cached, and returned): the authorization code flow when `callback`
    is given, else the device code flow. Without `force_refresh`, a cached token that
    is good for 15 minutes more is returned instead."""
    key = ssocache.token_cache_key(settings.start_url, settings.session_name)
    if not force_refresh and key in cache:
        try:
            cached = cache[key]
        except KeyError:
            cached = None
        if isinstance(cached, dict) and not _is_expired(cached, now()):
            return cached
    if callback is not None:
        token = _authorization_code_flow(client, settings, resolved_start_url, cache, show,
                                         callback, now)
    else:
        token = _device_code_flow(client, settings, resolved_start_url, cache, show, now,
                                  sleep)
    cache[key] = token
    return token


def _registration_key(settings: SSOSettings) -> str:
    scopes = list(settings.scopes) if settings.scopes is not None else None
    return ssocache.registration_cache_key(settings.start_url, settings.region, scopes,
                                           settings.session_name)


def _cached_registration(cache: MutableMapping[str, Any], key: str, for_auth_code: bool,
                         now: datetime.datetime) -> dict | None:
    if key not in cache:
        return None
    try:
        registration = cache[key]
    except KeyError:
        return None
    is_auth_code = "authorization_code" in registration.get("grantTypes", ())
    if _is_expired(registration, now) or is_auth_code != for_auth_code:
        return None
    return registration


def _registered(response: dict) -> dict:
    return {"clientId": response["clientId"], "clientSecret": response["clientSecret"],
            "expiresAt": datetime.datetime.fromtimestamp(response["clientSecretExpiresAt"],
                                                         datetime.timezone.utc)}


# ------------------------------------------------------------ device code

def _device_code_flow(client: Any, settings: SSOSettings, resolved_start_url: str,
                      cache: MutableMapping[str, Any], show: Show,
                      now: Callable[[], datetime.datetime],
                      sleep: Callable[[float], None]) -> dict:
    key = _registration_key(settings)
    registration = _cached_registration(cache, key, False, now())
    if registration is None:
        kwargs: dict[str, Any] = {"clientName": _client_name(settings.session_name, now()),
                                  "clientType": "public"}
        if settings.scopes:
            kwargs["scopes"] = list(settings.scopes)
        registration = _registered(client.register_client(**kwargs))
        if settings.scopes:
            registration["scopes"] = list(settings.scopes)
        cache[key] = registration
    response = client.start_device_authorization(
        clientId=registration["clientId"], clientSecret=registration["clientSecret"],
        startUrl=resolved_start_url)
    interval = response.get("interval", DEFAULT_INTERVAL)
    shown = False
    while True:
        token, interval = _device_token_attempt(client, settings, registration,
                                                response["deviceCode"], interval, now)
        if token is not None:
            return token
        if not shown:
            # a pre-authorized client gets its token at once, without being shown anything
            show(userCode=response["userCode"], verificationUri=response["verificationUri"],
                 verificationUriComplete=response["verificationUriComplete"],
                 cross_device_flag=None)
            shown = True
            continue
        sleep(interval)


def _device_token_attempt(client: Any, settings: SSOSettings, registration: dict,
                          device_code: str, interval: int,
                          now: Callable[[], datetime.datetime]) -> tuple[dict | None, int]:
    from botocore.exceptions import ClientError

    try:
        response = client.create_token(grantType=DEVICE_GRANT,
                                       clientId=registration["clientId"],
                                       clientSecret=registration["clientSecret"],
                                       deviceCode=device_code)
    except ClientError as error:
        code = _error_code(error)
        if code == "SlowDownException":
            return None, interval + DEFAULT_INTERVAL
        if code == "AuthorizationPendingException":
            return None, interval
        if code == "ExpiredTokenException":
            raise OtherError(EXPIRED) from error
        raise
    return _token(settings, registration, response, now()), interval


# ------------------------------------------------------------ authorization code

def code_verifier() -> str:
    """PKCE's secret: 64 characters of the URL-safe alphabet."""
    alphabet = string.ascii_letters + string.digits + "-._~"
    return "".join(secrets.choice(alphabet) for _ in range(64))


def code_challenge(verifier: str) -> str:
    """S256 of the verifier, URL-safe base64 without its padding."""
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _authorization_code_flow(client: Any, settings: SSOSettings, resolved_start_url: str,
                             cache: MutableMapping[str, Any], show: Show, callback: Callback,
                             now: Callable[[], datetime.datetime]) -> dict:
    from botocore.exceptions import ClientError

    verifier = code_verifier()
    key = _registration_key(settings)
    registration = _cached_registration(cache, key, True, now())
    if registration is None:
        scopes = list(settings.scopes) if settings.scopes else [DEFAULT_SCOPE]
        registration = _registered(client.register_client(
            clientName=_client_name(settings.session_name, now()), clientType="public",
            grantTypes=list(AUTH_GRANT_TYPES),
            redirectUris=[callback.redirect_uri_without_port()],
            issuerUrl=resolved_start_url, scopes=scopes))
        registration.update(scopes=scopes, grantTypes=list(AUTH_GRANT_TYPES))
        cache[key] = registration
    state = str(uuid.uuid4())
    url = authorization_url(client, registration["clientId"], settings.scopes,
                            callback.redirect_uri_with_port(), state, code_challenge(verifier))
    show(userCode=None, verificationUri=url, verificationUriComplete=url,
         cross_device_flag="--use-device-code")
    code, returned_state = callback.wait_for_code()
    if code is None:
        raise OtherError("Error loading authorization code: Failed to retrieve an "
                         "authorization code.")
    if returned_state != state:
        raise OtherError("Error loading authorization code: State parameter does not match "
                         "expected value.")
    try:
        response = client.create_token(
            grantType="authorization_code", clientId=registration["clientId"],
            clientSecret=registration["clientSecret"],
            redirectUri=callback.redirect_uri_with_port(), codeVerifier=verifier, code=code)
    except ClientError as error:
        if _error_code(error) == "ExpiredTokenException":
            raise OtherError(EXPIRED) from error
        raise
    return _token(settings, registration, response, now())


def authorization_url(client: Any, client_id: str, scopes: tuple[str, ...] | None,
                      redirect_uri: str, state: str, challenge: str) -> str:
    """The sign-in page's URL: sso-oidc's `/authorize`, which the model does not have, at
    the endpoint the client resolves."""
    from botocore.utils import percent_encode_sequence

    query = {"response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri,
             "state": state, "code_challenge_method": "S256",
             "scopes": " ".join(scopes) if scopes else DEFAULT_SCOPE}
    # the challenge is URL-safe already: v2 appends it as it is
    return "%s/authorize?%s&code_challenge=%s" % (endpoint_of(client),
                                                   percent_encode_sequence(query), challenge)


def endpoint_of(client: Any) -> str:
    """The scheme and host the client's requests go to, found by resolving one request
    (RegisterClient) that is answered before it is sent."""
    from urllib.parse import urlparse

    from botocore.awsrequest import AWSResponse

    found: list[str] = []

    def intercept(params: dict, **kwargs: Any) -> tuple:
        parsed = urlparse(params.get("url") or "")
        found.append("%s://%s" % (parsed.scheme, parsed.netloc))
        return AWSResponse(None, 200, {}, None), {}

    client.meta.events.register("before-call", intercept, unique_id="awsmini-sso-endpoint")
    try:
        client.register_client(clientName="temp", clientType="public")
    finally:
        client.meta.events.unregister("before-call", unique_id="awsmini-sso-endpoint")
    return found[0] if found else ""
