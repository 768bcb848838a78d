"""v2's customizations that act around the call: what the request carries and what is
printed or written from the response (in-process runs against a local server that
records each request and answers with a canned response).

- ec2 get-password-data --priv-launch-key (awscli/customizations/ec2/decryptpassword.py)
- cloudfront create-distribution and update-distribution's simple options
  (awscli/customizations/cloudfront.py)
"""
from __future__ import annotations

import json
import sys
import re
import threading
import xml.etree.ElementTree as ElementTree
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.cli.keys import encrypted, make_key_pair, openssl

_EC2 = "http://ec2.amazonaws.com/doc/2016-11-15/"


class _Canned(BaseHTTPRequestHandler):
    """Records (method, path, form or body) and answers with the server's `reply`."""

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8")
        is_form = "x-www-form-urlencoded" in self.headers.get("Content-Type", "")
        form = {k: v[0] for k, v in parse_qs(body).items()} if is_form else body
        split = urlsplit(self.path)
        self.server.requests.append((self.command, split.path, form))
        self.server.headers.append(dict(self.headers))
        status, headers, reply = self.server.reply(self.command, split.path, form)
        self.send_response(status)
        for name, value in {"Content-Type": "text/xml", **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Canned)
    httpd.requests, httpd.headers = [], []
    httpd.reply = lambda method, path, form: (200, {}, b"")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    httpd.endpoint = "http://127.0.0.1:%d" % httpd.server_address[1]
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def key_pair(tmp_path_factory) -> tuple[Path, Path]:
    return make_key_pair(tmp_path_factory.mktemp("keys"))


def _password_data_reply(password_data: str):
    xml = ('<?xml version="1.0" encoding="UTF-8"?><GetPasswordDataResponse xmlns="%s">'
           '<requestId>r-1</requestId><instanceId>i-1</instanceId>'
           '<timestamp>2024-05-01T12:00:00.000Z</timestamp>'
           '<passwordData>%s</passwordData></GetPasswordDataResponse>' % (_EC2, password_data))
    return lambda method, path, form: (200, {}, xml.encode())


# --------------------------------------------- ec2 get-password-data --priv-launch-key

def test_the_password_is_printed_decrypted_with_the_launch_key(awscrt, run_cli, server, key_pair):
    private, public = key_pair
    server.reply = _password_data_reply(encrypted(public, "Pa55w0rd!é"))
    result = run_cli(["ec2", "get-password-data", "--instance-id", "i-1",
                      "--priv-launch-key", str(private), "--endpoint-url", server.endpoint])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"InstanceId": "i-1", "PasswordData": "Pa55w0rd!é",
                                         "Timestamp": "2024-05-01T12:00:00+00:00"}
    [(_, _, form)] = server.requests
    assert form == {"Action": "GetPasswordData", "Version": "2016-11-15", "InstanceId": "i-1"}


def test_a_pkcs8_key_and_a_home_relative_path_work_too(awscrt, run_cli, server, key_pair, home):
    private, public = key_pair
    (home / "k8.pem").write_bytes(openssl("pkcs8", "-topk8", "-nocrypt", "-in", str(private)))
    server.reply = _password_data_reply(encrypted(public, "secret"))
    result = run_cli(["ec2", "get-password-data", "--instance-id", "i-1", "--priv-launch-key",
                      "~/k8.pem", "--query", "PasswordData", "--output", "text",
                      "--endpoint-url", server.endpoint])
    assert (result.exit_code, result.stdout) == (0, "secret\n"), result.stderr


def test_without_the_key_the_password_data_is_printed_as_sent(run_cli, server, key_pair):
    sent = encrypted(key_pair[1], "secret")
    server.reply = _password_data_reply(sent)
    result = run_cli(["ec2", "get-password-data", "--instance-id", "i-1",
                      "--endpoint-url", server.endpoint])
    assert json.loads(result.stdout)["PasswordData"] == sent


