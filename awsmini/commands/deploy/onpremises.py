"""`deploy register` and `deploy deregister`: an on-premises instance given to CodeDeploy
and taken back.

As v2's `awscli/customizations/codedeploy/register.py`, `deregister.py` and
`utils.py`. The region must be known (else v2's "Region not specified.", exit
253) and the instance name, tags and user ARN pass v2's checks (usage errors,
252) before anything is sent. Each step then prints what it does and, when it
is done, "DONE" and what it made; the IAM client does not take `--endpoint-url`
(that names CodeDeploy's). The first failure ends the steps: v2 prints "ERROR",
the error's text and a pointer to the user guide on stderr, and exits with 255.

`register` without `--iam-user-arn` makes an IAM user named after the instance
(path `/AWS/CodeDeploy/`), an access key, and a policy that reads S3, and writes
them to `codedeploy.onpremises.yml` in the current directory (mode 0600).
`deregister` removes the instance's tags, deregisters it, and deletes its user's
policies, access keys and the user, each "not found" taken as done.
"""
from __future__ import annotations

import os
import re
from typing import Any, Callable, Mapping

from awsmini.commands import Context
from awsmini.errors import ConfigurationError, ParamValidationError

CONFIG_FILE = "codedeploy.onpremises.yml"
POLICY_NAME = "codedeploy-agent"
# v2's text, as the user sees it printed and as IAM stores it
POLICY_DOCUMENT = ('{\n'
                   '    "Version": "2012-10-17",\n'
                   '    "Statement": [ {\n'
                   '        "Action": [ "s3:Get*", "s3:List*" ],\n'
                   '        "Effect": "Allow",\n'
                   '        "Resource": "*"\n'
                   '    } ]\n'
                   '}')
GUIDE = ('by following the instructions in "Configure Existing On-Premises Instances by '
         'Using AWS CodeDeploy" in the AWS CodeDeploy User Guide.\n')

_INSTANCE_NAME = re.compile(r"^[A-Za-z0-9+=,.@_-]+$")
_IAM_USER_ARN = re.compile(r"^arn:aws:iam::[0-9]{12}:user/[A-Za-z0-9/+=,.@_-]+$")
MAX_INSTANCE_NAME = 100
MAX_TAGS, MAX_TAG_KEY, MAX_TAG_VALUE = 10, 128, 256


# ------------------------------------------------------------------ checks (pure)

def check_instance_name(name: str) -> None:
    if not _INSTANCE_NAME.match(name):
        raise ParamValidationError("Instance name contains invalid characters.")
    if name.startswith("i-"):
        raise ParamValidationError("Instance name cannot start with 'i-'.")
    if len(name) > MAX_INSTANCE_NAME:
        raise ParamValidationError("Instance name cannot be longer than %d characters."
                                   % MAX_INSTANCE_NAME)


def check_tags(tags: list[Mapping[str, str]] | None) -> None:
    if not tags:
        return
    if len(tags) > MAX_TAGS:
        raise ParamValidationError("Instances can only have a maximum of %d tags." % MAX_TAGS)
    for tag in tags:
        if len(tag["Key"]) > MAX_TAG_KEY:
            raise ParamValidationError("Tag Key cannot be longer than %d characters."
                                       % MAX_TAG_KEY)
        if len(tag["Value"]) > MAX_TAG_VALUE:
            raise ParamValidationError("Tag Value cannot be longer than %d characters."
                                       % MAX_TAG_VALUE)


def check_iam_user_arn(arn: str | None) -> None:
    if arn and not _IAM_USER_ARN.match(arn):
        raise ParamValidationError("Invalid IAM user ARN.")


def required_region(context: Context) -> str:
    """The region the commands work in: `--region` or the profile's, else v2's error."""
    from awsmini.session import session_region

    region = session_region(context.options, context.env.environ, context.session())
    if not region:
        raise ConfigurationError("Region not specified.")
    return region


def config_text(region: str, user_arn: str, key_id: str, secret: str) -> str:
    """The on-premises configuration file that `deploy install` takes."""
    return ("---\nregion: %s\niam_user_arn: %s\naws_access_key_id: %s\n"
            "aws_secret_access_key: %s\n" % (region, user_arn, key_id, secret))


def steps_failed(context: Context, error: BaseException, what: str) -> int:
    """v2's report of a failed step, on stderr after what stdout has so far: 255."""
    context.env.stdout.flush()
    context.warn("ERROR\n%s\n%s the on-premises instance %s" % (error, what, GUIDE))
    return 255


# ------------------------------------------------------------------ register

