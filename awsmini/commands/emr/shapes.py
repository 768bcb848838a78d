"""The value shapes of emr's hand-written arguments, in `service-2.json`'s form.

v2 declares these arguments' values as JSON schemas (`awscli/customizations/emr/
argumentschema.py`) and reads them as model shapes: shorthand, JSON and `file://`
values, numbers and booleans converted by member type. Only what changes a
value's reading is kept here: each member's type, and the names that help lists.
Pure data: built once at import, from the small constructors below.
"""
from __future__ import annotations

from typing import Any

SHAPES: dict[str, Any] = {
    "String": {"type": "string"},
    "Integer": {"type": "integer"},
    "Long": {"type": "long"},
    "Double": {"type": "double"},
    "Boolean": {"type": "boolean"},
    "StringList": {"type": "list", "member": {"shape": "String"}},
}


def _structure(name: str, required: tuple[str, ...] = (), **members: str) -> str:
    SHAPES[name] = {"type": "structure", "required": list(required),
                    "members": {member: {"shape": shape} for member, shape in members.items()}}
    return name


def _list(name: str, member: str) -> str:
    SHAPES[name] = {"type": "list", "member": {"shape": member}}
    return name


def _map(name: str, value: str) -> str:
    SHAPES[name] = {"type": "map", "key": {"shape": "String"}, "value": {"shape": value}}
    return name


def _enum(name: str, *values: str) -> str:
    SHAPES[name] = {"type": "string", "enum": list(values)}
    return name


_ROLE = _enum("InstanceRoleType", "MASTER", "CORE", "TASK")
_PROPERTIES = _map("ConfigurationProperties", "String")
_INNER = _list("InnerConfigurations", _structure(
    "InnerConfiguration", Classification="String", Properties=_PROPERTIES))
_CONFIGURATIONS = _list("Configurations", _structure(
    "Configuration", Classification="String", Properties=_PROPERTIES,
    Configurations=_INNER))

_EBS = _structure(
    "EbsConfiguration", EbsOptimized="Boolean",
    EbsBlockDeviceConfigs=_list("EbsBlockDeviceConfigs", _structure(
        "EbsBlockDeviceConfig",
        VolumeSpecification=_structure(
            "VolumeSpecification", ("VolumeType", "SizeInGB"), VolumeType="String",
            SizeInGB="Integer", Iops="Integer", Throughput="Integer"),
        VolumesPerInstance="Integer")))

_ALARM = _structure(
    "CloudWatchAlarmDefinition", ComparisonOperator="String", EvaluationPeriods="Integer",
    MetricName="String", Namespace="String", Period="Integer", Statistic="String",
    Threshold="Double", Unit="String",
    Dimensions=_list("MetricDimensions", _structure(
        "MetricDimension", Key="String", Value="String")))
_AUTO_SCALING = _structure(
    "AutoScalingPolicy",
    Constraints=_structure("ScalingConstraints", MinCapacity="Integer",
                           MaxCapacity="Integer"),
    Rules=_list("ScalingRules", _structure(
        "ScalingRule", Name="String", Description="String",
        Action=_structure(
            "ScalingAction", Market=_enum("MarketType", "ON_DEMAND", "SPOT"),
            SimpleScalingPolicyConfiguration=_structure(
                "SimpleScalingPolicyConfiguration",
                AdjustmentType=_enum("AdjustmentType", "CHANGE_IN_CAPACITY",
                                     "PERCENT_CHANGE_IN_CAPACITY", "EXACT_CAPACITY"),
                ScalingAdjustment="Integer", CoolDown="Integer")),
        Trigger=_structure("ScalingTrigger", CloudWatchAlarmDefinition=_ALARM))))

INSTANCE_GROUPS = _list("InstanceGroups", _structure(
    "InstanceGroup", ("InstanceGroupType", "InstanceType", "InstanceCount"),
    Name="String", InstanceGroupType=_ROLE, BidPrice="String", InstanceType="String",
    InstanceCount="Integer", CustomAmiId="String", EbsConfiguration=_EBS,
    AutoScalingPolicy=_AUTO_SCALING, Configurations=_CONFIGURATIONS))

_SPOT_STRATEGY = _enum("SpotAllocationStrategy", "capacity-optimized",
                       "price-capacity-optimized", "lowest-price", "diversified",
                       "capacity-optimized-prioritized")
_ON_DEMAND_STRATEGY = _enum("OnDemandAllocationStrategy", "lowest-price", "prioritized")
_RESERVATIONS = _structure(
    "OnDemandCapacityReservationOptions",
    UsageStrategy=_enum("OnDemandCapacityReservationUsageStrategy",
                        "use-capacity-reservations-first"),
    CapacityReservationPreference=_enum("OnDemandCapacityReservationPreference",
                                        "open", "none"),
    CapacityReservationResourceGroupArn="String")
