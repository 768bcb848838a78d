"""emr's hand-written commands, declared as data.

v2 adds these to the service's operations, or puts them in place of the
operations of the same name (`describe-cluster`, `add-instance-groups`); see
`awscli/customizations/emr/emr.py` and the modules it registers. Their
arguments follow v2's argument tables (structured values read through the
shapes of `shapes.py`); the help text is awsmini's own. The runs live in
`run.py` (clusters, steps, HBase), `roles.py` (create-default-roles) and
`ssh.py` (ssh, socks, put, get); `cluster.py`, `steps.py` and `emrfs.py` build
the requests, `profile.py` reads the profile's `emr` settings.
"""
from __future__ import annotations

from typing import Any

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand, flag, option
from awsmini.commands.emr import shapes

DESCRIPTION = "Amazon EMR."
_RUN = "awsmini.commands.emr.run:"
_SSH = "awsmini.commands.emr.ssh:"


def _option(name: str, documentation: str, **kwargs: Any) -> ArgSpec:
    return option(name, "<p>%s</p>" % documentation, **kwargs)


def _structured(name: str, shape: str, documentation: str, **kwargs: Any) -> ArgSpec:
    """An option whose value is shorthand or JSON of `shape`; a list takes several words."""
    is_list = shapes.SHAPES[shape]["type"] == "list"
    return ArgSpec(name, "", shape, shapes.SHAPES[shape]["type"], is_cli_only=True,
                   nargs="+" if is_list else None,
                   documentation="<p>%s</p>" % documentation, **kwargs)


def _flag(name: str, documentation: str) -> ArgSpec:
    return flag(name, "<p>%s</p>" % documentation if documentation else "")


def _flags(name: str, documentation: str) -> tuple[ArgSpec, ArgSpec]:
    """`--x` and `--no-x`, two flags (both given is an error), documented together."""
    return _flag(name, documentation), _flag("no-" + name, "")


_CLUSTER_ID = _option("cluster-id", "The ID of the cluster (<code>j-</code> followed by 13 "
                      "characters): <code>emr list-clusters</code> lists them.",
                      is_required=True)
_KEY_PAIR_FILE = _option(
    "key-pair-file", "The private key file of the cluster's EC2 key pair, to log in with. "
    "Not needed when the profile names one: <code>aws configure set emr.key_pair_file "
    "PATH</code>.")
_SSH_OPTIONS = _option("ssh-options", "More options for <code>ssh</code> or <code>scp</code>, "
                       "each passed with <code>-o</code>: <code>--ssh-options "
                       "StrictHostKeyChecking=no ConnectTimeout=30</code>. OpenSSH only.",
                       nargs="+", type_name="list")
_STEPS_HELP = (
    "Steps to run, one word each, in shorthand (<code>Type=Spark,Name=job,"
    "ActionOnFailure=CONTINUE,Args=[--class,Main,s3://bucket/app.jar]</code>) or JSON. "
    "<code>Type</code> is <code>CUSTOM_JAR</code> (the default: give <code>Jar</code>, and "
    "<code>MainClass</code> and <code>Properties</code> as <code>k=v,k2=v2</code> if needed), "
    "<code>STREAMING</code>, <code>HIVE</code>, <code>PIG</code>, <code>IMPALA</code> (AMI "
    "versions only) or <code>SPARK</code>; all but custom JARs need <code>Args</code>. "
    "<code>ActionOnFailure</code> is <code>CONTINUE</code> unless given; <code>LogUri</code> "
    "and <code>EncryptionKeyArn</code> set where the step's logs go.")
_INSTANCE_GROUPS_HELP = (
    "The cluster's instance groups, one word each: <code>InstanceGroupType=MASTER,"
    "InstanceType=m5.xlarge,InstanceCount=1</code>. A group with a <code>BidPrice</code> "
    "is a Spot group (<code>BidPrice=OnDemandPrice</code> bids the On-Demand price); "
    "<code>EbsConfiguration</code>, <code>AutoScalingPolicy</code> (which needs "
    "<code>--auto-scaling-role</code>), <code>Configurations</code> and "
    "<code>CustomAmiId</code> are passed on.")

