"""Env is the whole environment: credentials and region given in Env alone reach botocore,
and a call against moto_server is signed with that key; a run changes no os.environ."""
from __future__ import annotations

import json
import os
import sys


def test_a_key_and_region_only_in_env_sign_the_call(run_cli, moto_reset):
    made = run_cli(["iam", "create-user", "--user-name", "env-only", "--endpoint-url",
                    moto_reset])
    assert made.exit_code == 0, made.stderr
    created = run_cli(["iam", "create-access-key", "--user-name", "env-only",
                       "--endpoint-url", moto_reset])
    key = json.loads(created.stdout)["AccessKey"]
    assert key["AccessKeyId"] not in os.environ.values()  # the process never had it
    environ = {"AWS_ACCESS_KEY_ID": key["AccessKeyId"],
               "AWS_SECRET_ACCESS_KEY": key["SecretAccessKey"],
               "AWS_DEFAULT_REGION": None, "AWS_REGION": "ap-southeast-2"}
    identity = run_cli(["sts", "get-caller-identity", "--endpoint-url", moto_reset],
                       environ=environ)
    assert identity.exit_code == 0, identity.stderr
    assert json.loads(identity.stdout)["Arn"].endswith(":user/env-only")
    zones = run_cli(["ec2", "describe-availability-zones", "--endpoint-url", moto_reset,
                     "--query", "AvailabilityZones[0].RegionName", "--output", "text"],
                    environ=environ)
    assert (zones.exit_code, zones.stdout) == (0, "ap-southeast-2\n"), zones.stderr


def test_export_credentials_hands_the_chain_to_its_process_not_to_os_environ(run_cli, home):
    script = home / "creds.py"
    script.write_text("import json, os\nprint(json.dumps({'Version': 1, 'SecretAccessKey': 's', "
                      "'AccessKeyId': 'AKID-' + os.environ.get('_AWS_CLI_PROFILE_CHAIN', '')}))\n")
    (home / ".aws").mkdir()
    (home / ".aws" / "config").write_text("[default]\ncredential_process = %s %s\n"
                                          % (sys.executable, script))
    result = run_cli(["configure", "export-credentials", "--format", "env-no-export"],
                     environ={"AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("AWS_ACCESS_KEY_ID=AKID-default\n")
    assert "_AWS_CLI_PROFILE_CHAIN" not in os.environ  # the next test's environment is clean
