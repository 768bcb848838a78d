"""What a user who installed awsmini with pip sees first: help, a skeleton, a live call,
the s3 commands and the prompt's fallback without a terminal.

Run with the rest of the suite against the checkout's console script, and by scripts/test
once more against a wheel built from the checkout and installed into a fresh virtual
environment outside it (`AWSMINI_EXECUTABLE`), so a file missing from the wheel or a
dependency missing from its metadata fails here.
"""
from __future__ import annotations

import json
import subprocess

from tests.conftest import awsmini_executable, isolated_environ


def _offline(tmp_path, *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([awsmini_executable(), *argv], env=isolated_environ(tmp_path),
                          cwd=tmp_path, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)


def test_help_pages_render(tmp_path):
    top = _offline(tmp_path, "help")
    assert top.returncode == 0, top.stderr
    assert "DESCRIPTION" in top.stdout and "s3api" in top.stdout
    page = _offline(tmp_path, "s3", "cp", "help")
    assert page.returncode == 0, page.stderr
    assert "--recursive" in page.stdout


def test_a_skeleton_is_written_without_a_server(tmp_path):
    skeleton = _offline(tmp_path, "iot", "cancel-job-execution", "--generate-cli-skeleton")
    assert skeleton.returncode == 0, skeleton.stderr
    assert json.loads(skeleton.stdout)["jobId"] == ""


def test_a_live_call_and_the_s3_commands(aws, tmp_path):
    made = aws("sqs", "create-queue", "--queue-name", "installed")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["QueueUrl"].endswith("/installed")
    (tmp_path / "a.txt").write_text("hello\n")
    assert aws("s3", "mb", "s3://installed").returncode == 0
    up = aws("s3", "cp", "a.txt", "s3://installed/a.txt", "--no-progress")
    assert (up.returncode, up.stdout) == (0, "upload: ./a.txt to s3://installed/a.txt\n"), \
        up.stderr
    listed = aws("s3", "ls", "s3://installed/")
    assert listed.stdout.endswith(" 6 a.txt\n"), listed.stdout


def test_the_prompt_without_a_terminal_runs_the_command_as_typed(tmp_path):
    run = _offline(tmp_path, "iot", "list-things", "--cli-auto-prompt",
                   "--generate-cli-skeleton")
    assert run.returncode == 0, run.stderr
    assert "auto-prompt needs an interactive terminal" in run.stderr
    assert json.loads(run.stdout)["maxResults"] == 0
