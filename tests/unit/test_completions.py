"""completions: partial command lines -> the candidates v2 offers, ranked as v2 ranks them."""
from __future__ import annotations

import pytest

from awsmini.prompt import completions, panels, text
from awsmini.prompt.candidates import fuzzy_filter
from awsmini.prompt.completions import complete, initial_line
from awsmini.prompt.history import append_command, load_commands, search_history
from awsmini.prompt.sources import service_names
from awsmini.prompt.words import split_words
from tests.conftest import isolated_environ


@pytest.fixture(scope="module")
def environ(tmp_path_factory):
    return isolated_environ(tmp_path_factory.mktemp("home"))


def texts(line, environ):
    return [c.text for c in complete(line, environ).candidates]


# ------------------------------------------------------------------ fuzzy

@pytest.mark.parametrize("names, word, expected", [
    (["get-account-information", "get-contact-information", "list-things",
      "get-gov-cloud-account-information"], "gacin",
     ["get-account-information", "get-contact-information", "get-gov-cloud-account-information"]),
    (["json", "text", "table", "yaml", "yaml-stream", "off"], "ta", ["table", "yaml-stream"]),
    (["cancel-job-execution", "describe-job-execution"], "cjex",
     ["describe-job-execution", "cancel-job-execution"]),
    (["b", "a"], "", ["b", "a"]),
    (["Alpha", "beta"], "AL", ["Alpha"]),
    (["x-y", "xy"], "xy", ["xy", "x-y"]),
], ids=["spec-gacin", "spec-ta", "spec-cjex-span-12-before-13", "empty-keeps-order",
        "case-insensitive", "span-first"])
def test_fuzzy_filter(names, word, expected):
    assert fuzzy_filter(names, word, key=lambda n: n) == expected


@pytest.mark.parametrize("line, words, current", [
    ("", [], ""),
    ("iot ", ["iot"], ""),
    ("iot list-th", ["iot"], "list-th"),
    ("a 'b c' d", ["a", "b c"], "d"),
    ("a \"b c", ["a"], "b c"),
    ("a b\\ c ", ["a", "b c"], ""),
], ids=["empty", "trailing-space", "partial", "quoted", "unclosed-quote", "escaped-space"])
def test_split_words(line, words, current):
    found, last = split_words(line)
    assert [w.text for w in found] == words
    assert last.text == current


# -------------------------------------------------------------- commands

def test_services_alphabetical_with_full_names(environ):
    names = service_names(environ, block=True)
    assert names["acm"] == "AWS Certificate Manager"
    found = complete("", environ).candidates
    assert [c.text for c in found] == sorted(c.text for c in found)
    assert next(c for c in found if c.text == "acm").meta == "AWS Certificate Manager"
    assert "s3api" in names and "s3" not in names


def test_services_fuzzy(environ):
    found = texts("iot", environ)
    assert found[:3] == ["iot", "iot-data", "iot-jobs-data"]


def test_operations_alphabetical(environ):
    found = texts("iot ", environ)
    assert found[0] == "accept-certificate-transfer"
    assert found == sorted(found)
    assert texts("iot cjex", environ)[:2] == ["describe-job-execution", "cancel-job-execution"]


def test_operations_v2_removes_are_not_offered(environ):
    # awscli/customizations/removals.py
    found = texts("emr ", environ)
    assert "list-instance-fleets" in found
    assert "add-job-flow-steps" not in found and "list-instance-groups" not in found
    assert texts("emr add-job-flow-steps", environ) == []


def test_global_options_before_the_service(environ):
    assert texts("--output json iot ", environ)[0] == "accept-certificate-transfer"
    assert "--region" in texts("--", environ)


def test_unknown_service_offers_nothing(environ):
    assert texts("iotx ", environ) == []


# --------------------------------------------------------------- options

