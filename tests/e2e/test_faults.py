"""Network faults from loopback servers the tests start: v2's message and exit code, in
bounded time, without a traceback.

Each `FaultServer` hands every connection and its first request to a function that
may answer, hang, reset, send garbage or stream a body; it counts the requests, so
retries (`AWS_MAX_ATTEMPTS`, `AWS_RETRY_MODE`) can be checked. The messages are
botocore's (botocore/exceptions.py), which v2 prints after `aws: [ERROR]: `.
"""
from __future__ import annotations

import gzip
import json
import socket
import struct
import subprocess
import threading
import time
from typing import Callable

import pytest

from awsmini.call import OUT_OF_MEMORY
from tests.conftest import awsmini_executable, free_port, isolated_environ
from tests.measure import popen_measured, read_report

ERROR = "awsmini: [ERROR]: "


class FaultServer:
    """A loopback server calling `handle(conn, request, number)` for each connection."""

    def __init__(self, handle: Callable[[socket.socket, bytes, int], None]) -> None:
        self.handle, self.requests, self.closing = handle, 0, threading.Event()
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.url = "http://127.0.0.1:%d" % self._sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with conn:
            try:
                while True:
                    request = _read_request(conn)
                    if not request:
                        return
                    self.requests += 1
                    if self.handle(conn, request, self.requests) is not True:
                        return  # True: keep the connection for the next request
            except OSError:
                return

    def hang(self) -> None:
        """Block the calling handler until the server is closed."""
        self.closing.wait(60)

    def close(self) -> None:
        self.closing.set()
        self._sock.close()


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return data


@pytest.fixture
def fault():
    servers: list[FaultServer] = []

    def start(handle) -> FaultServer:
        servers.append(FaultServer(handle))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def _response(status: str, body: bytes = b"", headers: str = "",
              content_type: str = "application/json") -> bytes:
    return ("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n%s\r\n" % (
        status, content_type, len(body), headers)).encode() + body


def _timed(run_cli, argv, environ=None):
    started = time.monotonic()
    result = run_cli(argv, environ=environ)
    return result, time.monotonic() - started


def _last_error(result) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr.splitlines()[-1]


# ----------------------------------------------------------------- connecting

def test_a_refused_connection_is_v2s_connect_error(run_cli):
    url = "http://127.0.0.1:%d" % free_port()
    result, seconds = _timed(run_cli, ["iot", "list-things", "--endpoint-url", url],
                             {"AWS_MAX_ATTEMPTS": "2"})
    assert result.exit_code == 255 and seconds < 5
    assert _last_error(result) == (
        ERROR + 'Could not connect to the endpoint URL: "%s/things"' % url)


def test_a_server_that_never_accepts_times_out_at_the_connect_timeout(run_cli):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    fillers = []  # a full backlog: the kernel drops further connection attempts
    for _ in range(8):
        filler = socket.socket()
        filler.setblocking(False)
        filler.connect_ex(listener.getsockname())
        fillers.append(filler)
    url = "http://127.0.0.1:%d" % listener.getsockname()[1]
    try:
        result, seconds = _timed(run_cli, ["iot", "list-things", "--endpoint-url", url,
                                           "--cli-connect-timeout", "1"])
    finally:
        for sock in (*fillers, listener):
            sock.close()
    assert result.exit_code == 255
    assert _last_error(result) == (
        ERROR + 'Connect timeout on endpoint URL: "%s/things"' % url)
    assert 0.9 < seconds < 5


def test_a_server_that_accepts_then_hangs_times_out_at_the_read_timeout(run_cli, fault):
    server = fault(lambda conn, request, number: server.hang())
    result, seconds = _timed(run_cli, ["iot", "list-things", "--endpoint-url", server.url,
                                       "--cli-read-timeout", "1"])
    assert result.exit_code == 255
    assert _last_error(result) == (
        ERROR + 'Read timeout on endpoint URL: "%s/things"' % server.url)
    assert 0.9 < seconds < 5 and server.requests == 1


def test_the_read_timeout_applies_to_each_attempt(run_cli, fault):
    server = fault(lambda conn, request, number: server.hang())
    result, seconds = _timed(run_cli, ["iot", "list-things", "--endpoint-url", server.url,
                                       "--cli-read-timeout", "1"],
                             {"AWS_MAX_ATTEMPTS": "2", "AWS_RETRY_MODE": "standard"})
    assert result.exit_code == 255 and "Read timeout on endpoint URL" in _last_error(result)
    assert server.requests == 2 and 1.9 < seconds < 8


# ------------------------------------------------------------ broken answers

