"""`rds generate-db-auth-token`: `HOST:PORT/?Action=connect&DBUser=...` presigned for
the `rds-db` signing name, 900 seconds, as botocore's `generate_db_auth_token` makes
it (v2 calls that), but signed here without building a client."""
from __future__ import annotations

from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.presigned import frozen_credentials, presign, session_region
from awsmini.errors import ConfigurationError

EXPIRES = 900
_SCHEME = "https://"  # signed with a scheme so the host parses as one; printed without


def run(args: Mapping[str, Any], context: Context) -> int:
    from awsmini.call import NO_REGION

    session = context.session()
    region = session_region(context, session)
    if not region:
        raise ConfigurationError(NO_REGION, "NoRegion")
    url = presign("%s%s:%s/" % (_SCHEME, args["hostname"], args["port"]),
                  {"Action": "connect", "DBUser": args["username"]},
                  credentials=frozen_credentials(session), region=region,
                  signing_name="rds-db", expires=EXPIRES)
    context.write(url[len(_SCHEME):] + "\n")
    return 0
