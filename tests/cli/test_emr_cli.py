"""emr's hand-written commands, in-process, against moto_server or a recording stub
(for the operations moto does not serve): what is sent, what is printed, exit codes."""
from __future__ import annotations

import json

import pytest

from awsmini.commands.emr import COMMANDS
from tests.e2e.stub_server import start_stub


@pytest.fixture
def emr(run_cli, moto_reset):
    def run(*argv, environ=None):
        return run_cli(["emr", *argv, "--endpoint-url", moto_reset], environ=environ)
    return run


@pytest.fixture
def stub():
    answers = {"RunJobFlow": (200, {"JobFlowId": "j-STUB", "ClusterArn": "arn:stub"})}
    server, stop = start_stub(answers)
    yield server
    stop()


def _stubbed(run_cli, stub, *argv, environ=None):
    return run_cli(["emr", *argv, "--endpoint-url", stub.url], environ=environ)


def _sent(stub, operation):
    return [request.body for request in stub.requests if request.operation == operation]


def test_create_cluster_then_describe_it(emr):
    created = emr("create-cluster", "--release-label", "emr-5.29.0", "--instance-type",
                  "m5.xlarge", "--instance-count", "3", "--name", "x", "--use-default-roles",
                  "--applications", "Name=Spark", "Name=Livy", "--ec2-attributes",
                  "KeyName=k,SubnetId=s", "--tags", "team=data")
    assert created.exit_code == 0, created.stderr
    result = json.loads(created.stdout)
    assert list(result) == ["ClusterId", "ClusterArn"]
    assert result["ClusterArn"].endswith(":cluster/" + result["ClusterId"])
    described = emr("describe-cluster", "--cluster-id", result["ClusterId"])
    assert described.exit_code == 0, described.stderr
    found = json.loads(described.stdout)["Cluster"]
    assert found["Name"] == "x" and found["ReleaseLabel"] == "emr-5.29.0"
    assert found["ServiceRole"] == "EMR_DefaultRole"
    assert found["Ec2InstanceAttributes"]["IamInstanceProfile"] == "EMR_EC2_DefaultRole"
    assert found["Tags"] == [{"Key": "team", "Value": "data"}]
    assert sorted((group["InstanceGroupType"], group["RequestedInstanceCount"])
                  for group in found["InstanceGroups"]) == [("CORE", 2), ("MASTER", 1)]
    assert found["BootstrapActions"] == []
    assert list(found)[-2:] == ["BootstrapActions", "InstanceGroups"]  # v2's order


def test_create_cluster_sends_v2s_request(run_cli, stub, home):
    (home / "c.json").write_text('[{"Classification": "spark-defaults", '
                                 '"Properties": {"spark.executor.memory": "2g"}}]')
    result = _stubbed(
        run_cli, stub, "create-cluster", "--release-label", "emr-6.15.0", "--log-uri",
        "s3://b/logs/", "--service-role", "svc", "--instance-groups",
        "InstanceGroupType=MASTER,InstanceCount=1,InstanceType=m5.xlarge",
        "InstanceGroupType=CORE,InstanceCount=2,InstanceType=m5.xlarge,BidPrice=0.2,"
        "EbsConfiguration={EbsOptimized=true,EbsBlockDeviceConfigs=[{VolumeSpecification="
        "{VolumeType=gp3,SizeInGB=64},VolumesPerInstance=2}]}",
        "--steps", "Type=Spark,Name=job,ActionOnFailure=TERMINATE_CLUSTER,"
        "Args=[--class,Main,s3://b/app.jar]",
        "--bootstrap-actions", "Path=s3://b/x.sh,Name=setup,Args=[a,b]",
        "--configurations", "file://c.json", "--ec2-attributes",
        "InstanceProfile=prof,AvailabilityZone=us-east-1a", "--auto-terminate",
        "--termination-protected", "--step-concurrency-level", "4",
        "--auto-termination-policy", "IdleTimeout=3600")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"ClusterId": "j-STUB", "ClusterArn": "arn:stub"}
    [sent] = _sent(stub, "RunJobFlow")
    assert sent == {
        "Name": "Development Cluster", "ReleaseLabel": "emr-6.15.0",
        "Configurations": [{"Classification": "spark-defaults",
                            "Properties": {"spark.executor.memory": "2g"}}],
        "LogUri": "s3://b/logs/", "ServiceRole": "svc", "VisibleToAllUsers": True, "Tags": [],
        "Instances": {
            "InstanceGroups": [
                {"Name": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1,
                 "InstanceRole": "MASTER", "Market": "ON_DEMAND"},
                {"Name": "CORE", "InstanceType": "m5.xlarge", "InstanceCount": 2,
                 "InstanceRole": "CORE", "BidPrice": "0.2", "Market": "SPOT",
                 "EbsConfiguration": {"EbsOptimized": True, "EbsBlockDeviceConfigs": [
                     {"VolumeSpecification": {"VolumeType": "gp3", "SizeInGB": 64},
                      "VolumesPerInstance": 2}]}}],
            "KeepJobFlowAliveWhenNoSteps": False, "TerminationProtected": True,
            "Placement": {"AvailabilityZone": "us-east-1a"}},
        "JobFlowRole": "prof",
        "BootstrapActions": [{"Name": "setup", "ScriptBootstrapAction": {
            "Path": "s3://b/x.sh", "Args": ["a", "b"]}}],
        "Steps": [{"Name": "job", "ActionOnFailure": "TERMINATE_CLUSTER", "HadoopJarStep": {
            "Jar": "command-runner.jar",
            "Args": ["spark-submit", "--class", "Main", "s3://b/app.jar"]}}],
        "StepConcurrencyLevel": 4, "AutoTerminationPolicy": {"IdleTimeout": 3600}}


