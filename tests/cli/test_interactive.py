"""interactive: the prompt's list call against moto_server honours the line's endpoint and
region."""
from __future__ import annotations


import pytest

from awsmini.errors import AwsminiError
from awsmini.interactive import fetch_values
from tests.conftest import free_port, isolated_environ


@pytest.fixture
def environ(home):
    """The isolated environment, given to the list call alone."""
    return isolated_environ(home)


def make_things(run_cli, endpoint, region, names):
    for name in names:
        result = run_cli(["iot", "create-thing", "--thing-name", name, "--endpoint-url",
                          endpoint, "--region", region])
        assert result.exit_code == 0, result.stderr


def test_fetch_lists_things_in_api_order(run_cli, moto_reset, environ):
    make_things(run_cli, moto_reset, "eu-west-1", ["MyRPi", "MyLamp"])
    found = fetch_values("iot", "ListThings", "things[].thingName",
                         ["--endpoint-url", moto_reset, "--region", "eu-west-1"], environ)
    assert found == ["MyRPi", "MyLamp"]


def test_fetch_honours_the_region_on_the_line(run_cli, moto_reset, environ):
    make_things(run_cli, moto_reset, "eu-west-1", ["MyRPi"])
    assert fetch_values("iot", "ListThings", "things[].thingName",
                        ["--endpoint-url", moto_reset, "--region", "us-west-2"],
                        environ) == []


def test_fetch_honours_the_endpoint_on_the_line(environ, moto_reset):
    dead = "http://127.0.0.1:%d" % free_port()
    with pytest.raises(AwsminiError):
        fetch_values("iot", "ListThings", "things[].thingName",
                     ["--endpoint-url", dead, "--cli-connect-timeout", "1"], environ)


def test_fetch_list_of_strings(run_cli, moto_reset, environ):
    for name in ("alpha", "beta"):
        assert run_cli(["sqs", "create-queue", "--queue-name", name, "--endpoint-url",
                        moto_reset]).exit_code == 0
    found = fetch_values("sqs", "ListQueues", "QueueUrls", ["--endpoint-url", moto_reset],
                         environ)
    assert [url.rsplit("/", 1)[-1] for url in found] == ["alpha", "beta"]
