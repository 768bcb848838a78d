"""Aliases from `~/.aws/cli/alias` end to end: the installed awsmini in a temporary HOME
against moto_server (the `aws` fixture appends `--endpoint-url`, a global option)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ACCOUNT = "123456789012"  # moto's account


@pytest.fixture
def alias_file(tmp_path: Path):
    """Write the alias file of the `aws` fixture's HOME; returns its path."""
    path = tmp_path / ".aws" / "cli" / "alias"

    def write(text: str) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    return write


def test_a_command_alias_runs_its_command(aws, alias_file):
    alias_file("[toplevel]\nwhoami = sts get-caller-identity\n")
    aliased, plain = aws("whoami"), aws("sts", "get-caller-identity")
    assert (aliased.returncode, aliased.stderr) == (0, "")
    assert json.loads(aliased.stdout)["Account"] == ACCOUNT
    assert aliased.stdout == plain.stdout


def test_global_options_and_words_around_an_alias(aws, alias_file):
    alias_file("[toplevel]\n"
               "zones = ec2 describe-availability-zones --region us-west-2 --output text\n")
    result = aws("--query", "AvailabilityZones[].ZoneName", "zones",
                 "--zone-names", "us-west-2b")
    assert (result.returncode, result.stdout, result.stderr) == (0, "us-west-2b\n", "")
    # The alias's own global options win over the line's, as in v2.
    result = aws("--region", "eu-west-1", "zones", "--query", "AvailabilityZones[0].RegionName")
    assert (result.returncode, result.stdout) == (0, "us-west-2\n")


def test_a_subcommand_alias(aws, alias_file):
    alias_file("[command sts]\nme = get-caller-identity --query Account --output text\n")
    result = aws("sts", "me")
    assert (result.returncode, result.stdout, result.stderr) == (0, ACCOUNT + "\n", "")


def test_a_shell_alias_gets_the_words_as_positional_parameters(aws, alias_file):
    alias_file('[toplevel]\nfirst = !f() { echo "$1"; }; f\nfail = !exit 3\n')
    result = aws("first", "two words", "more")
    assert (result.returncode, result.stdout, result.stderr) == (0, "two words\n", "")
    result = aws("fail")
    assert (result.returncode, result.stdout) == (3, "")


def test_a_shell_alias_in_process_writes_to_the_runs_streams(run_cli, home):
    (home / ".aws" / "cli").mkdir(parents=True)
    (home / ".aws" / "cli" / "alias").write_text(
        "[toplevel]\nboth = !f() { echo out \"$@\"; echo err >&2; return 4; }; f\n")
    result = run_cli(["both", "a b"])
    assert (result.exit_code, result.stdout, result.stderr) == (4, "out a b\n", "err\n")


def test_an_alias_shadows_a_builtin_command(aws, alias_file):
    alias_file("[toplevel]\n"
               "ec2 = ec2 --region us-west-2\n"
               "s3api = sts\n")
    result = aws("ec2", "describe-availability-zones", "--query",
                 "AvailabilityZones[0].RegionName", "--output", "text")
    assert (result.returncode, result.stdout) == (0, "us-west-2\n")
    result = aws("s3api", "get-caller-identity", "--query", "Account", "--output", "text")
    assert (result.returncode, result.stdout) == (0, ACCOUNT + "\n")


def test_an_alias_takes_the_help_of_its_command(aws, alias_file):
    alias_file("[toplevel]\nwhoami = sts get-caller-identity\n")
    result = aws("whoami", "help")
    assert result.returncode == 0, result.stderr
    assert "get-caller-identity" in result.stdout


def test_a_malformed_alias_file_stops_every_command(aws, alias_file):
    path = alias_file("[toplevel]\nwhoami\n")
    for argv in (["sts", "get-caller-identity"], ["--version"]):
        result = aws(*argv)
        assert (result.returncode, result.stdout) == (255, "")
        assert result.stderr == "\nawsmini: [ERROR]: Unable to parse config file: %s\n" % path


def test_a_loop_of_aliases_is_an_error(aws, alias_file):
    alias_file("[toplevel]\nping = pong\npong = ping\n")
    result = aws("ping")
    assert (result.returncode, result.stdout) == (255, "")
    assert result.stderr == (
        '\nawsmini: [ERROR]: Alias "ping" refers back to itself: ping -> pong -> ping\n')


def test_no_alias_file_changes_nothing(aws, tmp_path):
    assert not (tmp_path / ".aws" / "cli" / "alias").exists()
    result = aws("whoami", "now")
    assert result.returncode == 252
    assert "Found invalid choice 'whoami'" in result.stderr


def test_the_prompt_completes_top_level_alias_names(tmp_path):
    from awsmini.prompt.completions import complete

    environ = {"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / ".cache")}
    assert "whoami" not in [c.text for c in complete("whoam", environ).candidates]
    (tmp_path / ".aws" / "cli").mkdir(parents=True)
    (tmp_path / ".aws" / "cli" / "alias").write_text(
        "[toplevel]\nwhoami = sts get-caller-identity\n[command sts]\nme = x\n")
    candidates = complete("whoam", environ).candidates
    assert [(c.text, c.meta) for c in candidates][:1] == [("whoami", "sts get-caller-identity")]
    assert "me" not in [c.text for c in complete("m", environ).candidates]
    (tmp_path / ".aws" / "cli" / "alias").write_text("whoami\n")  # malformed: no aliases
    assert "whoami" not in [c.text for c in complete("whoam", environ).candidates]
