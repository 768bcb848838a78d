"""emr ssh, socks, put and get: the OpenSSH programs run as v2 runs them, here stub
executables on PATH that record their arguments, against a cluster in moto_server."""
from __future__ import annotations

import json
import stat

import pytest

STUB = """#!/bin/sh
printf '%s\\n' "$*" >> "$STUB_LOG"
if [ "$1" = "-G" ]; then exit "${STUB_G_STATUS:-0}"; fi
exit "${STUB_STATUS:-0}"
"""


@pytest.fixture
def bin_dir(home):
    directory = home / "bin"
    directory.mkdir()
    return directory


def _install(bin_dir, *names):
    for name in names:
        path = bin_dir / name
        path.write_text(STUB)
        path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def cluster(run_cli, moto_reset):
    created = run_cli(["emr", "create-cluster", "--release-label", "emr-6.0.0",
                       "--instance-type", "m5.xlarge", "--endpoint-url", moto_reset])
    cluster_id = json.loads(created.stdout)["ClusterId"]
    described = run_cli(["emr", "describe-cluster", "--cluster-id", cluster_id,
                         "--endpoint-url", moto_reset])
    return cluster_id, json.loads(described.stdout)["Cluster"]["MasterPublicDnsName"]


@pytest.fixture
def emr(run_cli, moto_reset, bin_dir, home):
    def run(*argv, **environ):
        environ = {"PATH": str(bin_dir), "STUB_LOG": str(home / "calls.log"), **environ}
        return run_cli(["emr", *argv, "--endpoint-url", moto_reset], environ=environ)
    return run


def _calls(home):
    path = home / "calls.log"
    return path.read_text().splitlines() if path.exists() else []


def test_ssh_runs_ssh_with_v2s_options_and_returns_its_status(emr, cluster, bin_dir, home):
    cluster_id, dns = cluster
    _install(bin_dir, "ssh")
    result = emr("ssh", "--cluster-id", cluster_id, "--key-pair-file", "key.pem",
                 "--command", "ls -l", STUB_STATUS="3")
    expected = ("-o StrictHostKeyChecking=accept-new -o ServerAliveInterval=10 -i key.pem "
                "hadoop@%s -t ls -l" % dns)
    assert result.exit_code == 3, result.stderr
    assert result.stdout == "ssh %s\n" % expected
    assert _calls(home) == ["-G -o StrictHostKeyChecking=accept-new localhost", expected]


def test_an_old_openssh_gets_no_accept_new(emr, cluster, bin_dir, home):
    cluster_id, dns = cluster
    _install(bin_dir, "ssh")
    result = emr("socks", "--cluster-id", cluster_id, "--key-pair-file", "k.pem",
                 "--ssh-options", "ConnectTimeout=30", STUB_G_STATUS="255")
    assert result.exit_code == 0, result.stderr
    assert "Falling back to StrictHostKeyChecking=no." in result.stderr
    assert _calls(home)[-1] == ("-o StrictHostKeyChecking=no -o ConnectTimeout=30 "
                                "-o ServerAliveInterval=10 -ND 8157 -i k.pem hadoop@%s" % dns)


def test_put_and_get_run_scp_with_the_profiles_key(emr, cluster, bin_dir, home):
    cluster_id, dns = cluster
    _install(bin_dir, "ssh", "scp")
    (home / "config").write_text("[default]\nemr =\n    key_pair_file = /keys/k.pem\n")
    config = {"AWS_CONFIG_FILE": str(home / "config")}
    put = emr("put", "--cluster-id", cluster_id, "--src", "dir/data.csv",
              "--ssh-options", "StrictHostKeyChecking=no", **config)
    got = emr("get", "--cluster-id", cluster_id, "--src", "/home/hadoop/out.txt", **config)
    assert (put.exit_code, got.exit_code) == (0, 0), put.stderr + got.stderr
    assert _calls(home) == [
        "-r -o StrictHostKeyChecking=no -i /keys/k.pem dir/data.csv hadoop@%s:data.csv" % dns,
        "-G -o StrictHostKeyChecking=accept-new localhost",
        "-r -o StrictHostKeyChecking=accept-new -i /keys/k.pem hadoop@%s:/home/hadoop/out.txt "
        "out.txt" % dns]
    assert got.stdout.startswith("scp -r ")


def test_without_ssh_or_scp_v2s_message(emr, cluster):
    cluster_id, _ = cluster
    result = emr("ssh", "--cluster-id", cluster_id, "--key-pair-file", "k.pem")
    assert result.exit_code == 255
    assert ("SSH or Putty not available. Please refer to the documentation at "
            "http://docs.aws.amazon.com/ElasticMapReduce/latest/DeveloperGuide/"
            "EMR_SetUp_SSH.html.") in result.stderr
    copied = emr("get", "--cluster-id", cluster_id, "--key-pair-file", "k.pem", "--src", "x")
    assert copied.exit_code == 255 and "SCP or Pscp not available." in copied.stderr


def test_a_terminated_cluster_is_refused(emr, cluster, bin_dir, home):
    cluster_id, _ = cluster
    _install(bin_dir, "ssh")
    assert emr("terminate-clusters", "--cluster-ids", cluster_id).exit_code == 0
    result = emr("ssh", "--cluster-id", cluster_id, "--key-pair-file", "k.pem")
    assert result.exit_code == 255
    assert "Cluster terminating or already terminated." in result.stderr
    assert _calls(home) == []
