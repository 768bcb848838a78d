"""emr's steps and bootstrap actions: `--steps` values, the steps and actions that
install `--applications` on AMI-based clusters, and HBase's backup steps.

Takes the shorthand/JSON values as dicts (see `shapes.py`), the region and the
cluster's release label; returns the `StepConfig` and `BootstrapActionConfig`
dicts of the EMR API, as v2 builds them (`awscli/customizations/emr/steputils.py`,
`applicationutils.py`, `hbaseutils.py`, `hbase.py`, `emrutils.py`; the paths and
names below are v2's, as its `constants.py` has them). Pure: no I/O. Raises
ParamValidationError with v2's messages.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from awsmini.errors import ParamValidationError

CONTINUE, CANCEL_AND_WAIT, TERMINATE_CLUSTER = "CONTINUE", "CANCEL_AND_WAIT", "TERMINATE_CLUSTER"
COMMAND_RUNNER = "command-runner.jar"
SCRIPT_RUNNER_PATH = "/libs/script-runner/script-runner.jar"
HBASE_JAR = "/home/hadoop/lib/hbase.jar"
HBASE_MAIN = "emr.hbase.backup.Main"
_HIVE_SCRIPT, _HIVE_BASE = "/libs/hive/hive-script", "/libs/hive"
_PIG_SCRIPT, _PIG_BASE = "/libs/pig/pig-script", "/libs/pig"
_IMPALA_SETUP = "/libs/impala/setup-impala"
_STREAMING_JAR = "/home/hadoop/contrib/streaming/hadoop-streaming.jar"
_SPARK_SUBMIT = "/home/hadoop/spark/bin/spark-submit"

# step type -> (default name, the structure named when Args are missing)
_STEP_TYPES = {
    "custom_jar": ("Custom JAR", "CustomJARStepConfig"),
    "streaming": ("Streaming program", "StreamingStepConfig"),
    "hive": ("Hive program", "HiveStepConfig"),
    "pig": ("Pig program", "PigStepConfig"),
    "impala": ("Impala program", "ImpalaStepConfig"),
    "spark": ("Spark application", "SparkStepConfig"),
}


def missing(object_name: str, names: str) -> ParamValidationError:
    return ParamValidationError("The following required parameters are missing for "
                                "%s: %s." % (object_name, names))


def s3_link(relative_path: str = "", region: str | None = None) -> str:
    """v2's regional EMR bucket: `s3://us-east-1.elasticmapreduce/libs/...`."""
    return "s3://%s.elasticmapreduce%s" % (region or "us-east-1", relative_path)


def build_step(jar: str | None, name: str = "Step", action_on_failure: str = CONTINUE,
               args: Sequence[str] | None = None, main_class: str | None = None,
               properties: list | None = None, log_uri: str | None = None,
               encryption_key_arn: str | None = None) -> dict[str, Any]:
    """One StepConfig; empty values are left out, as v2 leaves them."""
    if not jar:
        raise missing("HadoopJarStep", "Jar")
    step: dict[str, Any] = {}
    _put(step, "Name", name)
    _put(step, "ActionOnFailure", action_on_failure)
    jar_step: dict[str, Any] = {"Jar": jar}
    _put(jar_step, "Args", args)
    _put(jar_step, "MainClass", main_class)
    _put(jar_step, "Properties", properties)
    step["HadoopJarStep"] = jar_step
    s3: dict[str, Any] = {}
    _put(s3, "LogUri", log_uri)
    _put(s3, "EncryptionKeyArn", encryption_key_arn)
    if s3:
        step["StepMonitoringConfiguration"] = {"S3MonitoringConfiguration": s3}
    return step


def build_bootstrap_action(path: str | None, name: str = "Bootstrap Action",
                           args: Sequence[str] | None = None) -> dict[str, Any]:
    if path is None:
        raise missing("ScriptBootstrapActionConfig", "Path")
    action: dict[str, Any] = {}
    _put(action, "Name", name)
    script: dict[str, Any] = {}
    _put(script, "Args", args)
    script["Path"] = path
    _put(action, "ScriptBootstrapAction", script)
    return action


def key_values(text: str | None) -> list[dict[str, str]] | None:
    """`k1=v1,k2,k3=v3` -> [{"Key": "k1", "Value": "v1"}, {"Key": "k2", "Value": ""}, ...]."""
    if text is None:
        return None
    return [_key_value(word) for word in text.split(",")]


def tags(words: Iterable[str] | None) -> list[dict[str, str]]:
    """`--tags k=v k2` -> the API's Tag list (a word without `=` has an empty value)."""
    return [_key_value(word) for word in words or ()]


def _key_value(word: str) -> dict[str, str]:
    key, _, value = word.partition("=")
    return {"Key": key, "Value": value}


def step_configs(steps: Iterable[Mapping[str, Any]], region: str | None,
                 release_label: str | None) -> list[dict[str, Any]]:
    """The StepConfigs of `--steps`, each built by its Type (custom JAR by default)."""
    return [_step_config(step, region, release_label) for step in steps]


