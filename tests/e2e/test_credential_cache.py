"""The temporary credentials of roles are cached in ~/.aws/cli/cache, as v2 caches them
(customizations/assumerole.py): a second command with the same profile does not ask STS
again until the cached credentials are about to expire. STS is moto_server, behind a
proxy that counts the calls it gets."""
from __future__ import annotations

import hashlib
import json
import os
import stat

import pytest

from tests.e2e.stub_server import start_proxy

ROLE = "arn:aws:iam::123456789012:role/deployer"


@pytest.fixture
def sts(moto_reset):
    proxy, stop = start_proxy(moto_reset)
    yield proxy
    stop()


def _config(home, text: str) -> None:
    (home / ".aws").mkdir(exist_ok=True)
    (home / ".aws" / "config").write_text(text)


def _cache_file(home, args: dict):
    key = hashlib.sha1(json.dumps(args, sort_keys=True).encode()).hexdigest()
    return home / ".aws" / "cli" / "cache" / (key + ".json")


def _environ(proxy) -> dict:
    return {"AWS_ENDPOINT_URL": proxy.url, "AWS_ACCESS_KEY_ID": None,
            "AWS_SECRET_ACCESS_KEY": None}


ASSUME_ROLE_CONFIG = ("[profile deploy]\nrole_arn = %s\nsource_profile = base\n"
                      "[profile base]\naws_access_key_id = AKIDBASE\n"
                      "aws_secret_access_key = base-secret\n" % ROLE)


def test_assume_role_credentials_are_cached_between_commands(run_cli, home, sts):
    _config(home, ASSUME_ROLE_CONFIG)
    for _ in range(2):
        result = run_cli(["sts", "get-caller-identity", "--profile", "deploy"],
                         environ=_environ(sts))
        assert result.exit_code == 0, result.stderr
        assert ":assumed-role/deployer/" in json.loads(result.stdout)["Arn"]
    assert sts.actions() == ["AssumeRole", "GetCallerIdentity", "GetCallerIdentity"]
    cached = _cache_file(home, {"RoleArn": ROLE})
    assert stat.S_IMODE(os.stat(cached).st_mode) == 0o600
    credentials = json.loads(cached.read_text())["Credentials"]
    assert credentials["AccessKeyId"].startswith("ASIA")
    assert {"SecretAccessKey", "SessionToken", "Expiration"} <= set(credentials)


def test_expired_cached_credentials_are_fetched_again(run_cli, home, sts):
    _config(home, ASSUME_ROLE_CONFIG)
    assert run_cli(["s3api", "list-buckets", "--profile", "deploy"],
                   environ=_environ(sts)).exit_code == 0
    cached = _cache_file(home, {"RoleArn": ROLE})
    entry = json.loads(cached.read_text())
    entry["Credentials"]["Expiration"] = "2020-01-01T00:00:00+00:00"
    cached.write_text(json.dumps(entry))
    assert run_cli(["s3api", "list-buckets", "--profile", "deploy"],
                   environ=_environ(sts)).exit_code == 0
    assert sts.actions().count("AssumeRole") == 2
    assert json.loads(cached.read_text())["Credentials"]["Expiration"] > "2026"


def test_session_name_is_part_of_the_key(run_cli, home, sts):
    _config(home, ASSUME_ROLE_CONFIG.replace("source_profile", "role_session_name = ci\n"
                                             "source_profile"))
    for _ in range(2):
        assert run_cli(["s3api", "list-buckets", "--profile", "deploy"],
                       environ=_environ(sts)).exit_code == 0
    assert sts.actions().count("AssumeRole") == 1
    assert _cache_file(home, {"RoleArn": ROLE, "RoleSessionName": "ci"}).is_file()


def test_web_identity_credentials_are_cached(run_cli, home, sts):
    token = home / "token"
    token.write_text("header.payload.signature")
    _config(home, "[profile web]\nrole_arn = %s\nweb_identity_token_file = %s\n"
            % (ROLE, token))
    for _ in range(2):
        result = run_cli(["s3api", "list-buckets", "--profile", "web"],
                         environ=_environ(sts))
        assert result.exit_code == 0, result.stderr
    assert sts.actions().count("AssumeRoleWithWebIdentity") == 1
    assert len(list((home / ".aws" / "cli" / "cache").iterdir())) == 1


def test_assume_role_in_the_region_of_aws_region(run_cli, home, sts):
    # v2 reads AWS_REGION for the STS client of the role too, not only AWS_DEFAULT_REGION
    _config(home, ASSUME_ROLE_CONFIG)
    result = run_cli(["s3api", "list-buckets", "--profile", "deploy"],
                     environ=dict(_environ(sts), AWS_DEFAULT_REGION=None,
                                  AWS_REGION="eu-west-2"))
    assert result.exit_code == 0, result.stderr
    assert sts.actions() == ["AssumeRole"]
