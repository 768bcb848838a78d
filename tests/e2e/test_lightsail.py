"""`lightsail push-container-image`: the installed awsmini hands the request to a stand-in
`lightsailctl` on PATH, which records its command line and the document on its stdin."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from awsmini import __version__
from tests import forkserver
from tests.conftest import awsmini_executable, isolated_environ

PLUGIN = """#!%s
import json, os, sys
document = sys.stdin.read()
with open(os.environ["RECORD"], "w") as fp:
    json.dump({"argv": sys.argv[1:], "stdin": document}, fp)
print("Digest: sha256:abc")
sys.exit(int(os.environ.get("PLUGIN_RC", "0")))
""" % sys.executable
NOT_FOUND = ("The Lightsail Control (lightsailctl) plugin was not found. To download and "
             "install it, see https://lightsail.aws.amazon.com/ls/docs/en_us/articles/"
             "amazon-lightsail-install-software")
ARGS = ("lightsail", "push-container-image", "--service-name", "web", "--image",
        "nginx:latest", "--label", "v1")


@pytest.fixture
def run(tmp_path: Path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "lightsailctl").write_text(PLUGIN)
    (bin_dir / "lightsailctl").chmod(0o755)
    record = tmp_path / "record.json"

    def run(*argv: str, path: str | None = None, **extra: str):
        environ = isolated_environ(tmp_path, {"PATH": path or str(bin_dir),
                                              "RECORD": str(record), **extra})
        result = forkserver.run(awsmini_executable(), argv, env=environ, cwd=tmp_path)
        result.plugin = json.loads(record.read_text()) if record.exists() else None
        return result

    run.home = tmp_path
    return run


def test_the_plugin_gets_the_request_on_stdin(run):
    result = run(*ARGS)
    assert (result.returncode, result.stdout, result.stderr) == (0, "Digest: sha256:abc\n", "")
    assert result.plugin["argv"] == ["--plugin", "--input-stdin"]
    assert result.plugin["stdin"] == json.dumps({
        "inputVersion": "1", "operation": "PushContainerImage",
        "payload": {"service": "web", "image": "nginx:latest", "label": "v1"},
        "configuration": {"debug": False, "doNotVerifySSL": False, "paginate": True,
                          "region": "us-east-1", "doNotSignRequest": False,
                          "cliVersion": __version__}})


def test_every_global_option_is_passed_on(run):
    (run.home / "config").write_text("[profile dev]\nregion = eu-west-2\n"
                                     "ca_bundle = /etc/ssl/corp.pem\n")
    result = run(*ARGS, "--endpoint-url", "https://lightsail.example", "--no-verify-ssl",
                 "--no-paginate", "--output", "yaml", "--query", "x", "--profile", "dev",
                 "--no-sign-request", "--cli-read-timeout", "30", "--cli-connect-timeout",
                 "5", "--cli-binary-format", "raw-in-base64-out",
                 AWS_CONFIG_FILE=str(run.home / "config"), AWS_DEFAULT_REGION=None)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.plugin["stdin"])["configuration"] == {
        "debug": False, "endpoint": "https://lightsail.example", "doNotVerifySSL": True,
        "paginate": False, "output": "yaml", "query": "x", "profile": "dev",
        "region": "eu-west-2", "doNotSignRequest": True, "caBundle": "/etc/ssl/corp.pem",
        "readTimeout": 30, "connectTimeout": 5, "cliBinaryFormat": "raw-in-base64-out",
        "cliVersion": __version__}
    # the order of v2's document, which the plugin reads as it is
    assert list(json.loads(result.plugin["stdin"])["configuration"])[:3] == [
        "debug", "endpoint", "doNotVerifySSL"]


def test_the_profile_and_region_of_the_environment(run):
    (run.home / "config").write_text("[profile ops]\nregion = ap-south-1\n")
    result = run(*ARGS, "--region", "sa-east-1", AWS_PROFILE="ops",
                 AWS_CONFIG_FILE=str(run.home / "config"), AWS_CA_BUNDLE="/tmp/ca.pem")
    assert result.returncode == 0, result.stderr
    configuration = json.loads(result.plugin["stdin"])["configuration"]
    assert (configuration["profile"], configuration["region"], configuration["caBundle"]) == (
        "ops", "sa-east-1", "/tmp/ca.pem")


def test_without_the_plugin(run):
    empty = run.home / "empty"
    empty.mkdir()
    result = run(*ARGS, path=str(empty))
    assert (result.returncode, result.stdout) == (255, "")
    assert result.stderr.endswith("[ERROR]: %s\n" % NOT_FOUND)


def test_a_failing_plugin(run):
    result = run(*ARGS, PLUGIN_RC="2")
    assert result.returncode == 255
    assert result.stderr.endswith("[ERROR]: Command '['lightsailctl', '--plugin', "
                                  "'--input-stdin']' returned non-zero exit status 2.\n")


def test_usage_errors_and_help(run):
    result = run("lightsail", "push-container-image", "--service-name", "web")
    assert result.returncode == 252
    assert "the following arguments are required: --image, --label" in result.stderr
    assert result.plugin is None
    page = run("lightsail", "push-container-image", "help")
    assert page.returncode == 0 and "lightsailctl" in page.stdout
    for option in ("--service-name <value>", "--image <value>", "--label <value>"):
        assert option in page.stdout
    assert run("lightsail", "help").stdout.count("o push-container-image\n") == 1
