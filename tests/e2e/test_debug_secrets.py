"""`--debug` never shows a secret key or a session token (v2's log shows both)."""
from __future__ import annotations

import json
import subprocess

from tests import forkserver
from tests.conftest import awsmini_executable, isolated_environ

TOKEN = "FQoGZXIvYXdzEXAMPLESESSIONTOKENVALUE"
SECRET = "wJalrXUtnFEMIEXAMPLEKEYSECRETVALUE"


def _debug(moto_reset, tmp_path, *argv: str) -> subprocess.CompletedProcess:
    environ = isolated_environ(tmp_path, {"AWS_SESSION_TOKEN": TOKEN,
                                          "AWS_SECRET_ACCESS_KEY": SECRET})
    return forkserver.run(awsmini_executable(), [*argv, "--endpoint-url", moto_reset, "--debug"],
                          env=environ, cwd=tmp_path, timeout=60)


def test_the_session_token_of_a_signed_request_is_masked(moto_reset, tmp_path):
    result = _debug(moto_reset, tmp_path, "sts", "get-caller-identity")
    assert result.returncode == 0, result.stderr
    assert "X-Amz-Security-Token" in result.stderr  # the header is logged ...
    assert TOKEN not in result.stderr and SECRET not in result.stderr  # ... not its value


def test_credentials_in_a_response_body_are_masked(moto_reset, tmp_path):
    result = _debug(moto_reset, tmp_path, "sts", "assume-role", "--role-arn",
                    "arn:aws:iam::123456789012:role/r", "--role-session-name", "session")
    assert result.returncode == 0, result.stderr
    credentials = json.loads(result.stdout)["Credentials"]  # the answer itself keeps them
    assert "<SecretAccessKey>****</SecretAccessKey>" in result.stderr
    for value in (credentials["SecretAccessKey"], credentials["SessionToken"], TOKEN, SECRET):
        assert value not in result.stderr


def test_a_presigned_url_in_the_log_has_its_token_masked(moto_reset, tmp_path):
    result = _debug(moto_reset, tmp_path, "s3", "presign", "s3://bucket/key")
    assert result.returncode == 0, result.stderr
    assert TOKEN in result.stdout  # the URL printed must carry it to work
    assert TOKEN not in result.stderr