def register(args: Mapping[str, Any], context: Context) -> int:
    region = required_region(context)
    name = args["instance-name"]
    check_instance_name(name)
    check_tags(args["tags"])
    check_iam_user_arn(args["iam-user-arn"])
    codedeploy = context.client("codedeploy", region=region)
    iam = context.other_service_client("iam", region=region)
    write = context.write
    try:
        user_arn = args["iam-user-arn"]
        if not user_arn:
            user_arn = _make_user(iam, name, region, write)
        write("Registering the on-premises instance... ")
        codedeploy.register_on_premises_instance(instanceName=name, iamUserArn=user_arn)
        write("DONE\n")
        if args["tags"]:
            write("Adding tags to the on-premises instance... ")
            codedeploy.add_tags_to_on_premises_instances(tags=args["tags"],
                                                         instanceNames=[name])
            write("DONE\n")
    except Exception as error:  # v2 reports every failure of a step alike
        return steps_failed(context, error, "Register")
    write("Copy the on-premises configuration file named %s to the on-premises instance, "
          "and run the following command on the on-premises instance to install and "
          "configure the AWS CodeDeploy Agent:\naws deploy install --config-file %s\n"
          % (CONFIG_FILE, CONFIG_FILE))
    return 0


def _make_user(iam: Any, name: str, region: str, write: Callable[[str], None]) -> str:
    """The IAM user, its key and policy, and the configuration file; the user's ARN."""
    write("Creating the IAM user... ")
    user_arn = iam.create_user(Path="/AWS/CodeDeploy/", UserName=name)["User"]["Arn"]
    write("DONE\nIamUserArn: %s\n" % user_arn)
    write("Creating the IAM user access key... ")
    key = iam.create_access_key(UserName=name)["AccessKey"]
    write("DONE\nAccessKeyId: %s\nSecretAccessKey: %s\n"
          % (key["AccessKeyId"], key["SecretAccessKey"]))
    write("Creating the IAM user policy... ")
    iam.put_user_policy(UserName=name, PolicyName=POLICY_NAME, PolicyDocument=POLICY_DOCUMENT)
    write("DONE\nPolicyName: %s\nPolicyDocument: %s\n" % (POLICY_NAME, POLICY_DOCUMENT))
    # v2 prints no space before "DONE" on this step alone
    write("Creating the on-premises instance configuration file named %s..." % CONFIG_FILE)
    try:
        descriptor = os.open(CONFIG_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as stream:
            os.chmod(CONFIG_FILE, 0o600)
            stream.write(config_text(region, user_arn, key["AccessKeyId"],
                                     key["SecretAccessKey"]))
    except OSError as error:
        raise RuntimeError("Failed to create config file %s: %s" % (CONFIG_FILE, error)) \
            from error
    write("DONE\n")
    return user_arn


# ------------------------------------------------------------------ deregister

def deregister(args: Mapping[str, Any], context: Context) -> int:
    region = required_region(context)
    name = args["instance-name"]
    check_instance_name(name)
    codedeploy = context.client("codedeploy", region=region)
    iam = context.other_service_client("iam", region=region)
    write = context.write
    try:
        write("Retrieving on-premises instance information... ")
        info = codedeploy.get_on_premises_instance(instanceName=name)["instanceInfo"]
        user_arn, tags = info["iamUserArn"], info["tags"]
        user = user_arn[user_arn.rfind("/") + 1:]
        write("DONE\nIamUserArn: %s\n" % user_arn)
        if tags:
            write("Tags:%s\n" % "".join(" Key=%s,Value=%s" % (tag["Key"], tag["Value"])
                                        for tag in tags))
            write("Removing tags from the on-premises instance... ")
            codedeploy.remove_tags_from_on_premises_instances(tags=tags, instanceNames=[name])
            write("DONE\n")
        write("Deregistering the on-premises instance... ")
        codedeploy.deregister_on_premises_instance(instanceName=name)
        write("DONE\n")
        if not args["no-delete-iam-user"]:
            _delete_user(iam, user, write)
    except Exception as error:  # v2 reports every failure of a step alike
        return steps_failed(context, error, "Deregister")
    write("Run the following command on the on-premises instance to uninstall the "
          "codedeploy-agent:\naws deploy uninstall\n")
    return 0


def _delete_user(iam: Any, user: str, write: Callable[[str], None]) -> None:
    write("Deleting the IAM user policies... ")
    with _unless_gone():
        for page in iam.get_paginator("list_user_policies").paginate(UserName=user):
            for policy in page["PolicyNames"]:
                iam.delete_user_policy(UserName=user, PolicyName=policy)
    write("DONE\n")
    write("Deleting the IAM user access keys... ")
    with _unless_gone():
        for page in iam.get_paginator("list_access_keys").paginate(UserName=user):
            for key in page["AccessKeyMetadata"]:
                iam.delete_access_key(UserName=user, AccessKeyId=key["AccessKeyId"])
    write("DONE\n")
    write("Deleting the IAM user (%s)... " % user)
    with _unless_gone():
        iam.delete_user(UserName=user)
    write("DONE\n")


class _unless_gone:
    """IAM's NoSuchEntity taken as the step done (the user or its parts are gone already)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, error: Any, trace: Any) -> bool:
        from botocore.exceptions import ClientError

        return (isinstance(error, ClientError)
                and error.response.get("Error", {}).get("Code") == "NoSuchEntity")
