"""`cloudformation deploy`: a change set made, waited for, executed and waited for.

Follows v2's `cloudformation/deploy.py` and `deployer.py`. The stack is new
(change set type CREATE) when DescribeStacks does not know it or it is still
REVIEW_IN_PROGRESS; otherwise the change set is an UPDATE. Every parameter the
template declares is passed: overridden ones with their value, the others as
`UsePreviousValue` -- left out for a new stack, and for parameters the stack
does not have yet (GetTemplateSummary says which it has). A template over
51,200 bytes must go through `--s3-bucket`; with a bucket, any template does.

The waits use v2's waiter settings (`CHANGE_SET_DELAY`, `STACK_DELAY` and
`STACK_MAX_ATTEMPTS`: v2 has no way to change them); a waiter's first poll
is immediate, so a service that answers at once is not waited for. What
deploy prints on stdout and its exit codes are v2's: 0 for an empty change
set unless `--fail-on-empty-changeset`, 255 for failures of its own.
"""
from __future__ import annotations

import datetime
import os
import time
from typing import Any, Mapping

from awsmini.commands import Context
from awsmini.commands.cloudformation import archive
from awsmini.commands.cloudformation.parameters import (parse_key_values, parse_overrides,
                                                        template_parameters)
from awsmini.commands.cloudformation.templates import parse_template
from awsmini.commands.cloudformation.uploader import S3Uploader, s3_client
from awsmini.errors import OtherError

CHANGE_SET_DELAY = 5  # seconds between DescribeChangeSet polls (v2's)
STACK_DELAY = 30  # seconds between DescribeStacks polls while the stack changes (v2's)
STACK_MAX_ATTEMPTS = 120
MAX_TEMPLATE_BODY = 51200  # bytes; bigger templates must go through S3
CHANGE_SET_PREFIX = "awscli-cloudformation-package-deploy-"

INVALID_TEMPLATE_PATH = "Invalid template path {path}"
BUCKET_REQUIRED = ("Templates with a size greater than 51,200 bytes must be deployed via an S3 "
                   "Bucket. Please add the --s3-bucket parameter to your command. The local "
                   "template will be copied to that S3 bucket and then deployed.")
WAITING_FOR_CHANGE_SET = "\nWaiting for changeset to be created..\n"
WAITING_FOR_STACK = "Waiting for stack create/update to complete\n"
SUCCESS = "Successfully created/updated stack - {stack}\n"
NOT_EXECUTED = ("Changeset created successfully. Run the following command to review changes:\n"
                "aws cloudformation describe-change-set --change-set-name {change_set}\n")
DEPLOY_FAILED = ("Failed to create/update the stack. Run the following command\n"
                 "to fetch the list of events leading up to the failure\n"
                 "aws cloudformation describe-stack-events --stack-name {stack}")


class EmptyChangeSet(OtherError):
    """The change set holds no changes: the stack is up to date."""

    def __init__(self, stack: str) -> None:
        super().__init__("No changes to deploy. Stack %s is up to date" % stack)


def run(args: Mapping[str, Any], context: Context) -> int:
    client = context.client("cloudformation")
    path = context.env.path(args["template-file"])
    if not os.path.isfile(path):
        raise OtherError(INVALID_TEMPLATE_PATH.format(path=path))
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    template = parse_template(text)
    size = os.path.getsize(path)
    stack = args["stack-name"]
    overrides = parse_overrides(args["parameter-overrides"])
    tags = [{"Key": key, "Value": value}
            for key, value in parse_key_values(args["tags"] or [], "tags").items()]
    parameters = template_parameters(template, overrides)
    if size > MAX_TEMPLATE_BODY and not args["s3-bucket"]:
        raise OtherError(BUCKET_REQUIRED)
    uploader = None
    if args["s3-bucket"]:
        uploader = S3Uploader(s3_client(context), args["s3-bucket"], args["s3-prefix"],
                              args["kms-key-id"], args["force-upload"],
                              progress=context.env.stderr)
    request = {
        "StackName": stack, "TemplateBody": text, "Parameters": parameters,
        "Capabilities": args["capabilities"] or [], "Tags": tags,
        "RoleARN": args["role-arn"], "NotificationARNs": args["notification-arns"]}
    try:
        change_set_id, change_set_type = _create_change_set(client, request, uploader, context)
    except EmptyChangeSet as empty:
        if args["fail-on-empty-changeset"]:
            raise
        context.write("\n%s\n" % empty.message)
        return 0
    finally:
        if uploader is not None:
            uploader.close()
    if args["no-execute-changeset"]:
        context.write(NOT_EXECUTED.format(change_set=change_set_id))
        return 0
    _execute(client, stack, change_set_id, change_set_type, args["disable-rollback"], context)
    context.write(SUCCESS.format(stack=stack))
    return 0