INSTANCE_FLEETS = _list("InstanceFleets", _structure(
    "InstanceFleet", ("InstanceFleetType",),
    Name="String", InstanceFleetType=_ROLE, TargetOnDemandCapacity="Integer",
    TargetSpotCapacity="Integer",
    InstanceTypeConfigs=_list("InstanceTypeConfigs", _structure(
        "InstanceTypeConfig", ("InstanceType",), InstanceType="String",
        WeightedCapacity="Integer", BidPrice="String",
        BidPriceAsPercentageOfOnDemandPrice="Double", CustomAmiId="String",
        Priority="Double", EbsConfiguration=_EBS, Configurations=_CONFIGURATIONS)),
    LaunchSpecifications=_structure(
        "InstanceFleetProvisioningSpecifications",
        OnDemandSpecification=_structure(
            "OnDemandProvisioningSpecification", AllocationStrategy=_ON_DEMAND_STRATEGY,
            CapacityReservationOptions=_RESERVATIONS),
        SpotSpecification=_structure(
            "SpotProvisioningSpecification", TimeoutDurationMinutes="Integer",
            TimeoutAction=_enum("SpotProvisioningTimeoutAction", "TERMINATE_CLUSTER",
                                "SWITCH_TO_ONDEMAND"),
            BlockDurationMinutes="Integer", AllocationStrategy=_SPOT_STRATEGY)),
    ResizeSpecifications=_structure(
        "InstanceFleetResizingSpecifications",
        SpotResizeSpecification=_structure(
            "SpotResizingSpecification", TimeoutDurationMinutes="Integer",
            AllocationStrategy=_SPOT_STRATEGY),
        OnDemandResizeSpecification=_structure(
            "OnDemandResizingSpecification", TimeoutDurationMinutes="Integer",
            AllocationStrategy=_ON_DEMAND_STRATEGY,
            CapacityReservationOptions=_RESERVATIONS)),
    Context="String"))

EC2_ATTRIBUTES = _structure(
    "Ec2Attributes", KeyName="String", SubnetId="String", SubnetIds="StringList",
    AvailabilityZone="String", AvailabilityZones="StringList", InstanceProfile="String",
    EmrManagedMasterSecurityGroup="String", EmrManagedSlaveSecurityGroup="String",
    ServiceAccessSecurityGroup="String", AdditionalMasterSecurityGroups="StringList",
    AdditionalSlaveSecurityGroups="StringList")

APPLICATIONS = _list("Applications", _structure(
    "Application", ("Name",), Name="String", Args="StringList"))

BOOTSTRAP_ACTIONS = _list("BootstrapActions", _structure(
    "BootstrapAction", ("Path",), Name="String", Path="String", Args="StringList"))

STEPS = _list("Steps", _structure(
    "Step", Type=_enum("StepType", "CUSTOM_JAR", "STREAMING", "HIVE", "PIG", "IMPALA"),
    Name="String",
    ActionOnFailure=_enum("ActionOnFailure", "TERMINATE_CLUSTER", "CANCEL_AND_WAIT",
                          "CONTINUE"),
    Jar="String", Args="StringList", MainClass="String", Properties="String",
    LogUri="String", EncryptionKeyArn="String"))

HBASE_RESTORE = _structure("HBaseRestoreFromBackup", Dir="String", BackupVersion="String")

EMRFS = _structure(
    "Emrfs", Consistent="Boolean", SSE="Boolean", RetryCount="Integer",
    RetryPeriod="Integer", Args="StringList",
    Encryption=_enum("EmrfsEncryption", "SERVERSIDE", "CLIENTSIDE"),
    ProviderType=_enum("EmrfsProviderType", "KMS", "CUSTOM"), KMSKeyId="String",
    CustomProviderLocation="String", CustomProviderClass="String")

TAGS = "StringList"
CLUSTER_IDS = "StringList"

KERBEROS_ATTRIBUTES = _structure(
    "KerberosAttributes", Realm="String", KdcAdminPassword="String",
    CrossRealmTrustPrincipalPassword="String", ADDomainJoinUser="String",
    ADDomainJoinPassword="String")

MANAGED_SCALING_POLICY = _structure(
    "ManagedScalingPolicy",
    ComputeLimits=_structure(
        "ComputeLimits", ("MinimumCapacityUnits", "MaximumCapacityUnits", "UnitType"),
        MinimumCapacityUnits="Integer", MaximumCapacityUnits="Integer",
        MaximumOnDemandCapacityUnits="Integer",
        UnitType=_enum("ComputeLimitsUnitType", "VCPU", "Instances", "InstanceFleetUnits"),
        MaximumCoreCapacityUnits="Integer"),
    ScalingStrategy=_enum("ScalingStrategy", "DEFAULT", "ADVANCED"),
    UtilizationPerformanceIndex="Integer")

PLACEMENT_GROUP_CONFIGS = _list("PlacementGroupConfigs", _structure(
    "PlacementGroupConfig", ("InstanceRole",), InstanceRole=_ROLE,
    PlacementStrategy=_enum("PlacementGroupStrategy", "SPREAD", "PARTITION", "CLUSTER",
                            "NONE")))

AUTO_TERMINATION_POLICY = _structure("AutoTerminationPolicy", IdleTimeout="Long")

MONITORING_CONFIGURATION = _structure(
    "MonitoringConfiguration",
    CloudWatchLogConfiguration=_structure(
        "CloudWatchLogConfiguration", ("Enabled",), Enabled="Boolean",
        LogGroupName="String", LogStreamNamePrefix="String", EncryptionKeyArn="String",
        LogTypes=_map("LogTypes", "StringList")),
    S3LoggingConfiguration=_structure(
        "S3LoggingConfiguration", LogTypeUploadPolicy=_map("LogTypeUploadPolicy", "String")))
