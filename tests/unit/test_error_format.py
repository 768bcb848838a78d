"""error_format: each error family in each `--cli-error-format`, byte for byte (v2's
`awscli/errorhandler.py` rules)."""
from __future__ import annotations

import pytest

from awsmini.error_format import choose_error_format, error_info, render_error
from awsmini.errors import (AwsminiError, ConfigurationError, OtherError, ParamValidationError,
                            ServiceError, UnknownOptionsError, UsageError)

PROG = "awsmini"
SENTENCE = ("An error occurred (ResourceNotFoundException) when calling the DescribeThing "
            "operation (reached max retries: 0): thing nope not found")
SERVICE = ServiceError(SENTENCE, {"Message": "thing nope not found",
                                  "Code": "ResourceNotFoundException",
                                  "message": "thing nope not found"})
MISSING = UsageError("the following arguments are required: --thing-name")
BAD_VALUE = ParamValidationError("Invalid type for parameter maxResults, value: x")
NO_REGION = ConfigurationError('You must specify a region. You can also configure your region '
                               'by running "aws configure".', "NoRegion")
UNCODED = ConfigurationError("the pager is broken")
UNKNOWN = UnknownOptionsError("Unknown options: --forse")
OTHER = OtherError('Could not connect to the endpoint URL: "http://127.0.0.1:1/"')
BANNER = ("usage: awsmini [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
          "To see help text, you can run:\n\n  awsmini help\n  awsmini <command> help\n"
          "  awsmini <command> <subcommand> help\n")

CASES = [
    # --- a service error
    (SERVICE, "enhanced", "\nawsmini: [ERROR]: %s\n" % SENTENCE),
    (SERVICE, "legacy", "\nawsmini: [ERROR]: %s\n" % SENTENCE),
    (SERVICE, "json", '{\n    "Message": "thing nope not found",\n'
                      '    "Code": "ResourceNotFoundException",\n'
                      '    "message": "thing nope not found"\n}\n'),
    (SERVICE, "yaml", "Code: ResourceNotFoundException\nMessage: thing nope not found\n"
                      "message: thing nope not found\n"),
    (SERVICE, "text", "ResourceNotFoundException\tthing nope not found\tthing nope not found\n"),
    (SERVICE, "table",
     "-------------------------------------------------------------------------------\n"
     "|                                    error                                    |\n"
     "+---------------------------+------------------------+------------------------+\n"
     "|           Code            |        Message         |        message         |\n"
     "+---------------------------+------------------------+------------------------+\n"
     "|  ResourceNotFoundException|  thing nope not found  |  thing nope not found  |\n"
     "+---------------------------+------------------------+------------------------+\n"),
    # --- a usage error: the banner is part of the message
    (MISSING, "enhanced", "\nawsmini: [ERROR]: An error occurred (ParamValidation): the "
                          "following arguments are required: --thing-name\n\n%s" % BANNER),
    (MISSING, "legacy", "\nawsmini: [ERROR]: the following arguments are required: "
                        "--thing-name\n\n%s" % BANNER),
    (MISSING, "json", '{\n    "Code": "ParamValidation",\n    "Message": "the following '
                      'arguments are required: --thing-name\\n\\n%s"\n}\n'
     % BANNER.replace("\n", "\\n")),
    (MISSING, "text", "ParamValidation\tthe following arguments are required: --thing-name"
                      "\n\n%s\n" % BANNER),
    # --- a parameter error: no banner
    (BAD_VALUE, "enhanced", "\nawsmini: [ERROR]: An error occurred (ParamValidation): Invalid "
                            "type for parameter maxResults, value: x\n"),
    (BAD_VALUE, "legacy", "\nawsmini: [ERROR]: Invalid type for parameter maxResults, "
                          "value: x\n"),
    (BAD_VALUE, "yaml", "Code: ParamValidation\nMessage: 'Invalid type for parameter "
                        "maxResults, value: x'\n"),
    (BAD_VALUE, "table",
     "------------------------------------------------------------------------\n"
     "|                                 error                                |\n"
     "+------------------+---------------------------------------------------+\n"
     "|       Code       |                      Message                      |\n"
     "+------------------+---------------------------------------------------+\n"
     "|  ParamValidation |  Invalid type for parameter maxResults, value: x  |\n"
     "+------------------+---------------------------------------------------+\n"),
    # --- configuration errors
    (NO_REGION, "enhanced", '\nawsmini: [ERROR]: An error occurred (NoRegion): You must specify '
                            'a region. You can also configure your region by running "aws '
                            'configure".\n'),
    (NO_REGION, "legacy", '\nawsmini: [ERROR]: You must specify a region. You can also '
                          'configure your region by running "aws configure".\n'),
    (NO_REGION, "json", '{\n    "Code": "NoRegion",\n    "Message": "You must specify a region. '
                        'You can also configure your region by running \\"aws configure\\"."'
                        '\n}\n'),
    (NO_REGION, "yaml", 'Code: NoRegion\nMessage: You must specify a region. You can also '
                        'configure your region by running\n  "aws configure".\n'),
    (NO_REGION, "text", 'NoRegion\tYou must specify a region. You can also configure your '
                        'region by running "aws configure".\n'),
    (UNCODED, "enhanced", "\nawsmini: [ERROR]: An error occurred (Configuration): the pager "
                          "is broken\n"),
    (UNCODED, "json", '{\n    "Code": "Configuration",\n    "Message": "the pager is broken"'
                      '\n}\n'),
    # --- families v2 always writes as plain text
    (UNKNOWN, "json", "\nawsmini: [ERROR]: Unknown options: --forse\n\n%s" % BANNER),
    (UNKNOWN, "legacy", "\nawsmini: [ERROR]: Unknown options: --forse\n\n%s" % BANNER),
    (OTHER, "json", '\nawsmini: [ERROR]: Could not connect to the endpoint URL: '
                    '"http://127.0.0.1:1/"\n'),
    (OTHER, "table", '\nawsmini: [ERROR]: Could not connect to the endpoint URL: '
                     '"http://127.0.0.1:1/"\n'),
    (AwsminiError("boom"), "yaml", "\nawsmini: [ERROR]: boom\n"),
]


