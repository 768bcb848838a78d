"""`help` through main(): the page on stdout, exit 0, offline; the pager only on a terminal."""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from awsmini.env import Env
from awsmini.main import main

REFERENCE = Path(__file__).parent.parent / "data" / "help" / "iot-cancel-job-execution.txt"


@pytest.fixture(autouse=True)
def no_installed_examples(monkeypatch):
    """An AWS CLI installed on this machine would add its EXAMPLES section."""
    monkeypatch.setattr("awsmini.help._example_dirs", lambda: [])


def run(argv, tmp_path: Path, isatty: bool = False, **extra: str):
    environ = {"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / ".cache"),
               "PATH": os.environ.get("PATH", ""), **extra}
    stdout, stderr = io.StringIO(), io.StringIO()
    env = Env(stdin=io.StringIO(), stdout=stdout, stderr=stderr, environ=environ,
              stdin_isatty=False, stdout_isatty=isatty)
    return main(list(argv), env), stdout.getvalue(), stderr.getvalue()


def test_operation_help_is_the_reference_page_without_examples(tmp_path):
    code, out, err = run(["iot", "cancel-job-execution", "help"], tmp_path)
    reference = REFERENCE.read_text().split("\n")
    start, end = reference.index("EXAMPLES") - 1, reference.index("OUTPUT") - 1
    assert (code, err) == (0, "")
    assert out == "\n".join(reference[:start] + reference[end:])


@pytest.mark.parametrize("argv,first,heading", [
    (["help"], "AWS()", "AVAILABLE SERVICES"),
    (["iot", "help"], "IOT()", "AVAILABLE COMMANDS"),
    (["--region", "us-west-2", "iot", "help"], "IOT()", "AVAILABLE COMMANDS"),
    (["iot", "list-things", "help", "--debug"], "LIST-THINGS()", "OPTIONS"),
    (["s3api", "list-buckets", "help"], "LIST-BUCKETS()", "OUTPUT"),
], ids=["top", "service", "global-option-first", "global-option-after", "renamed-service"])
def test_pages_are_plain_text_on_stdout(tmp_path, argv, first, heading):
    code, out, err = run(argv, tmp_path)
    lines = out.split("\n")
    assert code == 0 and err == ""
    assert lines[0].startswith(first) and lines[0].endswith(first)
    assert heading in lines
    assert "\b" not in out and all(len(line) <= 78 for line in lines[:-2])


def test_paginated_operation_documents_v2_paging_options(tmp_path):
    code, out, _ = run(["iot", "list-things", "help"], tmp_path)
    assert code == 0
    assert "          [--starting-token <value>]" in out.split("\n")
    assert "--next-token" not in out and "--max-results" not in out


def test_paging_options_are_the_ones_the_operation_takes(tmp_path):
    """As v2's paginate.py adds them: --page-size only with the paginator's limit key,
    and --page-size and --max-items of the limit key's type."""
    _, out, _ = run(["sns", "list-endpoints-by-platform-application", "help"], tmp_path)
    lines = out.split("\n")
    assert "          [--starting-token <value>]" in lines and "       --max-items (integer)" in lines
    assert "--page-size" not in out
    code, _, err = run(["sns", "list-endpoints-by-platform-application",
                        "--platform-application-arn", "a", "--page-size", "2"], tmp_path)
    assert code == 252 and "Unknown options: --page-size, 2" in err  # nor does it take one
    _, out, _ = run(["cloudfront", "list-distributions", "help"], tmp_path)
    lines = out.split("\n")
    assert "       --page-size (string)" in lines and "       --max-items (string)" in lines


@pytest.mark.parametrize("argv,message", [
    (["nosuchservice", "help"], "argument command: Found invalid choice 'nosuchservice'"),
    (["iot", "nosuch-operation", "help"], "argument operation: Found invalid choice 'nosuch-operation'"),
], ids=["service", "operation"])
def test_unknown_names_are_usage_errors(tmp_path, argv, message):
    code, out, err = run(argv, tmp_path)
    assert code == 252 and out == ""
    assert message in err


def test_operations_v2_removes_are_not_listed_and_have_no_page(tmp_path):
    code, out, _ = run(["bedrock-runtime", "help"], tmp_path)
    assert code == 0 and "       o invoke-model" in out.split("\n")
    assert "invoke-model-with-response-stream" not in out and "converse-stream" not in out
    code, out, err = run(["bedrock-runtime", "converse-stream", "help"], tmp_path)
    assert code == 252 and out == ""
    assert "argument operation: Found invalid choice 'converse-stream'" in err


