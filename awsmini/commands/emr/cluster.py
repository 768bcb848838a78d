"""`emr create-cluster`'s arguments -> the parameters of RunJobFlow; and the instance
groups that `add-instance-groups` shares.

Follows v2's `awscli/customizations/emr/createcluster.py`, `instancegroupsutils.py`
and `instancefleetsutils.py`: its checks, in its order and with its messages, and
its defaults (two roles by `--use-default-roles`, visible to all users, kept
alive without steps unless `--auto-terminate`). `args` are the converted values
by option name, after the profile's `emr` settings were applied (`settings.py`).
Pure: no I/O. Raises ParamValidationError; OtherError where v2 lets Python's
`int()` fail (exit 255).
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterable, Mapping

from awsmini.commands.emr import emrfs, steps
from awsmini.errors import OtherError, ParamValidationError

EC2_ROLE = "EMR_EC2_DefaultRole"
EMR_ROLE = "EMR_DefaultRole"
_ROLES_HINT = (" Either choose --use-default-roles or use both --service-role <roleName> and "
               "--ec2-attributes InstanceProfile=<profileName>.")
_MAX_BOOTSTRAP_ACTIONS = 16
# (RunJobFlow key, option) set as given when not empty, after the instances
_PLAIN = (("SecurityConfiguration", "security-configuration"),
          ("CustomAmiId", "custom-ami-id"))
_INTEGERS = (("EbsRootVolumeSize", "ebs-root-volume-size"),
             ("EbsRootVolumeIops", "ebs-root-volume-iops"),
             ("EbsRootVolumeThroughput", "ebs-root-volume-throughput"))
# (Ec2Attributes key, where it goes: "" the cluster, else the Instances key)
_EC2_KEYS = (("KeyName", "Ec2KeyName"), ("SubnetId", "Ec2SubnetId"),
             ("SubnetIds", "Ec2SubnetIds"))
_SECURITY_GROUPS = ("EmrManagedMasterSecurityGroup", "EmrManagedSlaveSecurityGroup",
                    "ServiceAccessSecurityGroup", "AdditionalMasterSecurityGroups",
                    "AdditionalSlaveSecurityGroups")


def exclusive(first: str, second: str, message: str = "") -> ParamValidationError:
    return ParamValidationError("You cannot specify both %s and %s options together.%s"
                                % (first, second, message))


def choose(true_value: Any, true_name: str, false_value: Any, false_name: str) -> bool:
    """A pair of flags -> its boolean (v2's apply_boolean_options)."""
    if true_value and false_value:
        raise ParamValidationError("cannot use both %s and %s options together."
                                   % (true_name, false_name))
    return bool(true_value)


def _to_int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as error:  # v2 lets int()'s error end the run: 255
        raise OtherError(str(error)) from error


def run_job_flow_parameters(args: Mapping[str, Any], region: str | None) -> dict[str, Any]:
    """The RunJobFlow parameters of one `create-cluster` command line."""
    args = dict(args)
    params: dict[str, Any] = {"Name": args["name"]}
    _check_release(args)
    _check_roles(args)
    if args["instance-groups"] is not None and args["instance-fleets"] is not None:
        raise exclusive("--instance-groups", "--instance-fleets")
    instances: dict[str, Any] = {}
    if args["instance-fleets"] is not None:
        instances["InstanceFleets"] = instance_fleets(args["instance-fleets"])
    else:
        instances["InstanceGroups"] = _groups_or_shortcut(args)
    _release_and_ami(params, args)
    _put(params, "AdditionalInfo", args["additional-info"])
    _put(params, "LogUri", args["log-uri"])
    _put(params, "OSReleaseLabel", args["os-release-label"])
    _put(params, "LogEncryptionKmsKeyId", args["log-encryption-kms-key-id"])
    if args["use-default-roles"]:
        args["service-role"] = EMR_ROLE
        args["ec2-attributes"] = dict(args["ec2-attributes"] or {}, InstanceProfile=EC2_ROLE)
    _put(params, "ServiceRole", args["service-role"])
    if args["instance-groups"] is not None and args["auto-scaling-role"] is None and any(
            "AutoScalingPolicy" in group for group in instances["InstanceGroups"]):
        raise ParamValidationError("Must specify --auto-scaling-role when configuring an "
                                   "AutoScaling policy for an instance group.")
    _put(params, "AutoScalingRole", args["auto-scaling-role"])
    _put(params, "ScaleDownBehavior", args["scale-down-behavior"])
    _instance_flags(instances, args)
    params["VisibleToAllUsers"] = choose(
        args["visible-to-all-users"] or not args["no-visible-to-all-users"],
        "--visible-to-all-users", args["no-visible-to-all-users"], "--no-visible-to-all-users")
    params["Tags"] = steps.tags(args["tags"])
    params["Instances"] = instances
    if args["ec2-attributes"] is not None:
        _ec2_attributes(params, args["ec2-attributes"])
    _debugging(params, args, region)
    _applications(params, args, region)
    restore = args["restore-from-hbase-backup"]
    if restore is not None:
        _extend(params, "Steps", [steps.hbase_step(
            "Restore HBase", steps.hbase_restore_args(restore.get("Dir"),
                                                      restore.get("BackupVersion")))])
    if args["bootstrap-actions"] is not None:
        _bootstrap_actions(params, args["bootstrap-actions"])
    if args["emrfs"] is not None:
        _emrfs(params, args["emrfs"], args["release-label"], region)
    if args["steps"] is not None:
        _extend(params, "Steps", steps.step_configs(args["steps"], region,
                                                    args["release-label"]))
    _rest(params, args)
    _check_applications(args)
    return params


def _check_release(args: Mapping[str, Any]) -> None:
    if args["ami-version"] is not None and args["release-label"] is not None:
        raise exclusive("--ami-version", "--release-label")
    if args["ami-version"] is None and args["release-label"] is None:
        raise ParamValidationError("Either --ami-version or --release-label is required.")


def _check_roles(args: Mapping[str, Any]) -> None:
    if args["use-default-roles"] and args["service-role"] is not None:
        raise exclusive("--use-default-roles", "--service-role", _ROLES_HINT)
    attributes = args["ec2-attributes"]
    if args["use-default-roles"] and attributes is not None and "InstanceProfile" in attributes:
        raise exclusive("--use-default-roles", "--ec2-attributes InstanceProfile", _ROLES_HINT)


def _groups_or_shortcut(args: Mapping[str, Any]) -> list[dict[str, Any]]:
    groups, kind, count = args["instance-groups"], args["instance-type"], args["instance-count"]
    if groups is None and kind is None:
        raise ParamValidationError("Must specify either --instance-groups or --instance-type "
                                   "with --instance-count(optional) to configure instance "
                                   "groups.")
    if groups is not None and (kind is not None or count is not None):
        raise ParamValidationError(
            "You may not specify --instance-type or --instance-count with --instance-groups, "
            "because --instance-type and --instance-count are shortcut options for "
            "--instance-groups.")
    if groups is not None:
        return instance_groups(groups)
    shortcut = [_shortcut_group(kind, 1, "MASTER")]
    if count is not None and _to_int(count) > 1:
        shortcut.append(_shortcut_group(kind, _to_int(count) - 1, "CORE"))
    return shortcut


def _shortcut_group(kind: str, count: int, role: str) -> dict[str, Any]:
    return {"InstanceType": kind, "InstanceCount": count, "InstanceRole": role, "Name": role,
            "Market": "ON_DEMAND"}


def instance_groups(groups: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """`--instance-groups` values -> InstanceGroupConfigs: a group with a BidPrice is
    a Spot group (`OnDemandPrice` bids the on-demand price), named by its type
    unless named."""
    configs = []
    for group in groups:
        role = _member(group, "InstanceGroupType")
        config: dict[str, Any] = {"Name": group.get("Name", role),
                                  "InstanceType": _member(group, "InstanceType"),
                                  "InstanceCount": _member(group, "InstanceCount"),
                                  "InstanceRole": str(role).upper()}
        if "BidPrice" in group:
            if group["BidPrice"] != "OnDemandPrice":
                config["BidPrice"] = group["BidPrice"]
            config["Market"] = "SPOT"
        else:
            config["Market"] = "ON_DEMAND"
        for key in ("EbsConfiguration", "AutoScalingPolicy", "Configurations", "CustomAmiId"):
            if key in group:
                config[key] = group[key]
        configs.append(config)
    return configs


def instance_fleets(fleets: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """`--instance-fleets` values -> InstanceFleetConfigs, named by type unless named."""
    configs = []
    for fleet in fleets:
        kind = _member(fleet, "InstanceFleetType")
        config: dict[str, Any] = {"Name": fleet.get("Name", kind), "InstanceFleetType": kind}
        for key in ("TargetOnDemandCapacity", "TargetSpotCapacity", "InstanceTypeConfigs"):
            if key in fleet:
                config[key] = fleet[key]
        for key, parts in (("LaunchSpecifications", ("SpotSpecification",
                                                     "OnDemandSpecification")),
                           ("ResizeSpecifications", ("SpotResizeSpecification",
                                                     "OnDemandResizeSpecification"))):
            if key in fleet:
                config[key] = {part: fleet[key][part] for part in parts if part in fleet[key]}
        if "Context" in fleet:
            config["Context"] = fleet["Context"]
        configs.append(config)
    return configs


def _member(value: Mapping[str, Any], key: str) -> Any:
    """A member v2 reads without checking: a missing one ends the run as its KeyError."""
    if key not in value:
        raise OtherError(repr(key))
    return value[key]


def _release_and_ami(params: dict[str, Any], args: Mapping[str, Any]) -> None:
    if args["release-label"] is not None:
        params["ReleaseLabel"] = args["release-label"]
        if args["configurations"] is not None:
            try:
                params["Configurations"] = json.loads(args["configurations"])
            except (TypeError, ValueError):
                raise ParamValidationError("invalid json argument for option "
                                           "--configurations") from None
    elif args["ami-version"] is not None:
        if re.match(r"\d?\..*", args["ami-version"]) is None:
            raise ParamValidationError(
                'The supplied AMI version "%s" is invalid. Please see AMI Versions Supported '
                "in Amazon EMR in Amazon Elastic MapReduce Developer Guide: "
                "http://docs.aws.amazon.com/ElasticMapReduce/latest/DeveloperGuide/"
                "ami-versions-supported.html" % args["ami-version"])
        params["AmiVersion"] = args["ami-version"]


def _instance_flags(instances: dict[str, Any], args: Mapping[str, Any]) -> None:
    keep_alive = args["no-auto-terminate"] or not args["auto-terminate"]
    instances["KeepJobFlowAliveWhenNoSteps"] = choose(
        keep_alive, "--no-auto-terminate", args["auto-terminate"], "--auto-terminate")
    instances["TerminationProtected"] = choose(
        args["termination-protected"], "--termination-protected",
        args["no-termination-protected"], "--no-termination-protected")
    if args["unhealthy-node-replacement"] or args["no-unhealthy-node-replacement"]:
        instances["UnhealthyNodeReplacement"] = choose(
            args["unhealthy-node-replacement"], "--unhealthy-node-replacement",
            args["no-unhealthy-node-replacement"], "--no-unhealthy-node-replacement")


def _ec2_attributes(params: dict[str, Any], attributes: Mapping[str, Any]) -> None:
    if "SubnetId" in attributes and "SubnetIds" in attributes:
        raise exclusive("SubnetId", "SubnetIds")
    if "AvailabilityZone" in attributes and "AvailabilityZones" in attributes:
        raise exclusive("AvailabilityZone", "AvailabilityZones")
    if ({"SubnetId", "SubnetIds"} & set(attributes)
            and {"AvailabilityZone", "AvailabilityZones"} & set(attributes)):
        raise ParamValidationError("You may not specify both a SubnetId and an "
                                   "AvailabilityZone (placement) because ec2SubnetId implies "
                                   "a placement.")
    instances = params["Instances"]
    for key, target in _EC2_KEYS:
        _put(instances, target, attributes.get(key))
    for key in ("AvailabilityZone", "AvailabilityZones"):
        if key in attributes:
            instances["Placement"] = {}
            _put(instances["Placement"], key, attributes[key])
    _put(params, "JobFlowRole", attributes.get("InstanceProfile"))
    for key in _SECURITY_GROUPS:
        _put(instances, key, attributes.get(key))


def _debugging(params: dict[str, Any], args: Mapping[str, Any], region: str | None) -> None:
    if not choose(args["enable-debugging"], "--enable-debugging", args["no-enable-debugging"],
                  "--no-enable-debugging"):
        return
    if args["log-uri"] is None:
        raise ParamValidationError("LogUri not specified. You must specify a logUri if you "
                                   "enable debugging when creating a cluster.")
    if args["release-label"]:
        jar, words = steps.COMMAND_RUNNER, ["state-pusher-script"]
    else:
        jar = steps.s3_link(steps.SCRIPT_RUNNER_PATH, region)
        words = [steps.s3_link("/libs/state-pusher/0.1/fetch", region)]
    _extend(params, "Steps", [steps.build_step(jar, "Setup Hadoop Debugging",
                                               steps.TERMINATE_CLUSTER, words)])


def _applications(params: dict[str, Any], args: Mapping[str, Any], region: str | None) -> None:
    applications = args["applications"]
    if applications is None:
        return
    if args["release-label"] is None:
        products, actions, app_steps = steps.application_configs(
            applications, region, params.get("AmiVersion"))
        _extend(params, "NewSupportedProducts", products)
        _extend(params, "BootstrapActions", actions)
        _extend(params, "Steps", app_steps)
    else:
        params["Applications"] = list(applications)


def _bootstrap_actions(params: dict[str, Any], actions: list) -> None:
    existing = params.get("BootstrapActions") or []
    if len(existing) + len(actions) > _MAX_BOOTSTRAP_ACTIONS:
        raise ParamValidationError("maximum number of bootstrap actions for a cluster "
                                   "exceeded.")
    built = []
    for action in actions:
        script: dict[str, Any] = {}
        _put(script, "Path", action.get("Path"))
        _put(script, "Args", action.get("Args"))
        config: dict[str, Any] = {"Name": action.get("Name") if action.get("Name") is not None
                                  else "Bootstrap action"}
        _put(config, "ScriptBootstrapAction", script)
        built.append(config)
    if existing + built:
        params["BootstrapActions"] = existing + built


def _emrfs(params: dict[str, Any], values: Mapping[str, Any], release_label: str | None,
           region: str | None) -> None:
    if release_label:
        if any(isinstance(item, Mapping) and item.get("Classification") == emrfs.SITE
               for item in params.get("Configurations") or ()):
            raise ParamValidationError("EMRFS should be configured either using "
                                       "--configuration or --emrfs but not both")
        _extend(params, "Configurations", [emrfs.configuration(values)])
    else:
        _extend(params, "BootstrapActions", emrfs.bootstrap_actions(values, region))


def _rest(params: dict[str, Any], args: Mapping[str, Any]) -> None:
    for key, option in _PLAIN:
        _put(params, key, args[option])
    for key, option in _INTEGERS:
        if args[option] is not None:
            _put(params, key, _to_int(args[option]))
    _put(params, "RepoUpgradeOnBoot", args["repo-upgrade-on-boot"])
    _put(params, "KerberosAttributes", args["kerberos-attributes"])
    if args["step-concurrency-level"] is not None:
        params["StepConcurrencyLevel"] = args["step-concurrency-level"]
    _put(params, "StepExecutionRoleArn", args["step-execution-role-arn"])
    for key, option in (("ExtendedSupport", "extended-support"),
                        ("SessionEnabled", "session-enabled")):
        if args[option] or args["no-" + option]:
            params[key] = choose(args[option], "--" + option, args["no-" + option],
                                 "--no-" + option)
    _put(params, "ManagedScalingPolicy", args["managed-scaling-policy"])
    _put(params, "PlacementGroupConfigs", args["placement-group-configs"])
    _put(params, "AutoTerminationPolicy", args["auto-termination-policy"])
    monitoring = args["monitoring-configuration"]
    _put(params, "MonitoringConfiguration", monitoring)
    if monitoring is not None:
        check_s3_logging(monitoring, args["log-uri"])


def _check_applications(args: Mapping[str, Any]) -> None:
    """Hive, Pig and Impala steps need their application; a restore needs HBase."""
    given = {str(app.get("Name", "")).lower() for app in args["applications"] or ()}
    absent: list[str] = []
    for step in args["steps"] or ():
        kind = step.get("Type")
        if kind is not None and kind.lower() in ("hive", "pig", "impala") \
                and kind.lower() not in given and kind.title() not in absent:
            absent.append(kind.title())
    if args["restore-from-hbase-backup"] is not None and "hbase" not in given:
        absent.append("Hbase")
    if absent:
        raise ParamValidationError("Some of the steps require the following applications to "
                                   "be installed: %s. Please install the applications using "
                                   "--applications." % ", ".join(absent))


_LOG_TYPES = ("system-logs", "application-logs", "persistent-ui-logs")
_POLICIES = ("emr-managed", "on-customer-s3only", "disabled")


def check_s3_logging(monitoring: Mapping[str, Any], log_uri: str | None) -> None:
    """v2's rules for S3LoggingConfiguration's upload policies and `--log-uri`."""
    s3 = monitoring.get("S3LoggingConfiguration") if isinstance(monitoring, Mapping) else None
    policies = s3.get("LogTypeUploadPolicy") if isinstance(s3, Mapping) else None
    if not policies:
        return
    for log_type, policy in policies.items():
        if log_type not in _LOG_TYPES:
            raise ParamValidationError(
                "Invalid log type specified for the current S3LoggingConfiguration. "
                "Supported log types: system-logs, application-logs, persistent-ui-logs")
        if policy not in _POLICIES:
            raise ParamValidationError(
                "Invalid policy specified for the current S3LoggingConfiguration. "
                "Supported policies: emr-managed, on-customer-s3only, disabled")
        if log_type == "persistent-ui-logs" and policy == "on-customer-s3only":
            raise ParamValidationError(
                "Invalid policy for log type 'persistent-ui-logs'. Supported values for "
                "persistent-ui-logs: emr-managed, disabled")
    needs_uri = any(policies.get(kind) != "disabled"
                    for kind in ("system-logs", "application-logs"))
    has_uri = log_uri is not None and log_uri.strip() != ""
    if needs_uri and not has_uri:
        raise ParamValidationError(
            "A valid S3 location (LogUri) is required for the current S3LoggingConfiguration. "
            "Please specify an S3 bucket and try again.")
    if not needs_uri and has_uri:
        raise ParamValidationError(
            "LogUri must not be specified when system-logs and application-logs policies are "
            "both disabled in S3LoggingConfiguration")


def _put(target: dict, key: str, value: Any) -> None:
    if value:
        target[key] = value


def _extend(params: dict[str, Any], key: str, values: list) -> None:
    """v2's _update_cluster_dict: appended to what is there, else set when not empty."""
    if key in params:
        params[key] += values
    elif values:
        params[key] = values
