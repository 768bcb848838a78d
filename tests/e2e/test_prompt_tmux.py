"""The auto-prompt and the shell in a real terminal (tmux), against moto_server.

Keys are typed into a tmux pane running the installed `awsmini`; the pane's
text is read back with `capture-pane`. Also the non-terminal cases, where the
prompt must step aside: stdin an open pipe that never sends anything, and
stdout redirected while stdin is a terminal.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import time
import uuid

import pytest

from tests import forkserver
from tests.conftest import awsmini_executable, isolated_environ

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed (scripts/test installs it)")
WARNING = ("awsmini: [WARNING]: auto-prompt needs an interactive terminal; "
           "running the command as typed")


class Pane:
    """One tmux session on a private server, running `command` in a 120x40 pane."""

    def __init__(self, command: str, environ: dict, cwd: str, columns: int = 120) -> None:
        self.socket = "awsmini-test-%s" % uuid.uuid4().hex[:8]
        # tmux would otherwise move a cleared screen into the history, where the
        # erased UI would look as if it had been left behind.
        self.config = os.path.join(cwd, "tmux-%s.conf" % self.socket)
        with open(self.config, "w") as fp:
            fp.write("set -gq scroll-on-clear off\n")
        script = os.path.join(cwd, "pane-%s.sh" % self.socket)
        with open(script, "w") as fp:
            fp.write("".join("export %s=%s\n" % (k, shlex.quote(v)) for k, v in environ.items()))
            fp.write("cd %s\n%s\necho \"RC=$?\"\nexec sleep 600\n" % (shlex.quote(cwd), command))
        self._tmux("new-session", "-d", "-x", str(columns), "-y", "40", "-s", "t", "bash " + script)
        self.socket_path = self._tmux("display-message", "-p", "#{socket_path}").strip()

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, "-f", self.config, *args],
                              capture_output=True, text=True, timeout=10, check=True).stdout

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "t", "-l", text)

    def key(self, *names: str) -> None:
        self._tmux("send-keys", "-t", "t", *names)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-J", "-t", "t", "-S", "-200")

    def wait_for(self, pattern: str, timeout: float = 15) -> str:
        deadline = time.time() + timeout
        while True:
            screen = self.screen()
            if re.search(pattern, screen, re.M):
                return screen
            if time.time() > deadline:
                raise AssertionError("%r never appeared; screen:\n%s" % (pattern, screen))
            time.sleep(0.05)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        if self.socket_path and os.path.exists(self.socket_path):
            os.remove(self.socket_path)  # kill-server leaves the socket file behind


@pytest.fixture
def server(moto_reset, tmp_path):
    """moto with a thing and two jobs targeting it; `aws(...)` runs awsmini against it."""
    environ = isolated_environ(tmp_path, {"AWS_CLI_AUTO_PROMPT": None})

    def aws(*argv: str) -> subprocess.CompletedProcess:
        return forkserver.run(awsmini_executable(), [*argv, "--endpoint-url", moto_reset],
                              env=environ, cwd=tmp_path, timeout=60)

    created = aws("iot", "create-thing", "--thing-name", "MyRPi")
    assert created.returncode == 0, created.stderr
    arn = json.loads(created.stdout)["thingArn"]
    for job in ("example-job-01", "example-job-02"):
        made = aws("iot", "create-job", "--job-id", job, "--targets", arn,
                   "--document", '{"operation": "reboot"}')
        assert made.returncode == 0, made.stderr
    aws.url, aws.environ, aws.cwd = moto_reset, environ, str(tmp_path)
    return aws


@pytest.fixture
def pane(server):
    panes = []

    def start(command: str, columns: int = 120) -> Pane:
        panes.append(Pane(command, server.environ, server.cwd, columns))
        return panes[-1]

    yield start
    for each in panes:
        each.close()


def status(server, job: str) -> str:
    described = server("iot", "describe-job-execution", "--job-id", job, "--thing-name", "MyRPi")
    assert described.returncode == 0, described.stderr
    return json.loads(described.stdout)["execution"]["status"]


def complete_cancel(pane: Pane, job: str, url: str) -> None:
    """Type `iot cancel-job-execution` with Tab, then both required arguments."""
    pane.type("iot cancel-job-ex")
    pane.wait_for(r"^\s+cancel-job-execution\s*$")
    pane.key("Tab")
    pane.wait_for(r"^> aws iot cancel-job-execution\s*$")
    pane.key("Enter")  # closes the menu, keeps the line
    pane.type(" ")
    pane.wait_for(r"--job-id \(required\)")
    pane.key("Tab")
    pane.wait_for(r"^> aws iot cancel-job-execution --job-id\s*$")
    pane.key("Enter")
    pane.type(" %s --thing-name MyRPi --endpoint-url %s" % (job, url))
    pane.wait_for(re.escape(url) + r"\s*$")


def test_auto_prompt_completes_and_runs(server, pane):
    screen = pane(awsmini_executable() + " --cli-auto-prompt")
    screen.wait_for(r"^\s+accessanalyzer\s")
    screen.wait_for(r"\[F1\] Show Shortkey Help")
    complete_cancel(screen, "example-job-01", server.url)
    screen.key("Enter")
    text = screen.wait_for(r"^RC=\d+")
    line = "> aws iot cancel-job-execution --job-id example-job-01 --thing-name MyRPi " \
           "--endpoint-url " + server.url
    assert line in text and "RC=0" in text
    assert "[F1]" not in text  # the UI is erased when done
    assert status(server, "example-job-01") == "CANCELED"
    assert status(server, "example-job-02") != "CANCELED"


def test_shell_runs_two_commands_in_a_row(server, pane):
    screen = pane(awsmini_executable() + " shell")
    screen.wait_for(r"\[F1\] Show Shortkey Help")
    complete_cancel(screen, "example-job-01", server.url)
    screen.key("Enter")
    screen.wait_for(r"^> aws iot cancel-job-execution --job-id example-job-01 ")
    screen.wait_for(r"\[F1\] Show Shortkey Help")  # a fresh prompt after the command
    screen.type("iot describe-job-execution --job-id example-job-01 --thing-name MyRPi "
                "--endpoint-url %s --query execution.status --output text" % server.url)
    screen.wait_for(r"--output text\s*$")
    screen.key("Enter")
    screen.wait_for(r"^CANCELED\s*$")
    screen.wait_for(r"\[F1\] Show Shortkey Help")
    complete_cancel(screen, "example-job-02", server.url)
    screen.key("Enter")
    screen.wait_for(r"^> aws iot cancel-job-execution --job-id example-job-02 ")
    screen.wait_for(r"\[F1\] Show Shortkey Help")
    screen.type("exit")
    screen.key("Enter")
    text = screen.wait_for(r"^RC=\d+")
    assert "RC=0" in text
    assert status(server, "example-job-02") == "CANCELED"
    history = os.path.join(server.cwd, ".aws", "awsmini", "prompt_history.json")
    with open(history) as fp:
        commands = json.load(fp)["commands"]
    assert len(commands) == 3 and commands[1].startswith("iot describe-job-execution")


def test_ctrl_c_in_shell_clears_the_line(server, pane):
    screen = pane(awsmini_executable() + " shell")
    screen.wait_for(r"\[F1\] Show Shortkey Help")
    screen.type("iot list-thi")
    screen.wait_for(r"^> aws iot list-thi\s*$")
    screen.key("C-c")
    screen.wait_for(r"^> aws\s*$")
    screen.wait_for(r"^\s+accessanalyzer\s")  # the menu is back without a keystroke
    screen.key("C-d")
    assert "RC=0" in screen.wait_for(r"^RC=\d+")


def test_stdout_redirected_runs_without_ui(server, pane, tmp_path):
    out = tmp_path / "out.json"
    screen = pane("%s --cli-auto-prompt iot list-things --endpoint-url %s > %s"
                  % (awsmini_executable(), server.url, out))
    text = screen.wait_for(r"^RC=\d+")
    assert "RC=0" in text and WARNING in text
    assert json.loads(out.read_text())["things"][0]["thingName"] == "MyRPi"


@pytest.mark.parametrize("how", ["flag", "env"])
def test_open_pipe_that_never_sends_does_not_hang(server, how):
    argv = [awsmini_executable(), "iot", "list-things", "--endpoint-url", server.url]
    environ = dict(server.environ)
    if how == "flag":
        argv.insert(1, "--cli-auto-prompt")
    else:
        environ["AWS_CLI_AUTO_PROMPT"] = "on"
    proc = subprocess.Popen(argv, env=environ, cwd=server.cwd, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        code = proc.wait(timeout=30)  # stdin stays open and silent, as kubectl's is
    finally:
        proc.kill()
        proc.stdin.close()
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    assert code == 0
    assert json.loads(out)["things"][0]["thingName"] == "MyRPi"
    assert "\x1b" not in out
    assert err == (WARNING + "\n" if how == "flag" else "")


def test_menu_lists_resources_from_the_endpoint_on_the_line(server, pane):
    made = server("iot", "create-thing", "--thing-name", "MyLamp")
    assert made.returncode == 0, made.stderr
    screen = pane("%s --cli-auto-prompt iot cancel-job-execution --endpoint-url %s --job-id"
                  % (awsmini_executable(), server.url))
    text = screen.wait_for(r"^\s+example-job-02\s*$")
    assert text.index("example-job-01") < text.index("example-job-02")
    screen.key("Tab")
    screen.wait_for(r"--job-id example-job-01\s*$")
    screen.key("Enter")
    screen.type(" --thing-name ")
    text = screen.wait_for(r"^\s+MyLamp\s*$")  # in API order, as v2 lists them
    assert re.search(r"^\s+MyRPi\s*$", text, re.M) and text.index("MyRPi") < text.index("MyLamp")
    screen.key("Tab")
    screen.wait_for(r"--thing-name MyRPi\s*$")
    screen.key("Enter")
    screen.key("Enter")
    assert "RC=0" in screen.wait_for(r"^RC=\d+")
    assert status(server, "example-job-01") == "CANCELED"


def write_history(server, *commands: str) -> None:
    folder = os.path.join(server.cwd, ".aws", "awsmini")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "prompt_history.json"), "w") as fp:
        json.dump({"version": 1, "commands": list(commands)}, fp)


def test_ctrl_d_leaves_as_v2_does(server, pane):
    write_history(server, "s3 ls")
    screen = pane(awsmini_executable() + " --cli-auto-prompt 2>err.txt")
    screen.wait_for(r"\[F1\] Show Shortkey Help")
    screen.key("C-d")
    assert "RC=130" in screen.wait_for(r"^RC=\d+")  # v2: Ctrl+D aborts like Ctrl+C
    with open(os.path.join(server.cwd, "err.txt")) as fp:
        assert fp.read() == "> aws \n"
    with open(os.path.join(server.cwd, ".aws", "awsmini", "prompt_history.json")) as fp:
        assert json.load(fp)["commands"] == ["s3 ls"]


def test_up_on_an_empty_line_walks_the_history(server, pane):
    write_history(server, "iot list-things --endpoint-url " + server.url, "s3 ls")
    screen = pane(awsmini_executable() + " --cli-auto-prompt")
    screen.wait_for(r"^\s+accessanalyzer\s")
    screen.key("Up")
    screen.wait_for(r"^> aws s3 ls\s*$")
    screen.key("Up")
    screen.wait_for(r"^> aws iot list-things --endpoint-url \S+\s*$")
    screen.key("Up")  # the oldest entry stays
    screen.key("Down")
    screen.wait_for(r"^> aws s3 ls\s*$")
    screen.key("Up")
    screen.wait_for(r"^> aws iot list-things --endpoint-url \S+\s*$")
    screen.key("Enter")
    text = screen.wait_for(r"^RC=\d+")
    assert "RC=0" in text and '"thingName": "MyRPi"' in text


def test_up_in_the_menu_still_steps_back(server, pane):
    screen = pane(awsmini_executable() + " --cli-auto-prompt")
    screen.wait_for(r"^\s+accessanalyzer\s")
    screen.type("iot list-things-in-bil")
    screen.wait_for(r"^\s+list-things-in-billing-group\s*$")
    screen.key("Up")  # typed text: Up goes into the menu, from the last item
    screen.wait_for(r"^> aws iot list-things-in-billing-group\s*$")


HINTS = ("[ENTER] Autocomplete Choice/Execute Command", "[F1] Show Shortkey Help",
         "[F2] Focus on next panel", "[F3] Hide/Show Docs", "[F5] Hide/Show Output")


@pytest.mark.parametrize("columns", [80, 120])
def test_toolbar_wraps_between_hints(server, pane, columns):
    screen = pane(awsmini_executable() + " --cli-auto-prompt", columns)
    screen.wait_for(r"^\s+accessanalyzer\s")
    text = screen.wait_for(r"\[F5\] Hide/Show Output\s*$")
    rows = text.rstrip("\n").split("\n")
    rule = max(i for i, row in enumerate(rows) if row.startswith("\u2500" * 10))
    toolbar = [row.rstrip() for row in rows[rule + 1:] if row.strip()]
    assert all(len(row) <= columns for row in toolbar)
    found = [hint.strip() for row in toolbar for hint in row.split("    ") if hint.strip()]
    assert found == list(HINTS)  # each hint whole, in order, on one row
    assert len(toolbar) == 2


def test_doc_panel_keeps_list_items_on_their_marker_line(server, pane):
    screen = pane(awsmini_executable() + " --cli-auto-prompt iot associate-targets-with-job")
    screen.wait_for(r"\[F1\] Show Shortkey Help")
    screen.key("F3")
    text = screen.wait_for(r"\|Doc panel\|")
    text = screen.wait_for(r"^\* The job status must currently be \"IN_PROGRESS\"\.")
    assert re.search(r"^\* The job must have been created with the targetSelection", text, re.M)
    assert not re.search(r"^\*\s*$", text, re.M)  # no marker left alone on its line


def test_service_names_show_on_a_first_run(server, pane):
    from awsmini.cachefile import cache_dir

    cache = cache_dir(server.environ, "prompt")
    assert not os.path.exists(cache) or not any(
        name.startswith("services-") for name in os.listdir(cache))  # a cold cache
    screen = pane(awsmini_executable() + " --cli-auto-prompt")
    screen.wait_for(r"^\s+accessanalyzer\s")
    screen.wait_for(r"^\s+accessanalyzer\s+Access Analyzer\s*$", timeout=30)
    screen.wait_for(r"^\s+acm\s+AWS Certificate Manager\s*$")


def test_history_search_badge_leads_the_toolbar(server, pane):
    write_history(server, "s3 ls")
    screen = pane(awsmini_executable() + " --cli-auto-prompt", 80)
    screen.wait_for(r"^\s+accessanalyzer\s")
    screen.key("C-r")
    screen.wait_for(r"^bck-i-search    \[ENTER\] Autocomplete Choice/Execute Command\s*$")
    screen.wait_for(r"^\s+s3 ls\s*$")
