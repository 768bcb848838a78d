"""The installed `awsmini_completer` as bash runs it: COMP_LINE and COMP_POINT in, lines out;
and a real bash, in a tmux pane, completing `awsmini` lines on Tab."""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import awsmini_executable, isolated_environ


def completer_executable() -> str:
    """The `awsmini_completer` installed beside the `awsmini` under test."""
    return str(Path(awsmini_executable()).with_name("awsmini_completer"))


def complete(tmp_path, line: str, point: int | None = None, **extra: str):
    environ = isolated_environ(tmp_path, {"COMP_LINE": line,
                                          "COMP_POINT": str(len(line) if point is None
                                                            else point), **extra})
    return subprocess.run([completer_executable(), "awsmini", "", ""], env=environ,
                          cwd=tmp_path, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)


@pytest.mark.parametrize("line, expected", [
    ("awsmini iot cancel-job-exec", "cancel-job-execution\n"),
    ("awsmini s3 r", "rb\nrm\n"),
    ("awsmini --output ya", "yaml\nyaml-stream\n"),
    ("awsmini help s3-c", "s3-case-insensitivity\ns3-config\n"),
    ("awsmini nosuchservice ", ""),
], ids=["operation", "hand-written", "enum", "help-topic", "nothing"])
def test_the_candidates_are_printed_one_a_line(tmp_path, line, expected):
    result = complete(tmp_path, line)
    assert (result.returncode, result.stdout, result.stderr) == (0, expected, "")


def test_the_point_inside_the_line_completes_the_word_there(tmp_path):
    line = "awsmini ec2 describe-vp --dry-run"
    result = complete(tmp_path, line, point=len("awsmini ec2 describe-vp"))
    assert result.returncode == 0
    assert result.stdout.split() == sorted(result.stdout.split())
    assert "describe-vpcs" in result.stdout.split()
    assert all(name.startswith("describe-vp") for name in result.stdout.split())


def test_file_paths_for_bash_and_for_zsh(tmp_path):
    (tmp_path / "job.json").write_text("{}")
    line = "awsmini iot create-job --cli-input-json file://jo"
    assert complete(tmp_path, line).stdout == "//job.json\n"
    assert complete(tmp_path, line, COMP_WORDBREAKS="").stdout == "file://job.json\n"


def test_zsh_glue_is_printed(tmp_path):
    result = subprocess.run([completer_executable(), "--zsh"], env=isolated_environ(tmp_path),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "complete -C _awsmini_completer awsmini" in result.stdout


# ------------------------------------------------------------------ real bash

class BashPane:
    """An interactive bash (no rc files) in a private tmux server, with the completion on."""

    def __init__(self, cwd: Path) -> None:
        self.socket = "awsmini-compl-%s" % uuid.uuid4().hex[:8]
        environ = isolated_environ(cwd, {"TERM": "xterm", "LANG": "C.UTF-8"})
        rc = cwd / "bashrc"
        rc.write_text("".join("export %s=%s\n" % (k, shlex.quote(v))
                              for k, v in environ.items() if k.isidentifier())
                      + "PS1='$ '\ncd %s\ncomplete -C %s awsmini\n"
                      % (shlex.quote(str(cwd)), shlex.quote(completer_executable())))
        self._tmux("new-session", "-d", "-x", "150", "-y", "30", "-s", "t",
                   "bash --noprofile --rcfile %s -i" % shlex.quote(str(rc)))

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, "-f", os.devnull, *args],
                              capture_output=True, text=True, timeout=10, check=True).stdout

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "t", "-l", "--", text)

    def key(self, *names: str) -> None:
        self._tmux("send-keys", "-t", "t", *names)

    def line_becomes(self, expected: str, timeout: float = 20) -> None:
        deadline = time.time() + timeout
        while True:
            screen = self._tmux("capture-pane", "-p", "-t", "t")
            last = [row for row in screen.split("\n") if row.startswith("$")][-1:]
            # capture-pane drops trailing blanks: the space bash adds shows in the next step
            if last and last[0].rstrip() == ("$ " + expected).rstrip():
                return
            if time.time() > deadline:
                raise AssertionError("line never became %r; screen:\n%s" % (expected, screen))
            time.sleep(0.05)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def bash(tmp_path):
    if shutil.which("tmux") is None or shutil.which("bash") is None:
        pytest.skip("tmux and bash are needed (scripts/test installs tmux)")
    pane = BashPane(tmp_path)
    pane.line_becomes("")
    yield pane
    pane.close()


def test_bash_completes_on_tab(bash, tmp_path):
    (tmp_path / "job.json").write_text("{}")
    bash.type("awsmini iot cancel-job-exec")
    bash.key("Tab")
    bash.line_becomes("awsmini iot cancel-job-execution ")
    bash.type("--thi")
    bash.key("Tab")
    bash.line_becomes("awsmini iot cancel-job-execution --thing-name ")
    bash.type("t --cli-input-json file://jo")
    bash.key("Tab")
    bash.line_becomes("awsmini iot cancel-job-execution --thing-name t "
                      "--cli-input-json file://job.json ")


def test_bash_completes_the_word_under_the_cursor(bash):
    bash.type("awsmini --query 'ééé' --regi --output json")
    bash.key(*["Left"] * len(" --output json"))
    bash.key("Tab")
    bash.line_becomes("awsmini --query 'ééé' --region --output json")
