"""argv_parse: an operation's words against its argument table, as v2's argparse does."""
from __future__ import annotations

import pytest

from awsmini.arguments import ArgSpec
from awsmini.argv_parse import parse_arguments
from awsmini.errors import UnknownOptionsError, UsageError

SPECS = {
    "job-id": ArgSpec("job-id", "jobId", "Id", "string", is_required=True),
    "thing-name": ArgSpec("thing-name", "thingName", "Name", "string", is_required=True),
    "force": ArgSpec("force", "force", "Bool", "boolean", negative_name="no-force"),
    "expected-version": ArgSpec("expected-version", "expectedVersion", "L", "long"),
    "ratio": ArgSpec("ratio", "ratio", "D", "double"),
    "count": ArgSpec("count", "count", "I", "integer"),
    "ids": ArgSpec("ids", "ids", "Ids", "list", nargs="*"),
    "generate-cli-skeleton": ArgSpec("generate-cli-skeleton", "", "", "string", nargs="?",
                                     const="input", is_cli_only=True),
}
REQUIRED = ["--job-id", "j", "--thing-name", "t"]


def test_values_by_type():
    parsed = parse_arguments(SPECS, REQUIRED + [
        "--force", "--expected-version", "7", "--ratio", "0.5", "--count", "3",
        "--ids", "a", "b"])
    assert parsed.members == {"job-id": "j", "thing-name": "t", "force": True,
                              "expected-version": 7, "ratio": 0.5, "count": "3",
                              "ids": ["a", "b"]}
    assert parsed.options == {}


def test_negative_boolean_and_last_wins():
    assert parse_arguments(SPECS, REQUIRED + ["--no-force"]).members["force"] is False
    assert parse_arguments(SPECS, REQUIRED + ["--no-force", "--force"]).members["force"] is True


def test_equals_form_and_abbreviation():
    parsed = parse_arguments(SPECS, ["--job-id=j", "--thing", "t"])
    assert parsed.members == {"job-id": "j", "thing-name": "t"}


def test_cli_only_options():
    assert parse_arguments(SPECS, ["--generate-cli-skeleton"], relax_required=True).options == {
        "generate-cli-skeleton": "input"}


@pytest.mark.parametrize("words, message", [
    ([], "the following arguments are required: --job-id, --thing-name"),
    (["--job-id", "j"], "the following arguments are required: --thing-name"),
    (REQUIRED + ["--expected-version", "seven"],
     "argument --expected-version: invalid int value: 'seven'"),
    (REQUIRED + ["--ratio", "fast"], "argument --ratio: invalid float value: 'fast'"),
])
def test_usage_errors(words, message):
    with pytest.raises(UsageError) as caught:
        parse_arguments(SPECS, words)
    assert caught.value.message == message


@pytest.mark.parametrize("extra, message", [
    (["--forse"], "Unknown options: --forse"),
    (["--bogus", "value", "--other"], "Unknown options: --bogus, --other, value"),
    (["--force", "true"], "Unknown options: true"),
])
def test_unknown_options_list_options_first(extra, message):
    with pytest.raises(UnknownOptionsError) as caught:
        parse_arguments(SPECS, REQUIRED + extra)
    assert caught.value.message == message


def test_hidden_alias_fills_the_same_argument():
    specs = {"tape-arns": ArgSpec("tape-arns", "TapeARNs", "L", "list", nargs="+",
                                  aliases=("tape-ar-ns",))}
    assert parse_arguments(specs, ["--tape-ar-ns", "a", "b"]).members == {"tape-arns": ["a", "b"]}


def test_a_required_argument_with_a_hidden_alias_is_not_required_while_parsing():
    # v2's make_hidden_alias clears `required` on both names; validation reports it
    specs = {"ids": ArgSpec("ids", "IDs", "L", "list", nargs="+", is_required=True,
                            aliases=("i-ds",))}
    assert parse_arguments(specs, []).members == {}
    assert parse_arguments(specs, ["--i-ds", "a"]).members == {"ids": ["a"]}


@pytest.mark.parametrize("words, members", [
    (["--egress"], {"egress": True}), (["--ingress"], {"egress": False}), ([], {}),
], ids=["flag", "renamed-negative", "neither"])
def test_a_required_boolean_is_not_required_while_parsing(words, members):
    # v2's BooleanArgument gives argparse no `required`: `--ingress` (ec2's renamed
    # `--no-egress`) satisfies it, and a missing one is left to the validation
    specs = {"egress": ArgSpec("egress", "Egress", "Bool", "boolean", is_required=True,
                               negative_name="ingress")}
    assert parse_arguments(specs, words).members == members


FLAGS = {**SPECS, "dns": ArgSpec("dns", "Dns", "AttributeBooleanValue", "structure", nargs="?",
                                 negative_name="no-dns")}


@pytest.mark.parametrize("words, value", [
    (["--dns"], True),
    (["--no-dns"], False),
    (["--dns", "Value=false"], "Value=false"),
    (["--dns", "--job-id", "j"], True),
], ids=["flag", "negative-flag", "with-a-value", "flag-before-another-option"])
def test_a_boolean_structure_is_a_flag_or_takes_a_value(words, value):
    parsed = parse_arguments(FLAGS, ["--job-id", "j", "--thing-name", "t", *words])
    assert parsed.members["dns"] == value
    assert "no-dns" not in parsed.members


def test_a_boolean_structure_and_its_negative_together_are_refused():
    with pytest.raises(UsageError) as caught:
        parse_arguments(FLAGS, REQUIRED + ["--dns", "Value=true", "--no-dns"])
    assert caught.value.exit_code == 252
    assert str(caught.value.message) == (
        'Cannot specify both the "--dns" option and the "--no-dns" option.')


def test_a_list_option_given_no_words_is_an_empty_list():
    # `--ids $EMPTY` in a script: v2's ListArgument takes nargs="*" and sends []
    parsed = parse_arguments(SPECS, REQUIRED + ["--ids", "--force"])
    assert parsed.members["ids"] == [] and parsed.members["force"] is True
