"""pager.py: v2's pager choice, the terminal checks, closed pipes, and a real pager on a pty."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from awsmini.env import Env
from awsmini.errors import ConfigurationError
from awsmini.pager import Pager, choose_pager, write_output

ROOT = Path(__file__).resolve().parents[2]


def tty_env(environ: dict, stdin_tty: bool = True, stdout_tty: bool = True) -> Env:
    return Env(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(),
               environ=environ, stdin_isatty=stdin_tty, stdout_isatty=stdout_tty)


def test_pager_argv_is_split_like_a_shell_and_gets_less_flags():
    pager = choose_pager(tty_env({"PATH": os.environ["PATH"]}), "cat -u 'x y'")
    assert pager.argv == ("cat", "-u", "x y")
    assert pager.environ["LESS"] == "FRX"


def test_existing_less_flags_are_kept():
    pager = choose_pager(tty_env({"PATH": os.environ["PATH"], "LESS": "-S"}), "cat")
    assert pager.environ["LESS"] == "-S"


@pytest.mark.parametrize("stdin_tty, stdout_tty", [(False, True), (True, False), (False, False)])
def test_no_pager_unless_stdin_and_stdout_are_terminals(stdin_tty, stdout_tty):
    env = tty_env({"PATH": os.environ["PATH"]}, stdin_tty, stdout_tty)
    assert choose_pager(env, "cat") is None


def test_missing_default_less_means_plain_stdout(tmp_path):
    assert choose_pager(tty_env({"PATH": str(tmp_path)}), "less", is_default=True) is None


def test_missing_configured_pager_is_v2s_error_before_any_request(tmp_path):
    with pytest.raises(ConfigurationError) as caught:
        choose_pager(tty_env({"PATH": str(tmp_path)}), "no-such-pager")
    assert caught.value.exit_code == 253
    assert caught.value.error_text() == (
        "An error occurred (Pager): Unable to redirect output to pager. Received the following "
        "error when opening pager:\n[Errno 2] No such file or directory: 'no-such-pager'\n\n"
        "Learn more about configuring the output pager by running \"aws help config-vars\".")


def test_plain_output_is_written_as_is():
    env = tty_env({}, False, False)
    write_output(iter(["a", "", "b\n"]), env, None)
    assert env.stdout.getvalue() == "ab\n"


def test_empty_output_never_starts_the_pager(tmp_path):
    marker = tmp_path / "started"
    pager = Pager((sys.executable, "-c", "open(%r, 'w').close()" % str(marker)), dict(os.environ))
    write_output(iter(["", ""]), tty_env({}), pager)
    assert not marker.exists()


def test_output_goes_through_the_pager(tmp_path):
    copy = tmp_path / "copy"
    script = "import sys; open(%r, 'w').write(sys.stdin.read())" % str(copy)
    write_output(iter(["one\n", "two\n"]), tty_env({}), Pager((sys.executable, "-c", script),
                                                             dict(os.environ)))
    assert copy.read_text() == "one\ntwo\n"


class ClosedPipe(io.StringIO):
    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")


def test_closed_pipe_ends_quietly_and_stops_the_producer():
    produced = []
    closed = []

    def chunks():
        try:
            for i in range(1000):
                produced.append(i)
                yield "line %d\n" % i
        finally:
            closed.append(True)

    env = Env(stdin=io.StringIO(), stdout=ClosedPipe(), stderr=io.StringIO(), environ={},
              stdin_isatty=False, stdout_isatty=False)
    write_output(chunks(), env, None)
    assert produced == [0] and closed == [True]


def test_closed_pipe_in_a_real_process_exits_0_silently():
    code = textwrap.dedent("""
        from awsmini.env import Env
        from awsmini.pager import write_output
        write_output(("line %d\\n" % i for i in range(200000)), Env(), None)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env=dict(os.environ,
                                                                     PYTHONPATH=str(ROOT)))
    assert proc.stdout.readline() == b"line 0\n"
    proc.stdout.close()
    assert proc.wait(timeout=30) == 0
    assert proc.stderr.read() == b""


PAGER_SCRIPT = """
import os, signal, sys, time
signal.signal(signal.SIGINT, signal.SIG_IGN)   # as less does
sys.stdout.write("READY\\n"); sys.stdout.flush()
time.sleep(0.5)
data = sys.stdin.read()
sys.stdout.write("PAGED[%s]:%s" % (os.environ.get("LESS"), data)); sys.stdout.flush()
"""

CHILD = """
import sys
from awsmini.env import Env
from awsmini.globalopts import GlobalOptions
from awsmini.pager import choose_pager, write_output
from awsmini.settings import Settings
env = Env()
pager = choose_pager(env, *Settings(GlobalOptions(), env.environ).pager())
write_output(iter(["hello ", "pager\\n"]), env, pager)
sys.stdout.write("DONE %s\\n" % (pager is not None)); sys.stdout.flush()
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pseudo-terminal")
def test_real_pager_on_a_pseudo_terminal_survives_ctrl_c(tmp_path):
    import pty

    script = tmp_path / "tinypager.py"
    script.write_text(PAGER_SCRIPT)
    environ = dict(os.environ, PYTHONPATH=str(ROOT), AWS_PAGER="%s %s" % (sys.executable, script))
    environ.pop("LESS", None)
    pid, master = pty.fork()
    if pid == 0:  # child: stdin and stdout are the terminal
        os.execve(sys.executable, [sys.executable, "-c", CHILD], environ)
    output = b""
    sent_interrupt = False
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        output += data
        if b"READY" in output and not sent_interrupt:
            os.write(master, b"\x03")  # Ctrl-C: SIGINT to the whole foreground group
            sent_interrupt = True
    _, status = os.waitpid(pid, 0)
    text = output.decode().replace("\r\n", "\n")
    assert "PAGED[FRX]:hello pager\n" in text
    assert "DONE True" in text
    assert os.waitstatus_to_exitcode(status) == 0
