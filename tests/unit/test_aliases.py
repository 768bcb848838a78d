"""aliases: the alias file's text and a command line in, the expanded line out.

Each expansion case says which plain command line the aliased one stands for:
both go through the global pass, and the results must be equal.
"""
from __future__ import annotations

import pytest

from awsmini.aliases import ShellAlias, expand_aliases, parse_aliases
from awsmini.errors import OtherError, UsageError
from awsmini.globalopts import parse_global_options

# (path, word) pairs the fake command table has built in.
BUILTINS = {((), "ec2"), ((), "sts"), ((), "s3api"), ((), "cloudformation"), ((), "help"),
            (("ec2",), "describe-regions"), (("ec2",), "wait"),
            (("ec2", "wait"), "vpc-available")}

FILE = """\
[toplevel]
whoami = sts get-caller-identity
regions = ec2 describe-regions --region us-west-2 --query Regions[].RegionName
base = ec2 describe-regions
wrapper = base --region-names us-east-1
cfn = cloudformation
hello = !f() { echo "$1"; }; f
MixedCase = sts get-caller-identity
multi =
    ec2
    describe-regions
    --output text
empty =
options-only = --region us-west-2
quoted = ec2 describe-regions --query 'Regions[?RegionName==`us-east-1`]'

[command ec2]
r = describe-regions --output text
shell = !echo ec2
help = describe-instances

[command ec2 wait]
vpc-ready = vpc-available

[command cloudformation]
stacks = list-stacks --query StackSummaries
"""


def expand(argv, text=FILE, builtins=BUILTINS):
    options, words = parse_global_options(argv)
    return expand_aliases(options, words, parse_aliases(text, "/home/u/.aws/cli/alias"),
                          lambda path, word: (path, word) in builtins)


EXPANSIONS = [
    ("command", ["whoami"], ["sts", "get-caller-identity"]),
    ("extra-words", ["whoami", "--foo", "x"], ["sts", "get-caller-identity", "--foo", "x"]),
    ("globals-around", ["--region", "eu-west-1", "whoami", "--output", "text"],
     ["--region", "eu-west-1", "sts", "get-caller-identity", "--output", "text"]),
    ("alias-globals-win", ["--region", "eu-west-1", "--output", "text", "regions"],
     ["--output", "text", "ec2", "describe-regions", "--region", "us-west-2",
      "--query", "Regions[].RegionName"]),
    ("chained", ["wrapper", "--dry-run"],
     ["ec2", "describe-regions", "--region-names", "us-east-1", "--dry-run"]),
    ("multi-line-value", ["multi"], ["ec2", "describe-regions", "--output", "text"]),
    ("quoted-value", ["quoted"],
     ["ec2", "describe-regions", "--query", "Regions[?RegionName==`us-east-1`]"]),
    ("names-lower-cased", ["mixedcase"], ["sts", "get-caller-identity"]),
    ("not-an-alias", ["ec2", "describe-instances", "--region", "x"],
     ["ec2", "describe-instances", "--region", "x"]),
    ("subcommand", ["ec2", "r", "--dry-run"],
     ["ec2", "describe-regions", "--output", "text", "--dry-run"]),
    ("subcommand-after-option", ["ec2", "--dry-run", "r"],
     ["ec2", "describe-regions", "--output", "text", "--dry-run"]),
    ("waiter", ["ec2", "wait", "vpc-ready", "--vpc-ids", "v-1"],
     ["ec2", "wait", "vpc-available", "--vpc-ids", "v-1"]),
    ("toplevel-then-subcommand", ["cfn", "stacks"],
     ["cloudformation", "list-stacks", "--query", "StackSummaries"]),
    ("help-below-top-is-help", ["ec2", "help"], ["ec2", "help"]),
    ("alias-then-help", ["whoami", "help"], ["sts", "get-caller-identity", "help"]),
]


@pytest.mark.parametrize("argv, plain", [case[1:] for case in EXPANSIONS],
                         ids=[case[0] for case in EXPANSIONS])
def test_an_aliased_line_stands_for_the_plain_one(argv, plain):
    assert expand(argv) == parse_global_options(plain)


SUBCOMMAND_SHADOW = """\
[command ec2]
r = describe-regions
describe-regions = describe-regions --region-names us-west-2
"""
SHADOWS = [
    ("other-command", "[toplevel]\nec2 = s3api\n", ["ec2", "list-buckets"],
     ["s3api", "list-buckets"]),
    ("proxies-to-builtin", "[toplevel]\nec2 = ec2 --region us-west-2\n",
     ["ec2", "describe-regions"], ["--region", "us-west-2", "ec2", "describe-regions"]),
    ("subcommand", SUBCOMMAND_SHADOW, ["ec2", "describe-regions", "--dry-run"],
     ["ec2", "describe-regions", "--region-names", "us-west-2", "--dry-run"]),
    ("subcommand-reached-by-alias", SUBCOMMAND_SHADOW, ["ec2", "r"],
     ["ec2", "describe-regions", "--region-names", "us-west-2"]),
    ("help", "[toplevel]\nhelp = sts get-caller-identity\n", ["help"],
     ["sts", "get-caller-identity"]),
]