def test_the_profiles_emr_settings_fill_what_is_not_given(run_cli, stub, home):
    (home / "config").write_text("[default]\nemr =\n    service_role = cfg-svc\n"
                                 "    instance_profile = cfg-prof\n    key_name = cfg-key\n"
                                 "    enable_debugging = true\n    log_uri = s3://cfg/\n")
    environ = {"AWS_CONFIG_FILE": str(home / "config")}
    result = _stubbed(run_cli, stub, "create-cluster", "--release-label", "emr-6.0.0",
                      "--instance-type", "m5.xlarge", "--ec2-attributes", "SubnetId=s",
                      environ=environ)
    assert result.exit_code == 0, result.stderr
    [sent] = _sent(stub, "RunJobFlow")
    assert (sent["ServiceRole"], sent["JobFlowRole"], sent["LogUri"]) == (
        "cfg-svc", "cfg-prof", "s3://cfg/")
    assert sent["Instances"]["Ec2KeyName"] == "cfg-key"
    assert sent["Instances"]["Ec2SubnetId"] == "s"
    assert sent["Steps"][0]["Name"] == "Setup Hadoop Debugging"
    defaults = _stubbed(run_cli, stub, "create-cluster", "--release-label", "emr-6.0.0",
                        "--instance-type", "m5.xlarge", "--use-default-roles",
                        "--no-enable-debugging", environ=environ)
    assert defaults.exit_code == 0, defaults.stderr
    sent = _sent(stub, "RunJobFlow")[1]
    assert (sent["ServiceRole"], sent["JobFlowRole"]) == ("EMR_DefaultRole",
                                                          "EMR_EC2_DefaultRole")
    assert "Steps" not in sent


@pytest.mark.parametrize("argv, message", [
    (["add-steps"], "the following arguments are required: --cluster-id, --steps"),
    (["create-cluster", "--instance-type", "m5.xlarge"],
     "Either --ami-version or --release-label is required."),
    (["create-cluster", "--release-label", "r", "--instance-type", "m",
      "--termination-protected", "--no-termination-protected"],
     "cannot use both --termination-protected and --no-termination-protected options "
     "together."),
    (["terminate-clusters"], "the following arguments are required: --cluster-ids"),
    (["modify-cluster-attributes", "--cluster-id", "j-1"],
     "Must specify one of the following boolean options: "
     "--visible-to-all-users|--no-visible-to-all-users, "
     "--termination-protected|--no-termination-protected, "
     "--auto-terminate|--no-auto-terminate, "
     "--unhealthy-node-replacement|--no-unhealthy-node-replacement."),
    (["modify-cluster-attributes", "--cluster-id", "j-1", "--auto-terminate",
      "--no-auto-terminate"],
     "You cannot specify both --auto-terminate and --no-auto-terminate options together."),
    (["ssh", "--cluster-id", "j-1"], "the following arguments are required: --key-pair-file"),
], ids=["add-steps-required", "no-release", "both-flags", "terminate-required",
        "modify-nothing", "modify-both", "ssh-no-key"])
def test_usage_errors(run_cli, stub, argv, message):
    result = _stubbed(run_cli, stub, *argv)
    assert result.exit_code == 252
    assert message in result.stderr and result.stdout == ""
    assert stub.requests == []


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_has_a_help_page(run_cli, name):
    result = run_cli(["emr", name, "help"])
    assert result.exit_code == 0, result.stderr
    for spec in COMMANDS[name].arguments:
        assert "--" + spec.cli_name in result.stdout, spec.cli_name


def test_create_cluster_help_pairs_the_flags_and_documents_shorthand(run_cli):
    page = run_cli(["emr", "create-cluster", "help"]).stdout
    assert "[--auto-terminate | --no-auto-terminate]" in page
    assert "--instance-groups <value> [<value>...]" in page
    assert "KeyName=string,SubnetId=string,SubnetIds=string,string" in page  # shorthand
    listing = run_cli(["emr", "help"]).stdout
    assert listing.count("o describe-cluster") == 1 and "o create-cluster" in listing


