"""The IAM Identity Center settings a sign-in needs, from the config file, and the start URL.

`sso_settings(full, scoped, sso_session)` follows v2's `BaseSSOCommand._get_sso_config`
(`awscli/customizations/sso/utils.py`): the `[sso-session NAME]` section that
`--sso-session` or the profile's `sso_session` names, else the profile's own
`sso_start_url` and `sso_region` (the legacy form). `resolve_start_url` follows
`sso/resolve.py`: a start URL on an AWS-owned domain is used as it is; any other
(a vanity URL) is followed through one redirect to the AWS-owned URL it stands for,
whose host may name the region. Errors are v2's ConfigurationErrors (exit 253).
"""
from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from typing import Any, Mapping

from awsmini.errors import ConfigurationError

REQUIRED = ("sso_start_url", "sso_region")


@dataclass(frozen=True)
class SSOSettings:
    start_url: str
    region: str
    session_name: str | None = None  # None: a legacy profile
    scopes: tuple[str, ...] | None = None  # sso_registration_scopes, when set


def parse_scopes(raw: str) -> list[str]:
    """`sso_registration_scopes`: comma-separated, blanks dropped."""
    return [scope.strip() for scope in raw.split(",") if scope.strip()]


def sso_settings(sso_sessions: Mapping[str, Mapping[str, Any]], scoped: Mapping[str, Any],
                 sso_session: str | None = None) -> SSOSettings:
    """The start URL, region, session and scopes to sign in with."""
    name = sso_session if sso_session is not None else scoped.get("sso_session")
    if not name:
        missing = [key for key in REQUIRED if key not in scoped]
        if missing:
            raise ConfigurationError(
                "Missing the following required SSO configuration values: %s. To make sure "
                "this profile is properly configured to use SSO, please run: aws configure "
                "sso" % ", ".join(missing))
        return SSOSettings(scoped["sso_start_url"], scoped["sso_region"])
    if name not in sso_sessions:
        raise ConfigurationError('The specified sso-session does not exist: "%s"' % name)
    section = sso_sessions[name]
    missing = [key for key in REQUIRED if key not in section]
    if missing:
        # v2's message ends with a space here
        raise ConfigurationError("Missing the following required SSO configuration values: "
                                 "%s. " % ", ".join(missing))
    raw_scopes = section.get("sso_registration_scopes")
    scopes = tuple(parse_scopes(raw_scopes)) if isinstance(raw_scopes, str) else None
    return SSOSettings(section["sso_start_url"], section["sso_region"], name, scopes)


# ------------------------------------------------------------ start URLs

# The domains of IAM Identity Center's own start URLs (v2's sso/resolve.py)
_OWNED_SUFFIXES = (".app.aws", ".portal.amazonaws.com", ".portal.amazonaws.com.cn",
                   ".app.amazonwebservices.com.cn", ".portal.amazonaws.eu",
                   ".api.amazonwebservices.eu", ".awsapps.com", ".awsapps.cn")
_OWNED_HOSTS = ("identitycenter.amazonaws.com", "identitycenter.amazonaws.com.cn",
                "identitycenter.amazonaws.eu", "identitycenter.us-gov.amazonaws.com")
# hosts whose name carries the region: ID.portal.REGION.app.aws, ID.REGION.portal.amazonaws.com, ...
_REGIONAL_HOSTS = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    r"^[^.]+\.portal\.(?P<region>[a-z0-9-]+)\.app\.aws$",
    r"^[^.]+\.(?P<region>[a-z0-9-]+)\.portal\.amazonaws\.com$",
    r"^[^.]+\.(?P<region>[a-z0-9-]+)\.portal\.amazonaws\.com\.cn$",
    r"^[^.]+\.portal\.(?P<region>[a-z0-9-]+)\.app\.amazonwebservices\.com\.cn$",
    r"^[^.]+\.(?P<region>[a-z0-9-]+)\.portal\.amazonaws\.eu$",
    r"^[^.]+\.portal\.(?P<region>[a-z0-9-]+)\.api\.amazonwebservices\.eu$",
))
_REDIRECTS = (301, 302, 303, 307, 308)
_DEFAULT_TIMEOUT = 10


