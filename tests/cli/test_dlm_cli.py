"""`dlm create-default-role`, in-process, against a moto_server that has AWS's managed
policies: the role created with its policy attached, what is printed, exit codes."""
from __future__ import annotations

import json

import pytest

from awsmini.commands.dlm import COMMANDS
from tests.conftest import free_port

ROLE, AMI_ROLE = ("AWSDataLifecycleManagerDefaultRole",
                  "AWSDataLifecycleManagerDefaultRoleForAMIManagement")


@pytest.mark.parametrize("argv, role, policy", [
    ([], ROLE, "AWSDataLifecycleManagerServiceRole"),
    (["--resource-type", "image"], AMI_ROLE,
     "AWSDataLifecycleManagerServiceRoleForAMIManagement"),
], ids=["snapshot", "image"])
def test_creates_the_role_once_with_its_policy(run_cli, iam_moto, argv, role, policy):
    command = ["dlm", "create-default-role", "--iam-endpoint", iam_moto, *argv]
    first = run_cli(command)
    assert first.exit_code == 0, first.stderr
    printed = json.loads(first.stdout)
    assert sorted(printed) == ["Role", "RolePolicy"]
    assert printed["Role"]["RoleName"] == role
    assert printed["Role"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {
        "Service": "dlm.amazonaws.com"}
    assert "Statement" in printed["RolePolicy"]
    iam = ["iam", "--endpoint-url", iam_moto]
    attached = json.loads(run_cli([*iam, "list-attached-role-policies", "--role-name",
                                   role]).stdout)["AttachedPolicies"]
    assert [p["PolicyArn"] for p in attached] == [
        "arn:aws:iam::aws:policy/service-role/" + policy]
    again = run_cli(command)
    assert (again.exit_code, again.stdout, again.stderr) == (0, "", "")


def test_a_region_of_another_partition_names_its_policy(run_cli, iam_moto):
    result = run_cli(["dlm", "create-default-role", "--iam-endpoint", iam_moto,
                      "--region", "cn-north-1"])
    assert result.exit_code == 0, result.stderr
    attached = json.loads(run_cli(["iam", "list-attached-role-policies", "--role-name", ROLE,
                                   "--endpoint-url", iam_moto, "--region", "cn-north-1"]).stdout)[
        "AttachedPolicies"]
    assert [p["PolicyArn"] for p in attached] == [
        "arn:aws-cn:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole"]


def test_the_global_endpoint_url_is_not_iams(run_cli, iam_moto):
    # --endpoint-url is dlm's (here a closed port): IAM is called at --iam-endpoint only
    result = run_cli(["dlm", "create-default-role", "--iam-endpoint", iam_moto,
                      "--endpoint-url", "http://127.0.0.1:%d" % free_port()])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["Role"]["RoleName"] == ROLE


def test_an_unknown_resource_type_is_a_usage_error(run_cli, iam_moto):
    result = run_cli(["dlm", "create-default-role", "--iam-endpoint", iam_moto,
                      "--resource-type", "volume"])
    assert result.exit_code == 252
    assert "argument --resource-type: Found invalid choice 'volume'" in result.stderr
    assert result.stdout == ""


def test_help_documents_the_options(run_cli):
    result = run_cli(["dlm", "create-default-role", "help"])
    assert result.exit_code == 0, result.stderr
    for spec in COMMANDS["create-default-role"].arguments:
        assert "--" + spec.cli_name in result.stdout
    assert "snapshot" in result.stdout and "image" in result.stdout


def test_the_models_operations_stay(run_cli):
    result = run_cli(["dlm", "help"])
    assert "create-default-role" in result.stdout and "create-lifecycle-policy" in result.stdout
