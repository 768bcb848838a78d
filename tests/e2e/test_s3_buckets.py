"""`s3 ls`, `mb`, `rb`, `presign` and `website` end to end against moto_server, and the
global options as the hand-written commands honour them (some against a stub server
that records what it is sent)."""
from __future__ import annotations

import http.server
import json
import re
import threading
import urllib.request

import pytest

LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ")


@pytest.fixture
def filled(aws, tmp_path):
    assert aws("s3", "mb", "s3://listing").returncode == 0
    for key, size in (("top.txt", 3), ("docs/a.txt", 1500), ("docs/deep/b.txt", 2),
                      ("logs/x.log", 1)):
        (tmp_path / "f").write_bytes(b"x" * size)
        assert aws("s3", "cp", "f", "s3://listing/" + key, "--quiet").returncode == 0
    return "listing"


def test_ls_lists_buckets_then_prefixes_and_objects(aws, filled):
    buckets = aws("s3", "ls")
    assert buckets.returncode == 0
    assert [line[20:] for line in buckets.stdout.splitlines()] == ["listing"]
    assert LINE.match(buckets.stdout)
    top = aws("s3", "ls", "s3://listing")
    lines = top.stdout.splitlines()
    assert lines[:2] == ["                           PRE docs/", "                           PRE logs/"]
    assert LINE.match(lines[2]) and lines[2][19:] == "          3 top.txt"
    inside = aws("s3", "ls", "s3://listing/docs/")
    assert [line[19:] if LINE.match(line) else line for line in inside.stdout.splitlines()] == [
        "                           PRE deep/", "       1500 a.txt"]


def test_ls_recursive_human_readable_summarize_and_pages(aws, filled):
    result = aws("s3", "ls", "s3://listing", "--recursive", "--human-readable", "--summarize",
                 "--page-size", "1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line[19:] for line in lines[:4]] == [
        "    1.5 KiB docs/a.txt", "    2 Bytes docs/deep/b.txt", "     1 Byte logs/x.log",
        "    3 Bytes top.txt"]
    assert lines[4:] == ["", "Total Objects: 4", "   Total Size: 1.5 KiB"]


def test_ls_of_a_prefix_that_matches_nothing_is_rc_1(aws, filled):
    result = aws("s3", "ls", "s3://listing/nothing-here")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "")
    missing = aws("s3", "ls", "s3://no-such-bucket-here")
    assert missing.returncode == 254
    assert "NoSuchBucket" in missing.stderr


def test_mb_in_a_region_rb_and_their_failures(aws):
    made = aws("s3", "mb", "s3://made-here", "--region", "eu-west-1")
    assert (made.returncode, made.stdout) == (0, "make_bucket: made-here\n")
    location = json.loads(aws("s3api", "get-bucket-location", "--bucket", "made-here").stdout)
    assert location["LocationConstraint"] == "eu-west-1"
    again = aws("s3", "mb", "s3://made-here", "--region", "eu-west-1")
    assert again.returncode == 1
    assert again.stderr.startswith("make_bucket failed: s3://made-here An error occurred (")
    assert aws("s3", "cp", "-", "s3://made-here/k", stdin="x").returncode == 0
    full = aws("s3", "rb", "s3://made-here")
    assert full.returncode == 1 and full.stderr.startswith("remove_bucket failed: s3://made-here")
    assert aws("s3", "rm", "s3://made-here/k", "--quiet").returncode == 0
    removed = aws("s3", "rb", "s3://made-here")
    assert (removed.returncode, removed.stdout) == (0, "remove_bucket: made-here\n")
    bad = aws("s3", "mb", "made-here")
    assert bad.returncode == 252 and bad.stderr.endswith("<S3Uri>\nError: Invalid argument type\n")


def test_presign_gives_a_url_that_fetches_the_object(aws, filled):
    result = aws("s3", "presign", "s3://listing/top.txt", "--expires-in", "90")
    assert result.returncode == 0, result.stderr
    url = result.stdout.strip()
    assert "X-Amz-Expires=90" in url and "X-Amz-Signature=" in url
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.read() == b"xxx"


def test_website_sets_the_bucket_configuration(aws, filled):
    result = aws("s3", "website", "s3://listing", "--index-document", "index.html",
                 "--error-document", "error.html")
    assert (result.returncode, result.stdout) == (0, "")
    config = json.loads(aws("s3api", "get-bucket-website", "--bucket", "listing").stdout)
    assert config["IndexDocument"] == {"Suffix": "index.html"}
    assert config["ErrorDocument"] == {"Key": "error.html"}


