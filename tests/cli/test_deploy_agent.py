"""`deploy install` and `deploy uninstall` followed in a directory standing for the
machine's root, with stand-ins for the system's programs on PATH (apt-get, yum, service,
dpkg) that record how they are run, the installer in moto_server's S3, and the instance
metadata address a closed port (or a loopback server, for an EC2 instance)."""
from __future__ import annotations

import http.server
import io
import json
import sys
import threading
from pathlib import Path

import pytest

from awsmini.commands import Context
from awsmini.commands.deploy import agent
from awsmini.env import Env
from awsmini.errors import ConfigurationError, OtherError
from awsmini.globalopts import GlobalOptions
from awsmini.settings import Settings
from tests.conftest import free_port, isolated_environ

PROGRAM = """#!%s
import json, os, sys
with open(os.environ["RECORD"], "a") as fp:
    fp.write(json.dumps([os.path.basename(sys.argv[0])] + sys.argv[1:]) + "\\n")
sys.stderr.write(os.environ.get("STDERR_" + os.path.basename(sys.argv[0]).upper()
                                .replace("-", "_"), ""))
sys.exit(int(os.environ.get("RC_" + os.path.basename(sys.argv[0]).upper()
                            .replace("-", "_"), "0")))
""" % sys.executable
INSTALLER = """#!%s
import json, os, sys
with open(os.environ["RECORD"], "a") as fp:
    fp.write(json.dumps(["installer"] + sys.argv[1:] + [
        os.environ[k] for k in ("AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")])
        + "\\n")
""" % sys.executable
UBUNTU = "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\n"
CONFIG = "---\nregion: us-east-1\niam_user_arn: arn\n"
CONFIG_PATH = "etc/codedeploy-agent/conf/codedeploy.onpremises.yml"
GUIDE = ('by following the instructions in "Configure Existing On-Premises Instances by '
         'Using AWS CodeDeploy" in the AWS CodeDeploy User Guide.\n')


class Machine:
    def __init__(self, tmp_path: Path, endpoint: str) -> None:
        self.root = tmp_path / "root"
        (self.root / "etc").mkdir(parents=True)
        self.bin = tmp_path / "bin"
        self.bin.mkdir()
        for name in ("apt-get", "yum", "service", "dpkg"):
            (self.bin / name).write_text(PROGRAM)
            (self.bin / name).chmod(0o755)
        self.record = tmp_path / "record"
        self.environ = isolated_environ(tmp_path, {
            "PATH": "%s:/usr/bin:/bin" % self.bin, "RECORD": str(self.record),
            "AWS_ENDPOINT_URL_S3": endpoint})
        self.stdout, self.stderr = io.StringIO(), io.StringIO()
        self.host = agent.Host(str(self.root), "http://127.0.0.1:%d/" % free_port(),
                               lambda: True)

    def release(self, name: str, text: str) -> None:
        (self.root / "etc" / name).write_text(text)

    def context(self, **environ: str) -> Context:
        merged = {**self.environ, **environ}
        env = Env(stdin=io.StringIO(), stdout=self.stdout, stderr=self.stderr,
                  environ=merged, stdin_isatty=False, stdout_isatty=False)
        return Context(env, GlobalOptions(), Settings(GlobalOptions(), merged))

    def calls(self) -> list:
        if not self.record.exists():
            return []
        return [json.loads(line) for line in self.record.read_text().splitlines()]


@pytest.fixture
def machine(tmp_path, monkeypatch, moto_reset):
    monkeypatch.chdir(tmp_path)
    return Machine(tmp_path, moto_reset)


def _bucket(machine: Machine, bucket: str, key: str) -> None:
    """The installer in moto's S3, put there by awsmini's own generic commands."""
    from awsmini.main import main

    path = machine.root.parent / "installer-source"
    path.write_text(INSTALLER)
    endpoint = machine.environ["AWS_ENDPOINT_URL_S3"]
    for argv in (["s3api", "create-bucket", "--bucket", bucket],
                 ["s3api", "put-object", "--bucket", bucket, "--key", key, "--body", str(path)]):
        env = Env(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(),
                  environ=machine.environ, stdin_isatty=False, stdout_isatty=False)
        assert main(argv + ["--endpoint-url", endpoint], env) == 0, env.stderr.getvalue()


