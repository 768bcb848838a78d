"""Output, --query and the pager through main(), in-process; nothing here needs a server.

Requests go to a loopback port where nothing listens, so any check that
passes proves it happened before a request was attempted.
"""
from __future__ import annotations

import io

import pytest

from awsmini.env import Env
from awsmini.main import main
from tests.conftest import free_port, isolated_environ

ERROR = "awsmini: [ERROR]: "


def closed_endpoint() -> str:
    return "http://127.0.0.1:%d" % free_port()


def test_query_syntax_error_before_the_request(run_cli):
    result = run_cli(["sqs", "list-queues", "--endpoint-url", closed_endpoint(),
                      "--query", "foo[?bar=="])
    assert result.exit_code == 252
    assert result.stderr.splitlines()[1:4] == [
        ERROR + "An error occurred (ParamValidation): Bad value for --query foo[?bar==: "
        "Invalid jmespath expression: Incomplete expression:", '"foo[?bar=="', "           ^"]


def test_no_paginate_with_max_items_is_refused_before_the_request(run_cli):
    result = run_cli(["iot", "list-things", "--endpoint-url", closed_endpoint(),
                      "--no-paginate", "--max-items", "2"])
    assert result.exit_code == 252
    assert ("Cannot specify --no-paginate along with pagination arguments: --max-items"
            in result.stderr)


def test_bad_max_items_is_an_argparse_error(run_cli):
    result = run_cli(["iot", "list-things", "--endpoint-url", closed_endpoint(),
                      "--max-items", "many"])
    assert result.exit_code == 252
    assert "argument --max-items: invalid int value: 'many'" in result.stderr


def test_unknown_output_type_in_the_profile(run_cli, home):
    (home / ".aws").mkdir()
    (home / ".aws" / "config").write_text("[default]\noutput = xml\n")
    result = run_cli(["sqs", "list-queues", "--endpoint-url", closed_endpoint()])
    assert result.exit_code == 255
    assert ERROR + "Unknown output type: xml" in result.stderr


@pytest.fixture
def terminal_run(home):
    """main() with stdin and stdout claiming to be terminals."""

    def run(argv, environ):
        env = Env(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(),
                  environ=isolated_environ(home, environ), stdin_isatty=True,
                  stdout_isatty=True)
        return main(list(argv), env), env.stdout.getvalue(), env.stderr.getvalue()

    return run


def test_missing_configured_pager_is_reported_before_the_request(terminal_run, tmp_path):
    code, out, err = terminal_run(["sqs", "list-queues", "--endpoint-url", closed_endpoint()],
                                  {"AWS_PAGER": "no-such-pager", "PATH": str(tmp_path)})
    assert (code, out) == (253, "")
    assert err == (
        "\n" + ERROR + "An error occurred (Pager): Unable to redirect output to pager. Received "
        "the following error when opening pager:\n[Errno 2] No such file or directory: "
        "'no-such-pager'\n\nLearn more about configuring the output pager by running "
        "\"aws help config-vars\".\n")


def test_missing_pager_is_no_error_with_no_cli_pager(terminal_run, tmp_path):
    code, out, err = terminal_run(["sqs", "list-queues", "--endpoint-url", closed_endpoint(),
                                   "--no-cli-pager"],
                                  {"AWS_PAGER": "no-such-pager", "PATH": str(tmp_path)})
    assert code == 255 and "Could not connect to the endpoint URL" in err