def is_aws_owned(hostname: str) -> bool:
    """Whether a start URL's host is one of IAM Identity Center's own."""
    host = hostname.lower().rstrip(".")
    return host in _OWNED_HOSTS or any(
        host == suffix[1:] or host.endswith(suffix) for suffix in _OWNED_SUFFIXES)


def region_of_host(hostname: str) -> str | None:
    host = hostname.lower().rstrip(".")
    for pattern in _REGIONAL_HOSTS:
        match = pattern.match(host)
        if match:
            return match.group("region")
    return None


def resolve_start_url(start_url: str, configured_region: str | None,
                      timeout: float | None = None, verify: Any = None) -> tuple[str, str]:
    """The start URL to authorize with and the region to sign in to."""
    parsed = urllib.parse.urlparse(start_url)
    if parsed.scheme != "https":
        raise ConfigurationError("The sso_start_url must use the https scheme.")
    if not parsed.hostname:
        raise ConfigurationError("Invalid sso_start_url: '%s'" % start_url)
    if is_aws_owned(parsed.hostname):
        if not configured_region:
            raise ConfigurationError("Missing required configuration: sso_region. Please run "
                                     "'aws configure sso' to set it.")
        return start_url, configured_region
    resolved = _normalized(_follow_redirect(start_url, timeout or _DEFAULT_TIMEOUT, verify))
    resolved_parts = urllib.parse.urlparse(resolved)
    if not resolved_parts.hostname or not is_aws_owned(resolved_parts.hostname):
        raise ConfigurationError("Could not resolve start URL '%s' to an AWS-owned endpoint. "
                                 "Final URL: '%s'" % (start_url, resolved))
    if resolved_parts.scheme != "https":
        raise ConfigurationError("Resolved URL must use https. Got: '%s'" % resolved)
    region = region_of_host(resolved_parts.hostname) or configured_region
    if not region:
        raise ConfigurationError("Cannot determine region from start URL '%s'. Please provide "
                                 "sso_region in your configuration." % start_url)
    return resolved, region


def _normalized(url: str) -> str:
    """Scheme, host, a port other than the scheme's, and the path without its final `/`."""
    parsed = urllib.parse.urlparse(url)
    netloc = parsed.hostname or ""
    if parsed.port and parsed.port != {"https": 443, "http": 80}.get(parsed.scheme):
        netloc = "%s:%d" % (netloc, parsed.port)
    return urllib.parse.urlunparse((parsed.scheme, netloc, parsed.path.rstrip("/"), "", "", ""))


def _follow_redirect(url: str, timeout: float, verify: Any) -> str:
    """Where one HEAD (or, refused, GET) request to `url` redirects to; `url` itself
    when it does not redirect."""
    import ssl
    import urllib.error
    import urllib.request

    class NoRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    context = ssl.create_default_context()
    if verify is False:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    elif isinstance(verify, str):
        context.load_verify_locations(cafile=verify)
    opener = urllib.request.build_opener(NoRedirects, urllib.request.HTTPSHandler(
        context=context))
    for method in ("HEAD", "GET"):
        try:
            opener.open(urllib.request.Request(url, method=method), timeout=timeout).close()
            return url
        except urllib.error.HTTPError as error:
            if error.code in _REDIRECTS:
                location = error.headers.get("Location")
                if not location:
                    raise ConfigurationError(
                        "Redirect response missing Location header.") from None
                return urllib.parse.urljoin(url, location)
            if method == "GET" or error.code not in (405, 501):
                raise ConfigurationError(
                    "Failed to resolve start URL: HTTP %d" % error.code) from None
        except (urllib.error.URLError, OSError) as error:
            raise ConfigurationError("Failed to resolve start URL: %s"
                                     % getattr(error, "reason", error)) from None
    return url
