"""`sso logout`: revoke and delete every cached token, and the credentials got with them.

As v2's `sso/logout.py`: each JSON file of `~/.aws/sso/cache` that holds an
`accessToken` is signed out with the sso service's Logout in the token's region
(a service error there is only logged: the token may have expired) and deleted;
client registrations stay. Then each file of `~/.aws/cli/cache` whose
`ProviderType` is `sso` is deleted; assume-role credentials stay. Files that are
not JSON are left alone; their contents are never logged (they hold secrets).
"""
from __future__ import annotations

import json
import logging
import os
from typing import Any, Callable, Mapping

from awsmini import configpaths
from awsmini.commands import Context
from awsmini.errors import OtherError

LOG = logging.getLogger(__name__)


def run_logout(args: Mapping[str, Any], context: Context) -> int:
    environ = context.env.environ
    clients: dict[str, Any] = {}

    def sign_out(contents: dict) -> None:
        region = contents.get("region")
        if not region:
            return
        from botocore.exceptions import ClientError

        from awsmini.call import translate_errors
        from awsmini.commands.sso.login import sso_client

        if region not in clients:
            clients[region] = sso_client(context, "sso", region)
        with translate_errors():  # a connection failure ends the run, as in v2
            try:
                clients[region].logout(accessToken=contents["accessToken"])
            except ClientError:
                LOG.debug("Failed to call logout API:", exc_info=True)

    _sweep(configpaths.sso_token_cache_dir(environ),
           lambda contents: "accessToken" in contents, sign_out)
    _sweep(configpaths.credentials_cache_dir(environ),
           lambda contents: contents.get("ProviderType") == "sso")
    return 0


def _sweep(directory: str, is_wanted: Callable[[dict], bool],
           before: Callable[[dict], None] | None = None) -> None:
    """Delete the JSON files of `directory` that `is_wanted`, calling `before` first."""
    if not os.path.isdir(directory):
        return
    for name in os.listdir(directory):
        path = os.path.join(directory, name)
        contents = json_of(path)
        if not isinstance(contents, dict) or not is_wanted(contents):
            continue
        if before is not None:
            before(contents)
        try:
            os.remove(path)
        except OSError as error:
            raise OtherError(str(error)) from error


def json_of(path: str) -> Any:
    """The file's JSON value, or None when it cannot be read as JSON."""
    try:
        with open(path, encoding="utf-8") as fp:
            return json.load(fp)
    except Exception:  # v2 skips any file it cannot load
        LOG.debug("Failed to load: %s", path)
        return None