def _reset(conn: socket.socket) -> None:
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def test_a_reset_in_the_middle_of_the_body_is_a_closed_connection(run_cli, fault):
    def handle(conn, request, number):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b'Content-Length: 1000\r\n\r\n{"things": [{"thingName": ')
        time.sleep(0.05)
        _reset(conn)

    server = fault(handle)
    result = run_cli(["iot", "list-things", "--endpoint-url", server.url],
                     environ={"AWS_MAX_ATTEMPTS": "3"})
    assert (result.exit_code, result.stdout) == (255, "")
    assert _last_error(result) == (
        ERROR + 'Connection was closed before we received a valid response from endpoint '
        'URL: "%s/things".' % server.url)
    assert server.requests == 3  # retried, as botocore retries a closed connection


def test_garbage_instead_of_http_is_a_closed_connection(run_cli, fault):
    def handle(conn, request, number):
        conn.sendall(b"\x00\xff garbage, not HTTP at all\r\n\r\n" * 10)

    server = fault(handle)
    result = run_cli(["iot", "list-things", "--endpoint-url", server.url],
                     environ={"AWS_MAX_ATTEMPTS": "2"})
    assert (result.exit_code, result.stdout) == (255, "")
    assert _last_error(result) == (
        ERROR + 'Connection was closed before we received a valid response from endpoint '
        'URL: "%s/things".' % server.url)
    assert server.requests == 2


# ------------------------------------------------------------------ retries

_THROTTLED = json.dumps({"__type": "ThrottlingException", "message": "Rate exceeded"}).encode()


@pytest.mark.parametrize("status, body, code, message", [
    ("500 Internal Server Error", b'{"message": "boom"}', "500",
     "boom"),
    ("503 Service Unavailable", b"", "503", "Service Unavailable"),
    ("400 Bad Request", _THROTTLED, "ThrottlingException", "Rate exceeded")])
@pytest.mark.parametrize("mode, attempts", [("standard", "3"), ("legacy", "2"),
                                            ("adaptive", "2")])
def test_server_errors_and_throttling_are_retried_as_configured(run_cli, fault, status, body,
                                                                code, message, mode, attempts):
    server = fault(lambda conn, request, number: conn.sendall(_response(status, body)))
    result, seconds = _timed(run_cli, ["iot", "list-things", "--endpoint-url", server.url],
                             {"AWS_MAX_ATTEMPTS": attempts, "AWS_RETRY_MODE": mode})
    assert (result.exit_code, result.stdout) == (254, "")
    assert _last_error(result) == (
        ERROR + "An error occurred (%s) when calling the ListThings operation (reached max "
        "retries: %d): %s" % (code, int(attempts) - 1, message))
    assert server.requests == int(attempts) and seconds < 20


def test_a_retry_that_succeeds_prints_the_answer(run_cli, fault):
    def handle(conn, request, number):
        if number == 1:
            conn.sendall(_response("503 Service Unavailable"))
        else:
            conn.sendall(_response("200 OK", b'{"things": [{"thingName": "a"}]}'))

    server = fault(handle)
    result = run_cli(["iot", "list-things", "--endpoint-url", server.url, "--query",
                      "things[].thingName", "--output", "text"],
                     environ={"AWS_MAX_ATTEMPTS": "2"})
    assert (result.exit_code, result.stdout, server.requests) == (0, "a\n", 2)


def test_a_redirect_loop_is_not_followed(run_cli, fault):
    """botocore follows no redirect of a JSON service: the 3xx is the error."""
    def handle(conn, request, number):
        conn.sendall(_response("307 Temporary Redirect", b"",
                               "Location: %s/things\r\n" % server.url))

    server = fault(handle)
    result, seconds = _timed(run_cli, ["iot", "list-things", "--endpoint-url", server.url],
                             {"AWS_MAX_ATTEMPTS": "2"})
    assert (result.exit_code, server.requests) == (254, 1)
    assert _last_error(result) == (  # v2 strips the message: no space after the colon
        ERROR + "An error occurred (307) when calling the ListThings operation:")
    assert seconds < 5


def test_an_s3_redirect_loop_ends(run_cli, fault):
    """S3's redirector asks again in the region the error names, once."""
    moved = (b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>PermanentRedirect</Code>'
             b'<Message>Elsewhere.</Message><Endpoint>%s</Endpoint></Error>')

    def handle(conn, request, number):
        conn.sendall(_response("301 Moved Permanently", moved % server.url[7:].encode(),
                               "x-amz-bucket-region: eu-west-1\r\n", "application/xml"))

    server = fault(handle)
    result, seconds = _timed(run_cli, ["s3api", "list-objects-v2", "--bucket", "b",
                                       "--endpoint-url", server.url],
                             {"AWS_MAX_ATTEMPTS": "2"})
    assert result.exit_code == 254
    _last_error(result)  # no traceback
    error = result.stderr.split(ERROR, 1)[1]
    assert error.startswith("An error occurred (PermanentRedirect) when calling the "
                            "ListObjectsV2 operation")
    assert error.rstrip("\n").endswith("You can get the bucket's location by running "
                                        '"aws s3api get-bucket-location --bucket BUCKET".')
    assert server.requests <= 3 and seconds < 5


