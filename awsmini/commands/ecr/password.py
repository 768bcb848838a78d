"""`get-login-password` of `ecr` and `ecr-public`: GetAuthorizationToken, then the
password half of the decoded `AWS:password` token on stdout (v2's `awscli/
customizations/ecr.py` and `ecr_public.py`)."""
from __future__ import annotations

import base64
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.errors import OtherError


def run_private(args: Mapping[str, Any], context: Context) -> int:
    response = _authorization(context, "ecr")
    # ecr answers a list (one entry per registry asked for); without registry ids, one.
    return _print_password(response["authorizationData"][0], context)


def run_public(args: Mapping[str, Any], context: Context) -> int:
    return _print_password(_authorization(context, "ecr-public")["authorizationData"], context)


def _authorization(context: Context, service: str) -> dict:
    from awsmini.call import translate_errors

    client = context.client(service)
    with translate_errors():
        return client.get_authorization_token()


def password_of(token: str) -> str:
    """The password of a base64 `user:password` authorization token."""
    try:
        decoded = base64.b64decode(token).decode()
    except (ValueError, UnicodeDecodeError) as error:
        raise OtherError("The authorization token is not base64 text: %s" % error) from error
    _, separator, password = decoded.partition(":")
    if not separator:
        raise OtherError("The authorization token has no password part.")
    return password


def _print_password(data: Mapping[str, Any], context: Context) -> int:
    context.write(password_of(data["authorizationToken"]) + "\n")
    return 0