def test_options_required_first_and_marked(environ):
    found = complete("iot cancel-job-execution ", environ).candidates
    assert [c.label for c in found[:3]] == [
        "--job-id (required)", "--thing-name (required)", "--force"]
    assert found[0].meta == "[string] The ID of the job to be canceled."
    assert found[1].meta == ("[string] The name of the thing whose execution of the job "
                             "will be can...")
    names = [c.text for c in found]
    assert "--cli-auto-prompt" not in names and "--no-cli-auto-prompt" not in names
    assert names.index("--generate-cli-skeleton") < names.index("--debug")


def test_options_already_given_disappear(environ):
    names = texts("iot cancel-job-execution --job-id j --output json --force ", environ)
    assert "--job-id" not in names and "--output" not in names
    assert "--force" not in names and "--no-force" not in names
    assert names[0] == "--thing-name"


def test_options_fuzzy_without_dashes(environ):
    assert texts("iot cancel-job-execution jo", environ)[:2] == ["--job-id", "--cli-input-json"]


def test_single_exact_candidate_shows_no_menu(environ):
    assert texts("iot cancel-job-execution --thing-name", environ) == []


# ---------------------------------------------------------------- values

@pytest.mark.parametrize("line, expected", [
    ("iot create-job --target-selection ", ["CONTINUOUS", "SNAPSHOT"]),
    ("--output ", ["json", "text", "table", "yaml", "yaml-stream", "off"]),
    ("iot list-things --output ta", ["table", "yaml-stream"]),
    ("--color ", ["on", "off", "auto"]),
    ("iot list-things --region eu-w", ["eu-west-1", "eu-west-2", "eu-west-3"]),
    ("iot create-thing --attribute-payload merge=", ["merge=true", "merge=false"]),
], ids=["enum", "output", "output-fuzzy", "color", "region", "shorthand-boolean"])
def test_values(line, expected, environ):
    assert texts(line, environ)[:len(expected)] == expected


@pytest.mark.parametrize("line, expected", [
    ("ec2 describe-instances --instance-ids ", ["i-1", "i-2", "i-3"]),
    ("ec2 describe-instances --instance-ids i-1 ", ["i-2", "i-3"]),
    ("ec2 describe-instances --instance-ids i-3 i-1 ", ["i-2"]),
    ("ec2 describe-instances --instance-ids i-3 i-1 --dry-run ", None),
    ("iot describe-thing --thing-name i-1 ", None),
], ids=["first", "second", "third", "after-the-list", "not-a-list"])
def test_a_list_keeps_offering_the_values_it_has_not_got(line, expected, environ):
    def server(service, api_name, spec, client_args):
        return ("i-1", "i-2", "i-3")

    found = [c.text for c in complete(line, environ, server).candidates]
    if expected is None:  # the value is complete: options follow
        assert found and all(text.startswith("--") for text in found)
    else:
        assert found == expected


@pytest.mark.parametrize("line, expected", [
    ("iot list-things --query ", ["things", "nextToken"]),
    ("iot list-things --query things[].th",
     ["things[].thingArn", "things[].thingName", "things[].thingTypeName"]),
    ("iot list-things --query things[?version>`0`].attr", ["things[?version>`0`].attributes"]),
    ("iot list-things --query 'length(things) > `0` && nextTo", ["nextToken"]),
], ids=["top", "projection", "filter", "after-operators"])
def test_query_member_names(line, expected, environ):
    found = complete(line, environ).candidates
    assert [c.text.rsplit(" ", 1)[-1] for c in found] == [e.rsplit(" ", 1)[-1] for e in expected]


def test_shorthand_keys(environ):
    found = complete("iot create-thing --attribute-payload ", environ).candidates
    assert [(c.text, c.meta.split("]")[0]) for c in found] == [
        ("attributes={", "[map"), ("merge=", "[boolean")]
    found = complete("iot create-thing --attribute-payload attributes={a=b},", environ)
    assert [c.label for c in found.candidates] == ["merge="]
    assert found.candidates[0].text == "attributes={a=b},merge="


def test_shorthand_autoclose(environ):
    found = complete("ec2 describe-instances --filters Name=x,Values=[a,", environ).candidates
    assert [(c.label, c.text) for c in found] == [
        ("Autoclose brackets", "Name=x,Values=[a,]")]


