"""emr-containers' hand-written commands: the role's trust policy against moto_server's EKS
and IAM; the Pod Identity associations against a recording stub (moto has none). The
EKS client is reached through AWS_ENDPOINT_URL_EKS: v2 gives it no --endpoint-url."""
from __future__ import annotations

import json

import pytest

from awsmini.commands.emrcontainers import COMMANDS
from awsmini.commands.emrcontainers.names import base36, service_accounts
from tests.e2e.stub_server import start_stub

ACCOUNT = "123456789012"
CLUSTER = {"cluster": {"name": "c1", "arn": "arn:aws:eks:us-east-1:%s:cluster/c1" % ACCOUNT,
                       "identity": {"oidc": {"issuer": "https://oidc.example/id/ABC"}}}}


def test_base36_and_the_service_accounts_of_each_type():
    assert base36("jobrole") == "86zii518dph"
    assert base36("") == "0"
    encoded = base36("r")
    assert service_accounts("start_job_run", ACCOUNT, "r", "jobs", None) == [
        ("emr-containers-sa-spark-%s-%s-%s" % (part, ACCOUNT, encoded), "jobs")
        for part in ("client", "driver", "executor")]
    assert service_accounts("flink_operator", ACCOUNT, "r", "jobs", "ops")[0] == (
        "emr-containers-sa-flink-operator", "ops")
    assert service_accounts("livy", ACCOUNT, "r", "jobs", None) == [
        ("emr-containers-sa-livy", "jobs"), ("emr-container-sa-spark-livy", "jobs")]


def test_update_role_trust_policy_adds_the_statement_once(run_cli, moto_reset):
    moto = ["--endpoint-url", moto_reset]
    assert run_cli(["eks", "create-cluster", "--name", "c1", "--role-arn",
                    "arn:aws:iam::%s:role/eks" % ACCOUNT, "--resources-vpc-config",
                    "subnetIds=s1", *moto]).exit_code == 0
    assert run_cli(["iam", "create-role", "--role-name", "jobs", "--assume-role-policy-document",
                    '{"Version": "2012-10-17", "Statement": []}', *moto]).exit_code == 0
    issuer = json.loads(run_cli(["eks", "describe-cluster", "--name", "c1", *moto]).stdout)[
        "cluster"]["identity"]["oidc"]["issuer"]
    provider = issuer.split("https://")[1]
    argv = ["emr-containers", "update-role-trust-policy", "--cluster-name", "c1",
            "--namespace", "ns", "--role-name", "jobs", "--iam-endpoint", moto_reset]
    environ = {"AWS_ENDPOINT_URL_EKS": moto_reset}
    dry = run_cli([*argv, "--dry-run"], environ=environ)
    assert dry.exit_code == 0, dry.stderr
    statement = {
        "Effect": "Allow",
        "Principal": {"Federated": "arn:aws:iam::%s:oidc-provider/%s" % (ACCOUNT, provider)},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringLike": {provider + ":sub": "system:serviceaccount:ns:"
                                     "emr-containers-sa-*-*-%s-%s" % (ACCOUNT, base36("jobs"))}}}
    assert dry.stdout == json.dumps({"Version": "2012-10-17", "Statement": [statement]},
                                    indent=2) + "\n"
    role = ["iam", "get-role", "--role-name", "jobs", "--query",
            "Role.AssumeRolePolicyDocument.Statement", *moto]
    assert json.loads(run_cli(role).stdout) == []
    done = run_cli(argv, environ=environ)
    assert (done.exit_code, done.stdout) == (0, "Successfully updated trust policy of role "
                                                "jobs\n")
    assert json.loads(run_cli(role).stdout) == [statement]
    again = run_cli(argv, environ=environ)
    assert again.stdout == ("Trust policy statement already exists for role jobs. No changes "
                            "were made!\n")


