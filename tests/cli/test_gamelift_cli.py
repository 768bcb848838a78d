"""gamelift's hand-written commands, in-process: GameLift answered by a recording stub
(moto_server has no builds' upload credentials nor session logs), the build's archive
uploaded to moto_server's S3, the log served by a loopback http.server."""
from __future__ import annotations

import http.server
import io
import threading
import zipfile

import pytest

from awsmini.commands.gamelift import COMMANDS
from tests.e2e.stub_server import start_stub

BUILD = "build-1234"


@pytest.fixture
def gamelift(run_cli, moto_reset):
    made = run_cli(["s3api", "create-bucket", "--bucket", "builds", "--endpoint-url",
                    moto_reset])
    assert made.exit_code == 0, made.stderr
    server, stop = start_stub({
        "CreateBuild": (200, {"Build": {"BuildId": BUILD}}),
        "RequestUploadCredentials": (200, {
            "UploadCredentials": {"AccessKeyId": "AKIDUPLOAD", "SecretAccessKey": "s",
                                  "SessionToken": "t"},
            "StorageLocation": {"Bucket": "builds", "Key": "up/" + BUILD}}),
    })

    def run(*argv):
        return run_cli(["gamelift", *argv, "--endpoint-url", server.url],
                       environ={"AWS_ENDPOINT_URL_S3": moto_reset})
    run.stub = server  # type: ignore[attr-defined]
    yield run
    stop()


def test_upload_build_zips_the_root_and_uploads_it(gamelift, run_cli, moto_reset, home):
    (home / "game" / "data").mkdir(parents=True)
    (home / "game" / "server.bin").write_bytes(b"\0" * 5000)
    (home / "game" / "data" / "level.txt").write_text("level one")
    result = gamelift("upload-build", "--name", "game", "--build-version", "1.0",
                      "--build-root", "game", "--operating-system", "AMAZON_LINUX_2023",
                      "--server-sdk-version", "5.0", "--tags", "team=core", "solo")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("\rUploading game:  ")
    assert result.stdout.endswith("(100.00%%)Successfully uploaded game to AWS GameLift\n"
                                  "Build ID: %s\n" % BUILD)
    [create] = [r.body for r in gamelift.stub.requests if r.operation == "CreateBuild"]
    assert create == {"Name": "game", "Version": "1.0", "OperatingSystem": "AMAZON_LINUX_2023",
                      "ServerSdkVersion": "5.0",
                      "Tags": [{"Key": "team", "Value": "core"}, {"Key": "solo", "Value": ""}]}
    assert gamelift.stub.operations() == ["CreateBuild", "RequestUploadCredentials"]
    fetched = run_cli(["s3api", "get-object", "--bucket", "builds", "--key", "up/" + BUILD,
                       str(home / "got.zip"), "--endpoint-url", moto_reset])
    assert fetched.exit_code == 0, fetched.stderr
    with zipfile.ZipFile(home / "got.zip") as archive:
        assert sorted(archive.namelist()) == ["data/level.txt", "server.bin"]
        assert archive.read("data/level.txt") == b"level one"
        assert archive.getinfo("server.bin").compress_type == zipfile.ZIP_DEFLATED


def test_upload_build_refuses_an_empty_root(gamelift, home):
    (home / "empty" / "sub").mkdir(parents=True)
    for root in ("empty", "missing"):
        result = gamelift("upload-build", "--name", "n", "--build-version", "1",
                          "--build-root", root)
        assert (result.exit_code, result.stdout) == (255, "")
        assert result.stderr == ("Fail to upload %s. The build root directory is empty or "
                                 "does not exist.\n" % root)
    assert gamelift.stub.requests == []


@pytest.mark.parametrize("argv, missing", [
    (["upload-build", "--name", "n", "--build-version", "1"], "--build-root"),
    (["get-game-session-log", "--game-session-id", "g"], "--save-as"),
], ids=["upload-build", "get-game-session-log"])
def test_required_options(gamelift, argv, missing):
    result = gamelift(*argv)
    assert result.exit_code == 252
    assert "the following arguments are required: " + missing in result.stderr


class _Log(http.server.BaseHTTPRequestHandler):
    body = b""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


def test_get_game_session_log_saves_the_archive(run_cli, home):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("session.log", "x" * 3000)
    _Log.body = buffer.getvalue()
    web = http.server.HTTPServer(("127.0.0.1", 0), _Log)
    threading.Thread(target=web.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d/logs/gs-1.zip?X-Amz-Signature=abc" % web.server_port
    server, stop = start_stub({"GetGameSessionLogUrl": (200, {"PreSignedUrl": url})})
    try:
        result = run_cli(["gamelift", "get-game-session-log", "--game-session-id", "gs-1",
                          "--save-as", "log.zip", "--endpoint-url", server.url])
    finally:
        stop()
        web.shutdown()
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("Downloading log archive for game session gs-1...\r"
                             "Successfully downloaded log archive for game session gs-1 to "
                             "log.zip\n")
    assert (home / "log.zip").read_bytes() == _Log.body
    assert [r.body for r in server.requests] == [{"GameSessionId": "gs-1"}]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_has_a_help_page(run_cli, name):
    result = run_cli(["gamelift", name, "help"])
    assert result.exit_code == 0, result.stderr
    for spec in COMMANDS[name].arguments:
        assert "--" + spec.cli_name in result.stdout, spec.cli_name