def test_an_empty_password_is_left_empty(awscrt, run_cli, server, key_pair):
    server.reply = _password_data_reply("")
    result = run_cli(["ec2", "get-password-data", "--instance-id", "i-1",
                      "--priv-launch-key", str(key_pair[0]), "--endpoint-url", server.endpoint])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["PasswordData"] == ""


def test_a_missing_key_file_is_refused_before_the_request(run_cli, server):
    result = run_cli(["ec2", "get-password-data", "--instance-id", "i-1",
                      "--priv-launch-key", "nope.pem", "--endpoint-url", server.endpoint])
    assert result.exit_code == 255
    assert result.stderr.strip().endswith(
        "priv-launch-key should be a path to the local SSH private key file used to launch "
        "the instance.")
    assert server.requests == []


def test_the_wrong_key_is_v2s_message(awscrt, run_cli, server, key_pair, home):
    other = home / "other.pem"
    other.write_bytes(openssl("genrsa", "-traditional", "2048"))
    server.reply = _password_data_reply(encrypted(key_pair[1], "secret"))
    result = run_cli(["ec2", "get-password-data", "--instance-id", "i-1",
                      "--priv-launch-key", str(other), "--endpoint-url", server.endpoint])
    assert result.exit_code == 255
    assert result.stderr.strip().endswith(
        "Unable to decrypt password data using provided private key file.")
    assert "Traceback" not in result.stderr


def test_without_awscrt_one_line_says_what_to_install(run_cli, server, key_pair, monkeypatch):
    monkeypatch.setitem(sys.modules, "awscrt", None)  # any import of it now fails
    monkeypatch.setitem(sys.modules, "awscrt.crypto", None)
    result = run_cli(["ec2", "get-password-data", "--instance-id", "i-1",
                      "--priv-launch-key", str(key_pair[0]), "--endpoint-url", server.endpoint])
    assert result.exit_code == 255
    assert result.stderr.strip().splitlines() == [
        "awsmini: [ERROR]: --priv-launch-key needs the awscrt package, which is not installed "
        "(pip install 'awsmini[crt]')"]
    assert "Traceback" not in result.stderr
    assert server.requests == []


# ---------------------------- cloudfront create/update-distribution's simple options

_CF = "{http://cloudfront.amazonaws.com/doc/2020-05-31/}"
_DISTRIBUTION = ('<Distribution xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">'
                 '<Id>E1</Id><Status>Deployed</Status></Distribution>').encode()


_ORIGIN_XML = ('<Origins><Quantity>1</Quantity><Items><Origin><Id>o1</Id>'
               '<DomainName>o.example.com</DomainName></Origin></Items></Origins>'
               '<DefaultCacheBehavior><TargetOriginId>o1</TargetOriginId>'
               '<ViewerProtocolPolicy>allow-all</ViewerProtocolPolicy></DefaultCacheBehavior>')
_ORIGIN = {"Origins": {"Quantity": "1", "Items": {"Origin": {
    "Id": "o1", "DomainName": "o.example.com"}}}, "DefaultCacheBehavior": {
    "TargetOriginId": "o1", "ViewerProtocolPolicy": "allow-all"}}
_CONFIG = {"CallerReference": "r", "Comment": "c", "Enabled": True,
           "Origins": {"Quantity": 1, "Items": [{"Id": "o1", "DomainName": "o.example.com"}]},
           "DefaultCacheBehavior": {"TargetOriginId": "o1", "ViewerProtocolPolicy": "allow-all"}}


def _tree(element) -> object:
    """An XML body as nested dicts (lists where a tag repeats), without the namespace."""
    children = list(element)
    if not children:
        return element.text or ""
    result: dict = {}
    for child in children:
        result.setdefault(child.tag.replace(_CF, ""), []).append(_tree(child))
    return {key: values[0] if len(values) == 1 else values for key, values in result.items()}


def _sent_config(body: str) -> dict:
    return _tree(ElementTree.fromstring(body))