# -------------------------------------------------------------------- bombs

def _xml_bomb(root: str) -> bytes:
    entities = "".join('<!ENTITY e%d "%s">' % (i, "&e%d;" % (i - 1) * 10) for i in range(1, 12))
    return ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e0 "lol">%s]><%s><Name>&e11;</Name>'
            '</%s>' % (entities, root, root)).encode()


def test_an_xml_entity_bomb_is_a_parse_error(run_cli, fault):
    """expat refuses the expansion (its amplification limit) at once."""
    server = fault(lambda conn, request, number: conn.sendall(
        _response("200 OK", _xml_bomb("DescribeInstancesResponse"), content_type="text/xml")))
    result, seconds = _timed(run_cli, ["ec2", "describe-instances", "--endpoint-url",
                                       server.url, "--no-paginate"])
    assert result.exit_code == 255 and seconds < 5
    assert result.stderr.splitlines()[1].startswith(
        ERROR + "Unable to parse response (limit on input amplification factor (from DTD "
        "and entities) breached")


def test_an_xml_entity_bomb_from_s3_is_a_server_error(run_cli, fault):
    """botocore takes a 200 from S3 whose XML it cannot read for a cut-short answer: a
    500, retried (handlers.py `_looks_like_special_case_error`)."""
    server = fault(lambda conn, request, number: conn.sendall(
        _response("200 OK", _xml_bomb("ListBucketResult"), content_type="application/xml")))
    result, seconds = _timed(run_cli, ["s3api", "list-objects-v2", "--bucket", "b",
                                       "--endpoint-url", server.url],
                             {"AWS_MAX_ATTEMPTS": "2"})
    assert (result.exit_code, server.requests) == (254, 2) and seconds < 5
    assert _last_error(result) == (
        ERROR + "An error occurred (500) when calling the ListObjectsV2 operation (reached "
        "max retries: 1): Internal Server Error")


def _measured(tmp_path, argv, environ=None, address_space=1024 ** 3, timeout=60):
    """Run awsmini in a subprocess under the memory wrapper: (code, stdout, stderr,
    peak bytes, seconds)."""
    report = str(tmp_path / "measure.json")
    started = time.monotonic()
    process = popen_measured([awsmini_executable(), *argv], report, address_space,
                             env=isolated_environ(tmp_path, environ), cwd=tmp_path,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    out, err = process.communicate(timeout=timeout)
    measured = read_report(report)
    return (measured["status"], out.decode(), err.decode(), measured["maxrss"],
            time.monotonic() - started)


def test_a_gzip_bomb_is_not_inflated(tmp_path, fault):
    """botocore reads a response's bytes as sent (urllib3 without decode_content), so a
    gzip body is not inflated: it is an answer the parser cannot read."""
    bomb = gzip.compress(b"\0" * (512 * 1024 ** 2), compresslevel=9)
    server = fault(lambda conn, request, number: conn.sendall(
        _response("200 OK", bomb, "Content-Encoding: gzip\r\n")))
    code, out, err, peak, seconds = _measured(tmp_path, ["iot", "list-things",
                                                         "--endpoint-url", server.url])
    assert (code, out) == (255, "")
    assert "Traceback" not in err
    assert err.splitlines()[1].startswith(ERROR + "Unable to parse response (")
    assert peak < 200 * 1024 ** 2 and seconds < 10


def test_a_gigabyte_body_to_a_json_operation_is_a_clean_error(tmp_path, fault):
    """botocore reads a whole response before parsing it, as v2's does: a body larger
    than the memory allowed (here 1 GiB of address space) ends in a one-line error."""
    size = 1024 ** 3

    def handle(conn, request, number):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Content-Length: %d\r\n\r\n" % size)
        chunk = b'{"thingName": "' + b"x" * (1024 * 1024 - 20) + b'"},'
        conn.sendall(b'{"things": [')
        sent = 0
        while sent < size - 12:
            conn.sendall(chunk)
            sent += len(chunk)

    server = fault(handle)
    code, out, err, peak, seconds = _measured(
        tmp_path, ["iot", "list-things", "--endpoint-url", server.url], timeout=120)
    assert (code, out) == (255, "")
    assert "Traceback" not in err
    assert err.splitlines()[-1] == ERROR + OUT_OF_MEMORY
    assert peak < 1024 ** 3 and seconds < 60
