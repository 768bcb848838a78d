"""emr's request builders (commands/emr/cluster.py, steps.py, emrfs.py): the RunJobFlow
parameters, steps and EMRFS settings v2 builds from create-cluster's values."""
from __future__ import annotations

import pytest

from awsmini.commands.emr import COMMANDS, cluster, emrfs, steps
from awsmini.errors import OtherError, ParamValidationError


def _args(**given):
    """create-cluster's converted arguments: the declared defaults, then `given`
    (underscores for dashes)."""
    args = {spec.cli_name: spec.default for spec in COMMANDS["create-cluster"].arguments}
    args.update({name.replace("_", "-"): value for name, value in given.items()})
    return args


def _params(**given):
    return cluster.run_job_flow_parameters(_args(**given), "eu-west-1")


def test_the_shortcut_makes_a_master_and_core_group_with_v2s_defaults():
    params = _params(release_label="emr-6.15.0", instance_type="m5.xlarge", instance_count="3")
    assert params == {
        "Name": "Development Cluster", "ReleaseLabel": "emr-6.15.0", "VisibleToAllUsers": True,
        "Tags": [],
        "Instances": {
            "InstanceGroups": [
                {"InstanceType": "m5.xlarge", "InstanceCount": 1, "InstanceRole": "MASTER",
                 "Name": "MASTER", "Market": "ON_DEMAND"},
                {"InstanceType": "m5.xlarge", "InstanceCount": 2, "InstanceRole": "CORE",
                 "Name": "CORE", "Market": "ON_DEMAND"}],
            "KeepJobFlowAliveWhenNoSteps": True, "TerminationProtected": False}}


def test_default_roles_ec2_attributes_and_flags():
    params = _params(release_label="emr-6.15.0", instance_type="m5.xlarge",
                     use_default_roles=True, auto_terminate=True, termination_protected=True,
                     no_visible_to_all_users=True, unhealthy_node_replacement=True,
                     ec2_attributes={"KeyName": "k", "SubnetIds": ["s1", "s2"],
                                     "AdditionalMasterSecurityGroups": ["sg-1"]},
                     tags=["team=data", "adhoc"])
    assert params["ServiceRole"] == "EMR_DefaultRole"
    assert params["JobFlowRole"] == "EMR_EC2_DefaultRole"
    assert params["VisibleToAllUsers"] is False
    assert params["Tags"] == [{"Key": "team", "Value": "data"}, {"Key": "adhoc", "Value": ""}]
    instances = params["Instances"]
    assert instances["KeepJobFlowAliveWhenNoSteps"] is False
    assert instances["TerminationProtected"] is True
    assert instances["UnhealthyNodeReplacement"] is True
    assert instances["Ec2KeyName"] == "k" and instances["Ec2SubnetIds"] == ["s1", "s2"]
    assert instances["AdditionalMasterSecurityGroups"] == ["sg-1"]


def test_instance_groups_spot_bids_and_names():
    groups = cluster.instance_groups([
        {"InstanceGroupType": "master", "InstanceType": "m5.xlarge", "InstanceCount": 1,
         "BidPrice": "OnDemandPrice"},
        {"Name": "workers", "InstanceGroupType": "TASK", "InstanceType": "c5.xlarge",
         "InstanceCount": 4, "BidPrice": "0.25", "CustomAmiId": "ami-1"}])
    assert groups == [
        {"Name": "master", "InstanceType": "m5.xlarge", "InstanceCount": 1,
         "InstanceRole": "MASTER", "Market": "SPOT"},
        {"Name": "workers", "InstanceType": "c5.xlarge", "InstanceCount": 4,
         "InstanceRole": "TASK", "BidPrice": "0.25", "Market": "SPOT", "CustomAmiId": "ami-1"}]


