"""The runs of emr's hand-written cluster and step commands.

Each takes the converted arguments and the `Context`, makes v2's calls and prints
what v2 prints, through the output formats, `--query` and the pager like any
response (v2's emrutils.display_response; the table's title is the name v2
gives). The requests are built by the pure modules beside this one; v2's
sources are `awscli/customizations/emr/createcluster.py`, `describecluster.py`,
`terminateclusters.py`, `addsteps.py`, `addinstancegroups.py`,
`modifyclusterattributes.py`, `installapplications.py`, `hbase.py` and
`command.py` (the release-label check).
"""
from __future__ import annotations

from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.emr import cluster, steps
from awsmini.commands.emr.profile import apply_settings
from awsmini.errors import ParamValidationError

# v2's commands for AMI-based clusters only: they ask the cluster's release first
_AMI_ONLY = ("install-applications", "restore-from-hbase-backup", "schedule-hbase-backup",
             "create-hbase-backup", "disable-hbase-backups")
_INSTALLABLE = ("HIVE", "PIG")
_APPLICATIONS = ("HIVE", "PIG", "HBASE", "GANGLIA", "IMPALA", "SPARK", "MAPR", "MAPR_M3",
                 "MAPR_M5", "MAPR_M7")


def display(context: Context, title: str, document: Any) -> None:
    """Print `document` as v2 prints a response (v2's emrutils.display_response)."""
    context.display(title, document)


def call(context: Context, api_name: str, params: Mapping[str, Any]) -> dict:
    """One EMR call; its response without `ResponseMetadata`."""
    from botocore import xform_name

    from awsmini.call import translate_errors

    with translate_errors():
        response = getattr(context.client("emr"), xform_name(api_name))(**params)
    response.pop("ResponseMetadata", None)
    return response


def call_and_display(context: Context, api_name: str, params: Mapping[str, Any]) -> None:
    display(context, api_name, call(context, api_name, params))


def region(context: Context) -> str | None:
    """`--region`, else the profile's or the environment's region (None when unset)."""
    from awsmini.commands.presigned import session_region

    return session_region(context, context.session())


def release_label(context: Context, cluster_id: str) -> str | None:
    return call(context, "DescribeCluster", {"ClusterId": cluster_id}).get(
        "Cluster", {}).get("ReleaseLabel")


def _check_ami_cluster(name: str, cluster_id: str, context: Context) -> None:
    label = release_label(context, cluster_id)
    if label:
        raise ParamValidationError("%s is not supported with '%s' release." % (name, label))


# --------------------------------------------------------------------- commands

def run_create_cluster(args: Mapping[str, Any], context: Context) -> int:
    skipped = ("service_role", "instance_profile") if args["use-default-roles"] else ()
    args = apply_settings(args, context.settings, skipped)
    params = cluster.run_job_flow_parameters(args, region(context))
    response = call(context, "RunJobFlow", params)
    result = ({"ClusterId": response["JobFlowId"], "ClusterArn": response.get("ClusterArn")}
              if response.get("JobFlowId") is not None else {})
    display(context, "run_job_flow", result)
    return 0


def run_describe_cluster(args: Mapping[str, Any], context: Context) -> int:
    ids = {"ClusterId": args["cluster-id"]}
    result = call(context, "DescribeCluster", ids)
    described = result.get("Cluster") or {}
    is_fleets = described.get("InstanceCollectionType") == "INSTANCE_FLEET"
    members = call(context, "ListInstanceFleets" if is_fleets else "ListInstanceGroups", ids)
    actions = call(context, "ListBootstrapActions", ids)
    # v2's order: BootstrapActions first set empty, the groups or fleets after it
    result.setdefault("Cluster", {})["BootstrapActions"] = []
    key = "InstanceFleets" if is_fleets else "InstanceGroups"
    if members.get(key) is not None:
        result["Cluster"][key] = members[key]
    if actions.get("BootstrapActions") is not None:
        result["Cluster"]["BootstrapActions"] = actions["BootstrapActions"]
    display(context, "describe_cluster", result)
    return 0


def run_terminate_clusters(args: Mapping[str, Any], context: Context) -> int:
    call_and_display(context, "TerminateJobFlows", {"JobFlowIds": args["cluster-ids"]})
    return 0


def run_add_steps(args: Mapping[str, Any], context: Context) -> int:
    label = release_label(context, args["cluster-id"])
    params: dict[str, Any] = {"JobFlowId": args["cluster-id"],
                              "Steps": steps.step_configs(args["steps"], region(context),
                                                          label)}
    if args["execution-role-arn"] is not None:
        params["ExecutionRoleArn"] = args["execution-role-arn"]
    call_and_display(context, "AddJobFlowSteps", params)
    return 0


def run_add_instance_groups(args: Mapping[str, Any], context: Context) -> int:
    response = call(context, "AddInstanceGroups", {
        "JobFlowId": args["cluster-id"],
        "InstanceGroups": cluster.instance_groups(args["instance-groups"])})
    result: dict[str, Any] = {}
    if response.get("JobFlowId") is not None and response.get("InstanceGroupIds") is not None:
        result = {"ClusterId": response["JobFlowId"],
                  "InstanceGroupIds": response["InstanceGroupIds"],
                  "ClusterArn": response.get("ClusterArn")}
    display(context, "add_instance_groups", result)
    return 0


