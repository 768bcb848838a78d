"""signin: v2 names the OAuth 2.0 operations `*-oauth2-*` where botocore's
naming gave `*-o-auth2-*`; `create-o-auth2-token` still works, undocumented,
the three `*-with-iam` ones answer to their new names only
(awscli/customizations/signin.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

OPERATION_ALIASES: Mapping[str, str] = {"create-o-auth2-token": "create-oauth2-token"}

OPERATION_RENAMES: Mapping[str, str] = {
    "create-o-auth2-token-with-iam": "create-oauth2-token-with-iam",
    "introspect-o-auth2-token-with-iam": "introspect-oauth2-token-with-iam",
    "revoke-o-auth2-token-with-iam": "revoke-oauth2-token-with-iam",
}

OPERATIONS: Mapping[str, Customization] = {}
