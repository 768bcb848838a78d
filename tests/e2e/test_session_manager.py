"""`ssm start-session` and `ecs execute-command` against a stub of the two APIs,
with a fake `session-manager-plugin` on PATH recording what it is given."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import forkserver
from tests.conftest import awsmini_executable, isolated_environ
from tests.e2e.stub_server import start_stub

NOT_FOUND = ("SessionManagerPlugin is not found. Please refer to SessionManager Documentation "
             "here: http://docs.aws.amazon.com/console/systems-manager/"
             "session-manager-plugin-not-found")
INSTALLED = ("The Session Manager plugin was installed successfully. Use the AWS CLI to start "
             "a session.")

PLUGIN = """#!%s
import json, os, signal, sys, time
args = sys.argv[1:]
if args == ["--version"]:
    print(os.environ.get("FAKE_PLUGIN_VERSION", "1.2.650.0"))
    sys.exit(int(os.environ.get("FAKE_VERSION_RC", "0")))
if not args:
    print("%s")
    sys.exit(int(os.environ.get("FAKE_CHECK_RC", "0")))
got = []
signal.signal(signal.SIGINT, lambda *a: got.append("SIGINT"))
print("Starting session with SessionId: s-1", flush=True)
with open(os.environ["FAKE_RECORD"] + ".started", "w"):
    pass
deadline = time.time() + float(os.environ.get("FAKE_PLUGIN_SECONDS", "0"))
while time.time() < deadline and not got:
    time.sleep(0.05)
with open(os.environ["FAKE_RECORD"], "w") as fp:
    json.dump({"argv": args, "variable": os.environ.get("AWS_SSM_START_SESSION_RESPONSE"),
               "signals": got}, fp)
