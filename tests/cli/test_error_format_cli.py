"""`--cli-error-format`, AWS_CLI_ERROR_FORMAT and `cli_error_format`: which one wins, and
how the boundary writes each error family in it; in-process and offline."""
from __future__ import annotations

import json

import pytest

MISSING = ["iot", "cancel-job-execution", "--job-id", "j"]
REQUIRED = "the following arguments are required: --thing-name"
BANNER = ("usage: awsmini [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
          "To see help text, you can run:\n\n  awsmini help\n  awsmini <command> help\n"
          "  awsmini <command> <subcommand> help\n")
ENHANCED = "\nawsmini: [ERROR]: An error occurred (ParamValidation): %s\n\n%s" % (REQUIRED, BANNER)


def write_config(home, text: str) -> None:
    (home / ".aws").mkdir(exist_ok=True)
    (home / ".aws" / "config").write_text(text)


def test_the_option_writes_the_error_as_json(run_cli):
    result = run_cli([*MISSING, "--cli-error-format", "json"])
    assert (result.exit_code, result.stdout) == (252, "")
    assert json.loads(result.stderr) == {"Code": "ParamValidation",
                                         "Message": "%s\n\n%s" % (REQUIRED, BANNER)}
    assert result.stderr.startswith('{\n    "Code": "ParamValidation",\n')


def test_the_environment_variable(run_cli):
    result = run_cli(MISSING, environ={"AWS_CLI_ERROR_FORMAT": "text"})
    assert (result.exit_code, result.stderr) == (
        252, "ParamValidation\t%s\n\n%s\n" % (REQUIRED, BANNER))


def test_the_profile_setting(run_cli, home):
    write_config(home, "[default]\ncli_error_format = legacy\n\n"
                       "[profile dev]\ncli_error_format = json\n")
    result = run_cli(MISSING)
    assert result.stderr == "\nawsmini: [ERROR]: %s\n\n%s" % (REQUIRED, BANNER)
    assert json.loads(run_cli([*MISSING, "--profile", "dev"]).stderr)["Code"] == "ParamValidation"


@pytest.mark.parametrize("option, environ, expected", [
    (["--cli-error-format", "enhanced"], {"AWS_CLI_ERROR_FORMAT": "json"}, "enhanced"),
    ([], {"AWS_CLI_ERROR_FORMAT": "enhanced"}, "enhanced"),
    ([], {}, "json"),
    ([], {"AWS_CLI_ERROR_FORMAT": ""}, "enhanced"),
], ids=["option-over-env-and-profile", "env-over-profile", "profile", "empty-env-stops-there"])
def test_precedence(run_cli, home, option, environ, expected):
    write_config(home, "[default]\ncli_error_format = json\n")
    result = run_cli([*MISSING, *option], environ=environ)
    assert result.exit_code == 252
    assert (result.stderr == ENHANCED) == (expected == "enhanced")
    assert result.stderr.startswith("{") == (expected == "json")


def test_an_invalid_option_value_is_a_usage_error_in_the_default_format(run_cli):
    result = run_cli(["iot", "describe-thing", "--thing-name", "x", "--cli-error-format", "xml"])
    assert (result.exit_code, result.stdout) == (252, "")
    assert result.stderr == (
        "\nawsmini: [ERROR]: An error occurred (ParamValidation): argument --cli-error-format: "
        "Found invalid choice 'xml'\n\n%s" % BANNER)


def test_an_invalid_option_value_leaves_the_environment_in_charge(run_cli):
    """v2 has no global options when they fail to parse: the environment's format applies."""
    result = run_cli(["iot", "describe-thing", "--cli-error-format", "xml"],
                     environ={"AWS_CLI_ERROR_FORMAT": "json"})
    assert json.loads(result.stderr)["Message"].startswith(
        "argument --cli-error-format: Found invalid choice 'xml'\n\nusage: ")


@pytest.mark.parametrize("value", ["xml", "yaml-stream"])
def test_an_invalid_setting_means_enhanced(run_cli, home, value):
    write_config(home, "[default]\ncli_error_format = %s\n" % value)
    assert run_cli(MISSING).stderr == ENHANCED
    assert run_cli(MISSING, environ={"AWS_CLI_ERROR_FORMAT": value}).stderr == ENHANCED


def test_setting_values_are_case_insensitive(run_cli):
    result = run_cli(MISSING, environ={"AWS_CLI_ERROR_FORMAT": "YAML"})
    assert result.stderr.startswith("Code: ParamValidation\nMessage: ")


@pytest.mark.parametrize("error_format, expected", [
    ("json", '{\n    "Code": "NoRegion",\n    "Message": "You must specify a region. You can '
             'also configure your region by running \\"aws configure\\"."\n}\n'),
    ("legacy", '\nawsmini: [ERROR]: You must specify a region. You can also configure your '
               'region by running "aws configure".\n'),
])
def test_no_region(run_cli, error_format, expected):
    result = run_cli(["iot", "cancel-job-execution", "--job-id", "j", "--thing-name", "t",
                      "--cli-error-format", error_format],
                     environ={"AWS_DEFAULT_REGION": None})
    assert (result.exit_code, result.stdout, result.stderr) == (253, "", expected)


def test_hand_written_commands_go_through_the_same_boundary(run_cli):
    result = run_cli(["s3", "ls", "s3://a", "s3://b", "--cli-error-format", "yaml"])
    assert (result.exit_code, result.stderr) == (
        252, "Code: ParamValidation\nMessage: 'Unknown options: s3://b'\n")
    result = run_cli(["ecr", "get-login-password", "--cli-error-format", "text"],
                     environ={"AWS_DEFAULT_REGION": None})
    assert (result.exit_code, result.stdout) == (253, "")
    assert result.stderr.startswith("NoRegion\tYou must specify a region.")


def test_unknown_options_of_an_operation_stay_plain(run_cli):
    """v2 writes "Unknown options" of a generated command the same in every format."""
    result = run_cli([*MISSING, "--thing-name", "t", "--forse", "--cli-error-format", "json"])
    assert (result.exit_code, result.stderr) == (
        252, "\nawsmini: [ERROR]: Unknown options: --forse\n\n%s" % BANNER)


def test_a_config_file_that_does_not_parse_leaves_the_default(run_cli, home):
    write_config(home, "[default]\ncli_error_format = json\n  stray\n[[[")
    assert run_cli(MISSING).stderr == ENHANCED
