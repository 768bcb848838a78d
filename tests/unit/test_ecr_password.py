"""The password half of an ECR authorization token (awsmini/commands/ecr/password.py)."""
from __future__ import annotations

import base64

import pytest

from awsmini.commands.ecr.password import password_of
from awsmini.errors import OtherError


@pytest.mark.parametrize("decoded, password", [
    ("AWS:eyJwYXlsb2FkIjoi", "eyJwYXlsb2FkIjoi"),
    ("AWS:", ""),
    ("AWS:a:b", "a:b"),
], ids=["token", "empty", "colon-in-password"])
def test_password_of(decoded, password):
    assert password_of(base64.b64encode(decoded.encode()).decode()) == password


@pytest.mark.parametrize("token", ["%%%", base64.b64encode(b"no-colon").decode(),
                                   base64.b64encode(b"\xff\xfe:x").decode()],
                         ids=["not-base64", "no-colon", "not-utf8"])
def test_bad_tokens_are_clear_errors(token):
    with pytest.raises(OtherError):
        password_of(token)
