"""The credential caches v2 shares with botocore, as files botocore itself reads.

Two directories (named by `configpaths`): `~/.aws/sso/cache` holds IAM Identity
Center access tokens, under the sha1 of the sso-session's name (or of the start
URL for a legacy profile), and client registrations, under the sha1 of their
parameters; `~/.aws/cli/cache` holds temporary credentials of assume-role, web
identity and SSO roles, under botocore's fetchers' keys. Both are botocore's
`JSONFileCache`; the token cache writes times as `2026-12-04T21:07:15Z`, as v2's
`customizations/sso/utils.py` and botocore's token provider write them, so that
`aws`, botocore and awsmini read each other's files. Imports botocore's utilities
only when a cache is made.
"""
from __future__ import annotations

import datetime
import hashlib
import json
from typing import Any, Mapping

from awsmini import configpaths


def _utc_timestamp(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    return value


def sso_json_dumps(value: Any) -> str:
    """A token or registration as v2 writes it (keys in insertion order, `Z` times)."""
    return json.dumps(value, default=_utc_timestamp)


def token_cache(environ: Mapping[str, str]) -> Any:
    """The IAM Identity Center token cache of the environment's HOME."""
    from botocore.utils import JSONFileCache

    return JSONFileCache(configpaths.sso_token_cache_dir(environ), dumps_func=sso_json_dumps)


def credentials_cache(environ: Mapping[str, str]) -> Any:
    """The temporary-credentials cache of the environment's HOME."""
    from botocore.utils import JSONFileCache

    return JSONFileCache(configpaths.credentials_cache_dir(environ))


def login_cache(environ: Mapping[str, str]) -> Any:
    """The cache of `aws login`'s session tokens (botocore's LoginProvider reads it)."""
    from botocore.utils import JSONFileCache

    return JSONFileCache(configpaths.login_token_cache_dir(environ))


def login_cache_key(session_name: str) -> str:
    """A login session's file name: the sha256 of its ARN (botocore's key)."""
    return hashlib.sha256(session_name.encode("utf-8")).hexdigest()


def token_cache_key(start_url: str, session_name: str | None) -> str:
    """The file name (without `.json`) of a token: by sso-session, else by start URL."""
    key = session_name if session_name is not None else start_url
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def registration_cache_key(start_url: str, region: str, scopes: Any,
                           session_name: str | None) -> str:
    """The file name of a client registration, unique to what was registered (v2's
    botocore `BaseSSOTokenFetcher._registration_cache_key`)."""
    args = {"tool": "botocore", "startUrl": start_url, "region": region, "scopes": scopes,
            "session_name": session_name}
    return hashlib.sha1(json.dumps(args, sort_keys=True).encode("utf-8")).hexdigest()