def test_profiles(environ, tmp_path):
    config = tmp_path / "config"
    config.write_text("[default]\n[profile dev]\n[profile prod]\n")
    creds = tmp_path / "credentials"
    creds.write_text("[ci]\n")
    env = dict(environ, AWS_CONFIG_FILE=str(config), AWS_SHARED_CREDENTIALS_FILE=str(creds))
    assert texts("--profile ", env) == ["ci", "default", "dev", "prod"]


def test_file_paths(environ, tmp_path, monkeypatch):
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "input.json").write_text("{}")
    (tmp_path / "other.txt").write_text("")
    monkeypatch.chdir(tmp_path)
    found = complete("iot list-things --cli-input-json file://", environ).candidates
    assert [(c.label, c.text) for c in found] == [("dir/", "file://dir/"),
                                                  ("other.txt", "file://other.txt")]
    found = complete("iot list-things --cli-input-json fileb://dir/in", environ).candidates
    assert [(c.label, c.text) for c in found] == [("input.json", "fileb://dir/input.json")]


# --------------------------------------------------------------- prefill

@pytest.mark.parametrize("argv, expected", [
    ([], ""),
    (["--cli-auto-prompt"], ""),
    (["iot"], "iot "),
    (["iot", "list-things", "--cli-auto-prompt"], "iot list-things "),
    (["iot", "cancel-job-exe"], "iot cancel-job-exe"),
    (["iot", "cancel-job-execution", "--thing-name", "MyRPi"],
     "iot cancel-job-execution --thing-name MyRPi "),
    (["iot", "create-thing", "--attribute-payload", "attributes={color=red blue}"],
     "iot create-thing --attribute-payload 'attributes={color=red blue}' "),
], ids=["empty", "flag-only", "exact-service", "exact-operation", "partial-operation",
        "option-value", "quoted"])
def test_initial_line(argv, expected, environ):
    assert initial_line(argv, environ) == expected


# ----------------------------------------------------------------- panels

def test_doc_panel_shows_option_then_operation(environ):
    doc = panels.doc_text("iot cancel-job-execution --thing-name ", environ, 40)
    assert doc.startswith("--thing-name (string)\n\nThe name of the thing whose execution")
    assert "Cancels the execution of a job for a\ngiven thing." in doc
    assert max(len(line) for line in doc.splitlines()) <= 40
    assert "\nOPTIONS\n\n--job-id (string, required)\n    The ID of the job to be canceled.\n" in doc
    assert panels.doc_text("", environ, 80) == panels.TOP_DESCRIPTION


def test_output_panel(environ):
    assert panels.output_text("iot cancel-job-execution ", environ) == "No output"
    sample = panels.output_text("iot list-things --query things[0].version ", environ)
    assert sample == "0"
    # Without the driver's formatters the panel falls back to JSON.
    assert panels.output_text("iot list-things --output text ", environ).startswith("{\n")


def test_output_panel_shows_the_output_skeleton_as_v2s_does(environ):
    """v2's panel generates its sample as `--generate-cli-skeleton output` does: a
    list's item is named after its shape, a timestamp is the epoch."""
    import json

    from awsmini import models
    from awsmini.skeleton import generate_output, json_default

    assert json.loads(panels.output_text("sqs list-queues ", environ)) == {
        "QueueUrls": ["String"], "NextToken": "NextToken"}
    assert json.loads(panels.output_text("iot describe-job --query job.createdAt ",
                                         environ)) == "1970-01-01T00:00:00"
    model = models.load_operation("iot", "DescribeJob", environ)
    shown = json.loads(panels.output_text("iot describe-job ", environ))
    assert shown == json.loads(json.dumps(generate_output(model, "DescribeJob"),
                                          default=json_default))