def _case_id(case) -> str:
    error, error_format, _ = case
    name = getattr(error, "code", "") or type(error).__name__
    return "%s-%s" % (name, error_format)


@pytest.mark.parametrize("error, error_format, expected", CASES,
                         ids=[_case_id(c) for c in CASES])
def test_render_error(error, error_format, expected):
    assert render_error(error, error_format, PROG) == expected


DETAILED = ServiceError(
    "An error occurred (TransactionCanceledException) when calling the TransactWriteItems "
    "operation: Transaction cancelled",
    {"Message": "Transaction cancelled", "Code": "TransactionCanceledException",
     "Retryable": True, "Item": None, "Count": 3, "Names": ["a", "b"],
     "Tags": {"k": "v", "n": 1},
     "Many": [1, 2, 3, 4, 5],
     "CancellationReasons": [{"Code": "ConditionalCheckFailed"}]})


def test_enhanced_details_inline_small_values_and_hide_complex_ones():
    assert render_error(DETAILED, "enhanced", PROG) == (
        "\nawsmini: [ERROR]: An error occurred (TransactionCanceledException) when calling the "
        "TransactWriteItems operation: Transaction cancelled\n"
        "\n"
        "Additional error details:\n"
        "Retryable: True\n"
        "Item: None\n"
        "Count: 3\n"
        "Names: [a, b]\n"
        "Tags: {k: v, n: 1}\n"
        "Many: <complex value>\n"
        "CancellationReasons: <complex value>\n"
        'Use "--cli-error-format json" or another error format to see the full details.\n')


def test_legacy_leaves_the_details_out():
    assert render_error(DETAILED, "legacy", PROG) == (
        "\nawsmini: [ERROR]: An error occurred (TransactionCanceledException) when calling the "
        "TransactWriteItems operation: Transaction cancelled\n")


def test_json_shows_every_field():
    text = render_error(DETAILED, "json", PROG)
    assert text.endswith('    "CancellationReasons": [\n        {\n            "Code": '
                         '"ConditionalCheckFailed"\n        }\n    ]\n}\n')
    assert '"Many": [\n        1,\n' in text


def test_lower_case_fields_named_code_or_message_are_not_details():
    error = ServiceError("An error occurred (X) when calling the Y operation: m",
                         {"Code": "X", "Message": "m", "message": "m", "code": 7})
    assert "Additional" not in render_error(error, "enhanced", PROG)


def test_a_service_error_without_an_error_document_is_plain_in_every_format():
    error = ServiceError("An error occurred (500) when calling the Y operation: Boom")
    assert error_info(error, PROG) is None
    assert render_error(error, "json", PROG) == (
        "\nawsmini: [ERROR]: An error occurred (500) when calling the Y operation: Boom\n")


def test_suggestions_follow_the_banner():
    error = UsageError("argument operation: Found invalid choice 'describe-thin'",
                       suggestions=["describe-thing"])
    assert error_info(error, PROG)["Message"] == (
        "argument operation: Found invalid choice 'describe-thin'\n\n" + BANNER
        + "\nInvalid choice, maybe you meant:\n\n  * describe-thing")
    assert render_error(error, "enhanced", PROG).endswith(
        "help\n\nInvalid choice, maybe you meant:\n\n  * describe-thing\n")


def test_a_formatter_that_fails_falls_back_to_the_plain_message():
    error = ConfigurationError("m", "Pager")
    error.code = object()  # not something yaml can write
    assert render_error(error, "yaml", PROG).startswith("\nawsmini: [ERROR]: m")


@pytest.mark.parametrize("value, expected", [
    (None, "enhanced"), ("", "enhanced"), ("json", "json"), ("JSON", "json"),
    ("Table", "table"), ("legacy", "legacy"), ("xml", "enhanced"), ("yaml-stream", "enhanced"),
], ids=["unset", "empty", "json", "upper-case", "mixed-case", "legacy", "unknown",
        "output-only-format"])
def test_choose_error_format(value, expected):
    assert choose_error_format(value) == expected
