"""`configure export-credentials`: the resolved credentials, printed for another program.

Credentials come from botocore's chain (so roles, SSO and `credential_process`
profiles work), frozen once. Formats, as v2's `awscli/customizations/configure/
exportcreds.py` prints them: `process` is the JSON `credential_process` reads;
the others are one assignment a line of AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
then AWS_SESSION_TOKEN and AWS_CREDENTIAL_EXPIRATION when there are such.
A profile whose `credential_process` runs this command again is caught through
`_AWS_CLI_PROFILE_CHAIN`, the chain of profiles seen, passed to child processes.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from datetime import datetime
from typing import Any, Iterator, Mapping, NamedTuple

from awsmini.commands import Context
from awsmini.errors import ConfigurationError

CHAIN_VARIABLE = "_AWS_CLI_PROFILE_CHAIN"
MAX_CHAIN = 4
LINE_FORMATS = {
    "env": "export {name}={value}",
    "env-no-export": "{name}={value}",
    "powershell": '$Env:{name}="{value}"',
    "windows-cmd": "set {name}={value}",
    "fish": 'set -gx {name} "{value}"',
}


class Exported(NamedTuple):
    access_key: str
    secret_key: str
    token: str | None
    expiry_time: str | None


def render(credentials: Exported, form: str) -> str:
    """The text printed for `--format form` (pure)."""
    if form == "process":
        document: dict[str, Any] = {"Version": 1, "AccessKeyId": credentials.access_key,
                                    "SecretAccessKey": credentials.secret_key}
        if credentials.token is not None:
            document["SessionToken"] = credentials.token
        if credentials.expiry_time is not None:
            document["Expiration"] = credentials.expiry_time
        return json.dumps(document, indent=2) + "\n"
    pairs = [("AWS_ACCESS_KEY_ID", credentials.access_key),
             ("AWS_SECRET_ACCESS_KEY", credentials.secret_key),
             ("AWS_SESSION_TOKEN", credentials.token),
             ("AWS_CREDENTIAL_EXPIRATION", credentials.expiry_time)]
    return "".join(LINE_FORMATS[form].format(name=name, value=value) + "\n"
                   for name, value in pairs if value is not None)


def run_export(args: Mapping[str, Any], context: Context) -> int:
    environ = context.env.environ
    profile = context.settings.profile
    seen = _chain(environ.get(CHAIN_VARIABLE, ""))
    if len(seen) >= MAX_CHAIN:
        raise ConfigurationError("Maximum recursive credential process resolution reached "
                                 "(%d).\nProfiles seen: %s" % (MAX_CHAIN, " -> ".join(seen)))
    if profile in seen:
        raise ConfigurationError("Credential process resolution detected an infinite loop, "
                                 "profile cycle: %s\n" % " -> ".join(seen + [profile]))
    chain = _serialise(seen + [profile])
    from awsmini.call import botocore_session

    # the credential process botocore starts gets the chain in its environment
    session = botocore_session(context.options, context.settings,
                               {**environ, CHAIN_VARIABLE: chain})
    try:
        with _chain_for_nested_processes(chain):
            credentials = session.get_credentials()
            exported = _freeze(credentials) if credentials is not None else None
    except Exception as error:  # v2 reports any failure of the chain so
        raise ConfigurationError("Unable to retrieve credentials: %s\n"
                                 % str(error).strip()) from error
    if exported is None:
        raise ConfigurationError("Unable to retrieve credentials: no credentials found")
    context.write(render(exported, args["format"]))
    return 0


@contextlib.contextmanager
def _chain_for_nested_processes(chain: str) -> Iterator[None]:
    """The chain in the process's environment while credentials resolve, then as it was:
    the credential processes of an assume-role profile's source profile are started by
    providers botocore builds itself, which read nothing but `os.environ`."""
    saved = os.environ.get(CHAIN_VARIABLE)
    os.environ[CHAIN_VARIABLE] = chain
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(CHAIN_VARIABLE, None)
        else:
            os.environ[CHAIN_VARIABLE] = saved


def _freeze(credentials: Any) -> Exported:
    frozen = credentials.get_frozen_credentials()
    # botocore keeps the expiry of refreshable credentials only in a private attribute
    expiry = getattr(credentials, "_expiry_time", None)
    return Exported(frozen.access_key, frozen.secret_key, frozen.token,
                    expiry.isoformat() if isinstance(expiry, datetime) else None)


def _chain(value: str) -> list[str]:
    return [name for name in next(csv.reader([value]), []) if name]


def _serialise(profiles: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out).writerow(profiles)
    return out.getvalue().strip()
