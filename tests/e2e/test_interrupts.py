"""Signals and closed pipes in the middle of a run, against loopback servers the tests start.

Ctrl-C while a request waits or a listing pages: exit 130 (1 for an s3 transfer, as
v2), no traceback, no file left half-written. A reader that closes stdout early (`| head -c 10`): a silent end in every
output format, and no page fetched after the pipe closed where the format streams
pages. SIGTERM: the process ends at once.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import pytest

from tests.conftest import awsmini_executable, isolated_environ
from tests.e2e import test_faults
from tests.e2e.test_faults import _response

fault = test_faults.fault  # the misbehaving servers' fixture, shared

PAGES = 40


def _start(tmp_path, *argv: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([awsmini_executable(), *argv], env=isolated_environ(tmp_path),
                            cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kwargs)


def _wait_for(condition, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def _interrupt(process: subprocess.Popen, signum=signal.SIGINT):
    process.send_signal(signum)
    started = time.monotonic()
    out, err = process.communicate(timeout=20)
    return process.returncode, out.decode(), err.decode(), time.monotonic() - started


# ---------------------------------------------------------------- Ctrl-C

def test_ctrl_c_while_a_request_waits_exits_130(tmp_path, fault):
    server = fault(lambda conn, request, number: server.hang())
    process = _start(tmp_path, "iot", "list-things", "--endpoint-url", server.url)
    _wait_for(lambda: server.requests == 1)
    code, out, err, seconds = _interrupt(process)
    assert (code, out.strip(), err) == (130, "", "") and seconds < 5


def _page(number: int, last: int = PAGES) -> bytes:
    things = [{"thingName": "thing-%03d-%03d" % (number, i), "version": 1}
              for i in range(100)]
    body = {"things": things}
    if number < last:
        body["nextToken"] = "page-%d" % (number + 1)
    return json.dumps(body).encode()


def test_ctrl_c_during_a_paged_listing_exits_130(tmp_path, fault):
    def handle(conn, request, number):
        if number >= 3:
            server.hang()
            return
        conn.sendall(_response("200 OK", _page(number)))
        return True

    server = fault(handle)
    process = _start(tmp_path, "iot", "list-things", "--endpoint-url", server.url,
                     "--output", "text")
    _wait_for(lambda: server.requests == 3)
    code, out, err, seconds = _interrupt(process)
    assert (code, err) == (130, "") and seconds < 5
    assert out.startswith("THINGS") and out.count("\n") > 200  # two pages were printed


def _slow_body(total: int, first: int):
    """A handler that sends the headers and `first` bytes of a `total`-byte body, then
    waits (for the signal)."""
    def handle(conn, request, number):
        if request.startswith(b"HEAD "):
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nETag: \"e\"\r\n"
                         b"Last-Modified: Wed, 03 Dec 2025 06:20:54 GMT\r\n\r\n" % total)
            return True
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                     b"Content-Length: %d\r\nETag: \"e\"\r\n"
                     b"Last-Modified: Wed, 03 Dec 2025 06:20:54 GMT\r\n\r\n" % total)
        conn.sendall(b"x" * first)
        handle.sent = True
        handle.server.hang()
    handle.sent = False
    return handle


def test_ctrl_c_during_an_outfile_download_keeps_the_old_file(tmp_path, fault):
    (tmp_path / "out.json").write_text("old contents")
    os.chmod(tmp_path / "out.json", 0o640)
    handle = _slow_body(10_000_000, 1_000_000)
    server = handle.server = fault(handle)
    process = _start(tmp_path, "lambda", "invoke", "--function-name", "f", "out.json",
                     "--endpoint-url", server.url)
    _wait_for(lambda: handle.sent)
    time.sleep(0.3)  # the first megabyte is being written
    code, out, err, seconds = _interrupt(process)
    assert (code, err) == (130, "") and seconds < 5
    assert (tmp_path / "out.json").read_text() == "old contents"
    assert oct((tmp_path / "out.json").stat().st_mode & 0o777) == oct(0o640)
    assert [name for name in os.listdir(tmp_path) if "out" in name] == ["out.json"]


def test_ctrl_c_during_an_s3_download_leaves_no_partial_file(tmp_path, fault):
    """v2's s3 commands count Ctrl-C as a failed transfer: `cancelled: ctrl-c received`,
    exit 1. s3transfer ends its workers before it returns, and one blocked reading a
    stalled body notices the cancel only when the read times out (v2 waits so too)."""
    handle = _slow_body(10_000_000, 1_000_000)
    server = handle.server = fault(handle)
    process = _start(tmp_path, "s3", "cp", "s3://bucket/key", "got.bin", "--endpoint-url",
                     server.url, "--cli-read-timeout", "2")
    _wait_for(lambda: handle.sent)
    time.sleep(0.3)
    code, out, err, seconds = _interrupt(process)
    assert code == 1 and "Traceback" not in err and seconds < 5
    assert err.splitlines()[-1].rstrip() == "cancelled: ctrl-c received"
    assert [name for name in os.listdir(tmp_path) if name.startswith("got")] == []


# ------------------------------------------------------------ closed pipe

@pytest.mark.parametrize("output, streams", [
    ("json", False), ("table", False), ("yaml", False), ("text", True),
    ("yaml-stream", True)])
def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path, fault, output, streams):
    def handle(conn, request, number):
        conn.sendall(_response("200 OK", _page(number)))
        return True

    server = fault(handle)
    process = _start(tmp_path, "iot", "list-things", "--endpoint-url", server.url,
                     "--output", output)
    head = process.stdout.read(10)  # `| head -c 10`
    process.stdout.close()
    err = process.stderr.read().decode()
    process.wait(timeout=60)
    assert len(head) == 10
    assert (process.returncode, err) == (0, "")
    if streams:  # the pages after the closed pipe are not asked for
        assert server.requests < PAGES / 2
    else:  # these formats print once every page is in, as v2's do
        assert server.requests == PAGES


# ---------------------------------------------------------------- SIGTERM

def test_sigterm_ends_a_waiting_request_at_once(tmp_path, fault):
    server = fault(lambda conn, request, number: server.hang())
    process = _start(tmp_path, "iot", "list-things", "--endpoint-url", server.url)
    _wait_for(lambda: server.requests == 1)
    code, out, err, seconds = _interrupt(process, signal.SIGTERM)
    assert code == -signal.SIGTERM and seconds < 2
    assert "Traceback" not in err