def test_terminal_without_the_pager_installed_prints_directly(tmp_path):
    code, out, _ = run(["iot", "help"], tmp_path, isatty=True, MANPAGER="no-such-pager-here")
    assert code == 0 and out.startswith("IOT()")


def test_terminal_goes_through_the_man_pager(tmp_path, capfd):
    pager = tmp_path / "pager.py"
    pager.write_text("import sys\nsys.stdout.write('PAGED:' + sys.stdin.read()[:5])\n")
    code, out, _ = run(["iot", "help"], tmp_path, isatty=True,
                       MANPAGER="%s %s" % (sys.executable, pager), AWS_PAGER="")
    assert code == 0 and out == ""
    assert capfd.readouterr().out == "PAGED:IOT()"


def test_a_man_pager_quit_early_ends_quietly(tmp_path):
    """The page goes to the pager as output does (pager.py): quitting before the end of a
    page longer than a pipe holds is not an error, and the pager gets the environment as
    it is (no LESS added, unlike the output's pager)."""
    pager = tmp_path / "pager.py"
    seen = tmp_path / "less.txt"
    pager.write_text("import os, sys\nopen(%r, 'w').write(os.environ.get('LESS', '-'))\n"
                     "sys.stdin.close()\n" % str(seen))
    code, out, err = run(["ec2", "run-instances", "help"], tmp_path, isatty=True,
                         MANPAGER="%s %s" % (sys.executable, pager))
    assert (code, out, err) == (0, "", "")
    assert seen.read_text() == "-"


def _reduce_overstrikes(text: str) -> str:
    import re

    return re.sub(r".\x08", "", text)


def test_the_man_pager_gets_bold_and_underline_as_overstrikes(tmp_path, capfd):
    pager = tmp_path / "pager.py"
    copy = tmp_path / "paged.txt"
    pager.write_text("import sys\nopen(%r, 'w').write(sys.stdin.read())\n" % str(copy))
    code, _, _ = run(["iot", "cancel-job-execution", "help"], tmp_path, isatty=True,
                     MANPAGER="%s %s" % (sys.executable, pager))
    paged = copy.read_text()
    assert code == 0
    assert "\nD\bDE\bES\bSC\bCR\bRI\bIP\bPT\bTI\bIO\bON\bN\n" in paged  # headings
    assert "\n       -\b--\b-j\bjo\bob\bb-\b-i\bid\bd (string) [required]\n" in paged
    assert "_\bC_\ba_\bn" in paged  # a link's title is underlined
    # with every overstrike reduced, the page is the plain one, letter for letter
    assert _reduce_overstrikes(paged) == run(["iot", "cancel-job-execution", "help"], tmp_path)[1]


def test_a_terminal_without_the_pager_gets_ansi_bold(tmp_path):
    code, out, _ = run(["iot", "cancel-job-execution", "help"], tmp_path, isatty=True,
                       MANPAGER="no-such-pager-here")
    assert code == 0 and "\n\x1b[1mOPTIONS\x1b[0m\n" in out
    assert "\n       \x1b[1m--job-id\x1b[0m (string) [required]\n" in out
    assert "\x08" not in out


@pytest.mark.parametrize("argv,url", [
    (["iot", "cancel-job-execution", "help"], "iot/cancel-job-execution.html"),
    (["iot", "help"], "iot/index.html"),
    (["help"], "index.html"),
], ids=["operation", "service", "top"])
def test_cli_help_output_url_prints_the_address_without_newline(tmp_path, argv, url):
    config = tmp_path / "config"
    config.write_text("[default]\ncli_help_output = url\n")
    code, out, _ = run(argv, tmp_path, AWS_CONFIG_FILE=str(config))
    assert code == 0
    assert out == "https://awscli.amazonaws.com/v2/documentation/api/latest/reference/" + url