def _install_args(**given) -> dict:
    return {"config-file": "codedeploy.onpremises.yml", "override-config": False,
            "agent-installer": None, **given}


# ------------------------------------------------------------------ the system

@pytest.mark.parametrize("files, expected", [
    ({"lsb-release": UBUNTU}, "Ubuntu"),
    ({"redhat-release": "Red Hat Enterprise Linux Server release 7.9 (Maipo)\n"},
     "Red Hat Enterprise Linux Server"),
    # without DISTRIB_RELEASE lsb-release is passed over; a release file whose first line
    # names no distribution is known by its file's name
    ({"lsb-release": "DISTRIB_ID=Ubuntu\n", "debian_version": "12.5\n"}, "debian"),
    ({"os-release": "NAME=Debian\n"}, ""),
    ({}, ""),
], ids=["ubuntu", "rhel", "lsb-without-release", "debian", "nothing"])
def test_distribution_as_v2_reads_etc(machine, files, expected):
    for name, text in files.items():
        machine.release(name, text)
    assert agent.distribution(machine.host) == expected


def test_refusals_before_anything_is_done(machine, tmp_path):
    (tmp_path / "codedeploy.onpremises.yml").write_text(CONFIG)
    machine.release("debian_version", "12.5\n")
    with pytest.raises(OtherError, match="^Only Ubuntu Server, Red Hat Enterprise Linux "
                       "Server and Windows Server operating systems are supported.$"):
        agent.install(_install_args(), machine.context(), machine.host)
    machine.release("lsb-release", UBUNTU)
    user = agent.Host(machine.host.root, machine.host.metadata_url, lambda: False)
    with pytest.raises(OtherError, match="^You must run this command as sudo.$"):
        agent.uninstall({}, machine.context(), user)
    with pytest.raises(ConfigurationError, match="^Region not specified.$"):
        agent.install(_install_args(), machine.context(AWS_DEFAULT_REGION=""), machine.host)
    assert machine.calls() == [] and not (machine.root / CONFIG_PATH).exists()


def test_an_ec2_instance_is_refused(machine):
    machine.release("lsb-release", UBUNTU)

    class Metadata(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Metadata)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        host = agent.Host(machine.host.root, "http://127.0.0.1:%d/latest/meta-data/"
                          % server.server_address[1], lambda: True)
        with pytest.raises(OtherError, match="^Amazon EC2 instances are not supported.$"):
            agent.install(_install_args(), machine.context(), host)
    finally:
        server.shutdown()
        server.server_close()


# ------------------------------------------------------------------ install

def test_install_on_ubuntu(machine, tmp_path):
    machine.release("lsb-release", UBUNTU)
    (tmp_path / "codedeploy.onpremises.yml").write_text(CONFIG)
    _bucket(machine, "aws-codedeploy-us-east-1", "latest/install")
    code = agent.install(_install_args(), machine.context(), machine.host)
    assert (code, machine.stderr.getvalue()) == (0, "")
    assert machine.stdout.getvalue() == (
        "Creating the on-premises instance configuration file... DONE\n"
        "Installing the AWS CodeDeploy Agent... DONE\n")
    assert (machine.root / CONFIG_PATH).read_text() == CONFIG
    assert machine.calls() == [
        ["apt-get", "-y", "update"], ["apt-get", "-y", "install", "ruby2.0"],
        ["service", "codedeploy-agent", "stop"],
        ["installer", "auto", "us-east-1", "AKIDTEST", "secret"]]
    assert (tmp_path / "install").read_text() == INSTALLER


