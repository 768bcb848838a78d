"""Ctrl-C at any moment of a run: exit 130 and no traceback, from the first import on."""
from __future__ import annotations

import signal
import subprocess
import time

import pytest

from tests.conftest import awsmini_executable, free_port, isolated_environ


def _interrupted_after(delay: float, tmp_path) -> subprocess.CompletedProcess:
    closed = "http://127.0.0.1:%d" % free_port()  # refused at once: the run is all start-up
    process = subprocess.Popen(
        [awsmini_executable(), "iot", "list-things", "--endpoint-url", closed],
        env=isolated_environ(tmp_path, {"AWS_MAX_ATTEMPTS": "1"}), cwd=tmp_path,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    return subprocess.CompletedProcess(process.args, process.returncode, out.decode(),
                                       err.decode())


@pytest.mark.parametrize("delay", [0.0, 0.02, 0.04, 0.07, 0.1, 0.14, 0.18, 0.25, 0.35])
def test_ctrl_c_during_start_up_exits_130_without_a_traceback(delay, tmp_path):
    result = _interrupted_after(delay, tmp_path)
    if "Traceback" in result.stderr:
        # Only the interpreter's own start (its standard streams, then site's .pth
        # files), before awsmini's first line runs, is out of awsmini's reach.
        assert "awsmini" not in result.stderr.split("Traceback", 1)[1], result.stderr
        assert ("<frozen site>" in result.stderr  # site is frozen from Python 3.11 on
                or "Fatal Python error: init_import_site" in result.stderr
                or "Python runtime state: core initialized" in result.stderr), result.stderr
        return
    if result.returncode == 255:  # it got to the end (the refused connection) first
        assert "Could not connect to the endpoint URL" in result.stderr
        return
    assert result.returncode in (130, -signal.SIGINT), result.stderr