def test_hand_written_family_page_lists_its_commands_as_v2(tmp_path):
    code, out, err = run(["s3", "help"], tmp_path)
    lines = out.split("\n")
    assert (code, err) == (0, "")
    assert lines[0].startswith("S3()") and lines[0].endswith("S3()")
    assert [line.strip() for line in lines if line.startswith("       o ")] == [
        "o cp", "o ls", "o mb", "o mv", "o presign", "o rb", "o rm", "o sync", "o website"]
    synopsis = lines.index("SYNOPSIS")
    assert lines[synopsis + 1] == "          aws s3 <Command> [<Arg> ...]"
    assert lines[lines.index("OPTIONS") + 1] == "       None"
    assert "GLOBAL OPTIONS" not in lines


def test_hand_written_command_page_from_its_declaration(tmp_path):
    code, out, err = run(["s3", "cp", "help"], tmp_path)
    lines = out.split("\n")
    assert (code, err) == (0, "")
    assert lines[0].startswith("CP()") and lines[0].endswith("CP()")
    headings = [line for line in lines if line and line == line.upper() and line[0] != " "]
    assert headings[1:] == ["NAME", "DESCRIPTION", "SYNOPSIS", "OPTIONS", "GLOBAL OPTIONS"]
    synopsis = lines[lines.index("SYNOPSIS") + 1:lines.index("OPTIONS")]
    assert synopsis[:4] == ["            cp",
                            "          <LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>",
                            "          [--dryrun]", "          [--quiet]"]
    # flags take no value, lists several, a flag with a twin is one group, as v2 writes them
    assert "          [--follow-symlinks | --no-follow-symlinks]" in synopsis
    assert "          [--grants <value> [<value>...]]" in synopsis
    assert "          [--expected-size <value>]" in synopsis
    assert "          [--cli-error-format <value>]" in synopsis
    assert "       paths (string)" in lines
    assert any(line.startswith("       --metadata (map)") for line in lines)


def test_hand_written_command_page_with_an_optional_positional(tmp_path):
    code, out, _ = run(["s3", "ls", "help"], tmp_path)
    lines = out.split("\n")
    assert code == 0
    assert lines[lines.index("SYNOPSIS") + 2] == "          <S3Uri> or NONE"


def test_hand_written_help_urls(tmp_path):
    config = tmp_path / "config"
    config.write_text("[default]\ncli_help_output = url\n")
    base = "https://awscli.amazonaws.com/v2/documentation/api/latest/reference/"
    assert run(["s3", "help"], tmp_path, AWS_CONFIG_FILE=str(config))[1] == base + "s3/index.html"
    assert run(["s3", "sync", "help"], tmp_path,
               AWS_CONFIG_FILE=str(config))[1] == base + "s3/sync.html"


def test_unknown_hand_written_command_help_is_an_invalid_choice(tmp_path):
    code, out, err = run(["s3", "copy", "help"], tmp_path)
    assert (code, out) == (252, "")
    assert "argument subcommand: Found invalid choice 'copy'" in err


@pytest.mark.parametrize("argv, code", [
    (["s3", "sync", "help"], 0), (["s3", "cp", "a.txt", "b.txt"], 252),
    (["s3", "cp", "a", "s3://b/a", "--sse-c-key", "k"], 252),
    (["s3", "mv", "only-one"], 252), (["s3", "rm", "s3://b/k", "--bogus"], 252)],
    ids=["help", "local-to-local", "unpaired-option", "missing-path", "unknown-option"])
def test_offline_paths_of_hand_written_commands_import_no_network_machinery(tmp_path, argv,
                                                                           code):
    import subprocess

    (tmp_path / "a").write_text("a")
    script = ("import sys, io\nfrom awsmini.main import main\nfrom awsmini.env import Env\n"
              "env = Env(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), "
              "environ={'HOME': %r}, stdin_isatty=False, stdout_isatty=False)\n"
              "code = main(%r, env)\n"
              "print(code, sorted(m for m in sys.modules if m.split('.')[0] in "
              "('s3transfer', 'urllib3', 'botocore')))\n" % (str(tmp_path), argv))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # botocore's package alone is imported to find its data; nothing of its client
    assert result.stdout.strip() in ("%d []" % code, "%d ['botocore']" % code)


