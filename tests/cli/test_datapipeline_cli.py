"""datapipeline's hand-written commands, in-process: list-runs against a recording stub
(moto_server has no QueryObjects), create-default-roles against a moto_server that has
AWS's managed policies. What is sent, what is printed, exit codes."""
from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from awsmini.commands.datapipeline import COMMANDS
from awsmini.commands.datapipeline.runstable import render_runs
from tests.e2e.stub_server import start_stub


def _object(number: int, scheduled: str, status: str) -> dict:
    return {"id": "@run_%d" % number, "name": "run %d" % number, "fields": [
        {"key": "@componentParent", "refValue": "Activity%d" % number},
        {"key": "@scheduledStartTime", "stringValue": scheduled},
        {"key": "@status", "stringValue": status},
        {"key": "@actualStartTime", "stringValue": scheduled},
    ]}


RUNS = {"@run_%d" % n: _object(n, "2024-01-%02dT00:00:00" % (n % 28 + 1), "FINISHED")
        for n in range(150)}


def _query(request):
    # two pages, as QueryObjects pages its IDs
    ids = sorted(RUNS)
    if request.body.get("marker"):
        return 200, {"ids": ids[100:], "hasMoreResults": False}
    return 200, {"ids": ids[:100], "hasMoreResults": True, "marker": "m1"}


def _describe(request):
    return 200, {"pipelineObjects": [RUNS[i] for i in request.body["objectIds"]],
                 "hasMoreResults": False}


@pytest.fixture
def stub():
    server, stop = start_stub({"QueryObjects": _query, "DescribeObjects": _describe})
    yield server
    stop()


def _list_runs(run_cli, stub, *argv):
    return run_cli(["datapipeline", "list-runs", "--pipeline-id", "df-1", *argv,
                    "--endpoint-url", stub.url])


def _sent(stub, operation):
    return [r.body for r in stub.requests if r.operation == operation]


def test_list_runs_prints_v2s_table_of_every_run(run_cli, stub):
    result = _list_runs(run_cli, stub)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.split("\n")
    assert lines[0] == "       %-50s  %-19s  %-23s" % ("Name", "Scheduled Start", "Status")
    assert lines[1] == "       %-50s  %-19s  %-19s" % ("ID", "Started", "Ended")
    assert lines[2] == "-" * len(lines[1])
    # 150 runs of two lines and an empty one each, sorted by scheduled start then name
    assert len(lines) == 3 + 150 * 3 + 1
    first = lines[3]
    assert first.startswith("   1.  Activity") and "2024-01-01T00:00:00  FINISHED" in first
    assert lines[4].startswith("       @run_") and lines[5] == ""
    assert lines[-4].startswith(" 150.  ") and lines[-2:] == ["", ""]
    described = _sent(stub, "DescribeObjects")
    assert [len(body["objectIds"]) for body in described] == [100, 50]


def test_list_runs_asks_for_the_last_four_days_by_default(run_cli, stub):
    _list_runs(run_cli, stub)
    query = _sent(stub, "QueryObjects")[0]
    assert (query["pipelineId"], query["sphere"]) == ("df-1", "INSTANCE")
    [selector] = query["query"]["selectors"]
    assert (selector["fieldName"], selector["operator"]["type"]) == ("@actualStartTime",
                                                                     "BETWEEN")
    start, end = (datetime.strptime(v, "%Y-%m-%dT%H:%M:%S")
                  for v in selector["operator"]["values"])
    assert end - start == timedelta(days=4)
    assert abs((datetime.utcnow() - end).total_seconds()) < 120


def test_list_runs_sends_the_intervals_and_statuses(run_cli, stub):
    result = _list_runs(run_cli, stub, "--start-interval", "2024-01-01T00:00:00, 2024-01-02",
                        "--schedule-interval", "a,b", "--status", "finished, waiting_for_runner")
    assert result.exit_code == 0, result.stderr
    assert _sent(stub, "QueryObjects")[0]["query"]["selectors"] == [
        {"fieldName": "@actualStartTime",
         "operator": {"type": "BETWEEN", "values": ["2024-01-01T00:00:00", "2024-01-02"]}},
        {"fieldName": "@scheduledStartTime",
         "operator": {"type": "BETWEEN", "values": ["a", "b"]}},
        {"fieldName": "@status",
         "operator": {"type": "EQ", "values": ["FINISHED", "WAITING_FOR_RUNNER"]}}]


