"""The hand-written command place: the table, parsing of declared arguments, conversion."""
from __future__ import annotations

import pytest

from awsmini.commands import convert_arguments, find_command
from awsmini.commands.s3 import COMMANDS
from awsmini.commands.s3.paths import human_readable_size, relative_path, split_s3_uri
from awsmini.env import Env
from awsmini.errors import OtherError, ParamValidationError, UsageError


def test_a_whole_family_answers_for_its_word_and_the_model_for_others():
    assert find_command("s3", ["ls", "s3://b"]).command.name == "ls"
    assert find_command("s3api", ["list-buckets"]) is None
    with pytest.raises(UsageError, match="invalid choice 'list-buckets'"):
        find_command("s3", ["list-buckets"])


def test_unknown_words_are_listed_as_given():
    from awsmini.commands import run_command
    from awsmini.globalopts import GlobalOptions

    invocation = find_command("s3", ["ls", "s3://a", "s3://b", "--bogus"])
    with pytest.raises(ParamValidationError, match="^Unknown options: s3://b,--bogus$"):
        run_command(invocation, GlobalOptions(), Env(environ={}))


def test_defaults_integers_and_structured_values_are_converted():
    from awsmini.argv_parse import parse_known_arguments

    presign = COMMANDS["presign"]
    parsed, _ = parse_known_arguments(presign.argument_table(), ["s3://b/k"])
    assert convert_arguments(presign, parsed.options, Env(environ={}))["expires-in"] == 3600
    parsed, _ = parse_known_arguments(presign.argument_table(), ["s3://b/k", "--expires-in", "x"])
    with pytest.raises(OtherError, match="invalid literal for int"):
        convert_arguments(presign, parsed.options, Env(environ={}))


def test_repeatable_options_are_collected_in_order():
    from awsmini.argv_parse import parse_known_arguments

    mb = COMMANDS["mb"]
    parsed, _ = parse_known_arguments(mb.argument_table(),
                                      ["s3://b", "--tags", "a", "1", "--tags", "b", "2"])
    assert parsed.options["tags"] == [["a", "1"], ["b", "2"]]


@pytest.mark.parametrize("uri, expected", [
    ("s3://b/k/x", ("b", "k/x")), ("s3://b", ("b", "")), ("s3://", ("", "")),
    ("s3://arn:aws:s3:us-east-1:123456789012:accesspoint/ap/key",
     ("arn:aws:s3:us-east-1:123456789012:accesspoint/ap", "key")),
])
def test_split_s3_uri(uri, expected):
    assert split_s3_uri(uri) == expected


@pytest.mark.parametrize("size, text", [(1, "1 Byte"), (10, "10 Bytes"), (2048, "2.0 KiB"),
                                        (3145728, "3.0 MiB"), (1023, "1023 Bytes")])
def test_human_readable_size(size, text):
    assert human_readable_size(size) == text


def test_relative_path_keeps_the_dot_for_the_working_directory(tmp_path):
    assert relative_path(str(tmp_path / "a.txt"), str(tmp_path)) == "./a.txt"
    assert relative_path(str(tmp_path / "site" / "x"), str(tmp_path)) == "site/x"


@pytest.mark.parametrize("word, words, message", [
    ("cloudtrail", ["validate-logs", "--region", "us-east-1"],
     "`awsmini cloudtrail validate-logs`: not available yet; the generic `awsmini cloudtrail "
     "...` commands are"),
    ("configure", ["mfa-login"], "`awsmini configure mfa-login`: not available yet"),
    ("update", ["--check"], "`awsmini update`: not available yet"),
    ("history", [], "`awsmini history`: not available yet"),
], ids=["subcommand", "whole-family-subcommand", "whole-word", "no-generic"])
def test_v2_commands_not_here_yet_say_so(word, words, message):
    with pytest.raises(ParamValidationError) as raised:
        find_command(word, words)
    assert raised.value.exit_code == 252
    assert str(raised.value).startswith(message)


def test_the_not_yet_table_leaves_alone_what_runs_here():
    from awsmini.commands import NOT_YET_AVAILABLE, TABLE, subcommand_words

    for (word, sub), (_, source) in NOT_YET_AVAILABLE.items():
        assert source.startswith("awscli/customizations/"), (word, sub)
        assert sub not in (subcommand_words(word) if word in TABLE else []), (word, sub)
    assert find_command("emr", ["list-clusters"]) is None  # the model's, generic
    assert find_command("emr", ["describe-cluster"]).command.name == "describe-cluster"
    assert find_command("logs", ["tail", "g"]).command.name == "tail"