@pytest.mark.parametrize("argv, title, line", [
    (["help", "topics"], "TOPICS()", "       o s3-config: Tuning the s3 transfer commands from the "
                                     "config file"),
    (["help", "return-codes"], "RETURN-CODES()", "NAME"),
    (["help", "config-vars"], "CONFIG-VARS()", "CREDENTIALS"),
    (["help", "s3-config"], "S3-CONFIG()", "TRANSFER SETTINGS"),
    (["help", "s3-faq"], "S3-FAQ()", "QUESTIONS"),
    (["help", "s3-case-insensitivity"], "S3-CASE-INSENSITIVITY()", "CHOOSING WHAT HAPPENS"),
    (["help", "ddb-expressions"], "DDB-EXPRESSIONS()", "PLACEHOLDERS"),
    (["shell", "help"], "SHELL()", "KEYS"),
    (["help", "shell"], "SHELL()", "STARTING IT"),
    (["--region", "eu-west-1", "help", "topics"], "TOPICS()", "AVAILABLE TOPICS"),
], ids=["topics", "return-codes", "config-vars", "s3-config", "s3-faq", "case", "ddb",
        "shell-help", "help-shell", "global-option-first"])
def test_topic_pages(tmp_path, argv, title, line):
    code, out, err = run(argv, tmp_path)
    lines = out.split("\n")
    assert (code, err) == (0, "")
    assert lines[0].startswith(title) and lines[0].endswith(title)
    assert line in lines


def test_an_unknown_topic_is_a_usage_error(tmp_path):
    code, out, err = run(["help", "return-code"], tmp_path)
    assert code == 252 and out == ""
    assert "argument subcommand: Found invalid choice 'return-code'" in err
    assert "  * return-codes" in err


def test_the_top_page_lists_the_shell(tmp_path):
    code, out, _ = run(["help"], tmp_path)
    lines = out.split("\n")
    assert code == 0
    assert lines.index("       o service-quotas") < lines.index("       o shell") < lines.index(
        "       o signer")


def test_a_topic_url_is_v2s(tmp_path):
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text("[default]\ncli_help_output = url\n")
    assert run(["help", "s3-faq"], tmp_path)[1] == (
        "https://awscli.amazonaws.com/v2/documentation/api/latest/topic/s3-faq.html")
    assert run(["help", "topics"], tmp_path)[1] == (
        "https://awscli.amazonaws.com/v2/documentation/api/latest/topic/index.html")


# v2's arguments added to generic operations and v2's cloudfront sign, documented as v2
# documents them: in the synopsis after the model's, and under OPTIONS with their type
@pytest.mark.parametrize("argv, synopsis, headings", [
    (["ec2", "get-password-data"], ["[--dry-run | --no-dry-run]", "[--priv-launch-key <value>]"],
     ["--priv-launch-key (string)"]),
    (["iam", "create-virtual-mfa-device"], ["[--tags <value>]", "--outfile <value>",
                                            "--bootstrap-method <value>"],
     ["--outfile (string) [required]", "--bootstrap-method (string) [required]"]),
    (["cloudfront", "create-distribution"], [
        "[--distribution-config <value>]", "[--origin-domain-name <value>]",
        "[--default-root-object <value>]"],
     ["--origin-domain-name (string)", "--default-root-object (string)"]),
    (["cloudfront", "update-distribution"], ["[--if-match <value>]",
                                             "[--default-root-object <value>]"],
     ["--default-root-object (string)"]),
    (["cloudfront", "sign"], ["--url <value>", "--key-pair-id <value>", "--private-key <value>",
                              "--date-less-than <value>", "[--date-greater-than <value>]",
                              "[--ip-address <value>]"],
     ["--url (string) [required]", "--date-greater-than (string)", "--ip-address (string)"]),
    (["ec2", "bundle-instance"], ["[--storage <value>]", "[--dry-run | --no-dry-run]",
                                  "[--bucket <value>]", "[--prefix <value>]",
                                  "[--owner-akid <value>]", "[--owner-sak <value>]",
                                  "[--policy <value>]"],
     ["--bucket (string)", "--owner-sak (string)", "--policy (string)"]),
], ids=["priv-launch-key", "virtual-mfa", "create-distribution", "update-distribution", "sign",
        "bundle-instance"])
def test_v2s_added_options_are_documented(tmp_path, argv, synopsis, headings):
    code, out, err = run([*argv, "help"], tmp_path)
    assert (code, err) == (0, "")
    lines = [" ".join(line.split()) for line in out.splitlines()]  # justified: spaces vary
    start = lines.index(synopsis[0])
    assert lines[start:start + len(synopsis)] == synopsis
    for heading in headings:
        assert any(line.startswith(heading) for line in lines), heading
