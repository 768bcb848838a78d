"""`sso login`: sign in to IAM Identity Center and cache the token, as v2's `sso/login.py`.

Reads the profile's (or `--sso-session`'s) start URL and region (`profile.py`),
resolves a vanity start URL, runs the sign-in flow (`flows.py`; the authorization
code flow for an sso-session, the device code flow for a legacy profile or with
`--use-device-code`), and prints v2's lines. The sso-oidc client is unsigned and
made from the profile's settings without `--endpoint-url` (v2 does not pass it on:
`AWS_ENDPOINT_URL_SSO_OIDC` and the `services` section apply). `sign_in` is
shared with `configure sso`.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Mapping

from awsmini import ssocache
from awsmini.commands import Context
from awsmini.commands.configure import names
from awsmini.commands.configure.files import config_files, read_full_config
from awsmini.commands.configure.getset import write_values
from awsmini.commands.sso import browser, flows
from awsmini.commands.sso.profile import SSOSettings, resolve_start_url, sso_settings
from awsmini.errors import OtherError


def run_login(args: Mapping[str, Any], context: Context) -> int:
    environ = context.env.environ
    full = read_full_config(config_files(environ))
    try:
        scoped = names.scoped_config(context.settings.named_profile, full)
    except names.ProfileNotFound as error:
        raise OtherError("The config profile (%s) could not be found" % error.args[0]) from error
    settings = sso_settings(full.sso_sessions, scoped, args["sso-session"])
    resolved_url, region = resolve_start_url(settings.start_url, settings.region,
                                             timeout=context.options.connect_timeout,
                                             verify=verify_setting(context))
    sign_in(context, dataclasses.replace(settings, region=region), resolved_url,
            no_browser=args["no-browser"], use_device_code=args["use-device-code"])
    if region != settings.region:  # written only once the sign-in worked, as v2
        _write_region(context, settings, region)
        context.write("SSO region updated to %s\n" % region)
    context.write("Successfully logged into Start URL: %s\n" % settings.start_url)
    return 0


def verify_setting(context: Context) -> Any:
    """TLS verification as v2 passes it to its own requests: off, a CA bundle, or None."""
    if not context.options.verify_ssl:
        return False
    return context.options.ca_bundle or context.settings.get("ca_bundle") or None


def sso_client(context: Context, service: str, region: str, without_profile: bool = False,
               **config: Any) -> Any:
    """An unsigned client of `service` (sso, sso-oidc) in the SSO region; made
    `without_profile` for `configure sso`, whose profile may not exist yet (v2 unsets
    the session's profile there)."""
    from awsmini.call import create_service_client
    from awsmini.settings import Settings

    options = dataclasses.replace(context.options, endpoint_url=None, sign_request=False)
    environ, settings = context.env.environ, context.settings
    if without_profile:
        options = dataclasses.replace(options, profile=None)
        environ = {key: value for key, value in environ.items()
                   if key not in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE")}
        settings = Settings(options, environ)
    return create_service_client(service, options, settings, environ, region=region,
                                 config=config)


def sign_in(context: Context, settings: SSOSettings, resolved_url: str | None = None,
            no_browser: bool = False, use_device_code: bool = False,
            force_refresh: bool = True, without_profile: bool = False) -> dict:
    """A new token, cached in `~/.aws/sso/cache` (without `force_refresh`, the cached
    one while it is good)."""
    from awsmini.call import translate_errors

    show = (browser.printing_only(context.write) if no_browser
            else browser.opening_browser(context.write))
    is_auth_code = bool(settings.session_name) and not use_device_code
    extra = {"user_agent_extra": flows.AUTH_USER_AGENT} if is_auth_code else {}
    client = sso_client(context, "sso-oidc", settings.region, without_profile, **extra)
    callback = browser.CallbackServer() if is_auth_code else None
    try:
        with translate_errors():
            return flows.fetch_token(
                client, settings, resolved_url or settings.start_url,
                ssocache.token_cache(context.env.environ), show, callback, force_refresh)
    finally:
        if callback is not None:
            callback.close()


def _write_region(context: Context, settings: SSOSettings, region: str) -> None:
    # v2 writes a legacy profile's region to `[profile NAME]`, `default` included
    section = ("sso-session %s" % settings.session_name if settings.session_name
               else "profile %s" % (context.settings.named_profile or "default"))
    write_values(config_files(context.env.environ).config, section, {"sso_region": region})