# (flag, the operation that sets it, its parameter, whether the flag means False)
_ATTRIBUTES = (
    ("visible-to-all-users", "SetVisibleToAllUsers", "VisibleToAllUsers", False),
    ("termination-protected", "SetTerminationProtection", "TerminationProtected", False),
    ("auto-terminate", "SetKeepJobFlowAliveWhenNoSteps", "KeepJobFlowAliveWhenNoSteps", True),
    ("unhealthy-node-replacement", "SetUnhealthyNodeReplacement", "UnhealthyNodeReplacement",
     False),
)


def run_modify_cluster_attributes(args: Mapping[str, Any], context: Context) -> int:
    for flag, _, _, _ in _ATTRIBUTES:
        if args[flag] and args["no-" + flag]:
            raise cluster.exclusive("--" + flag, "--no-" + flag)
    if not any(args[flag] or args["no-" + flag] for flag, _, _, _ in _ATTRIBUTES):
        raise ParamValidationError(
            "Must specify one of the following boolean options: "
            "--visible-to-all-users|--no-visible-to-all-users, "
            "--termination-protected|--no-termination-protected, "
            "--auto-terminate|--no-auto-terminate, "
            "--unhealthy-node-replacement|--no-unhealthy-node-replacement.")
    for flag, api_name, member, is_inverted in _ATTRIBUTES:
        if args[flag] or args["no-" + flag]:
            value = bool(args[flag])
            call_and_display(context, api_name, {"JobFlowIds": [args["cluster-id"]],
                                                 member: not value if is_inverted else value})
    return 0


def run_install_applications(args: Mapping[str, Any], context: Context) -> int:
    _check_ami_cluster("install-applications", args["cluster-id"], context)
    for application in args["applications"]:
        name = str(application.get("Name"))
        if name.upper() not in _APPLICATIONS:
            raise ParamValidationError("Unknown application: %s. 'Name' should be one of the "
                                       "following: %s" % (name, ", ".join(_APPLICATIONS)))
        if name.upper() not in _INSTALLABLE:
            raise ParamValidationError("%s cannot be installed on a running cluster. 'Name' "
                                       "should be one of the following: %s"
                                       % (name, ", ".join(_INSTALLABLE)))
    _, _, install_steps = steps.application_configs(args["applications"], region(context))
    call_and_display(context, "AddJobFlowSteps", {"JobFlowId": args["cluster-id"],
                                                  "Steps": install_steps})
    return 0


def _add_hbase_step(context: Context, cluster_id: str, name: str, words: list) -> int:
    call_and_display(context, "AddJobFlowSteps", {"JobFlowId": cluster_id,
                                                  "Steps": [steps.hbase_step(name, words)]})
    return 0


def run_restore_from_hbase_backup(args: Mapping[str, Any], context: Context) -> int:
    _check_ami_cluster("restore-from-hbase-backup", args["cluster-id"], context)
    return _add_hbase_step(context, args["cluster-id"], "Restore HBase",
                           steps.hbase_restore_args(args["dir"], args["backup-version"]))


def run_create_hbase_backup(args: Mapping[str, Any], context: Context) -> int:
    _check_ami_cluster("create-hbase-backup", args["cluster-id"], context)
    words = [steps.HBASE_MAIN, "--backup", "--backup-dir", args["dir"]]
    if args["consistent"]:
        words.append("--consistent")
    return _add_hbase_step(context, args["cluster-id"], "Backup HBase", words)


def run_schedule_hbase_backup(args: Mapping[str, Any], context: Context) -> int:
    _check_ami_cluster("schedule-hbase-backup", args["cluster-id"], context)
    kind, unit = args["type"].lower(), args["unit"].lower()
    if kind not in ("full", "incremental"):
        raise ParamValidationError("invalid type. type should be either full or incremental.")
    if unit not in ("minutes", "hours", "days"):
        raise ParamValidationError("invalid unit. unit should be one of the following "
                                   "values: minutes, hours or days.")
    words = [steps.HBASE_MAIN, "--set-scheduled-backup", "true", "--backup-dir", args["dir"]]
    if args["consistent"]:
        words.append("--consistent")
    words += ["--%s-backup-time-interval" % kind, args["interval"],
              "--%s-backup-time-unit" % kind, unit,
              "--start-time", args["start-time"] if args["start-time"] is not None else "now"]
    return _add_hbase_step(context, args["cluster-id"], "Modify Backup Schedule", words)


def run_disable_hbase_backups(args: Mapping[str, Any], context: Context) -> int:
    _check_ami_cluster("disable-hbase-backups", args["cluster-id"], context)
    if not args["full"] and not args["incremental"]:
        raise ParamValidationError("Should specify at least one of --full and --incremental.")
    words = [steps.HBASE_MAIN, "--set-scheduled-backup", "false"]
    if args["full"]:
        words.append("--disable-full-backups")
    if args["incremental"]:
        words.append("--disable-incremental-backups")
    return _add_hbase_step(context, args["cluster-id"], "Modify Backup Schedule", words)
