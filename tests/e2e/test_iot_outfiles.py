"""iot's `--*-outfile` options end to end against moto_server: the parts of the
response they name are saved to files only the user can read; the response prints."""
from __future__ import annotations

import json


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