CREATE_CLUSTER = (
    "<p>Create an Amazon EMR cluster and print its ID and ARN. The release "
    "(<code>--release-label</code>, or <code>--ami-version</code> for old AMI-based "
    "clusters) and the instances (<code>--instance-type</code> with "
    "<code>--instance-count</code>, <code>--instance-groups</code> or "
    "<code>--instance-fleets</code>) must be given. The cluster stays up once its steps are "
    "done unless <code>--auto-terminate</code> is given, and is visible to all users of the "
    "account unless <code>--no-visible-to-all-users</code> is.</p>"
    "<p>The profile's <code>emr</code> settings <code>service_role</code>, "
    "<code>instance_profile</code>, <code>key_name</code>, <code>log_uri</code> and "
    "<code>enable_debugging</code> stand for the options not given.</p>")

_CREATE_CLUSTER_ARGS = (
    _option("release-label", "The EMR release the cluster runs, such as "
            "<code>emr-7.1.0</code>; it sets the applications' versions. Not with "
            "<code>--ami-version</code>."),
    _option("os-release-label", "The Amazon Linux release of the cluster's instances (the "
            "release's latest when not given)."),
    _option("ami-version", "For AMI-based clusters (releases before 4.0): the AMI version, "
            "such as <code>3.11.0</code>. Not with <code>--release-label</code>."),
    _structured("instance-groups", shapes.INSTANCE_GROUPS, _INSTANCE_GROUPS_HELP),
    _option("instance-type", "With <code>--instance-count</code>, a shortcut for "
            "<code>--instance-groups</code>: the EC2 instance type of every node."),
    _option("instance-count", "The number of nodes with <code>--instance-type</code>: one "
            "master node, and the others core nodes."),
    *_flags("auto-terminate", "Terminate the cluster once its last step is done "
            "(<code>--no-auto-terminate</code>, the default, keeps it waiting)."),
    _structured("instance-fleets", shapes.INSTANCE_FLEETS,
                "The cluster's instance fleets, one word each, in place of instance groups: "
                "<code>InstanceFleetType=MASTER,TargetOnDemandCapacity=1,"
                "InstanceTypeConfigs=[{InstanceType=m5.xlarge}]</code>."),
    _option("name", "The cluster's name.", default="Development Cluster"),
    _option("log-uri", "The S3 location the cluster's logs are written to."),
    _option("log-encryption-kms-key-id", "The KMS key that encrypts the logs at "
            "<code>--log-uri</code>."),
    _option("service-role", "The IAM role EMR acts as for the cluster (not with "
            "<code>--use-default-roles</code>)."),
    _option("auto-scaling-role", "The IAM role that automatic scaling of instance groups "
            "acts as, such as <code>EMR_AutoScaling_DefaultRole</code>."),
    _flag("use-default-roles", "Use the roles that <code>create-default-roles</code> creates: "
          "EMR_DefaultRole as the service role and EMR_EC2_DefaultRole as the instances' "
          "profile."),
    _option("configurations", "Application configurations as JSON (or "
            "<code>file://</code>): a list of objects with <code>Classification</code>, "
            "<code>Properties</code> and nested <code>Configurations</code>. Release-label "
            "clusters only."),
    _structured("ec2-attributes", shapes.EC2_ATTRIBUTES,
                "The instances' EC2 settings: <code>KeyName</code>, <code>SubnetId</code> or "
                "<code>SubnetIds</code>, <code>AvailabilityZone</code> or "
                "<code>AvailabilityZones</code> (not with a subnet), "
                "<code>InstanceProfile</code>, and the security groups "
                "(<code>EmrManagedMasterSecurityGroup</code>, "
                "<code>EmrManagedSlaveSecurityGroup</code>, "
                "<code>ServiceAccessSecurityGroup</code>, "
                "<code>AdditionalMasterSecurityGroups</code>, "
                "<code>AdditionalSlaveSecurityGroups</code>)."),
    *_flags("termination-protected", "Protect the cluster from being terminated by API "
            "calls, user intervention or errors."),
    *_flags("unhealthy-node-replacement", "Replace core nodes that become unhealthy."),
    _option("scale-down-behavior", "How instances are removed when the cluster shrinks: "
            "<code>TERMINATE_AT_INSTANCE_HOUR</code> or <code>TERMINATE_AT_TASK_COMPLETION"
            "</code>."),
    *_flags("visible-to-all-users", "Whether every IAM user of the account can see and "
            "manage the cluster (the default)."),
    *_flags("enable-debugging", "Set up Hadoop debugging, which needs "
            "<code>--log-uri</code>."),
    _structured("tags", shapes.TAGS, "Tags for the cluster, one word each: "
                "<code>key=value</code>, or <code>key</code> alone for an empty value."),
    _structured("bootstrap-actions", shapes.BOOTSTRAP_ACTIONS,
                "Scripts to run on each node as it starts, one word each: "
                "<code>Path=s3://bucket/setup.sh,Name=setup,Args=[a,b]</code> (16 at most)."),
    _structured("applications", shapes.APPLICATIONS,
                "Applications to install, one word each: <code>Name=Spark</code> "
                "<code>Name=Hive</code>; for AMI-based clusters, with their "
                "<code>Args</code>."),
    _structured("emrfs", shapes.EMRFS,
                "EMRFS settings: <code>Consistent</code>, <code>RetryCount</code>, "
                "<code>RetryPeriod</code>, <code>SSE</code>, <code>Encryption</code> "
                "(<code>ServerSide</code> or <code>ClientSide</code>, with "
                "<code>ProviderType=KMS</code> and <code>KMSKeyId</code>, or "
                "<code>ProviderType=Custom</code>, <code>CustomProviderLocation</code> and "
                "<code>CustomProviderClass</code>) and other properties as "
                "<code>Args=[key=value]</code>. Not with an <code>emrfs-site</code> "
                "configuration."),
    _structured("steps", shapes.STEPS, _STEPS_HELP),
    _option("additional-info", "More settings for the cluster, as a JSON string."),
    _structured("restore-from-hbase-backup", shapes.HBASE_RESTORE,
                "AMI-based clusters with HBase: restore the backup in <code>Dir</code> "
                "(<code>BackupVersion</code> picks one) as the cluster starts."),
    _option("security-configuration", "The name of the security configuration to apply."),
    _option("custom-ami-id", "A custom Amazon Linux AMI for the instances (release 5.7.0 and "
            "later)."),
    _option("ebs-root-volume-size", "The size, in GiB, of each instance's root EBS volume."),
    _option("ebs-root-volume-iops", "The IOPS of each instance's root EBS volume."),
    _option("ebs-root-volume-throughput", "The throughput, in MiB/s, of each instance's "
            "root EBS volume."),
    _option("repo-upgrade-on-boot", "With a custom AMI: <code>SECURITY</code> (the default) "
            "applies security updates as instances boot, <code>NONE</code> none."),
    _structured("kerberos-attributes", shapes.KERBEROS_ATTRIBUTES,
                "Kerberos settings, with a security configuration that enables Kerberos: "
                "<code>Realm</code>, <code>KdcAdminPassword</code>, and for cross-realm "
                "trust or Active Directory the other keys."),
    _option("step-concurrency-level", "How many steps may run at once (1 to 256; 1 unless "
            "given).", type_name="integer"),
    _option("step-execution-role-arn", "The IAM role that the cluster's steps run as."),
    _structured("managed-scaling-policy", shapes.MANAGED_SCALING_POLICY,
                "A managed scaling policy: <code>ComputeLimits={UnitType=Instances,"
                "MinimumCapacityUnits=2,MaximumCapacityUnits=10}</code>."),
    _structured("placement-group-configs", shapes.PLACEMENT_GROUP_CONFIGS,
                "Placement groups for the nodes, one word per role: "
                "<code>InstanceRole=MASTER,PlacementStrategy=SPREAD</code>."),
    _structured("auto-termination-policy", shapes.AUTO_TERMINATION_POLICY,
                "Terminate the cluster after it has been idle for "
                "<code>IdleTimeout</code> seconds (60 to 604800)."),
    _structured("monitoring-configuration", shapes.MONITORING_CONFIGURATION,
                "Where the cluster's logs are published: <code>CloudWatchLogConfiguration"
                "</code> and <code>S3LoggingConfiguration</code>, whose upload policies "
                "decide whether <code>--log-uri</code> is needed."),
    *_flags("extended-support", "Keep the cluster on extended support for its release."),
    *_flags("session-enabled", "Enable interactive sessions on the cluster."),
)

