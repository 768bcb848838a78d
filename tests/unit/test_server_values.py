"""server_values: background fetch, cache, limit; completions merge enums and server values."""
from __future__ import annotations

import threading
import time

import pytest

from awsmini.arguments import ArgSpec
from awsmini.prompt.completions import complete
from awsmini.prompt.server_values import LIMIT, ServerValues
from tests.conftest import isolated_environ

THING = ArgSpec("thing-name", "thingName", "ThingName", "string")


@pytest.fixture(scope="module")
def environ(tmp_path_factory):
    return isolated_environ(tmp_path_factory.mktemp("home"))


class FakeFetch:
    """Records calls; answers `values` after `delay` seconds, or raises `error`."""

    def __init__(self, values=("MyRPi", "MyLamp"), delay=0.0, error=None):
        self.values, self.delay, self.error = list(values), delay, error
        self.calls = []
        self.done = threading.Event()

    def __call__(self, service, api_name, expression, global_args):
        self.calls.append((service, api_name, expression, tuple(global_args)))
        try:
            time.sleep(self.delay)
            if self.error:
                raise self.error
            return self.values
        finally:
            self.done.set()


def settle(server, fetch, timeout=5.0):
    assert fetch.done.wait(timeout)
    deadline = time.time() + timeout
    while server._pending and time.time() < deadline:
        time.sleep(0.01)


def test_first_ask_starts_fetch_then_cache_answers(environ):
    fetch = FakeFetch()
    server = ServerValues(fetch, environ)
    arrived = threading.Event()
    server.on_arrival = arrived.set
    assert server.values("iot", "CancelJobExecution", THING, ["--region", "eu-west-1"]) == ()
    assert arrived.wait(5)
    assert server.values("iot", "CancelJobExecution", THING, ["--region", "eu-west-1"]) == \
        ("MyRPi", "MyLamp")
    assert fetch.calls == [("iot", "ListThings", "things[].thingName",
                            ("--region", "eu-west-1"))]


def test_other_line_options_are_another_key(environ):
    fetch = FakeFetch()
    server = ServerValues(fetch, environ, base_args=["--endpoint-url", "http://x"])
    server.values("iot", "CancelJobExecution", THING, [])
    settle(server, fetch)
    fetch.done.clear()
    server.values("iot", "CancelJobExecution", THING, ["--profile", "dev"])
    settle(server, fetch)
    assert [call[3] for call in fetch.calls] == [
        ("--endpoint-url", "http://x"), ("--endpoint-url", "http://x", "--profile", "dev")]


def test_errors_are_swallowed_and_logged_and_not_retried(environ, caplog):
    fetch = FakeFetch(error=RuntimeError("connection refused"))
    server = ServerValues(fetch, environ)
    with caplog.at_level("DEBUG", logger="awsmini.prompt.server_values"):
        server.values("iot", "CancelJobExecution", THING, [])
        settle(server, fetch)
    assert server.values("iot", "CancelJobExecution", THING, []) == ()
    assert len(fetch.calls) == 1
    assert "connection refused" in caplog.text


def test_late_answer_is_dropped(environ):
    fetch = FakeFetch(delay=0.3)
    server = ServerValues(fetch, environ, limit=0.1)
    server.on_arrival = lambda: pytest.fail("a late answer must not redraw the menu")
    server.values("iot", "CancelJobExecution", THING, [])
    settle(server, fetch)
    assert server.values("iot", "CancelJobExecution", THING, []) == ()


def test_limit_is_two_seconds_at_most(environ):
    assert LIMIT <= 2 and ServerValues(FakeFetch(), environ, limit=10).limit == LIMIT


def test_option_without_a_list_call_never_fetches(environ):
    fetch = FakeFetch()
    server = ServerValues(fetch, environ)
    spec = ArgSpec("expected-version", "expectedVersion", "ExpectedVersion", "long")
    server.values("iot", "CancelJobExecution", spec, [])
    deadline = time.time() + 5
    while server._pending and time.time() < deadline:
        time.sleep(0.01)
    assert fetch.calls == []


# ------------------------------------------------------------ in completions

