"""The dsql tokens: `HOST/?Action=DbConnect` (or `DbConnectAdmin`) presigned for the
`dsql` signing name, as botocore's `generate_db_connect_auth_token` and
`generate_db_connect_admin_auth_token` make them (v2 calls those), but signed here
without building a client."""
from __future__ import annotations

from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.presigned import frozen_credentials, presign, session_region
from awsmini.errors import ConfigurationError

_SCHEME = "https://"  # signed with a scheme so the host parses as one; printed without


def run_connect(args: Mapping[str, Any], context: Context) -> int:
    return _run("DbConnect", args, context)


def run_admin(args: Mapping[str, Any], context: Context) -> int:
    return _run("DbConnectAdmin", args, context)


def _run(action: str, args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import NO_REGION

    session = context.session()
    region = session_region(context, session)
    if not region:
        raise ConfigurationError(NO_REGION, "NoRegion")
    url = presign("%s%s/" % (_SCHEME, args["hostname"]), {"Action": action},
                  credentials=frozen_credentials(session), region=region,
                  signing_name="dsql", expires=args["expires-in"])
    context.write(url[len(_SCHEME):] + "\n")
    return 0