def test_instance_fleets_keep_what_v2_keeps():
    fleets = cluster.instance_fleets([{
        "InstanceFleetType": "MASTER", "TargetSpotCapacity": 1,
        "InstanceTypeConfigs": [{"InstanceType": "m5.xlarge"}],
        "LaunchSpecifications": {"SpotSpecification": {"TimeoutDurationMinutes": 20,
                                                       "TimeoutAction": "SWITCH_TO_ONDEMAND"}}}])
    assert fleets == [{
        "Name": "MASTER", "InstanceFleetType": "MASTER", "TargetSpotCapacity": 1,
        "InstanceTypeConfigs": [{"InstanceType": "m5.xlarge"}],
        "LaunchSpecifications": {"SpotSpecification": {"TimeoutDurationMinutes": 20,
                                                       "TimeoutAction": "SWITCH_TO_ONDEMAND"}}}]


def test_ami_clusters_get_install_steps_debugging_and_bootstrap_actions():
    params = _params(ami_version="3.11.0", instance_type="m1.large", log_uri="s3://b/logs/",
                     enable_debugging=True, applications=[{"Name": "Hive"}, {"Name": "Ganglia"},
                                                          {"Name": "MapR", "Args": ["--edition",
                                                                                    "m5"]}],
                     bootstrap_actions=[{"Path": "s3://b/x.sh", "Args": ["a"]}])
    assert [step["Name"] for step in params["Steps"]] == ["Setup Hadoop Debugging",
                                                          "Install Hive"]
    assert params["Steps"][0]["HadoopJarStep"] == {
        "Jar": "s3://eu-west-1.elasticmapreduce/libs/script-runner/script-runner.jar",
        "Args": ["s3://eu-west-1.elasticmapreduce/libs/state-pusher/0.1/fetch"]}
    assert params["NewSupportedProducts"] == [{"Name": "mapr", "Args": ["--edition", "m5"]}]
    assert params["BootstrapActions"] == [
        {"Name": "Install Ganglia", "ScriptBootstrapAction": {
            "Path": "s3://eu-west-1.elasticmapreduce/bootstrap-actions/install-ganglia"}},
        {"Name": "Bootstrap action", "ScriptBootstrapAction": {"Path": "s3://b/x.sh",
                                                               "Args": ["a"]}}]


def test_configurations_are_json_and_release_label_applications_pass_through():
    params = _params(release_label="emr-7.0.0", instance_type="m5.xlarge",
                     configurations='[{"Classification": "spark", "Properties": {"a": "b"}}]',
                     applications=[{"Name": "Spark"}, {"Name": "Livy"}],
                     ebs_root_volume_size="20", step_concurrency_level=5)
    assert params["Configurations"] == [{"Classification": "spark", "Properties": {"a": "b"}}]
    assert params["Applications"] == [{"Name": "Spark"}, {"Name": "Livy"}]
    assert params["EbsRootVolumeSize"] == 20 and params["StepConcurrencyLevel"] == 5