def _create_change_set(client: Any, request: dict, uploader: S3Uploader | None,
                       context: Context) -> tuple[str, str]:
    """Create the change set and wait for it; its id and type."""
    from awsmini.call import translate_errors

    stack = request["StackName"]
    with translate_errors():
        request = dict(request, ChangeSetName=CHANGE_SET_PREFIX + str(int(time.time())),
                       Description="Created by AWS CLI at %s UTC" % _utc_now())
        if not _has_stack(client, stack):
            change_set_type = "CREATE"
            # a new stack has no previous values to use
            request["Parameters"] = [entry for entry in request["Parameters"]
                                     if not entry.get("UsePreviousValue", False)]
        else:
            change_set_type = "UPDATE"
            summary = client.get_template_summary(StackName=stack)
            existing = [entry["ParameterKey"] for entry in summary["Parameters"]]
            request["Parameters"] = [
                entry for entry in request["Parameters"]
                if not (entry.get("UsePreviousValue", False)
                        and entry["ParameterKey"] not in existing)]
        request["ChangeSetType"] = change_set_type
        if uploader is not None:
            request["TemplateURL"] = _upload_template(request.pop("TemplateBody"), uploader)
        # not given: the stack keeps its role and topics
        for name in ("RoleARN", "NotificationARNs"):
            if request[name] is None:
                del request[name]
        change_set_id = client.create_change_set(**request)["Id"]
        context.write(WAITING_FOR_CHANGE_SET)
        _wait_for_change_set(client, change_set_id, stack)
    return change_set_id, change_set_type


def _has_stack(client: Any, stack: str) -> bool:
    from botocore.exceptions import ClientError

    try:
        stacks = client.describe_stacks(StackName=stack)["Stacks"]
    except ClientError as error:
        # the service says so only in the message
        if "Stack with id %s does not exist" % stack in str(error):
            return False
        raise
    # A stack made by a CREATE change set that was never executed cannot be updated.
    return len(stacks) == 1 and stacks[0]["StackStatus"] != "REVIEW_IN_PROGRESS"


def _upload_template(text: str, uploader: S3Uploader) -> str:
    """Upload the template; the path-style URL CloudFormation wants."""
    from awsmini.commands.cloudformation.exporters import parse_s3_url

    with archive.text_file(text) as path:
        url = uploader.upload_with_dedup(path, "template")
    parts = parse_s3_url(url, version_property="Version")
    return uploader.path_style_url(parts["Key"], parts.get("Version"))


def _wait_for_change_set(client: Any, change_set_id: str, stack: str) -> None:
    from botocore.exceptions import WaiterError

    waiter = client.get_waiter("change_set_create_complete")
    try:
        waiter.wait(ChangeSetName=change_set_id, StackName=stack,
                    WaiterConfig={"Delay": CHANGE_SET_DELAY})
    except WaiterError as error:
        # v2 reads these two fields of the last answer; an error answer has neither,
        # and v2 then ends with the KeyError's text
        response = error.last_response or {}
        for field in ("Status", "StatusReason"):
            if field not in response:
                raise OtherError(repr(field)) from error
        status, reason = response["Status"], response["StatusReason"]
        # (v2's test, operator precedence included)
        if (status == "FAILED" and "The submitted information didn't contain changes." in reason
                or "No updates are to be performed" in reason):
            raise EmptyChangeSet(stack) from error
        raise OtherError("Failed to create the changeset: %s Status: %s. Reason: %s"
                         % (error, status, reason)) from error


def _execute(client: Any, stack: str, change_set_id: str, change_set_type: str,
             disable_rollback: bool, context: Context) -> None:
    from botocore.exceptions import WaiterError

    from awsmini.call import translate_errors

    with translate_errors():
        client.execute_change_set(ChangeSetName=change_set_id, StackName=stack,
                                  DisableRollback=disable_rollback)
        context.write(WAITING_FOR_STACK)
        name = "stack_create_complete" if change_set_type == "CREATE" else "stack_update_complete"
        try:
            client.get_waiter(name).wait(StackName=stack, WaiterConfig={
                "Delay": STACK_DELAY, "MaxAttempts": STACK_MAX_ATTEMPTS})
        except WaiterError as error:
            raise OtherError(DEPLOY_FAILED.format(stack=stack)) from error


def _utc_now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None).isoformat()