def test_add_steps_terminate_and_add_instance_groups(emr):
    cluster_id = json.loads(emr("create-cluster", "--release-label", "emr-6.0.0",
                                "--instance-type", "m5.xlarge").stdout)["ClusterId"]
    added = emr("add-steps", "--cluster-id", cluster_id, "--steps", "Type=Spark,Args=[a.py]",
                "Jar=s3://b/x.jar,Properties=k=v")
    assert added.exit_code == 0, added.stderr
    assert len(json.loads(added.stdout)["StepIds"]) == 2
    listed = json.loads(emr("list-steps", "--cluster-id", cluster_id).stdout)["Steps"]
    jars = {step["Name"]: step["Config"]["Jar"] for step in listed}
    assert jars == {"Spark application": "command-runner.jar", "Custom JAR": "s3://b/x.jar"}
    terminated = emr("terminate-clusters", "--cluster-ids", cluster_id)
    assert (terminated.exit_code, terminated.stdout) == (0, "")
    state = json.loads(emr("describe-cluster", "--cluster-id", cluster_id).stdout)
    assert state["Cluster"]["Status"]["State"] == "TERMINATED"


def test_add_instance_groups_prints_the_groups(run_cli, stub):
    stub.answers["AddInstanceGroups"] = (200, {"JobFlowId": "j-1", "InstanceGroupIds": ["ig-1"],
                                               "ClusterArn": "arn:c"})
    result = _stubbed(run_cli, stub, "add-instance-groups", "--cluster-id", "j-1",
                      "--instance-groups", "InstanceGroupType=TASK,InstanceCount=2,"
                      "InstanceType=c5.xlarge,BidPrice=OnDemandPrice")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ('{\n    "ClusterId": "j-1",\n    "InstanceGroupIds": [\n'
                             '        "ig-1"\n    ],\n    "ClusterArn": "arn:c"\n}\n')
    assert _sent(stub, "AddInstanceGroups") == [{"JobFlowId": "j-1", "InstanceGroups": [
        {"Name": "TASK", "InstanceType": "c5.xlarge", "InstanceCount": 2,
         "InstanceRole": "TASK", "Market": "SPOT"}]}]


def test_add_tags_takes_key_value_words(emr):
    cluster_id = json.loads(emr("create-cluster", "--release-label", "emr-6.0.0",
                                "--instance-type", "m5.xlarge").stdout)["ClusterId"]
    tagged = emr("add-tags", "--resource-id", cluster_id, "--tags", "a=1", "b")
    assert tagged.exit_code == 0, tagged.stderr
    found = json.loads(emr("describe-cluster", "--cluster-id", cluster_id).stdout)
    assert found["Cluster"]["Tags"] == [{"Key": "a", "Value": "1"}, {"Key": "b", "Value": ""}]


def test_describe_cluster_of_fleets(run_cli, stub):
    stub.answers.update({
        "DescribeCluster": (200, {"Cluster": {"Id": "j-F", "InstanceCollectionType":
                                              "INSTANCE_FLEET"}}),
        "ListInstanceFleets": (200, {"InstanceFleets": [{"Id": "if-1"}]}),
        "ListBootstrapActions": (200, {"BootstrapActions": [{"Name": "b"}]}),
    })
    result = _stubbed(run_cli, stub, "describe-cluster", "--cluster-id", "j-F")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"Cluster": {
        "Id": "j-F", "InstanceCollectionType": "INSTANCE_FLEET",
        "BootstrapActions": [{"Name": "b"}], "InstanceFleets": [{"Id": "if-1"}]}}
    assert stub.operations() == ["DescribeCluster", "ListInstanceFleets",
                                 "ListBootstrapActions"]


def test_modify_cluster_attributes_makes_one_call_per_attribute(run_cli, stub):
    for operation in ("SetVisibleToAllUsers", "SetTerminationProtection",
                      "SetKeepJobFlowAliveWhenNoSteps", "SetUnhealthyNodeReplacement"):
        stub.answers[operation] = (200, {})
    result = _stubbed(run_cli, stub, "modify-cluster-attributes", "--cluster-id", "j-1",
                      "--no-visible-to-all-users", "--termination-protected",
                      "--auto-terminate", "--no-unhealthy-node-replacement")
    assert (result.exit_code, result.stdout) == (0, ""), result.stderr
    assert [(request.operation, request.body) for request in stub.requests] == [
        ("SetVisibleToAllUsers", {"JobFlowIds": ["j-1"], "VisibleToAllUsers": False}),
        ("SetTerminationProtection", {"JobFlowIds": ["j-1"], "TerminationProtected": True}),
        ("SetKeepJobFlowAliveWhenNoSteps", {"JobFlowIds": ["j-1"],
                                            "KeepJobFlowAliveWhenNoSteps": False}),
        ("SetUnhealthyNodeReplacement", {"JobFlowIds": ["j-1"],
                                         "UnhealthyNodeReplacement": False})]


