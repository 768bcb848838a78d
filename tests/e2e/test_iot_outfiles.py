"""iot's `--*-outfile` options end to end against moto_server: the parts of the
response they name are saved to files only the user can read; the response prints."""
from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import awsmini_executable, isolated_environ


@pytest.fixture
def aws(moto_reset, tmp_path):
    def run(*argv: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [awsmini_executable(), *argv, "--endpoint-url", moto_reset],
            env=isolated_environ(tmp_path), cwd=tmp_path, capture_output=True, text=True,
            stdin=subprocess.DEVNULL, timeout=60)

    return run


def test_keys_and_certificate_outfiles(aws, tmp_path):
    created = aws("iot", "create-keys-and-certificate", "--set-as-active",
                  "--certificate-pem-outfile", "cert.pem", "--public-key-outfile", "public.key",
                  "--private-key-outfile", str(tmp_path / "private.key"))
    assert created.returncode == 0, created.stderr
    response = json.loads(created.stdout)  # the response still prints
    assert (tmp_path / "cert.pem").read_text() == response["certificatePem"]
    assert (tmp_path / "public.key").read_text() == response["keyPair"]["PublicKey"]
    assert (tmp_path / "private.key").read_text() == response["keyPair"]["PrivateKey"]
    assert {(tmp_path / name).stat().st_mode & 0o777
            for name in ("cert.pem", "public.key", "private.key")} == {0o600}