def test_install_on_rhel_from_another_installer_replacing_the_config(machine, tmp_path):
    machine.release("redhat-release", "Red Hat Enterprise Linux Server release 7.9 (Maipo)\n")
    (machine.root / CONFIG_PATH).parent.mkdir(parents=True)
    (machine.root / CONFIG_PATH).write_text("old")
    (tmp_path / "mine.yml").write_text(CONFIG)
    _bucket(machine, "my-agents", "v1/agent-setup")
    args = _install_args(**{"config-file": "mine.yml", "agent-installer":
                            "s3://my-agents/v1/agent-setup"})
    with pytest.raises(OtherError, match="configuration file already exists. Specify "
                       "--override-config to update"):
        agent.install(args, machine.context(), machine.host)
    assert machine.calls() == []
    code = agent.install({**args, "override-config": True},
                         machine.context(RC_SERVICE="1", STDERR_SERVICE=(
                             "Redirecting to /bin/systemctl stop  codedeploy-agent.service\n")),
                         machine.host)
    assert code == 0, machine.stderr.getvalue()
    assert (machine.root / CONFIG_PATH).read_text() == CONFIG
    assert [call[0] for call in machine.calls()] == ["yum", "service", "installer"]
    assert (tmp_path / "agent-setup").exists()


def test_install_failing_step_is_v2s_error_report(machine, tmp_path):
    machine.release("lsb-release", UBUNTU)
    (tmp_path / "codedeploy.onpremises.yml").write_text(CONFIG)
    code = agent.install(_install_args(), machine.context(RC_SERVICE="1",
                                                          STDERR_SERVICE="permission denied\n"),
                         machine.host)
    assert code == 255
    assert machine.stdout.getvalue().endswith("Installing the AWS CodeDeploy Agent... ")
    assert machine.stderr.getvalue() == (
        "ERROR\nFailed to stop the AWS CodeDeploy Agent:\npermission denied\n\n"
        "Install the AWS CodeDeploy Agent on the on-premises instance " + GUIDE)
    assert machine.calls()[-1] == ["service", "codedeploy-agent", "stop"]


def test_install_of_a_missing_installer(machine, tmp_path):
    machine.release("lsb-release", UBUNTU)
    (tmp_path / "codedeploy.onpremises.yml").write_text(CONFIG)
    code = agent.install(_install_args(), machine.context(), machine.host)
    assert code == 255
    assert machine.stderr.getvalue().startswith(
        "ERROR\nAn error occurred (NoSuchBucket) when calling the GetObject operation")


# ------------------------------------------------------------------ uninstall

def test_uninstall_stops_removes_and_deletes_the_config(machine):
    machine.release("lsb-release", UBUNTU)
    (machine.root / CONFIG_PATH).parent.mkdir(parents=True)
    (machine.root / CONFIG_PATH).write_text(CONFIG)
    assert agent.uninstall({}, machine.context(), machine.host) == 0
    assert machine.stdout.getvalue() == (
        "Uninstalling the AWS CodeDeploy Agent... DONE\n"
        "Deleting the on-premises instance configuration... DONE\n")
    assert machine.calls() == [["service", "codedeploy-agent", "stop"],
                               ["dpkg", "-r", "codedeploy-agent"]]
    assert not (machine.root / CONFIG_PATH).exists()


def test_uninstall_of_an_agent_never_installed(machine):
    machine.release("lsb-release", UBUNTU)
    context = machine.context(RC_SERVICE="1",
                              STDERR_SERVICE="codedeploy-agent: unrecognized service\n")
    assert agent.uninstall({}, context, machine.host) == 0
    assert machine.calls() == [["service", "codedeploy-agent", "stop"]]  # nothing to remove


def test_uninstall_whose_package_removal_fails(machine):
    machine.release("lsb-release", UBUNTU)
    code = agent.uninstall({}, machine.context(RC_DPKG="2"), machine.host)
    assert code == 255
    assert machine.stderr.getvalue() == (
        "ERROR\nCommand '['dpkg', '-r', 'codedeploy-agent']' returned non-zero exit status 2."
        "\nUninstall the AWS CodeDeploy Agent on the on-premises instance " + GUIDE)


def test_install_usage_errors(run_cli):
    missing = run_cli(["deploy", "install"])
    assert missing.exit_code == 252
    assert "the following arguments are required: --config-file" in missing.stderr
    extra = run_cli(["deploy", "uninstall", "--force"])
    assert (extra.exit_code, extra.stdout) == (252, "")
    assert "Unknown options: --force" in extra.stderr