@pytest.mark.parametrize("given, message", [
    ({}, "Either --ami-version or --release-label is required."),
    ({"ami_version": "3.1.0", "release_label": "emr-6.0.0", "instance_type": "m"},
     "You cannot specify both --ami-version and --release-label options together."),
    ({"release_label": "r"}, "Must specify either --instance-groups or --instance-type with "
                             "--instance-count(optional) to configure instance groups."),
    ({"release_label": "r", "instance_type": "m", "instance_groups": []},
     "You may not specify --instance-type or --instance-count with --instance-groups, "
     "because --instance-type and --instance-count are shortcut options for "
     "--instance-groups."),
    ({"release_label": "r", "instance_type": "m", "use_default_roles": True,
      "service_role": "x"},
     "You cannot specify both --use-default-roles and --service-role options together. "
     "Either choose --use-default-roles or use both --service-role <roleName> and "
     "--ec2-attributes InstanceProfile=<profileName>."),
    ({"release_label": "r", "instance_type": "m", "auto_terminate": True,
      "no_auto_terminate": True},
     "cannot use both --no-auto-terminate and --auto-terminate options together."),
    ({"release_label": "r", "instance_type": "m", "enable_debugging": True},
     "LogUri not specified. You must specify a logUri if you enable debugging when creating "
     "a cluster."),
    ({"release_label": "r", "instance_type": "m", "configurations": "{nope"},
     "invalid json argument for option --configurations"),
    ({"ami_version": "latest", "instance_type": "m"},
     'The supplied AMI version "latest" is invalid. Please see AMI Versions Supported in '
     "Amazon EMR in Amazon Elastic MapReduce Developer Guide: "
     "http://docs.aws.amazon.com/ElasticMapReduce/latest/DeveloperGuide/"
     "ami-versions-supported.html"),
    ({"release_label": "r", "instance_type": "m",
      "ec2_attributes": {"SubnetId": "s", "AvailabilityZone": "a"}},
     "You may not specify both a SubnetId and an AvailabilityZone (placement) because "
     "ec2SubnetId implies a placement."),
    ({"release_label": "r", "instance_type": "m", "steps": [{"Type": "Hive", "Args": ["x"]}]},
     "Some of the steps require the following applications to be installed: Hive. Please "
     "install the applications using --applications."),
    ({"release_label": "r", "instance_groups": [
        {"InstanceGroupType": "CORE", "InstanceType": "m", "InstanceCount": 1,
         "AutoScalingPolicy": {}}]},
     "Must specify --auto-scaling-role when configuring an AutoScaling policy for an "
     "instance group."),
    ({"release_label": "r", "instance_type": "m", "log_uri": "s3://b/",
      "monitoring_configuration": {"S3LoggingConfiguration": {"LogTypeUploadPolicy": {
          "system-logs": "disabled", "application-logs": "disabled"}}}},
     "LogUri must not be specified when system-logs and application-logs policies are both "
     "disabled in S3LoggingConfiguration"),
], ids=["no-release", "both-releases", "no-instances", "shortcut-and-groups",
        "default-roles-and-service-role", "both-auto-terminate", "debugging-without-log-uri",
        "bad-configurations", "bad-ami-version", "subnet-and-zone", "hive-step-without-hive",
        "scaling-without-role", "log-uri-not-allowed"])
def test_v2s_refusals(given, message):
    with pytest.raises(ParamValidationError) as caught:
        _params(**given)
    assert caught.value.message == message


def test_a_group_without_its_type_is_v2s_key_error():
    with pytest.raises(OtherError) as caught:
        cluster.instance_groups([{"InstanceGroupType": "MASTER", "InstanceCount": 1}])
    assert caught.value.message == "'InstanceType'"


def test_a_bad_instance_count_is_pythons_int_error():
    with pytest.raises(OtherError) as caught:
        _params(release_label="r", instance_type="m", instance_count="three")
    assert caught.value.message == "invalid literal for int() with base 10: 'three'"


@pytest.mark.parametrize("step, release, expected", [
    ({"Type": "Spark", "Args": ["--class", "M", "s3://b/a.jar"]}, "emr-6.0.0",
     {"Name": "Spark application", "ActionOnFailure": "CONTINUE",
      "HadoopJarStep": {"Jar": "command-runner.jar",
                        "Args": ["spark-submit", "--class", "M", "s3://b/a.jar"]}}),
    ({"Jar": "s3://b/a.jar", "MainClass": "M", "Properties": "k=v,flag", "Name": "j",
      "ActionOnFailure": "CANCEL_AND_WAIT", "LogUri": "s3://b/l/"}, None,
     {"Name": "j", "ActionOnFailure": "CANCEL_AND_WAIT",
      "HadoopJarStep": {"Jar": "s3://b/a.jar", "MainClass": "M",
                        "Properties": [{"Key": "k", "Value": "v"}, {"Key": "flag", "Value": ""}]},
      "StepMonitoringConfiguration": {"S3MonitoringConfiguration": {"LogUri": "s3://b/l/"}}}),
    ({"Type": "STREAMING", "Args": ["-files", "s3://b/m.py"]}, "emr-5.0.0",
     {"Name": "Streaming program", "ActionOnFailure": "CONTINUE",
      "HadoopJarStep": {"Jar": "command-runner.jar",
                        "Args": ["hadoop-streaming", "-files", "s3://b/m.py"]}}),
    ({"Type": "pig", "Args": ["-f", "s3://b/p.pig"]}, None,
     {"Name": "Pig program", "ActionOnFailure": "CONTINUE",
      "HadoopJarStep": {"Jar": "s3://us-west-2.elasticmapreduce/libs/script-runner/"
                               "script-runner.jar",
                        "Args": ["s3://us-west-2.elasticmapreduce/libs/pig/pig-script",
                                 "--run-pig-script", "--pig-versions", "latest", "--args",
                                 "-f", "s3://b/p.pig"]}}),
], ids=["spark-release", "custom-jar", "streaming-release", "pig-ami"])
def test_step_configs(step, release, expected):
    assert steps.step_configs([step], "us-west-2", release) == [expected]


