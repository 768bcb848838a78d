"""globalopts: global options anywhere on the line, validated with v2's messages."""
from __future__ import annotations

import pytest

from awsmini.errors import UsageError
from awsmini.globalopts import (GlobalOptions, PromptFlagsConflict, first_pass,
                                parse_global_options)


@pytest.mark.parametrize("argv, expected_rest", [
    (["iot", "describe-thing", "--thing-name", "t"], ["describe-thing", "--thing-name", "t"]),
    (["--region", "eu-west-1", "iot", "describe-thing"], ["describe-thing"]),
    (["iot", "describe-thing", "--thing-name", "t", "--region", "eu-west-1"],
     ["describe-thing", "--thing-name", "t"]),
    (["--endpoint-url", "http://x", "--output", "text", "iot", "list-things"], ["list-things"]),
], ids=["plain", "before-service", "after-params", "several-before"])
def test_rest_keeps_order(argv, expected_rest):
    options, rest = parse_global_options(argv)
    assert options.command == "iot"
    assert rest == expected_rest


def test_values():
    options, _ = parse_global_options([
        "iot", "x", "--debug", "--no-verify-ssl", "--no-paginate", "--output", "yaml",
        "--query", "a.b", "--profile", "p", "--region", "r", "--color", "on",
        "--no-sign-request", "--ca-bundle", "ca.pem", "--cli-read-timeout", "5",
        "--cli-connect-timeout", "0", "--cli-binary-format", "raw-in-base64-out",
        "--no-cli-pager", "--cli-auto-prompt"])
    assert (options.debug, options.verify_ssl, options.paginate, options.output) == (
        True, False, False, "yaml")
    assert (options.query, options.profile, options.region, options.color) == (
        "a.b", "p", "r", "on")
    assert (options.sign_request, options.ca_bundle, options.read_timeout,
            options.connect_timeout) == (False, "ca.pem", 5, 0)
    assert (options.binary_format, options.pager, options.auto_prompt) == (
        "raw-in-base64-out", False, True)


def test_defaults():
    options, _ = parse_global_options(["iot", "x"])
    assert (options.color, options.output, options.auto_prompt, options.version) == (
        "auto", None, None, False)


@pytest.mark.parametrize("argv, message", [
    (["--output", "xml", "iot"], "argument --output: Found invalid choice 'xml'"),
    (["--color", "sometimes", "iot"], "argument --color: Found invalid choice 'sometimes'"),
    (["--cli-binary-format", "hex", "iot"],
     "argument --cli-binary-format: Found invalid choice 'hex'"),
    (["--cli-read-timeout", "soon", "iot"],
     "argument --cli-read-timeout: invalid int value: 'soon'"),
    (["--region"], "argument --region: expected one argument"),
    ([], "the following arguments are required: command"),
    (["iot", "--cli-auto-prompt", "--no-cli-auto-prompt"],
     "Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time."),
])
def test_errors(argv, message):
    with pytest.raises(UsageError) as caught:
        parse_global_options(argv)
    assert caught.value.message == message


def test_version_wins_over_missing_command():
    options, rest = parse_global_options(["--version"])
    assert options.version and rest == []


@pytest.mark.parametrize("url", ["//127.0.0.1:1", "127.0.0.1:4566/", "localhost"])
def test_an_endpoint_url_without_a_scheme_is_refused_as_v2_refuses_it(url):
    from awsmini.errors import ParamValidationError

    with pytest.raises(ParamValidationError) as caught:
        parse_global_options(["--endpoint-url", url, "sqs", "list-queues"])
    assert caught.value.message == (
        'Bad value for --endpoint-url "%s": scheme is missing.  Must be of the form '
        'http://<hostname>/ or https://<hostname>/' % url)
    assert caught.value.exit_code == 252


@pytest.mark.parametrize("url", ["http://127.0.0.1:4566", "https://s3.example.com/"])
def test_an_endpoint_url_with_a_scheme_is_taken(url):
    options, _ = parse_global_options(["--endpoint-url", url, "sqs", "list-queues"])
    assert options.endpoint_url == url


def test_error_format_option():
    options, rest = parse_global_options(["iot", "x", "--cli-error-format", "yaml"])
    assert (options.error_format, rest) == ("yaml", ["x"])
    assert parse_global_options(["iot", "x"])[0].error_format is None
    with pytest.raises(UsageError) as caught:
        parse_global_options(["iot", "--cli-error-format", "xml"])
    assert caught.value.message == "argument --cli-error-format: Found invalid choice 'xml'"


def test_help_and_prompt_read_the_parsers_table():
    """One declaration: the help page and the prompt see the same options and choices."""
    from awsmini.globalopts import GLOBAL_OPTIONS
    from awsmini.help.pages import global_options_rst
    from awsmini.prompt import completions

    text = global_options_rst()
    for option in GLOBAL_OPTIONS:
        assert "``--%s`` (%s)" % (option.name, option.type_name) in text
        assert completions.GLOBALS_BY_NAME[option.name].choices == option.choices
    assert completions.GLOBALS_BY_NAME["cli-error-format"].choices == (
        "legacy", "json", "yaml", "text", "table", "enhanced")


def test_no_endpoint_url_is_no_check():
    options, rest = parse_global_options(["iotx", "list-things"])
    assert (options.endpoint_url, rest) == (None, ["list-things"])


def test_first_pass_is_the_whole_parse_when_it_succeeds():
    argv = ["--region", "r", "iot", "list-things", "--debug"]
    first = first_pass(argv)
    options, words = parse_global_options(argv)
    assert (first.options, first.words, first.error) == (options, tuple(words), None)
    assert first.options.debug and first.options.region == "r" and first.words


@pytest.mark.parametrize("argv, debug, auto_prompt", [
    pytest.param(["--output", "xml", "--debug", "iot"], True, None, id="bad-choice"),
    pytest.param(["iot", "--cli-read-timeout", "soon", "--cli-auto-prompt"], False, True,
                 id="bad-int"),
    pytest.param(["--debug", "--no-cli-auto-prompt"], True, False, id="no-command"),
    pytest.param(["--endpoint-url", "//host", "iot", "--debug"], True, None, id="bad-endpoint"),
    pytest.param(["--query", "--debug", "iot"], True, None, id="flag-as-a-value"),
])
def test_first_pass_finds_the_flags_when_a_value_is_bad(argv, debug, auto_prompt):
    first = first_pass(argv)
    assert isinstance(first.error, UsageError) and first.words == ()
    assert (first.options.debug, first.options.auto_prompt) == (debug, auto_prompt)
    assert first.options.region is None and first.options.output is None
    with pytest.raises(UsageError):  # the driver's parse reports the same line
        parse_global_options(argv)


def test_first_pass_keeps_the_prompt_flags_conflict():
    first = first_pass(["--debug", "--cli-auto-prompt", "--no-cli-auto-prompt", "iot"])
    assert isinstance(first.error, PromptFlagsConflict) and first.options.debug
    assert "Both --cli-auto-prompt and --no-cli-auto-prompt" in first.error.message


def test_first_pass_of_an_ambiguous_flag_is_no_flags():
    first = first_pass(["--no-cli", "--output", "xml"])  # --no-cli-pager or -auto-prompt?
    assert first.options == GlobalOptions() and first.error is not None
