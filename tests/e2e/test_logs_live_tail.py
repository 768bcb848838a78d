"""`logs start-live-tail` end to end: the installed awsmini against a loopback server that
answers StartLiveTail with an AWS event stream (moto's answer is JSON, which botocore cannot
read as one), framed here as the service frames it: prelude, headers, payload, CRCs.

botocore sends StartLiveTail to `stream-HOST`; AWS_DISABLE_HOST_PREFIX_INJECTION keeps it on
the loopback address."""
from __future__ import annotations

import binascii
import http.server
import json
import os
import signal
import struct
import subprocess
import threading
import time

import pytest

from tests import forkserver
from tests.conftest import awsmini_executable, isolated_environ

GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:app"


def _header(name: str, value: str) -> bytes:
    raw = value.encode()
    return bytes([len(name)]) + name.encode() + b"\x07" + struct.pack(">H", len(raw)) + raw


def frame(headers: dict, payload: bytes) -> bytes:
    """One event-stream message: lengths, prelude CRC, headers (all strings), payload, CRC."""
    encoded = b"".join(_header(name, value) for name, value in headers.items())
    total = 12 + len(encoded) + len(payload) + 4
    prelude = struct.pack(">II", total, len(encoded))
    message = prelude + struct.pack(">I", binascii.crc32(prelude)) + encoded + payload
    return message + struct.pack(">I", binascii.crc32(message))


def event(kind: str, body: dict) -> bytes:
    return frame({":message-type": "event", ":event-type": kind,
                  ":content-type": "application/json"}, json.dumps(body).encode())


def update(*messages: str) -> bytes:
    return event("sessionUpdate", {"sessionMetadata": {"sampled": False}, "sessionResults": [
        {"logGroupIdentifier": GROUP, "logStreamName": "web", "message": message,
         "timestamp": 1700000000000, "ingestionTime": 1700000000100} for message in messages]})


# the JSON protocol's first event: the response's members that are not the stream (none)
INITIAL = event("initial-response", {})
START = event("sessionStart", {"requestId": "r-1", "sessionId": "s-1",
                               "logGroupIdentifiers": [GROUP]})
TIMEOUT = frame({":message-type": "exception", ":exception-type": "SessionTimeoutException",
                 ":content-type": "application/json"},
                json.dumps({"message": "Session timed out after 3 hours"}).encode())


class LiveTail:
    """StartLiveTail's stream: `frames` sent in order, then held open while `hold` is set."""

    def __init__(self) -> None:
        self.frames: list = [INITIAL, START]
        self.hold = threading.Event()
        self.released = threading.Event()
        self.requests: list = []
        tail = self

        class Handler(http.server.BaseHTTPRequestHandler):
            # chunked, as the service sends it: each message reaches the client as it is sent
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                tail.requests.append((self.headers["X-Amz-Target"], json.loads(body)))
                self.send_response(200)
                self.send_header("Content-Type", "application/vnd.amazon.eventstream")
                self.send_header("Transfer-Encoding", "chunked")
                self.send_header("Connection", "close")
                self.end_headers()
                for data in tail.frames:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                    self.wfile.flush()
                while tail.hold.is_set() and not tail.released.wait(0.05):
                    pass
                self.wfile.write(b"0\r\n\r\n")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def tail():
    server = LiveTail()
    yield server
    server.released.set()
    server.server.shutdown()
    server.server.server_close()


def _argv(tail, *extra: str) -> list:
    return [awsmini_executable(), "logs", "start-live-tail", "--log-group-identifiers", GROUP,
            *extra, "--endpoint-url", tail.url]


def _environ(tmp_path) -> dict:
    return isolated_environ(tmp_path, {"AWS_DISABLE_HOST_PREFIX_INJECTION": "true"})


def _run(tmp_path, tail, *extra: str) -> subprocess.CompletedProcess:
    program, *argv = _argv(tail, *extra)
    return forkserver.run(program, argv, env=_environ(tmp_path), cwd=tmp_path)


def test_messages_are_printed_one_a_line_until_the_stream_ends(tmp_path, tail):
    tail.frames += [update("first line", '{"level": "INFO"}'), update(), update("third")]
    result = _run(tmp_path, tail, "--log-stream-name-prefixes", "web", "api",
                  "--log-event-filter-pattern", "ERROR")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == 'first line\n{"level": "INFO"}\nthird\n'
    [(target, body)] = tail.requests
    assert target == "Logs_20140328.StartLiveTail"
    assert body == {"logGroupIdentifiers": [GROUP], "logStreamNamePrefixes": ["web", "api"],
                    "logEventFilterPattern": "ERROR"}


def test_the_error_that_ends_the_stream_is_printed_on_stdout(tmp_path, tail):
    tail.frames += [update("before"), TIMEOUT]
    result = _run(tmp_path, tail, "--log-stream-names", "web")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == ("before\nAn error occurred (SessionTimeoutException) when calling "
                             "the StartLiveTail operation: Session timed out after 3 hours\n")
    assert tail.requests[0][1]["logStreamNames"] == ["web"]


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_ends_a_session_quietly(tmp_path, tail, number):
    tail.frames.append(update("seen"))
    tail.hold.set()
    process = subprocess.Popen(_argv(tail), env=_environ(tmp_path), cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        assert process.stdout.readline() == b"seen\n"
        time.sleep(0.2)
        os.killpg(process.pid, number)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert (process.returncode, stdout, stderr) == (0, b"", b"")


def test_the_interactive_mode(tmp_path, tail):
    refused = _run(tmp_path, tail, "--mode", "interactive")
    # v2 starts the session, then finds no colour for its screen
    assert (refused.returncode, refused.stdout) == (252, "")
    assert refused.stderr.endswith("An error occurred (ParamValidation): Color is not allowed "
                                   "by your output. Use print-only mode or enable color.\n")
    assert len(tail.requests) == 1
    screen = _run(tmp_path, tail, "--mode", "interactive", "--color", "on")
    assert screen.returncode == 252
    assert "`awsmini logs start-live-tail --mode interactive`: not available yet" in screen.stderr
    assert len(tail.requests) == 1


def test_a_service_error_and_usage_errors(tmp_path, tail):
    missing = subprocess.run([awsmini_executable(), "logs", "start-live-tail"],
                             env=_environ(tmp_path), capture_output=True, text=True,
                             stdin=subprocess.DEVNULL, timeout=60)
    assert missing.returncode == 252
    assert "the following arguments are required: --log-group-identifiers" in missing.stderr
    wrong = _run(tmp_path, tail, "--mode", "screen")
    assert wrong.returncode == 252
    assert "argument --mode: Found invalid choice 'screen'" in wrong.stderr
    assert tail.requests == []
    page = subprocess.run([awsmini_executable(), "logs", "start-live-tail", "help"],
                          env=_environ(tmp_path), capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)
    for option in ("--log-group-identifiers <value> [<value>...]", "--log-stream-names",
                   "--log-stream-name-prefixes", "--log-event-filter-pattern", "--mode"):
        assert option in page.stdout