def test_hbase_and_install_applications_on_ami_clusters_only(emr):
    ami = json.loads(emr("create-cluster", "--ami-version", "3.11.0", "--instance-type",
                         "m1.large", "--applications", "Name=HBase").stdout)["ClusterId"]
    for argv in (["create-hbase-backup", "--dir", "s3://b/hb", "--consistent"],
                 ["schedule-hbase-backup", "--type", "full", "--dir", "s3://b/hb",
                  "--interval", "7", "--unit", "days"],
                 ["disable-hbase-backups", "--incremental"],
                 ["restore-from-hbase-backup", "--dir", "s3://b/hb"],
                 ["install-applications", "--applications", "Name=Hive"]):
        result = emr(*argv, "--cluster-id", ami)
        assert result.exit_code == 0, (argv, result.stderr)
        assert len(json.loads(result.stdout)["StepIds"]) == 1
    listed = json.loads(emr("list-steps", "--cluster-id", ami).stdout)["Steps"]
    by_name = {step["Name"]: step["Config"]["Args"] for step in listed}
    assert by_name["Backup HBase"] == ["emr.hbase.backup.Main", "--backup", "--backup-dir",
                                       "s3://b/hb", "--consistent"]
    assert "Install Hive" in by_name and "Restore HBase" in by_name
    release = json.loads(emr("create-cluster", "--release-label", "emr-6.0.0",
                             "--instance-type", "m5.xlarge").stdout)["ClusterId"]
    refused = emr("create-hbase-backup", "--cluster-id", release, "--dir", "s3://b/hb")
    assert refused.exit_code == 252
    assert "create-hbase-backup is not supported with 'emr-6.0.0' release." in refused.stderr
    unknown = emr("install-applications", "--cluster-id", ami, "--applications", "Name=Spark")
    assert unknown.exit_code == 252
    assert ("Spark cannot be installed on a running cluster. 'Name' should be one of the "
            "following: HIVE, PIG") in unknown.stderr


def test_create_default_roles_creates_the_roles_once_and_names_them_in_the_profile(
        run_cli, iam_moto, home):
    moto_reset = iam_moto
    environ = {"AWS_CONFIG_FILE": str(home / "config")}
    first = run_cli(["emr", "create-default-roles", "--iam-endpoint", moto_reset],
                    environ=environ)
    assert first.exit_code == 0, first.stderr
    created = json.loads(first.stdout)
    assert [item["Role"]["RoleName"] for item in created] == [
        "EMR_EC2_DefaultRole", "EMR_DefaultRole", "EMR_AutoScaling_DefaultRole"]
    principals = [item["Role"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]
                  for item in created]
    assert principals == [{"Service": "ec2.amazonaws.com"},
                          {"Service": "elasticmapreduce.amazonaws.com"},
                          {"Service": ["elasticmapreduce.amazonaws.com",
                                       "application-autoscaling.amazonaws.com"]}]
    assert all("Statement" in item["RolePolicy"] for item in created)
    assert (home / "config").read_text() == (
        "[default]\nemr =\n    service_role = EMR_DefaultRole\n"
        "    instance_profile = EMR_EC2_DefaultRole\n")
    iam = ["iam", "--endpoint-url", moto_reset]
    profile = json.loads(run_cli([*iam, "get-instance-profile", "--instance-profile-name",
                                  "EMR_EC2_DefaultRole"]).stdout)["InstanceProfile"]
    assert [role["RoleName"] for role in profile["Roles"]] == ["EMR_EC2_DefaultRole"]
    attached = json.loads(run_cli([*iam, "list-attached-role-policies", "--role-name",
                                   "EMR_DefaultRole"]).stdout)["AttachedPolicies"]
    assert [p["PolicyArn"] for p in attached] == [
        "arn:aws:iam::aws:policy/service-role/AmazonElasticMapReduceRole"]
    again = run_cli(["emr", "create-default-roles", "--iam-endpoint", moto_reset],
                    environ=environ)
    assert (again.exit_code, json.loads(again.stdout)) == (0, [])


def test_create_default_roles_needs_emrs_host_for_its_principals(run_cli, iam_moto):
    moto_reset = iam_moto
    result = run_cli(["emr", "create-default-roles", "--endpoint-url", moto_reset,
                      "--iam-endpoint", moto_reset])
    assert result.exit_code == 255
    assert ("Could not resolve the service principal from the region or the endpoint."
            in result.stderr)
