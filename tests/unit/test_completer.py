"""completer: a shell's COMP_LINE and COMP_POINT -> the lines bash reads, for each kind."""
from __future__ import annotations

import io
import os

import pytest

from awsmini import completer
from awsmini.completer import candidate_lines
from tests.conftest import isolated_environ


@pytest.fixture(scope="module")
def environ(tmp_path_factory):
    return isolated_environ(tmp_path_factory.mktemp("home"))


def lines(line, environ, point=None):
    return candidate_lines(line, point, environ)


@pytest.mark.parametrize("line, expected", [
    ("aws iot cancel-job-exec", ["cancel-job-execution"]),
    ("awsmini iotd", ["iotdeviceadvisor"]),
    ("aws ec2 wait instance-r", ["instance-running"]),
    ("aws s3 m", ["mb", "mv"]),
    ("aws configure l", ["list", "list-profiles"]),
    ("aws ecr get-login-p", ["get-login-password"]),
    ("aws eks get-t", ["get-token"]),
    ("aws logs ta", ["tag-log-group", "tag-resource", "tail"]),
    ("aws iot cancel-job-execution --for", ["--force"]),
    ("aws iot cancel-job-execution --job-id j --thing-name t --expected-v",
     ["--expected-version"]),
    ("aws --out", ["--output"]),
    ("aws iot list-jobs --status C", ["CANCELED", "COMPLETED"]),
    ("aws s3 cp a b --case-conflict s", ["skip"]),
    ("aws iot cancel-job-execution --output t", ["table", "text"]),
    ("aws --region eu-west-", ["eu-west-1", "eu-west-2", "eu-west-3"]),
    ("aws configure get s3.max_c", ["s3.max_concurrent_requests"]),
    ("aws help return", ["return-codes"]),
], ids=["operation", "service", "waiter", "s3-family", "configure-family",
        "hand-written-beside-model", "eks", "family-and-model", "option",
        "option-after-values", "global-option", "enum", "hand-written-choice",
        "global-enum", "region", "configure-names", "help-topic"])
def test_candidates_start_with_the_word_as_typed(line, expected, environ):
    assert sorted(lines(line, environ)) == expected


def test_a_word_already_complete_is_offered_so_that_bash_ends_it(environ):
    assert "describe-instances" in lines("aws ec2 describe-instances", environ)


def test_an_empty_word_lists_every_candidate_of_the_level(environ):
    assert lines("aws s3 ", environ) == ["cp", "ls", "mb", "mv", "presign", "rb", "rm",
                                         "sync", "website"]
    options = lines("aws iot cancel-job-execution --", environ)
    assert options[:2] == ["--job-id", "--thing-name"]  # required first, as the prompt ranks
    assert "--region" in options and "--force" in options


def test_given_options_are_not_offered_again(environ):
    found = lines("aws iot cancel-job-execution --force --", environ)
    assert "--force" not in found and "--no-force" not in found and "--job-id" in found


def test_the_cursor_point_cuts_the_line(environ):
    line = "aws iot cancel-job-exec --force"
    assert lines(line, environ, point=len("aws iot cancel-job-exec")) == ["cancel-job-execution"]
    assert lines(line, environ, point=len("aws io")) == sorted(
        name for name in lines("aws io", environ))


def test_the_point_counts_characters_as_bash_5_does(environ):
    line = "aws --query 'ééé' --regi"
    assert lines(line, environ, point=len(line)) == ["--region"]


@pytest.mark.parametrize("point", [None, -1, 10_000])
def test_a_missing_or_impossible_point_means_the_end(environ, point):
    assert lines("aws iot cancel-job-exec", environ, point) == ["cancel-job-execution"]


@pytest.mark.parametrize("line", ["", "aws", "  awsmi", "aws nosuchservice ",
                                  "aws iot nosuch-op --", "aws 'unclosed quote"])
def test_no_candidates_where_there_is_nothing_to_complete(line, environ):
    assert lines(line, environ) == []


def test_file_paths_lose_what_bash_does_not_replace(tmp_path, environ):
    (tmp_path / "data.json").write_text("{}")
    (tmp_path / "dir").mkdir()
    word = "file://%s/d" % tmp_path
    line = "aws iot create-job --cli-input-json " + word
    # bash replaces only the part after the last `:` of the word
    assert lines(line, environ) == ["//%s/data.json" % tmp_path, "//%s/dir/" % tmp_path]
    whole = dict(environ, COMP_WORDBREAKS="")  # zsh: the whole word
    assert lines(line, whole) == [word + "ata.json", word + "ir/"]
    assert lines("aws iot create-job --cli-input-json fileb://%s/x" % tmp_path, whole) == []


def test_values_after_an_equals_sign_are_cut_at_it(environ):
    found = lines("aws --output=ta", dict(environ, COMP_WORDBREAKS="=:"))
    assert found == []  # as v2: `--option=value` words are not completed


def run_main(monkeypatch, environ, argv=()):
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    code = completer.main(list(argv), environ)
    return code, out.getvalue()


def test_main_prints_one_candidate_a_line(monkeypatch, environ):
    code, out = run_main(monkeypatch, dict(environ, COMP_LINE="aws s3 r", COMP_POINT="8"))
    assert (code, out) == (0, "rb\nrm\n")


def test_main_reads_tcsh_command_line_and_a_bad_point(monkeypatch, environ):
    code, out = run_main(monkeypatch, dict(environ, COMMAND_LINE="aws s3 r"))
    assert (code, out) == (0, "rb\nrm\n")
    code, out = run_main(monkeypatch, dict(environ, COMP_LINE="aws s3 r", COMP_POINT="x"))
    assert (code, out) == (0, "rb\nrm\n")


def test_main_without_a_line_prints_nothing_or_the_zsh_glue(monkeypatch, environ):
    assert run_main(monkeypatch, environ) == (0, "")
    code, out = run_main(monkeypatch, environ, ["--zsh"])
    assert code == 0 and "bashcompinit" in out
    assert "complete -C _awsmini_completer awsmini" in out


def test_main_swallows_a_broken_model_cache(monkeypatch, environ, tmp_path):
    models = tmp_path / "models" / "iot" / "2015-05-28"
    models.mkdir(parents=True)
    (models / "service-2.json").write_text("{not json")
    broken = dict(environ, COMP_LINE="aws iot cancel-", AWS_DATA_PATH=str(tmp_path / "models"),
                  XDG_CACHE_HOME=str(tmp_path / "cache"))
    code, out = run_main(monkeypatch, broken)
    assert code == 0 and "Traceback" not in out


def test_the_zsh_script_is_shipped_beside_the_module():
    path = os.path.join(os.path.dirname(completer.__file__), completer.ZSH_SCRIPT)
    assert os.path.isfile(path)