def test_list_runs_with_an_output_prints_the_runs_in_it(run_cli, stub):
    result = _list_runs(run_cli, stub, "--output", "json", "--query", "[0]")
    assert result.exit_code == 0, result.stderr
    first = json.loads(result.stdout)
    assert first["@scheduledStartTime"] == "2024-01-01T00:00:00"
    assert first["@componentParent"].startswith("Activity") and first["@status"] == "FINISHED"


@pytest.mark.parametrize("argv, message", [
    ([], "the following arguments are required: --pipeline-id"),
    (["--pipeline-id", "df-1", "--status", "done"],
     "Invalid status: done, must be one of: waiting, pending, cancelled, running, finished, "
     "failed, waiting_for_runner, waiting_on_dependencies, shutting_down"),
], ids=["no-pipeline", "bad-status"])
def test_list_runs_usage_errors(run_cli, stub, argv, message):
    result = run_cli(["datapipeline", "list-runs", *argv, "--endpoint-url", stub.url])
    assert result.exit_code == 252
    assert message in result.stderr and result.stdout == ""
    assert stub.requests == []


def test_the_table_cuts_long_columns():
    lines = "".join(render_runs([{"@componentParent": "x" * 60, "@id": "i",
                                  "@scheduledStartTime": "2024-01-01T00:00:00.000Z"}]))
    row = lines.split("\n")[3]
    assert row == "   1.  " + "x" * 50 + "  2024-01-01T00:00:00  " + " " * 23


def test_create_default_roles_creates_the_missing_roles(run_cli, iam_moto):
    iam = ["iam", "--endpoint-url", iam_moto]
    # moto has no AWSDataPipelineRole policy (deprecated): the service role made here
    # first is left alone, as v2 leaves a role already there
    made = run_cli([*iam, "create-role", "--role-name", "DataPipelineDefaultRole",
                    "--assume-role-policy-document", "{}"])
    assert made.exit_code == 0, made.stderr
    command = ["datapipeline", "create-default-roles", "--endpoint-url", iam_moto]
    first = run_cli(command)
    assert first.exit_code == 0, first.stderr
    assert "Support for this command has been deprecated" in first.stderr
    [created] = json.loads(first.stdout)
    assert created["Role"]["RoleName"] == "DataPipelineDefaultResourceRole"
    assert created["Role"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {
        "Service": "ec2.amazonaws.com"}
    assert "Statement" in created["RolePolicy"]
    profile = json.loads(run_cli([*iam, "get-instance-profile", "--instance-profile-name",
                                  "DataPipelineDefaultResourceRole"]).stdout)
    assert [r["RoleName"] for r in profile["InstanceProfile"]["Roles"]] == [
        "DataPipelineDefaultResourceRole"]
    attached = json.loads(run_cli([*iam, "list-attached-role-policies", "--role-name",
                                   "DataPipelineDefaultResourceRole"]).stdout)
    assert [p["PolicyArn"] for p in attached["AttachedPolicies"]] == [
        "arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforDataPipelineRole"]
    again = run_cli(command)
    assert (again.exit_code, json.loads(again.stdout)) == (0, [])


def test_create_default_roles_fails_as_v2_where_the_policy_is_gone(run_cli, iam_moto):
    result = run_cli(["datapipeline", "create-default-roles", "--endpoint-url", iam_moto])
    assert (result.exit_code, result.stdout) == (254, "")
    assert ("An error occurred (NoSuchEntity) when calling the AttachRolePolicy operation"
            in result.stderr)
    # v2 creates the role before it attaches the policy
    role = run_cli(["iam", "get-role", "--role-name", "DataPipelineDefaultRole",
                    "--endpoint-url", iam_moto])
    assert role.exit_code == 0, role.stderr


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_has_a_help_page(run_cli, name):
    result = run_cli(["datapipeline", name, "help"])
    assert result.exit_code == 0, result.stderr
    for spec in COMMANDS[name].arguments:
        assert "--" + spec.cli_name in result.stdout, spec.cli_name


def test_the_services_page_leaves_create_default_roles_out_as_v2(run_cli):
    page = run_cli(["datapipeline", "help"]).stdout
    assert "list-runs" in page and "create-default-roles" not in page
