"""`logs tail` end to end against moto_server: each format, the selecting options, colour,
pages, errors, and `--follow` picking up a new event and ended by SIGINT. moto ignores
`logStreamNamePrefix`, so the request for it is checked on a stub server."""
from __future__ import annotations

import http.server
import json
import os
import pty
import signal
import subprocess
import threading
import time
from datetime import datetime, timezone

import pytest

from tests import forkserver
from tests.conftest import awsmini_executable, isolated_environ

# Whole seconds, a few minutes ago: inside v2's default ten minutes.
BASE = (int(time.time()) - 180) * 1000


def _iso(millis: int, fraction: bool = True) -> str:
    moment = datetime.fromtimestamp(millis / 1000, timezone.utc)
    return moment.isoformat(timespec="microseconds") if fraction else moment.isoformat()


def _short(millis: int) -> str:
    return datetime.fromtimestamp(millis / 1000, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def _client(endpoint: str):
    import botocore.session

    return botocore.session.get_session().create_client(
        "logs", region_name="us-east-1", endpoint_url=endpoint,
        aws_access_key_id="AKIDTEST", aws_secret_access_key="secret")


# (stream, timestamp, message), put in each stream's time order
EVENTS = [
    ("web-1", BASE - 30 * 60_000, "too old for the default"),
    ("web-1", BASE, "GET / 200"),
    ("api-1", BASE + 250, '{"level": "ERROR", "n": 1}'),
    ("web-1", BASE + 1000, "ERROR upstream timed out  \n"),
]


@pytest.fixture
def group(aws, moto_reset):
    client = _client(moto_reset)
    client.create_log_group(logGroupName="app")
    for stream in ("web-1", "api-1", "other"):
        client.create_log_stream(logGroupName="app", logStreamName=stream)
    for stream, timestamp, message in EVENTS:
        client.put_log_events(logGroupName="app", logStreamName=stream,
                              logEvents=[{"timestamp": timestamp, "message": message}])
    return client


DETAILED = [
    "%s web-1 GET / 200\n" % _iso(BASE),
    '%s api-1 {"level": "ERROR", "n": 1}\n' % _iso(BASE + 250),
    "%s web-1 ERROR upstream timed out\n" % _iso(BASE + 1000),
]


def test_detailed_is_the_default_from_ten_minutes_ago_in_time_order(aws, group):
    result = aws("logs", "tail", "app")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "".join(DETAILED)


def test_short(aws, group):
    result = aws("logs", "tail", "app", "--format", "short")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "%s GET / 200\n" % _short(BASE)
        + '%s {"level": "ERROR", "n": 1}\n' % _short(BASE + 250)
        + "%s ERROR upstream timed out\n" % _short(BASE + 1000))


def test_json_indents_json_messages(aws, group):
    result = aws("logs", "tail", "app", "--format", "json")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "%s web-1 GET / 200\n" % _iso(BASE, fraction=False)
        + '%s api-1 \n{\n    "level": "ERROR",\n    "n": 1\n}\n' % _iso(BASE + 250)
        + "%s web-1 ERROR upstream timed out\n" % _iso(BASE + 1000, fraction=False))


def test_color_on_paints_times_and_stream_names(aws, group):
    result = aws("logs", "tail", "app", "--color", "on", "--log-stream-names", "web-1")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "\x1b[32m%s\x1b[0m \x1b[36mweb-1\x1b[0m GET / 200\n" % _iso(BASE)
        + "\x1b[32m%s\x1b[0m \x1b[36mweb-1\x1b[0m ERROR upstream timed out\n"
        % _iso(BASE + 1000))


def test_no_color_through_a_pipe_by_default(aws, group):
    result = aws("logs", "tail", "app", "--color", "auto")
    assert (result.returncode, result.stdout) == (0, "".join(DETAILED))


def test_color_on_a_terminal_by_default(group, moto_reset, tmp_path):
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [awsmini_executable(), "logs", "tail", "app", "--format", "short",
             "--log-stream-names", "api-1", "--endpoint-url", moto_reset],
            env=isolated_environ(tmp_path), cwd=tmp_path, stdin=subprocess.DEVNULL,
            stdout=follower, stderr=subprocess.PIPE, timeout=60)
        os.close(follower)
        follower = -1
        out = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal's other end closed: all read
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(leader)
        if follower != -1:
            os.close(follower)
    assert proc.returncode == 0
    # the terminal turns each newline into CR LF
    assert out.decode() == '\x1b[32m%s\x1b[0m {"level": "ERROR", "n": 1}\r\n' % _short(BASE + 250)


@pytest.mark.parametrize("since", ["1h", "45m", "1d", _iso(BASE - 40 * 60_000)],
                         ids=["1h", "45m", "1d", "iso"])
def test_since_reaches_older_events(aws, group, since):
    result = aws("logs", "tail", "app", "--since", since, "--format", "short")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0] == "%s too old for the default" % _short(
        BASE - 30 * 60_000)
    assert len(result.stdout.splitlines()) == 4