@pytest.mark.parametrize("step, release, message", [
    ({"Type": "Spark"}, "emr-6.0.0",
     "The following required parameters are missing for SparkStepConfig: Args."),
    ({}, None, "The following required parameters are missing for CustomJARStepConfig: Jar."),
    ({"Type": "Impala", "Args": ["x"]}, "emr-6.0.0", "The step type impala is not supported."),
    ({"Type": "Hive", "Args": [" "]}, None, "The parameter Args cannot be an empty list."),
    ({"Type": "shell"}, None, "The step type shell is not supported."),
], ids=["spark-without-args", "jar-missing", "impala-on-release", "empty-args", "unknown"])
def test_step_refusals(step, release, message):
    with pytest.raises(ParamValidationError) as caught:
        steps.step_configs([step], None, release)
    assert caught.value.message == message


def test_emrfs_as_configuration_and_as_bootstrap_actions():
    values = {"Consistent": True, "RetryCount": 5, "Encryption": "ClientSide",
              "ProviderType": "KMS", "KMSKeyId": "key", "Args": ["fs.x=1"]}
    assert emrfs.configuration(values) == {"Classification": "emrfs-site", "Properties": {
        "fs.s3.consistent": "true", "fs.s3.consistent.retryCount": "5",
        "fs.s3.cse.enabled": "true",
        "fs.s3.cse.encryptionMaterialsProvider":
            "com.amazon.ws.emr.hadoop.fs.cse.KMSEncryptionMaterialsProvider",
        "fs.s3.cse.kms.keyId": "key", "fs.x": "1"}}
    [action] = emrfs.bootstrap_actions({"SSE": True}, "us-east-1")
    assert action == {"Name": "Setup EMRFS", "ScriptBootstrapAction": {
        "Args": ["-e", "fs.s3.enableServerSideEncryption=true"],
        "Path": "s3://us-east-1.elasticmapreduce/bootstrap-actions/configure-hadoop"}}


@pytest.mark.parametrize("values, message", [
    ({"Encryption": "both"}, 'The encryption type "both" is invalid. You must specify either '
                             'ServerSide or ClientSide'),
    ({"Encryption": "ClientSide"}, "The following required parameters are missing for "
                                   "--emrfs Encryption=ClientSide: ProviderType."),
    ({"Encryption": "ClientSide", "ProviderType": "Custom"},
     "The following required parameters are missing for --emrfs Encryption=ClientSide,"
     "ProviderType=Custom: CustomProviderClass and CustomProviderLocation."),
    ({"RetryCount": 1}, "--emrfs Consistent=true/false is not specified. Thus,  following "
                        "parameters are invalid: RetryCount"),
], ids=["bad-encryption", "no-provider", "custom-missing", "retry-without-consistent"])
def test_emrfs_refusals(values, message):
    with pytest.raises(ParamValidationError) as caught:
        emrfs.configuration(values)
    assert caught.value.message == message
