"""Argument values on the wire: the request a local server receives for shorthand,
JSON, lists of structures, maps, blobs, timestamps and files (in-process runs)."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

import pytest


class _Recorder(BaseHTTPRequestHandler):
    def do_request(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        self.server.requests.append({
            "method": self.command, "path": unquote(url.path), "query": parse_qs(url.query),
            "target": self.headers.get("X-Amz-Target"), "body": body})
        payload = b"{}"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_request

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def send(run_cli, server):
    """Run a command against the recorder; return its one request."""

    def run(*argv: str) -> dict:
        endpoint = "http://127.0.0.1:%d" % server.server_address[1]
        result = run_cli([*argv, "--endpoint-url", endpoint])
        assert result.exit_code == 0, result.stderr
        assert len(server.requests) == 1
        return server.requests.pop()

    return run


def body(request: dict):
    return json.loads(request["body"].decode("utf-8")) if request["body"] else None


CANCEL = ["iot", "cancel-job-execution", "--job-id", "job-7", "--thing-name", "lamp-1"]


@pytest.mark.parametrize("value", [
    "reason=maintenance,operator=alice",
    '{"reason": "maintenance", "operator": "alice"}',
    "reason = maintenance ,  operator=alice  ",
], ids=["shorthand", "json", "shorthand-spacing"])
def test_status_details(send, value):
    request = send(*CANCEL, "--status-details", value)
    assert (request["method"], request["path"]) == ("PUT", "/things/lamp-1/jobs/job-7/cancel")
    assert body(request) == {"statusDetails": {"reason": "maintenance", "operator": "alice"}}


def test_status_details_from_nested_file(send, home):
    (home / "note.txt").write_text("line one\nline two, with comma\n", encoding="utf-8")
    request = send(*CANCEL, "--status-details", "note@=file://note.txt,x=y")
    assert body(request) == {"statusDetails": {"note": "line one\nline two, with comma\n", "x": "y"}}


def test_list_of_structures(send):
    request = send("logs", "put-log-events", "--log-group-name", "grp", "--log-stream-name", "str",
                   "--log-events", "timestamp=1700000000000,message=first",
                   'timestamp=1700000000500,message="second, with comma"')
    assert body(request)["logEvents"] == [
        {"timestamp": 1700000000000, "message": "first"},
        {"timestamp": 1700000000500, "message": "second, with comma"}]


def test_map(send):
    request = send("kms", "encrypt", "--key-id", "alias/app", "--plaintext", "c2VjcmV0",
                   "--encryption-context", "purpose=test,owner=ops")
    assert body(request)["EncryptionContext"] == {"purpose": "test", "owner": "ops"}
    assert body(request)["Plaintext"] == "c2VjcmV0"


@pytest.mark.parametrize("extra, files, expected", [
    (["--data", "aGVsbG8gd29ybGQ="], {}, "aGVsbG8gd29ybGQ="),
    (["--data", "hello world", "--cli-binary-format", "raw-in-base64-out"], {}, "aGVsbG8gd29ybGQ="),
    (["--data", "fileb://payload.bin"], {"payload.bin": b"\x00\x01\x02\x03\xff\x80\xfe"},
     "AAECA/+A/g=="),
    (["--data", "file://payload.b64"], {"payload.b64": b"Zm9vYmFy"}, "Zm9vYmFy"),
], ids=["base64", "raw-in-base64-out", "fileb", "file-is-base64-text"])
def test_blob(send, home, extra, files, expected):
    for name, content in files.items():
        (home / name).write_bytes(content)
    request = send("kinesis", "put-record", "--stream-name", "s1", "--partition-key", "pk", *extra)
    assert body(request)["Data"] == expected


@pytest.mark.parametrize("start, end, expected_start, expected_end", [
    ("2024-03-01T10:20:30Z", "2024-03-02T00:00:00+02:00", "2024-03-01T10:20:30Z", "2024-03-01T22:00:00Z"),
    ("1700000000", "1700003600.5", "2023-11-14T22:13:20Z", "2023-11-14T23:13:20.500000Z"),
    ("2024-03-01", "2024-03-01 12:30:00", "2024-03-01T00:00:00Z", "2024-03-01T12:30:00Z"),
], ids=["iso", "epoch", "date"])
def test_timestamps(send, start, end, expected_start, expected_end):
    request = send("iot", "list-audit-tasks", "--start-time", start, "--end-time", end)
    assert request["query"]["startTime"] == [expected_start]
    assert request["query"]["endTime"] == [expected_end]


@pytest.mark.parametrize("argv, message", [
    (CANCEL + ["--status-details", "reason"],
     "Error parsing parameter '--status-details': Expected: '=', received: 'EOF' for input:\n"
     " reason\n      ^"),
    (CANCEL + ["--status-details", "file://nope.json"],
     "Error parsing parameter '--status-details': Unable to load paramfile file://nope.json: "
     "[Errno 2] No such file or directory: 'nope.json'"),
    (CANCEL + ["--status-details", '{"reason": "x",}'],
     "Error parsing parameter '--status-details': Invalid JSON: Expecting property name enclosed "
     "in double quotes: line 1 column 16 (char 15)\nJSON received: {\"reason\": \"x\",}"),
], ids=["shorthand", "missing-file", "json"])
def test_parse_errors_send_nothing(run_cli, server, argv, message):
    endpoint = "http://127.0.0.1:%d" % server.server_address[1]
    result = run_cli([*argv, "--endpoint-url", endpoint])
    assert result.exit_code == 252
    assert "[ERROR]: An error occurred (ParamValidation): " + message in result.stderr
    assert server.requests == []


def test_bad_base64_exits_255(run_cli, server):
    endpoint = "http://127.0.0.1:%d" % server.server_address[1]
    result = run_cli(["kinesis", "put-record", "--stream-name", "s", "--partition-key", "p",
                      "--data", "not base64!", "--endpoint-url", endpoint])
    assert result.exit_code == 255
    assert '[ERROR]: Invalid base64: "not base64!"' in result.stderr
    assert server.requests == []


def test_a_later_argument_error_is_reported_before_a_bad_blob(run_cli, server):
    # v2 decodes blobs as the call is made, after every argument has been read.
    endpoint = "http://127.0.0.1:%d" % server.server_address[1]
    result = run_cli(["kms", "encrypt", "--key-id", "k", "--plaintext", "not base64!",
                      "--encryption-context", "a", "--endpoint-url", endpoint])
    assert result.exit_code == 252
    assert result.stderr.endswith(
        "Error parsing parameter '--encryption-context': Expected: '=', received: 'EOF' "
        "for input:\n a\n ^\n")
    assert server.requests == []


def test_blobs_from_cli_input_json_are_decoded_with_the_request(send, run_cli, server, home):
    (home / "in.json").write_text('{"StreamName": "s", "PartitionKey": "p", "Data": "aGk="}')
    request = send("kinesis", "put-record", "--cli-input-json", "file://in.json")
    assert body(request)["Data"] == "aGk="
    (home / "bad.json").write_text('{"StreamName": "s", "PartitionKey": "p", "Data": "no!"}')
    endpoint = "http://127.0.0.1:%d" % server.server_address[1]
    result = run_cli(["kinesis", "put-record", "--cli-input-json", "file://bad.json",
                      "--endpoint-url", endpoint])
    assert (result.exit_code, result.stderr.strip()) == (
        255, 'awsmini: [ERROR]: Invalid base64: "no!"')
    assert server.requests == []


def test_a_missing_region_is_reported_before_a_bad_blob(run_cli, server):
    endpoint = "http://127.0.0.1:%d" % server.server_address[1]
    result = run_cli(["kinesis", "put-record", "--stream-name", "s", "--partition-key", "p",
                      "--data", "not base64!", "--endpoint-url", endpoint],
                     environ={"AWS_DEFAULT_REGION": ""})
    assert result.exit_code == 253
    assert "You must specify a region" in result.stderr
    assert server.requests == []


def test_ec2_boolean_structure_and_its_negative_send_nothing(run_cli, server):
    endpoint = "http://127.0.0.1:%d" % server.server_address[1]
    result = run_cli(["ec2", "modify-vpc-attribute", "--vpc-id", "vpc-1", "--enable-dns-support",
                      "--no-enable-dns-support", "--endpoint-url", endpoint])
    assert result.exit_code == 252
    assert result.stderr.endswith('An error occurred (ParamValidation): Cannot specify both the '
                                  '"--enable-dns-support" option and the '
                                  '"--no-enable-dns-support" option.\n')
    assert server.requests == []
