"""v2's changes to the operations of a service, not to their arguments: commands added
over an operation under another name, renamed operations and their old names, and the
checks v2 makes of every command of a service.

- rds add-option-to-option-group / remove-option-from-option-group over
  ModifyOptionGroup (awscli/customizations/rds.py), against moto_server
- cloudwatch's `*-o-tel-enrichment` and signin's `create-o-auth2-token`
  (awscli/customizations/cloudwatch.py, signin.py)
- cloudsearchdomain's required --endpoint-url (awscli/customizations/cloudsearchdomain.py)
"""
from __future__ import annotations

import json

import pytest

from awsmini import resolve

_OPTION = ('[{"OptionName":"MARIADB_AUDIT_PLUGIN","OptionSettings":'
           '[{"Name":"SERVER_AUDIT_EVENTS","Value":"CONNECT"}]}]')


@pytest.fixture
def option_group(run_cli, moto_reset):
    def rds(*argv: str):
        return run_cli(["rds", *argv, "--endpoint-url", moto_reset, "--output", "json"])

    created = rds("create-option-group", "--option-group-name", "og1",
                  "--engine-name", "mysql", "--major-engine-version", "5.6",
                  "--option-group-description", "test")
    assert created.exit_code == 0, created.stderr
    return rds


def _option_names(result) -> list[str]:
    assert result.exit_code == 0, result.stderr
    return [option["OptionName"] for option in json.loads(result.stdout)["OptionGroup"]["Options"]]


def test_options_are_added_and_removed_through_the_split_commands(option_group):
    added = option_group("add-option-to-option-group", "--option-group-name", "og1",
                         "--options", _OPTION, "--apply-immediately")
    assert _option_names(added) == ["MARIADB_AUDIT_PLUGIN"]
    removed = option_group("remove-option-from-option-group", "--option-group-name", "og1",
                           "--options", "MARIADB_AUDIT_PLUGIN", "--apply-immediately")
    assert _option_names(removed) == []


@pytest.mark.parametrize("operation, refused", [
    ("add-option-to-option-group", "--options-to-remove"),
    ("add-option-to-option-group", "--options-to-include"),
    ("remove-option-from-option-group", "--options-to-include"),
    ("remove-option-from-option-group", "--options-to-remove"),
])
def test_each_split_command_has_only_its_own_options(run_cli, operation, refused):
    result = run_cli(["rds", operation, "--option-group-name", "og1", refused, "x"])
    assert result.exit_code == 252
    assert "Unknown options: %s, x" % refused in result.stderr


def test_modify_option_group_is_not_an_rds_command(run_cli):
    result = run_cli(["rds", "modify-option-group", "--option-group-name", "og1"])
    assert result.exit_code == 252
    assert "Found invalid choice 'modify-option-group'" in result.stderr


def test_the_service_page_lists_the_split_commands_not_modify(run_cli):
    page = run_cli(["rds", "help"]).stdout
    assert "o add-option-to-option-group" in page
    assert "o remove-option-from-option-group" in page
    assert "modify-option-group" not in page


def test_the_split_commands_pages_document_options(run_cli):
    page = run_cli(["rds", "remove-option-from-option-group", "help"]).stdout
    assert page.split("\n", 1)[0].startswith("REMOVE-OPTION-FROM-OPTION-GROUP()")
    assert "--options (list)" in page
    assert "--options-to-" not in page


def test_a_split_command_sends_modify_option_group(run_cli):
    skeleton = run_cli(["rds", "add-option-to-option-group", "--generate-cli-skeleton"])
    assert skeleton.exit_code == 0
    assert set(json.loads(skeleton.stdout)) == {"OptionGroupName", "OptionsToInclude",
                                               "OptionsToRemove", "ApplyImmediately"}


@pytest.mark.parametrize("service, old, new, api_name", [
    ("cloudwatch", "get-o-tel-enrichment", "get-otel-enrichment", "GetOTelEnrichment"),
    ("cloudwatch", "start-o-tel-enrichment", "start-otel-enrichment", "StartOTelEnrichment"),
    ("cloudwatch", "stop-o-tel-enrichment", "stop-otel-enrichment", "StopOTelEnrichment"),
    ("signin", "create-o-auth2-token", "create-oauth2-token", "CreateOAuth2Token"),
])
def test_a_renamed_operation_still_answers_to_its_old_name(run_cli, home, service, old, new,
                                                           api_name):
    for word in (old, new):
        command = resolve.resolve_operation(service, [word], {"HOME": str(home)})
        assert (command.api_name, command.cli_name) == (api_name, new)
    page = run_cli([service, "help"]).stdout
    assert "o %s\n" % new in page
    assert "o %s\n" % old not in page


@pytest.mark.parametrize("old", ["create-o-auth2-token-with-iam",
                                 "introspect-o-auth2-token-with-iam"])
def test_renamed_without_an_alias_the_old_name_is_unknown(run_cli, old):
    result = run_cli(["signin", old])
    assert result.exit_code == 252
    assert "Found invalid choice '%s'" % old in result.stderr


def test_an_old_name_runs_the_operation(run_cli):
    # the same help page, so the same command, under either name
    assert (run_cli(["cloudwatch", "get-o-tel-enrichment", "help"]).stdout
            == run_cli(["cloudwatch", "get-otel-enrichment", "help"]).stdout)


def test_cloudsearchdomain_needs_the_endpoint_url(run_cli):
    result = run_cli(["cloudsearchdomain", "search", "--search-query", "x"])
    assert result.exit_code == 252
    assert result.stderr.strip().endswith(
        "--endpoint-url is required for cloudsearchdomain commands")


def test_cloudsearchdomain_skeletons_need_no_endpoint(run_cli):
    result = run_cli(["cloudsearchdomain", "suggest", "--suggest-query", "x",
                      "--suggester", "s", "--generate-cli-skeleton", "output"])
    assert result.exit_code == 0, result.stderr
    assert "suggest" in json.loads(result.stdout)


def test_cloudsearchdomain_with_its_endpoint_calls_it(run_cli, moto_endpoint):
    # moto has no cloudsearchdomain: the call is made and its answer is an error
    result = run_cli(["cloudsearchdomain", "search", "--search-query", "x",
                      "--endpoint-url", moto_endpoint])
    assert "--endpoint-url is required" not in result.stderr
    assert result.exit_code in (254, 255)