class Lookup:
    def __init__(self, values):
        self.values, self.asked = list(values), []

    def __call__(self, service, api_name, spec, client_args):
        self.asked.append((service, api_name, spec.cli_name, list(client_args)))
        return self.values


def texts(line, environ, lookup):
    return [c.text for c in complete(line, environ, lookup).candidates]


def test_server_values_in_api_order_with_line_options(environ):
    lookup = Lookup(["MyRPi", "MyLamp"])
    line = ("--region eu-west-1 iot cancel-job-execution --endpoint-url http://h:1 "
            "--no-verify-ssl --output text --job-id j1 --thing-name ")
    assert texts(line, environ, lookup) == ["MyRPi", "MyLamp"]
    assert lookup.asked == [("iot", "CancelJobExecution", "thing-name",
                             ["--endpoint-url", "http://h:1", "--no-verify-ssl",
                              "--region", "eu-west-1"])]  # in the global options' order


def test_server_values_are_fuzzy_filtered(environ):
    lookup = Lookup(["MyRPi", "MyLamp", "other"])
    assert texts("iot describe-thing --thing-name mla", environ, lookup) == ["MyLamp"]


def test_enum_values_first_then_new_server_values(environ):
    lookup = Lookup(["t2.micro", "x9.custom", "x9.custom"])
    found = texts("ec2 run-instances --instance-type ", environ, lookup)
    assert found[-1] == "x9.custom" and found.count("t2.micro") == 1
    assert found.index("t2.micro") < found.index("x9.custom")


def test_list_option_words_get_the_server_values_not_given_yet(environ):
    lookup = Lookup(["i-1", "i-2"])
    assert texts("ec2 start-instances --instance-ids i-1 ", environ, lookup) == ["i-2"]


def test_no_lookup_for_structures_or_numbers(environ):
    lookup = Lookup(["x"])
    texts("iot cancel-job-execution --expected-version ", environ, lookup)
    texts("iot create-thing --attribute-payload ", environ, lookup)
    assert lookup.asked == []


def test_warm_up_runs_prepare_once_in_the_background(environ):
    started = threading.Event()
    release = threading.Event()
    runs = []

    class Fetch(FakeFetch):
        def prepare(self):
            runs.append(threading.current_thread().name)
            started.set()
            release.wait(5)
            raise OSError("no network needed, but it failed anyway")

    server = ServerValues(Fetch(), environ)
    server.warm_up()
    assert started.wait(5)
    server.warm_up()  # already started: not again
    release.set()
    assert runs == ["server-values-warm-up"]
    ServerValues(FakeFetch(), environ).warm_up()  # no prepare(): nothing to do


def test_the_list_call_seam_prepares_by_importing_botocore(tmp_path):
    import subprocess
    import sys

    script = ("import sys\n"
              "from awsmini.interactive import ListCall\n"
              "assert 'botocore.session' not in sys.modules\n"
              "ListCall(None).prepare()\n"
              "assert 'botocore.session' in sys.modules\n")
    subprocess.run([sys.executable, "-c", script], check=True, cwd=tmp_path)


def test_a_listing_with_parameters_is_fetched_once_per_parameters(environ):
    calls = []
    arrived = threading.Event()

    def fetch(service, api_name, expression, global_args, params=None):
        calls.append((api_name, dict(params or {}), tuple(global_args)))
        return ["logs/", "top.txt"]

    server = ServerValues(fetch, environ, base_args=["--endpoint-url", "http://x"])
    server.on_arrival = arrived.set
    params = {"Bucket": "data", "Prefix": "", "Delimiter": "/"}
    assert server.listing("s3", "ListObjectsV2", params, "Contents[].Key", []) == ()
    assert arrived.wait(5)
    assert server.listing("s3", "ListObjectsV2", dict(params), "Contents[].Key", []) == (
        "logs/", "top.txt")
    assert calls == [("ListObjectsV2", params, ("--endpoint-url", "http://x"))]
    arrived.clear()
    server.listing("s3", "ListObjectsV2", {**params, "Prefix": "logs/"}, "Contents[].Key", [])
    assert arrived.wait(5) and len(calls) == 2
