"""`s3 cp`, `mv`, `rm`, `sync` and `rb --force` end to end: the installed program against
moto_server, with what lands in the bucket and on disk checked byte for byte."""
from __future__ import annotations

import http.server
import json
import os
import re
import subprocess
import threading

import pytest

from tests import forkserver
from tests.conftest import awsmini_executable, isolated_environ


def _keys(aws, bucket: str) -> dict[str, int]:
    listed = aws("s3api", "list-objects-v2", "--bucket", bucket)
    assert listed.returncode == 0, listed.stderr
    return {entry["Key"]: entry["Size"]
            for entry in json.loads(listed.stdout or "{}").get("Contents", [])}


def _body(aws, bucket: str, key: str, tmp_path) -> bytes:
    got = aws("s3api", "get-object", "--bucket", bucket, "--key", key, "fetched.bin")
    assert got.returncode == 0, got.stderr
    return (tmp_path / "fetched.bin").read_bytes()


def _tree(root, files: dict[str, bytes]) -> None:
    """Files written a minute ago: S3 keeps whole seconds, so a file written in the second
    of its upload looks newer than its object, and sync (as v2's) would send it again."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        os.utime(path, (path.stat().st_mtime - 60,) * 2)


@pytest.fixture
def bucket(aws):
    assert aws("s3", "mb", "s3://transfers").returncode == 0
    return "transfers"


def test_cp_up_down_and_across_keeps_every_byte(aws, bucket, tmp_path):
    payload = os.urandom(300_000)
    (tmp_path / "data.bin").write_bytes(payload)
    up = aws("s3", "cp", "data.bin", "s3://transfers/dir/", "--no-progress")
    assert (up.returncode, up.stdout) == (0, "upload: ./data.bin to s3://transfers/dir/data.bin\n")
    across = aws("s3", "cp", "s3://transfers/dir/data.bin", "s3://transfers/copy.bin",
                 "--no-progress")
    assert across.stdout == "copy: s3://transfers/dir/data.bin to s3://transfers/copy.bin\n"
    down = aws("s3", "cp", "s3://transfers/copy.bin", "back/", "--no-progress")
    assert down.stdout == "download: s3://transfers/copy.bin to back/copy.bin\n"
    assert (tmp_path / "back" / "copy.bin").read_bytes() == payload
    assert _keys(aws, bucket) == {"dir/data.bin": 300_000, "copy.bin": 300_000}


def _raw(endpoint: str, tmp_path, *argv: str, stdin: bytes | None = None
         ) -> subprocess.CompletedProcess:
    """A run whose output is kept as bytes (no newline translation)."""
    return forkserver.run(awsmini_executable(), [*argv, "--endpoint-url", endpoint],
                          input=stdin, env=isolated_environ(tmp_path), cwd=tmp_path,
                          timeout=60, text=False)


def test_progress_lines_are_written_over_themselves_before_the_result(moto_reset, bucket,
                                                                      tmp_path):
    (tmp_path / "a.txt").write_text("hello")
    result = _raw(moto_reset, tmp_path, "s3", "cp", "a.txt", "s3://transfers/a.txt")
    assert result.returncode == 0
    assert re.fullmatch(rb"Completed 5 Bytes/5 Bytes \([^)]+\) with 1 file\(s\) remaining"
                        rb"\rupload: \./a\.txt to s3://transfers/a\.txt *\n", result.stdout)


def test_a_multipart_upload_follows_the_profile_s3_settings(aws, bucket, tmp_path):
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(
        "[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n"
        "  max_concurrent_requests = 3\n")
    payload = os.urandom(12 * 1024 * 1024)
    (tmp_path / "big.bin").write_bytes(payload)
    up = aws("s3", "cp", "big.bin", "s3://transfers/big.bin", "--only-show-errors")
    assert (up.returncode, up.stdout, up.stderr) == (0, "", "")
    head = json.loads(aws("s3api", "head-object", "--bucket", bucket, "--key", "big.bin").stdout)
    assert head["ETag"].endswith('-3"')  # three parts of 5 MiB, 5 MiB and 2 MiB
    assert head["ContentType"] == "application/octet-stream"
    down = aws("s3", "cp", "s3://transfers/big.bin", "copy.bin", "--quiet")
    assert (down.returncode, down.stdout) == (0, "")
    assert (tmp_path / "copy.bin").read_bytes() == payload


def test_only_large_bodies_wait_for_100_continue(aws, bucket, tmp_path):
    (tmp_path / "small.bin").write_bytes(os.urandom(4096))
    (tmp_path / "large.bin").write_bytes(os.urandom(2 * 1024 * 1024))  # one PutObject still
    expects = {}
    for name in ("small.bin", "large.bin"):
        up = aws("s3", "cp", name, "s3://transfers/" + name, "--debug")
        assert up.returncode == 0, up.stderr
        sent = [line for line in up.stderr.splitlines()
                if "Making request for OperationModel(name=PutObject)" in line]
        assert len(sent) == 1
        expects[name] = "'Expect': '100-continue'" in sent[0]
    assert expects == {"small.bin": False, "large.bin": True}
    assert _keys(aws, bucket) == {"small.bin": 4096, "large.bin": 2 * 1024 * 1024}


def test_recursive_cp_applies_the_filters_in_order(aws, bucket, tmp_path):
    _tree(tmp_path / "site", {"index.html": b"<p>", "a/b.txt": b"b", "a/c.log": b"c",
                              "a/keep.log": b"k"})
    result = aws("s3", "cp", "site", "s3://transfers/web", "--recursive", "--exclude", "*.log",
                 "--include", "*keep*", "--no-progress")
    assert result.returncode == 0, result.stderr
    assert sorted(result.stdout.splitlines()) == [
        "upload: site/a/b.txt to s3://transfers/web/a/b.txt",
        "upload: site/a/keep.log to s3://transfers/web/a/keep.log",
        "upload: site/index.html to s3://transfers/web/index.html"]
    head = json.loads(aws("s3api", "head-object", "--bucket", bucket, "--key",
                          "web/index.html").stdout)
    assert head["ContentType"] == "text/html"


def test_many_files_go_up_and_down_once_each(aws, bucket, tmp_path):
    files = {"d%02d/f%03d.txt" % (index % 7, index): b"x" * index for index in range(250)}
    _tree(tmp_path / "many", files)
    up = aws("s3", "sync", "many", "s3://transfers/many", "--only-show-errors")
    assert (up.returncode, up.stderr) == (0, "")
    assert _keys(aws, bucket) == {"many/" + name: len(data) for name, data in files.items()}
    down = aws("s3", "cp", "s3://transfers/many", "copy", "--recursive", "--no-progress")
    assert down.returncode == 0
    assert len(down.stdout.splitlines()) == 250
    for name, data in files.items():
        assert (tmp_path / "copy" / name).read_bytes() == data


def test_sync_transfers_only_what_changed_and_deletes_with_delete(aws, bucket, tmp_path):
    _tree(tmp_path / "src", {"same.txt": b"same", "grow.txt": b"1", "gone.txt": b"bye"})
    assert aws("s3", "sync", "src", "s3://transfers/s", "--quiet").returncode == 0
    again = aws("s3", "sync", "src", "s3://transfers/s")
    assert (again.returncode, again.stdout) == (0, "")
    (tmp_path / "src" / "grow.txt").write_bytes(b"12")
    (tmp_path / "src" / "gone.txt").unlink()
    changed = aws("s3", "sync", "src", "s3://transfers/s", "--delete", "--no-progress")
    assert sorted(changed.stdout.splitlines()) == [
        "delete: s3://transfers/s/gone.txt",
        "upload: src/grow.txt to s3://transfers/s/grow.txt"]
    assert _keys(aws, bucket) == {"s/same.txt": 4, "s/grow.txt": 2}


def test_sync_down_and_across_with_delete(aws, bucket, tmp_path):
    _tree(tmp_path / "src", {"a.txt": b"a", "sub/b.txt": b"bb"})
    assert aws("s3", "sync", "src", "s3://transfers/s", "--quiet").returncode == 0
    _tree(tmp_path / "local", {"extra.txt": b"old"})
    down = aws("s3", "sync", "s3://transfers/s", "local", "--delete", "--no-progress")
    assert sorted(down.stdout.splitlines()) == [
        "delete: local/extra.txt",
        "download: s3://transfers/s/a.txt to local/a.txt",
        "download: s3://transfers/s/sub/b.txt to local/sub/b.txt"]
    assert sorted(str(p.relative_to(tmp_path / "local")) for p in
                  (tmp_path / "local").rglob("*") if p.is_file()) == ["a.txt", "sub/b.txt"]
    assert aws("s3", "cp", "src/a.txt", "s3://transfers/t/stale.txt", "--quiet").returncode == 0
    across = aws("s3", "sync", "s3://transfers/s", "s3://transfers/t", "--delete",
                 "--no-progress")
    assert sorted(across.stdout.splitlines()) == [
        "copy: s3://transfers/s/a.txt to s3://transfers/t/a.txt",
        "copy: s3://transfers/s/sub/b.txt to s3://transfers/t/sub/b.txt",
        "delete: s3://transfers/t/stale.txt"]


def test_a_synced_download_keeps_the_object_time_so_the_next_sync_is_quiet(aws, bucket,
                                                                            tmp_path):
    _tree(tmp_path / "src", {"a.txt": b"a"})
    assert aws("s3", "sync", "src", "s3://transfers/s", "--quiet").returncode == 0
    assert aws("s3", "sync", "s3://transfers/s", "local", "--quiet").returncode == 0
    again = aws("s3", "sync", "s3://transfers/s", "local")
    assert (again.returncode, again.stdout) == (0, "")
    exact = aws("s3", "sync", "s3://transfers/s", "local", "--exact-timestamps")
    assert (exact.returncode, exact.stdout) == (0, "")
    local = tmp_path / "local" / "a.txt"
    local.write_bytes(b"b")  # same size, newer than the object: v2 downloads it again
    assert aws("s3", "sync", "s3://transfers/s", "local", "--size-only").stdout == ""
    redone = aws("s3", "sync", "s3://transfers/s", "local", "--no-progress")
    assert redone.stdout == "download: s3://transfers/s/a.txt to local/a.txt\n"
    assert local.read_bytes() == b"a"
    os.utime(local, (local.stat().st_mtime - 60,) * 2)  # older: kept, unless exact
    assert aws("s3", "sync", "s3://transfers/s", "local").stdout == ""
    exact = aws("s3", "sync", "s3://transfers/s", "local", "--exact-timestamps", "--no-progress")
    assert exact.stdout == "download: s3://transfers/s/a.txt to local/a.txt\n"


def test_mv_deletes_the_source_once_the_copy_is_there(aws, bucket, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"move me")
    up = aws("s3", "mv", "a.txt", "s3://transfers/a.txt", "--no-progress")
    assert up.stdout == "move: ./a.txt to s3://transfers/a.txt\n"
    assert not (tmp_path / "a.txt").exists()
    across = aws("s3", "mv", "s3://transfers/a.txt", "s3://transfers/b.txt", "--no-progress")
    assert across.stdout == "move: s3://transfers/a.txt to s3://transfers/b.txt\n"
    down = aws("s3", "mv", "s3://transfers/b.txt", "b.txt", "--no-progress")
    assert down.stdout == "move: s3://transfers/b.txt to ./b.txt\n"
    assert (tmp_path / "b.txt").read_bytes() == b"move me"
    assert _keys(aws, bucket) == {}


def test_mv_onto_itself_is_refused_before_anything_is_sent(aws, bucket):
    result = aws("s3", "mv", "s3://transfers/a.txt", "s3://transfers/")
    assert result.returncode == 252
    assert result.stderr.endswith(
        "Cannot mv a file onto itself: s3://transfers/a.txt - s3://transfers/\n")


def test_rm_dryrun_recursive_and_rb_force(aws, bucket, tmp_path):
    _tree(tmp_path / "src", {"a": b"1", "b/c": b"2"})
    assert aws("s3", "sync", "src", "s3://transfers/", "--quiet").returncode == 0
    dry = aws("s3", "rm", "s3://transfers/", "--recursive", "--dryrun")
    assert dry.stdout.splitlines() == ["(dryrun) delete: s3://transfers/a",
                                       "(dryrun) delete: s3://transfers/b/c"]
    assert len(_keys(aws, bucket)) == 2
    one = aws("s3", "rm", "s3://transfers/a")
    assert (one.returncode, one.stdout) == (0, "delete: s3://transfers/a\n")
    forced = aws("s3", "rb", "s3://transfers", "--force")
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout.endswith("remove_bucket: transfers\n")
    assert "transfers" not in aws("s3", "ls").stdout


def test_stdin_and_stdout_carry_binary_data(moto_reset, bucket, tmp_path):
    payload = bytes(range(256)) * 4096 + b"\r\n\x00end"
    up = _raw(moto_reset, tmp_path, "s3", "cp", "-", "s3://transfers/stream.bin", stdin=payload)
    assert (up.returncode, up.stdout, up.stderr) == (0, b"", b"")
    down = _raw(moto_reset, tmp_path, "s3", "cp", "s3://transfers/stream.bin", "-")
    assert (down.returncode, down.stderr) == (0, b"")
    assert down.stdout == payload


@pytest.mark.parametrize("argv, message", [
    (["cp", "a.txt", "b.txt"], "usage: aws s3 cp <LocalPath> <S3Uri> or <S3Uri> <LocalPath> "
                               "or <S3Uri> <S3Uri>\nError: Invalid argument type"),
    (["rm", "a.txt"], "usage: aws s3 rm <S3Uri>\nError: Invalid argument type"),
    (["cp", "-", "s3://transfers/", "--recursive"],
     "Streaming currently is only compatible with non-recursive cp commands"),
    (["sync", "-", "s3://transfers/"],
     "Streaming currently is only compatible with non-recursive cp commands"),
    (["cp", "s3://transfers/k", "-", "--no-overwrite"],
     "--no-overwrite parameter is not supported for streaming downloads"),
    (["cp", "s3://transfers/k", "s3://transfers/j", "--checksum-mode", "ENABLED"],
     "Expected --checksum-mode parameter to be used with one of following path formats: "
     "<S3Uri> <LocalPath>. Instead, received <S3Uri> <S3Uri>."),
    (["cp", "s3://transfers/k", "k", "--sse-c", "AES256"],
     "If --sse-c is specified, --sse-c-key must be specified as well."),
    (["cp", "s3://transfers/k", "k", "--sse-c-copy-source", "--sse-c-copy-source-key", "x"],
     "--sse-c-copy-source is only supported for copy operations."),
])
def test_bad_paths_and_options_are_usage_errors(aws, argv, message):
    result = aws("s3", *argv)
    assert (result.returncode, result.stdout) == (252, "")
    assert result.stderr.endswith(message + "\n")


def test_a_missing_local_source_ends_the_run(aws, bucket):
    result = aws("s3", "cp", "nothing.txt", "s3://transfers/")
    assert result.returncode == 255
    assert result.stderr.endswith("The user-provided path nothing.txt does not exist.\n")


def test_a_missing_bucket_or_key_is_a_fatal_error(aws, bucket):
    missing_key = aws("s3", "cp", "s3://transfers/nothing", "here.txt")
    assert missing_key.returncode == 1
    # the tests' environment sets AWS_MAX_ATTEMPTS=1, which botocore reports
    assert missing_key.stderr == ("fatal error: An error occurred (404) when calling the "
                                  "HeadObject operation (reached max retries: 0): Key "
                                  "\"nothing\" does not exist\n")
    missing_bucket = aws("s3", "sync", "s3://no-such-bucket-here", "local")
    assert missing_bucket.returncode == 1
    assert "fatal error: An error occurred (NoSuchBucket) when calling the ListObjectsV2 " \
        "operation" in missing_bucket.stderr


def test_files_that_cannot_be_read_are_skipped_with_a_warning(aws, bucket, tmp_path):
    _tree(tmp_path / "src", {"ok.txt": b"ok"})
    os.symlink(tmp_path / "nowhere", tmp_path / "src" / "dangling")
    os.mkfifo(tmp_path / "src" / "pipe")
    result = aws("s3", "sync", "src", "s3://transfers/", "--no-progress")
    assert result.returncode == 2
    assert result.stdout == "upload: src/ok.txt to s3://transfers/ok.txt\n"
    assert "warning: Skipping file %s. File does not exist." % (tmp_path / "src" / "dangling") \
        in result.stderr
    assert "warning: Skipping file %s. File is character special device, block special " \
        "device, FIFO, or socket." % (tmp_path / "src" / "pipe") in result.stderr
    assert _keys(aws, bucket) == {"ok.txt": 2}


# ----------------------------------------------------------- a faulty server

class _Faulty(http.server.BaseHTTPRequestHandler):
    """S3 that fails: PUTs of keys containing `bad` get a 500, other PUTs succeed, and a
    GET sends 40 of the 1000 bytes it announces, then closes the connection."""

    protocol_version = "HTTP/1.1"

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if "bad" in self.path:
            body = (b"<Error><Code>InternalError</Code><Message>boom</Message></Error>")
            self._answer(500, body, {"Content-Type": "application/xml"})
        else:
            self._answer(200, b"", {"ETag": '"0cc175b9c0f1b6a831c399e269772661"'})

    def do_HEAD(self) -> None:
        self._answer(200, b"", self._object_headers(), length=1000)

    def do_GET(self) -> None:
        self._answer(200, b"x" * 40, self._object_headers(), length=1000)
        self.close_connection = True

    @staticmethod
    def _object_headers() -> dict[str, str]:
        return {"ETag": '"abc"', "Last-Modified": "Wed, 02 Dec 2026 10:00:00 GMT",
                "Content-Type": "text/plain"}

    def _answer(self, status: int, body: bytes, headers: dict[str, str],
                length: int | None = None) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
            self.wfile.flush()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def faulty_endpoint():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Faulty)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "http://127.0.0.1:%d" % server.server_address[1]
    server.shutdown()
    server.server_close()


def test_a_failed_upload_is_reported_and_the_others_go_on(aws, faulty_endpoint, tmp_path):
    _tree(tmp_path / "src", {"good1.txt": b"a", "bad.txt": b"b", "good2.txt": b"c"})
    result = aws("s3", "cp", "src", "s3://faulty/", "--recursive", "--no-progress",
                 endpoint=faulty_endpoint)
    assert result.returncode == 1
    assert sorted(result.stdout.splitlines()) == [
        "upload: src/good1.txt to s3://faulty/good1.txt",
        "upload: src/good2.txt to s3://faulty/good2.txt"]
    assert result.stderr == (
        "upload failed: src/bad.txt to s3://faulty/bad.txt An error occurred (InternalError) "
        "when calling the PutObject operation (reached max retries: 0): boom\n")


def test_a_download_cut_short_leaves_no_file_behind(aws, faulty_endpoint, tmp_path):
    result = aws("s3", "cp", "s3://faulty/k.txt", "k.txt", endpoint=faulty_endpoint)
    assert result.returncode == 1
    assert result.stderr.startswith("download failed: s3://faulty/k.txt to ./k.txt ")
    assert "Traceback" not in result.stderr
    assert [name for name in os.listdir(tmp_path) if name.startswith("k.txt")] == []


def _interrupted(endpoint: str, tmp_path, *argv: str) -> tuple[int, bytes, bytes]:
    """Run a transfer, press Ctrl-C once its first progress line is out; (rc, out, err)."""
    import signal
    import time

    process = subprocess.Popen([awsmini_executable(), *argv, "--endpoint-url", endpoint],
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=isolated_environ(tmp_path),
                               cwd=tmp_path)
    seen = b""
    deadline = time.monotonic() + 60
    while b"Completed" not in seen and time.monotonic() < deadline:
        chunk = os.read(process.stdout.fileno(), 4096)  # type: ignore[union-attr]
        if not chunk:
            break
        seen += chunk
    assert b"Completed" in seen, seen
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    return process.returncode, seen + out, err


@pytest.mark.parametrize("direction", ["upload", "download"])
def test_ctrl_c_stops_the_transfer_and_leaves_nothing_half_done(aws, moto_reset, bucket,
                                                                tmp_path, direction):
    payload = os.urandom(24 * 1024 * 1024)
    (tmp_path / "big.bin").write_bytes(payload)
    if direction == "download":
        assert aws("s3", "cp", "big.bin", "s3://transfers/big.bin", "--quiet").returncode == 0
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(  # slow enough to be interrupted midway
        "[default]\ns3 =\n  multipart_threshold = 5MB\n  multipart_chunksize = 5MB\n"
        "  max_bandwidth = 2MB/s\n")
    argv = (("s3", "cp", "big.bin", "s3://transfers/up.bin") if direction == "upload"
            else ("s3", "cp", "s3://transfers/big.bin", "down/big.bin"))
    code, _, err = _interrupted(moto_reset, tmp_path, *argv)
    # v2: the cancelled transfer is reported, the command fails with 1
    assert code == 1
    assert err.decode().rstrip() == "cancelled: ctrl-c received"
    if direction == "upload":
        assert "up.bin" not in _keys(aws, bucket)
        uploads = json.loads(aws("s3api", "list-multipart-uploads", "--bucket", bucket).stdout)
        assert not uploads.get("Uploads")  # the parts sent were aborted
    else:
        assert not (tmp_path / "down").exists() or os.listdir(tmp_path / "down") == []
