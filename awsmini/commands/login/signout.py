"""`logout`: delete the cached token of the profile's `aws login` session, or of all of them.

As v2's `customizations/login/logout.py`: the profile's `login_session` names the
session, whose token file (the sha256 of its ARN, in the login cache) is deleted;
with `--all`, every JSON file of the cache whose `accessToken` holds an
`accessKeyId`. Nothing is sent to AWS.
"""
from __future__ import annotations

import os
from typing import Any, Mapping

from awsmini import configpaths, ssocache
from awsmini.commands import Context
from awsmini.commands.configure.files import config_files, read_full_config
from awsmini.errors import OtherError

EXPIRY_NOTE = ("Access tokens expire in 15 minutes.")


def run_logout(args: Mapping[str, Any], context: Context) -> int:
    directory = configpaths.login_token_cache_dir(context.env.environ)
    if args["all"]:
        count = _sweep(directory)
        if count:
            context.write("Removed %d cached login credential%s. Note, any local developer "
                          "tools that have already loaded access tokens may continue to use "
                          "them until their expiration. %s\n"
                          % (count, "" if count == 1 else "s", EXPIRY_NOTE))
        else:
            context.write("No cached login session tokens found.\n")
        return 0
    profile = context.settings.named_profile or "default"
    full = read_full_config(config_files(context.env.environ))
    session_id = full.profiles.get(profile, {}).get("login_session")
    if session_id is None:
        context.warn("warning: no login session found for profile '%s'\n" % profile)
        return 0
    _remove(os.path.join(directory, ssocache.login_cache_key(session_id) + ".json"))
    context.write("Removed cached login credentials for profile '%s'. Note, any local "
                  "developer tools that have already loaded the access token may continue to "
                  "use it until its expiration. %s\n" % (profile, EXPIRY_NOTE))
    return 0


def _sweep(directory: str) -> int:
    from awsmini.commands.sso.logout import json_of

    if not os.path.isdir(directory):
        return 0
    count = 0
    for name in os.listdir(directory):
        path = os.path.join(directory, name)
        contents = json_of(path)
        token = contents.get("accessToken") if isinstance(contents, dict) else None
        if isinstance(token, dict) and "accessKeyId" in token:
            _remove(path)
            count += 1
    return count


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
    except OSError as error:
        raise OtherError(str(error)) from error