def test_since_after_the_events_prints_nothing(aws, group):
    result = aws("logs", "tail", "app", "--since", "1s")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_filter_pattern_term(aws, group):
    # moto matches single terms, several terms and quoted phrases
    result = aws("logs", "tail", "app", "--filter-pattern", "ERROR")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == DETAILED[1] + DETAILED[2]
    phrase = aws("logs", "tail", "app", "--filter-pattern", '"upstream timed"')
    assert phrase.stdout == DETAILED[2]


def test_log_stream_names(aws, group):
    result = aws("logs", "tail", "app", "--log-stream-names", "api-1", "other")
    assert (result.returncode, result.stdout, result.stderr) == (0, DETAILED[1], "")


def test_missing_group_is_v2s_service_error(aws, moto_reset):
    result = aws("logs", "tail", "nope")
    assert (result.returncode, result.stdout) == (254, "")
    # AWS_MAX_ATTEMPTS=1 here: botocore, and so v2, then names the retries
    assert result.stderr.strip().endswith(
        "[ERROR]: An error occurred (ResourceNotFoundException) when calling the "
        "FilterLogEvents operation (reached max retries: 0): The specified log group does "
        "not exist.")


def test_bad_since_is_v2s_invalid_timestamp(aws, group):
    result = aws("logs", "tail", "app", "--since", "soon")
    assert (result.returncode, result.stdout) == (255, "")
    assert result.stderr.strip().endswith(
        '[ERROR]: Invalid timestamp "soon": Unknown string format: soon')
    assert "Traceback" not in result.stderr


def test_missing_group_name_is_a_usage_error(aws, moto_reset):
    result = aws("logs", "tail")
    assert result.returncode == 252
    assert "the following arguments are required: group_name" in result.stderr


def test_every_page_is_printed_in_order(aws, moto_reset):
    client = _client(moto_reset)
    client.create_log_group(logGroupName="big")
    client.create_log_stream(logGroupName="big", logStreamName="s")
    # moto answers at most 10000 events a page: this takes two
    events = [{"timestamp": BASE + i, "message": "m%05d" % i} for i in range(10001)]
    for start in range(0, len(events), 5000):
        client.put_log_events(logGroupName="big", logStreamName="s",
                              logEvents=events[start:start + 5000])
    result = aws("logs", "tail", "big", "--format", "short")
    assert (result.returncode, result.stderr) == (0, "")
    assert [line.split(" ")[1] for line in result.stdout.splitlines()] == [
        "m%05d" % i for i in range(10001)]


def test_follow_prints_new_events_and_ends_quietly_on_sigint(group, moto_reset, tmp_path):
    # SIGINT as a terminal sends it, even when this test runs with SIGINT ignored
    proc = subprocess.Popen(
        [awsmini_executable(), "logs", "tail", "app", "--follow", "--format", "short",
         "--endpoint-url", moto_reset],
        env=isolated_environ(tmp_path), cwd=tmp_path, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        lines = [proc.stdout.readline() for _ in range(3)]  # what was there: flushed at once
        assert lines[2] == "%s ERROR upstream timed out\n" % _short(BASE + 1000)
        late = BASE + 2000
        group.put_log_events(logGroupName="app", logStreamName="api-1",
                             logEvents=[{"timestamp": late, "message": "late arrival"}])
        # the next poll, five seconds on, asks from the newest time seen: only the new one
        assert proc.stdout.readline() == "%s late arrival\n" % _short(late)
        time.sleep(6)  # one more poll, which must not print anything again
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert (proc.returncode, out, err) == (0, "", "")


# -------------------------------------------- the request, where moto cannot show it

class _Recorder(http.server.BaseHTTPRequestHandler):
    bodies: list = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.bodies.append((self.headers.get("X-Amz-Target"),
                            json.loads(self.rfile.read(length))))
        body = json.dumps({"events": [{"logStreamName": "web-9", "timestamp": BASE,
                                        "message": "hi", "eventId": "1",
                                        "ingestionTime": BASE}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def test_prefix_pattern_and_group_arn_are_sent_as_given(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    arn = "arn:aws:logs:us-east-1:123456789012:log-group:app"
    before = int(time.time() * 1000)
    try:
        result = forkserver.run(
            awsmini_executable(), ["logs", "tail", arn, "--log-stream-name-prefix", "web-",
                                   "--filter-pattern", "hi", "--endpoint-url",
                                   "http://127.0.0.1:%d" % server.server_address[1]],
            env=isolated_environ(tmp_path), cwd=tmp_path, timeout=60)
    finally:
        server.shutdown()
    after = int(time.time() * 1000)
    assert (result.returncode, result.stdout, result.stderr) == (
        0, "%s web-9 hi\n" % _iso(BASE), "")
    [(target, body)] = _Recorder.bodies
    assert target == "Logs_20140328.FilterLogEvents"
    start = body.pop("startTime")
    assert before - 600_000 - 1000 <= start <= after - 600_000
    # v2 sends the positional word, ARN or name, as logGroupName
    assert body == {"logGroupName": arn, "interleaved": True, "filterPattern": "hi",
                    "logStreamNamePrefix": "web-"}