_HBASE_DIR = _option("dir", "The S3 location of the backups.", is_required=True)
_AMI_ONLY = ("<p>For AMI-based clusters only (AMI versions 2.x and 3.x); a cluster made "
             "with a release label refuses it.</p>")


def _hbase(name: str, description: str, arguments: tuple[ArgSpec, ...]) -> CustomCommand:
    return CustomCommand(name, "<p>%s</p>%s" % (description, _AMI_ONLY),
                         (_CLUSTER_ID, *arguments), _RUN + "run_" + name.replace("-", "_"))


def _remote(name: str, description: str, arguments: tuple[ArgSpec, ...]) -> CustomCommand:
    return CustomCommand(name, "<p>%s</p><p>Waits for a cluster that is still starting; the "
                         "command line run is printed first.</p>" % description,
                         (_CLUSTER_ID, _KEY_PAIR_FILE, *arguments),
                         _SSH + "run_" + name)


COMMANDS = {
    "add-instance-groups": CustomCommand(
        "add-instance-groups", "<p>Add instance groups to a running cluster and print their "
        "IDs.</p>",
        (_CLUSTER_ID, _structured("instance-groups", shapes.INSTANCE_GROUPS,
                                  _INSTANCE_GROUPS_HELP, is_required=True)),
        _RUN + "run_add_instance_groups", shapes=shapes.SHAPES),
    "add-steps": CustomCommand(
        "add-steps", "<p>Add steps to a cluster and print their IDs. How a step's program is "
        "run depends on whether the cluster was made with a release label.</p>",
        (_CLUSTER_ID, _structured("steps", shapes.STEPS, _STEPS_HELP, is_required=True),
         _option("execution-role-arn", "The IAM role the steps run as.")),
        _RUN + "run_add_steps", shapes=shapes.SHAPES),
    "create-cluster": CustomCommand("create-cluster", CREATE_CLUSTER, _CREATE_CLUSTER_ARGS,
                                    _RUN + "run_create_cluster", shapes=shapes.SHAPES),
    "create-default-roles": CustomCommand(
        "create-default-roles",
        "<p>Create the IAM roles that <code>create-cluster --use-default-roles</code> uses, "
        "where they are missing: EMR_EC2_DefaultRole (with its instance profile), "
        "EMR_DefaultRole and EMR_AutoScaling_DefaultRole, each with its AWS managed policy. "
        "Prints each role created with its policy.</p><p>When the profile's "
        "<code>emr</code> settings name neither <code>service_role</code> nor "
        "<code>instance_profile</code>, both are set to these roles in the config "
        "file.</p>",
        (_option("iam-endpoint", "The IAM endpoint to create the roles at, in place of IAM's "
                 "usual one.", loads_files=False),),
        "awsmini.commands.emr.roles:run"),
    "create-hbase-backup": _hbase("create-hbase-backup", "Add a step that backs HBase up to "
                                  "S3.", (_HBASE_DIR, _flag(
                                      "consistent", "Pause writes to HBase during the "
                                      "backup, for a consistent one."))),
    "describe-cluster": CustomCommand(
        "describe-cluster", "<p>Describe a cluster: its details, with its instance groups (or "
        "fleets) and its bootstrap actions.</p>", (_CLUSTER_ID,),
        _RUN + "run_describe_cluster"),
    "disable-hbase-backups": _hbase("disable-hbase-backups", "Add a step that stops "
                                    "scheduled HBase backups.", (
                                        _flag("full", "Stop the full backups."),
                                        _flag("incremental", "Stop the incremental "
                                              "backups."))),
    "get": _remote("get", "Copy a file from the cluster's master node with <code>scp</code>.", (
        _option("src", "The file's path on the master node.", is_required=True),
        _option("dest", "Where to put it here (its name, in this directory, unless given)."),
        _SSH_OPTIONS)),
    "install-applications": CustomCommand(
        "install-applications", "<p>Install applications on a running cluster: Hive and Pig "
        "only.</p>" + _AMI_ONLY,
        (_CLUSTER_ID, _structured("applications", shapes.APPLICATIONS,
                                  "The applications: <code>Name=Hive</code> "
                                  "<code>Name=Pig</code>.", is_required=True)),
        _RUN + "run_install_applications", shapes=shapes.SHAPES),
    "modify-cluster-attributes": CustomCommand(
        "modify-cluster-attributes", "<p>Change whether a cluster is visible to all users, "
        "protected from termination, terminated after its last step, and whether unhealthy "
        "nodes are replaced. Give at least one.</p>",
        (_CLUSTER_ID,
         *_flags("visible-to-all-users", "Make the cluster visible to every IAM user of "
                 "the account, or to its creator only."),
         *_flags("termination-protected", "Turn termination protection on or off."),
         *_flags("auto-terminate", "Terminate the cluster after its last step, or keep it "
                 "waiting."),
         *_flags("unhealthy-node-replacement", "Turn the replacement of unhealthy nodes on "
                 "or off.")),
        _RUN + "run_modify_cluster_attributes"),
    "put": _remote("put", "Copy a file to the cluster's master node with <code>scp</code>.", (
        _option("src", "The file here.", is_required=True),
        _option("dest", "Its path on the master node (its name, in the home directory, "
                "unless given)."),
        _SSH_OPTIONS)),
    "restore-from-hbase-backup": _hbase("restore-from-hbase-backup", "Add a step that "
                                        "restores HBase from a backup in S3.", (
                                            _HBASE_DIR, _option(
                                                "backup-version", "The backup to restore "
                                                "(the latest unless given)."))),
    "schedule-hbase-backup": _hbase("schedule-hbase-backup", "Add a step that schedules "
                                    "HBase backups.", (
        _option("type", "<code>full</code> or <code>incremental</code>.", is_required=True),
        _HBASE_DIR,
        _option("interval", "The time between backups, in <code>--unit</code>s.",
                is_required=True),
        _option("unit", "<code>minutes</code>, <code>hours</code> or <code>days</code>.",
                is_required=True),
        _option("start-time", "When the first backup runs, in ISO 8601 form "
                "(<code>2026-04-21T05:26:10Z</code>); now unless given."),
        _flag("consistent", "Pause writes to HBase during each backup, for consistent "
              "ones."))),
    "socks": _remote("socks", "Open a SOCKS proxy on local port 8157 through an SSH tunnel "
                     "to the master node; Ctrl-C closes it.", (_SSH_OPTIONS,)),
    "ssh": _remote("ssh", "Open an SSH session on the cluster's master node, or run one "
                   "command there.", (
                       _option("command", "A command to run on the master node."),
                       _SSH_OPTIONS)),
    "terminate-clusters": CustomCommand(
        "terminate-clusters", "<p>Terminate clusters: their steps stop, their instances end, "
        "and data not saved elsewhere (such as in S3) is lost.</p>",
        (_structured("cluster-ids", shapes.CLUSTER_IDS, "The IDs of the clusters.",
                     is_required=True),),
        _RUN + "run_terminate_clusters", shapes=shapes.SHAPES),
}
