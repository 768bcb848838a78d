"""Servers that misbehave, started by the tests on loopback: what awsmini says and exits with.

Each server reads one request and answers with the bytes given, or those a function
of the request gives (then closes), so a response can be anything a broken proxy or
server might send.
"""
from __future__ import annotations

import socket
import threading
from typing import Callable, Iterator, Union

import pytest

ERROR = "awsmini: [ERROR]: "


Reply = Union[bytes, Callable[[bytes], bytes]]


class RawServer:
    """A loopback server answering every request with `reply`, keeping the requests."""

    def __init__(self, reply: Reply) -> None:
        self.reply, self.seen = reply, []
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.url = "http://127.0.0.1:%d" % self._sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            with conn:
                request = conn.recv(65536)
                self.seen.append(request)
                conn.sendall(self.reply(request) if callable(self.reply) else self.reply)

    @property
    def requests(self) -> int:
        return len(self.seen)

    def close(self) -> None:
        self._sock.close()


@pytest.fixture
def serve() -> Iterator:
    servers: list[RawServer] = []

    def start(reply: Reply) -> RawServer:
        servers.append(RawServer(reply))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def _json_reply(body: bytes, length: int | None = None) -> bytes:
    return (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
            b"Connection: close\r\n\r\n" % (len(body) if length is None else length)) + body


def test_a_body_shorter_than_its_length_is_a_closed_connection_not_a_result(run_cli, serve):
    server = serve(_json_reply(b'{"things":[{"thingName":"a"}],"nextToken', length=1000))
    result = run_cli(["iot", "list-things", "--endpoint-url", server.url],
                     environ={"AWS_MAX_ATTEMPTS": "2"})
    assert (result.exit_code, result.stdout) == (255, "")
    assert result.stderr.splitlines()[-1] == (
        ERROR + 'Connection was closed before we received a valid response from endpoint '
        'URL: "%s/things".' % server.url)
    assert server.requests == 2  # retried, as botocore retries a closed connection


def test_a_whole_body_is_a_result(run_cli, serve):
    server = serve(_json_reply(b'{"things":[{"thingName":"a"}]}'))
    result = run_cli(["iot", "list-things", "--endpoint-url", server.url,
                      "--query", "things[].thingName", "--output", "text"])
    assert (result.exit_code, result.stdout) == (0, "a\n")


def _s3_reply(status: str, body: bytes = b"", headers: bytes = b"") -> bytes:
    return (b"HTTP/1.1 %s\r\nContent-Type: application/xml\r\nContent-Length: %d\r\n%s"
            b"Connection: close\r\n\r\n" % (status.encode(), len(body), headers)) + body


def test_a_bucket_in_another_region_is_found_with_head_bucket_and_asked_again(run_cli, serve):
    """botocore's S3 redirector calls HeadBucket on the client of any S3 operation."""
    moved = (b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>PermanentRedirect</Code>'
             b'<Message>The bucket is in this region: null.</Message></Error>')
    listing = (b'<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>far</Name>'
               b'<KeyCount>1</KeyCount><Contents><Key>k.txt</Key><Size>3</Size></Contents>'
               b'<IsTruncated>false</IsTruncated></ListBucketResult>')

    def reply(request: bytes) -> bytes:
        if request.startswith(b"HEAD "):
            return _s3_reply("200 OK", headers=b"x-amz-bucket-region: eu-west-1\r\n")
        if b"eu-west-1" not in request:  # signed for us-east-1: the wrong region
            return _s3_reply("301 Moved Permanently", moved)
        return _s3_reply("200 OK", listing)

    server = serve(reply)
    result = run_cli(["s3api", "list-objects-v2", "--bucket", "far", "--endpoint-url",
                      server.url, "--query", "Contents[].Key", "--output", "text"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "k.txt\n", "")
    assert [request.split(b" ", 1)[0] for request in server.seen] == [b"GET", b"HEAD", b"GET"]


@pytest.mark.parametrize("body, cause", [
    (b'{"things": "abc"}', "'str' object has no attribute 'get'"),
    (b'{"things": [{"version": "abc"}]}', "invalid literal for int() with base 10: 'abc'"),
    (b'[1, 2]', "'list' object has no attribute 'get'")])
def test_a_body_of_the_wrong_types_is_a_parse_error(run_cli, serve, body, cause):
    server = serve(_json_reply(body))
    result = run_cli(["iot", "list-things", "--endpoint-url", server.url])
    assert (result.exit_code, result.stdout) == (255, "")
    assert result.stderr.splitlines()[1:] == [
        ERROR + "Unable to parse response (%s), invalid JSON received. Further retries may "
        "succeed:" % cause, body.decode()]


def test_an_xml_body_of_the_wrong_types_is_a_parse_error(run_cli, serve):
    listing = (b'<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>b</Name>'
               b'<KeyCount>many</KeyCount></ListBucketResult>')
    server = serve(_s3_reply("200 OK", listing))
    result = run_cli(["s3api", "list-objects-v2", "--bucket", "b", "--endpoint-url", server.url])
    assert result.exit_code == 255
    assert result.stderr.splitlines()[1] == (
        ERROR + "Unable to parse response (invalid literal for int() with base 10: 'many'), "
        "invalid XML received. Further retries may succeed:")


@pytest.mark.parametrize("command", [["s3api", "list-objects-v2", "--bucket", "b"],
                                     ["s3", "ls", "s3://b/"]])
def test_s3_errors_get_v2s_hints(run_cli, serve, command):
    sigv4 = (b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidRequest</Code>'
             b'<Message>The authorization mechanism you have provided is not supported. '
             b'Please use AWS4-HMAC-SHA256.</Message></Error>')
    server = serve(_s3_reply("400 Bad Request", sigv4))
    result = run_cli([*command, "--endpoint-url", server.url])
    assert result.exit_code == 254
    assert ("You are attempting to operate on a bucket in a region that requires Signature "
            "Version 4.  You can fix this issue by explicitly providing the correct region "
            "location using the --region argument") in result.stderr


def test_a_kms_error_says_how_to_turn_on_sigv4(run_cli, serve):
    kms = (b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidArgument</Code>'
           b'<Message>Requests specifying Server Side Encryption with AWS KMS managed keys '
           b'require AWS Signature Version 4.</Message></Error>')
    server = serve(_s3_reply("400 Bad Request", kms))
    result = run_cli(["s3api", "get-object", "--bucket", "b", "--key", "k", "out.bin",
                      "--endpoint-url", server.url])
    assert result.exit_code == 254
    assert result.stderr.rstrip("\n").endswith(
        "require AWS Signature Version 4. You can enable AWS Signature Version 4 by running "
        "the command: \naws configure set s3.signature_version s3v4")