@pytest.mark.parametrize("text, argv, plain", [case[1:] for case in SHADOWS],
                         ids=[case[0] for case in SHADOWS])
def test_an_alias_shadows_a_builtin_command_as_in_v2(text, argv, plain):
    assert expand(argv, text) == parse_global_options(plain)


def test_a_line_without_aliases_comes_back_as_it_was():
    options, words = parse_global_options(["--version", "whoami"])
    assert expand_aliases(options, words, parse_aliases(FILE, "f"), lambda p, w: False) == (
        options, [])
    options, words = parse_global_options(["whoami"])
    assert expand_aliases(options, words, {}, lambda p, w: False) == (options, [])


@pytest.mark.parametrize("text, argv", [
    ("[toplevel]\nv = --version\n", ["v"]),
    ("[toplevel]\nv = sts --version\n", ["v", "x"]),
    ("[command sts]\nv = --version\n", ["sts", "v"]),
], ids=["alone", "after-a-command", "subcommand"])
def test_version_in_an_alias_asks_for_the_version(text, argv):
    options, words = expand(argv, text)
    assert (options.version, words) == (True, [])


def test_a_shell_alias_gets_the_words_left_without_the_global_options():
    alias = expand(["--region", "x", "hello", "a b", "--endpoint-url", "http://h", "it's"])
    assert alias == ShellAlias("hello", 'f() { echo "$1"; }; f', ("a b", "it's"))
    assert alias.command_line() == 'f() { echo "$1"; }; f ' + "'a b' 'it'\"'\"'s'"


def test_a_shell_alias_below_a_command_gets_the_other_words():
    assert expand(["ec2", "--dry-run", "shell", "x"]) == ShellAlias(
        "shell", "echo ec2", ("--dry-run", "x"))


def test_a_shell_alias_without_arguments_is_its_text():
    assert ShellAlias("a", "ls -l", ()).command_line() == "ls -l"


ERRORS = [
    ("loop", "[toplevel]\na = b x\nb = a\n", ["a"], OtherError,
     'Alias "a" refers back to itself: a -> b -> a'),
    ("self-reference", "[toplevel]\nmine = mine x\n", ["mine"], OtherError,
     'Alias "mine" refers back to itself: mine -> mine'),
    ("subcommand-loop", "[command ec2]\na = b\nb = a\n", ["ec2", "a"], OtherError,
     'Alias "a" refers back to itself: a -> b -> a'),
    ("debug", "[toplevel]\nd = sts get-caller-identity --debug\n", ["d"], OtherError,
     'Global parameter "--debug" detected in alias "d" which is not supported in '
     "subcommand aliases."),
    ("profile", "[command ec2]\np = describe-regions --profile x\n", ["ec2", "p"], OtherError,
     'Global parameter "--profile" detected in alias "p" which is not supported in '
     "subcommand aliases."),
    ("unbalanced-quote", '[toplevel]\nq = sts "get\n', ["q"], OtherError,
     'Value of alias "q" could not be parsed. Received error: No closing quotation when '
     'parsing:\nsts "get'),
    ("empty-value", FILE, ["empty"], UsageError,
     "the following arguments are required: command"),
    ("options-only", FILE, ["options-only"], UsageError,
     "the following arguments are required: command"),
    ("bad-global-value", "[toplevel]\no = sts --output xml\n", ["o"], UsageError,
     "argument --output: Found invalid choice 'xml'"),
]


@pytest.mark.parametrize("text, argv, family, message", [case[1:] for case in ERRORS],
                         ids=[case[0] for case in ERRORS])
def test_a_bad_alias_fails_with_v2s_message(text, argv, family, message):
    with pytest.raises(family) as caught:
        expand(argv, text)
    assert caught.value.message == message


def test_the_file_is_read_into_sections_by_command_path():
    table = parse_aliases("[toplevel]\na = sts\n\n[command  ec2   wait]\nb =  x \n\n"
                          "[other]\nc = y\n", "f")
    assert table == {(): {"a": "sts"}, ("ec2", "wait"): {"b": "x"}, ("other",): {"c": "y"}}


MALFORMED = [
    ("no-section", "whoami = sts get-caller-identity\n"),
    ("no-equals", "[toplevel]\nwhoami\n"),
    ("duplicate-name", "[toplevel]\na = sts\nA = ec2\n"),
    ("duplicate-section", "[toplevel]\na = sts\n[toplevel]\nb = ec2\n"),
    ("broken-header", "[toplevel\na = sts\n"),
]


@pytest.mark.parametrize("text", [case[1] for case in MALFORMED],
                         ids=[case[0] for case in MALFORMED])
def test_a_malformed_file_is_v2s_parse_error(text):
    with pytest.raises(OtherError) as caught:
        parse_aliases(text, "/home/u/.aws/cli/alias")
    assert caught.value.message == "Unable to parse config file: /home/u/.aws/cli/alias"
    assert caught.value.exit_code == 255