def test_output_panel_in_the_lines_format(environ):
    from awsmini.interactive import render_output

    text = panels.output_text("iot list-things --output text ", environ, render_output)
    # As v2's panel shows it for this operation (spec 1.5), tabs between the columns.
    assert text.splitlines()[:3] == [
        "nextToken", "THINGS\tthingArn\tthingName\tthingTypeName\t0", "ATTRIBUTES\t"]
    yaml = panels.output_text("iot list-things --output yaml ", environ, render_output)
    assert yaml.startswith("nextToken: nextToken\nthings:\n- attributes:\n    KeyName: ''\n")
    table = panels.output_text("iot list-things --output table ", environ, render_output)
    assert table.splitlines()[1].strip("| ") == "ListThings"
    partial = panels.output_text("iot list-things --output tab ", environ, render_output)
    assert partial.startswith("{\n")  # a format still being typed: JSON meanwhile


@pytest.mark.parametrize("html, expected", [
    ("<p>The <code>true</code> value &amp; more.</p>", "The true value & more."),
    ("<p>A **bold** ``literal``</p>", "A bold literal"),
    ("<p>set <code>force</code>, then</p><p>next</p>", "set force, then next"),
], ids=["tags-entities", "markup", "inline-tag-before-comma"])
def test_plain_text(html, expected):
    assert text.plain_text(html) == expected


def test_wrap_does_not_break_words():
    wrapped = text.wrap("<p>alpha beta gamma delta</p><ul><li>one two three</li></ul>", 11)
    assert wrapped == "alpha beta\ngamma delta\n\n* one two\n  three"


def test_wrap_keeps_a_list_item_with_its_paragraph():
    wrapped = text.wrap("<p>Intro.</p><ul><li><p>one two three</p></li>"
                        "<li><p><code>b</code> - two</p></li><li></li></ul><p>End.</p>", 11)
    assert wrapped == "Intro.\n\n* one two\n  three\n\n* b - two\n\nEnd."


# ---------------------------------------------------------------- history

def test_history_file(tmp_path):
    path = str(tmp_path / "awsmini" / "prompt_history.json")
    assert load_commands(path) == []
    for number in range(502):
        append_command(path, "iot list-things %d" % number)
    commands = load_commands(path)
    assert len(commands) == 500 and commands[-1] == "iot list-things 501"
    import os
    import stat

    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    (tmp_path / "bad.json").write_text("{not json")
    assert load_commands(str(tmp_path / "bad.json")) == []


def test_history_search():
    commands = ["iot list-things", "s3api list-buckets", "iot list-things", "iot describe-thing"]
    assert search_history(commands, "") == [
        "iot describe-thing", "iot list-things", "s3api list-buckets"]
    assert search_history(commands, "lth") == ["iot list-things"]


def test_global_options_cover_the_parser():
    """Every global option globalopts parses is offered, and nothing else."""
    from awsmini.globalopts import _build_parser

    parsed = {s[2:] for a in _build_parser()._actions for s in a.option_strings}
    assert set(completions.GLOBALS_BY_NAME) == parsed


@pytest.mark.parametrize("line, expected", [
    ("ec2 wa", ["wait"]),
    ("ec2 wait ", ["bundle-task-complete", "conversion-task-cancelled"]),
    ("ec2 wait instance-r", ["instance-running", "spot-instance-request-fulfilled"]),
    ("ec2 wait instance-running --instance-i", ["--instance-ids"]),
], ids=["wait-among-operations", "waiters-alphabetical", "waiters-fuzzy", "polled-options"])
def test_wait_and_its_waiters(line, expected, environ):
    assert texts(line, environ)[:len(expected)] == expected


def test_no_wait_for_a_service_without_waiters(environ):
    assert "wait" not in texts("iot wa", environ)
    assert texts("iot wait ", environ) == []


# ------------------------------------------------------------------ hand-written commands

def test_hand_written_family_is_a_command_word(environ):
    assert texts("s3", environ)[:2] == ["s3", "s3api"]