@pytest.mark.parametrize("domain, origin", [
    ("site.s3.amazonaws.com", {"S3OriginConfig": {"OriginAccessIdentity": ""}}),
    ("site.s3.eu-west-1.amazonaws.com", {"CustomOriginConfig": {
        "HTTPPort": "80", "HTTPSPort": "443", "OriginProtocolPolicy": "http-only"}}),
], ids=["global-bucket-name", "anything-else-is-custom"])
def test_create_distribution_sends_v2s_distribution_of_one_origin(run_cli, server, domain,
                                                                    origin):
    server.reply = lambda method, path, form: (201, {"ETag": "E-TAG"}, _DISTRIBUTION)
    result = run_cli(["cloudfront", "create-distribution", "--origin-domain-name", domain,
                      "--default-root-object", "index.html", "--endpoint-url", server.endpoint])
    assert result.exit_code == 0, result.stderr
    [(method, path, body)] = server.requests
    assert (method, path) == ("POST", "/2020-05-31/distribution")
    config = _sent_config(body)
    origin_id = config["Origins"]["Items"]["Origin"]["Id"]
    assert re.fullmatch(re.escape(domain) + r"-\d+-\d+", origin_id)
    assert re.fullmatch(r"cli-\d+-\d+", config["CallerReference"])
    assert config == {
        "CallerReference": config["CallerReference"],
        "DefaultRootObject": "index.html",
        "Origins": {"Quantity": "1", "Items": {"Origin": {
            "Id": origin_id, "DomainName": domain, "OriginPath": "", **origin}}},
        "DefaultCacheBehavior": {
            "TargetOriginId": origin_id,
            "ForwardedValues": {"QueryString": "false", "Cookies": {"Forward": "none"}},
            "TrustedSigners": {"Enabled": "false", "Quantity": "0"},
            "ViewerProtocolPolicy": "allow-all", "MinTTL": "0"},
        "Enabled": "true", "Comment": ""}


def test_the_root_object_alone_is_a_distribution_without_origins(run_cli, server):
    # as in v2: the template's empty origin list is refused before anything is sent
    result = run_cli(["cloudfront", "create-distribution", "--default-root-object", "a.html",
                      "--endpoint-url", server.endpoint])
    assert result.exit_code == 252
    assert ("Invalid length for parameter DistributionConfig.Origins.Items, value: 0, valid "
            "min length: 1") in result.stderr
    assert server.requests == []


def test_update_distribution_reads_the_config_and_sends_it_back(run_cli, server):
    current = ('<DistributionConfig xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">'
               '<CallerReference>ref-1</CallerReference><DefaultRootObject>old.html'
               '</DefaultRootObject>%s<Comment>kept</Comment><Enabled>true</Enabled>'
               '</DistributionConfig>' % _ORIGIN_XML).encode()

    def reply(method, path, form):
        return (200, {"ETag": "E-CURRENT"}, current if method == "GET" else _DISTRIBUTION)

    server.reply = reply
    result = run_cli(["cloudfront", "update-distribution", "--id", "E1",
                      "--default-root-object", "new.html", "--if-match", "mine",
                      "--endpoint-url", server.endpoint])
    assert result.exit_code == 0, result.stderr
    [(get, get_path, _), (put, put_path, body)] = server.requests
    assert (get, get_path) == ("GET", "/2020-05-31/distribution/E1/config")
    assert (put, put_path) == ("PUT", "/2020-05-31/distribution/E1/config")
    assert server.headers[1]["If-Match"] == "E-CURRENT"  # the ETag read, over the one given
    assert _sent_config(body) == {"CallerReference": "ref-1", "DefaultRootObject": "new.html",
                                  **_ORIGIN, "Comment": "kept", "Enabled": "true"}


def test_update_distribution_without_the_shortcut_reads_nothing(run_cli, server):
    server.reply = lambda method, path, form: (200, {"ETag": "E2"}, _DISTRIBUTION)
    result = run_cli(["cloudfront", "update-distribution", "--id", "E1", "--if-match", "mine",
                      "--distribution-config", json.dumps(_CONFIG),
                      "--endpoint-url", server.endpoint])
    assert result.exit_code == 0, result.stderr
    assert [(method, path) for method, path, _ in server.requests] == [
        ("PUT", "/2020-05-31/distribution/E1/config")]
