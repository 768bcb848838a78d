"""Presigned SigV4 GET URLs for the token helpers, signed without a client.

`eks get-token`, `rds generate-db-auth-token` and `dsql generate-db-connect-*`
each print one presigned URL. botocore's `SigV4QueryAuth` signs it given
credentials, a region and a signing name, so these commands load no service
model and no endpoint rules, and open no connection. Credentials and region
still come from botocore's session (profiles, credential files, environment,
`credential_process`, SSO, ...), as for every other command. botocore is
imported only when a URL is signed.
"""
from __future__ import annotations

from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.errors import ConfigurationError


def session_region(context: Context, session: Any) -> str | None:
    """The region as the generic driver reads it (`session.session_region`)."""
    from awsmini.session import session_region as region

    return region(context.options, context.env.environ, session)


def frozen_credentials(session: Any) -> Any:
    """The session's credentials, resolved once; v2's NoCredentials error when there are none."""
    from awsmini.call import NO_CREDENTIALS, translate_errors

    with translate_errors():
        credentials = session.get_credentials()
        if credentials is None:
            raise ConfigurationError(NO_CREDENTIALS, "NoCredentials")
        return credentials.get_frozen_credentials()


def presign(url: str, params: Mapping[str, str], *, credentials: Any, region: str,
            signing_name: str, expires: int, headers: Mapping[str, str] | None = None) -> str:
    """`url` with `params` and the SigV4 query parameters, signed for `expires` seconds.
    (`headers` are signed too: whoever uses the URL must send them)."""
    from botocore.auth import SigV4QueryAuth
    from botocore.awsrequest import AWSRequest

    request = AWSRequest(method="GET", url=url, params=dict(params), headers=dict(headers or {}))
    signer = SigV4QueryAuth(credentials, signing_name, region, expires=expires)
    signer.add_auth(request)
    return request.url