sys.exit(int(os.environ.get("FAKE_PLUGIN_RC", "0")))
""" % (sys.executable, INSTALLED)

SESSION = {"SessionId": "s-1", "TokenValue": "tok-1", "StreamUrl": "wss://ssm.example/s-1"}
ECS_SESSION = {"sessionId": "ecs-s-2", "streamUrl": "wss://ssm.example/ecs-s-2",
               "tokenValue": "tok-2"}
ANSWERS = {
    "StartSession": (200, SESSION),
    "TerminateSession": (200, {"SessionId": "s-1"}),
    "ExecuteCommand": (200, {
        "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/web",
        "containerArn": "arn:aws:ecs:us-east-1:123456789012:container/web/abc/def",
        "containerName": "app", "interactive": True, "session": ECS_SESSION,
        "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/web/0123abcd"}),
    "DescribeTasks": (200, {"tasks": [{"containers": [
        {"name": "sidecar", "runtimeId": "0123abcd-111"},
        {"name": "app", "runtimeId": "0123abcd-222"}]}], "failures": []}),
}


@pytest.fixture
def stub():
    server, stop = start_stub(ANSWERS)
    yield server
    stop()


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "bin"
    directory.mkdir()
    plugin = directory / "session-manager-plugin"
    plugin.write_text(PLUGIN)
    plugin.chmod(0o755)
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(
        "[profile dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = secret\n"
        "[profile from-env]\n")
    return directory


def _environ(tmp_path: Path, path: Path, **extra: str) -> dict:
    return isolated_environ(tmp_path, {"PATH": str(path), "FAKE_RECORD": str(tmp_path / "rec"),
                                       **extra})


def _run(tmp_path: Path, stub, path: Path, *argv: str, **extra: str):
    return forkserver.run(awsmini_executable(), [*argv, "--endpoint-url", stub.url],
                          env=_environ(tmp_path, path, **extra), cwd=tmp_path, timeout=60)


def _record(tmp_path: Path) -> dict:
    return json.loads((tmp_path / "rec").read_text())


# ----------------------------------------------------------------- start-session

def test_start_session_hands_the_session_to_the_plugin_in_a_variable(tmp_path, stub, bin_dir):
    result = _run(tmp_path, stub, bin_dir, "ssm", "start-session", "--target", "i-0abc",
                  "--document-name", "AWS-StartPortForwardingSession",
                  "--parameters", "portNumber=[80],localPortNumber=[8080]",
                  "--profile", "dev", "--region", "eu-west-1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Starting session with SessionId: s-1\n"
    assert stub.operations() == ["StartSession"]
    request = {"Target": "i-0abc", "DocumentName": "AWS-StartPortForwardingSession",
               "Parameters": {"portNumber": ["80"], "localPortNumber": ["8080"]}}
    assert stub.requests[0].body == request
    record = _record(tmp_path)
    # a plugin newer than 1.2.497.0 reads the response from the variable it is named
    assert record["argv"] == ["AWS_SSM_START_SESSION_RESPONSE", "eu-west-1", "StartSession",
                              "dev", json.dumps(request), stub.url]
    assert json.loads(record["variable"]) == SESSION
    assert record["variable"] == json.dumps(SESSION)


def test_start_session_gives_an_old_plugin_the_response_itself(tmp_path, stub, bin_dir):
    result = _run(tmp_path, stub, bin_dir, "ssm", "start-session", "--target", "i-0abc",
                  FAKE_PLUGIN_VERSION="1.2.497.0\n")
    assert result.returncode == 0, result.stderr
    record = _record(tmp_path)
    assert record["argv"] == [json.dumps(SESSION), "us-east-1", "StartSession", "",
                              '{"Target": "i-0abc"}', stub.url]
    assert record["variable"] is None


def test_start_session_without_the_plugin_terminates_the_session(tmp_path, stub):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = _run(tmp_path, stub, empty, "ssm", "start-session", "--target", "i-0abc")
    assert result.returncode == 255
    assert result.stderr.endswith("[ERROR]: %s\n" % NOT_FOUND) and result.stdout == ""
    # v2 calls StartSession before it looks for the plugin, then ends the session
    assert stub.operations() == ["StartSession", "TerminateSession"]
    assert stub.requests[1].body == {"SessionId": "s-1"}


def test_start_session_plugin_failure_is_v2s_error(tmp_path, stub, bin_dir):
    result = _run(tmp_path, stub, bin_dir, "ssm", "start-session", "--target", "i-0abc",
                  FAKE_PLUGIN_RC="3")
    assert result.returncode == 255
    assert "returned non-zero exit status 3." in result.stderr
    assert "Command '['session-manager-plugin', 'AWS_SSM_START_SESSION_RESPONSE'" in result.stderr
    assert stub.operations() == ["StartSession"]  # v2 terminates only a plugin not found


def test_start_session_api_error_runs_no_plugin(tmp_path, stub, bin_dir):
    stub.answers["StartSession"] = (400, {"__type": "TargetNotConnected",
                                          "message": "i-0abc is not connected."})
    result = _run(tmp_path, stub, bin_dir, "ssm", "start-session", "--target", "i-0abc")
    assert result.returncode == 254
    assert "(TargetNotConnected) when calling the StartSession operation" in result.stderr
    assert not (tmp_path / "rec.started").exists()


def test_start_session_missing_target_is_a_usage_error(tmp_path, stub, bin_dir):
    result = _run(tmp_path, stub, bin_dir, "ssm", "start-session")
    assert result.returncode == 252
    assert "the following arguments are required: --target" in result.stderr
    assert stub.requests == []


def test_control_c_goes_to_the_plugin_not_the_command(tmp_path, stub, bin_dir):
    process = subprocess.Popen(
        [awsmini_executable(), "ssm", "start-session", "--target", "i-0abc", "--endpoint-url",
         stub.url], env=_environ(tmp_path, bin_dir, FAKE_PLUGIN_SECONDS="20"), cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
        start_new_session=True)
    try:
        deadline = time.time() + 30
        while not (tmp_path / "rec.started").exists():
            assert time.time() < deadline and process.poll() is None
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGINT)  # as a terminal sends it: to the whole group
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, stderr
    assert _record(tmp_path)["signals"] == ["SIGINT"]


# ----------------------------------------------------------------- execute-command

def test_execute_command_checks_the_plugin_then_hands_it_the_session(tmp_path, stub, bin_dir):
    result = _run(tmp_path, stub, bin_dir, "ecs", "execute-command", "--cluster", "web",
                  "--task", "0123abcd", "--container", "app", "--command", "/bin/sh",
                  "--interactive", "--region", "us-west-2",
                  AWS_PROFILE="from-env")
    assert result.returncode == 0, result.stderr
    assert result.stdout == INSTALLED + "\nStarting session with SessionId: s-1\n"
    assert stub.operations() == ["ExecuteCommand", "DescribeTasks"]
    assert stub.requests[0].body == {"cluster": "web", "container": "app",
                                     "command": "/bin/sh", "interactive": True,
                                     "task": "0123abcd"}
    assert stub.requests[1].body == {"cluster": "web", "tasks": ["0123abcd"]}
    record = _record(tmp_path)
    assert record["argv"] == [json.dumps(ECS_SESSION), "us-west-2", "StartSession", "from-env",
                              '{"Target": "ecs:web_0123abcd_0123abcd-222"}', stub.url]


def test_execute_command_without_the_plugin_sends_nothing(tmp_path, stub):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = _run(tmp_path, stub, empty, "ecs", "execute-command", "--task", "t",
                  "--command", "ls", "--interactive")
    assert (result.returncode, result.stdout) == (255, "")
    assert result.stderr.endswith("[ERROR]: %s\n" % NOT_FOUND)
    assert stub.requests == []


def test_execute_command_missing_interactive_is_botocores_check(tmp_path, stub, bin_dir):
    result = _run(tmp_path, stub, bin_dir, "ecs", "execute-command", "--task", "t",
                  "--command", "ls")
    assert result.returncode == 252
    assert 'Missing required parameter in input: "interactive"' in result.stderr
    assert result.stdout == INSTALLED + "\n"  # v2 runs the plugin's check first
    assert stub.requests == []


def test_execute_command_task_gone(tmp_path, stub, bin_dir):
    stub.answers["DescribeTasks"] = (200, {"tasks": [], "failures": []})
    result = _run(tmp_path, stub, bin_dir, "ecs", "execute-command", "--task", "t",
                  "--command", "ls", "--non-interactive")
    assert result.returncode == 255
    assert "The task provided in the request was not found." in result.stderr
    assert stub.requests[0].body["interactive"] is False
    assert not (tmp_path / "rec.started").exists()


def test_execute_command_is_listed_once_and_has_its_own_help(tmp_path, stub, bin_dir):
    listing = _run(tmp_path, stub, bin_dir, "ecs", "help")
    assert listing.stdout.count("o execute-command") == 1
    page = _run(tmp_path, stub, bin_dir, "ecs", "execute-command", "help")
    assert page.returncode == 0 and "session-manager-plugin" in page.stdout
    assert "--interactive | --non-interactive" in page.stdout
    assert stub.requests == []
