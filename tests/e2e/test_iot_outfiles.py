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


def test_outfile_paths_expand_from_the_runs_environment(run_cli, moto_reset, tmp_path):
    """`~` and `$VARIABLE`s in an outfile's path are the run's, as v2 expands them (an
    in-process run whose HOME is not the process's)."""
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "keys").mkdir(parents=True)
    created = run_cli(["iot", "create-keys-and-certificate", "--endpoint-url", moto_reset,
                       "--certificate-pem-outfile", "~/cert.pem",
                       "--private-key-outfile", "$KEYS/private.key"],
                      environ={"HOME": str(elsewhere), "KEYS": str(elsewhere / "keys")})
    assert created.exit_code == 0, created.stderr
    response = json.loads(created.stdout)
    assert (elsewhere / "cert.pem").read_text() == response["certificatePem"]
    assert (elsewhere / "keys" / "private.key").read_text() == \
        response["keyPair"]["PrivateKey"]
