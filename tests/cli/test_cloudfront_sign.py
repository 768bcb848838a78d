"""`cloudfront sign` through main(): signed URLs whose policy and signature are checked
with openssl against the key pair's public key (awscli/customizations/cloudfront.py)."""
from __future__ import annotations

import base64
import json
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.cli.keys import make_key_pair, verifies

URL = "https://d111111abcdef8.cloudfront.net/private/photo.jpg"


@pytest.fixture(scope="module")
def key_pair(tmp_path_factory) -> tuple[Path, Path]:
    return make_key_pair(tmp_path_factory.mktemp("keys"))


def _unsafe(text: str) -> bytes:
    """CloudFront's URL-safe base64 undone (- for +, _ for =, ~ for /)."""
    return base64.b64decode(text.replace("-", "+").replace("_", "=").replace("~", "/"))


def _signed(run_cli, key_pair, *extra: str) -> dict:
    result = run_cli(["cloudfront", "sign", "--url", URL, "--key-pair-id", "K2JCJMDEHXQW5F",
                      "--private-key", "file://%s" % key_pair[0], *extra])
    assert result.exit_code == 0, result.stderr
    assert not result.stdout.endswith("\n")  # v2 writes the URL alone
    split = urlsplit(result.stdout)
    assert "%s://%s%s" % (split.scheme, split.netloc, split.path) == URL
    return {name: values[0] for name, values in parse_qs(split.query).items()}


def test_a_canned_policy_url(awscrt, run_cli, key_pair, tmp_path):
    query = _signed(run_cli, key_pair, "--date-less-than", "2030-01-01")
    assert set(query) == {"Expires", "Signature", "Key-Pair-Id"}
    assert query["Expires"] == "1893456000"
    assert query["Key-Pair-Id"] == "K2JCJMDEHXQW5F"
    canned = ('{"Statement":[{"Resource":"%s","Condition":{"DateLessThan":'
              '{"AWS:EpochTime":1893456000}}}]}' % URL)
    assert verifies(key_pair[1], canned.encode(), _unsafe(query["Signature"]), tmp_path)


@pytest.mark.parametrize("extra, condition", [
    (["--date-greater-than", "2029-12-31T22:00:00-02:00"],
     {"DateLessThan": {"AWS:EpochTime": 1893456000},
      "DateGreaterThan": {"AWS:EpochTime": 1893456000}}),
    (["--ip-address", "192.0.2.0/24"],
     {"DateLessThan": {"AWS:EpochTime": 1893456000},
      "IpAddress": {"AWS:SourceIp": "192.0.2.0/24"}}),
], ids=["start-date-with-offset", "ip-range"])
def test_a_custom_policy_url(awscrt, run_cli, key_pair, tmp_path, extra, condition):
    query = _signed(run_cli, key_pair, "--date-less-than", "1893456000", *extra)
    assert set(query) == {"Policy", "Signature", "Key-Pair-Id"}
    policy = _unsafe(query["Policy"])
    assert json.loads(policy) == {"Statement": [{"Resource": URL, "Condition": condition}]}
    assert verifies(key_pair[1], policy, _unsafe(query["Signature"]), tmp_path)


def test_the_url_is_not_read_as_a_file(awscrt, run_cli, key_pair, home):
    (home / "page").write_text("not this")
    result = run_cli(["cloudfront", "sign", "--url", "file://page", "--key-pair-id", "K",
                      "--private-key", "file://%s" % key_pair[0], "--date-less-than",
                      "2030-01-01"])
    assert result.stdout.startswith("file://page?Expires=1893456000&Signature=")


@pytest.mark.parametrize("key, date, message", [
    ("not a key", "soon", "1179 (AWS_ERROR_PEM_MALFORMED): Malformed PEM object encountered."),
    (None, "soon", 'Invalid timestamp "soon": Unknown string format: soon'),
], ids=["the-key-first", "a-bad-date"])
def test_what_cannot_be_read_ends_the_run_with_255(awscrt, run_cli, key_pair, key, date, message):
    result = run_cli(["cloudfront", "sign", "--url", URL, "--key-pair-id", "K",
                      "--private-key", key or "file://%s" % key_pair[0],
                      "--date-less-than", date])
    assert (result.exit_code, result.stdout) == (255, "")
    assert result.stderr.strip() == "awsmini: [ERROR]: " + message


def test_the_four_options_are_required(run_cli):
    result = run_cli(["cloudfront", "sign", "--url", URL])
    assert result.exit_code == 252
    assert ("the following arguments are required: --key-pair-id, --private-key, "
            "--date-less-than") in result.stderr


def test_without_awscrt_one_line_says_what_to_install(run_cli, key_pair, monkeypatch):
    monkeypatch.setitem(sys.modules, "awscrt", None)
    monkeypatch.setitem(sys.modules, "awscrt.crypto", None)
    result = run_cli(["cloudfront", "sign", "--url", URL, "--key-pair-id", "K",
                      "--private-key", "file://%s" % key_pair[0], "--date-less-than", "soon"])
    assert result.exit_code == 255
    assert result.stderr.strip() == (
        "awsmini: [ERROR]: cloudfront sign needs the awscrt package, which is not installed "
        "(pip install 'awsmini[crt]')")