@pytest.fixture
def eks():
    def created(request):
        body = request.body
        if body["serviceAccount"].endswith("-driver-%s-%s" % (ACCOUNT, base36("r"))):
            return 409, {"__type": "ResourceInUseException", "message": "already there"}
        return 200, {"association": {"clusterName": "c1", "associationId": "a-" + str(
            len(server.requests)), **body}}

    def listed(request):
        found = request.query.get("serviceAccount", "").endswith("-client-%s-%s"
                                                                 % (ACCOUNT, base36("r")))
        return 200, {"associations": [{"associationId": "a-9"}] if found else []}

    server, stop = start_stub({
        "GET /clusters/c1": (200, CLUSTER),
        "POST /clusters/c1/pod-identity-associations": created,
        "GET /clusters/c1/pod-identity-associations": listed,
        "DELETE /clusters/c1/pod-identity-associations/a-9": (
            200, {"association": {"associationId": "a-9"}}),
    })
    yield server
    stop()


def _run(run_cli, eks, *argv):
    return run_cli(["emr-containers", *argv, "--cluster-name", "c1", "--namespace", "jobs",
                    "--role-name", "r"], environ={"AWS_ENDPOINT_URL_EKS": eks.url})


def test_create_role_associations_skips_existing_ones(run_cli, eks):
    result = _run(run_cli, eks, "create-role-associations")
    assert result.exit_code == 0, result.stderr
    made = json.loads(result.stdout)
    assert not result.stdout.endswith("\n")  # v2 prints no newline after the JSON
    encoded = base36("r")
    assert [item["serviceAccount"] for item in made] == [
        "emr-containers-sa-spark-client-%s-%s" % (ACCOUNT, encoded),
        "emr-containers-sa-spark-executor-%s-%s" % (ACCOUNT, encoded)]
    assert made[0]["roleArn"] == "arn:aws:iam::%s:role/r" % ACCOUNT
    assert made[0]["namespace"] == "jobs"
    assert ("Skipping pod identity association creation because pod identity association "
            "already exists for service account emr-containers-sa-spark-driver-%s-%s and role "
            "r in namespace jobs: already there\n" % (ACCOUNT, encoded)) == result.stderr


def test_create_role_associations_rolls_back_on_another_error(run_cli, eks):
    calls = []

    def refused(request):
        calls.append(request.body["serviceAccount"])
        if len(calls) == 2:
            return 400, {"__type": "InvalidParameterException", "message": "bad namespace"}
        return 200, {"association": {"clusterName": "c1", "associationId": "a-9"}}

    eks.answers["POST /clusters/c1/pod-identity-associations"] = refused
    result = _run(run_cli, eks, "create-role-associations", "--service-account-name", "sa1")
    assert result.exit_code == 0 and calls == ["sa1"]
    calls.clear()
    failed = _run(run_cli, eks, "create-role-associations")
    assert failed.exit_code == 255 and failed.stdout == ""
    assert ("Rolling back association for service account %s and role r in namespace jobs "
            "as an error was encountered" % calls[1]) in failed.stderr
    assert ("Failed to create pod identity association for service account %s, role r in "
            "namespace jobs: bad namespace" % calls[1]) in failed.stderr
    assert eks.operations()[-1] == "DELETE /clusters/c1/pod-identity-associations/a-9"


def test_delete_role_associations_deletes_what_is_found(run_cli, eks):
    result = _run(run_cli, eks, "delete-role-associations")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [{"associationId": "a-9"}]
    assert result.stderr.count("Skipping deletion as no pod identity association found") == 2
    assert eks.operations().count("DELETE /clusters/c1/pod-identity-associations/a-9") == 1


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_and_required_arguments(run_cli, name):
    page = run_cli(["emr-containers", name, "help"])
    assert page.exit_code == 0
    assert all("--" + spec.cli_name in page.stdout for spec in COMMANDS[name].arguments)
    missing = run_cli(["emr-containers", name])
    assert missing.exit_code == 252
    assert ("the following arguments are required: --cluster-name, --namespace, --role-name"
            in missing.stderr)


def test_a_type_outside_the_choices_is_a_usage_error(run_cli):
    result = run_cli(["emr-containers", "create-role-associations", "--cluster-name", "c",
                      "--namespace", "n", "--role-name", "r", "--type", "batch"])
    assert result.exit_code == 252 and "argument --type: Found invalid choice 'batch'" in result.stderr
