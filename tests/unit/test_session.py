"""session.py: botocore's session reads the run's environment (Env) and Settings only, and
the timestamp conversion every response goes through."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from botocore.utils import parse_timestamp

from awsmini.globalopts import GlobalOptions
from awsmini.session import iso_timestamp, new_session, session_region
from awsmini.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def session_for(environ: dict, options: GlobalOptions | None = None):
    options = options or GlobalOptions()
    return new_session("", None, options, Settings(options, environ), environ)


@pytest.mark.parametrize("wire", [
    "2026-12-03T06:20:54.000Z", "2026-12-03T06:20:54Z", "2026-12-03T06:20:54.5Z",
    "2026-12-03T06:20:54.123456Z", "1999-01-01T00:00:00.010Z", "2024-02-29T23:59:59.999Z",
    "Wed, 03 Dec 2026 06:20:54 GMT", "2026-12-03T06:20:54+01:00", "2026-12-03T06:20:54.1234567Z",
    1764742854.5, 1764742854, "1764742854"])
def test_timestamps_read_as_botocore_reads_them(wire):
    assert iso_timestamp(wire) == parse_timestamp(wire).isoformat()


@pytest.mark.parametrize("wire", ["2026-02-30T06:20:54Z", "2026-13-01T00:00:00.000Z", "soon"])
def test_impossible_timestamps_are_refused_as_botocore_refuses_them(wire):
    with pytest.raises(ValueError) as ours:
        iso_timestamp(wire)
    with pytest.raises(ValueError) as theirs:
        parse_timestamp(wire)
    assert str(ours.value) == str(theirs.value)



def test_config_variables_come_from_the_given_mapping(tmp_path):
    session = session_for({"HOME": str(tmp_path), "AWS_DEFAULT_REGION": "eu-west-3",
                           "AWS_MAX_ATTEMPTS": "7", "AWS_S3_USE_ARN_REGION": "true"})
    assert session.get_config_variable("region") == "eu-west-3"
    assert session.get_config_variable("max_attempts") == 7
    assert session.get_config_variable("s3") == {"use_arn_region": True}
    assert session_for({"HOME": str(tmp_path)}).get_config_variable("max_attempts") is None


def test_region_is_the_option_then_aws_region_then_botocores_chain(tmp_path):
    environ = {"HOME": str(tmp_path), "AWS_REGION": "ap-south-1",
               "AWS_DEFAULT_REGION": "eu-west-3"}
    session = session_for(environ)
    assert session_region(GlobalOptions(region="us-west-1"), environ, session) == "us-west-1"
    assert session_region(GlobalOptions(), environ, session) == "ap-south-1"
    del environ["AWS_REGION"]
    assert session_region(GlobalOptions(), environ, session) == "eu-west-3"


def test_credentials_come_from_the_given_mapping(tmp_path):
    session = session_for({"HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": "AKIDENVONLY",
                           "AWS_SECRET_ACCESS_KEY": "s"})
    assert session.get_credentials().access_key == "AKIDENVONLY"


def test_the_files_are_found_under_the_given_home(tmp_path):
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text("[default]\nregion = sa-east-1\n"
                                              "[profile dev]\nregion = eu-north-1\n")
    (tmp_path / ".aws" / "credentials").write_text(
        "[dev]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n")
    session = session_for({"HOME": str(tmp_path)}, GlobalOptions(profile="dev"))
    assert session.get_config_variable("region") == "eu-north-1"
    assert session.get_credentials().access_key == "AKIDFILE"
    assert session.full_config["profiles"]["dev"]["aws_access_key_id"] == "AKIDFILE"


def test_credential_process_runs_with_the_given_environment(tmp_path):
    script = tmp_path / "creds.py"
    script.write_text("import json, os\nprint(json.dumps({'Version': 1, 'AccessKeyId': "
                      "os.environ['ONLY_IN_ENV'], 'SecretAccessKey': 's'}))\n")
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(
        "[default]\ncredential_process = %s %s\n" % (sys.executable, script))
    session = session_for({"HOME": str(tmp_path), "ONLY_IN_ENV": "AKIDPROCESS"})
    assert session.get_credentials().access_key == "AKIDPROCESS"


def test_configured_endpoints_come_from_the_given_mapping(tmp_path):
    from awsmini.call import create_service_client

    environ = {"HOME": str(tmp_path), "AWS_ENDPOINT_URL_SQS": "http://127.0.0.1:9",
               "AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "s",
               "AWS_DEFAULT_REGION": "us-east-1"}
    client = create_service_client("sqs", GlobalOptions(), Settings(GlobalOptions(), environ),
                                   environ)
    assert client.meta.endpoint_url == "http://127.0.0.1:9"


LEAK = """
import io, json, sys
from awsmini.env import Env
from awsmini.main import main

results = []
for environ in json.loads(sys.argv[1]):
    env = Env(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), environ=environ,
              stdin_isatty=False, stdout_isatty=False)
    code = main(["sqs", "list-queues", "--endpoint-url", "http://127.0.0.1:9"], env)
    results.append([code, env.stderr.getvalue()])
print(json.dumps(results))
"""


def test_nothing_only_in_the_process_environment_leaks_in(tmp_path):
    """The process has credentials, a region and a HOME with both files; the Env given
    to main() has none of them, then only a region: botocore finds nothing more."""
    process_home = tmp_path / "process-home"
    (process_home / ".aws").mkdir(parents=True)
    (process_home / ".aws" / "config").write_text("[default]\nregion = eu-west-1\n")
    (process_home / ".aws" / "credentials").write_text(
        "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n")
    process = {"PATH": "/usr/bin:/bin", "HOME": str(process_home), "PYTHONPATH": str(ROOT),
               "AWS_ACCESS_KEY_ID": "AKIDLEAKED", "AWS_SECRET_ACCESS_KEY": "s",
               "AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "eu-west-1",
               "AWS_CONFIG_FILE": str(process_home / ".aws" / "config"),
               "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": "", "LANG": "C.UTF-8"}
    given = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "AWS_EC2_METADATA_DISABLED": "true",
             "XDG_CACHE_HOME": str(tmp_path / ".cache")}
    outcome = subprocess.run(
        [sys.executable, "-c", LEAK, json.dumps([given, dict(given, AWS_REGION="us-east-1")])],
        env=process, capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert outcome.returncode == 0, outcome.stderr
    (no_region, no_region_text), (no_keys, no_keys_text) = json.loads(outcome.stdout)
    assert no_region == 253 and "You must specify a region" in no_region_text
    assert no_keys == 253 and "Unable to locate credentials" in no_keys_text