# ------------------------------------------------------------------ global options

class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers every request with an empty bucket listing; keeps the request headers."""

    seen: list = []
    delay = 0.0

    def do_GET(self) -> None:
        import time

        type(self).seen.append(dict(self.headers))
        time.sleep(self.delay)
        body = (b'<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>b</Name>'
                b"<KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>")
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def recorder():
    _Recorder.seen, _Recorder.delay = [], 0.0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "http://127.0.0.1:%d" % server.server_address[1], _Recorder
    server.shutdown()
    server.server_close()


def test_no_sign_request_sends_no_signature(aws, recorder):
    endpoint, handler = recorder
    assert aws("s3", "ls", "s3://b", endpoint=endpoint).returncode == 0
    assert "Authorization" in handler.seen[-1]
    assert aws("s3", "ls", "s3://b", "--no-sign-request", endpoint=endpoint).returncode == 0
    assert "Authorization" not in handler.seen[-1]


def test_profile_and_region_choose_the_credentials_and_signing_region(aws, recorder, tmp_path):
    endpoint, handler = recorder
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(
        "[profile far]\nregion = ap-southeast-2\naws_access_key_id = AKIDFAR\n"
        "aws_secret_access_key = far-secret\n")
    # a profile named on the command line takes its own keys, not the environment's; the
    # environment's region still wins over the profile's, as in botocore's chain
    assert aws("s3", "ls", "s3://b", "--profile", "far", endpoint=endpoint).returncode == 0
    assert "Credential=AKIDFAR/" in handler.seen[-1]["Authorization"]
    assert "/us-east-1/s3/" in handler.seen[-1]["Authorization"]
    assert aws("s3", "ls", "s3://b", "--profile", "far", "--region", "eu-north-1",
               endpoint=endpoint).returncode == 0
    assert "/eu-north-1/s3/" in handler.seen[-1]["Authorization"]
    unknown = aws("s3", "ls", "s3://b", "--profile", "nope", endpoint=endpoint)
    assert unknown.returncode == 255
    assert "The config profile (nope) could not be found" in unknown.stderr


def test_debug_logs_the_request_and_read_timeout_ends_it(aws, recorder):
    endpoint, handler = recorder
    debug = aws("s3", "ls", "s3://b", "--debug", endpoint=endpoint)
    assert debug.returncode == 0
    assert "botocore" in debug.stderr and "ListObjectsV2" in debug.stderr
    handler.delay = 3.0
    slow = aws("s3", "ls", "s3://b", "--cli-read-timeout", "1", endpoint=endpoint)
    assert slow.returncode == 255
    assert "Read timeout on endpoint URL" in slow.stderr


def test_a_missing_ca_bundle_is_reported(aws, recorder, tmp_path):
    endpoint, _ = recorder
    result = aws("s3", "ls", "s3://b", "--ca-bundle", str(tmp_path / "none.pem"),
                 endpoint=endpoint.replace("http:", "https:"))
    assert result.returncode == 255
    assert "SSL validation failed for https://" in result.stderr
    assert result.stderr.endswith("[Errno 2] No such file or directory\n")


def _self_signed(directory) -> tuple[str, str]:
    """A certificate for 127.0.0.1 signed by itself, and its key, as PEM files."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_path), str(key_path)


def test_tls_verification_ca_bundle_and_no_verify_ssl(aws, tmp_path):
    import ssl

    cert, key = _self_signed(tmp_path)
    _Recorder.seen, _Recorder.delay = [], 0.0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = "https://127.0.0.1:%d" % server.server_address[1]
    try:
        refused = aws("s3", "ls", "s3://b", endpoint=endpoint)
        assert refused.returncode == 255
        assert "SSL validation failed for %s/b?" % endpoint in refused.stderr
        assert _Recorder.seen == []  # nothing was sent
        trusted = aws("s3", "ls", "s3://b", "--ca-bundle", cert, endpoint=endpoint)
        assert (trusted.returncode, trusted.stderr) == (0, "")
        unverified = aws("s3", "ls", "s3://b", "--no-verify-ssl", endpoint=endpoint)
        assert unverified.returncode == 0
        assert "InsecureRequestWarning: Unverified HTTPS request" in unverified.stderr  # as v2
        assert len(_Recorder.seen) == 2
    finally:
        server.shutdown()
        server.server_close()