@pytest.mark.parametrize("line, expected", [
    ("s3 ", ["cp", "ls", "mb", "mv", "presign", "rb", "rm", "sync", "website"]),
    ("s3 sy", ["sync"]),
    ("s3 sync a b --dry", ["--dryrun"]),
    ("s3 cp a b --acl pub", ["public-read", "public-read-write"]),
    ("s3 cp a b --sse ", ["AES256", "aws:kms"]),
    ("s3 rb s3://b --forc", ["--force"]),
], ids=["commands", "fuzzy", "option", "choices", "optional-value", "flag"])
def test_hand_written_commands_and_their_arguments(line, expected, environ):
    assert texts(line, environ) == expected


def test_hand_written_flags_pair_only_with_their_declared_twin(environ):
    found = texts("s3 cp a b --no-", environ)
    assert "--no-follow-symlinks" in found and "--no-dryrun" not in found
    assert "--follow-symlinks" not in texts("s3 cp a b --no-follow-symlinks --", environ)
    assert "--dryrun" not in texts("s3 cp a b --dryrun --", environ)


def test_unknown_hand_written_command_offers_nothing(environ):
    assert texts("s3 copy --", environ) == []


def test_doc_panel_of_a_hand_written_command(environ):
    doc = panels.doc_text("s3 cp a b --acl", environ, 80)
    assert doc.startswith("--acl (string)\n\nThe canned ACL")
    assert "\nOPTIONS\n" in doc and "\n--recursive (boolean)\n" in doc
    assert panels.doc_text("s3 ", environ, 80).startswith("High-level commands for Amazon S3")
    assert panels.output_text("s3 cp a b", environ) == ""


class FakeListing:
    """A bucket `data` holding logs/a.log, logs/b.log and top.txt; records its calls."""

    def __init__(self):
        self.calls = []

    def __call__(self, service, api_name, params, expression, client_args):
        self.calls.append((api_name, dict(params), list(client_args)))
        if api_name == "ListBuckets":
            return ["data", "docs"]
        return {"": ["logs/", "top.txt"], "logs/": ["logs/a.log", "logs/b.log"]}.get(
            params["Prefix"], [])


@pytest.mark.parametrize("line, expected", [
    ("s3 cp s3://", ["s3://data/", "s3://docs/"]),
    ("s3 ls s3://do", ["s3://docs/"]),
    ("s3 cp s3://data/", ["s3://data/logs/", "s3://data/top.txt"]),
    ("s3 cp s3://data/to", ["s3://data/top.txt"]),
    ("s3 rm s3://data/logs/b", ["s3://data/logs/b.log"]),
], ids=["buckets", "bucket-typed", "prefixes-and-keys", "key-typed", "one-level-down"])
def test_s3_paths_from_the_server(line, expected, environ):
    listing = FakeListing()
    assert [c.text for c in complete(line, environ, listing=listing).candidates] == expected
    api_name, params, _ = listing.calls[-1]
    if api_name == "ListObjectsV2":
        assert params["Delimiter"] == "/" and params["Bucket"] == "data"


def test_s3_paths_are_listed_where_the_line_says(environ):
    listing = FakeListing()
    complete("s3 cp --region eu-west-1 s3://data/", environ, listing=listing)
    assert listing.calls == [("ListObjectsV2", {"Bucket": "data", "Prefix": "", "Delimiter": "/"},
                              ["--region", "eu-west-1"])]
    assert texts("s3 cp s3://", environ) == []  # no server lookup: nothing to offer


def test_toolbar_rows_break_between_hints_only():
    from awsmini.prompt.splash import TOOLBAR_HINTS, toolbar_lines

    assert toolbar_lines(TOOLBAR_HINTS, 100) == [
        "[ENTER] Autocomplete Choice/Execute Command    [F1] Show Shortkey Help    "
        "[F2] Focus on next panel",
        "  [F3] Hide/Show Docs    [F5] Hide/Show Output"]
    assert toolbar_lines(TOOLBAR_HINTS, 200) == ["    ".join(TOOLBAR_HINTS)]
    narrow = toolbar_lines(TOOLBAR_HINTS, 30)
    assert all(len(row) <= 30 for row in narrow) and "  [F3] Hide/Show Docs" in narrow