def _step_config(step: Mapping[str, Any], region: str | None,
                 release_label: str | None) -> dict[str, Any]:
    kind = (step.get("Type") or "custom_jar").lower()
    if kind not in _STEP_TYPES or (kind == "impala" and release_label):
        raise ParamValidationError("The step type %s is not supported." % kind)
    default_name, structure = _STEP_TYPES[kind]
    common = {"name": _given(step, "Name", default_name),
              "action_on_failure": _given(step, "ActionOnFailure", CONTINUE),
              "log_uri": step.get("LogUri"),
              "encryption_key_arn": step.get("EncryptionKeyArn")}
    if kind == "custom_jar":
        if not step.get("Jar"):
            raise missing(structure, "Jar")
        return build_step(step.get("Jar"), args=step.get("Args"),
                          main_class=step.get("MainClass"),
                          properties=key_values(step.get("Properties")), **common)
    args = step.get("Args")
    if not args:
        raise missing(structure, "Args")
    if kind in ("streaming", "hive", "pig") and len(args) == 1 and args[0].strip() == "":
        raise ParamValidationError("The parameter Args cannot be an empty list.")
    jar, words = _program(kind, list(args), region, release_label)
    return build_step(jar, args=words, **common)


def _program(kind: str, args: list[str], region: str | None,
             release_label: str | None) -> tuple[str, list[str]]:
    """The JAR a step of `kind` runs and its arguments, which differ between
    release-label clusters (command-runner) and AMI-based ones (script-runner)."""
    runner = COMMAND_RUNNER if release_label else s3_link(SCRIPT_RUNNER_PATH, region)
    if kind == "streaming":
        if release_label:
            return COMMAND_RUNNER, ["hadoop-streaming"] + args
        return _STREAMING_JAR, args
    if kind in ("hive", "pig"):
        command = "%s-script" % kind
        script = _HIVE_SCRIPT if kind == "hive" else _PIG_SCRIPT
        words = [command] if release_label else [s3_link(script, region)]
        words.append("--run-%s-script" % kind)
        if not release_label:
            words += ["--%s-versions" % kind, "latest"]
        return runner, words + ["--args"] + args
    if kind == "impala":
        return (s3_link(SCRIPT_RUNNER_PATH, region),
                [s3_link(_IMPALA_SETUP, region), "--run-impala-script"] + args)
    return runner, [("spark-submit" if release_label else _SPARK_SUBMIT)] + args


def _given(step: Mapping[str, Any], key: str, default: str) -> Any:
    value = step.get(key)
    return default if value is None else value


def _put(target: dict, key: str, value: Any) -> None:
    if value:
        target[key] = value


# ------------------------------------------------------------ --applications on AMIs

def application_configs(applications: Iterable[Mapping[str, Any]], region: str | None,
                        ami_version: str | None = None
                        ) -> tuple[list[dict], list[dict], list[dict]]:
    """(NewSupportedProducts, BootstrapActions, Steps) that install `applications`
    on an AMI-based cluster."""
    products: list[dict] = []
    actions: list[dict] = []
    steps: list[dict] = []
    for application in applications:
        name = application["Name"].lower()
        args = application.get("Args")
        if name == "hive":
            steps.append(_install_step("Hive", region))
            site = next((arg for arg in args or () if "--hive-site" in arg), None)
            if site is not None:
                steps.append(_hive_site_step(site, region))
        elif name == "pig":
            steps.append(_install_step("Pig", region))
        elif name == "ganglia":
            actions.append(build_bootstrap_action(
                s3_link("/bootstrap-actions/install-ganglia", region), "Install Ganglia"))
        elif name == "hbase":
            actions.append(build_bootstrap_action(
                s3_link("/bootstrap-actions/setup-hbase", region), "Install HBase"))
            steps.append(_hbase_start_step(ami_version or ""))
        elif name == "impala":
            words = ["--base-path", s3_link(region=region), "--impala-version", "latest"]
            if args is not None:
                words += ["--impala-conf", ",".join(args)]
            actions.append(build_bootstrap_action(s3_link(_IMPALA_SETUP, region),
                                                  "Install Impala", words))
        else:
            products.append({"Name": name, "Args": list(args or [])})
    return products, actions, steps


def _install_step(application: str, region: str | None) -> dict[str, Any]:
    lower = application.lower()
    script, base = (_HIVE_SCRIPT, _HIVE_BASE) if lower == "hive" else (_PIG_SCRIPT, _PIG_BASE)
    return build_step(s3_link(SCRIPT_RUNNER_PATH, region), "Install %s" % application,
                      TERMINATE_CLUSTER,
                      [s3_link(script, region), "--install-%s" % lower, "--base-path",
                       s3_link(base, region), "--%s-versions" % lower, "latest"])


def _hive_site_step(site: str, region: str | None) -> dict[str, Any]:
    # v2 names no region in this step's base path: it is always us-east-1's
    return build_step(s3_link(SCRIPT_RUNNER_PATH, region),
                      "Install Hive Site Configuration", CANCEL_AND_WAIT,
                      [s3_link(_HIVE_SCRIPT, region), "--base-path", s3_link(_HIVE_BASE),
                       "--install-hive-site", site, "--hive-versions", "latest"])


def _hbase_start_step(ami_version: str) -> dict[str, Any]:
    # v2 compares the versions as strings
    if ami_version >= "3.0":
        jar = HBASE_JAR
    elif ami_version >= "2.1":
        jar = "/home/hadoop/lib/hbase-0.92.0.jar"
    else:
        raise ParamValidationError("AMI version %s is not compatible with HBase." % ami_version)
    return build_step(jar, "Start HBase", TERMINATE_CLUSTER, [HBASE_MAIN, "--start-master"])


# ------------------------------------------------------------------------ HBase

def hbase_restore_args(directory: str | None, backup_version: str | None = None) -> list:
    args = [HBASE_MAIN, "--restore", "--backup-dir", directory]
    if backup_version is not None:
        args += ["--backup-version", backup_version]
    return args


def hbase_step(name: str, args: list) -> dict[str, Any]:
    """A step of the HBase backup tool (backup, restore, schedule)."""
    return build_step(HBASE_JAR, name, CANCEL_AND_WAIT, args)
