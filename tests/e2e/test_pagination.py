"""Pagination end to end: awsmini as a subprocess against moto_server and a counting server.

moto holds more things than one page; each paging option is checked as a
script sees it (stdout, stderr, exit code). A small local server that counts
requests shows that a closed pipe stops the fetching of further pages.
"""
from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.conftest import isolated_environ

ROOT = Path(__file__).resolve().parents[2]
THINGS = ["thing-%02d" % i for i in range(7)]


def awsmini(tmp_path: Path, *argv: str, stdout=subprocess.PIPE) -> subprocess.Popen:
    environ = isolated_environ(tmp_path, {"PYTHONPATH": str(ROOT)})
    return subprocess.Popen([sys.executable, "-m", "awsmini", *argv], env=environ, cwd=tmp_path,
                            stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE,
                            text=True)


def run(tmp_path: Path, *argv: str) -> tuple[int, str, str]:
    proc = awsmini(tmp_path, *argv)
    out, err = proc.communicate(timeout=60)
    return proc.returncode, out, err


@pytest.fixture
def things(moto_reset):
    import botocore.session

    client = botocore.session.get_session().create_client(
        "iot", region_name="us-east-1", endpoint_url=moto_reset,
        aws_access_key_id="AKIDTEST", aws_secret_access_key="secret")
    for name in THINGS:
        client.create_thing(thingName=name)
    return moto_reset


def names(output: str) -> list[str]:
    return [thing["thingName"] for thing in json.loads(output)["things"]]


def test_pages_are_merged(things, tmp_path):
    code, out, err = run(tmp_path, "iot", "list-things", "--page-size", "2",
                         "--endpoint-url", things)
    assert (code, err) == (0, "")
    assert sorted(names(out)) == THINGS
    assert "NextToken" not in json.loads(out)


def test_max_items_then_starting_token_resumes(things, tmp_path):
    code, out, err = run(tmp_path, "iot", "list-things", "--page-size", "2", "--max-items", "3",
                         "--endpoint-url", things)
    assert (code, err) == (0, "")
    first = json.loads(out)
    assert len(first["things"]) == 3 and first["NextToken"]
    code, out, err = run(tmp_path, "iot", "list-things", "--page-size", "2",
                         "--starting-token", first["NextToken"], "--endpoint-url", things)
    assert (code, err) == (0, "")
    assert sorted(names(out) + [t["thingName"] for t in first["things"]]) == THINGS


def test_no_paginate_makes_one_call(things, tmp_path):
    code, out, err = run(tmp_path, "iot", "list-things", "--no-paginate", "--max-results", "2",
                         "--endpoint-url", things)
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert len(result["things"]) == 2 and result["nextToken"]


def test_no_paginate_with_paging_options_is_refused(things, tmp_path):
    code, out, err = run(tmp_path, "iot", "list-things", "--no-paginate", "--max-items", "2",
                         "--endpoint-url", things)
    assert code == 252 and out == ""
    assert "Cannot specify --no-paginate along with pagination arguments: --max-items" in err


def test_text_is_written_page_by_page(things, tmp_path):
    code, out, err = run(tmp_path, "iot", "list-things", "--page-size", "3", "--output", "text",
                         "--query", "things[].thingName", "--endpoint-url", things)
    assert (code, err) == (0, "")
    rows = out.splitlines()
    assert [len(row.split("\t")) for row in rows] == [3, 3, 1]
    assert sorted(sum((row.split("\t") for row in rows), [])) == THINGS


def test_yaml_stream_writes_one_document_per_page(things, tmp_path):
    code, out, err = run(tmp_path, "iot", "list-things", "--page-size", "3",
                         "--output", "yaml-stream", "--endpoint-url", things)
    assert (code, err) == (0, "")
    assert out.count("\n- ") + out.startswith("- ") == 3


class _PageServer:
    """rest-json list-things pages `page-0` .. `page-N`, counting the requests."""

    def __init__(self, pages: int, per_page: int) -> None:
        self.requests = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                owner.requests += 1
                token = parse_qs(urlparse(self.path).query).get("nextToken", ["0"])[0]
                index = int(token)
                body = {"things": [{"thingName": "t-%d-%d" % (index, i)} for i in range(per_page)]}
                if index + 1 < pages:
                    body["nextToken"] = str(index + 1)
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.mark.parametrize("output", ["text", "yaml-stream"])
def test_closed_pipe_is_quiet_and_fetches_no_further_pages(tmp_path, output):
    pages = _PageServer(pages=40, per_page=2000)
    try:
        proc = awsmini(tmp_path, "iot", "list-things", "--output", output,
                       "--endpoint-url", pages.url)
        assert proc.stdout.readline()
        proc.stdout.close()  # `| head -1`
        assert proc.wait(timeout=60) == 0
        assert proc.stderr.read() == ""
        assert pages.requests < 10
    finally:
        pages.server.shutdown()


def test_dynamodb_binary_keys_resume_from_their_token(aws):
    # v2 keeps response blobs as base64 text and so decodes LastEvaluatedKey's `B`
    # values before the next page (customizations/dynamodb/paginatorfix.py); here the
    # blobs are bytes all along: the next request and the resumed token carry the key
    # once encoded, and every item comes back exactly once.
    def ok(*argv: str):
        result = aws("dynamodb", *argv, "--output", "json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout) if result.stdout.strip() else None

    ok("create-table", "--table-name", "bin", "--billing-mode", "PAY_PER_REQUEST",
       "--attribute-definitions", "AttributeName=k,AttributeType=B",
       "--key-schema", "AttributeName=k,KeyType=HASH")
    keys = ["AAE=", "AgI=", "AwM="]
    for key in keys:
        ok("put-item", "--table-name", "bin", "--item", json.dumps({"k": {"B": key}}))
    assert sorted(ok("scan", "--table-name", "bin", "--page-size", "1",
                     "--query", "Items[].k.B")) == keys
    first = ok("scan", "--table-name", "bin", "--page-size", "1", "--max-items", "1")
    rest = ok("scan", "--table-name", "bin", "--page-size", "1",
              "--starting-token", first["NextToken"], "--query", "Items[].k.B")
    assert sorted([first["Items"][0]["k"]["B"], *rest]) == keys
