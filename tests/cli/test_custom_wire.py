"""v2's customizations of generic operations on the wire: the request a local server
receives (in-process runs against a recorder that answers with an empty result)."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

_EC2_EMPTY = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Response '
              b'xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"></Response>')


class _Recorder(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode("utf-8"))
        self.server.requests.append({key: values[0] for key, values in form.items()})
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(_EC2_EMPTY)))
        self.end_headers()
        self.wfile.write(_EC2_EMPTY)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def sent(run_cli):
    """Run an ec2 command against the recorder; return the form of its one request."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()

    def run(*argv: str) -> dict:
        endpoint = "http://127.0.0.1:%d" % httpd.server_address[1]
        result = run_cli(["ec2", *argv, "--endpoint-url", endpoint])
        assert result.exit_code == 0, result.stderr
        assert len(httpd.requests) == 1
        return httpd.requests.pop()

    yield run
    httpd.shutdown()
    httpd.server_close()


# awscli/customizations/ec2/paginate.py
@pytest.mark.parametrize("argv, max_results", [
    (["describe-volumes"], "1000"),
    (["describe-volumes", "--max-items", "5"], "1000"),
    (["describe-volumes", "--page-size", "7"], "7"),
    (["describe-volumes", "--filters", "Name=status,Values=available"], None),
    (["describe-volumes", "--volume-ids", "vol-1"], None),
    (["describe-volumes", "--no-paginate"], None),
    (["describe-snapshots", "--owner-ids", "self"], "1000"),
    (["describe-snapshots", "--owner-ids", "self", "--snapshot-ids", "snap-1"], None),
    (["describe-vpcs"], None),
], ids=["volumes", "max-items", "page-size-given", "filtered", "by-id", "no-paginate",
        "snapshots-by-owner", "snapshots-by-id", "other-operation"])
def test_ec2_listings_ask_for_pages_of_1000(sent, argv, max_results):
    assert sent(*argv).get("MaxResults") == max_results
