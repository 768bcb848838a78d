"""Streaming bodies end to end against moto_server: `s3api put-object --body <path>`
uploads the file, `get-object <outfile>` writes it back, byte for byte."""
from __future__ import annotations

import json

import pytest


def test_a_file_goes_up_and_comes_back(aws, tmp_path):
    payload = bytes(range(256)) * 1000
    (tmp_path / "upload.bin").write_bytes(payload)
    assert aws("s3api", "create-bucket", "--bucket", "bodies").returncode == 0
    put = aws("s3api", "put-object", "--bucket", "bodies", "--key", "k", "--body", "upload.bin")
    assert put.returncode == 0, put.stderr
    assert "ETag" in json.loads(put.stdout)
    got = aws("s3api", "get-object", "--bucket", "bodies", "--key", "k", "copy.bin")
    assert got.returncode == 0, got.stderr
    assert json.loads(got.stdout)["ContentLength"] == len(payload)
    assert (tmp_path / "copy.bin").read_bytes() == payload


@pytest.mark.parametrize("body", ["missing.bin", "fileb://upload.bin", "/dev/stdin"])
def test_a_body_that_is_not_a_regular_file_is_refused_before_sending(aws, tmp_path, body):
    (tmp_path / "upload.bin").write_bytes(b"x")
    result = aws("s3api", "put-object", "--bucket", "nowhere", "--key", "k", "--body", body,
                 stdin="piped")
    assert result.returncode == 252
    assert result.stderr.endswith(
        "Error parsing parameter '--body': Blob values must be a path to a file.\n")
